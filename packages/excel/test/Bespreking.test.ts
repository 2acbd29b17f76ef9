/**
 * Besprekingen in de driehoek in the Activiteiten sheet: the columns Informatiebeeld, Deelnemers driehoek
 * and Afspraken round-trip through `export data` and its import (ids, uiterlijk and afgerond kept), a
 * gemeente's advisor fills them in by hand, and a mistake is a problem at its cell, in Dutch.
 */
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Activity, Bespreking, Dataset, Periode } from "@dvcc/core"
import { dataset as bundled } from "@dvcc/midden-nederland"
import { Activities, Database, Gebieden, Measurements, ProgramStore, Registrations } from "@dvcc/store"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Result } from "effect"
import * as fc from "fast-check"
import { Export, Import } from "../src/index.ts"
import * as Afspraken from "../src/internal/afspraken.ts"

const storeLayer = (file: string) =>
  Layer.mergeAll(
    Registrations.Registrations.layer,
    Activities.Activities.layer,
    Measurements.Measurements.layer,
    Gebieden.Gebieden.layer
  ).pipe(Layer.provideMerge(Database.layer({ _tag: "Sqlite", file })))

const seeded = async (data: Dataset.Dataset): Promise<string> => {
  const file = join(mkdtempSync(join(tmpdir(), "dvcc-bespreking-")), "dvcc.sqlite")
  await Effect.runPromise(
    Effect.flatMap(ProgramStore.ProgramStore, (store) =>
      store.seed(data, { actor: "test", source: "test" })
    ).pipe(Effect.provide(storeLayer(file)))
  )
  return file
}

const load = (file: string) =>
  Effect.runPromise(
    Effect.flatMap(ProgramStore.ProgramStore, (s) => s.load).pipe(Effect.provide(storeLayer(file)))
  )

const importeer = async (db: string, bytes: Buffer, dryRun = false) =>
  Effect.runPromise(
    Import.run({ bytes, name: "district.xlsx" }, { actor: "test", dryRun }).pipe(
      Effect.provide(storeLayer(db))
    )
  )

const bespreking: Activity.Activity = {
  id: "act-2025-12-15-GM0307-informatiebeeld-besproken-in-driehoek-0000000000",
  datum: "2025-12-15" as never,
  gemeente: "GM0307" as never,
  soort: "informatiebeeld-besproken-in-driehoek",
  omschrijving: "Basisteamdriehoek december",
  bespreking: {
    informatiebeeld: "2025-Q4" as never,
    deelnemers: ["burgemeester", "politie basisteam", "OM"],
    afspraken: [
      {
        id: "a1",
        wat: "Voorlichting senioren over phishing",
        wie: "gemeente",
        uiterlijk: "2026-03-01" as never,
        status: "open"
      },
      {
        id: "a3",
        wat: "Cijfers helpdeskfraude",
        wie: "politie",
        status: "afgerond",
        afgerondOp: "2026-01-10" as never
      }
    ]
  }
}

