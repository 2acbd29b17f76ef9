import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import { afterAll, assert, describe, it, vi } from "@effect/vitest"
import { Array as Arr, Deferred, Effect, Fiber, Layer, String as Str, Stream } from "effect"
import { Migrator, SqlClient, SqlError } from "effect/sql"
import { SqliteClient, SqliteMigrator } from "../src/index.ts"
import { makeLru } from "../src/internal/lru.ts"

const dir = mkdtempSync(join(tmpdir(), "dvcc-sql-sqlite-node-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0
const tempFile = () => join(dir, `db-${files++}.sqlite`)

/** Rows from node:sqlite have a null prototype; spread them to compare with literals. */
const plain = (rows: ReadonlyArray<object>) => rows.map((row) => ({ ...row }))

const expectSqlError = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.flip(effect).pipe(
    Effect.map((error) => {
      assert.isTrue(SqlError.isSqlError(error), `expected a SqlError, got ${String(error)}`)
      return error as SqlError.SqlError
    })
  )

for (const [kind, filename] of [
  [":memory:", ":memory:"],
  ["a file", tempFile()]
] as const) {
  it.layer(SqliteClient.layer({ filename }))(`on ${kind}`, (it) => {
    it.effect("binds strings, numbers, null, bigint, bytes and booleans", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* sql`CREATE TABLE vals (s TEXT, i INTEGER, r REAL, n TEXT, b BLOB, big INTEGER, flag INTEGER)`
        const bytes = new Uint8Array([0, 1, 254, 255])
        const big = 2n ** 62n + 1n
        yield* sql`INSERT INTO vals VALUES (${"it's ✓"}, ${42}, ${1.5}, ${null}, ${bytes}, ${big}, ${true})`

        const rows = yield* sql`SELECT s, i, r, n, b, flag FROM vals WHERE i = ${42n}`
        assert.deepStrictEqual(plain(rows), [{ s: "it's ✓", i: 42, r: 1.5, n: null, b: bytes, flag: 1 }])

        // Integers beyond Number.MAX_SAFE_INTEGER need SafeIntegers; without it SQLite's value is refused.
        const exact = yield* sql<{ big: bigint }>`SELECT big FROM vals`.pipe(
          Effect.provideService(SqlClient.SafeIntegers, true)
        )
        assert.strictEqual(exact[0]?.big, big)
        const tooLarge = yield* expectSqlError(sql`SELECT big FROM vals`)
        assert.match(tooLarge.message, /too large/)
      })
    )

    it.effect("compiles sql.insert and sql.in for sqlite", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* sql`CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER)`

        const insert = sql`INSERT INTO people ${sql.insert([
          { name: "Ada", age: 36 },
          { name: "Bob", age: null }
        ])}`
        assert.deepStrictEqual(insert.compile(), [
          `INSERT INTO people ("name","age") VALUES (?,?),(?,?)`,
          ["Ada", 36, "Bob", null]
        ])
        yield* insert

        const returned = yield* sql`INSERT INTO people ${sql.insert({ name: "Cy", age: 7 }).returning("*")}`
        assert.deepStrictEqual(plain(returned), [{ id: 3, name: "Cy", age: 7 }])

        const select = sql`SELECT name FROM people WHERE name IN ${sql.in(["Ada", "Cy"])} ORDER BY id`
        assert.deepStrictEqual(select.compile(), [
          "SELECT name FROM people WHERE name IN (?,?) ORDER BY id",
          ["Ada", "Cy"]
        ])
        assert.deepStrictEqual(plain(yield* select), [{ name: "Ada" }, { name: "Cy" }])
        assert.deepStrictEqual(yield* sql`SELECT name FROM people WHERE name IN ${sql.in([])}`, [])
      })
    )

    it.effect("commits a transaction, and a failure inside one leaves nothing", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* sql`CREATE TABLE tx (id INTEGER PRIMARY KEY)`
        yield* sql.withTransaction(
          Effect.andThen(sql`INSERT INTO tx VALUES (1)`, sql`INSERT INTO tx VALUES (2)`)
        )

        const failure = yield* Effect.flip(
          sql.withTransaction(Effect.andThen(sql`INSERT INTO tx VALUES (3)`, Effect.fail("boom" as const)))
        )
        assert.strictEqual(failure, "boom")
        assert.deepStrictEqual(plain(yield* sql`SELECT id FROM tx ORDER BY id`), [{ id: 1 }, { id: 2 }])
      })
    )

    it.effect("rolls a failed nested transaction back to its savepoint", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* sql`CREATE TABLE nested (id INTEGER PRIMARY KEY)`
        yield* sql.withTransaction(
          Effect.gen(function* () {
            yield* sql`INSERT INTO nested VALUES (1)`
            const inner = yield* Effect.flip(
              sql.withTransaction(
                Effect.andThen(sql`INSERT INTO nested VALUES (2)`, Effect.fail("inner" as const))
              )
            )
            assert.strictEqual(inner, "inner")
            yield* sql.withTransaction(sql`INSERT INTO nested VALUES (3)`)
          })
        )
        assert.deepStrictEqual(plain(yield* sql`SELECT id FROM nested ORDER BY id`), [{ id: 1 }, { id: 3 }])
      })
    )

    it.effect("keeps other fibers out of a running transaction", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* sql`CREATE TABLE isolated (id INTEGER PRIMARY KEY)`
        const inside = yield* Deferred.make<void>()
        const release = yield* Deferred.make<void>()
        const transaction = yield* Effect.forkChild(
          sql.withTransaction(
            Effect.gen(function* () {
              yield* sql`INSERT INTO isolated VALUES (1)`
              yield* Deferred.succeed(inside, undefined)
              yield* Deferred.await(release)
              return yield* Effect.fail("rolled back" as const)
            })
          )
        )
        yield* Deferred.await(inside)
        // Shares the one connection: without the lease it would run inside the transaction and be rolled back.
        const outside = yield* Effect.forkChild(sql`INSERT INTO isolated VALUES (2)`)
        yield* Effect.yieldNow // let it start: it must wait for the transaction to end
        yield* Deferred.succeed(release, undefined)
        assert.strictEqual(yield* Effect.flip(Fiber.join(transaction)), "rolled back")
        yield* Fiber.join(outside)
        assert.deepStrictEqual(plain(yield* sql`SELECT id FROM isolated`), [{ id: 2 }])
      })
    )

    it.effect("enforces foreign keys", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        assert.deepStrictEqual(plain(yield* sql`PRAGMA foreign_keys`), [{ foreign_keys: 1 }])
        yield* sql`CREATE TABLE parent (id INTEGER PRIMARY KEY)`
        yield* sql`CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent (id))`
        const error = yield* expectSqlError(sql`INSERT INTO child VALUES (1, 99)`)
        assert.strictEqual(error.reason._tag, "ConstraintError")
        assert.strictEqual(error.message, "FOREIGN KEY constraint failed")
      })
    )

    it.effect("turns SQLite errors into SqlError with SQLite's message and the cause", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const missing = yield* expectSqlError(sql`SELECT * FROM nope`)
        assert.strictEqual(missing.message, "no such table: nope")
        assert.strictEqual(missing.reason.operation, "execute")
        const cause = missing.reason.cause
        assert.instanceOf(cause, Error)
        assert.strictEqual((cause as Error & { errcode: number }).errcode, 1)

        const syntax = yield* expectSqlError(sql.unsafe("SELEC 1"))
        assert.strictEqual(syntax.message, 'near "SELEC": syntax error')

        yield* sql`CREATE TABLE uniq (name TEXT UNIQUE)`
        yield* sql`INSERT INTO uniq VALUES ('a')`
        const duplicate = yield* expectSqlError(sql`INSERT INTO uniq VALUES ('a')`)
        assert.strictEqual(duplicate.reason._tag, "UniqueViolation")
        assert.strictEqual(duplicate.message, "UNIQUE constraint failed: uniq.name")
      })
    )

    it.effect("serves raw, values, unprepared and stream", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* sql`CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER)`
        assert.deepStrictEqual(yield* sql`INSERT INTO kv VALUES ('a', 1)`.raw, {
          changes: 1,
          lastInsertRowid: 1
        })
        yield* sql`INSERT INTO kv VALUES ('b', 2)`.unprepared
        assert.deepStrictEqual(yield* sql`SELECT k, v FROM kv ORDER BY k`.values, [
          ["a", 1],
          ["b", 2]
        ])
        assert.deepStrictEqual(yield* sql`SELECT k FROM kv ORDER BY k`.valuesUnprepared, [["a"], ["b"]])
        // values must not leave the cached statement returning arrays
        assert.deepStrictEqual(plain(yield* sql`SELECT k, v FROM kv ORDER BY k`), [
          { k: "a", v: 1 },
          { k: "b", v: 2 }
        ])
        const streamed = yield* Stream.runCollect(sql<{ k: string }>`SELECT k FROM kv ORDER BY k`.stream)
        assert.deepStrictEqual(
          streamed.map((row) => row.k),
          ["a", "b"]
        )

        // node:sqlite would silently run only the first of several statements; refuse that, or run all unprepared.
        const several = "CREATE TABLE s1 (a); CREATE TABLE s2 (a) -- done"
        const refused = yield* expectSqlError(sql.unsafe(several))
        assert.match(refused.message, /one statement at a time/)
        yield* sql.unsafe(several).unprepared
        const tables = yield* sql`SELECT name FROM sqlite_master WHERE name IN ('s1', 's2') ORDER BY name`
        assert.deepStrictEqual(plain(tables), [{ name: "s1" }, { name: "s2" }])
      })
    )

    it.effect("uses WAL on a file and memory journaling in memory", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const [mode] = yield* sql<{ journal_mode: string }>`PRAGMA journal_mode`
        assert.strictEqual(mode?.journal_mode, filename === ":memory:" ? "memory" : "wal")
      })
    )
  })
}

