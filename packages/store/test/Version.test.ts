/**
 * The database's version (migration `5_version`): every committed write raises it, a rolled-back one does
 * not, and on PostgreSQL a long open transaction (an import) holds up no other writer while it runs.
 */
import { assert, it } from "@effect/vitest"
import { Deferred, Effect, Fiber, Layer, ManagedRuntime } from "effect"
import { SqlClient } from "effect/sql"
import { Database, Tokens } from "../src/index.ts"
import { type Fresh, onEachDatabase } from "./databases.ts"

const versionSuite = (fresh: Fresh) => {
  it.effect("every committed write raises the version once; a rolled-back one does not", () =>
    Effect.gen(function* () {
      const location = yield* fresh()
      yield* Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const tokens = yield* Tokens.Tokens
        const version = Effect.map(sql<{ readonly n: number | string }>`SELECT n FROM db_version`, (rows) =>
          Number(rows[0]?.n)
        )
        const before = yield* version
        const created = yield* tokens.create({ naam: "a", rol: "programma", scope: null }, "test")
        assert.strictEqual(yield* version, before + 1)
        yield* tokens.revoke(created.info.id, "test")
        assert.strictEqual(yield* version, before + 2)
        yield* sql
          .withTransaction(
            Effect.andThen(
              tokens.create({ naam: "b", rol: "programma", scope: null }, "test"),
              Effect.fail("terug")
            )
          )
          .pipe(Effect.ignore)
        assert.strictEqual(yield* version, before + 2)
      }).pipe(Effect.provide(Tokens.Tokens.layer.pipe(Layer.provideMerge(Database.layer(location)))))
    })
  )

  it.effect("a long open write transaction holds up no other writer on PostgreSQL", () =>
    Effect.gen(function* () {
      const location = yield* fresh()
      if (location._tag !== "Postgres") return
      const layer = Tokens.Tokens.layer.pipe(Layer.provideMerge(Database.layer(location)))
      const other = ManagedRuntime.make(layer)
      yield* Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const tokens = yield* Tokens.Tokens
        const started = yield* Deferred.make<void>()
        const finish = yield* Deferred.make<void>()
        const long = yield* sql
          .withTransaction(
            Effect.gen(function* () {
              yield* tokens.create({ naam: "lang", rol: "programma", scope: null }, "test")
              yield* Deferred.succeed(started, undefined)
              yield* Deferred.await(finish)
            })
          )
          .pipe(Effect.forkChild)
        yield* Deferred.await(started)
        // Another process writes and commits while the long transaction is open.
        yield* Effect.promise(() =>
          other.runPromise(
            Effect.flatMap(Tokens.Tokens, (t) =>
              t.create({ naam: "kort", rol: "programma", scope: null }, "test")
            )
          )
        ).pipe(Effect.timeout("5 seconds"))
        yield* Deferred.succeed(finish, undefined)
        yield* Fiber.join(long)
      }).pipe(Effect.provide(layer), Effect.ensuring(Effect.promise(() => other.dispose())))
    })
  )
}

onEachDatabase("Version", versionSuite)
