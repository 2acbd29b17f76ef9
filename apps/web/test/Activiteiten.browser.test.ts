import type { AddressInfo } from "node:net"
import { Pdf } from "@dvcc/report"
import { chromium as chromiumTool, describeWithTool } from "@dvcc/testing-tools"
import { openChromium, overflowsViewport, seriousViolations } from "@dvcc/testing-tools/browser"
import { serve } from "@hono/node-server"
import type { Browser, Page } from "playwright-core"
import { afterAll, assert, beforeAll, it } from "vitest"
import { accounts, makeWeb, password } from "./fixture.ts"

describeWithTool(chromiumTool, "the Activiteiten pages in headless Chromium", (program) => {
  let browser: Browser
  let web: Awaited<ReturnType<typeof makeWeb>>
  let server: ReturnType<typeof serve>
  let base = ""

  beforeAll(async () => {
    web = await makeWeb()
    server = serve({ fetch: web.app.fetch, port: 0, hostname: "127.0.0.1" })
    await new Promise<void>((resolve) => server.once("listening", () => resolve()))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await openChromium(program, Pdf.chromiumArgs())
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await new Promise((resolve) => server?.close(resolve))
    await web?.dispose()
  })

  /** Presses Tab until the element with `id` has the focus; fails after `limit` presses. */
  const tabTo = async (page: Page, id: string, limit = 60) => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press("Tab")
      if ((await page.evaluate(() => document.activeElement?.id ?? "")) === id) return
    }
    assert.fail(`Tab never reached #${id}`)
  }

  it("a gemeente's adviser records a bespreking with two afspraken by keyboard only; axe finds nothing serious; nothing overflows", async () => {
    const context = await browser.newContext({ locale: "nl-NL", viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${base}/inloggen`)
    await tabTo(page, "email")
    await page.keyboard.type(accounts.gemeente.email)
    await tabTo(page, "wachtwoord")
    await page.keyboard.type(password)
    await page.keyboard.press("Enter")
    await page.waitForURL(`${base}/voortgang`)

    await page.goto(`${base}/activiteiten/nieuw?soort=informatiebeeld-besproken-in-driehoek`)
    assert.strictEqual(await page.getByRole("heading", { level: 1 }).textContent(), "Activiteit toevoegen")
    await tabTo(page, "datum")
    await page.keyboard.type("15122025")
    await tabTo(page, "omschrijving")
    await page.keyboard.type("Informatiebeeld besproken in de basisteamdriehoek")
    await tabTo(page, "informatiebeeld")
    await page.keyboard.type("2025-Q4")
    await tabTo(page, "deelnemers")
    await page.keyboard.type("burgemeester")
    await page.keyboard.press("Enter")
    await page.keyboard.type("politie basisteam")
    await tabTo(page, "afspraak-0-wat")
    await page.keyboard.type("Voorlichting senioren over phishing")
    await tabTo(page, "afspraak-0-wie")
    await page.keyboard.type("gemeente")
    await tabTo(page, "afspraak-1-wat")
    await page.keyboard.type("Cijfers helpdeskfraude uitzoeken")
    await tabTo(page, "afspraak-1-wie")
    await page.keyboard.type("politie basisteam")
    // Every field of the form has a label the browser knows.
    assert.deepStrictEqual(
      await page.evaluate(() =>
        [...document.querySelectorAll("main input:not([type=hidden]), main select, main textarea")]
          .filter((e) => (e as HTMLInputElement).labels?.length === 0)
          .map((e) => e.id)
      ),
      []
    )
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 })
      assert.isFalse(await overflowsViewport(page), `no horizontal overflow at ${width} px on the form`)
    }
    assert.deepStrictEqual(await seriousViolations(page), [], "the form")
    // Opslaan, by keyboard.
    await tabTo(page, "opslaan")
    await page.keyboard.press("Enter")
    await page.waitForURL(/\/activiteiten\?vastgelegd=/)
    assert.isTrue(await page.getByText("De activiteit is vastgelegd.").isVisible())
    assert.isTrue(await page.getByText("2 afspraken, 2 open").isVisible())

    for (const path of ["/activiteiten", "/activiteiten/afspraken"]) {
      await page.goto(`${base}${path}`)
      assert.deepStrictEqual(await seriousViolations(page), [], path)
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 })
        assert.isFalse(await overflowsViewport(page), `no horizontal overflow at ${width} px on ${path}`)
      }
    }
    // Afgerond, by keyboard, on the follow-up view.
    await page.goto(`${base}/activiteiten/afspraken`)
    await page.getByRole("button", { name: "Afgerond: Voorlichting senioren over phishing" }).focus()
    await page.keyboard.press("Enter")
    await page.waitForURL(`${base}/activiteiten/afspraken?afgerond=1`)
    assert.strictEqual(await page.getByText("Voorlichting senioren over phishing").count(), 0)
    assert.strictEqual(await page.getByText("Cijfers helpdeskfraude uitzoeken").count(), 1)
    await context.close()
  }, 90_000)

  it("shows the mistakes with JavaScript off: the summary links to the field", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${base}/inloggen`)
    await page.getByLabel("E-mailadres").fill(accounts.gemeente.email)
    await page.getByLabel("Wachtwoord").fill(password)
    await page.getByRole("button", { name: "Inloggen" }).click()
    await page.waitForURL(`${base}/voortgang`)
    await page.goto(`${base}/activiteiten/nieuw?soort=informatiebeeld-besproken-in-driehoek`)
    await page.getByLabel("Wat is afgesproken").first().fill("Zonder wie")
    await page.getByRole("button", { name: "Afspraak toevoegen" }).click()
    assert.strictEqual(await page.locator("fieldset.afspraak").count(), 4)
    await page.getByRole("button", { name: "Opslaan" }).click()
    assert.strictEqual(await page.title(), "Fout: activiteit toevoegen – dvcc")
    await page.getByRole("link", { name: "Afspraak 1: vul in wie de afspraak uitvoert." }).click()
    assert.strictEqual(new URL(page.url()).hash, "#afspraak-0-wie")
    await context.close()
  }, 60_000)
})
