/**
 * Reads a workbook by the contract: finds each sheet's kind and header row, hands every row to the reader
 * of its kind of sheet (`readers/`, one per kind, reading the row into a record of dvcc's types), and
 * collects what is wrong as problems naming sheet, cell, row, column, the value found and what was
 * expected. Adding a kind of sheet is adding its reader to `readers` below. Plain async code over plain
 * data (the hot path of a 200,000-row import); the Effect edge is `Import.ts`.
 */
import type { Access, Bespreking, Dataset, Geography, Periode } from "@dvcc/core"
import { Registration } from "@dvcc/core"
import {
  columnFor,
  isInstructionSheet,
  kindOfName,
  matchKey,
  type Sheet,
  type SheetKind,
  sheet as sheetOf,
  sheets
} from "../Contract.ts"
import { type Cell, display, isEmpty } from "../Values.ts"
import { columnLetters, defaultLimits, LimitExceeded, type Limits } from "./fileCheck.ts"
import { type Row, readSheets } from "./reader.ts"
import { activiteiten } from "./readers/activiteiten.ts"
import { gebieden } from "./readers/gebieden.ts"
import { metingen } from "./readers/metingen.ts"
import { registraties } from "./readers/registraties.ts"
import { type MakeReader, type Mapping, RowCells, type SheetReader, Workbook } from "./row.ts"

export interface Problem {
  readonly sheet: string
  /** `Activiteiten!C14`. */
  readonly cell: string
  readonly row: number
  /** The column's header as the contract names it (or its letter when it has none). */
  readonly column: string
  readonly value: string
  readonly expected: string
  readonly code: string
  readonly message: string
  /** For an unknown label: the closest valid ones. */
  readonly suggestions?: ReadonlyArray<string> | undefined
}

export interface Warning {
  readonly sheet: string
  readonly cell?: string | undefined
  readonly code: string
  readonly message: string
}

export interface SheetResult {
  readonly name: string
  readonly kind: SheetKind | null
  /** Data rows read (not the header, empty rows or skipped rows). */
  rows: number
  valid: number
  rejected: number
  skipped: number
}

/** A valid row, ready for the store. */
export interface Parsed<A> {
  readonly sheet: string
  readonly row: number
  readonly record: A
}

export interface ActivityRow {
  readonly datum: Periode.Datum
  readonly gemeente: Geography.CbsCode
  readonly soort: string
  readonly actie?: number
  readonly doelgroep?: string
  readonly bereik?: number
  readonly omschrijving?: string
  readonly bespreking?: Bespreking.Bespreking
}

export interface MeasurementRow {
  readonly indicator: string
  readonly jaar: number
  readonly periode: Periode.Periode
  readonly gebied: Geography.Gebied
  readonly waarde: number
  readonly bron: string
  /** The milestone the row measures, for an indicator with milestones. */
  readonly mijlpaal?: string
  /** The date the value held, for a measurement of part of its period. */
  readonly peildatum?: Periode.Datum
  readonly toelichting?: string
}

export interface GebiedRow {
  readonly gemeente: Geography.CbsCode
  readonly district?: string
  readonly basisteam?: string
  readonly inwoners?: number
  readonly peildatum?: Periode.Datum
}

/** A rejected row as it was, for the `.afgekeurd.xlsx` workbook. */
export interface RejectedRow {
  readonly row: number
  readonly values: ReadonlyArray<string>
  readonly reason: string
}

export interface RejectedSheet {
  readonly name: string
  readonly headers: ReadonlyArray<string>
  readonly rows: Array<RejectedRow>
}

/** Valid rows, handed over in batches while the workbook is read. */
export interface Batch {
  readonly registraties: ReadonlyArray<Parsed<Registration.Registration>>
  readonly activiteiten: ReadonlyArray<Parsed<ActivityRow>>
  readonly metingen: ReadonlyArray<Parsed<MeasurementRow>>
  readonly gebieden: ReadonlyArray<Parsed<GebiedRow>>
  /** Problems found so far (in the whole workbook, up to and including this batch). */
  readonly problemsSoFar: number
}

