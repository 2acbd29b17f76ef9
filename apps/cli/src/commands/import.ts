import type { Import } from "@dvcc/excel"
import { Activities, Gebieden, Imports, Measurements, Registrations } from "@dvcc/store"
import { Console, Effect, Layer, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { loadProgram, withStore } from "../ProgramData.ts"
import { printable } from "../Terminal.ts"

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
    yield* Console.log(`Import ${report.id} ongedaan gemaakt: ${Imports.summary(report)}.`)
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

const file = Argument.String("bestand").pipe(
  Argument.withDescription(
    "De werkmap (.xlsx) met bladen Activiteiten, Registraties, Metingen en/of Gebieden, of de programmawerkmap (dvcc export programma)"
  )
)

const dryRun = Flag.Boolean("dry-run").pipe(
  Flag.withDescription("Alleen controleren: toon wat geïmporteerd zou worden en sla niets op"),
  Flag.withDefault(false)
)

const acceptValid = Flag.Boolean("accept-valid").pipe(
  Flag.withDescription(
    "Sla de geldige rijen op, ook als andere rijen zijn afgekeurd; de afgekeurde rijen komen met de reden in BESTAND.afgekeurd.xlsx"
  ),
  Flag.withDefault(false)
)

const json = Flag.Boolean("json").pipe(
  Flag.withDescription("Druk het verslag af als één JSON-object (bestand, sha256, bladen, problemen)"),
  Flag.withDefault(false)
)

const maxMb = Flag.Int("max-mb").pipe(
  Flag.withDescription("Grootste bestand dat wordt geaccepteerd, in MB (standaard 50)"),
  Flag.optional
)

const plural = (n: number, one: string, more: string) => `${number.format(n)} ${n === 1 ? one : more}`

/** The report for people, in Dutch. */
export const formatReport = (report: Import.Report): string => {
  const lines: Array<string> = [`${report.file} (sha256 ${report.sha256.slice(0, 12)})`]
  for (const sheet of report.sheets) {
    if (sheet.kind === null) continue
    const parts = [
      plural(sheet.rows, "rij", "rijen"),
      `${number.format(sheet.accepted)} ${report.dryRun ? "geldig" : "nieuw of gewijzigd"}`,
      ...(report.dryRun ? [] : [`${number.format(sheet.unchanged)} ongewijzigd`]),
      `${number.format(sheet.rejected)} afgekeurd`,
      ...(sheet.skipped > 0 ? [`${number.format(sheet.skipped)} overgeslagen`] : [])
    ]
    lines.push(`  blad ${sheet.name} (${sheet.kind}): ${parts.join(", ")}`)
  }
  if (report.warnings.length > 0) {
    lines.push("", "Waarschuwingen:")
    for (const warning of report.warnings) lines.push(`  ${warning.message}`)
  }
  if (report.problemCount > 0) {
    lines.push("", `Problemen (${number.format(report.problemCount)}):`)
    for (const problem of report.problems) lines.push(`  ${problem.message}`)
    if (report.problemCount > report.problems.length) {
      lines.push(
        `  … en nog ${plural(report.problemCount - report.problems.length, "probleem", "problemen")} (alleen de eerste ${number.format(report.problems.length)} staan hierboven).`
      )
    }
  }
  lines.push("")
  switch (report.status) {
    case "imported":
      lines.push(`Geïmporteerd als ${report.importId}. Ongedaan maken: dvcc import undo ${report.importId}`)
      break
    case "unchanged":
      lines.push("Niets nieuws: alle rijen stonden al zo in de database. Er is niets gewijzigd.")
      break
    case "dry-run":
      lines.push("Proefimport (--dry-run): alles is geldig; er is niets opgeslagen.")
      break
    case "rejected": {
      const written = report.sheets.reduce((n, s) => n + s.accepted, 0)
      if (report.importId !== null) {
        lines.push(
          `De geldige rijen zijn geïmporteerd als ${report.importId} (${plural(written, "rij", "rijen")} nieuw of gewijzigd); de afgekeurde rijen zijn niet opgeslagen.`
        )
      } else if (report.dryRun) {
        lines.push("Proefimport (--dry-run): er is niets opgeslagen.")
      } else if (report.rejectedFile !== null && written === 0) {
        lines.push("Er was niets nieuws om op te slaan; de afgekeurde rijen zijn niet opgeslagen.")
      } else {
        lines.push(
          "Er is niets opgeslagen. Verbeter de problemen en importeer opnieuw, of sla met --accept-valid alleen de geldige rijen op."
        )
      }
      if (report.rejectedFile !== null)
        lines.push(`De afgekeurde rijen staan met de reden in ${report.rejectedFile}.`)
      break
    }
  }
  return lines.join("\n")
}

const setExitCode = (code: number) =>
  Effect.sync(() => {
    process.exitCode = code
  })

/** Progress on a terminal for imports that take more than two seconds. */
const progress = (): ((rows: number, sheet: string) => void) | undefined => {
  if (process.stderr.isTTY !== true) return undefined
  const start = performance.now()
  return (rows, sheet) => {
    if (performance.now() - start < 2000) return
    process.stderr.write(`\r${number.format(rows)} rijen gelezen (blad ${printable(sheet)})…`)
  }
}

const importFile = Effect.fn("import")(function* (input: {
  readonly bestand: string
  readonly dryRun: boolean
  readonly acceptValid: boolean
  readonly json: boolean
  readonly maxMb: Option.Option<number>
}) {
  const onProgress = input.json ? undefined : progress()
  // Loaded here: exceljs is too heavy for every start of dvcc.
  const { Import } = yield* Effect.promise(() => import("@dvcc/excel"))
  const run = withStore(
    Effect.gen(function* () {
      const dataset = yield* loadProgram
      return yield* Import.run(
        { path: input.bestand },
        {
          actor: "cli",
          dryRun: input.dryRun,
          acceptValid: input.acceptValid,
          dataset,
          onProgress,
          ...(Option.isSome(input.maxMb) ? { limits: { maxBytes: input.maxMb.value * 1024 * 1024 } } : {})
        }
      ).pipe(
        Effect.provide(
          Layer.mergeAll(
            Registrations.Registrations.layer,
            Activities.Activities.layer,
            Measurements.Measurements.layer,
            Gebieden.Gebieden.layer
          )
        )
      )
    })
  )
  const outcome = yield* run.pipe(
    Effect.map((report) => ({ _tag: "report" as const, report })),
    Effect.catchTag("UnreadableWorkbook", (error) => Effect.succeed({ _tag: "unreadable" as const, error }))
  )
  if (onProgress !== undefined) process.stderr.write("\r\u001b[K")
  if (outcome._tag === "unreadable") {
    if (input.json) {
      yield* Console.log(
        JSON.stringify({
          file: outcome.error.file,
          error: { code: outcome.error.code, message: outcome.error.reason }
        })
      )
    }
    yield* Console.error(`dvcc: ${outcome.error.message}`)
    return yield* setExitCode(2)
  }
  const report = outcome.report
  yield* Console.log(input.json ? JSON.stringify(Import.toJson(report), null, 2) : formatReport(report))
  yield* setExitCode(Import.exitCode(report))
})

export const importCommand = Command.make("import", {
  bestand: file,
  dryRun,
  acceptValid,
  json,
  maxMb
}).pipe(
  Command.withHandler(importFile),
  Command.withDescription(
    "Importeer een werkmap (.xlsx): alles of niets, of met --accept-valid alleen de geldige rijen; of bekijk de imports (list) en maak er een ongedaan (undo)"
  ),
  Command.withExamples([
    { command: "dvcc import district-noord.xlsx --dry-run", description: "Controleren zonder op te slaan" },
    {
      command: "dvcc import programma.xlsx --dry-run",
      description:
        "De programmawerkmap (DIN, jaarplannen, indicatoren) controleren, bijvoorbeeld een nieuwe strategieperiode"
    },
    { command: "dvcc import district-noord.xlsx", description: "Importeren, alles of niets" },
    {
      command: "dvcc import district-noord.xlsx --accept-valid",
      description: "De geldige rijen opslaan; de afgekeurde komen in district-noord.afgekeurd.xlsx"
    },
    { command: "dvcc import district-noord.xlsx --json", description: "Het verslag als JSON" },
    { command: "dvcc import list", description: "De imports met hun id en sha256" },
    { command: "dvcc import undo import-2030-05", description: "Een import ongedaan maken" }
  ]),
  Command.withSubcommands([list, undo])
)
