import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import { type Periode, Progress } from "../src/index.ts"
import { indicator, meting, regio } from "./fixtures.ts"

const at = (peildatum: string) => ({ peildatum: peildatum as Periode.Datum, regio })

describe("gemiddeld-per-maand", () => {
  const perMaand = indicator({ regel: { soort: "gemiddeld-per-maand", perMaand: 1, periode: "2025" } })

  it("is behaald when the year's average meets the target, and says the numbers", () => {
    const progress = Progress.evaluate(perMaand, [meting({ periode: "2025", waarde: 15 })], at("2025-12-31"))
    assert.strictEqual(progress.status, "behaald")
    assert.strictEqual(
      progress.uitleg,
      "15 kennisbijeenkomsten in 2025, gemiddeld 1,25 per maand (doel 1) — behaald"
    )
  })

  it("is op koers, not behaald, while the year runs", () => {
    const progress = Progress.evaluate(
      perMaand,
      [meting({ periode: "2025", waarde: 7, peildatum: "2025-06-30" })],
      at("2025-07-15")
    )
    assert.strictEqual(progress.status, "op-koers")
  })

  it("adds months, never a year and its own months", () => {
    const months = [1, 2, 3].map((m) => meting({ periode: `2025-0${m}`, waarde: 1 }))
    const year = meting({ periode: "2025", waarde: 12 })
    const progress = Progress.evaluate(perMaand, [...months, year], at("2025-12-31"))
    assert.strictEqual(progress.cijfers.gemeten, 1)
    assert.deepStrictEqual(progress.metingen, [year.id])
  })
})

describe("minimum-aantal", () => {
  const minimum = indicator({
    eenheid: "rapportages",
    regel: { soort: "minimum-aantal", minimum: 5, periode: "2025" }
  })

  it("counts 'meer dan 10' as at least 10 and says so", () => {
    const progress = Progress.evaluate(
      minimum,
      [meting({ periode: "2025", waarde: 10, kwalificatie: "meer-dan" })],
      at("2025-12-31")
    )
    assert.strictEqual(progress.status, "behaald")
    assert.include(progress.uitleg, "meer dan 10 rapportages in 2025 (telt als minstens 10)")
  })

  it("pro-rates the minimum before the period ends", () => {
    const half = (waarde: number) =>
      Progress.evaluate(
        minimum,
        [meting({ periode: "2025", waarde, peildatum: "2025-06-30" })],
        at("2025-07-01")
      ).status
    assert.strictEqual(half(3), "op-koers")
    assert.strictEqual(half(2.2), "aandacht")
    assert.strictEqual(half(1), "achter")
  })

  it("is achter when the period ended short", () => {
    const progress = Progress.evaluate(minimum, [meting({ periode: "2025", waarde: 4 })], at("2026-01-01"))
    assert.strictEqual(progress.status, "achter")
  })

  it("ignores measurements recorded after the peildatum", () => {
    const later = meting({ periode: "2025", waarde: 9, vastgelegdOp: "2026-02-01" })
    assert.strictEqual(Progress.evaluate(minimum, [later], at("2026-01-15")).status, "geen-data")
    assert.strictEqual(Progress.evaluate(minimum, [later], at("2026-02-01")).status, "behaald")
  })
})

describe("missing data", () => {
  const due = indicator({
    bron: "politieregistratie",
    verwachtOp: "2026-01-31",
    regel: { soort: "groei", groeiPercentage: 10, periode: "2025" }
  })

  it("is volgt until the expected date, then geen-data naming the month", () => {
    const before = Progress.evaluate(due, [], at("2025-12-31"))
    assert.strictEqual(before.status, "volgt")
    assert.include(before.uitleg, "januari 2026")
    const after = Progress.evaluate(due, [], at("2026-02-01"))
    assert.strictEqual(after.status, "geen-data")
    assert.include(after.uitleg, "verwacht in januari 2026, niet ontvangen")
  })
})

