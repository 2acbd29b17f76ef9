import { assert, describe, it } from "@effect/vitest"
import { bearerAuth } from "../../src/middleware/auth/index.ts"
import { json } from "../json.ts"
import { around, principal } from "./app.ts"

describe("bearerAuth", () => {
  const app = around(
    bearerAuth({ verify: async (token) => (token === "dvcc_goed" ? principal("programma") : undefined) })
  )

  it("lets a known token through", async () => {
    const response = await app.request("/x", { headers: { authorization: "Bearer dvcc_goed" } })
    assert.strictEqual(response.status, 200)
  })

  it("answers a missing, malformed or unknown token with a 401 problem and a Bearer challenge", async () => {
    for (const [header, error] of [
      [undefined, "invalid_request"],
      ["Basic dXNlcjpwYXNz", "invalid_request"],
      ["Bearer dvcc_fout", "invalid_token"]
    ] as const) {
      const response = await app.request(
        "/x",
        header === undefined ? {} : { headers: { authorization: header } }
      )
      assert.strictEqual(response.status, 401)
      assert.strictEqual(response.headers.get("content-type"), "application/problem+json; charset=utf-8")
      assert.include(response.headers.get("www-authenticate") ?? "", `error="${error}"`)
      const body = await json(response)
      assert.strictEqual(body.type, "urn:dvcc:probleem:niet-aangemeld")
      assert.strictEqual(body.title, "Niet aangemeld")
      assert.strictEqual(body.requestId, "req-1")
    }
  })
})
