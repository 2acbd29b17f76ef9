import { existsSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Contract, Voorbeeld } from "@dvcc/excel"
import { dataset } from "@dvcc/midden-nederland"
import { assert, describe, it } from "vitest"
import { dvcc, folder, initialised } from "./dvcc.ts"

const example = fileURLToPath(new URL("../../../examples/voorbeeld-district.xlsx", import.meta.url))

/** A workbook with one Registraties sheet of `rows`. */
const registraties = async (rows: Voorbeeld.Rows): Promise<string> => {
  const file = join(folder(), "politie.xlsx")
  writeFileSync(file, await Voorbeeld.contractWorkbook([{ sheet: Contract.registraties, rows }]))
  return file
}

describe("dvcc import FILE", () => {
  it("imports the example workbook, and importing it again changes nothing", async () => {
    const db = await initialised()
    const file = join(folder(), "voorbeeld-district.xlsx")
    writeFileSync(file, await Voorbeeld.workbook(dataset.regio))

    const dry = await dvcc("import", file, "--db", db, "--dry-run")
    assert.strictEqual(dry.code, 0, dry.stderr)
    assert.include(dry.stdout, "blad Registraties (registraties): 48 rijen, 48 geldig, 0 afgekeurd")
    assert.include(dry.stdout, "Proefimport (--dry-run): alles is geldig; er is niets opgeslagen.")

    const first = await dvcc("import", file, "--db", db)
    assert.strictEqual(first.code, 0, first.stderr)
    assert.include(
      first.stdout,
      "blad Activiteiten (activiteiten): 20 rijen, 20 nieuw of gewijzigd, 0 ongewijzigd, 0 afgekeurd"
    )
    assert.match(first.stdout, /Geïmporteerd als (import-\S+)\. Ongedaan maken: dvcc import undo import-\S+/)

    const again = await dvcc("import", file, "--db", db, "--json")
    assert.strictEqual(again.code, 0, again.stderr)
    const report = JSON.parse(again.stdout) as {
      file: string
      sha256: string
      status: string
      sheets: ReadonlyArray<Record<string, unknown>>
      problems: ReadonlyArray<unknown>
    }
    assert.strictEqual(report.file, "voorbeeld-district.xlsx")
    assert.match(report.sha256, /^[0-9a-f]{64}$/)
    assert.strictEqual(report.status, "unchanged")
    assert.deepStrictEqual(report.sheets[1], {
      name: "Registraties",
      kind: "registraties",
      rows: 48,
      accepted: 0,
      unchanged: 48,
      rejected: 0,
      skipped: 0
    })
    assert.deepStrictEqual(report.problems, [])

    // `import list` and `import undo` still work beside `import FILE`.
    const list = await dvcc("import", "list", "--db", db)
    assert.strictEqual(list.code, 0, list.stderr)
    assert.lengthOf(list.stdout.trim().split("\n"), 2)
    const undo = await dvcc("import", "undo", report.sha256.slice(0, 8), "--db", db)
    assert.strictEqual(undo.code, 0, undo.stderr)
    assert.include(undo.stdout, "48 registraties verwijderd")
  }, 300_000)

  it("refuses a file with problems (exit 1), or writes the valid rows with --accept-valid", async () => {
    const db = await initialised()
    const file = await registraties([
      { periode: "2025-Q1", gebied: "Utrecht", delict: "phishing", aangiften: 4 },
      { periode: "2025-Q1", gebied: "Amsterdam", delict: "phishing", aangiften: 4 },
      { periode: "2025-Q2", gebied: "Utrecht", delict: "spam", aangiften: 4 }
    ])
    const refused = await dvcc("import", file, "--db", db)
    assert.strictEqual(refused.code, 1)
    assert.include(refused.stdout, "Problemen (2):")
    assert.include(
      refused.stdout,
      'Registraties!B3 (Gemeente): "Amsterdam" is geen gemeente van regio Midden-Nederland'
    )
    assert.include(
      refused.stdout,
      'Registraties!C4 (Delict): "spam" staat niet in de lijst van delicten; bedoelt u '
    )
    assert.include(refused.stdout, "Er is niets opgeslagen.")

    const json = await dvcc("import", file, "--db", db, "--json")
    assert.strictEqual(json.code, 1)
    const problems = (JSON.parse(json.stdout) as { problems: ReadonlyArray<Record<string, unknown>> })
      .problems
    assert.deepInclude(problems[0], {
      sheet: "Registraties",
      cell: "Registraties!B3",
      row: 3,
      column: "Gemeente",
      value: "Amsterdam",
      code: "onbekende-gemeente"
    })

    const partly = await dvcc("import", file, "--db", db, "--accept-valid")
    assert.strictEqual(partly.code, 1)
    assert.include(partly.stdout, "1 rij nieuw of gewijzigd")
    const rejected = file.replace(/\.xlsx$/, ".afgekeurd.xlsx")
    assert.include(partly.stdout, `De afgekeurde rijen staan met de reden in ${rejected}.`)
    assert.isTrue(existsSync(rejected))
  }, 300_000)

  it("refuses what is not an xlsx with exit 2, a Dutch message and no stack trace", async () => {
    const dir = folder()
    const db = await initialised(join(dir, "dvcc.sqlite"))
    const csv = join(dir, "cijfers.xlsx")
    writeFileSync(csv, "Periode;Gemeente;Delict\n2025;Utrecht;phishing\n")
    const result = await dvcc("import", csv, "--db", db)
    assert.strictEqual(result.code, 2)
    assert.strictEqual(
      result.stderr.trim(),
      "dvcc: cijfers.xlsx: Het bestand is platte tekst (CSV of tekst), geen Excel-werkmap. Open het in Excel of LibreOffice en sla het op als Excel-werkmap (.xlsx)."
    )
    assert.notInclude(result.stderr, "    at ")

    const missing = await dvcc("import", join(dir, "weg.xlsx"), "--db", db)
    assert.strictEqual(missing.code, 2)
    assert.include(missing.stderr, "bestaat niet")

    const big = await dvcc("import", example, "--db", db, "--max-mb", "0")
    assert.strictEqual(big.code, 2)
    assert.include(big.stderr, "de grens is 0,0 MB")

    const usage = await dvcc("import", "--db", db)
    assert.strictEqual(usage.code, 2)
  }, 300_000)
})
