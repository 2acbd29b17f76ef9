/**
 * A real client opens every exported kind: LibreOffice converts each workbook (to xlsx, written by its own
 * code, and the first sheet to CSV), and what it wrote holds the same values as what dvcc wrote.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Periode } from "@dvcc/core"
import { dataset, regio } from "@dvcc/midden-nederland"
import { convertWithLibreOffice, describeWithTool, libreOffice } from "@dvcc/testing-tools"
import { afterAll, assert, it } from "@effect/vitest"
import ExcelJS from "exceljs"
import { Export } from "../../src/index.ts"
import { bigDataset, registraties, utrecht } from "./fixtures.ts"

const jaarplan2026 = dataset.jaarplannen.find((p) => p.jaar === 2026)
if (jaarplan2026 === undefined) throw new Error("no year plan 2026 in the bundled data")

const workbooks = (): Record<string, ExcelJS.Workbook> => ({
  template: Export.templateWorkbook(regio),
  kpi: Export.kpiWorkbook({ dataset, jaar: 2025, peildatum: "2025-12-31" as Periode.Datum }),
  informatiebeeld: Export.informatiebeeldWorkbook(
    {
      regio,
      registraties: registraties(),
      reeksbreuken: dataset.reeksbreuken,
      periode: Periode.kwartaal(2025, 3),
      publiek: true
    },
    utrecht
  ),
  data: Export.dataWorkbook({ dataset: bigDataset() }).workbook,
  jaarplan: Export.jaarplanWorkbook(dataset.program, jaarplan2026)
})

/** A cell's value as plain data: the text of rich text, the result of a formula, a date as ISO text. */
const plain = (value: ExcelJS.CellValue): unknown => {
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (value !== null && typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("")
    if ("result" in value) return plain(value.result as ExcelJS.CellValue)
    if ("text" in value) return value.text
  }
  if (typeof value === "number") return Math.round(value * 1e9) / 1e9
  return value === "" ? null : value
}

const contents = (workbook: ExcelJS.Workbook) =>
  workbook.worksheets.map((sheet) => {
    const cells: Array<string> = []
    sheet.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const v = plain(cell.value)
        if (v !== null && v !== undefined) cells.push(`${r},${c}=${JSON.stringify(v)}`)
      })
    )
    return { name: sheet.name, state: sheet.state, cells }
  })

describeWithTool(libreOffice, "exports opened by LibreOffice", (soffice) => {
  const folders: Array<string> = []
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true })
  })
  const temporary = (prefix: string) => {
    const folder = mkdtempSync(join(tmpdir(), prefix))
    folders.push(folder)
    return folder
  }
  const convert = (folder: string, to: string, files: ReadonlyArray<string>) =>
    convertWithLibreOffice(soffice, files, { to, outDir: join(folder, to.split(":")[0] as string) })

  it("reads every exported kind with the same values on every sheet", { timeout: 240_000 }, async () => {
    const folder = temporary("dvcc-lo-export-")
    const kinds = workbooks()
    const files: Array<string> = []
    for (const [kind, workbook] of Object.entries(kinds)) {
      const file = join(folder, `${kind}.xlsx`)
      writeFileSync(file, new Uint8Array(await workbook.xlsx.writeBuffer()))
      files.push(file)
    }
    convert(folder, "xlsx", files)
    // comma-separated, double quotes, UTF-8 (76), first sheet
    convert(
      folder,
      "csv:Text - txt - csv (StarCalc):44,34,76,1",
      files.filter((f) => f.endsWith("kpi.xlsx"))
    )
    for (const kind of Object.keys(kinds)) {
      const ours = new ExcelJS.Workbook()
      await ours.xlsx.readFile(join(folder, `${kind}.xlsx`))
      const theirs = new ExcelJS.Workbook()
      await theirs.xlsx.readFile(join(folder, "xlsx", `${kind}.xlsx`))
      const expected = contents(ours)
      assert.isAbove(expected.flatMap((s) => s.cells).length, 10, kind)
      assert.deepStrictEqual(contents(theirs), expected, kind)
    }
    // the dropdowns survive LibreOffice's reading and writing
    const template = new ExcelJS.Workbook()
    await template.xlsx.readFile(join(folder, "xlsx", "template.xlsx"))
    const activiteiten = template.getWorksheet("Activiteiten")
    const soort = activiteiten?.getCell("C2").dataValidation
    assert.strictEqual(soort?.type, "list")
    assert.include(String(soort?.formulae?.[0]), "Echt-Nep-bijeenkomst")
    const gemeente = activiteiten?.getCell("B500").dataValidation
    assert.strictEqual(gemeente?.type, "list")
    assert.include(String(gemeente?.formulae?.[0]), "Lijsten")
    // LibreOffice's own CSV of the KPI sheet shows the status and the explanation as text
    const csv = readFileSync(join(folder, "csv", "kpi.csv"), "utf8")
    assert.include(csv, "KPI-dashboard jaarplan 2025")
    assert.include(csv, "15 kennisbijeenkomsten in 2025, gemiddeld 1,25 per maand (doel 1) — behaald")
    assert.match(csv, /"kennisbijeenkomsten",.*,1.25,"2025","31 december 2025","behaald",/)
  })
})
