/**
 * The sheets of an xlsx as rows of `Cell`s. Small files are loaded whole by exceljs (which resolves merged
 * cells); larger ones stream through `xlsxStream.ts`, one chunk of sheet XML at a time.
 */
import ExcelJS from "exceljs"
import { type Cell, dateOfSerial } from "../Values.ts"
import {
  defaultLimits,
  LimitExceeded,
  type Limits,
  maxCellText,
  maxColumns,
  uncompressedSize
} from "./fileCheck.ts"
import { readXlsx } from "./xlsxStream.ts"

export interface Row {
  readonly number: number
  /** Cells by column, index 0 is column A; trailing empty cells are left off. */
  readonly cells: ReadonlyArray<Cell>
}

export interface SheetRows {
  readonly name: string
  /** Hidden in Excel (`hidden` or `veryHidden`). */
  readonly hidden: boolean
  readonly rows: AsyncIterable<Row>
}

const emptyCell: Cell = { _tag: "empty" }

const isDateFormat = (format: string | undefined): boolean =>
  format !== undefined && /[dmy]/i.test(format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ""))

const isPercentFormat = (format: string | undefined): boolean =>
  format?.replace(/"[^"]*"|\\./g, "").includes("%") === true

/** An exceljs cell value as a `Cell`; `format` is the cell's number format. */
export const toCell = (value: unknown, format: string | undefined, date1904 = false): Cell => {
  if (value === null || value === undefined) return emptyCell
  if (typeof value === "number") {
    if (isDateFormat(format) && !isPercentFormat(format))
      return { _tag: "date", value: dateOfSerial(value, date1904) }
    return { _tag: "number", value, percent: isPercentFormat(format) }
  }
  if (typeof value === "string") return value === "" ? emptyCell : { _tag: "text", value }
  if (typeof value === "boolean") return { _tag: "text", value: value ? "WAAR" : "ONWAAR" }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? emptyCell : { _tag: "date", value }
  if (typeof value === "object") {
    const v = value as Record<string, unknown>
    if ("formula" in v || "sharedFormula" in v) {
      if (v.result === undefined || v.result === null)
        return { _tag: "error", value: "formule zonder berekende waarde" }
      return toCell(v.result, format, date1904)
    }
    if ("error" in v) return { _tag: "error", value: String(v.error) }
    if (Array.isArray(v.richText)) {
      return {
        _tag: "text",
        value: (v.richText as Array<{ text?: string }>).map((r) => r.text ?? "").join("")
      }
    }
    if ("text" in v) return toCell(v.text, format, date1904)
  }
  return { _tag: "text", value: String(value) }
}

interface ExcelCell {
  readonly value: unknown
  readonly numFmt?: string
}

interface ExcelRow {
  readonly number: number
  eachCell(callback: (cell: ExcelCell, column: number) => void): void
}

const toRow = (row: ExcelRow, date1904: boolean): Row => {
  const cells: Array<Cell> = []
  row.eachCell((cell, column) => {
    if (column > maxColumns) return
    const converted = toCell(cell.value, cell.numFmt, date1904)
    if (converted._tag === "empty") return
    while (cells.length < column - 1) cells.push(emptyCell)
    cells[column - 1] = converted
  })
  return { number: row.number, cells }
}

/** Files up to this size are loaded whole, so merged cells are resolved. */
export const loadWholeBelow = 1024 * 1024

/**
 * The sheets of the workbook, in order, from either reader, held to the same limits: at most
 * `limits.maxCells` cells with a value in all sheets together, and no cell with more text than Excel allows.
 * A workbook is loaded whole only when it is small unpacked too (exceljs keeps about 40 bytes per byte of
 * sheet XML): a small file that unpacks to more streams.
 */
export async function* readSheets(
  bytes: Buffer,
  options: { readonly stream?: boolean | undefined; readonly limits?: Limits | undefined } = {}
): AsyncGenerator<SheetRows> {
  const limits = options.limits ?? defaultLimits
  const stream =
    options.stream ?? (bytes.length > loadWholeBelow || uncompressedSize(bytes) > limits.maxWholeLoadBytes)
  let cells = 0
  const counted = (rows: AsyncIterable<Row>, sheet: string): AsyncIterable<Row> => ({
    async *[Symbol.asyncIterator]() {
      for await (const row of rows) {
        for (const cell of row.cells) {
          if (cell._tag === "empty") continue
          cells++
          if (cell._tag === "text" && cell.value.length > maxCellText) {
            throw new LimitExceeded(
              "te-lange-cel",
              `Blad ${sheet}, rij ${row.number}: een cel bevat ${cell.value.length} tekens, meer dan Excel in een cel toestaat (${maxCellText}).`
            )
          }
        }
        if (cells > limits.maxCells) {
          throw new LimitExceeded(
            "te-veel-cellen",
            `De werkmap heeft meer dan ${limits.maxCells.toLocaleString("nl-NL")} gevulde cellen (bij blad ${sheet}, rij ${row.number}); splits de gegevens over meer werkmappen.`
          )
        }
        yield row
      }
    }
  })
  for await (const sheet of read(bytes, stream)) yield { ...sheet, rows: counted(sheet.rows, sheet.name) }
}

async function* read(bytes: Buffer, stream: boolean): AsyncGenerator<SheetRows> {
  if (!stream) {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const date1904 = workbook.properties.date1904 === true
    for (const worksheet of workbook.worksheets) {
      yield {
        name: worksheet.name,
        hidden: worksheet.state === "hidden" || worksheet.state === "veryHidden",
        rows: (async function* () {
          const rows: Array<Row> = []
          worksheet.eachRow((row) => {
            const converted = toRow(row as unknown as ExcelRow, date1904)
            // A row of empty strings is no row, as in the streaming reader.
            if (converted.cells.length > 0) rows.push(converted)
          })
          yield* rows
        })()
      }
    }
    return
  }
  yield* readXlsx(bytes)
}
