import { Users } from "@dvcc/store"
import { Effect } from "effect"
import { afterAll, assert, beforeAll, describe, it } from "vitest"
import { contentSecurityPolicy, sessionCookie } from "../src/Web.ts"
import { accounts, client, makeWeb, password } from "./fixture.ts"

describe("the web app", () => {
  let web: Awaited<ReturnType<typeof makeWeb>>
  beforeAll(async () => {
    web = await makeWeb({ perAccount: 3, perAddress: 100 })
  }, 60_000)
  afterAll(() => web?.dispose())

  it("shows the sign-in page with its fields and button, under a strict policy without scripts", async () => {
    const response = await web.app.request("/inloggen")
    assert.strictEqual(response.status, 200)
    const html = await response.text()
    assert.include(html, '<label class="utrecht-form-label" for="email">E-mailadres</label>')
    assert.include(html, '<label class="utrecht-form-label" for="wachtwoord">Wachtwoord</label>')
    assert.match(html, /<button type="submit"[^>]*>Inloggen<\/button>/)
    assert.notInclude(html, "<script")
    assert.notMatch(html, /https?:\/\//, "nothing is loaded from elsewhere")
    const csp = response.headers.get("content-security-policy") ?? ""
    assert.strictEqual(csp, contentSecurityPolicy)
    assert.include(csp, "default-src 'none'")
    assert.notInclude(csp, "unsafe-inline")
    assert.notInclude(csp, "script-src")
  })

  it("serves its stylesheet itself", async () => {
    const response = await web.app.request("/assets/dvcc.css")
    assert.strictEqual(response.status, 200)
    assert.include(response.headers.get("content-type") ?? "", "text/css")
    const css = await response.text()
    assert.include(css, ".utrecht-button")
    assert.include(css, ".utrecht-textbox")
    // The budget for a whole page is 200 KB: the stylesheet holds only the components used.
    assert.isBelow(css.length, 150_000)
  })

  it("sends a visitor without a session to the sign-in page", async () => {
    for (const path of ["/", "/voortgang"]) {
      const response = await web.app.request(path)
      assert.strictEqual(response.status, 303, path)
      assert.strictEqual(response.headers.get("location"), "/inloggen")
    }
  })

  it("signs in with a new session id, cookie HttpOnly and SameSite=Lax, Secure only over HTTPS", async () => {
    const browser = client(web.app)
    // A session id planted before sign-in (session fixation) is not the one signed in with.
    browser.jar.set(sessionCookie, "geplant")
    const response = await browser.signIn("Adviseur@Amersfoort.nl")
    assert.strictEqual(response.status, 303)
    assert.strictEqual(response.headers.get("location"), "/voortgang")
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${sessionCookie}=`)) ?? ""
    assert.match(cookie, /HttpOnly/)
    assert.match(cookie, /SameSite=Lax/)
    assert.notMatch(cookie, /Secure/)
    const first = browser.jar.get(sessionCookie)
    assert.notStrictEqual(first, "geplant")
    assert.match(first ?? "", /^[\w-]{43}$/)

    const page = await browser.request("/voortgang")
    assert.strictEqual(page.status, 200)
    assert.include(await page.text(), "adviseur@amersfoort.nl")

    // Signing in again gives another id, and the old one no longer works.
    await browser.post("/inloggen", {
      _csrf: await browser.csrfOf("/voortgang"),
      email: accounts.gemeente.email,
      wachtwoord: password
    })
    const second = browser.jar.get(sessionCookie)
    assert.notStrictEqual(second, first)
    const old = await web.app.request("/voortgang", { headers: { cookie: `${sessionCookie}=${first}` } })
    assert.strictEqual(old.status, 303)

    const https = client(web.app)
    const behindProxy = await https.post(
      "/inloggen",
      { _csrf: await https.csrfOf("/inloggen"), email: accounts.programma.email, wachtwoord: password },
      { "x-forwarded-proto": "https" }
    )
    assert.match(behindProxy.headers.getSetCookie().find((c) => c.startsWith(sessionCookie)) ?? "", /Secure/)
  })

  it("refuses a form without its CSRF token, before and after sign-in", async () => {
    const browser = client(web.app)
    await browser.csrfOf("/inloggen")
    const without = await browser.post("/inloggen", { email: accounts.gemeente.email, wachtwoord: password })
    assert.strictEqual(without.status, 403)
    assert.isUndefined(browser.jar.get(sessionCookie))
    const wrong = await browser.post("/inloggen", {
      _csrf: "x".repeat(43),
      email: accounts.gemeente.email,
      wachtwoord: password
    })
    assert.strictEqual(wrong.status, 403)

    await browser.signIn(accounts.gemeente.email)
    const signOut = await browser.post("/uitloggen", {})
    assert.strictEqual(signOut.status, 403)
    assert.strictEqual((await browser.request("/voortgang")).status, 200, "still signed in")
  })

  it("signs out on the server: the session id no longer works, even when it is sent again", async () => {
    const browser = client(web.app)
    await browser.signIn(accounts.programma.email)
    const id = browser.jar.get(sessionCookie)
    const csrf = await browser.csrfOf("/voortgang")
    const out = await browser.post("/uitloggen", { _csrf: csrf })
    assert.strictEqual(out.status, 303)
    assert.strictEqual(out.headers.get("location"), "/inloggen")
    const again = await web.app.request("/voortgang", { headers: { cookie: `${sessionCookie}=${id}` } })
    assert.strictEqual(again.status, 303)
  })

  it("answers a wrong password and an unknown address alike, and limits failed sign-ins", async () => {
    web.setAddress("10.1.1.1")
    const browser = client(web.app)
    const wrong = await browser.signIn(accounts.programma.email, "niet het wachtwoord")
    const unknown = await browser.signIn("niemand@dvcc.test", "niet het wachtwoord")
    assert.strictEqual(wrong.status, 401)
    assert.strictEqual(unknown.status, 401)
    const message = (html: string) => /<div class="utrecht-alert"[\s\S]*?<\/div>/.exec(html)?.[0]
    assert.strictEqual(message(await wrong.text()), message(await unknown.text()))
    assert.include(message(await (await browser.signIn("niemand@dvcc.test", "x")).text()), "onjuist")

    await browser.signIn(accounts.programma.email, "niet het wachtwoord")
    await browser.signIn(accounts.programma.email, "niet het wachtwoord")
    const limited = await browser.signIn(accounts.programma.email)
    assert.strictEqual(limited.status, 429, "past the limit the right password is refused too")
    assert.include(await limited.text(), "te vaak")
    assert.isUndefined(browser.jar.get(sessionCookie))
  })

  it("ends the sessions of a disabled account on its next request", async () => {
    web.setAddress("10.3.3.3")
    await web.runtime.runPromise(
      Effect.flatMap(Users.Users, (users) =>
        users.create({ email: "weg@dvcc.test", rol: "programma", scope: null, password }, "test")
      )
    )
    const browser = client(web.app)
    await browser.signIn("weg@dvcc.test")
    assert.strictEqual((await browser.request("/voortgang")).status, 200)
    await web.runtime.runPromise(
      Effect.flatMap(Users.Users, (users) => users.disable("weg@dvcc.test", "test"))
    )
    const after = await browser.request("/voortgang")
    assert.strictEqual(after.status, 303)
    assert.strictEqual(after.headers.get("location"), "/inloggen")
  })

  it("sets a password through the one-time link, once", async () => {
    const { link } = await web.runtime.runPromise(
      Effect.flatMap(Users.Users, (users) =>
        users.create({ email: "nieuw@dvcc.test", rol: "programma", scope: null }, "test")
      )
    )
    const browser = client(web.app)
    const path = `/wachtwoord/${link}`
    const form = await browser.request(path)
    assert.strictEqual(form.status, 200)
    assert.include(await form.text(), "Nieuw wachtwoord")
    const csrf = await browser.csrfOf(path)
    const mismatch = await browser.post(path, { _csrf: csrf, wachtwoord: password, herhaling: "anders" })
    assert.strictEqual(mismatch.status, 400)
    const set = await browser.post(path, { _csrf: csrf, wachtwoord: password, herhaling: password })
    assert.strictEqual(set.status, 303)
    assert.strictEqual(set.headers.get("location"), "/inloggen?wachtwoord=gezet")
    assert.strictEqual((await browser.request(path)).status, 404, "the link works once")
    assert.strictEqual((await browser.signIn("nieuw@dvcc.test")).status, 303)
  })

  it("shows Voortgang per jaarplan with status and explanation on the peildatum asked for", async () => {
    web.setAddress("10.2.2.2")
    const browser = client(web.app)
    await browser.signIn(accounts.gemeente.email)
    const response = await browser.request("/voortgang?peildatum=2025-12-31")
    assert.strictEqual(response.status, 200)
    const html = await response.text()
    assert.include(html, '<h1 class="utrecht-heading-1">Voortgang</h1>')
    assert.include(html, "peildatum 31 december 2025")
    assert.match(html, /Jaarplan 20\d\d/)
    assert.include(html, "Indicatoren in 2025")
    assert.include(html, 'aria-current="page"')
    const bad = await browser.request("/voortgang?peildatum=31-12-2025")
    assert.strictEqual(bad.status, 400)
    assert.include(await bad.text(), 'href="#peildatum"')
  })
})
