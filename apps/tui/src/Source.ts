/**
 * Where the dashboard reads the programme from: the embedded database (the CLI builds that source), or the
 * HTTP API (`HttpSource`). `r` reloads from the same source.
 *
 * @since 0.1.0
 */
import type { Dataset } from "@dvcc/core"
import { Effect, Schema } from "effect"

/**
 * The data could not be read; `message` is Dutch and says what to do.
 *
 * @since 0.1.0
 * @category errors
 */
export class SourceError extends Schema.TaggedError<SourceError>()("SourceError", {
  message: Schema.String
}) {}

/**
 * @since 0.1.0
 * @category models
 */
export interface Source {
  /** For the header: `database /pad/dvcc.sqlite`. */
  readonly naam: string
  readonly load: Effect.Effect<Dataset.Dataset, SourceError>
}

/**
 * A source that always gives the same data (tests, benchmarks).
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromDataset = (dataset: Dataset.Dataset, naam = "vaste gegevens"): Source => ({
  naam,
  load: Effect.succeed(dataset)
})
