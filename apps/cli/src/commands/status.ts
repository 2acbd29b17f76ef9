import { Status } from "@dvcc/core"
import { Console, Effect, Option, Schema } from "effect"
import { Command, Flag } from "effect/cli"
import * as Peiling from "../Peiling.ts"
import { loadProgram } from "../ProgramData.ts"
import { renderStatusReport } from "../StatusReport.ts"

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
  { asOf: Peiling.asOf, jaar, json },
  Effect.fn("status")(function* (flags) {
    const dataset = yield* loadProgram
    const peildatum = yield* Peiling.peildatum(flags.asOf)
    if (Option.isSome(flags.jaar)) yield* Peiling.jaarplan(dataset, flags.jaar.value)
    const report = Status.make(
      dataset,
      peildatum,
      Option.isSome(flags.jaar) ? [flags.jaar.value] : dataset.jaarplannen.map((p) => p.jaar)
    )
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
