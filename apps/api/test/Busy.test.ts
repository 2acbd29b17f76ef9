/**
 * A busy server answers 503 with `Retry-After` (a Dutch problem+json), never a crash or a 500: too many
 * imports at once in one `serve` process, and writes while another process (a long `dvcc import`) holds
 * the database's write lock; on PostgreSQL a write that waits for a lock another connection holds gives up
 * after the API's lock timeout.
 */
import { DatabaseSync } from "node:sqlite"
import { Measurement } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { Database } from "@dvcc/store"
import { describePostgres, type PostgresCluster, startPostgres } from "@dvcc/testing-postgres"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Deferred, Effect, ManagedRuntime, Redacted, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { defaultTimeouts } from "../src/App.ts"
import { type Fixture, freshSqlite, makeFixture } from "./fixture.ts"
import { json } from "./json.ts"
import { registraties, upload } from "./workbooks.ts"

const location = freshSqlite()
let f: Fixture
beforeAll(async () => {
  f = await makeFixture({}, location)
}, 60_000)
afterAll(() => f.dispose())

const busy = async (response: Response) => {
  assert.strictEqual(response.status, 503)
  assert.strictEqual(response.headers.get("content-type"), "application/problem+json; charset=utf-8")
  assert.match(response.headers.get("retry-after") ?? "", /^\d+$/)
  const problem = await json(response)
  assert.strictEqual(problem.type, "urn:dvcc:probleem:niet-beschikbaar")
  assert.strictEqual(problem.title, "Niet beschikbaar")
  return problem.detail as string
}

describe("busy", () => {
  it("answers imports beyond two at a time in one process with 503 and Retry-After", async () => {
    const bytes = await registraties(["Utrecht"])
    const responses = await Promise.all(
      Array.from({ length: 4 }, () =>
        f.request("/api/v1/imports?dryRun=true", { method: "POST", as: "programma", body: upload(bytes) })
      )
    )
    const statuses = responses.map((r) => r.status).sort()
    assert.deepStrictEqual(statuses, [200, 200, 503, 503])
    const detail = await busy(responses.find((r) => r.status === 503) as Response)
    assert.match(detail, /imports tegelijk/)
    for (const r of responses.filter((r) => r.status === 200))
      assert.strictEqual((await json(r)).status, "dry-run")
    // Once they are done, the next one is let in.
    const later = await f.request("/api/v1/imports?dryRun=true", {
      method: "POST",
      as: "programma",
      body: upload(bytes)
    })
    assert.strictEqual(later.status, 200)
  }, 60_000)

  it("answers a write while another process holds the write lock with 503 and Retry-After, not 500", async () => {
    if (location._tag !== "Sqlite") return
    const other = new DatabaseSync(location.file)
    other.exec("BEGIN IMMEDIATE")
    try {
      const response = await f.request("/api/v1/metingen", {
        method: "POST",
        as: "programma",
        // One of the bundled measurements under a new id: a write like any other.
        json: {
          ...Schema.encodeSync(Measurement.Measurement)(dataset.metingen[0] as Measurement.Measurement),
          id: "m-busy"
        }
      })
      const detail = await busy(response)
      assert.match(detail, /database is bezet/)
      assert.deepStrictEqual(f.errors, [])
    } finally {
      other.exec("ROLLBACK")
      other.close()
    }
  }, 30_000)

  it("answers an import while another process holds the write lock with 503, not 500", async () => {
    if (location._tag !== "Sqlite") return
    const other = new DatabaseSync(location.file)
    other.exec("BEGIN IMMEDIATE")
    try {
      const response = await f.request("/api/v1/imports", {
        method: "POST",
        as: "programma",
        body: upload(await registraties(["Utrecht"], 9))
      })
      const detail = await busy(response)
      assert.match(detail, /database is bezet/)
      assert.deepStrictEqual(f.errors, [])
    } finally {
      other.exec("ROLLBACK")
      other.close()
    }
  }, 30_000)
})

const measurement = (id: string) => ({
  ...Schema.encodeSync(Measurement.Measurement)(dataset.metingen[0] as Measurement.Measurement),
  id
})

describePostgres("busy PostgreSQL", () => {
  let cluster: PostgresCluster | undefined
  beforeAll(async () => {
    cluster = await startPostgres()
  }, 60_000)
  afterAll(() => cluster?.stop())

  it("a write behind a lock another connection holds is a 503 with Retry-After within the lock timeout", async () => {
    if (cluster === undefined) throw new Error("the PostgreSQL cluster did not start")
    const location = { _tag: "Postgres" as const, url: Redacted.make(cluster.url) }
    const pg = await makeFixture({}, location)
    // A second connection without the API's timeouts, as a long `dvcc import` has.
    const other = ManagedRuntime.make(Database.client(location))
    try {
      const locked = await other.runPromise(Deferred.make<void>())
      const release = await other.runPromise(Deferred.make<void>())
      const holder = other.runPromise(
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          yield* sql.withTransaction(
            Effect.gen(function* () {
              // What an import's transaction does to the table: nobody else writes it until it ends.
              yield* sql`LOCK TABLE metingen IN EXCLUSIVE MODE`
              yield* Deferred.succeed(locked, undefined)
              yield* Deferred.await(release)
            })
          )
        })
      )
      await other.runPromise(Deferred.await(locked))
      const started = Date.now()
      const response = await pg.request("/api/v1/metingen", {
        method: "POST",
        as: "programma",
        json: measurement("m-pg-busy")
      })
      const waited = Date.now() - started
      const detail = await busy(response)
      assert.match(detail, /database is bezet/)
      // Bounded by the lock timeout, well before the request timeout (15 s) would answer.
      assert.isAtLeast(waited, defaultTimeouts.lockMs - 500)
      assert.isBelow(waited, defaultTimeouts.lockMs + 5_000)
      assert.deepStrictEqual(pg.errors, [])
      await other.runPromise(Deferred.succeed(release, undefined))
      await holder
      // The lock is gone: the same write goes through, on a connection that is not stuck.
      const again = await pg.request("/api/v1/metingen", {
        method: "POST",
        as: "programma",
        json: measurement("m-pg-busy")
      })
      assert.strictEqual(again.status, 200, await again.clone().text())
    } finally {
      await other.dispose()
      await pg.dispose()
    }
  }, 60_000)
})
