/**
 * Small HTML helpers: escaping, NL Design System tables and the page frame every report shares.
 */
import { stylesheet } from "./Stylesheet.ts"

/** Escapes text for HTML content and attribute values. */
export const esc = (text: string): string =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;")

/** A table cell: text (escaped), numeric cells aligned right. */
export interface Kolom {
  readonly kop: string
  readonly numeriek?: boolean
}

/**
 * An NL Design System table with a caption; `rijen` hold already escaped HTML; the last row is the totaal
 * when `totaalRij` is set.
 */
export const tabel = (
  bijschrift: string,
  kolommen: ReadonlyArray<Kolom>,
  rijen: ReadonlyArray<ReadonlyArray<string>>,
  opties: { readonly totaalRij?: boolean; readonly id?: string } = {}
): string => {
  const kop = kolommen
    .map(
      (k) =>
        `<th scope="col" class="utrecht-table__header-cell${k.numeriek ? " utrecht-table__header-cell--numeric" : ""}">${esc(k.kop)}</th>`
    )
    .join("")
  const body = rijen
    .map((rij, r) => {
      const totaal = opties.totaalRij === true && r === rijen.length - 1
      const cellen = rij
        .map((cel, c) => {
          const numeriek = kolommen[c]?.numeriek === true
          if (c === 0) return `<th scope="row" class="utrecht-table__cell">${cel}</th>`
          return `<td class="utrecht-table__cell${numeriek ? " utrecht-table__cell--numeric" : ""}">${cel}</td>`
        })
        .join("")
      return `<tr class="utrecht-table__row${totaal ? " utrecht-table__row--totaal" : ""}">${cellen}</tr>`
    })
    .join("")
  return `<table class="utrecht-table"${opties.id === undefined ? "" : ` id="${esc(opties.id)}"`}><caption class="utrecht-table__caption">${esc(bijschrift)}</caption><thead class="utrecht-table__header"><tr class="utrecht-table__row">${kop}</tr></thead><tbody class="utrecht-table__body">${body}</tbody></table>`
}

/** A bulleted list of already escaped HTML items. */
export const lijst = (items: ReadonlyArray<string>): string =>
  `<ul class="utrecht-unordered-list">${items.map((i) => `<li class="utrecht-unordered-list__item">${i}</li>`).join("")}</ul>`

export const alinea = (html: string, klasse = ""): string =>
  `<p class="utrecht-paragraph${klasse === "" ? "" : ` ${klasse}`}">${html}</p>`

export const kop2 = (tekst: string, id?: string): string =>
  `<h2 class="utrecht-heading-2"${id === undefined ? "" : ` id="${esc(id)}"`}>${esc(tekst)}</h2>`

export const kop3 = (tekst: string): string => `<h3 class="utrecht-heading-3">${esc(tekst)}</h3>`

/** A CSS string literal of plain text. */
const cssString = (text: string): string =>
  `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", " ").replaceAll("<", "\\3c ")}"`

/**
 * A whole self-contained document: inline CSS, no scripts, no external resources. `voet` (plain text) is
 * printed at the foot of every page, with the page number.
 */
export const document = (titel: string, inhoud: string, voet: string): string =>
  `<!doctype html>
<html lang="nl" class="utrecht-theme">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(titel)}</title>
<style>${stylesheet()}
@page{size:A4;margin:12mm 13mm 17mm;@bottom-left{content:${cssString(voet)};font:6.5pt Arial,sans-serif;color:#333;vertical-align:top;padding-top:2mm}@bottom-right{content:"pagina " counter(page) " van " counter(pages);font:6.5pt Arial,sans-serif;color:#333;vertical-align:top;padding-top:2mm;width:22mm}}</style>
</head>
<body class="utrecht-document utrecht-document--surface">
<main class="rapport">
${inhoud}
</main>
</body>
</html>
`

/**
 * The content of a report made by `document`: what stands inside its `<main class="rapport">`, to show a
 * report inside another page (the web application) under that page's own stylesheet (`stylesheet()`).
 */
export const inhoudVan = (html: string): string => {
  const begin = html.indexOf('<main class="rapport">\n')
  const einde = html.lastIndexOf("\n</main>")
  return begin === -1 || einde < begin ? "" : html.slice(begin + '<main class="rapport">\n'.length, einde)
}
