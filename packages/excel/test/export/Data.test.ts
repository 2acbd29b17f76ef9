import { Dataset, Periode } from "@dvcc/core"
import { dataset as bundled } from "@dvcc/midden-nederland"
import { assert, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import type ExcelJS from "exceljs"
import { Contract, Export } from "../../src/index.ts"
import { bigDataset, reload } from "./fixtures.ts"

const big = bigDataset()

const sheetRows = (workbook: ExcelJS.Workbook, kind: Contract.SheetKind) => {
  const sheet = workbook.getWorksheet(Contract.sheet(kind).name) as ExcelJS.Worksheet
  const fields = Contract.sheet(kind).columns.map((c) => c.field)
  const rows: Array<Record<string, ExcelJS.CellValue>> = []
  for (let r = 2; r <= sheet.actualRowCount; r++) {
    const row = sheet.getRow(r)
    rows.push(Object.fromEntries(fields.map((f, i) => [f, row.getCell(i + 1).value])))
  }
  return { sheet, rows }
}

describe("export data", () => {
  it("the fixture is a valid dataset with hundreds of records of every kind", () => {
    Schema.decodeUnknownSync(Dataset.Dataset)(Schema.encodeSync(Dataset.Dataset)(big))
    assert.isAtLeast(big.activiteiten.length, 300)
    assert.isAtLeast(big.registraties.length, 300)
    assert.isAtLeast(big.metingen.length, 300)
  })

  it("writes the four contract sheets with the contract's headers, one row per record", async () => {
    const { workbook, counts } = Export.dataWorkbook({ dataset: big })
    const read = await reload(workbook)
    assert.deepStrictEqual(
      read.worksheets.map((s) => s.name),
      Contract.sheets.map((s) => s.name)
    )
    for (const sheet of Contract.sheets) {
      const worksheet = read.getWorksheet(sheet.name) as ExcelJS.Worksheet
      assert.deepStrictEqual(
        (worksheet.getRow(1).values as Array<unknown>).slice(1),
        sheet.columns.map((c) => c.header)
      )
    }
    assert.deepStrictEqual(counts, {
      activiteiten: big.activiteiten.length,
      registraties: big.registraties.length,
      metingen: big.metingen.length,
      gebieden: big.regio.gemeenten.length * 2
    })
    assert.strictEqual(sheetRows(read, "registraties").rows.length, big.registraties.length)
  })

  it("writes every value the way the importer reads it back", async () => {
    const read = await reload(Export.dataWorkbook({ dataset: big }).workbook)
    const naam = (code: string | null) => big.regio.gemeenten.find((g) => g.code === code)?.naam
    const activiteiten = sheetRows(read, "activiteiten").rows
    big.activiteiten.forEach((a, i) => {
      const row = activiteiten[i] ?? {}
      assert.deepStrictEqual(row.datum, new Date(`${a.datum}T00:00:00.000Z`))
      assert.strictEqual(row.gemeente, naam(a.gemeente))
      assert.strictEqual(Contract.canonicalOf("activiteitSoort", String(row.soort)), a.soort)
      assert.strictEqual(row.actie, a.actie ?? null)
      assert.strictEqual(
        row.doelgroep === null ? undefined : Contract.canonicalOf("doelgroep", String(row.doelgroep)),
        a.doelgroep
      )
      assert.strictEqual(row.bereik, a.bereik ?? null)
      assert.strictEqual(row.omschrijving, a.omschrijving ?? null)
    })
    const registraties = sheetRows(read, "registraties")
    big.registraties.forEach((r, i) => {
      const row = registraties.rows[i] ?? {}
      assert.strictEqual(row.periode, r.periode)
      assert.strictEqual(row.gebied, r.gebied.niveau === "gemeente" ? naam(r.gebied.code) : "regio")
      assert.strictEqual(Contract.canonicalOf("delict", String(row.delict)), r.delict)
      assert.strictEqual(row.slachtoffers, r.slachtoffers)
      assert.strictEqual(row.schade, r.schade === null ? null : r.schade / 100)
    })
    assert.strictEqual(registraties.sheet.getCell("G2").numFmt, Contract.numFmt.money)
    const metingen = sheetRows(read, "metingen").rows
    big.metingen.forEach((m, i) => {
      const row = metingen[i] ?? {}
      assert.strictEqual(row.indicator, m.indicator)
      assert.strictEqual(row.periode, m.periode)
      assert.strictEqual(row.gebied, m.gebied.niveau === "gemeente" ? naam(m.gebied.code) : "regio")
      assert.strictEqual(row.waarde, m.waarde)
      assert.strictEqual(Contract.canonicalOf("bron", String(row.bron)), m.bron)
      assert.strictEqual(row.toelichting, m.toelichting ?? null)
    })
    const gebieden = sheetRows(read, "gebieden").rows
    const eerste = big.regio.gemeenten[0]
    assert.deepStrictEqual(gebieden[0], {
      gemeente: eerste?.naam,
      district: big.regio.districten.find((d) => d.id === eerste?.district)?.naam,
      basisteam: big.regio.basisteams.find((b) => b.id === eerste?.basisteam)?.naam,
      inwoners: eerste?.inwoners[0]?.aantal,
      peildatum: new Date("2024-01-01T00:00:00.000Z")
    })
  })

  it("says what the import format cannot carry", () => {
    assert.deepStrictEqual(Export.dataLosses({ dataset: big }), [])
    const losses = Export.dataLosses({ dataset: bundled })
    assert.isFalse(losses.some((l) => l.includes("mijlpaal")))
    assert.isTrue(losses.some((l) => l.includes("ondergrens of bovengrens")))
  })

  it("--jaar keeps only that year's activities, registrations and measurements", () => {
    const rows = Export.dataRows({ dataset: big, jaar: 2024 })
    assert.strictEqual(rows.activiteiten.length, 0)
    assert.strictEqual(rows.registraties.length, 0)
    assert.strictEqual(rows.metingen.length, big.metingen.filter((m) => m.jaar === 2024).length)
    const all = Export.dataRows({ dataset: big, jaar: 2025 })
    assert.strictEqual(all.registraties.length, big.registraties.length)
    assert.isTrue(all.registraties.every((r) => Periode.jaarVan(r.periode as Periode.Periode) === 2025))
  })
})
