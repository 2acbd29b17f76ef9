/**
 * An activity in the activity register: a kennisbijeenkomst, an Echt-Nep session, a RIEC case …
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Bespreking } from "./Bespreking.ts"
import { CbsCode } from "./Geography.ts"
import { Datum } from "./Periode.ts"

/**
 * The documented activity types (labels as users write them are matched to these by the importers).
 *
 * @since 0.1.0
 * @category models
 */
export const ActiviteitSoort = Schema.Literals([
  "kennisbijeenkomst",
  "echt-nep-bijeenkomst",
  "actiedag-activiteit",
  "bestuurlijke-rapportage",
  "riec-casus",
  "huisbezoek",
  "communicatie-uiting",
  "informatiebeeld-besproken-in-driehoek",
  "bakfiets-inzet",
  "train-de-trainer",
  "ciso-bijeenkomst",
  "contentsuggestie",
  "overig"
]).annotate({ identifier: "ActiviteitSoort" })

/**
 * @since 0.1.0
 * @category models
 */
export type ActiviteitSoort = typeof ActiviteitSoort.Type

/**
 * @since 0.1.0
 * @category models
 */
export const Doelgroep = Schema.Literals([
  "jeugd",
  "senioren",
  "mkb",
  "professionals",
  "inwoners",
  "bestuurders"
]).annotate({ identifier: "Doelgroep" })

/**
 * @since 0.1.0
 * @category models
 */
export const Activity = Schema.Struct({
  id: Schema.NonEmptyString,
  datum: Datum,
  gemeente: Schema.NullOr(CbsCode),
  soort: ActiviteitSoort,
  actie: Schema.optionalKey(Schema.Int),
  doelgroep: Schema.optionalKey(Doelgroep),
  /** People reached; absent means unknown, never 0. */
  bereik: Schema.optionalKey(Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))),
  omschrijving: Schema.optionalKey(Schema.String),
  /** Only for soort `informatiebeeld-besproken-in-driehoek`: the informatiebeeld, deelnemers and afspraken. */
  bespreking: Schema.optionalKey(Bespreking)
})
  .check(Schema.makeFilter((a) => besprekingPastBijSoort(a)))
  .annotate({ identifier: "Activity" })

/**
 * A bespreking belongs to an activity of soort `informatiebeeld-besproken-in-driehoek` only: `true`, or
 * the issue at `bespreking` in Dutch. Also for schemas built from `Activity.fields`.
 *
 * @since 0.1.0
 * @category predicates
 */
export const besprekingPastBijSoort = (a: {
  readonly soort: ActiviteitSoort
  readonly bespreking?: unknown
}): true | { readonly path: ReadonlyArray<PropertyKey>; readonly issue: string } =>
  a.bespreking === undefined || a.soort === "informatiebeeld-besproken-in-driehoek"
    ? true
    : {
        path: ["bespreking"],
        issue: `een bespreking hoort alleen bij soort informatiebeeld-besproken-in-driehoek, niet bij ${a.soort}`
      }

/**
 * @since 0.1.0
 * @category models
 */
export type Activity = typeof Activity.Type

/**
 * What people call each soort, for pages and forms (lower case, as in a sentence).
 *
 * @since 0.1.0
 * @category models
 */
export const soortLabel: Record<ActiviteitSoort, string> = {
  kennisbijeenkomst: "kennisbijeenkomst",
  "echt-nep-bijeenkomst": "Echt-Nep-bijeenkomst",
  "actiedag-activiteit": "activiteit op de actiedag",
  "bestuurlijke-rapportage": "bestuurlijke rapportage",
  "riec-casus": "RIEC-casus",
  huisbezoek: "huisbezoek",
  "communicatie-uiting": "communicatie-uiting",
  "informatiebeeld-besproken-in-driehoek": "informatiebeeld besproken in de driehoek",
  "bakfiets-inzet": "inzet van de bakfiets",
  "train-de-trainer": "train-de-trainer",
  "ciso-bijeenkomst": "CISO-bijeenkomst",
  contentsuggestie: "contentsuggestie",
  overig: "overige activiteit"
}
