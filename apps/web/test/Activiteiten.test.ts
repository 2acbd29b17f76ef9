/**
 * The Activiteiten pages over HTTP: a gemeente's adviser records a bespreking in de driehoek with
 * afspraken, sees it in the register and follows the afspraken up; another gemeente's activity is not
 * found, the same as one that does not exist; a form without its CSRF token is refused; mistakes are shown
 * at their fields with a summary that links to them.
 */
import { Activity } from "@dvcc/core"
import { Activities, ProgramStore } from "@dvcc/store"
import { Effect, Schema } from "effect"
import { afterAll, assert, beforeAll, describe, it } from "vitest"
import { accounts, client, makeWeb } from "./fixture.ts"

const utrecht = (() => {
  const a = Schema.decodeUnknownSync(Activity.Activity)({
    id: "?",
    datum: "2025-11-20",
    gemeente: "GM0344",
    soort: "informatiebeeld-besproken-in-driehoek",
    omschrijving: "Driehoek Utrecht",
    bespreking: {
      informatiebeeld: "2025-Q3",
      deelnemers: ["burgemeester"],
      afspraken: [{ id: "a1", wat: "Geheime afspraak Utrecht", wie: "politie", status: "open" }]
    }
  })
  return { ...a, id: Activities.activityId(a) }
})()

/** The form fields of a bespreking of Amersfoort for 2025-Q4 with two afspraken. */
const bespreking = (csrf: string, extra: Record<string, string> = {}) => ({
  _csrf: csrf,
  rijen: "3",
  datum: "2025-12-15",
  gemeente: "GM0307",
  soort: "informatiebeeld-besproken-in-driehoek",
  omschrijving: "Informatiebeeld 2025-Q4 besproken in de basisteamdriehoek",
  informatiebeeld: "2025-Q4",
  deelnemers: "burgemeester\npolitie basisteam\nOM",
  "afspraak-0-wat": "Voorlichting senioren over phishing",
  "afspraak-0-wie": "gemeente",
  "afspraak-0-uiterlijk": "2026-03-01",
  "afspraak-1-wat": "Cijfers helpdeskfraude uitzoeken",
  "afspraak-1-wie": "politie basisteam",
  knop: "opslaan",
  ...extra
})

