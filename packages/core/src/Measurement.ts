/**
 * A measurement (meting) of an indicator: a value for a period and an area, from a source.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Bron, Herkomst } from "./Bron.ts"
import { Gebied } from "./Geography.ts"
import { Kwalificatie } from "./Getal.ts"
import { Datum, einde, Periode } from "./Periode.ts"

/**
 * @since 0.1.0
 * @category models
 */
export const Measurement = Schema.Struct({
  id: Schema.NonEmptyString,
  indicator: Schema.NonEmptyString,
  /** The year plan whose indicator this measures. */
  jaar: Schema.Int,
  periode: Periode,
  gebied: Gebied,
  waarde: Schema.Finite.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0))),
  kwalificatie: Schema.optionalKey(Kwalificatie),
  /** For a period still running: the date the count stands on ("tot oktober 2025"). */
  peildatum: Schema.optionalKey(Datum),
  /** For a milestone checklist: the milestone this measurement marks done. */
  mijlpaal: Schema.optionalKey(Schema.NonEmptyString),
  bron: Bron,
  /** For a count of the activity register: the ids of the activities it counts. */
  activiteiten: Schema.optionalKey(Schema.Array(Schema.String)),
  toelichting: Schema.optionalKey(Schema.String),
  vastgelegdOp: Datum,
  herkomst: Herkomst
}).annotate({ identifier: "Measurement" })

/**
 * @since 0.1.0
 * @category models
 */
export type Measurement = typeof Measurement.Type

/**
 * The date a measurement speaks for: its peildatum, else the end of its period.
 *
 * @since 0.1.0
 * @category getters
 */
export const geldigOp = (m: Measurement): Datum => m.peildatum ?? einde(m.periode)