describe("besprekingen in the Activiteiten sheet", () => {
  it("export data → import gives the same bespreking back, ids, dates and status included", {
    timeout: 120_000
  }, async () => {
    const source = await seeded({ ...bundled, activiteiten: [bespreking], registraties: [], metingen: [] })
    const { workbook } = Export.dataWorkbook({ dataset: await load(source) })
    const cell = workbook.getWorksheet("Activiteiten")?.getCell("J2").value
    assert.strictEqual(
      cell,
      "a1: Voorlichting senioren over phishing; gemeente; uiterlijk 1-3-2026\na3: Cijfers helpdeskfraude; politie; afgerond 10-1-2026"
    )
    const target = await seeded({ ...bundled, activiteiten: [], registraties: [], metingen: [] })
    const report = await importeer(target, Buffer.from(await workbook.xlsx.writeBuffer()))
    assert.deepStrictEqual(report.problems, [])
    const [copy] = (await load(target)).activiteiten
    assert.deepStrictEqual(copy?.bespreking, bespreking.bespreking)
  })

  it("reads a bespreking an advisor types into the template; mistakes are problems at their cells", {
    timeout: 120_000
  }, async () => {
    const db = await seeded(bundled)
    const workbook = Export.templateWorkbook(bundled.regio)
    const sheet = workbook.getWorksheet("Activiteiten")
    if (sheet === undefined) throw new Error("Activiteiten")
    const rij = (n: number, values: ReadonlyArray<unknown>) =>
      values.forEach((v, i) => {
        sheet.getCell(n, i + 1).value = v as never
      })
    const driehoek = "informatiebeeld besproken in de driehoek"
    rij(2, [
      new Date(Date.UTC(2025, 11, 15)),
      "Amersfoort",
      driehoek,
      null,
      null,
      null,
      "Driehoek",
      "2025-Q4",
      "burgemeester; OM",
      "Voorlichting senioren; gemeente; 1-3-2026\nTerugkoppeling raad; burgemeester"
    ])
    const ok = await importeer(db, Buffer.from(await workbook.xlsx.writeBuffer()), true)
    assert.deepStrictEqual(ok.problems, [])
    assert.strictEqual(ok.sheets.find((s) => s.kind === "activiteiten")?.accepted, 1)

    rij(3, [
      new Date(Date.UTC(2025, 11, 16)),
      "Amersfoort",
      driehoek,
      null,
      null,
      null,
      "Zonder wie",
      "2025-Q4",
      null,
      "Alleen wat"
    ])
    rij(4, [
      new Date(Date.UTC(2025, 11, 17)),
      "Amersfoort",
      "kennisbijeenkomst",
      null,
      null,
      null,
      "Geen driehoek",
      null,
      null,
      "Iets; iemand"
    ])
    rij(5, [
      new Date(Date.UTC(2025, 11, 18)),
      "Amersfoort",
      driehoek,
      null,
      null,
      null,
      "Geen beeld",
      null,
      "OM",
      null
    ])
    rij(6, [
      new Date(Date.UTC(2025, 11, 19)),
      "Amersfoort",
      driehoek,
      null,
      null,
      null,
      "Rare datum",
      "2025-Q4",
      null,
      "Iets; iemand; morgen"
    ])
    const bad = await importeer(db, Buffer.from(await workbook.xlsx.writeBuffer()), true)
    const messages = bad.problems.map((p) => `${p.cell}: ${p.message}`).join("\n")
    for (const expected of [
      /Activiteiten!J3: .*afspraak 1 \("Alleen wat"\): schrijf "wat; wie"/,
      /Activiteiten!J4: .*horen alleen bij de soort ‘informatiebeeld besproken in de driehoek’/,
      /Activiteiten!H5: .*vul bij een bespreking in de driehoek in welk informatiebeeld is besproken/,
      /Activiteiten!J6: .*"morgen" is geen datum/
    ])
      assert.match(messages, expected)
  })
})

describe("the Afspraken cell", () => {
  const tekst = fc
    .string({ minLength: 1, maxLength: 40 })
    .map((s) =>
      s
        .replace(/[;\n\r:]/g, " ")
        .replace(/\s+/g, " ")
        .trim()
    )
    .filter((s) => s !== "")
  const datum = fc
    .date({
      min: new Date("2020-01-01T00:00:00Z"),
      max: new Date("2030-12-31T00:00:00Z"),
      noInvalidDate: true
    })
    .map((d) => d.toISOString().slice(0, 10) as Periode.Datum)
  const afspraak = fc.record({
    wat: tekst,
    wie: tekst,
    uiterlijk: fc.option(datum, { nil: undefined }),
    afgerondOp: fc.option(datum, { nil: undefined })
  })

  it("reads back what it writes: ids, texts, uiterlijk and afgerond", () => {
    fc.assert(
      fc.property(fc.array(afspraak, { maxLength: 8 }), (rows) => {
        const afspraken: Array<Bespreking.Afspraak> = rows.map((r, i) => ({
          id: `a${i * 2 + 1}`,
          wat: r.wat,
          wie: r.wie,
          ...(r.uiterlijk === undefined ? {} : { uiterlijk: r.uiterlijk }),
          status: r.afgerondOp === undefined ? "open" : "afgerond",
          ...(r.afgerondOp === undefined ? {} : { afgerondOp: r.afgerondOp })
        }))
        const read = Afspraken.parseAfspraken(Afspraken.formatAfspraken(afspraken))
        assert.deepStrictEqual(Result.getOrThrow(read), afspraken)
      })
    )
  })
})
