import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Access } from "@dvcc/core"
import { Activities, Gebieden, Measurements, Registrations } from "@dvcc/store"
import { Effect } from "effect"
import ExcelJS from "exceljs"
import { assert, describe, it } from "vitest"
import {
  folder,
  freshDatabase,
  importBytes,
  onDatabase,
  registratiesHeader,
  workbook
} from "./importFixtures.ts"

/** A district token's scope: Amersfoort (GM0307) and De Bilt (GM0310). */
const district = Access.onlyGemeenten(["GM0307", "GM0310"])

const everySheet = () =>
  workbook({
    Registraties: [
      [...registratiesHeader],
      ["2025-01", "Amersfoort", "phishing", 1],
      ["2025-02", "Utrecht", "phishing", 2],
      ["2025-03", "regio", "phishing", 3]
    ],
    Activiteiten: [
      ["Datum", "Gemeente", "Activiteit"],
      ["3-2-2025", "GM0310", "kennisbijeenkomst"],
      ["4-2-2025", "Zeist", "kennisbijeenkomst"]
    ],
    Metingen: [
      ["Indicator", "Periode", "Eenheid", "Waarde"],
      ["kennisbijeenkomsten", "2025-Q1", "Amersfoort", 4],
      ["kennisbijeenkomsten", "2025-Q2", "Midden-Nederland", 5],
      ["kennisbijeenkomsten", "2025-Q3", null, 6]
    ],
    Gebieden: [
      ["Gemeente", "Inwoners", "Peildatum"],
      ["De Bilt", 43_000, "1-1-2025"],
      ["Baarn", 25_000, "1-1-2025"]
    ]
  })

const fromImport = async (db: string) =>
  onDatabase(
    db,
    Effect.gen(function* () {
      const registraties = yield* (yield* Registrations.Registrations).recorded({ periode: undefined })
      const activiteiten = yield* (yield* Activities.Activities).list()
      const metingen = yield* (yield* Measurements.Measurements).list()
      return {
        registraties: registraties.filter((r) => r.registration.herkomst.document === "Excel-import").length,
        activiteiten: activiteiten.filter((a) => a.datum.startsWith("2025-02-0")).length,
        metingen: metingen.filter((m) => m.herkomst.document === "Excel-import").length
      }
    })
  )

