/**
 * The informatiebeeld as a plain-text table, for the dashboard and for `dvcc informatiebeeld` (scripts,
 * e-mail): one row per delict type and a total, columns chosen to fit a width, then the notes and sources.
 *
 * @since 0.1.0
 */
import { Bron, type Geography, Getal, type Informatiebeeld, Money, Periode, Registration } from "@dvcc/core"

/**
 * A column: its header, whether numbers align right, and its cell for a delict row or the total.
 *
 * @since 0.1.0
 * @category models
 */
export interface Kolom {
  readonly kop: string
  readonly rechts: boolean
  readonly cel: (rij: Informatiebeeld.Totaal) => string
}

/**
 * Not known, or not computable.
 *
 * @since 0.1.0
 * @category formatting
 */
export const nietBekend = "n.b."

const aantal = (k: Informatiebeeld.Kengetal): string =>
  k.waarde === null ? nietBekend : Getal.formatMetKwalificatie(k.waarde, k.kwalificatie)

const schade = (k: Informatiebeeld.Schadegetal): string =>
  k.waarde === null
    ? nietBekend
    : `${k.kwalificatie === undefined ? "" : `${Getal.kwalificatieLabel[k.kwalificatie]} `}${Money.formatKort(k.waarde)}`

const verandering = (v: Informatiebeeld.Verandering): string => {
  if (v.procent === null) return nietBekend
  const sign = v.procent > 0 ? "+" : v.procent < 0 ? "−" : ""
  return `${sign}${Getal.format(Math.abs(v.procent), 0)}%${v.reeksbreuk ? "*" : ""}`
}

const per10k = (k: Informatiebeeld.Kengetal): string =>
  k.perTienduizend === null ? nietBekend : Getal.format(k.perTienduizend)

const rang = (r: Informatiebeeld.Rang | null): string =>
  r === null ? nietBekend : `${r.positie} van ${r.van}`

/**
 * The columns in order of importance: a narrow table keeps the first ones.
 *
 * @since 0.1.0
 * @category models
 */
export const kolommen = (beeld: Informatiebeeld.Informatiebeeld): ReadonlyArray<Kolom> => [
  { kop: "Slachtoffers", rechts: true, cel: (r) => aantal(r.slachtoffers) },
  { kop: "Per 10.000", rechts: true, cel: (r) => per10k(r.slachtoffers) },
  {
    kop: `t.o.v. ${Periode.label(beeld.vorigePeriode)}`,
    rechts: true,
    cel: (r) => verandering(r.slachtoffers.tovVorige)
  },
  { kop: "Rang", rechts: true, cel: (r) => rang(r.rang) },
  { kop: "Schade", rechts: true, cel: (r) => schade(r.schade) },
  { kop: "Aangiften", rechts: true, cel: (r) => aantal(r.aangiften) },
  { kop: "Meldingen", rechts: true, cel: (r) => aantal(r.meldingen) },
  ...(beeld.jaarEerder === beeld.vorigePeriode
    ? []
    : [
        {
          kop: `t.o.v. ${Periode.label(beeld.jaarEerder)}`,
          rechts: true,
          cel: (r: Informatiebeeld.Totaal) => verandering(r.slachtoffers.tovJaarEerder)
        }
      ])
]

