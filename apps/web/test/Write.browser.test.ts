/// <reference lib="dom" />
/**
 * The pages that write, in headless Chromium with JavaScript off (the forms post, links navigate): upload a
 * workbook with a mistake and see its cell, upload the fixed one, import, undo; a beheerder creates an
 * account and its one-time link works; axe (in a context that runs script, on the same pages) reports no
 * serious or critical violation; nothing overflows at 375 px. Screenshots go to `apps/web/artifacts/`
 * (git-ignored). Skipped, visibly, without Chromium; under `CI=true` that is a failure.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Pdf } from "@dvcc/report"
import { chromium as chromiumTool, describeWithTool } from "@dvcc/testing-tools"
import { openChromium, overflowsViewport, seriousViolations } from "@dvcc/testing-tools/browser"
import { serve } from "@hono/node-server"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, assert, beforeAll, it } from "vitest"
import { accounts, makeWeb, password } from "./fixture.ts"
import { activiteiten } from "./workbooks.ts"

const artifacts = fileURLToPath(new URL("../artifacts/", import.meta.url))

describeWithTool(chromiumTool, "the pages that write, in headless Chromium", (program) => {
  let browser: Browser
  let web: Awaited<ReturnType<typeof makeWeb>>
  let server: ReturnType<typeof serve>
  let base = ""
  const files = join(tmpdir(), `dvcc-web-write-${process.pid}`)

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    mkdirSync(files, { recursive: true })
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

  const signedIn = async (email: string): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 }
    })
    const page = await context.newPage()
    await page.goto(`${base}/inloggen`)
    await page.getByLabel("E-mailadres").fill(email)
    await page.getByLabel("Wachtwoord").fill(password)
    await page.getByRole("button", { name: "Inloggen" }).click()
    await page.waitForURL(`${base}/voortgang`)
    return { context, page }
  }

  /** axe's serious and critical violations, and overflow at 375 px, on `path` with this session. */
  const check = async (context: BrowserContext, path: string, name: string) => {
    const checking = await browser.newContext({ storageState: await context.storageState() })
    const page = await checking.newPage()
    await page.goto(`${base}${path}`)
    assert.deepStrictEqual(await seriousViolations(page), [], path)
    await page.setViewportSize({ width: 375, height: 900 })
    assert.isFalse(await overflowsViewport(page), `no horizontal overflow at 375 px on ${path}`)
    await page.screenshot({ path: join(artifacts, `${name}-375.png`), fullPage: true })
    await checking.close()
  }

  it("uploads a workbook with a mistake, shows its cell, imports the fixed one and undoes it, without JavaScript", async () => {
    const { context, page } = await signedIn(accounts.programma.email)
    await page.getByRole("link", { name: "Import" }).click()
    await page.waitForURL(`${base}/import`)
    await check(context, "/import", "import")

    const wrong = join(files, "fout.xlsx")
    writeFileSync(wrong, await activiteiten(["Amersfoort", "Amersfort"], " browser"))
    await page.getByLabel("Werkmap (.xlsx)").setInputFiles(wrong)
    await page.getByRole("button", { name: "Controleer" }).click()
    await page.waitForLoadState()
    const problem = page.getByRole("row", { name: /B3/ })
    assert.include(await problem.textContent(), "Amersfort")
    await page.screenshot({ path: join(artifacts, "import-fout.png"), fullPage: true })
    // The error summary links to the field.
    assert.strictEqual(await page.getByRole("alert").getByRole("link").getAttribute("href"), "#bestand")

    const fixed = join(files, "goed.xlsx")
    writeFileSync(fixed, await activiteiten(["Amersfoort", "Utrecht"], " browser"))
    await page.getByLabel("Werkmap (.xlsx)").setInputFiles(fixed)
    await page.getByRole("button", { name: "Controleer" }).click()
    await page.waitForLoadState()
    assert.isTrue(await page.getByText("Gecontroleerd, nog niet geïmporteerd").isVisible())
    await page.getByRole("button", { name: "Importeer", exact: true }).click()
    await page.waitForLoadState()
    assert.isTrue(await page.getByText("goed.xlsx is geïmporteerd").isVisible())
    await page.screenshot({ path: join(artifacts, "import-klaar.png"), fullPage: true })

    await page.getByRole("button", { name: "Maak ongedaan (goed.xlsx)" }).click()
    await page.waitForLoadState()
    assert.isTrue(await page.getByText(/is ongedaan gemaakt: 2 rijen verwijderd/).isVisible())
    await context.close()
  }, 120_000)

  it("lets a beheerder create an account whose link works; Metingen and Beheer pass axe and fit 375 px", async () => {
    const { context, page } = await signedIn(accounts.beheerder.email)
    await check(context, "/metingen", "metingen")
    await check(context, "/beheer", "beheer")
    await page.getByRole("link", { name: "Beheer" }).click()
    await page.getByLabel("E-mailadres").fill("browser@amersfoort.nl")
    await page.getByLabel("Rol").first().selectOption("gemeente")
    await page.getByLabel("Scope").first().fill("GM0307")
    await page.getByRole("button", { name: "Maak account" }).click()
    await page.waitForLoadState()
    const link = (await page.locator("#link").textContent()) ?? ""
    assert.match(link, /\/wachtwoord\/[\w-]{43}$/)
    await page.screenshot({ path: join(artifacts, "beheer-account.png"), fullPage: true })

    const newcomer = await browser.newContext({ javaScriptEnabled: false })
    const own = await newcomer.newPage()
    await own.goto(link)
    await own.getByLabel("Nieuw wachtwoord").fill(password)
    await own.getByLabel(/Herhaal/).fill(password)
    await own.getByRole("button", { name: "Wachtwoord instellen" }).click()
    await own.waitForURL(`${base}/inloggen?wachtwoord=gezet`)
    await own.getByLabel("E-mailadres").fill("browser@amersfoort.nl")
    await own.getByLabel("Wachtwoord").fill(password)
    await own.getByRole("button", { name: "Inloggen" }).click()
    await own.waitForURL(`${base}/voortgang`)
    assert.isTrue(await own.getByText("browser@amersfoort.nl").isVisible())
    assert.strictEqual(await own.getByRole("link", { name: "Beheer" }).count(), 0, "not in a gemeente's menu")
    await newcomer.close()

    // Metingen with JavaScript off: the error summary links to the field, then a measurement is recorded.
    await page.getByRole("link", { name: "Metingen" }).click()
    await page.getByLabel("Indicator").selectOption({ index: 1 })
    await page.getByLabel("Periode").fill("Q1 2026")
    await page.getByLabel("Gebied").fill("Amersfoort")
    await page.getByLabel("Waarde").fill("veel")
    await page.getByRole("button", { name: "Vastleggen" }).click()
    await page.waitForLoadState()
    assert.strictEqual(
      await page.getByRole("alert").getByRole("link").first().getAttribute("href"),
      "#waarde"
    )
    await page.getByLabel("Waarde").fill("12,5")
    await page.getByRole("button", { name: "Vastleggen" }).click()
    await page.waitForLoadState()
    assert.isTrue(await page.getByText("Nieuwe meting vastgelegd.").isVisible())
    await page.screenshot({ path: join(artifacts, "metingen.png"), fullPage: true })
    await context.close()
  }, 120_000)
})
