/**
 * Layout shared by the exported workbooks: title block, header row, number formats, status colours and
 * the print setup every sheet gets (A4 landscape, fit to width, header row repeated on each page).
 */
import type { Progress } from "@dvcc/core"
import ExcelJS from "exceljs"

/** Number formats as Excel stores them (it shows them in the reader's locale: `1.234,5` in Dutch). */
export const formats = {
  geheel: "#,##0",
  decimaal: "#,##0.0#",
  procent: '#,##0.0"%"',
  euro: '"€" #,##0',
  datum: "dd-mm-yyyy"
} as const

/** Fill colours per status, the conventional traffic light; the status is always written out too. */
export const statusKleur: Record<Progress.Status, string> = {
  behaald: "FF63BE7B",
  "op-koers": "FFC6EFCE",
  aandacht: "FFFFEB9C",
  achter: "FFFFC7CE",
  "geen-data": "FFD9D9D9",
  volgt: "FFDDEBF7"
}

const headerFill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } }

export const fill = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } })

/** A new workbook with the programme as its author. */
export const newWorkbook = (titel: string): ExcelJS.Workbook => {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = "dvcc"
  workbook.title = titel
  // Fixed, so the same data gives the same file.
  workbook.created = new Date(Date.UTC(2025, 0, 1))
  workbook.modified = workbook.created
  return workbook
}

/** Excel allows 31 characters and no `[]:*?/\` in a sheet name. */
export const sheetName = (name: string): string => {
  const clean = name.replace(/[[\]:*?/\\]/g, "-").trim()
  return clean.length <= 31 ? clean : `${clean.slice(0, 30).trimEnd()}…`
}

export interface Column {
  readonly header: string
  readonly width: number
  readonly numFmt?: string
  /** Long text: wrapped, top-aligned. */
  readonly wrap?: boolean
  readonly center?: boolean
}

/** Writes a title (bold) and subtitles (italic) from row 1, then an empty row; returns the next row. */
export const titleBlock = (
  sheet: ExcelJS.Worksheet,
  titel: string,
  subtitels: ReadonlyArray<string>
): number => {
  const cell = sheet.getCell(1, 1)
  cell.value = titel
  cell.font = { bold: true, size: 14 }
  subtitels.forEach((subtitel, i) => {
    sheet.getCell(i + 2, 1).value = subtitel
    sheet.getCell(i + 2, 1).font = { italic: true }
  })
  return subtitels.length + 3
}

/**
 * Writes the header row at `row`; freezes everything down to it, puts an autofilter on it and sets up
 * printing with it repeated on every page.
 */
export const header = (sheet: ExcelJS.Worksheet, row: number, columns: ReadonlyArray<Column>): void => {
  const headerRow = sheet.getRow(row)
  columns.forEach((column, i) => {
    const cell = headerRow.getCell(i + 1)
    cell.value = column.header
    cell.font = { bold: true, color: { argb: "FFFFFFFF" } }
    cell.fill = headerFill
    cell.alignment = { vertical: "middle", wrapText: true }
    const sheetColumn = sheet.getColumn(i + 1)
    sheetColumn.width = column.width
    if (column.numFmt !== undefined) sheetColumn.numFmt = column.numFmt
  })
  headerRow.height = Math.max(...columns.map((c) => lineCount(c.header, c.width))) * lineHeight + 4
  sheet.views = [{ state: "frozen", ySplit: row, xSplit: 0, topLeftCell: `A${row + 1}` }]
  sheet.autoFilter = { from: { row, column: 1 }, to: { row, column: columns.length } }
  printSetup(sheet, row)
}

/** Title block and header row; returns the header's row number. */
export const table = (
  sheet: ExcelJS.Worksheet,
  titel: string,
  subtitels: ReadonlyArray<string>,
  columns: ReadonlyArray<Column>
): number => {
  const row = titleBlock(sheet, titel, subtitels)
  header(sheet, row, columns)
  return row
}

/** A4 landscape, one page wide, the header row repeated on every page. */
export const printSetup = (sheet: ExcelJS.Worksheet, headerRow?: number): void => {
  sheet.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    ...(headerRow === undefined ? {} : { printTitlesRow: `${headerRow}:${headerRow}` })
  }
  sheet.headerFooter = { oddFooter: "&L&A&RPagina &P van &N" }
}

/**
 * Puts `values` in the next row; `null` and `undefined` stay empty cells (unknown, never 0). Columns
 * marked `wrap` wrap and align to the top.
 */
export const addRow = (
  sheet: ExcelJS.Worksheet,
  values: ReadonlyArray<ExcelJS.CellValue | undefined>,
  columns?: ReadonlyArray<Column>
): ExcelJS.Row => {
  const row = sheet.addRow(values.map((v) => (v === undefined ? null : v)))
  row.alignment = { vertical: "top" }
  let lines = 1
  columns?.forEach((column, i) => {
    if (column.center === true) row.getCell(i + 1).alignment = { vertical: "top", horizontal: "center" }
    if (column.wrap !== true) return
    row.getCell(i + 1).alignment = { vertical: "top", wrapText: true }
    const value = values[i]
    if (typeof value === "string") lines = Math.max(lines, lineCount(value, column.width))
  })
  // Spreadsheet programs do not grow a row for wrapped text on opening a file: give it the height it needs.
  if (lines > 1) row.height = lines * lineHeight
  return row
}

const lineHeight = 15

/** How many lines `text` takes in a column `width` characters wide, wrapping at spaces. */
export const lineCount = (text: string, width: number): number => {
  const room = Math.max(4, Math.floor(width * 0.95) - 1)
  let lines = 0
  for (const paragraph of text.split("\n")) {
    let line = 0
    lines++
    for (const word of paragraph.split(" ")) {
      if (line > 0 && line + 1 + word.length > room) {
        lines++
        line = word.length
      } else line += (line > 0 ? 1 : 0) + word.length
    }
  }
  return lines
}

/** A cell value for a number the data may not know. */
export const getal = (value: number | null | undefined): number | null =>
  value === null || value === undefined ? null : value

/** `2025-03-02` as an Excel date (UTC midnight, which Excel shows as that day). */
export const excelDatum = (datum: string): Date => new Date(`${datum}T00:00:00.000Z`)

/** Colours a status cell and writes the Dutch label in it. */
export const statusCell = (cell: ExcelJS.Cell, status: Progress.Status, label: string): void => {
  cell.value = label
  cell.fill = fill(statusKleur[status])
  cell.font = { bold: true }
  cell.alignment = { vertical: "top", horizontal: "center" }
}

/** The workbook as the bytes of an .xlsx file. */
export const bytes = async (workbook: ExcelJS.Workbook): Promise<Uint8Array> =>
  new Uint8Array(await workbook.xlsx.writeBuffer())
