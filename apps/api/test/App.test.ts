import { type Periode, Status } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { ProgramStore } from "@dvcc/store"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { type Fixture, makeFixture } from "./fixture.ts"
import { json } from "./json.ts"

const problemType = "application/problem+json; charset=utf-8"

let f: Fixture
beforeAll(async () => {
  f = await makeFixture()
}, 60_000)
afterAll(() => f.dispose())

const meting = {
  id: "m-2026-kennisbijeenkomsten-api",
  indicator: "kennisbijeenkomsten",
  jaar: 2026,
  periode: "2026-Q1",
  gebied: { niveau: "regio" },
  waarde: 3,
  bron: "programma-administratie",
  vastgelegdOp: "2026-04-02",
  herkomst: { document: "API-test", sectie: "metingen" }
}

const actie = {
  id: "weerbare-ondernemers",
  jaar: 2027,
  nummer: 90,
  titel: "Weerbare ondernemers",
  coordinatie: ["programmabureau"],
  inSamenwerkingMet: [],
  status: { soort: "doorlopend" },
  doel: "Ondernemers weten wat te doen na een cyberincident.",
  outputs: [],
  beoogdeResultaten: [],
  aandachtspunten: [],
  baten: ["baat-1"],
  voorganger: null,
  herkomst: { document: "API-test", sectie: "acties" }
}

describe("health and readiness", () => {
  it("answers /health and /ready without a token; ready names the schema version", async () => {
    assert.deepStrictEqual(await json(await f.request("/health")), { status: "ok" })
    const ready = await f.request("/ready")
    assert.strictEqual(ready.status, 200)
    assert.strictEqual((await json(ready)).status, "gereed")
  })
})

describe("GET /api/v1/voortgang", () => {
  it("gives exactly what dvcc status --json gives for the same date and year", async () => {
    const response = await f.request("/api/v1/voortgang?asOf=2025-12-31&jaar=2025", { as: "gemeente" })
    assert.strictEqual(response.status, 200)
    // What `dvcc status` computes: over the dataset as the database gives it back.
    const loaded = await f.runtime.runPromise(Effect.flatMap(ProgramStore.ProgramStore, (s) => s.load))
    const expected = Schema.encodeSync(Status.StatusReport)(
      Status.make(loaded, "2025-12-31" as Periode.Datum, [2025])
    )
    assert.deepStrictEqual(await json(response), JSON.parse(JSON.stringify(expected)))
  })

  it("refuses a date that is not one with the field named, and an unknown year with 404", async () => {
    const bad = await f.request("/api/v1/voortgang?asOf=31-12-2025", { as: "programma" })
    assert.strictEqual(bad.status, 422)
    assert.strictEqual(bad.headers.get("content-type"), problemType)
    const body = await json(bad)
    assert.strictEqual(body.type, "urn:dvcc:probleem:validatie")
    assert.strictEqual(body.title, "Ongeldige invoer")
    assert.strictEqual(body.velden[0].pad, "query.asOf")
    assert.include(body.velden[0].melding, "JJJJ-MM-DD")
    const unknown = await f.request("/api/v1/voortgang?jaar=1999", { as: "programma" })
    assert.strictEqual(unknown.status, 404)
    assert.include((await json(unknown)).detail, "Geen jaarplan 1999")
  })
})

describe("reading the programme", () => {
  it("lists the plans, actions of a year and one indicator with its measurements", async () => {
    const plannen = await json(await f.request("/api/v1/jaarplannen", { as: "district" }))
    assert.deepStrictEqual(
      plannen.map((p: { jaar: number }) => p.jaar),
      [2025, 2026]
    )
    const acties = await json(await f.request("/api/v1/acties?jaar=2026", { as: "programma" }))
    assert.strictEqual(acties.length, dataset.jaarplannen.find((p) => p.jaar === 2026)?.acties.length)
    const indicator = await json(
      await f.request("/api/v1/indicatoren/kennisbijeenkomsten?jaar=2025&asOf=2025-12-31", {
        as: "programma"
      })
    )
    assert.strictEqual(indicator.versie, 1)
    assert.strictEqual(indicator.voortgang.status, "behaald")
    assert.strictEqual(
      indicator.metingen.length,
      dataset.metingen.filter((m) => m.jaar === 2025 && m.indicator === "kennisbijeenkomsten").length
    )
    assert.strictEqual((await f.request("/api/v1/acties/bestaat-niet", { as: "programma" })).status, 404)
    assert.strictEqual((await f.request("/api/v1/jaarplannen/1999", { as: "programma" })).status, 404)
  })
})

