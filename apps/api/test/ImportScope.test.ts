/**
 * A scoped import whose Activiteiten row has the id of a stored activity of another gemeente (one that was
 * recorded for the token's gemeente and later moved): refused as a problem of that row, in the dry run
 * and for real, with a 4xx whose words do not name the other gemeente or the stored record; never a 500.
 * On SQLite and on PostgreSQL.
 */
import { Contract, Voorbeeld } from "@dvcc/excel"
import { afterAll, assert, beforeAll, it } from "@effect/vitest"
import { type Fixture, onSqliteAndPostgres } from "./fixture.ts"
import { json } from "./json.ts"
import { upload } from "./workbooks.ts"

const utrecht = "GM0344"
const amersfoort = "GM0307"

const row = (datum: string, omschrijving: string) => ({
  datum,
  gemeente: "Utrecht",
  soort: Contract.labelOf("activiteitSoort", "kennisbijeenkomst"),
  omschrijving
})

/** Row 2 an ordinary new activity of Utrecht; row 3 the one that was moved to Amersfoort. */
const workbook = (
  rows = [row("2026-05-01", "gewone bijeenkomst"), row("2026-05-02", "verhuisde bijeenkomst")]
) => Voorbeeld.contractWorkbook([{ sheet: Contract.activiteiten, rows }])

onSqliteAndPostgres("a scoped import over another gemeente's activity", "dvcc_import_scope", (fixture) => {
  let f: Fixture
  let movedId: string
  beforeAll(async () => {
    f = await fixture()
    // The beheerder records the activity for Utrecht, then moves it to Amersfoort: its id stays.
    const seeded = await f.request("/api/v1/imports", {
      method: "POST",
      as: "beheerder",
      body: upload(await workbook([row("2026-05-02", "verhuisde bijeenkomst")]))
    })
    if (seeded.status !== 200) throw new Error(`seed import: ${seeded.status} ${await seeded.text()}`)
    const stored = (
      await json(await f.request("/api/v1/activiteiten?van=2026-05-02", { as: "beheerder" }))
    ).find(
      (a: { activiteit: { omschrijving?: string } }) => a.activiteit.omschrijving === "verhuisde bijeenkomst"
    )
    movedId = stored.activiteit.id
    const moved = await f.request(`/api/v1/activiteiten/${movedId}`, {
      method: "PATCH",
      as: "beheerder",
      json: { basedOn: stored.versie, gemeente: amersfoort }
    })
    if (moved.status !== 200) throw new Error(`move: ${moved.status} ${await moved.text()}`)
  }, 60_000)
  afterAll(() => f?.dispose())

  const send = async (query: string) =>
    f.request(`/api/v1/imports${query}`, {
      method: "POST",
      as: "gemeente",
      body: upload(await workbook())
    })

  const secretFree = (text: string) => {
    for (const secret of [movedId, amersfoort, "Amersfoort", "bestaat", "staat op naam"])
      assert.notInclude(text, secret)
  }

  it("the dry run names the row as a problem, without saying what is stored there", async () => {
    const response = await send("?dryRun=true")
    assert.strictEqual(response.status, 200)
    const report = await json(response)
    assert.strictEqual(report.status, "rejected")
    assert.strictEqual(report.problemCount, 1)
    const [problem] = report.problems
    assert.deepStrictEqual([problem.sheet, problem.row, problem.code], ["Activiteiten", 3, "buiten-scope"])
    assert.match(problem.message, /^rij 3 van blad Activiteiten: /)
    secretFree(JSON.stringify(report))
    assert.deepStrictEqual(f.errors, [])
  })

  it("the import is refused with a 422 naming the row, and nothing is written", async () => {
    const response = await send("")
    assert.strictEqual(response.status, 422)
    const problem = await json(response)
    assert.lengthOf(problem.velden, 1)
    assert.match(problem.velden[0].melding, /^rij 3 van blad Activiteiten: /)
    secretFree(JSON.stringify(problem))
    const stored = await json(await f.request(`/api/v1/activiteiten/${movedId}`, { as: "beheerder" }))
    assert.strictEqual(stored.activiteit.gemeente, amersfoort)
    const own = await json(
      await f.request("/api/v1/activiteiten?van=2026-05-01&tot=2026-05-01", { as: "gemeente" })
    )
    assert.deepStrictEqual(own, [])
    assert.deepStrictEqual(f.errors, [])
  })

  it("with acceptValid the other rows are written and the refused row stays as it is", async () => {
    const report = await json(await send("?acceptValid=true"))
    assert.strictEqual(report.status, "rejected")
    assert.deepStrictEqual(
      report.sheets.map((s: { accepted: number; rejected: number }) => [s.accepted, s.rejected]),
      [[1, 1]]
    )
    secretFree(JSON.stringify(report))
    const stored = await json(await f.request(`/api/v1/activiteiten/${movedId}`, { as: "beheerder" }))
    assert.deepStrictEqual([stored.activiteit.gemeente, stored.versie], [amersfoort, 2])
    const own = await json(await f.request(`/api/v1/activiteiten?gemeente=${utrecht}`, { as: "gemeente" }))
    assert.deepStrictEqual(
      own.map((a: { activiteit: { omschrijving: string } }) => a.activiteit.omschrijving),
      ["gewone bijeenkomst"]
    )
    assert.deepStrictEqual(f.errors, [])
  })
})
