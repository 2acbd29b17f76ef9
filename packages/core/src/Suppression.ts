/**
 * The small-number rule: police figures for a gemeente or district audience never show a count below the
 * threshold (default 5), because a count of 1 to 4 can point to a person. Such a count is shown as
 * suppressed (`"< 5"` with a flag), and where a published sum would give it away (a totaal minus the
 * visible delict rows), the next-smallest part of that sum is hidden as well (secondary suppression).
 * One rule, used by the API, the exports and the reports.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import type { Informatiebeeld, Maat, Totaal } from "./Informatiebeeld.ts"
import { Delict } from "./Registration.ts"

/**
 * The default threshold: counts below it are suppressed.
 *
 * @since 0.1.0
 * @category constants
 */
export const standaardDrempel = 5

/**
 * Who a figure is published for. The rule applies to `gemeente` and `district` audiences; the programme
 * and the beheerder see the figures as registered.
 *
 * @since 0.1.0
 * @category models
 */
export const Publiek = Schema.Literals(["beheerder", "programma", "district", "gemeente"]).annotate({
  identifier: "Publiek"
})

/**
 * @since 0.1.0
 * @category models
 */
export type Publiek = typeof Publiek.Type

/**
 * Whether the small-number rule applies to an audience.
 *
 * @since 0.1.0
 * @category rules
 */
export const geldtVoor = (publiek: Publiek): boolean => publiek === "gemeente" || publiek === "district"

/**
 * Why a cell is hidden: its own count is below the threshold (`klein-aantal`), it would reveal such a
 * count through a published sum (`secundair`), or a count it belongs to is hidden (`gekoppeld`, such as
 * the damage of a suppressed number of victims).
 *
 * @since 0.1.0
 * @category models
 */
export const Reden = Schema.Literals(["klein-aantal", "secundair", "gekoppeld"]).annotate({
  identifier: "Reden"
})

/**
 * @since 0.1.0
 * @category models
 */
export type Reden = typeof Reden.Type

/**
 * A hidden cell: what to show instead of the number (`"< 5"` for a small count, `"×"` otherwise) and why.
 * It carries no value at all, so nothing downstream can leak it.
 *
 * @since 0.1.0
 * @category models
 */
export const Onderdrukt = Schema.Struct({
  onderdrukt: Schema.Literal(true),
  reden: Reden,
  weergave: Schema.NonEmptyString
}).annotate({ identifier: "Onderdrukt" })

/**
 * @since 0.1.0
 * @category models
 */
export type Onderdrukt = typeof Onderdrukt.Type

/**
 * A published cell: the value as registered (`null` when unknown), or a suppressed cell.
 *
 * @since 0.1.0
 * @category models
 */
export const Cel = Schema.Union([Schema.NullOr(Schema.Finite), Onderdrukt]).annotate({ identifier: "Cel" })

/**
 * @since 0.1.0
 * @category models
 */
export type Cel = typeof Cel.Type

/**
 * @since 0.1.0
 * @category guards
 */
export const isOnderdrukt = (cel: Cel): cel is Onderdrukt => typeof cel === "object" && cel !== null

/**
 * A published sum: the cell `totaal` is the sum of the cells `delen` (indices into `Tabel.waarden`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Som {
  readonly totaal: number
  readonly delen: ReadonlyArray<number>
}

/**
 * The cells of a publication and the sums that hold between them: for an informatiebeeld the delict rows
 * and their totaal; for a cross table every row and every column. A cell may sit in several sums.
 *
 * @since 0.1.0
 * @category models
 */
