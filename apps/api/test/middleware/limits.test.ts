import { assert, describe, it } from "@effect/vitest"
import { Hono } from "hono"
import type { Env } from "../../src/Env.ts"
import { bodyLimit, jsonOnly, rateLimit, requestTimeout } from "../../src/middleware/limits/index.ts"
import { json } from "../json.ts"
import { around, principal } from "./app.ts"

describe("bodyLimit", () => {
  it("answers a body over the limit with 413", async () => {
    const app = around(bodyLimit({ maxBytes: 10 }))
    const small = await app.request("/", { method: "POST", body: "12345" })
    assert.strictEqual(small.status, 200)
    const big = await app.request("/", { method: "POST", body: "x".repeat(11) })
    assert.strictEqual(big.status, 413)
    assert.strictEqual((await json(big)).type, "urn:dvcc:probleem:te-groot")
  })
})

describe("jsonOnly", () => {
  it("answers a body that is not JSON with 415 and lets JSON and GET through", async () => {
    const app = around(jsonOnly())
    assert.strictEqual(
      (
        await app.request("/", {
          method: "POST",
          body: "a=1",
          headers: { "content-type": "application/x-www-form-urlencoded" }
        })
      ).status,
      415
    )
    assert.strictEqual(
      (
        await app.request("/", {
          method: "POST",
          body: "{}",
          headers: { "content-type": "application/json; charset=utf-8" }
        })
      ).status,
      200
    )
    assert.strictEqual((await app.request("/")).status, 200)
  })
})

describe("rateLimit", () => {
  it("allows `limit` requests per window per token, then 429 with Retry-After, and again in the next window", async () => {
    let now = 0
    const app = around(rateLimit({ limit: 2, windowMs: 1000, now: () => now }), principal("programma"))
    assert.strictEqual((await app.request("/")).status, 200)
    assert.strictEqual((await app.request("/")).status, 200)
    const third = await app.request("/")
    assert.strictEqual(third.status, 429)
    assert.strictEqual(third.headers.get("retry-after"), "1")
    assert.strictEqual((await json(third)).type, "urn:dvcc:probleem:te-veel-verzoeken")
    now = 1000
    assert.strictEqual((await app.request("/")).status, 200)
  })

  it("counts each token on its own", async () => {
    let now = 0
    const limit = rateLimit({ limit: 1, windowMs: 1000, now: () => now })
    const a = around(limit, principal("programma", "a"))
    const b = around(limit, principal("programma", "b"))
    assert.strictEqual((await a.request("/")).status, 200)
    assert.strictEqual((await b.request("/")).status, 200)
    assert.strictEqual((await a.request("/")).status, 429)
    now = 0
  })
})

describe("requestTimeout", () => {
  it("answers a request that takes too long with 503 and Retry-After", async () => {
    const app = new Hono<Env>()
    app.use(requestTimeout({ ms: 20 }))
    app.get("/slow", async (c) => {
      await new Promise((resolve) => setTimeout(resolve, 200))
      return c.text("te laat")
    })
    app.get("/fast", (c) => c.text("op tijd"))
    const slow = await app.request("/slow")
    assert.strictEqual(slow.status, 503)
    assert.strictEqual(slow.headers.get("retry-after"), "5")
    assert.strictEqual((await json(slow)).type, "urn:dvcc:probleem:niet-beschikbaar")
    assert.strictEqual(await (await app.request("/fast")).text(), "op tijd")
  })
})
