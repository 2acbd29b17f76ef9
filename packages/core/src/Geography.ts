/**
 * The region's geography: regio → district → basisteam → gemeente, with CBS codes and inhabitants per
 * peildatum. District, basisteam and inhabitants may be unknown (`null`): outputs then say "onbekend"
 * instead of inventing a number.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Herkomst } from "./Bron.ts"
import { Datum } from "./Periode.ts"

/**
 * A CBS municipality code such as `GM0344` (Utrecht), as CBS StatLine and data.politie.nl use them.
 *
 * @since 0.1.0
 * @category models
 */
export const CbsCode = Schema.String.pipe(
  Schema.check(
    Schema.makeFilter(
      (s: string) => /^GM\d{4}$/.test(s) || `"${s}" is geen CBS-gemeentecode (GM gevolgd door vier cijfers)`
    )
  ),
  Schema.brand("CbsCode")
).annotate({ identifier: "CbsCode" })

/**
 * @since 0.1.0
 * @category models
 */
export type CbsCode = typeof CbsCode.Type

/**
 * The number of inhabitants on a date.
 *
 * @since 0.1.0
 * @category models
 */
export const Inwonertal = Schema.Struct({
  aantal: Schema.Int.pipe(Schema.check(Schema.isGreaterThan(0))),
  peildatum: Datum,
  herkomst: Schema.optionalKey(Herkomst)
}).annotate({ identifier: "Inwonertal" })

/**
 * @since 0.1.0
 * @category models
 */
export type Inwonertal = typeof Inwonertal.Type

/**
 * @since 0.1.0
 * @category models
 */
export const Gemeente = Schema.Struct({
  code: CbsCode,
  naam: Schema.NonEmptyString,
  provincie: Schema.NonEmptyString,
  /** Police district id, `null` while unknown. */
  district: Schema.NullOr(Schema.NonEmptyString),
  /** Police basisteam id, `null` while unknown. */
  basisteam: Schema.NullOr(Schema.NonEmptyString),
  /** Inhabitants per peildatum; empty while unknown. */
  inwoners: Schema.Array(Inwonertal)
}).annotate({ identifier: "Gemeente" })

/**
 * @since 0.1.0
 * @category models
 */
export type Gemeente = typeof Gemeente.Type

/**
 * @since 0.1.0
 * @category models
 */
export const District = Schema.Struct({
  id: Schema.NonEmptyString,
  naam: Schema.NonEmptyString
}).annotate({ identifier: "District" })

/**
 * @since 0.1.0
 * @category models
 */
export type District = typeof District.Type

/**
 * @since 0.1.0
 * @category models
 */
export const Basisteam = Schema.Struct({
  id: Schema.NonEmptyString,
  naam: Schema.NonEmptyString,
  district: Schema.NullOr(Schema.NonEmptyString)
}).annotate({ identifier: "Basisteam" })

/**
 * @since 0.1.0
 * @category models
 */
export type Basisteam = typeof Basisteam.Type

/**
 * The region with its units. `districten` and `basisteams` are empty while no verified source lists them.
 *
 * @since 0.1.0
 * @category models
 */
export const Regio = Schema.Struct({
  naam: Schema.NonEmptyString,
  districten: Schema.Array(District),
  basisteams: Schema.Array(Basisteam),
  gemeenten: Schema.Array(Gemeente),
  herkomst: Herkomst
})
  .check(
    Schema.makeFilter((regio) => {
      const issues: Array<Schema.FilterIssue> = []
      const districten = new Set(regio.districten.map((d) => d.id))
      const basisteams = new Set(regio.basisteams.map((b) => b.id))
      const codes = new Set<string>()
      regio.gemeenten.forEach((g, i) => {
        if (codes.has(g.code))
          issues.push({ path: ["gemeenten", i, "code"], issue: `gemeente ${g.code} staat dubbel` })
        codes.add(g.code)
        if (g.district !== null && !districten.has(g.district)) {
          issues.push({
            path: ["gemeenten", i, "district"],
            issue: `onbekend district "${g.district}" bij ${g.naam}`
          })
        }
        if (g.basisteam !== null && !basisteams.has(g.basisteam)) {
          issues.push({
            path: ["gemeenten", i, "basisteam"],
            issue: `onbekend basisteam "${g.basisteam}" bij ${g.naam}`
          })
        }
      })
      return issues
    })
  )
  .annotate({ identifier: "Regio" })

