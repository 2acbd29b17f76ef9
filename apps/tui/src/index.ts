/**
 * The terminal dashboard. These modules are plain TypeScript; the Ink app (`Dashboard.ts`, with React and
 * Ink) loads only when `Start.run` opens it on a terminal, so the other `dvcc` commands and the snapshot
 * for a pipe do not pay for it.
 *
 * @since 0.1.0
 */
export * as Frame from "./Frame.ts"
export * as HttpSource from "./HttpSource.ts"
export * as Keys from "./Keys.ts"
export * as Lines from "./Lines.ts"
export * as Listing from "./Listing.ts"
export * as Model from "./Model.ts"
export * as Navigation from "./Navigation.ts"
export * as Source from "./Source.ts"
export * as Start from "./Start.ts"
export * as Table from "./Table.ts"
export * as Text from "./Text.ts"
