/**
 * The programme workbook: what the export writes reads back as it was (every rule kind of the bundled
 * indicators), a new strategy period is one undoable import, undo is refused while a measurement recorded
 * since stands on an indicator it added, problems are named at their cell, and only the roles that may
 * write the programme import it.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Access, type Dataset, type Din, type Indicator } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import {
  Activities,
  Database,
  Gebieden,
  Imports,
  Measurements,
  ProgramStore,
  Registrations
} from "@dvcc/store"
import { convertWithLibreOffice, describeWithTool, libreOffice } from "@dvcc/testing-tools"
import { Effect, Layer } from "effect"
import type ExcelJS from "exceljs"
import fc from "fast-check"
import { assert, describe, it } from "vitest"
import { Export, Import } from "../src/index.ts"
import { readProgramma } from "../src/internal/programma.ts"
import { folder, freshDatabase, workbook } from "./importFixtures.ts"

const layer = (file: string) =>
  Layer.mergeAll(
    Registrations.Registrations.layer,
    Activities.Activities.layer,
    Measurements.Measurements.layer,
    Gebieden.Gebieden.layer,
    Imports.Imports.layer
  ).pipe(Layer.provideMerge(Database.layer({ _tag: "Sqlite", file })))

const on = <A, E>(file: string, effect: Effect.Effect<A, E, Layer.Success<ReturnType<typeof layer>>>) =>
  Effect.runPromise(effect.pipe(Effect.provide(layer(file))))

const run = (file: string, bytes: Buffer, options: Partial<Import.Options> = {}) =>
  on(file, Import.run({ bytes, name: "programma.xlsx" }, { actor: "test", ...options }))

const load = (file: string): Promise<Dataset.Dataset> =>
  on(
    file,
    Effect.flatMap(ProgramStore.ProgramStore, (s) => s.load)
  )

const exported = async (data: Dataset.Dataset, looptijd?: { van: number; tot: number }) => {
  const wb = Export.programmaWorkbook(data, looptijd)
  if (wb === undefined) throw new Error("no such period")
  return wb
}

const bytesOf = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer())

const headerRow = (ws: ExcelJS.Worksheet, first: string): number => {
  for (let r = 1; r <= 30; r++) if (ws.getCell(r, 1).value === first) return r
  throw new Error(`no header ${first} in ${ws.name}`)
}

const replaceRows = (
  wb: ExcelJS.Workbook,
  name: string,
  first: string,
  rows: ReadonlyArray<Record<string, ExcelJS.CellValue>>
) => {
  const ws = wb.getWorksheet(name) as ExcelJS.Worksheet
  const header = headerRow(ws, first)
  const headers = (ws.getRow(header).values as Array<unknown>).slice(1).map(String)
  for (let r = header + 1; r <= ws.rowCount; r++)
    ws.getRow(r).eachCell((cell) => {
      cell.value = null
    })
  rows.forEach((row, i) => {
    headers.forEach((h, c) => {
      ws.getCell(header + 1 + i, c + 1).value = row[h] ?? null
    })
  })
  return header
}

const setVeld = (wb: ExcelJS.Workbook, veld: string, value: ExcelJS.CellValue) => {
  const ws = wb.getWorksheet("Programma") as ExcelJS.Worksheet
  for (let r = 1; r <= 40; r++) if (ws.getCell(r, 1).value === veld) ws.getCell(r, 2).value = value
}

/** The period 2027–2030: baat-2 renamed, baat-5 gone, baat-6 new; a jaarplan 2027 with one action and indicator. */
const periode2027 = async (data: Dataset.Dataset, edit?: (wb: ExcelJS.Workbook) => void) => {
  const wb = await exported(data)
  setVeld(wb, "Looptijd van", 2027)
  setVeld(wb, "Looptijd tot", 2030)
  const din = data.program.strategieperioden[0]
  replaceRows(
    wb,
    "Doelen",
    "Id",
    (din?.doelen ?? []).map((d) => ({ Id: d.id, Naam: d.naam, Voorganger: d.id }))
  )
  replaceRows(wb, "Baten", "Id", [
    ...(din?.baten ?? [])
      .filter((b) => b.id !== "baat-5")
      .map((b) => ({
        Id: b.id,
        Nummer: b.nummer,
        Naam: b.id === "baat-2" ? "Slachtoffers melden vaker" : b.naam,
        Doel: b.doel,
        Voorganger: b.id
      })),
    { Id: "baat-6", Nummer: 6, Naam: "Ondernemers zijn digitaal weerbaar", Doel: "voorkomen" }
  ])
  replaceRows(wb, "Jaarplannen", "Jaar", [
    { Jaar: 2027, Titel: "Jaarplan 2027", Datum: new Date(Date.UTC(2027, 0, 15)), Documentstatus: "concept" }
  ])
  replaceRows(wb, "Acties", "Jaar", [
    {
      Jaar: 2027,
      Nummer: 1,
      Id: "mkb",
      Titel: "MKB weerbaar",
      Doel: "Ondernemers weerbaarder",
      Baten: "baat-6"
    }
  ])
  replaceRows(wb, "Indicatoren", "Jaar", [
    {
      Jaar: 2027,
      Id: "mkb-bijeenkomsten",
      Baat: "baat-6",
      Tekst: "Tien bijeenkomsten voor ondernemers",
      Eenheid: "bijeenkomsten",
      Richting: "hoger",
      Schaal: "regio",
      Bron: "programma-administratie",
      Acties: "1",
      Regel: "minimum-aantal",
      Periode: "2027",
      Minimum: 10
    }
  ])
  edit?.(wb)
  return bytesOf(wb)
}

