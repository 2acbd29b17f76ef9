/**
 * Undo never loses data, on SQLite and on a throw-away PostgreSQL: a row that a later import (or a change
 * outside the imports) also holds stays when an earlier import is undone, now held by that later import;
 * undo is refused only where it would put back a value that was changed since.
 */

import { type Activity, Measurement } from "@dvcc/core"
import { assert, it } from "@effect/vitest"
import { Effect, Layer, Schema } from "effect"
import { SqlClient } from "effect/sql"
import * as fc from "fast-check"
import { Activities, Imports, Measurements, Registrations } from "../src/index.ts"
import { cli, type Fresh, onEachDatabase, seeded, sheetImport } from "./databases.ts"
import { activity } from "./fixtures/activities.ts"
import { generate, storedData } from "./fixtures/registrations.ts"

type Services =
  | Registrations.Registrations
  | Activities.Activities
  | Measurements.Measurements
  | Imports.Imports
  | SqlClient.SqlClient

const stores = (fresh: Fresh) =>
  seeded(
    fresh,
    Layer.mergeAll(
      Registrations.Registrations.layer,
      Activities.Activities.layer,
      Measurements.Measurements.layer,
      Imports.Imports.layer
    )
  )

/** The imported registrations' data (not the seed's), sorted. */
const registrations = Effect.gen(function* () {
  const list = yield* (yield* Registrations.Registrations).list()
  return storedData(list.filter((r) => r.herkomst.document === "politie-registraties-test.xlsx")).sort()
})

/** Import A of the issue: 108 rows; B the same rows and one more. */
const rowsA = generate(108, { year: 2030 })
const rowsB = generate(109, { year: 2030 })

/** A change outside the imports, as an edit past them would make it: new data, version + 1. */
const editRegistration = (row: (typeof rowsA)[number], aangiften: number) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const [data] = storedData([{ ...row, aangiften }])
    yield* sql`UPDATE registraties SET data = ${data ?? ""}, version = version + 1 WHERE periode = ${row.periode} AND gebied = ${JSON.stringify(row.gebied)} AND delict = ${row.delict}`
  })

