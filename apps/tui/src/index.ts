/**
 * The terminal dashboard. The pure modules load at once; the Ink app loads only when it starts, so the
 * other `dvcc` commands do not pay for React and Ink.
 *
 * @since 0.1.0
 */
import type { Effect } from "effect"
import type { Options } from "./Dashboard.ts"
import type { SourceError } from "./Source.ts"

export * as Keys from "./Keys.ts"
export * as Lines from "./Lines.ts"
export * as Listing from "./Listing.ts"
export * as Model from "./Model.ts"
export * as Navigation from "./Navigation.ts"
export * as Source from "./Source.ts"
export * as Table from "./Table.ts"
export * as Text from "./Text.ts"

/**
 * @since 0.1.0
 * @category models
 */
export type DashboardOptions = Options

/**
 * Loads the Ink app and runs it (see `Dashboard.run`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const loadDashboard = (): Promise<{
  readonly run: (options: Options) => Effect.Effect<void, SourceError>
}> => import("./Dashboard.ts")
