/**
 * The verdicts Jaarplan 2026 (bijlage 2, Terugblik 2025) reaches, reached again by the progress rules on
 * the bundled data, judged on 31 December 2025.
 */
import { Din, type Periode, Progress, Rollup, Status } from "@dvcc/core"
import { assert, describe, it } from "@effect/vitest"
import { dataset } from "../src/index.ts"

const evaluate2025 = (peildatum: string) =>
  Progress.evaluateAll(
    dataset.indicatoren.filter((i) => i.jaar === 2025),
    dataset.metingen,
    { peildatum: peildatum as Periode.Datum, regio: dataset.regio }
  )

const at = (id: string, peildatum = "2025-12-31"): Progress.Progress => {
  const progress = evaluate2025(peildatum).find((p) => p.indicator === id)
  if (progress === undefined) throw new Error(`no indicator ${id} in 2025`)
  return progress
}

describe("Terugblik 2025 on 31 December 2025", () => {
  it("on average one kennisbijeenkomst per month: 15 in 2025 — behaald", () => {
    const progress = at("kennisbijeenkomsten")
    assert.strictEqual(progress.status, "behaald")
    assert.include(progress.uitleg, "15 kennisbijeenkomsten in 2025, gemiddeld 1,25 per maand (doel 1)")
  })

  it("at least five bestuurlijke rapportages: meer dan 10, meer dan 12 by October — behaald", () => {
    const progress = at("bestuurlijke-rapportages")
    assert.strictEqual(progress.status, "behaald")
    assert.include(progress.uitleg, "meer dan 12")
    assert.include(progress.uitleg, "telt als minstens 12")
  })

  it("at least one combined RIEC case per district: cases in three of the five districts — achter", () => {
    const progress = at("riec-casus-per-district")
    assert.strictEqual(progress.status, "achter")
    assert.include(progress.uitleg, "3 districten met minimaal 1 RIEC-casussen in 2025, van 5 districten")
    assert.strictEqual(progress.cijfers?.doel, 5)
  })

  it("Echt-Nep reaches at least 300 seniors: 787 — behaald", () => {
    const progress = at("echt-nep-bereik")
    assert.strictEqual(progress.status, "behaald")
    assert.include(progress.uitleg, "787")
  })

  it("a majority of gemeenten run Echt-Nep themselves: 29 of 38 — behaald", () => {
    const progress = at("train-de-trainer")
    assert.strictEqual(progress.status, "behaald")
    assert.include(progress.uitleg, "29 van 38 gemeenten")
  })

  it("an actiedag with at least 100 actions: 105 — behaald", () => {
    assert.strictEqual(at("actiedag-acties").status, "behaald")
  })

  it("every basisteamdriehoek discusses the picture twice: five driehoeken in the pilot — not behaald", () => {
    const progress = at("informatiebeeld-driehoek")
    assert.notInclude(["behaald", "op-koers"], progress.status)
    assert.include(progress.uitleg, "5")
  })

  it("victims 15,6% → 13%: volgt in 2027, CBS 2024 16% as a signal achter", () => {
    const progress = at("slachtofferschap")
    assert.strictEqual(progress.status, "volgt")
    assert.strictEqual(progress.signaal?.status, "achter")
    assert.strictEqual(progress.signaal?.bron, "cbs")
  })

  it("aangifte- en meldingsbereidheid 16,9% → 20%: volgt in 2027, CBS 18% shown as a signal", () => {
    const progress = at("aangiftebereidheid")
    assert.strictEqual(progress.status, "volgt")
    assert.isNotNull(progress.signaal)
    assert.include(progress.signaal?.uitleg ?? "", "18%")
  })

  it("instroom +10%: volgt until January 2026, geen-data after", () => {
    assert.strictEqual(at("instroom").status, "volgt")
    const late = at("instroom", "2026-02-01")
    assert.strictEqual(late.status, "geen-data")
    assert.include(late.uitleg, "verwacht in januari 2026, niet ontvangen")
  })
})

