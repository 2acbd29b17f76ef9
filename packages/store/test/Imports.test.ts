/**
 * Undoing an import, on SQLite and on a throw-away PostgreSQL: what it inserted goes, what it updated gets
 * its previous data back, and an import that later changes built on is left alone.
 */

import { dataset } from "@dvcc/midden-nederland"
import { assert, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { SqlClient } from "effect/sql"
import { Database, Imports, ProgramStore, Registrations } from "../src/index.ts"
import { type Fresh, onEachDatabase } from "./databases.ts"
import { generate, storedData } from "./fixtures/registrations.ts"

const shaA = "a".repeat(64)
const shaB = `b${"0123456789abcdef".repeat(4).slice(1)}`

const provenance = (importId: string, sha256: string): Registrations.Provenance => ({
  importId,
  sha256,
  file: `${importId}.xlsx`,
  sheet: "2030",
  actor: "test"
})

/** Import A: 100 new rows. Import B: 10 of them changed and 5 new ones. */
const rowsA = generate(100, { year: 2030 })
const variant = generate(105, { year: 2030, variant: 1 })
const rowsB = [...variant.slice(0, 10), ...variant.slice(100)]

const stores = (location: Database.Location) =>
  Layer.mergeAll(Registrations.Registrations.layer, Imports.Imports.layer).pipe(
    Layer.provideMerge(Database.layer(location))
  )

/** The data of the registrations the tests import (not the seed's), sorted. */
const stored = Effect.gen(function* () {
  const registrations = yield* Registrations.Registrations
  const imported = (yield* registrations.list()).filter(
    (r) => r.herkomst.document === "politie-registraties-test.xlsx"
  )
  return storedData(imported).sort()
})

/** Everything the undo may touch, to compare before and after a refusal. */
const snapshot = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const rows = yield* sql<{
    readonly data: string
    readonly version: number | string
    readonly source: string
  }>`SELECT data, version, source FROM registraties ORDER BY periode, gebied, delict`
  const imports = yield* sql`SELECT * FROM imports ORDER BY id`
  const audit = yield* sql<{ readonly n: number | string }>`SELECT COUNT(*) AS n FROM audit`
  return {
    rows: rows.map((row) => ({ ...row, version: Number(row.version) })),
    imports,
    audit: Number(audit[0]?.n)
  }
})

