/**
 * The store's one way to turn a failure into a `StoreError` with the database's own words, shared by every
 * module of the store.
 */
import { Effect, Schema } from "effect"
import { SqlError } from "effect/sql"
import { migrate } from "../Migrations.ts"

/**
 * The database could not be read or written, or holds data the Schemas refuse.
 *
 * @since 0.1.0
 * @category errors
 */
export class StoreError extends Schema.TaggedError<StoreError>()("StoreError", {
  message: Schema.String,
  cause: Schema.optional(Schema.Defect())
}) {}

/** The database's own words: a PostgreSQL `SqlError` says only "Query failed", its cause says why. */
export const detail = (cause: unknown): string => {
  if (SqlError.isSqlError(cause)) {
    const own = cause.reason.message || cause.reason._tag
    const inner = cause.reason.cause instanceof Error ? cause.reason.cause.message : undefined
    return inner === undefined || inner === "" || own.includes(inner) ? own : inner
  }
  return cause instanceof Error ? cause.message : String(cause)
}

/** `what: why`, with `secret` (a password) never in the text; a `StoreError` passes through as it is. */
export const toStoreError = (cause: unknown, what: string, secret?: string): StoreError => {
  if (cause instanceof StoreError) return cause
  const why = detail(cause)
  const shown = secret === undefined || secret === "" ? why : why.replaceAll(secret, "***")
  return new StoreError({ message: `${what}: ${shown}`, cause })
}

/** The migrations every service runs on first use, failing as a `StoreError`. */
export const migrated = migrate.pipe(
  Effect.mapError((cause) => toStoreError(cause, "De database kon niet worden bijgewerkt"))
)
