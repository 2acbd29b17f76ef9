/**
 * `dvcc report`: the informatiebeeld per gemeente (one, or all with an index and the region overview),
 * the year plan and the look-back, as self-contained HTML (and PDF or Markdown).
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { basename, dirname, extname, join } from "node:path"
import { type Dataset, type Geography, Periode } from "@dvcc/core"
import type { Informatiebeeld, Pdf } from "@dvcc/report"
import { Imports } from "@dvcc/store"
import { Console, Effect, Option, Schema } from "effect"
import { Argument, CliError, Command, Flag } from "effect/cli"
import * as Peiling from "../Peiling.ts"
import { loadProgram, withStore } from "../ProgramData.ts"

/** Writing a report failed: the file, and why. */
export class ReportFailed extends Schema.TaggedError<ReportFailed>()("ReportFailed", {
  message: Schema.String
}) {}

// Loaded when a report is made: vega and playwright are too heavy for every start of dvcc.
const reportModule = Effect.promise(() => import("@dvcc/report"))

const usage = (userMessage: string) => new CliError.UserError({ cause: undefined, userMessage })

const schrijf = (file: string, inhoud: string | Uint8Array) =>
  Effect.try({
    try: () => {
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, inhoud)
    },
    catch: (cause) =>
      new ReportFailed({
        message: `Kan ${file} niet schrijven: ${cause instanceof Error ? cause.message : String(cause)}`
      })
  })

/** The date of the data: the last import that was not undone, else today. */
const standGegevens = withStore(
  Effect.gen(function* () {
    return (yield* Imports.lastImportDay) ?? (yield* Peiling.vandaag)
  }).pipe(Effect.provide(Imports.Imports.layer))
)

const pdfNaam = (file: string): string => join(dirname(file), `${basename(file, extname(file))}.pdf`)

// ---------------------------------------------------------------------------------------------------------
// dvcc report informatiebeeld
// ---------------------------------------------------------------------------------------------------------

const gemeenteArg = Argument.String("gemeente").pipe(
  Argument.withDescription("CBS-code (GM0344) of naam (Utrecht) van de gemeente; weglaten met --all"),
  Argument.optional
)

const periode = Flag.String("periode").pipe(
  Flag.withDescription("De periode: een kwartaal (2025-Q3), maand (2025-09) of jaar (2025)"),
  Flag.withSchema(Periode.FromText)
)

const out = Flag.String("out").pipe(
  Flag.withDescription("Het HTML-bestand voor het rapport (met --pdf komt de PDF ernaast)"),
  Flag.optional
)

const all = Flag.Boolean("all").pipe(
  Flag.withDescription(
    "Een rapport voor elke gemeente van de regio, met een indexpagina en het regio-overzicht"
  ),
  Flag.withDefault(false)
)

const outDir = Flag.String("out-dir").pipe(
  Flag.withDescription("De map voor de rapporten van --all"),
  Flag.optional
)

const pdf = Flag.Boolean("pdf").pipe(
  Flag.withDescription("Maak ook een PDF (A4) met Chromium (/usr/bin/chromium)"),
  Flag.withDefault(false)
)

const publiek = Flag.Boolean("publiek").pipe(
  Flag.withDescription(
    "De versie voor de gemeente: aantallen onder de drempel (5) afgeschermd, met secundaire afscherming"
  ),
  Flag.withDefault(false)
)

const vindGemeente = (regio: Geography.Regio, invoer: string) => {
  const gezocht = invoer.trim().toLowerCase()
  return regio.gemeenten.find((g) => g.code.toLowerCase() === gezocht || g.naam.toLowerCase() === gezocht)
}

