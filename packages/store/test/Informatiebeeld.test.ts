/**
 * `Registrations.forInformatiebeeld` reads only what `Informatiebeeld.make` needs, and `make` over those
 * rows gives the same informatiebeeld as over every registration: for a gemeente, a district and the
 * region, for a month, a quarter and a year, over rows registered by month, by quarter, by year, at
 * gemeente, district and region level, with gaps.
 */
import { type Geography, Informatiebeeld, Money, Periode, type Registration } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { SqlClient } from "effect/sql"
import { Database, Gebieden, ProgramStore, Registrations } from "../src/index.ts"
import { type Fresh, onEachDatabase } from "./databases.ts"

const codes = dataset.regio.gemeenten.map((g) => g.code)
/** Two made-up districts, imported: the first 12 gemeenten in Noord, the rest in Zuid. */
const districten: ReadonlyArray<Gebieden.Row> = codes.map((gemeente, i) => ({
  gemeente,
  district: i < 12 ? "Noord" : "Zuid"
}))

const delicten = ["phishing", "hacken", "ransomware"] as const

/** Rows of every kind, deterministic: months for most gemeenten, quarters or years for some, gaps, aggregates. */
const rows = (): Array<Registration.Registration> => {
  const out: Array<Registration.Registration> = []
  let n = 0
  const add = (periode: Periode.Periode, gebied: Geography.Gebied, delict: Registration.Delict) => {
    n++
    out.push({
      periode,
      gebied,
      delict,
      aangiften: (n * 7) % 50,
      meldingen: n % 9 === 0 ? null : (n * 3) % 20,
      slachtoffers: (n * 5) % 40,
      schade: Money.cents((n * 12_345) % 5_000_000),
      // Bounds close together, so that sums of months of victims mix lower and upper bounds now and then.
      ...(n % 7 === 0
        ? { kwalificaties: { slachtoffers: "ruim" as const } }
        : n % 7 === 2
          ? { kwalificaties: { slachtoffers: "minder-dan" as const } }
          : n % 7 === 4
            ? { kwalificaties: { aangiften: "meer-dan" as const } }
            : {}),
      herkomst: { document: `bron-${n % 3}.xlsx`, sectie: "blad 1" }
    })
  }
  codes.forEach((code, i) => {
    const gebied: Geography.Gebied = { niveau: "gemeente", code }
    for (const delict of delicten) {
      for (const jaar of [2029, 2030]) {
        if (i % 7 === 3) add(Periode.jaar(jaar), gebied, delict)
        else if (i % 5 === 1) for (const q of Periode.kwartalenIn(Periode.jaar(jaar))) add(q, gebied, delict)
        else
          for (const m of Periode.maandenIn(Periode.jaar(jaar))) {
            // A gap: one gemeente misses a month now and then.
            if (i === 4 && m === "2029-05") continue
            add(m, gebied, delict)
          }
      }
    }
  })
  for (const q of Periode.kwartalenIn(Periode.jaar(2030))) {
    add(q, { niveau: "district", id: "noord" }, "phishing")
    add(q, { niveau: "regio" }, "hacken")
  }
  add(Periode.jaar(2029), { niveau: "regio" }, "ransomware")
  return out
}

const cases: ReadonlyArray<readonly [Geography.Gebied, Periode.Periode]> = [
  [{ niveau: "gemeente", code: codes[0] as Geography.CbsCode }, Periode.kwartaal(2030, 2)],
  [{ niveau: "gemeente", code: codes[3] as Geography.CbsCode }, Periode.maand(2030, 5)],
  [{ niveau: "gemeente", code: codes[4] as Geography.CbsCode }, Periode.jaar(2030)],
  [{ niveau: "gemeente", code: codes[1] as Geography.CbsCode }, Periode.kwartaal(2030, 2)],
  [{ niveau: "gemeente", code: codes[5] as Geography.CbsCode }, Periode.jaar(2029)],
  [{ niveau: "gemeente", code: codes[6] as Geography.CbsCode }, Periode.maand(2030, 5)],
  [{ niveau: "district", id: "noord" }, Periode.kwartaal(2030, 3)],
  [{ niveau: "district", id: "zuid" }, Periode.jaar(2030)],
  [{ niveau: "regio" }, Periode.kwartaal(2030, 1)],
  [{ niveau: "regio" }, Periode.jaar(2030)]
]

