import { Tokens } from "@dvcc/store"
import { Effect, Option } from "effect"
import { SqlClient } from "effect/sql"
import { afterAll, assert, beforeAll, describe, it } from "vitest"
import { accounts, client, makeWeb, password } from "./fixture.ts"

describe("the Beheer page", () => {
  let web: Awaited<ReturnType<typeof makeWeb>>
  beforeAll(async () => {
    web = await makeWeb({ perAccount: 50, perAddress: 500 })
  }, 60_000)
  afterAll(() => web?.dispose())

  const as = async (email: string) => {
    const browser = client(web.app)
    assert.strictEqual((await browser.signIn(email)).status, 303)
    return browser
  }
  const audit = () =>
    web.runtime.runPromise(
      Effect.flatMap(
        SqlClient.SqlClient,
        (sql) =>
          sql<{
            readonly actor: string
            readonly entity: string
            readonly after: string | null
          }>`SELECT actor, entity, after FROM audit WHERE entity IN ('users', 'tokens', 'sessions') ORDER BY id`
      )
    )

  it("is the beheerder's only: other roles get 403 and no link in the menu", async () => {
    const beheerder = await as(accounts.beheerder.email)
    const page = await beheerder.request("/beheer")
    assert.strictEqual(page.status, 200)
    const html = await page.text()
    assert.include(html, 'href="/beheer"')
    assert.include(html, "adviseur@amersfoort.nl")
    for (const account of [accounts.programma, accounts.gemeente]) {
      const browser = await as(account.email)
      assert.notInclude(await (await browser.request("/voortgang")).text(), 'href="/beheer"')
      assert.strictEqual((await browser.request("/beheer")).status, 403)
      const csrf = await browser.csrfOf("/voortgang")
      const post = await browser.post("/beheer/accounts", {
        _csrf: csrf,
        email: "x@dvcc.test",
        rol: "beheerder"
      })
      assert.strictEqual(post.status, 403)
      const token = await browser.post("/beheer/tokens", { _csrf: csrf, naam: "x", tokenrol: "beheerder" })
      assert.strictEqual(token.status, 403)
    }
  })

  it("refuses a change without its CSRF token", async () => {
    const beheerder = await as(accounts.beheerder.email)
    const response = await beheerder.post("/beheer/accounts", { email: "zonder@dvcc.test", rol: "programma" })
    assert.strictEqual(response.status, 403)
    assert.notInclude(await (await beheerder.request("/beheer")).text(), "zonder@dvcc.test")
  })

  it("creates an account whose one-time link works, resets it and disables it, each audited with the beheerder", async () => {
    const beheerder = await as(accounts.beheerder.email)
    const csrf = await beheerder.csrfOf("/beheer")
    const created = await beheerder.post(
      "/beheer/accounts",
      { _csrf: csrf, email: "nieuw@amersfoort.nl", rol: "gemeente", scope: "GM0307" },
      { "x-forwarded-proto": "https" }
    )
    assert.strictEqual(created.status, 200)
    const html = await created.text()
    // The link starts as the browser reached the server: over HTTPS behind a proxy that says so.
    const link = /https:\/\/localhost(\/wachtwoord\/[\w-]{43})/.exec(html)?.[1]
    assert.isDefined(link)

    const person = client(web.app)
    const set = await person.post(link ?? "", {
      _csrf: await person.csrfOf(link ?? ""),
      wachtwoord: password,
      herhaling: password
    })
    assert.strictEqual(set.status, 303)
    assert.strictEqual((await person.signIn("nieuw@amersfoort.nl")).status, 303)
    assert.strictEqual((await person.request("/voortgang")).status, 200)

    const reset = await beheerder.post("/beheer/accounts/reset", {
      _csrf: csrf,
      email: "nieuw@amersfoort.nl"
    })
    assert.strictEqual(reset.status, 200)
    assert.match(await reset.text(), /\/wachtwoord\/[\w-]{43}/)
    assert.strictEqual((await person.request("/voortgang")).status, 303, "the reset ended the session")

    const disabled = await beheerder.post("/beheer/accounts/uitschakelen", {
      _csrf: csrf,
      email: "nieuw@amersfoort.nl"
    })
    assert.strictEqual(disabled.status, 200)
    assert.include(await disabled.text(), "is uitgeschakeld")

    const rows = (await audit()).filter(
      (r) => r.entity === "users" && (r.after ?? "").includes("nieuw@amersfoort.nl")
    )
    assert.isAtLeast(rows.length, 3)
    assert.deepStrictEqual(
      rows.filter((r) => r.actor === "user:beheer@dvcc.test").length,
      3,
      "create, reset and disable name the beheerder"
    )
  })

  it("refuses an unknown scope naming the known ones, and a role without its scope, for accounts and tokens", async () => {
    const beheerder = await as(accounts.beheerder.email)
    const csrf = await beheerder.csrfOf("/beheer")
    const account = await beheerder.post("/beheer/accounts", {
      _csrf: csrf,
      email: "onbekend@dvcc.test",
      rol: "gemeente",
      scope: "GM9999"
    })
    assert.strictEqual(account.status, 400)
    const html = await account.text()
    assert.include(html, "GM9999 is geen gemeente van de regio; bekende gemeenten: ")
    assert.include(html, "GM0307 (Amersfoort)")
    assert.include(html, 'href="#scope"')
    assert.include(html, 'value="onbekend@dvcc.test"', "what was typed stays")

    const token = await beheerder.post("/beheer/tokens", {
      _csrf: csrf,
      naam: "t",
      tokenrol: "gemeente",
      tokenscope: "GM9999"
    })
    assert.strictEqual(token.status, 400)
    assert.include(await token.text(), "bekende gemeenten")
    const noScope = await beheerder.post("/beheer/tokens", { _csrf: csrf, naam: "t", tokenrol: "gemeente" })
    assert.strictEqual(noScope.status, 400)
    assert.include(await noScope.text(), "scope")
  })

  it("creates a token shown once that works for the API's principal, and revokes it", async () => {
    const beheerder = await as(accounts.beheerder.email)
    const csrf = await beheerder.csrfOf("/beheer")
    const created = await beheerder.post("/beheer/tokens", {
      _csrf: csrf,
      naam: "koppeling amersfoort",
      tokenrol: "gemeente",
      tokenscope: "GM0307"
    })
    assert.strictEqual(created.status, 200)
    const html = await created.text()
    const secret = /<code class="geheim" id="token">([^<]+)<\/code>/.exec(html)?.[1] ?? ""
    const verify = () =>
      web.runtime.runPromise(Effect.flatMap(Tokens.Tokens, (tokens) => tokens.verify(secret)))
    assert.strictEqual(Option.getOrUndefined(await verify())?.rol, "gemeente")
    const list = await (await beheerder.request("/beheer")).text()
    assert.notInclude(list, secret, "shown once")
    const id = /name="id" value="([^"]+)"/.exec(list)?.[1] ?? ""
    const revoked = await beheerder.post("/beheer/tokens/intrekken", { _csrf: csrf, id })
    assert.strictEqual(revoked.status, 200)
    assert.include(await revoked.text(), "is ingetrokken")
    assert.isTrue(Option.isNone(await verify()))
    const tokenRows = (await audit()).filter((r) => r.entity === "tokens")
    assert.deepStrictEqual(
      tokenRows.map((r) => r.actor),
      ["user:beheer@dvcc.test", "user:beheer@dvcc.test"]
    )
  })

  it("records sign-in, failed sign-in and sign-out in the audit log, without the password", async () => {
    const browser = client(web.app)
    await browser.signIn(accounts.programma.email, "een verkeerd wachtwoord")
    await browser.signIn(accounts.programma.email)
    await browser.post("/uitloggen", { _csrf: await browser.csrfOf("/voortgang") })
    const events = (await audit())
      .filter((r) => r.entity === "sessions" && r.actor === "user:bureau@dvcc.test")
      .map((r) => (JSON.parse(r.after ?? "{}") as { gebeurtenis: string }).gebeurtenis)
    assert.deepStrictEqual(events.slice(-3), ["inloggen mislukt", "ingelogd", "uitgelogd"])
    const all = JSON.stringify(await audit())
    assert.notInclude(all, "een verkeerd wachtwoord")
    assert.notInclude(all, password)
  })
})