const informatiebeeld = Command.make(
  "informatiebeeld",
  { gemeente: gemeenteArg, periode, out, all, outDir, pdf, publiek },
  Effect.fn("report informatiebeeld")(function* (input) {
    if (input.all && Option.isSome(input.gemeente))
      return yield* usage("Geef een gemeente óf --all, niet allebei.")
    if (!input.all && Option.isNone(input.gemeente))
      return yield* usage("Geef een gemeente (bijvoorbeeld GM0344 of Utrecht) of --all.")
    if (input.all && Option.isNone(input.outDir))
      return yield* usage("--all schrijft naar een map: geef --out-dir MAP.")
    if (!input.all && Option.isNone(input.out))
      return yield* usage("Geef het bestand met --out RAPPORT.html.")

    const R = yield* reportModule
    const dataset = yield* loadProgram
    const gegevens = R.Informatiebeeld.gegevensVan(dataset)
    const opties: Informatiebeeld.Opties = {
      periode: input.periode,
      publiek: input.publiek,
      gemaakt: yield* Peiling.vandaag,
      standGegevens: yield* standGegevens
    }
    const geweigerd = R.Informatiebeeld.nietGepubliceerd(gegevens, opties)
    if (geweigerd !== undefined) return yield* usage(geweigerd)
    const printer = input.pdf ? Option.some(R.Pdf.Printer.layer()) : Option.none()
    const metPrinter = <A, E>(werk: (print: Option.Option<Pdf.Printer["Service"]>) => Effect.Effect<A, E>) =>
      Option.match(printer, {
        onNone: () => werk(Option.none()),
        onSome: (layer) =>
          Effect.gen(function* () {
            return yield* werk(Option.some(yield* R.Pdf.Printer))
          }).pipe(Effect.provide(layer))
      })
    const schrijfRapport = (file: string, html: string, print: Option.Option<Pdf.Printer["Service"]>) =>
      Effect.gen(function* () {
        yield* schrijf(file, html)
        if (Option.isSome(print)) yield* schrijf(pdfNaam(file), yield* print.value.pdf(html))
      })
    if (!input.all) {
      const gevraagd = Option.getOrElse(input.gemeente, () => "")
      const gemeente = vindGemeente(dataset.regio, gevraagd)
      if (gemeente === undefined)
        return yield* usage(
          `Gemeente "${gevraagd}" hoort niet bij de regio ${dataset.regio.naam}; gebruik een CBS-code zoals GM0344 of de naam.`
        )
      const file = Option.getOrElse(input.out, () => "")
      const html = yield* R.Informatiebeeld.renderInformatiebeeld(
        gegevens,
        { niveau: "gemeente", code: gemeente.code },
        opties
      )
      yield* metPrinter((print) => schrijfRapport(file, html, print))
      if (R.Dekking.zonderRegistraties(gegevens, input.periode).some((g) => g.code === gemeente.code))
        yield* Console.error(
          `Let op: geen registraties voor ${gemeente.naam} in ${Periode.label(input.periode)}; de cijfers staan als onbekend in het rapport. Importeer eerst de registraties (dvcc import).`
        )
      yield* Console.log(
        `Informatiebeeld ${gemeente.naam} ${Periode.label(input.periode)}${input.publiek ? " (versie voor de gemeente)" : ""} geschreven naar ${file}${input.pdf ? ` en ${pdfNaam(file)}` : ""}.`
      )
      return
    }

    const zonder = R.Dekking.zonderRegistraties(gegevens, input.periode)
    const totaal = dataset.regio.gemeenten.length
    if (zonder.length === totaal)
      return yield* Effect.fail(
        new Error(
          `Voor geen enkele gemeente zijn registraties vastgelegd in ${Periode.label(input.periode)}; er is niets geschreven. Importeer eerst de registraties (dvcc import) of kies een andere periode.`
        )
      )
    const zonderCodes = new Set(zonder.map((g) => g.code as string))
    const dir = Option.getOrElse(input.outDir, () => ".")
    const bestanden = new Map(
      dataset.regio.gemeenten.map((g) => [
        g.code as string,
        R.Informatiebeeld.bestandsnaam(g.naam, input.periode)
      ])
    )
    const overzicht = `regio-${input.periode}.html`
    yield* metPrinter((print) =>
      Effect.gen(function* () {
        // a few reports at a time: Node renders the next while Chromium prints the previous ones
        yield* Effect.forEach(
          dataset.regio.gemeenten,
          (g) =>
            Effect.gen(function* () {
              const html = zonderCodes.has(g.code)
                ? R.Dekking.renderGeenRegistraties(g, { ...opties, overzicht })
                : yield* R.Informatiebeeld.renderInformatiebeeld(
                    gegevens,
                    { niveau: "gemeente", code: g.code },
                    { ...opties, overzicht }
                  )
              yield* schrijfRapport(join(dir, bestanden.get(g.code) ?? `${g.code}.html`), html, print)
            }),
          { concurrency: 3, discard: true }
        )
        yield* schrijfRapport(
          join(dir, overzicht),
          yield* R.Overzicht.renderOverzicht(gegevens, opties, bestanden),
          print
        )
        yield* schrijf(
          join(dir, "index.html"),
          R.Overzicht.renderIndex(gegevens, opties, overzicht, bestanden, zonder)
        )
      })
    )
    const samenvatting = R.Dekking.samenvatting(zonder, totaal, input.periode)
    if (samenvatting !== undefined)
      yield* Console.error(
        `Let op: ${samenvatting}. Hun pagina zegt dat er geen gegevens zijn; importeer de registraties (dvcc import) en maak de rapporten opnieuw.`
      )
    yield* Console.log(
      `${dataset.regio.gemeenten.length} informatiebeelden ${Periode.label(input.periode)}${input.publiek ? " (versie voor de gemeente)" : ""}, het regio-overzicht (${overzicht}) en index.html geschreven naar ${dir}${input.pdf ? ", elk rapport ook als PDF" : ""}.`
    )
  })
).pipe(
  Command.withDescription(
    "Maak het informatiebeeld online criminaliteit van een gemeente (of van alle gemeenten) als HTML en PDF"
  ),
  Command.withExamples([
    {
      command: "dvcc report informatiebeeld GM0344 --periode 2025-Q3 --out utrecht.html --pdf",
      description: "Het informatiebeeld van Utrecht over het derde kwartaal, ook als PDF"
    },
    {
      command: "dvcc report informatiebeeld --all --periode 2025-Q3 --out-dir rapporten --publiek",
      description: "De versie voor de gemeenten, voor elke gemeente, met index en regio-overzicht"
    }
  ])
)

