import { join } from "node:path"
import { Informatiebeeld, Registration } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { Database, Registrations } from "@dvcc/store"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Schema } from "effect"
import { closeMatches } from "../src/commands/informatiebeeld.ts"
import { dvcc, folder } from "./dvcc.ts"

describe("dvcc informatiebeeld", () => {
  it("prints the region's table with bounds, damage, unknowns and sources", async () => {
    const { code, stdout, stderr } = await dvcc("informatiebeeld", "regio", "--periode", "2024")
    assert.strictEqual(code, 0, stderr)
    assert.include(stdout, "Informatiebeeld regio Midden-Nederland — 2024")
    assert.match(stdout, /Delict +Slachtoffers +Per 10\.000 +t\.o\.v\. 2023 +Rang +Schade/)
    assert.match(stdout, /aan- en verkoopfraude +ruim 5\.500 +n\.b\./)
    // A sum with "ruim 5.500" in it is a lower bound, not an exact-looking "ruim 6.884".
    assert.match(stdout, /Totaal +meer dan 6\.884/)
    assert.include(stdout, "Meeste slachtoffers: aan- en verkoopfraude, bankhelpdeskfraude, beleggingsfraude")
    assert.include(stdout, "Bronnen:\n- Jaarplan 2025, Wat is er aan de hand?")
  })

  it("says clearly that a gemeente has no registrations yet, by code or by name", async () => {
    const byCode = await dvcc("informatiebeeld", "GM0344", "--periode", "2025-Q3")
    assert.strictEqual(byCode.code, 0, byCode.stderr)
    assert.include(byCode.stdout, "Informatiebeeld Utrecht (GM0344) — 2025 Q3")
    assert.include(byCode.stdout, "Voor Utrecht zijn nog geen registraties vastgelegd voor 2025 Q3")
    assert.include(byCode.stdout, "alleen cijfers voor de regio Midden-Nederland als geheel")
    const byName = await dvcc("informatiebeeld", "utrecht", "--periode", "2025-Q3")
    assert.strictEqual(byName.stdout, byCode.stdout)
  })

  it("reads --periode in the notations the import reads ('Q3 2025', '3e kwartaal 2025')", async () => {
    const iso = await dvcc("informatiebeeld", "GM0344", "--periode", "2025-Q3")
    for (const typed of ["Q3 2025", "3e kwartaal 2025"]) {
      const other = await dvcc("informatiebeeld", "GM0344", "--periode", typed)
      assert.strictEqual(other.code, 0, other.stderr)
      assert.strictEqual(other.stdout, iso.stdout)
    }
  })

  it("without --periode shows the latest well covered period: one stray month among quarters does not move it", async () => {
    const db = join(folder(), "dvcc.sqlite")
    await dvcc("init", "--db", db)
    const row = (periode: string, delict: string) =>
      Schema.decodeUnknownSync(Registration.Registration)({
        periode,
        gebied: { niveau: "gemeente", code: "GM0344" },
        delict,
        aangiften: 5,
        meldingen: null,
        slachtoffers: 5,
        schade: null,
        herkomst: { document: "politie.xlsx", sectie: "blad Registraties" }
      })
    const rows = [...Registration.Delict.literals.map((d) => row("2026-Q1", d)), row("2026-03", "phishing")]
    await Effect.runPromise(
      Effect.flatMap(Registrations.Registrations, (r) =>
        r.record(rows, { importId: "q", actor: "test" })
      ).pipe(
        Effect.provide(
          Registrations.Registrations.layer.pipe(
            Layer.provideMerge(Database.layer({ _tag: "Sqlite", file: db }))
          )
        )
      )
    )
    const { code, stdout, stderr } = await dvcc("informatiebeeld", "GM0344", "--db", db)
    assert.strictEqual(code, 0, stderr)
    assert.include(stdout, "Informatiebeeld Utrecht (GM0344) — 2026 Q1")
  })

  it("shows a regio of which only some gemeenten have registrations as their sum, saying so first", async () => {
    const db = join(folder(), "dvcc.sqlite")
    await dvcc("init", "--db", db)
    const row = (code: string, delict: string, aantal: number) =>
      Schema.decodeUnknownSync(Registration.Registration)({
        periode: "2026-Q2",
        gebied: { niveau: "gemeente", code },
        delict,
        aangiften: aantal,
        meldingen: null,
        slachtoffers: aantal,
        schade: null,
        herkomst: { document: "politie.xlsx", sectie: "blad Registraties" }
      })
    const codes = ["GM0344", "GM0307", "GM0355", "GM0310", "GM0321", "GM0356"]
    const rows = codes.flatMap((code, i) => [row(code, "phishing", 10 + i), row(code, "hacken", 20)])
    await Effect.runPromise(
      Effect.flatMap(Registrations.Registrations, (r) =>
        r.record(rows, { importId: "deels", actor: "test" })
      ).pipe(
        Effect.provide(
          Registrations.Registrations.layer.pipe(
            Layer.provideMerge(Database.layer({ _tag: "Sqlite", file: db }))
          )
        )
      )
    )
    const { code, stdout, stderr } = await dvcc(
      "informatiebeeld",
      "regio",
      "--periode",
      "2026-Q2",
      "--db",
      db
    )
    assert.strictEqual(code, 0, stderr)
    const [eerste] = stdout.split("\n")
    assert.include(eerste, `Onvolledig: cijfers uit 6 van ${dataset.regio.gemeenten.length} gemeenten`)
    // 6 × 20 hacken and 10 + … + 15 phishing, as a lower bound
    assert.match(stdout, /Totaal +meer dan 195/)
    assert.include(stdout, "uit 6 van")
  })

  it("--json encodes the core Informatiebeeld schema; without --periode the latest registered period", async () => {
    const { code, stdout } = await dvcc("informatiebeeld", "regio", "--json")
    assert.strictEqual(code, 0)
    const beeld = Schema.decodeUnknownSync(Informatiebeeld.Informatiebeeld)(JSON.parse(stdout))
    assert.strictEqual(beeld.periode, "2024")
    assert.deepStrictEqual(beeld.topDelicten, [
      "aan-en-verkoopfraude",
      "bankhelpdeskfraude",
      "beleggingsfraude"
    ])
    assert.strictEqual(beeld.totaal.slachtoffers.waarde, 6884)
  })

  it.each([
    [
      ["informatiebeeld", "Utrech"],
      'Onbekende gemeente "Utrech" in de regio Midden-Nederland. Bedoelt u Utrecht (GM0344)'
    ],
    [["informatiebeeld", "GM0345x"], "Bedoelt u Veenendaal (GM0345)"],
    [["informatiebeeld", "Parijs"], "Geef een CBS-code (GM0344) of de naam van een gemeente, of 'regio'."],
    [["informatiebeeld", "GM0344", "--periode", "2025-13"], "--periode"],
    [["informatiebeeld"], "gemeente"]
  ])("refuses %j with exit 2 and a short Dutch message", async (args, message) => {
    const { code, stdout, stderr } = await dvcc(...args)
    assert.strictEqual(code, 2)
    assert.include(stderr, message)
    assert.notInclude(stderr + stdout, "    at ")
  })

  it("suggests close names, closest first", () => {
    assert.deepStrictEqual(
      closeMatches(dataset.regio, "Amersfort").map((g) => g.naam),
      ["Amersfoort"]
    )
    assert.deepStrictEqual(
      closeMatches(dataset.regio, "utrecht").map((g) => g.naam),
      ["Utrecht", "Utrechtse Heuvelrug"]
    )
    assert.deepStrictEqual(closeMatches(dataset.regio, "Parijs"), [])
  })
})
