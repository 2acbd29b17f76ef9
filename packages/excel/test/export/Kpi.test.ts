import { Periode, Progress, Status } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { assert, describe, it } from "@effect/vitest"
import type ExcelJS from "exceljs"
import { Export } from "../../src/index.ts"
import { headerRow, reload } from "./fixtures.ts"

const peildatum = "2025-12-31" as Periode.Datum

const fillOf = (cell: ExcelJS.Cell): string | undefined =>
  cell.fill?.type === "pattern" ? cell.fill.fgColor?.argb : undefined

const kpi = async (jaar: number, datum: Periode.Datum = peildatum) =>
  reload(Export.kpiWorkbook({ dataset, jaar, peildatum: datum }))

describe("export kpi", () => {
  it("has one row per indicator with status text, colour and the explanation dvcc status prints", async () => {
    for (const [jaar, datum] of [
      [2025, peildatum],
      [2026, "2026-11-25" as Periode.Datum]
    ] as const) {
      const workbook = await kpi(jaar, datum)
      const sheet = workbook.getWorksheet("Indicatoren") as ExcelJS.Worksheet
      const header = headerRow(sheet, "Strategisch doel", "Doel")
      assert.deepStrictEqual((sheet.getRow(header).values as Array<unknown>).slice(1), [...Export.kpiHeaders])
      const indicatoren = dataset.indicatoren.filter((i) => i.jaar === jaar)
      const progress = Status.ofYear(dataset, jaar, datum).indicatoren
      // the first line names the peildatum
      assert.include(String(sheet.getCell(1, 1).value), `peildatum ${Periode.datumLabel(datum)}`)
      assert.strictEqual(sheet.rowCount - header, indicatoren.length)
      const column = (name: string) => Export.kpiHeaders.indexOf(name) + 1
      for (let r = header + 1; r <= sheet.rowCount; r++) {
        const row = sheet.getRow(r)
        const p = progress.find((x) => x.indicator === row.getCell(column("Indicator")).value)
        assert.isDefined(p)
        if (p === undefined) continue
        const status = row.getCell(column("Status"))
        assert.strictEqual(status.value, Progress.statusLabel[p.status])
        assert.strictEqual(fillOf(status), Export.statusKleur[p.status])
        assert.strictEqual(row.getCell(column("Uitleg")).value, p.uitleg)
        assert.strictEqual(row.getCell(column("Laatste waarde")).value, p.cijfers.gemeten)
        // a period of the latest value only where there is one
        assert.strictEqual(
          row.getCell(column("Periode laatste waarde")).value === null,
          p.cijfers.gemeten === null
        )
      }
    }
  })

  it("writes baseline, target and latest value as numbers in the indicator's unit", async () => {
    const sheet = (await kpi(2025)).getWorksheet("Indicatoren") as ExcelJS.Worksheet
    const header = headerRow(sheet, "Strategisch doel", "Doel")
    const row = (id: string) => {
      for (let r = header + 1; r <= sheet.rowCount; r++) {
        if (sheet.getCell(r, 3).value === id) return sheet.getRow(r)
      }
      throw new Error(id)
    }
    const kennis = row("kennisbijeenkomsten")
    assert.strictEqual(kennis.getCell(8).value, 1)
    assert.strictEqual(kennis.getCell(10).value, 1.25)
    assert.strictEqual(kennis.getCell(13).value, "behaald")
    assert.strictEqual(
      kennis.getCell(14).value,
      "15 kennisbijeenkomsten in 2025, gemiddeld 1,25 per maand (doel 1) — behaald"
    )
    const bereidheid = row("aangiftebereidheid")
    assert.strictEqual(bereidheid.getCell(6).value, 16.9)
    assert.strictEqual(bereidheid.getCell(6).numFmt, Export.formats.procent)
    assert.strictEqual(bereidheid.getCell(7).value, "2023")
    assert.strictEqual(bereidheid.getCell(8).value, 20)
    // unknown stays empty, never 0
    assert.isNull(kennis.getCell(6).value)
  })

  it("freezes the header, filters it and prints A4 landscape one page wide", async () => {
    const workbook = await kpi(2025)
    for (const sheet of workbook.worksheets) {
      const header = headerRow(sheet, "Strategisch doel", "Doel")
      const view = sheet.views[0] as ExcelJS.WorksheetView & { ySplit?: number }
      assert.strictEqual(view.state, "frozen", sheet.name)
      assert.strictEqual(view.ySplit, header, sheet.name)
      assert.strictEqual(sheet.autoFilter, `A${header}:O${header}`, sheet.name)
      assert.strictEqual(sheet.pageSetup.orientation, "landscape")
      assert.strictEqual(sheet.pageSetup.paperSize, 9)
      assert.strictEqual(sheet.pageSetup.fitToPage, true)
      assert.strictEqual(sheet.pageSetup.fitToWidth, 1)
      assert.strictEqual(sheet.pageSetup.fitToHeight, 0)
    }
  })

  it("has a sheet per doel with the doel's and its baten's status above its indicators", async () => {
    const workbook = await kpi(2025)
    assert.strictEqual(workbook.worksheets.length, 1 + dataset.program.strategieperioden[0].doelen.length)
    const eerste = workbook.worksheets[1] as ExcelJS.Worksheet
    const doel = dataset.program.strategieperioden[0].doelen[0]
    assert.strictEqual(
      eerste.getCell("A1").value,
      `Strategisch doel: ${doel?.naam} — peildatum 31 december 2025`
    )
    assert.strictEqual(eerste.getCell("A4").value, "Strategisch doel")
    const status = eerste.getCell("C4")
    assert.include(Object.values(Progress.statusLabel), status.value)
    assert.isDefined(fillOf(status))
    const baten = dataset.program.strategieperioden[0].baten.filter((b) => b.doel === doel?.id)
    // the doelen (baten) under it by the year plans' numbers
    assert.strictEqual(eerste.getCell("A5").value, `Doel ${baten[0]?.nummer}`)
    const header = headerRow(eerste, "Strategisch doel", "Doel")
    assert.strictEqual(header, 4 + baten.length + 2)
    assert.strictEqual(eerste.getCell(header, 1).value, "Strategisch doel")
    assert.strictEqual(eerste.getCell(header, 14).value, "Uitleg")
    const ids = new Set(
      dataset.indicatoren
        .filter((i) => i.jaar === 2025 && baten.some((b) => b.id === i.baat))
        .map((i) => i.id)
    )
    assert.strictEqual(eerste.rowCount - header, ids.size)
  })
})
