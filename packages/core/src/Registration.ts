/**
 * Police registrations of online crime: per period, area and delict type the reports (aangiften),
 * notifications (meldingen), victims and damage.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Herkomst } from "./Bron.ts"
import { Gebied } from "./Geography.ts"
import { Kwalificatie } from "./Getal.ts"
import { Money } from "./Money.ts"
import { begin, einde, Periode } from "./Periode.ts"
import { type Lijst, label } from "./Taxonomie.ts"

const delictTermen = [
  { code: "aan-en-verkoopfraude", label: "aan- en verkoopfraude" },
  { code: "beleggingsfraude", label: "beleggingsfraude" },
  { code: "bankhelpdeskfraude", label: "bankhelpdeskfraude" },
  { code: "phishing", label: "phishing" },
  { code: "vriend-in-nood-fraude", label: "vriend-in-noodfraude" },
  { code: "identiteitsfraude", label: "identiteitsfraude" },
  { code: "hacken", label: "hacken" },
  { code: "ransomware", label: "ransomware" },
  { code: "sextortion", label: "sextortion" },
  { code: "datingfraude", label: "datingfraude" },
  { code: "cyberafpersing", label: "cyberafpersing" },
  { code: "overig", label: "overig" }
] as const

/**
 * The bundled list of delict types (version `dvcc-1`): the twelve the programme's documents use, with their
 * labels. No source at hand maps them to the police's maatschappelijke klassen or CBS crime codes, so those
 * mappings are absent rather than guessed.
 *
 * @since 0.3.0
 * @category models
 */
export const delictenlijst: Lijst = {
  naam: "delicten",
  versie: "dvcc-1",
  termen: delictTermen,
  herkomst: { document: "dvcc", sectie: "gebundelde lijst van delicttypen" }
}

/**
 * The delict types: the codes of `delictenlijst`.
 *
 * @since 0.1.0
 * @category models
 */
export const Delict = Schema.Literals(delictTermen.map((t) => t.code)).annotate({ identifier: "Delict" })

/**
 * @since 0.1.0
 * @category models
 */
export type Delict = (typeof delictTermen)[number]["code"]

/**
 * The label of a delict type in `delictenlijst`: `aan- en verkoopfraude`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const delictLabel = (delict: Delict): string => label(delictenlijst, delict)

const Count = Schema.NullOr(Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0))))

/**
 * One row of police figures. A `null` count is unknown, never zero.
 *
 * @since 0.1.0
 * @category models
 */
export const Registration = Schema.Struct({
  periode: Periode,
  gebied: Gebied,
  delict: Delict,
  aangiften: Count,
  meldingen: Count,
  slachtoffers: Count,
  schade: Schema.NullOr(Money),
  /** Counts reported as bounds: `{ slachtoffers: "ruim" }` for "ruim 5.500 slachtoffers". */
  kwalificaties: Schema.optionalKey(
    Schema.Struct({
      aangiften: Schema.optionalKey(Kwalificatie),
      meldingen: Schema.optionalKey(Kwalificatie),
      slachtoffers: Schema.optionalKey(Kwalificatie),
      schade: Schema.optionalKey(Kwalificatie)
    })
  ),
  herkomst: Herkomst
}).annotate({ identifier: "Registration" })

/**
 * @since 0.1.0
 * @category models
 */
export type Registration = typeof Registration.Type

/**
 * A break in a series, such as a change in how the police classify crime: comparisons across it are
 * flagged. A change of the delict list itself is recorded by naming the list's new version (`delictlijst`).
 *
 * @since 0.1.0
 * @category models
 */
export const Reeksbreuk = Schema.Struct({
  /** The first period registered the new way. */
  vanaf: Periode,
  /** The delict types it affects; empty means all. */
  delicten: Schema.Array(Delict),
  /** The version of the delict list (`Taxonomie.Lijst`) registered from `vanaf` on, when it changed. */
  delictlijst: Schema.optionalKey(Schema.NonEmptyString),
  reden: Schema.NonEmptyString,
  herkomst: Herkomst
}).annotate({ identifier: "Reeksbreuk" })

/**
 * @since 0.1.0
 * @category models
 */
export type Reeksbreuk = typeof Reeksbreuk.Type

/**
 * How many registrations each period has (its coverage: one row per area and delict type).
 *
 * @since 0.1.0
 * @category coverage
 */
export const dekkingPerPeriode = (
  registraties: Iterable<{ readonly periode: Periode }>
): ReadonlyMap<Periode, number> => {
  const out = new Map<Periode, number>()
  for (const r of registraties) out.set(r.periode, (out.get(r.periode) ?? 0) + 1)
  return out
}

/** A period is adequately covered when it has at least this share of the rows of the best covered one. */
const voldoendeDeel = 0.5

const adequate = (dekking: ReadonlyMap<Periode, number>) => {
  const beste = Math.max(0, ...dekking.values())
  return { beste, voldoende: (p: Periode) => (dekking.get(p) ?? 0) >= beste * voldoendeDeel }
}

/** Later end first; on the same end the longer period (earlier begin), then the better covered one. */
const laterFirst = (dekking: ReadonlyMap<Periode, number>) => (a: Periode, b: Periode) =>
  einde(b).localeCompare(einde(a)) ||
  begin(a).localeCompare(begin(b)) ||
  (dekking.get(b) ?? 0) - (dekking.get(a) ?? 0)

/**
 * The period an informatiebeeld shows when none is asked for, from the coverage (`dekkingPerPeriode`): the
 * latest period with adequate coverage,
 * that is with at least half as many registrations as the best covered period (so one stray row for a later
 * month does not move it). On the same end date the longer period (a quarter before its last month).
 * `undefined` without registrations.
 *
 * @since 0.1.0
 * @category coverage
 */
export const standaardPeriode = (dekking: ReadonlyMap<Periode, number>): Periode | undefined => {
  const { voldoende } = adequate(dekking)
  return [...dekking.keys()].filter(voldoende).sort(laterFirst(dekking))[0]
}

/**
 * The periods that stand apart from the rest: ending with or after the default period (`standaardPeriode`), not
 * adequately covered, with their rows and those of the best covered period. An import warns about them: a
 * typing error in a period, or a month among quarters.
 *
 * @since 0.1.0
 * @category coverage
 */
export const losstaandePerioden = (
  dekking: ReadonlyMap<Periode, number>
): ReadonlyArray<{ readonly periode: Periode; readonly rijen: number; readonly beste: number }> => {
  const { beste, voldoende } = adequate(dekking)
  const standaard = standaardPeriode(dekking)
  if (standaard === undefined) return []
  return [...dekking.keys()]
    .filter((p) => !voldoende(p) && einde(p) >= einde(standaard))
    .sort(laterFirst(dekking))
    .reverse()
    .map((periode) => ({ periode, rijen: dekking.get(periode) ?? 0, beste }))
}

/**
 * The provenance of a registration imported from a workbook's Registraties sheet (the police's figures as
 * delivered): the same for every import, so that importing the same rows again changes nothing. A report
 * names the source and the delivery date instead.
 *
 * @since 0.1.0
 * @category constants
 */
export const importHerkomst = { document: "Excel-import", sectie: "blad Registraties" } as const
