/**
 * Sessions kept in memory under the database's version, as tokens are: whatever must end a session at
 * once (sign-out, a disabled account, a reset) is audited, so the next request of that session is refused,
 * also when another `serve` process on the same database made the change. The idle and absolute expiry
 * hold although a page view no longer checks the session in the database.
 */
import { Database, Sessions, Users } from "@dvcc/store"
import { Effect, Layer, ManagedRuntime } from "effect"
import { afterAll, assert, beforeAll, describe, it } from "vitest"
import { sessionCookie } from "../src/Web.ts"
import { client, makeWeb, password } from "./fixture.ts"

describe("sessions under the database's version", () => {
  let web: Awaited<ReturnType<typeof makeWeb>>
  /** A second process on the same database file: another `dvcc serve`, or the CLI. */
  let other: ManagedRuntime.ManagedRuntime<Users.Users | Sessions.Sessions, unknown>
  let n = 0
  beforeAll(async () => {
    web = await makeWeb({ perAccount: 100, perAddress: 1000 })
    other = ManagedRuntime.make(
      Layer.mergeAll(Users.Users.layer, Sessions.Sessions.layer).pipe(
        Layer.provideMerge(Database.layer(web.location))
      )
    )
  }, 60_000)
  afterAll(async () => {
    await other?.dispose()
    await web?.dispose()
  })

  /** A new account, signed in, its page read twice (so its session is kept in memory). */
  const signedIn = async () => {
    const email = `sessie-${++n}@dvcc.test`
    await web.runtime.runPromise(
      Effect.flatMap(Users.Users, (users) =>
        users.create({ email, rol: "programma", scope: null, password }, "test")
      )
    )
    const browser = client(web.app)
    assert.strictEqual((await browser.signIn(email)).status, 303)
    assert.strictEqual((await browser.request("/voortgang")).status, 200)
    assert.strictEqual((await browser.request("/voortgang")).status, 200)
    return { email, browser }
  }

  const refused = async (browser: ReturnType<typeof client>) => {
    const after = await browser.request("/voortgang")
    assert.strictEqual(after.status, 303)
    assert.strictEqual(after.headers.get("location"), "/inloggen")
  }

  it("refuses the next request of a session whose account another process disabled", async () => {
    const { email, browser } = await signedIn()
    await other.runPromise(Effect.flatMap(Users.Users, (users) => users.disable(email, "beheer")))
    await refused(browser)
  })

  it("refuses the next request of a session whose password another process reset", async () => {
    const { email, browser } = await signedIn()
    await other.runPromise(Effect.flatMap(Users.Users, (users) => users.reset(email, "beheer")))
    await refused(browser)
  })

  it("refuses the next request of a session another process signed out", async () => {
    const { browser } = await signedIn()
    const id = browser.jar.get(sessionCookie) ?? ""
    await other.runPromise(Effect.flatMap(Sessions.Sessions, (sessions) => sessions.signOut(id)))
    await refused(browser)
  })

  it("keeps the other sessions of the process signed in", async () => {
    const first = await signedIn()
    const second = await signedIn()
    await other.runPromise(Effect.flatMap(Users.Users, (users) => users.disable(first.email, "beheer")))
    await refused(first.browser)
    assert.strictEqual((await second.browser.request("/voortgang")).status, 200)
  })
})

for (const [expiry, options] of [
  ["idle", { idleMs: 1_000, absoluteMs: 60_000 }],
  ["absolute", { idleMs: 60_000, absoluteMs: 1_000 }]
] as const) {
  describe(`the ${expiry} expiry of a session kept in memory`, () => {
    let web: Awaited<ReturnType<typeof makeWeb>>
    beforeAll(async () => {
      web = await makeWeb({ ...options, perAccount: 100, perAddress: 1000 })
    }, 60_000)
    afterAll(() => web?.dispose())

    it("ends the session when it expires, although it was verified less than a minute ago", async () => {
      const browser = client(web.app)
      assert.strictEqual((await browser.signIn("bureau@dvcc.test")).status, 303)
      assert.strictEqual((await browser.request("/acties")).status, 200)
      await new Promise((resolve) => setTimeout(resolve, 1_300))
      const after = await browser.request("/acties")
      assert.strictEqual(after.status, 303)
      assert.strictEqual(after.headers.get("location"), "/inloggen")
    }, 20_000)
  })
}
