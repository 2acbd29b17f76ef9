/**
 * The floor: the same trajectory statuses and roll-ups as dvcc computes, with plain loops over plain
 * numbers. No schemas, no strings, no objects per verdict: what the work costs at the least on this
 * machine, measured in the same run as dvcc.
 *
 * It follows `Progress.evaluate` for a `traject` rule step by step: only measurements recorded on or
 * before the peildatum count; the latest period wins (on a tie the later recording); the expected value
 * lies on the straight path between the middles of the baseline and target periods (the target itself
 * once the target period has begun); `behaald`/`op-koers` at or ahead of it, `aandacht` within the
 * tolerance behind, `achter` further behind. Without a counting measurement: `volgt` until the target
 * period has ended, then `geen-data`. The roll-up follows `Rollup.rollUp`: a node stands where its
 * furthest-behind measured child stands.
 *
 * It covers what the benchmark data holds and no more: monthly measurements from the official source,
 * indicators without `verwachtOp`. Every run of every side is checked against it, status by status.
 */
import type { Indicator, Measurement } from "@dvcc/core"
import type { FloorData } from "./data.ts"

/** Status codes; the measured ones rank by their code. */
export const STATUS = ["achter", "aandacht", "op-koers", "behaald", "geen-data", "volgt"] as const
export type StatusName = (typeof STATUS)[number]
const BEHAALD = 3
const OP_KOERS = 2
const AANDACHT = 1
const ACHTER = 0
const GEEN_DATA = 4
const VOLGT = 5
const NONE = 255

/** Roll-up slots per gemeente: the baten, then the doelen, then the programme. */
export const rollupWidth = (data: FloorData): number => data.doelVanBaat.length + doelCount(data) + 1

const doelCount = (data: FloorData): number => Math.max(...data.doelVanBaat) + 1

/**
 * Writes the status of every pair (gemeente × indicator) into `statuses` and the roll-up of every
 * gemeente into `rollup` (`rollupWidth` slots each). Reads only the typed arrays: this is the floor.
 */
export const runFloor = (data: FloorData, statuses: Uint8Array, rollup: Uint8Array): void => {
  const { offsets, maand, waarde, vastgelegd, peildag } = data
  const indicatoren = data.indicator.basis.length
  const gemeenten = data.pairs / indicatoren
  const nodes = new Nodes(data)
  for (let g = 0; g < gemeenten; g++) {
    for (let i = 0; i < indicatoren; i++) {
      const p = g * indicatoren + i
      const end = offsets[p + 1] as number
      let best = -1
      let bestMaand = 0
      let bestVastgelegd = 0
      for (let j = offsets[p] as number; j < end; j++) {
        const v = vastgelegd[j] as number
        if (v > peildag) continue
        const m = maand[j] as number
        if (best < 0 || m > bestMaand || (m === bestMaand && v > bestVastgelegd)) {
          best = j
          bestMaand = m
          bestVastgelegd = v
        }
      }
      statuses[p] =
        best < 0
          ? missing(data, i)
          : trajectStatus(data, i, bestMaand, monthMidden(bestMaand), waarde[best] as number)
    }
    nodes.rollUp(statuses, g, rollup)
  }
}

/**
 * For information, not the floor: the same plain loops over the same `Measurement` objects dvcc reads
 * (string periods and dates, one object per measurement), without schemas, formatting or result objects.
 * The gap between this and the floor is what the data representation costs; the gap between dvcc and this
 * is what dvcc adds on top.
 */
export const runObjectLoop = (
  data: FloorData,
  indicatoren: ReadonlyArray<Indicator.Indicator>,
  perPair: ReadonlyArray<ReadonlyArray<Measurement.Measurement>>,
  peildatum: string,
  statuses: Uint8Array,
  rollup: Uint8Array
): void => {
  const count = indicatoren.length
  const gemeenten = data.pairs / count
  const nodes = new Nodes(data)
  for (let g = 0; g < gemeenten; g++) {
    for (let i = 0; i < count; i++) {
      const p = g * count + i
      const indicator = indicatoren[i] as Indicator.Indicator
      const list = perPair[p] as ReadonlyArray<Measurement.Measurement>
      let best: Measurement.Measurement | undefined
      let bestBegin = 0
      for (let j = 0; j < list.length; j++) {
        const m = list[j] as Measurement.Measurement
        if (
          m.indicator !== indicator.id ||
          m.jaar !== indicator.jaar ||
          m.vastgelegdOp > peildatum ||
          m.bron !== indicator.bron
        ) {
          continue
        }
        const b = beginOf(m.periode)
        if (
          best === undefined ||
          b > bestBegin ||
          (m.periode === best.periode && m.vastgelegdOp > best.vastgelegdOp)
        ) {
          best = m
          bestBegin = b
        }
      }
      statuses[p] =
        best === undefined
          ? missing(data, i)
          : trajectStatus(data, i, bestBegin, middenOf(best.periode), best.waarde)
    }
    nodes.rollUp(statuses, g, rollup)
  }
}

