/**
 * docs/workbooks.md carries the contract's tables, generated from `Contract.ts`: this test fails when they
 * differ, and `UPDATE_DOCS=1 pnpm exec vitest run test/Docs.test.ts` rewrites them.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { assert, describe, it } from "vitest"
import { Contract } from "../src/index.ts"

const docs = fileURLToPath(new URL("../../../docs/workbooks.md", import.meta.url))
const begin =
  "<!-- contract:begin (generated from packages/excel/src/Contract.ts by packages/excel/test/Docs.test.ts) -->"
const end = "<!-- contract:end -->"

const typeLabel: Record<Contract.ColumnType, string> = {
  date: "datum",
  periode: "periode",
  integer: "geheel getal",
  money: "bedrag (€)",
  number: "getal / percentage",
  gemeente: "gemeente",
  eenheid: "gebied",
  label: "lijst",
  text: "tekst"
}

export const tables = (): string => {
  const parts: Array<string> = []
  for (const sheet of Contract.sheets) {
    parts.push(`### ${sheet.name}`, "", sheet.uitleg, "")
    parts.push("| Kolom | Verplicht | Soort | Ook herkend als | Uitleg |", "| --- | --- | --- | --- | --- |")
    for (const c of sheet.columns) {
      const soort = c.labels === undefined ? typeLabel[c.type] : `lijst: ${c.labels}`
      parts.push(
        `| ${c.header} | ${c.required ? "ja" : ""} | ${soort} | ${c.aliases.join(", ")} | ${c.uitleg} |`
      )
    }
    parts.push("")
  }
  parts.push("### Lijsten", "")
  for (const [name, list] of Object.entries(Contract.labelLists)) {
    parts.push(
      `**${name}**`,
      "",
      "| Waarde | Zoals de export het schrijft | Ook herkend als |",
      "| --- | --- | --- |"
    )
    for (const l of list) parts.push(`| \`${l.value}\` | ${l.label} | ${l.variants.join(", ")} |`)
    parts.push("")
  }
  return parts.join("\n")
}

describe("docs/workbooks.md", () => {
  it("shows the contract as Contract.ts defines it", () => {
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
    // The formatter aligns the tables' columns: compare with runs of spaces and dashes collapsed.
    const normal = (t: string) => t.replace(/ +/g, " ").replace(/-{3,}/g, "---")
    assert.strictEqual(normal(text.slice(from, to + end.length)), normal(generated))
  })
})
