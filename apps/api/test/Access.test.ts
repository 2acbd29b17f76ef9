/**
 * Attacks with ordinary tokens, on SQLite and on PostgreSQL: every write checks the stored record it
 * changes, measurements are narrowed by scope, only the beheerder changes the geography (by any route),
 * an undo needs the rights of everything the import changed, and a gemeente token does exactly what the
 * issue decided (its own activities, registrations with small numbers suppressed, an Activiteiten-only
 * workbook) and nothing else.
 */
import { Contract, Voorbeeld } from "@dvcc/excel"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { type Fixture, onSqliteAndPostgres, type Role } from "./fixture.ts"
import { json } from "./json.ts"
import { registraties, upload } from "./workbooks.ts"

const utrecht = "GM0344"
const amersfoort = "GM0307"

/** An activity under the id the importer would give it: named for its date and gemeente. */
const activiteit = (gemeente: string, suffix: string, extra: Record<string, unknown> = {}) => ({
  id: `act-2026-03-01-${gemeente}-kennisbijeenkomst-${suffix}`,
  datum: "2026-03-01",
  gemeente,
  soort: "kennisbijeenkomst",
  omschrijving: `bijeenkomst ${suffix}`,
  ...extra
})

const activiteitenWorkbook = (gemeenten: ReadonlyArray<string>, soort = "kennisbijeenkomst") =>
  Voorbeeld.contractWorkbook([
    {
      sheet: Contract.activiteiten,
      rows: gemeenten.map((gemeente, i) => ({
        datum: `2026-04-0${i + 1}`,
        gemeente,
        soort: Contract.labelOf("activiteitSoort", soort),
        omschrijving: `werkmap ${gemeente} ${i}`
      }))
    }
  ])

