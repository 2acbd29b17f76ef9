import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { convertWithLibreOffice, describeWithTool, libreOffice } from "@dvcc/testing-tools"
import ExcelJS from "exceljs"
import fc from "fast-check"
import { assert, describe, it } from "vitest"
import { type Row, readSheets } from "../src/internal/reader.ts"
import { readXlsx } from "../src/internal/xlsxStream.ts"
import { folder, zip } from "./importFixtures.ts"

/** Every sheet's rows, loaded whole by exceljs or streamed by dvcc's own reader. */
const rowsOf = async (bytes: Buffer, stream: boolean) => {
  const sheets: Array<{ name: string; hidden: boolean; rows: Array<Row> }> = []
  for await (const sheet of readSheets(bytes, { stream })) {
    const rows: Array<Row> = []
    for await (const row of sheet.rows) rows.push(row)
    sheets.push({ name: sheet.name, hidden: sheet.hidden, rows })
  }
  return sheets
}

const sameBothWays = async (bytes: Buffer) => {
  const whole = await rowsOf(bytes, false)
  const streamed = await rowsOf(bytes, true)
  assert.deepStrictEqual(streamed, whole)
  return streamed
}

describe("the streaming reader reads what exceljs loads whole", () => {
  it("every kind of cell: shared and inline strings, rich text, entities, formulas, errors, formats", async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet("Gegevens & <cijfers>")
    ws.addRow(["tekst", "R&D <zeist> \"quotes\" 'x'", "", " spaties ", "ë ü € ñ 𝔘"])
    ws.addRow([1.5, -2, 0, 1e21, 123_456_789.123])
    ws.addRow([
      { richText: [{ text: "rijk " }, { font: { bold: true }, text: "opgemaakt" }] },
      { formula: "1+1", result: 2 },
      { formula: "A1", result: "tekst" },
      { formula: "1/0", result: { error: "#DIV/0!" } },
      { formula: "NOW()" }
    ])
    ws.addRow([true, false, { error: "#N/A" }, new Date(Date.UTC(2025, 1, 3)), 0.169])
    ws.getCell("E4").numFmt = "0.0%"
    ws.getCell("A5").value = 45_000
    ws.getCell("A5").numFmt = "d-m-yyyy"
    ws.getCell("B5").value = 0.25
    ws.getCell("B5").numFmt = '0" procent"%'
    ws.getCell("C5").value = 12
    ws.getCell("C5").numFmt = '"dag "0'
    ws.getCell("Z9").value = "ver weg"
    const hidden = wb.addWorksheet("Verborgen", { state: "hidden" })
    hidden.addRow(["geheim"])
    wb.addWorksheet("Leeg")
    const sheets = await sameBothWays(Buffer.from(await wb.xlsx.writeBuffer()))
    assert.deepStrictEqual(
      sheets.map((s) => [s.name, s.hidden, s.rows.length]),
      [
        ["Gegevens & <cijfers>", false, 6],
        ["Verborgen", true, 1],
        ["Leeg", false, 0]
      ]
    )
    const cells = sheets[0]?.rows.map((r) => r.cells) ?? []
    assert.deepStrictEqual(cells[3]?.[4], { _tag: "number", value: 0.169, percent: true })
    assert.deepStrictEqual(cells[2]?.[4], { _tag: "error", value: "formule zonder berekende waarde" })
    assert.deepStrictEqual(cells[4]?.[0], { _tag: "date", value: new Date(Date.UTC(2023, 2, 15)) })
  })

  it("the same rows for any text, number and date cell (property)", async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.date({ min: new Date("1950-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
    )
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(value, { maxLength: 6 }), { maxLength: 8 }), async (rows) => {
        const wb = new ExcelJS.Workbook()
        const ws = wb.addWorksheet("Blad")
        for (const row of rows) ws.addRow(row)
        await sameBothWays(Buffer.from(await wb.xlsx.writeBuffer()))
      }),
      { numRuns: 60 }
    )
  })

  it("fills merged cells as exceljs does, also in rows the XML leaves out", async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet("Activiteiten")
    ws.addRow(["Datum", "Gemeente", "Activiteit"])
    ws.addRow([new Date(Date.UTC(2025, 1, 3)), "Utrecht", "kennisbijeenkomst"])
    ws.addRow([null, null, "huisbezoek"])
    ws.getCell("C6").value = "laatste"
    ws.mergeCells("A2:A3")
    ws.mergeCells("B2:B5")
    ws.mergeCells("C6:D7")
    const bytes = Buffer.from(await wb.xlsx.writeBuffer())
    const sheets = await sameBothWays(bytes)
    assert.deepStrictEqual(
      sheets[0]?.rows.map((r) => [r.number, r.cells.map((c) => ("value" in c ? String(c.value) : ""))]),
      [
        [1, ["Datum", "Gemeente", "Activiteit"]],
        [2, [new Date(Date.UTC(2025, 1, 3)).toString(), "Utrecht", "kennisbijeenkomst"]],
        [3, [new Date(Date.UTC(2025, 1, 3)).toString(), "Utrecht", "huisbezoek"]],
        [4, ["", "Utrecht"]],
        [5, ["", "Utrecht"]],
        [6, ["", "", "laatste", "laatste"]],
        [7, ["", "", "laatste", "laatste"]]
      ]
    )
    const [sheet] = readXlsx(bytes)
    for await (const _ of sheet?.rows ?? []) void _
    assert.deepStrictEqual(sheet?.merges, ["A2:A3", "B2:B5", "C6:D7"])
  })

  it("reads sheet XML with a namespace prefix, inline strings, escapes and no relationships file", async () => {
    const main = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    const bytes = zip([
      {
        name: "xl/workbook.xml",
        data: Buffer.from(
          `<?xml version="1.0"?><x:workbook ${main}><x:workbookPr date1904="1"/><x:sheets><x:sheet name="Cijfers &amp; co" sheetId="1"/></x:sheets></x:workbook>`
        )
      },
      {
        name: "xl/sharedStrings.xml",
        data: Buffer.from(
          `<x:sst ${main}><x:si><x:t>Utrecht</x:t></x:si><x:si><x:r><x:t xml:space="preserve">R&amp;D </x:t></x:r><x:r><x:t>team</x:t></x:r><x:rPh><x:t>fonetisch</x:t></x:rPh></x:si></x:sst>`
        )
      },
      {
        name: "xl/styles.xml",
        data: Buffer.from(
          `<x:styleSheet ${main}><x:numFmts><x:numFmt numFmtId="164" formatCode="0.0%"/></x:numFmts><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="14"/><x:xf numFmtId="164"/></x:cellXfs></x:styleSheet>`
        )
      },
      {
        name: "xl/worksheets/sheet1.xml",
        data: Buffer.from(
          `<x:worksheet ${main}><x:dimension ref="A1:E3"/><x:sheetData>` +
            `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="E1" t="inlineStr"><x:is><x:t>a &lt; b_x000D_</x:t></x:is></x:c></x:row>` +
            `<x:row r="3"><x:c r="A3" s="1"><x:v>45000</x:v></x:c><x:c r="B3" s="2"><x:v>0.169</x:v></x:c><x:c r="C3" t="b"><x:v>1</x:v></x:c><x:c r="D3" t="e"><x:v>#N/A</x:v></x:c><x:c r="E3"><x:f>A3+1</x:f></x:c></x:row>` +
            "</x:sheetData></x:worksheet>"
        )
      }
    ])
    const [sheet] = readXlsx(bytes)
    const rows: Array<Row> = []
    for await (const row of sheet?.rows ?? []) rows.push(row)
    assert.strictEqual(sheet?.name, "Cijfers & co")
    assert.deepStrictEqual(rows, [
      {
        number: 1,
        cells: [
          { _tag: "text", value: "Utrecht" },
          { _tag: "text", value: "R&D team" },
          { _tag: "empty" },
          { _tag: "empty" },
          { _tag: "text", value: "a < b\r" }
        ]
      },
      {
        number: 3,
        cells: [
          // 45000 is 2023-03-15 in the 1900 date system; the 1904 system counts 1462 days later.
          { _tag: "date", value: new Date(Date.UTC(2027, 2, 16)) },
          { _tag: "number", value: 0.169, percent: true },
          { _tag: "text", value: "WAAR" },
          { _tag: "error", value: "#N/A" },
          { _tag: "error", value: "formule zonder berekende waarde" }
        ]
      }
    ])
  })

  it("refuses the same files: duplicate sheet names and characters XML does not allow (property)", async () => {
    const main =
      'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    const part = (name: string, xml: string) => ({ name, data: Buffer.from(`<?xml version="1.0"?>${xml}`) })
    const xmlText = (text: string) =>
      text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
    /** A workbook with a sheet per name, each holding its texts; `&#n;` written as is. */
    const workbookOf = (
      sheets: ReadonlyArray<{ readonly name: string; readonly texts: ReadonlyArray<string> }>
    ) =>
      zip([
        part(
          "[Content_Types].xml",
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
        ),
        part(
          "_rels/.rels",
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        part(
          "xl/_rels/workbook.xml.rels",
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}</Relationships>`
        ),
        part(
          "xl/workbook.xml",
          `<workbook ${main}><sheets>${sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`
        ),
        ...sheets.map((s, i) =>
          part(
            `xl/worksheets/sheet${i + 1}.xml`,
            `<worksheet ${main}><sheetData>${s.texts.map((t, r) => `<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr"><is><t>${t.startsWith("&#") ? t : xmlText(t)}</t></is></c></row>`).join("")}</sheetData></worksheet>`
          )
        )
      ])
    const verdict = async (bytes: Buffer, stream: boolean) => {
      try {
        return { read: await rowsOf(bytes, stream) }
      } catch {
        return { refused: true }
      }
    }
    const text = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 4 }),
      fc.constantFrom("&#1;", "&#9;", "&#x1F;", "&#65;")
    )
    const sheet = fc.record({
      name: fc.constantFrom("Blad", "blad", "BLAD", "Activiteiten", "Bl\u0001ad", "Metingen"),
      texts: fc.array(text, { minLength: 1, maxLength: 3 })
    })
    await fc.assert(
      fc.asyncProperty(fc.array(sheet, { minLength: 1, maxLength: 3 }), async (sheets) => {
        const bytes = workbookOf(sheets)
        assert.deepStrictEqual(await verdict(bytes, true), await verdict(bytes, false))
      }),
      { numRuns: 150 }
    )
    // The cases themselves, so that a refusal of everything cannot pass.
    const names = async (sheets: Parameters<typeof workbookOf>[0]) => verdict(workbookOf(sheets), true)
    assert.deepStrictEqual(
      await names([
        { name: "Blad", texts: ["a"] },
        { name: "BLAD", texts: ["b"] }
      ]),
      { refused: true }
    )
    assert.deepStrictEqual(await names([{ name: "Blad", texts: ["a\u0001"] }]), { refused: true })
    assert.deepStrictEqual(await names([{ name: "Blad", texts: ["&#1;"] }]), { refused: true })
    assert.isDefined(
      (
        await names([
          { name: "Blad", texts: ["a\tb"] },
          { name: "Blad2", texts: ["&#65;"] }
        ])
      ).read
    )
    // A raw carriage return is a line end to an XML parser.
    const lineEnds = workbookOf([{ name: "Blad", texts: ["a\rb", "c\r\nd"] }])
    assert.deepStrictEqual(await verdict(lineEnds, true), await verdict(lineEnds, false))
  })

  it("refuses a sheet that inflates past what the zip declares", async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet("Blad").addRow(["x".repeat(2000)])
    const bytes = Buffer.from(await wb.xlsx.writeBuffer())
    // Lower the declared size of the sheet in the central directory.
    const name = Buffer.from("xl/worksheets/sheet1.xml")
    const at = bytes.lastIndexOf(name) - 46
    assert.strictEqual(bytes.readUInt32LE(at), 0x02014b50)
    bytes.writeUInt32LE(100, at + 24)
    const [sheet] = readXlsx(bytes)
    let failure: unknown
    try {
      for await (const _ of sheet?.rows ?? []) void _
    } catch (error) {
      failure = error
    }
    assert.match(String(failure), /pakt uit tot meer dan/)
  })
})

describeWithTool(libreOffice, "the streaming reader on a workbook LibreOffice wrote", (soffice) => {
  it("reads it as exceljs does", async () => {
    const dir = folder()
    const csv = join(dir, "cijfers.csv")
    writeFileSync(
      csv,
      "Periode;Gemeente;Delict;Aangiften;Schade (€)\n2025-Q1;Utrecht;phishing;12;1300000,50\n3-2-2025;Zeist & Bunnik;hacken;;0,169\n"
    )
    convertWithLibreOffice(soffice, [csv], { to: "xlsx", outDir: dir, infilter: "CSV:59,34,76,1,,1043" })
    const sheets = await sameBothWays(readFileSync(join(dir, "cijfers.xlsx")))
    assert.strictEqual(sheets[0]?.rows.length, 3)
  })
})
