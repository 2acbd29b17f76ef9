import { readFileSync } from "node:fs"
import { Geography, Informatiebeeld, type Periode } from "@dvcc/core"
import { assert, describe, it } from "@effect/vitest"
import { dataset } from "../src/index.ts"

const csvRows = readFileSync(new URL("../data/regio-midden-nederland.csv", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [code, naam, provincie, district, basisteam, inwoners] = line.split(",")
    return { code, naam, provincie, district, basisteam, inwoners }
  })

// district,"GM0034 GM0050 …",bron — the bron column may hold commas, inside quotes.
const districtRows = readFileSync(new URL("../data/politie-districten.csv", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const match = /^([^,]+),"?([^"]*)"?,"?(.*?)"?$/.exec(line)
    if (match === null) throw new Error(`unreadable row: ${line}`)
    const [, district = "", gemeenten = "", bron = ""] = match
    return { district, gemeenten: gemeenten.split(" ").filter((c) => c !== ""), bron }
  })

const expectedIndicatoren: Record<number, ReadonlyArray<string>> = {
  2025: [
    "informatiebeeld-driehoek",
    "aangiftebereidheid",
    "campagnemateriaal",
    "kennisbijeenkomsten",
    "instroom",
    "riec-casus-per-district",
    "bestuurlijke-rapportages",
    "slachtofferschap",
    "communicatie-uiting-per-gemeente",
    "regionale-media-aandacht",
    "mailupdates",
    "nieuwsbrieven",
    "ciso-bijeenkomsten",
    "cyberoefendriehoek-deelname",
    "jeugdprofessionals-sessies",
    "echt-nep-bereik",
    "train-de-trainer",
    "actiedag-acties",
    "huisbezoeken"
  ],
  2026: [
    "werkwijze-informatiebeeld",
    "aangiftebereidheid",
    "contentsuggesties",
    "kennisbijeenkomsten",
    "instroom",
    "riec-casus-per-district",
    "bestuurlijke-aanpak-geborgd",
    "riec-casussen-online",
    "slachtofferschap",
    "uitvoeringsprogramma-per-district",
    "actiedag-activiteiten"
  ]
}

const plan = (jaar: number) => {
  const found = dataset.jaarplannen.find((p) => p.jaar === jaar)
  assert.isDefined(found)
  return found
}