const importsSuite = (fresh: Fresh) => {
  const withStores = <A, E>(
    body: Effect.Effect<
      A,
      E,
      Registrations.Registrations | Imports.Imports | ProgramStore.ProgramStore | SqlClient.SqlClient
    >
  ) =>
    Effect.gen(function* () {
      const location = yield* fresh()
      // The bundled region first: registrations about gemeenten it does not have are refused.
      const seeded = Effect.gen(function* () {
        const store = yield* ProgramStore.ProgramStore
        yield* store.seed(dataset, { actor: "test", source: "cli" })
      })
      return yield* Effect.andThen(seeded, body).pipe(Effect.provide(stores(location)))
    })

  /** Records A and B; returns the data after A. */
  const recordBoth = Effect.gen(function* () {
    const registrations = yield* Registrations.Registrations
    assert.deepStrictEqual(yield* registrations.record(rowsA, provenance("A", shaA)), {
      inserted: 100,
      updated: 0,
      unchanged: 0
    })
    const afterA = yield* stored
    assert.deepStrictEqual(yield* registrations.record(rowsB, provenance("B", shaB)), {
      inserted: 5,
      updated: 10,
      unchanged: 0
    })
    return afterA
  })

  it.effect("undoing B restores A's values and removes B's rows; undoing A then removes the rest", () =>
    withStores(
      Effect.gen(function* () {
        const imports = yield* Imports.Imports
        const store = yield* ProgramStore.ProgramStore
        const afterA = yield* recordBoth
        assert.deepStrictEqual(afterA, storedData(rowsA).sort())
        assert.deepStrictEqual(
          (yield* imports.list).map((i) => [
            i.id,
            i.sha256,
            i.file,
            i.inserted,
            i.updated,
            i.unchanged,
            i.undoneAt
          ]),
          [
            ["A", shaA, "A.xlsx", 100, 0, 0, undefined],
            ["B", shaB, "B.xlsx", 5, 10, 0, undefined]
          ]
        )

        assert.deepStrictEqual(yield* imports.undo("B", "tester"), {
          id: "B",
          removed: 5,
          restored: 10,
          kept: 0,
          entities: [{ entity: "registraties", removed: 5, restored: 10, kept: 0 }]
        })
        assert.deepStrictEqual(yield* stored, afterA)
        const undoneB = (yield* imports.list).find((i) => i.id === "B")
        assert.isDefined(undoneB?.undoneAt)

        // Audited: one entry, with the counts it undid.
        const history = yield* store.history("import", "B")
        assert.deepStrictEqual(
          history.map((h) => h.action),
          ["insert", "delete"]
        )
        assert.deepStrictEqual(
          [history[1]?.actor, history[1]?.before, history[1]?.after],
          ["tester", { inserted: 5, updated: 10, unchanged: 0 }, null]
        )

        // A second undo is refused, and changes nothing.
        const again = yield* Effect.flip(imports.undo("B", "tester"))
        assert.strictEqual(again._tag, "ImportAlreadyUndone")
        assert.include(again.message, "Import B is al ongedaan gemaakt")

        assert.deepStrictEqual(yield* imports.undo("A", "tester"), {
          id: "A",
          removed: 100,
          restored: 0,
          kept: 0,
          entities: [{ entity: "registraties", removed: 100, restored: 0, kept: 0 }]
        })
        assert.deepStrictEqual(yield* stored, [])
      })
    )
  )

  it.effect("undoing A while B changed 10 of its rows keeps those with B's values and removes the rest", () =>
    withStores(
      Effect.gen(function* () {
        const imports = yield* Imports.Imports
        yield* recordBoth
        assert.deepStrictEqual(yield* imports.undo("A", "tester"), {
          id: "A",
          removed: 90,
          restored: 0,
          kept: 10,
          entities: [{ entity: "registraties", removed: 90, restored: 0, kept: 10 }]
        })
        assert.deepStrictEqual(yield* stored, storedData(rowsB).sort())
        // B now created them: undoing it removes all 15.
        assert.deepStrictEqual((yield* imports.undo("B", "tester")).removed, 15)
        assert.deepStrictEqual(yield* stored, [])
      })
    )
  )

  it.effect("refuses to undo B when C changed again what B changed, naming C; nothing changes", () =>
    withStores(
      Effect.gen(function* () {
        const registrations = yield* Registrations.Registrations
        const imports = yield* Imports.Imports
        yield* recordBoth
        const again = generate(105, { year: 2030, variant: 2 }).slice(0, 4)
        yield* registrations.record(again, provenance("C", "c".repeat(64)))
        const before = yield* snapshot
        const refused = yield* Effect.flip(imports.undo("B", "tester"))
        assert.strictEqual(refused._tag, "ImportDependedOn")
        if (refused._tag !== "ImportDependedOn") return
        assert.deepStrictEqual(refused.later, ["C"])
        assert.strictEqual(refused.rows, 4)
        assert.include(refused.message, "Import B kan niet ongedaan worden gemaakt")
        assert.include(refused.message, "import C")
        assert.deepStrictEqual(yield* snapshot, before)
      })
    )
  )

  it.effect("undoes by sha256, in full or by its first characters", () =>
    withStores(
      Effect.gen(function* () {
        const imports = yield* Imports.Imports
        const afterA = yield* recordBoth
        assert.deepStrictEqual(yield* imports.undo(shaB.slice(0, 12).toUpperCase(), "tester"), {
          id: "B",
          removed: 5,
          restored: 10,
          kept: 0,
          entities: [{ entity: "registraties", removed: 5, restored: 10, kept: 0 }]
        })
        assert.deepStrictEqual(yield* stored, afterA)
        assert.deepStrictEqual(yield* imports.undo(shaA, "tester"), {
          id: "A",
          removed: 100,
          restored: 0,
          kept: 0,
          entities: [{ entity: "registraties", removed: 100, restored: 0, kept: 0 }]
        })
        assert.deepStrictEqual(yield* stored, [])
      })
    )
  )

  it.effect("undoes an import written in several calls whole, also rows a later call changed again", () =>
    withStores(
      Effect.gen(function* () {
        const registrations = yield* Registrations.Registrations
        const imports = yield* Imports.Imports
        // The first call creates month 2030-01; the second changes 10 of its rows, adds 356 to it and
        // creates 2030-02 with 44.
        const more = [...variant.slice(0, 10), ...generate(500, { year: 2030 }).slice(100)]
        assert.deepStrictEqual(yield* registrations.record(rowsA, provenance("A", shaA)), {
          inserted: 100,
          updated: 0,
          unchanged: 0
        })
        assert.deepStrictEqual(yield* registrations.record(more, provenance("A", shaA)), {
          inserted: 400,
          updated: 10,
          unchanged: 0
        })
        assert.deepStrictEqual(yield* imports.undo("A", "tester"), {
          id: "A",
          removed: 500,
          restored: 0,
          kept: 0,
          entities: [{ entity: "registraties", removed: 500, restored: 0, kept: 0 }]
        })
        assert.deepStrictEqual(yield* stored, [])
      })
    )
  )

  it.effect(
    "undoing A leaves the rows later imports added to A's month or brought again; A's other rows go",
    () =>
      withStores(
        Effect.gen(function* () {
          const registrations = yield* Registrations.Registrations
          const imports = yield* Imports.Imports
          yield* registrations.record(rowsA, provenance("A", shaA))
          const added = variant.slice(100)
          assert.deepStrictEqual(
            yield* registrations.record([...rowsA.slice(0, 3), ...added], provenance("B", shaB)),
            { inserted: 5, updated: 0, unchanged: 3 }
          )
          // C changes one of B's rows: still B's, not A's.
          const changed = generate(105, { year: 2030, variant: 2 }).slice(100, 101)
          yield* registrations.record(changed, provenance("C", "c".repeat(64)))
          assert.deepStrictEqual(yield* imports.undo("A", "tester"), {
            id: "A",
            removed: 97,
            restored: 0,
            kept: 3,
            entities: [{ entity: "registraties", removed: 97, restored: 0, kept: 3 }]
          })
          assert.deepStrictEqual(
            yield* stored,
            storedData([...rowsA.slice(0, 3), ...changed, ...added.slice(1)]).sort()
          )
          assert.deepStrictEqual((yield* imports.undo("C", "tester")).restored, 1)
          assert.deepStrictEqual((yield* imports.undo("B", "tester")).removed, 8)
          assert.deepStrictEqual(yield* stored, [])
        })
      )
  )

  it.effect("undoing A keeps a row it created that was changed outside an import since", () =>
    withStores(
      Effect.gen(function* () {
        const registrations = yield* Registrations.Registrations
        const imports = yield* Imports.Imports
        const sql = yield* SqlClient.SqlClient
        yield* registrations.record(rowsA, provenance("A", shaA))
        const [edited] = storedData(variant.slice(7, 8))
        const row = rowsA[7]
        if (edited === undefined || row === undefined) return assert.fail("no row")
        // As an edit past the imports would: new data, version + 1.
        yield* sql`UPDATE registraties SET data = ${edited}, version = version + 1 WHERE periode = ${row.periode} AND gebied = ${JSON.stringify(row.gebied)} AND delict = ${row.delict}`
        const undone = yield* imports.undo("A", "tester")
        assert.deepStrictEqual([undone.removed, undone.kept], [99, 1])
        assert.deepStrictEqual(yield* stored, [edited])
      })
    )
  )

  it.effect(
    "refuses to undo an update of B when it was changed outside an import since; nothing changes",
    () =>
      withStores(
        Effect.gen(function* () {
          const imports = yield* Imports.Imports
          const sql = yield* SqlClient.SqlClient
          yield* recordBoth
          const [edited] = storedData(generate(105, { year: 2030, variant: 3 }).slice(2, 3))
          const row = rowsA[2]
          if (edited === undefined || row === undefined) return assert.fail("no row")
          yield* sql`UPDATE registraties SET data = ${edited}, version = version + 1 WHERE periode = ${row.periode} AND gebied = ${JSON.stringify(row.gebied)} AND delict = ${row.delict}`
          const before = yield* snapshot
          const refused = yield* Effect.flip(imports.undo("B", "tester"))
          assert.strictEqual(refused._tag, "ImportDependedOn")
          if (refused._tag !== "ImportDependedOn") return
          assert.deepStrictEqual([refused.later, refused.rows], [[], 1])
          assert.include(refused.message, "buiten een import om")
          assert.deepStrictEqual(yield* snapshot, before)
        })
      )
  )

  it.effect("refuses an unknown id or sha256 clearly, changing nothing", () =>
    withStores(
      Effect.gen(function* () {
        const imports = yield* Imports.Imports
        yield* recordBoth
        const before = yield* snapshot
        const unknown = yield* Effect.flip(imports.undo("bestaat-niet", "tester"))
        assert.strictEqual(unknown._tag, "ImportNotFound")
        assert.include(unknown.message, "Er is geen import met id of sha256 bestaat-niet")
        const unknownSha = yield* Effect.flip(imports.undo("c".repeat(64), "tester"))
        assert.strictEqual(unknownSha._tag, "ImportNotFound")
        assert.deepStrictEqual(yield* snapshot, before)
      })
    )
  )
}

onEachDatabase("Imports", importsSuite)
