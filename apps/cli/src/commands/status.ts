import { Periode, Status } from "@dvcc/core"
import { Console, DateTime, Effect, Option, Schema } from "effect"
import { CliError, Command, Flag } from "effect/cli"
import { loadProgram } from "../ProgramData.ts"
import { renderStatusReport } from "../StatusReport.ts"

const asOf = Flag.String("as-of").pipe(
  Flag.withDescription("Peildatum (JJJJ-MM-DD) waarop de voortgang wordt beoordeeld; standaard vandaag"),
  Flag.withSchema(Periode.Datum),
  Flag.optional
)

const jaar = Flag.Int("jaar").pipe(
  Flag.withDescription("Alleen dit jaarplan (bijvoorbeeld 2025)"),
  Flag.optional
)

const json = Flag.Boolean("json").pipe(
  Flag.withDescription("Schrijf JSON in plaats van een tabel"),
  Flag.withDefault(false)
)

export const status = Command.make(
  "status",
  { asOf, jaar, json },
  Effect.fn("status")(function* (flags) {
    const dataset = yield* loadProgram
    const peildatum = Option.isSome(flags.asOf)
      ? flags.asOf.value
      : (DateTime.formatIsoDateUtc(yield* DateTime.now) as Periode.Datum)
    const known = dataset.jaarplannen.map((p) => p.jaar)
    if (Option.isSome(flags.jaar) && !known.includes(flags.jaar.value)) {
      return yield* new CliError.UserError({
        cause: undefined,
        userMessage: `Geen jaarplan ${flags.jaar.value}; er zijn jaarplannen voor ${known.join(" en ")}.`
      })
    }
    const report = Status.make(dataset, peildatum, Option.isSome(flags.jaar) ? [flags.jaar.value] : known)
    yield* Console.log(
      flags.json
        ? JSON.stringify(Schema.encodeSync(Status.StatusReport)(report), null, 2)
        : renderStatusReport(dataset, report, process.stdout.columns ?? 100)
    )
  })
).pipe(
  Command.withDescription("Toon de voortgang van alle monitoringsafspraken met status en uitleg"),
  Command.withExamples([
    { command: "dvcc status --as-of 2025-12-31 --jaar 2025", description: "De terugblik op 2025" },
    { command: "dvcc status --json", description: "De voortgang vandaag als JSON" }
  ])
)
