/**
 * Which gemeenten have police registrations for a period, and what a report says for those that have none:
 * a short page instead of pages of "onbekend", and a summary for the index and the command line.
 *
 * @since 0.1.0
 */
import { type Geography, Periode } from "@dvcc/core"
import type { Gegevens, Opties } from "./Informatiebeeld.ts"
import { alinea, document, esc } from "./internal/Html.ts"

/**
 * The gemeenten of the region without a registration about themselves in a period that overlaps `periode`,
 * in the region's order.
 *
 * @since 0.1.0
 * @category coverage
 */
export const zonderRegistraties = (
  gegevens: Gegevens,
  periode: Periode.Periode
): ReadonlyArray<Geography.Gemeente> => {
  const met = new Set<string>()
  for (const r of gegevens.registraties) {
    if (r.gebied.niveau !== "gemeente") continue
    if (Periode.bevat(periode, r.periode) || Periode.bevat(r.periode, periode)) met.add(r.gebied.code)
  }
  return gegevens.regio.gemeenten.filter((g) => !met.has(g.code))
}

/**
 * `geen registraties voor 32 van de 38 gemeenten in 2025 Q3: Amersfoort, Baarn, …`, or `undefined` when
 * every gemeente has registrations.
 *
 * @since 0.1.0
 * @category formatting
 */
export const samenvatting = (
  zonder: ReadonlyArray<Geography.Gemeente>,
  totaal: number,
  periode: Periode.Periode
): string | undefined =>
  zonder.length === 0
    ? undefined
    : `geen registraties voor ${zonder.length} van de ${totaal} gemeenten in ${Periode.label(periode)}: ${zonder.map((g) => g.naam).join(", ")}`

/**
 * The short page of a gemeente without registrations for the period: it says so and what to do, and links
 * to the overview.
 *
 * @since 0.1.0
 * @category rendering
 */
export const renderGeenRegistraties = (gemeente: Geography.Gemeente, opties: Opties): string => {
  const label = Periode.label(opties.periode)
  const voet = `Informatiebeeld online criminaliteit, ${gemeente.naam}, ${label}. Gemaakt op ${Periode.datumLabel(opties.gemaakt)}; gegevens tot en met ${Periode.datumLabel(opties.standGegevens)}.`
  const inhoud = `<header class="kop"><p class="soort">Informatiebeeld online criminaliteit</p><h1 class="utrecht-heading-1">${esc(gemeente.naam)}, ${esc(label)}</h1></header>
${alinea(esc(`Voor ${gemeente.naam} zijn geen registraties vastgelegd voor ${label}. Daarom is er voor deze periode geen informatiebeeld van de gemeente: zonder registraties is elk cijfer onzeker.`))}
${alinea(esc("Importeer de registraties van de politie (dvcc import) en maak het rapport opnieuw."))}
${opties.overzicht === undefined ? "" : alinea(`<a class="utrecht-link" href="${esc(opties.overzicht)}">Naar het overzicht van de regio</a>`)}
<div class="bron">${alinea(esc(voet))}</div>`
  return document(`Informatiebeeld ${gemeente.naam} ${label}`, inhoud, voet)
}