describe("POST /api/v1/metingen", () => {
  it("records a measurement once, updates it against its version and answers a stale one with 409", async () => {
    const post = (body: unknown) =>
      f.request("/api/v1/metingen", { method: "POST", as: "programma", json: body })
    assert.deepStrictEqual(await json(await post(meting)), { id: meting.id, uitkomst: "inserted", versie: 1 })
    assert.strictEqual((await json(await post(meting))).uitkomst, "unchanged")
    assert.deepStrictEqual(await json(await post({ ...meting, waarde: 4, basedOn: 1 })), {
      id: meting.id,
      uitkomst: "updated",
      versie: 2
    })
    const stale = await post({ ...meting, waarde: 5, basedOn: 1 })
    assert.strictEqual(stale.status, 409)
    const problem = await json(stale)
    assert.strictEqual(problem.type, "urn:dvcc:probleem:conflict")
    assert.include(problem.detail, "versie 2")
    const history = await json(
      await f.request(`/api/v1/audit?entity=metingen&id=${meting.id}`, { as: "programma" })
    )
    assert.deepStrictEqual(
      history.map((h: { action: string }) => h.action),
      ["insert", "update"]
    )
    assert.match(history[0].actor, /^token /)
    const unknown = await post({ ...meting, id: "m-x", indicator: "bestaat-niet" })
    assert.strictEqual(unknown.status, 422)
  })
})

describe("writing Jaarplan 2027", () => {
  it("creates the plan as a copy, adds an action, changes it against its version, and deletes it", async () => {
    const created = await f.request("/api/v1/jaarplannen", {
      method: "POST",
      as: "programma",
      json: {
        jaar: 2027,
        titel: "Jaarplan 2027",
        datum: "2026-12-01",
        documentStatus: "concept",
        kopieVanVorigJaar: true
      }
    })
    assert.strictEqual(created.status, 201)
    assert.strictEqual(created.headers.get("location"), "/api/v1/jaarplannen/2027")
    assert.strictEqual((await f.request("/api/v1/jaarplannen/2027", { as: "programma" })).status, 200)
    const summary = await json(created)
    assert.isAbove(summary.acties, 0)
    // Within one DIN nothing is left out for its baat; only afgeronde acties would be.
    for (const w of summary.weggelaten) assert.strictEqual(w.reden, "afgerond")
    const copied = await json(await f.request("/api/v1/acties?jaar=2027", { as: "programma" }))
    for (const a of copied) assert.deepStrictEqual(a.voorganger, { jaar: 2026, id: a.id })

    const post = await f.request("/api/v1/acties", { method: "POST", as: "programma", json: actie })
    assert.strictEqual(post.status, 201)
    const location = post.headers.get("location") ?? ""
    assert.strictEqual(location, `/api/v1/acties/${actie.id}?jaar=2027`)
    assert.strictEqual((await json(await f.request(location, { as: "programma" }))).actie.id, actie.id)
    assert.strictEqual((await json(post)).versie, 1)
    const patch = (body: unknown) =>
      f.request(`/api/v1/acties/${actie.id}?jaar=2027`, { method: "PATCH", as: "programma", json: body })
    const changed = await patch({ basedOn: 1, titel: "Weerbare ondernemers en zzp'ers" })
    assert.strictEqual(changed.status, 200)
    assert.deepInclude(await json(changed), { versie: 2 })
    const stale = await patch({ basedOn: 1, titel: "Iets anders" })
    assert.strictEqual(stale.status, 409)
    const read = await json(await f.request(`/api/v1/acties/${actie.id}`, { as: "gemeente" }))
    assert.strictEqual(read.actie.titel, "Weerbare ondernemers en zzp'ers")
    const staleDelete = await f.request(`/api/v1/acties/${actie.id}?jaar=2027&basedOn=1`, {
      method: "DELETE",
      as: "programma"
    })
    assert.strictEqual(staleDelete.status, 409)
    const deleted = await f.request(`/api/v1/acties/${actie.id}?jaar=2027&basedOn=2`, {
      method: "DELETE",
      as: "programma"
    })
    assert.strictEqual(deleted.status, 204)
    assert.strictEqual(
      (await f.request(`/api/v1/acties/${actie.id}?jaar=2027`, { as: "programma" })).status,
      404
    )
    const history = await json(
      await f.request(`/api/v1/audit?entity=acties&id=2027/${actie.id}`, { as: "beheerder" })
    )
    assert.deepStrictEqual(
      history.map((h: { action: string }) => h.action),
      ["insert", "update", "delete"]
    )
  })

  it("changes an indicator against its version", async () => {
    const read = await json(
      await f.request("/api/v1/indicatoren/kennisbijeenkomsten?jaar=2026", { as: "programma" })
    )
    const patch = (basedOn: number) =>
      f.request("/api/v1/indicatoren/kennisbijeenkomsten?jaar=2026", {
        method: "PATCH",
        as: "programma",
        json: { basedOn, tekst: `Tekst op basis van versie ${basedOn}` }
      })
    assert.strictEqual((await patch(read.versie)).status, 200)
    assert.strictEqual((await patch(read.versie)).status, 409)
  })

  it("refuses an action with missing fields as 422 listing them, and bad JSON as 400", async () => {
    const { titel: _, ...zonderTitel } = actie
    const response = await f.request("/api/v1/acties", {
      method: "POST",
      as: "programma",
      json: { ...zonderTitel, nummer: -1 }
    })
    assert.strictEqual(response.status, 422)
    const body = await json(response)
    const paden = body.velden.map((v: { pad: string }) => v.pad)
    assert.deepInclude(body.velden, { pad: "titel", melding: "ontbreekt" })
    assert.deepInclude(body.velden, { pad: "nummer", melding: "moet groter zijn dan 0" })
    assert.include(paden, "nummer")
    const broken = await f.request("/api/v1/acties", {
      method: "POST",
      as: "programma",
      headers: { "content-type": "application/json" },
      body: "{kapot"
    })
    assert.strictEqual(broken.status, 400)
  })
})

