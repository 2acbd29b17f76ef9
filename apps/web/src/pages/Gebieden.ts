/**
 * Gebieden: the districts, basisteams and gemeenten with what the programme reached there in a jaarplan's
 * year (activities, RIEC cases, driehoek discussions of the informatiebeeld) and the coverage agreements
 * of that year (a RIEC case per district, the informatiebeeld twice a year in the driehoek, …) with their
 * status, as the dashboard's Gebied screen shows them. The gemeenten are the store's query within the
 * reader's `Access.Visibility` (as `GET /api/v1/gebieden`), the activities counted only where the reader
 * may see them; a district or basisteam is shown to a scoped reader only when every gemeente in it is
 * visible; a district whose gemeenten no source names is listed, without figures, to a reader who sees
 * every gemeente. `/gebieden/{code}` is one gemeente (CBS code) or district (id): an address outside the
 * reader's scope is the same 404 as one that names nothing.
 */
import { Access, type Activity, type Dataset, Geography, Getal, Periode, Progress } from "@dvcc/core"
import { Html } from "@dvcc/report"
import { Gebieden, ProgramStore, type Sessions } from "@dvcc/store"
import { Effect } from "effect"
import { type Context, Hono } from "hono"
import {
  datum,
  gekozenJaar,
  jaarFormulier,
  jarenVan,
  nietGevonden,
  type Run,
  signedIn,
  toegang,
  voortgangContext,
  zichtbaarheid
} from "../internal/Pagina.ts"
import { errorSummary, page } from "../Layout.ts"
import type { WebEnv } from "../Web.ts"

const { esc } = Html

interface Gegevens {
  readonly dataset: Dataset.Dataset
  readonly gemeenten: ReadonlyArray<Geography.Gemeente>
  readonly visibility: Access.Visibility
  /** Today: the peildatum of the coverage agreements and of the inhabitants. */
  readonly peildatum: Periode.Datum
}

const laden = (run: Run, session: Sessions.Session) =>
  run(
    Effect.gen(function* () {
      const dataset = yield* (yield* ProgramStore.ProgramStore).load
      const visibility = zichtbaarheid(session, dataset)
      const rows = yield* (yield* Gebieden.Gebieden).list(visibility)
      return {
        dataset,
        visibility,
        gemeenten: rows.map((r) => r.gemeente).sort((a, b) => a.naam.localeCompare(b.naam, "nl")),
        peildatum: yield* Periode.vandaag
      } satisfies Gegevens
    })
  )

const naamVan = (units: ReadonlyArray<{ readonly id: string; readonly naam: string }>, id: string | null) =>
  id === null ? "onbekend" : (units.find((u) => u.id === id)?.naam ?? id)

const telling = (activiteiten: ReadonlyArray<Activity.Activity>) => ({
  activiteiten: activiteiten.length,
  riec: activiteiten.filter((a) => a.soort === "riec-casus").length,
  driehoek: activiteiten.filter((a) => a.soort === "informatiebeeld-besproken-in-driehoek").length
})

/** The coverage agreements of the year: rules over districts, basisteams or gemeenten, with their status. */
const dekking = (g: Gegevens, jaar: number) => {
  const { dataset, peildatum } = g
  const indicatoren = dataset.indicatoren.filter(
    (i) =>
      i.jaar === jaar &&
      (i.regel.soort === "dekking" || i.regel.soort === "aandeel") &&
      i.regel.niveau !== "kwartaal" &&
      i.regel.niveau !== "maand"
  )
  const voortgang = Progress.evaluateAll(
    indicatoren,
    dataset.metingen.filter((m) => m.jaar === jaar),
    voortgangContext(dataset, peildatum, g.visibility)
  )
  return voortgang.length === 0
    ? Html.alinea(
        `Het jaarplan ${jaar} heeft geen afspraken over dekking per district, basisteam of gemeente.`
      )
    : Html.tabel(
        `Dekkingsafspraken in ${jaar}, op peildatum ${datum(peildatum)}`,
        [{ kop: "Afspraak" }, { kop: "Status" }, { kop: "Uitleg" }],
        voortgang.map((p) => [
          `<a class="utrecht-link" href="/indicatoren/${esc(encodeURIComponent(p.indicator))}?jaar=${jaar}">${esc(p.tekst)}</a>`,
          `<span class="status">${esc(Progress.statusLabel[p.status])}</span>`,
          `<span class="uitleg">${esc(p.uitleg)}</span>`
        ])
      )
}

