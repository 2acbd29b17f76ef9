import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { Effect } from "effect"
import { assert, beforeAll, describe, it } from "vitest"
import { Import } from "../src/index.ts"
import {
  folder,
  freshDatabase,
  onDatabase,
  refusal,
  registratiesHeader,
  workbook,
  xlsxWithSheet,
  zip
} from "./importFixtures.ts"

let db = ""
beforeAll(async () => {
  db = await freshDatabase()
})

const ole2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

describe("Import: files that are not an xlsx are refused with what they are and what to do", () => {
  const cases: ReadonlyArray<readonly [string, () => Buffer | Promise<Buffer>, string, RegExp]> = [
    ["an empty file", () => Buffer.alloc(0), "leeg-bestand", /leeg/],
    [
      "an old .xls",
      () => Buffer.concat([ole2, Buffer.alloc(500), Buffer.from("Workbook", "utf16le")]),
      "xls",
      /\.xls/
    ],
    [
      "a password-protected workbook",
      () => Buffer.concat([ole2, Buffer.alloc(500), Buffer.from("EncryptedPackage", "utf16le")]),
      "wachtwoord",
      /wachtwoord/
    ],
    ["a CSV", () => Buffer.from("Periode;Gemeente;Delict\n2025;Utrecht;phishing\n"), "csv", /CSV/],
    ["a renamed PDF", () => Buffer.from("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n"), "pdf", /PDF/],
    [
      "an .ods",
      () =>
        zip([
          { name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet") },
          { name: "content.xml", data: Buffer.from("<office:document-content/>") }
        ]),
      "ods",
      /OpenDocument/
    ],
    [
      "a truncated xlsx",
      async () => {
        const whole = await workbook({
          Registraties: [[...registratiesHeader], ["2025", "Utrecht", "phishing", 1]]
        })
        return whole.subarray(0, Math.floor(whole.length / 2))
      },
      "afgebroken",
      /onvolledig/
    ]
  ]
  for (const [what, bytes, code, message] of cases) {
    it(`refuses ${what}`, async () => {
      const refused = await refusal(db, await bytes())
      assert.strictEqual(refused.tag, "UnreadableWorkbook")
      assert.strictEqual(refused.code, code)
      assert.match(refused.message, message)
      assert.match(refused.message, /^district\.xlsx: /)
      if (code !== "pdf") assert.match(refused.message, /op als Excel-werkmap \(\.xlsx\)/)
    })
  }

  it("refuses a zip bomb from its central directory, without inflating it", async () => {
    const bomb = zip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(24 * 1024 * 1024, 0x20) }
    ])
    assert.isBelow(bomb.length, 200_000)
    const before = process.memoryUsage().rss
    const refused = await refusal(db, bomb)
    assert.strictEqual(refused.code, "zip-bom")
    assert.isBelow(process.memoryUsage().rss - before, 32 * 1024 * 1024)
  })

  it("refuses a sheet that claims a million columns before reading it", async () => {
    const sheet =
      '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:BDWGN1"/><cols><col min="1" max="1000000" width="9"/></cols><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Periode</t></is></c></row></sheetData></worksheet>'
    const refused = await refusal(db, xlsxWithSheet(sheet))
    assert.strictEqual(refused.code, "te-veel-kolommen")
    assert.match(refused.message, /1000000 kolommen/)
  })

  it("refuses a file over the size limit, which is configurable", async () => {
    const bytes = await workbook({
      Registraties: [[...registratiesHeader], ["2025", "Utrecht", "phishing", 1]]
    })
    const refused = await refusal(db, bytes, { limits: { maxBytes: 1024 } })
    assert.strictEqual(refused.code, "te-groot")
    assert.match(refused.message, /de grens is 0,0 MB/)
    // By path, the file is refused on its size before it is read.
    const path = join(folder(), "groot.xlsx")
    writeFileSync(path, bytes)
    const byPath = await onDatabase(
      db,
      Import.run({ path }, { actor: "test", limits: { maxBytes: 1024 } }).pipe(Effect.flip)
    )
    assert.strictEqual(byPath._tag, "UnreadableWorkbook")
    assert.include(byPath.message, "groot.xlsx: Het bestand is 0,0 MB")
  })

  it("refuses a missing file and a broken workbook", async () => {
    const missing = await onDatabase(
      db,
      Import.run({ path: join(folder(), "weg.xlsx") }, { actor: "test" }).pipe(Effect.flip)
    )
    assert.include(missing.message, "bestaat niet")
    const broken = await refusal(
      db,
      zip([
        { name: "[Content_Types].xml", data: Buffer.from("<Types") },
        { name: "xl/workbook.xml", data: Buffer.from("<<<niet xml") }
      ])
    )
    assert.strictEqual(broken.tag, "UnreadableWorkbook")
  })
})
