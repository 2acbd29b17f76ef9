/**
 * Importing a district workbook: the file is checked before anything is inflated (what it is, its size,
 * what its zip promises), read by the contract (`Contract.ts`), and written through the store all or
 * nothing, or with `acceptValid` the valid rows only (the rejected ones go to a `.afgekeurd.xlsx`
 * workbook with a reason column). Validation problems are values in the report, not failures: the CLI and
 * the API print the same report.
 *
 * ```ts
 * const report = yield* Import.run({ path: "district.xlsx" }, { actor: "cli", dryRun: true })
 * ```
 *
 * @since 0.1.0
 */
import { createHash } from "node:crypto"
import { readFile, stat, writeFile } from "node:fs/promises"
import { basename } from "node:path"
import { Access, type Activity, type Bron, type Dataset, type Measurement, Periode } from "@dvcc/core"
import { Activities, Gebieden, Measurements, ProgramStore, Registrations } from "@dvcc/store"
import { DateTime, Effect, Schema } from "effect"
import { SqlClient } from "effect/sql"
import type { SheetKind } from "./Contract.ts"
import { checkWorkbook, defaultLimits, LimitExceeded, type Limits, tooLarge } from "./internal/fileCheck.ts"
import {
  type Batch,
  type Parsed,
  type ParseResult,
  type Problem,
  parseWorkbook,
  type Warning
} from "./internal/parse.ts"
import { inWorker } from "./internal/parseWorker.ts"
import { isProgrammaWorkbook, type ProgrammaSheetKind } from "./internal/programma.ts"
import { runProgramma } from "./internal/programmaRun.ts"
import { rejectedWorkbook } from "./internal/rejected.ts"

export type { Problem, Warning } from "./internal/parse.ts"

/**
 * The workbook to import: a file, or its bytes with the name to report (an upload).
 *
 * @since 0.1.0
 * @category models
 */
export type Input = { readonly path: string } | { readonly bytes: Uint8Array; readonly name: string }

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Who imports: stored with the import and in the audit log. */
  readonly actor: string
  /** Check only; write nothing. */
  readonly dryRun?: boolean | undefined
  /** Write the valid rows even when others are rejected. */
  readonly acceptValid?: boolean | undefined
  /** With `acceptValid`: where to write the rejected rows (for a path input: `<file>.afgekeurd.xlsx`). */
  readonly rejectedFile?: string | undefined
  /** Size limits (file, unpacked, rows, cells, text; docs/workbooks.md); the file limit defaults to 50 MB. */
  readonly limits?: Partial<Limits> | undefined
  /** At most this many problems are listed (all are counted); default 1,000. */
  readonly maxProblems?: number | undefined
  /** Force (`true`) or forbid (`false`) the streaming reader; by default files over 1 MB stream. */
  readonly stream?: boolean | undefined
  /** Called every 10,000 rows. */
  readonly onProgress?: ((rows: number, sheet: string) => void) | undefined
  /** Read in a worker thread, overlapping reading and writing at the cost of memory (default: no). */
  readonly worker?: boolean | undefined
  /** Valid rows are written in batches of this many while the workbook is read; default 5,000. */
  readonly batchSize?: number | undefined
  /** The programme data to check against; by default read from the store. */
  readonly dataset?: Dataset.Dataset | undefined
  /**
   * Which gemeenten this import may write (an API token of a district). With `gemeenten`, every row of
   * Activiteiten, Registraties, Metingen and Gebieden must be about one of them: a row about another
   * gemeente, the region, a district or a basisteam is a problem (`buiten-scope`) like any other. Default:
   * everything.
   */
  readonly scope?: Access.Visibility | undefined
  /**
   * The kinds of data this import may write (`Access.writes` of the token's role): every row of a sheet
   * of another kind is a problem (`geen-recht`), as the same token's requests would be refused. So only a
   * beheerder changes the geography (district, basisteam, inhabitants), by any route. Default: all.
   */
  readonly writes?: ReadonlyArray<Access.Gegevens> | undefined
}

/**
 * One sheet in the report. `accepted` rows were written new or changed (in a dry run: would be written),
 * `unchanged` rows were in the database already, `rejected` rows have problems, `skipped` rows are totals.
 *
 * @since 0.1.0
 * @category models
 */
