/**
 * Metingen: the programme office records a measurement of an indicator, as `POST /api/v1/metingen` does:
 * behind the same rule of `Access` (`metingen:schrijven`), written with `ProgramStore.recordMeasurement`
 * under the id an imported row of the same indicator, period and area gets (`Measurements.measurementId`),
 * so the form and a workbook update the same measurement. The period, area and value are read as a
 * workbook's cells are (`Periode.parse`, `Contract.gebiedOf`, `Values.parseDutchNumber`). The audit row
 * names the signed-in user (`user:<email>`).
 */
import { Access, Bron, type Dataset, Geography, Getal, Periode } from "@dvcc/core"
import { Contract, Values } from "@dvcc/excel"
import { Html } from "@dvcc/report"
import { Measurements, ProgramStore, Users } from "@dvcc/store"
import { Effect } from "effect"
import { type Context, Hono } from "hono"
import { forbidden, input, select, textarea } from "../internal/fields.ts"
import { csrfField, errorSummary, page } from "../Layout.ts"
import type { Forms, Services, WebEnv } from "../Web.ts"

const { esc } = Html

type Run = <A, E>(effect: Effect.Effect<A, E, Services>) => Promise<A>

/** What was typed, kept to show the form again. */
interface Invoer {
  readonly indicator: string
  readonly periode: string
  readonly gebied: string
  readonly waarde: string
  readonly bron: string
  readonly toelichting: string
}

const leeg: Invoer = { indicator: "", periode: "", gebied: "", waarde: "", bron: "", toelichting: "" }

const maxToelichting = 2000

/** A store's issue as a sentence: capital first. */
const zin = (issue: string): string => issue.charAt(0).toUpperCase() + issue.slice(1)

const uitkomstLabel = {
  inserted: "Nieuwe meting vastgelegd.",
  updated: "Meting bijgewerkt: er stond al een meting voor deze indicator, periode en dit gebied.",
  unchanged: "Deze meting stond er al precies zo: er is niets gewijzigd."
} as const

type Fouten = Partial<Record<keyof Invoer, string>>

const render = (
  c: Context<WebEnv>,
  dataset: Dataset.Dataset,
  invoer: Invoer,
  fouten: Fouten,
  resultaat: string
) => {
  const session = c.get("session")
  const opties = [...dataset.indicatoren]
    .sort((a, b) => b.jaar - a.jaar || a.id.localeCompare(b.id))
    .map((i) => [`${i.jaar}/${i.id}`, `${i.jaar}: ${i.tekst}`] as const)
  const lijst = (Object.entries(fouten) as Array<[keyof Invoer, string]>).map(([veld, tekst]) => ({
    veld,
    tekst
  }))
  return page(
    lijst.length > 0 ? "Fout: meting vastleggen" : "Meting vastleggen",
    `<h1 class="utrecht-heading-1">Meting vastleggen</h1>
${resultaat}
${Html.alinea("Leg een meting van een indicator vast. Dezelfde indicator, periode en hetzelfde gebied opnieuw vastleggen werkt de meting bij.")}
${errorSummary(lijst)}
<form method="post" action="/metingen" novalidate>
${csrfField(session?.csrf ?? "")}
${select({ id: "indicator", label: "Indicator", opties, waarde: invoer.indicator, leeg: "Kies een indicator", fout: fouten.indicator })}
${input({ id: "periode", label: "Periode", hint: "Bijvoorbeeld 2e kwartaal 2026, Q1 2026, maart 2026 of 2026.", waarde: invoer.periode, fout: fouten.periode })}
${input({ id: "gebied", label: "Gebied", hint: "regio, een gemeente (naam of CBS-code), district <naam> of basisteam <naam>.", waarde: invoer.gebied, fout: fouten.gebied })}
${input({ id: "waarde", label: "Waarde", hint: "Een getal zoals u het schrijft, bijvoorbeeld 1.234 of 12,5.", waarde: invoer.waarde, fout: fouten.waarde })}
${select({ id: "bron", label: "Bron", opties: Bron.Bron.literals.map((b) => [b, Bron.bronLabel[b]] as const), waarde: invoer.bron === "" ? "programma-administratie" : invoer.bron, fout: fouten.bron })}
${textarea({ id: "toelichting", label: "Toelichting (niet verplicht)", waarde: invoer.toelichting, max: maxToelichting, fout: fouten.toelichting })}
<button type="submit" class="utrecht-button utrecht-button--primary-action">Vastleggen</button>
</form>`,
    { session, actief: "/metingen" }
  )
}

