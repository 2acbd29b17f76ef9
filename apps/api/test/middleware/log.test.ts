import { assert, describe, it } from "@effect/vitest"
import { type LogEntry, requestLog } from "../../src/middleware/log/index.ts"
import { around, principal } from "./app.ts"

describe("requestLog", () => {
  it("writes one JSON entry per request with id, path and token id, never the token or the query", async () => {
    const entries: Array<LogEntry> = []
    const app = around(requestLog({ write: (e) => entries.push(e) }), principal("gemeente", "tok-1"))
    await app.request("/api/v1/x?bsn=123456782", { headers: { authorization: "Bearer dvcc_geheim" } })
    assert.lengthOf(entries, 1)
    const [entry] = entries
    assert.deepInclude(entry, {
      requestId: "req-1",
      methode: "GET",
      pad: "/api/v1/x",
      status: 200,
      token: "tok-1"
    })
    const line = JSON.stringify(entries)
    assert.notInclude(line, "dvcc_geheim")
    assert.notInclude(line, "123456782")
  })
})