export interface SheetReport {
  readonly name: string
  /** A contract sheet's kind, or a sheet of the programme workbook (`programma`, `baten`, …). */
  readonly kind: SheetKind | ProgrammaSheetKind | null
  readonly rows: number
  readonly accepted: number
  readonly unchanged: number
  readonly rejected: number
  readonly skipped: number
}

/**
 * What an import did: `imported` (something written), `unchanged` (everything was there already; nothing
 * written), `dry-run` (checked, nothing written) or `rejected` (problems; with `acceptValid` the valid rows
 * may still have been written, see the sheets).
 *
 * @since 0.1.0
 * @category models
 */
export interface Report {
  readonly file: string
  readonly sha256: string
  readonly status: "imported" | "unchanged" | "dry-run" | "rejected"
  /** Checked only (`dryRun`): nothing was written. */
  readonly dryRun: boolean
  readonly importId: string | null
  readonly sheets: ReadonlyArray<SheetReport>
  /** The first problems (`maxProblems`); `problemCount` counts them all. */
  readonly problems: ReadonlyArray<Problem>
  readonly problemCount: number
  readonly warnings: ReadonlyArray<Warning>
  /** The `.afgekeurd.xlsx` written with `acceptValid`, if any row was rejected. */
  readonly rejectedFile: string | null
}

/**
 * The file is not an xlsx dvcc can read (an .xls, .ods, CSV, PDF, an empty, truncated, encrypted or too
 * large file, a zip bomb): `reason` says what it is and what to do.
 *
 * @since 0.1.0
 * @category errors
 */
export class UnreadableWorkbook extends Schema.TaggedError<UnreadableWorkbook>()("UnreadableWorkbook", {
  file: Schema.String,
  code: Schema.String,
  reason: Schema.String
}) {
  override get message() {
    return `${this.file}: ${this.reason}`
  }
}

/**
 * The store could not write the import; nothing was written.
 *
 * @since 0.1.0
 * @category errors
 */
export class ImportFailed extends Schema.TaggedError<ImportFailed>()("ImportFailed", {
  file: Schema.String,
  reason: Schema.String,
  /** What the store failed with: tells a busy database (try again) from a refusal. */
  cause: Schema.optional(Schema.Defect())
}) {
  override get message() {
    return `${this.file}: de import is mislukt, er is niets gewijzigd: ${this.reason}`
  }
}

/** Rolls back an import with problems (all or nothing) or one that changed nothing (a re-import leaves no trace). */
class RolledBack extends Schema.TaggedError<RolledBack>()("RolledBack", {
  reason: Schema.Literals(["problemen", "niets-nieuw"])
}) {}

/** The in-process reader with the worker's interface. */
const inProcess = (parser: AsyncGenerator<Batch, ParseResult>) => ({
  next: () => parser.next(),
  terminate: () =>
    parser.return(undefined as never).then(
      () => undefined,
      () => undefined
    )
})

/**
 * Valid rows are written in batches of this many while the workbook is read. Smaller batches die young: at
 * 20,000 rows the peak memory of a 200,000-row import varied from 364 to 472 MB, at 5,000 it stayed at
 * 358–366 MB, as fast (docs/performance.md).
 */
const batchSize = 5_000

/** Ids per query when a scoped import looks up the stored activities its rows would change. */
const screenChunk = 500

/**
 * The rejected rows' file for a workbook: `district.xlsx` → `district.afgekeurd.xlsx`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const rejectedFileFor = (path: string): string => `${path.replace(/\.xlsx$/i, "")}.afgekeurd.xlsx`

const readInput = (input: Input, limits: Limits) =>
  Effect.gen(function* () {
    if ("bytes" in input) return { name: input.name, bytes: Buffer.from(input.bytes) }
    const name = basename(input.path)
    const info = yield* Effect.tryPromise({
      try: () => stat(input.path),
      catch: (cause) =>
        new UnreadableWorkbook({
          file: name,
          code: "niet-gevonden",
          reason:
            (cause as { code?: string }).code === "ENOENT"
              ? `het bestand ${input.path} bestaat niet.`
              : `het bestand ${input.path} kan niet worden gelezen (${(cause as Error).message}).`
        })
    })
    if (info.isDirectory()) {
      return yield* new UnreadableWorkbook({
        file: name,
        code: "map",
        reason: "dit is een map, geen bestand."
      })
    }
    if (info.size > limits.maxBytes) {
      // Refused on its size alone: a file over the limit is never read into memory.
      const refusal = tooLarge(info.size, limits)
      return yield* new UnreadableWorkbook({ file: name, code: refusal.code, reason: refusal.message })
    }
    const bytes = yield* Effect.tryPromise({
      try: () => readFile(input.path),
      catch: (cause) =>
        new UnreadableWorkbook({
          file: name,
          code: "onleesbaar",
          reason: `het bestand kan niet worden gelezen (${(cause as Error).message}).`
        })
    })
    return { name, bytes }
  })

/**
 * Imports a workbook (see the module's description). Fails only when the file cannot be read at all
 * (`UnreadableWorkbook`) or the store fails (`ImportFailed`); rows with problems are in the report.
 *
 * @since 0.1.0
 * @category import
 */
