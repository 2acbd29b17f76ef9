/**
 * docs/workbooks.md carries the programme workbook's sheets and columns, generated from
 * `internal/programma.ts`: this test fails when they differ, and
 * `UPDATE_DOCS=1 pnpm exec vitest run test/ProgrammaDocs.test.ts` rewrites them.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { assert, describe, it } from "vitest"
import { programmaVelden, regelKolommen, sheets } from "../src/internal/programma.ts"

const docs = fileURLToPath(new URL("../../../docs/workbooks.md", import.meta.url))
const begin =
  "<!-- programma:begin (generated from packages/excel/src/internal/programma.ts by packages/excel/test/ProgrammaDocs.test.ts) -->"
const end = "<!-- programma:end -->"

const tables = (): string => {
  const parts: Array<string> = ["### Programma", "", sheets.programma.beschrijving, ""]
  parts.push("| Veld | Uitleg |", "| --- | --- |")
  for (const v of programmaVelden) parts.push(`| ${v.veld} | ${v.uitleg} |`)
  parts.push("")
  for (const sheet of Object.values(sheets).slice(1)) {
    parts.push(`### ${sheet.name}`, "", sheet.beschrijving, "")
    parts.push("| Kolom | Verplicht | Lijst | Uitleg |", "| --- | --- | --- | --- |")
    for (const c of sheet.columns)
      parts.push(
        `| ${c.header} | ${c.required === true ? "ja" : ""} | ${(c.list ?? []).join(", ")} | ${c.uitleg} |`
      )
    parts.push("")
  }
  parts.push("### Regels", "", "| Regel | Kolommen |", "| --- | --- |")
  for (const [soort, kolommen] of Object.entries(regelKolommen))
    parts.push(`| \`${soort}\` | ${kolommen.join(", ")} |`)
  parts.push("")
  return parts.join("\n")
}

describe("docs/workbooks.md, the programme workbook", () => {
  it("shows the sheets and columns as internal/programma.ts defines them", () => {
    const text = readFileSync(docs, "utf8")
    const from = text.indexOf(begin)
    const to = text.indexOf(end)
    assert.isAbove(from, -1, "begin marker")
    assert.isAbove(to, from, "end marker")
    const generated = `${begin}\n\n${tables()}\n${end}`
    if (process.env.UPDATE_DOCS === "1") {
      writeFileSync(docs, text.slice(0, from) + generated + text.slice(to + end.length))
      return
    }
    const normal = (t: string) => t.replace(/ +/g, " ").replace(/-{3,}/g, "---")
    assert.strictEqual(normal(text.slice(from, to + end.length)), normal(generated))
  })
})
