/**
 * An `effect/sql` driver over Node's built-in `node:sqlite`.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 */
export * as SqliteClient from "./SqliteClient.ts"

/**
 * @since 0.1.0
 */
export * as SqliteMigrator from "./SqliteMigrator.ts"
