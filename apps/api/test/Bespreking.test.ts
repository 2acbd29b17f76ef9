/**
 * A bespreking in de driehoek through `/api/v1/activiteiten`, on SQLite and PostgreSQL: a gemeente token
 * records its own with afspraken, reads them back, lists its open afspraken, marks one afgerond (audited
 * under the token), and gets 404 for another gemeente's bespreking exactly as for one that does not exist.
 */
import { afterAll, assert, beforeAll, it } from "@effect/vitest"
import { type Fixture, onSqliteAndPostgres } from "./fixture.ts"
import { json } from "./json.ts"

const bespreking = (gemeente: string, suffix: string) => ({
  id: `act-2025-12-15-${gemeente}-informatiebeeld-besproken-in-driehoek-${suffix}`,
  datum: "2025-12-15",
  gemeente,
  soort: "informatiebeeld-besproken-in-driehoek",
  omschrijving: "Informatiebeeld besproken in de basisteamdriehoek",
  bespreking: {
    informatiebeeld: "2025-Q4",
    deelnemers: ["burgemeester", "politie basisteam", "OM"],
    afspraken: [
      { id: "a1", wat: "Voorlichting senioren", wie: "gemeente", uiterlijk: "2026-01-31", status: "open" },
      { id: "a2", wat: "Cijfers helpdeskfraude", wie: "politie", status: "open" }
    ]
  }
})

const suite = (fixture: () => Promise<Fixture>) => {
  let f: Fixture
  beforeAll(async () => {
    f = await fixture()
  }, 60_000)
  afterAll(() => f?.dispose())

  const utrecht = bespreking("GM0344", "1111111111")
  const amersfoort = bespreking("GM0307", "2222222222")

  it("records, reads, follows up and marks afgerond its own gemeente's bespreking", async () => {
    const posted = await f.request("/api/v1/activiteiten", {
      method: "POST",
      as: "gemeente",
      json: [utrecht]
    })
    assert.strictEqual(posted.status, 200, JSON.stringify(await json(posted.clone())))
    const read = await json(await f.request(`/api/v1/activiteiten/${utrecht.id}`, { as: "gemeente" }))
    assert.deepStrictEqual(read.activiteit.bespreking, utrecht.bespreking)

    const open = await json(await f.request("/api/v1/activiteiten/afspraken/open", { as: "gemeente" }))
    // The clock is today's: 2026-01-31 has passed, so a1 is te laat and comes first.
    assert.deepStrictEqual(
      open.map((o: { afspraak: { id: string }; teLaat: boolean }) => [o.afspraak.id, o.teLaat]),
      [
        ["a1", true],
        ["a2", false]
      ]
    )
    const done = await f.request(`/api/v1/activiteiten/${utrecht.id}/afspraken/a1`, {
      method: "PATCH",
      as: "gemeente",
      json: { status: "afgerond", afgerondOp: "2026-02-02" }
    })
    assert.strictEqual(done.status, 200, JSON.stringify(await json(done.clone())))
    const body = await json(done)
    assert.strictEqual(body.versie, 2)
    assert.deepStrictEqual(body.activiteit.bespreking.afspraken[0], {
      ...utrecht.bespreking.afspraken[0],
      status: "afgerond",
      afgerondOp: "2026-02-02"
    })
    const after = await json(await f.request("/api/v1/activiteiten/afspraken/open", { as: "gemeente" }))
    assert.deepStrictEqual(
      after.map((o: { afspraak: { id: string } }) => o.afspraak.id),
      ["a2"]
    )
    const history = await json(
      await f.request(`/api/v1/audit?entity=activiteiten&id=${utrecht.id}`, { as: "beheerder" })
    )
    const last = history.at(-1)
    assert.strictEqual(last.action, "update")
    assert.match(last.actor, /^token /)
    assert.strictEqual(last.before.bespreking.afspraken[0].status, "open")
    assert.strictEqual(last.after.bespreking.afspraken[0].status, "afgerond")
  })

  it("a gemeente token gets 404 for another gemeente's bespreking, the same as for one that does not exist", async () => {
    assert.strictEqual(
      (await f.request("/api/v1/activiteiten", { method: "POST", as: "beheerder", json: [amersfoort] }))
        .status,
      200
    )
    const other = await f.request(`/api/v1/activiteiten/${amersfoort.id}`, { as: "gemeente" })
    const nowhere = await f.request(`/api/v1/activiteiten/${amersfoort.id}x`, { as: "gemeente" })
    assert.deepStrictEqual([other.status, nowhere.status], [404, 404])
    const mark = (id: string) =>
      f.request(`/api/v1/activiteiten/${id}/afspraken/a1`, {
        method: "PATCH",
        as: "gemeente",
        json: { status: "afgerond" }
      })
    const markOther = await mark(amersfoort.id)
    const markNowhere = await mark(`${amersfoort.id}x`)
    assert.deepStrictEqual([markOther.status, markNowhere.status], [404, 404])
    const detail = async (r: Response) => ((await json(r)).detail as string).replaceAll(/\S*act-\S*/g, "…")
    assert.strictEqual(await detail(markOther), await detail(markNowhere))
    // Its afspraken are not in the gemeente's follow-up list, and stay open.
    const open = await json(await f.request("/api/v1/activiteiten/afspraken/open", { as: "gemeente" }))
    assert.notInclude(JSON.stringify(open), amersfoort.id)
    const all = await json(
      await f.request("/api/v1/activiteiten/afspraken/open?gemeente=GM0307", { as: "programma" })
    )
    assert.deepStrictEqual(
      all.map((o: { afspraak: { id: string } }) => o.afspraak.id),
      ["a1", "a2"]
    )
  })

  it("refuses a bespreking on another soort and unbounded afspraken, naming the field", async () => {
    const wrong = await f.request("/api/v1/activiteiten", {
      method: "POST",
      as: "gemeente",
      json: [{ ...bespreking("GM0344", "3333333333"), soort: "kennisbijeenkomst" }]
    })
    assert.strictEqual(wrong.status, 422)
    assert.include(JSON.stringify(await json(wrong)), "een bespreking hoort alleen bij soort")
    const long = bespreking("GM0344", "4444444444")
    const tooLong = await f.request("/api/v1/activiteiten", {
      method: "POST",
      as: "gemeente",
      json: [
        {
          ...long,
          bespreking: {
            ...long.bespreking,
            afspraken: [{ ...long.bespreking.afspraken[0], wat: "x".repeat(501) }]
          }
        }
      ]
    })
    assert.strictEqual(tooLong.status, 422)
    const problem = JSON.stringify(await json(tooLong))
    assert.include(problem, "wat (de afspraak) is langer dan 500 tekens")
    assert.include(problem, "bespreking.afspraken.0.wat")
    const patched = await f.request(`/api/v1/activiteiten/${utrecht.id}`, {
      method: "PATCH",
      as: "gemeente",
      json: { basedOn: 2, soort: "kennisbijeenkomst" }
    })
    assert.strictEqual(patched.status, 422)
    assert.include(JSON.stringify(await json(patched)), "bespreking")
  })
}

onSqliteAndPostgres("bespreking", "api_bespreking", suite)
