/**
 * Acties: the actions of one jaarplan (chosen with `?jaar=`, the newest by default), under the DIN's
 * strategic goals ("Strategisch doel: …") and the five operational goals ("Doel 1" … "Doel 5", as the year
 * plans call them), each goal's actions grouped by their status. The same actions as `GET /api/v1/acties`
 * (`programma:lezen`: a regional plan every role reads).
 */
import { Din, Jaarplan, Rollup } from "@dvcc/core"
import { Html } from "@dvcc/report"
import { ProgramStore } from "@dvcc/store"
import { Effect } from "effect"
import { Hono } from "hono"
import { gekozenJaar, jaarFormulier, jarenVan, type Run, signedIn, toegang } from "../internal/Pagina.ts"
import { errorSummary, page } from "../Layout.ts"
import type { WebEnv } from "../Web.ts"

const { esc } = Html

/** The order of the status groups: what still has to start, what runs, what is done, what the plan does not say. */
const statusGroepen = ["op-te-starten", "lopend", "doorlopend", "afgerond", "onbekend"] as const
const groepNaam: Record<(typeof statusGroepen)[number], string> = {
  "op-te-starten": "Op te starten",
  lopend: "Lopend",
  doorlopend: "Doorlopend",
  afgerond: "Afgerond",
  onbekend: "Status niet vermeld in het jaarplan"
}

const actieRij = (actie: Jaarplan.Actie): ReadonlyArray<string> => [
  `<span id="actie-${actie.nummer}">${esc(`${actie.nummer}. ${actie.titel}`)}</span>`,
  esc(Jaarplan.statusLabel(actie.status)),
  `<span class="uitleg">${esc(actie.coordinatie.join(", "))}</span>`,
  actie.outputs.length === 0 ? "" : `<div class="uitleg">${Html.lijst(actie.outputs.map(esc))}</div>`
]

const groepen = (acties: ReadonlyArray<Jaarplan.Actie>, titel: string): string =>
  statusGroepen
    .map((groep) => {
      const rijen = acties.filter((a) => (a.status?.soort ?? "onbekend") === groep)
      return rijen.length === 0
        ? ""
        : Html.tabel(
            `${titel} – ${groepNaam[groep]} (${rijen.length})`,
            [{ kop: "Actie" }, { kop: "Status" }, { kop: "Coördinatie" }, { kop: "Resultaat (output)" }],
            rijen.map(actieRij)
          )
    })
    .join("\n")

export const app = (run: Run) => {
  const pagina = new Hono<WebEnv>()
  pagina.use("*", signedIn)
  pagina.get("/", async (c) => {
    const check = toegang(c, "programma:lezen")
    if ("weigering" in check) return check.weigering
    const { session } = check
    const dataset = await run(Effect.flatMap(ProgramStore.ProgramStore, (s) => s.load))
    const jaren = jarenVan(dataset)
    const { jaar, fout } = gekozenJaar(c.req.query("jaar"), jaren)
    const plan = dataset.jaarplannen.find((p) => p.jaar === jaar)
    const din = plan === undefined ? undefined : Din.geldendVoor(dataset.program, plan.jaar)
    const secties =
      plan === undefined || din === undefined
        ? Html.alinea("Er zijn nog geen jaarplannen.")
        : din.doelen
            .map((doel) => {
              const baten = din.baten.filter((b) => b.doel === doel.id).sort((a, b) => a.nummer - b.nummer)
              const onder = baten
                .map((baat) => {
                  const acties = plan.acties.filter((a) => a.baten.includes(baat.id))
                  const toelichting = plan.batenToelichting.find((t) => t.baat === baat.id)?.tekst
                  return `<section aria-labelledby="${esc(baat.id)}">
<h3 class="utrecht-heading-3" id="${esc(baat.id)}">${esc(Rollup.baatTitel(baat))}</h3>
${toelichting === undefined ? "" : Html.alinea(`<span class="uitleg">${esc(toelichting)}</span>`)}
${acties.length === 0 ? Html.alinea("Geen acties onder dit doel in dit jaarplan.") : groepen(acties, `Doel ${baat.nummer}`)}
</section>`
                })
                .join("\n")
              return `<section aria-labelledby="${esc(`doel-${doel.id}`)}">${Html.kop2(Rollup.doelTitel(doel), `doel-${doel.id}`)}${onder}</section>`
            })
            .join("\n")
    const zonderDoel = plan?.acties.filter((a) => a.baten.length === 0) ?? []
    const inhoud = `<h1 class="utrecht-heading-1">Acties</h1>
${errorSummary(fout ? [{ veld: "jaar", tekst: `Kies een jaarplan: ${jaren.join(", ")}.` }] : [])}
${Html.alinea(plan === undefined ? "" : `De ${plan.acties.length} acties van ${esc(plan.titel)}, per doel en per status.`)}
${jaarFormulier("/acties", jaren, jaar)}
${secties}
${zonderDoel.length === 0 ? "" : `<section aria-labelledby="zonder-doel">${Html.kop2("Acties zonder doel", "zonder-doel")}${groepen(zonderDoel, "Zonder doel")}</section>`}`
    return c.html(
      page(fout ? "Fout: acties" : `Acties${jaar === undefined ? "" : ` ${jaar}`}`, inhoud, {
        session,
        actief: "/acties"
      }),
      fout ? 400 : 200
    )
  })
  return pagina
}
