/**
 * The sign-in limit per address behind a reverse proxy: without `trustProxy` the socket's address counts
 * and a forged `X-Forwarded-For` changes nothing; with it, the right-most entry (what the proxy appended).
 */
import { afterAll, assert, beforeAll, describe, it } from "vitest"
import { forwardedFor } from "../src/internal/proxy.ts"
import { createWeb } from "../src/Web.ts"
import { accounts, makeWeb, password } from "./fixture.ts"

describe("the sign-in limit per address", () => {
  let web: Awaited<ReturnType<typeof makeWeb>>
  beforeAll(async () => {
    web = await makeWeb({ perAccount: 100, perAddress: 3 })
  }, 60_000)
  afterAll(() => web?.dispose())

  /** A sign-in from socket `peer`, with the headers given. */
  const signIn = async (
    app: ReturnType<typeof createWeb>,
    peer: string,
    email: string,
    secret: string,
    headers: Record<string, string> = {}
  ) => {
    const env = { incoming: { socket: { remoteAddress: peer } } }
    const form = await app.request("/inloggen", {}, env)
    const cookie = (form.headers.getSetCookie()[0] ?? "").split(";")[0] ?? ""
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? ""
    const response = await app.request(
      "/inloggen",
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...headers },
        body: new URLSearchParams({ _csrf: csrf, email, wachtwoord: secret }).toString()
      },
      env
    )
    return response.status
  }

  it("reads the right-most entry of X-Forwarded-For, bounded", () => {
    assert.strictEqual(forwardedFor("1.1.1.1, 10.0.0.7"), "10.0.0.7")
    assert.strictEqual(forwardedFor(" 10.0.0.7 "), "10.0.0.7")
    assert.isUndefined(forwardedFor(undefined))
    assert.isUndefined(forwardedFor(" , "))
    assert.isAtMost(forwardedFor(`${"9".repeat(5000)}`)?.length ?? 0, 100)
  })

  it("without trust-proxy, a forged X-Forwarded-For does not escape the limit", async () => {
    const app = createWeb({ runtime: web.runtime })
    for (let i = 0; i < 3; i++)
      assert.strictEqual(
        await signIn(app, "10.5.5.5", accounts.programma.email, "fout", {
          "x-forwarded-for": `192.0.2.${i}`
        }),
        401
      )
    const status = await signIn(app, "10.5.5.5", accounts.gemeente.email, password, {
      "x-forwarded-for": "192.0.2.99"
    })
    assert.strictEqual(status, 429, "the socket's address is limited, whatever the header says")
    assert.strictEqual(await signIn(app, "10.5.5.6", accounts.gemeente.email, password), 303)
  })

  it("with trust-proxy, the address the proxy appended counts, not what the client put before it", async () => {
    const app = createWeb({ runtime: web.runtime, trustProxy: true })
    for (let i = 0; i < 3; i++)
      await signIn(app, "127.0.0.1", accounts.programma.email, "fout", {
        "x-forwarded-for": `198.51.100.${i}, 10.7.7.1`
      })
    assert.strictEqual(
      await signIn(app, "127.0.0.1", accounts.gemeente.email, password, {
        "x-forwarded-for": "198.51.100.200, 10.7.7.1"
      }),
      429
    )
    assert.strictEqual(
      await signIn(app, "127.0.0.1", accounts.gemeente.email, password, { "x-forwarded-for": "10.7.7.2" }),
      303,
      "another client behind the same proxy is not limited"
    )
  })
})
