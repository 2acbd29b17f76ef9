import type { Din, Indicator, Periode } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { assert, describe, it } from "@effect/vitest"
import { indicatorLines } from "../src/Lines.ts"
import * as Model from "../src/Model.ts"
import * as Table from "../src/Table.ts"
import { bar, sparkline, visibleWindow, wrap } from "../src/Text.ts"
import { model } from "./render.ts"

describe("the model", () => {
  it("opens on the jaarplan of the peildatum's year, else the latest before it", () => {
    assert.strictEqual(Model.defaultJaar(model), 2025)
    assert.strictEqual(Model.defaultJaar(Model.make(dataset, "2026-11-25" as Periode.Datum, "x")), 2026)
    assert.strictEqual(Model.defaultJaar(Model.make(dataset, "2030-01-01" as Periode.Datum, "x")), 2026)
  })

  it("builds the DIN tree doel → baat → indicator with every indicator of the year once", () => {
    const rows = Model.voortgangRows(model, 2025, [], "")
    assert.deepStrictEqual(
      rows.filter((r) => r._tag === "Doel").map((r) => r.key),
      ["doel:voorkomen", "doel:kundiger"]
    )
    const ids = rows.flatMap((r) => (r._tag === "Indicator" ? [r.indicator.id] : []))
    assert.deepStrictEqual(
      [...ids].sort(),
      dataset.indicatoren
        .filter((i) => i.jaar === 2025)
        .map((i) => i.id)
        .sort()
    )
  })

  it("hides the children of a folded baat; a search shows matches with their ancestors", () => {
    const folded = Model.voortgangRows(model, 2025, ["baat:baat-2"], "")
    assert.isFalse(folded.some((r) => r._tag === "Indicator" && r.indicator.id === "campagnemateriaal"))
    assert.isTrue(folded.some((r) => r.key === "baat:baat-2"))
    const found = Model.voortgangRows(model, 2025, ["doel:kundiger"], "kennis")
    assert.deepStrictEqual(
      found.map((r) => r.key),
      ["doel:kundiger", "baat:baat-3", "indicator:kennisbijeenkomsten"]
    )
    assert.deepStrictEqual(Model.voortgangRows(model, 2025, [], "bestaat-niet"), [])
  })

  it("measures the way to the target along the trajectory, in either direction", () => {
    const traject = (basis: number, doel: number): Indicator.Indicator =>
      ({
        regel: {
          soort: "traject",
          basis: { periode: "2023", waarde: basis },
          doel: { periode: "2027", waarde: doel },
          tolerantie: 1
        }
      }) as unknown as Indicator.Indicator
    const cijfers = (gemeten: number | null) => ({ gemeten, verwacht: null, doel: null, periode: null })
    assert.closeTo(Model.fractie(traject(16.9, 20), cijfers(18)) ?? -1, 1.1 / 3.1, 1e-9)
    assert.closeTo(Model.fractie(traject(15.6, 13), cijfers(14.3)) ?? -1, 0.5, 1e-9)
    assert.strictEqual(Model.fractie(traject(15.6, 13), cijfers(17)), 0)
    assert.isNull(Model.fractie(traject(15.6, 13), cijfers(null)))
    const minimum = { regel: { soort: "minimum-aantal" } } as unknown as Indicator.Indicator
    assert.strictEqual(Model.fractie(minimum, { gemeten: 12, verwacht: null, doel: 5, periode: null }), 1)
    assert.isNull(Model.fractie(minimum, { gemeten: 2, verwacht: null, doel: null, periode: null }))
  })

  it("puts the acties on the board by status and filters on a baat", () => {
    const all = Model.actieItems(model, 2025, null, "")
    assert.strictEqual(all.length, 11)
    assert.deepStrictEqual([...new Set(all.map((i) => i.kolom))], ["op-te-starten", "lopend", "doorlopend"])
    assert.deepStrictEqual(
      Model.actieItems(model, 2025, "baat-1" as Din.BaatId, "").map((i) => i.actie.nummer),
      [2, 1]
    )
    assert.isTrue(Model.actieItems(model, 2026, null, "").every((i) => i.kolom === "onbekend"))
  })

  it("lists every gemeente with unknown district and basisteam as onbekend, and the coverage agreements", () => {
    const view = Model.gebied(model, 2025, "")
    assert.strictEqual(view.gemeenten.length, 38)
    assert.isTrue(view.gemeenten.every((g) => g.basisteam === "onbekend"))
    assert.strictEqual(view.gemeenten.find((g) => g.gemeente.code === "GM0034")?.district, "Flevoland")
    assert.strictEqual(view.gemeenten.filter((g) => g.district === "onbekend").length, 25)
    assert.deepStrictEqual(
      view.districten.map((d) => [d.district.naam, d.gemeenten]),
      [
        ["Flevoland", 6],
        ["Gooi en Vechtstreek", 6],
        ["Utrecht-Stad", 1],
        ["Oost-Utrecht", 0],
        ["West-Utrecht", 0]
      ]
    )
    assert.includeMembers(
      view.dekking.map((p) => p.indicator),
      ["riec-casus-per-district", "communicatie-uiting-per-gemeente"]
    )
  })

  it("offers the region first and says which areas have registrations", () => {
    const keuzes = Model.gebiedKeuzes(model, "")
    assert.strictEqual(keuzes[0]?.code, "regio")
    assert.strictEqual(keuzes[0]?.registraties, 3)
    assert.strictEqual(keuzes.find((k) => k.code === "GM0344")?.registraties, 0)
    assert.deepStrictEqual(
      Model.gebiedKeuzes(model, "utrecht").map((k) => k.naam),
      ["Utrecht", "Utrechtse Heuvelrug"]
    )
    assert.strictEqual(model.periode, "2024")
  })
})

