import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Activities, Gebieden, Imports, Measurements, Registrations } from "@dvcc/store"
import { Effect } from "effect"
import ExcelJS from "exceljs"
import { assert, describe, it } from "vitest"
import { Import } from "../src/index.ts"
import {
  folder,
  freshDatabase,
  importBytes,
  onDatabase,
  registratiesHeader,
  workbook
} from "./importFixtures.ts"

/** `actual` holds every field of `expected`. */
const has = (actual: unknown, expected: Record<string, unknown>, message?: string) =>
  assert.deepInclude(actual as Record<string, unknown>, expected, message)

const registrations = (db: string) =>
  onDatabase(
    db,
    Effect.gen(function* () {
      return yield* (yield* Registrations.Registrations).recorded({ periode: undefined })
    })
  )

const imported = async (db: string) =>
  (await registrations(db)).filter((r) => r.registration.herkomst.document === "Excel-import")

describe("Import: Registraties end to end", () => {
  it("imports police figures with provenance, and a re-import writes nothing new", async () => {
    const db = await freshDatabase()
    const bytes = await workbook({
      Registraties: [
        ["Politiecijfers district Noord (fictief)"],
        [],
        [...registratiesHeader],
        ["2025-Q1", "Utrecht", "phishing", 12, 30, 10, 125_000],
        ["maart 2025", "GM0307", "aan- en verkoopfraude", 3, null, null, null],
        ["2025", "Amersfoort", "Vriend in nood", null, 7, null, null]
      ]
    })
    const first = await importBytes(db, bytes)
    assert.strictEqual(first.status, "imported")
    assert.strictEqual(first.problemCount, 0)
    assert.deepStrictEqual(first.sheets, [
      {
        name: "Registraties",
        kind: "registraties",
        rows: 3,
        accepted: 3,
        unchanged: 0,
        rejected: 0,
        skipped: 0
      }
    ])
    const rows = await imported(db)
    assert.lengthOf(rows, 3)
    const utrecht = rows.find((r) => r.registration.periode === "2025-Q1")
    has(utrecht?.registration, {
      gebied: { niveau: "gemeente", code: "GM0344" },
      delict: "phishing",
      aangiften: 12,
      meldingen: 30,
      slachtoffers: 10,
      schade: 12_500_000
    })
    has(utrecht?.provenance, {
      importId: first.importId ?? "",
      file: "district.xlsx",
      sheet: "Registraties",
      row: 4
    })
    // An empty optional cell is unknown, never 0.
    const amersfoort = rows.find((r) => r.registration.periode === "2025-03")
    has(amersfoort?.registration, {
      aangiften: 3,
      meldingen: null,
      slachtoffers: null,
      schade: null
    })

    const again = await importBytes(db, bytes)
    assert.strictEqual(again.status, "unchanged")
    assert.strictEqual(again.importId, null)
    assert.strictEqual(again.sheets[0]?.unchanged, 3)
    // The same rows in another file (other title, other order, other sheet name) are unchanged too.
    const other = await workbook({
      "Registraties 2025": [
        ["Gemeente", "Delict", "Periode", "Meldingen", "Aangiften", "Slachtoffers", "Schade (€)"],
        ["Amersfoort", "vriend-in-nood-fraude", "2025", 7, null, null, null],
        ["Utrecht", "Phishing", "2025 Q1", 30, 12, 10, "€ 125.000"]
      ]
    })
    const third = await importBytes(db, other, {}, "kopie.xlsx")
    assert.strictEqual(third.status, "unchanged")
    const list = await onDatabase(
      db,
      Effect.flatMap(Imports.Imports, (i) => i.list).pipe(Effect.provide(Imports.Imports.layer))
    )
    assert.lengthOf(list, 1, "a re-import leaves no import behind")
    assert.strictEqual(list[0]?.sha256, first.sha256)
  })

  it("is all or nothing by default, and with acceptValid writes the valid rows and the rejected ones to a file", async () => {
    const db = await freshDatabase()
    const bytes = await workbook({
      Registraties: [
        [...registratiesHeader],
        ["2025-01", "Utrecht", "phishing", 1, null, null, null],
        ["2025-02", "Amsterdam", "phishing", 2, null, null, null],
        ["2025-03", "Utrecht", "fishingg", 3, null, null, null]
      ]
    })
    const refused = await importBytes(db, bytes)
    assert.strictEqual(refused.status, "rejected")
    assert.strictEqual(refused.importId, null)
    assert.lengthOf(await imported(db), 0)
    assert.deepStrictEqual(
      refused.problems.map((p) => [p.cell, p.row, p.column, p.value, p.code]),
      [
        ["Registraties!B3", 3, "Gemeente", "Amsterdam", "onbekende-gemeente"],
        ["Registraties!C4", 4, "Delict", "fishingg", "onbekend-label"]
      ]
    )
    assert.strictEqual(refused.problems[1]?.suggestions?.[0], "phishing")
    assert.match(
      refused.problems[0]?.message ?? "",
      /^Registraties!B3 \(Gemeente\): "Amsterdam" is geen gemeente van regio Midden-Nederland; bedoelt u /
    )

    const target = join(folder(), "district.afgekeurd.xlsx")
    const partly = await importBytes(db, bytes, { acceptValid: true, rejectedFile: target })
    assert.strictEqual(partly.status, "rejected")
    assert.notStrictEqual(partly.importId, null)
    has(partly.sheets[0], { rows: 3, accepted: 1, rejected: 2 })
    assert.lengthOf(await imported(db), 1)
    const rejected = new ExcelJS.Workbook()
    await rejected.xlsx.load(readFileSync(target) as unknown as ArrayBuffer)
    const sheet = rejected.getWorksheet("Registraties")
    const values = (row: number) => ((sheet?.getRow(row).values ?? []) as Array<unknown>).slice(1)
    assert.deepStrictEqual(values(1), [...registratiesHeader, "Oorspronkelijke rij", "Reden afkeuring"])
    assert.deepStrictEqual(values(2).slice(0, 3), ["2025-02", "Amsterdam", "phishing"])
    assert.strictEqual(values(2)[7], 3)
    assert.match(String(values(2)[8]), /Amsterdam" is geen gemeente/)
    assert.strictEqual(sheet?.rowCount, 3)
  })

  it("stays all or nothing when rows are written in batches while the workbook is read", async () => {
    const db = await freshDatabase()
    const bytes = await workbook({
      Registraties: [
        [...registratiesHeader],
        ["2025-01", "Utrecht", "phishing", 1],
        ["2025-02", "Utrecht", "phishing", 2],
        ["2025-03", "Utrecht", "phishing", "drie"]
      ]
    })
    const refused = await importBytes(db, bytes, { batchSize: 1, worker: true })
    assert.strictEqual(refused.status, "rejected")
    assert.deepStrictEqual(refused.sheets[0]?.accepted, 0)
    assert.lengthOf(await imported(db), 0, "the batches written before the problem are rolled back")
    const partly = await importBytes(db, bytes, {
      batchSize: 1,
      acceptValid: true,
      rejectedFile: join(folder(), "r.xlsx")
    })
    assert.strictEqual(partly.sheets[0]?.accepted, 2)
    assert.lengthOf(await imported(db), 2)
  })

  it("warns about a period that stands apart from the rest, naming it and the rows it has", async () => {
    const db = await freshDatabase()
    const delicten = ["hacken", "phishing", "ransomware", "sextortion"]
    const bytes = await workbook({
      Registraties: [
        [...registratiesHeader],
        ...delicten.map((d) => ["2026-Q1", "Utrecht", d, 4]),
        ["maart 2026", "Utrecht", "hacken", 1]
      ]
    })
    const report = await importBytes(db, bytes, { dryRun: true })
    const warning = report.warnings.find((w) => w.code === "periode-losstaand")
    assert.isDefined(warning)
    assert.include(warning?.message, "maart 2026 heeft 1 registratie")
    assert.include(warning?.message, "2026 Q1")
  })

  it("dry run checks and writes nothing", async () => {
    const db = await freshDatabase()
    const bytes = await workbook({
      Registraties: [[...registratiesHeader], ["2025", "Utrecht", "hacken", 4]]
    })
    const report = await importBytes(db, bytes, { dryRun: true })
    assert.strictEqual(report.status, "dry-run")
    assert.strictEqual(report.sheets[0]?.accepted, 1)
    assert.lengthOf(await imported(db), 0)
  })
})

describe("Import: reading the workbook as people fill it in", () => {
  it("finds the header under a title block, in any order and spelling, ignores extra columns and skips Totaal", async () => {
    const db = await freshDatabase()
    const bytes = await workbook({
      Blad1: [
        ["Fictieve voorbeelddata"],
        [null, "Opgesteld door district Oost"],
        [],
        ["  SCHADE (€) ", "delict", "gemeente\u00a0", "Opmerkingen", "Periode", "aangiften"],
        ["1.234,56", "Ransomware ", " Utrecht\u00a0", "x", "2025-Q2", "1.234"],
        [null, "Totaal", null, null, null, 1234],
        ["Totaal", null, null, null, null, 1234],
        []
      ]
    })
    const report = await importBytes(db, bytes)
    assert.strictEqual(report.problemCount, 0, JSON.stringify(report.problems))
    assert.deepStrictEqual(report.sheets[0], {
      name: "Blad1",
      kind: "registraties",
      rows: 1,
      accepted: 1,
      unchanged: 0,
      rejected: 0,
      skipped: 2
    })
    assert.deepStrictEqual(
      report.warnings.map((w) => [w.code, w.cell]),
      [
        ["kolom-genegeerd", "Blad1!D4"],
        ["totaalrij", "Blad1!A6"],
        ["totaalrij", "Blad1!A7"]
      ]
    )
    const [row] = await imported(db)
    has(row?.registration, {
      periode: "2025-Q2",
      delict: "ransomware",
      aangiften: 1234,
      schade: 123_456
    })
  })

  it("reads Dutch values: real and typed dates, numbers as text, formulas, percentages, merged cells", async () => {
    const db = await freshDatabase()
    const bytes = await workbook(
      {
        Activiteiten: [
          ["Datum", "Gemeente", "Activiteit", "Actie", "Doelgroep", "Bereik", "Omschrijving"],
          [
            new Date(Date.UTC(2025, 1, 3)),
            "Utrecht",
            "Echt-Nep-bijeenkomst",
            "4",
            "Senioren",
            "1.200",
            "Bibliotheek "
          ],
          ["3-2-2025", "Amersfoort", "RIEC casus", null, null, null, null],
          [
            "03/02/2025",
            "GM0310",
            "kennisbijeenkomst",
            2,
            "MKB",
            { formula: "10+20", result: 30 },
            "Ondernemers"
          ],
          [null, null, "CISO-bijeenkomst", null, "professionals", null, "Samengevoegde datum en gemeente"]
        ],
        Metingen: [
          ["Indicator", "Periode", "Eenheid", "Waarde", "Bron", "Toelichting"],
          ["aangiftebereidheid", "2025", "regio", 0.169, "Veiligheidsmonitor", "percentage-opgemaakte cel"],
          ["slachtofferschap", "2025", "Midden-Nederland", "16,9%", "VM", null],
          ["kennisbijeenkomsten", "2025-Q1", "Utrecht", "12", null, null]
        ]
      },
      (ws) => {
        if (ws.name === "Activiteiten") {
          ws.mergeCells("A4:A5")
          ws.mergeCells("B4:B5")
        }
        if (ws.name === "Metingen") ws.getCell("D2").numFmt = "0.0%"
      }
    )
    const report = await importBytes(db, bytes)
    assert.strictEqual(report.problemCount, 0, JSON.stringify(report.problems))
    assert.strictEqual(report.status, "imported")
    const activities = await onDatabase(
      db,
      Effect.flatMap(Activities.Activities, (a) => a.list())
    )
    const mine = activities.filter((a) => a.id.startsWith("act-2025-02-03"))
    assert.lengthOf(mine, 4)
    const bySoort = new Map(mine.map((a) => [a.soort, a]))
    has(bySoort.get("echt-nep-bijeenkomst"), {
      datum: "2025-02-03",
      gemeente: "GM0344",
      actie: 4,
      doelgroep: "senioren",
      bereik: 1200,
      omschrijving: "Bibliotheek"
    })
    assert.isUndefined(bySoort.get("riec-casus")?.bereik, "empty bereik is unknown, not 0")
    assert.strictEqual(bySoort.get("kennisbijeenkomst")?.bereik, 30)
    has(bySoort.get("ciso-bijeenkomst"), { datum: "2025-02-03", gemeente: "GM0310" })
    const measurements = await onDatabase(
      db,
      Effect.flatMap(Measurements.Measurements, (m) => m.list())
    )
    const fromImport = measurements.filter((m) => m.herkomst.document === "Excel-import")
    const waarde = (indicator: string) => fromImport.find((m) => m.indicator === indicator)?.waarde
    assert.strictEqual(waarde("aangiftebereidheid"), 16.9)
    assert.strictEqual(waarde("slachtofferschap"), 16.9)
    assert.strictEqual(waarde("kennisbijeenkomsten"), 12)
    assert.deepStrictEqual(fromImport.find((m) => m.indicator === "kennisbijeenkomsten")?.gebied as unknown, {
      niveau: "gemeente",
      code: "GM0344"
    })
  })

  it("imports Gebieden with a history of inhabitants", async () => {
    const db = await freshDatabase()
    const bytes = await workbook({
      Gebieden: [
        ["Gemeente", "District", "Basisteam", "Inwoners", "Peildatum"],
        ["Utrecht", "Utrecht Stad", "Utrecht Centrum", 361_000, "1-1-2024"],
        ["GM0344", "Utrecht Stad", "Utrecht Centrum", "372.000", "1-1-2025"],
        ["Baarn", null, null, null, null]
      ]
    })
    const report = await importBytes(db, bytes)
    assert.strictEqual(report.problemCount, 0, JSON.stringify(report.problems))
    const gemeenten = await onDatabase(
      db,
      Effect.flatMap(Gebieden.Gebieden, (g) => g.list())
    )
    const utrecht = gemeenten.find((g) => g.gemeente.code === "GM0344")?.gemeente
    assert.deepStrictEqual(
      utrecht?.inwoners
        .map((i) => [i.peildatum, i.aantal])
        .filter(([p]) => p === "2024-01-01" || p === "2025-01-01"),
      [
        ["2024-01-01", 361_000],
        ["2025-01-01", 372_000]
      ]
    )
    assert.notStrictEqual(utrecht?.district, null)
  })

  it("refuses labels outside the lists, naming the closest valid ones", async () => {
    const db = await freshDatabase()
    const bytes = await workbook({
      Activiteiten: [
        ["Datum", "Gemeente", "Activiteit", "Doelgroep"],
        ["1-3-2025", "GM9999", "kennisbijeenkomt", "jeugt"],
        ["31-2-2025", "Utrecht", "huisbezoek", null]
      ]
    })
    const report = await importBytes(db, bytes)
    assert.deepStrictEqual(
      report.problems.map((p) => [p.cell, p.code, p.suggestions?.[0]]),
      [
        ["Activiteiten!B2", "onbekende-gemeente", report.problems[0]?.suggestions?.[0]],
        ["Activiteiten!C2", "onbekend-label", "kennisbijeenkomst"],
        ["Activiteiten!D2", "onbekend-label", "jeugd"],
        ["Activiteiten!A3", "geen-datum", undefined]
      ]
    )
    assert.strictEqual(report.problems[3]?.value, "31-2-2025")
    assert.include(report.problems[3]?.expected ?? "", "dag eerst")
  })

  it("reads the milestone of a measurement, and refuses one the indicator does not have at its cell", async () => {
    const db = await freshDatabase()
    const bytes = await workbook({
      Metingen: [
        ["Indicator", "Periode", "Waarde", "Mijlpaal", "Peildatum"],
        ["campagnemateriaal", "2025", 1, "ontwikkeld", null],
        ["campagnemateriaal", "2025", 1, "beschikbaar", "30-9-2025"],
        ["campagnemateriaal", "2025", 1, "verspreid", null],
        ["kennisbijeenkomsten", "2025", 4, "ontwikkeld", null]
      ]
    })
    const report = await importBytes(db, bytes)
    assert.deepStrictEqual(
      report.problems.map((p) => [p.cell, p.code]),
      [
        ["Metingen!D4", "onbekende-mijlpaal"],
        ["Metingen!D5", "onbekende-mijlpaal"]
      ]
    )
    assert.include(report.problems[0]?.message ?? "", "ontwikkeld, beschikbaar")
    assert.include(report.problems[1]?.message ?? "", "heeft geen mijlpalen")
  })

  it("reports a missing required column and a missing count", async () => {
    const db = await freshDatabase()
    const bytes = await workbook({
      Registraties: [
        ["Periode", "Delict", "Aangiften"],
        ["2025", "phishing", 3]
      ],
      Metingen: [
        ["Indicator", "Periode", "Waarde"],
        ["onbekend", "2025", 3]
      ],
      Gebieden: [
        ["Gemeente", "Inwoners"],
        ["Utrecht", 5]
      ]
    })
    const report = await importBytes(db, bytes)
    assert.deepStrictEqual(
      report.problems.map((p) => [p.cell, p.code]),
      [
        ["Registraties!A1", "kolom-ontbreekt"],
        ["Metingen!A2", "onbekende-indicator"],
        ["Gebieden!B2", "peildatum-ontbreekt"]
      ]
    )
    assert.include(report.problems[0]?.message ?? "", "Gemeente")
  })

  it("lists the first 1,000 of thousands of problems with the total, quickly", async () => {
    const db = await freshDatabase()
    const rows = Array.from({ length: 5000 }, (_, i) => [
      `2025-${(i % 12) + 1}`,
      "Nergenshuizen",
      "phishing",
      i
    ])
    const bytes = await workbook({ Registraties: [[...registratiesHeader], ...rows] })
    const start = performance.now()
    const report = await importBytes(db, bytes)
    const elapsed = performance.now() - start
    assert.strictEqual(report.problemCount, 5000)
    assert.lengthOf(report.problems, 1000)
    assert.strictEqual(report.problems[999]?.cell, "Registraties!B1001")
    assert.isBelow(elapsed, 15_000)
  }, 30_000)

  it("reads the same with the streaming reader as loaded whole", async () => {
    const bytes = await workbook({
      Registraties: [
        ["Titel"],
        [...registratiesHeader],
        [2025, "Utrecht", "phishing", "12", 1, null, "€ 1.300.000"],
        [
          new Date(Date.UTC(2025, 2, 1)),
          "Zeist",
          "datingfraude",
          { formula: "1+1", result: 2 },
          null,
          null,
          12.5
        ],
        ["2025-Q4", "Nergens", "phishing", -1]
      ]
    })
    const db = await freshDatabase()
    const whole = await importBytes(db, bytes, { dryRun: true, stream: false })
    const streamed = await importBytes(db, bytes, { dryRun: true, stream: true, worker: false })
    assert.deepStrictEqual(streamed, whole)
    const inWorker = await importBytes(db, bytes, { dryRun: true, stream: true, worker: true, batchSize: 1 })
    assert.deepStrictEqual(inWorker, whole)
    assert.deepStrictEqual(
      whole.problems.map((p) => p.code),
      ["onbekende-gemeente", "negatief"]
    )
    assert.strictEqual(whole.sheets[0]?.accepted, 2)
  })

  it("gives the exit code and the JSON object the CLI prints", async () => {
    const db = await freshDatabase()
    const bytes = await workbook({ Registraties: [[...registratiesHeader], ["2025", "Utrecht", "spam", 1]] })
    const report = await importBytes(db, bytes)
    assert.strictEqual(Import.exitCode(report), 1)
    const json = Import.toJson(report)
    assert.deepStrictEqual(Object.keys(json), [
      "file",
      "sha256",
      "status",
      "dryRun",
      "importId",
      "sheets",
      "problems",
      "problemCount",
      "warnings",
      "rejectedFile"
    ])
    assert.deepStrictEqual(Object.keys(json.problems[0] ?? {}), [
      "sheet",
      "cell",
      "row",
      "column",
      "value",
      "expected",
      "code",
      "message",
      "suggestions"
    ])
    assert.match(json.sha256, /^[0-9a-f]{64}$/)
  })
})

describe("Import: one row per key", () => {
  it("refuses a registration that appears twice, naming the first", async () => {
    const db = await freshDatabase()
    const bytes = await workbook({
      Registraties: [[...registratiesHeader], ["2025", "Utrecht", "phishing", 1]],
      "Registraties 2": [[...registratiesHeader], ["2025", "GM0344", "Phishing", 2]]
    })
    const report = await importBytes(db, bytes)
    assert.deepStrictEqual(
      report.problems.map((p) => [p.cell, p.code, p.message]),
      [
        [
          "'Registraties 2'!A2",
          "dubbel",
          "'Registraties 2'!A2 (Periode): dezelfde periode, gemeente en delict als Registraties!A2."
        ]
      ]
    )
  })
})
