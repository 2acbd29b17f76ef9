import { dataset } from "@dvcc/midden-nederland"
import { assert, describe, it } from "vitest"
import { Export } from "../src/index.ts"
import { freshDatabase, importBytes, registratiesHeader, workbook } from "./importFixtures.ts"

/** The exported template, filled in as a user would: one activity and one registration. */
const filledTemplate = async () => {
  const template = Export.templateWorkbook(dataset.regio)
  const fill = (sheet: string, values: ReadonlyArray<unknown>) =>
    values.forEach((v, i) => {
      const cell = template.getWorksheet(sheet)?.getCell(2, i + 1)
      if (cell === undefined) throw new Error(sheet)
      cell.value = v as never
    })
  fill("Activiteiten", [new Date(Date.UTC(2025, 2, 3)), "Utrecht", "Echt-Nep-bijeenkomst", 3, "senioren", 45])
  fill("Registraties", ["2025-Q1", "Amersfoort", "phishing", 12, null, 9, 1300.5])
  return Buffer.from(await template.xlsx.writeBuffer())
}

describe("Import skips the sheets that explain the workbook", () => {
  for (const stream of [false, true]) {
    it(`a filled template imports without a word about Instructies or the hidden lists (${stream ? "streamed" : "loaded whole"})`, async () => {
      const db = await freshDatabase()
      const report = await importBytes(db, await filledTemplate(), { dryRun: true, stream })
      assert.deepStrictEqual(report.problems, [])
      assert.deepStrictEqual(report.warnings, [])
      assert.deepStrictEqual(
        report.sheets.map((s) => [s.name, s.kind, s.rows, s.accepted]),
        [
          ["Instructies", null, 0, 0],
          ["Activiteiten", "activiteiten", 1, 1],
          ["Registraties", "registraties", 1, 1],
          ["Metingen", "metingen", 0, 0],
          ["Gebieden", "gebieden", 0, 0],
          [Export.lijstenSheet, null, 0, 0]
        ]
      )
    })
  }

  it("skips Toelichting and Uitleg sheets in any case, and says so for a hidden data sheet", async () => {
    const db = await freshDatabase()
    const bytes = await workbook(
      {
        "TOELICHTING bij de cijfers": [
          ["Periode", "Gemeente", "Delict"],
          ["Vul per maand in", "", ""]
        ],
        uitleg: [["Wat", "Hoe"]],
        Registraties: [[...registratiesHeader], ["2025", "Utrecht", "hacken", 4]],
        "Registraties oud": [[...registratiesHeader], ["2024", "Utrecht", "hacken", "vier"]],
        Notities: [["iets anders"]]
      },
      (ws) => {
        if (ws.name === "Registraties oud") ws.state = "hidden"
      }
    )
    for (const stream of [false, true]) {
      const report = await importBytes(db, bytes, { dryRun: true, stream })
      assert.strictEqual(report.problemCount, 0, JSON.stringify(report.problems))
      assert.deepStrictEqual(
        report.warnings.map((w) => [w.sheet, w.code]),
        [
          ["Registraties oud", "verborgen-blad"],
          ["Notities", "blad-overgeslagen"]
        ]
      )
      assert.strictEqual(report.sheets.find((s) => s.name === "Registraties")?.accepted, 1)
    }
  })
})