describe("dataset", () => {
  it("decodes with the programme and its five baten", () => {
    assert.strictEqual(dataset.program.naam, "Digitale Veiligheid en Cybercrime")
    assert.deepStrictEqual(dataset.program.strategieperioden[0].looptijd, { van: 2023, tot: 2026 })
    assert.deepStrictEqual(
      dataset.program.strategieperioden[0].baten.map((b) => [b.id, b.doel]),
      [
        ["baat-1", "kundiger"],
        ["baat-2", "voorkomen"],
        ["baat-3", "kundiger"],
        ["baat-4", "voorkomen"],
        ["baat-5", "voorkomen"]
      ]
    )
    assert.strictEqual(dataset.program.strategieperioden[0].randvoorwaarden.length, 8)
    assert.deepStrictEqual(dataset.activiteiten, [])
  })

  it("holds the 38 gemeenten of the CSV, with unknowns left unknown", () => {
    assert.strictEqual(csvRows.length, 38)
    assert.deepStrictEqual(
      dataset.regio.gemeenten.map((g) => ({ code: g.code, naam: g.naam, provincie: g.provincie })),
      csvRows.map((r) => ({ code: r.code, naam: r.naam, provincie: r.provincie }))
    )
    for (const row of csvRows)
      assert.deepStrictEqual([row.district, row.basisteam, row.inwoners], ["", "", ""])
    for (const gemeente of dataset.regio.gemeenten) {
      assert.isNull(gemeente.basisteam)
      assert.deepStrictEqual(gemeente.inwoners, [])
    }
    assert.deepStrictEqual(dataset.regio.basisteams, [])
  })

  it("holds the five police districts of the districts CSV, with only the gemeenten a source names", () => {
    assert.deepStrictEqual(
      dataset.regio.districten.map((d) => d.naam),
      districtRows.map((r) => r.district)
    )
    for (const row of districtRows) {
      const district = dataset.regio.districten.find((d) => d.naam === row.district)
      assert.isDefined(district)
      assert.deepStrictEqual(
        Geography.gemeentenIn(dataset.regio, { niveau: "district", id: district.id }).map((g) => g.code),
        row.gemeenten,
        row.district
      )
      assert.isAbove(row.bron.length, 0, row.district)
    }
    // Oost-Utrecht and West-Utrecht: no source at hand says which gemeenten they hold.
    assert.deepStrictEqual(
      districtRows.filter((r) => r.gemeenten.length === 0).map((r) => r.district),
      ["Oost-Utrecht", "West-Utrecht"]
    )
    const zonder = dataset.regio.gemeenten.filter((g) => g.district === null)
    assert.strictEqual(zonder.length, 25)
    for (const g of zonder) assert.strictEqual(g.provincie, "Utrecht")
  })

  it("has 11 acties in 2025 and 10 in 2026, numbered in order", () => {
    assert.deepStrictEqual(
      plan(2025).acties.map((a) => a.nummer),
      Array.from({ length: 11 }, (_, i) => i + 1)
    )
    assert.deepStrictEqual(
      plan(2026).acties.map((a) => a.nummer),
      Array.from({ length: 10 }, (_, i) => i + 1)
    )
    for (const actie of plan(2026).acties) assert.isNull(actie.status)
  })

  it("links acties to the baten whose Doel section lists them", () => {
    const baten = (jaar: number, nummer: number): ReadonlyArray<string> | undefined =>
      plan(jaar).acties.find((a) => a.nummer === nummer)?.baten
    assert.deepStrictEqual(baten(2025, 3), ["baat-2", "baat-5"])
    assert.deepStrictEqual(baten(2025, 5), ["baat-3", "baat-4"])
    assert.deepStrictEqual(baten(2026, 8), ["baat-4", "baat-5"])
    assert.deepStrictEqual(baten(2026, 9), ["baat-4", "baat-5"])
  })

  it("has every indicator id for its year", () => {
    for (const [jaar, ids] of Object.entries(expectedIndicatoren)) {
      const actual = dataset.indicatoren.filter((i) => i.jaar === Number(jaar)).map((i) => i.id)
      assert.sameMembers(actual, [...ids], `indicatoren ${jaar}`)
    }
  })

  it("gives every measurement, registration and series break a herkomst with document and sectie", () => {
    const herkomsten = [
      ...dataset.metingen.map((m) => m.herkomst),
      ...dataset.registraties.map((r) => r.herkomst),
      ...dataset.reeksbreuken.map((r) => r.herkomst),
      ...dataset.indicatoren.map((i) => i.herkomst)
    ]
    for (const herkomst of herkomsten) {
      assert.include(["Jaarplan 2025", "Jaarplan 2026"], herkomst.document)
      assert.isNotEmpty(herkomst.sectie)
    }
    for (const meting of dataset.metingen) assert.isNotEmpty(meting.herkomst.citaat ?? "", meting.id)
  })

  it("records no instroom measurement, because it follows in January 2026", () => {
    assert.isFalse(dataset.metingen.some((m) => m.indicator === "instroom"))
    const instroom = dataset.indicatoren.find((i) => i.jaar === 2025 && i.id === "instroom")
    assert.strictEqual(instroom?.verwachtOp, "2026-01-31")
  })

  it("keeps the 2024 police figures with their bounds and damage in cents", () => {
    const aanEnVerkoop = dataset.registraties.find((r) => r.delict === "aan-en-verkoopfraude")
    assert.strictEqual(aanEnVerkoop?.slachtoffers, 5500)
    assert.strictEqual(aanEnVerkoop?.schade, 130_000_000)
    assert.strictEqual(aanEnVerkoop?.kwalificaties?.slachtoffers, "ruim")
    const belegging = dataset.registraties.find((r) => r.delict === "beleggingsfraude")
    assert.strictEqual(belegging?.schade, 560_000_000)
    assert.isNull(belegging?.aangiften)
    assert.deepStrictEqual(
      dataset.reeksbreuken.map((r) => ({ vanaf: String(r.vanaf), delicten: [...r.delicten] })),
      [{ vanaf: "2024", delicten: [] }]
    )
  })
})

