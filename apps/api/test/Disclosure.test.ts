/**
 * Output shaping of the suppressed audiences: only published periods, and `/registraties` through the
 * same cells as the informatiebeeld. `tooling/disclosure-audit` attacks these answers with an LP solver.
 */
import { Registration } from "@dvcc/core"
import { Registrations } from "@dvcc/store"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { type Fixture, makeFixture } from "./fixture.ts"
import { json } from "./json.ts"

let f: Fixture
beforeAll(async () => {
  f = await makeFixture()
  const rij = (periode: string, delict: string, slachtoffers: number) =>
    Schema.decodeUnknownSync(Registration.Registration)({
      periode,
      gebied: { niveau: "gemeente", code: "GM0344" },
      delict,
      aangiften: slachtoffers,
      meldingen: slachtoffers,
      slachtoffers,
      schade: slachtoffers * 10_000,
      herkomst: { document: "test", sectie: "test" }
    })
  const rows = [
    rij("2026-01", "phishing", 1),
    rij("2026-02", "phishing", 1),
    rij("2026-03", "phishing", 1),
    rij("2026-Q1", "hacken", 40),
    rij("2026-Q1", "overig", 50)
  ]
  await f.runtime.runPromise(
    Effect.flatMap(Registrations.Registrations, (r) =>
      r.record(rows, { importId: "test-disclosure", actor: "test" })
    )
  )
}, 60_000)
afterAll(() => f.dispose())

describe("the suppressed audiences", () => {
  it("get the informatiebeeld of a published quarter, and a 422 saying why for its year or a month", async () => {
    const kwartaal = await f.request("/api/v1/informatiebeeld/GM0344?periode=2026-Q1", { as: "gemeente" })
    assert.strictEqual(kwartaal.status, 200)
    const body = await json(kwartaal)
    const phishing = body.gepubliceerd.periode.find((r: { rij: string }) => r.rij === "phishing")
    assert.deepInclude(phishing.slachtoffers, { weergave: "< 5" })
    for (const periode of ["2026", "2026-02"]) {
      const response = await f.request(`/api/v1/informatiebeeld/GM0344?periode=${periode}`, {
        as: "gemeente"
      })
      assert.strictEqual(response.status, 422)
      assert.include((await json(response)).detail, "per kwartaal 2026 Q1")
    }
    // programma sees every period as computed
    const jaar = await f.request("/api/v1/informatiebeeld/GM0344?periode=2026", { as: "programma" })
    assert.strictEqual(jaar.status, 200)
  })

  it("see a month row of /registraties hidden, since the months add up to the published quarter", async () => {
    const rows = await json(await f.request("/api/v1/registraties?gemeente=GM0344", { as: "beheerder" }))
    assert.include(
      rows.map((r: { periode: string }) => r.periode),
      "2026-02"
    )
    const [utrecht] = await json(await f.request("/api/v1/gebieden", { as: "gemeente" }))
    await f.request("/api/v1/gebieden/GM0344", {
      method: "PATCH",
      as: "beheerder",
      json: { basedOn: utrecht.versie, district: "district-noord" }
    })
    const district = await json(await f.request("/api/v1/registraties?gemeente=GM0344", { as: "district" }))
    const maand = district.find((r: { periode: string }) => r.periode === "2026-02")
    assert.deepInclude(maand.aangiften, { onderdrukt: true, weergave: "×" })
    assert.notInclude(JSON.stringify(district), '"slachtoffers":1,')
  })
})
