/**
 * Least privilege per gemeente in SQL: every store read that returns rows about one gemeente
 * (registrations, activities, measurements, the geography's gemeenten, the history of such rows, imports
 * that changed such rows) is narrowed to what the reader may see (`@dvcc/core`'s `Access.Visibility`) in the
 * SQL itself, and every write checks the stored record it changes against it; rows about the region, a
 * district or a basisteam (aggregates) stay visible.
 *
 * The names below are the store's for that one core type, kept so that callers written against them keep
 * working: `Scope` is `Access.Visibility`, `alles` is `Access.everything`, `gemeenten` is
 * `Access.onlyGemeenten`, `allows` is `Access.sees`.
 *
 * @example
 * import { Access } from "@dvcc/core"
 * const utrecht = Access.onlyGemeenten(["GM0344"])
 * Access.sees(utrecht, "GM0307") // false
 *
 * @since 0.1.0
 */
import { Access } from "@dvcc/core"
import type { SqlClient } from "effect/sql"

/**
 * What a read may return: `Access.Visibility`.
 *
 * @since 0.1.0
 * @category models
 */
export type Scope = Access.Visibility

/**
 * Every gemeente: `Access.everything`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const alles: Scope = Access.everything

/**
 * Only these gemeenten: `Access.onlyGemeenten`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const gemeenten = Access.onlyGemeenten

/**
 * Whether the scope may see a row about `gemeente`: `Access.sees`.
 *
 * @since 0.1.0
 * @category predicates
 */
export const allows = Access.sees

/**
 * The SQL condition that `column` (a gemeente code, NULL for aggregate rows) is visible in `visibility`.
 *
 * @since 0.1.0
 * @category internals
 */
export const scopeCondition = (sql: SqlClient.SqlClient, visibility: Access.Visibility, column: string) =>
  visibility.kind === "alles"
    ? sql.literal("1 = 1")
    : visibility.gemeenten.length === 0
      ? sql`(${sql(column)} IS NULL)`
      : sql`(${sql(column)} IS NULL OR ${sql.in(column, visibility.gemeenten)})`
