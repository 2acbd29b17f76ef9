import { assert, describe, it } from "@effect/vitest"
import { Hono } from "hono"
import type { Env } from "../src/Env.ts"
import { listen } from "../src/Server.ts"

describe("listen", () => {
  it("closes gracefully: a request in flight finishes, new connections are refused", async () => {
    const app = new Hono<Env>()
    let entered: () => void = () => {}
    const inHandler = new Promise<void>((resolve) => {
      entered = resolve
    })
    app.get("/slow", async (c) => {
      entered()
      await new Promise((resolve) => setTimeout(resolve, 300))
      return c.text("klaar")
    })
    const server = await listen(app, { port: 0, host: "127.0.0.1" })
    const inFlight = fetch(`${server.url}/slow`)
    await inHandler
    const closed = server.close()
    const response = await inFlight
    assert.strictEqual(response.status, 200)
    assert.strictEqual(await response.text(), "klaar")
    await closed
    const after = await fetch(`${server.url}/slow`).then(
      () => "answered",
      () => "refused"
    )
    assert.strictEqual(after, "refused")
  })
})
