/**
 * The programme workbook end to end, as a programme advisor uses it: `dvcc export programma`, edited in a
 * spreadsheet (here exceljs) into a new strategy period 2027–2030 with a changed DIN and a year plan 2027,
 * `dvcc import` (dry run, then for real), `dvcc status` judging each year under its own DIN, and
 * `dvcc import undo` taking the period back.
 */
import { join } from "node:path"
import ExcelJS from "exceljs"
import { assert, describe, it } from "vitest"
import { dvcc, folder, initialised } from "./dvcc.ts"

/** The row number of the sheet's header: the first row whose first cell is `first`. */
const headerRow = (sheet: ExcelJS.Worksheet, first: string): number => {
  for (let r = 1; r <= 30; r++) if (sheet.getCell(r, 1).value === first) return r
  throw new Error(`no header ${first} in ${sheet.name}`)
}

/** Empties the sheet below its header and puts `rows` there. */
const replaceRows = (
  sheet: ExcelJS.Worksheet,
  first: string,
  rows: ReadonlyArray<ReadonlyArray<ExcelJS.CellValue>>
) => {
  const header = headerRow(sheet, first)
  for (let r = header + 1; r <= sheet.rowCount; r++) {
    sheet.getRow(r).eachCell((cell) => {
      cell.value = null
    })
  }
  rows.forEach((values, i) => {
    sheet.getRow(header + 1 + i).values = [...values]
  })
}

/** The value cell of a field of the Programma sheet. */
const veld = (sheet: ExcelJS.Worksheet, naam: string): ExcelJS.Cell => {
  for (let r = 1; r <= 40; r++) if (sheet.getCell(r, 1).value === naam) return sheet.getCell(r, 2)
  throw new Error(`no field ${naam}`)
}

const sheet = (workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = workbook.getWorksheet(name)
  if (ws === undefined) throw new Error(`no sheet ${name}`)
  return ws
}

const hernoemd = "Slachtoffers melden online criminaliteit vaker en doen vaker aangifte"
const nieuw = "Ondernemers zijn digitaal weerbaar"

/** The exported workbook turned into the strategy period 2027–2030 with a changed DIN. */
const nieuwePeriode = async (exported: string, target: string, doel = "voorkomen") => {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(exported)
  const programma = sheet(workbook, "Programma")
  veld(programma, "Looptijd van").value = 2027
  veld(programma, "Looptijd tot").value = 2030
  veld(programma, "Herkomst").value = "Regionale Veiligheidsstrategie 2027–2030; DIN"
  const doelen = sheet(workbook, "Doelen")
  const header = headerRow(doelen, "Id")
  for (let r = header + 1; r <= doelen.rowCount; r++) {
    const id = doelen.getCell(r, 1).value
    if (typeof id === "string") doelen.getCell(r, 3).value = id
  }
  // baat-2 renamed, baat-5 removed, baat-6 new; the others continue.
  const baten = sheet(workbook, "Baten")
  const old: Array<Array<ExcelJS.CellValue>> = []
  for (let r = headerRow(baten, "Id") + 1; r <= baten.rowCount; r++) {
    const row = baten.getRow(r)
    const id = row.getCell(1).value
    if (typeof id !== "string" || id === "baat-5") continue
    old.push([
      id,
      row.getCell(2).value,
      id === "baat-2" ? hernoemd : row.getCell(3).value,
      row.getCell(4).value,
      id
    ])
  }
  replaceRows(baten, "Id", [...old, ["baat-6", 6, nieuw, doel, null]])
  replaceRows(sheet(workbook, "Jaarplannen"), "Jaar", [
    [2027, "Jaarplan 2027", new Date(Date.UTC(2027, 0, 15)), "concept"]
  ])
  replaceRows(sheet(workbook, "Acties"), "Jaar", [
    [2027, 1, "ondernemers-weerbaar", "Ondernemers weerbaar", "MKB weerbaarder maken", "baat-6", "programma"]
  ])
  const indicatoren = sheet(workbook, "Indicatoren")
  const headers = (indicatoren.getRow(headerRow(indicatoren, "Jaar")).values as Array<unknown>).slice(1)
  const row: Record<string, ExcelJS.CellValue> = {
    Jaar: 2027,
    Id: "mkb-bijeenkomsten",
    Baat: "baat-6",
    Tekst: "Minimaal tien bijeenkomsten voor ondernemers in 2027",
    Eenheid: "bijeenkomsten",
    Richting: "hoger",
    Schaal: "regio",
    Bron: "programma-administratie",
    Acties: "1",
    Regel: "minimum-aantal",
    Periode: "2027",
    Minimum: 10
  }
  replaceRows(indicatoren, "Jaar", [headers.map((h) => row[String(h)] ?? null)])
  await workbook.xlsx.writeFile(target)
}

