import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Registrations } from "@dvcc/store"
import { convertWithLibreOffice, describeWithTool, libreOffice } from "@dvcc/testing-tools"
import { Effect } from "effect"
import { assert, it } from "vitest"
import { folder, freshDatabase, importBytes, onDatabase } from "./importFixtures.ts"

/** Converts a CSV to xlsx with LibreOffice (Dutch locale, `;`-separated, UTF-8), in its own profile. */
const convert = (soffice: string, csv: string): Buffer => {
  const dir = folder()
  const input = join(dir, "politie.csv")
  writeFileSync(input, csv)
  convertWithLibreOffice(soffice, [input], { to: "xlsx", outDir: dir, infilter: "CSV:59,34,76,1,,1043" })
  return readFileSync(join(dir, "politie.xlsx"))
}

describeWithTool(libreOffice, "Import of a workbook LibreOffice wrote from a CSV", (soffice) => {
  it("reads what no code of ours wrote: title block, Dutch numbers, Totaal row, a date where a period belongs", async () => {
    const bytes = convert(
      soffice,
      [
        "Politiecijfers district Oost (fictieve voorbeelddata)",
        "",
        "Periode;Gemeente;Delict;Aangiften;Meldingen;Slachtoffers;Schade (€)",
        "2025-Q1;Utrecht;phishing;1.234;12;;€ 1.300.000",
        "maart 2025;Zeist;Aan- en verkoopfraude;3;4;5;1.234,56",
        "03-02-2025;GM0307;hacken;2;;;",
        "Totaal;;;1239;;;",
        ""
      ].join("\n")
    )
    assert.strictEqual(bytes.subarray(0, 2).toString(), "PK")
    const db = await freshDatabase()
    const report = await importBytes(db, bytes, {
      acceptValid: true,
      rejectedFile: join(folder(), "x.afgekeurd.xlsx")
    })
    assert.deepStrictEqual(
      report.problems.map((p) => [p.cell, p.code, p.value]),
      [["politie!A6", "geen-periode", "3-2-2025"]]
    )
    assert.deepStrictEqual(
      report.sheets.map((s) => [s.kind, s.rows, s.accepted, s.rejected, s.skipped]),
      [["registraties", 3, 2, 1, 1]]
    )
    const stored = await onDatabase(
      db,
      Effect.flatMap(Registrations.Registrations, (r) => r.list())
    )
    const utrecht = stored.find((r) => r.periode === "2025-Q1" && r.delict === "phishing")
    assert.deepStrictEqual(
      [utrecht?.aangiften, utrecht?.meldingen, utrecht?.slachtoffers, utrecht?.schade],
      [1234, 12, null, 130_000_000]
    )
    const zeist = stored.find((r) => r.periode === "2025-03" && r.delict === "aan-en-verkoopfraude")
    assert.deepStrictEqual([zeist?.aangiften, zeist?.schade], [3, 123_456])
    const again = await importBytes(db, bytes, { dryRun: true })
    assert.strictEqual(again.sheets[0]?.accepted, 2)
  }, 180_000)
})
