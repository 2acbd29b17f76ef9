/**
 * Deterministic synthetic data for the progress benchmark: a region of 342 gemeenten, 50 `traject`
 * indicators of one year plan and a measurement per gemeente × indicator × month over 60 months
 * (2023-01 … 2027-12), 1,026,000 measurements in all.
 *
 * The same generated numbers are handed out twice: as dvcc `Measurement` objects, grouped per
 * gemeente × indicator, and as plain typed arrays for the plain-loop floor. Building either is setup,
 * not measured.
 */
import type { Bron, Din, Geography, Measurement } from "@dvcc/core"
import { Indicator, Periode } from "@dvcc/core"

export const GEMEENTEN = 342
export const INDICATOREN = 50
export const MAANDEN = 60
export const EERSTE_JAAR = 2023
/** The year plan all indicators and measurements belong to. */
export const JAARPLAN = 2027
/** Measurements recorded after this date do not count; some gemeenten report December 2027 later. */
export const PEILDATUM = "2028-01-15" as Periode.Datum

const BATEN = ["baat-1", "baat-2", "baat-3", "baat-4", "baat-5"] as const
const BRONNEN: ReadonlyArray<Bron.Bron> = ["veiligheidsmonitor", "cbs", "politieregistratie"]
const herkomst = { document: "benchmark", sectie: "synthetisch" }