describe("hardening", () => {
  it("answers 415 for a body that is not JSON and 413 for one too large", async () => {
    const form = await f.request("/api/v1/metingen", {
      method: "POST",
      as: "programma",
      headers: { "content-type": "text/plain" },
      body: "x"
    })
    assert.strictEqual(form.status, 415)
    const big = await f.request("/api/v1/metingen", {
      method: "POST",
      as: "programma",
      json: { ...meting, toelichting: "x".repeat(2 * 1024 * 1024) }
    })
    assert.strictEqual(big.status, 413)
  })

  it("answers 401 without a token and for a revoked one, 404 for an unknown path", async () => {
    assert.strictEqual((await f.request("/api/v1/voortgang")).status, 401)
    assert.strictEqual((await f.request("/api/v1/voortgang", { as: "ingetrokken" })).status, 401)
    const missing = await f.request("/api/v1/bestaat-niet", { as: "beheerder" })
    assert.strictEqual(missing.status, 404)
    assert.strictEqual(missing.headers.get("content-type"), problemType)
  })

  it("sends secure headers and a request id, and no CORS headers unless configured", async () => {
    const response = await f.request("/api/v1/programma", {
      as: "programma",
      headers: { origin: "https://elders.example" }
    })
    assert.strictEqual(response.headers.get("x-content-type-options"), "nosniff")
    assert.strictEqual(response.headers.get("x-frame-options"), "SAMEORIGIN")
    assert.isNotNull(response.headers.get("strict-transport-security"))
    assert.isNotNull(response.headers.get("x-request-id"))
    assert.isNull(response.headers.get("access-control-allow-origin"))
    const withCors = await makeFixture({ corsOrigins: ["https://dashboard.example"] })
    const allowed = await withCors.request("/api/v1/programma", {
      as: "programma",
      headers: { origin: "https://dashboard.example" }
    })
    assert.strictEqual(allowed.headers.get("access-control-allow-origin"), "https://dashboard.example")
    await withCors.dispose()
  })

  it("limits requests per token with 429", async () => {
    const limited = await makeFixture({ rateLimit: { limit: 2, windowMs: 60_000 } })
    assert.strictEqual((await limited.request("/api/v1/programma", { as: "gemeente" })).status, 200)
    assert.strictEqual((await limited.request("/api/v1/programma", { as: "gemeente" })).status, 200)
    const third = await limited.request("/api/v1/programma", { as: "gemeente" })
    assert.strictEqual(third.status, 429)
    assert.isNotNull(third.headers.get("retry-after"))
    assert.strictEqual((await limited.request("/api/v1/programma", { as: "programma" })).status, 200)
    await limited.dispose()
  })

  it("logs every request as JSON with its request id, never a token", async () => {
    const before = f.logs.length
    await f.request("/api/v1/programma", { as: "beheerder", headers: { "x-request-id": "log-test" } })
    const entry = f.logs.slice(before).find((e) => e.requestId === "log-test")
    assert.deepInclude(entry, { methode: "GET", pad: "/api/v1/programma", status: 200 })
    const all = JSON.stringify(f.logs)
    for (const token of Object.values(f.tokens)) assert.notInclude(all, token)
    assert.deepStrictEqual(f.errors, [])
  })
})

