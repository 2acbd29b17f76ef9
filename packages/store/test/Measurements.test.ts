/**
 * Measurements imported in bulk on SQLite and PostgreSQL: idempotent by `measurementId` (also when only
 * the recording date differs), all or nothing, undoable, and the same rows `ProgramStore` reads.
 */
import { Access, Measurement } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Schema } from "effect"
import { Imports, Measurements, ProgramStore } from "../src/index.ts"
import { cli, type Fresh, onEachDatabase, seeded, sheetImport } from "./databases.ts"

const meting = (fields: Record<string, unknown>): Measurement.Measurement => {
  const decoded = Schema.decodeUnknownSync(Measurement.Measurement)({
    id: "?",
    indicator: "kennisbijeenkomsten",
    jaar: 2026,
    periode: "2026-Q1",
    gebied: { niveau: "regio" },
    waarde: 3,
    bron: "programma-administratie",
    vastgelegdOp: "2026-04-02",
    herkomst: { document: "metingen.xlsx", sectie: "blad Metingen" },
    ...fields
  })
  return { ...decoded, id: Measurements.measurementId(decoded) }
}

const rows = [
  meting({}),
  meting({ periode: "2026-Q2", waarde: 5 }),
  meting({ gebied: { niveau: "gemeente", code: "GM0344" }, waarde: 1 })
]

const provenance = (importId: string) => sheetImport(importId, "Metingen")

const stores = (fresh: Fresh) =>
  seeded(fresh, Layer.mergeAll(Measurements.Measurements.layer, Imports.Imports.layer))