/**
 * @since 0.1.0
 * @category models
 */
export type Regio = typeof Regio.Type

/**
 * A place figures can be about: the region, a district, a basisteam or a gemeente.
 *
 * @since 0.1.0
 * @category models
 */
export const Gebied = Schema.Union([
  Schema.Struct({ niveau: Schema.Literal("regio") }),
  Schema.Struct({ niveau: Schema.Literal("district"), id: Schema.NonEmptyString }),
  Schema.Struct({ niveau: Schema.Literal("basisteam"), id: Schema.NonEmptyString }),
  Schema.Struct({ niveau: Schema.Literal("gemeente"), code: CbsCode })
]).annotate({ identifier: "Gebied" })

/**
 * @since 0.1.0
 * @category models
 */
export type Gebied = typeof Gebied.Type

/**
 * @since 0.1.0
 * @category models
 */
export type Niveau = Gebied["niveau"]

/**
 * @since 0.1.0
 * @category constructors
 */
export const regio: Gebied = { niveau: "regio" }

/**
 * Inhabitants valid on `peildatum`: the latest count dated on or before it, else the earliest known count;
 * `undefined` while no count is known.
 *
 * @since 0.1.0
 * @category getters
 */
export const inwonersOp = (gemeente: Gemeente, peildatum: Datum): number | undefined => {
  const sorted = [...gemeente.inwoners].sort((a, b) => a.peildatum.localeCompare(b.peildatum))
  const valid = sorted.filter((t) => t.peildatum <= peildatum)
  return (valid.at(-1) ?? sorted[0])?.aantal
}

/**
 * The gemeenten inside an area.
 *
 * @since 0.1.0
 * @category getters
 */
export const gemeentenIn = (r: Regio, gebied: Gebied): ReadonlyArray<Gemeente> => {
  switch (gebied.niveau) {
    case "regio":
      return r.gemeenten
    case "district":
      return r.gemeenten.filter((g) => g.district === gebied.id)
    case "basisteam":
      return r.gemeenten.filter((g) => g.basisteam === gebied.id)
    case "gemeente":
      return r.gemeenten.filter((g) => g.code === gebied.code)
  }
}

/**
 * Name of an area for people: `Utrecht`, `district Noord`, `regio Midden-Nederland`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const gebiedLabel = (r: Regio, gebied: Gebied): string => {
  switch (gebied.niveau) {
    case "regio":
      return `regio ${r.naam}`
    case "district":
      return `district ${r.districten.find((d) => d.id === gebied.id)?.naam ?? gebied.id}`
    case "basisteam":
      return `basisteam ${r.basisteams.find((b) => b.id === gebied.id)?.naam ?? gebied.id}`
    case "gemeente":
      return r.gemeenten.find((g) => g.code === gebied.code)?.naam ?? gebied.code
  }
}

/**
 * The units of a level the region knows, or `undefined` while that list is unknown (no source lists them).
 *
 * @since 0.1.0
 * @category getters
 */
export const eenheden = (
  r: Regio,
  niveau: "district" | "basisteam" | "gemeente"
): ReadonlyArray<{ readonly id: string; readonly naam: string }> | undefined => {
  const units =
    niveau === "gemeente"
      ? r.gemeenten.map((g) => ({ id: g.code as string, naam: g.naam }))
      : niveau === "district"
        ? r.districten
        : r.basisteams
  return units.length === 0 ? undefined : units
}
