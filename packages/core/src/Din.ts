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
import { idFilter } from "./internal/id.ts"

/**
 * The id of a baat, chosen by the programme (`baat-1`, `weerbaarheid`): lower-case letters, digits and
 * hyphens, at most 64 characters.
 *
 * @since 0.1.0
 * @category models
 */
export const BaatId = Schema.String.pipe(Schema.check(idFilter("baat")), Schema.brand("BaatId")).annotate({
  identifier: "BaatId"
})

/**
 * @since 0.1.0
 * @category models
 */
export type BaatId = typeof BaatId.Type

/**
 * The id of a strategic doel, chosen by the programme (`voorkomen`).
 *
 * @since 0.3.0
 * @category models
 */
export const DoelId = Schema.String.pipe(Schema.check(idFilter("doel")), Schema.brand("DoelId")).annotate({
  identifier: "DoelId"
})

/**
 * @since 0.3.0
 * @category models
 */
export type DoelId = typeof DoelId.Type

/**
 * The id of an inspanning (effort cluster), chosen by the programme (`communicatie`).
 *
 * @since 0.3.0
 * @category models
 */
export const InspanningId = Schema.String.pipe(
  Schema.check(idFilter("inspanning")),
  Schema.brand("InspanningId")
).annotate({
  identifier: "InspanningId"
})

/**
 * @since 0.3.0
 * @category models
 */
export type InspanningId = typeof InspanningId.Type

/**
 * The id of a party in the network, chosen by the programme (`politie`, `om`, `gemeenten`).
 *
 * @since 0.3.0
 * @category models
 */
export const ActorId = Schema.String.pipe(Schema.check(idFilter("partij")), Schema.brand("ActorId")).annotate(
  {
    identifier: "ActorId"
  }
)

/**
 * @since 0.3.0
 * @category models
 */
export type ActorId = typeof ActorId.Type

/**
 * @since 0.1.0
 * @category models
 */
export const Baat = Schema.Struct({
  id: BaatId,
  nummer: Schema.Int.pipe(Schema.check(Schema.isGreaterThan(0))),
  naam: Schema.NonEmptyString,
  doel: DoelId,
  /** In the DIN of a later strategy period: the baat of the previous period's DIN this one continues. */
  voorganger: Schema.optionalKey(BaatId)
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
  id: DoelId,
  naam: Schema.NonEmptyString,
  /** In the DIN of a later strategy period: the doel of the previous period's DIN this one continues. */
  voorganger: Schema.optionalKey(DoelId)
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
  id: InspanningId,
  naam: Schema.NonEmptyString,
  resultaten: Schema.Array(Schema.NonEmptyString)
}).annotate({ identifier: "Inspanning" })

/**
 * @since 0.1.0
 * @category models
 */
export type Inspanning = typeof Inspanning.Type

/**
 * A group of actors in the network (in Midden-Nederland politie, OM, gemeenten, and those reached
 * indirectly), identified by an id the programme chooses.
 *
 * @since 0.1.0
 * @category models
 */
export const Actor = Schema.Struct({
  partij: ActorId,
  naam: Schema.NonEmptyString,
  rollen: Schema.Array(Schema.NonEmptyString)
}).annotate({ identifier: "Actor" })

/**
 * @since 0.1.0
 * @category models
 */
export type Actor = typeof Actor.Type

/**
 * The years a strategy period (a Regionale Veiligheidsstrategie) runs, both included: `{ van: 2023, tot: 2026 }`.
 *
 * @since 0.3.0
 * @category models
 */
export const Looptijd = Schema.Struct({
  van: Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 2000, maximum: 2100 }))),
  tot: Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 2000, maximum: 2100 })))
})
  .check(
    Schema.makeFilter(
      (looptijd) =>
        looptijd.tot >= looptijd.van || {
          path: ["tot"],
          issue: `looptijd ${looptijdLabel(looptijd)} eindigt voor hij begint`
        }
    )
  )
  .annotate({ identifier: "Looptijd" })

/**
 * @since 0.3.0
 * @category models
 */
export type Looptijd = typeof Looptijd.Type

/**
 * The DIN of one strategy period: ambition, doelen, baten, inspanningen, network, strategy and preconditions.
 * Ids are unique within their kind, and every baat stands under a doel of the same DIN.
 *
 * @since 0.3.0
 * @category models
 */
export const Din = Schema.Struct({
  looptijd: Looptijd,
  ambitie: Schema.NonEmptyString,
  doelen: Schema.Array(Doel),
  baten: Schema.Array(Baat),
  inspanningen: Schema.Array(Inspanning),
  netwerk: Schema.Array(Actor),
  strategie: Schema.Array(Schema.NonEmptyString),
  randvoorwaarden: Schema.Array(Schema.NonEmptyString),
  werkwijze: Schema.NonEmptyString,
  herkomst: Herkomst
})
  .check(Schema.makeFilter((din) => dinIssues(din)))
  .annotate({ identifier: "Din" })