export const app = (run: Run, forms: Forms) => {
  const metingen = new Hono<WebEnv>()
  const refused = (c: Context<WebEnv>) =>
    c.html(page("Geen toegang", Html.alinea(forbidden), { session: c.get("session") }), 403)
  const mayWrite = (c: Context<WebEnv>) => {
    const session = c.get("session")
    return session !== undefined && Access.allows(session.principal, "metingen:schrijven")
  }
  const load = Effect.flatMap(ProgramStore.ProgramStore, (store) => store.load)

  metingen.get("/", async (c) => {
    if (!mayWrite(c)) return refused(c)
    return c.html(render(c, await run(load), leeg, {}, ""))
  })

  metingen.post("/", forms.limit, async (c) => {
    if (!mayWrite(c)) return refused(c)
    const fields = await forms.read(c)
    if (fields instanceof Response) return fields
    const session = c.get("session")
    if (session === undefined) return refused(c)
    const invoer: Invoer = {
      indicator: (fields.indicator ?? "").slice(0, 200),
      periode: (fields.periode ?? "").slice(0, 100),
      gebied: (fields.gebied ?? "").slice(0, 200),
      waarde: (fields.waarde ?? "").slice(0, 50),
      bron: (fields.bron ?? "").slice(0, 50),
      toelichting: (fields.toelichting ?? "").slice(0, maxToelichting + 1)
    }
    const dataset = await run(load)
    const fouten: Fouten = {}
    const [jaarTekst, id] = invoer.indicator.split("/", 2)
    const indicator = dataset.indicatoren.find((i) => `${i.jaar}` === jaarTekst && i.id === id)
    if (indicator === undefined) fouten.indicator = "Kies een indicator."
    const periode = Periode.parse(invoer.periode)
    if (periode === undefined)
      fouten.periode = "Vul een periode in, zoals 2e kwartaal 2026, Q1 2026, maart 2026 of 2026."
    const gebied =
      invoer.gebied.trim() === "" ? Geography.regio : Contract.gebiedOf(dataset.regio, invoer.gebied)
    if (gebied === undefined)
      fouten.gebied = `"${invoer.gebied}" is geen gebied van regio ${dataset.regio.naam}: vul regio, een gemeente, district <naam> of basisteam <naam> in.`
    const getal = Values.parseDutchNumber(invoer.waarde)
    if (getal === undefined || !Number.isFinite(getal.value) || getal.value < 0)
      fouten.waarde = "Vul de waarde in als een getal van 0 of meer, bijvoorbeeld 1.234 of 12,5."
    const bron = Bron.Bron.literals.find((b) => b === invoer.bron)
    if (bron === undefined) fouten.bron = "Kies een bron."
    if (invoer.toelichting.length > maxToelichting)
      fouten.toelichting = `Een toelichting heeft hoogstens ${maxToelichting} tekens.`
    if (
      Object.keys(fouten).length > 0 ||
      indicator === undefined ||
      periode === undefined ||
      gebied === undefined ||
      getal === undefined ||
      bron === undefined
    )
      return c.html(render(c, dataset, invoer, fouten, ""), 400)
    const toelichting = invoer.toelichting.trim()
    const meting = {
      id: Measurements.measurementId({ jaar: indicator.jaar, indicator: indicator.id, periode, gebied }),
      indicator: indicator.id,
      jaar: indicator.jaar,
      periode,
      gebied,
      waarde: getal.value,
      bron,
      ...(toelichting === "" ? {} : { toelichting }),
      vastgelegdOp: await run(Periode.vandaag),
      herkomst: { document: "webapplicatie", sectie: "pagina Metingen" }
    }
    // What core's dataset check refuses (a percentage over 100, …) the store refuses: shown at its field.
    const uitkomst = await run(
      Effect.flatMap(ProgramStore.ProgramStore, (store) =>
        store.recordMeasurement(meting, { actor: Users.actorOf(session.user), source: "web" })
      ).pipe(Effect.catchTag("Invalid", (invalid) => Effect.succeed(invalid)))
    )
    if (typeof uitkomst !== "string") {
      for (const { path, issue } of uitkomst.issues) {
        const veld = path === "waarde" || path === "gebied" ? path : "indicator"
        fouten[veld] = fouten[veld] === undefined ? `${zin(issue)}.` : `${fouten[veld]} ${zin(issue)}.`
      }
      return c.html(render(c, dataset, invoer, fouten, ""), 400)
    }
    const resultaat = `<div class="utrecht-alert utrecht-alert--ok" role="status">${Html.alinea(`<strong>${esc(uitkomstLabel[uitkomst])}</strong>`)}${Html.tabel(
      "De meting",
      [
        { kop: "Indicator" },
        { kop: "Periode" },
        { kop: "Gebied" },
        { kop: "Waarde", numeriek: true },
        { kop: "Bron" }
      ],
      [
        [
          esc(`${indicator.jaar}: ${indicator.tekst}`),
          esc(Periode.label(periode)),
          esc(Contract.gebiedLabel(dataset.regio, gebied)),
          esc(`${Getal.format(getal.value, 2)} ${indicator.eenheid}`),
          esc(Bron.bronLabel[bron])
        ]
      ]
    )}</div>`
    return c.html(render(c, dataset, leeg, {}, resultaat))
  })
  return metingen
}
