/**
 * The year plan and the look-back as documents, generated from the data in the structure of the seed
 * plans: what is going on, what we want to achieve, per doel the actions and the monitoring agreement,
 * the annex with every action's fields, and the look-back on the previous year (per doel the monitoring
 * agreements with result, status and the explanation of the progress rules). HTML or Markdown.
 *
 * @since 0.1.0
 */
import type { Dataset } from "@dvcc/core"
import { Bron, Jaarplan as CoreJaarplan, Din, Getal, Periode, Progress, Rollup, Status } from "@dvcc/core"
import { alinea, document, esc, kop2, kop3, lijst, tabel } from "./internal/Html.ts"

/**
 * A block of a document, rendered to HTML or Markdown alike.
 *
 * @since 0.1.0
 * @category models
 */
export type Blok =
  | {
      readonly soort: "kop"
      readonly niveau: 1 | 2 | 3
      readonly tekst: string
      /** Of a document's title: the programme it is of, shown above it ("Programma … Midden-Nederland"). */
      readonly programma?: string
    }
  | { readonly soort: "alinea"; readonly tekst: string }
  | { readonly soort: "lijst"; readonly items: ReadonlyArray<string>; readonly genummerd?: boolean }
  | { readonly soort: "velden"; readonly velden: ReadonlyArray<readonly [string, string]> }
  | {
      readonly soort: "tabel"
      readonly bijschrift: string
      readonly koppen: ReadonlyArray<string>
      readonly rijen: ReadonlyArray<ReadonlyArray<string>>
    }
  | { readonly soort: "pagina" }

/**
 * @since 0.1.0
 * @category models
 */
export type Formaat = "html" | "md"

const h = (niveau: 1 | 2 | 3, tekst: string): Blok => ({ soort: "kop", niveau, tekst })
const p = (tekst: string): Blok => ({ soort: "alinea", tekst })
/** The title of a document about `dataset`'s programme, which it names above the title. */
const titel = (dataset: Dataset.Dataset, tekst: string): Blok => ({
  soort: "kop",
  niveau: 1,
  tekst,
  programma: `Programma ${dataset.program.naam} ${dataset.program.regio}`
})
const ul = (items: ReadonlyArray<string>): ReadonlyArray<Blok> =>
  items.length === 0 ? [] : [{ soort: "lijst", items }]

const baatNaam = (din: Din.Din, baat: Din.BaatId): string => {
  const b = din.baten.find((x) => x.id === baat)
  return b === undefined ? baat : Rollup.baatTitel(b)
}

const statusLabel = (status: Progress.Status): string => Progress.statusLabel[status]

/**
 * The title of a look-back, naming the date it judges on: "Terugblik 2025 — peildatum 2 december 2026".
 *
 * @since 0.2.0
 * @category formatting
 */
export const terugblikTitel = (jaar: number, peildatum: Periode.Datum): string =>
  `Terugblik ${jaar} — peildatum ${Periode.datumLabel(peildatum)}`

/** The look-back on `jaar`: per doel (baat) its monitoring agreements with result, status and explanation. */
const terugblikBlokken = (
  dataset: Dataset.Dataset,
  jaar: number,
  peildatum: Periode.Datum,
  niveau: 1 | 2
): ReadonlyArray<Blok> => {
  const indicatoren = dataset.indicatoren.filter((i) => i.jaar === jaar)
  // The verdicts of `dvcc status`, from the one place every output takes them.
  const { programma, indicatoren: voortgang } = Status.ofYear(dataset, jaar, peildatum)
  const sub = (niveau + 1) as 2 | 3
  const blokken: Array<Blok> = [
    niveau === 1
      ? titel(dataset, terugblikTitel(jaar, peildatum))
      : h(niveau, terugblikTitel(jaar, peildatum)),
    p(
      `Per doel de voortgang op de monitoringsafspraken van ${jaar}, beoordeeld op ${Periode.datumLabel(peildatum)} volgens de voortgangsregels van het programma. Programma als geheel: ${programma.uitleg}.`
    ),
    ...programma.doelen.map((doel) => p(`${Rollup.doelTitel(doel)}: ${doel.uitleg}.`))
  ]
  const din = Din.geldendVoor(dataset.program, jaar)
  for (const baat of din.baten) {
    const eigen = voortgang.filter((v) => v.baat === baat.id)
    const samenvatting = programma.doelen.flatMap((d) => d.baten).find((b) => b.baat === baat.id)
    blokken.push(h(sub, baatNaam(din, baat.id)))
    if (eigen.length === 0) {
      blokken.push(p(`Geen monitoringsafspraken voor dit doel in ${jaar}.`))
      continue
    }
    if (samenvatting !== undefined) blokken.push(p(`Status: ${samenvatting.uitleg}.`))
    blokken.push({
      soort: "tabel",
      bijschrift: `Monitoringsafspraken ${jaar}, ${baatNaam(din, baat.id)}`,
      koppen: ["Monitoringsafspraak", "Resultaat", "Status", "Toelichting"],
      rijen: eigen.map((v) => {
        const indicator = indicatoren.find((i) => i.id === v.indicator)
        const gemeten =
          v.cijfers.gemeten === null
            ? "nog geen meting"
            : `${formatGetal(v.cijfers.gemeten)} ${indicator?.eenheid ?? ""}`.trim()
        const signaal = v.signaal === null ? "" : ` ${v.signaal.uitleg}`
        return [v.tekst, gemeten, statusLabel(v.status), `${v.uitleg}${signaal}`]
      })
    })
  }
  return blokken
}

