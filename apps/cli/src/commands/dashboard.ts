import { Database } from "@dvcc/store"
import { HttpSource, Source, Start } from "@dvcc/tui"
import { Config, Effect, Option, Redacted, Schema } from "effect"
import { Command, Flag } from "effect/cli"
import { databaseLocation } from "../Config.ts"
import * as Peiling from "../Peiling.ts"
import { loadProgram } from "../ProgramData.ts"
import { root } from "../Root.ts"

const jaar = Flag.Int("jaar").pipe(
  Flag.withDescription("Open op dit jaarplan (bijvoorbeeld 2025); met y wissel je van jaar"),
  Flag.optional
)

const ApiUrl = Schema.String.check(
  Schema.makeFilter((url: string) =>
    /^https?:\/\//.test(url) && URL.canParse(url)
      ? true
      : "verwacht een http- of https-adres, zoals http://127.0.0.1:8787"
  )
)

const api = Flag.String("api").pipe(
  Flag.withDescription(
    "Lees via de HTTP-API op dit adres (van dvcc serve) in plaats van de database; het token komt uit DVCC_TOKEN"
  ),
  Flag.withSchema(ApiUrl),
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

/**
 * The API's token, from the environment only: a command-line flag would show in `ps` and in the shell's
 * history. An empty variable counts as unset.
 */
const apiToken = Effect.gen(function* () {
  const token = yield* Config.option(Config.Redacted("DVCC_TOKEN"))
  // A token pasted with its line break still works.
  const value = Option.isSome(token) ? Redacted.value(token.value).trim() : ""
  if (value !== "") return Redacted.make(value)
  return yield* new Source.SourceError({
    message:
      "Geen API-token: --api leest met het token in de omgevingsvariabele DVCC_TOKEN. Maak een token met " +
      "`dvcc token create --role programma --name …` (op de server) en zet het in DVCC_TOKEN, " +
      "bijvoorbeeld met `export DVCC_TOKEN=…`. Nooit als vlag: die is te zien in ps en in de shell-geschiedenis."
  })
})

/** The embedded database the flags and environment name. */
const databaseSource = Effect.gen(function* () {
  const { db } = yield* root
  const location = yield* databaseLocation(db)
  const context = yield* Effect.context<Effect.Services<typeof loadProgram>>()
  return {
    naam: `database ${Database.describe(location)}`,
    load: loadProgram.pipe(
      Effect.provideContext(context),
      Effect.mapError(
        (error) => new Source.SourceError({ message: `De database is niet te lezen: ${message(error)}` })
      )
    )
  } satisfies Source.Source
})

export const dashboard = Command.make(
  "dashboard",
  { asOf: Peiling.asOf, jaar, api },
  Effect.fn("dashboard")(function* (flags) {
    const source: Source.Source = Option.isSome(flags.api)
      ? HttpSource.make({ url: flags.api.value, token: yield* apiToken })
      : yield* databaseSource
    const peildatum = yield* Peiling.peildatum(flags.asOf)
    const dataset = yield* source.load
    if (Option.isSome(flags.jaar)) yield* Peiling.jaarplan(dataset, flags.jaar.value)
    yield* Start.run({
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
    { command: "dvcc dashboard | less", description: "Zonder terminal: een momentopname van de voortgang" },
    {
      command: "dvcc dashboard --api https://dvcc.example.nl",
      description:
        "Via de HTTP-API van een server; het token (rol programma of beheerder) staat in de omgevingsvariabele DVCC_TOKEN"
    }
  ])
)