export interface Tabel {
  readonly waarden: ReadonlyArray<number | null>
  readonly sommen: ReadonlyArray<Som>
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Opties {
  readonly publiek: Publiek
  /** Counts below it are suppressed; default `standaardDrempel`. */
  readonly drempel?: number
  /** `false` for amounts such as damage: only `gekoppeld` cells and their secondary cells are hidden. */
  readonly aantallen?: boolean
  /** Cells hidden because a count they belong to is hidden. */
  readonly gekoppeld?: ReadonlyArray<number>
}

const verborgen = (reden: Reden, drempel: number): Onderdrukt => ({
  onderdrukt: true,
  reden,
  weergave: reden === "klein-aantal" ? `< ${drempel}` : "×"
})

/**
 * Applies the small-number rule to a table. For an audience the rule does not apply to, the cells are
 * returned as they are. Otherwise:
 *
 * 1. every known count below `drempel` (0 included) is suppressed (`klein-aantal`), and the `gekoppeld`
 *    cells are hidden;
 * 2. as long as some sum has exactly one hidden-or-unknown cell and that cell is suppressed (so the sum
 *    minus its visible cells would give it back), the smallest visible part of that sum is hidden too
 *    (`secundair`); the totaal only when the sum has no visible part left.
 *
 * Each published sum on its own never reveals a suppressed value; a sum with an unknown cell reveals
 * nothing either. Unknown stays unknown (`null`).
 *
 * @example
 * ```ts
 * import { Suppression } from "@dvcc/core"
 *
 * // three delict rows and their totaal
 * Suppression.onderdruk(
 *   { waarden: [3, 12, 40, 55], sommen: [{ totaal: 3, delen: [0, 1, 2] }] },
 *   { publiek: "gemeente" }
 * )
 * // [{ onderdrukt: true, reden: "klein-aantal", weergave: "< 5" },
 * //  { onderdrukt: true, reden: "secundair", weergave: "×" }, 40, 55]
 * ```
 *
 * @since 0.1.0
 * @category rules
 */
export const onderdruk = (tabel: Tabel, opties: Opties): ReadonlyArray<Cel> => {
  if (!geldtVoor(opties.publiek)) return tabel.waarden
  const drempel = opties.drempel ?? standaardDrempel
  const aantallen = opties.aantallen ?? true
  const cellen: Array<Cel> = tabel.waarden.map((w) =>
    aantallen && w !== null && w < drempel ? verborgen("klein-aantal", drempel) : w
  )
  for (const i of opties.gekoppeld ?? []) {
    const cel = cellen[i]
    if (cel !== undefined && !isOnderdrukt(cel)) cellen[i] = verborgen("gekoppeld", drempel)
  }
  const zichtbaar = (i: number): boolean => {
    const cel = cellen[i]
    return cel !== undefined && cel !== null && !isOnderdrukt(cel)
  }
  let veranderd = true
  while (veranderd) {
    veranderd = false
    for (const som of tabel.sommen) {
      const leden = [som.totaal, ...som.delen]
      const verborgenLeden = leden.filter((i) => !zichtbaar(i))
      const enige = verborgenLeden[0]
      if (verborgenLeden.length !== 1 || enige === undefined || !isOnderdrukt(cellen[enige] ?? null)) continue
      const kandidaten = som.delen.filter(zichtbaar)
      const kies = (kandidaten.length > 0 ? kandidaten : [som.totaal]).reduce((best, i) =>
        (tabel.waarden[i] ?? 0) < (tabel.waarden[best] ?? 0) ? i : best
      )
      cellen[kies] = verborgen("secundair", drempel)
      veranderd = true
    }
  }
  return cellen
}

/**
 * The common case: parts and their totaal (delict rows and the totaal of an informatiebeeld).
 *
 * @since 0.1.0
 * @category rules
 */
export const onderdrukDelen = (
  delen: ReadonlyArray<number | null>,
  totaal: number | null,
  opties: Opties
): { readonly delen: ReadonlyArray<Cel>; readonly totaal: Cel } => {
  const cellen = onderdruk(
    { waarden: [...delen, totaal], sommen: [{ totaal: delen.length, delen: delen.map((_, i) => i) }] },
    opties
  )
  return { delen: cellen.slice(0, delen.length), totaal: cellen[delen.length] ?? null }
}

/**
 * The published figures of one row of an informatiebeeld: a delict type or the `totaal`.
 *
 * @since 0.1.0
 * @category models
 */
export const GepubliceerdeRij = Schema.Struct({
  rij: Schema.Union([Delict, Schema.Literal("totaal")]),
  aangiften: Cel,
  meldingen: Cel,
  slachtoffers: Cel,
  schade: Cel
}).annotate({ identifier: "GepubliceerdeRij" })

/**
 * @since 0.1.0
 * @category models
 */
export type GepubliceerdeRij = typeof GepubliceerdeRij.Type

/**
 * The published figures of an informatiebeeld: the delict rows and the totaal in the period, and the
 * same for the two periods it is compared with (the bases of `tovVorige` and `tovJaarEerder`).
 *
 * @since 0.1.0
 * @category models
 */
export const GepubliceerdBeeld = Schema.Struct({
  periode: Schema.Array(GepubliceerdeRij),
  vorigePeriode: Schema.Array(GepubliceerdeRij),
  jaarEerder: Schema.Array(GepubliceerdeRij)
}).annotate({ identifier: "GepubliceerdBeeld" })

/**
 * @since 0.1.0
 * @category models
 */
export type GepubliceerdBeeld = typeof GepubliceerdBeeld.Type

const tellingen = ["aangiften", "meldingen", "slachtoffers"] as const

/**
 * Applies the rule to an informatiebeeld, in each of its three periods: per count (aangiften, meldingen,
 * slachtoffers) the delict rows and their totaal are one published sum; the damage of a row whose
 * victims are hidden is hidden (`gekoppeld`) and protected through the damage totaal in turn. Derived
 * figures (per 10.000 inhabitants, share, change) of a hidden cell must not be shown either: with the
 * inhabitants, the region's total or the base they give the count back.
 *
 * @since 0.1.0
 * @category rules
 */
export const informatiebeeld = (beeld: Informatiebeeld, opties: Opties): GepubliceerdBeeld => {
  const rijen: ReadonlyArray<{ readonly rij: Delict | "totaal"; readonly cijfers: Totaal }> = [
    ...beeld.delicten.map((d) => ({ rij: d.delict, cijfers: d })),
    { rij: "totaal" as const, cijfers: beeld.totaal }
  ]
  const publiceer = (waarde: (cijfers: Totaal, maat: Maat) => number | null): Array<GepubliceerdeRij> => {
    const kolom = (maat: Maat, extra: Partial<Opties> = {}) => {
      const waarden = rijen.map((r) => waarde(r.cijfers, maat))
      const { delen, totaal } = onderdrukDelen(waarden.slice(0, -1), waarden.at(-1) ?? null, {
        ...opties,
        ...extra
      })
      return [...delen, totaal]
    }
    const [aangiften, meldingen, slachtoffers] = tellingen.map((maat) => kolom(maat))
    const gekoppeld = (slachtoffers ?? []).flatMap((c, i) => (isOnderdrukt(c) ? [i] : []))
    const schade = kolom("schade", { aantallen: false, gekoppeld })
    return rijen.map((r, i) => ({
      rij: r.rij,
      aangiften: aangiften?.[i] ?? null,
      meldingen: meldingen?.[i] ?? null,
      slachtoffers: slachtoffers?.[i] ?? null,
      schade: schade[i] ?? null
    }))
  }
  return {
    periode: publiceer((c, m) => c[m].waarde),
    vorigePeriode: publiceer((c, m) => c[m].tovVorige.basis),
    jaarEerder: publiceer((c, m) => c[m].tovJaarEerder.basis)
  }
}

/**
 * How a cell reads: the formatted value, `onbekend` when unknown, or the suppressed text.
 *
 * @since 0.1.0
 * @category formatting
 */
export const weergave = (cel: Cel, format: (waarde: number) => string): string =>
  cel === null ? "onbekend" : isOnderdrukt(cel) ? cel.weergave : format(cel)

/**
 * The rule in Dutch, for the reader of a publication.
 *
 * @since 0.1.0
 * @category formatting
 */
export const uitleg = (drempel: number = standaardDrempel): string =>
  `Aantallen kleiner dan ${drempel} worden niet getoond maar als "< ${drempel}" weergegeven, omdat een klein aantal naar personen kan herleiden. ` +
  `Waar zo'n aantal uit een totaal min de zichtbare delen te berekenen zou zijn, is ook het kleinste andere deel afgeschermd ("×"). ` +
  `Van een afgeschermd aantal worden ook de schade, het cijfer per 10.000 inwoners en de verandering niet getoond.`