describe("the programme workbook", () => {
  it("has the sheets, frozen headers, dropdowns and Toelichting of the other exports", async () => {
    const wb = await exported(dataset)
    assert.deepStrictEqual(
      wb.worksheets.map((w) => [w.name, w.state]),
      [
        ["Programma", "visible"],
        ["Doelen", "visible"],
        ["Baten", "visible"],
        ["Inspanningen", "visible"],
        ["Netwerk", "visible"],
        ["Jaarplannen", "visible"],
        ["Acties", "visible"],
        ["Indicatoren", "visible"],
        ["Toelichting", "visible"],
        ["Lijsten", "hidden"]
      ]
    )
    const indicatoren = wb.getWorksheet("Indicatoren") as ExcelJS.Worksheet
    const header = headerRow(indicatoren, "Jaar")
    assert.deepStrictEqual(indicatoren.views[0], {
      state: "frozen",
      ySplit: header,
      xSplit: 0,
      topLeftCell: `A${header + 1}`
    } as unknown as ExcelJS.WorksheetView)
    const headers = (indicatoren.getRow(header).values as Array<unknown>).slice(1)
    const regel = indicatoren.getCell(header + 1, headers.indexOf("Regel") + 1).dataValidation
    assert.strictEqual(regel.type, "list")
    assert.include(String(regel.formulae?.[0]), "Lijsten!")
    const toelichting = wb.getWorksheet("Toelichting") as ExcelJS.Worksheet
    const uitleg: Array<string> = []
    toelichting.eachRow((row) => {
      uitleg.push(`${row.getCell(1).value}/${row.getCell(2).value}`)
    })
    for (const kolom of [
      "Baten/Voorganger",
      "Indicatoren/Minimum aandeel %",
      "Indicatoren/traject",
      "Programma/Looptijd van"
    ])
      assert.include(uitleg, kolom)
  })

  it("reads back what it exports, with every rule kind of the bundled indicators", async () => {
    const kinds = new Set(dataset.indicatoren.map((i) => i.regel.soort))
    assert.strictEqual(kinds.size, 7)
    const db = await freshDatabase()
    const report = await run(db, await bytesOf(await exported(dataset)), { dryRun: true })
    assert.strictEqual(report.status, "dry-run", JSON.stringify(report.problems))
    const again = await run(db, await bytesOf(await exported(dataset)))
    assert.strictEqual(again.status, "unchanged", JSON.stringify(again.problems))
    assert.deepStrictEqual(
      again.sheets.map((s) => [s.name, s.rows, s.accepted]),
      [
        ["Programma", 9, 0],
        ["Doelen", 2, 0],
        ["Baten", 5, 0],
        ["Inspanningen", dataset.program.strategieperioden[0]?.inspanningen.length, 0],
        ["Netwerk", dataset.program.strategieperioden[0]?.netwerk.length, 0],
        ["Jaarplannen", dataset.jaarplannen.length, 0],
        ["Acties", dataset.jaarplannen.flatMap((p) => p.acties).length, 0],
        ["Indicatoren", dataset.indicatoren.length, 0]
      ]
    )
  })

  it("records a new strategy period; undo is refused while a measurement since stands on its indicator", async () => {
    const db = await freshDatabase()
    const report = await run(db, await periode2027(dataset))
    assert.strictEqual(report.status, "imported", JSON.stringify(report.problems))
    const after = await load(db)
    assert.deepStrictEqual(
      after.program.strategieperioden.map((d) => [d.looptijd.van, d.baten.map((b) => b.id)]),
      [
        [2023, ["baat-1", "baat-2", "baat-3", "baat-4", "baat-5"]],
        [2027, ["baat-1", "baat-2", "baat-3", "baat-4", "baat-6"]]
      ]
    )
    // A measurement on the indicator the import added, recorded by a later import.
    const metingen = await workbook({
      Metingen: [
        ["Indicator", "Periode", "Waarde"],
        ["mkb-bijeenkomsten", "2027-Q1", 3]
      ]
    })
    const later = await on(db, Import.run({ bytes: metingen, name: "metingen.xlsx" }, { actor: "test" }))
    assert.strictEqual(later.status, "imported", JSON.stringify(later.problems))
    const refused = await on(
      db,
      Effect.flip(Effect.flatMap(Imports.Imports, (i) => i.undo(report.importId as string, "test")))
    )
    assert.match(
      refused.message,
      /meting \S+ \(indicator 2027\/mkb-bijeenkomsten\) verwijst naar wat deze import toevoegde/
    )
    assert.include(refused.message, "Er is niets gewijzigd.")
    assert.strictEqual((await load(db)).program.strategieperioden.length, 2)

    await on(
      db,
      Effect.flatMap(Imports.Imports, (i) => i.undo(later.importId as string, "test"))
    )
    await on(
      db,
      Effect.flatMap(Imports.Imports, (i) => i.undo(report.importId as string, "test"))
    )
    const undone = await load(db)
    assert.strictEqual(undone.program.strategieperioden.length, 1)
    assert.isUndefined(undone.jaarplannen.find((p) => p.jaar === 2027))
    assert.isUndefined(undone.indicatoren.find((i) => i.jaar === 2027))
  })

  it("names every problem at its sheet and cell and writes nothing", async () => {
    const db = await freshDatabase()
    const bytes = await periode2027(dataset, (wb) => {
      const ws = wb.getWorksheet("Indicatoren") as ExcelJS.Worksheet
      const header = headerRow(ws, "Jaar")
      const headers = (ws.getRow(header).values as Array<unknown>).slice(1).map(String)
      ws.getCell(header + 1, headers.indexOf("Regel") + 1).value = "minimaal"
      const acties = wb.getWorksheet("Acties") as ExcelJS.Worksheet
      acties.getCell(headerRow(acties, "Jaar") + 1, 6).value = "baat-5"
    })
    const report = await run(db, bytes)
    assert.strictEqual(report.status, "rejected")
    assert.isNull(report.importId)
    const messages = report.problems.map((p) => p.message)
    assert.isTrue(
      messages.some((m) =>
        /^blad Indicatoren, cel [A-Z]+\d+ \(Regel\): "minimaal" staat niet in de lijst/.test(m)
      ),
      messages.join("\n")
    )
    // The unknown rule stops the indicator before the whole is checked; fixed, the baat is named.
    const second = await run(
      db,
      await periode2027(dataset, (wb) => {
        const acties = wb.getWorksheet("Acties") as ExcelJS.Worksheet
        acties.getCell(headerRow(acties, "Jaar") + 1, 6).value = "baat-5"
      })
    )
    assert.deepStrictEqual(
      second.problems.map((p) => [p.cell, p.message]),
      [
        [
          "Acties!F5",
          "blad Acties, cel F5 (Baten): actie 1 van 2027: baat `baat-5` bestaat niet in de DIN van 2027–2030"
        ]
      ]
    )
    assert.strictEqual((await load(db)).program.strategieperioden.length, 1)
  })

  it("is refused whole over 10,000 rows, before anything is checked", async () => {
    const db = await freshDatabase()
    const bytes = await workbook({
      Programma: [["Veld", "Waarde"]],
      Baten: [
        ["Id", "Nummer", "Naam", "Doel"],
        ...Array.from({ length: 10_001 }, (_, i) => [`baat-${i}`, i + 1, "x", "voorkomen"])
      ]
    })
    const refused = await on(
      db,
      Effect.flip(Import.run({ bytes, name: "programma.xlsx" }, { actor: "test" }))
    )
    assert.strictEqual(refused._tag, "UnreadableWorkbook")
    assert.strictEqual("code" in refused ? refused.code : "", "te-veel-rijen")
    assert.include(refused.message, "meer dan 10.000 rijen")
  })

  it("is imported only by the roles that may write the programme", async () => {
    const db = await freshDatabase()
    const bytes = await periode2027(dataset)
    for (const rol of ["district", "gemeente"] as const) {
      const report = await run(db, bytes, { writes: Access.writes[rol] })
      assert.strictEqual(report.status, "rejected")
      assert.deepStrictEqual(
        report.problems.map((p) => p.code),
        ["geen-recht"]
      )
      assert.include(report.problems[0]?.message, "alleen de rollen beheerder en programma")
    }
    const programma = await run(db, bytes, { writes: Access.writes.programma })
    assert.strictEqual(programma.status, "imported", JSON.stringify(programma.problems))
  })
})

