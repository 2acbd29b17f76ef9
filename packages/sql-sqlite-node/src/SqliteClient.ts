/**
 * An `effect/sql` client over Node's built-in `node:sqlite` (`DatabaseSync`).
 *
 * One connection is shared through a semaphore (`SqlClient.makeSqliteAcquirers`): a statement holds it
 * while it runs, a transaction until it ends, so another fiber never lands inside someone else's
 * transaction. Prepared statements are kept in a bounded LRU cache keyed by their SQL text.
 *
 * @since 0.1.0
 */

import { DatabaseSync, type SQLInputValue, type StatementSync, backup as sqliteBackup } from "node:sqlite"
import { Context, Duration, Effect, Layer, Predicate, type Scope, Semaphore, Stream } from "effect"
import { Reactivity } from "effect/reactivity"
import { SqlClient, type SqlConnection, SqlError, Statement } from "effect/sql"
import { makeLru } from "./internal/lru.ts"

/**
 * @since 0.1.0
 * @category type IDs
 */
export const TypeId: TypeId = "~@dvcc/sql-sqlite-node/SqliteClient"

/**
 * @since 0.1.0
 * @category type IDs
 */
export type TypeId = "~@dvcc/sql-sqlite-node/SqliteClient"

/**
 * A `SqlClient` for SQLite that can also make an online backup of its database.
 *
 * @since 0.1.0
 * @category models
 */
export interface SqliteClient extends SqlClient.SqlClient {
  readonly [TypeId]: TypeId
  readonly config: SqliteClientConfig
  /**
   * Copies the database, while it stays in use, into a new SQLite file at `destination` (overwriting it),
   * using SQLite's online backup API. Waits for a running transaction of this client to end first; fails
   * when called from inside one.
   */
  readonly backup: (destination: string) => Effect.Effect<BackupMetadata, SqlError.SqlError>
  /** Not supported by SQLite. */
  readonly updateValues: never
}

/**
 * What `backup` copied: the size of the database in pages. `remainingPages` is 0 once it succeeded.
 *
 * @since 0.1.0
 * @category models
 */
export interface BackupMetadata {
  readonly totalPages: number
  readonly remainingPages: number
}

/**
 * The service tag of the client; `layer` provides the same client as `SqlClient.SqlClient` too.
 *
 * @since 0.1.0
 * @category services
 */
export const SqliteClient = Context.Service<SqliteClient>("@dvcc/sql-sqlite-node/SqliteClient")

/**
 * @since 0.1.0
 * @category models
 */
export interface SqliteClientConfig {
  /** A file path, or `":memory:"` for a private in-memory database. */
  readonly filename: string
  /** Opens the database read-only. Implies `disableWAL` and deferred transactions. */
  readonly readonly?: boolean | undefined
  /** How long a statement waits for another connection's lock before failing. Defaults to 5 seconds. */
  readonly busyTimeout?: Duration.Input | undefined
  /** How many prepared statements to keep, least recently used first out. Defaults to 200; 0 disables. */
  readonly prepareCacheSize?: number | undefined
  /** Leaves the journal mode alone instead of switching a file database to `WAL`. */
  readonly disableWAL?: boolean | undefined
  /**
   * How `withTransaction` begins: `BEGIN IMMEDIATE` by default, which takes the write lock up front (waiting
   * up to `busyTimeout`) so that a transaction never fails halfway on a lock upgrade; `BEGIN` when read-only.
   */
  readonly transactionMode?: "deferred" | "immediate" | "exclusive" | undefined
  readonly spanAttributes?: Record<string, unknown> | undefined
  readonly transformResultNames?: ((str: string) => string) | undefined
  readonly transformQueryNames?: ((str: string) => string) | undefined
}