// ---------------------------------------------------------------------------------------------------------
// dvcc report jaarplan / terugblik
// ---------------------------------------------------------------------------------------------------------

const jaar = Flag.Int("jaar").pipe(Flag.withDescription("Het jaar (bijvoorbeeld 2026)"))

const documentOut = Flag.String("out").pipe(
  Flag.withDescription("Het bestand: .html (opgemaakt, A4) of .md (Markdown)")
)

const formaatVan = (file: string) => {
  const ext = extname(file).toLowerCase()
  return ext === ".md"
    ? Option.some("md" as const)
    : ext === ".html" || ext === ".htm"
      ? Option.some("html" as const)
      : Option.none()
}

// One default peildatum for every output that reviews a year: today, as `dvcc status` and `export kpi`.
const asOf = Peiling.asOf

const voet = (dataset: Dataset.Dataset, gemaakt: Periode.Datum): string =>
  `${dataset.program.naam}, ${dataset.program.regio}. Bron: de programmagegevens in dvcc (jaarplannen, monitoringsafspraken en metingen). Gemaakt op ${Periode.datumLabel(gemaakt)}.`

/** Writes a document, and with `pdf` its PDF beside it (an HTML document only). */
const schrijfDocument = (file: string, tekst: string, pdf: boolean) =>
  Effect.gen(function* () {
    yield* schrijf(file, tekst)
    if (!pdf) return
    const R = yield* reportModule
    yield* Effect.gen(function* () {
      const printer = yield* R.Pdf.Printer
      yield* schrijf(pdfNaam(file), yield* printer.pdf(tekst))
    }).pipe(Effect.provide(R.Pdf.Printer.layer()))
  })

const pdfAlleenHtml = (formaat: "md" | "html", pdf: boolean) =>
  pdf && formaat !== "html"
    ? usage("--pdf drukt het HTML-document af: geef --out met een bestand dat eindigt op .html.")
    : Effect.void

