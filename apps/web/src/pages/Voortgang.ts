/**
 * Voortgang: the DIN per jaarplan on a peildatum, with the status and explanation of the programme, every
 * baat and every indicator. The same report as `GET /api/v1/voortgang` (`Status.make` over the dataset of
 * `ProgramStore`), behind the same rule of `Access` (`programma:lezen`).
 */
import { Access, type Dataset, Din, Periode, Progress, Status } from "@dvcc/core"
import { Html } from "@dvcc/report"
import { type Effect, Option, Schema } from "effect"
import { Hono } from "hono"
import { toegang } from "../internal/Pagina.ts"
import { errorSummary, page } from "../Layout.ts"
import type { Program, Services, WebEnv } from "../Web.ts"

const { esc } = Html

const decodeDatum = Schema.decodeUnknownOption(Periode.Datum)

const badge = (status: Progress.Status): string =>
  `<span class="status">${esc(Progress.statusLabel[status])}</span>`

const year = (
  dataset: {
    readonly program: { readonly baten: ReadonlyArray<{ readonly id: string; readonly nummer: number }> }
  },
  jaar: Status.YearStatus
): string => {
  const { programma } = jaar
  const baten = programma.doelen.flatMap((doel) =>
    doel.baten.map((baat) => {
      const nummer = dataset.program.baten.find((b) => b.id === baat.baat)?.nummer
      return [
        esc(`Baat ${nummer ?? "?"}: ${baat.naam}`),
        esc(doel.naam),
        badge(baat.status),
        `<span class="uitleg">${esc(baat.uitleg)}</span>`
      ]
    })
  )
  const indicatoren = jaar.indicatoren.map((p) => [
    `<a class="utrecht-link" href="/indicatoren/${esc(encodeURIComponent(p.indicator))}?jaar=${p.jaar}">${esc(p.tekst)}</a>`,
    esc(`Baat ${dataset.program.baten.find((b) => b.id === p.baat)?.nummer ?? "?"}`),
    badge(p.status),
    `<span class="uitleg">${esc(p.uitleg)}${p.signaal === null ? "" : ` ${esc(`Signaal (${Progress.statusLabel[p.signaal.status]}): ${p.signaal.uitleg}`)}`}</span>`
  ])
  return `<section aria-labelledby="jaar-${jaar.jaar}">
${Html.kop2(`Jaarplan ${jaar.jaar}`, `jaar-${jaar.jaar}`)}
${Html.alinea(`<strong>Programma: ${esc(Progress.statusLabel[programma.status])}.</strong> ${esc(programma.uitleg)}`)}
${Html.tabel(`Baten in ${jaar.jaar}`, [{ kop: "Baat" }, { kop: "Doel" }, { kop: "Status" }, { kop: "Uitleg" }], baten)}
${Html.tabel(`Indicatoren in ${jaar.jaar}`, [{ kop: "Indicator" }, { kop: "Baat" }, { kop: "Status" }, { kop: "Uitleg" }], indicatoren)}
</section>`
}

/**
 * The years' sections per report: `Status.cached` gives every reader of the same sight the same report
 * object while the data does not change, so its tables are written once.
 */
const sections = new WeakMap<Status.StatusReport, string>()
const jaren = (dataset: Dataset.Dataset, report: Status.StatusReport): string => {
  let html = sections.get(report)
  if (html === undefined) {
    html = report.jaren.map((j) => year({ program: Din.geldendVoor(dataset.program, j.jaar) }, j)).join("\n")
    sections.set(report, html)
  }
  return html
}

export const app = (run: <A, E>(effect: Effect.Effect<A, E, Services>) => Promise<A>, program: Program) => {
  const voortgang = new Hono<WebEnv>()
  voortgang.get("/", async (c) => {
    const check = toegang(c, "programma:lezen")
    if ("weigering" in check) return check.weigering
    const { session } = check
    const gevraagd = c.req.query("peildatum")
    const datum = gevraagd === undefined || gevraagd === "" ? Option.none() : decodeDatum(gevraagd)
    const fout = gevraagd !== undefined && gevraagd !== "" && Option.isNone(datum)
    const dataset = await program(c)
    const peildatum = Option.isSome(datum) ? datum.value : await run(Periode.vandaag)
    // A count of the activity register names only the activities this reader may see.
    const report = Status.cached(
      dataset,
      peildatum,
      dataset.jaarplannen.map((p) => p.jaar),
      Access.visibility(session.principal, dataset.regio.gemeenten)
    )
    const formulier = `<form method="get" action="/voortgang">
${errorSummary(fout ? [{ veld: "peildatum", tekst: "Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2025-12-31." }] : [])}
<div class="utrecht-form-field"><label class="utrecht-form-label" for="peildatum">Peildatum</label><br><input class="utrecht-textbox" id="peildatum" name="peildatum" type="date" value="${esc(report.peildatum)}"${fout ? ' aria-invalid="true"' : ""}></div>
<button type="submit" class="utrecht-button utrecht-button--secondary-action">Toon</button>
</form>`
    return c.html(
      page(
        fout ? "Fout: voortgang" : "Voortgang",
        `<h1 class="utrecht-heading-1">Voortgang</h1>
${Html.alinea(`De voortgang van ${esc(dataset.program.naam)} per jaarplan op peildatum ${esc(Periode.datumLabel(report.peildatum))}.`)}
${formulier}
${report.jaren.length === 0 ? Html.alinea("Er zijn nog geen jaarplannen.") : jaren(dataset, report)}`,
        { session, actief: "/voortgang" }
      ),
      fout ? 400 : 200
    )
  })
  return voortgang
}
