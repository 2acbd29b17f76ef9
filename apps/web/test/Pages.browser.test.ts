/// <reference lib="dom" />
import { mkdirSync } from "node:fs"
import type { AddressInfo } from "node:net"
import { fileURLToPath } from "node:url"
import { Pdf } from "@dvcc/report"
import { chromium as chromiumTool, describeWithTool } from "@dvcc/testing-tools"
import { openChromium, seriousViolations } from "@dvcc/testing-tools/browser"
import { serve } from "@hono/node-server"
import type { Browser } from "playwright-core"
import { afterAll, assert, beforeAll, it } from "vitest"
import { password } from "./fixture.ts"
import { amersfoort, district, makePagesWeb, rollen } from "./Pages.fixture.ts"

/** Screenshots of every page, kept as test artifacts (git-ignored, never committed). */
const artifacts = fileURLToPath(new URL("../artifacts/screenshots/", import.meta.url))

/** The pages of this suite, per reader. */
const pagesOf = (rol: "programma" | "gemeente"): ReadonlyArray<string> => [
  "/indicatoren/huisbezoeken?jaar=2025&peildatum=2025-12-31",
  "/indicatoren/informatiebeeld-driehoek?jaar=2025&peildatum=2025-12-31",
  "/indicatoren/aangiftebereidheid?jaar=2026&peildatum=2026-06-30",
  "/indicatoren/campagnemateriaal?jaar=2025&peildatum=2025-12-31",
  "/acties?jaar=2025",
  "/gebieden?jaar=2025",
  `/gebieden/${amersfoort}?jaar=2025`,
  ...(rol === "programma" ? [`/gebieden/${district}?jaar=2025`] : []),
  "/informatiebeeld",
  `/informatiebeeld/${amersfoort}?periode=2025-Q4`,
  ...(rol === "programma" ? ["/informatiebeeld/regio?periode=2025-Q4"] : [])
]

