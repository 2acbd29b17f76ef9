/**
 * What the store's tests share: a way to run one suite on SQLite and on a throw-away PostgreSQL, each test
 * on a fresh database, and a comparable form of a dataset.
 */
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Dataset } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { describePostgres, type PostgresCluster, startPostgres } from "@dvcc/testing-postgres"
import { describe } from "@effect/vitest"
import { Effect, Layer, Redacted, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { afterAll, beforeAll } from "vitest"
import { Database, ProgramStore, type Provenance } from "../src/index.ts"

/** Who the tests write as. */
export const cli: ProgramStore.Source = { actor: "test", source: "cli" }

/** An import of sheet `sheet` of `<importId>.xlsx`, rows numbered as in the workbook below its header. */
export const sheetImport = (importId: string, sheet: string): Provenance.Provenance => ({
  importId,
  file: `${importId}.xlsx`,
  sheet,
  rowOf: (index) => index + 2,
  actor: "test"
})

/**
 * A database from `fresh` holding the bundled dataset, serving `services` beside the programme store;
 * `setUp` writes what a suite needs beyond the dataset.
 */
export const seeded = <ROut, E, RSetUp = never>(
  fresh: Fresh,
  services: Layer.Layer<ROut, E, SqlClient.SqlClient>,
  setUp: Effect.Effect<void, unknown, RSetUp> = Effect.void
) =>
  Layer.unwrap(
    Effect.map(fresh(), (location) =>
      Layer.effectDiscard(
        Effect.gen(function* () {
          yield* (yield* ProgramStore.ProgramStore).seed(dataset, cli)
          yield* setUp
        })
      ).pipe(Layer.provideMerge(services.pipe(Layer.provideMerge(Database.layer(location)))))
    )
  )

/** Gives an empty database for one test. */
export type Fresh = () => Effect.Effect<Database.Location, unknown>

/** A new SQLite file in a temporary folder. */
export const freshSqlite: Fresh = () =>
  Effect.sync(() => ({
    _tag: "Sqlite",
    file: join(mkdtempSync(join(tmpdir(), "dvcc-store-")), "dvcc.sqlite")
  }))

/**
 * Starts a throw-away PostgreSQL cluster for the enclosing `describePostgres` block and gives a new
 * database in it for each test.
 */
export const freshPostgres = (prefix: string): Fresh => {
  let cluster: PostgresCluster | undefined
  let count = 0
  beforeAll(async () => {
    cluster = await startPostgres()
  }, 60_000)
  afterAll(() => cluster?.stop())
  return () =>
    Effect.gen(function* () {
      if (cluster === undefined) return yield* Effect.die("the PostgreSQL cluster did not start")
      const { url } = cluster
      const name = `${prefix}_${++count}`
      yield* Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* sql.unsafe(`CREATE DATABASE ${name}`)
      }).pipe(Effect.provide(Database.client({ _tag: "Postgres", url: Redacted.make(url) })))
      return { _tag: "Postgres", url: Redacted.make(url.replace("/dvcc_test?", `/${name}?`)) } as const
    })
}

/** Registers `suite` twice: on SQLite, and on PostgreSQL (skipped with a message where it is missing). */
export const onEachDatabase = (name: string, suite: (fresh: Fresh) => void): void => {
  describe(`${name} on SQLite`, () => suite(freshSqlite))
  describePostgres(`${name} on PostgreSQL`, () =>
    suite(freshPostgres(name.toLowerCase().replace(/\W+/g, "_")))
  )
}

/** The dataset as sorted JSON lines: the database returns records in key order, not in bundle order. */
export const canonical = (d: Dataset.Dataset) => {
  const encoded = Schema.encodeSync(Dataset.Dataset)(d)
  const sorted = (items: ReadonlyArray<unknown>) => items.map((item) => JSON.stringify(item)).sort()
  return {
    program: encoded.program,
    regio: { ...encoded.regio, gemeenten: sorted(encoded.regio.gemeenten) },
    jaarplannen: sorted(encoded.jaarplannen.map((p) => ({ ...p, acties: sorted(p.acties) }))),
    indicatoren: sorted(encoded.indicatoren),
    metingen: sorted(encoded.metingen),
    registraties: sorted(encoded.registraties),
    reeksbreuken: sorted(encoded.reeksbreuken),
    activiteiten: sorted(encoded.activiteiten)
  }
}