/**
 * @since 0.3.0
 * @category models
 */
export type Din = typeof Din.Type

/**
 * The whole programme: its name and region, and one DIN per strategy period, oldest first, their looptijden
 * apart. A jaarplan is made under the DIN whose looptijd holds its year, and stays judged under it when a
 * new period begins. A baat or doel of a later DIN may name the one of the previous DIN it continues
 * (`voorganger`).
 *
 * @since 0.1.0
 * @category models
 */
export const Program = Schema.Struct({
  naam: Schema.NonEmptyString,
  regio: Schema.NonEmptyString,
  strategieperioden: Schema.NonEmptyArray(Din)
})
  .check(Schema.makeFilter((program) => periodIssues(program.strategieperioden)))
  .annotate({ identifier: "Program" })

/**
 * @since 0.1.0
 * @category models
 */
export type Program = typeof Program.Type

/**
 * The DIN a jaarplan of `jaar` is made under: the strategy period whose looptijd holds the year; `undefined`
 * when no period does.
 *
 * @since 0.3.0
 * @category getters
 */
export const voorJaar = (program: Program, jaar: number): Din | undefined =>
  program.strategieperioden.find((din) => din.looptijd.van <= jaar && jaar <= din.looptijd.tot)

/**
 * The DIN an output shows for `jaar`: the one whose looptijd holds it (`voorJaar`; for every jaarplan of a
 * decoded dataset there is one), else the last period begun before the year, else the first.
 *
 * @since 0.3.0
 * @category getters
 */
export const geldendVoor = (program: Program, jaar: number): Din =>
  voorJaar(program, jaar) ??
  program.strategieperioden.findLast((din) => din.looptijd.van <= jaar) ??
  program.strategieperioden[0]

/**
 * The baat `id` of the DIN that jaarplan `jaar` is made under.
 *
 * @since 0.3.0
 * @category getters
 */
export const baat = (program: Program, jaar: number, id: string): Baat | undefined =>
  voorJaar(program, jaar)?.baten.find((b) => b.id === id)

/**
 * The DIN for a new strategy period as a copy of `din`: the same doelen and baten (each naming the one it
 * copies as `voorganger`), inspanningen, network and strategy, for the programme to change from there.
 *
 * @since 0.3.0
 * @category constructors
 */
export const kopieVoorPeriode = (
  din: Din,
  looptijd: Looptijd,
  herkomst: { readonly document: string; readonly sectie: string }
): Din => ({
  ...din,
  looptijd,
  doelen: din.doelen.map((d) => ({ ...d, voorganger: d.id })),
  baten: din.baten.map((b) => ({ ...b, voorganger: b.id })),
  herkomst
})

/**
 * The programme with a new strategy period after its last, starting from a copy of the last DIN
 * (`kopieVoorPeriode`); `undefined` when `looptijd` does not begin after the last period ends.
 *
 * @since 0.3.0
 * @category constructors
 */
export const metNieuwePeriode = (
  program: Program,
  looptijd: Looptijd,
  herkomst: { readonly document: string; readonly sectie: string }
): Program | undefined => {
  const laatste = program.strategieperioden[program.strategieperioden.length - 1] as Din
  if (looptijd.van <= laatste.looptijd.tot || looptijd.tot < looptijd.van) return undefined
  return {
    ...program,
    strategieperioden: [...program.strategieperioden, kopieVoorPeriode(laatste, looptijd, herkomst)]
  }
}

/**
 * The baten of `naar` that continue baat `id` of the DIN before it (those naming it as `voorganger`).
 *
 * @since 0.3.0
 * @category getters
 */
export const opvolgers = (naar: Din, id: string): ReadonlyArray<Baat> =>
  naar.baten.filter((b) => b.voorganger === id)

/**
 * `2023–2026`: a looptijd as the documents write it.
 *
 * @since 0.3.0
 * @category formatting
 */
export const looptijdLabel = (looptijd: { readonly van: number; readonly tot: number }): string =>
  `${looptijd.van}–${looptijd.tot}`

/**
 * Why `baat` cannot be referred to by a record of jaarplan `jaar`: it is not a baat of the DIN the year's
 * plan is made under ("baat `baat-9` bestaat niet in de DIN van 2023–2026"), or no DIN holds the year;
 * `undefined` when it can.
 *
 * @since 0.3.0
 * @category rules
 */
