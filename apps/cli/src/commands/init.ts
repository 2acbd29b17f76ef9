import { Database } from "@dvcc/store"
import { Console, Effect } from "effect"
import { Command } from "effect/cli"
import { databaseLocation } from "../Config.ts"
import { seedBundled, withStore } from "../ProgramData.ts"
import { root } from "../Root.ts"

export const init = Command.make(
  "init",
  {},
  Effect.fn("init")(function* () {
    const { db } = yield* root
    const location = yield* databaseLocation(db, { mayNotExist: true })
    const report = yield* withStore(seedBundled, { mayNotExist: true })
    const changed = report.inserted + report.updated
    yield* Console.log(
      changed === 0
        ? `Database ${Database.describe(location)} is al bijgewerkt: niets gewijzigd (${report.unchanged} records).`
        : `Database ${Database.describe(location)} gevuld met de Midden-Nederland-data: ${report.inserted} nieuw, ${report.updated} bijgewerkt, ${report.unchanged} ongewijzigd.`
    )
  })
).pipe(
  Command.withDescription("Maak de database aan en vul haar met de meegeleverde Midden-Nederland-data"),
  Command.withExamples([{ command: "dvcc init --db ./dvcc.sqlite", description: "Een database in deze map" }])
)