const gemeenteTabel = (
  g: Gegevens,
  gemeenten: ReadonlyArray<Geography.Gemeente>,
  jaar: number,
  peildatum: Periode.Datum,
  bijschrift: string
) => {
  const { regio } = g.dataset
  const ofYear = g.dataset.activiteiten.filter((a) => a.datum.startsWith(`${jaar}-`))
  return Html.tabel(
    bijschrift,
    [
      { kop: "Gemeente" },
      { kop: "Code" },
      { kop: "District" },
      { kop: "Basisteam" },
      { kop: "Inwoners", numeriek: true },
      { kop: "Activiteiten", numeriek: true },
      { kop: "RIEC-casussen", numeriek: true },
      { kop: "Besproken in driehoek", numeriek: true }
    ],
    gemeenten.map((gemeente) => {
      const t = telling(ofYear.filter((a) => a.gemeente === gemeente.code))
      const inwoners = Geography.inwonersOp(gemeente, peildatum)
      return [
        `<a class="utrecht-link" href="/gebieden/${esc(gemeente.code)}?jaar=${jaar}">${esc(gemeente.naam)}</a>`,
        esc(gemeente.code),
        esc(naamVan(regio.districten, gemeente.district)),
        esc(naamVan(regio.basisteams, gemeente.basisteam)),
        inwoners === undefined ? "onbekend" : esc(Getal.format(inwoners, 0)),
        esc(`${t.activiteiten}`),
        esc(`${t.riec}`),
        esc(`${t.driehoek}`)
      ]
    })
  )
}

/** The districts every gemeente of which the reader may see. */
const zichtbareDistricten = (g: Gegevens) =>
  g.dataset.regio.districten.filter((d) => {
    const leden = Geography.gemeentenIn(g.dataset.regio, { niveau: "district", id: d.id })
    return leden.length > 0 && leden.every((m) => Access.sees(g.visibility, m.code))
  })

