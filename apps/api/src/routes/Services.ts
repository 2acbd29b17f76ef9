/**
 * Small helpers the route groups share: today's date, the default year, a missing record as a 404.
 */
import { type Dataset, Periode } from "@dvcc/core"
import { Effect, Option } from "effect"
import * as Problem from "../Problem.ts"

/** Today as a Datum (UTC), through the Clock. */
export const today = Periode.vandaag

/** The year plans asked for: the one given, after checking it exists, else all. */
export const jarenOf = (dataset: Dataset.Dataset, jaar: number | undefined) =>
  Effect.gen(function* () {
    const known = dataset.jaarplannen.map((p) => p.jaar)
    if (jaar === undefined) return known
    if (!known.includes(jaar))
      return yield* Problem.make(
        "niet-gevonden",
        `Geen jaarplan ${jaar}; er zijn jaarplannen voor ${known.join(", ")}.`
      )
    return [jaar]
  })

/** The value, or a 404 problem saying what was not found. */
export const found =
  <A>(what: string) =>
  (option: Option.Option<A>) =>
    Option.match(option, {
      onNone: () => Effect.fail(Problem.make("niet-gevonden", `Er is geen ${what}.`)),
      onSome: Effect.succeed
    })

/** The latest year whose plan has a record with `id`; a 404 when none has. */
export const latestYear = (
  years: ReadonlyArray<{ readonly jaar: number; readonly id: string }>,
  id: string,
  what: string
) => {
  const jaren = years.filter((r) => r.id === id).map((r) => r.jaar)
  return jaren.length === 0
    ? Effect.fail(Problem.make("niet-gevonden", `Er is geen ${what} ${id}.`))
    : Effect.succeed(Math.max(...jaren))
}
