/**
 * Where the `dvcc` commands get the programme's data. Today the bundled Midden-Nederland data; the
 * store replaces this layer without the commands changing.
 */
import { Dataset } from "@dvcc/core"
import { encodedDataset } from "@dvcc/midden-nederland"
import { Context, Effect, Layer, Schema } from "effect"

export class ProgramDataError extends Schema.TaggedError<ProgramDataError>()("ProgramDataError", {
  message: Schema.String
}) {}

export class ProgramData extends Context.Service<
  ProgramData,
  { readonly load: Effect.Effect<Dataset.Dataset, ProgramDataError> }
>()("@dvcc/cli/ProgramData") {
  static readonly bundled = Layer.succeed(
    ProgramData,
    ProgramData.of({
      load: Schema.decodeUnknownEffect(Dataset.Dataset)(encodedDataset).pipe(
        Effect.mapError(
          (error) => new ProgramDataError({ message: `De meegeleverde data is ongeldig:\n${error.message}` })
        )
      )
    })
  )
}
