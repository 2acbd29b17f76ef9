/**
 * Roll-up of progress: indicator → baat → doel → programme.
 *
 * The rule: a node is `behaald` only when every child is, and `behaald` or `op-koers` only on evidence.
 * Measured statuses rank `achter` < `aandacht` < `op-koers` < `behaald`; a node stands where its
 * furthest-behind measured child stands, and names the indicators that put it there. A child whose data
 * was due and did not come (`geen-data`) counts against the node: with one, the node is at best
 * `aandacht`. A child whose data is not due yet (`volgt`) neither helps nor hurts, except that it keeps
 * the node from `behaald` (`op-koers` at best). `op-koers` needs at least half of the indicators under the
 * node measured; with fewer, and nothing behind or overdue, the node is `volgt` (bad news needs one
 * indicator, good news half). With no child measured the node is `geen-data` when one is overdue, else
 * `volgt`. Every node says how much of it is measured ("2 van 3 gemeten"), counted in indicators. A
 * signal from a non-official source never rolls up.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import type { Din } from "./Din.ts"
import { BaatId } from "./Din.ts"
import { listNames } from "./internal/text.ts"
import { Datum } from "./Periode.ts"
import type { Progress } from "./Progress.ts"
import { Status, statusLabel } from "./Progress.ts"

const Node = {
  status: Status,
  uitleg: Schema.String,
  /** Ids of the indicators that decide the status. */
  drijvers: Schema.Array(Schema.String),
  /** How many of the indicators under the node are measured (`behaald`, `op-koers`, `aandacht`, `achter`). */
  gemeten: Schema.Int,
  /** How many indicators are under the node. */
  totaal: Schema.Int
}

/**
 * @since 0.1.0
 * @category models
 */
export const BaatVoortgang = Schema.Struct({
  ...Node,
  baat: BaatId,
  naam: Schema.String,
  indicatoren: Schema.Array(Schema.String)
}).annotate({ identifier: "BaatVoortgang" })

/**
 * @since 0.1.0
 * @category models
 */
export type BaatVoortgang = typeof BaatVoortgang.Type

/**
 * @since 0.1.0
 * @category models
 */
export const DoelVoortgang = Schema.Struct({
  ...Node,
  doel: Schema.String,
  naam: Schema.String,
  baten: Schema.Array(BaatVoortgang)
}).annotate({ identifier: "DoelVoortgang" })

/**
 * @since 0.1.0
 * @category models
 */
export type DoelVoortgang = typeof DoelVoortgang.Type

/**
 * @since 0.1.0
 * @category models
 */
export const ProgrammaVoortgang = Schema.Struct({
  ...Node,
  jaar: Schema.Int,
  peildatum: Datum,
  doelen: Schema.Array(DoelVoortgang)
}).annotate({ identifier: "ProgrammaVoortgang" })

/**
 * @since 0.1.0
 * @category models
 */
export type ProgrammaVoortgang = typeof ProgrammaVoortgang.Type

const measuredRank: Partial<Record<Status, number>> = { achter: 0, aandacht: 1, "op-koers": 2, behaald: 3 }

interface Child {
  readonly status: Status
  readonly drijvers: ReadonlyArray<string>
  /** Measured indicators under the child (1 or 0 for an indicator). */
  readonly gemeten: number
  /** Indicators under the child (1 for an indicator); a child with none is left out. */
  readonly totaal: number
}

/**
 * Combines children by the roll-up rule (see the module): the status, the driving indicators and how
 * many indicators under them are measured.
 *
 * @since 0.1.0
 * @category rules
 */