export const baatOnbekend = (program: Program, jaar: number, baat: string): string | undefined => {
  const din = voorJaar(program, jaar)
  if (din === undefined) return geenDin(program, jaar)
  return din.baten.some((b) => b.id === baat)
    ? undefined
    : `baat \`${baat}\` bestaat niet in de DIN van ${looptijdLabel(din.looptijd)}`
}

/**
 * Why there is no DIN for `jaar`: "geen DIN voor 2027 (de strategieperioden zijn 2023–2026)".
 *
 * @since 0.3.0
 * @category rules
 */
export const geenDin = (program: Program, jaar: number): string =>
  `geen DIN voor ${jaar} (de strategieperioden zijn ${program.strategieperioden.map((d) => looptijdLabel(d.looptijd)).join(", ")})`

const duplicates = <A>(
  items: ReadonlyArray<A>,
  key: (a: A) => string | number,
  path: (i: number) => ReadonlyArray<PropertyKey>,
  issue: (a: A) => string
): Array<Schema.FilterIssue> => {
  const seen = new Set<string | number>()
  return items.flatMap((item, i) => {
    const k = key(item)
    if (seen.has(k)) return [{ path: path(i), issue: issue(item) }]
    seen.add(k)
    return []
  })
}

const dinIssues = (program: {
  readonly looptijd: { readonly van: number; readonly tot: number }
  readonly doelen: ReadonlyArray<Doel>
  readonly baten: ReadonlyArray<Baat>
  readonly inspanningen: ReadonlyArray<Inspanning>
  readonly netwerk: ReadonlyArray<Actor>
}): Array<Schema.FilterIssue> => {
  const din = `de DIN van ${looptijdLabel(program.looptijd)}`
  const doelen = new Set<string>(program.doelen.map((d) => d.id))
  return [
    ...duplicates(
      program.doelen,
      (d) => d.id,
      (i) => ["doelen", i, "id"],
      (d) => `doel \`${d.id}\` staat dubbel in ${din}`
    ),
    ...duplicates(
      program.baten,
      (b) => b.id,
      (i) => ["baten", i, "id"],
      (b) => `baat \`${b.id}\` staat dubbel in ${din}`
    ),
    ...duplicates(
      program.baten,
      (b) => b.nummer,
      (i) => ["baten", i, "nummer"],
      (b) => `baat ${b.id}: nummer ${b.nummer} is al in gebruik in ${din}`
    ),
    ...duplicates(
      program.inspanningen,
      (x) => x.id,
      (i) => ["inspanningen", i, "id"],
      (x) => `inspanning \`${x.id}\` staat dubbel in ${din}`
    ),
    ...duplicates(
      program.netwerk,
      (a) => a.partij,
      (i) => ["netwerk", i, "partij"],
      (a) => `partij \`${a.partij}\` staat dubbel in ${din}`
    ),
    ...program.baten.flatMap((baat, i) =>
      doelen.has(baat.doel)
        ? []
        : [
            {
              path: ["baten", i, "doel"],
              issue: `baat ${baat.id}: doel \`${baat.doel}\` bestaat niet in ${din}`
            }
          ]
    )
  ]
}

const periodIssues = (perioden: ReadonlyArray<Din>): Array<Schema.FilterIssue> =>
  perioden.flatMap((din, k) => {
    const vorige = perioden[k - 1]
    const hier = `de DIN van ${looptijdLabel(din.looptijd)}`
    const issues: Array<Schema.FilterIssue> = []
    if (vorige !== undefined && din.looptijd.van <= vorige.looptijd.tot) {
      issues.push({
        path: [k, "looptijd", "van"],
        issue: `${hier} begint niet na de strategieperiode ${looptijdLabel(vorige.looptijd)} ervoor`
      })
    }
    const link = (
      soort: "doel" | "baat",
      items: ReadonlyArray<Doel | Baat>,
      eerder: ReadonlyArray<{ readonly id: string }>
    ) =>
      items.forEach((item, i) => {
        if (item.voorganger === undefined) return
        if (vorige === undefined) {
          issues.push({
            path: [k, soort === "doel" ? "doelen" : "baten", i, "voorganger"],
            issue: `${soort} ${item.id} van ${hier}: de eerste strategieperiode heeft geen voorganger`
          })
        } else if (!eerder.some((e) => e.id === item.voorganger)) {
          issues.push({
            path: [k, soort === "doel" ? "doelen" : "baten", i, "voorganger"],
            issue: `${soort} ${item.id} van ${hier}: voorganger \`${item.voorganger}\` bestaat niet in de DIN van ${looptijdLabel(vorige.looptijd)}`
          })
        }
      })
    link("doel", din.doelen, vorige?.doelen ?? [])
    link("baat", din.baten, vorige?.baten ?? [])
    return issues
  })