describe("scope per gemeente", () => {
  const activiteit = (id: string, gemeente: string | null) => ({
    id,
    datum: "2026-03-01",
    gemeente,
    soort: "kennisbijeenkomst",
    omschrijving: `test ${id}`
  })

  it("shows a gemeente token only its own and the regional activities, by list and by id", async () => {
    const posted = await f.request("/api/v1/activiteiten", {
      method: "POST",
      as: "beheerder",
      json: [
        activiteit("a-utrecht", "GM0344"),
        activiteit("a-amersfoort", "GM0307"),
        activiteit("a-regio", null)
      ]
    })
    assert.strictEqual(posted.status, 200, JSON.stringify(await json(posted.clone())))
    assert.deepStrictEqual(await json(posted), { inserted: 3, updated: 0, unchanged: 0 })
    const ids = async (as: "beheerder" | "gemeente" | "district", query = "") =>
      (await json(await f.request(`/api/v1/activiteiten${query}`, { as }))).map(
        (r: { activiteit: { id: string } }) => r.activiteit.id
      )
    assert.sameMembers(await ids("beheerder"), ["a-utrecht", "a-amersfoort", "a-regio"])
    assert.sameMembers(await ids("gemeente"), ["a-utrecht", "a-regio"])
    // Asking for another gemeente by filter gives nothing, not its rows.
    assert.deepStrictEqual(await ids("gemeente", "?gemeente=GM0307"), [])
    // The district token names a district without gemeenten in the bundled data: regional rows only.
    assert.sameMembers(await ids("district"), ["a-regio"])
    assert.strictEqual((await f.request("/api/v1/activiteiten/a-amersfoort", { as: "gemeente" })).status, 404)
    assert.strictEqual((await f.request("/api/v1/activiteiten/a-utrecht", { as: "gemeente" })).status, 200)
    assert.strictEqual(
      (await f.request("/api/v1/activiteiten/a-amersfoort", { as: "programma" })).status,
      200
    )
  })

  it("refuses an activity in a gemeente outside the region with 422 naming it", async () => {
    const response = await f.request("/api/v1/activiteiten", {
      method: "POST",
      as: "beheerder",
      json: [activiteit("a-elders", "GM9999")]
    })
    assert.strictEqual(response.status, 422)
    assert.deepStrictEqual((await json(response)).velden, [
      { pad: "0.gemeente", melding: "GM9999 hoort niet bij de regio" }
    ])
  })

  it("refuses a district token writing activities outside its gemeenten", async () => {
    const response = await f.request("/api/v1/activiteiten", {
      method: "POST",
      as: "district",
      json: [activiteit("a-buiten", "GM0344")]
    })
    assert.strictEqual(response.status, 403)
    assert.include((await json(response)).detail, "a-buiten")
  })

  it("lists only the token's own gemeente to a gemeente token", async () => {
    const all = await json(await f.request("/api/v1/gebieden", { as: "programma" }))
    assert.strictEqual(all.length, dataset.regio.gemeenten.length)
    const own = await json(await f.request("/api/v1/gebieden", { as: "gemeente" }))
    assert.deepStrictEqual(
      own.map((r: { gemeente: { code: string } }) => r.gemeente.code),
      ["GM0344"]
    )
  })
})

