import { ProgramStore } from "@dvcc/store"
import { Effect } from "effect"
import { afterAll, assert, beforeAll, describe, it } from "vitest"
import { createWeb } from "../src/Web.ts"
import { accounts, client, makeWeb } from "./fixture.ts"
import { activiteiten, gebieden, metingen, upload } from "./workbooks.ts"

const text = async (response: Response) => response.text()

describe("the Import page", () => {
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

  it("is in the menu of the roles that import, and tells each what it may import", async () => {
    for (const [account, may] of [
      [
        accounts.beheerder,
        "de bladen Activiteiten, Registraties, Metingen, Gebieden en Programma (de programmawerkmap)"
      ],
      [
        accounts.programma,
        "de bladen Activiteiten, Registraties, Metingen en Programma (de programmawerkmap)"
      ],
      [
        accounts.gemeente,
        "alleen een blad Activiteiten importeren, met rijen alleen over uw eigen gemeente (GM0307)"
      ]
    ] as const) {
      const browser = await as(account.email)
      const page = await browser.request("/import")
      assert.strictEqual(page.status, 200, account.email)
      const html = await text(page)
      assert.include(html, may, account.email)
      assert.include(html, 'href="/import"', "in the menu")
      assert.include(html, 'enctype="multipart/form-data"')
    }
  })

  it("refuses an upload without its CSRF token", async () => {
    const browser = await as(accounts.programma.email)
    const refused = await upload(browser, await activiteiten(["Amersfoort"]), "w.xlsx", "x".repeat(43))
    assert.strictEqual(refused.status, 403)
    assert.include(await text(refused), "Formulier verlopen")
  })

  it("shows every problem at its sheet and cell, imports the fixed workbook after confirming, and undoes it", async () => {
    const browser = await as(accounts.programma.email)
    const wrong = await upload(browser, await activiteiten(["Amersfoort", "Amersfort"]), "fout.xlsx")
    assert.strictEqual(wrong.status, 400)
    const report = await text(wrong)
    assert.match(
      report,
      /<th scope="row"[^>]*>Activiteiten<\/th><td[^>]*>B3<\/td><td[^>]*><span class="uitleg">[^<]*Amersfort/
    )
    assert.include(report, 'href="#bestand"', "the error summary links to the field")
    assert.notInclude(report, 'action="/import/bevestig"', "nothing to confirm")

    const count = () =>
      web.runtime.runPromise(
        Effect.map(
          Effect.flatMap(ProgramStore.ProgramStore, (s) => s.load),
          (d) => d.activiteiten.filter((a) => a.omschrijving?.startsWith("werkmap") === true).length
        )
      )
    assert.strictEqual(await count(), 0, "a dry run writes nothing")

    const fixed = await upload(browser, await activiteiten(["Amersfoort", "Utrecht"]), "goed.xlsx")
    assert.strictEqual(fixed.status, 200)
    const checked = await text(fixed)
    assert.include(checked, "Gecontroleerd, nog niet geïmporteerd")
    assert.strictEqual(await count(), 0, "not before it is confirmed")
    const id = /name="id" value="([^"]+)"/.exec(checked)?.[1] ?? ""
    const csrf = /name="_csrf" value="([^"]+)"/.exec(checked)?.[1] ?? ""

    // Another account cannot confirm this one's workbook.
    const other = await as(accounts.beheerder.email)
    const stolen = await other.post("/import/bevestig", { _csrf: await other.csrfOf("/import"), id })
    assert.strictEqual(stolen.status, 404)

    const confirmed = await browser.post("/import/bevestig", { _csrf: csrf, id })
    assert.strictEqual(confirmed.status, 200)
    const done = await text(confirmed)
    assert.include(done, "goed.xlsx is geïmporteerd")
    assert.strictEqual(await count(), 2)
    assert.strictEqual((await browser.post("/import/bevestig", { _csrf: csrf, id })).status, 404, "once")

    const importId = /action="\/import\/([^"/]+)\/ongedaan"/.exec(done)?.[1] ?? ""
    assert.notStrictEqual(importId, "")
    assert.include(done, "user:bureau@dvcc.test", "the list names who imported")
    const undone = await browser.post(`/import/${importId}/ongedaan`, { _csrf: csrf })
    assert.strictEqual(undone.status, 200)
    const after = await text(undone)
    assert.include(after, "is ongedaan gemaakt: 2 rijen verwijderd")
    assert.notInclude(after, `action="/import/${importId}/ongedaan"`, "no undo button any more")
    assert.strictEqual(await count(), 0)
    const again = await browser.post(`/import/${importId}/ongedaan`, { _csrf: csrf })
    assert.strictEqual(again.status, 409)
    assert.include(await text(again), "al ongedaan gemaakt")
  })

  it("lets a gemeente import only an Activiteiten sheet of its own gemeente, saying why", async () => {
    const browser = await as(accounts.gemeente.email)
    const geography = await upload(browser, await gebieden(), "gebieden.xlsx")
    assert.strictEqual(geography.status, 400)
    const html = await text(geography)
    assert.include(html, "mag district, basisteam en inwoners niet wijzigen")
    assert.include(html, "Gebieden")
    const other = await upload(browser, await activiteiten(["Utrecht"]), "utrecht.xlsx")
    assert.strictEqual(other.status, 400)
    assert.include(await text(other), "deze rij gaat over gemeente Utrecht")
    const own = await upload(browser, await activiteiten(["Amersfoort"], " eigen"), "eigen.xlsx")
    assert.strictEqual(own.status, 200)
    assert.include(await text(own), 'action="/import/bevestig"')
  })

  it("shows a gemeente only imports of its own rows, and lets it undo only those", async () => {
    const programma = await as(accounts.programma.email)
    const both = await upload(
      programma,
      await activiteiten(["Amersfoort", "Utrecht"], " beide"),
      "beide.xlsx"
    )
    const html = await text(both)
    const id = /name="id" value="([^"]+)"/.exec(html)?.[1] ?? ""
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? ""
    const done = await text(await programma.post("/import/bevestig", { _csrf: csrf, id }))
    const importId = /action="\/import\/([^"/]+)\/ongedaan"/.exec(done)?.[1] ?? ""

    const gemeente = await as(accounts.gemeente.email)
    const list = await text(await gemeente.request("/import"))
    assert.notInclude(list, "beide.xlsx", "an import that touched Utrecht is not shown to Amersfoort")
    const undo = await gemeente.post(`/import/${importId}/ongedaan`, {
      _csrf: await gemeente.csrfOf("/import")
    })
    assert.strictEqual(undo.status, 404)
    assert.notInclude(await text(undo), "beide.xlsx")
    assert.strictEqual((await programma.post(`/import/${importId}/ongedaan`, { _csrf: csrf })).status, 200)
  })

  it("answers 503 with Retry-After when the imports at once are taken, counted with the API's", async () => {
    const busy = createWeb({
      runtime: web.runtime,
      address: () => "10.9.0.1",
      importSlots: { max: 2, running: 2 }
    })
    const browser = client(busy)
    await browser.signIn(accounts.programma.email)
    const response = await upload(browser, await activiteiten(["Amersfoort"]), "druk.xlsx")
    assert.strictEqual(response.status, 503)
    assert.strictEqual(response.headers.get("retry-after"), "10")
    assert.include(await text(response), "al 2 imports tegelijk")
  })

  it("refuses a percentage above 100 at its cell, so that the dataset stays readable", async () => {
    const browser = await as(accounts.programma.email)
    const response = await upload(browser, await metingen("aangiftebereidheid", 500), "procent.xlsx")
    assert.strictEqual(response.status, 400)
    const html = await text(response)
    assert.match(html, /<th scope="row"[^>]*>Metingen<\/th><td[^>]*>D2<\/td>/)
    assert.include(html, "0 tot en met 100")
    assert.strictEqual((await browser.request("/voortgang")).status, 200)
  })

  it("answers an unreadable file with a message, not an error", async () => {
    const browser = await as(accounts.programma.email)
    const response = await upload(browser, new TextEncoder().encode("geen werkmap"), "tekst.xlsx")
    assert.strictEqual(response.status, 400)
    assert.include(await text(response), "tekst.xlsx")
  })
})
