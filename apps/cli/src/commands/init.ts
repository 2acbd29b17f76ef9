import { readFileSync, statSync } from "node:fs"
import { Dataset } from "@dvcc/core"
import { Database, ProgramStore } from "@dvcc/store"
import { Console, Effect, Option, Schema } from "effect"
import { Command, Flag } from "effect/cli"
import { databaseLocation } from "../Config.ts"
import { withStore } from "../ProgramData.ts"
import { root } from "../Root.ts"

const programma = Flag.String("programma").pipe(
  Flag.withDescription(
    "Een ander programma dan het meegeleverde: een JSON-bestand volgens docs/dataset.schema.json"
  ),
  Flag.optional
)

/** The programme file cannot be used, or the database holds another programme. Nothing was written. */
export class ProgrammaGeweigerd extends Schema.TaggedError<ProgrammaGeweigerd>()("ProgrammaGeweigerd", {
  message: Schema.String
}) {}

/** A programme file is a whole dataset; these lists may be left out and are then empty. */
const optionalLists = ["metingen", "registraties", "reeksbreuken", "activiteiten"] as const

/** Larger than any programme (the bundled one is well under 1 MB): a file this big is not one. */
const maxBytes = 50 * 1024 * 1024

/** The problems shown; the rest is counted. */
const maxProblems = 25

const refuse = (message: string) => Effect.fail(new ProgrammaGeweigerd({ message }))

/**
 * Reads and decodes a programme file: JSON decoded by the core `Dataset` schema, so every reference is
 * checked; problems are listed in Dutch with the path of the field.
 */
export const readProgramma = (file: string) =>
  Effect.gen(function* () {
    const size = yield* Effect.try({
      try: () => statSync(file).size,
      catch: () =>
        new ProgrammaGeweigerd({ message: `Programmabestand ${file} bestaat niet of is niet leesbaar.` })
    })
    if (size > maxBytes) {
      return yield* refuse(`Programmabestand ${file} is groter dan 50 MB; dat is geen programma.`)
    }
    const raw = yield* Effect.try({
      try: () => JSON.parse(readFileSync(file, "utf8")) as unknown,
      catch: (error) =>
        new ProgrammaGeweigerd({
          message: `Programmabestand ${file} is geen geldige JSON: ${error instanceof Error ? error.message : String(error)}`
        })
    })
    const input =
      typeof raw === "object" && raw !== null && !Array.isArray(raw)
        ? Object.fromEntries([...optionalLists.map((key) => [key, []] as const), ...Object.entries(raw)])
        : raw
    const decoded = Schema.decodeUnknownExit(Dataset.Dataset)(input, { errors: "all" })
    if (decoded._tag === "Success") return decoded.value
    const error = decoded.cause.reasons.find((r) => r._tag === "Fail")?.error
    if (!Schema.isSchemaError(error)) return yield* Effect.die(decoded.cause)
    // The API's field messages: the same Dutch for the same problem, whichever door it comes in by.
    const { Endpoint } = yield* Effect.promise(() => import("@dvcc/api"))
    const problems = Endpoint.fields(error.issue, "").map(
      (f) => `  ${f.pad === "" ? "(het bestand)" : f.pad}: ${f.melding}`
    )
    const shown = problems.slice(0, maxProblems)
    if (problems.length > shown.length) shown.push(`  … en nog ${problems.length - shown.length} problemen`)
    return yield* refuse(
      `Programmabestand ${file} klopt niet (${problems.length === 1 ? "1 probleem" : `${problems.length} problemen`}); er is niets opgeslagen:\n${shown.join("\n")}`
    )
  })

const naamVan = (program: { readonly naam: string; readonly regio: string }): string =>
  `"${program.naam}" (${program.regio})`

/**
 * Writes `dataset` into the database unless it holds another programme (another name or region): a
 * database holds one programme, so that is refused, naming the one it holds, and nothing is written.
 */
const seedProgramma = (dataset: Dataset.Dataset, location: Database.Location) =>
  Effect.gen(function* () {
    const store = yield* ProgramStore.ProgramStore
    if (!(yield* store.isEmpty)) {
      const current = (yield* store.load).program
      if (current.naam !== dataset.program.naam || current.regio !== dataset.program.regio) {
        return yield* refuse(
          `Database ${Database.describe(location)} bevat al het programma ${naamVan(current)}; een database bevat één programma. Er is niets gewijzigd. Kies voor ${naamVan(dataset.program)} een nieuwe database (--db NIEUW.sqlite).`
        )
      }
    }
    return yield* store.seed(dataset, { actor: "cli", source: "cli" })
  })

export const init = Command.make(
  "init",
  { programma },
  Effect.fn("init")(function* (flags) {
    const { db } = yield* root
    const location = yield* databaseLocation(db, { mayNotExist: true })
    // The file is read before the database is opened: a file that is refused creates nothing.
    const dataset = Option.isSome(flags.programma)
      ? yield* readProgramma(flags.programma.value)
      : (yield* Effect.promise(() => import("@dvcc/midden-nederland"))).dataset
    const report = yield* withStore(seedProgramma(dataset, location), { mayNotExist: true })
    const changed = report.inserted + report.updated
    yield* Console.log(
      changed === 0
        ? `Database ${Database.describe(location)} is al bijgewerkt: niets gewijzigd (${report.unchanged} records).`
        : `Database ${Database.describe(location)} gevuld met het programma ${naamVan(dataset.program)}: ${report.inserted} nieuw, ${report.updated} bijgewerkt, ${report.unchanged} ongewijzigd.`
    )
  })
).pipe(
  Command.withDescription(
    "Maak de database aan en vul haar met het meegeleverde programma (Midden-Nederland) of met een ander (--programma)"
  ),
  Command.withExamples([
    { command: "dvcc init --db ./dvcc.sqlite", description: "Een database in deze map" },
    {
      command: "dvcc init --db ./ondermijning.sqlite --programma examples/ondermijning-voorbeeld.json",
      description: "Een database met een ander programma"
    }
  ])
)