describe("the Activiteiten pages", () => {
  let web: Awaited<ReturnType<typeof makeWeb>>
  beforeAll(async () => {
    web = await makeWeb({ perAccount: 100, perAddress: 100 })
    await web.runtime.runPromise(
      Effect.flatMap(Activities.Activities, (a) =>
        a.record([utrecht], { importId: "utrecht", actor: "test" })
      )
    )
  }, 60_000)
  afterAll(() => web?.dispose())

  const signedIn = async (who: keyof typeof accounts) => {
    const browser = client(web.app)
    assert.strictEqual((await browser.signIn(accounts[who].email)).status, 303)
    return browser
  }

  it("sends a visitor without a session to the sign-in page", async () => {
    for (const path of ["/activiteiten", "/activiteiten/nieuw", "/activiteiten/afspraken"]) {
      const response = await web.app.request(path)
      assert.strictEqual(response.status, 303, path)
      assert.strictEqual(response.headers.get("location"), "/inloggen")
    }
  })

  it("a gemeente records its bespreking with two afspraken, sees it, and marks one afgerond", async () => {
    const browser = await signedIn("gemeente")
    const list = await (await browser.request("/activiteiten")).text()
    assert.include(list, 'href="/activiteiten" aria-current="page">Activiteiten</a>')
    assert.include(list, "Bespreking in de driehoek vastleggen")
    const form = await (
      await browser.request("/activiteiten/nieuw?soort=informatiebeeld-besproken-in-driehoek")
    ).text()
    assert.include(form, '<label class="utrecht-form-label" for="informatiebeeld">')
    assert.include(form, '<label class="utrecht-form-label" for="afspraak-0-wat">')
    const saved = await browser.post(
      "/activiteiten/nieuw",
      bespreking(await browser.csrfOf("/activiteiten/nieuw"))
    )
    assert.strictEqual(saved.status, 303, await saved.clone().text())
    const stored = await web.runtime.runPromise(
      Effect.flatMap(Activities.Activities, (a) => a.list({ gemeente: "GM0307" as never }))
    )
    const mine = stored.find((a) => a.soort === "informatiebeeld-besproken-in-driehoek")
    assert.deepStrictEqual(mine?.bespreking, {
      informatiebeeld: "2025-Q4" as never,
      deelnemers: ["burgemeester", "politie basisteam", "OM"],
      afspraken: [
        {
          id: "a1",
          wat: "Voorlichting senioren over phishing",
          wie: "gemeente",
          uiterlijk: "2026-03-01" as never,
          status: "open"
        },
        { id: "a2", wat: "Cijfers helpdeskfraude uitzoeken", wie: "politie basisteam", status: "open" }
      ]
    })
    const shown = await (
      await browser.request((await saved.headers.get("location")) ?? "/activiteiten")
    ).text()
    assert.include(shown, "De activiteit is vastgelegd.")
    assert.include(shown, "burgemeester, politie basisteam, OM; 2 afspraken, 2 open")
    assert.notInclude(shown, "Driehoek Utrecht")

    const open = await (await browser.request("/activiteiten/afspraken")).text()
    assert.include(open, "Voorlichting senioren over phishing")
    assert.include(open, "Cijfers helpdeskfraude uitzoeken")
    // 1 March 2026 has passed (today is later): te laat.
    assert.include(open, "te laat")
    assert.notInclude(open, "Geheime afspraak Utrecht")
    const done = await browser.post("/activiteiten/afspraken", {
      _csrf: await browser.csrfOf("/activiteiten/afspraken"),
      activiteit: mine?.id ?? "",
      afspraak: "a1"
    })
    assert.strictEqual(done.status, 303)
    const after = await (await browser.request("/activiteiten/afspraken")).text()
    assert.notInclude(after, "Voorlichting senioren over phishing")
    assert.include(after, "Cijfers helpdeskfraude uitzoeken")

    // Correcting it shows the stored afspraken, the afgerond one checked, and one empty row.
    const edit = await (await browser.request(`/activiteiten/${mine?.id}`)).text()
    assert.match(edit, /name="afspraak-0-afgerond" value="ja" checked/)
    assert.include(edit, 'name="rijen" value="3"')
    const corrected = await browser.post(`/activiteiten/${mine?.id}`, {
      ...bespreking(await browser.csrfOf(`/activiteiten/${mine?.id}`)),
      versie: "2",
      "afspraak-0-id": "a1",
      "afspraak-0-afgerond": "ja",
      "afspraak-1-id": "a2",
      "afspraak-2-wat": "Terugkoppeling aan de raad",
      "afspraak-2-wie": "burgemeester"
    })
    assert.strictEqual(corrected.status, 303, await corrected.clone().text())
    const again = await web.runtime.runPromise(
      Effect.flatMap(Activities.Activities, (a) => a.get(mine?.id ?? ""))
    )
    assert.deepStrictEqual(
      again.activity.bespreking?.afspraken.map((a) => [a.id, a.status]),
      [
        ["a1", "afgerond"],
        ["a2", "open"],
        ["a3", "open"]
      ]
    )
    assert.strictEqual(again.version, 3)
    // The audit log names the user behind every correction made in the browser (the first write is
    // audited as its import, like the API's).
    const history = await web.runtime.runPromise(
      Effect.flatMap(ProgramStore.ProgramStore, (store) => store.history("activiteiten", mine?.id ?? ""))
    )
    assert.deepStrictEqual(
      history.map((h) => [h.action, h.actor]),
      [
        ["update", "user:adviseur@amersfoort.nl"],
        ["update", "user:adviseur@amersfoort.nl"]
      ]
    )
  })

  it("adds an afspraak row without JavaScript: the button shows the form again with one more row", async () => {
    const browser = await signedIn("gemeente")
    const response = await browser.post(
      "/activiteiten/nieuw",
      bespreking(await browser.csrfOf("/activiteiten/nieuw"), { knop: "afspraak" })
    )
    assert.strictEqual(response.status, 200)
    const html = await response.text()
    assert.include(html, 'name="rijen" value="4"')
    assert.include(html, 'id="afspraak-3-wat"')
    assert.include(html, "Voorlichting senioren over phishing")
  })

  it("another gemeente's activity is not found, the same as one that does not exist, and is not changed", async () => {
    const browser = await signedIn("gemeente")
    const other = await browser.request(`/activiteiten/${utrecht.id}`)
    const nowhere = await browser.request(`/activiteiten/${utrecht.id.replace("GM0344", "GM0307")}`)
    assert.deepStrictEqual([other.status, nowhere.status], [404, 404])
    assert.strictEqual(await other.text(), await nowhere.text())
    const csrf = await browser.csrfOf("/activiteiten/nieuw")
    const overwrite = await browser.post(`/activiteiten/${utrecht.id}`, {
      ...bespreking(csrf),
      gemeente: "GM0344",
      versie: "1"
    })
    assert.strictEqual(overwrite.status, 404)
    const afronden = await browser.post("/activiteiten/afspraken", {
      _csrf: csrf,
      activiteit: utrecht.id,
      afspraak: "a1"
    })
    assert.strictEqual(afronden.status, 404)
    const elsewhere = await browser.post("/activiteiten/nieuw", bespreking(csrf, { gemeente: "GM0344" }))
    assert.strictEqual(elsewhere.status, 400)
    assert.include(await elsewhere.text(), "Kies een van uw gemeenten.")
    const stored = await web.runtime.runPromise(
      Effect.flatMap(Activities.Activities, (a) => a.get(utrecht.id))
    )
    assert.strictEqual(stored.version, 1)
    assert.deepStrictEqual(stored.activity, utrecht)
  })

  it("refuses a form without its CSRF token and stores nothing", async () => {
    const browser = await signedIn("gemeente")
    const before = await web.runtime.runPromise(Effect.flatMap(Activities.Activities, (a) => a.list()))
    const { _csrf: _, ...without } = bespreking("")
    for (const fields of [without, bespreking("verkeerd"), bespreking("")]) {
      const response = await browser.post("/activiteiten/nieuw", { ...fields, omschrijving: "zonder token" })
      assert.strictEqual(response.status, 403)
      assert.include(await response.text(), "Formulier verlopen")
    }
    const refused = await browser.post("/activiteiten/afspraken", { activiteit: utrecht.id, afspraak: "a1" })
    assert.strictEqual(refused.status, 403)
    const after = await web.runtime.runPromise(Effect.flatMap(Activities.Activities, (a) => a.list()))
    assert.strictEqual(after.length, before.length)
  })

  it("shows mistakes at their fields, with a summary that links to each", async () => {
    const browser = await signedIn("gemeente")
    const response = await browser.post(
      "/activiteiten/nieuw",
      bespreking(await browser.csrfOf("/activiteiten/nieuw"), {
        datum: "2025-02-30",
        informatiebeeld: "vorig kwartaal",
        "afspraak-1-wie": "",
        "afspraak-0-wat": "x".repeat(501)
      })
    )
    assert.strictEqual(response.status, 400)
    const html = await response.text()
    assert.include(html, "<title>Fout: activiteit toevoegen – dvcc</title>")
    for (const [veld, tekst] of [
      ["datum", "Vul een bestaande datum in als JJJJ-MM-DD"],
      ["informatiebeeld", "Vul het informatiebeeld in als kwartaal (2025-Q4)"],
      ["afspraak-1-wie", "Afspraak 2: vul in wie de afspraak uitvoert."]
    ] as const) {
      assert.include(html, `href="#${veld}">${tekst}`, veld)
      assert.include(html, `<p class="utrecht-form-field-error-message" id="${veld}-fout">${tekst}`, veld)
      assert.match(
        html,
        new RegExp(`id="${veld}" name="${veld}" aria-invalid="true" aria-describedby="[^"]*${veld}-fout"`),
        veld
      )
    }
    // What was typed stays in the form.
    assert.include(html, 'value="vorig kwartaal"')
    // A bespreking on another soort is refused at the soort.
    const wrong = await browser.post(
      "/activiteiten/nieuw",
      bespreking(await browser.csrfOf("/activiteiten/nieuw"), { soort: "kennisbijeenkomst" })
    )
    assert.strictEqual(wrong.status, 400)
    assert.include(
      await wrong.text(),
      'href="#soort">Een bespreking (informatiebeeld, deelnemers, afspraken) hoort alleen'
    )
  })

  it("the programme office reads every gemeente's activities, filters them, and does not get the form", async () => {
    const browser = await signedIn("programma")
    const all = await (await browser.request("/activiteiten")).text()
    assert.include(all, "Driehoek Utrecht")
    assert.notInclude(all, "Activiteit toevoegen")
    assert.include(all, '<label class="utrecht-form-label" for="gemeente">Gemeente</label>')
    const filtered = await (await browser.request("/activiteiten?gemeente=GM0307&periode=2025-Q4")).text()
    assert.notInclude(filtered, "Driehoek Utrecht")
    const q3 = await (
      await browser.request("/activiteiten?soort=informatiebeeld-besproken-in-driehoek&periode=2025-Q4")
    ).text()
    assert.include(q3, "Driehoek Utrecht")
    const bad = await browser.request("/activiteiten?periode=gisteren")
    assert.strictEqual(bad.status, 400)
    assert.include(await bad.text(), 'href="#periode"')
    assert.strictEqual((await browser.request("/activiteiten/nieuw")).status, 403)
  })
})
