import { Backup } from "@dvcc/store"
import { Console, Effect } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { databaseLocation } from "../Config.ts"
import { root } from "../Root.ts"
import { formatTables } from "./backup.ts"

const file = Argument.String("file").pipe(
  Argument.withDescription("Het backupbestand, gemaakt met dvcc backup")
)

const force = Flag.Boolean("force").pipe(
  Flag.withDescription("Vervang ook een database die al data bevat"),
  Flag.withDefault(false)
)

export const restore = Command.make(
  "restore",
  { file, force },
  Effect.fn("restore")(function* (input) {
    const { db } = yield* root
    const location = yield* databaseLocation(db, { mayNotExist: true })
    const report = yield* Backup.restore(location, input.file, { force: input.force })
    yield* Console.log(
      [
        `Backup ${report.file} teruggezet in database ${report.database} (schemaversie ${report.schemaVersion}).`,
        formatTables(report.tables)
      ].join("\n")
    )
  })
).pipe(
  Command.withDescription(
    "Zet een backup terug na controle (leesbaar, niet van een nieuwere dvcc, geldige data); een database met data alleen met --force"
  ),
  Command.withExamples([
    {
      command: "dvcc restore ./dvcc-backup.sqlite --db ./hersteld.sqlite",
      description: "Een backup terugzetten in een nieuwe database"
    },
    {
      command: "dvcc restore ./dvcc-backup.sqlite --force",
      description: "De database vervangen door de backup"
    }
  ])
)
