/**
 * Informatiebeeld: the informatiebeeld report of a gemeente (and of a district, basisteam or the regio for
 * the readers who may see it), live, inside the web page: the report package's own rendering
 * (`Informatiebeeld.renderInformatiebeeld`), its content shown under the page's frame with the report's
 * stylesheet served by dvcc. Downloads: the report as HTML, as PDF (the process's one Chromium with its
 * bounded pool; when it is full, 503 with `Retry-After`), and for a gemeente the Excel workbook of
 * `dvcc export informatiebeeld`.
 *
 * The same rules as `GET /api/v1/informatiebeeld/{gebied}` and `GET /api/v1/reports/informatiebeeld/…`:
 * a gemeente or district reader sees its own gemeenten, and an area (district, basisteam, the region) only
 * when it may see every gemeente in it, since the report lists the area's activities; for them the published version (core's `Suppression.publicatie`: counts below 5 as
 * "< 5", one pattern over every output), for the published periods only. An area the reader may not see
 * is the same 404 as one that does not exist. The default period is core's (`Registration.standaardPeriode`).
 */
import { Access, type Dataset, Geography, Periode, Registration, Suppression } from "@dvcc/core"
import { Html, Informatiebeeld, Pdf } from "@dvcc/report"
import { Imports, ProgramStore, type Sessions } from "@dvcc/store"
import { Effect } from "effect"
import { type Context, Hono } from "hono"
import { keuzelijst, nietGevonden, type Run, signedIn, toegang, zichtbaarheid } from "../internal/Pagina.ts"
import { errorSummary, page } from "../Layout.ts"
import type { Program, WebEnv } from "../Web.ts"

const { esc } = Html

/** Where the report's stylesheet is served. */
export const rapportStylesheetPath = "/assets/rapport.css"

/** How a page prints a PDF: the process's printer unless the app was given another (tests). */
export type Printen = (html: string) => Effect.Effect<Uint8Array, Pdf.PdfError | Pdf.PdfBusy>

export const gedeeldPrinten: Printen = (html) =>
  Effect.flatMap(Pdf.gedeeldePrinter(), (context) =>
    Effect.flatMap(Pdf.Printer, (printer) => printer.pdf(html)).pipe(Effect.provideContext(context))
  )

const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/**
 * The areas a reader may read: its gemeenten, and the districts, basisteams and region all of whose
 * gemeenten it may see (a report lists the activities of the area's gemeenten, with their descriptions).
 */
const keuzes = (dataset: Dataset.Dataset, visibility: Access.Visibility) => {
  const { regio } = dataset
  const geheel = (gebied: Geography.Gebied) => {
    const leden = Geography.gemeentenIn(regio, gebied)
    return leden.length > 0 && leden.every((g) => Access.sees(visibility, g.code))
  }
  const gemeenten = [...regio.gemeenten]
    .filter((g) => Access.sees(visibility, g.code))
    .sort((a, b) => a.naam.localeCompare(b.naam, "nl"))
  return [
    // The region's report lists the activities of every gemeente: only for a reader who may see them all.
    ...(geheel(Geography.regio)
      ? [{ pad: "regio", naam: `regio ${regio.naam}`, gebied: Geography.regio }]
      : []),
    ...regio.districten
      .filter((d) => geheel({ niveau: "district", id: d.id }))
      .map((d) => ({
        pad: d.id,
        naam: `district ${d.naam}`,
        gebied: { niveau: "district", id: d.id } as Geography.Gebied
      })),
    ...regio.basisteams
      .filter((b) => geheel({ niveau: "basisteam", id: b.id }))
      .map((b) => ({
        pad: b.id,
        naam: `basisteam ${b.naam}`,
        gebied: { niveau: "basisteam", id: b.id } as Geography.Gebied
      })),
    ...gemeenten.map((g) => ({
      pad: g.code as string,
      naam: g.naam,
      gebied: { niveau: "gemeente", code: g.code } as Geography.Gebied
    }))
  ]
}

type Keuze = ReturnType<typeof keuzes>[number]

interface Beeld {
  readonly session: Sessions.Session
  readonly dataset: Dataset.Dataset
  readonly keuze: Keuze
  readonly alle: ReadonlyArray<Keuze>
  readonly periode: Periode.Periode | undefined
  /** What is wrong with the period asked for, for the error summary. */
  readonly fout: string | undefined
  readonly gevraagd: string
  readonly opties: Informatiebeeld.Opties | undefined
}

