/**
 * Which database the store uses: one embedded SQLite file by default, PostgreSQL when a connection URL is
 * given (shared multi-user deployments). The same migrations and repositories serve both.
 *
 * @since 0.1.0
 */
import { existsSync, mkdirSync } from "node:fs"
import { dirname } from "node:path"
import { SqliteClient } from "@dvcc/sql-sqlite-node"
import { Effect, Layer, Redacted } from "effect"
import { StoreError } from "./internal/errors.ts"
import { ProgramStore } from "./ProgramStore.ts"

/**
 * @since 0.1.0
 * @category models
 */
export type Location =
  | { readonly _tag: "Sqlite"; readonly file: string }
  | { readonly _tag: "Postgres"; readonly url: Redacted.Redacted<string> }

/**
 * Where the database is, in words for people; a PostgreSQL URL is shown without its password.
 *
 * @since 0.1.0
 * @category formatting
 */
export const describe = (location: Location): string => {
  if (location._tag === "Sqlite") return location.file
  const url = new URL(Redacted.value(location.url))
  if (url.password !== "") url.password = "***"
  if (url.searchParams.has("password")) url.searchParams.set("password", "***")
  return url.toString()
}

/**
 * Creates the missing folders one level at a time: Node's recursive mkdir never returns on some special
 * file systems (/proc), a plain mkdir fails there at once with a clear error.
 */
const createFolder = (folder: string): void => {
  const missing: Array<string> = []
  for (let dir = folder; !existsSync(dir) && dirname(dir) !== dir; dir = dirname(dir)) missing.unshift(dir)
  for (const dir of missing) mkdirSync(dir)
}

/**
 * How long a statement on PostgreSQL may wait for a lock (`lock_timeout`, SQLSTATE 55P03 when it runs
 * out) and run at all (`statement_timeout`, 57014), in milliseconds; 0 is no limit. A server that answers
 * people sets both, so that a write behind a long import or a held lock fails soon as busy (a 503 with
 * `Retry-After`) instead of hanging. SQLite has its own busy timeout.
 *
 * @since 0.1.0
 * @category models
 */
export interface Timeouts {
  readonly lockMs: number
  readonly statementMs: number
}

/** The session settings of `timeouts`, sent when each PostgreSQL connection starts. */
const startupParameters = (timeouts: Timeouts | undefined): Record<string, string> =>
  timeouts === undefined
    ? {}
    : {
        lock_timeout: `${Math.max(0, Math.round(timeouts.lockMs))}ms`,
        statement_timeout: `${Math.max(0, Math.round(timeouts.statementMs))}ms`
      }

/**
 * A PostgreSQL identifier as SQL: in double quotes, its own double quotes doubled.
 *
 * @since 0.1.0
 * @category formatting
 */
export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`

/**
 * The SQL client for `location`. A SQLite file's folder is created when missing. `timeouts` bound the
 * waits of every statement on PostgreSQL (none by default: a CLI import waits for its turn); `schema`
 * makes a PostgreSQL schema other than the database's default the one the store reads and writes (the
 * staging schema of a restore).
 *
 * @since 0.1.0
 * @category layers
 */
export const client = (location: Location, timeouts?: Timeouts, schema?: string) =>
  location._tag === "Sqlite"
    ? Layer.unwrap(
        Effect.try({
          try: () => {
            if (location.file !== ":memory:") createFolder(dirname(location.file))
            return SqliteClient.layer({ filename: location.file })
          },
          catch: (cause) =>
            new StoreError({
              message: `De map voor database ${location.file} kon niet worden aangemaakt: ${cause instanceof Error ? cause.message : String(cause)}`,
              cause
            })
        })
      )
    : // Loaded only for PostgreSQL: the driver (@effect/sql-pg, pg) is a tenth of the CLI's start on SQLite.
      Layer.unwrap(
        Effect.map(
          Effect.promise(() => import("@effect/sql-pg")),
          ({ PgClient }) =>
            PgClient.layer({
              url: location.url,
              startupParameters: {
                ...startupParameters(timeouts),
                ...(schema === undefined ? {} : { search_path: quoteIdentifier(schema) })
              }
            })
        )
      )

/**
 * The store on the database at `location`, migrated on first use, with its SQL client (and, on
 * PostgreSQL, `timeouts`).
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (location: Location, timeouts?: Timeouts) =>
  ProgramStore.layer.pipe(Layer.provideMerge(client(location, timeouts)))
