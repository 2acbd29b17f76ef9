/**
 * The frame of every page: the document with its one stylesheet (served by dvcc itself), a skip link, the
 * header with the signed-in user and the sign-out button, the navigation, and the main content. Written
 * with the report's HTML helpers (`@dvcc/report`'s `Html`): one way of writing HTML in the product.
 */
import { Access } from "@dvcc/core"
import { Html } from "@dvcc/report"
import type { Sessions } from "@dvcc/store"

const { esc } = Html

/** The NL Design System components the pages use; their CSS alone is served. */
const componenten = [
  "document",
  "heading-1",
  "heading-2",
  "heading-3",
  "paragraph",
  "table",
  "unordered-list",
  "link",
  "button",
  "form-field",
  "form-label",
  "form-field-description",
  "form-field-error-message",
  "textbox",
  "select",
  "textarea",
  "alert",
  "skip-link",
  "page-header",
  "page-footer",
  "nav-bar",
  "status-badge"
]

const opmaak = `
:root{color-scheme:light}
body{margin:0}
*{box-sizing:border-box}
body>.kop{display:flex;flex-wrap:wrap;gap:0.5rem 1.5rem;align-items:center;justify-content:space-between;margin:0;padding:0.75rem 1.25rem;border-block-end:4px solid #24578f;background:#fff}
body>.kop .naam{font-weight:700;color:#1b3f69;text-decoration:none;font-size:1.1rem}
body>.kop form{display:flex;flex-wrap:wrap;gap:0.75rem;align-items:center;margin:0}
nav.menu ul{display:flex;flex-wrap:wrap;gap:0.25rem 1.25rem;list-style:none;margin:0;padding:0.5rem 1.25rem;background:#e4ebf2}
nav.menu a{color:#10253d}
nav.menu a[aria-current="page"]{font-weight:700}
main{max-width:72rem;margin:0 auto;padding:1rem 1.25rem 2rem}
.smal{max-width:28rem}
.utrecht-form-field{margin-block-end:1rem}
.utrecht-textbox,.utrecht-select,.utrecht-textarea{width:100%;max-width:24rem}
.utrecht-textarea{max-width:40rem}
.utrecht-alert{border-inline-start:4px solid #b3261e;background:#fdf2f2;padding:0.5rem 0.75rem;margin-block-end:1rem}
.utrecht-alert--ok{border-color:#1f6f3f;background:#eef8f1}
table.utrecht-table{width:100%;border-collapse:collapse;margin-block-end:1.5rem}
.utrecht-table__header-cell,.utrecht-table__cell{padding:0.3rem 0.5rem;vertical-align:top;text-align:start}
.utrecht-table__header-cell{background:#e4ebf2;color:#10253d}
.utrecht-table__cell--numeric,.utrecht-table__header-cell--numeric{text-align:end;font-variant-numeric:tabular-nums}
caption{text-align:start;font-weight:700;padding-block-end:0.3rem;color:#1b3f69}
.status{font-weight:700;white-space:nowrap}
.uitleg{overflow-wrap:anywhere}
.verborgen{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.geheim{font-family:monospace;overflow-wrap:anywhere;background:#fff;padding:0.25rem 0.5rem;border:1px solid #8a8a8a;display:block}
td form{margin:0}
main section{margin-block-end:1.5rem}
figure.grafiek{margin:0 0 1rem}
figure.grafiek svg{display:block;max-width:100%;height:auto}
.keuze{display:flex;flex-wrap:wrap;gap:0.5rem 1rem;align-items:flex-end;margin-block-end:1rem}
.keuze .utrecht-form-field{margin:0}
.utrecht-select{min-height:2.5rem;padding:0.25rem 0.5rem;border:1px solid #333;background:#fff;font:inherit;max-width:100%}
.downloads{display:flex;flex-wrap:wrap;gap:0.25rem 1.25rem;list-style:none;padding:0;margin:0 0 1rem}
@media (max-width:640px){main .rapport{padding:0.5rem 0}}
@media (max-width:640px){.utrecht-table__cell,.utrecht-table__header-cell{display:block}thead{display:none}}
`

let css: string | undefined

/** The stylesheet of every page, built once from the installed NL Design System packages. */
export const stylesheet = (): string => {
  if (css === undefined) css = Html.stylesheetOf(componenten, opmaak)
  return css
}

let rapportCss: string | undefined

/**
 * What a page that shows a report (Informatiebeeld) adds to the page's stylesheet: the report's own layout
 * and the components of the report the pages do not use themselves, not the whole report stylesheet again.
 */
export const rapportStylesheet = (): string => {
  if (rapportCss === undefined)
    rapportCss = Html.stylesheetOf(
      Html.rapportComponenten.filter((c) => !componenten.includes(c)),
      Html.rapportOpmaak
    )
  return rapportCss
}