/**
 * The report's data per dataset: the dataset object stays the same while the database does not change, so
 * the report package's pictures (kept per `Gegevens`) are made once for every reader and download.
 */
const gegevensPerDataset = new WeakMap<Dataset.Dataset, Informatiebeeld.Gegevens>()
const gegevensVan = (dataset: Dataset.Dataset): Informatiebeeld.Gegevens => {
  let gegevens = gegevensPerDataset.get(dataset)
  if (gegevens === undefined) {
    gegevens = Informatiebeeld.gegevensVan(dataset)
    gegevensPerDataset.set(dataset, gegevens)
  }
  return gegevens
}

/**
 * The rendered reports per dataset, by area, period, audience and dates: a report takes tens of
 * milliseconds to draw and is the same for every reader of that audience until the data changes (the
 * benchmark's page was 30× its JSON endpoint without it). At most `maxRapporten` per dataset, the oldest
 * dropped first.
 */
const rapportenPerDataset = new WeakMap<Dataset.Dataset, Map<string, string>>()
const maxRapporten = 200
const rapporten = (dataset: Dataset.Dataset): Map<string, string> => {
  let kept = rapportenPerDataset.get(dataset)
  if (kept === undefined) {
    kept = new Map()
    rapportenPerDataset.set(dataset, kept)
  }
  return kept
}

const standaard = (dataset: Dataset.Dataset) =>
  Registration.standaardPeriode(Registration.dekkingPerPeriode(dataset.registraties))

