/**
 * Roll-up of progress: indicator → baat → doel → programme.
 *
 * The rule, in one sentence: a node stands where its furthest-behind measured child stands, and names
 * the indicators that put it there. Measured statuses rank `achter` < `aandacht` < `op-koers` <
 * `behaald`; `geen-data` and `volgt` children say nothing about progress, so they decide only when no
 * child is measured (`geen-data` before `volgt`). A signal from a non-official source never rolls up.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import type { Program } from "./Din.ts"
import { BaatId } from "./Din.ts"
import { listNames } from "./internal/text.ts"
import { Datum } from "./Periode.ts"
import type { Progress } from "./Progress.ts"
import { Status, statusLabel } from "./Progress.ts"

const Node = {
  status: Status,
  uitleg: Schema.String,
  /** Ids of the indicators that decide the status. */
  drijvers: Schema.Array(Schema.String)
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
}

/**
 * Combines children's statuses by the roll-up rule, returning the status and the driving indicators.
 *
 * @since 0.1.0
 * @category rules
 */
export const combine = (children: ReadonlyArray<Child>): { status: Status; drijvers: Array<string> } => {
  const measured = children.filter((c) => measuredRank[c.status] !== undefined)
  const pool = measured.length > 0 ? measured : children
  if (pool.length === 0) return { status: "geen-data", drijvers: [] }
  const status =
    measured.length > 0
      ? measured.reduce((worst, c) =>
          (measuredRank[c.status] ?? 0) < (measuredRank[worst.status] ?? 0) ? c : worst
        ).status
      : children.some((c) => c.status === "geen-data")
        ? "geen-data"
        : "volgt"
  const drijvers = [...new Set(pool.filter((c) => c.status === status).flatMap((c) => c.drijvers))]
  return { status, drijvers }
}

const explain = (
  status: Status,
  drijvers: ReadonlyArray<string>,
  children: ReadonlyArray<Child>,
  soort: "indicatoren" | "baten" | "doelen"
): string => {
  if (children.length === 0) return `Geen ${soort}.`
  const counts = new Map<Status, number>()
  for (const c of children) counts.set(c.status, (counts.get(c.status) ?? 0) + 1)
  const rest = [...counts].map(([s, n]) => `${n} ${statusLabel[s]}`).join(", ")
  return `${statusLabel[status]} door ${listNames(drijvers)}; ${soort}: ${rest}`
}

/**
 * Rolls the progress of one year's indicators up to baten, doelen and the programme.
 *
 * @since 0.1.0
 * @category rules
 */
export const rollUp = (
  program: Program,
  jaar: number,
  peildatum: Datum,
  progress: ReadonlyArray<Progress>
): ProgrammaVoortgang => {
  const ofYear = progress.filter((p) => p.jaar === jaar)
  const baten = program.baten.map((baat): BaatVoortgang => {
    const own = ofYear.filter((p) => p.baat === baat.id)
    const children = own.map((p) => ({ status: p.status, drijvers: [p.indicator] }))
    const { status, drijvers } = combine(children)
    return {
      baat: baat.id,
      naam: baat.naam,
      status,
      drijvers,
      uitleg: explain(status, drijvers, children, "indicatoren"),
      indicatoren: own.map((p) => p.indicator)
    }
  })
  const doelen = program.doelen.map((doel): DoelVoortgang => {
    const own = baten.filter((_, i) => program.baten[i]?.doel === doel.id)
    const { status, drijvers } = combine(own)
    return {
      doel: doel.id,
      naam: doel.naam,
      status,
      drijvers,
      uitleg: explain(status, drijvers, own, "baten"),
      baten: own
    }
  })
  const { status, drijvers } = combine(doelen)
  return { jaar, peildatum, status, drijvers, uitleg: explain(status, drijvers, doelen, "doelen"), doelen }
}