export const run = Effect.fn("Import.run")(function* (input: Input, options: Options) {
  const limits: Limits = { ...defaultLimits, ...options.limits }
  const { name, bytes } = yield* readInput(input, limits)
  const refusal = checkWorkbook(bytes, limits)
  if (refusal !== undefined) {
    return yield* new UnreadableWorkbook({ file: name, code: refusal.code, reason: refusal.message })
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex")
  const dataset =
    options.dataset ??
    (yield* Effect.gen(function* () {
      const store = yield* ProgramStore.ProgramStore
      return yield* store.load
    }).pipe(Effect.mapError((cause) => new ImportFailed({ file: name, reason: cause.message, cause }))))
  const acceptValid = options.acceptValid === true
  const dryRun = options.dryRun === true
  if (isProgrammaWorkbook(bytes)) {
    // The programme workbook (DIN, year plans, indicators): checked as a whole, all or nothing.
    const programma = yield* runProgramma(bytes, {
      name,
      sha256,
      importId: importIdOf(yield* DateTime.now, sha256),
      actor: options.actor,
      dryRun,
      dataset,
      mayWrite: (options.writes ?? Access.Gegevens.literals).includes("programma"),
      limits,
      maxProblems: options.maxProblems ?? 1000
    }).pipe(
      Effect.mapError((cause) =>
        cause instanceof LimitExceeded
          ? new UnreadableWorkbook({ file: name, code: cause.code, reason: cause.message })
          : new ImportFailed({ file: name, reason: cause.message, cause })
      )
    )
    return {
      file: name,
      sha256,
      dryRun,
      rejectedFile: null,
      ...programma
    } satisfies Report
  }
  const parseOptions = {
    maxProblems: options.maxProblems ?? 1000,
    stream: options.stream,
    onProgress: options.onProgress,
    keepRejected: acceptValid,
    batchSize: options.batchSize ?? batchSize,
    scope: options.scope,
    // The sheet kinds it may import (the programme is its own workbook, above).
    writes: options.writes?.filter((g): g is SheetKind => g !== "programma"),
    limits
  }
  // Reading streams with little garbage, so by default it shares the thread with writing: a worker thread
  // would overlap the two, at the cost of a second heap and a copy of every batch (see docs/performance.md).
  const source =
    options.worker === true
      ? inWorker(bytes, dataset, parseOptions)
      : inProcess(parseWorkbook(bytes, { dataset }, parseOptions))
  const next = Effect.tryPromise({
    try: () => source.next(),
    catch: (cause) =>
      cause instanceof LimitExceeded
        ? new UnreadableWorkbook({ file: name, code: cause.code, reason: cause.message })
        : new UnreadableWorkbook({
            file: name,
            code: "beschadigd",
            reason: `de werkmap is beschadigd of onleesbaar (${cause instanceof Error ? cause.message.split("\n")[0] : String(cause)}). Open het bestand in Excel of LibreOffice en sla het opnieuw op als Excel-werkmap (.xlsx).`
          })
  })
  const counts = new Map<string, { accepted: number; unchanged: number }>()
  const valid = new Map<string, number>()
  let parsed: ParseResult | undefined
  const occurrences = new Map<string, number>()
  /** Each activity row under the id the store keys it by, numbering repeats of one activity in the workbook. */
  const identified = (batch: Batch): Array<Parsed<Activity.Activity>> =>
    batch.activiteiten.map((p) => {
      const identity = {
        datum: p.record.datum,
        gemeente: p.record.gemeente,
        soort: p.record.soort as Activity.ActiviteitSoort,
        ...(p.record.actie === undefined ? {} : { actie: p.record.actie }),
        ...(p.record.doelgroep === undefined
          ? {}
          : { doelgroep: p.record.doelgroep as typeof Activity.Doelgroep.Type }),
        ...(p.record.omschrijving === undefined ? {} : { omschrijving: p.record.omschrijving })
      }
      const plain = Activities.activityId(identity)
      const occurrence = (occurrences.get(plain) ?? 0) + 1
      occurrences.set(plain, occurrence)
      const activity: Activity.Activity = {
        id: Activities.activityId(identity, occurrence),
        ...identity,
        ...(p.record.bereik === undefined ? {} : { bereik: p.record.bereik }),
        ...(p.record.bespreking === undefined ? {} : { bespreking: p.record.bespreking })
      }
      return { ...p, record: activity }
    })
  /** Rows refused against what is stored (`screen`): problems beside the parser's, per sheet. */
  const screened: Array<Problem> = []
  let screenedCount = 0
  const screenedPerSheet = new Map<string, number>()
  /**
   * With a scope of gemeenten: the rows whose id is that of a stored activity the scope may not see (one
   * that was moved to another gemeente) become a problem of their row and are not written. The words are
   * the same whatever is stored under the id, so the report tells nothing about other gemeenten's records;
   * the store checks it again, on the locked rows, when it writes.
   */
  const screen = (rows: ReadonlyArray<Parsed<Activity.Activity>>) =>
    Effect.gen(function* () {
      const scope = options.scope
      if (scope === undefined || scope.kind === "alles" || rows.length === 0) return rows
      // Asked for only here: a dry run of an unscoped import given the dataset reads no database.
      const sql = yield* SqlClient.SqlClient
      const hidden = new Set<string>()
      for (let p = 0; p < rows.length; p += screenChunk) {
        const ids = rows.slice(p, p + screenChunk).map((r) => r.record.id)
        const stored = yield* sql<{
          readonly id: string
          readonly gemeente: string | null
        }>`SELECT id, gemeente FROM activiteiten WHERE ${sql.in("id", ids)}`
        for (const s of stored) if (!Access.sees(scope, s.gemeente)) hidden.add(s.id)
      }
      if (hidden.size === 0) return rows
      const kept: Array<Parsed<Activity.Activity>> = []
      for (const r of rows) {
        if (!hidden.has(r.record.id)) {
          kept.push(r)
          continue
        }
        screenedPerSheet.set(r.sheet, (screenedPerSheet.get(r.sheet) ?? 0) + 1)
        // Listed up to `maxProblems`, like the parser's problems; all are counted.
        if (++screenedCount > parseOptions.maxProblems) continue
        screened.push({
          sheet: r.sheet,
          cell: `${r.sheet}!${r.row}:${r.row}`,
          row: r.row,
          column: "Gemeente",
          value: r.record.gemeente ?? "",
          expected: "een activiteit die dit token mag vastleggen",
          code: "buiten-scope",
          message: `rij ${r.row} van blad ${r.sheet}: deze activiteit kan met dit token niet worden vastgelegd of gewijzigd. Laat de rij weg, of vraag de beheerder of het programma haar vast te leggen.`
        })
      }
      return kept
    })
  /** Reads the whole workbook, handing each batch of valid rows to `write` while no problem stops it. */
  const readAll = <E, R>(
    write:
      | ((batch: Batch, activities: ReadonlyArray<Parsed<Activity.Activity>>) => Effect.Effect<void, E, R>)
      | undefined
  ) =>
    Effect.ensuring(
      readBatches(write),
      Effect.promise(() => source.terminate())
    )
  const readBatches = <E, R>(
    write:
      | ((batch: Batch, activities: ReadonlyArray<Parsed<Activity.Activity>>) => Effect.Effect<void, E, R>)
      | undefined
  ) =>
    Effect.gen(function* () {
      while (true) {
        const step = yield* next
        if (step.done === true) {
          parsed = step.value
          return step.value
        }
        const batch = step.value
        for (const list of [batch.registraties, batch.activiteiten, batch.metingen, batch.gebieden]) {
          for (const row of list) valid.set(row.sheet, (valid.get(row.sheet) ?? 0) + 1)
        }
        const activities =
          write === undefined && (options.scope === undefined || options.scope.kind === "alles")
            ? []
            : yield* screen(identified(batch))
        if (write !== undefined && (acceptValid || batch.problemsSoFar + screenedCount === 0))
          yield* write(batch, activities)
      }
    })
  const report = (status: Report["status"], importId: string | null, rejectedFile: string | null): Report => {
    const result = parsed as ParseResult
    return {
      file: name,
      sha256,
      dryRun,
      status,
      importId,
      sheets: result.sheets.map((s) => ({
        name: s.name,
        kind: s.kind,
        rows: s.rows,
        accepted: dryRun
          ? (valid.get(s.name) ?? 0) - (screenedPerSheet.get(s.name) ?? 0)
          : (counts.get(s.name)?.accepted ?? 0),
        unchanged: counts.get(s.name)?.unchanged ?? 0,
        rejected: s.rejected + (screenedPerSheet.get(s.name) ?? 0),
        skipped: s.skipped
      })),
      problems:
        screened.length === 0
          ? result.problems
          : [...result.problems, ...screened].slice(
              0,
              Math.max(parseOptions.maxProblems, result.problems.length)
            ),
      problemCount: result.problemCount + screenedCount,
      warnings: result.warnings,
      rejectedFile
    }
  }
  if (dryRun) {
    const result = yield* readAll<never, never>(undefined).pipe(
      Effect.mapError((cause) =>
        cause instanceof UnreadableWorkbook
          ? cause
          : new ImportFailed({ file: name, reason: cause.message, cause })
      )
    )
    return report(result.problemCount + screenedCount > 0 ? "rejected" : "dry-run", null, null)
  }

  const now = yield* DateTime.now
  const importId = importIdOf(now, sha256)
  const registrations = yield* Registrations.Registrations
  const activities = yield* Activities.Activities
  const measurements = yield* Measurements.Measurements
  const gebieden = yield* Gebieden.Gebieden
  const vastgelegdOp = Periode.datumVan(now)
  const gebiedenSeen = new Map<string, number>()
  let changed = 0

  const recordAll = <A>(
    rows: ReadonlyArray<{
      readonly sheet: string
      readonly row: number
      readonly record: A
      readonly batch?: number
    }>,
    record: (
      rows: ReadonlyArray<A>,
      provenance: Registrations.Provenance
    ) => Effect.Effect<Registrations.RecordReport, ProgramStore.StoreError>
  ) =>
    Effect.gen(function* () {
      const batches = new Map<string, Array<(typeof rows)[number]>>()
      for (const r of rows) {
        const key = `${r.sheet}\u0000${r.batch ?? 1}`
        const list = batches.get(key)
        if (list === undefined) batches.set(key, [r])
        else list.push(r)
      }
      for (const batch of batches.values()) {
        const sheet = batch[0]?.sheet ?? ""
        const result = yield* record(
          batch.map((r) => r.record),
          {
            importId,
            file: name,
            sheet,
            rowOf: (index) => batch[index]?.row ?? index + 1,
            sha256,
            actor: options.actor
          }
        )
        const before = counts.get(sheet) ?? { accepted: 0, unchanged: 0 }
        counts.set(sheet, {
          accepted: before.accepted + result.inserted + result.updated,
          unchanged: before.unchanged + result.unchanged
        })
        changed += result.inserted + result.updated
      }
    })

  const write = (batch: Batch, activityRows: ReadonlyArray<Parsed<Activity.Activity>>) =>
    Effect.gen(function* () {
      const measurementRows = batch.metingen.map((p) => {
        const m = p.record
        const measurement: Measurement.Measurement = {
          id: Measurements.measurementId({
            jaar: m.jaar,
            indicator: m.indicator,
            periode: m.periode,
            gebied: m.gebied,
            ...(m.mijlpaal === undefined ? {} : { mijlpaal: m.mijlpaal }),
            ...(m.peildatum === undefined ? {} : { peildatum: m.peildatum })
          }),
          indicator: m.indicator,
          jaar: m.jaar,
          periode: m.periode,
          gebied: m.gebied,
          waarde: m.waarde,
          ...(m.mijlpaal === undefined ? {} : { mijlpaal: m.mijlpaal }),
          ...(m.peildatum === undefined ? {} : { peildatum: m.peildatum }),
          bron: m.bron as Bron.Bron,
          ...(m.toelichting === undefined ? {} : { toelichting: m.toelichting }),
          vastgelegdOp,
          herkomst: { document: "Excel-import", sectie: "blad Metingen" }
        }
        return { ...p, record: measurement }
      })
      // The store takes one row per gemeente a call: a gemeente's second row (another peildatum) goes in the next.
      const gebiedenRows = batch.gebieden.map((p) => {
        const occurrence = (gebiedenSeen.get(p.record.gemeente) ?? 0) + 1
        gebiedenSeen.set(p.record.gemeente, occurrence)
        return { ...p, batch: occurrence }
      })
      yield* recordAll(gebiedenRows, gebieden.record)
      yield* recordAll(batch.registraties, registrations.record)
      // A scoped import's rows name its gemeenten; the stored activity a row would change must too.
      yield* recordAll(activityRows, (rows, provenance) => activities.record(rows, provenance, options.scope))
      yield* recordAll(measurementRows, measurements.record)
    })

  const sql = yield* SqlClient.SqlClient
  // One transaction around reading and writing: rows are written while the workbook is read (memory stays
  // flat), and rolled back when a problem turns up (all or nothing) or nothing changed (a re-import).
  const outcome = yield* Effect.gen(function* () {
    const result = yield* readAll(write)
    if (result.problemCount + screenedCount > 0 && !acceptValid)
      return yield* new RolledBack({ reason: "problemen" })
    if (changed === 0) return yield* new RolledBack({ reason: "niets-nieuw" })
    return "imported" as const
  }).pipe(
    sql.withTransaction,
    Effect.catchTag("RolledBack", (rolledBack) =>
      Effect.succeed(rolledBack.reason === "niets-nieuw" ? ("unchanged" as const) : ("rejected" as const))
    ),
    Effect.mapError((cause) =>
      cause instanceof UnreadableWorkbook
        ? cause
        : new ImportFailed({
            file: name,
            reason: "message" in cause ? String(cause.message) : String(cause),
            cause
          })
    )
  )
  const result = parsed as ParseResult
  if (outcome === "rejected") counts.clear()
  const hasProblems = result.problemCount + screenedCount > 0
  let rejectedFile: string | null = null
  const target = options.rejectedFile ?? ("path" in input ? rejectedFileFor(input.path) : undefined)
  if (acceptValid && hasProblems && target !== undefined) {
    yield* Effect.tryPromise({
      try: async () => writeFile(target, await rejectedWorkbook(result)),
      catch: (cause) =>
        new ImportFailed({ file: name, reason: `${target} kon niet worden geschreven: ${String(cause)}` })
    })
    rejectedFile = target
  }
  return report(hasProblems ? "rejected" : outcome, outcome === "imported" ? importId : null, rejectedFile)
})

/** `import-20261202-0530-<8 hex>`: the id of an import made at `now` of the file with this hash. */
const importIdOf = (now: DateTime.Utc, sha256: string): string =>
  `import-${DateTime.formatIso(now).replace(/[-:]/g, "").replace("T", "-").slice(0, 15)}-${sha256.slice(0, 8)}`

/**
 * The exit code of the CLI for a report: 0 imported, unchanged or a clean dry run, 1 problems.
 *
 * @since 0.1.0
 * @category import
 */
export const exitCode = (report: Report): 0 | 1 => (report.problemCount > 0 ? 1 : 0)

/**
 * The report as the `--json` output prints it.
 *
 * @since 0.1.0
 * @category import
 */
export const toJson = (report: Report) => ({
  file: report.file,
  sha256: report.sha256,
  status: report.status,
  dryRun: report.dryRun,
  importId: report.importId,
  sheets: report.sheets,
  problems: report.problems.map((p) => ({
    sheet: p.sheet,
    cell: p.cell,
    row: p.row,
    column: p.column,
    value: p.value,
    expected: p.expected,
    code: p.code,
    message: p.message,
    ...(p.suggestions === undefined ? {} : { suggestions: p.suggestions })
  })),
  problemCount: report.problemCount,
  warnings: report.warnings,
  rejectedFile: report.rejectedFile
})
