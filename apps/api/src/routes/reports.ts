/**
 * `GET /api/v1/reports/informatiebeeld/{gemeente}?periode=&format=html|pdf`: the informatiebeeld report of
 * a gemeente as `dvcc report informatiebeeld` makes it, as self-contained HTML or as an A4 PDF. The same
 * scoping as `/api/v1/informatiebeeld`: a `gemeente` or `district` token only for the gemeenten in its
 * scope, and then the version for the gemeente (small numbers suppressed, the rule stated); `beheerder`
 * and `programma` get the internal version with every figure.
 *
 * `@dvcc/report` (vega, playwright) is loaded on the first report request, not when the API starts, and
 * Chromium is launched only for a PDF: one browser for the process, kept for the next, printing two PDFs
 * at once with eight waiting (`Pdf.defaultPool`); past that a 503 with `Retry-After`.
 */
import { Access, type Geography, Periode, Suppression } from "@dvcc/core"
import type { Informatiebeeld } from "@dvcc/report"
import { Imports, ProgramStore } from "@dvcc/store"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import * as Endpoint from "../Endpoint.ts"
import type { Env } from "../Env.ts"
import * as Problem from "../Problem.ts"
import { today } from "./Services.ts"

const html = "text/html; charset=utf-8"
const pdf = "application/pdf"

const Formaat = Schema.Literals(["html", "pdf"]).annotate({ description: "html (standaard) of pdf" })

const informatiebeeld = Endpoint.make({
  method: "get",
  path: "/informatiebeeld/:gemeente",
  summary: "Het informatiebeeld van een gemeente (GM-code) als rapport: HTML of PDF (A4)",
  description:
    'Het rapport zoals `dvcc report informatiebeeld` het maakt. `format=html` (standaard) geeft text/html, `format=pdf` geeft application/pdf. Een gemeente- of districtstoken krijgt de versie voor de gemeente: kleine aantallen afgeschermd ("< 5") en waar nodig andere cellen ("×"), met één patroon over alle rapporten, exports en de API samen; die versie verschijnt per kwartaal (of per jaar waar alleen jaarcijfers bestaan), een andere periode geeft 422.',
  actie: "informatiebeeld:lezen",
  params: Schema.Struct({ gemeente: Schema.NonEmptyString }),
  query: Schema.Struct({ periode: Periode.FromText, format: Schema.optionalKey(Formaat) }),
  download: { contentTypes: [html, pdf] },
  response: Endpoint.Download,
  problems: ["niet-gevonden", "validatie", "niet-beschikbaar"]
})

// Loaded on the first report: vega and playwright are too heavy for every start of the API.
const reportModule = Effect.promise(() => import("@dvcc/report"))

/**
 * The process's one printer, shared with the web pages' PDF downloads: a browser per request cost a
 * Chromium start each time (8 requests at once were 49 processes).
 */
const sharedPrinter = Effect.flatMap(reportModule, (R) => R.Pdf.gedeeldePrinter())

/** The gemeente a path names (CBS code or name, any case), or a 404. */
const gemeenteVan = (regio: Geography.Regio, naam: string) => {
  const gezocht = naam.trim().toLowerCase()
  const gemeente = regio.gemeenten.find(
    (g) => g.code.toLowerCase() === gezocht || g.naam.toLowerCase() === gezocht
  )
  return gemeente === undefined
    ? Effect.fail(Problem.make("niet-gevonden", `${naam} is geen gemeente (GM-code) van de regio.`))
    : Effect.succeed(gemeente)
}

/** The date of the data: the last import that was not undone, else today. */
const standGegevens = Effect.gen(function* () {
  return (yield* Imports.lastImportDay) ?? (yield* today)
})

export const app = new Hono<Env>()

const [guard, handler] = Endpoint.handle(informatiebeeld, ({ params, query, principal }) =>
  Effect.gen(function* () {
    const dataset = yield* (yield* ProgramStore.ProgramStore).load
    const gemeente = yield* gemeenteVan(dataset.regio, params.gemeente)
    if (!Access.maySeeGemeente(principal, dataset.regio, gemeente.code))
      return yield* Problem.make(
        "geen-toegang",
        `Een token met rol ${principal.rol} ziet het informatiebeeld van ${gemeente.naam} niet.`
      )
    const R = yield* reportModule
    const opties: Informatiebeeld.Opties = {
      periode: query.periode,
      publiek: Suppression.geldtVoor(principal.rol),
      gemaakt: yield* today,
      standGegevens: yield* standGegevens
    }
    const gegevens = R.Informatiebeeld.gegevensVan(dataset)
    const geweigerd = R.Informatiebeeld.nietGepubliceerd(gegevens, opties)
    if (geweigerd !== undefined) return yield* Problem.make("validatie", geweigerd)
    const rapport = yield* R.Informatiebeeld.renderInformatiebeeld(
      gegevens,
      { niveau: "gemeente", code: gemeente.code },
      opties
    )
    const formaat = query.format ?? "html"
    const filename = R.Informatiebeeld.bestandsnaam(gemeente.naam, query.periode, {
      voorvoegsel: "informatiebeeld-",
      extensie: formaat
    })
    if (formaat === "html") return { bytes: new TextEncoder().encode(rapport), filename, contentType: html }
    const bytes = yield* Effect.gen(function* () {
      return yield* (yield* R.Pdf.Printer).pdf(rapport)
    }).pipe(
      Effect.provideContext(yield* sharedPrinter),
      Effect.mapError((e) =>
        Problem.make(
          "niet-beschikbaar",
          e._tag === "PdfBusy" ? e.message : `De PDF kon niet worden gemaakt: ${e.message}`
        )
      )
    )
    return { bytes, filename, contentType: pdf }
  })
)

app.get(
  informatiebeeld.path,
  guard,
  // HTML is shown rather than saved; a PDF stays an attachment.
  async (c, next) => {
    await next()
    if (c.res.status !== 200 || c.res.headers.get("content-type") !== html) return
    const disposition = c.res.headers.get("content-disposition")
    if (disposition !== null)
      c.res.headers.set("content-disposition", disposition.replace(/^attachment/, "inline"))
    // The report is self-contained: no script, nothing loaded from elsewhere.
    c.res.headers.set(
      "content-security-policy",
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'"
    )
  },
  handler
)

export const group: Endpoint.Group = {
  prefix: "/api/v1/reports",
  tag: "reports",
  description: "Rapporten: het informatiebeeld van een gemeente als HTML of PDF.",
  endpoints: [informatiebeeld]
}
