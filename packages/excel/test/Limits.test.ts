/**
 * What any upload may cost is bounded: before anything is inflated (the sizes and ratios the zip declares)
 * and while it is read (rows, cells, text), on both readers. Text fields have a length limit, reported on
 * their cell, so one long text reused in many rows cannot grow the database.
 */
import { execFileSync } from "node:child_process"
import { statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { inflateRawSync } from "node:zlib"
import ExcelJS from "exceljs"
import { assert, beforeAll, describe, it } from "vitest"
import { centralDirectory } from "../src/internal/fileCheck.ts"
import { folder, freshDatabase, importBytes, refusal, workbook, zip } from "./importFixtures.ts"

let db: string
beforeAll(async () => {
  db = await freshDatabase()
})

/** A workbook written by exceljs with `sheets` sheets, each sheet's XML replaced by `sheetXml`. */
const withSheets = async (sheets: number, sheetXml: Buffer): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook()
  for (let s = 0; s < sheets; s++) wb.addWorksheet(`Blad${s + 1}`).addRow(["x"])
  const base = Buffer.from(await wb.xlsx.writeBuffer())
  const entries = (centralDirectory(base) ?? []).map((e) => {
    const start =
      e.localOffset + 30 + base.readUInt16LE(e.localOffset + 26) + base.readUInt16LE(e.localOffset + 28)
    const raw = base.subarray(start, start + e.compressed)
    return { name: e.name, data: e.method === 8 ? inflateRawSync(raw) : raw }
  })
  return zip(
    entries.map((e) =>
      /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name) ? { name: e.name, data: sheetXml } : e
    )
  )
}

/** Sheet XML of `rows` rows of ten numbers: small cells, as many as fit. */
const numbersSheet = (rows: number): Buffer => {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
  ]
  for (let r = 1; r <= rows; r++) {
    parts.push(`<row r="${r}">`)
    for (const c of "ABCDEFGHIJ") parts.push(`<c r="${c}${r}"><v>1</v></c>`)
    parts.push("</row>")
  }
  parts.push("</sheetData></worksheet>")
  return Buffer.from(parts.join(""))
}

/** A dry run of `bytes` in a child process: its refusal or status, time and peak memory. */
const inChild = (bytes: Buffer) => {
  const file = join(folder(), "werkmap.xlsx")
  writeFileSync(file, bytes)
  const out = execFileSync(
    process.execPath,
    [fileURLToPath(new URL("./limitsChild.ts", import.meta.url)), file],
    {
      encoding: "utf8"
    }
  )
  return JSON.parse(out) as { refused?: string; status?: string; ms: number; maxRssMb: number }
}

/** What a 10-row workbook costs in a child process: the modules and the runtime. */
let floorMb: number
beforeAll(async () => {
  floorMb = inChild(
    await workbook({
      Registraties: [
        ["Periode", "Gemeente", "Delict", "Aangiften"],
        ["2025", "Utrecht", "phishing", 1]
      ]
    })
  ).maxRssMb
}, 60_000)

describe("Import: what a workbook may cost is bounded before it is read", () => {
  it("a workbook under 1 MB that unpacks to 11 MB is not loaded whole (exceljs took 424 MB)", async () => {
    const bytes = await withSheets(1, numbersSheet(40_000))
    assert.isBelow(bytes.length, 1024 * 1024)
    const result = inChild(bytes)
    assert.isUndefined(result.refused)
    assert.isBelow(result.maxRssMb - floorMb, 120)
  }, 60_000)

  it("a workbook under 1 MB of ten sheets under 16 MB each is refused without inflating them", async () => {
    const row = `<row>${"<c><v>1</v></c>".repeat(10)}</row>`
    const sheet = Buffer.from(`<worksheet><sheetData>${row.repeat(100_000)}</sheetData></worksheet>`)
    const bytes = await withSheets(10, sheet)
    assert.isBelow(bytes.length, 1024 * 1024)
    const result = inChild(bytes)
    assert.strictEqual(result.refused, "zip-bom")
    assert.isBelow(result.maxRssMb - floorMb, 60)
  }, 120_000)

  it("refuses a workbook that unpacks to more than 100 MB in all, naming the sizes", async () => {
    const bytes = await withSheets(3, numbersSheet(20_000))
    const refused = await refusal(db, bytes, { limits: { maxUncompressedBytes: 10 * 1024 * 1024 } })
    assert.strictEqual(refused.code, "te-groot")
    assert.match(refused.message, /pakt uit tot 1\d,\d MB; de grens is 10,0 MB/)
  })

  it("refuses an entry that unpacks more than 100 times its size, however small the file", async () => {
    const bytes = zip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(4 * 1024 * 1024, 0x20) }
    ])
    const refused = await refusal(db, bytes)
    assert.strictEqual(refused.code, "zip-bom")
  })

  it("refuses shared strings over 32 MB before reading them", async () => {
    const strings = Buffer.from(
      `<sst>${"<si><t>abcdefghijklmnopqrstuvwxyz0123456789</t></si>".repeat(800_000)}</sst>`
    )
    const bytes = zip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/sharedStrings.xml", data: strings }
    ])
    const refused = await refusal(db, bytes, { limits: { maxRatio: 10_000 } })
    assert.strictEqual(refused.code, "zip-bom")
    assert.include(refused.message, "sharedStrings")
  })
})