describe("the programme workbook, as a property", () => {
  const woorden = fc
    .array(fc.constantFrom("Ondernemers", "zijn", "weerbaar", "online", "één", "€", "20%", "(MKB)", "a/b"), {
      minLength: 1,
      maxLength: 6
    })
    .map((w) => w.join(" "))
  const waarde = fc.integer({ min: 1, max: 1_000_000 }).map((n) => n / 100)
  const periode = fc.constantFrom("2026", "2026-Q2", "2026-03")
  const regel = fc.oneof(
    fc
      .record({
        basis: waarde,
        stap: waarde,
        tolerantie: fc.integer({ min: 0, max: 500 }).map((n) => n / 10),
        lager: fc.boolean()
      })
      .map(({ basis, stap, tolerantie, lager }) => ({
        richting: lager ? ("lager" as const) : ("hoger" as const),
        regel: {
          soort: "traject" as const,
          basis: { periode: "2023", waarde: lager ? basis + stap : basis },
          doel: { periode: "2026", waarde: lager ? basis : basis + stap },
          tolerantie
        }
      })),
    fc
      .record({ minimum: waarde, periode })
      .map((r) => ({ richting: "hoger" as const, regel: { soort: "minimum-aantal" as const, ...r } })),
    fc
      .record({ perMaand: waarde, periode })
      .map((r) => ({ richting: "hoger" as const, regel: { soort: "gemiddeld-per-maand" as const, ...r } })),
    fc
      .record({
        niveau: fc.constantFrom("district", "basisteam", "gemeente", "kwartaal", "maand"),
        minimumPerEenheid: waarde,
        periode
      })
      .map((r) => ({ richting: "hoger" as const, regel: { soort: "dekking" as const, ...r } })),
    fc
      .record({ groeiPercentage: fc.integer({ min: -5000, max: 5000 }).map((n) => n / 10), periode })
      .map((r) => ({
        richting: "hoger" as const,
        regel: { soort: "groei" as const, ...r }
      })),
    fc
      .record({ teksten: fc.array(woorden, { minLength: 1, maxLength: 4 }), periode })
      .map(({ teksten, periode }) => ({
        richting: "hoger" as const,
        regel: {
          soort: "mijlpalen" as const,
          mijlpalen: teksten.map((tekst, i) => ({ id: `m${i + 1}`, tekst })),
          periode
        }
      })),
    fc
      .record({
        niveau: fc.constantFrom("district", "basisteam", "gemeente"),
        minimumAandeel: fc.integer({ min: 0, max: 100 }),
        periode
      })
      .map((r) => ({ richting: "hoger" as const, regel: { soort: "aandeel" as const, ...r } }))
  )

  it("reads every rule and name back as the workbook states it, whatever the database held", async () => {
    const gemeten = new Set(dataset.metingen.map((m) => `${m.jaar}/${m.indicator}`))
    const target = dataset.indicatoren.find(
      (i) => i.jaar === 2026 && !gemeten.has(`2026/${i.id}`) && i.telling === undefined
    )
    if (target === undefined) throw new Error("no unmeasured indicator of 2026")
    await fc.assert(
      fc.asyncProperty(regel, woorden, async ({ richting, regel }, naam) => {
        const indicator = { ...target, eenheid: "stuks", richting, regel } as Indicator.Indicator
        const din = dataset.program.strategieperioden[0] as Din.Din
        const changed: Dataset.Dataset = {
          ...dataset,
          program: {
            ...dataset.program,
            strategieperioden: [
              { ...din, baten: din.baten.map((b) => (b.id === "baat-3" ? { ...b, naam } : b)) }
            ]
          },
          indicatoren: dataset.indicatoren.map((i) =>
            i.jaar === target.jaar && i.id === target.id ? indicator : i
          )
        }
        // Read against the database as it was: what comes out is what the workbook says.
        const read = await readProgramma(await bytesOf(await exported(changed)), dataset)
        assert.deepStrictEqual(read.problems, [])
        assert.deepStrictEqual(
          read.records?.indicatoren.find((i) => i.id === target.id && i.jaar === target.jaar),
          indicator
        )
        assert.strictEqual(
          read.records?.program.strategieperioden[0]?.baten.find((b) => b.id === "baat-3")?.naam,
          naam
        )
      }),
      { numRuns: 15 }
    )
  }, 120_000)
})

describeWithTool(libreOffice, "the programme workbook saved by LibreOffice", (soffice) => {
  it("reads back unchanged after LibreOffice wrote it", { timeout: 180_000 }, async () => {
    const dir = folder()
    const input = join(dir, "programma.xlsx")
    writeFileSync(input, await bytesOf(await exported(dataset)))
    convertWithLibreOffice(soffice, [input], { to: "xlsx", outDir: join(dir, "lo") })
    const bytes = readFileSync(join(dir, "lo", "programma.xlsx"))
    const db = await freshDatabase()
    const report = await run(db, bytes)
    assert.deepStrictEqual(report.problems, [])
    assert.strictEqual(report.status, "unchanged")
  })
})
