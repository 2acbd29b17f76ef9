/**
 * `GET /api/v1/reports/informatiebeeld/{gemeente}`: the report as HTML and PDF, scoped and suppressed
 * like `/api/v1/informatiebeeld`.
 */
import { Registration } from "@dvcc/core"
import { Registrations } from "@dvcc/store"
import { chromium, describeWithTool } from "@dvcc/testing-tools"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { type Fixture, makeFixture } from "./fixture.ts"
import { json } from "./json.ts"

const problemType = "application/problem+json; charset=utf-8"
const pad = "/api/v1/reports/informatiebeeld"

const registratie = (gemeente: string, delict: string, aangiften: number, slachtoffers: number) =>
  Schema.decodeUnknownSync(Registration.Registration)({
    periode: "2026-Q1",
    gebied: { niveau: "gemeente", code: gemeente },
    delict,
    aangiften,
    meldingen: 0,
    slachtoffers,
    schade: slachtoffers * 10_000,
    herkomst: { document: "test", sectie: "test" }
  })

/** The text of the first table row about `delict`: `Phishing 3 0 3 € 300 …`. */
const rij = (html: string, delict: string): string => {
  const match = html.match(new RegExp(`<tr[^>]*>(?:(?!</tr>).)*?${delict}.*?</tr>`, "s"))
  return (match?.[0] ?? "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim()
}

let f: Fixture
beforeAll(async () => {
  f = await makeFixture()
  const rows = [
    registratie("GM0344", "phishing", 3, 3),
    registratie("GM0344", "hacken", 12, 10),
    registratie("GM0344", "aan-en-verkoopfraude", 1234, 1187),
    registratie("GM0307", "phishing", 2, 2)
  ]
  await f.runtime.runPromise(
    Effect.flatMap(Registrations.Registrations, (r) =>
      r.record(rows, { importId: "test-rapport", actor: "test" })
    )
  )
}, 60_000)
afterAll(() => f.dispose())

describe("GET /api/v1/reports/informatiebeeld/{gemeente}", () => {
  it("gives programma the internal report of the gemeente as HTML, with its figures", async () => {
    const response = await f.request(`${pad}/GM0344?periode=2026-Q1`, { as: "programma" })
    const html = await response.text()
    assert.strictEqual(response.status, 200, html.slice(0, 500))
    assert.strictEqual(response.headers.get("content-type"), "text/html; charset=utf-8")
    assert.include(response.headers.get("content-disposition") ?? "", "informatiebeeld-utrecht-2026-Q1.html")
    assert.match(html, /^<!doctype html>/i)
    assert.include(html, "Informatiebeeld Utrecht")
    assert.include(html, "Intern")
    // 1234 + 12 + 3 aangiften in total, and the 1.234 of one delict, in Dutch notation
    assert.include(html, "1.249")
    assert.include(html, "1.234")
    assert.notInclude(html, "&lt; 5")
    assert.match(rij(html, "Phishing"), /^Phishing 3 0 3 € 300/)
  })

  it("gives a gemeente token the version for the gemeente, small numbers suppressed and the rule stated", async () => {
    const response = await f.request(`${pad}/GM0344?periode=2026-Q1`, { as: "gemeente" })
    const html = await response.text()
    assert.strictEqual(response.status, 200, html.slice(0, 500))
    assert.include(html, "Versie voor de gemeente")
    assert.include(html, "&lt; 5")
    assert.include(html, "Kleine aantallen (minder dan 5) zijn afgeschermd.")
    for (const figuur of ["1.234", "1.249"]) assert.include(html, figuur)
    assert.notInclude(html, "Intern")
    assert.match(rij(html, "Phishing"), /^Phishing &lt; 5 &lt; 5 &lt; 5 .*afgeschermd$/)
  })

  it("finds the gemeente by name too", async () => {
    const response = await f.request(`${pad}/utrecht?periode=2026-Q1`, { as: "gemeente" })
    assert.strictEqual(response.status, 200)
    assert.include(await response.text(), "Versie voor de gemeente")
  })

  it("refuses a gemeente or district token a gemeente outside its scope", async () => {
    const other = await f.request(`${pad}/GM0307?periode=2026-Q1`, { as: "gemeente" })
    assert.strictEqual(other.status, 403)
    assert.strictEqual(other.headers.get("content-type"), problemType)
    assert.include((await json(other)).detail, "Amersfoort")
    const district = await f.request(`${pad}/GM0344?periode=2026-Q1`, { as: "district" })
    assert.strictEqual(district.status, 403)
    assert.strictEqual((await f.request(`${pad}/GM0344?periode=2026-Q1`)).status, 401)
  })

  it("answers an unknown gemeente with 404 and a bad periode or format with 422, as problem+json", async () => {
    const unknown = await f.request(`${pad}/GM9999?periode=2026-Q1`, { as: "programma" })
    assert.strictEqual(unknown.status, 404)
    assert.strictEqual(unknown.headers.get("content-type"), problemType)
    for (const query of ["", "?periode=2026-Q5", "?periode=2026-Q1&format=docx"]) {
      const bad = await f.request(`${pad}/GM0344${query}`, { as: "programma" })
      assert.strictEqual(bad.status, 422, query)
      assert.strictEqual(bad.headers.get("content-type"), problemType)
      assert.strictEqual((await json(bad)).type, "urn:dvcc:probleem:validatie")
    }
  })

  it("is in the OpenAPI document", async () => {
    const doc = await json(await f.request("/openapi.json"))
    const get = doc.paths["/api/v1/reports/informatiebeeld/{gemeente}"]?.get
    assert.isDefined(get)
    assert.sameMembers(
      get.parameters.map((p: { name: string }) => p.name),
      ["gemeente", "periode", "format"]
    )
  })
})

describeWithTool(chromium, "GET /api/v1/reports/informatiebeeld/{gemeente}?format=pdf", () => {
  it("gives the report as an A4 PDF to download", { timeout: 60_000 }, async () => {
    const response = await f.request(`${pad}/GM0344?periode=2026-Q1&format=pdf`, { as: "gemeente" })
    const bytes = new Uint8Array(await response.arrayBuffer())
    assert.strictEqual(response.status, 200, new TextDecoder().decode(bytes.slice(0, 500)))
    assert.strictEqual(response.headers.get("content-type"), "application/pdf")
    assert.match(
      response.headers.get("content-disposition") ?? "",
      /^attachment; filename="informatiebeeld-utrecht-2026-Q1\.pdf"/
    )
    assert.strictEqual(new TextDecoder().decode(bytes.slice(0, 4)), "%PDF")
  })
})
