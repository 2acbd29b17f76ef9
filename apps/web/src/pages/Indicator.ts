/**
 * Indicator: one monitoring agreement of a jaarplan with its status and explanation on a peildatum, the
 * path from baseline to target as a chart (drawn as the reports draw charts, with the same numbers in a
 * table), the measurements the reader may see with their source and when they were recorded, and what
 * feeds it: for a count of the activity register, the activities it counts. The status is core's
 * `Progress` over every measurement, as `GET /api/v1/indicatoren/{id}` gives it (a regional aggregate);
 * the measurements and activities listed are narrowed to the reader's `Access.Visibility` (the store's
 * query for measurements, `Access.sees` for the activities).
 */
import {
  Access,
  Bron,
  Din,
  Geography,
  Getal,
  type Indicator,
  Measurement,
  Periode,
  Progress,
  Rollup
} from "@dvcc/core"
import { Chart, Html } from "@dvcc/report"
import { Measurements, ProgramStore } from "@dvcc/store"
import { Effect, Option, Schema } from "effect"
import { Hono } from "hono"
import {
  datum,
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

const decodeDatum = Schema.decodeUnknownOption(Periode.Datum)

type Punt = { readonly reeks: string; readonly datum: Periode.Datum; readonly waarde: number }

/** The points of the chart: the rule's path (baseline to target, or the pro-rated count) and what was measured. */
const punten = (
  indicator: Indicator.Indicator,
  voortgang: Progress.Progress,
  metingen: ReadonlyArray<Measurement.Measurement>
): ReadonlyArray<Punt> => {
  const uit: Array<Punt> = []
  const { regel } = indicator
  const { doel } = voortgang.cijfers
  if (regel.soort === "traject") {
    const reeks = "Traject"
    uit.push({ reeks, datum: Periode.einde(regel.basis.periode), waarde: regel.basis.waarde })
    uit.push({ reeks, datum: Periode.einde(regel.doel.periode), waarde: regel.doel.waarde })
  } else if (doel !== null && (regel.soort === "minimum-aantal" || regel.soort === "gemiddeld-per-maand")) {
    uit.push({ reeks: "Verwacht verloop", datum: Periode.begin(regel.periode), waarde: 0 })
    uit.push({ reeks: "Verwacht verloop", datum: Periode.einde(regel.periode), waarde: doel })
  } else if (doel !== null) {
    uit.push({ reeks: "Doel", datum: Periode.begin(regel.periode), waarde: doel })
    uit.push({ reeks: "Doel", datum: Periode.einde(regel.periode), waarde: doel })
  }
  const regionaal = metingen.filter((m) => m.bron === indicator.bron && m.gebied.niveau === "regio")
  for (const m of [...regionaal].sort((a, b) =>
    Measurement.geldigOp(a).localeCompare(Measurement.geldigOp(b))
  ))
    uit.push({ reeks: "Gemeten", datum: Measurement.geldigOp(m), waarde: m.waarde })
  if (regionaal.length === 0 && voortgang.cijfers.gemeten !== null)
    uit.push({
      reeks: "Gemeten",
      datum: voortgang.standOp ?? voortgang.peildatum,
      waarde: voortgang.cijfers.gemeten
    })
  return uit
}

const grafiek = (titel: string, eenheid: string, data: ReadonlyArray<Punt>) =>
  Effect.gen(function* () {
    if (data.length === 0) return Html.alinea("Er zijn nog geen cijfers om een verloop van te tekenen.")
    const beschrijving = `${titel.replace(/[.\s]+$/, "")}: het verloop van basis naar doel en wat gemeten is; de tabel hieronder geeft dezelfde cijfers.`
    const tekening = yield* Chart.svg(
      {
        width: 560,
        height: 220,
        data: { values: data.map((p) => ({ ...p })) },
        mark: { type: "line", point: true },
        encoding: {
          x: { field: "datum", type: "temporal", title: "Datum", axis: { format: "%m-%Y" } },
          y: { field: "waarde", type: "quantitative", title: eenheid },
          color: { field: "reeks", type: "nominal", title: null }
        }
      },
      beschrijving
    )
    const tabel = Html.tabel(
      "De cijfers van de grafiek",
      [{ kop: "Reeks" }, { kop: "Datum" }, { kop: eenheid, numeriek: true }],
      data.map((p) => [esc(p.reeks), esc(datum(p.datum)), esc(Getal.format(p.waarde))])
    )
    return `<figure class="grafiek">${tekening}<figcaption class="utrecht-paragraph">${esc(beschrijving)}</figcaption></figure>${tabel}`
  })

const gebiedNaam = (regio: Geography.Regio, gebied: Geography.Gebied): string =>
  Geography.gebiedLabel(regio, gebied)

export const app = (run: Run) => {
  const pagina = new Hono<WebEnv>()
  pagina.use("*", signedIn)
  // The indicators are listed on Voortgang.
  pagina.get("/", (c) => c.redirect("/voortgang", 303))
  pagina.get("/:id", async (c) => {
    const check = toegang(c, "programma:lezen")
    if ("weigering" in check) return check.weigering
    const { session } = check
    const id = c.req.param("id").slice(0, 200)
    const gevraagd = c.req.query("peildatum")
    const peil = gevraagd === undefined || gevraagd === "" ? Option.none() : decodeDatum(gevraagd)
    const fout = gevraagd !== undefined && gevraagd !== "" && Option.isNone(peil)
    const jaarTekst = c.req.query("jaar")
    const gegevens = await run(
      Effect.gen(function* () {
        const dataset = yield* (yield* ProgramStore.ProgramStore).load
        const jaren = dataset.indicatoren.filter((i) => i.id === id).map((i) => i.jaar)
        const jaar =
          jaarTekst !== undefined && jaren.includes(Number(jaarTekst))
            ? Number(jaarTekst)
            : Math.max(...jaren)
        const indicator = dataset.indicatoren.find((i) => i.id === id && i.jaar === jaar)
        if (indicator === undefined) return undefined
        const peildatum = Option.getOrElse(peil, () => undefined) ?? (yield* Periode.vandaag)
        const visibility = zichtbaarheid(session, dataset)
        const [voortgang] = Progress.evaluateAll(
          [indicator],
          dataset.metingen.filter((m) => m.jaar === jaar && m.indicator === id),
          voortgangContext(dataset, peildatum, visibility)
        )
        const metingen = [
          ...(yield* (yield* Measurements.Measurements).list({ jaar, indicator: id }, visibility))
        ].sort((a, b) => a.periode.localeCompare(b.periode) || a.id.localeCompare(b.id))
        return { dataset, indicator, voortgang: voortgang as Progress.Progress, metingen, visibility, jaren }
      })
    )
    if (gegevens === undefined) return nietGevonden(c, session, "/voortgang")
    const { dataset, indicator, voortgang, metingen, visibility, jaren } = gegevens
    const baat = Din.baat(dataset.program, indicator.jaar, indicator.baat)
    const chart = await run(
      grafiek(indicator.tekst, indicator.eenheid, punten(indicator, voortgang, metingen))
    )
    const metingRijen = metingen.map((m) => [
      esc(Periode.label(m.periode)),
      esc(gebiedNaam(dataset.regio, m.gebied)),
      esc(
        `${Getal.format(m.waarde)}${m.kwalificatie === undefined ? "" : ` (${Getal.kwalificatieLabel[m.kwalificatie]})`}`
      ),
      esc(`${Bron.bronLabel[m.bron]}${m.bron === indicator.bron ? "" : " (signaal)"}`),
      esc(datum(m.vastgelegdOp)),
      `<span class="uitleg">${esc(Bron.herkomstLabel(m.herkomst))}${m.toelichting === undefined ? "" : `: ${esc(m.toelichting)}`}</span>`
    ])
    const geteld = new Set(voortgang.activiteiten ?? [])
    const activiteiten = dataset.activiteiten
      .filter((a) => geteld.has(a.id) && Access.sees(visibility, a.gemeente))
      .sort((a, b) => a.datum.localeCompare(b.datum) || a.id.localeCompare(b.id))
    const gemeenteNaam = (code: string | null) =>
      code === null ? "regio" : (dataset.regio.gemeenten.find((g) => g.code === code)?.naam ?? code)
    const voeding =
      indicator.telling === undefined
        ? Html.alinea(
            `Deze indicator wordt gemeten met ${esc(Bron.bronLabel[indicator.bron])}: de metingen hierboven.${indicator.acties.length === 0 ? "" : ` Hoort bij actie ${indicator.acties.map((n) => `<a class="utrecht-link" href="/acties?jaar=${indicator.jaar}#actie-${n}">${n}</a>`).join(", ")}.`}`
          )
        : `${Html.alinea(`Deze indicator telt de activiteiten van de soort <strong>${esc(indicator.telling.activiteit.replaceAll("-", " "))}</strong> in het activiteitenregister.${Access.isLocalAudience(session.principal) ? " Hieronder staan de getelde activiteiten die u mag zien." : ""}`)}${
            activiteiten.length === 0
              ? Html.alinea("Er zijn (nog) geen getelde activiteiten die u mag zien.")
              : Html.tabel(
                  `Getelde activiteiten (${activiteiten.length})`,
                  [{ kop: "Datum" }, { kop: "Gemeente" }, { kop: "Soort" }, { kop: "Omschrijving" }],
                  activiteiten.map((a) => [
                    esc(datum(a.datum)),
                    esc(gemeenteNaam(a.gemeente)),
                    esc(a.soort.replaceAll("-", " ")),
                    `<span class="uitleg">${esc(a.omschrijving ?? "")}</span>`
                  ])
                )
          }`
    const andereJaren = jaren
      .filter((j) => j !== indicator.jaar)
      .sort()
      .map(
        (j) =>
          `<a class="utrecht-link" href="/indicatoren/${encodeURIComponent(id)}?jaar=${j}">Jaarplan ${j}</a>`
      )
    const formulier = `<form method="get" action="/indicatoren/${esc(encodeURIComponent(id))}" class="keuze">
${errorSummary(fout ? [{ veld: "peildatum", tekst: "Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2025-12-31." }] : [])}
<input type="hidden" name="jaar" value="${indicator.jaar}">
<div class="utrecht-form-field"><label class="utrecht-form-label" for="peildatum">Peildatum</label><br><input class="utrecht-textbox" id="peildatum" name="peildatum" type="date" value="${esc(voortgang.peildatum)}"${fout ? ' aria-invalid="true"' : ""}></div>
<button type="submit" class="utrecht-button utrecht-button--secondary-action">Toon</button>
</form>`
    const inhoud = `<p class="utrecht-paragraph"><a class="utrecht-link" href="/voortgang">Voortgang</a> › Indicator</p>
<h1 class="utrecht-heading-1">${esc(indicator.tekst)}</h1>
${Html.alinea(`${esc(`Jaarplan ${indicator.jaar}`)} · ${esc(baat === undefined ? indicator.baat : Rollup.baatTitel(baat))}${andereJaren.length === 0 ? "" : ` · ook in ${andereJaren.join(", ")}`}`)}
${formulier}
<section aria-labelledby="status">
${Html.kop2("Status", "status")}
${Html.alinea(`<strong class="status">${esc(Progress.statusLabel[voortgang.status])}</strong> op peildatum ${esc(datum(voortgang.peildatum))}${voortgang.standOp === null ? "" : ` (gegevens tot ${esc(datum(voortgang.standOp))})`}.`)}
${Html.alinea(`<span class="uitleg">${esc(voortgang.uitleg)}</span>`)}
${voortgang.signaal === null ? "" : Html.alinea(`<span class="uitleg">${esc(`Signaal uit ${Bron.bronLabel[voortgang.signaal.bron]} (${Progress.statusLabel[voortgang.signaal.status]}): ${voortgang.signaal.uitleg}`)}</span>`)}
${Html.alinea(`Officiële bron: ${esc(Bron.bronLabel[indicator.bron])}. Eenheid: ${esc(indicator.eenheid)}.`)}
</section>
<section aria-labelledby="verloop">
${Html.kop2("Van basis naar doel", "verloop")}
${chart}
</section>
<section aria-labelledby="metingen">
${Html.kop2("Metingen", "metingen")}
${
  metingRijen.length === 0
    ? Html.alinea(
        Access.isLocalAudience(session.principal)
          ? "Er zijn geen metingen die u mag zien."
          : "Er zijn geen metingen vastgelegd."
      )
    : Html.tabel(
        "Metingen met bron en herkomst, oudste eerst",
        [
          { kop: "Periode" },
          { kop: "Gebied" },
          { kop: "Waarde", numeriek: true },
          { kop: "Bron" },
          { kop: "Vastgelegd op" },
          { kop: "Herkomst" }
        ],
        metingRijen
      )
}
</section>
<section aria-labelledby="voeding">
${Html.kop2("Waar de indicator op rust", "voeding")}
${voeding}
</section>`
    return c.html(
      page(fout ? `Fout: ${indicator.tekst}` : indicator.tekst, inhoud, { session, actief: "/voortgang" }),
      fout ? 400 : 200
    )
  })
  return pagina
}
