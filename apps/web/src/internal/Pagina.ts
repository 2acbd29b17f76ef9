/**
 * What the reading pages share: the session check, the answers for no access and for an address that
 * names nothing the reader may see (one 404 for both, so that it never tells whether something outside the
 * reader's scope exists), the reader's `Access.Visibility`, and the GET form to choose a year plan.
 */
import { Access, type Dataset, Periode } from "@dvcc/core"
import { Html } from "@dvcc/report"
import type { Sessions } from "@dvcc/store"
import type { Effect } from "effect"
import type { Context, MiddlewareHandler } from "hono"
import { page } from "../Layout.ts"
import type { Services, WebEnv } from "../Web.ts"

const { esc } = Html

/** How a page runs an effect on the app's runtime. */
export type Run = <A, E>(effect: Effect.Effect<A, E, Services>) => Promise<A>

/** Every page needs a session; without one, the sign-in page. */
export const signedIn: MiddlewareHandler<WebEnv> = async (c, next) => {
  if (c.get("session") === undefined) return c.redirect("/inloggen", 303)
  await next()
}

/** The session of a page behind `signedIn`, when it may take `actie`; else the 403 page to answer with. */
export const toegang = (
  c: Context<WebEnv>,
  actie: Access.Actie
): { readonly session: Sessions.Session } | { readonly weigering: Response } => {
  const session = c.get("session")
  if (session !== undefined && Access.allows(session.principal, actie)) return { session }
  return {
    weigering: c.html(page("Geen toegang", Html.alinea("U mag deze pagina niet zien."), { session }), 403)
  }
}

/** The one answer for an address that names nothing, or nothing this reader may see. */
export const nietGevonden = (c: Context<WebEnv>, session: Sessions.Session, actief: string): Response =>
  c.html(
    page(
      "Niet gevonden",
      `<h1 class="utrecht-heading-1">Niet gevonden</h1>${Html.alinea("Deze pagina bestaat niet, of u mag haar niet zien.")}${Html.alinea(`<a class="utrecht-link" href="${esc(actief)}">Terug</a>`)}`,
      { session, actief }
    ),
    404
  )

/** What the reader may see in detail: core's one rule over the region's gemeenten as they are grouped now. */
export const zichtbaarheid = (session: Sessions.Session, dataset: Dataset.Dataset): Access.Visibility =>
  Access.visibility(session.principal, dataset.regio.gemeenten)

/** The year plans, newest last. */
export const jarenVan = (dataset: Dataset.Dataset): ReadonlyArray<number> =>
  dataset.jaarplannen.map((p) => p.jaar).sort((a, b) => a - b)

/** The year asked for in `?jaar=` when a plan has it, else the newest; `fout` when the request named none. */
export const gekozenJaar = (
  gevraagd: string | undefined,
  jaren: ReadonlyArray<number>
): { readonly jaar: number | undefined; readonly fout: boolean } => {
  const laatste = jaren.at(-1)
  if (gevraagd === undefined || gevraagd === "") return { jaar: laatste, fout: false }
  const jaar = /^\d{4}$/.test(gevraagd) ? Number(gevraagd) : Number.NaN
  return jaren.includes(jaar) ? { jaar, fout: false } : { jaar: laatste, fout: true }
}

/** A labelled select of options `[value, label]`. */
export const keuzelijst = (veld: {
  readonly id: string
  readonly label: string
  readonly opties: ReadonlyArray<readonly [string, string]>
  readonly gekozen: string | undefined
  readonly fout?: boolean
}): string =>
  `<div class="utrecht-form-field"><label class="utrecht-form-label" for="${esc(veld.id)}">${esc(veld.label)}</label><br><select class="utrecht-select" id="${esc(veld.id)}" name="${esc(veld.id)}"${veld.fout === true ? ' aria-invalid="true"' : ""}>${veld.opties.map(([waarde, label]) => `<option value="${esc(waarde)}"${waarde === veld.gekozen ? " selected" : ""}>${esc(label)}</option>`).join("")}</select></div>`

/** The GET form that chooses a year plan. */
export const jaarFormulier = (
  actie: string,
  jaren: ReadonlyArray<number>,
  jaar: number | undefined
): string =>
  `<form method="get" action="${esc(actie)}" class="keuze">${keuzelijst({ id: "jaar", label: "Jaarplan", opties: jaren.map((j) => [`${j}`, `Jaarplan ${j}`]), gekozen: jaar === undefined ? undefined : `${jaar}` })}<button type="submit" class="utrecht-button utrecht-button--secondary-action">Toon</button></form>`

/** A date people read: "31 december 2025". */
export const datum = (dag: Periode.Datum): string => Periode.datumLabel(dag)

/**
 * What core's `Progress.evaluateAll` needs for this reader: the peildatum, the region, the activity
 * register and the reader's sight (`zicht`), so that a count of the activity register names only the
 * activities the reader may see, as the API's routes pass it.
 */
export const voortgangContext = (
  dataset: Dataset.Dataset,
  peildatum: Periode.Datum,
  zicht: Access.Visibility
) => {
  const context = { peildatum, regio: dataset.regio, activiteiten: dataset.activiteiten, zicht }
  return context
}
