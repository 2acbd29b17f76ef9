/**
 * Migrations for `SqliteClient`: effect's `Migrator` (re-exported here: `fromRecord`, `fromGlob`,
 * `MigrationError`, ...) with a SQLite schema dump.
 *
 * @since 0.1.0
 */
import { mkdir, writeFile } from "node:fs/promises"
import { dirname } from "node:path"
import { Effect, Layer } from "effect"
import { Migrator, SqlClient, type SqlError } from "effect/sql"

/**
 * @since 0.1.0
 */
export * from "effect/sql/Migrator"

/**
 * Writes `CREATE` statements from `sqlite_master`, then the recorded migrations as `INSERT`s, to `file`.
 * Needs no `sqlite3` binary: it reads the schema through the client.
 */
const dumpSchema = (
  file: string,
  table: string
): Effect.Effect<void, Migrator.MigrationError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const schema = yield* sql<{ readonly sql: string }>`SELECT sql FROM sqlite_master
      WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid`.withoutTransform
    const migrations = yield* sql<{ readonly migration_id: number; readonly name: string }>`SELECT
      migration_id, name FROM ${sql(table)} ORDER BY migration_id`.withoutTransform
    const quote = (text: string) => text.replaceAll("'", "''")
    const text = [
      ...schema.map((row) => `${row.sql};`),
      "",
      ...migrations.map(
        (row) =>
          `INSERT INTO "${table.replaceAll('"', '""')}" (migration_id, name) VALUES (${row.migration_id}, '${quote(row.name)}');`
      )
    ].join("\n")
    yield* Effect.tryPromise(async () => {
      await mkdir(dirname(file), { recursive: true })
      await writeFile(file, `${text}\n`)
    })
  }).pipe(
    Effect.mapError(
      (error) => new Migrator.MigrationError({ kind: "Failed", message: error.message, cause: error })
    )
  )

/**
 * Runs the pending migrations of `loader` in one transaction and records them in `table` (default
 * `effect_sql_migrations`); returns the ones it ran. With `schemaDirectory`, writes
 * `<schemaDirectory>/_schema.sql` afterwards.
 *
 * @since 0.1.0
 * @category running
 */
export const run: <R2 = never>(
  options: Migrator.MigratorOptions<R2>
) => Effect.Effect<
  ReadonlyArray<readonly [id: number, name: string]>,
  Migrator.MigrationError | SqlError.SqlError,
  SqlClient.SqlClient | R2
> = Migrator.make({ dumpSchema })

/**
 * A layer that runs the migrations when it is built and provides nothing.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = <R = never>(
  options: Migrator.MigratorOptions<R>
): Layer.Layer<never, Migrator.MigrationError | SqlError.SqlError, SqlClient.SqlClient | R> =>
  Layer.effectDiscard(run(options))
