/**
 * Taxonomies as data: a versioned list of codes with their labels, and for delict types the police's
 * "maatschappelijke klasse" and the CBS crime code they map to where known. The delict types
 * (`Registration.delictenlijst`) and the kinds of source (`Bron.bronnenlijst`) are such lists; a series
 * break (`Registration.Reeksbreuk`) names the version of the delict list registered from its period on.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { Herkomst } from "./Bron.ts"
import { idFilter } from "./internal/id.ts"

/**
 * One entry of a list: its code (as stored), its label (as people read it), and optional mappings.
 *
 * @since 0.3.0
 * @category models
 */
export const Term = Schema.Struct({
  code: Schema.String.pipe(Schema.check(idFilter("code"))),
  label: Schema.NonEmptyString,
  /** The police's "maatschappelijke klasse" this code corresponds to, where known. */
  politie: Schema.optionalKey(Schema.NonEmptyString),
  /** The CBS crime code (misdrijfcategorie) this code corresponds to, where known. */
  cbs: Schema.optionalKey(Schema.NonEmptyString)
}).annotate({ identifier: "Term" })

/**
 * @since 0.3.0
 * @category models
 */
export type Term = typeof Term.Type

/**
 * A versioned list: `{ naam: "delicten", versie: "dvcc-1", termen: […] }`. Each code occurs once.
 *
 * @since 0.3.0
 * @category models
 */
export const Lijst = Schema.Struct({
  naam: Schema.String.pipe(Schema.check(idFilter("lijst"))),
  versie: Schema.NonEmptyString,
  termen: Schema.NonEmptyArray(Term),
  herkomst: Herkomst
})
  .check(
    Schema.makeFilter((lijst) => {
      const seen = new Set<string>()
      return lijst.termen.flatMap((term, i) => {
        if (!seen.has(term.code)) {
          seen.add(term.code)
          return []
        }
        return [
          {
            path: ["termen", i, "code"],
            issue: `${lijst.naam} ${lijst.versie}: code ${term.code} staat dubbel`
          }
        ]
      })
    })
  )
  .annotate({ identifier: "Lijst" })

/**
 * @since 0.3.0
 * @category models
 */
export type Lijst = typeof Lijst.Type

/**
 * The label of `code` in `lijst`, else the code itself.
 *
 * @since 0.3.0
 * @category formatting
 */
export const label = (lijst: Lijst, code: string): string =>
  lijst.termen.find((t) => t.code === code)?.label ?? code

/**
 * The codes of `lijst`, in its order.
 *
 * @since 0.3.0
 * @category getters
 */
export const codes = (lijst: Lijst): ReadonlyArray<string> => lijst.termen.map((t) => t.code)
