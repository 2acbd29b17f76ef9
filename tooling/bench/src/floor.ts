/**
 * The floor: the same trajectory statuses and roll-ups as dvcc computes, with plain loops over plain
 * numbers. No schemas, no strings, no objects per verdict: what the work costs at the least on this
 * machine, measured in the same run as dvcc.
 *
 * It follows `Progress.evaluate` for a `traject` rule step by step: only measurements recorded on or
 * before the peildatum count; the latest period wins (on a tie the later recording); the expected value
 * lies on the straight path between the middles of the baseline and target periods (the target itself
 * once the target period has begun); `behaald`/`op-koers` at or ahead of it, `aandacht` within the
 * tolerance behind, `achter` further behind. An `op-koers` resting on a measurement older than the rhythm
 * (the next figure, a rhythm plus the lag after its month or the final one the lag after the target
 * period, is overdue) is `aandacht`. Without a counting measurement: `volgt` until the lag after the target
 * period has passed, then `geen-data`. The roll-up follows `Rollup.combine`: `behaald` only when every
 * child is; else the furthest-behind measured child, at best `aandacht` with an overdue child and at best
 * `op-koers` with one still to come, and `op-koers` only with half of its indicators measured (else
 * `volgt`); with nothing measured `geen-data` when something is overdue, else `volgt`; and per node how
 * many indicators are measured.
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

/** The last day of month index `maand` as a day number. */
const monthEndDay = (maand: number): number => {
  const jaar = Math.floor(maand / 12)
  return Date.UTC(jaar, maand - jaar * 12 + 1, 1) / 86_400_000 - 1
}

/** Per indicator the day its final figure is due: the lag after the target period. */
const dueDays = (data: FloorData): Int32Array =>
  Int32Array.from(data.indicator.doelEindeMaand, (m, i) =>
    monthEndDay(m + (data.indicator.vertraging[i] as number))
  )

/** An `op-koers` on a stand older than the rhythm is no evidence: `aandacht`. */
const aged = (data: FloorData, i: number, status: number, bestMaand: number, due: Int32Array): number => {
  if (status !== OP_KOERS) return status
  const ind = data.indicator
  const stand = Math.min(monthEndDay(bestMaand), data.peildag)
  if (stand >= (ind.doelEindeDag[i] as number)) return status
  const nextStand = monthEndDay(bestMaand + (ind.ritmeMaanden[i] as number) + (ind.vertraging[i] as number))
  const next = Math.min(nextStand, due[i] as number)
  return data.peildag > next ? AANDACHT : status
}

/** Roll-up slots per gemeente: the baten, then the doelen, then the programme. */
export const rollupWidth = (data: FloorData): number => data.doelVanBaat.length + doelCount(data) + 1

const doelCount = (data: FloorData): number => Math.max(...data.doelVanBaat) + 1

/**
 * Writes the status of every pair (gemeente × indicator) into `statuses` and the roll-up of every
 * gemeente into `rollup` (`rollupWidth` slots each). Reads only the typed arrays: this is the floor.
 */
export const runFloor = (
  data: FloorData,
  statuses: Uint8Array,
  rollup: Uint8Array,
  gemeten: Uint16Array
): void => {
  const { offsets, maand, waarde, vastgelegd, peildag } = data
  const indicatoren = data.indicator.basis.length
  const gemeenten = data.pairs / indicatoren
  const nodes = new Nodes(data)
  const due = dueDays(data)
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
          ? missing(data, i, due)
          : aged(
              data,
              i,
              trajectStatus(data, i, bestMaand, monthMidden(bestMaand), waarde[best] as number),
              bestMaand,
              due
            )
    }
    nodes.rollUp(statuses, g, rollup, gemeten)
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
  rollup: Uint8Array,
  gemeten: Uint16Array
): void => {
  const count = indicatoren.length
  const gemeenten = data.pairs / count
  const nodes = new Nodes(data)
  const due = dueDays(data)
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
          ? missing(data, i, due)
          : aged(
              data,
              i,
              trajectStatus(data, i, bestBegin, middenOf(best.periode), best.waarde),
              bestBegin,
              due
            )
    }
    nodes.rollUp(statuses, g, rollup, gemeten)
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

/** Without a counting measurement: `volgt` until the lag after the target period has passed, then `geen-data`. */
const missing = (data: FloorData, i: number, due: Int32Array): number =>
  data.peildag > (due[i] as number) ? GEEN_DATA : VOLGT

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

/**
 * The roll-up of one gemeente: per node the worst measured status, whether a child is overdue or still to
 * come, the number of indicators under it and how many are measured.
 */
class Nodes {
  readonly worst: Uint8Array
  readonly overdue: Uint8Array
  readonly pending: Uint8Array
  readonly totaal: Uint16Array
  readonly measured: Uint16Array
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
    this.overdue = new Uint8Array(size)
    this.pending = new Uint8Array(size)
    this.totaal = new Uint16Array(size)
    this.measured = new Uint16Array(size)
  }

  rollUp(statuses: Uint8Array, g: number, rollup: Uint8Array, gemeten: Uint16Array): void {
    const { baten, doelen, indicatoren } = this
    this.worst.fill(NONE)
    this.overdue.fill(0)
    this.pending.fill(0)
    this.totaal.fill(0)
    this.measured.fill(0)
    for (let i = 0; i < indicatoren; i++) {
      const s = statuses[g * indicatoren + i] as number
      this.add(this.baat[i] as number, s, 1, s < GEEN_DATA ? 1 : 0)
    }
    const base = g * (baten + doelen + 1)
    for (let b = 0; b < baten; b++) {
      const s = this.settle(b)
      rollup[base + b] = s
      gemeten[base + b] = this.measured[b] as number
      this.add(
        baten + (this.doelVanBaat[b] as number),
        s,
        this.totaal[b] as number,
        this.measured[b] as number
      )
    }
    for (let d = 0; d < doelen; d++) {
      const node = baten + d
      const s = this.settle(node)
      rollup[base + node] = s
      gemeten[base + node] = this.measured[node] as number
      this.add(baten + doelen, s, this.totaal[node] as number, this.measured[node] as number)
    }
    rollup[base + baten + doelen] = this.settle(baten + doelen)
    gemeten[base + baten + doelen] = this.measured[baten + doelen] as number
  }

  private add(node: number, status: number, totaal: number, measured: number): void {
    // A child without indicators says nothing.
    if (totaal === 0) return
    this.totaal[node] = (this.totaal[node] as number) + totaal
    this.measured[node] = (this.measured[node] as number) + measured
    if (status < GEEN_DATA) {
      if (status < (this.worst[node] as number)) this.worst[node] = status
      // A child that is op-koers (or worse) keeps a node from behaald as well; worst already says so.
    } else if (status === GEEN_DATA) this.overdue[node] = 1
    else this.pending[node] = 1
  }

  private settle(node: number): number {
    const w = this.worst[node] as number
    if (w === NONE) return this.overdue[node] === 1 || this.totaal[node] === 0 ? GEEN_DATA : VOLGT
    if (this.overdue[node] === 1 && w > AANDACHT) return AANDACHT
    const s = w === BEHAALD && this.pending[node] === 1 ? OP_KOERS : w
    // op-koers needs half of the indicators measured
    return s === OP_KOERS && (this.measured[node] as number) * 2 < (this.totaal[node] as number) ? VOLGT : s
  }
}
