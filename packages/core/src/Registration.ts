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
import { Periode } from "./Periode.ts"

/**
 * The documented delict types.
 *
 * @since 0.1.0
 * @category models
 */
export const Delict = Schema.Literals([
  "aan-en-verkoopfraude",
  "beleggingsfraude",
  "bankhelpdeskfraude",
  "phishing",
  "vriend-in-nood-fraude",
  "identiteitsfraude",
  "hacken",
  "ransomware",
  "sextortion",
  "datingfraude",
  "cyberafpersing",
  "overig"
]).annotate({ identifier: "Delict" })

/**
 * @since 0.1.0
 * @category models
 */
export type Delict = typeof Delict.Type

/**
 * @since 0.1.0
 * @category formatting
 */
export const delictLabel = (delict: Delict): string =>
  delict === "aan-en-verkoopfraude" ? "aan- en verkoopfraude" : delict.replaceAll("-", " ")

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
 * flagged.
 *
 * @since 0.1.0
 * @category models
 */
export const Reeksbreuk = Schema.Struct({
  /** The first period registered the new way. */
  vanaf: Periode,
  /** The delict types it affects; empty means all. */
  delicten: Schema.Array(Delict),
  reden: Schema.NonEmptyString,
  herkomst: Herkomst
}).annotate({ identifier: "Reeksbreuk" })

/**
 * @since 0.1.0
 * @category models
 */
export type Reeksbreuk = typeof Reeksbreuk.Type
