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
        assert.strictEqual(error._tag, "Invalid")
        assert.include(error.message, "onbekende indicator 2026/bestaat-niet")
        assert.lengthOf(yield* store.history("metingen", "m-onbekend"), 0)
      })
    )
  )

  // Each of these decodes as a Measurement, but the dataset check refuses it: stored, it would make every
  // later load (and so every page and endpoint) fail.
  const refusedByDataset = [
    {
      name: "a percentage over 100",
      fields: { id: "m-pct", indicator: "aangiftebereidheid", waarde: 180 },
      path: "waarde",
      issue: "180 is geen percentage"
    },
    {
      name: "an unknown mijlpaal",
      fields: {
        id: "m-mp",
        jaar: 2025,
        periode: "2025",
        indicator: "campagnemateriaal",
        mijlpaal: "verzonnen",
        waarde: 1
      },
      path: "mijlpaal",
      issue: "onbekende mijlpaal verzonnen"
    },
    {
      name: "a mijlpaal of an indicator without milestones",
      fields: { id: "m-mp2", mijlpaal: "ontwikkeld" },
      path: "mijlpaal",
      issue: "onbekende mijlpaal ontwikkeld"
    },
    {
      name: "a gemeente outside the region",
      fields: { id: "m-gm", gebied: { niveau: "gemeente", code: "GM0363" } },
      path: "gebied",
      issue: "gemeente GM0363 hoort niet bij de regio"
    },
    {
      name: "a district outside the region",
      fields: { id: "m-d", gebied: { niveau: "district", id: "verzonnen" } },
      path: "gebied",
      issue: "district verzonnen hoort niet bij de regio"
    },
    {
      name: "an unknown indicator",
      fields: { id: "m-i", jaar: 2024 },
      path: "indicator",
      issue: "onbekende indicator 2024/kennisbijeenkomsten"
    }
  ]
  for (const attack of refusedByDataset) {
    it.effect(`refuses ${attack.name} with the field, writes nothing, and the dataset still loads`, () =>
      seeded((store) =>
        Effect.gen(function* () {
          const m = meting(attack.fields)
          const error = yield* Effect.flip(store.recordMeasurement(m, cli))
          assert.strictEqual(error._tag, "Invalid")
          if (error._tag !== "Invalid") return
          assert.deepStrictEqual(
            error.issues.map((i) => i.path),
            [attack.path]
          )
          assert.include(error.message, attack.issue)
          const loaded = yield* store.load
          assert.isUndefined(loaded.metingen.find((x) => x.id === m.id))
          assert.lengthOf(yield* store.history("metingen", m.id), 0)
        })
      )
    )
  }

  it.effect("refuses a correction that would make a stored measurement one the dataset refuses", () =>
    seeded((store) =>
      Effect.gen(function* () {
        const first = meting({ id: "m-pct-ok", indicator: "aangiftebereidheid", waarde: 18 })
        assert.strictEqual(yield* store.recordMeasurement(first, cli), "inserted")
        const error = yield* Effect.flip(store.recordMeasurement({ ...first, waarde: 101 }, cli, 1))
        assert.strictEqual(error._tag, "Invalid")
        assert.strictEqual((yield* store.load).metingen.find((m) => m.id === first.id)?.waarde, 18)
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