export const combine = (
  children: ReadonlyArray<Child>
): { status: Status; drijvers: Array<string>; gemeten: number; totaal: number } => {
  let gemeten = 0
  let totaal = 0
  let worst: Status | undefined
  let overdue = false
  let pending = false
  let allBehaald = true
  for (const c of children) {
    if (c.totaal === 0) continue
    gemeten += c.gemeten
    totaal += c.totaal
    const rank = measuredRank[c.status]
    if (c.status !== "behaald") allBehaald = false
    if (rank === undefined) {
      if (c.status === "geen-data") overdue = true
      else pending = true
    } else if (worst === undefined || rank < (measuredRank[worst] ?? 0)) worst = c.status
  }
  let status: Status
  if (worst === undefined) status = overdue || totaal === 0 ? "geen-data" : "volgt"
  else if (overdue && (measuredRank[worst] ?? 0) > 1) status = "aandacht"
  else if (worst === "behaald" && (pending || !allBehaald)) status = "op-koers"
  else status = worst
  // Good news needs enough evidence: op koers on fewer than half of the indicators is not yet a verdict.
  if (status === "op-koers" && gemeten * 2 < totaal) status = "volgt"
  const deciding = (c: Child) =>
    c.totaal > 0 &&
    (c.status === status ||
      (status === "aandacht" && c.status === "geen-data") ||
      (status === "op-koers" && worst === "behaald" && c.status === "volgt"))
  const drijvers = [...new Set(children.filter(deciding).flatMap((c) => c.drijvers))]
  return { status, drijvers, gemeten, totaal }
}

const explain = (
  status: Status,
  drijvers: ReadonlyArray<string>,
  children: ReadonlyArray<Child>,
  soort: "indicatoren" | "baten" | "doelen",
  gemeten: number,
  totaal: number
): string => {
  if (totaal === 0) return `Geen ${soort}.`
  const counts = new Map<Status, number>()
  for (const c of children) if (c.totaal > 0) counts.set(c.status, (counts.get(c.status) ?? 0) + 1)
  const rest = [...counts].map(([s, n]) => `${n} ${statusLabel[s]}`).join(", ")
  return `${statusLabel[status]} (${gemeten} van ${totaal} gemeten) door ${listNames(drijvers)}; ${soort}: ${rest}`
}

/**
 * "2 van 3 gemeten": how much of a node is measured, as every output writes it.
 *
 * @since 0.2.0
 * @category formatting
 */
export const dekkingLabel = (node: { readonly gemeten: number; readonly totaal: number }): string =>
  `${node.gemeten} van ${node.totaal} gemeten`

/**
 * How every output names an operational goal (a baat in the DIN's words): "Doel 3: Onze professionals …",
 * as the year plans do.
 *
 * @since 0.2.0
 * @category formatting
 */
export const baatTitel = (baat: { readonly nummer: number; readonly naam: string }): string =>
  `Doel ${baat.nummer}: ${baat.naam}`

/**
 * How every output names one of the DIN's goals above the operational ones: "Strategisch doel: …".
 *
 * @since 0.2.0
 * @category formatting
 */
export const doelTitel = (doel: { readonly naam: string }): string => `Strategisch doel: ${doel.naam}`

/**
 * Rolls the progress of one year's indicators up to baten, doelen and the programme.
 *
 * @since 0.1.0
 * @category rules
 */
export const rollUp = (
  program: Pick<Din, "doelen" | "baten">,
  jaar: number,
  peildatum: Datum,
  progress: ReadonlyArray<Progress>
): ProgrammaVoortgang => {
  const ofYear = progress.filter((p) => p.jaar === jaar)
  const baten = program.baten.map((baat): BaatVoortgang => {
    const own = ofYear.filter((p) => p.baat === baat.id)
    const children = own.map((p) => ({
      status: p.status,
      drijvers: [p.indicator],
      gemeten: measuredRank[p.status] === undefined ? 0 : 1,
      totaal: 1
    }))
    const { status, drijvers, gemeten, totaal } = combine(children)
    return {
      baat: baat.id,
      naam: baat.naam,
      status,
      drijvers,
      gemeten,
      totaal,
      uitleg: explain(status, drijvers, children, "indicatoren", gemeten, totaal),
      indicatoren: own.map((p) => p.indicator)
    }
  })
  const doelen = program.doelen.map((doel): DoelVoortgang => {
    const own = baten.filter((_, i) => program.baten[i]?.doel === doel.id)
    const { status, drijvers, gemeten, totaal } = combine(own)
    return {
      doel: doel.id,
      naam: doel.naam,
      status,
      drijvers,
      gemeten,
      totaal,
      uitleg: explain(status, drijvers, own, "baten", gemeten, totaal),
      baten: own
    }
  })
  const { status, drijvers, gemeten, totaal } = combine(doelen)
  return {
    jaar,
    peildatum,
    status,
    drijvers,
    gemeten,
    totaal,
    uitleg: explain(status, drijvers, doelen, "doelen", gemeten, totaal),
    doelen
  }
}
