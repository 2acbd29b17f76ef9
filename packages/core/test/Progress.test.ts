import { assert, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import fc from "fast-check"
import { Access, Activity, Geography, Indicator, type Periode, Progress } from "../src/index.ts"
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
    assert.strictEqual(Progress.evaluate(minimum, [later], at("2026-01-15")).status, "volgt")
    assert.strictEqual(Progress.evaluate(minimum, [later], at("2026-01-31")).status, "volgt")
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

  // A fourth district that no source assigns gemeenten to: it is still a district that needs a case.
  const metWest: Geography.Regio = {
    ...regio,
    districten: [...regio.districten, { id: "west", naam: "West" }]
  }
  const inRegio = (r: Geography.Regio, peildatum: string) => ({
    peildatum: peildatum as Periode.Datum,
    regio: r
  })

  it("counts a district without known gemeenten as a unit that needs a case", () => {
    const cases = ["noord", "midden", "zuid"].map((id) =>
      meting({ periode: "2025", waarde: 1, gebied: { niveau: "district", id } })
    )
    assert.strictEqual(Progress.evaluate(perDistrict, cases, at("2025-12-31")).status, "behaald")
    const progress = Progress.evaluate(perDistrict, cases, inRegio(metWest, "2025-12-31"))
    assert.strictEqual(progress.status, "achter")
    assert.include(progress.uitleg, "3 van 4 districten")
    assert.include(progress.uitleg, "nog niet: West")
    const regional = Progress.evaluate(
      perDistrict,
      [meting({ periode: "2025", waarde: 3 })],
      inRegio(metWest, "2025-12-31")
    )
    assert.strictEqual(regional.status, "achter")
    assert.include(regional.uitleg, "van 4 districten")
  })

  it("counts the activity register's cases per district, a district without gemeenten among the missing", () => {
    const riec = indicator({
      eenheid: "RIEC-casussen",
      schaal: "district",
      bron: "activiteitenregister",
      telling: { activiteit: "riec-casus" },
      regel: { soort: "dekking", niveau: "district", minimumPerEenheid: 1, periode: "2025" }
    })
    const activiteiten = ["GM0001", "GM0002", "GM0003"].map((gemeente, i) =>
      Schema.decodeUnknownSync(Activity.Activity)({
        id: `r${i}`,
        datum: "2025-05-01",
        gemeente,
        soort: "riec-casus"
      })
    )
    const progress = Progress.evaluate(riec, [], { ...inRegio(metWest, "2025-12-31"), activiteiten })
    assert.strictEqual(progress.status, "achter")
    assert.include(progress.uitleg, "3 van 4 districten")
    assert.include(progress.uitleg, "nog niet: West")
  })

  it("adding a district without cases never improves the verdict", () => {
    const rank = { achter: 0, aandacht: 1, "op-koers": 2, behaald: 3 } as Record<string, number>
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ noord: fc.nat(3), midden: fc.nat(3), zuid: fc.nat(3) }).map((per) =>
            Object.entries(per)
              .filter(([, waarde]) => waarde > 0)
              .map(([id, waarde]) => meting({ periode: "2025", waarde, gebied: { niveau: "district", id } }))
          ),
          fc.nat(3).map((waarde) => [meting({ periode: "2025", waarde })])
        ),
        fc.integer({ min: 0, max: 400 }),
        (metingen, dag) => {
          const peildatum = new Date(Date.UTC(2025, 0, 1 + dag)).toISOString().slice(0, 10)
          const before = Progress.evaluate(perDistrict, metingen, inRegio(regio, peildatum)).status
          const after = Progress.evaluate(perDistrict, metingen, inRegio(metWest, peildatum)).status
          if (rank[before] === undefined) return after === before
          return rank[after] !== undefined && (rank[after] ?? 0) <= (rank[before] ?? 0)
        }
      )
    )
  })

  it("covers quarters: a quarter over without a contribution counts against it", () => {
    const perQuarter = indicator({
      regel: { soort: "dekking", niveau: "kwartaal", minimumPerEenheid: 1, periode: "2026" }
    })
    const q1 = meting({ jaar: 2025, periode: "2026-Q1", waarde: 1 })
    const onTrack = Progress.evaluate(perQuarter, [q1], at("2026-05-01"))
    assert.strictEqual(onTrack.status, "op-koers")
    // Q2 is due a month (the lag) after it ends.
    assert.strictEqual(Progress.evaluate(perQuarter, [q1], at("2026-07-15")).status, "op-koers")
    const missedQ2 = Progress.evaluate(perQuarter, [q1], at("2026-08-01"))
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

describe("reporting rhythm and lag", () => {
  const perQuarter = indicator({
    regel: { soort: "dekking", niveau: "kwartaal", minimumPerEenheid: 1, periode: "2026" },
    jaar: 2026
  })

  it("takes the rhythm from the rule's periods and the lag from the source", () => {
    assert.strictEqual(Indicator.ritme(perQuarter), "kwartaal")
    assert.strictEqual(Indicator.vertraging(perQuarter), 1)
    const yearly = indicator({ regel: { soort: "minimum-aantal", minimum: 5, periode: "2025" } })
    assert.strictEqual(Indicator.ritme(yearly), "jaar")
    const monthly = indicator({
      ritme: "maand",
      vertraging: 0,
      regel: { soort: "minimum-aantal", minimum: 5, periode: "2025" }
    })
    assert.strictEqual(Indicator.ritme(monthly), "maand")
    assert.strictEqual(Indicator.vertraging(monthly), 0)
  })

  it("a quarterly target after three quarters without a measurement is geen-data, not volgt", () => {
    const progress = Progress.evaluate(perQuarter, [], at("2026-12-01"))
    assert.strictEqual(progress.status, "geen-data")
    assert.include(progress.uitleg, "2026 Q1")
  })

  it("is volgt while the first period plus the lag has not passed", () => {
    assert.strictEqual(Progress.evaluate(perQuarter, [], at("2026-04-15")).status, "volgt")
    assert.strictEqual(Progress.evaluate(perQuarter, [], at("2026-05-01")).status, "geen-data")
  })

  it("a yearly count is due one lag after the year: volgt in January, geen-data after", () => {
    const yearly = indicator({ regel: { soort: "minimum-aantal", minimum: 5, periode: "2025" } })
    assert.strictEqual(Progress.evaluate(yearly, [], at("2025-12-31")).status, "volgt")
    assert.strictEqual(Progress.evaluate(yearly, [], at("2026-01-31")).status, "volgt")
    assert.strictEqual(Progress.evaluate(yearly, [], at("2026-02-01")).status, "geen-data")
  })

  it("a monthly rhythm makes a year without any count overdue from the second month on", () => {
    const monthly = indicator({
      ritme: "maand",
      regel: { soort: "gemiddeld-per-maand", perMaand: 1, periode: "2026" },
      jaar: 2026
    })
    assert.strictEqual(Progress.evaluate(monthly, [], at("2026-02-15")).status, "volgt")
    assert.strictEqual(Progress.evaluate(monthly, [], at("2026-12-01")).status, "geen-data")
  })
})

describe("old data", () => {
  const monthly = indicator({
    ritme: "maand",
    jaar: 2026,
    regel: { soort: "gemiddeld-per-maand", perMaand: 1, periode: "2026" }
  })
  const january = meting({ jaar: 2026, periode: "2026-01", waarde: 3, vastgelegdOp: "2026-02-01" })

  it("says the stand of a verdict resting on data older than the rhythm, and is no longer op koers", () => {
    const progress = Progress.evaluate(monthly, [january], at("2026-12-01"))
    assert.include(progress.uitleg, "stand 31 januari 2026")
    assert.notStrictEqual(progress.status, "op-koers")
    assert.strictEqual(progress.standOp, "2026-01-31")
  })

  it("carries the date of the newest measurement used, also when it is fresh", () => {
    const progress = Progress.evaluate(monthly, [january], at("2026-02-15"))
    assert.strictEqual(progress.status, "op-koers")
    assert.strictEqual(progress.standOp, "2026-01-31")
    assert.notInclude(progress.uitleg, "nieuwere")
    assert.isNull(Progress.evaluate(monthly, [], at("2026-02-15")).standOp)
  })
})

describe("counts from the activity register", () => {
  const activiteit = (id: string, datum: string, gemeente: string | null, soort = "kennisbijeenkomst") =>
    Schema.decodeUnknownSync(Activity.Activity)({ id, datum, gemeente, soort, omschrijving: `Sessie ${id}` })
  const kennis = indicator({
    jaar: 2026,
    bron: "activiteitenregister",
    ritme: "maand",
    telling: { activiteit: "kennisbijeenkomst" },
    regel: { soort: "gemiddeld-per-maand", perMaand: 1, periode: "2026" }
  })
  const drie = [
    activiteit("a1", "2026-01-08", "GM0001"),
    activiteit("a2", "2026-01-15", null),
    activiteit("a3", "2026-01-29", "GM0002"),
    activiteit("x1", "2026-01-20", "GM0002", "huisbezoek")
  ]

  it("counts the activities of the soort per period and names them", () => {
    const context = { ...at("2026-02-10"), activiteiten: drie }
    const progress = Progress.evaluate(kennis, [], context)
    assert.strictEqual(progress.status, "op-koers")
    assert.include(progress.uitleg, "3 kennisbijeenkomsten in 2026")
    assert.include(progress.uitleg, "activiteitenregister")
    for (const id of ["a1", "a2", "a3"]) assert.include(progress.uitleg, `Sessie ${id}`)
    assert.notInclude(progress.uitleg, "Sessie x1")
    assert.deepStrictEqual([...(progress.activiteiten ?? [])].sort(), ["a1", "a2", "a3"])
  })

  it("without activities it is as before: nothing measured", () => {
    assert.strictEqual(
      Progress.evaluate(kennis, [], { ...at("2026-02-10"), activiteiten: [] }).status,
      "volgt"
    )
  })

  it("ignores activities after the peildatum", () => {
    const progress = Progress.evaluate(kennis, [], { ...at("2026-01-10"), activiteiten: drie })
    assert.strictEqual(progress.cijfers.gemeten !== null && progress.cijfers.gemeten > 0, true)
    assert.deepStrictEqual(progress.activiteiten, ["a1"])
  })

  it("with both a register count and a hand-recorded figure, the one that counts more counts, and the explanation says which", () => {
    const hand = (waarde: number) =>
      meting({
        jaar: 2026,
        periode: "2026",
        waarde,
        bron: "activiteitenregister",
        peildatum: "2026-01-31",
        vastgelegdOp: "2026-02-01"
      })
    const context = { ...at("2026-02-10"), activiteiten: drie }
    const ten = hand(10)
    const onlyHand = Progress.evaluate(kennis, [ten], { ...context, activiteiten: [] })
    assert.include(onlyHand.uitleg, "10 kennisbijeenkomsten in 2026")
    const handMore = Progress.evaluate(kennis, [ten], context)
    assert.include(handMore.uitleg, "10 kennisbijeenkomsten in 2026")
    assert.include(handMore.uitleg, `${ten.id} (10) telt meer dan het activiteitenregister`)
    assert.isUndefined(handMore.activiteiten)
    const two = hand(2)
    const registerMore = Progress.evaluate(kennis, [two], context)
    assert.include(registerMore.uitleg, "3 kennisbijeenkomsten in 2026")
    assert.include(
      registerMore.uitleg,
      `telt hier minstens zoveel als de handmatig vastgelegde meting ${two.id} (2)`
    )
    assert.strictEqual(registerMore.activiteiten?.length, 3)
  })

  it("counts per basisteam, and a gemeente without a known basisteam under 'basisteam onbekend'", () => {
    const withTeams = Schema.decodeUnknownSync(Geography.Regio)({
      ...Schema.encodeSync(Geography.Regio)(regio),
      basisteams: [
        { id: "bt-a", naam: "Basisteam A", district: "noord" },
        { id: "bt-b", naam: "Basisteam B", district: "midden" }
      ],
      gemeenten: Schema.encodeSync(Geography.Regio)(regio).gemeenten.map((g) => ({
        ...g,
        basisteam: g.code === "GM0001" ? "bt-a" : g.code === "GM0002" ? "bt-b" : null
      }))
    })
    const driehoek = indicator({
      bron: "activiteitenregister",
      schaal: "basisteam",
      telling: { activiteit: "informatiebeeld-besproken-in-driehoek" },
      regel: { soort: "dekking", niveau: "basisteam", minimumPerEenheid: 2, periode: "2025" }
    })
    const soort = "informatiebeeld-besproken-in-driehoek"
    const besproken = [
      activiteit("d1", "2025-03-01", "GM0001", soort),
      activiteit("d2", "2025-09-01", "GM0001", soort),
      activiteit("d3", "2025-04-01", "GM0002", soort),
      activiteit("d4", "2025-05-01", "GM0003", soort)
    ]
    const progress = Progress.evaluate(driehoek, [], {
      peildatum: "2025-12-31" as Periode.Datum,
      regio: withTeams,
      activiteiten: besproken
    })
    assert.strictEqual(progress.cijfers.gemeten, 1)
    assert.include(progress.uitleg, "1 van 2 basisteams")
    assert.include(progress.uitleg, "basisteam onbekend")
    assert.include(progress.uitleg, "Ceedorp")
  })
})

describe("counts from the activity register, read by a scoped reader", () => {
  const soort = "kennisbijeenkomst"
  const kennis = indicator({
    jaar: 2026,
    bron: "activiteitenregister",
    ritme: "maand",
    telling: { activiteit: soort },
    regel: { soort: "gemiddeld-per-maand", perMaand: 1, periode: "2026" }
  })
  const activiteit = (id: string, datum: string, gemeente: string | null, omschrijving: string) =>
    Schema.decodeUnknownSync(Activity.Activity)({ id, datum, gemeente, soort, omschrijving })
  const register = [
    activiteit("act-eigen", "2026-01-08", "GM0001", "Eigen bijeenkomst"),
    activiteit("act-geheim-1", "2026-01-21", "GM0002", "Vertrouwelijk overleg wijk Zuid"),
    activiteit("act-geheim-2", "2026-01-27", "GM0002", "Tweede vertrouwelijk overleg")
  ]
  const context = { ...at("2026-02-10"), activiteiten: register }

  it("names only the reader's own activities; the others are counted, without text, date or id", () => {
    const programma = Progress.evaluate(kennis, [], context)
    const gemeente = Progress.evaluate(kennis, [], { ...context, zicht: Access.onlyGemeenten(["GM0001"]) })
    assert.include(programma.uitleg, "Vertrouwelijk overleg wijk Zuid")
    for (const leak of ["Vertrouwelijk", "act-geheim", "21 januari", "27 januari"])
      assert.notInclude(JSON.stringify(gemeente), leak)
    assert.include(
      gemeente.uitleg,
      "Eigen bijeenkomst (8 januari 2026) en nog 2 activiteiten in andere gemeenten"
    )
    assert.deepStrictEqual(gemeente.activiteiten, ["act-eigen"])
    assert.strictEqual(gemeente.andereActiviteiten, 2)
    assert.isUndefined(programma.andereActiviteiten)
    assert.strictEqual(gemeente.status, programma.status)
    assert.deepStrictEqual(gemeente.cijfers, programma.cijfers)
    const niets = Progress.evaluate(kennis, [], { ...context, zicht: Access.onlyGemeenten(["GM0003"]) })
    assert.include(niets.uitleg, "Geteld uit het activiteitenregister: 3 activiteiten in andere gemeenten.")
  })

  it("names a hand-recorded measurement about another gemeente neither by id nor by value", () => {
    const hand = meting({
      id: "meting-geheim",
      jaar: 2026,
      periode: "2026-01",
      gebied: { niveau: "gemeente", code: "GM0002" },
      waarde: 17,
      bron: "activiteitenregister",
      vastgelegdOp: "2026-02-01"
    })
    const zicht = Access.onlyGemeenten(["GM0001"])
    const programma = Progress.evaluate(kennis, [hand], context)
    const gemeente = Progress.evaluate(kennis, [hand], { ...context, zicht })
    assert.include(programma.uitleg, "meting-geheim (17)")
    assert.notInclude(gemeente.uitleg, "meting-geheim")
    // The verdict is the count (17, an aggregate); the measurement behind it is not named.
    assert.notInclude(gemeente.uitleg, "(17)")
    assert.include(gemeente.uitleg, "De handmatig vastgelegde meting over een andere gemeente telt meer")
    assert.strictEqual(gemeente.status, programma.status)
  })

  it("for any reader: the same verdict, and no activity outside its sight named", () => {
    const codes = ["GM0001", "GM0002", "GM0003"]
    const arbitrary = fc.uniqueArray(
      fc.record({
        dag: fc.integer({ min: 1, max: 28 }),
        maand: fc.integer({ min: 1, max: 12 }),
        gemeente: fc.constantFrom<string | null>(null, ...codes)
      }),
      { maxLength: 12 }
    )
    fc.assert(
      fc.property(arbitrary, fc.subarray(codes), (rows, zichtbaar) => {
        const activiteiten = rows.map((r, n) =>
          activiteit(
            `act-${n}-x`,
            `2026-${String(r.maand).padStart(2, "0")}-${String(r.dag).padStart(2, "0")}`,
            r.gemeente,
            `Omschrijving-${n}-x`
          )
        )
        const ctx = { ...at("2026-12-31"), activiteiten }
        const alles = Progress.evaluate(kennis, [], ctx)
        const zicht = Access.onlyGemeenten(zichtbaar)
        const scoped = Progress.evaluate(kennis, [], { ...ctx, zicht })
        const text = JSON.stringify(scoped)
        const hidden = activiteiten.filter((a) => !Access.sees(zicht, a.gemeente))
        return (
          scoped.status === alles.status &&
          JSON.stringify(scoped.cijfers) === JSON.stringify(alles.cijfers) &&
          hidden.every((a) => !text.includes(`"${a.id}"`) && !text.includes(a.omschrijving ?? "?")) &&
          (scoped.activiteiten?.length ?? 0) + (scoped.andereActiviteiten ?? 0) ===
            (alles.activiteiten?.length ?? 0)
        )
      })
    )
  })
})

describe("volgt only for data not yet due", () => {
  const rules = [
    { soort: "minimum-aantal", minimum: 5, periode: "2026" },
    { soort: "minimum-aantal", minimum: 5, periode: "2026-Q2" },
    { soort: "dekking", niveau: "kwartaal", minimumPerEenheid: 1, periode: "2026" },
    { soort: "dekking", niveau: "maand", minimumPerEenheid: 1, periode: "2026" }
  ] as const
  const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => {
    const d = new Date(Date.UTC(2025, 6, 1) + n * 86_400_000)
    return d.toISOString().slice(0, 10)
  })

  it("without data: volgt exactly while no period of the rhythm is past its lag, geen-data after", () => {
    fc.assert(
      fc.property(fc.constantFrom(...rules), fc.integer({ min: 0, max: 6 }), day, (regel, lag, peildatum) => {
        const i = indicator({ jaar: 2026, regel, vertraging: lag })
        const status = Progress.evaluate(i, [], at(peildatum)).status
        // the first period of the rhythm ends first: data is due the lag after it
        const firstEnd =
          regel.soort === "dekking"
            ? regel.niveau === "maand"
              ? [2026, 1]
              : [2026, 3]
            : regel.periode === "2026"
              ? [2026, 12]
              : [2026, 6]
        const due = new Date(Date.UTC(firstEnd[0] as number, (firstEnd[1] as number) + lag, 0))
          .toISOString()
          .slice(0, 10)
        return status === (peildatum > due ? "geen-data" : "volgt")
      })
    )
  })
})
