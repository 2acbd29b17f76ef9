/**
 * The app on a fresh database with the bundled data, and one token per role, for the HTTP tests.
 */
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Access, type Geography } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { Database, Gebieden, Plans, ProgramStore, Tokens } from "@dvcc/store"
import { describePostgres, type PostgresCluster, startPostgres } from "@dvcc/testing-postgres"
import { afterAll, beforeAll, describe } from "@effect/vitest"
import { Effect, ManagedRuntime, Redacted } from "effect"
import { SqlClient } from "effect/sql"
import { type AppConfig, createApp, type Options, services } from "../src/App.ts"
import type { LogEntry } from "../src/middleware/log/index.ts"

export type Role = Access.Rol

export const freshSqlite = (): Database.Location => ({
  _tag: "Sqlite",
  file: join(mkdtempSync(join(tmpdir(), "dvcc-api-")), "dvcc.sqlite")
})

export interface Fixture {
  readonly app: ReturnType<typeof createApp>
  readonly runtime: AppConfig["runtime"]
  readonly tokens: Record<Role | "ingetrokken", string>
  readonly logs: Array<LogEntry>
  readonly errors: Array<unknown>
  /** A request with the token of `as` (none when `as` is undefined). */
  readonly request: (
    path: string,
    init?: RequestInit & { readonly as?: Role | "ingetrokken" | undefined; readonly json?: unknown }
  ) => Promise<Response>
  readonly dispose: () => Promise<void>
}

/** The app on a new database with the bundled data and a token per role; `gemeente` is scoped to GM0344. */
export const makeFixture = async (
  options: Options = {},
  location: Database.Location = freshSqlite()
): Promise<Fixture> => {
  const runtime = ManagedRuntime.make(services(location))
  const tokens = await runtime.runPromise(
    Effect.gen(function* () {
      const store = yield* ProgramStore.ProgramStore
      yield* store.seed(dataset, { actor: "test", source: "cli" })
      // Jaarplan 2027 belongs to the next strategy period: a copy of the DIN of 2023–2026.
      yield* (yield* Plans.Plans).createStrategieperiode(
        { van: 2027, tot: 2030 },
        { actor: "test", source: "cli" }
      )
      // A token's district must be one the region knows: add district-noord, holding no gemeente (the
      // bundled data groups none into districts), by putting Amersfoort in it and out again.
      const gebieden = yield* Gebieden.Gebieden
      const source = { actor: "test", source: "cli" }
      const amersfoort = "GM0307" as Geography.CbsCode
      const version = () =>
        Effect.map(gebieden.list(), (rows) => rows.find((r) => r.gemeente.code === amersfoort)?.version ?? 0)
      yield* gebieden.update(amersfoort, { district: "district-noord" }, yield* version(), source)
      yield* gebieden.update(amersfoort, { district: null }, yield* version(), source)
      const t = yield* Tokens.Tokens
      const make = (rol: Role, scope: string | null) =>
        Effect.map(
          t.create(
            { naam: `test-${rol}`, rol, scope: scope === null ? null : Access.parseScope(scope) },
            "test"
          ),
          (c) => c.token
        )
      const revoked = yield* t.create({ naam: "oud", rol: "beheerder", scope: null }, "test")
      yield* t.revoke(revoked.info.id, "test")
      return {
        beheerder: yield* make("beheerder", null),
        programma: yield* make("programma", null),
        district: yield* make("district", "district-noord"),
        gemeente: yield* make("gemeente", "GM0344"),
        ingetrokken: revoked.token
      }
    })
  )
  const logs: Array<LogEntry> = []
  const errors: Array<unknown> = []
  const app = createApp({
    runtime,
    options: { log: (e) => logs.push(e), report: (_id, e) => errors.push(e), ...options }
  })
  return {
    app,
    runtime,
    tokens,
    logs,
    errors,
    request: (path, init = {}) => {
      const { as, json, ...rest } = init
      const headers = new Headers(rest.headers)
      if (as !== undefined) headers.set("authorization", `Bearer ${tokens[as]}`)
      if (json !== undefined) headers.set("content-type", "application/json")
      return Promise.resolve(
        app.request(path, { ...rest, headers, ...(json === undefined ? {} : { body: JSON.stringify(json) }) })
      )
    },
    dispose: () => runtime.dispose()
  }
}

/**
 * Runs `suite` on a fresh SQLite fixture, and on a fresh PostgreSQL database `database` in a throw-away
 * cluster when PostgreSQL is installed: the API's rules hold on both stores.
 */
export const onSqliteAndPostgres = (
  name: string,
  database: string,
  suite: (fixture: () => Promise<Fixture>) => void
) => {
  describe(`${name} on SQLite`, () => suite(() => makeFixture({}, freshSqlite())))
  describePostgres(`${name} on PostgreSQL`, () => {
    let cluster: PostgresCluster | undefined
    beforeAll(async () => {
      cluster = await startPostgres()
    }, 60_000)
    afterAll(() => cluster?.stop())
    suite(async () => {
      if (cluster === undefined) throw new Error("the PostgreSQL cluster did not start")
      const { url } = cluster
      await Effect.runPromise(
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          yield* sql.unsafe(`CREATE DATABASE ${database}`)
        }).pipe(Effect.provide(Database.client({ _tag: "Postgres", url: Redacted.make(url) })))
      )
      return makeFixture(
        {},
        { _tag: "Postgres", url: Redacted.make(url.replace("/dvcc_test?", `/${database}?`)) }
      )
    })
  })
}