describe("imports over HTTP", () => {
  it("imports a workbook as a dry run, then for real, lists it and undoes it", async () => {
    const { Voorbeeld } = await import("@dvcc/excel")
    const bytes = await Voorbeeld.workbook(dataset.regio)
    const upload = (query: string) => {
      const form = new FormData()
      form.set("bestand", new File([new Uint8Array(bytes)], "voorbeeld.xlsx"))
      return f.request(`/api/v1/imports${query}`, { method: "POST", as: "beheerder", body: form })
    }
    // The example holds a Gebieden sheet: only a beheerder changes the geography.
    const dry = await upload("?dryRun=true")
    const dryReport = await json(dry)
    assert.strictEqual(dry.status, 200, JSON.stringify(dryReport))
    assert.strictEqual(dryReport.status, "dry-run")
    assert.isNull(dryReport.importId)
    const real = await json(await upload(""))
    assert.strictEqual(real.status, "imported", JSON.stringify(real.problems))
    const listed = await json(await f.request("/api/v1/imports", { as: "beheerder" }))
    assert.include(
      listed.map((i: { id: string }) => i.id),
      real.importId
    )
    const undone = await f.request(`/api/v1/imports/${real.importId}`, { method: "DELETE", as: "beheerder" })
    assert.strictEqual(undone.status, 200)
    const report = await json(undone)
    assert.isAbove(report.removed, 0)
    // Nothing later holds the example's rows: undo keeps none, and says so.
    assert.strictEqual(report.kept, 0)
    const again = await f.request(`/api/v1/imports/${real.importId}`, { method: "DELETE", as: "beheerder" })
    assert.strictEqual(again.status, 409)
    assert.strictEqual(
      (await f.request("/api/v1/imports/bestaat-niet", { method: "DELETE", as: "beheerder" })).status,
      404
    )
  }, 60_000)

  it("refuses a JSON body with 415 and a non-xlsx with 422, for every role that imports", async () => {
    const asJson = await f.request("/api/v1/imports", { method: "POST", as: "programma", json: {} })
    assert.strictEqual(asJson.status, 415)
    const form = new FormData()
    form.set("bestand", new File(["a;b\n1;2"], "lijst.csv"))
    const csv = await f.request("/api/v1/imports", { method: "POST", as: "programma", body: form })
    assert.strictEqual(csv.status, 422)
    assert.strictEqual((await json(csv)).type, "urn:dvcc:probleem:validatie")
    // A district and a gemeente token get the same 422.
    for (const as of ["district", "gemeente"] as const) {
      const scoped = await f.request("/api/v1/imports?dryRun=true", { method: "POST", as, body: form })
      assert.strictEqual(scoped.status, 422, as)
    }
  })
})

