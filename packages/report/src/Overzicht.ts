/**
 * The pages of `dvcc report informatiebeeld --all` besides the gemeente reports: the region and district
 * overview (the regio's informatiebeeld with every gemeente and district side by side) and the index page.
 *
 * @since 0.1.0
 */
import { Geography, Periode, Suppression } from "@dvcc/core"
import { Effect } from "effect"
import {
  bronnen,
  type Gegevens,
  maakBeeld,
  type Opties,
  publicatieVan,
  rapport,
  renderRapport
} from "./Informatiebeeld.ts"
import { alinea, document, esc, kop2, tabel } from "./internal/Html.ts"
import {
  aantal,
  afgeleidHtml,
  capitalize,
  celHtml,
  formatVan,
  naamMetDekking,
  perTienduizend
} from "./internal/Opmaak.ts"

/**
 * Where each gemeente's report was written, relative to the overview (`GM0344 → utrecht-2025-Q3.html`).
 *
 * @since 0.1.0
 * @category models
 */
export type Bestanden = ReadonlyMap<string, string>

interface Eenheid {
  readonly naam: string
  readonly gebied: Geography.Gebied
  readonly link: string | undefined
}

const maten = ["aangiften", "slachtoffers"] as const

/** A table of units with their published totals, the regio as the last row. */
const eenhedenTabel = (
  gegevens: Gegevens,
  opties: Opties,
  tekst: { readonly bijschrift: string; readonly kop: string; readonly id: string },
  eenheden: ReadonlyArray<Eenheid>
): string => {
  // every total through the one publication: the districts, the gemeenten and their reports together
  const publicatie = publicatieVan(gegevens, opties)
  const rij = (naam: string, gebied: Geography.Gebied) => {
    const b = maakBeeld(gegevens, gebied, opties.periode)
    const [aangiften, slachtoffers] = maten.map((m) => Suppression.kengetal(b, "totaal", m, publicatie))
    return [
      b.dekking === null ? naam : `${naam} ${esc(naamMetDekking("", b).trim())}`,
      celHtml(aangiften?.waarde ?? null, formatVan(b, aantal)),
      afgeleidHtml(aangiften?.perTienduizend ?? null, perTienduizend),
      celHtml(slachtoffers?.waarde ?? null, formatVan(b, aantal)),
      afgeleidHtml(slachtoffers?.perTienduizend ?? null, perTienduizend)
    ]
  }
  const rijen = [
    ...eenheden.map((e) =>
      rij(
        e.link === undefined
          ? esc(e.naam)
          : `<a class="utrecht-link" href="${esc(e.link)}">${esc(e.naam)}</a>`,
        e.gebied
      )
    ),
    rij(esc(capitalize(Geography.gebiedLabel(gegevens.regio, Geography.regio))), Geography.regio)
  ]
  return tabel(
    tekst.bijschrift,
    [
      { kop: tekst.kop },
      { kop: "Aangiften", numeriek: true },
      { kop: "Aangiften per 10.000", numeriek: true },
      { kop: "Slachtoffers", numeriek: true },
      { kop: "Slachtoffers per 10.000", numeriek: true }
    ],
    rijen,
    { totaalRij: true, id: tekst.id }
  )
}

const gemeenten = (gegevens: Gegevens, bestanden: Bestanden): ReadonlyArray<Eenheid> =>
  [...gegevens.regio.gemeenten]
    .sort((a, b) => a.naam.localeCompare(b.naam, "nl"))
    .map((g) => ({ naam: g.naam, gebied: { niveau: "gemeente", code: g.code }, link: bestanden.get(g.code) }))

/**
 * The region and district overview: the regio's informatiebeeld, then every district and gemeente with
 * its totals (linking to the gemeente's report).
 *
 * @since 0.1.0
 * @category rendering
 */
