import type { Geography, Periode } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { chromium as chromiumTool, describeWithTool } from "@dvcc/testing-tools"
import { seriousViolations } from "@dvcc/testing-tools/browser"
import { Effect } from "effect"
import { type Browser, chromium } from "playwright-core"
import { afterAll, assert, beforeAll, it } from "vitest"
import { Informatiebeeld, Jaarplan, Overzicht, Pdf } from "../src/index.ts"
import { gegevens } from "./fixtures.ts"

const data = gegevens()
const opties = (publiek: boolean): Informatiebeeld.Opties => ({
  periode: "2025-Q3" as Periode.Periode,
  publiek,
  gemaakt: "2025-11-01" as Periode.Datum,
  standGegevens: "2025-10-15" as Periode.Datum
})
const gemeente = (code: string): Geography.Gebied => ({ niveau: "gemeente", code: code as Geography.CbsCode })

/** Every report the package makes, by name. */
const rapporten = async (): Promise<ReadonlyArray<readonly [string, string]>> => {
  const run = <A>(e: Effect.Effect<A>) => Effect.runPromise(e)
  const plan = dataset.jaarplannen.find((p) => p.jaar === 2026)
  if (plan === undefined) throw new Error("jaarplan 2026 ontbreekt")
  return [
    [
      "informatiebeeld Utrecht (intern)",
      await run(Informatiebeeld.renderInformatiebeeld(data, gemeente("GM0344"), opties(false)))
    ],
    [
      "informatiebeeld Renswoude (publiek)",
      await run(Informatiebeeld.renderInformatiebeeld(data, gemeente("GM0339"), opties(true)))
    ],
    [
      "regio-overzicht (publiek)",
      await run(Overzicht.renderOverzicht(data, opties(true), new Map([["GM0344", "u.html"]])))
    ],
    ["index", Overzicht.renderIndex(data, opties(true), "regio.html", new Map([["GM0344", "u.html"]]))],
    [
      "jaarplan 2026",
      Jaarplan.html(
        plan.titel,
        Jaarplan.jaarplanBlokken(dataset, plan, "2025-10-27" as Periode.Datum),
        "voet"
      )
    ],
    [
      "terugblik 2025",
      Jaarplan.html(
        "Terugblik 2025",
        Jaarplan.terugblik(dataset, 2025, "2025-10-27" as Periode.Datum),
        "voet"
      )
    ]
  ]
}

// A4 is 210 mm wide: 794 CSS pixels on screen; printed, the page box between the margins is 184 mm.
const breedtes = [
  { media: "screen", breedte: 794 },
  { media: "print", breedte: 695 }
] as const

describeWithTool(chromiumTool, "reports in headless Chromium", (program) => {
  let browser: Browser
  let documenten: ReadonlyArray<readonly [string, string]> = []

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: program, args: [...Pdf.chromiumArgs()] })
    documenten = await rapporten()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  it("fits A4 width without overflowing any element, on screen and in print", async () => {
    for (const [naam, html] of documenten) {
      for (const { media, breedte } of breedtes) {
        const page = await browser.newPage({ viewport: { width: breedte, height: 1123 } })
        await page.emulateMedia({ media })
        await page.setContent(html, { waitUntil: "load" })
        const overloop = await page.evaluate(() =>
          [...document.body.querySelectorAll("*")]
            .filter(
              (el) => el instanceof HTMLElement && el.scrollWidth > el.clientWidth && el.clientWidth > 0
            )
            .map(
              (el) => `${el.tagName.toLowerCase()}.${el.className} (${el.scrollWidth} > ${el.clientWidth})`
            )
        )
        const pagina = await page.evaluate(() => document.documentElement.scrollWidth)
        await page.close()
        assert.deepStrictEqual(overloop, [], `${naam}, ${media} ${breedte}px`)
        assert.isAtMost(pagina, breedte, `${naam}, ${media}: the page scrolls sideways`)
      }
    }
  }, 120_000)

  it("has no serious or critical accessibility violations (axe-core)", async () => {
    for (const [naam, html] of documenten) {
      const page = await browser.newPage({ viewport: { width: 794, height: 1123 } })
      await page.setContent(html, { waitUntil: "load" })
      const ernstig = await seriousViolations(page)
      await page.close()
      assert.deepStrictEqual(ernstig, [], naam)
    }
  }, 120_000)

  it("prints the report as an A4 PDF of several pages", async () => {
    const [, html] = documenten[0] ?? ["", ""]
    const pdf = await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          const printer = yield* Pdf.Printer
          return yield* printer.pdf(html)
        }).pipe(Effect.provide(Pdf.Printer.layer(program)))
      )
    )
    const tekst = Buffer.from(pdf).toString("latin1")
    assert.isTrue(tekst.startsWith("%PDF-"))
    const paginas = [...tekst.matchAll(/\/Type\s*\/Page[^s]/g)].length
    assert.isAtLeast(paginas, 2)
    // A4: 595 × 842 points
    assert.match(tekst, /\/MediaBox\s*\[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/)
  }, 60_000)
})
