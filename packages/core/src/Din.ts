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

/** What an id the programme chooses looks like: lower-case letters, digits and hyphens, as in a URL. */
const idPattern = /^[a-z0-9][a-z0-9-]*$/

/** Ids are keys in URLs, workbooks and messages: short enough to read. */
const idMaxLength = 64

const idFilter = (wat: string) =>
  Schema.makeFilter(
    (s: string) =>
      (s.length <= idMaxLength && idPattern.test(s)) ||
      `${JSON.stringify(s.length > idMaxLength ? `${s.slice(0, idMaxLength)}…` : s)} is geen geldige id van een ${wat}: kleine letters, cijfers en koppeltekens, beginnend met een letter of cijfer, hoogstens ${idMaxLength} tekens`
  )

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
  doel: DoelId
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
 * The whole programme. Ids are unique within their kind, and every baat stands under a doel of the DIN.
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
  .check(Schema.makeFilter((program) => programIssues(program)))
  .annotate({ identifier: "Program" })

/**
 * @since 0.1.0
 * @category models
 */
export type Program = typeof Program.Type

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
 * plan is made under ("baat `baat-9` bestaat niet in de DIN van 2023–2026"); `undefined` when it can.
 *
 * @since 0.3.0
 * @category rules
 */
export const baatOnbekend = (program: Program, _jaar: number, baat: string): string | undefined =>
  program.baten.some((b) => b.id === baat)
    ? undefined
    : `baat \`${baat}\` bestaat niet in de DIN van ${looptijdLabel(program.looptijd)}`

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

const programIssues = (program: {
  readonly looptijd: { readonly van: number; readonly tot: number }
  readonly doelen: ReadonlyArray<Doel>
  readonly baten: ReadonlyArray<Baat>
  readonly inspanningen: ReadonlyArray<Inspanning>
  readonly netwerk: ReadonlyArray<Actor>
}): Array<Schema.FilterIssue> => {
  const din = `de DIN van ${looptijdLabel(program.looptijd)}`
  const doelen = new Set<string>(program.doelen.map((d) => d.id))
  return [
    ...(program.looptijd.tot < program.looptijd.van
      ? [
          {
            path: ["looptijd", "tot"],
            issue: `looptijd ${looptijdLabel(program.looptijd)} eindigt voor hij begint`
          }
        ]
      : []),
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