const undoSuite = (fresh: Fresh) => {
  const run = <A, E>(body: Effect.Effect<A, E, Services>) => body.pipe(Effect.provide(stores(fresh)))

  it.effect(
    "A, then B with the same rows and one more, then undo A: B's 109 rows stay; undo B removes them",
    () =>
      run(
        Effect.gen(function* () {
          const store = yield* Registrations.Registrations
          const imports = yield* Imports.Imports
          yield* store.record(rowsA, sheetImport("A", "2030"))
          assert.deepStrictEqual(yield* store.record(rowsB, sheetImport("B", "2030")), {
            inserted: 1,
            updated: 0,
            unchanged: 108
          })
          const undoneA = yield* imports.undo("A", "tester")
          assert.deepStrictEqual([undoneA.removed, undoneA.restored, undoneA.kept], [0, 0, 108])
          assert.include(Imports.summary(undoneA), "108 behouden")
          assert.deepStrictEqual(yield* registrations, storedData(rowsB).sort())
          // The rows now name the import that still holds them.
          const held = yield* store.recorded()
          assert.isTrue(
            held
              .filter((r) => r.registration.herkomst.document === "politie-registraties-test.xlsx")
              .every((r) => r.provenance?.importId === "B")
          )
          const undoneB = yield* imports.undo("B", "tester")
          assert.deepStrictEqual([undoneB.removed, undoneB.restored, undoneB.kept], [109, 0, 0])
          assert.deepStrictEqual(yield* registrations, [])
        })
      )
  )

  it.effect("undo B then A: A's rows come back as they were, then go", () =>
    run(
      Effect.gen(function* () {
        const store = yield* Registrations.Registrations
        const imports = yield* Imports.Imports
        yield* store.record(rowsA, sheetImport("A", "2030"))
        yield* store.record(rowsB, sheetImport("B", "2030"))
        assert.deepStrictEqual((yield* imports.undo("B", "tester")).removed, 1)
        assert.deepStrictEqual(yield* registrations, storedData(rowsA).sort())
        assert.deepStrictEqual((yield* imports.undo("A", "tester")).removed, 108)
        assert.deepStrictEqual(yield* registrations, [])
      })
    )
  )

  it.effect("a row B changed stays with B's value when A, which created it, is undone", () =>
    run(
      Effect.gen(function* () {
        const store = yield* Registrations.Registrations
        const imports = yield* Imports.Imports
        const changed = generate(109, { year: 2030, variant: 1 }).slice(0, 10)
        yield* store.record(rowsA, sheetImport("A", "2030"))
        yield* store.record([...changed, ...rowsB.slice(10)], sheetImport("B", "2030"))
        const undoneA = yield* imports.undo("A", "tester")
        assert.deepStrictEqual([undoneA.removed, undoneA.kept], [0, 108])
        assert.deepStrictEqual(yield* registrations, storedData([...changed, ...rowsB.slice(10)]).sort())
        yield* imports.undo("B", "tester")
        assert.deepStrictEqual(yield* registrations, [])
      })
    )
  )

  it.effect("a change outside the imports between A and B is kept through both undos", () =>
    run(
      Effect.gen(function* () {
        const store = yield* Registrations.Registrations
        const imports = yield* Imports.Imports
        const row = rowsA[5]
        if (row === undefined) return assert.fail("no row")
        yield* store.record(rowsA, sheetImport("A", "2030"))
        yield* editRegistration(row, 9_999)
        // B brings A's figures back for that row: B changed it, the other 107 it holds.
        assert.deepStrictEqual(yield* store.record(rowsB, sheetImport("B", "2030")), {
          inserted: 1,
          updated: 1,
          unchanged: 107
        })
        yield* imports.undo("A", "tester")
        assert.deepStrictEqual(yield* registrations, storedData(rowsB).sort())
        yield* imports.undo("B", "tester")
        // What is left is the change made outside the imports.
        assert.deepStrictEqual(yield* registrations, storedData([{ ...row, aangiften: 9_999 }]))
      })
    )
  )

  it.effect("a change outside the imports after B stays when A and then B are undone", () =>
    run(
      Effect.gen(function* () {
        const store = yield* Registrations.Registrations
        const imports = yield* Imports.Imports
        const row = rowsA[5]
        if (row === undefined) return assert.fail("no row")
        yield* store.record(rowsA, sheetImport("A", "2030"))
        yield* store.record(rowsB, sheetImport("B", "2030"))
        yield* editRegistration(row, 9_999)
        yield* imports.undo("A", "tester")
        assert.strictEqual((yield* registrations).length, 109)
        const undoneB = yield* imports.undo("B", "tester")
        assert.deepStrictEqual([undoneB.removed, undoneB.kept], [108, 1])
        assert.deepStrictEqual(yield* registrations, storedData([{ ...row, aangiften: 9_999 }]))
      })
    )
  )

  it.effect("refuses to undo an update whose value a later import changed again, naming it", () =>
    run(
      Effect.gen(function* () {
        const store = yield* Registrations.Registrations
        const imports = yield* Imports.Imports
        yield* store.record(rowsA, sheetImport("A", "2030"))
        yield* store.record(generate(108, { year: 2030, variant: 1 }).slice(0, 3), sheetImport("B", "2030"))
        yield* store.record(generate(108, { year: 2030, variant: 2 }).slice(0, 2), sheetImport("C", "2030"))
        const before = yield* registrations
        const refused = yield* Effect.flip(imports.undo("B", "tester"))
        assert.strictEqual(refused._tag, "ImportDependedOn")
        if (refused._tag !== "ImportDependedOn") return
        assert.deepStrictEqual([refused.later, refused.rows], [["C"], 2])
        assert.deepStrictEqual(yield* registrations, before)
      })
    )
  )

  it.effect("activities and measurements: undo of A keeps what B holds too", () =>
    run(
      Effect.gen(function* () {
        const activities = yield* Activities.Activities
        const measurements = yield* Measurements.Measurements
        const imports = yield* Imports.Imports
        const soorten = ["kennisbijeenkomst", "echt-nep-bijeenkomst", "communicatie-uiting"] as const
        const acts = soorten.map((soort, i) =>
          activity({ datum: `2030-03-1${i}`, gemeente: "GM0344", soort, omschrijving: `Avond ${i}` })
        )
        const extra = activity({ datum: "2030-04-01", gemeente: "GM0344", soort: "kennisbijeenkomst" })
        yield* activities.record(acts, sheetImport("A", "Activiteiten"))
        yield* activities.record([...acts, extra], sheetImport("B", "Activiteiten"))
        const meting = (periode: string, waarde: number, vastgelegdOp: string) =>
          Schema.decodeUnknownSync(Measurement.Measurement)({
            id: `m-${periode}`,
            indicator: "kennisbijeenkomsten",
            jaar: 2026,
            periode,
            gebied: { niveau: "regio" },
            waarde,
            bron: "programma-administratie",
            vastgelegdOp,
            herkomst: { document: "metingen.xlsx", sectie: "blad Metingen" }
          })
        const m1 = meting("2026-Q1", 3, "2026-04-02")
        yield* measurements.record([m1], sheetImport("C", "Metingen"))
        // Recorded again on another day: the same measurement, held by D too.
        yield* measurements.record(
          [{ ...m1, vastgelegdOp: "2026-04-09" as Measurement.Measurement["vastgelegdOp"] }],
          sheetImport("D", "Metingen")
        )
        yield* imports.undo("A", "tester")
        assert.deepStrictEqual(
          (yield* activities.list()).map((a) => a.id).sort(),
          [...acts, extra].map((a) => a.id).sort()
        )
        yield* imports.undo("C", "tester")
        assert.deepStrictEqual(
          (yield* measurements.list()).filter((m) => m.id === m1.id).map((m) => m.waarde),
          [3]
        )
        yield* imports.undo("B", "tester")
        yield* imports.undo("D", "tester")
        assert.deepStrictEqual(yield* activities.list(), [])
        assert.deepStrictEqual(
          (yield* measurements.list()).filter((m) => m.id === m1.id),
          []
        )
      })
    )
  )

  it.effect("an activity changed outside the imports stays when the import that created it is undone", () =>
    run(
      Effect.gen(function* () {
        const activities = yield* Activities.Activities
        const imports = yield* Imports.Imports
        const a = activity({
          datum: "2030-03-12",
          gemeente: "GM0344",
          soort: "kennisbijeenkomst",
          bereik: 40
        })
        yield* activities.record([a], sheetImport("A", "Activiteiten"))
        yield* activities.update(a.id, { ...a, bereik: 45 }, 1, cli)
        const undone = yield* imports.undo("A", "tester")
        assert.deepStrictEqual([undone.removed, undone.kept], [0, 1])
        assert.deepStrictEqual(
          (yield* activities.list()).map((x) => x.bereik),
          [45]
        )
      })
    )
  )

  /**
   * Random sequences of imports (of a few rows, some unchanged, some changed, some new), changes outside the
   * imports and undos, of activities (changed through the API's update) and of registrations (the first
   * import of a month creates it, changes past the imports in SQL): after each undo that is not refused, the
   * data is what the remaining imports and changes hold (per row the latest of them); a refused undo changes
   * nothing, and is refused exactly when it would put back a value that was changed since.
   */
  const keys = [0, 1, 2, 3]
  /** Rows by key with a figure: imported, read back, changed outside the imports. */
  interface Subject {
    readonly name: string
    readonly record: (
      rows: ReadonlyArray<readonly [number, number]>,
      importId: string
    ) => Effect.Effect<unknown, unknown, Services>
    readonly read: Effect.Effect<ReadonlyArray<readonly [number, number]>, unknown, Services>
    readonly edit: (key: number, value: number) => Effect.Effect<boolean, unknown, Services>
  }
  const base = keys.map((k) =>
    activity({
      datum: `2030-03-1${k}`,
      gemeente: "GM0344",
      soort: "kennisbijeenkomst",
      omschrijving: `k${k}`
    })
  )
  const keyOfActivity = new Map(base.map((a, k) => [a.id, k]))
  const activitySubject: Subject = {
    name: "activities",
    record: (rows, importId) =>
      Effect.flatMap(Activities.Activities, (activities) =>
        activities.record(
          rows.map(([k, bereik]) => ({ ...(base[k] as Activity.Activity), bereik })),
          sheetImport(importId, "Activiteiten")
        )
      ),
    read: Effect.map(
      Effect.flatMap(Activities.Activities, (activities) => activities.list()),
      (list) =>
        list.flatMap((a) => {
          const k = keyOfActivity.get(a.id)
          return k === undefined ? [] : [[k, a.bereik ?? 0] as const]
        })
    ),
    edit: (key, bereik) =>
      Effect.gen(function* () {
        const activities = yield* Activities.Activities
        const current = (yield* activities.list()).find((a) => a.id === base[key]?.id)
        if (current === undefined) return false
        const { version } = yield* activities.get(current.id)
        yield* activities.update(current.id, { ...current, bereik }, version, cli)
        return true
      })
  }
  const month = generate(4, { year: 2031 })
  const registrationSubject: Subject = {
    name: "registrations",
    record: (rows, importId) =>
      Effect.flatMap(Registrations.Registrations, (store) =>
        store.record(
          rows.map(([k, aangiften]) => ({ ...(month[k] as (typeof month)[number]), aangiften })),
          sheetImport(importId, "2031")
        )
      ),
    read: Effect.map(
      Effect.flatMap(Registrations.Registrations, (store) => store.list({ periode: "2031-01" as never })),
      (list) =>
        list.flatMap((r) => {
          const k = month.findIndex(
            (m) => m.delict === r.delict && JSON.stringify(m.gebied) === JSON.stringify(r.gebied)
          )
          return k < 0 ? [] : [[k, r.aangiften ?? 0] as const]
        })
    ),
    edit: (key, aangiften) =>
      Effect.gen(function* () {
        const row = month[key]
        if (row === undefined) return false
        const present = (yield* registrationSubject.read).some(([k]) => k === key)
        if (!present) return false
        yield* editRegistration(row, aangiften)
        return true
      })
  }
  type Step =
    | { readonly _tag: "import"; readonly rows: ReadonlyArray<readonly [number, number]> }
    | { readonly _tag: "edit"; readonly key: number }
    | { readonly _tag: "undo"; readonly which: number }
  const step: fc.Arbitrary<Step> = fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .uniqueArray(fc.tuple(fc.constantFrom(...keys), fc.integer({ min: 1, max: 3 })), {
          minLength: 1,
          maxLength: 4,
          selector: ([k]) => k
        })
        .map((rows) => ({ _tag: "import" as const, rows }))
    },
    { weight: 1, arbitrary: fc.constantFrom(...keys).map((key) => ({ _tag: "edit" as const, key })) },
    { weight: 2, arbitrary: fc.nat(20).map((which) => ({ _tag: "undo" as const, which })) }
  )
  type Event = { readonly by: string | undefined; readonly value: number }

  for (const subject of [activitySubject, registrationSubject]) {
    it.effect(
      `a random sequence of imports, changes and undos of ${subject.name} loses nothing`,
      () =>
        Effect.promise(() =>
          fc.assert(
            fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 9 }), (steps) =>
              run(
                Effect.gen(function* () {
                  const imports = yield* Imports.Imports
                  const events = new Map<number, Array<Event>>(keys.map((k) => [k, []]))
                  const done: Array<string> = []
                  let edits = 100
                  const model = () => {
                    const out: Array<readonly [number, number]> = []
                    for (const k of keys) {
                      const last = (events.get(k) ?? []).at(-1)
                      if (last !== undefined) out.push([k, last.value])
                    }
                    return out
                  }
                  const actual = Effect.map(subject.read, (rows) => [...rows].sort((a, b) => a[0] - b[0]))
                  for (const [n, s] of steps.entries()) {
                    if (s._tag === "import") {
                      const id = `I${String(n).padStart(2, "0")}`
                      yield* subject.record(s.rows, id)
                      for (const [k, value] of s.rows) events.get(k)?.push({ by: id, value })
                      done.push(id)
                    } else if (s._tag === "edit") {
                      // Changes outside the imports write a figure no import writes.
                      const value = ++edits
                      if (yield* subject.edit(s.key, value)) events.get(s.key)?.push({ by: undefined, value })
                    } else {
                      const target = done[s.which % Math.max(1, done.length)]
                      if (target === undefined) continue
                      const before = yield* actual
                      // Refused when the import changed a value (it had one before it, and a different one)
                      // and the row holds another value now.
                      const refuse = keys.some((k) => {
                        const list = events.get(k) ?? []
                        const at = list.findIndex((e) => e.by === target)
                        if (at < 0) return false
                        const previous = list[at - 1]
                        const own = list[at] as Event
                        return (
                          previous !== undefined &&
                          previous.value !== own.value &&
                          (list.at(-1) as Event).value !== own.value
                        )
                      })
                      const result = yield* Effect.result(imports.undo(target, "tester"))
                      if (refuse) {
                        assert.strictEqual(result._tag, "Failure", `undo ${target} should be refused`)
                        assert.deepStrictEqual(yield* actual, before)
                      } else {
                        assert.strictEqual(result._tag, "Success", `undo ${target}: ${String(result)}`)
                        for (const k of keys)
                          events.set(
                            k,
                            (events.get(k) ?? []).filter((e) => e.by !== target)
                          )
                        done.splice(done.indexOf(target), 1)
                      }
                      assert.deepStrictEqual(yield* actual, model())
                    }
                  }
                })
              ).pipe(Effect.runPromise)
            ),
            { numRuns: fresh.name === "freshSqlite" ? 60 : 15 }
          )
        ),
      180_000
    )
  }
}

onEachDatabase("Undo", undoSuite)

const olderSuite = (fresh: Fresh) => {
  it.effect(
    "changes written by an earlier dvcc (no versions, no provenance of holds) undo the same way",
    () =>
      Effect.gen(function* () {
        const store = yield* Registrations.Registrations
        const imports = yield* Imports.Imports
        const sql = yield* SqlClient.SqlClient
        const changed = generate(109, { year: 2030, variant: 1 }).slice(0, 5)
        yield* store.record(rowsA, sheetImport("A", "2030"))
        yield* store.record(changed, sheetImport("B", "2030"))
        yield* store.record(rowsB.slice(5), sheetImport("C", "2030"))
        yield* sql`UPDATE import_changes SET version = NULL, source = NULL`
        yield* imports.undo("A", "tester")
        assert.deepStrictEqual(yield* registrations, storedData([...changed, ...rowsB.slice(5)]).sort())
      }).pipe(Effect.provide(stores(fresh)))
  )
}

onEachDatabase("Undo of older changes", olderSuite)