export const app = (run: Run, printen: Printen = gedeeldPrinten, program?: Program) => {
  const pagina = new Hono<WebEnv>()
  pagina.use("*", signedIn)
  /**
   * The day of the last import, kept under the database's version the request was checked at (every
   * import and undo is audited and raises it): reading every import on every page view is work the
   * answer does not need.
   */
  let stand: { readonly stamp: string; readonly dag: Periode.Datum | undefined } | undefined

  /** The area and period a request names, checked for this reader; a Response when it names nothing it may see. */
  const lees = async (c: Context<WebEnv>): Promise<Beeld | Response> => {
    const check = toegang(c, "informatiebeeld:lezen")
    if ("weigering" in check) return check.weigering
    const { session } = check
    const stamp = c.get("stamp")
    const bekend = stamp !== undefined && stand?.stamp === stamp ? stand : undefined
    const kept = program === undefined ? undefined : await program(c)
    const { dataset, vandaag, laatste } = await run(
      Effect.gen(function* () {
        return {
          dataset: kept ?? (yield* (yield* ProgramStore.ProgramStore).load),
          vandaag: yield* Periode.vandaag,
          laatste: bekend === undefined ? yield* Imports.lastImportDay : bekend.dag
        }
      })
    )
    if (stamp !== undefined && bekend === undefined) stand = { stamp, dag: laatste }
    const alle = keuzes(dataset, zichtbaarheid(session, dataset))
    const naam = (c.req.param("gebied") ?? "").slice(0, 100)
    const keuze = alle.find((k) => k.pad === naam)
    if (keuze === undefined) return nietGevonden(c, session, "/informatiebeeld")
    const gevraagd = (c.req.query("periode") ?? "").slice(0, 40)
    const periode = gevraagd.trim() === "" ? standaard(dataset) : Periode.parse(gevraagd)
    const publiek = Suppression.geldtVoor(session.principal.rol)
    const opties: Informatiebeeld.Opties | undefined =
      periode === undefined
        ? undefined
        : { periode, publiek, gemaakt: vandaag, standGegevens: laatste ?? vandaag }
    const fout =
      periode === undefined
        ? gevraagd.trim() === ""
          ? "Er zijn nog geen registraties om een informatiebeeld van te maken."
          : "Vul een periode in als 2025, 2025-Q4 of 2025-11."
        : opties === undefined
          ? undefined
          : Informatiebeeld.nietGepubliceerd(gegevensVan(dataset), opties)
    return {
      session,
      dataset,
      keuze,
      alle,
      periode,
      fout,
      gevraagd,
      opties: fout === undefined ? opties : undefined
    }
  }

  const rapport = async (b: Beeld, opties: Informatiebeeld.Opties): Promise<string> => {
    const key = `${b.keuze.pad}|${opties.periode}|${opties.publiek}|${opties.gemaakt}|${opties.standGegevens}`
    const kept = rapporten(b.dataset)
    const found = kept.get(key)
    if (found !== undefined) return found
    const html = await run(
      Informatiebeeld.renderInformatiebeeld(gegevensVan(b.dataset), b.keuze.gebied, opties)
    )
    if (kept.size >= maxRapporten) kept.delete(kept.keys().next().value ?? "")
    kept.set(key, html)
    return html
  }

  const formulier = (b: Beeld) => {
    const periodeWaarde = b.gevraagd.trim() === "" ? (b.periode ?? "") : b.gevraagd
    return `<form method="get" action="/informatiebeeld" class="keuze">
${keuzelijst({ id: "gebied", label: "Gebied", opties: b.alle.map((k) => [k.pad, k.naam]), gekozen: b.keuze.pad })}
<div class="utrecht-form-field"><label class="utrecht-form-label" for="periode">Periode</label><br><span class="utrecht-form-field-description" id="periode-uitleg">Bijvoorbeeld 2025-Q4, 2025-11 of 2025.</span><br><input class="utrecht-textbox" id="periode" name="periode" type="text" inputmode="text" autocomplete="off" maxlength="40" value="${esc(periodeWaarde)}"${b.fout === undefined ? ' aria-describedby="periode-uitleg"' : ' aria-invalid="true" aria-describedby="periode-uitleg"'}></div>
<button type="submit" class="utrecht-button utrecht-button--secondary-action">Toon</button>
</form>`
  }

  const downloads = (b: Beeld, periode: Periode.Periode) => {
    const q = `?periode=${encodeURIComponent(periode)}`
    const pad = `/informatiebeeld/${encodeURIComponent(b.keuze.pad)}`
    const links = [
      [`${pad}/html${q}`, "Download als HTML"],
      [`${pad}/pdf${q}`, "Download als PDF"],
      ...(b.keuze.gebied.niveau === "gemeente" ? [[`${pad}/xlsx${q}`, "Download als Excel (xlsx)"]] : [])
    ]
    return `<ul class="downloads">${links.map(([href, tekst]) => `<li><a class="utrecht-link" href="${esc(href ?? "")}">${esc(tekst ?? "")}</a></li>`).join("")}</ul>`
  }

  // `/informatiebeeld?gebied=&periode=`: the GET form without script lands here, and is sent on to the area.
  pagina.get("/", async (c) => {
    const check = toegang(c, "informatiebeeld:lezen")
    if ("weigering" in check) return check.weigering
    const { session } = check
    const gebied = c.req.query("gebied")
    if (gebied !== undefined && gebied !== "") {
      const periode = c.req.query("periode") ?? ""
      return c.redirect(
        `/informatiebeeld/${encodeURIComponent(gebied.slice(0, 100))}${periode === "" ? "" : `?periode=${encodeURIComponent(periode.slice(0, 40))}`}`,
        303
      )
    }
    const dataset = await run(Effect.flatMap(ProgramStore.ProgramStore, (s) => s.load))
    const alle = keuzes(dataset, zichtbaarheid(session, dataset))
    const periode = standaard(dataset)
    const gemeenten = alle.filter((k) => k.gebied.niveau === "gemeente")
    const overig = alle.filter((k) => k.gebied.niveau !== "gemeente")
    const lijst = (items: typeof alle) =>
      Html.lijst(
        items.map(
          (k) =>
            `<a class="utrecht-link" href="/informatiebeeld/${esc(encodeURIComponent(k.pad))}">${esc(k.naam)}</a>`
        )
      )
    const inhoud = `<h1 class="utrecht-heading-1">Informatiebeeld</h1>
${Html.alinea(`Het informatiebeeld online criminaliteit: aangiften, meldingen, slachtoffers en schade uit de politieregistratie, met de activiteiten van het programma. ${periode === undefined ? "Er zijn nog geen registraties." : `Zonder keuze toont dvcc ${esc(Periode.label(periode))}, de laatste periode die goed gevuld is.`}`)}
${Suppression.geldtVoor(session.principal.rol) ? Html.alinea(esc(Suppression.uitleg())) : ""}
${Html.kop2(gemeenten.length === 1 ? "Uw gemeente" : "Gemeenten", "gemeenten")}
${gemeenten.length === 0 ? Html.alinea("U mag van geen gemeente het informatiebeeld zien.") : lijst(gemeenten)}
${overig.length === 0 ? "" : `${Html.kop2("Regio, districten en basisteams", "overig")}${lijst(overig)}`}`
    return c.html(page("Informatiebeeld", inhoud, { session, actief: "/informatiebeeld" }))
  })

  pagina.get("/:gebied", async (c) => {
    const b = await lees(c)
    if (b instanceof Response) return b
    const titel = `Informatiebeeld ${b.keuze.naam}`
    if (b.opties === undefined) {
      const inhoud = `<h1 class="utrecht-heading-1">${esc(titel)}</h1>
${errorSummary([{ veld: "periode", tekst: b.fout ?? "Kies een periode." }])}
${formulier(b)}`
      return c.html(page(`Fout: ${titel}`, inhoud, { session: b.session, actief: "/informatiebeeld" }), 400)
    }
    const html = await rapport(b, b.opties)
    const inhoud = `<div class="keuzes" aria-label="Periode, gebied en downloads" role="region">
${formulier(b)}
${downloads(b, b.opties.periode)}
</div>
<div class="rapport">
${Html.inhoudVan(html)}
</div>`
    return c.html(
      page(`${titel} ${Periode.label(b.opties.periode)}`, inhoud, {
        session: b.session,
        actief: "/informatiebeeld",
        stylesheets: [rapportStylesheetPath]
      })
    )
  })

  const bestand = (b: Beeld, periode: Periode.Periode, extensie: string) =>
    Informatiebeeld.bestandsnaam(b.keuze.naam, periode, { voorvoegsel: "informatiebeeld-", extensie })

  const download = (formaat: "html" | "pdf" | "xlsx") => async (c: Context<WebEnv>) => {
    const b = await lees(c)
    if (b instanceof Response) return b
    if (b.opties === undefined)
      return c.html(
        page(
          "Fout: download",
          `<h1 class="utrecht-heading-1">Geen download</h1>${Html.alinea(esc(b.fout ?? ""))}`,
          {
            session: b.session
          }
        ),
        400
      )
    const { opties } = b
    const naam = bestand(b, opties.periode, formaat)
    const bijlage = { "content-disposition": `attachment; filename="${naam}"` }
    if (formaat === "xlsx") {
      if (b.keuze.gebied.niveau !== "gemeente") return nietGevonden(c, b.session, "/informatiebeeld")
      const gebied = b.keuze.gebied
      const gemeente = b.dataset.regio.gemeenten.find((g) => g.code === gebied.code)
      if (gemeente === undefined) return nietGevonden(c, b.session, "/informatiebeeld")
      // exceljs is loaded on the first workbook, not when `serve` starts.
      const { Export } = await import("@dvcc/excel")
      const bytes = await run(
        Export.toBytes(
          Export.informatiebeeldWorkbook(
            {
              regio: b.dataset.regio,
              registraties: b.dataset.registraties,
              reeksbreuken: b.dataset.reeksbreuken,
              periode: opties.periode,
              publiek: opties.publiek
            },
            gemeente
          )
        )
      )
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { "content-type": xlsx, ...bijlage })
    }
    const html = await rapport(b, opties)
    if (formaat === "html")
      return c.body(html, 200, { "content-type": "text/html; charset=utf-8", ...bijlage })
    const pdf = await run(
      printen(html).pipe(
        Effect.map((bytes) => ({ bytes }) as const),
        Effect.catchTags({
          PdfBusy: (e) => Effect.succeed({ bezet: e.message } as const),
          PdfError: (e) => Effect.succeed({ fout: e.message } as const)
        })
      )
    )
    if ("bytes" in pdf)
      return c.body(pdf.bytes as Uint8Array<ArrayBuffer>, 200, {
        "content-type": "application/pdf",
        ...bijlage
      })
    const tekst = "bezet" in pdf ? pdf.bezet : `De PDF kon niet worden gemaakt: ${pdf.fout}`
    if ("bezet" in pdf) c.header("retry-after", "10")
    return c.html(
      page(
        "PDF niet beschikbaar",
        `<h1 class="utrecht-heading-1">PDF niet beschikbaar</h1>${Html.alinea(esc(tekst))}${Html.alinea(`<a class="utrecht-link" href="/informatiebeeld/${esc(encodeURIComponent(b.keuze.pad))}?periode=${esc(encodeURIComponent(opties.periode))}">Terug naar het informatiebeeld</a>`)}`,
        {
          session: b.session,
          actief: "/informatiebeeld"
        }
      ),
      503
    )
  }
  pagina.get("/:gebied/html", download("html"))
  pagina.get("/:gebied/pdf", download("pdf"))
  pagina.get("/:gebied/xlsx", download("xlsx"))
  return pagina
}