/** Where the stylesheet is served, by dvcc itself (no CDN). */
export const stylesheetPath = "/assets/dvcc.css"

/** The pages in the navigation, in order, each shown only to whom may use it. */
const menu: ReadonlyArray<{
  readonly pad: string
  readonly naam: string
  readonly mag?: (principal: Access.Principal) => boolean
}> = [
  { pad: "/voortgang", naam: "Voortgang" },
  { pad: "/acties", naam: "Acties" },
  { pad: "/gebieden", naam: "Gebieden" },
  { pad: "/informatiebeeld", naam: "Informatiebeeld" },
  { pad: "/activiteiten", naam: "Activiteiten", mag: (p) => Access.allows(p, "activiteiten:lezen") },
  { pad: "/metingen", naam: "Metingen", mag: (p) => Access.allows(p, "metingen:schrijven") },
  { pad: "/import", naam: "Import", mag: (p) => Access.allows(p, "imports:schrijven") },
  { pad: "/beheer", naam: "Beheer", mag: (p) => Access.allows(p, "tokens:beheren") }
]

/** A form field that changes something carries the CSRF token. */
export const csrfField = (token: string): string => `<input type="hidden" name="_csrf" value="${esc(token)}">`

const rolNaam: Record<Access.Rol, string> = {
  beheerder: "beheerder",
  programma: "programmabureau",
  district: "district",
  gemeente: "gemeente"
}

/** A whole page: `titel` (plain text), `inhoud` (HTML), with the header and navigation when signed in. */
export const page = (
  titel: string,
  inhoud: string,
  opties: {
    readonly session?: Sessions.Session | undefined
    readonly actief?: string
    /** Stylesheets after the page's own, served by dvcc too (the report's on Informatiebeeld). */
    readonly stylesheets?: ReadonlyArray<string>
  } = {}
): string => {
  const { session } = opties
  const kop =
    session === undefined
      ? `<header class="kop"><a class="naam" href="/">dvcc</a></header>`
      : `<header class="kop"><a class="naam" href="/">dvcc</a><form method="post" action="/uitloggen"><span>${esc(session.user.email)} (${esc(rolNaam[session.user.rol])}${session.user.scope === null ? "" : ` ${esc(Access.scopeLabel(session.user.scope))}`})</span>${csrfField(session.csrf)}<button type="submit" class="utrecht-button utrecht-button--secondary-action">Uitloggen</button></form></header>
<nav class="menu" aria-label="Hoofdmenu"><ul>${menu
          .filter((m) => m.mag === undefined || m.mag(session.principal))
          .map(
            (m) =>
              `<li><a class="utrecht-link" href="${m.pad}"${m.pad === opties.actief ? ' aria-current="page"' : ""}>${esc(m.naam)}</a></li>`
          )
          .join("")}</ul></nav>`
  return `<!doctype html>
<html lang="nl" class="utrecht-theme">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(titel)} – dvcc</title>
<link rel="stylesheet" href="${stylesheetPath}">
${(opties.stylesheets ?? []).map((href) => `<link rel="stylesheet" href="${esc(href)}">`).join("\n")}
</head>
<body class="utrecht-document utrecht-document--surface">
<a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">Naar de inhoud</a>
${kop}
<main id="inhoud">
${inhoud}
</main>
</body>
</html>
`
}

/** An error summary at the top of a form, linking to the field it is about. */
export const errorSummary = (
  fouten: ReadonlyArray<{ readonly veld: string; readonly tekst: string }>
): string =>
  fouten.length === 0
    ? ""
    : `<div class="utrecht-alert" role="alert"><h2 class="utrecht-heading-3">Er ging iets mis</h2>${Html.lijst(fouten.map((f) => `<a class="utrecht-link" href="#${esc(f.veld)}">${esc(f.tekst)}</a>`))}</div>`

/** A labelled text field. */
export const textField = (veld: {
  readonly id: string
  readonly label: string
  readonly type: "email" | "password" | "text"
  readonly autocomplete: string
  readonly waarde?: string
  readonly fout?: boolean
}): string =>
  `<div class="utrecht-form-field"><label class="utrecht-form-label" for="${esc(veld.id)}">${esc(veld.label)}</label><br><input class="utrecht-textbox${veld.fout === true ? " utrecht-textbox--invalid" : ""}" id="${esc(veld.id)}" name="${esc(veld.id)}" type="${veld.type}" autocomplete="${esc(veld.autocomplete)}" required maxlength="256"${veld.waarde === undefined ? "" : ` value="${esc(veld.waarde)}"`}${veld.fout === true ? ' aria-invalid="true"' : ""}></div>`
