/**
 * Importing the programme workbook (see `programma.ts`): read and checked as a whole, then written through
 * `Plans.importProgramma` in one transaction, or nothing on a problem (a dry run writes nothing either). Only
 * an import that may write the programme (`Access.writes`: beheerder and programma) reads it at all.
 */
import type { Dataset } from "@dvcc/core"
import { Plans } from "@dvcc/store"
import { Effect, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { LimitExceeded, type Limits } from "./fileCheck.ts"
import type { Problem, Warning } from "./parse.ts"
import { type ProgrammaRead, type ProgrammaSheetKind, readProgramma, sheets } from "./programma.ts"

export interface ProgrammaOutcome {
  readonly status: "imported" | "unchanged" | "dry-run" | "rejected"
  readonly importId: string | null
  readonly sheets: ReadonlyArray<{
    readonly name: string
    readonly kind: ProgrammaSheetKind | null
    readonly rows: number
    readonly accepted: number
    readonly unchanged: number
    readonly rejected: number
    readonly skipped: number
  }>
  readonly problems: ReadonlyArray<Problem>
  readonly problemCount: number
  readonly warnings: ReadonlyArray<Warning>
}

class NothingNew extends Schema.TaggedError<NothingNew>()("NothingNew", {}) {}

/** The entity of the store each sheet's rows go to. */
const entityOf: Record<string, string> = {
  programma: "programma",
  doelen: "programma",
  baten: "programma",
  inspanningen: "programma",
  netwerk: "programma",
  jaarplannen: "jaarplannen",
  acties: "acties",
  indicatoren: "indicatoren"
}

export const runProgramma = (
  bytes: Buffer,
  options: {
    readonly name: string
    readonly sha256: string
    readonly importId: string
    readonly actor: string
    readonly dryRun: boolean
    readonly dataset: Dataset.Dataset
    readonly mayWrite: boolean
    readonly limits: Limits
    readonly maxProblems: number
  }
) =>
  Effect.gen(function* () {
    if (!options.mayWrite) {
      const problem: Problem = {
        sheet: sheets.programma.name,
        cell: `${sheets.programma.name}!A1`,
        row: 1,
        column: "",
        value: "",
        expected: "een import door de beheerder of het programma",
        code: "geen-recht",
        message:
          "Dit is de programmawerkmap (DIN, jaarplannen en indicatoren): alleen de rollen beheerder en programma mogen die importeren. Er is niets gelezen of opgeslagen."
      }
      return {
        status: "rejected",
        importId: null,
        sheets: [],
        problems: [problem],
        problemCount: 1,
        warnings: []
      } satisfies ProgrammaOutcome
    }
    const read: ProgrammaRead = yield* Effect.tryPromise({
      try: () =>
        readProgramma(bytes, options.dataset, { limits: options.limits, maxProblems: options.maxProblems }),
      catch: (cause) =>
        cause instanceof LimitExceeded
          ? cause
          : new LimitExceeded(
              "beschadigd",
              `de werkmap is beschadigd of onleesbaar (${cause instanceof Error ? cause.message.split("\n")[0] : String(cause)}). Open het bestand in Excel of LibreOffice en sla het opnieuw op als Excel-werkmap (.xlsx).`
            )
    })
    const sheetReport = (
      written: Readonly<Record<string, { inserted: number; updated: number; unchanged: number }>> | undefined
    ) =>
      read.sheets.map((s) => {
        const rejected = read.rejected.get(s.name) ?? 0
        const entity = written === undefined || s.kind === null ? undefined : written[entityOf[s.kind] ?? ""]
        // Rows of the DIN's sheets are one record (the programme): they count as it did.
        const changed = entity === undefined ? 0 : entity.inserted + entity.updated
        return {
          name: s.name,
          kind: s.kind,
          rows: s.rows,
          accepted:
            written === undefined
              ? s.rows - rejected
              : s.kind === "jaarplannen" || s.kind === "acties" || s.kind === "indicatoren"
                ? changed
                : changed > 0
                  ? s.rows
                  : 0,
          unchanged:
            written === undefined
              ? 0
              : s.kind === "jaarplannen" || s.kind === "acties" || s.kind === "indicatoren"
                ? (entity?.unchanged ?? 0)
                : changed > 0
                  ? 0
                  : s.rows,
          rejected,
          skipped: 0
        }
      })
    const problemCount = read.problemCount
    if (read.records === undefined || problemCount > 0) {
      return {
        status: "rejected",
        importId: null,
        sheets: sheetReport(undefined).map((s) => ({ ...s, accepted: 0 })),
        problems: read.problems,
        problemCount,
        warnings: read.warnings
      } satisfies ProgrammaOutcome
    }
    if (options.dryRun) {
      return {
        status: "dry-run",
        importId: null,
        sheets: sheetReport(undefined),
        problems: [],
        problemCount: 0,
        warnings: read.warnings
      } satisfies ProgrammaOutcome
    }
    const records = read.records
    const sql = yield* SqlClient.SqlClient
    const outcome = yield* Effect.gen(function* () {
      const report = yield* Plans.recordProgramma(
        { ...records, rowOf: (entity, key) => records.rows.get(`${entity}:${key}`) },
        {
          importId: options.importId,
          file: options.name,
          sheet: sheets.programma.name,
          sha256: options.sha256,
          actor: options.actor
        }
      )
      if (report.inserted + report.updated === 0) return yield* new NothingNew()
      return report
    }).pipe(
      sql.withTransaction,
      Effect.catchTag("NothingNew", () => Effect.succeed(undefined))
    )
    return {
      status: outcome === undefined ? "unchanged" : "imported",
      importId: outcome === undefined ? null : options.importId,
      sheets:
        outcome === undefined
          ? sheetReport(undefined).map((s) => ({ ...s, accepted: 0, unchanged: s.rows - s.rejected }))
          : sheetReport(outcome.entities),
      problems: [],
      problemCount: 0,
      warnings: read.warnings
    } satisfies ProgrammaOutcome
  })