describe("traject", () => {
  const victims = indicator({
    eenheid: "%",
    richting: "lager",
    bron: "veiligheidsmonitor",
    verwachtOp: "2027-12-31",
    regel: {
      soort: "traject",
      basis: { periode: "2023", waarde: 15.6 },
      doel: { periode: "2027", waarde: 13 },
      tolerantie: 0.5
    }
  })

  it("shows another source as a signal beside volgt, never replacing the official status", () => {
    const cbs = meting({ periode: "2024", waarde: 16, bron: "cbs" })
    const progress = Progress.evaluate(victims, [cbs], at("2025-12-31"))
    assert.strictEqual(progress.status, "volgt")
    assert.strictEqual(progress.signaal?.status, "achter")
    assert.include(progress.signaal?.uitleg ?? "", "CBS")
  })

  it("judges the official source against the straight path", () => {
    const onPath = meting({ periode: "2025", waarde: 14.2, bron: "veiligheidsmonitor" })
    const progress = Progress.evaluate(victims, [onPath], at("2025-12-31"))
    assert.strictEqual(progress.status, "op-koers")
    assert.isNull(progress.signaal)
  })

  it("is behaald only when the target period is measured at target", () => {
    const reached = meting({ periode: "2027", waarde: 12.9, bron: "veiligheidsmonitor" })
    assert.strictEqual(Progress.evaluate(victims, [reached], at("2028-03-01")).status, "behaald")
  })

  const statusRank = { achter: 0, aandacht: 1, "op-koers": 2, behaald: 3 } as const
  const trajectory = (richting: "hoger" | "lager", basis: number, doel: number, tolerantie: number) =>
    indicator({
      eenheid: "%",
      richting,
      regel: {
        soort: "traject",
        basis: { periode: "2023", waarde: basis },
        doel: { periode: "2027", waarde: doel },
        tolerantie
      }
    })
  const arbitraryCase = fc.record({
    basis: fc.double({ min: 10, max: 40, noNaN: true }),
    delta: fc.double({ min: 0.5, max: 20, noNaN: true }),
    tolerantie: fc.double({ min: 0, max: 3, noNaN: true }),
    jaar: fc.integer({ min: 2024, max: 2028 }),
    a: fc.double({ min: 0, max: 100, noNaN: true }),
    b: fc.double({ min: 0, max: 100, noNaN: true })
  })

  it("is monotonic in the value: more of what is wanted never lowers the status", () => {
    fc.assert(
      fc.property(arbitraryCase, ({ basis, delta, tolerantie, jaar, a, b }) => {
        const rising = trajectory("hoger", basis, basis + delta, tolerantie)
        const [low, high] = a <= b ? [a, b] : [b, a]
        const status = (waarde: number) =>
          Progress.evaluate(
            rising,
            [meting({ periode: `${jaar}`, waarde, bron: "programma-administratie" })],
            at("2029-01-01")
          ).status as keyof typeof statusRank
        return statusRank[status(low)] <= statusRank[status(high)]
      })
    )
  })

  it("is direction-symmetric: mirroring values and direction gives the same status", () => {
    fc.assert(
      fc.property(arbitraryCase, ({ basis, delta, tolerantie, jaar, a }) => {
        const up = trajectory("hoger", basis, basis + delta, tolerantie)
        const down = trajectory("lager", 100 - basis, 100 - basis - delta, tolerantie)
        const status = (i: typeof up, waarde: number) =>
          Progress.evaluate(i, [meting({ periode: `${jaar}`, waarde })], at("2029-01-01")).status
        return status(up, a) === status(down, 100 - a)
      })
    )
  })
})

describe("dekking", () => {
  const perDistrict = indicator({
    eenheid: "RIEC-casussen",
    schaal: "district",
    regel: { soort: "dekking", niveau: "district", minimumPerEenheid: 1, periode: "2025" }
  })

  it("names the districts still short", () => {
    const noord = meting({ periode: "2025", waarde: 1, gebied: { niveau: "district", id: "noord" } })
    const progress = Progress.evaluate(perDistrict, [noord], at("2025-12-31"))
    assert.strictEqual(progress.status, "achter")
    assert.include(progress.uitleg, "1 van 3 districten")
    assert.include(progress.uitleg, "nog niet: Midden, Zuid")
  })

  it("says the unit list is unknown instead of guessing", () => {
    const perBasisteam = indicator({
      schaal: "basisteam",
      regel: { soort: "dekking", niveau: "basisteam", minimumPerEenheid: 2, periode: "2025" }
    })
    const progress = Progress.evaluate(
      perBasisteam,
      [meting({ periode: "2025", waarde: 5 })],
      at("2025-12-31")
    )
    assert.strictEqual(progress.status, "aandacht")
    assert.include(progress.uitleg, "lijst van basisteams in de regio is onbekend")
  })

  it("covers quarters: a quarter over without a contribution counts against it", () => {
    const perQuarter = indicator({
      regel: { soort: "dekking", niveau: "kwartaal", minimumPerEenheid: 1, periode: "2026" }
    })
    const q1 = meting({ jaar: 2025, periode: "2026-Q1", waarde: 1 })
    const onTrack = Progress.evaluate(perQuarter, [q1], at("2026-05-01"))
    assert.strictEqual(onTrack.status, "op-koers")
    const missedQ2 = Progress.evaluate(perQuarter, [q1], at("2026-07-15"))
    assert.notStrictEqual(missedQ2.status, "op-koers")
    assert.include(missedQ2.uitleg, "nog niet: 2026 Q2")
  })
})

describe("aandeel and mijlpalen", () => {
  it("a majority of gemeenten needs more than half", () => {
    const majority = indicator({
      regel: { soort: "aandeel", niveau: "gemeente", minimumAandeel: 50, periode: "2025" }
    })
    assert.strictEqual(
      Progress.evaluate(majority, [meting({ periode: "2025", waarde: 2 })], at("2025-12-31")).status,
      "achter"
    )
    assert.strictEqual(
      Progress.evaluate(majority, [meting({ periode: "2025", waarde: 3 })], at("2025-12-31")).status,
      "behaald"
    )
  })

  it("lists the milestones still open", () => {
    const checklist = indicator({
      regel: {
        soort: "mijlpalen",
        periode: "2025",
        mijlpalen: [
          { id: "ontwikkeld", tekst: "Ontwikkeld" },
          { id: "beschikbaar", tekst: "Beschikbaar gesteld" }
        ]
      }
    })
    const progress = Progress.evaluate(
      checklist,
      [meting({ periode: "2025", waarde: 1, mijlpaal: "ontwikkeld" })],
      at("2025-12-31")
    )
    assert.strictEqual(progress.status, "achter")
    assert.include(progress.uitleg, "1 van 2 mijlpalen gereed in 2025; open: beschikbaar gesteld")
  })
})

describe("countStatus", () => {
  it("never lowers the status when the value rises", () => {
    const rank = { achter: 0, aandacht: 1, "op-koers": 2, behaald: 3 } as const
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.boolean(),
        (a, b, elapsed, target, ended) => {
          const [low, high] = a <= b ? [a, b] : [b, a]
          const status = (v: number) =>
            Progress.countStatus(v, target * elapsed, target, ended) as keyof typeof rank
          return rank[status(low)] <= rank[status(high)]
        }
      )
    )
  })
})
