import { assert, describe, it } from "@effect/vitest"
import { Hono } from "hono"
import type { Env } from "../../src/Env.ts"
import { problemErrors } from "../../src/middleware/problem/index.ts"
import { json } from "../json.ts"

describe("problemErrors", () => {
  it("answers an unknown path with a 404 problem and a failure with a 500 that hides the cause", async () => {
    const reported: Array<unknown> = []
    const errors = problemErrors({ report: (_id, e) => reported.push(e) })
    const app = new Hono<Env>()
    app.onError(errors.onError)
    app.notFound(errors.notFound)
    app.get("/boom", () => {
      throw new Error("SQLITE_ERROR: no such table: geheim at Object.<anonymous> (/src/x.ts:1:1)")
    })
    const missing = await app.request("/nergens")
    assert.strictEqual(missing.status, 404)
    assert.strictEqual((await json(missing)).type, "urn:dvcc:probleem:niet-gevonden")
    const boom = await app.request("/boom")
    assert.strictEqual(boom.status, 500)
    const text = await boom.text()
    assert.notInclude(text, "SQLITE")
    assert.notInclude(text, "x.ts")
    assert.strictEqual(JSON.parse(text).title, "Interne fout")
    assert.lengthOf(reported, 1)
  })
})