/** `Periode.midden` of a month given as a month index. */
const monthMidden = (maand: number): number => {
  const jaar = Math.floor(maand / 12)
  return jaar + (maand - jaar * 12 + 0.5) / 12
}

/** Month index of the first month, and the middle, of a period string, parsed once per distinct string. */
const periodCache = new Map<string, { readonly begin: number; readonly midden: number }>()
const period = (periode: string): { readonly begin: number; readonly midden: number } => {
  let cached = periodCache.get(periode)
  if (cached === undefined) {
    const jaar = Number(periode.slice(0, 4))
    const quarter = periode.charAt(5) === "Q"
    const vanMaand =
      periode.length === 4 ? 1 : quarter ? (Number(periode.slice(6)) - 1) * 3 + 1 : Number(periode.slice(5))
    const maanden = periode.length === 4 ? 12 : quarter ? 3 : 1
    cached = { begin: jaar * 12 + vanMaand - 1, midden: jaar + (vanMaand - 1 + maanden / 2) / 12 }
    periodCache.set(periode, cached)
  }
  return cached
}
const beginOf = (periode: string): number => period(periode).begin
const middenOf = (periode: string): number => period(periode).midden

/** Without a counting measurement: `volgt` until the target period has ended, then `geen-data`. */
const missing = (data: FloorData, i: number): number =>
  data.peildag > (data.indicator.doelEindeDag[i] as number) ? GEEN_DATA : VOLGT

/** The `traject` verdict on the latest measurement: its first month, its middle and its value. */
const trajectStatus = (
  data: FloorData,
  i: number,
  beginMaand: number,
  midden: number,
  value: number
): number => {
  const ind = data.indicator
  const targetReached = beginMaand >= (ind.doelBeginMaand[i] as number)
  const b = ind.basis[i] as number
  const d = ind.doel[i] as number
  const bm = ind.basisMidden[i] as number
  const fraction = (midden - bm) / ((ind.doelMidden[i] as number) - bm)
  const expected = targetReached ? d : b + (d - b) * Math.max(0, fraction)
  const ahead = (ind.sign[i] as number) * (value - expected)
  if (ahead >= 0) return targetReached ? BEHAALD : OP_KOERS
  return ahead >= -(ind.tolerantie[i] as number) ? AANDACHT : ACHTER
}

/** The roll-up of one gemeente: per node the worst measured status, whether a child had no data, any child. */
class Nodes {
  readonly worst: Uint8Array
  readonly geenData: Uint8Array
  readonly any: Uint8Array
  readonly baat: Int8Array
  readonly doelVanBaat: Int8Array
  readonly baten: number
  readonly doelen: number
  readonly indicatoren: number

  constructor(data: FloorData) {
    this.baat = data.indicator.baat
    this.doelVanBaat = data.doelVanBaat
    this.baten = data.doelVanBaat.length
    this.doelen = doelCount(data)
    this.indicatoren = data.indicator.baat.length
    const size = this.baten + this.doelen + 1
    this.worst = new Uint8Array(size)
    this.geenData = new Uint8Array(size)
    this.any = new Uint8Array(size)
  }

  rollUp(statuses: Uint8Array, g: number, rollup: Uint8Array): void {
    const { baten, doelen, indicatoren } = this
    this.worst.fill(NONE)
    this.geenData.fill(0)
    this.any.fill(0)
    for (let i = 0; i < indicatoren; i++)
      this.add(this.baat[i] as number, statuses[g * indicatoren + i] as number)
    const base = g * (baten + doelen + 1)
    for (let b = 0; b < baten; b++) {
      const s = this.settle(b)
      rollup[base + b] = s
      this.add(baten + (this.doelVanBaat[b] as number), s)
    }
    for (let d = 0; d < doelen; d++) {
      const s = this.settle(baten + d)
      rollup[base + baten + d] = s
      this.add(baten + doelen, s)
    }
    rollup[base + baten + doelen] = this.settle(baten + doelen)
  }

  private add(node: number, status: number): void {
    this.any[node] = 1
    if (status < GEEN_DATA) {
      if (status < (this.worst[node] as number)) this.worst[node] = status
    } else if (status === GEEN_DATA) this.geenData[node] = 1
  }

  private settle(node: number): number {
    const w = this.worst[node] as number
    if (w !== NONE) return w
    return this.geenData[node] === 1 || this.any[node] === 0 ? GEEN_DATA : VOLGT
  }
}