describe("the informatiebeeld table", () => {
  const regio = Model.informatiebeeld(dataset, { niveau: "regio" }, "2024" as Periode.Periode)

  it("has a row per delict type and a total, with bounds and unknowns written out", () => {
    const lines = Table.tabelRegels(regio, 200)
    assert.match(
      lines[0] ?? "",
      /^Delict +Slachtoffers +Per 10\.000 +t\.o\.v\. 2023 +Rang +Schade +Aangiften +Meldingen$/
    )
    assert.match(
      lines[2] ?? "",
      /^aan- en verkoopfraude +ruim 5\.500 +n\.b\. +n\.b\. +n\.b\. +ruim € 1,3 mln +ruim 5\.500 +n\.b\.$/
    )
    assert.match(lines.at(-1) ?? "", /^Totaal +meer dan 6\.884/)
  })

  it("keeps the most important columns when narrow", () => {
    const lines = Table.tabelRegels(regio, 60)
    for (const line of lines) assert.isAtMost(line.length, 60, line)
    assert.match(lines[0] ?? "", /^Delict +Slachtoffers/)
    assert.notInclude(lines[0] ?? "", "Meldingen")
  })

  it("says so when a gemeente has no registrations, and that the data is regional only", () => {
    const utrecht = Model.informatiebeeld(
      dataset,
      { niveau: "gemeente", code: "GM0344" as never },
      "2025-Q3" as Periode.Periode
    )
    const text = Table.renderInformatiebeeld(
      utrecht,
      dataset.regio,
      Table.alleenRegionaal(dataset.registraties)
    )
    assert.include(text, "Informatiebeeld Utrecht (GM0344) — 2025 Q3")
    assert.include(text, "Voor Utrecht zijn nog geen registraties vastgelegd voor 2025 Q3")
    assert.include(text, "alleen cijfers voor de regio Midden-Nederland als geheel")
    assert.notInclude(text, "Delict ")
  })
})

describe("text", () => {
  it("draws bars, sparklines and windows", () => {
    assert.strictEqual(bar(0.5, 10), "█████░░░░░")
    assert.strictEqual(bar(2, 4), "████")
    assert.strictEqual(bar(Number.NaN, 3), "░░░")
    assert.strictEqual(sparkline([1, 2, 3]), "▁▅█")
    assert.strictEqual(sparkline([5, 5]), "▄▄")
    assert.deepStrictEqual(visibleWindow(100, 50, 10), { start: 45, end: 55 })
    assert.deepStrictEqual(visibleWindow(100, 99, 10), { start: 90, end: 100 })
    assert.deepStrictEqual(visibleWindow(5, 3, 10), { start: 0, end: 5 })
    for (const line of wrap("een twee drie vier vijf zes zeven acht negen tien", 12))
      assert.isAtMost(line.length, 12)
  })
})

describe("a KPI counted from the activity register", () => {
  const activiteiten = ["2026-01-08", "2026-01-29"].map((datum, i) => ({
    id: `kb-${i + 1}`,
    datum: datum as Periode.Datum,
    gemeente: null,
    soort: "kennisbijeenkomst" as const,
    omschrijving: `Leerlijn sessie ${i + 1}`
  }))
  const withActivities = Model.make({ ...dataset, activiteiten }, "2026-02-10" as Periode.Datum, "x")

  it("the Voortgang rows count the doel as measured", () => {
    const doel3 = Model.voortgangRows(withActivities, 2026, [], "").find((r) => r.key === "baat:baat-3")
    assert.strictEqual(doel3?._tag === "Baat" ? doel3.telling.gemeten : -1, 1)
  })

  it("the Indicator screen names the activities, the stand and when data is due", () => {
    const text = indicatorLines(withActivities, 2026, "kennisbijeenkomsten", 120)
      .map((l) => l.text)
      .join("\n")
    assert.include(text, "kennisbijeenkomsten — jaarplan 2026, Doel 3:")
    assert.include(text, "Activiteit 8 januari 2026: Leerlijn sessie 1 (activiteitenregister)")
    assert.include(text, "Activiteit 29 januari 2026: Leerlijn sessie 2 (activiteitenregister)")
    assert.include(text, "Stand op 31 januari 2026")
    assert.include(text, "Gegevens elke maand, verwacht 1 maand na de periode")
  })
})
