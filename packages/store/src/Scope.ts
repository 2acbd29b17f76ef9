/**
 * Least privilege per gemeente: which gemeenten a reader may see the detail of. A scope of gemeenten
 * narrows every store read that returns rows about one gemeente (registrations, activities, measurements,
 * the geography's gemeenten, the history of such rows, imports that changed such rows) to those gemeenten,
 * in the SQL itself; rows about the region, a district or a basisteam (aggregates) stay visible.
 *
 * @example
 * import { Scope } from "@dvcc/store"
 * const utrecht = Scope.gemeenten(["GM0344"])
 * Scope.allows(utrecht, "GM0307") // false
 *
 * @since 0.1.0
 */
import { Geography } from "@dvcc/core"
import { Schema } from "effect"
import type { SqlClient } from "effect/sql"

/**
 * `alles`: every gemeente (programme staff, the CLI). `gemeenten`: only these (may be empty: aggregates only).
 *
 * @since 0.1.0
 * @category models
 */
export const Scope = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("alles") }),
  Schema.Struct({ kind: Schema.Literal("gemeenten"), gemeenten: Schema.Array(Geography.CbsCode) })
]).annotate({ identifier: "Scope" })

/**
 * @since 0.1.0
 * @category models
 */
export type Scope = typeof Scope.Type

/**
 * Every gemeente.
 *
 * @since 0.1.0
 * @category constructors
 */
export const alles: Scope = { kind: "alles" }

/**
 * Only these gemeenten, checked as CBS codes (throws on a code that is none: scopes come from checked
 * tokens or code, not from user input; decode user input with the `Scope` schema).
 *
 * @since 0.1.0
 * @category constructors
 */
export const gemeenten = (codes: Iterable<string>): Scope => ({
  kind: "gemeenten",
  gemeenten: [...new Set(codes)].map((code) => Schema.decodeUnknownSync(Geography.CbsCode)(code))
})

/**
 * Whether the scope may see a row about `gemeente`; `null` (a row about the region, a district or a
 * basisteam) is always visible.
 *
 * @since 0.1.0
 * @category predicates
 */
export const allows = (scope: Scope, gemeente: string | null | undefined): boolean =>
  scope.kind === "alles" ||
  gemeente === null ||
  gemeente === undefined ||
  scope.gemeenten.includes(gemeente as Geography.CbsCode)

/**
 * The SQL condition that `column` (a gemeente code, NULL for aggregate rows) is visible in `scope`.
 *
 * @since 0.1.0
 * @category internals
 */
export const scopeCondition = (sql: SqlClient.SqlClient, scope: Scope, column: string) =>
  scope.kind === "alles"
    ? sql.literal("1 = 1")
    : scope.gemeenten.length === 0
      ? sql`(${sql(column)} IS NULL)`
      : sql`(${sql(column)} IS NULL OR ${sql.in(column, scope.gemeenten)})`