const lijn = (cells: ReadonlyArray<string>, widths: ReadonlyArray<number>, rechts: ReadonlyArray<boolean>) =>
  cells
    .map((c, i) => (rechts[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
    .join("  ")
    .trimEnd()

/**
 * The table's lines: as many columns as fit in `width` (the delict name and victims always).
 *
 * @since 0.1.0
 * @category formatting
 */
export const tabelRegels = (beeld: Informatiebeeld.Informatiebeeld, width: number): Array<string> => {
  if (beeld.delicten.length === 0) return []
  const rows: Array<{ naam: string; rij: Informatiebeeld.Totaal }> = [
    ...beeld.delicten.map((d) => ({
      naam: Registration.delictLabel(d.delict),
      rij: d as Informatiebeeld.Totaal
    })),
    { naam: "Totaal", rij: beeld.totaal }
  ]
  const naamBreedte = Math.max("Delict".length, ...rows.map((r) => r.naam.length))
  const chosen: Array<Kolom> = []
  const widths: Array<number> = [naamBreedte]
  let used = naamBreedte
  for (const kolom of kolommen(beeld)) {
    const w = Math.max(kolom.kop.length, ...rows.map((r) => kolom.cel(r.rij).length))
    if (chosen.length > 0 && used + 2 + w > width) break
    chosen.push(kolom)
    widths.push(w)
    used += 2 + w
  }
  const rechts = [false, ...chosen.map((k) => k.rechts)]
  return [
    lijn(["Delict", ...chosen.map((k) => k.kop)], widths, rechts),
    lijn(
      widths.map((w) => "─".repeat(w)),
      widths,
      rechts
    ),
    ...rows.map((r) => lijn([r.naam, ...chosen.map((k) => k.cel(r.rij))], widths, rechts))
  ]
}

/**
 * `Utrecht (GM0344)`, `regio Midden-Nederland`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const titel = (beeld: Informatiebeeld.Informatiebeeld): string =>
  beeld.gebied.niveau === "gemeente" ? `${beeld.naam} (${beeld.gebied.code})` : beeld.naam

/**
 * The whole informatiebeeld as text: title, inhabitants, the table (or why there is none), the top
 * delict types, notes and sources.
 *
 * @since 0.1.0
 * @category formatting
 */
export const renderInformatiebeeld = (
  beeld: Informatiebeeld.Informatiebeeld,
  regio: Geography.Regio,
  alleenRegionaal: boolean,
  width = 100
): string => {
  const out: Array<string> = []
  out.push(`Informatiebeeld ${titel(beeld)} — ${Periode.label(beeld.periode)}`)
  out.push(
    `Inwoners: ${beeld.inwoners === null ? "onbekend" : Getal.format(beeld.inwoners)} (peildatum ${Periode.datumLabel(beeld.peildatumInwoners)})`
  )
  out.push(
    `Vergeleken met ${Periode.label(beeld.vorigePeriode)}${beeld.jaarEerder === beeld.vorigePeriode ? "" : ` en ${Periode.label(beeld.jaarEerder)}`}`
  )
  out.push("")
  if (beeld.delicten.length === 0) {
    out.push(geenRegistraties(beeld, regio, alleenRegionaal))
  } else {
    out.push(...tabelRegels(beeld, width))
    out.push("")
    out.push(`${nietBekend} = niet bekend of niet te berekenen; * = vergelijking over een reeksbreuk heen`)
    if (beeld.topDelicten.length > 0) {
      out.push(`Meeste slachtoffers: ${beeld.topDelicten.map(Registration.delictLabel).join(", ")}`)
    }
  }
  if (beeld.opmerkingen.length > 0) {
    out.push("")
    out.push("Opmerkingen:")
    for (const o of beeld.opmerkingen) out.push(`- ${o}`)
  }
  if (beeld.herkomst.length > 0) {
    out.push("")
    out.push("Bronnen:")
    for (const bron of bronnen(beeld)) out.push(`- ${bron}`)
  }
  return out.join("\n")
}

/**
 * The sentence shown instead of a table when an area has no registrations for the period, saying when
 * the data has regional figures only.
 *
 * @since 0.1.0
 * @category formatting
 */
export const geenRegistraties = (
  beeld: Informatiebeeld.Informatiebeeld,
  regio: Geography.Regio,
  alleenRegionaal: boolean
): string =>
  `Voor ${beeld.naam} zijn nog geen registraties vastgelegd voor ${Periode.label(beeld.periode)}: er is nog geen beeld.` +
  (beeld.gebied.niveau !== "regio" && alleenRegionaal
    ? ` De gegevens bevatten alleen cijfers voor de regio ${regio.naam} als geheel.`
    : "")

/**
 * Whether the data holds registrations for the region only, none per gemeente, district or basisteam.
 *
 * @since 0.1.0
 * @category rules
 */
export const alleenRegionaal = (registraties: ReadonlyArray<Registration.Registration>): boolean =>
  registraties.every((r) => r.gebied.niveau === "regio")

/**
 * The documents and sections the figures come from, each once.
 *
 * @since 0.1.0
 * @category formatting
 */
export const bronnen = (beeld: Informatiebeeld.Informatiebeeld): Array<string> => [
  ...new Set(beeld.herkomst.map(Bron.herkomstLabel))
]