const formatGetal = (n: number): string => Getal.format(n, 1)

/**
 * The blocks of the year plan of `jaar`, with the look-back on the year before as annex 2 when that year
 * has monitoring agreements.
 *
 * @since 0.1.0
 * @category constructors
 */
export const jaarplanBlokken = (
  dataset: Dataset.Dataset,
  plan: CoreJaarplan.Jaarplan,
  peildatumTerugblik: Periode.Datum
): ReadonlyArray<Blok> => {
  const { program } = dataset
  const din = Din.geldendVoor(program, plan.jaar)
  const indicatoren = dataset.indicatoren.filter((i) => i.jaar === plan.jaar)
  const acties = [...plan.acties].sort((a, b) => a.nummer - b.nummer)
  const blokken: Array<Blok> = [
    titel(dataset, plan.titel),
    {
      soort: "velden",
      velden: [
        ["Van", program.naam],
        ["Datum", Periode.datumLabel(plan.datum)],
        ["Status", plan.documentStatus]
      ]
    },
    h(2, "Wat is er aan de hand?"),
    ...plan.situatie.map(p),
    h(2, "Wat willen we bereiken?"),
    p(din.ambitie),
    p("De ambitie is uitgewerkt in deze operationele doelen:"),
    { soort: "lijst", genummerd: true, items: din.baten.map((b) => b.naam) },
    h(2, `Wat gaan we daarvoor doen in ${plan.jaar}?`),
    ...ul(plan.focus)
  ]
  for (const baat of din.baten) {
    blokken.push(h(2, baatNaam(din, baat.id)))
    const toelichting = plan.batenToelichting.find((t) => t.baat === baat.id)
    if (toelichting !== undefined) blokken.push(p(toelichting.tekst))
    const eigen = acties.filter((a) => a.baten.includes(baat.id))
    blokken.push(h(3, "Acties"))
    blokken.push(
      ...(eigen.length === 0
        ? [p("Geen acties voor dit doel.")]
        : ul(eigen.map((a) => `Actie ${a.nummer}: ${a.titel}`)))
    )
    blokken.push(h(3, "Monitoring- en outputafspraak"))
    const afspraken = indicatoren.filter((i) => i.baat === baat.id)
    blokken.push(
      ...(afspraken.length === 0
        ? [p("Geen monitoringsafspraak vastgelegd.")]
        : ul(
            afspraken.map(
              (i) =>
                `${i.tekst} (bron: ${Bron.bronLabel[i.bron]}${i.verwachtOp === null ? "" : `, verwacht ${Periode.datumLabel(i.verwachtOp)}`})`
            )
          ))
    )
  }
  blokken.push({ soort: "pagina" }, h(2, "Bijlage 1: De acties"))
  for (const actie of acties) {
    blokken.push(h(3, `Actie ${actie.nummer}: ${actie.titel}`))
    const voorganger =
      actie.voorganger === null
        ? undefined
        : dataset.jaarplannen
            .find((j) => j.jaar === actie.voorganger?.jaar)
            ?.acties.find((a) => a.id === actie.voorganger?.id)
    blokken.push({
      soort: "velden",
      velden: [
        ["Coördinatie", actie.coordinatie.join(", ") || "—"],
        ["In samenwerking met", actie.inSamenwerkingMet.join(", ") || "—"],
        ["Status", CoreJaarplan.statusLabel(actie.status)],
        ["Doel", actie.doel],
        ["Output", actie.outputs.join(" · ") || "—"],
        ["Beoogd resultaat", actie.beoogdeResultaten.map((r) => r.tekst).join(" · ") || "—"],
        ["Aandachtspunten", actie.aandachtspunten.join(" · ") || "—"],
        ["Draagt bij aan", actie.baten.map((b) => baatNaam(din, b)).join("; ")],
        [
          "Vervolg op",
          voorganger === undefined
            ? "nieuw in dit jaarplan"
            : `actie ${voorganger.nummer} van ${voorganger.jaar}: ${voorganger.titel}`
        ]
      ]
    })
  }
  const vorigJaar = plan.jaar - 1
  if (dataset.indicatoren.some((i) => i.jaar === vorigJaar)) {
    blokken.push({ soort: "pagina" }, h(2, `Bijlage 2: Terugblik ${vorigJaar}`))
    blokken.push(...terugblikBlokken(dataset, vorigJaar, peildatumTerugblik, 2).slice(1))
  }
  return blokken
}