const accessSuite = (fixture: () => Promise<Fixture>) => {
  let f: Fixture
  beforeAll(async () => {
    f = await fixture()
    // Amersfoort into the district token's district.
    const [gemeente] = (await json(await f.request("/api/v1/gebieden", { as: "beheerder" }))).filter(
      (g: { gemeente: { code: string } }) => g.gemeente.code === amersfoort
    )
    const moved = await f.request(`/api/v1/gebieden/${amersfoort}`, {
      method: "PATCH",
      as: "beheerder",
      json: { basedOn: gemeente.versie, district: "district-noord" }
    })
    if (moved.status !== 200) throw new Error(`Amersfoort did not move: ${moved.status}`)
  }, 60_000)
  afterAll(() => f?.dispose())

  const post = (as: Role, body: unknown) =>
    f.request("/api/v1/activiteiten", { method: "POST", as, json: body })
  const read = async (id: string) => json(await f.request(`/api/v1/activiteiten/${id}`, { as: "beheerder" }))
  const importRegistraties = async (as: Role, gemeenten: ReadonlyArray<string>, meldingen: number) =>
    json(
      await f.request("/api/v1/imports", {
        method: "POST",
        as,
        body: upload(await registraties(gemeenten, meldingen))
      })
    )
  const importCount = async () => (await json(await f.request("/api/v1/imports", { as: "beheerder" }))).length

  it("a district token cannot overwrite or move another gemeente's activity, and learns nothing of it", async () => {
    const victim = activiteit(utrecht, "1111111111")
    assert.strictEqual((await post("beheerder", [victim])).status, 200)

    const attack = await post("district", [{ ...victim, gemeente: amersfoort, omschrijving: "overschreven" }])
    assert.strictEqual(attack.status, 404)
    const withBasedOn = await post("district", [{ ...victim, gemeente: amersfoort, basedOn: 1 }])
    assert.strictEqual(withBasedOn.status, 404)
    // An id that exists nowhere, not named for the district's gemeente: the very same answer.
    const nowhere = await post("district", [{ ...victim, id: "bestaat-nergens", gemeente: amersfoort }])
    assert.strictEqual(nowhere.status, 404)
    assert.strictEqual(
      (await json(attack)).detail.replace(victim.id, "ID"),
      (await json(nowhere)).detail.replace("bestaat-nergens", "ID")
    )
    const patched = await f.request(`/api/v1/activiteiten/${victim.id}`, {
      method: "PATCH",
      as: "district",
      json: { basedOn: 1, gemeente: amersfoort }
    })
    assert.strictEqual(patched.status, 404)
    const stored = await read(victim.id)
    assert.deepStrictEqual(
      [stored.versie, stored.activiteit.gemeente, stored.activiteit.omschrijving],
      [1, utrecht, victim.omschrijving]
    )
    assert.deepStrictEqual(f.errors, [])
  })

  it("changing a stored activity by POST needs its version; the same one again changes nothing", async () => {
    const own = activiteit(amersfoort, "2222222222")
    assert.deepStrictEqual(await json(await post("district", [own])), {
      inserted: 1,
      updated: 0,
      unchanged: 0
    })
    assert.deepStrictEqual(await json(await post("district", [own])), {
      inserted: 0,
      updated: 0,
      unchanged: 1
    })
    const blind = await post("district", [{ ...own, bereik: 30 }])
    assert.strictEqual(blind.status, 409)
    assert.include((await json(blind)).detail, "basedOn")
    assert.strictEqual((await post("district", [{ ...own, bereik: 30, basedOn: 7 }])).status, 409)
    assert.strictEqual((await read(own.id)).activiteit.bereik, undefined)
    const changed = await post("district", [{ ...own, bereik: 30, basedOn: 1 }])
    assert.deepStrictEqual(await json(changed), { inserted: 0, updated: 1, unchanged: 0 })
    assert.strictEqual((await read(own.id)).versie, 2)
  })

  it("refuses an empty batch with 400 and records no import", async () => {
    const before = await importCount()
    for (const as of ["beheerder", "district", "gemeente"] as const) {
      const empty = await post(as, [])
      assert.strictEqual(empty.status, 400)
      assert.strictEqual((await json(empty)).type, "urn:dvcc:probleem:ongeldig-verzoek")
    }
    assert.strictEqual(await importCount(), before)
  })

  it("shows a gemeente token the regional measurements and its own gemeente's, never another's", async () => {
    const meting = (gemeente: string, waarde: number) => ({
      id: `m-2025-huisbezoeken-${gemeente}`,
      indicator: "huisbezoeken",
      jaar: 2025,
      periode: "2025-Q2",
      gebied: { niveau: "gemeente", code: gemeente },
      waarde,
      bron: "programma-administratie",
      toelichting: `toelichting van ${gemeente}`,
      vastgelegdOp: "2025-07-01",
      herkomst: { document: "API-test", sectie: "metingen" }
    })
    for (const m of [meting(utrecht, 2), meting(amersfoort, 3)]) {
      const r = await f.request("/api/v1/metingen", { method: "POST", as: "programma", json: m })
      assert.strictEqual(r.status, 200, JSON.stringify(await json(r.clone())))
    }
    const detail = async (as: Role) =>
      json(await f.request("/api/v1/indicatoren/huisbezoeken?jaar=2025&asOf=2025-12-31", { as }))
    const gebieden = (d: { metingen: ReadonlyArray<{ gebied: { niveau: string; code?: string } }> }) =>
      d.metingen.map((m) => m.gebied.code ?? m.gebied.niveau)
    const all = await detail("programma")
    assert.includeMembers(gebieden(all), [utrecht, amersfoort])
    const own = await detail("gemeente")
    assert.include(gebieden(own), utrecht)
    assert.notInclude(gebieden(own), amersfoort)
    assert.notInclude(JSON.stringify(own), `toelichting van ${amersfoort}`)
    // The progress is the region's, the same for every token.
    assert.deepStrictEqual(own.voortgang, all.voortgang)
    const district = await detail("district")
    assert.include(gebieden(district), amersfoort)
    assert.notInclude(gebieden(district), utrecht)
  })

  it("lets only the beheerder change the geography, by PATCH or by import; undo needs the same right", async () => {
    // What the geography says, without the versions (an undo is a new version of the old data).
    const gebieden = async () =>
      JSON.stringify(
        (await json(await f.request("/api/v1/gebieden", { as: "beheerder" }))).map(
          (r: { gemeente: unknown }) => r.gemeente
        )
      )
    const before = await gebieden()
    const geography = await Voorbeeld.contractWorkbook([
      {
        sheet: Contract.gebieden,
        rows: [{ gemeente: "Amersfoort", inwoners: 160_000, peildatum: "2025-01-01" }]
      }
    ])
    for (const as of ["programma", "district"] as const) {
      const refused = await f.request("/api/v1/imports", { method: "POST", as, body: upload(geography) })
      assert.strictEqual(refused.status, 422, as)
      const problem = await json(refused)
      assert.include(problem.velden[0].melding, "mag district, basisteam en inwoners niet wijzigen", as)
      assert.strictEqual(await gebieden(), before, `${as}: niets geschreven`)
    }
    const report = await json(
      await f.request("/api/v1/imports?dryRun=true", {
        method: "POST",
        as: "programma",
        body: upload(geography)
      })
    )
    assert.deepStrictEqual(
      report.problems.map((p: { code: string }) => p.code),
      ["geen-recht"]
    )

    // The beheerder's import of Amersfoort's geography: in the district's gemeente, but not its to undo.
    const imported = await json(
      await f.request("/api/v1/imports", { method: "POST", as: "beheerder", body: upload(geography) })
    )
    assert.strictEqual(imported.status, "imported", JSON.stringify(imported.problems))
    const changed = await gebieden()
    assert.notStrictEqual(changed, before)
    const undo = (as: Role) => f.request(`/api/v1/imports/${imported.importId}`, { method: "DELETE", as })
    assert.strictEqual((await undo("district")).status, 403)
    assert.strictEqual((await undo("programma")).status, 403)
    assert.strictEqual(await gebieden(), changed)
    assert.strictEqual((await undo("beheerder")).status, 200)
    assert.strictEqual(await gebieden(), before)
    assert.deepStrictEqual(f.errors, [])
  }, 60_000)

  it("lets a district undo its own import only, not one that also changed another gemeente", async () => {
    const own = await importRegistraties("district", ["Amersfoort"], 6)
    assert.strictEqual(own.status, "imported", JSON.stringify(own.problems))
    const mixed = await importRegistraties("programma", ["Amersfoort", "Utrecht"], 9)
    assert.strictEqual(mixed.status, "imported", JSON.stringify(mixed.problems))
    assert.strictEqual(
      (await f.request(`/api/v1/imports/${mixed.importId}`, { method: "DELETE", as: "district" })).status,
      404
    )
    assert.strictEqual(
      (await f.request(`/api/v1/imports/${mixed.importId}`, { method: "DELETE", as: "programma" })).status,
      200
    )
    assert.strictEqual(
      (await f.request(`/api/v1/imports/${own.importId}`, { method: "DELETE", as: "district" })).status,
      200
    )
  }, 60_000)

  describe("a gemeente token", () => {
    it("records and corrects its own gemeente's activities, the driehoek discussion among them", async () => {
      const besproken = {
        ...activiteit(utrecht, "3333333333"),
        id: "act-2026-03-01-GM0344-informatiebeeld-besproken-in-driehoek-3333333333",
        soort: "informatiebeeld-besproken-in-driehoek"
      }
      assert.deepStrictEqual(await json(await post("gemeente", [besproken])), {
        inserted: 1,
        updated: 0,
        unchanged: 0
      })
      const corrected = await f.request(`/api/v1/activiteiten/${besproken.id}`, {
        method: "PATCH",
        as: "gemeente",
        json: { basedOn: 1, omschrijving: "besproken in de driehoek van maart" }
      })
      assert.strictEqual(corrected.status, 200, JSON.stringify(await json(corrected.clone())))
      const listed = await json(
        await f.request("/api/v1/activiteiten?soort=informatiebeeld-besproken-in-driehoek", {
          as: "gemeente"
        })
      )
      assert.deepStrictEqual(
        listed.map((r: { activiteit: { id: string } }) => r.activiteit.id),
        [besproken.id]
      )
      // Another gemeente's: refused; moving its own there: refused.
      assert.strictEqual((await post("gemeente", [activiteit(amersfoort, "4444444444")])).status, 403)
      const move = await f.request(`/api/v1/activiteiten/${besproken.id}`, {
        method: "PATCH",
        as: "gemeente",
        json: { basedOn: 2, gemeente: amersfoort }
      })
      assert.strictEqual(move.status, 403)
    })

    it("reads its own gemeente's registrations with counts below 5 as \"< 5\", never another's", async () => {
      const imported = await importRegistraties("programma", ["Utrecht", "Amersfoort"], 3)
      assert.strictEqual(imported.status, "imported", JSON.stringify(imported.problems))
      const response = await f.request("/api/v1/registraties?periode=2025-Q1", { as: "gemeente" })
      assert.strictEqual(response.status, 200)
      const rows = await json(response)
      const gemeenten = rows.flatMap((r: { gebied: { niveau: string; code?: string } }) =>
        r.gebied.niveau === "gemeente" ? [r.gebied.code] : []
      )
      assert.deepStrictEqual(gemeenten, [utrecht])
      const [row] = rows.filter((r: { gebied: { code?: string } }) => r.gebied.code === utrecht)
      assert.isTrue(row.meldingen.onderdrukt)
      assert.include(JSON.stringify(row.meldingen), "< 5")
      assert.strictEqual(row.aangiften, 11)
      const asked = await json(
        await f.request(`/api/v1/registraties?periode=2025-Q1&gemeente=${amersfoort}`, { as: "gemeente" })
      )
      assert.deepStrictEqual(asked, [])
      assert.strictEqual(
        (await f.request(`/api/v1/imports/${imported.importId}`, { method: "DELETE", as: "programma" }))
          .status,
        200
      )
    }, 60_000)

    it("imports an Activiteiten-only workbook of its own gemeente, and undoes only that", async () => {
      const before = await importCount()
      const send = async (bytes: Uint8Array) =>
        f.request("/api/v1/imports", { method: "POST", as: "gemeente", body: upload(bytes) })
      const otherSheet = await send(await registraties(["Utrecht"]))
      assert.strictEqual(otherSheet.status, 422)
      assert.include((await json(otherSheet)).velden[0].melding, "mag geen registraties importeren")
      const otherGemeente = await json(
        await f.request("/api/v1/imports?dryRun=true", {
          method: "POST",
          as: "gemeente",
          body: upload(await activiteitenWorkbook(["Utrecht", "Amersfoort"]))
        })
      )
      assert.deepStrictEqual(
        otherGemeente.problems.map((p: { code: string }) => p.code),
        ["buiten-scope"]
      )
      assert.strictEqual((await send(await activiteitenWorkbook(["Utrecht", "Amersfoort"]))).status, 422)
      assert.strictEqual(await importCount(), before)

      const own = await json(
        await send(await activiteitenWorkbook(["Utrecht"], "informatiebeeld-besproken-in-driehoek"))
      )
      assert.strictEqual(own.status, "imported", JSON.stringify(own.problems))
      const district = await json(
        await f.request("/api/v1/imports", {
          method: "POST",
          as: "district",
          body: upload(await activiteitenWorkbook(["Amersfoort"]))
        })
      )
      assert.strictEqual(district.status, "imported", JSON.stringify(district.problems))
      const undo = (as: Role, id: string) => f.request(`/api/v1/imports/${id}`, { method: "DELETE", as })
      assert.strictEqual((await undo("gemeente", district.importId)).status, 404)
      assert.strictEqual((await undo("gemeente", own.importId)).status, 200)
      assert.strictEqual((await undo("district", district.importId)).status, 200)
      assert.deepStrictEqual(f.errors, [])
    }, 60_000)

    it("writes no registrations, measurements, geography or plans", async () => {
      const refused = [
        await f.request("/api/v1/metingen", { method: "POST", as: "gemeente", json: { id: "x" } }),
        await f.request(`/api/v1/gebieden/${utrecht}`, {
          method: "PATCH",
          as: "gemeente",
          json: { basedOn: 1 }
        }),
        await f.request("/api/v1/jaarplannen", { method: "POST", as: "gemeente", json: {} }),
        await f.request("/api/v1/acties", { method: "POST", as: "gemeente", json: {} })
      ]
      assert.deepStrictEqual(
        refused.map((r) => r.status),
        [403, 403, 403, 403]
      )
    })
  })
}

onSqliteAndPostgres("access", "api_access", accessSuite)
