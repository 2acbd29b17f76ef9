import { Periode } from "@dvcc/core"
import { Database } from "@dvcc/store"
import { loadDashboard, Source } from "@dvcc/tui"
import { Config, DateTime, Effect, Option } from "effect"
import { CliError, Command, Flag } from "effect/cli"
import { databaseLocation } from "../Config.ts"
import { loadProgram } from "../ProgramData.ts"
import { root } from "../Root.ts"

const asOf = Flag.String("as-of").pipe(
  Flag.withDescription("Peildatum (JJJJ-MM-DD) waarop de voortgang wordt beoordeeld; standaard vandaag"),
  Flag.withSchema(Periode.Datum),
  Flag.optional
)

const jaar = Flag.Int("jaar").pipe(
  Flag.withDescription("Open op dit jaarplan (bijvoorbeeld 2025); met y wissel je van jaar"),
  Flag.optional
)

/** Colours unless `NO_COLOR` is set (https://no-color.org) or the terminal has none. */
const colours = Effect.gen(function* () {
  const noColor = yield* Config.option(Config.String("NO_COLOR"))
  if (Option.isSome(noColor) && noColor.value !== "") return false
  return process.stdout.isTTY === true && (process.stdout.hasColors?.() ?? false)
})

const message = (error: unknown): string =>
  typeof error === "object" && error !== null && "message" in error && typeof error.message === "string"
    ? error.message
    : String(error)

export const dashboard = Command.make(
  "dashboard",
  { asOf, jaar },
  Effect.fn("dashboard")(function* (flags) {
    const { db } = yield* root
    const location = yield* databaseLocation(db)
    const context = yield* Effect.context<Effect.Services<typeof loadProgram>>()
    const source: Source.Source = {
      naam: `database ${Database.describe(location)}`,
      load: loadProgram.pipe(
        Effect.provideContext(context),
        Effect.mapError(
          (error) => new Source.SourceError({ message: `De database is niet te lezen: ${message(error)}` })
        )
      )
    }
    const peildatum = Option.isSome(flags.asOf)
      ? flags.asOf.value
      : (DateTime.formatIsoDateUtc(yield* DateTime.now) as Periode.Datum)
    const dataset = yield* source.load
    const known = dataset.jaarplannen.map((p) => p.jaar)
    if (Option.isSome(flags.jaar) && !known.includes(flags.jaar.value)) {
      return yield* new CliError.UserError({
        cause: undefined,
        userMessage: `Geen jaarplan ${flags.jaar.value}; er zijn jaarplannen voor ${known.join(" en ")}.`
      })
    }
    const { run } = yield* Effect.promise(() => loadDashboard())
    yield* run({
      source,
      dataset,
      peildatum,
      ...(Option.isSome(flags.jaar) ? { jaar: flags.jaar.value } : {}),
      colour: yield* colours,
      interactive: process.stdout.isTTY === true && process.stdin.isTTY === true
    })
  })
).pipe(
  Command.withDescription(
    "Open het dashboard in de terminal: voortgang per doel, indicatoren, acties, gebied en informatiebeeld"
  ),
  Command.withExamples([
    { command: "dvcc dashboard", description: "Het dashboard op de gegevens van vandaag" },
    { command: "dvcc dashboard --as-of 2025-12-31 --jaar 2025", description: "Terugkijken op 2025" },
    { command: "dvcc dashboard | less", description: "Zonder terminal: een momentopname van de voortgang" }
  ])
)
