/**
 * Nothing from a workbook reaches the terminal as a control character or escape sequence: file names and
 * cell values are printed with them stripped (`dvcc import`, its problems on either reader, `dvcc import
 * list`), so a hostile workbook cannot rewrite the screen, retitle the window or hide lines.
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { assert, describe, it } from "@effect/vitest"
import ExcelJS from "exceljs"
import { dvcc, folder } from "./dvcc.ts"

// ESC, CSI (C1), BEL, backspace and a carriage return: what moves the cursor or rewrites the screen.
const hostile = "\u001b[2J\u001b]0;gehackt\u0007\u009b31m\b\r"
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

const workbook = async (rows: number, gemeente: string): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet("Activiteiten")
  sheet.addRow(["Datum", "Gemeente", "Activiteit", "Omschrijving"])
  // Long text that no one compresses away: the larger workbook is read by the streaming reader.
  for (let i = 0; i < rows; i++)
    sheet.addRow([
      `${(i % 28) + 1}-2-2025`,
      i === 0 ? gemeente : "Utrecht",
      "huisbezoek",
      `bezoek ${i} ${Array.from({ length: 6 }, () => Math.random().toString(36).slice(2)).join(" ")}`
    ])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe("terminal output", () => {
  for (const [reader, rows] of [
    ["exceljs", 5],
    ["the streaming reader", 30_000]
  ] as const) {
    it(`strips control characters from file names and cell values in problems (${reader})`, {
      timeout: 60_000
    }, async () => {
      const file = join(folder(), `district${hostile}.xlsx`)
      const bytes = await workbook(rows, `Utrecht${hostile}`)
      // Over 1 MB streams; the small one is loaded whole by exceljs.
      assert.strictEqual(bytes.length > 1024 * 1024, rows > 5)
      writeFileSync(file, bytes)
      const result = await dvcc("import", file, "--dry-run")
      assert.strictEqual(result.code, 1, result.stderr)
      const output = result.stdout + result.stderr
      assert.include(output, "Utrecht")
      assert.include(output, "district")
      assert.notMatch(output, controls)
    })
  }

  it("strips them from dvcc import list", { timeout: 60_000 }, async () => {
    const file = join(folder(), `lijst${hostile}.xlsx`)
    writeFileSync(file, await workbook(3, "Amersfoort"))
    const imported = await dvcc("import", file)
    assert.strictEqual(imported.code, 0, imported.stderr)
    const list = await dvcc("import", "list")
    assert.strictEqual(list.code, 0, list.stderr)
    assert.include(list.stdout, "lijst")
    assert.notMatch(list.stdout + list.stderr, controls)
  })
})