const activiteiten = (omschrijving: string, rows: number) => ({
  Activiteiten: [
    ["Datum", "Gemeente", "Activiteit", "Omschrijving"],
    ...Array.from({ length: rows }, (_, i) => [
      `${(i % 28) + 1}-2-2025`,
      "Utrecht",
      "huisbezoek",
      `${omschrijving} ${i}`
    ])
  ]
})

for (const stream of [false, true]) {
  describe(`Import (${stream ? "streaming reader" : "exceljs"}): rows, cells and text are bounded while reading`, () => {
    it("refuses a workbook over the row limit, writing nothing", async () => {
      const bytes = await workbook(activiteiten(`bezoek ${stream}`, 11))
      const refused = await refusal(db, bytes, { stream, limits: { maxRows: 10 } })
      assert.strictEqual(refused.code, "te-veel-rijen")
      assert.match(refused.message, /meer dan 10 rijen/)
      assert.strictEqual(
        (await importBytes(db, bytes, { stream, limits: { maxRows: 11 } })).status,
        "imported"
      )
    })

    it("refuses a workbook over the cell limit, counting the cells of every sheet", async () => {
      const bytes = await workbook({ ...activiteiten("x", 3), Notities: [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]] })
      const refused = await refusal(db, bytes, { stream, dryRun: true, limits: { maxCells: 20 } })
      assert.strictEqual(refused.code, "te-veel-cellen")
    })

    it("refuses a cell with more text than Excel allows in a cell", async () => {
      const bytes = await workbook(activiteiten("x".repeat(40_000), 1))
      const refused = await refusal(db, bytes, { stream, dryRun: true })
      assert.strictEqual(refused.code, "te-lange-cel")
    })

    it("refuses more free text in all rows together than the limit", async () => {
      const bytes = await workbook(activiteiten("y".repeat(500), 10))
      const refused = await refusal(db, bytes, { stream, dryRun: true, limits: { maxTotalText: 2_000 } })
      assert.strictEqual(refused.code, "te-veel-tekst")
    })

    it("a text over 1,000 characters is a problem of its cell, and nothing is written", async () => {
      const bytes = await workbook(activiteiten("z".repeat(1_000), 3))
      const report = await importBytes(db, bytes, { stream })
      assert.strictEqual(report.status, "rejected")
      assert.strictEqual(report.problemCount, 3)
      const first = report.problems[0]
      assert.strictEqual(first?.code, "te-lang")
      assert.strictEqual(first?.cell, "Activiteiten!D2")
      assert.match(first?.message ?? "", /1\.002 tekens lang; de grens is 1\.000/)
      assert.isBelow(first?.value.length ?? 0, 60)
    })
  })
}

it("one long text reused in 2,000 rows (a 61 KB workbook) does not grow the database", async () => {
  const file = await freshDatabase()
  const before = statSync(file).size
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet("Activiteiten")
  sheet.addRow(["Datum", "Gemeente", "Activiteit", "Omschrijving"])
  const long = "Voorlichting over phishing in de bibliotheek. ".repeat(650)
  for (let i = 0; i < 2_000; i++) sheet.addRow([`${(i % 28) + 1}-2-2025`, "Utrecht", "huisbezoek", long])
  const bytes = Buffer.from(await wb.xlsx.writeBuffer())
  const report = await importBytes(file, bytes, {
    acceptValid: true,
    rejectedFile: join(folder(), "afgekeurd.xlsx")
  })
  assert.strictEqual(report.problems[0]?.code, "te-lang")
  assert.strictEqual(report.sheets[0]?.accepted, 0)
  assert.isBelow(statSync(file).size - before, 1024 * 1024)
}, 60_000)