export interface ParseResult {
  readonly sheets: ReadonlyArray<SheetResult>
  readonly problems: ReadonlyArray<Problem>
  readonly problemCount: number
  readonly warnings: ReadonlyArray<Warning>
  readonly rejected: ReadonlyArray<RejectedSheet>
}

export interface ParseOptions {
  readonly maxProblems: number
  readonly stream?: boolean | undefined
  readonly onProgress?: ((rows: number, sheet: string) => void) | undefined
  /** Keep rejected rows for the `.afgekeurd.xlsx` workbook. */
  readonly keepRejected: boolean
  /** Hand over valid rows every this many (default: all at the end). */
  readonly batchSize?: number | undefined
  /** Who may import what: with `gemeenten`, every row must be about one of them. */
  readonly scope?: Access.Visibility | undefined
  /** The kinds of sheet this import may write; every row of another kind is a `geen-recht` problem. */
  readonly writes?: ReadonlyArray<SheetKind> | undefined
  /** Rows, cells and text (see `Limits`); default `defaultLimits`. */
  readonly limits?: Limits | undefined
}

/** The herkomst of every imported registration: not the file, so the same rows from another file are unchanged. */
export const importHerkomst = Registration.importHerkomst

const headerSearchRows = 30

const matchHeader = (kind: SheetKind, cells: ReadonlyArray<Cell>) => {
  const mappings: Array<Mapping> = []
  const extra: Array<{ readonly index: number; readonly header: string }> = []
  const seen = new Set<string>()
  cells.forEach((cell, index) => {
    const header = display(cell)
    if (header === "") return
    const column = columnFor(kind, header)
    if (column === undefined || seen.has(column.field)) extra.push({ index, header })
    else {
      seen.add(column.field)
      mappings.push({ column, index })
    }
  })
  const definition = sheetOf(kind)
  const missing = definition.columns.filter((c) => c.required && !seen.has(c.field))
  const noCount = definition.atLeastOne.length > 0 && !definition.atLeastOne.some((f) => seen.has(f))
  return { mappings, extra, missing, noCount, matched: seen.size }
}

/** The kind and header of a sheet, from its name or else its header row. */
const findHeader = (name: string, rows: ReadonlyArray<Row>) => {
  const named = kindOfName(name)
  const kinds: ReadonlyArray<SheetKind> = named === undefined ? sheets.map((s) => s.kind) : [named]
  let best:
    | { readonly kind: SheetKind; readonly row: Row; readonly match: ReturnType<typeof matchHeader> }
    | undefined
  for (const row of rows) {
    for (const kind of kinds) {
      const match = matchHeader(kind, row.cells)
      if (match.missing.length === 0 && match.matched >= 2) return { named, found: { kind, row, match } }
      if (match.matched > 0 && (best === undefined || match.matched > best.match.matched))
        best = { kind, row, match }
    }
  }
  return { named, found: undefined, best }
}

const sheetRef = (name: string) => (/^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replaceAll("'", "''")}'`)

/** The reader of each kind of sheet. */
const readers: { readonly [K in SheetKind]: MakeReader } = { registraties, activiteiten, metingen, gebieden }

/** Reads the rest of a sheet unseen. */
const drain = async (iterator: AsyncIterator<Row>) => {
  for await (const _ of { [Symbol.asyncIterator]: () => iterator }) void _
}

/**
 * Reads the workbook's sheets by the contract: yields the valid rows in batches (the last one at the end)
 * and returns the sheets, problems and warnings.
 */