const measurementsSuite = (fresh: Fresh) => {
  const run = <A, E>(
    body: Effect.Effect<A, E, Measurements.Measurements | Imports.Imports | ProgramStore.ProgramStore>
  ) => body.pipe(Effect.provide(stores(fresh)))

  it.effect(
    "imports once; recorded again on another day unchanged; a new value updated; undo takes it back",
    () =>
      run(
        Effect.gen(function* () {
          const measurements = yield* Measurements.Measurements
          const imports = yield* Imports.Imports
          const store = yield* ProgramStore.ProgramStore
          assert.deepStrictEqual(yield* measurements.record(rows, provenance("A")), {
            inserted: 3,
            updated: 0,
            unchanged: 0
          })
          const later = rows.map((m) => ({
            ...m,
            vastgelegdOp: "2026-07-01" as Measurement.Measurement["vastgelegdOp"]
          }))
          assert.deepStrictEqual(yield* measurements.record(later, provenance("B")), {
            inserted: 0,
            updated: 0,
            unchanged: 3
          })
          const corrected = [{ ...later[1], waarde: 6 } as Measurement.Measurement]
          assert.deepStrictEqual(yield* measurements.record(corrected, provenance("C")), {
            inserted: 0,
            updated: 1,
            unchanged: 0
          })

          const loaded = yield* store.load
          const byId = new Map(loaded.metingen.map((m) => [m.id, m]))
          assert.strictEqual(byId.get(rows[1]?.id ?? "")?.waarde, 6)
          assert.strictEqual(loaded.metingen.length, dataset.metingen.length + 3)
          const listed = yield* measurements.recorded({ jaar: 2026, indicator: "kennisbijeenkomsten" })
          assert.deepStrictEqual(
            listed.map((r) => [
              r.measurement.periode,
              r.measurement.waarde,
              r.version,
              r.provenance?.importId
            ]),
            [
              ["2026-Q1", 1, 1, "A"],
              ["2026-Q1", 3, 1, "A"],
              ["2026-Q2", 6, 2, "C"]
            ]
          )

          const undone = yield* imports.undo("C", "tester")
          assert.strictEqual(Imports.summary(undone), "0 metingen verwijderd, 1 teruggezet")
          assert.strictEqual((yield* measurements.list({ periode: "2026-Q2" as never }))[0]?.waarde, 5)
          // A later change outside an import (one measurement through the ProgramStore) stays when A, which
          // created it, is undone; so do the measurements B holds too.
          const outcome = yield* store.recordMeasurement(
            { ...(rows[0] as Measurement.Measurement), waarde: 4 },
            cli
          )
          assert.strictEqual(outcome, "updated")
          const undoneA = yield* imports.undo("A", "tester")
          assert.deepStrictEqual([undoneA.removed, undoneA.kept], [0, 3])
          const values = (yield* measurements.list({ jaar: 2026, indicator: "kennisbijeenkomsten" }))
            .map((m) => m.waarde)
            .sort()
          assert.deepStrictEqual(values, [1, 4, 5])
          // Undoing B removes the two it brought and leaves the changed one.
          const undoneB = yield* imports.undo("B", "tester")
          assert.deepStrictEqual([undoneB.removed, undoneB.kept], [2, 1])
        })
      )
  )

  it.effect("a scope of gemeenten sees the region's measurements and its own gemeente's only", () =>
    run(
      Effect.gen(function* () {
        const measurements = yield* Measurements.Measurements
        yield* measurements.record(rows, provenance("A"))
        const of = (list: ReadonlyArray<Measurement.Measurement>) =>
          list.filter((m) => m.jaar === 2026).length
        assert.strictEqual(of(yield* measurements.list({}, Access.onlyGemeenten(["GM0344"]))), 3)
        assert.strictEqual(of(yield* measurements.list({}, Access.onlyGemeenten(["GM0307"]))), 2)
        assert.deepStrictEqual(
          yield* measurements.list({ gemeente: "GM0344" as never }, Access.onlyGemeenten(["GM0307"])),
          []
        )
      })
    )
  )

  it.effect("refuses an unknown indicator or area, naming the row, and writes nothing", () =>
    run(
      Effect.gen(function* () {
        const measurements = yield* Measurements.Measurements
        const before = (yield* measurements.list()).length
        const indicator = yield* Effect.flip(
          measurements.record(
            [rows[0] as Measurement.Measurement, meting({ indicator: "bestaat-niet" })],
            provenance("A")
          )
        )
        assert.include(indicator.message, "rij 3 (meting ")
        assert.include(indicator.message, "onbekende indicator 2026/bestaat-niet")
        const district = yield* Effect.flip(
          measurements.record([meting({ gebied: { niveau: "district", id: "noord" } })], provenance("A"))
        )
        assert.include(district.message, "district noord hoort niet bij de regio")
        assert.strictEqual((yield* measurements.list()).length, before)
      })
    )
  )

  it.effect(
    "refuses what the dataset check refuses (percentage, mijlpaal), naming the row; load still works",
    () =>
      run(
        Effect.gen(function* () {
          const measurements = yield* Measurements.Measurements
          const store = yield* ProgramStore.ProgramStore
          const before = (yield* store.load).metingen.length
          const percentage = yield* Effect.flip(
            measurements.record(
              [rows[0] as Measurement.Measurement, meting({ indicator: "aangiftebereidheid", waarde: 180 })],
              provenance("A")
            )
          )
          assert.include(percentage.message, "rij 3 (meting ")
          assert.include(percentage.message, "180 is geen percentage (0 tot en met 100)")
          const mijlpaal = yield* Effect.flip(
            measurements.record([meting({ mijlpaal: "verzonnen" })], provenance("B"))
          )
          assert.include(mijlpaal.message, "rij 2 (meting ")
          assert.include(mijlpaal.message, "onbekende mijlpaal verzonnen")
          assert.strictEqual((yield* store.load).metingen.length, before)
        })
      )
  )
}

describe("measurementId", () => {
  it("names what makes a measurement the one it is, readably", () => {
    assert.strictEqual(
      Measurements.measurementId(rows[2] as Measurement.Measurement),
      "m-2026-kennisbijeenkomsten-2026-Q1-GM0344"
    )
    assert.strictEqual(
      Measurements.measurementId({
        ...(rows[0] as Measurement.Measurement),
        mijlpaal: "ontwikkeld",
        peildatum: "2026-02-15" as never
      }),
      "m-2026-kennisbijeenkomsten-2026-Q1-regio-ontwikkeld-per-2026-02-15"
    )
    assert.strictEqual(
      Measurements.measurementId({
        ...(rows[0] as Measurement.Measurement),
        gebied: { niveau: "district", id: "noord" }
      }),
      "m-2026-kennisbijeenkomsten-2026-Q1-district-noord"
    )
  })
})

onEachDatabase("Measurements", measurementsSuite)
