/**
 * Monitoring agreements (monitoringsafspraken) as indicators, each with the rule that turns measurements
 * into progress.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { ActiviteitSoort } from "./Activity.ts"
import { Bron, Herkomst } from "./Bron.ts"
import { BaatId } from "./Din.ts"
import { begin, Datum, granulariteit, Periode } from "./Periode.ts"

const Positive = Schema.Finite.pipe(Schema.check(Schema.isGreaterThan(0)))
const NonNegative = Schema.Finite.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))

/**
 * A value at a period: a baseline or a target.
 *
 * @since 0.1.0
 * @category models
 */
export const Ijkpunt = Schema.Struct({ periode: Periode, waarde: Schema.Finite }).annotate({
  identifier: "Ijkpunt"
})

/**
 * @since 0.1.0
 * @category models
 */
export type Ijkpunt = typeof Ijkpunt.Type

/**
 * From a baseline to a target along a straight path; a measurement within `tolerantie` (in the
 * indicator's unit) behind the path is `aandacht`, further behind `achter`.
 *
 * @since 0.1.0
 * @category models
 */
export const Traject = Schema.Struct({
  soort: Schema.Literal("traject"),
  basis: Ijkpunt,
  doel: Ijkpunt,
  tolerantie: NonNegative
})

/**
 * At least `minimum` in the period ("minimaal vijf bestuurlijke rapportages"), pro-rated before it ends.
 *
 * @since 0.1.0
 * @category models
 */
export const MinimumAantal = Schema.Struct({
  soort: Schema.Literal("minimum-aantal"),
  minimum: Positive,
  periode: Periode
})

/**
 * On average `perMaand` per month over the months passed ("gemiddeld één kennisbijeenkomst per maand").
 *
 * @since 0.1.0
 * @category models
 */
export const GemiddeldPerMaand = Schema.Struct({
  soort: Schema.Literal("gemiddeld-per-maand"),
  perMaand: Positive,
  periode: Periode
})

/**
 * Every unit of a level reaches `minimumPerEenheid` ("minimaal één RIEC-casus per district", "ieder
 * kwartaal"). Units are districts, basisteams or gemeenten of the region, or the quarters or months of
 * the period.
 *
 * @since 0.1.0
 * @category models
 */
export const Dekking = Schema.Struct({
  soort: Schema.Literal("dekking"),
  niveau: Schema.Literals(["district", "basisteam", "gemeente", "kwartaal", "maand"]),
  minimumPerEenheid: Positive,
  periode: Periode
})

/**
 * At least `groeiPercentage` percent more than the previous period ("+10% t.o.v. de minimale instroom
 * van 2024").
 *
 * @since 0.1.0
 * @category models
 */
export const Groei = Schema.Struct({
  soort: Schema.Literal("groei"),
  groeiPercentage: Schema.Finite,
  periode: Periode
})

/**
 * A checklist of milestones, each done or not ("geformuleerd, afgestemd en gecommuniceerd").
 *
 * @since 0.1.0
 * @category models
 */
export const Mijlpalen = Schema.Struct({
  soort: Schema.Literal("mijlpalen"),
  mijlpalen: Schema.NonEmptyArray(Schema.Struct({ id: Schema.NonEmptyString, tekst: Schema.NonEmptyString })),
  periode: Periode
})

/**
 * More than `minimumAandeel` percent of the units of a level ("een meerderheid van de gemeenten").
 *
 * @since 0.1.0
 * @category models
 */
export const Aandeel = Schema.Struct({
  soort: Schema.Literal("aandeel"),
  niveau: Schema.Literals(["district", "basisteam", "gemeente"]),
  minimumAandeel: Schema.Finite.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 100 }))),
  periode: Periode
})

/**
 * @since 0.1.0
 * @category models
 */
export const Regel = Schema.Union([
  Traject,
  MinimumAantal,
  GemiddeldPerMaand,
  Dekking,
  Groei,
  Mijlpalen,
  Aandeel
]).annotate({ identifier: "Regel" })

/**
 * @since 0.1.0
 * @category models
 */
export type Regel = typeof Regel.Type

/**
 * @since 0.1.0
 * @category models
 */
export type RegelSoort = Regel["soort"]

/**
 * @since 0.1.0
 * @category models
 */
export const IndicatorRef = Schema.Struct({ jaar: Schema.Int, id: Schema.NonEmptyString })

/**
 * How often the official source reports a figure: every month, quarter or year.
 *
 * @since 0.2.0
 * @category models
 */
export const Ritme = Schema.Literals(["maand", "kwartaal", "jaar"]).annotate({ identifier: "Ritme" })

/**
 * @since 0.2.0
 * @category models
 */
export type Ritme = typeof Ritme.Type

/**
 * A count of the activity register: the activities of one soort per period (the indicator's rhythm) and
 * per unit (the rule's level: district, basisteam or gemeente, else the region).
 *
 * @since 0.2.0
 * @category models
 */
