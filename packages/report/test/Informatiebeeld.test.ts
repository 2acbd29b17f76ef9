import {
  Informatiebeeld as Core,
  Geography,
  Getal,
  Money,
  type Periode,
  Registration,
  Suppression
} from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { Informatiebeeld, Overzicht } from "../src/index.ts"
import { activiteiten, gegevens } from "./fixtures.ts"

const data = gegevens()
const periode = "2025-Q3" as Periode.Periode
const opties = (publiek: boolean): Informatiebeeld.Opties => ({
  periode,
  publiek,
  gemaakt: "2025-11-01" as Periode.Datum,
  standGegevens: "2025-10-15" as Periode.Datum
})
const gemeente = (code: string): Geography.Gebied => ({ niveau: "gemeente", code: code as Geography.CbsCode })
const render = (code: string, publiek: boolean) =>
  Informatiebeeld.renderInformatiebeeld(data, gemeente(code), opties(publiek))

/** The text of the cells of the table with `id`, row by row. */
const tabelCellen = (html: string, id: string): Array<Array<string>> => {
  const tabel =
    html.match(new RegExp(`<table class="utrecht-table" id="${id}">([\\s\\S]*?)</table>`))?.[1] ?? ""
  const body = tabel.split("<tbody")[1] ?? ""
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((rij) =>
    [...(rij[1] ?? "").matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) =>
      (c[1] ?? "").replace(/<[^>]+>/g, "").replaceAll("&lt;", "<")
    )
  )
}

const kengetal = (html: string, maat: string): string =>
  (html.match(new RegExp(`data-kengetal="${maat}">([\\s\\S]*?)</p>`))?.[1] ?? "").replace(/<[^>]+>/g, "")

describe("rapport", () => {
  it("uses core's informatiebeeld of the area, its trend and the regio unchanged", () => {
    for (const gebied of [gemeente("GM0344"), gemeente("GM0339"), Geography.regio]) {
      const r = Informatiebeeld.rapport(data, gebied, opties(false))
      const core = (p: Periode.Periode) =>
        Core.make({
          regio: data.regio,
          registraties: data.registraties,
          reeksbreuken: data.reeksbreuken,
          gebied,
          periode: p
        })
      assert.deepStrictEqual(r.beeld, core(periode))
      assert.deepStrictEqual(
        r.trend.map((ib) => ib.periode),
        ["2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3"]
      )
      assert.deepStrictEqual(r.trend[2], core("2024-Q2" as Periode.Periode))
      assert.deepStrictEqual(r.regio, Core.make({ ...data, gebied: Geography.regio, periode }))
    }
  })
})