describe("statement cache", () => {
  it("is a bounded LRU", () => {
    let created = 0
    const lru = makeLru(2, (key: string) => ({ key, n: created++ }))
    const a = lru.get("a")
    assert.strictEqual(lru.get("a"), a)
    lru.get("b")
    lru.get("a") // a is now the most recently used
    lru.get("c") // evicts b
    assert.strictEqual(lru.size(), 2)
    assert.strictEqual(lru.get("a"), a)
    assert.strictEqual(created, 3)
    lru.get("b")
    assert.strictEqual(created, 4)
    for (let i = 0; i < 1000; i++) lru.get(`q${i}`)
    assert.strictEqual(lru.size(), 2)

    const off = makeLru(0, (key: string) => ({ key }))
    off.get("a")
    assert.strictEqual(off.size(), 0)
  })

  it.effect("prepares a statement once and re-prepares only what it evicted", () =>
    Effect.gen(function* () {
      const prepare = vi.spyOn(DatabaseSync.prototype, "prepare")
      yield* Effect.addFinalizer(() => Effect.sync(() => prepare.mockRestore()))
      const sql = yield* SqlClient.SqlClient
      const prepared = (text: string) => prepare.mock.calls.filter(([sql]) => sql === text).length

      for (let i = 0; i < 5; i++) yield* sql`SELECT ${i} AS n`
      assert.strictEqual(prepared("SELECT ? AS n"), 1)

      yield* sql`SELECT 2`
      yield* sql`SELECT 3`
      yield* sql`SELECT ${1} AS n` // evicted by the two above
      assert.strictEqual(prepared("SELECT ? AS n"), 2)
      yield* sql`SELECT 3`
      assert.strictEqual(prepared("SELECT 3"), 1)
    }).pipe(Effect.provide(SqliteClient.layer({ filename: ":memory:", prepareCacheSize: 2 })))
  )
})

