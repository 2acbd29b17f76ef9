import type { AddressInfo } from "node:net"
import { Pdf } from "@dvcc/report"
import { chromium as chromiumTool, describeWithTool } from "@dvcc/testing-tools"
import { openChromium, overflowsViewport, seriousViolations } from "@dvcc/testing-tools/browser"
import { serve } from "@hono/node-server"
import type { Browser } from "playwright-core"
import { afterAll, assert, beforeAll, it } from "vitest"
import { accounts, makeWeb, password } from "./fixture.ts"

describeWithTool(chromiumTool, "the web app in headless Chromium", (program) => {
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

  it("signs in and reads Voortgang with JavaScript off; axe reports no serious or critical violation, nothing overflows", async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 }
    })
    const page = await context.newPage()
    const blocked: Array<string> = []
    page.on("console", (m) => {
      if (m.text().includes("Content Security Policy")) blocked.push(m.text())
    })
    await page.goto(`${base}/`)
    assert.strictEqual(await page.title(), "Inloggen – dvcc")
    await page.getByLabel("E-mailadres").fill(accounts.gemeente.email)
    await page.getByLabel("Wachtwoord").fill(password)
    await page.getByRole("button", { name: "Inloggen" }).click()
    await page.waitForURL(`${base}/voortgang`)
    assert.strictEqual(await page.getByRole("heading", { level: 1 }).textContent(), "Voortgang")
    assert.isTrue(await page.getByText(accounts.gemeente.email).isVisible())
    assert.isAbove(await page.locator("table").count(), 0)

    // axe needs script: read the same pages, with the same session, in a context that runs it. The pages
    // themselves have none, so they are the same pages.
    const checking = await browser.newContext({ storageState: await context.storageState() })
    const checked = await checking.newPage()
    checked.on("console", (m) => {
      if (m.text().includes("Content Security Policy")) blocked.push(m.text())
    })
    for (const path of ["/voortgang"]) {
      await checked.goto(`${base}${path}`)
      // The stylesheet served by dvcc is loaded under the policy.
      assert.isAbove(await checked.evaluate(() => document.styleSheets[0]?.cssRules.length ?? 0), 100)
      assert.deepStrictEqual(await seriousViolations(checked), [], path)
      for (const width of [1280, 375]) {
        await checked.setViewportSize({ width, height: 900 })
        assert.isFalse(await overflowsViewport(checked), `no horizontal overflow at ${width} px on ${path}`)
      }
    }
    await checking.close()
    const anonymous = await browser.newPage()
    await anonymous.goto(`${base}/inloggen`)
    assert.deepStrictEqual(await seriousViolations(anonymous), [], "/inloggen")
    await anonymous.close()
    await page.getByRole("button", { name: "Uitloggen" }).click()
    await page.waitForURL(`${base}/inloggen`)
    await page.goto(`${base}/voortgang`)
    assert.strictEqual(new URL(page.url()).pathname, "/inloggen", "signed out on the server")
    assert.deepStrictEqual(blocked, [])
    await context.close()
  }, 60_000)
})