export const renderOverzicht = (
  gegevens: Gegevens,
  opties: Opties,
  bestanden: Bestanden
): Effect.Effect<string> =>
  Effect.gen(function* () {
    const r = rapport(gegevens, Geography.regio, opties)
    const label = Periode.label(opties.periode)
    const districten =
      gegevens.regio.districten.length === 0
        ? alinea(
            "De districtsindeling van de gemeenten is onbekend in de gegevens: een overzicht per district volgt zodra die is vastgelegd."
          )
        : eenhedenTabel(
            gegevens,
            opties,
            { bijschrift: `Districten, ${label}`, kop: "District", id: "districten-tabel" },
            gegevens.regio.districten.map((d) => ({
              naam: d.naam,
              gebied: { niveau: "district", id: d.id },
              link: undefined
            }))
          )
    const extra = `<section aria-labelledby="districten">${kop2("Per district", "districten")}${districten}</section><section aria-labelledby="gemeenten">${kop2("Per gemeente", "gemeenten")}${eenhedenTabel(
      gegevens,
      opties,
      {
        bijschrift: `Gemeenten, ${label}; de naam leidt naar het informatiebeeld van de gemeente`,
        kop: "Gemeente",
        id: "gemeenten-tabel"
      },
      gemeenten(gegevens, bestanden)
    )}</section>`
    return yield* renderRapport(r, opties, extra)
  })

/**
 * The index page of `--all`: the overview and every gemeente's report.
 *
 * @since 0.1.0
 * @category rendering
 */
export const renderIndex = (
  gegevens: Gegevens,
  opties: Opties,
  overzicht: string,
  bestanden: Bestanden,
  /** The gemeenten without registrations for the period (`Dekking.zonderRegistraties`), named on the page. */
  zonder: ReadonlyArray<Geography.Gemeente> = []
): string => {
  const r = rapport(gegevens, Geography.regio, opties)
  const voet = bronnen(r, opties)
  const label = Periode.label(opties.periode)
  const items = gemeenten(gegevens, bestanden)
    .filter((g) => g.link !== undefined)
    .map(
      (g) =>
        `<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="${esc(g.link ?? "")}">${esc(g.naam)}</a></li>`
    )
  const inhoud = `<header class="kop"><p class="soort">Informatiebeelden online criminaliteit</p><h1 class="utrecht-heading-1">${esc(gegevens.regio.naam)}, ${esc(label)}</h1><p class="ondertitel">${esc(`${items.length} gemeenten`)} · ${opties.publiek ? "versie voor de gemeenten (kleine aantallen afgeschermd)" : "interne versie"}</p></header>
<section aria-labelledby="overzicht">${kop2("Regio en districten", "overzicht")}${alinea(`<a class="utrecht-link" href="${esc(overzicht)}">Overzicht van de regio, de districten en alle gemeenten</a>`)}</section>
${zonderSectie(zonder, gegevens.regio.gemeenten.length, opties.periode)}<section aria-labelledby="per-gemeente">${kop2("Informatiebeeld per gemeente", "per-gemeente")}<ul class="utrecht-unordered-list kolommen">${items.join("")}</ul></section>
<div class="bron">${alinea(esc(voet))}</div>`
  return document(`Informatiebeelden ${gegevens.regio.naam} ${label}`, inhoud, voet)
}

/** The index's note on the gemeenten without registrations, empty when there are none. */
const zonderSectie = (zonder: ReadonlyArray<Geography.Gemeente>, totaal: number, periode: Periode.Periode) =>
  zonder.length === 0
    ? ""
    : `<section aria-labelledby="zonder">${kop2(`Zonder registraties in ${Periode.label(periode)}`, "zonder")}${alinea(esc(`Voor ${zonder.length} van de ${totaal} gemeenten zijn geen registraties vastgelegd: ${zonder.map((g) => g.naam).join(", ")}. Hun pagina zegt dat; zolang hun registraties ontbreken, tellen de cijfers van de regio en de districten alleen de gemeenten met registraties (“minstens”, met het aantal gemeenten erbij), of zijn ze onbekend.`))}</section>
`
