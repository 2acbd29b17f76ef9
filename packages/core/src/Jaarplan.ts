/**
 * A year plan with its actions (acties). An action that continues from one year into the next keeps its
 * stable `id` and names its predecessor, so a plan for 2027 can start as a copy of 2026.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Herkomst } from "./Bron.ts"
import { BaatId } from "./Din.ts"
import { Datum, maandLabel } from "./Periode.ts"

/**
 * Status of an action as the plans write it: `op te starten (in april 2025)`, `lopend tot december 2025`,
 * `doorlopend`, `afgerond`.
 *
 * @since 0.1.0
 * @category models
 */
export const ActieStatus = Schema.Union([
  Schema.Struct({ soort: Schema.Literal("op-te-starten"), vanaf: Schema.optionalKey(Datum) }),
  Schema.Struct({ soort: Schema.Literal("lopend"), tot: Datum }),
  Schema.Struct({ soort: Schema.Literal("doorlopend") }),
  Schema.Struct({ soort: Schema.Literal("afgerond"), op: Schema.optionalKey(Datum) })
]).annotate({ identifier: "ActieStatus" })

/**
 * @since 0.1.0
 * @category models
 */
export type ActieStatus = typeof ActieStatus.Type

/**
 * An intended result; measurable ones name the indicator that measures them.
 *
 * @since 0.1.0
 * @category models
 */
export const BeoogdResultaat = Schema.Struct({
  tekst: Schema.NonEmptyString,
  indicator: Schema.optionalKey(Schema.NonEmptyString)
}).annotate({ identifier: "BeoogdResultaat" })

/**
 * @since 0.1.0
 * @category models
 */
export type BeoogdResultaat = typeof BeoogdResultaat.Type

/**
 * A reference to an action of a given year.
 *
 * @since 0.1.0
 * @category models
 */
export const ActieRef = Schema.Struct({ jaar: Schema.Int, id: Schema.NonEmptyString }).annotate({
  identifier: "ActieRef"
})

/**
 * @since 0.1.0
 * @category models
 */
export type ActieRef = typeof ActieRef.Type

/**
 * @since 0.1.0
 * @category models
 */
export const Actie = Schema.Struct({
  /** Stable across years: the same action in 2025 and 2026 has the same id. */
  id: Schema.NonEmptyString,
  jaar: Schema.Int,
  nummer: Schema.Int.pipe(Schema.check(Schema.isGreaterThan(0))),
  titel: Schema.NonEmptyString,
  coordinatie: Schema.Array(Schema.NonEmptyString),
  inSamenwerkingMet: Schema.Array(Schema.NonEmptyString),
  /** `null` where the plan states no status (Jaarplan 2026 gives none). */
  status: Schema.NullOr(ActieStatus),
  doel: Schema.NonEmptyString,
  outputs: Schema.Array(Schema.NonEmptyString),
  beoogdeResultaten: Schema.Array(BeoogdResultaat),
  aandachtspunten: Schema.Array(Schema.NonEmptyString),
  baten: Schema.Array(BaatId),
  voorganger: Schema.NullOr(ActieRef),
  herkomst: Herkomst
}).annotate({ identifier: "Actie" })

/**
 * @since 0.1.0
 * @category models
 */
export type Actie = typeof Actie.Type

/**
 * @since 0.1.0
 * @category models
 */
export const Jaarplan = Schema.Struct({
  jaar: Schema.Int,
  titel: Schema.NonEmptyString,
  datum: Datum,
  documentStatus: Schema.NonEmptyString,
  /** "Wat is er aan de hand?" */
  situatie: Schema.Array(Schema.NonEmptyString),
  /** Developments that set the year's focus. */
  focus: Schema.Array(Schema.NonEmptyString),
  /** One explanation per baat ("Doel N" in the plan), as the plan introduces it. */
  batenToelichting: Schema.Array(Schema.Struct({ baat: BaatId, tekst: Schema.NonEmptyString })),
  acties: Schema.Array(Actie),
  herkomst: Herkomst
})
  .check(
    Schema.makeFilter((plan) => {
      const issues: Array<Schema.FilterIssue> = []
      const nummers = new Set<number>()
      plan.acties.forEach((actie, i) => {
        if (actie.jaar !== plan.jaar) {
          issues.push({
            path: ["acties", i, "jaar"],
            issue: `actie ${actie.nummer} hoort bij ${actie.jaar}, niet bij ${plan.jaar}`
          })
        }
        if (nummers.has(actie.nummer))
          issues.push({ path: ["acties", i, "nummer"], issue: `actie ${actie.nummer} staat dubbel` })
        nummers.add(actie.nummer)
        if (actie.voorganger !== null && actie.voorganger.jaar >= plan.jaar) {
          issues.push({ path: ["acties", i, "voorganger"], issue: "een voorganger komt uit een eerder jaar" })
        }
      })
      return issues
    })
  )
  .annotate({ identifier: "Jaarplan" })

/**
 * @since 0.1.0
 * @category models
 */
export type Jaarplan = typeof Jaarplan.Type

/**
 * Dutch label: `lopend tot december 2025`, `op te starten`, `doorlopend`, `onbekend`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const statusLabel = (status: ActieStatus | null): string => {
  if (status === null) return "onbekend"
  switch (status.soort) {
    case "op-te-starten":
      return status.vanaf === undefined ? "op te starten" : `op te starten in ${maandLabel(status.vanaf)}`
    case "lopend":
      return `lopend tot ${maandLabel(status.tot)}`
    case "doorlopend":
      return "doorlopend"
    case "afgerond":
      return status.op === undefined ? "afgerond" : `afgerond in ${maandLabel(status.op)}`
  }
}
