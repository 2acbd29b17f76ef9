/**
 * The web application mounted at `/`: its pages are there, `/api/v1`, `/docs` and `/openapi.json` stay
 * as they are, and a session cookie does not authorise the API.
 */
import { Users } from "@dvcc/store"
import { Web } from "@dvcc/web"
import { Effect } from "effect"
import { afterAll, assert, beforeAll, describe, it } from "vitest"
import { type Fixture, makeFixture } from "./fixture.ts"

describe("the web app inside the API app", () => {
  let fixture: Fixture
  beforeAll(async () => {
    fixture = await makeFixture()
    await fixture.runtime.runPromise(
      Effect.flatMap(Users.Users, (users) =>
        users.create(
          {
            email: "bureau@dvcc.test",
            rol: "programma",
            scope: null,
            password: "een lange zin als wachtwoord"
          },
          "test"
        )
      )
    )
  }, 60_000)
  afterAll(() => fixture?.dispose())

  it("serves the sign-in page at /inloggen and leaves /docs and /openapi.json alone", async () => {
    const page = await fixture.request("/inloggen")
    assert.strictEqual(page.status, 200)
    assert.include(await page.text(), "Inloggen")
    assert.strictEqual(page.headers.get("content-security-policy"), Web.contentSecurityPolicy)
    assert.strictEqual((await fixture.request("/openapi.json")).status, 200)
    const docs = await fixture.request("/docs")
    assert.strictEqual(docs.status, 200)
    assert.include(docs.headers.get("content-security-policy") ?? "", "style-src 'unsafe-inline'")
  })

  it("does not let a session cookie authorise /api/v1", async () => {
    const form = await fixture.request("/inloggen")
    const csrfCookie =
      form.headers
        .getSetCookie()
        .find((c) => c.startsWith(`${Web.csrfCookie}=`))
        ?.split(";")[0] ?? ""
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? ""
    const signedIn = await fixture.request("/inloggen", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
      body: new URLSearchParams({
        _csrf: csrf,
        email: "bureau@dvcc.test",
        wachtwoord: "een lange zin als wachtwoord"
      }).toString()
    })
    assert.strictEqual(signedIn.status, 303)
    const session =
      signedIn.headers
        .getSetCookie()
        .find((c) => c.startsWith(`${Web.sessionCookie}=`))
        ?.split(";")[0] ?? ""
    assert.match(session, /=[\w-]{43}$/)
    assert.strictEqual((await fixture.request("/voortgang", { headers: { cookie: session } })).status, 200)
    const api = await fixture.request("/api/v1/voortgang", { headers: { cookie: session } })
    assert.strictEqual(api.status, 401)
    assert.strictEqual((await fixture.request("/api/v1/voortgang", { as: "programma" })).status, 200)
  })
})