/**
 * Opens the database, sets it up (`foreign_keys = ON`, busy timeout, `journal_mode = WAL` unless read-only
 * or `disableWAL`) and builds the client. The database is closed when the scope closes.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  options: SqliteClientConfig
): Effect.Effect<SqliteClient, SqlError.SqlError, Scope.Scope | Reactivity.Reactivity> =>
  Effect.gen(function* () {
    const readonly = options.readonly === true
    const busyTimeout = Math.ceil(Duration.toMillis(options.busyTimeout ?? Duration.seconds(5)))
    const fail = (operation: string) => (cause: unknown) => toSqlError(cause, operation, busyTimeout)

    const db = yield* Effect.acquireRelease(
      Effect.try({
        try: () => new DatabaseSync(options.filename, { readOnly: readonly, timeout: busyTimeout }),
        catch: (cause) => toSqlError(cause, "open", busyTimeout, `: ${options.filename}`)
      }),
      (db) =>
        Effect.sync(() => {
          if (db.isOpen) db.close()
        })
    )
    yield* Effect.try({
      try: () => {
        db.exec("PRAGMA foreign_keys = ON")
        if (!readonly && options.disableWAL !== true) db.exec("PRAGMA journal_mode = WAL")
      },
      catch: fail("open")
    })

    const statements = makeLru(options.prepareCacheSize ?? 200, (sql: string) => prepare(db, sql))

    /** Runs `f` on a statement, reading integers as `bigint` when `SqlClient.SafeIntegers` is on. */
    const use = <S extends StatementSync | undefined, A>(
      operation: string,
      statement: () => S,
      f: (statement: S) => A
    ): Effect.Effect<A, SqlError.SqlError> =>
      Effect.withFiber((fiber) => {
        try {
          const prepared = statement()
          prepared?.setReadBigInts(fiber.getRef(SqlClient.SafeIntegers))
          return Effect.succeed(f(prepared))
        } catch (cause) {
          return Effect.fail(fail(operation)(cause))
        }
      })

    /** Runs a statement: its rows when it has result columns (`SELECT`, `RETURNING`), otherwise none. */
    const rows =
      (params: ReadonlyArray<unknown>, transformRows?: TransformRows) =>
      (statement: StatementSync): ReadonlyArray<object> => {
        const values = params.map(bind)
        if (statement.columns().length === 0) {
          statement.run(...values)
          return []
        }
        const result = statement.all(...values)
        return transformRows ? transformRows(result) : result
      }

    const valueRows =
      (params: ReadonlyArray<unknown>) =>
      (statement: StatementSync): ReadonlyArray<ReadonlyArray<unknown>> => {
        statement.setReturnArrays(true)
        try {
          return rows(params)(statement) as ReadonlyArray<ReadonlyArray<unknown>>
        } finally {
          statement.setReturnArrays(false)
        }
      }

    const execute = (sql: string, params: ReadonlyArray<unknown>, transformRows: TransformRows) =>
      use("execute", () => statements.get(sql), rows(params, transformRows))

    const connection: SqlConnection.Connection = {
      execute,
      executeRaw: (sql, params) =>
        use(
          "executeRaw",
          () => statements.get(sql),
          (statement) =>
            statement.columns().length > 0
              ? statement.all(...params.map(bind))
              : statement.run(...params.map(bind))
        ),
      executeValues: (sql, params) => use("executeValues", () => statements.get(sql), valueRows(params)),
      executeValuesUnprepared: (sql, params) =>
        use("executeValuesUnprepared", () => prepare(db, sql), valueRows(params)),
      // Not cached; without parameters, SQL holding several statements runs them all (and returns no rows).
      executeUnprepared: (sql, params, transformRows) =>
        use(
          "executeUnprepared",
          () => prepare(db, sql, params.length === 0 ? "exec" : "fail"),
          (statement) => {
            if (statement !== undefined) return rows(params, transformRows)(statement)
            db.exec(sql)
            return []
          }
        ),
      // Simple: the rows are read in one go when the stream starts.
      executeStream: (sql, params, transformRows) =>
        Stream.fromIterableEffect(execute(sql, params, transformRows))
    }

    const semaphore = yield* Semaphore.make(1)
    const acquirers = SqlClient.makeSqliteAcquirers({
      connection: Effect.succeed(connection),
      semaphore,
      isTransaction: () => db.isTransaction
    })
    const transactionMode = options.transactionMode ?? (readonly ? "deferred" : "immediate")

    const client = yield* SqlClient.make({
      driver: "sqlite-node",
      compiler: Statement.makeCompilerSqlite(options.transformQueryNames),
      transformRows: options.transformResultNames
        ? Statement.defaultTransforms(options.transformResultNames).array
        : undefined,
      acquirer: acquirers.acquirer,
      borrower: acquirers.borrower,
      transactionAcquirer: acquirers.transactionAcquirer,
      onCommitFailure: acquirers.onCommitFailure,
      isTransaction: acquirers.isTransaction,
      prepareTransactionControls: true,
      beginTransaction: `BEGIN ${transactionMode.toUpperCase()}`,
      releaseSavepoint: (name) => `RELEASE SAVEPOINT ${name}`,
      spanAttributes: [
        ...Object.entries(options.spanAttributes ?? {}),
        ["db.system.name", "sqlite"],
        ["db.namespace", options.filename]
      ]
    })

    const backup = (destination: string): Effect.Effect<BackupMetadata, SqlError.SqlError> =>
      Effect.flatMap(Effect.serviceOption(client.transactionService), (transaction) =>
        transaction._tag === "Some"
          ? Effect.fail(
              toSqlError(new Error("backup cannot run inside a transaction"), "backup", busyTimeout)
            )
          : acquirers.borrower(() =>
              Effect.tryPromise({
                try: () => sqliteBackup(db, destination),
                catch: fail("backup")
              })
            )
      ).pipe(Effect.map((totalPages) => ({ totalPages, remainingPages: 0 })))

    return Object.assign(client, { [TypeId]: TypeId, config: options, backup }) as SqliteClient
  })