describe("migrator", () => {
  const createPeople = Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql`CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL)`
  })
  const addEmail = Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql`ALTER TABLE people ADD COLUMN email TEXT`
  })

  it.effect("runs record migrations once and records them", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const loader = Migrator.fromRecord({ "2_add_email": addEmail, "1_create_people": createPeople })
      assert.deepStrictEqual(yield* SqliteMigrator.run({ loader }), [
        [1, "create_people"],
        [2, "add_email"]
      ])
      assert.deepStrictEqual(yield* SqliteMigrator.run({ loader }), [])
      const recorded = yield* sql`SELECT migration_id, name FROM effect_sql_migrations ORDER BY migration_id`
      assert.deepStrictEqual(plain(recorded), [
        { migration_id: 1, name: "create_people" },
        { migration_id: 2, name: "add_email" }
      ])
      yield* sql`INSERT INTO people (name, email) VALUES ('Ada', 'ada@example.org')`

      // A failing migration leaves neither its changes nor its record.
      const broken = Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* sql`CREATE TABLE half (id INTEGER)`
        yield* sql`INSERT INTO nope VALUES (1)`
      })
      const error = yield* Effect.flip(
        SqliteMigrator.run({
          loader: SqliteMigrator.fromRecord({ "1_create_people": createPeople, "3_broken": broken })
        })
      )
      assert.strictEqual(error._tag, "MigrationError")
      const tables = yield* sql`SELECT name FROM sqlite_master WHERE name = 'half'`
      assert.deepStrictEqual(tables, [])
      const latest = yield* sql`SELECT max(migration_id) AS id FROM effect_sql_migrations`
      assert.deepStrictEqual(plain(latest), [{ id: 2 }])
    }).pipe(Effect.provide(SqliteClient.layer({ filename: tempFile() })))
  )

  it.effect("runs as a layer and can dump the schema", () => {
    const schemaDirectory = join(dir, "schema")
    const loader = SqliteMigrator.fromRecord({ "1_create_people": createPeople })
    return Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      assert.deepStrictEqual(plain(yield* sql`SELECT count(*) AS n FROM people`), [{ n: 0 }])
      const dump = readFileSync(join(schemaDirectory, "_schema.sql"), "utf8")
      assert.include(dump, "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL);")
      assert.include(
        dump,
        `INSERT INTO "effect_sql_migrations" (migration_id, name) VALUES (1, 'create_people');`
      )
    }).pipe(
      Effect.provide(
        SqliteMigrator.layer({ loader, schemaDirectory }).pipe(
          Layer.provideMerge(SqliteClient.layer({ filename: ":memory:" }))
        )
      )
    )
  })
})

