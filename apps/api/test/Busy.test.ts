/**
 * A busy server answers 503 with `Retry-After` (a Dutch problem+json), never a crash or a 500: too many
 * imports at once in one `serve` process, and writes while another process (a long `dvcc import`) holds
 * the database's write lock.
 */
import { DatabaseSync } from "node:sqlite"
import { Measurement } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import { type Fixture, freshSqlite, makeFixture } from "./fixture.ts"
import { json } from "./json.ts"
import { registraties, upload } from "./workbooks.ts"

const location = freshSqlite()
let f: Fixture
beforeAll(async () => {
  f = await makeFixture({}, location)
}, 60_000)
afterAll(() => f.dispose())

const busy = async (response: Response) => {
  assert.strictEqual(response.status, 503)
  assert.strictEqual(response.headers.get("content-type"), "application/problem+json; charset=utf-8")
  assert.match(response.headers.get("retry-after") ?? "", /^\d+$/)
  const problem = await json(response)
  assert.strictEqual(problem.type, "urn:dvcc:probleem:niet-beschikbaar")
  assert.strictEqual(problem.title, "Niet beschikbaar")
  return problem.detail as string
}

describe("busy", () => {
  it("answers imports beyond two at a time in one process with 503 and Retry-After", async () => {
    const bytes = await registraties(["Utrecht"])
    const responses = await Promise.all(
      Array.from({ length: 4 }, () =>
        f.request("/api/v1/imports?dryRun=true", { method: "POST", as: "programma", body: upload(bytes) })
      )
    )
    const statuses = responses.map((r) => r.status).sort()
    assert.deepStrictEqual(statuses, [200, 200, 503, 503])
    const detail = await busy(responses.find((r) => r.status === 503) as Response)
    assert.match(detail, /imports tegelijk/)
    for (const r of responses.filter((r) => r.status === 200))
      assert.strictEqual((await json(r)).status, "dry-run")
    // Once they are done, the next one is let in.
    const later = await f.request("/api/v1/imports?dryRun=true", {
      method: "POST",
      as: "programma",
      body: upload(bytes)
    })
    assert.strictEqual(later.status, 200)
  }, 60_000)

  it("answers a write while another process holds the write lock with 503 and Retry-After, not 500", async () => {
    if (location._tag !== "Sqlite") return
    const other = new DatabaseSync(location.file)
    other.exec("BEGIN IMMEDIATE")
    try {
      const response = await f.request("/api/v1/metingen", {
        method: "POST",
        as: "programma",
        // One of the bundled measurements under a new id: a write like any other.
        json: {
          ...Schema.encodeSync(Measurement.Measurement)(dataset.metingen[0] as Measurement.Measurement),
          id: "m-busy"
        }
      })
      const detail = await busy(response)
      assert.match(detail, /database is bezet/)
      assert.deepStrictEqual(f.errors, [])
    } finally {
      other.exec("ROLLBACK")
      other.close()
    }
  }, 30_000)

  it("answers an import while another process holds the write lock with 503, not 500", async () => {
    if (location._tag !== "Sqlite") return
    const other = new DatabaseSync(location.file)
    other.exec("BEGIN IMMEDIATE")
    try {
      const response = await f.request("/api/v1/imports", {
        method: "POST",
        as: "programma",
        body: upload(await registraties(["Utrecht"], 9))
      })
      const detail = await busy(response)
      assert.match(detail, /database is bezet/)
      assert.deepStrictEqual(f.errors, [])
    } finally {
      other.exec("ROLLBACK")
      other.close()
    }
  }, 30_000)
})
