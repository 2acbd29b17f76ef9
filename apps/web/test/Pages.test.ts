import { Pdf } from "@dvcc/report"
import { Effect } from "effect"
import { afterAll, assert, beforeAll, describe, it } from "vitest"
import { client } from "./fixture.ts"
import { amersfoort, baarn, district, makePagesWeb, rollen, testData, utrecht } from "./Pages.fixture.ts"

type Rol = keyof typeof rollen

const h1 = (html: string) =>
  /<h1 class="utrecht-heading-1">([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, "")

describe("the reading pages", () => {
  let web: Awaited<ReturnType<typeof makePagesWeb>>
  const browsers = new Map<Rol, ReturnType<typeof client>>()
  const as = (rol: Rol) => browsers.get(rol) as ReturnType<typeof client>

  beforeAll(async () => {
    web = await makePagesWeb({
      // A printer whose pool is full: the PDF download answers 503 with Retry-After.
      printen: () => Effect.fail(new Pdf.PdfBusy({ message: "Er worden al 2 PDF's gemaakt en 8 wachten." }))
    })
    for (const rol of Object.keys(rollen) as Array<Rol>) {
      const browser = client(web.app)
      const signedIn = await browser.signIn(rollen[rol].email)
      assert.strictEqual(signedIn.status, 303, rol)
      browsers.set(rol, browser)
    }
  }, 60_000)
  afterAll(() => web?.dispose())

  const pagesOf = (rol: Rol): ReadonlyArray<readonly [string, string]> => [
    ["/indicatoren/riec-casus-per-district?jaar=2025", "RIEC"],
    ["/acties", "Acties"],
    ["/acties?jaar=2025", "Acties"],
    ["/gebieden", "Gebieden"],
    [`/gebieden/${amersfoort}`, "Amersfoort"],
    ["/informatiebeeld", "Informatiebeeld"],
    [`/informatiebeeld/${amersfoort}`, "Amersfoort"],
    // The region's report only for readers who may see every gemeente; a district reader its district's.
    ...(rol === "district" || rol === "gemeente" ? [] : ([["/informatiebeeld/regio", "Regio"]] as const)),
    ...(rol === "district" ? ([[`/informatiebeeld/${district}`, "district Oost"]] as const) : [])
  ]

  for (const rol of Object.keys(rollen) as Array<Rol>) {
    it(`answers every page for ${rol} with its heading, in the menu`, async () => {
      for (const [path, heading] of pagesOf(rol)) {
        const response = await as(rol).request(path)
        const html = await response.text()
        assert.strictEqual(response.status, 200, `${rol} ${path}`)
        assert.include(h1(html)?.toLowerCase() ?? "", heading.toLowerCase(), `${rol} ${path}`)
        assert.notInclude(html, "<script", path)
        assert.match(
          html,
          /<nav class="menu"[^>]*>.*href="\/acties".*href="\/gebieden".*href="\/informatiebeeld"/s
        )
      }
    })
  }

  it("sends a visitor without a session to the sign-in page", async () => {
    for (const path of [
      "/acties",
      "/gebieden",
      `/gebieden/${amersfoort}`,
      "/informatiebeeld",
      `/informatiebeeld/${amersfoort}`,
      "/indicatoren/x"
    ]) {
      const response = await web.app.request(path)
      assert.strictEqual(response.status, 303, path)
      assert.strictEqual(response.headers.get("location"), "/inloggen")
    }
  })

  it("gives a gemeente user the same 404 for another gemeente as for none, and never its numbers", async () => {
    const gemeente = as("gemeente")
    for (const path of [
      `/gebieden/${utrecht}`,
      `/gebieden/${baarn}`,
      `/gebieden/${district}`,
      `/informatiebeeld/${utrecht}`,
      `/informatiebeeld/${utrecht}?periode=2025-Q4`,
      `/informatiebeeld/${utrecht}/pdf`,
      `/informatiebeeld/${utrecht}/xlsx`,
      `/informatiebeeld/${utrecht}/html`,
      `/informatiebeeld/${district}`
    ]) {
      const response = await gemeente.request(path)
      assert.strictEqual(response.status, 404, path)
      const html = await response.text()
      const none = await gemeente.request(path.replace(/GM0344|GM0308|district-oost/, "GM9999"))
      assert.strictEqual(none.status, 404)
      assert.strictEqual(
        html,
        await none.text(),
        `${path}: the same answer as for an address that names nothing`
      )
      assert.notInclude(html, "Utrecht", path)
      assert.notInclude(html, "987", path)
    }
    // The region's report lists the activities of every gemeente: only for readers who may see them all.
    const regio = await gemeente.request("/informatiebeeld/regio?periode=2025-Q4")
    assert.strictEqual(regio.status, 404)
    assert.notInclude(await regio.text(), "Geheim")
    assert.strictEqual((await as("district").request("/informatiebeeld/regio")).status, 404)
    assert.include(
      await (await as("programma").request("/informatiebeeld/regio?periode=2025-Q4")).text(),
      "Geheime driehoek Utrecht"
    )
    // The lists name only its own gemeente, and the counted activities of other gemeenten stay hidden.
    const gebieden = await (await gemeente.request("/gebieden?jaar=2025")).text()
    assert.include(gebieden, "Amersfoort")
    assert.notInclude(gebieden, `/gebieden/${utrecht}`)
    assert.notInclude(gebieden, `/gebieden/${baarn}`)
    const keuze = await (await gemeente.request("/informatiebeeld")).text()
    assert.include(keuze, `/informatiebeeld/${amersfoort}`)
    assert.notInclude(keuze, `/informatiebeeld/${utrecht}`)
    // The activities a register-counted KPI counts: the gemeente's own, not another's.
    const indicator = await (
      await gemeente.request("/indicatoren/huisbezoeken?jaar=2025&peildatum=2025-12-31")
    ).text()
    const geteld =
      /<table class="utrecht-table"><caption class="utrecht-table__caption">Getelde activiteiten[\s\S]*?<\/table>/.exec(
        indicator
      )?.[0] ?? ""
    assert.include(geteld, "Huisbezoek Amersfoort")
    assert.notInclude(geteld, "Utrecht")
    const programma = await (
      await as("programma").request("/indicatoren/huisbezoeken?jaar=2025&peildatum=2025-12-31")
    ).text()
    assert.include(programma, "Geheim huisbezoek Utrecht", "the programme office sees every counted activity")
  })

  it("answers every gemeente outside the reader's scope as one that does not exist", async () => {
    const none = async (rol: Rol, path: string) => (await as(rol).request(path)).text()
    for (const rol of ["gemeente", "district"] as const) {
      const gebiedNone = await none(rol, "/gebieden/GM9999")
      const beeldNone = await none(rol, "/informatiebeeld/GM9999")
      const binnen = rol === "gemeente" ? [amersfoort] : [amersfoort, baarn]
      for (const g of testData.regio.gemeenten) {
        const gebied = await as(rol).request(`/gebieden/${g.code}`)
        const beeld = await as(rol).request(`/informatiebeeld/${g.code}`)
        if (binnen.includes(g.code)) {
          assert.strictEqual(gebied.status, 200, `${rol} ${g.code}`)
          assert.strictEqual(beeld.status, 200, `${rol} ${g.code}`)
          continue
        }
        assert.strictEqual(gebied.status, 404, `${rol} ${g.code}`)
        assert.strictEqual(await gebied.text(), gebiedNone, `${rol} ${g.code}`)
        assert.strictEqual(beeld.status, 404, `${rol} ${g.code}`)
        assert.strictEqual(await beeld.text(), beeldNone, `${rol} ${g.code}`)
      }
    }
  })

  it("lists a district without known gemeenten without figures, to a reader who sees every gemeente only", async () => {
    const alles = await (await as("beheerder").request("/gebieden?jaar=2025")).text()
    assert.include(alles, `/gebieden/${district}`)
    assert.match(
      alles,
      /<th[^>]*>West<\/th><td[^>]*>onbekend<\/td><td[^>]*>onbekend \(geen gemeenten bekend\)<\/td>/
    )
    assert.notInclude(alles, "/gebieden/district-west")
    for (const rol of ["district", "gemeente"] as const) {
      const scoped = await (await as(rol).request("/gebieden?jaar=2025")).text()
      assert.notInclude(scoped, "West", rol)
    }
    assert.strictEqual((await as("beheerder").request("/gebieden/district-west")).status, 404)
  })

  it("shows a district user its district and its gemeenten only", async () => {
    const user = as("district")
    const gebieden = await (await user.request("/gebieden?jaar=2025")).text()
    assert.include(gebieden, `/gebieden/${amersfoort}`)
    assert.include(gebieden, `/gebieden/${baarn}`)
    assert.include(gebieden, `/gebieden/${district}`)
    assert.notInclude(gebieden, `/gebieden/${utrecht}`)
    const rows = [...gebieden.matchAll(/href="\/gebieden\/(GM\d{4})/g)].map((m) => m[1])
    assert.sameMembers([...new Set(rows)], [amersfoort, baarn])
    const own = await user.request(`/gebieden/${district}`)
    assert.strictEqual(own.status, 200)
    assert.include(await own.text(), "District Oost")
    assert.strictEqual((await user.request(`/gebieden/${utrecht}`)).status, 404)
    assert.strictEqual((await user.request(`/informatiebeeld/${utrecht}`)).status, 404)
    assert.strictEqual((await user.request(`/informatiebeeld/${district}`)).status, 200)
    const keuze = await (await user.request("/informatiebeeld")).text()
    assert.sameMembers(
      [...new Set([...keuze.matchAll(/href="\/informatiebeeld\/(GM\d{4})/g)].map((m) => m[1]))],
      [amersfoort, baarn]
    )
  })

  it("shows small counts as < 5 to a gemeente reader, the number to the programme office", async () => {
    const gemeente = await (
      await as("gemeente").request(`/informatiebeeld/${amersfoort}?periode=2025-Q4`)
    ).text()
    assert.include(gemeente, "&lt; 5")
    assert.include(gemeente, "Versie voor de gemeente")
    const programma = await (
      await as("programma").request(`/informatiebeeld/${amersfoort}?periode=2025-Q4`)
    ).text()
    assert.include(programma, "Intern")
    assert.notInclude(programma, "&lt; 5")
  })

  it("defaults to core's period and explains a period it cannot show", async () => {
    const page = await (await as("gemeente").request(`/informatiebeeld/${amersfoort}`)).text()
    assert.include(page, 'value="2025-Q4"')
    const bad = await as("gemeente").request(`/informatiebeeld/${amersfoort}?periode=gisteren`)
    assert.strictEqual(bad.status, 400)
    const text = await bad.text()
    assert.include(text, 'href="#periode"')
    const moved = await as("gemeente").request(`/informatiebeeld?gebied=${amersfoort}&periode=2025-Q4`)
    assert.strictEqual(moved.status, 303)
    assert.strictEqual(moved.headers.get("location"), `/informatiebeeld/${amersfoort}?periode=2025-Q4`)
  })

  it("downloads the report as HTML and Excel with their content types; a full PDF pool is 503 with Retry-After", async () => {
    const q = "?periode=2025-Q4"
    const html = await as("gemeente").request(`/informatiebeeld/${amersfoort}/html${q}`)
    assert.strictEqual(html.status, 200)
    assert.strictEqual(html.headers.get("content-type"), "text/html; charset=utf-8")
    assert.match(
      html.headers.get("content-disposition") ?? "",
      /attachment; filename="informatiebeeld-amersfoort-2025-Q4.html"/
    )
    assert.include(await html.text(), "&lt; 5")
    const xlsx = await as("gemeente").request(`/informatiebeeld/${amersfoort}/xlsx${q}`)
    assert.strictEqual(xlsx.status, 200)
    assert.strictEqual(
      xlsx.headers.get("content-type"),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    const bytes = new Uint8Array(await xlsx.arrayBuffer())
    assert.deepStrictEqual([...bytes.slice(0, 2)], [0x50, 0x4b], "a zip file")
    const pdf = await as("gemeente").request(`/informatiebeeld/${amersfoort}/pdf${q}`)
    assert.strictEqual(pdf.status, 503)
    assert.strictEqual(pdf.headers.get("retry-after"), "10")
    assert.include(await pdf.text(), "Er worden al 2 PDF")
    assert.strictEqual(
      (await as("programma").request(`/informatiebeeld/regio/xlsx${q}`)).status,
      404,
      "xlsx is per gemeente"
    )
  })

  it("groups the actions of a jaarplan under Strategisch doel and Doel 1–5, by status", async () => {
    const html = await (await as("gemeente").request("/acties?jaar=2025")).text()
    assert.include(html, "Strategisch doel:")
    for (const n of [1, 2, 3, 4, 5]) assert.include(html, `Doel ${n}:`)
    assert.notInclude(html, "Baat 1")
    assert.match(html, /<option value="2025" selected>/)
    assert.strictEqual((await as("gemeente").request("/acties?jaar=1999")).status, 400)
  })

  it("shows an indicator's status, its path from baseline to target as a chart with a table, and its measurements", async () => {
    const response = await as("programma").request(
      "/indicatoren/informatiebeeld-driehoek?jaar=2025&peildatum=2025-12-31"
    )
    assert.strictEqual(response.status, 200)
    const html = await response.text()
    assert.include(html, '<svg role="img"')
    assert.include(html, "De cijfers van de grafiek")
    assert.include(html, "peildatum 31 december 2025")
    assert.include(html, "activiteitenregister")
    assert.include(html, "Jaarplan 2026, Bijlage 2 Terugblik 2025, doel 1", "the measurement's source")
    assert.strictEqual((await as("programma").request("/indicatoren/bestaat-niet")).status, 404)
    const voortgang = await (await as("gemeente").request("/voortgang")).text()
    assert.include(
      voortgang,
      'href="/indicatoren/informatiebeeld-driehoek?jaar=2025"',
      "linked from Voortgang"
    )
  })

  it("keeps the Informatiebeeld and Voortgang pages within 200 KB with their stylesheets", async () => {
    const css = (await (await web.app.request("/assets/dvcc.css")).text()).length
    const rapport = (await (await web.app.request("/assets/rapport.css")).text()).length
    for (const [path, extra] of [
      [`/informatiebeeld/${amersfoort}?periode=2025-Q4`, rapport],
      ["/informatiebeeld/regio?periode=2025-Q4", rapport],
      ["/voortgang", 0]
    ] as const) {
      const html = await (await as("programma").request(path)).text()
      if (extra > 0) assert.include(html, 'href="/assets/rapport.css"')
      const weight = new TextEncoder().encode(html).length + css + extra
      assert.isBelow(weight, 200_000, `${path}: ${weight} bytes`)
    }
  })
})
