/**
 * The `.afgekeurd.xlsx` workbook: the rejected rows as they were, per sheet, with their original row
 * number and the reason, so they can be corrected and imported again.
 */
import ExcelJS from "exceljs"
import type { ParseResult } from "./parse.ts"

export const rejectedWorkbook = async (parsed: ParseResult): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook()
  for (const sheet of parsed.rejected) {
    if (sheet.rows.length === 0) continue
    const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31))
    worksheet.addRow([...sheet.headers, "Oorspronkelijke rij", "Reden afkeuring"]).font = { bold: true }
    for (const row of sheet.rows) worksheet.addRow([...row.values, row.row, row.reason])
    worksheet.views = [{ state: "frozen", ySplit: 1 }]
  }
  const sheetProblems = parsed.problems.filter((p) => p.column === "")
  if (sheetProblems.length > 0 || workbook.worksheets.length === 0) {
    const worksheet = workbook.addWorksheet("Afgekeurde bladen")
    worksheet.addRow(["Blad", "Cel", "Reden afkeuring"]).font = { bold: true }
    for (const p of sheetProblems) worksheet.addRow([p.sheet, p.cell, p.message])
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