describe("renderInformatiebeeld", () => {
  it.effect("shows the key figures and every delict row exactly as core computes them", () =>
    Effect.gen(function* () {
      const html = yield* render("GM0344", false)
      const ib = Core.make({
        regio: data.regio,
        registraties: data.registraties,
        reeksbreuken: data.reeksbreuken,
        gebied: gemeente("GM0344"),
        periode
      })
      assert.strictEqual(kengetal(html, "aangiften"), Getal.format(ib.totaal.aangiften.waarde ?? -1, 0))
      assert.strictEqual(kengetal(html, "slachtoffers"), Getal.format(ib.totaal.slachtoffers.waarde ?? -1, 0))
      assert.strictEqual(
        kengetal(html, "schade"),
        Money.formatKort(Money.cents(Math.round((ib.totaal.schade.waarde ?? 0) / 100) * 100))
      )
      const rijen = tabelCellen(html, "delicten")
      assert.strictEqual(rijen.length, ib.delicten.length + 1)
      ib.delicten.forEach((d, i) => {
        const rij = rijen[i] ?? []
        assert.deepStrictEqual(
          rij.slice(1, 4),
          [d.aangiften.waarde, d.meldingen.waarde, d.slachtoffers.waarde].map((n) =>
            Getal.format(n ?? -1, 0)
          ),
          d.delict
        )
      })
      // the change against the same quarter a year earlier, as core computes it
      const v = ib.totaal.aangiften.tovJaarEerder
      assert.include(
        html,
        `t.o.v. 2024 Q3: +${Getal.format(v.absoluut ?? 0, 0)} (+${Getal.format(v.procent ?? 0, 1)}%)`
      )
      // the trend: eight quarters, each total from core
      const trend = tabelCellen(html, "trendtabel")
      assert.strictEqual(trend[0]?.length, 9)
      assert.strictEqual(trend[0]?.at(-1), Getal.format(ib.totaal.aangiften.waarde ?? -1, 0))
      const q1 = Core.make({ ...data, gebied: gemeente("GM0344"), periode: "2023-Q4" as Periode.Periode })
      assert.strictEqual(trend[0]?.[1], Getal.format(q1.totaal.aangiften.waarde ?? -1, 0))
    })
  )

  it.effect("is self-contained: inline CSS and SVG, no scripts, nothing loaded from elsewhere", () =>
    Effect.gen(function* () {
      const html = yield* render("GM0344", false)
      assert.notMatch(html, /<script|<link |src="http|url\(http|@import/)
      assert.include(html, "<svg")
      assert.include(html, "--utrecht-")
      assert.include(html, "Stand van de gegevens: 15 oktober 2025")
      assert.match(html, /@bottom-left\{content:"Utrecht, 2025 Q3\. Bronnen: politieregistratie/)
    })
  )

  it.effect(
    "lists the gemeente's activities of the period and says 'onbekend' for unknown inhabitants and district",
    () =>
      Effect.gen(function* () {
        const html = yield* render("GM0344", false)
        assert.include(html, "Voorlichting phishing in de bibliotheek")
        assert.include(html, "Echt-Nep-bijeenkomst")
        assert.include(html, "het aantal per 10.000 inwoners is dan onbekend")
        // Utrecht is district Utrecht-Stad; which district Amersfoort is in, no source says.
        assert.notInclude(html, "Het district van Utrecht is onbekend")
        assert.include(html, "Utrecht-Stad")
        assert.include(
          yield* render("GM0307", false),
          "Het district van Amersfoort is onbekend in de gegevens"
        )
      })
  )

  it.effect("raises explained topics for the driehoek, each with its numbers", () =>
    Effect.gen(function* () {
      const r = Informatiebeeld.rapport(data, gemeente("GM0344"), opties(false))
      const ib = r.beeld
      const stijgers = ib.delicten.filter(
        (d) =>
          (d.aangiften.waarde ?? 0) >= 10 &&
          (d.aangiften.tovJaarEerder.procent ?? 0) > Informatiebeeld.standaardDrempels.stijgingProcent
      )
      assert.isAbove(stijgers.length, 0)
      for (const d of stijgers) {
        const onderwerp = r.onderwerpen.find(
          (o) => o.titel.toLowerCase() === `${Registration.delictLabel(d.delict)}: aangiften stijgen`
        )
        assert.isDefined(onderwerp, d.delict)
        assert.isTrue(
          onderwerp?.uitleg.startsWith(
            `${Getal.format(d.aangiften.waarde ?? 0, 0)} aangiften in 2025 Q3 tegen ${Getal.format(d.aangiften.tovJaarEerder.basis ?? 0, 0)} in 2024 Q3`
          )
        )
      }
      assert.isTrue(
        r.onderwerpen.some((o) => o.titel === "Informatiebeeld nog niet besproken in de driehoek")
      )
      // Zeist discussed the picture in March 2025: no such topic there
      const zeist = Informatiebeeld.rapport(data, gemeente("GM0355"), opties(false))
      assert.isFalse(
        zeist.onderwerpen.some((o) => o.titel === "Informatiebeeld nog niet besproken in de driehoek")
      )
      assert.include(r.nietBeoordeeld.join(" "), "het inwonertal is onbekend")
    })
  )

  it("finds a high rate per inhabitant without an intervention once inhabitants are known", () => {
    const regio = {
      ...data.regio,
      gemeenten: data.regio.gemeenten.map((g) => ({
        ...g,
        inwoners: [{ aantal: g.code === "GM0339" ? 2_000 : 60_000, peildatum: "2025-01-01" as Periode.Datum }]
      }))
    } as Geography.Regio
    const metInwoners = { ...data, regio, activiteiten }
    const r = Informatiebeeld.rapport(metInwoners, gemeente("GM0339"), opties(false))
    const eigen = r.beeld.totaal.slachtoffers.perTienduizend ?? 0
    const regioRate = r.regio.totaal.slachtoffers.perTienduizend ?? 0
    assert.isAbove(eigen, regioRate * 1.25)
    const onderwerp = r.onderwerpen.find((o) => o.titel.startsWith("Veel slachtoffers per inwoner"))
    assert.isDefined(onderwerp)
    assert.include(onderwerp?.uitleg ?? "", Getal.format(eigen, 1))
    assert.include(onderwerp?.uitleg ?? "", Getal.format(regioRate, 1))
  })
})

describe("the public version (--publiek)", () => {
  it.effect("shows no count below 5, protects the totaal, and states the rule", () =>
    Effect.gen(function* () {
      const html = yield* render("GM0339", true)
      assert.include(html, Suppression.uitleg().replaceAll("<", "&lt;").replaceAll('"', "&quot;"))
      assert.include(html, "Versie voor de gemeente")
      const ib = Core.make({ ...data, gebied: gemeente("GM0339"), periode })
      const rijen = tabelCellen(html, "delicten")
      for (const rij of rijen) {
        for (const cel of rij.slice(1, 4)) {
          assert.isTrue(cel === "< 5" || cel === "×" || Number(cel.replaceAll(".", "")) >= 5, `cel ${cel}`)
        }
      }
      // each delict row of the small gemeente is hidden; so nothing is left to subtract from the totaal
      assert.isTrue(ib.delicten.every((d) => (d.slachtoffers.waarde ?? 0) < 5))
      for (const rij of tabelCellen(html, "trendtabel")) {
        for (const cel of rij.slice(1))
          assert.isTrue(cel === "< 5" || cel === "×" || Number(cel) >= 5, `trend ${cel}`)
      }
    })
  )

  it.effect("shows every delict and totaal cell exactly as core's rule publishes it", () =>
    Effect.gen(function* () {
      for (const code of ["GM0339", "GM0344", "GM0317"]) {
        const html = yield* render(code, true)
        const ib = Core.make({ ...data, gebied: gemeente(code), periode })
        const publicatie = Suppression.publicatie({ ...data, reeksbreuken: data.reeksbreuken })
        const { periode: rijen } = Suppression.informatiebeeld(ib, publicatie)
        const tabel = tabelCellen(html, "delicten")
        assert.strictEqual(tabel.length, rijen.length)
        rijen.forEach((rij, i) => {
          const verwacht = (["aangiften", "meldingen", "slachtoffers"] as const).map((maat) =>
            Suppression.weergave(rij[maat], (n) => Getal.format(n, 0))
          )
          assert.deepStrictEqual(tabel[i]?.slice(1, 4), verwacht, `${code} ${rij.rij}`)
        })
      }
    })
  )

  it.effect(
    "hides a secondary cell in the overview so no gemeente can be computed from the region's totaal",
    () =>
      Effect.gen(function* () {
        // Renswoude with 1 aangifte and 2 slachtoffers per delict in the quarter, the others as they are
        const klein = {
          ...data,
          registraties: data.registraties.map((r) =>
            r.gebied.niveau === "gemeente" && r.gebied.code === "GM0339" && r.periode === periode
              ? { ...r, aangiften: 0, slachtoffers: r.delict === "phishing" ? 2 : 0 }
              : r
          )
        }
        const html = yield* Overzicht.renderOverzicht(klein, opties(true), new Map())
        const rijen = tabelCellen(html, "gemeenten-tabel")
        assert.strictEqual(rijen.length, dataset.regio.gemeenten.length + 1)
        assert.deepStrictEqual(rijen.find((r) => r[0] === "Renswoude")?.slice(1, 5), [
          "< 5",
          "afgeschermd",
          "< 5",
          "afgeschermd"
        ])
        for (const kolom of [1, 3]) {
          const verborgen = rijen.filter((r) => r[kolom] === "< 5" || r[kolom] === "×")
          assert.isAtLeast(verborgen.length, 2, `kolom ${kolom}`)
          assert.isTrue(verborgen.some((r) => r[kolom] === "×"))
        }
        // The five districts, the two without known gemeenten with unknown figures.
        const districten = tabelCellen(html, "districten-tabel")
        assert.deepStrictEqual(
          districten.map((r) => r[0]),
          [
            "Flevoland",
            "Gooi en Vechtstreek",
            "Utrecht-Stad",
            "Oost-Utrecht",
            "West-Utrecht",
            "Regio Midden-Nederland"
          ]
        )
        assert.deepStrictEqual(districten.find((r) => r[0] === "Oost-Utrecht")?.slice(1), [
          "onbekend",
          "onbekend",
          "onbekend",
          "onbekend"
        ])
        const intern = yield* Overzicht.renderOverzicht(klein, opties(false), new Map())
        assert.deepStrictEqual(
          tabelCellen(intern, "gemeenten-tabel")
            .find((r) => r[0] === "Renswoude")
            ?.slice(1, 4),
          ["0", "onbekend", "2"]
        )
      })
  )
})

describe("the public overview with districts", () => {
  it.effect("lets no district totaal or regio totaal give a suppressed gemeente away", () =>
    Effect.gen(function* () {
      const metDistricten = {
        ...data,
        regio: {
          ...data.regio,
          districten: [
            { id: "oost", naam: "Oost" },
            { id: "west", naam: "West" }
          ],
          gemeenten: data.regio.gemeenten.map((g, i) => ({ ...g, district: i % 2 === 0 ? "oost" : "west" }))
        } as Geography.Regio,
        registraties: data.registraties.map((r) =>
          r.gebied.niveau === "gemeente" && r.gebied.code === "GM0339" && r.periode === periode
            ? { ...r, aangiften: 0, slachtoffers: r.delict === "phishing" ? 2 : 0 }
            : r
        )
      }
      const html = yield* Overzicht.renderOverzicht(metDistricten, opties(true), new Map())
      const gemeenten = tabelCellen(html, "gemeenten-tabel")
      const districten = tabelCellen(html, "districten-tabel")
      const verborgen = (cel: string | undefined) => cel === "< 5" || cel === "×"
      for (const kolom of [1, 3]) {
        for (const [i, district] of ["Oost", "West"].entries()) {
          const leden = metDistricten.regio.gemeenten
            .filter((g) => g.district === (i === 0 ? "oost" : "west"))
            .map((g) => gemeenten.find((r) => r[0] === g.naam)?.[kolom])
          const totaal = districten.find((r) => r[0] === district)?.[kolom]
          const n = [...leden, totaal].filter(verborgen).length
          assert.notStrictEqual(n, 1, `${district}, kolom ${kolom}`)
        }
        const regioRij = districten.at(-1)?.[kolom]
        const n = [...districten.slice(0, 2).map((r) => r[kolom]), regioRij].filter(verborgen).length
        assert.notStrictEqual(n, 1, `regio over districten, kolom ${kolom}`)
      }
      assert.strictEqual(gemeenten.find((r) => r[0] === "Renswoude")?.[1], "< 5")
    })
  )
})

describe("renderIndex", () => {
  it("links the overview and every gemeente's report", () => {
    const bestanden = new Map(dataset.regio.gemeenten.map((g) => [g.code as string, `${g.code}.html`]))
    const html = Overzicht.renderIndex(data, opties(true), "regio.html", bestanden)
    assert.include(html, 'href="regio.html"')
    for (const g of dataset.regio.gemeenten) assert.include(html, `href="${g.code}.html">${g.naam}</a>`)
  })
})

describe("bronnen", () => {
  it("names the police and the delivery date for imported registrations, not the importer's sheet", () => {
    const herkomst = { document: "Excel-import", sectie: "blad Registraties" }
    const imported = {
      ...data,
      registraties: data.registraties.map((r) => (r.periode === periode ? { ...r, herkomst } : r))
    }
    const voet = Informatiebeeld.bronnen(
      Informatiebeeld.rapport(imported, gemeente("GM0344"), opties(false)),
      opties(false)
    )
    assert.include(voet, "Politie Midden-Nederland, registraties aangeleverd op 15 oktober 2025")
    assert.notInclude(voet, "Excel-import")
  })
})

describe("the internal version", () => {
  it("writes an unknown figure as 'onbekend', never as 'afgeschermd'", async () => {
    const onbekend = {
      ...data,
      registraties: data.registraties.map((r) =>
        r.periode === periode && r.gebied.niveau === "gemeente" && r.gebied.code === "GM0344"
          ? { ...r, slachtoffers: null, aangiften: null }
          : r
      )
    }
    const html = await Effect.runPromise(
      Informatiebeeld.renderInformatiebeeld(onbekend, gemeente("GM0344"), opties(false))
    )
    assert.notInclude(html, ">afgeschermd<")
    assert.notInclude(html, "het aantal is afgeschermd")
  })
})

describe("partial data: only 6 of 38 gemeenten with registrations for the period", () => {
  const bekend = [...dataset.regio.gemeenten.slice(0, 5).map((g) => g.code as string), "GM0339"]
  const deels = {
    ...data,
    registraties: data.registraties.filter(
      (r) => r.periode !== periode || (r.gebied.niveau === "gemeente" && bekend.includes(r.gebied.code))
    )
  }
  const regio = (publiek: boolean) =>
    Informatiebeeld.renderInformatiebeeld(deels, Geography.regio, opties(publiek))

  it.effect(
    "computes the regio from the known gemeenten, says so first, and never as the region's total",
    () =>
      Effect.gen(function* () {
        const html = yield* regio(false)
        const ib = Core.make({ ...deels, gebied: Geography.regio, periode })
        assert.deepStrictEqual(ib.dekking?.gemeenten, 6)
        assert.deepStrictEqual(ib.dekking?.van, dataset.regio.gemeenten.length)
        const som = deels.registraties
          .filter((r) => r.periode === periode)
          .reduce((n, r) => n + (r.aangiften ?? 0), 0)
        assert.strictEqual(ib.totaal.aangiften.waarde, som)
        // the coverage before the figures, every figure a lower bound
        assert.isBelow(html.indexOf("Onvolledig."), html.indexOf('id="kerncijfers"'))
        assert.include(html, `Cijfers uit 6 van ${dataset.regio.gemeenten.length} gemeenten`)
        assert.strictEqual(kengetal(html, "aangiften"), `minstens ${Getal.format(som, 0)}`)
        for (const rij of tabelCellen(html, "delicten"))
          for (const cel of rij.slice(1, 4)) assert.match(cel, /^minstens \d/, `delict ${rij[0]}`)
        // which gemeenten lack data, and no rate of a lower bound
        assert.include(html, "zonder registraties over 2025 Q3")
        const vergelijking = tabelCellen(html, "vergelijking-tabel")
        assert.include(vergelijking[0]?.[0] ?? "", "(uit 6 van")
        assert.strictEqual(vergelijking[0]?.[2], "onbekend")
        assert.notInclude(kengetal(html, "aangiften"), "onbekend")
        // the overview's regio row, beside the gemeenten, is labelled the same way
        const overzicht = yield* Overzicht.renderOverzicht(deels, opties(false), new Map())
        const regioRij = tabelCellen(overzicht, "gemeenten-tabel").at(-1) ?? []
        assert.include(regioRij[0] ?? "", "(uit 6 van")
        assert.match(regioRij[1] ?? "", /^minstens \d/)
      })
  )

  it.effect(
    "public: no subtraction of known gemeenten from the partial regio gives a hidden count back",
    () =>
      Effect.gen(function* () {
        const html = yield* regio(true)
        const publicatie = Suppression.publicatie({ ...deels, reeksbreuken: deels.reeksbreuken })
        const regioRijen = tabelCellen(html, "delicten")
        const ib = Core.make({ ...deels, gebied: Geography.regio, periode })
        const volgorde = Suppression.rijVolgorde(ib)
        let verborgenGezien = 0
        volgorde.forEach((rij, i) => {
          ;(["aangiften", "meldingen", "slachtoffers"] as const).forEach((maat, m) => {
            const regioGetoond = /^minstens \d/.test(regioRijen[i]?.[m + 1] ?? "")
            const verborgen = bekend.filter((code) =>
              Suppression.isOnderdrukt(publicatie.cel(gemeente(code), periode, rij, maat))
            )
            verborgenGezien += verborgen.length
            // with the regio shown, one hidden gemeente alone would be the regio minus the others
            if (regioGetoond) assert.notStrictEqual(verborgen.length, 1, `${rij} ${maat}`)
          })
        })
        assert.isAbove(verborgenGezien, 0, "the attack needs a hidden count")
      })
  )
})