describe("the roll-up of 2025 on 31 December 2025 says how much is measured", () => {
  const programma = Status.ofYear(dataset, 2025, "2025-12-31" as Periode.Datum).programma
  const baat = (id: string) => {
    const found = programma.doelen.flatMap((d) => d.baten).find((b) => b.baat === id)
    if (found === undefined) throw new Error(`no ${id}`)
    return found
  }

  it("Doel 3 is not behaald on one of its three KPIs: the cyberoefendriehoek count was due and is missing", () => {
    const doel3 = baat("baat-3")
    assert.notInclude(["behaald", "op-koers"], doel3.status)
    assert.strictEqual(doel3.gemeten, 1)
    assert.strictEqual(doel3.totaal, 3)
    assert.include(doel3.uitleg, "1 van 3 gemeten")
    assert.include(doel3.drijvers, "cyberoefendriehoek-deelname")
  })

  it("Doel 5 is op koers, not behaald, while two of its KPIs are still to come", () => {
    const doel5 = baat("baat-5")
    assert.strictEqual(doel5.status, "op-koers")
    assert.include(doel5.uitleg, "3 van 5 gemeten")
  })

  it("the programme counts its measured KPIs and is not carried by a few", () => {
    assert.notInclude(["behaald", "op-koers"], programma.status)
    assert.strictEqual(programma.totaal, 19)
    assert.strictEqual(programma.gemeten, 8)
    assert.include(programma.uitleg, "8 van 19 gemeten")
  })

  it("a year later the 2025 KPIs without data are geen-data, not volgt", () => {
    const later = Status.ofYear(dataset, 2025, "2026-12-01" as Periode.Datum)
    for (const id of ["huisbezoeken", "nieuwsbrieven", "ciso-bijeenkomsten", "instroom"]) {
      assert.strictEqual(later.indicatoren.find((p) => p.indicator === id)?.status, "geen-data", id)
    }
  })
})

describe("every indicator of 2025 and 2026", () => {
  it("gets a status and a Dutch explanation, and rolls up to a programme status naming its drivers", () => {
    for (const jaar of [2025, 2026]) {
      const progress = Progress.evaluateAll(
        dataset.indicatoren.filter((i) => i.jaar === jaar),
        dataset.metingen,
        { peildatum: "2025-12-31" as Periode.Datum, regio: dataset.regio }
      )
      assert.isAbove(progress.length, 5)
      for (const p of progress) assert.isAbove(p.uitleg.length, 10, p.indicator)
      const rollup = Rollup.rollUp(
        Din.geldendVoor(dataset.program, jaar),
        jaar,
        "2025-12-31" as Periode.Datum,
        progress
      )
      assert.strictEqual(rollup.doelen.flatMap((d) => d.baten).length, 5)
      assert.isAbove(rollup.drijvers.length, 0)
    }
  })
})

describe("KPIs counted from the activity register", () => {
  it("three kennisbijeenkomsten in January 2026 put the 2026 KPI op koers, naming them", () => {
    const activiteiten = ["2026-01-08", "2026-01-15", "2026-01-29"].map((datum, i) => ({
      id: `kb-${i + 1}`,
      datum: datum as Periode.Datum,
      gemeente: null,
      soort: "kennisbijeenkomst" as const,
      omschrijving: `Leerlijn sessie ${i + 1}`
    }))
    const before = Status.ofYear(dataset, 2026, "2026-02-10" as Periode.Datum)
    const after = Status.ofYear({ ...dataset, activiteiten }, 2026, "2026-02-10" as Periode.Datum)
    const kpi = (s: Status.YearStatus) => s.indicatoren.find((p) => p.indicator === "kennisbijeenkomsten")
    assert.strictEqual(kpi(before)?.status, "volgt")
    assert.strictEqual(kpi(after)?.status, "op-koers")
    for (const a of activiteiten) assert.include(kpi(after)?.uitleg ?? "", a.omschrijving)
    assert.deepStrictEqual(kpi(after)?.activiteiten, ["kb-1", "kb-2", "kb-3"])
  })
})
