import { Dataset, Measurement } from "@dvcc/core"
import { dataset, encodedDataset } from "@dvcc/midden-nederland"
import { assert, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { Database, Migrations, ProgramStore } from "../src/index.ts"
import { canonical, type Fresh, onEachDatabase } from "./databases.ts"

const cli = { actor: "test", source: "cli" }

const meting = (fields: Record<string, unknown>) =>
  Schema.decodeUnknownSync(Measurement.Measurement)({
    id: "m-2026-kennisbijeenkomsten-q1",
    indicator: "kennisbijeenkomsten",
    jaar: 2026,
    periode: "2026-Q1",
    gebied: { niveau: "regio" },
    waarde: 3,
    bron: "programma-administratie",
    vastgelegdOp: "2026-04-02",
    herkomst: { document: "test", sectie: "test" },
    ...fields
  })

/** The same tests for every database; `fresh` gives an empty database for each test. */
const storeSuite = (fresh: Fresh) => {
  const withStore = <A, E>(
    location: Database.Location,
    body: Effect.Effect<A, E, ProgramStore.ProgramStore | SqlClient.SqlClient>
  ) => body.pipe(Effect.provide(Database.layer(location)))

  /** A fresh database with the bundled data in it. */
  const seeded = <A, E>(body: (store: ProgramStore.ProgramStore["Service"]) => Effect.Effect<A, E>) =>
    Effect.flatMap(fresh(), (location) =>
      withStore(
        location,
        Effect.gen(function* () {
          const store = yield* ProgramStore.ProgramStore
          yield* store.seed(dataset, cli)
          return yield* body(store)
        })
      )
    )

  it.effect("seeds the bundled data once; a second seed changes nothing; it reads back as it went in", () =>
    Effect.gen(function* () {
      const location = yield* fresh()
      yield* withStore(
        location,
        Effect.gen(function* () {
          const store = yield* ProgramStore.ProgramStore
          assert.isTrue(yield* store.isEmpty)
          const first = yield* store.seed(dataset, cli)
          assert.isAbove(first.inserted, 100)
          const second = yield* store.seed(dataset, cli)
          assert.deepStrictEqual(second, { inserted: 0, updated: 0, unchanged: first.inserted })
          assert.deepStrictEqual(canonical(yield* store.load), canonical(dataset))
          assert.lengthOf(yield* store.history("dataset", "seed"), 1)
        })
      )
    })
  )

  it.effect("records a measurement idempotently, refuses a stale write and keeps the history", () =>
    seeded((store) =>
      Effect.gen(function* () {
        const first = meting({})
        assert.strictEqual(yield* store.recordMeasurement(first, cli), "inserted")
        assert.strictEqual(yield* store.recordMeasurement(first, cli), "unchanged")
        assert.strictEqual(yield* store.recordMeasurement({ ...first, waarde: 4 }, cli, 1), "updated")
        const stale = yield* Effect.flip(store.recordMeasurement({ ...first, waarde: 5 }, cli, 1))
        assert.strictEqual(stale._tag, "Conflict")
        assert.include(stale.message, `metingen ${first.id} is intussen gewijzigd (versie 2`)
        const history = yield* store.history("metingen", first.id)
        assert.deepStrictEqual(
          history.map((h) => h.action),
          ["insert", "update"]
        )
        const [, update] = history
        assert.deepInclude(update?.before, { waarde: 3 })
        assert.deepInclude(update?.after, { waarde: 4 })
        assert.strictEqual((yield* store.load).metingen.find((m) => m.id === first.id)?.waarde, 4)
      })
    )
  )

  it.effect("refuses a measurement of an unknown indicator and writes nothing, not even audit", () =>
    seeded((store) =>
      Effect.gen(function* () {
        const unknown = meting({ id: "m-onbekend", indicator: "bestaat-niet" })
        const error = yield* Effect.flip(store.recordMeasurement(unknown, cli))
        assert.strictEqual(error._tag, "StoreError")
        assert.include(error.message, "Meting m-onbekend kon niet worden opgeslagen")
        assert.lengthOf(yield* store.history("metingen", "m-onbekend"), 0)
      })
    )
  )

  it.effect("stores a programme whose baten carry ids of its own choosing", () =>
    Effect.gen(function* () {
      const renamed = Schema.decodeUnknownSync(Dataset.Dataset)(
        JSON.parse(JSON.stringify(encodedDataset).replaceAll('"baat-1"', '"integraal-sturen"'))
      )
      const location = yield* fresh()
      yield* withStore(
        location,
        Effect.gen(function* () {
          const store = yield* ProgramStore.ProgramStore
          yield* store.seed(renamed, cli)
          const loaded = yield* store.load
          assert.deepStrictEqual(canonical(loaded), canonical(renamed))
          assert.include(
            loaded.indicatoren.map((i): string => i.baat),
            "integraal-sturen"
          )
        })
      )
    })
  )

  it.effect(
    "reads a database written before strategy periods: its programme becomes one DIN of 2023–2026",
    () =>
      Effect.gen(function* () {
        const location = yield* fresh()
        yield* withStore(
          location,
          Effect.gen(function* () {
            const store = yield* ProgramStore.ProgramStore
            yield* store.seed(dataset, cli)
            const sql = yield* SqlClient.SqlClient
            // The programme as dvcc stored it up to migration 7: the DIN's fields beside naam and regio.
            const { strategieperioden, ...rest } = Schema.encodeSync(Dataset.Dataset)(dataset).program
            const old = JSON.stringify({ ...rest, ...strategieperioden[0] })
            yield* sql`UPDATE programma SET data = ${old}`
            yield* sql`DELETE FROM dvcc_migrations WHERE migration_id >= 8`
          })
        )
        const loaded = yield* withStore(
          location,
          Effect.flatMap(ProgramStore.ProgramStore, (store) => store.load)
        )
        assert.deepStrictEqual(canonical(loaded), canonical(dataset))
        assert.deepStrictEqual(
          loaded.program.strategieperioden.map((d) => d.looptijd),
          [{ van: 2023, tot: 2026 }]
        )
      })
  )

  it.effect("refuses a database written by a newer dvcc", () =>
    Effect.gen(function* () {
      const location = yield* fresh()
      yield* withStore(
        location,
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          yield* sql`INSERT INTO dvcc_migrations (migration_id, name) VALUES (${Migrations.latest + 1}, 'future')`
        })
      )
      const error = yield* Effect.flip(withStore(location, Effect.void))
      assert.include(String((error as Error).message), `schemaversie ${Migrations.latest + 1}`)
    })
  )
}

onEachDatabase("ProgramStore", storeSuite)