describe("continuity from 2025 to 2026", () => {
  it("points every voorganger of a 2026 actie at an existing 2025 actie, with the same id when it continues", () => {
    const ids2025 = new Set(plan(2025).acties.map((a) => a.id))
    for (const actie of plan(2026).acties) {
      if (ids2025.has(actie.id))
        assert.deepStrictEqual(actie.voorganger, { jaar: 2025, id: actie.id }, actie.id)
      if (actie.voorganger !== null) {
        assert.strictEqual(actie.voorganger.jaar, 2025)
        assert.isTrue(ids2025.has(actie.voorganger.id), `${actie.id} → ${actie.voorganger.id}`)
      }
    }
    const digitaleVerstoring = plan(2026).acties.find((a) => a.nummer === 7)
    assert.deepStrictEqual(digitaleVerstoring?.voorganger, { jaar: 2025, id: "cyberoefendriehoek" })
  })

  it("points every voorganger of a 2026 indicator at the 2025 indicator with the same id", () => {
    const ids2025 = new Set(dataset.indicatoren.filter((i) => i.jaar === 2025).map((i) => i.id))
    const continuing = dataset.indicatoren.filter((i) => i.jaar === 2026 && ids2025.has(i.id))
    assert.sameMembers(
      continuing.map((i) => i.id),
      ["aangiftebereidheid", "kennisbijeenkomsten", "instroom", "riec-casus-per-district", "slachtofferschap"]
    )
    for (const indicator of dataset.indicatoren.filter((i) => i.jaar === 2026)) {
      const expected = ids2025.has(indicator.id) ? { jaar: 2025, id: indicator.id } : null
      assert.deepStrictEqual(indicator.voorganger, expected, indicator.id)
    }
  })
})

describe("the region's informatiebeeld on the bundled data", () => {
  it("counts the gemeenten without inhabitants instead of naming all 38", () => {
    const beeld = Informatiebeeld.make({
      regio: dataset.regio,
      registraties: dataset.registraties,
      reeksbreuken: dataset.reeksbreuken,
      gebied: { niveau: "regio" },
      periode: "2024" as Periode.Periode
    })
    const opmerking = beeld.opmerkingen.find((o) => o.startsWith("inwonertal onbekend"))
    assert.strictEqual(
      opmerking,
      `inwonertal onbekend: per 10.000 inwoners niet te berekenen (geen inwonertal voor alle ${dataset.regio.gemeenten.length} gemeenten)`
    )
  })

  it("has no figures for a district without known gemeenten, and says so", () => {
    const beeld = Informatiebeeld.make({
      regio: dataset.regio,
      registraties: dataset.registraties,
      reeksbreuken: dataset.reeksbreuken,
      gebied: { niveau: "district", id: "oost-utrecht" },
      periode: "2024" as Periode.Periode
    })
    assert.strictEqual(beeld.naam, "district Oost-Utrecht")
    assert.deepStrictEqual(beeld.gemeenten, [])
    assert.isNull(beeld.inwoners)
    assert.isNull(beeld.totaal.slachtoffers.waarde)
    assert.include(
      beeld.opmerkingen,
      "district Oost-Utrecht heeft geen (bekende) gemeenten in de regio: cijfers en inwonertal onbekend"
    )
  })
})