export const app = (run: Run) => {
  const pagina = new Hono<WebEnv>()
  pagina.use("*", signedIn)

  const begin = async (c: Context<WebEnv>) => {
    const check = toegang(c, "gebieden:lezen")
    if ("weigering" in check) return check
    const { session } = check
    const g = await laden(run, session)
    const jaren = jarenVan(g.dataset)
    const keuze = gekozenJaar(c.req.query("jaar"), jaren)
    return { session, g, jaren, ...keuze }
  }

  pagina.get("/", async (c) => {
    const start = await begin(c)
    if ("weigering" in start) return start.weigering
    const { session, g, jaren, jaar, fout } = start
    const { regio } = g.dataset
    const { peildatum } = g
    const ofYear = g.dataset.activiteiten.filter(
      (a) => jaar !== undefined && a.datum.startsWith(`${jaar}-`) && Access.sees(g.visibility, a.gemeente)
    )
    const districten = zichtbareDistricten(g)
    // A district no source assigns gemeenten to: listed for a reader who sees everything, without figures.
    const zonderGemeenten =
      g.visibility.kind === "alles"
        ? regio.districten.filter(
            (d) => Geography.gemeentenIn(regio, { niveau: "district", id: d.id }).length === 0
          )
        : []
    const districtTabel =
      regio.districten.length === 0
        ? Html.alinea(
            `Districten: onbekend — de gegevens leggen nog geen districten vast (${regio.gemeenten.filter((x) => x.district === null).length} van ${regio.gemeenten.length} gemeenten zonder district); welke districten nog geen RIEC-casus hebben is daarom niet te zien.`
          )
        : districten.length === 0 && zonderGemeenten.length === 0
          ? Html.alinea(
              "U ziet de cijfers van een district alleen als u alle gemeenten van dat district mag zien."
            )
          : Html.tabel(
              `Districten in ${jaar}`,
              [
                { kop: "District" },
                { kop: "Gemeenten", numeriek: true },
                { kop: "Activiteiten", numeriek: true },
                { kop: "RIEC-casussen", numeriek: true }
              ],
              [
                ...districten.map((d) => {
                  const codes = new Set(
                    Geography.gemeentenIn(regio, { niveau: "district", id: d.id }).map((x) => x.code)
                  )
                  const t = telling(ofYear.filter((a) => a.gemeente !== null && codes.has(a.gemeente)))
                  return [
                    `<a class="utrecht-link" href="/gebieden/${esc(encodeURIComponent(d.id))}?jaar=${jaar}">${esc(d.naam)}</a>`,
                    esc(`${codes.size}`),
                    esc(`${t.activiteiten}`),
                    `${t.riec}${t.riec === 0 ? " (nog geen)" : ""}`
                  ]
                }),
                ...zonderGemeenten.map((d) => [
                  esc(d.naam),
                  "onbekend",
                  "onbekend (geen gemeenten bekend)",
                  "onbekend (geen gemeenten bekend)"
                ])
              ]
            )
    const basisteams = regio.basisteams.filter((b) => {
      const leden = Geography.gemeentenIn(regio, { niveau: "basisteam", id: b.id })
      return leden.length > 0 && leden.every((m) => Access.sees(g.visibility, m.code))
    })
    const basisteamTabel =
      basisteams.length === 0
        ? Html.alinea(
            regio.basisteams.length === 0
              ? "Basisteams: onbekend — de gegevens leggen nog geen basisteams vast."
              : "U ziet geen basisteam waarvan u alle gemeenten mag zien."
          )
        : Html.tabel(
            "Basisteams",
            [{ kop: "Basisteam" }, { kop: "District" }, { kop: "Gemeenten" }],
            basisteams.map((b) => [
              esc(b.naam),
              esc(naamVan(regio.districten, b.district)),
              `<span class="uitleg">${esc(
                Geography.gemeentenIn(regio, { niveau: "basisteam", id: b.id })
                  .map((x) => x.naam)
                  .join(", ")
              )}</span>`
            ])
          )
    const inhoud = `<h1 class="utrecht-heading-1">Gebieden</h1>
${errorSummary(fout ? [{ veld: "jaar", tekst: `Kies een jaarplan: ${jaren.join(", ")}.` }] : [])}
${Html.alinea(Access.isLocalAudience(session.principal) ? `De gemeenten die u mag zien (${g.gemeenten.length}), met wat het programma er bereikte.` : `De districten, basisteams en ${g.gemeenten.length} gemeenten van ${esc(`regio ${regio.naam}`)}, met wat het programma er bereikte.`)}
${jaarFormulier("/gebieden", jaren, jaar)}
${jaar === undefined ? "" : `<section aria-labelledby="dekking">${Html.kop2("Dekkingsafspraken", "dekking")}${dekking(g, jaar)}</section>`}
<section aria-labelledby="districten">${Html.kop2("Districten", "districten")}${districtTabel}</section>
<section aria-labelledby="basisteams">${Html.kop2("Basisteams", "basisteams")}${basisteamTabel}</section>
<section aria-labelledby="gemeenten">${Html.kop2("Gemeenten", "gemeenten")}${jaar === undefined ? "" : gemeenteTabel(g, g.gemeenten, jaar, peildatum, `Gemeenten met activiteiten in ${jaar}`)}</section>`
    return c.html(
      page(fout ? "Fout: gebieden" : "Gebieden", inhoud, { session, actief: "/gebieden" }),
      fout ? 400 : 200
    )
  })

  pagina.get("/:code", async (c) => {
    const start = await begin(c)
    if ("weigering" in start) return start.weigering
    const { session, g, jaar } = start
    const { regio } = g.dataset
    const code = c.req.param("code").slice(0, 100)
    const { peildatum } = g
    const gemeente = g.gemeenten.find((x) => x.code === code)
    if (jaar === undefined) return nietGevonden(c, session, "/gebieden")
    if (gemeente !== undefined && Access.sees(g.visibility, gemeente.code)) {
      const activiteiten = g.dataset.activiteiten
        .filter((a) => a.gemeente === gemeente.code && a.datum.startsWith(`${jaar}-`))
        .sort((a, b) => a.datum.localeCompare(b.datum) || a.id.localeCompare(b.id))
      const t = telling(activiteiten)
      const inwoners = Geography.inwonersOp(gemeente, peildatum)
      const inhoud = `<p class="utrecht-paragraph"><a class="utrecht-link" href="/gebieden?jaar=${jaar}">Gebieden</a> › ${esc(gemeente.naam)}</p>
<h1 class="utrecht-heading-1">${esc(gemeente.naam)}</h1>
${jaarFormulier(`/gebieden/${gemeente.code}`, start.jaren, jaar)}
<dl class="velden">
<dt>CBS-code</dt><dd>${esc(gemeente.code)}</dd>
<dt>District</dt><dd>${esc(naamVan(regio.districten, gemeente.district))}</dd>
<dt>Basisteam</dt><dd>${esc(naamVan(regio.basisteams, gemeente.basisteam))}</dd>
<dt>Inwoners</dt><dd>${inwoners === undefined ? "onbekend" : esc(Getal.format(inwoners, 0))}</dd>
</dl>
${Html.alinea(`In ${jaar}: ${esc(Getal.aantal(t.activiteiten, "activiteiten", 0))}, waarvan ${esc(Getal.aantal(t.riec, "RIEC-casussen", 0))} en ${t.driehoek} ${t.driehoek === 1 ? "bespreking" : "besprekingen"} van het informatiebeeld in de driehoek.`)}
${Html.alinea(`<a class="utrecht-link" href="/informatiebeeld/${esc(gemeente.code)}">Informatiebeeld van ${esc(gemeente.naam)}</a>`)}
<section aria-labelledby="dekking">${Html.kop2("Dekkingsafspraken", "dekking")}${dekking(g, jaar)}</section>
<section aria-labelledby="activiteiten">${Html.kop2(`Activiteiten in ${jaar}`, "activiteiten")}${
        activiteiten.length === 0
          ? Html.alinea(`Er zijn geen activiteiten in ${jaar} vastgelegd.`)
          : Html.tabel(
              `Activiteiten van ${gemeente.naam} in ${jaar}`,
              [{ kop: "Datum" }, { kop: "Soort" }, { kop: "Omschrijving" }],
              activiteiten.map((a) => [
                esc(datum(a.datum)),
                esc(a.soort.replaceAll("-", " ")),
                `<span class="uitleg">${esc(a.omschrijving ?? "")}</span>`
              ])
            )
      }</section>`
      return c.html(page(gemeente.naam, inhoud, { session, actief: "/gebieden" }))
    }
    const district = zichtbareDistricten(g).find((d) => d.id === code)
    if (district === undefined) return nietGevonden(c, session, "/gebieden")
    const leden = Geography.gemeentenIn(regio, { niveau: "district", id: district.id })
      .filter((x) => Access.sees(g.visibility, x.code))
      .sort((a, b) => a.naam.localeCompare(b.naam, "nl"))
    const inhoud = `<p class="utrecht-paragraph"><a class="utrecht-link" href="/gebieden?jaar=${jaar}">Gebieden</a> › district ${esc(district.naam)}</p>
<h1 class="utrecht-heading-1">District ${esc(district.naam)}</h1>
${jaarFormulier(`/gebieden/${encodeURIComponent(district.id)}`, start.jaren, jaar)}
${Html.alinea(`<a class="utrecht-link" href="/informatiebeeld/${esc(encodeURIComponent(district.id))}">Informatiebeeld van district ${esc(district.naam)}</a>`)}
<section aria-labelledby="dekking">${Html.kop2("Dekkingsafspraken", "dekking")}${dekking(g, jaar)}</section>
<section aria-labelledby="gemeenten">${Html.kop2("Gemeenten", "gemeenten")}${gemeenteTabel(g, leden, jaar, peildatum, `Gemeenten van district ${district.naam} in ${jaar}`)}</section>`
    return c.html(page(`District ${district.naam}`, inhoud, { session, actief: "/gebieden" }))
  })
  return pagina
}