describe("exports over HTTP", () => {
  it("downloads the KPI workbook of a year with a proper name and content type", async () => {
    const response = await f.request("/api/v1/exports/kpi?jaar=2025&asOf=2025-12-31", { as: "gemeente" })
    assert.strictEqual(response.status, 200)
    assert.strictEqual(
      response.headers.get("content-type"),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert.include(response.headers.get("content-disposition") ?? "", 'filename="kpi-2025-2025-12-31.xlsx"')
    const bytes = new Uint8Array(await response.arrayBuffer())
    // An xlsx is a zip: it starts with "PK".
    assert.deepStrictEqual([...bytes.slice(0, 2)], [0x50, 0x4b])
    assert.strictEqual((await f.request("/api/v1/exports/kpi?jaar=1999", { as: "programma" })).status, 404)
    assert.strictEqual((await f.request("/api/v1/exports/registraties", { as: "programma" })).status, 422)
  })
})

describe("changing activities and gebieden", () => {
  it("changes an activity against its version, within the token's gemeenten only", async () => {
    await f.request("/api/v1/activiteiten", {
      method: "POST",
      as: "beheerder",
      json: [
        { id: "p-utrecht", datum: "2026-05-01", gemeente: "GM0344", soort: "huisbezoek" },
        { id: "p-zeist", datum: "2026-05-01", gemeente: "GM0355", soort: "huisbezoek" }
      ]
    })
    const read = await json(await f.request("/api/v1/activiteiten/p-utrecht", { as: "beheerder" }))
    const patch = (id: string, body: unknown, as: "beheerder" | "district" = "beheerder") =>
      f.request(`/api/v1/activiteiten/${id}`, { method: "PATCH", as, json: body })
    const changed = await patch("p-utrecht", { basedOn: read.versie, bereik: 40 })
    assert.strictEqual(changed.status, 200)
    assert.strictEqual((await json(changed)).activiteit.bereik, 40)
    assert.strictEqual((await patch("p-utrecht", { basedOn: read.versie, bereik: 41 })).status, 409)
    // Into a gemeente outside the region: refused as invalid input, as on POST, not a server error.
    const outside = await patch("p-utrecht", { basedOn: read.versie + 1, gemeente: "GM9999" })
    assert.strictEqual(outside.status, 422, JSON.stringify(await json(outside.clone())))
    // The district token's district has no gemeenten: it cannot see, so cannot change, either.
    assert.strictEqual((await patch("p-zeist", { basedOn: 1, bereik: 5 }, "district")).status, 404)
  })

  it("changes a gemeente's district against its version; only a beheerder may", async () => {
    const [first] = await json(await f.request("/api/v1/gebieden", { as: "gemeente" }))
    const body = { basedOn: first.versie, inwoners: [{ aantal: 374_238, peildatum: "2025-01-01" }] }
    const refused = await f.request("/api/v1/gebieden/GM0344", {
      method: "PATCH",
      as: "programma",
      json: body
    })
    assert.strictEqual(refused.status, 403)
    const changed = await f.request("/api/v1/gebieden/GM0344", {
      method: "PATCH",
      as: "beheerder",
      json: body
    })
    assert.strictEqual(changed.status, 200, JSON.stringify(await json(changed.clone())))
    assert.strictEqual((await json(changed)).versie, first.versie + 1)
    const stale = await f.request("/api/v1/gebieden/GM0344", { method: "PATCH", as: "beheerder", json: body })
    assert.strictEqual(stale.status, 409)
  })
})

describe("GET /api/v1/informatiebeeld/{gebied}", () => {
  const registratie = (gemeente: string, delict: string, aangiften: number, slachtoffers: number) => ({
    periode: "2026-Q1",
    gebied: { niveau: "gemeente", code: gemeente },
    delict,
    aangiften,
    meldingen: 0,
    slachtoffers,
    schade: slachtoffers * 10_000,
    herkomst: { document: "test", sectie: "test" }
  })

  beforeAll(async () => {
    const { Registrations } = await import("@dvcc/store")
    const { Registration } = await import("@dvcc/core")
    const rows = [
      registratie("GM0344", "phishing", 3, 3),
      registratie("GM0344", "hacken", 12, 10),
      registratie("GM0344", "aan-en-verkoopfraude", 40, 38),
      registratie("GM0307", "phishing", 2, 2)
    ].map((r) => Schema.decodeUnknownSync(Registration.Registration)(r))
    await f.runtime.runPromise(
      Effect.flatMap(Registrations.Registrations, (r) =>
        r.record(rows, { importId: "test-informatiebeeld", actor: "test" })
      )
    )
  })

  it("gives a gemeente token its own picture with small numbers suppressed, and no derived figures", async () => {
    const response = await f.request("/api/v1/informatiebeeld/GM0344?periode=2026-Q1", { as: "gemeente" })
    const body = await json(response)
    assert.strictEqual(response.status, 200, JSON.stringify(body))
    assert.strictEqual(body.publiek, "gemeente")
    assert.isNull(body.volledig)
    const rij = (delict: string) => body.gepubliceerd.periode.find((r: { rij: string }) => r.rij === delict)
    assert.deepInclude(rij("phishing").aangiften, { onderdrukt: true, weergave: "< 5" })
    // Secondary: otherwise the totaal minus the visible rows would give the 3 back.
    assert.deepInclude(rij("hacken").aangiften, { onderdrukt: true, reden: "secundair" })
    assert.strictEqual(rij("aan-en-verkoopfraude").aangiften, 40)
    assert.notInclude(JSON.stringify(body), '"aangiften":3,')
  })

  it("reads ?periode= in the notations the import reads (Q1 2026, 1e kwartaal 2026)", async () => {
    const iso = await json(
      await f.request("/api/v1/informatiebeeld/GM0344?periode=2026-Q1", { as: "programma" })
    )
    for (const typed of ["Q1%202026", "1e%20kwartaal%202026"]) {
      const response = await f.request(`/api/v1/informatiebeeld/GM0344?periode=${typed}`, { as: "programma" })
      assert.strictEqual(response.status, 200)
      assert.deepStrictEqual(await json(response), iso)
    }
  })

  it("refuses a gemeente token another gemeente's picture, and gives programma the whole picture", async () => {
    const other = await f.request("/api/v1/informatiebeeld/GM0307?periode=2026-Q1", { as: "gemeente" })
    assert.strictEqual(other.status, 403)
    assert.strictEqual(
      (await f.request("/api/v1/informatiebeeld/regio?periode=2026-Q1", { as: "gemeente" })).status,
      200
    )
    const full = await json(
      await f.request("/api/v1/informatiebeeld/GM0344?periode=2026-Q1", { as: "programma" })
    )
    assert.isNotNull(full.volledig)
    const phishing = full.gepubliceerd.periode.find((r: { rij: string }) => r.rij === "phishing")
    assert.strictEqual(phishing.aangiften, 3)
    assert.strictEqual(
      (await f.request("/api/v1/informatiebeeld/GM9999?periode=2026-Q1", { as: "programma" })).status,
      404
    )
    assert.strictEqual((await f.request("/api/v1/informatiebeeld/GM0344", { as: "programma" })).status, 422)
  })
})

describe("GET /api/v1/registraties", () => {
  // Uses the registrations recorded for GM0344 and GM0307 in the informatiebeeld tests above.
  it("gives programma every row; a district token only its gemeenten's and the aggregate rows, small counts hidden", async () => {
    const all = await json(await f.request("/api/v1/registraties?periode=2026-Q1", { as: "programma" }))
    assert.sameMembers(
      all.map((r: { gebied: { code: string } }) => r.gebied.code),
      ["GM0344", "GM0344", "GM0344", "GM0307"]
    )
    assert.include(
      all.map((r: { aangiften: unknown }) => r.aangiften),
      3
    )
    // Put GM0344 in the district token's district.
    const [utrecht] = await json(await f.request("/api/v1/gebieden", { as: "gemeente" }))
    const moved = await f.request("/api/v1/gebieden/GM0344", {
      method: "PATCH",
      as: "beheerder",
      json: { basedOn: utrecht.versie, district: "district-noord" }
    })
    assert.strictEqual(moved.status, 200, JSON.stringify(await json(moved.clone())))
    const district = await json(await f.request("/api/v1/registraties?periode=2026-Q1", { as: "district" }))
    assert.deepStrictEqual(
      [...new Set(district.map((r: { gebied: { code: string } }) => r.gebied.code))],
      ["GM0344"]
    )
    const phishing = district.find((r: { delict: string }) => r.delict === "phishing")
    assert.deepInclude(phishing.aangiften, { onderdrukt: true, weergave: "< 5" })
    assert.deepInclude(phishing.schade, { onderdrukt: true, reden: "gekoppeld" })
    // By filter: another gemeente's rows are not there, not even when asked for.
    assert.deepStrictEqual(
      await json(await f.request("/api/v1/registraties?gemeente=GM0307", { as: "district" })),
      []
    )
    // A gemeente token reads its own gemeente's rows the same way (tested in Access.test.ts).
    assert.strictEqual((await f.request("/api/v1/registraties", { as: "gemeente" })).status, 200)
  })
})
