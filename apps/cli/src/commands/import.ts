import { Imports } from "@dvcc/store"
import { Console, Effect } from "effect"
import { Argument, Command } from "effect/cli"
import { withStore } from "../ProgramData.ts"

const number = new Intl.NumberFormat("nl-NL")

/** `2026-11-25 16:59`: an ISO time as people read it (UTC). */
const moment = (iso: string): string => iso.slice(0, 16).replace("T", " ")

/** The imports as an aligned table, oldest first. */
export const formatImports = (imports: ReadonlyArray<Imports.Import>): string => {
  if (imports.length === 0) return "Er zijn nog geen imports."
  const rows: Array<ReadonlyArray<string>> = [
    ["id", "sha256", "bestand", "datum (UTC)", "nieuw", "gewijzigd", "ongewijzigd", "ongedaan"],
    ...imports.map((i) => [
      i.id,
      i.sha256 === undefined ? "-" : i.sha256.slice(0, 12),
      [i.file, i.sheet === undefined ? undefined : `blad ${i.sheet}`]
        .filter((p) => p !== undefined)
        .join(", ") || "-",
      moment(i.at),
      number.format(i.inserted),
      number.format(i.updated),
      number.format(i.unchanged),
      i.undoneAt === undefined ? "-" : moment(i.undoneAt)
    ])
  ]
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? []
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          column >= 4 && column <= 6 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)
        )
        .join("  ")
        .trimEnd()
    )
    .join("\n")
}

const withImports = <A, E>(body: (imports: Imports.Imports["Service"]) => Effect.Effect<A, E>) =>
  withStore(
    Effect.gen(function* () {
      return yield* body(yield* Imports.Imports)
    }).pipe(Effect.provide(Imports.Imports.layer))
  )

const list = Command.make(
  "list",
  {},
  Effect.fn("import list")(function* () {
    const imports = yield* withImports((imports) => imports.list)
    yield* Console.log(formatImports(imports))
  })
).pipe(
  Command.withDescription(
    "Toon de imports: id, sha256 (begin), bestand, datum, aantallen en of ze ongedaan zijn"
  ),
  Command.withExamples([{ command: "dvcc import list", description: "Alle imports, de oudste eerst" }])
)

const reference = Argument.String("id-of-sha256").pipe(
  Argument.withDescription("De id van de import, of de sha256 van het bestand (de eerste 8 tekens volstaan)")
)

const undo = Command.make(
  "undo",
  { reference },
  Effect.fn("import undo")(function* (input) {
    const report = yield* withImports((imports) => imports.undo(input.reference, "cli"))
    yield* Console.log(
      `Import ${report.id} ongedaan gemaakt: ${number.format(report.removed)} ${report.removed === 1 ? "registratie" : "registraties"} verwijderd, ${number.format(report.restored)} teruggezet.`
    )
  })
).pipe(
  Command.withDescription(
    "Maak een import ongedaan: wat hij toevoegde verdwijnt, wat hij wijzigde krijgt de vorige waarde terug; geweigerd als latere wijzigingen erop voortbouwen"
  ),
  Command.withExamples([
    { command: "dvcc import undo import-2030-05", description: "Een import ongedaan maken op zijn id" },
    { command: "dvcc import undo 3f2a9c1e", description: "Op de sha256 van het bestand (het begin ervan)" }
  ])
)

export const importCommand = Command.make("import").pipe(
  Command.withDescription("Bekijk de imports van politieregistraties en maak er een ongedaan"),
  Command.withExamples([
    { command: "dvcc import list", description: "De imports met hun id en sha256" },
    { command: "dvcc import undo import-2030-05", description: "Een import ongedaan maken" }
  ]),
  Command.withSubcommands([list, undo])
)