/** mulberry32: a small, fast, seeded PRNG; the data is the same on every run and machine. */
export const prng = (seed: number): (() => number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const between = (random: () => number, min: number, max: number): number => min + (max - min) * random()
const oneDecimal = (n: number): number => Math.round(n * 10) / 10

/** Days since the epoch, as the floor keeps dates. */
export const dayNumber = (year: number, month: number, day: number): number =>
  Date.UTC(year, month - 1, day) / 86_400_000

export const datumOfDay = (day: number): Periode.Datum =>
  new Date(day * 86_400_000).toISOString().slice(0, 10) as Periode.Datum

const codeOf = (g: number): string => `GM${String(g + 1).padStart(4, "0")}`

/** Plain inputs for the floor: numbers only, one flat array per field, grouped by pair then month. */
export interface FloorData {
  readonly peildag: number
  readonly pairs: number
  /** Measurements of pair `p` (= gemeente × INDICATOREN + indicator) are `offsets[p]` … `offsets[p + 1] - 1`. */
  readonly offsets: Int32Array
  /** Month index `year * 12 + (month - 1)` of each measurement. */
  readonly maand: Int32Array
  readonly waarde: Float64Array
  /** Day number of `vastgelegdOp`. */
  readonly vastgelegd: Int32Array
  readonly indicator: FloorIndicatoren
  /** Doel index (0 or 1) of each baat index. */
  readonly doelVanBaat: Int8Array
}

/** Per indicator, what its rule says, as numbers. */
export interface FloorIndicatoren {
  readonly basis: Float64Array
  readonly doel: Float64Array
  readonly tolerantie: Float64Array
  /** +1 for `hoger`, -1 for `lager`. */
  readonly sign: Float64Array
  /** `Periode.midden` of the baseline and target periods. */
  readonly basisMidden: Float64Array
  readonly doelMidden: Float64Array
  /** Month index of the first month of the target period. */
  readonly doelBeginMaand: Int32Array
  /** Day number of the last day of the target period (for missing data). */
  readonly doelEindeDag: Int32Array
  /** Month index of the last month of the target period. */
  readonly doelEindeMaand: Int32Array
  /** The reporting rhythm in months (`Indicator.ritme`) and the lag in months (`Indicator.vertraging`). */
  readonly ritmeMaanden: Int32Array
  readonly vertraging: Int32Array
  readonly baat: Int8Array
}

export interface BenchData {
  readonly regio: Geography.Regio
  readonly program: Din.Din
  readonly indicatoren: ReadonlyArray<Indicator.Indicator>
  /** `perPair[g * INDICATOREN + i]`: the 60 measurements of gemeente g for indicator i. */
  readonly perPair: ReadonlyArray<ReadonlyArray<Measurement.Measurement>>
  /** `perGemeente[g]`: all measurements of gemeente g, in the order a source file would list them. */
  readonly perGemeente: ReadonlyArray<ReadonlyArray<Measurement.Measurement>>
  readonly measurements: number
  readonly floor: FloorData
}

/** Raw (undecoded) inputs, decoded by the caller with the dvcc schemas. */
export const rawRegio = () => ({
  naam: "Benchmarkregio",
  districten: [
    { id: "noord", naam: "Noord" },
    { id: "midden", naam: "Midden" },
    { id: "zuid", naam: "Zuid" }
  ],
  basisteams: [],
  gemeenten: Array.from({ length: GEMEENTEN }, (_, g) => ({
    code: codeOf(g),
    naam: `Gemeente ${g + 1}`,
    provincie: "Utrecht",
    district: ["noord", "midden", "zuid"][g % 3],
    basisteam: null,
    inwoners: []
  })),
  herkomst
})

/** The DIN of the benchmark's one strategy period (what the roll-up reads). */
export const rawProgram = () => ({
  ambitie: "Een synthetisch programma om de voortgangsberekening te meten.",
  looptijd: { van: 2023, tot: 2027 },
  doelen: [
    { id: "doel-1", naam: "Weerbaarheid" },
    { id: "doel-2", naam: "Opsporing" }
  ],
  baten: BATEN.map((id, b) => ({
    id,
    nummer: b + 1,
    naam: `Baat ${b + 1}`,
    doel: b < 3 ? "doel-1" : "doel-2"
  })),
  inspanningen: [],
  netwerk: [],
  strategie: [],
  randvoorwaarden: [],
  werkwijze: "Synthetisch.",
  herkomst
})

/**
 * 50 trajectories from a 2023 baseline to a 2027 target (70% a year target `2027`, 30% a month target
 * `2027-12`, so gemeenten that report December late are still on the way: `op-koers` occurs).
 */
export const rawIndicatoren = (random: () => number) =>
  Array.from({ length: INDICATOREN }, (_, i) => {
    const richting = random() < 0.5 ? "hoger" : "lager"
    const basis = oneDecimal(richting === "hoger" ? between(random, 15, 60) : between(random, 30, 85))
    const delta = oneDecimal(between(random, 4, 25))
    const doel = richting === "hoger" ? Math.min(100, basis + delta) : Math.max(0, basis - delta)
    return {
      id: `ind-${String(i + 1).padStart(2, "0")}`,
      jaar: JAARPLAN,
      baat: BATEN[i % BATEN.length],
      tekst: `Synthetische indicator ${i + 1}`,
      regel: {
        soort: "traject",
        basis: { periode: "2023", waarde: basis },
        doel: { periode: random() < 0.7 ? "2027" : "2027-12", waarde: oneDecimal(doel) },
        tolerantie: oneDecimal(between(random, 0.5, 4))
      },
      eenheid: "%",
      richting,
      schaal: "gemeente",
      bron: BRONNEN[i % BRONNEN.length],
      verwachtOp: null,
      acties: [],
      voorganger: null,
      herkomst
    }
  })

const maandIndex = (periode: Periode.Periode): number =>
  Periode.jaarVan(periode) * 12 + Number(Periode.begin(periode).slice(5, 7)) - 1

/**
 * Generates the measurements for decoded indicators and region. Values follow the indicator's path plus
 * a per gemeente × indicator offset (ahead, within tolerance or behind) and a little monthly noise.
 */
export const generate = (
  regio: Geography.Regio,
  program: Din.Din,
  indicatoren: ReadonlyArray<Indicator.Indicator>,
  random: () => number
): BenchData => {
  const pairs = GEMEENTEN * INDICATOREN
  const total = pairs * MAANDEN
  const offsets = new Int32Array(pairs + 1)
  const maand = new Int32Array(total)
  const waarde = new Float64Array(total)
  const vastgelegd = new Int32Array(total)

  const perioden = Array.from({ length: MAANDEN }, (_, k) =>
    Periode.maand(EERSTE_JAAR + Math.floor(k / 12), (k % 12) + 1)
  )
  // The day after each month ends; a measurement is recorded `lag` days later.
  const eersteDagNa = perioden.map((p) => {
    const y = Periode.jaarVan(p)
    const m = Number(p.slice(5, 7))
    return dayNumber(y, m + 1, 1)
  })
  const datumCache = new Map<number, Periode.Datum>()
  const datum = (day: number): Periode.Datum => {
    let d = datumCache.get(day)
    if (d === undefined) {
      d = datumOfDay(day)
      datumCache.set(day, d)
    }
    return d
  }

  const perPair: Array<Array<Measurement.Measurement>> = []
  const perGemeente: Array<Array<Measurement.Measurement>> = []
  let n = 0
  regio.gemeenten.forEach((gemeente, g) => {
    const gebied = { niveau: "gemeente", code: gemeente.code } as const
    // Most gemeenten report within two weeks; some take up to a month.
    const lag = random() < 0.75 ? 3 + Math.floor(random() * 12) : 16 + Math.floor(random() * 15)
    // Some gemeenten are on track everywhere, the others behind somewhere, so roll-ups differ too.
    const worstOffset = random() < 0.25 ? -0.6 : -2.6
    const own: Array<Measurement.Measurement> = []
    indicatoren.forEach((indicator, i) => {
      if (indicator.regel.soort !== "traject") throw new Error("only traject indicators are generated")
      const { basis, doel, tolerantie } = indicator.regel
      const sign = indicator.richting === "hoger" ? 1 : -1
      const basisMidden = Periode.midden(basis.periode)
      const doelMidden = Periode.midden(doel.periode)
      // Ahead (> 0), within tolerance (−1 … 0) or behind (< −1), in units of the tolerance.
      const offset = sign * Math.max(tolerantie, 0.5) * between(random, worstOffset, 1.4)
      const list: Array<Measurement.Measurement> = []
      offsets[g * INDICATOREN + i] = n
      for (let k = 0; k < MAANDEN; k++) {
        const periode = perioden[k] as Periode.Periode
        const fraction = Math.min(
          1,
          Math.max(0, (Periode.midden(periode) - basisMidden) / (doelMidden - basisMidden))
        )
        const path = basis.waarde + (doel.waarde - basis.waarde) * fraction
        const value = oneDecimal(
          Math.min(100, Math.max(0, path + offset + between(random, -0.3, 0.3) * tolerantie))
        )
        const recorded = (eersteDagNa[k] as number) + lag - 1
        const m = {
          id: `${gemeente.code}/${indicator.id}/${periode}`,
          indicator: indicator.id,
          jaar: indicator.jaar,
          periode,
          gebied,
          waarde: value,
          bron: indicator.bron,
          vastgelegdOp: datum(recorded),
          herkomst: indicator.herkomst
        } as Measurement.Measurement
        list.push(m)
        maand[n] = maandIndex(periode)
        waarde[n] = value
        vastgelegd[n] = recorded
        n++
      }
      perPair.push(list)
    })
    // A source file lists month by month, all indicators per month.
    for (let k = 0; k < MAANDEN; k++) {
      for (let i = 0; i < INDICATOREN; i++) {
        own.push(
          (perPair[g * INDICATOREN + i] as ReadonlyArray<Measurement.Measurement>)[
            k
          ] as Measurement.Measurement
        )
      }
    }
    perGemeente.push(own)
  })
  offsets[pairs] = n

  return {
    regio,
    program,
    indicatoren,
    perPair,
    perGemeente,
    measurements: n,
    floor: {
      peildag: dayOfDatum(PEILDATUM),
      pairs,
      offsets,
      maand,
      waarde,
      vastgelegd,
      indicator: floorIndicatoren(program, indicatoren),
      doelVanBaat: Int8Array.from(program.baten, (b) => program.doelen.findIndex((d) => d.id === b.doel))
    }
  }
}

const dayOfDatum = (d: Periode.Datum): number => Periode.dagnummer(d)

const floorIndicatoren = (
  program: Din.Din,
  indicatoren: ReadonlyArray<Indicator.Indicator>
): FloorIndicatoren => {
  const size = indicatoren.length
  const out = {
    basis: new Float64Array(size),
    doel: new Float64Array(size),
    tolerantie: new Float64Array(size),
    sign: new Float64Array(size),
    basisMidden: new Float64Array(size),
    doelMidden: new Float64Array(size),
    doelBeginMaand: new Int32Array(size),
    doelEindeDag: new Int32Array(size),
    doelEindeMaand: new Int32Array(size),
    ritmeMaanden: new Int32Array(size),
    vertraging: new Int32Array(size),
    baat: new Int8Array(size)
  }
  indicatoren.forEach((indicator, i) => {
    const regel = indicator.regel
    if (regel.soort !== "traject") throw new Error("only traject indicators are benchmarked")
    out.basis[i] = regel.basis.waarde
    out.doel[i] = regel.doel.waarde
    out.tolerantie[i] = regel.tolerantie
    out.sign[i] = indicator.richting === "hoger" ? 1 : -1
    out.basisMidden[i] = Periode.midden(regel.basis.periode)
    out.doelMidden[i] = Periode.midden(regel.doel.periode)
    out.doelBeginMaand[i] = maandIndex(regel.doel.periode)
    out.doelEindeDag[i] = dayOfDatum(Periode.einde(regel.doel.periode))
    out.doelEindeMaand[i] = maandIndex(regel.doel.periode) + Periode.aantalMaanden(regel.doel.periode) - 1
    out.ritmeMaanden[i] = { maand: 1, kwartaal: 3, jaar: 12 }[Indicator.ritme(indicator)]
    out.vertraging[i] = Indicator.vertraging(indicator)
    out.baat[i] = program.baten.findIndex((b) => b.id === indicator.baat)
  })
  return out
}