export const Telling = Schema.Struct({ activiteit: ActiviteitSoort }).annotate({ identifier: "Telling" })

/**
 * @since 0.2.0
 * @category models
 */
export type Telling = typeof Telling.Type

/**
 * A monitoring agreement of one year plan.
 *
 * @since 0.1.0
 * @category models
 */
export const Indicator = Schema.Struct({
  /** Stable across years for an agreement that continues. */
  id: Schema.NonEmptyString,
  jaar: Schema.Int,
  baat: BaatId,
  tekst: Schema.NonEmptyString,
  regel: Regel,
  /** What is counted or measured, in Dutch: `kennisbijeenkomsten`, `%`. */
  eenheid: Schema.NonEmptyString,
  richting: Schema.Literals(["hoger", "lager"]),
  schaal: Schema.Literals(["regio", "district", "basisteam", "gemeente"]),
  /** The official source; measurements from other sources are shown as a signal only. */
  bron: Bron,
  /** When the official data is expected; until then missing data is `volgt`. */
  verwachtOp: Schema.NullOr(Datum),
  /** How often a figure is due; absent: the granularity of the rule's periods (see `ritme`). */
  ritme: Schema.optionalKey(Ritme),
  /** Months after a period ends before its figure is due; absent: the source's lag (see `vertraging`). */
  vertraging: Schema.optionalKey(
    Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 36 })))
  ),
  /** Measured from the activity register: which activities count. */
  telling: Schema.optionalKey(Telling),
  acties: Schema.Array(Schema.Int),
  voorganger: Schema.NullOr(IndicatorRef),
  herkomst: Herkomst
})
  .check(
    Schema.makeFilter((indicator) => {
      const issues: Array<Schema.FilterIssue> = []
      const { regel } = indicator
      if (regel.soort === "traject") {
        if (begin(regel.doel.periode) <= begin(regel.basis.periode)) {
          issues.push({
            path: ["regel", "doel", "periode"],
            issue: `indicator ${indicator.jaar}/${indicator.id}: doeljaar ${regel.doel.periode} ligt niet na het basisjaar ${regel.basis.periode}`
          })
        }
        const wantsLower = regel.doel.waarde < regel.basis.waarde
        if (regel.doel.waarde !== regel.basis.waarde && wantsLower !== (indicator.richting === "lager")) {
          issues.push({
            path: ["richting"],
            issue: `indicator ${indicator.jaar}/${indicator.id}: richting "${indicator.richting}" past niet bij basis → doel`
          })
        }
        if (indicator.eenheid === "%") {
          for (const key of ["basis", "doel"] as const) {
            const waarde = regel[key].waarde
            if (waarde < 0 || waarde > 100) {
              issues.push({
                path: ["regel", key, "waarde"],
                issue: `indicator ${indicator.jaar}/${indicator.id}: ${waarde} is geen percentage (0 tot en met 100)`
              })
            }
          }
        }
      }
      if (indicator.telling !== undefined && indicator.bron !== "activiteitenregister") {
        issues.push({
          path: ["bron"],
          issue: `indicator ${indicator.jaar}/${indicator.id}: een telling uit het activiteitenregister heeft bron "activiteitenregister", niet "${indicator.bron}"`
        })
      }
      return issues
    })
  )
  .annotate({ identifier: "Indicator" })

/**
 * @since 0.1.0
 * @category models
 */
export type Indicator = typeof Indicator.Type

/**
 * The period a rule judges: the target's period for a `traject`, else the rule's own.
 *
 * @since 0.2.0
 * @category getters
 */
export const rulePeriode = (regel: Regel): Periode =>
  regel.soort === "traject" ? regel.doel.periode : regel.periode

/**
 * The reporting rhythm: the indicator's own, else the units of a `dekking` over quarters or months, else
 * the granularity of the rule's period (a target for 2025 is reported once, for 2025).
 *
 * @since 0.2.0
 * @category getters
 */
export const ritme = (indicator: Indicator): Ritme => {
  if (indicator.ritme !== undefined) return indicator.ritme
  const { regel } = indicator
  if (regel.soort === "dekking" && (regel.niveau === "kwartaal" || regel.niveau === "maand"))
    return regel.niveau
  return granulariteit(rulePeriode(regel))
}

/**
 * Months a source takes to report a period, when the indicator says nothing else: the programme's own
 * records and the activity register a month, police registrations a month ("volgt in januari 2026"),
 * CBS and the Veiligheidsmonitor half a year.
 *
 * @since 0.2.0
 * @category models
 */
export const bronVertraging: Record<Bron, number> = {
  "programma-administratie": 1,
  activiteitenregister: 1,
  politieregistratie: 1,
  cbs: 6,
  veiligheidsmonitor: 6
}

/**
 * The reporting lag in months: the indicator's own, else its source's (`bronVertraging`).
 *
 * @since 0.2.0
 * @category getters
 */
export const vertraging = (indicator: Indicator): number =>
  indicator.vertraging ?? bronVertraging[indicator.bron]