describe("Import with a scope of gemeenten (a district's token)", () => {
  it("refuses every row about another gemeente, the region or a district, all or nothing", async () => {
    const db = await freshDatabase()
    const report = await importBytes(db, await everySheet(), { scope: district })
    assert.strictEqual(report.status, "rejected")
    assert.deepStrictEqual(
      report.problems.map((p) => [p.cell, p.code, p.value]),
      [
        ["Registraties!B3", "buiten-scope", "Utrecht"],
        ["Registraties!B4", "buiten-scope", "regio"],
        ["Activiteiten!B3", "buiten-scope", "Zeist"],
        ["Metingen!C3", "buiten-scope", "Midden-Nederland"],
        ["Metingen!C4", "buiten-scope", ""],
        ["Gebieden!A3", "buiten-scope", "Baarn"]
      ]
    )
    assert.strictEqual(
      report.problems[0]?.message,
      "Registraties!B3 (Gemeente): deze rij gaat over gemeente Utrecht; dit token mag alleen importeren voor Amersfoort en De Bilt."
    )
    assert.match(report.problems[1]?.message ?? "", /gaat over regio Midden-Nederland \(geen gemeente\)/)
    assert.deepStrictEqual(await fromImport(db), { registraties: 0, activiteiten: 0, metingen: 0 })
  })

  it("with acceptValid writes the rows in scope and puts the others in the rejected workbook", async () => {
    const db = await freshDatabase()
    const target = join(folder(), "district.afgekeurd.xlsx")
    const report = await importBytes(db, await everySheet(), {
      scope: district,
      acceptValid: true,
      rejectedFile: target
    })
    assert.deepStrictEqual(
      report.sheets.map((s) => [s.name, s.accepted, s.rejected]),
      [
        ["Registraties", 1, 2],
        ["Activiteiten", 1, 1],
        ["Metingen", 1, 2],
        ["Gebieden", 1, 1]
      ]
    )
    assert.deepStrictEqual(await fromImport(db), { registraties: 1, activiteiten: 1, metingen: 1 })
    const gemeenten = await onDatabase(
      db,
      Effect.flatMap(Gebieden.Gebieden, (g) => g.list())
    )
    const inwoners = (code: string) =>
      gemeenten
        .find((g) => g.gemeente.code === code)
        ?.gemeente.inwoners.some(
          (i) => i.peildatum === "2025-01-01" && i.aantal >= 25_000 && i.aantal < 44_000
        )
    assert.isTrue(inwoners("GM0310"))
    assert.isNotTrue(inwoners("GM0308"), "Baarn is outside the scope")
    const rejected = new ExcelJS.Workbook()
    await rejected.xlsx.load(readFileSync(target) as unknown as ArrayBuffer)
    const reason = (sheet: string, row: number) =>
      String(((rejected.getWorksheet(sheet)?.getRow(row).values ?? []) as Array<unknown>).at(-1))
    assert.match(
      reason("Registraties", 2),
      /gemeente Utrecht; dit token mag alleen importeren voor Amersfoort en De Bilt/
    )
    assert.match(reason("Gebieden", 2), /gemeente Baarn/)
  })

  it("reads the same in the worker thread, and a scope of everything refuses nothing for scope", async () => {
    const db = await freshDatabase()
    const inWorker = await importBytes(db, await everySheet(), {
      scope: district,
      worker: true,
      dryRun: true
    })
    assert.strictEqual(inWorker.problems.filter((p) => p.code === "buiten-scope").length, 6)
    const alles = await importBytes(db, await everySheet(), { scope: Access.everything, dryRun: true })
    assert.strictEqual(alles.problemCount, 0, JSON.stringify(alles.problems))
    const none = await importBytes(db, await everySheet(), { scope: Access.onlyGemeenten([]), dryRun: true })
    assert.strictEqual(none.problems.filter((p) => p.code === "buiten-scope").length, 10)
    assert.match(none.problems[0]?.message ?? "", /dit token mag voor geen enkele gemeente importeren\./)
  })

  it("refuses every sheet but Activiteiten for a token that writes activities only (a gemeente)", async () => {
    const db = await freshDatabase()
    for (const worker of [false, true]) {
      const report = await importBytes(db, await everySheet(), {
        scope: Access.everything,
        writes: Access.writes.gemeente,
        worker,
        dryRun: true
      })
      const refused = new Set(report.problems.filter((p) => p.code === "geen-recht").map((p) => p.sheet))
      assert.deepStrictEqual([...refused].sort(), ["Gebieden", "Metingen", "Registraties"])
      assert.match(
        report.problems.find((p) => p.sheet === "Registraties")?.message ?? "",
        /dit token mag geen registraties importeren; laat het blad Registraties weg/
      )
    }
  })

  it("refuses the Gebieden sheet of a token that may not change the geography, in either thread", async () => {
    const db = await freshDatabase()
    for (const worker of [false, true]) {
      const report = await importBytes(db, await everySheet(), {
        scope: Access.everything,
        writes: ["activiteiten", "registraties", "metingen"],
        worker
      })
      assert.strictEqual(report.status, "rejected")
      assert.deepStrictEqual(
        report.problems.map((p) => [p.cell, p.code]),
        [
          ["Gebieden!A2", "geen-recht"],
          ["Gebieden!A3", "geen-recht"]
        ]
      )
      assert.match(report.problems[0]?.message ?? "", /mag district, basisteam en inwoners niet wijzigen/)
    }
    assert.deepStrictEqual(await fromImport(db), { registraties: 0, activiteiten: 0, metingen: 0 })
  })
})
