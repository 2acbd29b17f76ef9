/**
 * The one way dvcc writes HTML, shared by the reports and the web application (`apps/web`): template
 * strings with every piece of text through `esc`, NL Design System markup (`tabel`, `lijst`, headings),
 * and `stylesheetOf` for the CSS of the components a page uses, with the design tokens they reach.
 *
 * @example
 * import { Html } from "@dvcc/report"
 * Html.alinea(Html.esc("Baat 1 & 2")) // '<p class="utrecht-paragraph">Baat 1 &amp; 2</p>'
 *
 * @since 0.1.0
 */
export { alinea, esc, inhoudVan, type Kolom, kop2, kop3, lijst, tabel } from "./internal/Html.ts"
export {
  componenten as rapportComponenten,
  opmaak as rapportOpmaak,
  stylesheet as rapportStylesheet,
  stylesheetOf
} from "./internal/Stylesheet.ts"
