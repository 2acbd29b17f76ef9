/**
 * What the API keeps in memory between requests (verified tokens, the programme, responses) is kept under
 * the database's version. On PostgreSQL two transactions commit in any order: a revocation that got the
 * lower audit id but commits after another write must still stop its token on the next request.
 */
import { Database, Tokens } from "@dvcc/store"
import { describePostgres, type PostgresCluster, startPostgres } from "@dvcc/testing-postgres"
import { afterAll, assert, beforeAll, it } from "@effect/vitest"
import { Deferred, Effect, ManagedRuntime, Redacted } from "effect"
import { SqlClient } from "effect/sql"
import { makeFixture } from "./fixture.ts"

describePostgres("revocation on PostgreSQL with transactions that commit out of order", () => {
  let cluster: PostgresCluster | undefined
  beforeAll(async () => {
    cluster = await startPostgres()
  }, 60_000)
  afterAll(() => cluster?.stop())

  it("a token revoked in a transaction that commits after a later one stops on the next request", async () => {
    if (cluster === undefined) throw new Error("the PostgreSQL cluster did not start")
    const location = { _tag: "Postgres" as const, url: Redacted.make(cluster.url) }
    const f = await makeFixture({}, location)
    // A second connection, as another `serve` process or `dvcc token revoke` would have.
    const other = ManagedRuntime.make(Database.layer(location))
    try {
      const created = await f.runtime.runPromise(
        Effect.flatMap(Tokens.Tokens, (t) =>
          t.create({ naam: "te-intrekken", rol: "programma", scope: null }, "test")
        )
      )
      const read = () =>
        f.app.request("/api/v1/programma", { headers: { authorization: `Bearer ${created.token}` } })
      assert.strictEqual((await read()).status, 200)

      const revoking = await other.runPromise(Deferred.make<void>())
      const commit = await other.runPromise(Deferred.make<void>())
      // The revocation takes its audit id first and commits last.
      const revocation = other.runPromise(
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          yield* sql.withTransaction(
            Effect.gen(function* () {
              yield* sql`UPDATE tokens SET revoked_at = ${new Date().toISOString()} WHERE id = ${created.info.id}`
              yield* sql`INSERT INTO audit (at, actor, entity, entity_key, action, before, after, source) VALUES (${new Date().toISOString()}, 'test', 'tokens', ${created.info.id}, 'update', NULL, '{}', 'tokens')`
              yield* Deferred.succeed(revoking, undefined)
              yield* Deferred.await(commit)
            })
          )
        })
      )
      await other.runPromise(Deferred.await(revoking))
      // Another write takes the next audit id and commits first; the API reads the version after it.
      await f.runtime.runPromise(
        Effect.flatMap(Tokens.Tokens, (t) =>
          t.create({ naam: "ander", rol: "programma", scope: null }, "test")
        )
      )
      assert.strictEqual((await read()).status, 200)
      await other.runPromise(Deferred.succeed(commit, undefined))
      await revocation
      assert.strictEqual((await read()).status, 401)
    } finally {
      await other.dispose()
      await f.dispose()
    }
  }, 60_000)
})
