/**
 * The round a new user makes: export the template, fill it in, save it with LibreOffice, import it, and
 * see the KPI status change. The filled workbook that is imported is the one LibreOffice wrote (its own
 * encoding of dates, numbers, strings, the instructions sheet and the hidden lists), not ours.
 */
import { join } from "node:path"
import { convertWithLibreOffice, describeWithTool, libreOffice } from "@dvcc/testing-tools"
import ExcelJS from "exceljs"
import { assert, it } from "vitest"
import { dvcc, folder } from "./dvcc.ts"

// The import records the day it runs as the measurement's vastgelegdOp, and a measurement counts from
// that day on: judge on the day after the test starts (so a run across midnight still counts it), never
// on a fixed date that the calendar overtakes.
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
const asOf = ["--jaar", "2026", "--as-of", tomorrow]

const kennisbijeenkomsten = async () => {
  const status = await dvcc("status", "--json", ...asOf)
  assert.strictEqual(status.code, 0, status.stderr)
  const indicatoren: ReadonlyArray<{
    readonly indicator: string
    readonly status: string
    readonly uitleg: string
  }> = JSON.parse(status.stdout).jaren[0].indicatoren
  const found = indicatoren.find((i) => i.indicator === "kennisbijeenkomsten")
  assert.isDefined(found)
  return found as NonNullable<typeof found>
}

describeWithTool(libreOffice, "the template filled in and saved by LibreOffice", (soffice) => {
  it("imports without complaint and changes the KPI status", { timeout: 180_000 }, async () => {
    const dir = folder()
    const template = join(dir, "invulbestand.xlsx")
    const exported = await dvcc("export", "template", "--out", template)
    assert.strictEqual(exported.code, 0, exported.stderr)

    // What a person types under the headers: eleven knowledge meetings this year, and one of them.
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(template)
    const sheet = (name: string) => {
      const found = workbook.getWorksheet(name)
      if (found === undefined) throw new Error(`the template has no sheet ${name}`)
      return found
    }
    sheet("Metingen").getRow(2).values = [
      "kennisbijeenkomsten",
      "2026",
      "Midden-Nederland",
      11,
      undefined,
      "t/m oktober"
    ]
    sheet("Activiteiten").getRow(2).values = [
      new Date(Date.UTC(2026, 9, 14)),
      "Zeist",
      "Kennisbijeenkomst",
      1,
      "senioren",
      42,
      "Bijeenkomst in de bibliotheek"
    ]
    const filled = join(dir, "ingevuld.xlsx")
    await workbook.xlsx.writeFile(filled)

    // LibreOffice opens it and saves it again as xlsx.
    const saved = join(dir, "libreoffice")
    convertWithLibreOffice(soffice, [filled], { to: "xlsx:Calc MS Excel 2007 XML", outDir: saved })

    const before = await kennisbijeenkomsten()
    assert.notInclude(before.uitleg, "11")

    const imported = await dvcc("import", join(saved, "ingevuld.xlsx"), "--json")
    assert.strictEqual(imported.code, 0, imported.stdout + imported.stderr)
    const report = JSON.parse(imported.stdout)
    assert.strictEqual(report.status, "imported")
    assert.deepStrictEqual(report.problems, [])
    assert.deepStrictEqual(report.warnings, [])
    assert.deepStrictEqual(
      report.sheets
        .filter((s: { kind: string | null }) => s.kind !== null)
        .map((s: { name: string; accepted: number }) => [s.name, s.accepted]),
      [
        ["Activiteiten", 1],
        ["Registraties", 0],
        ["Metingen", 1],
        ["Gebieden", 0]
      ]
    )

    const after = await kennisbijeenkomsten()
    assert.notStrictEqual(after.status, before.status, after.uitleg)
    assert.include(after.uitleg, "11")
  })
})