/**
 * Provides the client as both `SqliteClient` and `SqlClient.SqlClient`, with its own `Reactivity`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  config: SqliteClientConfig
): Layer.Layer<SqliteClient | SqlClient.SqlClient, SqlError.SqlError> =>
  Layer.effectContext(
    Effect.map(make(config), (client) =>
      Context.make(SqliteClient, client).pipe(Context.add(SqlClient.SqlClient, client))
    )
  ).pipe(Layer.provide(Reactivity.layer))

// internal

type TransformRows = (<A extends object>(rows: ReadonlyArray<A>) => ReadonlyArray<A>) | undefined

/**
 * Prepares `sql`. `DatabaseSync.prepare` silently drops everything after the first statement, so a text
 * with more is refused, or, when `several` is `"exec"`, answered with `undefined`: run it with `exec`.
 */
function prepare(db: DatabaseSync, sql: string): StatementSync
function prepare(db: DatabaseSync, sql: string, several: "exec" | "fail"): StatementSync | undefined
function prepare(
  db: DatabaseSync,
  sql: string,
  several: "exec" | "fail" = "fail"
): StatementSync | undefined {
  const statement = db.prepare(sql)
  const source = statement.sourceSQL
  const rest = sql.startsWith(source) ? sql.slice(source.length) : ""
  if (rest.replace(/--[^\n]*|\/\*[\s\S]*?\*\/|[\s;]/g, "") === "") return statement
  if (several === "exec") return undefined
  throw new Error(
    "node:sqlite prepares one statement at a time and would skip the rest: split the SQL into one " +
      "statement per query, or run it with `.unprepared` without parameters"
  )
}

/** node:sqlite binds null, numbers, bigints, strings and byte arrays; booleans and dates are converted. */
const bind = (value: unknown): SQLInputValue => {
  if (value === undefined) return null
  if (typeof value === "boolean") return value ? 1 : 0
  if (value instanceof Date) return value.toISOString()
  return value as SQLInputValue
}

/**
 * Wraps a node:sqlite error in a `SqlError` whose message is SQLite's own. node:sqlite reports the
 * SQLite result code as `errcode`; `classifySqliteError` looks for it as `errno`.
 */
const toSqlError = (
  cause: unknown,
  operation: string,
  busyTimeout: number,
  suffix = ""
): SqlError.SqlError => {
  const errcode = Predicate.hasProperty(cause, "errcode") ? cause.errcode : undefined
  if (typeof errcode === "number" && !Predicate.hasProperty(cause, "errno")) {
    Object.assign(cause as object, { errno: errcode })
  }
  const busy = typeof errcode === "number" && (errcode & 0xff) === 5
  const message =
    (cause instanceof Error ? cause.message : String(cause)) +
    suffix +
    (busy ? ` (busy timeout ${busyTimeout} ms)` : "")
  return new SqlError.SqlError({ reason: SqlError.classifySqliteError(cause, { message, operation }) })
}
