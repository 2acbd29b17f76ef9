import { Plans } from "@dvcc/store"
import { Effect, Option } from "effect"
import { SqlClient } from "effect/sql"
import { afterAll, assert, beforeAll, describe, it } from "vitest"
import { accounts, client, makeWeb } from "./fixture.ts"

describe("the Metingen page", () => {
  let web: Awaited<ReturnType<typeof makeWeb>>
  let indicator: string
  beforeAll(async () => {
    web = await makeWeb({ perAccount: 50, perAddress: 500 })
    const browser = client(web.app)
    await browser.signIn(accounts.programma.email)
    const html = await (await browser.request("/metingen")).text()
    indicator = /<option value="(2026\/[^"]+)"/.exec(html)?.[1] ?? ""
  }, 60_000)
  afterAll(() => web?.dispose())

  const as = async (email: string) => {
    const browser = client(web.app)
    assert.strictEqual((await browser.signIn(email)).status, 303)
    return browser
  }

  it("is for the roles that record measurements only, and in their menu only", async () => {
    for (const account of [accounts.programma, accounts.beheerder]) {
      const browser = await as(account.email)
      const page = await browser.request("/metingen")
      assert.strictEqual(page.status, 200)
      const html = await page.text()
      assert.include(html, 'href="/metingen"')
      for (const label of ["Indicator", "Periode", "Gebied", "Waarde", "Bron", "Toelichting"])
        assert.include(html, `>${label}`, label)
    }
    const gemeente = await as(accounts.gemeente.email)
    assert.notInclude(await (await gemeente.request("/voortgang")).text(), 'href="/metingen"')
    assert.strictEqual((await gemeente.request("/metingen")).status, 403)
    const post = await gemeente.post("/metingen", {
      _csrf: await gemeente.csrfOf("/voortgang"),
      indicator,
      periode: "2026",
      gebied: "regio",
      waarde: "1",
      bron: "programma-administratie"
    })
    assert.strictEqual(post.status, 403)
    assert.strictEqual((await web.app.request("/metingen")).status, 303, "without a session: sign in")
  })

  it("refuses a form without its CSRF token", async () => {
    const browser = await as(accounts.programma.email)
    const response = await browser.post("/metingen", {
      indicator,
      periode: "2026",
      gebied: "regio",
      waarde: "1",
      bron: "programma-administratie"
    })
    assert.strictEqual(response.status, 403)
  })

  it("names each wrong field in an error summary that links to it, keeping what was typed", async () => {
    const browser = await as(accounts.programma.email)
    const response = await browser.post("/metingen", {
      _csrf: await browser.csrfOf("/metingen"),
      indicator: "2026/bestaat-niet",
      periode: "het derde kwartaal ooit",
      gebied: "Atlantis",
      waarde: "veel",
      bron: "programma-administratie"
    })
    assert.strictEqual(response.status, 400)
    const html = await response.text()
    for (const veld of ["indicator", "periode", "gebied", "waarde"]) {
      assert.include(html, `href="#${veld}"`, veld)
      assert.match(html, new RegExp(`id="${veld}"[^>]*aria-invalid="true"`), veld)
    }
    assert.include(html, 'value="Atlantis"')
    assert.include(html, "<title>Fout: meting vastleggen")
  })

  it("records a measurement in Dutch notation, shows it, updates it, and audits who did it", async () => {
    const browser = await as(accounts.programma.email)
    const fields = {
      _csrf: await browser.csrfOf("/metingen"),
      indicator,
      periode: "2e kwartaal 2026",
      gebied: "Amersfoort",
      waarde: "12,5",
      bron: "programma-administratie",
      toelichting: "uit de administratie"
    }
    const first = await browser.post("/metingen", fields)
    assert.strictEqual(first.status, 200)
    const html = await first.text()
    assert.include(html, "Nieuwe meting vastgelegd.")
    assert.include(html, "12,5")
    assert.include(html, "Amersfoort")
    const [jaar, id] = indicator.split("/") as [string, string]
    const stored = await web.runtime.runPromise(
      Effect.flatMap(Plans.Plans, (plans) => plans.meting(`m-${jaar}-${id}-2026-Q2-GM0307`))
    )
    assert.isTrue(Option.isSome(stored))
    assert.strictEqual(Option.getOrUndefined(stored)?.value.waarde, 12.5)

    assert.include(await (await browser.post("/metingen", fields)).text(), "niets gewijzigd")
    const changed = await browser.post("/metingen", { ...fields, periode: "Q2 2026", waarde: "13" })
    assert.include(await changed.text(), "Meting bijgewerkt")
    // A percentage above 100 would make the whole dataset unreadable: the store refuses it (core's
    // dataset check), the page shows it at its field.
    const tooMuch = await browser.post("/metingen", { ...fields, waarde: "1.234,5" })
    assert.strictEqual(tooMuch.status, 400)
    const refused = await tooMuch.text()
    assert.match(refused, /id="waarde-fout">[^<]*geen percentage \(0 tot en met 100\)/)
    assert.include(refused, 'href="#waarde"')
    assert.strictEqual((await browser.request("/voortgang")).status, 200)

    const actors = await web.runtime.runPromise(
      Effect.flatMap(
        SqlClient.SqlClient,
        (sql) =>
          sql<{
            readonly actor: string
            readonly source: string
          }>`SELECT actor, source FROM audit WHERE entity = 'metingen' ORDER BY id`
      )
    )
    assert.isAbove(actors.length, 0)
    for (const row of actors)
      assert.deepStrictEqual({ ...row }, { actor: "user:bureau@dvcc.test", source: "web" })
  })
})
