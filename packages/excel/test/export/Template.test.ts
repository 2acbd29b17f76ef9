import { dataset, regio } from "@dvcc/midden-nederland"
import { assert, describe, it } from "@effect/vitest"
import type ExcelJS from "exceljs"
import { Contract, Export } from "../../src/index.ts"
import { reload } from "./fixtures.ts"

const template = async () => reload(Export.templateWorkbook(regio, dataset.indicatoren))

/** The values of a list a dropdown formula such as `Lijsten!$A$2:$A$39` points at. */
const listValues = (workbook: ExcelJS.Workbook, formula: string): Array<unknown> => {
  if (formula.startsWith('"')) return formula.slice(1, -1).split(",")
  const match = /^(\w+)!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(formula)
  assert.isNotNull(match, formula)
  const [, name, column, from, to] = match as unknown as [string, string, string, string, string]
  const sheet = workbook.getWorksheet(name) as ExcelJS.Worksheet
  const values: Array<unknown> = []
  for (let r = Number(from); r <= Number(to); r++) values.push(sheet.getCell(`${column}${r}`).value)
  return values
}

describe("export template", () => {
  it("has an instructions sheet, every sheet kind with the contract's headers, and a hidden list sheet", async () => {
    const workbook = await template()
    assert.deepStrictEqual(
      workbook.worksheets.map((s) => s.name),
      ["Instructies", "Activiteiten", "Registraties", "Metingen", "Gebieden", "Lijsten"]
    )
    assert.strictEqual(workbook.getWorksheet("Lijsten")?.state, "hidden")
    for (const sheet of Contract.sheets) {
      const worksheet = workbook.getWorksheet(sheet.name) as ExcelJS.Worksheet
      const headers = (worksheet.getRow(1).values as Array<unknown>).slice(1) as Array<string>
      assert.deepStrictEqual(
        headers,
        sheet.columns.map((c) => c.header)
      )
      // the importer's own matching recognises the sheet and every header
      assert.strictEqual(Contract.kindOfName(worksheet.name), sheet.kind)
      assert.deepStrictEqual(
        headers.map((h) => Contract.columnFor(sheet.kind, h)?.field),
        sheet.columns.map((c) => c.field)
      )
      assert.strictEqual(worksheet.actualRowCount, 1, `${sheet.name} has no data rows`)
    }
    // no cell outside the contract sheets looks like a contract header: the importer takes a row with
    // such a cell for a header row
    for (const name of ["Instructies", "Lijsten"]) {
      const worksheet = workbook.getWorksheet(name) as ExcelJS.Worksheet
      worksheet.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          for (const sheet of Contract.sheets) {
            assert.isUndefined(
              Contract.columnFor(sheet.kind, String(cell.value)),
              `${name} row ${r} column ${c}: ${String(cell.value)}`
            )
          }
        })
      )
    }
  })

  it("explains every column in Dutch on the instructions sheet", async () => {
    const instructies = (await template()).getWorksheet("Instructies") as ExcelJS.Worksheet
    const text = JSON.stringify(instructies.getSheetValues())
    for (const sheet of Contract.sheets) {
      for (const column of sheet.columns) assert.include(text, column.uitleg.replaceAll('"', '\\"'))
    }
    assert.include(text, "dvcc import")
    assert.include(text, "leeg is onbekend")
  })

  it("offers dropdowns of the region's gemeenten, activity types, delicten and doelgroepen", async () => {
    const workbook = await template()
    const dropdown = (sheet: string, header: string, row: number) => {
      const worksheet = workbook.getWorksheet(sheet) as ExcelJS.Worksheet
      const column = (worksheet.getRow(1).values as Array<unknown>).indexOf(header)
      const validation = worksheet.getCell(row, column).dataValidation
      assert.strictEqual(validation?.type, "list", `${sheet} ${header}`)
      return listValues(workbook, String(validation?.formulae?.[0]))
    }
    for (const [sheet, row] of [
      ["Activiteiten", 2],
      ["Gebieden", Export.templateRows + 1]
    ] as const) {
      assert.deepStrictEqual(
        dropdown(sheet, "Gemeente", row),
        regio.gemeenten.map((g) => g.naam)
      )
    }
    assert.deepStrictEqual(
      dropdown("Activiteiten", "Activiteit", 2),
      Contract.activiteitSoorten.map((l) => l.label)
    )
    assert.include(dropdown("Activiteiten", "Activiteit", 500), "Echt-Nep-bijeenkomst")
    assert.deepStrictEqual(
      dropdown("Activiteiten", "Doelgroep", 2),
      Contract.doelgroepen.map((l) => l.label)
    )
    assert.deepStrictEqual(
      dropdown("Registraties", "Delict", 2),
      Contract.delicten.map((l) => l.label)
    )
    assert.includeMembers(dropdown("Registraties", "Gemeente", 2), ["regio", "Utrecht"])
    assert.deepStrictEqual(
      dropdown("Metingen", "Bron", 2),
      Contract.bronnen.map((l) => l.label)
    )
    // the indicator ids of the year plans, once each, so a meting names an indicator that exists
    const ids = dropdown("Metingen", "Indicator", 2)
    assert.includeMembers(ids, ["kennisbijeenkomsten", "informatiebeeld-driehoek", "contentsuggesties"])
    assert.strictEqual(new Set(ids).size, ids.length)
    // every label a dropdown offers is one the importer accepts
    for (const list of ["activiteitSoort", "doelgroep", "delict", "bron"] as const) {
      for (const l of Contract.labelLists[list])
        assert.strictEqual(Contract.canonicalOf(list, l.label), l.value)
    }
  })

  it("formats dates, counts and money as the contract says", async () => {
    const workbook = await template()
    for (const sheet of Contract.sheets) {
      const worksheet = workbook.getWorksheet(sheet.name) as ExcelJS.Worksheet
      sheet.columns.forEach((column, i) => {
        if (column.numFmt === undefined) return
        assert.strictEqual(
          worksheet.getCell(2, i + 1).numFmt,
          column.numFmt,
          `${sheet.name} ${column.header}`
        )
        assert.strictEqual(worksheet.getCell(Export.templateRows + 1, i + 1).numFmt, column.numFmt)
      })
    }
    const activiteiten = workbook.getWorksheet("Activiteiten") as ExcelJS.Worksheet
    assert.strictEqual(activiteiten.getCell("A2").numFmt, "dd-mm-yyyy")
    assert.strictEqual(activiteiten.getCell("A2").dataValidation?.type, "date")
    const registraties = workbook.getWorksheet("Registraties") as ExcelJS.Worksheet
    assert.strictEqual(registraties.getCell("G2").numFmt, Contract.numFmt.money)
    assert.strictEqual(registraties.getCell("D2").dataValidation?.type, "whole")
  })
})
