/**
 * The CSS every report inlines: the NL Design System components it uses (from
 * `@utrecht/component-library-css`), the design tokens those rules refer to (from `@utrecht/design-tokens`,
 * only the ones reached), and the report's own A4 and screen layout. Built once per process.
 */
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)
const read = (specifier: string): string => readFileSync(require.resolve(specifier), "utf8")

/** The component blocks the reports use. */
export const componenten = [
  "document",
  "heading-1",
  "heading-2",
  "heading-3",
  "paragraph",
  "table",
  "unordered-list",
  "ordered-list",
  "link",
  "separator",
  "page-footer"
]

const selectorOf = (names: ReadonlyArray<string>) =>
  new RegExp(`\\.utrecht-(?:${names.join("|")})(?=--|__|[^a-z0-9_-]|$)`)

interface Blok {
  readonly kop: string
  readonly inhoud: string | null
}

/** Top-level statements of a stylesheet: `kop { inhoud }`, or `kop;` (inhoud `null`). */
const blokken = (css: string): Array<Blok> => {
  const uit: Array<Blok> = []
  const zonderCommentaar = css.replace(/\/\*[\s\S]*?\*\//g, "")
  let i = 0
  while (i < zonderCommentaar.length) {
    const open = zonderCommentaar.indexOf("{", i)
    const puntkomma = zonderCommentaar.indexOf(";", i)
    if (open === -1) break
    if (puntkomma !== -1 && puntkomma < open && zonderCommentaar.slice(i, puntkomma).trim().startsWith("@")) {
      uit.push({ kop: zonderCommentaar.slice(i, puntkomma).trim(), inhoud: null })
      i = puntkomma + 1
      continue
    }
    let diepte = 1
    let j = open + 1
    while (j < zonderCommentaar.length && diepte > 0) {
      const c = zonderCommentaar[j]
      if (c === "{") diepte++
      else if (c === "}") diepte--
      j++
    }
    uit.push({ kop: zonderCommentaar.slice(i, open).trim(), inhoud: zonderCommentaar.slice(open + 1, j - 1) })
    i = j
  }
  return uit
}

const filter = (css: string, componentSelector: RegExp): string =>
  blokken(css)
    .flatMap((b) => {
      if (b.inhoud === null) return []
      if (b.kop.startsWith("@media") || b.kop.startsWith("@supports")) {
        const binnen = filter(b.inhoud, componentSelector)
        return binnen === "" ? [] : [`${b.kop}{${binnen}}`]
      }
      if (b.kop.startsWith("@")) return []
      // keep only the selectors of a list that name one of the components
      const selectors = b.kop
        .split(",")
        .filter((s) => componentSelector.test(s) && !s.includes(".utrecht-rich-text"))
      return selectors.length === 0 ? [] : [`${selectors.join(",")}{${b.inhoud.trim()}}`]
    })
    .join("\n")

/** The token declarations reached from `css` through `var(--…)`, as one `.utrecht-theme` rule. */
const tokens = (css: string, theme: string): string => {
  const declaraties = new Map<string, string>()
  for (const m of theme.matchAll(/(--[a-z][a-z0-9-]*)\s*:\s*([^;]+);/g)) {
    if (m[1] !== undefined && m[2] !== undefined) declaraties.set(m[1], m[2].trim())
  }
  const nodig = new Set<string>()
  const bezoek = (tekst: string) => {
    for (const m of tekst.matchAll(/var\(\s*(--[a-z][a-z0-9-]*)/g)) {
      const naam = m[1]
      if (naam === undefined || nodig.has(naam)) continue
      const waarde = declaraties.get(naam)
      if (waarde === undefined) continue
      nodig.add(naam)
      bezoek(waarde)
    }
  }
  bezoek(css)
  return `.utrecht-theme{${[...nodig].map((n) => `${n}:${declaraties.get(n)};`).join("")}}`
}

/** The report's own layout: A4 pages in print, a readable column on screen. */
export const opmaak = `
:root{color-scheme:light}
html{background:#eef1f4}
body{margin:0}
.rapport{box-sizing:border-box;max-width:210mm;margin:0 auto;background:#fff;padding:14mm 15mm 10mm;font-size:0.9rem}
.rapport *{box-sizing:border-box}
.kop{border-block-end:4px solid #24578f;padding-block-end:0.5rem;margin-block-end:1rem}
.kop .soort{text-transform:uppercase;letter-spacing:0.06em;font-size:0.75rem;font-weight:700;color:#24578f;margin:0}
.kop h1{margin-block:0.2rem 0.1rem}
.kop .ondertitel{margin:0;color:#333}
.label-publiek{display:inline-block;border:1px solid #8a2020;color:#8a2020;font-weight:700;font-size:0.75rem;padding:0.05rem 0.4rem;border-radius:3px;margin-inline-start:0.4rem;vertical-align:middle}
section{margin-block-end:1.1rem}
h2.utrecht-heading-2{font-size:1.2rem;margin-block:0.9rem 0.4rem;color:#1b3f69}
h3.utrecht-heading-3{font-size:1rem;margin-block:0.6rem 0.3rem}
.kengetallen{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:0.5rem;margin:0;padding:0;list-style:none}
.kengetal{border:1px solid #c7d1dc;border-block-start:4px solid #24578f;padding:0.45rem 0.55rem;background:#f7f9fb;min-width:0}
.kengetal .naam{font-size:0.8rem;font-weight:700;color:#1b3f69;margin:0}
.kengetal .waarde{font-size:1.45rem;font-weight:700;margin:0.1rem 0;overflow-wrap:anywhere}
.kengetal .verschil{font-size:0.75rem;margin:0;color:#222}
.twee-kolommen{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:0.9rem}
.rapport table.utrecht-table{width:100%;font-size:0.8rem;border-collapse:collapse;margin-block:0.3rem 0.6rem;table-layout:auto}
.rapport .utrecht-table__header-cell,.rapport .utrecht-table__cell{padding:0.2rem 0.35rem;vertical-align:top}
.rapport .utrecht-table__header-cell{background:#e4ebf2;color:#10253d;text-align:start}
.rapport .utrecht-table__header-cell--numeric{text-align:end}
.rapport .utrecht-table__cell--numeric{text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap}
.rapport tr{break-inside:avoid}
.rapport .utrecht-table__header-cell,.rapport .utrecht-table__cell{padding-block:0.12rem;padding-inline:0.35rem;line-height:1.3;min-block-size:0;block-size:auto}
.rapport .utrecht-paragraph,.rapport .utrecht-unordered-list{font-size:inherit}
.rapport .utrecht-paragraph{margin-block:0 0.45rem}
.rapport .bron .utrecht-paragraph{font-size:0.7rem}
.rapport .utrecht-table__row--totaal .utrecht-table__cell{font-weight:700;border-block-start:2px solid #10253d}
.rapport caption{text-align:start;font-weight:700;font-size:0.8rem;padding-block-end:0.2rem;color:#1b3f69}
figure.grafiek{margin:0.2rem 0 0.4rem}
figure.grafiek svg{display:block;max-width:100%;height:auto}
figure.grafiek figcaption{font-size:0.75rem;color:#333}
.suggestie{border-inline-start:4px solid #b35c00;background:#fff7ee;padding:0.35rem 0.6rem;margin-block-end:0.45rem}
.suggestie h3{margin:0 0 0.15rem}
.suggestie p{margin:0.1rem 0}
.klein{font-size:0.75rem;color:#333}
.bron{font-size:0.7rem;color:#333;border-block-start:1px solid #c7d1dc;padding-block-start:0.3rem;margin-block-start:0.8rem}
.bron p{margin:0.1rem 0}
.afgeschermd{font-style:italic}
.kolommen{columns:3 12rem}
.velden{display:grid;grid-template-columns:minmax(0,10rem) minmax(0,1fr);gap:0.15rem 0.8rem;margin:0 0 0.8rem;font-size:0.85rem}
.velden dt{font-weight:700;color:#1b3f69}
.velden dd{margin:0}
.rapport a{color:#1b4f8a}
@media screen and (max-width:640px){.kengetallen{grid-template-columns:repeat(2,minmax(0,1fr))}.twee-kolommen{grid-template-columns:minmax(0,1fr)}}
@media print{
  html{background:#fff}
  .rapport{max-width:none;padding:0;margin:0;font-size:9.5pt}
  figure,.suggestie,.kengetal,.kengetallen{break-inside:avoid}
  h2,h3{break-after:avoid}
  .nieuwe-pagina{break-before:page}
  a{text-decoration:none;color:inherit}
}
`

/**
 * A stylesheet of the NL Design System components `names` (their rules from
 * `@utrecht/component-library-css`), the design tokens they and `own` reach, and `own`: what every HTML
 * page of dvcc, report or web page, is styled with.
 */
export const stylesheetOf = (names: ReadonlyArray<string>, own: string): string => {
  const componentCss = filter(read("@utrecht/component-library-css/dist/index.css"), selectorOf(names))
  const themeCss = tokens(`${componentCss}\n${own}`, read("@utrecht/design-tokens/dist/theme.css"))
  return `${themeCss}\n${componentCss}\n${own}`
}

let cache: string | undefined

/**
 * The whole stylesheet of a report.
 */
export const stylesheet = (): string => {
  if (cache === undefined) cache = stylesheetOf(componenten, opmaak)
  return cache
}
