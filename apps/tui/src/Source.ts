/**
 * Where the dashboard reads the programme from. The CLI gives it the embedded database; an HTTP source
 * can be added behind the same interface.
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