export async function* parseWorkbook(
  bytes: Buffer,
  context: { readonly dataset: Dataset.Dataset },
  options: ParseOptions
): AsyncGenerator<Batch, ParseResult> {
  const limits = options.limits ?? defaultLimits
  const workbook = new Workbook(context.dataset, options, limits)
  const { collector, warnings } = workbook
  const results: Array<SheetResult> = []
  const rejected: Array<RejectedSheet> = []
  const batchSize = options.batchSize ?? Number.POSITIVE_INFINITY
  const take = (): Batch => ({ ...workbook.take(), problemsSoFar: collector.count })
  // One reader per kind of sheet for the whole workbook, made at its first sheet.
  const made = new Map<SheetKind, SheetReader>()
  const readerOf = (kind: SheetKind): SheetReader => {
    let reader = made.get(kind)
    if (reader === undefined) {
      reader = readers[kind](workbook)
      made.set(kind, reader)
    }
    return reader
  }
  let totalRows = 0
  let dataRows = 0

  for await (const { name, hidden, rows } of readSheets(bytes, { stream: options.stream, limits })) {
    const ref = sheetRef(name)
    const sheetIndex = workbook.sheetRefs.push(ref) - 1
    // Explanations (the template's Instructies) and hidden sheets (its dropdown lists) hold no data: skipped
    // unread. A hidden sheet named like a contract sheet is mentioned, since its rows are not imported.
    if (hidden || isInstructionSheet(name)) {
      results.push({ name, kind: null, rows: 0, valid: 0, rejected: 0, skipped: 0 })
      if (hidden && kindOfName(name) !== undefined) {
        warnings.push({
          sheet: name,
          code: "verborgen-blad",
          message: `Blad ${name} is verborgen en is overgeslagen; maak het zichtbaar als de rijen geïmporteerd moeten worden.`
        })
      }
      continue
    }
    const head: Array<Row> = []
    const iterator = rows[Symbol.asyncIterator]()
    let done = false
    while (head.length < headerSearchRows) {
      const next = await iterator.next()
      if (next.done === true) {
        done = true
        break
      }
      if (next.value.cells.some((c) => !isEmpty(c))) head.push(next.value)
    }
    const { named, found, best } = findHeader(name, head)
    if (found === undefined) {
      if (named === undefined && best === undefined) {
        warnings.push({
          sheet: name,
          code: "blad-overgeslagen",
          message: `Blad ${name} is overgeslagen: de naam en de kopregel passen bij geen van de bladen ${sheets.map((s) => s.name).join(", ")}.`
        })
        results.push({ name, kind: null, rows: 0, valid: 0, rejected: 0, skipped: 0 })
        if (!done) await drain(iterator)
        continue
      }
      const kind = named ?? (best?.kind as SheetKind)
      const definition = sheetOf(kind)
      const at = best?.row.number ?? 1
      const missing = best === undefined ? definition.columns.filter((c) => c.required) : best.match.missing
      const expected = `een kopregel met ${definition.columns
        .filter((c) => c.required)
        .map((c) => c.header)
        .join(", ")}`
      collector.add(() => ({
        sheet: name,
        cell: `${ref}!A${at}`,
        row: at,
        column: "",
        value:
          best === undefined
            ? ""
            : best.row.cells
                .map(display)
                .filter((s) => s !== "")
                .join(" | "),
        expected,
        code: best === undefined ? "geen-kopregel" : "kolom-ontbreekt",
        message:
          best === undefined
            ? `Blad ${name}: geen kopregel gevonden in de eerste ${headerSearchRows} rijen; verwacht ${expected}.`
            : `Blad ${name}, kopregel in rij ${at}: ${missing.length === 1 ? "kolom" : "kolommen"} ${missing.map((c) => c.header).join(", ")} ontbreken; verwacht ${expected}.`
      }))
      results.push({ name, kind, rows: 0, valid: 0, rejected: 1, skipped: 0 })
      if (!done) await drain(iterator)
      continue
    }
    const { kind, row: headerRow, match } = found
    const definition = sheetOf(kind)
    if (match.noCount) {
      collector.add(() => ({
        sheet: name,
        cell: `${ref}!A${headerRow.number}`,
        row: headerRow.number,
        column: "",
        value: headerRow.cells
          .map(display)
          .filter((s) => s !== "")
          .join(" | "),
        expected: `minstens één van de kolommen ${definition.atLeastOne.map((f) => definition.columns.find((c) => c.field === f)?.header).join(", ")}`,
        code: "kolom-ontbreekt",
        message: `Blad ${name}, kopregel in rij ${headerRow.number}: geen van de kolommen ${definition.atLeastOne
          .map((f) => definition.columns.find((c) => c.field === f)?.header)
          .join(", ")} staat erin; er is er minstens één nodig.`
      }))
    }
    for (const extra of match.extra) {
      warnings.push({
        sheet: name,
        cell: `${ref}!${columnLetters(extra.index + 1)}${headerRow.number}`,
        code: "kolom-genegeerd",
        message: `Blad ${name}: kolom "${extra.header}" (${columnLetters(extra.index + 1)}) hoort niet bij het blad ${definition.name} en is genegeerd.`
      })
    }
    const result: SheetResult = { name, kind, rows: 0, valid: 0, rejected: 0, skipped: 0 }
    results.push(result)
    const rejectedSheet: RejectedSheet = {
      name,
      headers: match.mappings.map((m) => m.column.header),
      rows: []
    }
    if (options.keepRejected) rejected.push(rejectedSheet)
    const reader = readerOf(kind)
    const cells = new RowCells(workbook, { name, ref, index: sheetIndex }, match.mappings)
    const mayWrite = options.writes === undefined || options.writes.includes(kind)

    const handle = (row: Row) => {
      let firstFilled: Cell | undefined
      for (const cell of row.cells) {
        if (!isEmpty(cell)) {
          firstFilled = cell
          break
        }
      }
      if (firstFilled === undefined) return
      if (isTotaal(firstFilled)) {
        result.skipped++
        warnings.push({
          sheet: name,
          cell: `${ref}!A${row.number}`,
          code: "totaalrij",
          message: `Blad ${name}, rij ${row.number}: totaalrij overgeslagen.`
        })
        return
      }
      result.rows++
      if (++dataRows > limits.maxRows) {
        throw new LimitExceeded(
          "te-veel-rijen",
          `De werkmap heeft meer dan ${limits.maxRows.toLocaleString("nl-NL")} rijen (bij blad ${name}, rij ${row.number}); splits de gegevens over meer werkmappen.`
        )
      }
      cells.start(row)
      if (!mayWrite) {
        const field = kind === "registraties" || kind === "metingen" ? "gebied" : "gemeente"
        cells.problem(
          cells.mapping(field),
          cells.cell(field),
          "geen-recht",
          kind === "gebieden"
            ? "geen blad Gebieden (alleen een beheerder wijzigt de indeling en inwonertallen)"
            : `geen blad ${name} (dit token importeert alleen ${options.writes?.join(", ") || "niets"})`,
          kind === "gebieden"
            ? "dit token mag district, basisteam en inwoners niet wijzigen; laat het blad Gebieden weg of vraag een beheerder."
            : `dit token mag geen ${kind} importeren; laat het blad ${name} weg.`
        )
      }
      reader.read(cells)
      if (cells.reasons === undefined) result.valid++
      else {
        result.rejected++
        if (options.keepRejected) {
          rejectedSheet.rows.push({
            row: row.number,
            values: match.mappings.map((m) => display(row.cells[m.index] ?? { _tag: "empty" })),
            reason: cells.reasons.join("; ")
          })
        }
      }
      totalRows++
      if (options.onProgress !== undefined && totalRows % 10_000 === 0) options.onProgress(totalRows, name)
    }

    for (const row of head) {
      if (row.number <= headerRow.number) continue
      handle(row)
      if (workbook.pendingCount() >= batchSize) yield take()
    }
    if (!done) {
      for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
        handle(next.value)
        if (workbook.pendingCount() >= batchSize) yield take()
      }
    }
  }
  if (workbook.pendingCount() > 0) yield take()
  for (const reader of made.values()) reader.finish?.()
  return {
    sheets: results,
    problems: collector.problems,
    problemCount: collector.count,
    warnings,
    rejected
  }
}

/** Whether a row's first filled cell makes it a totals row (`Totaal`, `TOTAAL 2025`). */
const isTotaal = (cell: Cell): boolean => {
  if (cell._tag !== "text") return false
  const text = cell.value.trimStart()
  return (text.charCodeAt(0) | 32) === 116 && matchKey(text.slice(0, 12)).startsWith("totaal")
}

export type { Sheet }
