import { assert, describe, it } from "@effect/vitest"
import { requires } from "../../src/middleware/scope/index.ts"
import { json } from "../json.ts"
import { around, principal } from "./app.ts"

describe("requires", () => {
  it("lets a role with the action through and answers the others with a 403 naming the role", async () => {
    const allowed = await around(requires("programma:schrijven"), principal("programma")).request("/x")
    assert.strictEqual(allowed.status, 200)
    const refused = await around(requires("programma:schrijven"), principal("gemeente")).request("/x")
    assert.strictEqual(refused.status, 403)
    const body = await json(refused)
    assert.strictEqual(body.type, "urn:dvcc:probleem:geen-toegang")
    assert.include(body.detail, "rol gemeente")
  })

  it("answers 401 when no principal was set", async () => {
    assert.strictEqual((await around(requires("programma:lezen")).request("/x")).status, 401)
  })
})
