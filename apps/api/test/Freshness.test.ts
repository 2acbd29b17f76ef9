/**
 * What the app keeps in memory between requests (verified tokens, encoded answers, the programme) is kept
 * under the database's version: a write, a revocation or a change made by another `serve` process on the
 * same database is seen on the next request. Two runtimes on one SQLite file stand for two processes.
 */
import { Tokens } from "@dvcc/store"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Effect, ManagedRuntime } from "effect"
import { createApp, services } from "../src/App.ts"
import * as ProgramCache from "../src/ProgramCache.ts"
import { type Fixture, freshSqlite, makeFixture } from "./fixture.ts"

const location = freshSqlite()
let f: Fixture
// The other process: its own runtime and app on the same database file.
let other: ReturnType<typeof make>
let otherApp: ReturnType<typeof createApp>
const make = () => ManagedRuntime.make(services(location))

beforeAll(async () => {
  f = await makeFixture({}, location)
  other = make()
  otherApp = createApp({ runtime: other, options: { log: () => {} } })
}, 60_000)
afterAll(async () => {
  await other.dispose()
  await f.dispose()
})

const meting = {
  id: "m-2026-kennisbijeenkomsten-vers",
  indicator: "kennisbijeenkomsten",
  jaar: 2026,
  periode: "2026-Q1",
  gebied: { niveau: "regio" },
  waarde: 7,
  bron: "programma-administratie",
  vastgelegdOp: "2026-04-02",
  herkomst: { document: "API-test", sectie: "metingen" }
}

describe("answers kept between requests", () => {
  it("answers If-None-Match with 304 until another process writes, then with the new answer", async () => {
    const path = "/api/v1/voortgang?asOf=2026-12-31"
    const first = await f.request(path, { as: "programma" })
    assert.strictEqual(first.status, 200)
    const etag = first.headers.get("etag")
    assert.isNotNull(etag)
    const body = await first.text()
    const again = await f.request(path, { as: "programma", headers: { "if-none-match": etag ?? "" } })
    assert.strictEqual(again.status, 304)
    assert.strictEqual(await again.text(), "")

    const written = await otherApp.request("/api/v1/metingen", {
      method: "POST",
      headers: { authorization: `Bearer ${f.tokens.programma}`, "content-type": "application/json" },
      body: JSON.stringify(meting)
    })
    assert.isTrue(written.ok, `POST /metingen: ${written.status}`)

    const after = await f.request(path, { as: "programma", headers: { "if-none-match": etag ?? "" } })
    assert.strictEqual(after.status, 200)
    assert.notStrictEqual(after.headers.get("etag"), etag)
    const changed = await after.text()
    assert.notStrictEqual(changed, body)
    // The new answer is the one the other process gives.
    const there = await otherApp.request(path, { headers: { authorization: `Bearer ${f.tokens.programma}` } })
    assert.strictEqual(await there.text(), changed)
  })

  it("refuses a token on the first request after another process revoked it", async () => {
    const created = await f.runtime.runPromise(
      Effect.flatMap(Tokens.Tokens, (t) => t.create({ naam: "kort", rol: "programma", scope: null }, "test"))
    )
    const send = () =>
      f.request("/api/v1/voortgang?asOf=2025-12-31", {
        headers: { authorization: `Bearer ${created.token}` }
      })
    assert.strictEqual((await send()).status, 200)
    assert.strictEqual((await send()).status, 200)
    await other.runPromise(Effect.flatMap(Tokens.Tokens, (t) => t.revoke(created.info.id, "test")))
    const refused = await send()
    assert.strictEqual(refused.status, 401)
  })

  it("does not give one token's kept answer to another token", async () => {
    const path = "/api/v1/informatiebeeld/GM0344?periode=2024"
    assert.strictEqual((await f.request(path, { as: "beheerder" })).status, 200)
    assert.strictEqual((await f.request(path, { as: "gemeente" })).status, 200)
    const beheerder = (await (await f.request(path, { as: "beheerder" })).json()) as { volledig: unknown }
    const gemeente = (await (await f.request(path, { as: "gemeente" })).json()) as { volledig: unknown }
    assert.isNotNull(beheerder.volledig)
    assert.isNull(gemeente.volledig)
    // Another gemeente's picture stays refused to the gemeente token, however often it was given to another.
    const elders = "/api/v1/informatiebeeld/GM0034?periode=2024"
    assert.strictEqual((await f.request(elders, { as: "beheerder" })).status, 200)
    assert.strictEqual((await f.request(elders, { as: "beheerder" })).status, 200)
    assert.strictEqual((await f.request(elders, { as: "gemeente" })).status, 403)
  })
})

describe("ProgramCache.reader", () => {
  it("gives every caller a version read after it called, with fewer reads than callers", async () => {
    // Callers at pseudo-random moments (a fixed seed), a change before each.
    let seed = 7
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % 4
    }
    for (let run = 0; run < 20; run++) {
      let version = 0
      let reads = 0
      const current = ProgramCache.reader(() => {
        reads++
        const seen = version
        return new Promise<string>((resolve) => setTimeout(() => resolve(String(seen)), 1))
      })
      const answers: Array<Promise<void>> = []
      const callers = 30
      for (let i = 0; i < callers; i++) {
        version++
        const atCall = version
        answers.push(current().then((stamp) => assert.isAtLeast(Number(stamp), atCall)))
        const gap = next()
        if (gap > 0) await new Promise((resolve) => setTimeout(resolve, gap))
      }
      await Promise.all(answers)
      assert.isBelow(reads, callers)
    }
  })

  it("passes a failed read to the callers waiting for it, and reads again for the next", async () => {
    let fail = true
    const current = ProgramCache.reader(() =>
      fail ? Promise.reject(new Error("weg")) : Promise.resolve("3")
    )
    const results = await Promise.allSettled([current(), current()])
    assert.deepStrictEqual(
      results.map((r) => r.status),
      ["rejected", "rejected"]
    )
    fail = false
    assert.strictEqual(await current(), "3")
  })
})