describeWithTool(chromiumTool, "the reading pages in headless Chromium", (program) => {
  let browser: Browser
  let web: Awaited<ReturnType<typeof makePagesWeb>>
  let server: ReturnType<typeof serve>
  let base = ""

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    web = await makePagesWeb()
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

  /** A context signed in as `rol` through the sign-in form, with JavaScript on or off. */
  const signedIn = async (rol: "programma" | "gemeente", javaScriptEnabled: boolean) => {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${base}/inloggen`)
    await page.getByLabel("E-mailadres").fill(rollen[rol].email)
    await page.getByLabel("Wachtwoord").fill(password)
    await page.getByRole("button", { name: "Inloggen" }).click()
    await page.waitForURL(`${base}/voortgang`)
    return { context, page }
  }

  const screenshotName = (rol: string, path: string, width: number) =>
    `${rol}-${path.replace(/^\//, "").replace(/[^a-zA-Z0-9]+/g, "-")}-${width}.png`

  for (const rol of ["programma", "gemeente"] as const) {
    it(`opens every page as ${rol}: no serious or critical axe violation, nothing overflows at 1280 and 375 px, no policy blocks`, async () => {
      const { context, page } = await signedIn(rol, true)
      const blocked: Array<string> = []
      page.on("console", (m) => {
        if (m.text().includes("Content Security Policy")) blocked.push(m.text())
      })
      for (const path of pagesOf(rol)) {
        await page.setViewportSize({ width: 1280, height: 900 })
        const response = await page.goto(`${base}${path}`)
        assert.strictEqual(response?.status(), 200, path)
        assert.strictEqual(await page.locator("h1").count(), 1, `one h1 on ${path}`)
        assert.deepStrictEqual(await seriousViolations(page), [], `${rol} ${path}`)
        for (const width of [1280, 375]) {
          await page.setViewportSize({ width, height: 900 })
          const overflow = await page.evaluate(() => {
            const wide = document.documentElement.scrollWidth > window.innerWidth
            const culprit = [...document.querySelectorAll("main *")].find(
              (e) => e.getBoundingClientRect().right > window.innerWidth + 1
            )
            return wide ? (culprit?.outerHTML.slice(0, 120) ?? "document") : null
          })
          assert.isNull(overflow, `no horizontal overflow at ${width} px on ${path}`)
          await page.screenshot({ path: `${artifacts}${screenshotName(rol, path, width)}`, fullPage: true })
        }
      }
      assert.deepStrictEqual(blocked, [])
      await context.close()
    }, 180_000)
  }

  it("reads every page and uses the choosing forms with JavaScript disabled", async () => {
    const { context, page } = await signedIn("gemeente", false)
    for (const path of pagesOf("gemeente")) {
      await page.goto(`${base}${path}`)
      assert.isTrue(await page.locator("h1").isVisible(), path)
    }
    await page.goto(`${base}/acties`)
    await page.getByLabel("Jaarplan").selectOption("2025")
    await page.getByRole("button", { name: "Toon" }).click()
    await page.waitForURL(`${base}/acties?jaar=2025`)
    assert.include(await page.locator("h2").first().textContent(), "Strategisch doel")
    await page.goto(`${base}/informatiebeeld/${amersfoort}`)
    await page.getByRole("textbox", { name: "Periode", exact: true }).fill("2025-Q4")
    await page.getByRole("button", { name: "Toon" }).click()
    await page.waitForURL(`${base}/informatiebeeld/${amersfoort}?periode=2025-Q4`)
    assert.include(await page.locator("h1").textContent(), "Amersfoort")
    assert.isAbove(await page.locator("table").count(), 0)
    await context.close()
  }, 60_000)

  it("downloads the informatiebeeld as a PDF printed by the process's one Chromium", async () => {
    const response = await fetch(`${base}/inloggen`)
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await response.text())?.[1] ?? ""
    const cookie = (response.headers.getSetCookie()[0] ?? "").split(";")[0] ?? ""
    const signIn = await fetch(`${base}/inloggen`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({
        _csrf: csrf,
        email: rollen.gemeente.email,
        wachtwoord: password
      }).toString()
    })
    const session =
      (signIn.headers.getSetCookie().find((c) => c.startsWith("dvcc_sessie=")) ?? "").split(";")[0] ?? ""
    const pdf = await fetch(`${base}/informatiebeeld/${amersfoort}/pdf?periode=2025-Q4`, {
      headers: { cookie: session }
    })
    assert.strictEqual(pdf.status, 200)
    assert.strictEqual(pdf.headers.get("content-type"), "application/pdf")
    assert.match(pdf.headers.get("content-disposition") ?? "", /informatiebeeld-amersfoort-2025-Q4\.pdf/)
    assert.strictEqual(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5)), "%PDF-")
  }, 60_000)

  it("reaches the own gemeente's informatiebeeld with the keyboard only", async () => {
    const { context, page } = await signedIn("gemeente", true)
    const tabTo = async (target: (href: string | null) => boolean, what: string) => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press("Tab")
        const href = await page.evaluate(() => document.activeElement?.getAttribute("href") ?? null)
        if (target(href)) return
      }
      assert.fail(`${what} not reached with Tab`)
    }
    await tabTo((href) => href === "/informatiebeeld", "the menu's Informatiebeeld")
    await page.keyboard.press("Enter")
    await page.waitForURL(`${base}/informatiebeeld`)
    await tabTo((href) => href === `/informatiebeeld/${amersfoort}`, "Amersfoort's informatiebeeld")
    await page.keyboard.press("Enter")
    await page.waitForURL(`${base}/informatiebeeld/${amersfoort}`)
    assert.include(await page.locator("h1").textContent(), "Amersfoort")
    await page.screenshot({ path: `${artifacts}gemeente-keyboard-informatiebeeld.png` })
    await context.close()
  }, 60_000)
})