/**
 * The blocks of the look-back on `jaar` on `peildatum`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const terugblik = (
  dataset: Dataset.Dataset,
  jaar: number,
  peildatum: Periode.Datum
): ReadonlyArray<Blok> => terugblikBlokken(dataset, jaar, peildatum, 1)

// ---------------------------------------------------------------------------------------------------------
// rendering
// ---------------------------------------------------------------------------------------------------------

const mdTekst = (s: string): string => s.replace(/([\\`*_[\]|<>])/g, "\\$1")

/**
 * Markdown for a document: headings, paragraphs, lists, tables and field lists.
 *
 * @since 0.1.0
 * @category rendering
 */
export const markdown = (blokken: ReadonlyArray<Blok>): string =>
  `${blokken.flatMap(blokMarkdown).join("\n\n")}\n`

const blokMarkdown = (b: Blok): Array<string> => {
  switch (b.soort) {
    case "kop":
      return [`${"#".repeat(b.niveau)} ${mdTekst(b.tekst)}`]
    case "alinea":
      return [mdTekst(b.tekst)]
    case "lijst":
      return [b.items.map((i, n) => `${b.genummerd === true ? `${n + 1}.` : "-"} ${mdTekst(i)}`).join("\n")]
    case "velden":
      return [b.velden.map(([k, v]) => `- **${mdTekst(k)}:** ${mdTekst(v)}`).join("\n")]
    case "tabel":
      return [
        [
          `| ${b.koppen.map(mdTekst).join(" | ")} |`,
          `| ${b.koppen.map(() => "---").join(" | ")} |`,
          ...b.rijen.map((r) => `| ${r.map((c) => mdTekst(c).replaceAll("\n", " ")).join(" | ")} |`)
        ].join("\n")
      ]
    case "pagina":
      return []
  }
}

/**
 * A self-contained HTML document (NL Design System styles inlined), A4 in print; `voet` on every page.
 *
 * @since 0.1.0
 * @category rendering
 */
export const html = (titel: string, blokken: ReadonlyArray<Blok>, voet: string): string =>
  document(titel, `${blokken.map(blokHtml).join("\n")}\n<div class="bron">${alinea(esc(voet))}</div>`, voet)

const blokHtml = (b: Blok): string => {
  switch (b.soort) {
    case "kop":
      return b.niveau === 1
        ? `<header class="kop">${b.programma === undefined ? "" : `<p class="soort">${esc(b.programma)}</p>`}<h1 class="utrecht-heading-1">${esc(b.tekst)}</h1></header>`
        : b.niveau === 2
          ? kop2(b.tekst)
          : kop3(b.tekst)
    case "alinea":
      return alinea(esc(b.tekst))
    case "lijst":
      return b.genummerd === true
        ? `<ol class="utrecht-ordered-list">${b.items.map((i) => `<li class="utrecht-ordered-list__item">${esc(i)}</li>`).join("")}</ol>`
        : lijst(b.items.map(esc))
    case "velden":
      return `<dl class="velden">${b.velden.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join("")}</dl>`
    case "tabel":
      return tabel(
        b.bijschrift,
        b.koppen.map((k) => ({ kop: k })),
        b.rijen.map((r) => r.map(esc))
      )
    case "pagina":
      return `<div class="nieuwe-pagina"></div>`
  }
}

/**
 * A document in the format asked for.
 *
 * @since 0.1.0
 * @category rendering
 */
export const render = (
  formaat: Formaat,
  titel: string,
  blokken: ReadonlyArray<Blok>,
  voet: string
): string =>
  formaat === "md" ? `${markdown(blokken)}\n---\n\n${mdTekst(voet)}\n` : html(titel, blokken, voet)
