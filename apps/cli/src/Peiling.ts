/**
 * What several commands ask the same way: the peildatum of the progress (`--as-of`, default today) and a
 * year plan that must exist. Defined once, so the flag reads and the refusal says the same everywhere.
 */
import type { Dataset, Jaarplan } from "@dvcc/core"
import { Periode } from "@dvcc/core"
import { Effect, Option } from "effect"
import { CliError, Flag } from "effect/cli"

/** `--as-of`: the date the progress is judged on. */
export const asOf = Flag.String("as-of").pipe(
  Flag.withDescription("Peildatum (JJJJ-MM-DD) waarop de voortgang wordt beoordeeld; standaard vandaag"),
  Flag.withSchema(Periode.Datum),
  Flag.optional
)

/** Today's date (UTC). */
export const vandaag: Effect.Effect<Periode.Datum> = Periode.vandaag

/** The date asked for, else today. */
export const peildatum = (asked: Option.Option<Periode.Datum>): Effect.Effect<Periode.Datum> =>
  Option.isSome(asked) ? Effect.succeed(asked.value) : vandaag

/** The year plan of `jaar`, or a usage error naming the years there are. */
export const jaarplan = (
  dataset: Dataset.Dataset,
  jaar: number
): Effect.Effect<Jaarplan.Jaarplan, CliError.UserError> => {
  const plan = dataset.jaarplannen.find((p) => p.jaar === jaar)
  return plan === undefined
    ? Effect.fail(
        new CliError.UserError({
          cause: undefined,
          userMessage: `Geen jaarplan ${jaar}; er zijn jaarplannen voor ${dataset.jaarplannen.map((p) => p.jaar).join(" en ")}.`
        })
      )
    : Effect.succeed(plan)
}