const jaarplan = Command.make(
  "jaarplan",
  { jaar, out: documentOut, asOf, pdf },
  Effect.fn("report jaarplan")(function* (input) {
    const formaat = formaatVan(input.out)
    if (Option.isNone(formaat))
      return yield* usage(`--out ${input.out}: gebruik een bestand dat eindigt op .html of .md.`)
    yield* pdfAlleenHtml(formaat.value, input.pdf)
    const dataset = yield* loadProgram
    const plan = yield* Peiling.jaarplan(dataset, input.jaar)
    const peildatum = yield* Peiling.peildatum(input.asOf)
    const R = yield* reportModule
    const blokken = R.Jaarplan.jaarplanBlokken(dataset, plan, peildatum)
    yield* schrijfDocument(
      input.out,
      R.Jaarplan.render(formaat.value, plan.titel, blokken, voet(dataset, yield* Peiling.vandaag)),
      input.pdf
    )
    yield* Console.log(
      `${plan.titel} geschreven naar ${input.out}${input.pdf ? ` en ${pdfNaam(input.out)}` : ""}.`
    )
  })
).pipe(
  Command.withDescription(
    "Maak het jaarplan uit de gegevens: situatie, ambitie, per doel de acties en monitoringsafspraken, bijlagen met alle acties en de terugblik"
  ),
  Command.withExamples([
    {
      command: "dvcc report jaarplan --jaar 2026 --out jaarplan-2026.html",
      description: "Jaarplan 2026 als HTML"
    },
    { command: "dvcc report jaarplan --jaar 2026 --out jaarplan-2026.md", description: "Als Markdown" }
  ])
)

const terugblikOut = Flag.String("out").pipe(
  Flag.withDescription(
    "Het bestand: .html of .md; zonder --out komt de terugblik als Markdown op het scherm"
  ),
  Flag.optional
)

const terugblik = Command.make(
  "terugblik",
  { jaar, out: terugblikOut, asOf, pdf },
  Effect.fn("report terugblik")(function* (input) {
    const formaat = Option.match(input.out, { onNone: () => Option.some("md" as const), onSome: formaatVan })
    if (Option.isNone(formaat))
      return yield* usage(
        `--out ${Option.getOrElse(input.out, () => "")}: gebruik een bestand dat eindigt op .html of .md.`
      )
    yield* pdfAlleenHtml(formaat.value, input.pdf)
    const dataset = yield* loadProgram
    if (!dataset.indicatoren.some((i) => i.jaar === input.jaar))
      return yield* usage(
        `Geen monitoringsafspraken voor ${input.jaar}; er zijn afspraken voor ${[...new Set(dataset.indicatoren.map((i) => i.jaar))].join(" en ")}.`
      )
    const peildatum = yield* Peiling.peildatum(input.asOf)
    const R = yield* reportModule
    const tekst = R.Jaarplan.render(
      formaat.value,
      R.Jaarplan.terugblikTitel(input.jaar, peildatum),
      R.Jaarplan.terugblik(dataset, input.jaar, peildatum),
      voet(dataset, yield* Peiling.vandaag)
    )
    if (Option.isNone(input.out)) {
      yield* Console.log(tekst)
      return
    }
    yield* schrijfDocument(input.out.value, tekst, input.pdf)
    yield* Console.log(
      `Terugblik ${input.jaar} (peildatum ${Periode.datumLabel(peildatum)}) geschreven naar ${input.out.value}${input.pdf ? ` en ${pdfNaam(input.out.value)}` : ""}.`
    )
  })
).pipe(
  Command.withDescription(
    "Toon de terugblik op een jaar: per doel de monitoringsafspraken met resultaat, status en uitleg"
  ),
  Command.withExamples([
    {
      command: "dvcc report terugblik --jaar 2025",
      description: "De terugblik op 2025 zoals de gegevens er vandaag voor staan, als Markdown op het scherm"
    },
    {
      command: "dvcc report terugblik --jaar 2025 --as-of 2025-10-27 --out terugblik-2025.html",
      description: "Zoals de ambtelijke werkgroep hem op 27 oktober 2025 besprak, als HTML"
    }
  ])
)

export const report = Command.make("report").pipe(
  Command.withSubcommands([informatiebeeld, jaarplan, terugblik]),
  Command.withDescription("Maak rapporten: het informatiebeeld per gemeente, het jaarplan en de terugblik"),
  Command.withExamples([
    {
      command: "dvcc report informatiebeeld GM0344 --periode 2025-Q3 --out utrecht.html",
      description: "Het informatiebeeld van Utrecht"
    }
  ])
)
