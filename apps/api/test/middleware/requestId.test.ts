import { assert, describe, it } from "@effect/vitest"
import { Hono } from "hono"
import type { Env } from "../../src/Env.ts"
import { requestId } from "../../src/middleware/requestId/index.ts"

describe("requestId", () => {
  const app = new Hono<Env>()
  let n = 0
  app.use(requestId({ generate: () => `gen-${++n}` }))
  app.get("/", (c) => c.text(c.get("requestId")))

  it("keeps a plain id the caller sent and returns it in the header", async () => {
    const response = await app.request("/", { headers: { "x-request-id": "abc-123" } })
    assert.strictEqual(response.headers.get("x-request-id"), "abc-123")
    assert.strictEqual(await response.text(), "abc-123")
  })

  it("makes a new id when none or an unsafe one was sent", async () => {
    const none = await app.request("/")
    assert.match(none.headers.get("x-request-id") ?? "", /^gen-\d+$/)
    const unsafe = await app.request("/", { headers: { "x-request-id": 'a"b<script>' } })
    assert.match(unsafe.headers.get("x-request-id") ?? "", /^gen-\d+$/)
  })
})