describe("dvcc export programma and dvcc import", () => {
  it("records a new strategy period from the workbook; each year is judged under its own DIN; undo takes it back", {
    timeout: 120_000
  }, async () => {
    const db = await initialised()
    const dir = folder()
    const exported = join(dir, "programma.xlsx")
    const exportRun = await dvcc("export", "programma", "--out", exported, "--db", db)
    assert.strictEqual(exportRun.code, 0, exportRun.stderr)
    assert.include(exportRun.stdout, "Programmawerkmap 2023–2026")

    // The workbook as exported reads back as it is: nothing new.
    const same = await dvcc("import", exported, "--db", db)
    assert.strictEqual(same.code, 0, same.stderr)
    assert.include(same.stdout, "Niets nieuws")

    const edited = join(dir, "programma-2027.xlsx")
    await nieuwePeriode(exported, edited)
    const dry = await dvcc("import", edited, "--db", db, "--dry-run")
    assert.strictEqual(dry.code, 0, dry.stdout + dry.stderr)
    assert.include(dry.stdout, "Proefimport (--dry-run): alles is geldig")
    const before2027 = await dvcc("status", "--jaar", "2027", "--db", db)
    assert.notInclude(before2027.stdout, nieuw, "a dry run writes nothing")

    const imported = await dvcc("import", edited, "--db", db)
    assert.strictEqual(imported.code, 0, imported.stdout + imported.stderr)
    const importId = /Geïmporteerd als (import-\S+)\./.exec(imported.stdout)?.[1]
    assert.isDefined(importId)

    const oud = await dvcc("status", "--jaar", "2026", "--db", db)
    assert.strictEqual(oud.code, 0, oud.stderr)
    assert.include(oud.stdout, "Doel 2: Slachtoffers hebben een hogere meldings-")
    assert.notInclude(oud.stdout, hernoemd)
    assert.notInclude(oud.stdout, nieuw)

    const nieuwJaar = await dvcc("status", "--jaar", "2027", "--db", db)
    assert.strictEqual(nieuwJaar.code, 0, nieuwJaar.stderr)
    assert.include(nieuwJaar.stdout, `Doel 6: ${nieuw}`)
    assert.include(nieuwJaar.stdout, "mkb-bijeenkomsten")
    assert.notInclude(nieuwJaar.stdout, "Slachtoffers hebben een hogere meldings-")

    // The new period's workbook exports as it was edited.
    const again = join(dir, "programma-2027-terug.xlsx")
    const export2027 = await dvcc("export", "programma", "--periode", "2027-2030", "--out", again, "--db", db)
    assert.strictEqual(export2027.code, 0, export2027.stderr)
    const reread = new ExcelJS.Workbook()
    await reread.xlsx.readFile(again)
    const batenIds: Array<unknown> = []
    sheet(reread, "Baten").eachRow((row) => {
      batenIds.push(row.getCell(1).value)
    })
    assert.includeMembers(batenIds, ["baat-1", "baat-2", "baat-6"])
    assert.notInclude(batenIds, "baat-5")

    const undo = await dvcc("import", "undo", importId as string, "--db", db)
    assert.strictEqual(undo.code, 0, undo.stdout + undo.stderr)
    const na = await dvcc("status", "--jaar", "2027", "--db", db)
    assert.notInclude(na.stdout, nieuw)
    const perioden = await dvcc(
      "export",
      "programma",
      "--periode",
      "2027-2030",
      "--out",
      join(dir, "x.xlsx"),
      "--db",
      db
    )
    assert.notStrictEqual(perioden.code, 0)
    assert.include(perioden.stderr + perioden.stdout, "de strategieperioden zijn 2023–2026")
  })

  it("names each problem at its sheet and cell, and writes nothing", { timeout: 60_000 }, async () => {
    const db = await initialised()
    const dir = folder()
    const exported = join(dir, "programma.xlsx")
    assert.strictEqual((await dvcc("export", "programma", "--out", exported, "--db", db)).code, 0)
    const edited = join(dir, "fout.xlsx")
    await nieuwePeriode(exported, edited, "doel-9")
    const run = await dvcc("import", edited, "--db", db, "--json")
    assert.strictEqual(run.code, 1, run.stderr)
    const report = JSON.parse(run.stdout) as {
      status: string
      importId: string | null
      problems: ReadonlyArray<{ cell: string; message: string }>
    }
    assert.strictEqual(report.status, "rejected")
    assert.strictEqual(report.importId, null)
    const problem = report.problems.find((p) => p.message.includes("doel-9"))
    assert.isDefined(problem, JSON.stringify(report.problems))
    assert.match(problem?.cell ?? "", /^Baten!D\d+$/)
    assert.match(
      problem?.message ?? "",
      /^blad Baten, cel D\d+ \(Doel\): baat baat-6: doel `doel-9` bestaat niet in de DIN van 2027–2030$/
    )
    const status = await dvcc("status", "--jaar", "2027", "--db", db)
    assert.notInclude(status.stdout, nieuw)
  })
})
