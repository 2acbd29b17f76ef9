import { Backup, Database } from "@dvcc/store"
import { Console, Effect } from "effect"
import { Command, Flag } from "effect/cli"
import { databaseLocation } from "../Config.ts"
import { root } from "../Root.ts"

const out = Flag.String("out").pipe(
  Flag.withDescription(
    "Het bestand voor de backup: een SQLite-bestand, of bij PostgreSQL een pg_dump-archief (custom format)"
  )
)

const force = Flag.Boolean("force").pipe(
  Flag.withDescription("Overschrijf het bestand als het al bestaat"),
  Flag.withDefault(false)
)

const number = new Intl.NumberFormat("nl-NL")
const decimal = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 })

/** A size as people read it: `208 kB (212.992 bytes)`. */
export const formatSize = (bytes: number): string => {
  const exact = `${number.format(bytes)} bytes`
  if (bytes < 1024) return exact
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, "kB"] : [bytes / (1024 * 1024), "MB"]
  return `${decimal.format(value)} ${unit} (${exact})`
}

/** The records per table, aligned, with the total. */
export const formatTables = (tables: ReadonlyArray<Backup.TableCount>): string => {
  const rows: Array<readonly [string, string]> = [
    ...tables.map((t) => [t.table, number.format(t.records)] as const),
    ["totaal", number.format(tables.reduce((sum, t) => sum + t.records, 0))]
  ]
  const names = Math.max(...rows.map(([name]) => name.length))
  const counts = Math.max(...rows.map(([, count]) => count.length))
  return [
    "Records per tabel:",
    ...rows.map(([name, count]) => `  ${name.padEnd(names)}  ${count.padStart(counts)}`)
  ].join("\n")
}

export const backup = Command.make(
  "backup",
  { out, force },
  Effect.fn("backup")(function* (flags) {
    const { db } = yield* root
    const location = yield* databaseLocation(db, { mayNotExist: true })
    const report = yield* Backup.backup(location, flags.out, { force: flags.force })
    yield* Console.log(
      [
        `Backup van database ${Database.describe(location)} geschreven naar ${report.file}: ${formatSize(report.bytes)}, schemaversie ${report.schemaVersion}.`,
        formatTables(report.tables)
      ].join("\n")
    )
  })
).pipe(
  Command.withDescription(
    "Maak een backup van de database terwijl die in gebruik is (SQLite: een kopie, PostgreSQL: pg_dump)"
  ),
  Command.withExamples([
    {
      command: "dvcc backup --out ./dvcc-backup.sqlite",
      description: "Een backup van de database in deze map"
    },
    {
      command: "dvcc backup --db ./dvcc.sqlite --out ./dvcc-backup.sqlite --force",
      description: "Een bestaande backup overschrijven"
    }
  ])
)
