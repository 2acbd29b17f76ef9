/**
 * Issue 5's round trip: `export data` of a database holding hundreds of records of every kind, imported
 * into an empty database, yields the same records.
 */
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Dataset } from "@dvcc/core"
import { dataset as bundled } from "@dvcc/midden-nederland"
import { Activities, Database, Gebieden, Measurements, ProgramStore, Registrations } from "@dvcc/store"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { Export, Import } from "../../src/index.ts"
import { bigDataset } from "./fixtures.ts"

const storeLayer = (file: string) =>
  Layer.mergeAll(
    Registrations.Registrations.layer,
    Activities.Activities.layer,
    Measurements.Measurements.layer,
    Gebieden.Gebieden.layer
  ).pipe(Layer.provideMerge(Database.layer({ _tag: "Sqlite", file })))

const seeded = async (data: Dataset.Dataset): Promise<string> => {
  const file = join(mkdtempSync(join(tmpdir(), "dvcc-roundtrip-")), "dvcc.sqlite")
  await Effect.runPromise(
    Effect.gen(function* () {
      const store = yield* ProgramStore.ProgramStore
      yield* store.seed(data, { actor: "test", source: "test" })
    }).pipe(Effect.provide(storeLayer(file)))
  )
  return file
}

const load = (file: string) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const store = yield* ProgramStore.ProgramStore
      return yield* store.load
    }).pipe(Effect.provide(storeLayer(file)))
  )

/** The records as the workbook carries them: without ids, provenance and recording dates. */
const records = (d: Dataset.Dataset) => {
  const naam = (code: string | null) => d.regio.gemeenten.find((g) => g.code === code)?.naam ?? null
  const sorted = <A>(xs: ReadonlyArray<A>) => xs.map((x) => JSON.stringify(x)).sort()
  return {
    activiteiten: sorted(d.activiteiten.map(({ id: _id, ...a }) => a)),
    registraties: sorted(d.registraties.map(({ herkomst: _h, ...r }) => r)),
    metingen: sorted(d.metingen.map(({ id: _id, herkomst: _h, vastgelegdOp: _v, ...m }) => m)),
    gebieden: sorted(
      d.regio.gemeenten.map((g) => ({
        code: g.code,
        district: d.regio.districten.find((x) => x.id === g.district)?.naam ?? null,
        basisteam: d.regio.basisteams.find((x) => x.id === g.basisteam)?.naam ?? null,
        inwoners: g.inwoners.map((t) => [t.aantal, t.peildatum]),
        naam: naam(g.code)
      }))
    )
  }
}

describe("export template → fill in → import", () => {
  it("the importer reads a filled template, and its empty prepared rows are no rows", {
    timeout: 120_000
  }, async () => {
    const db = await seeded(bundled)
    const workbook = Export.templateWorkbook(bundled.regio)
    const importeer = async () =>
      Effect.runPromise(
        Import.run(
          { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), name: "district.xlsx" },
          { actor: "test", dryRun: true }
        ).pipe(Effect.provide(storeLayer(db)))
      )
    const leeg = await importeer()
    assert.deepStrictEqual(leeg.problems, [])
    assert.strictEqual(
      leeg.sheets.reduce((n, s) => n + s.rows, 0),
      0
    )
    // as a user fills it: labels from the dropdowns, real dates, numbers in formatted cells
    const vul = (sheet: string, values: ReadonlyArray<unknown>) => {
      const worksheet = workbook.getWorksheet(sheet)
      if (worksheet === undefined) throw new Error(sheet)
      values.forEach((v, i) => {
        worksheet.getCell(2, i + 1).value = v as never
      })
    }
    vul("Activiteiten", [
      new Date(Date.UTC(2025, 2, 3)),
      "Utrecht",
      "Echt-Nep-bijeenkomst",
      3,
      "senioren",
      45,
      "Bijeenkomst in de bibliotheek"
    ])
    vul("Registraties", ["2025-Q1", "Amersfoort", "aan- en verkoopfraude", 12, null, 9, 1300.5])
    const gevuld = await importeer()
    assert.deepStrictEqual(gevuld.problems, [])
    assert.deepStrictEqual(
      gevuld.sheets.filter((s) => s.rows > 0).map((s) => [s.kind, s.rows, s.accepted]),
      [
        ["activiteiten", 1, 1],
        ["registraties", 1, 1]
      ]
    )
  })
})

describe("export data → import", () => {
  it("an empty database gets the same records back", { timeout: 240_000 }, async () => {
    const source = await seeded(bigDataset())
    const original = await load(source)
    const { workbook, counts } = Export.dataWorkbook({ dataset: original })
    for (const [kind, count] of Object.entries(counts)) assert.isAtLeast(count, 76, kind)
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer())

    // empty: the programme (plans, indicators, region) without any activity, figure or measurement
    const target = await seeded({ ...bundled, activiteiten: [], registraties: [], metingen: [] })
    const report = await Effect.runPromise(
      Import.run({ bytes, name: "export.xlsx" }, { actor: "test" }).pipe(Effect.provide(storeLayer(target)))
    )
    assert.deepStrictEqual(report.problems, [])
    assert.strictEqual(report.status, "imported")
    const copy = await load(target)
    const expected = records(original)
    const actual = records(copy)
    for (const kind of ["activiteiten", "registraties", "metingen", "gebieden"] as const) {
      assert.isAbove(expected[kind].length, 0, kind)
      assert.deepStrictEqual(actual[kind], expected[kind], kind)
    }
  })

  it("the bundled data comes back, with its measurements of a milestone or of part of the period", {
    timeout: 240_000
  }, async () => {
    // A milestone, and a value of part of the period (a peildatum), make a measurement of its own: without
    // the Mijlpaal and Peildatum columns two measurements became one row twice, and the import refused the
    // whole workbook.
    const milestones = bundled.metingen.filter((m) => m.mijlpaal !== undefined || m.peildatum !== undefined)
    assert.isAbove(milestones.length, 1)
    const { workbook } = Export.dataWorkbook({ dataset: bundled })
    assert.isFalse(Export.dataLosses({ dataset: bundled }).some((l) => /mijlpaal|peildatum/.test(l)))
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer())
    const target = await seeded({ ...bundled, activiteiten: [], registraties: [], metingen: [] })
    const report = await Effect.runPromise(
      Import.run({ bytes, name: "export.xlsx" }, { actor: "test" }).pipe(Effect.provide(storeLayer(target)))
    )
    assert.deepStrictEqual(report.problems, [])
    assert.strictEqual(report.status, "imported")
    const key = (m: Dataset.Dataset["metingen"][number]) =>
      JSON.stringify([m.jaar, m.indicator, m.periode, m.gebied, m.mijlpaal, m.peildatum, m.waarde])
    const copied = new Set((await load(target)).metingen.map(key))
    for (const m of milestones)
      assert.isTrue(
        copied.has(key(m)),
        `${key(m)} not in ${[...copied].filter((k) => k.includes(m.indicator)).join(" ")}`
      )
  })
})