const informatiebeeldSuite = (fresh: Fresh) => {
  it.effect("make over the rows it reads equals make over all registrations", () =>
    Effect.gen(function* () {
      const location = yield* fresh()
      yield* Effect.gen(function* () {
        const store = yield* ProgramStore.ProgramStore
        yield* store.seed(dataset, { actor: "test", source: "cli" })
        yield* (yield* Gebieden.Gebieden).record(districten, { importId: "districten", actor: "test" })
        const regio = (yield* store.load).regio
        const registrations = yield* Registrations.Registrations
        const all = rows()
        yield* registrations.record(all, { importId: "alles", actor: "test" })
        const stored = yield* registrations.list()
        for (const [gebied, periode] of cases) {
          const needed = yield* registrations.forInformatiebeeld({ regio, gebied, periode })
          assert.isBelow(needed.length, stored.length)
          const invoer = { regio, reeksbreuken: dataset.reeksbreuken, gebied, periode }
          assert.deepStrictEqual(
            Informatiebeeld.make({ ...invoer, registraties: needed }),
            Informatiebeeld.make({ ...invoer, registraties: stored }),
            `${JSON.stringify(gebied)} ${periode}`
          )
        }
      }).pipe(
        Effect.provide(
          Layer.mergeAll(Registrations.Registrations.layer, Gebieden.Gebieden.layer).pipe(
            Layer.provideMerge(Database.layer(location))
          )
        )
      )
    })
  )

  it.effect("a stored figure of another gemeente that is no count fails the read, naming the row", () =>
    Effect.gen(function* () {
      const location = yield* fresh()
      yield* Effect.gen(function* () {
        const store = yield* ProgramStore.ProgramStore
        yield* store.seed(dataset, { actor: "test", source: "cli" })
        const regio = (yield* store.load).regio
        const registrations = yield* Registrations.Registrations
        const gemeenteRows = rows().filter((r) => r.gebied.niveau === "gemeente")
        yield* registrations.record(gemeenteRows, { importId: "alles", actor: "test" })
        // Written past the store, as a damaged or hand-edited database would hold it.
        const sql = yield* SqlClient.SqlClient
        const other = JSON.stringify({ niveau: "gemeente", code: codes[2] })
        for (const [path, value] of [
          ["aangiften", "-3"],
          ["slachtoffers", '"12"']
        ] as const) {
          const data = yield* sql<{
            readonly data: string
          }>`SELECT data FROM registraties WHERE periode = '2030-05' AND gebied = ${other} AND delict = 'hacken'`
          const original = data[0]?.data ?? ""
          const damaged = JSON.stringify({ ...JSON.parse(original), [path]: JSON.parse(value) })
          yield* sql`UPDATE registraties SET data = ${damaged} WHERE periode = '2030-05' AND gebied = ${other} AND delict = 'hacken'`
          const gebied: Geography.Gebied = { niveau: "gemeente", code: codes[0] as Geography.CbsCode }
          const failed = yield* Effect.flip(
            registrations.forInformatiebeeld({ regio, gebied, periode: Periode.kwartaal(2030, 2) })
          )
          assert.include(failed.message, `Registratie 2030-05 ${other} hacken in de database is ongeldig`)
          yield* sql`UPDATE registraties SET data = ${original} WHERE periode = '2030-05' AND gebied = ${other} AND delict = 'hacken'`
        }
      }).pipe(
        Effect.provide(Registrations.Registrations.layer.pipe(Layer.provideMerge(Database.layer(location))))
      )
    })
  )
}

describe("Registrations.overlapping", () => {
  it("lists a period, what lies in it and what lies around it", () => {
    assert.deepStrictEqual([...Registrations.overlapping(Periode.maand(2030, 5))].sort(), [
      "2030",
      "2030-05",
      "2030-Q2"
    ])
    assert.deepStrictEqual([...Registrations.overlapping(Periode.kwartaal(2030, 2))].sort(), [
      "2030",
      "2030-04",
      "2030-05",
      "2030-06",
      "2030-Q2"
    ])
    assert.lengthOf(Registrations.overlapping(Periode.jaar(2030)), 1 + 4 + 12)
  })
})

onEachDatabase("Informatiebeeld reads", informatiebeeldSuite)
