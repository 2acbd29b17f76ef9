import { Jaarplan } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { assert, describe, it } from "@effect/vitest"
import type ExcelJS from "exceljs"
import { Export } from "../../src/index.ts"
import { headerRow, reload } from "./fixtures.ts"

describe("export jaarplan", () => {
  it("has one row per action with all its fields", async () => {
    for (const plan of dataset.jaarplannen) {
      const workbook = await reload(Export.jaarplanWorkbook(dataset.program, plan))
      const sheet = workbook.getWorksheet("Acties") as ExcelJS.Worksheet
      const header = headerRow(sheet, "Nummer", "Id")
      assert.deepStrictEqual((sheet.getRow(header).values as Array<unknown>).slice(1), [
        ...Export.jaarplanHeaders
      ])
      assert.strictEqual(sheet.rowCount - header, plan.acties.length)
      const col = (name: string) => Export.jaarplanHeaders.indexOf(name) + 1
      for (const actie of plan.acties) {
        let row: ExcelJS.Row | undefined
        for (let r = header + 1; r <= sheet.rowCount; r++) {
          if (sheet.getCell(r, 1).value === actie.nummer) row = sheet.getRow(r)
        }
        assert.isDefined(row, `actie ${actie.nummer}`)
        if (row === undefined) continue
        assert.strictEqual(row.getCell(col("Id")).value, actie.id)
        assert.strictEqual(row.getCell(col("Titel")).value, actie.titel)
        assert.strictEqual(row.getCell(col("Doel")).value, actie.doel)
        assert.strictEqual(row.getCell(col("Status")).value, Jaarplan.statusLabel(actie.status))
        const text = (name: string) => String(row?.getCell(col(name)).value ?? "")
        for (const output of actie.outputs) assert.include(text("Outputs"), output)
        for (const r of actie.beoogdeResultaten) assert.include(text("Beoogde resultaten"), r.tekst)
        for (const a of actie.aandachtspunten) assert.include(text("Aandachtspunten"), a)
        for (const c of actie.coordinatie) assert.include(text("Coördinatie"), c)
        for (const b of actie.baten) {
          const nummer = dataset.program.strategieperioden[0].baten.find((x) => x.id === b)?.nummer
          // the year plans' own name for an operational goal
          assert.include(text("Operationele doelen"), `Doel ${nummer}:`)
        }
        if (actie.voorganger !== null) {
          assert.strictEqual(text("Voorganger"), `${actie.voorganger.jaar}/${actie.voorganger.id}`)
        }
      }
      assert.strictEqual(sheet.pageSetup.orientation, "landscape")
      assert.isDefined(workbook.getWorksheet("Jaarplan"))
    }
  })
})