describe("SqliteClient", () => {
  it.effect("backs up a database in use to a file that holds the same rows", () =>
    Effect.gen(function* () {
      const client = yield* SqliteClient.SqliteClient
      const sql = client
      yield* sql`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)`
      yield* sql`INSERT INTO notes ${sql.insert(Arr.makeBy(500, (i) => ({ body: `note ${i}` })))}`
      const destination = join(dir, "backup.sqlite")

      const metadata = yield* client.backup(destination)
      assert.isAbove(metadata.totalPages, 1)
      assert.strictEqual(metadata.remainingPages, 0)

      const copy = new DatabaseSync(destination, { readOnly: true })
      try {
        const rows = copy.prepare("SELECT id, body FROM notes ORDER BY id").all()
        assert.deepStrictEqual(plain(rows), plain(yield* sql`SELECT id, body FROM notes ORDER BY id`))
        assert.strictEqual(rows.length, 500)
      } finally {
        copy.close()
      }

      const inside = yield* expectSqlError(sql.withTransaction(client.backup(join(dir, "never.sqlite"))))
      assert.match(inside.message, /inside a transaction/)
    }).pipe(Effect.provide(SqliteClient.layer({ filename: tempFile() })))
  )

  it.live("fails a write with a lock error once the busy timeout has passed", () => {
    const filename = tempFile()
    return Effect.gen(function* () {
      const sql = yield* SqliteClient.SqliteClient
      yield* sql`CREATE TABLE t (id INTEGER)`

      const other = new DatabaseSync(filename)
      other.exec("BEGIN IMMEDIATE")
      const started = performance.now()
      const error = yield* expectSqlError(sql`INSERT INTO t VALUES (1)`)
      const waited = performance.now() - started
      const inTransaction = yield* expectSqlError(sql.withTransaction(sql`INSERT INTO t VALUES (2)`))
      other.exec("ROLLBACK")
      other.close()

      assert.isAtLeast(waited, 90)
      assert.isBelow(waited, 2_000)
      assert.strictEqual(error.reason._tag, "LockTimeoutError")
      assert.isTrue(error.isRetryable)
      assert.strictEqual(error.message, "database is locked (busy timeout 100 ms)")
      assert.strictEqual(inTransaction.reason._tag, "LockTimeoutError")

      yield* sql`INSERT INTO t VALUES (3)`
      assert.deepStrictEqual(plain(yield* sql`SELECT id FROM t`), [{ id: 3 }])
    }).pipe(Effect.provide(SqliteClient.layer({ filename, busyTimeout: 100 })))
  })

  it.effect("maps names with transformQueryNames and transformResultNames", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      yield* sql`CREATE TABLE ${sql("userAccounts")} (${sql("userId")} INTEGER, ${sql("displayName")} TEXT)`
      yield* sql`INSERT INTO ${sql("userAccounts")} ${sql.insert({ userId: 1, displayName: "Ada" })}`
      assert.deepStrictEqual(plain(yield* sql`SELECT * FROM ${sql("userAccounts")}`), [
        { userId: 1, displayName: "Ada" }
      ])
      assert.deepStrictEqual(plain(yield* sql`SELECT * FROM user_accounts`.withoutTransform), [
        { user_id: 1, display_name: "Ada" }
      ])
    }).pipe(
      Effect.provide(
        SqliteClient.layer({
          filename: ":memory:",
          transformQueryNames: Str.camelToSnake,
          transformResultNames: Str.snakeToCamel
        })
      )
    )
  )

  it.effect("opens read-only", () =>
    Effect.gen(function* () {
      const filename = tempFile()
      const writer = new DatabaseSync(filename)
      writer.exec("CREATE TABLE t (id INTEGER); INSERT INTO t VALUES (1)")
      writer.close()

      const rows = yield* Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const error = yield* expectSqlError(sql`INSERT INTO t VALUES (2)`)
        assert.strictEqual(error.message, "attempt to write a readonly database")
        return yield* sql.withTransaction(sql`SELECT id FROM t`)
      }).pipe(Effect.provide(SqliteClient.layer({ filename, readonly: true })))
      assert.deepStrictEqual(plain(rows), [{ id: 1 }])
    })
  )

  it.effect("fails to open with a SqlError naming the file", () =>
    Effect.gen(function* () {
      const filename = join(dir, "missing", "db.sqlite")
      const error = yield* expectSqlError(Layer.build(SqliteClient.layer({ filename })))
      assert.strictEqual(error.reason._tag, "ConnectionError")
      assert.strictEqual(error.message, `unable to open database file: ${filename}`)
    })
  )

  it.effect("closes the database when its scope closes", () =>
    Effect.gen(function* () {
      const filename = tempFile()
      yield* Effect.scoped(
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          yield* sql`CREATE TABLE t (id INTEGER)`
          assert.isTrue(existsSync(`${filename}-wal`))
        }).pipe(Effect.provide(SqliteClient.layer({ filename })))
      )
      // The last connection to close checkpoints and removes the WAL file.
      assert.isFalse(existsSync(`${filename}-wal`))
    })
  )
})
