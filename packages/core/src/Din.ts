/**
 * The programme's DIN (Doelen-Inspanningen-Netwerk): ambition, strategic goals (doelen), the five
 * operational goals (baten), effort clusters (inspanningen), the network of actors, strategy and
 * preconditions.
 *
 * The year plans number the baten "Doel 1" to "Doel 5"; in the DIN they are the baten under two doelen.
 * dvcc keeps the DIN's words: a `Doel` is a strategic goal, a `Baat` an operational goal with its number.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Herkomst } from "./Bron.ts"

/**
 * `baat-1` … `baat-5`.
 *
 * @since 0.1.0
 * @category models
 */
export const BaatId = Schema.Literals(["baat-1", "baat-2", "baat-3", "baat-4", "baat-5"]).annotate({
  identifier: "BaatId"
})

/**
 * @since 0.1.0
 * @category models
 */
export type BaatId = typeof BaatId.Type

/**
 * @since 0.1.0
 * @category models
 */
export const Baat = Schema.Struct({
  id: BaatId,
  nummer: Schema.Int,
  naam: Schema.NonEmptyString,
  doel: Schema.NonEmptyString
}).annotate({ identifier: "Baat" })

/**
 * @since 0.1.0
 * @category models
 */
export type Baat = typeof Baat.Type

/**
 * A strategic goal of the DIN.
 *
 * @since 0.1.0
 * @category models
 */
export const Doel = Schema.Struct({
  id: Schema.NonEmptyString,
  naam: Schema.NonEmptyString
}).annotate({ identifier: "Doel" })

/**
 * @since 0.1.0
 * @category models
 */
export type Doel = typeof Doel.Type

/**
 * An effort cluster with the results it delivers.
 *
 * @since 0.1.0
 * @category models
 */
export const Inspanning = Schema.Struct({
  id: Schema.NonEmptyString,
  naam: Schema.NonEmptyString,
  resultaten: Schema.Array(Schema.NonEmptyString)
}).annotate({ identifier: "Inspanning" })

/**
 * @since 0.1.0
 * @category models
 */
export type Inspanning = typeof Inspanning.Type

/**
 * A group of actors in the network: politie, OM, gemeenten, or those reached indirectly.
 *
 * @since 0.1.0
 * @category models
 */
export const Actor = Schema.Struct({
  partij: Schema.Literals(["politie", "om", "gemeenten", "indirect"]),
  naam: Schema.NonEmptyString,
  rollen: Schema.Array(Schema.NonEmptyString)
}).annotate({ identifier: "Actor" })

/**
 * @since 0.1.0
 * @category models
 */
export type Actor = typeof Actor.Type

/**
 * The whole programme.
 *
 * @since 0.1.0
 * @category models
 */
export const Program = Schema.Struct({
  naam: Schema.NonEmptyString,
  regio: Schema.NonEmptyString,
  ambitie: Schema.NonEmptyString,
  looptijd: Schema.Struct({ van: Schema.Int, tot: Schema.Int }),
  doelen: Schema.Array(Doel),
  baten: Schema.Array(Baat),
  inspanningen: Schema.Array(Inspanning),
  netwerk: Schema.Array(Actor),
  strategie: Schema.Array(Schema.NonEmptyString),
  randvoorwaarden: Schema.Array(Schema.NonEmptyString),
  werkwijze: Schema.NonEmptyString,
  herkomst: Herkomst
})
  .check(
    Schema.makeFilter((program) => {
      const doelen = new Set(program.doelen.map((d) => d.id))
      return program.baten.flatMap((baat, i) =>
        doelen.has(baat.doel) ? [] : [{ path: ["baten", i, "doel"], issue: `onbekend doel "${baat.doel}"` }]
      )
    })
  )
  .annotate({ identifier: "Program" })

/**
 * @since 0.1.0
 * @category models
 */
export type Program = typeof Program.Type
