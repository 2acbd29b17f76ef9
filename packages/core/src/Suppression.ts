/**
 * The small-number rule: police figures for a gemeente or district audience never show a count below the
 * threshold (default 5), because a count of 1 to 4 can point to a person. Such a count is shown as
 * suppressed (`"< 5"` with a flag). Because a reader holds everything published together (the public
 * report set, and what their own token can ask), the rule is applied once over the whole publication
 * (`publicatie`): every area, period, delict row and figure, with every sum between them, so that no
 * subtraction across levels, periods, documents or endpoints pins a hidden count (secondary suppression,
 * `"×"`). Derived figures of a hidden cell are hidden with it. One rule, used by the API, the exports and
 * the reports.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { type Gebied, gemeentenIn, type Regio } from "./Geography.ts"
import {
  type Informatiebeeld,
  type Maat,
  make,
  maten,
  type Rang,
  type Totaal,
  type Verandering
} from "./Informatiebeeld.ts"
import {
  begin,
  einde,
  granulariteit,
  jaarVan,
  kwartalenIn,
  label,
  type Periode,
  vergelijk
} from "./Periode.ts"
import { Delict, delictLabel, type Reeksbreuk, type Registration } from "./Registration.ts"

/**
 * The default threshold: counts below it are suppressed.
 *
 * @since 0.1.0
 * @category constants
 */
export const standaardDrempel = 5

/**
 * Who a figure is published for. The rule applies to `gemeente` and `district` audiences; the programme
 * and the beheerder see the figures as registered.
 *
 * @since 0.1.0
 * @category models
 */
export const Publiek = Schema.Literals(["beheerder", "programma", "district", "gemeente"]).annotate({
  identifier: "Publiek"
})

/**
 * @since 0.1.0
 * @category models
 */
export type Publiek = typeof Publiek.Type

/**
 * Whether the small-number rule applies to an audience.
 *
 * @since 0.1.0
 * @category rules
 */
export const geldtVoor = (publiek: Publiek): boolean => publiek === "gemeente" || publiek === "district"

/**
 * Why a cell is hidden: its own count is below the threshold (`klein-aantal`), it would reveal such a
 * count through a published sum (`secundair`), or a count it belongs to is hidden (`gekoppeld`, such as
 * the damage of a suppressed number of victims).
 *
 * @since 0.1.0
 * @category models
 */
export const Reden = Schema.Literals(["klein-aantal", "secundair", "gekoppeld"]).annotate({
  identifier: "Reden"
})

/**
 * @since 0.1.0
 * @category models
 */
export type Reden = typeof Reden.Type

/**
 * A hidden cell: what to show instead of the number (`"< 5"` for a small count, `"×"` otherwise) and why.
 * It carries no value at all, so nothing downstream can leak it.
 *
 * @since 0.1.0
 * @category models
 */
export const Onderdrukt = Schema.Struct({
  onderdrukt: Schema.Literal(true),
  reden: Reden,
  weergave: Schema.NonEmptyString
}).annotate({ identifier: "Onderdrukt" })

/**
 * @since 0.1.0
 * @category models
 */
export type Onderdrukt = typeof Onderdrukt.Type

/**
 * A published cell: the value as registered (`null` when unknown), or a suppressed cell.
 *
 * @since 0.1.0
 * @category models
 */
export const Cel = Schema.Union([Schema.NullOr(Schema.Finite), Onderdrukt]).annotate({ identifier: "Cel" })

/**
 * @since 0.1.0
 * @category models
 */
export type Cel = typeof Cel.Type

/**
 * @since 0.1.0
 * @category guards
 */
export const isOnderdrukt = (cel: Cel): cel is Onderdrukt => typeof cel === "object" && cel !== null

/**
 * A row of an informatiebeeld: a delict type or the `totaal` over the delict types.
 *
 * @since 0.2.0
 * @category models
 */
export type Rij = Delict | "totaal"

/**
 * What `publicatie` protects: the region, every police registration and the threshold.
 *
 * @since 0.2.0
 * @category models
 */
export interface Invoer {
  readonly regio: Regio
  readonly registraties: ReadonlyArray<Registration>
  readonly reeksbreuken: ReadonlyArray<Reeksbreuk>
  /** Counts below it are suppressed; default `standaardDrempel`. */
  readonly drempel?: number
}

/**
 * How much the rule hides, over every known cell of the publication.
 *
 * @since 0.2.0
 * @category models
 */
export interface Verlies {
  /** Known cells that are not small themselves (a count of at least the threshold, or damage of such a count). */
  readonly groot: number
  /** Of those, hidden: secondary, or damage of a hidden number of victims. */
  readonly verborgen: number
  /** Small counts (and the damage of a small number of victims). */
  readonly klein: number
  /** Small cells for which no protecting pattern was found; expected 0, the audit checks it. */
  readonly onbeschermd: number
}

/**
 * The publication for the `gemeente` and `district` audiences and the public report set: every cell
 * (area × period × row × figure) any of them can obtain, with one suppression pattern over all of them.
 *
 * @since 0.2.0
 * @category models
 */
export interface Publicatie {
  readonly regio: Regio
  readonly drempel: number
  /**
   * A cell as published. With `waarde` (the figure an output is about to show): a value that is not the
   * cell's own (another source or a comparison base of another kind) is hidden, so an output can never show
   * more than the pattern.
   */
  readonly cel: (gebied: Gebied, periode: Periode, rij: Rij, maat: Maat, waarde?: number | null) => Cel
  /** The periods published for these audiences: per year its quarters, or the year where only that is registered. */
  readonly perioden: ReadonlyArray<Periode>
  readonly gepubliceerd: (periode: Periode) => boolean
  readonly verlies: Verlies
}

/**
 * The p of the p%-rule: a hidden damage amount may not be pinned closer than this fraction of its value.
 *
 * @since 0.2.0
 * @category constants
 */
export const pRegel = 0.2

const verborgen = (reden: Reden, drempel: number): Onderdrukt => ({
  onderdrukt: true,
  reden,
  weergave: reden === "klein-aantal" ? `< ${drempel}` : "×"
})

const ZICHTBAAR = 0
const KLEIN = 1
const SECUNDAIR = 2
const GEKOPPELD = 3

const gebiedSleutel = (g: Gebied): string =>
  g.niveau === "regio" ? "regio" : g.niveau === "gemeente" ? `gemeente:${g.code}` : `${g.niveau}:${g.id}`

const rijen: ReadonlyArray<Rij> = [...Delict.literals, "totaal"]
const telMaten: ReadonlyArray<Maat> = ["aangiften", "meldingen", "slachtoffers"]

const cache = new WeakMap<ReadonlyArray<Registration>, Map<string, { regio: Regio; p: Publicatie }>>()

/**
 * The publication of a data set, computed once per registrations array, regio and threshold.
 *
 * The published structure is fixed by the data, not by a request: every gemeente, basisteam, district and
 * the regio; per year one granularity (its quarters when anything of the year is registered per quarter
 * or month, else the year itself), so no published period is the sum of other published periods; every
 * delict row and the totaal; every count and the damage. The additive relations between them (parts sum
 * to their area and to the totaal), wherever they hold in the figures, are what a reader can subtract
 * along, across every level, document and endpoint.
 *
 * 1. Every known count below the threshold is hidden (`klein-aantal`, shown `"< 5"`).
 * 2. For each, in a fixed order, a balanced pattern is chosen: two gemeenten (or one and the regio) and
 *    two delict rows (or one and the totaal), whose corners (with the basisteams and districts between)
 *    get +1 and −1 so that every relation still adds up. Moving the small cell along it by its whole
 *    range (to 0 and to threshold − 1) keeps every visible cell and every relation, with no cell below 0
 *    and no other small cell above threshold − 1; the corners not hidden yet are hidden (`secundair`,
 *    `"×"`). The cheapest pattern wins (fewest new cells, then the smallest values). This is linked-table
 *    cell suppression with the hypercube method (tau-argus' GHMITER), over the whole structure at once.
 * 3. Damage of a hidden number of victims is hidden (`gekoppeld`); damage of a small number of victims is
 *    protected the same way with a range of `pRegel` of its value either side (the p%-rule).
 *
 * Deterministic: the same data give the same pattern, whatever is asked and in which order.
 *
 * @since 0.2.0
 * @category rules
 */
export const publicatie = (invoer: Invoer): Publicatie => {
  const drempel = invoer.drempel ?? standaardDrempel
  let perRegistraties = cache.get(invoer.registraties)
  if (perRegistraties === undefined) {
    perRegistraties = new Map()
    cache.set(invoer.registraties, perRegistraties)
  }
  const key = `${drempel}`
  const bekend = perRegistraties.get(key)
  if (bekend !== undefined && bekend.regio === invoer.regio) return bekend.p
  const p = bouw(invoer, drempel)
  perRegistraties.set(key, { regio: invoer.regio, p })
  return p
}

type Vector = ReadonlyArray<readonly [number, number]>

const bouw = (invoer: Invoer, drempel: number): Publicatie => {
  const { regio, registraties, reeksbreuken } = invoer

  // areas: the gemeenten first, so a gemeente's index is its area index
  const gebieden: ReadonlyArray<Gebied> = [
    ...regio.gemeenten.map((g): Gebied => ({ niveau: "gemeente", code: g.code })),
    ...regio.basisteams.map((b): Gebied => ({ niveau: "basisteam", id: b.id })),
    ...regio.districten.map((d): Gebied => ({ niveau: "district", id: d.id })),
    { niveau: "regio" }
  ]
  const NG = regio.gemeenten.length
  const gebiedIndex = new Map(gebieden.map((g, i) => [gebiedSleutel(g), i]))
  const gemeenteIndex = new Map(regio.gemeenten.map((g, i) => [g.code as string, i]))
  const leden: ReadonlyArray<ReadonlySet<number>> = gebieden.map(
    (g) => new Set(gemeentenIn(regio, g).map((x) => gemeenteIndex.get(x.code) ?? -1))
  )
  const gebiedenVan: Array<Array<number>> = regio.gemeenten.map(() => [])
  leden.forEach((set, a) => {
    for (const g of set) gebiedenVan[g]?.push(a)
  })

  // periods: one granularity per year, the quarters where any registration of the year is finer than the
  // year, else the year; months are summed into their quarter and never published on their own
  const fijn = new Set<number>()
  const jaren = new Set<number>()
  for (const r of registraties) {
    jaren.add(jaarVan(r.periode))
    if (granulariteit(r.periode) !== "jaar") fijn.add(jaarVan(r.periode))
  }
  const periodeSet = new Set<Periode>()
  for (const jaar of jaren)
    for (const p of fijn.has(jaar) ? kwartalenIn(`${jaar}` as Periode) : [`${jaar}` as Periode])
      periodeSet.add(p)
  const perioden = [...periodeSet].sort((a, b) => vergelijk(a, b))
  const periodeIndex = new Map(perioden.map((p, i) => [p, i]))
  const NA = gebieden.length
  const NP = perioden.length
  const NR = rijen.length
  const TOTAAL = NR - 1
  const N = NA * NP * NR
  const idx = (a: number, p: number, r: number) => (a * NP + p) * NR + r
  const rijIndex = new Map(rijen.map((r, i) => [r, i]))

  // values: as the informatiebeeld shows them
  const waarden: Record<Maat, Float64Array> = {
    aangiften: new Float64Array(N).fill(Number.NaN),
    meldingen: new Float64Array(N).fill(Number.NaN),
    slachtoffers: new Float64Array(N).fill(Number.NaN),
    schade: new Float64Array(N).fill(Number.NaN)
  }
  const aanwezig = new Uint8Array(N)
  const registratiesIn = perioden.map((p) =>
    registraties.filter((r) => begin(r.periode) <= einde(p) && begin(p) <= einde(r.periode))
  )
  perioden.forEach((periode, p) => {
    const metRijen = new Set(
      (registratiesIn[p] ?? []).flatMap((r) =>
        r.gebied.niveau === "gemeente" ? [r.gebied.code as string] : []
      )
    )
    gebieden.forEach((gebied, a) => {
      // a gemeente without registrations in the period has no known figure: no picture to make
      if (gebied.niveau === "gemeente" && !metRijen.has(gebied.code)) return
      const beeld = make({
        regio,
        registraties: registratiesIn[p] ?? [],
        reeksbreuken,
        gebied,
        periode,
        alleenWaarden: true
      })
      const zet = (r: number, cijfers: Totaal) => {
        const i = idx(a, p, r)
        aanwezig[i] = 1
        for (const m of maten) waarden[m][i] = cijfers[m].waarde ?? Number.NaN
      }
      for (const d of beeld.delicten) zet(rijIndex.get(d.delict) ?? 0, d)
      zet(TOTAAL, beeld.totaal)
    })
  })

  // candidate relations: [totaal, ...delen]
  const kandidaten: Array<ReadonlyArray<number>> = []
  const deelVan = (kind: ReadonlySet<number>, ouder: ReadonlySet<number>) =>
    [...kind].every((g) => ouder.has(g))
  const opdelingen: Array<{ readonly ouder: number; readonly kinderen: ReadonlyArray<number> }> = []
  gebieden.forEach((g, a) => {
    if (g.niveau === "gemeente") return
    const eigen = leden[a] ?? new Set<number>()
    if (eigen.size === 0) return
    opdelingen.push({ ouder: a, kinderen: [...eigen] })
    for (const niveau of ["basisteam", "district"] as const) {
      if (g.niveau === niveau || (g.niveau === "basisteam" && niveau === "district")) continue
      const kinderen = gebieden.flatMap((k, b) =>
        k.niveau === niveau && (leden[b]?.size ?? 0) > 0 && deelVan(leden[b] ?? new Set(), eigen) ? [b] : []
      )
      const gedekt = kinderen.reduce((n, b) => n + (leden[b]?.size ?? 0), 0)
      if (kinderen.length > 0 && gedekt === eigen.size) opdelingen.push({ ouder: a, kinderen })
    }
  })
  for (let p = 0; p < NP; p++)
    for (let r = 0; r < NR; r++)
      for (const o of opdelingen)
        kandidaten.push([idx(o.ouder, p, r), ...o.kinderen.map((k) => idx(k, p, r))])
  for (let a = 0; a < NA; a++)
    for (let p = 0; p < NP; p++) {
      const delen: Array<number> = []
      for (let r = 0; r < TOTAAL; r++) if (aanwezig[idx(a, p, r)] === 1) delen.push(idx(a, p, r))
      if (delen.length > 0) kandidaten.push([idx(a, p, TOTAAL), ...delen])
    }

  // the relations that hold, per figure, and which relations each cell is in
  const relatiesVan = (w: Float64Array) => {
    const geldig = kandidaten.filter((rel) => {
      let som = 0
      for (let k = 1; k < rel.length; k++) {
        const v = w[rel[k] ?? 0] ?? Number.NaN
        if (Number.isNaN(v)) return false
        som += v
      }
      const t = w[rel[0] ?? 0] ?? Number.NaN
      return !Number.isNaN(t) && Math.abs(som - t) < 1e-6
    })
    const per: Array<Array<number>> = []
    geldig.forEach((rel, j) => {
      for (const c of rel) {
        let lijst = per[c]
        if (lijst === undefined) {
          lijst = []
          per[c] = lijst
        }
        lijst.push(j)
      }
    })
    return { geldig, per }
  }

  const status: Record<Maat, Uint8Array> = {
    aangiften: new Uint8Array(N),
    meldingen: new Uint8Array(N),
    slachtoffers: new Uint8Array(N),
    schade: new Uint8Array(N)
  }
  let onbeschermd = 0

  /**
   * Hides what `x` needs: balanced patterns along which `x` can reach `omhoog` above and `omlaag` below its
   * value with every other cell between 0 and its bound (threshold − 1 for a small count). A move that
   * does not reach the whole range at once is taken as far as it goes and followed by another, from the
   * point it reached, so small neighbours that cannot carry the whole range are combined.
   */
  const bescherm = (maat: Maat, x: number, omhoog: number, omlaag: number, grens: (i: number) => number) => {
    const w = waarden[maat]
    const st = status[maat]
    const { geldig, per } = relaties[maat]
    const r = x % NR
    const p = Math.floor(x / NR) % NP
    const a = Math.floor(x / (NR * NP))
    const eigen = leden[a] ?? new Set<number>()
    const delicten = Array.from({ length: TOTAAL }, (_, d) => d).filter((d) => aanwezig[idx(a, p, d)] === 1)
    // highest score first; ties keep the structure's order, so the choice is the same on every run
    const beste = <T>(xs: ReadonlyArray<T>, score: (t: T) => number, n: number): Array<T> =>
      xs
        .map((t, i) => ({ t, i, s: score(t) }))
        .sort((x, y) => (x.s === y.s ? x.i - y.i : x.s > y.s ? -1 : 1))
        .slice(0, n)
        .map((x) => x.t)
    const nabij = (g: number, bij: number) => {
      const x0 = regio.gemeenten[bij]
      const y0 = regio.gemeenten[g]
      return x0 !== undefined && y0 !== undefined && x0.basisteam !== null && x0.basisteam === y0.basisteam
        ? 2
        : x0 !== undefined && y0 !== undefined && x0.district !== null && x0.district === y0.district
          ? 1
          : 0
    }

    const vectoren = (v: (i: number) => number, d: 1 | -1) => {
      // a cell that can move the way it must: hidden already first, then by room
      const ruimte = (i: number, c: number) => {
        const y = v(i)
        if (Number.isNaN(y)) return -1
        const room = d * c > 0 ? grens(i) - y : y
        return (st[i] !== ZICHTBAAR ? 1e12 : 0) + Math.min(room, 1e11)
      }
      // areas: a gemeente in x's area (+1) and one outside it (−1), or none (the regio carries +1)
      const plus = a < NG ? [a] : beste([...eigen], (g) => ruimte(idx(g, p, r), 1), 2)
      const gebiedVectoren: Array<Vector> = []
      for (const gp of plus) {
        const buiten = beste(
          regio.gemeenten.flatMap((_, g) => (eigen.has(g) || Number.isNaN(v(idx(g, p, r))) ? [] : [g])),
          (g) => nabij(g, gp) * 1e13 + ruimte(idx(g, p, r), -1),
          3
        )
        for (const gm of [...buiten, -1]) {
          const c = new Map<number, number>()
          for (const b of gebiedenVan[gp] ?? []) c.set(b, (c.get(b) ?? 0) + 1)
          if (gm >= 0) for (const b of gebiedenVan[gm] ?? []) c.set(b, (c.get(b) ?? 0) - 1)
          gebiedVectoren.push([...c].filter(([, k]) => k !== 0))
        }
      }
      // rows: x's delict (+1) and another (−1), or none (the totaal carries +1)
      const rijVectoren: Array<Vector> = []
      if (r === TOTAAL) {
        for (const e of beste(delicten, (e) => ruimte(idx(a, p, e), 1), 3))
          rijVectoren.push([
            [e, 1],
            [TOTAAL, 1]
          ])
      } else {
        for (const e of beste(
          delicten.filter((e) => e !== r),
          (e) => ruimte(idx(a, p, e), -1),
          3
        ))
          rijVectoren.push([
            [r, 1],
            [e, -1]
          ])
        rijVectoren.push([
          [r, 1],
          [TOTAAL, 1]
        ])
      }
      const uit: Array<ReadonlyArray<readonly [number, number]>> = []
      for (const gv of gebiedVectoren)
        for (const rv of rijVectoren) {
          const cellen: Array<readonly [number, number]> = []
          for (const [ga, ca] of gv)
            for (const [rr, cr] of rv) {
              const i = idx(ga, p, rr)
              if (!Number.isNaN(v(i))) cellen.push([i, ca * cr])
            }
          uit.push(cellen)
        }
      return uit
    }

    const sluitend = (cellen: ReadonlyArray<readonly [number, number]>): boolean => {
      const coef = new Map(cellen)
      const gezien = new Set<number>()
      for (const [i] of cellen)
        for (const j of per[i] ?? []) {
          if (gezien.has(j)) continue
          gezien.add(j)
          const rel = geldig[j] ?? []
          let s = -(coef.get(rel[0] ?? -1) ?? 0)
          for (let t = 1; t < rel.length; t++) s += coef.get(rel[t] ?? -1) ?? 0
          if (s !== 0) return false
        }
      return true
    }

    const verborgenNu = new Set<number>()
    const bereikt = (d: 1 | -1, doel: number): boolean => {
      const punt = new Map<number, number>()
      const v = (i: number) => punt.get(i) ?? w[i] ?? Number.NaN
      let rest = doel
      for (let stap = 0; rest > 1e-9 && stap < 8; stap++) {
        const opties = vectoren(v, d).map((cellen) => {
          let ver = Number.POSITIVE_INFINITY
          let kosten = 0
          let som = 0
          for (const [i, c] of cellen) {
            const y = v(i)
            ver = Math.min(ver, d * c > 0 ? grens(i) - y : y)
            if (st[i] === ZICHTBAAR && !verborgenNu.has(i)) {
              kosten++
              som += w[i] ?? 0
            }
          }
          return { cellen, stap: Math.min(Math.max(ver, 0), rest), kosten, som }
        })
        const keuze = opties
          .filter((o) => o.stap > 1e-9)
          .sort(
            (s, t) =>
              (s.stap >= rest - 1e-9 ? 0 : 1) - (t.stap >= rest - 1e-9 ? 0 : 1) ||
              (s.stap >= rest - 1e-9 ? s.kosten - t.kosten : t.stap - s.stap) ||
              s.kosten - t.kosten ||
              s.som - t.som
          )
          .find((o) => sluitend(o.cellen))
        if (keuze === undefined) return false
        for (const [i, c] of keuze.cellen) {
          punt.set(i, v(i) + d * c * keuze.stap)
          if (st[i] === ZICHTBAAR) verborgenNu.add(i)
        }
        rest -= keuze.stap
      }
      return rest <= 1e-9
    }
    const op = bereikt(1, omhoog)
    const neer = bereikt(-1, omlaag)
    for (const i of verborgenNu) st[i] = SECUNDAIR
    if (!op || !neer) onbeschermd++
  }

  const relaties = {
    aangiften: relatiesVan(waarden.aangiften),
    meldingen: relatiesVan(waarden.meldingen),
    slachtoffers: relatiesVan(waarden.slachtoffers),
    schade: relatiesVan(waarden.schade)
  }

  // counts
  for (const maat of telMaten) {
    const w = waarden[maat]
    const st = status[maat]
    for (let i = 0; i < N; i++) if (!Number.isNaN(w[i] ?? Number.NaN) && (w[i] ?? 0) < drempel) st[i] = KLEIN
    const grens = (i: number) => (st[i] === KLEIN ? drempel - 1 : Number.POSITIVE_INFINITY)
    for (let i = 0; i < N; i++) {
      if (st[i] !== KLEIN) continue
      const y = w[i] ?? 0
      bescherm(maat, i, drempel - 1 - y, y, grens)
    }
  }
  // damage: hidden with its victims, and protected by the p%-rule where the victims are few
  const schade = waarden.schade
  const sst = status.schade
  const slachtoffers = status.slachtoffers
  for (let i = 0; i < N; i++)
    if (!Number.isNaN(schade[i] ?? Number.NaN) && slachtoffers[i] !== ZICHTBAAR) sst[i] = GEKOPPELD
  for (let i = 0; i < N; i++) {
    const y = schade[i] ?? 0
    if (slachtoffers[i] === KLEIN && sst[i] === GEKOPPELD && y > 0)
      bescherm("schade", i, y * pRegel, y * pRegel, () => Number.POSITIVE_INFINITY)
  }

  let groot = 0
  let nietGetoond = 0
  let klein = 0
  for (const maat of maten) {
    const w = waarden[maat]
    const st = status[maat]
    for (let i = 0; i < N; i++) {
      if (Number.isNaN(w[i] ?? Number.NaN)) continue
      const isKlein = maat === "schade" ? slachtoffers[i] === KLEIN : st[i] === KLEIN
      if (isKlein) klein++
      else {
        groot++
        if (st[i] !== ZICHTBAAR) nietGetoond++
      }
    }
  }

  const cel = (gebied: Gebied, periode: Periode, rij: Rij, maat: Maat, waarde?: number | null): Cel => {
    const a = gebiedIndex.get(gebiedSleutel(gebied))
    const p = periodeIndex.get(periode)
    const r = rijIndex.get(rij)
    if (a === undefined || p === undefined || r === undefined)
      return waarde === undefined || waarde === null ? null : verborgen("secundair", drempel)
    const i = idx(a, p, r)
    const eigen = waarden[maat][i] ?? Number.NaN
    if (waarde !== undefined && (waarde === null ? !Number.isNaN(eigen) : waarde !== eigen))
      return waarde === null ? null : verborgen("secundair", drempel)
    switch (status[maat][i]) {
      case KLEIN:
        return verborgen("klein-aantal", drempel)
      case SECUNDAIR:
        return verborgen("secundair", drempel)
      case GEKOPPELD:
        return verborgen("gekoppeld", drempel)
      default:
        return Number.isNaN(eigen) ? null : eigen
    }
  }

  return {
    regio,
    drempel,
    cel,
    perioden,
    gepubliceerd: (periode) => periodeIndex.has(periode),
    verlies: { groot, verborgen: nietGetoond, klein, onbeschermd }
  }
}

/**
 * The published figures of one row of an informatiebeeld: a delict type or the `totaal`.
 *
 * @since 0.1.0
 * @category models
 */
export const GepubliceerdeRij = Schema.Struct({
  rij: Schema.Union([Delict, Schema.Literal("totaal")]),
  aangiften: Cel,
  meldingen: Cel,
  slachtoffers: Cel,
  schade: Cel
}).annotate({ identifier: "GepubliceerdeRij" })

/**
 * @since 0.1.0
 * @category models
 */
export type GepubliceerdeRij = typeof GepubliceerdeRij.Type

/**
 * The published figures of an informatiebeeld: the delict rows and the totaal in the period, and the
 * same for the two periods it is compared with (the bases of `tovVorige` and `tovJaarEerder`).
 *
 * @since 0.1.0
 * @category models
 */
export const GepubliceerdBeeld = Schema.Struct({
  periode: Schema.Array(GepubliceerdeRij),
  vorigePeriode: Schema.Array(GepubliceerdeRij),
  jaarEerder: Schema.Array(GepubliceerdeRij)
}).annotate({ identifier: "GepubliceerdBeeld" })

/**
 * @since 0.1.0
 * @category models
 */
export type GepubliceerdBeeld = typeof GepubliceerdBeeld.Type

const ongewijzigd = (beeld: Informatiebeeld): GepubliceerdBeeld => {
  const rijen = [
    ...beeld.delicten.map((d) => ({ rij: d.delict as Rij, cijfers: d as Totaal })),
    { rij: "totaal" as const, cijfers: beeld.totaal }
  ]
  const publiceer = (waarde: (c: Totaal, m: Maat) => number | null) =>
    rijen.map((r) => ({
      rij: r.rij,
      aangiften: waarde(r.cijfers, "aangiften"),
      meldingen: waarde(r.cijfers, "meldingen"),
      slachtoffers: waarde(r.cijfers, "slachtoffers"),
      schade: waarde(r.cijfers, "schade")
    }))
  return {
    periode: publiceer((c, m) => c[m].waarde),
    vorigePeriode: publiceer((c, m) => c[m].tovVorige.basis),
    jaarEerder: publiceer((c, m) => c[m].tovJaarEerder.basis)
  }
}

/**
 * Why a period is not published for the suppressed audiences, in Dutch, or `undefined` when it is: they get
 * per year its quarters (or the year where only that is registered), so that a year beside its quarters,
 * or a month beside its quarter, gives no hidden cell back by subtraction.
 *
 * @since 0.2.0
 * @category rules
 */
export const nietGepubliceerd = (publicatie: Publicatie, periode: Periode): string | undefined => {
  if (publicatie.gepubliceerd(periode)) return undefined
  const inJaar = publicatie.perioden.filter((p) => jaarVan(p) === jaarVan(periode))
  return `${label(periode)} wordt niet gepubliceerd voor de gemeenten en districten: van ${jaarVan(periode)} ${
    inJaar.length === 0
      ? "zijn geen registraties"
      : `verschijnt ${inJaar.length === 1 ? "alleen" : "per kwartaal"} ${inJaar.map(label).join(", ")}`
  }, zodat geen afgeschermd cijfer uit een som van perioden terug te rekenen is.`
}

/**
 * The rows of a picture in the order a suppressed publication shows them: the delict types in their fixed
 * order, then the totaal. An order by value would tell how a hidden cell compares with the visible ones.
 *
 * @since 0.2.0
 * @category rules
 */
export const rijVolgorde = (beeld: Informatiebeeld): ReadonlyArray<Rij> => [
  ...Delict.literals.filter((d) => beeld.delicten.some((b) => b.delict === d)),
  "totaal"
]

/** The figures of a row of a picture. */
export const cijfersVan = (beeld: Informatiebeeld, rij: Rij): Totaal =>
  rij === "totaal" ? beeld.totaal : (beeld.delicten.find((d) => d.delict === rij) ?? beeld.totaal)

/**
 * The published figures of an informatiebeeld, in its period and in both comparison periods. With a
 * publication (`gemeente` and `district` audiences, the public reports) every cell is the publication's
 * cell, so this picture shows nothing the others do not give away together; without one (`programma`,
 * `beheerder`) every figure as computed.
 *
 * @since 0.1.0
 * @category rules
 */
export const informatiebeeld = (beeld: Informatiebeeld, publicatie: Publicatie | null): GepubliceerdBeeld => {
  if (publicatie === null) return ongewijzigd(beeld)
  const publiceer = (periode: Periode, waarde: (c: Totaal, m: Maat) => number | null) =>
    rijVolgorde(beeld).map((rij) => {
      const c = cijfersVan(beeld, rij)
      const cel = (m: Maat) => publicatie.cel(beeld.gebied, periode, rij, m, waarde(c, m))
      return {
        rij,
        aangiften: cel("aangiften"),
        meldingen: cel("meldingen"),
        slachtoffers: cel("slachtoffers"),
        schade: cel("schade")
      }
    })
  return {
    periode: publiceer(beeld.periode, (c, m) => c[m].waarde),
    vorigePeriode: publiceer(beeld.vorigePeriode, (c, m) => c[m].tovVorige.basis),
    jaarEerder: publiceer(beeld.jaarEerder, (c, m) => c[m].tovJaarEerder.basis)
  }
}

/**
 * A change as published: hidden when the figure or its base is hidden (with either one the change gives the
 * other back).
 *
 * @since 0.2.0
 * @category models
 */
export interface GepubliceerdeVerandering {
  readonly basis: Cel
  readonly absoluut: Cel
  readonly procent: Cel
  readonly reeksbreuk: boolean
}

/**
 * A figure with its derived figures as published. A derived figure of a hidden cell is hidden with it:
 * with the inhabitants, the region's total or the base it gives the count back.
 *
 * @since 0.2.0
 * @category models
 */
export interface GepubliceerdKengetal {
  readonly waarde: Cel
  readonly perTienduizend: Cel
  /** Hidden too when the region's total it is a share of is hidden. */
  readonly aandeelRegio: Cel
  readonly tovVorige: GepubliceerdeVerandering
  readonly tovJaarEerder: GepubliceerdeVerandering
}

const afgeleidVan = (bron: Cel, waarde: number | null): Cel => (isOnderdrukt(bron) ? bron : waarde)

/**
 * A figure of a picture with its derived figures, as published (`publicatie` `null`: as computed).
 *
 * @since 0.2.0
 * @category rules
 */
export const kengetal = (
  beeld: Informatiebeeld,
  rij: Rij,
  maat: Maat,
  publicatie: Publicatie | null
): GepubliceerdKengetal => {
  const k = cijfersVan(beeld, rij)[maat]
  const verandering = (periode: Periode, v: Verandering, waarde: Cel): GepubliceerdeVerandering => {
    const basis = publicatie === null ? v.basis : publicatie.cel(beeld.gebied, periode, rij, maat, v.basis)
    const bron = isOnderdrukt(waarde) ? waarde : basis
    return {
      basis,
      absoluut: afgeleidVan(bron, v.absoluut),
      procent: afgeleidVan(bron, v.procent),
      reeksbreuk: v.reeksbreuk
    }
  }
  if (publicatie === null)
    return {
      waarde: k.waarde,
      perTienduizend: k.perTienduizend,
      aandeelRegio: k.aandeelRegio,
      tovVorige: verandering(beeld.vorigePeriode, k.tovVorige, k.waarde),
      tovJaarEerder: verandering(beeld.jaarEerder, k.tovJaarEerder, k.waarde)
    }
  const waarde = publicatie.cel(beeld.gebied, beeld.periode, rij, maat, k.waarde)
  const regioCel = publicatie.cel({ niveau: "regio" }, beeld.periode, rij, maat)
  // the share is of the sum over the region's gemeenten: shown only when that is the visible regio cell
  const deler = k.aandeelRegio === null || k.waarde === null ? null : (k.waarde / k.aandeelRegio) * 100
  const aandeelBron: Cel = isOnderdrukt(waarde)
    ? waarde
    : isOnderdrukt(regioCel)
      ? regioCel
      : deler !== null && (regioCel === null || Math.abs(regioCel - deler) > 1e-6 * Math.max(1, deler))
        ? verborgen("secundair", publicatie.drempel)
        : k.aandeelRegio
  return {
    waarde,
    perTienduizend: afgeleidVan(waarde, k.perTienduizend),
    aandeelRegio: aandeelBron,
    tovVorige: verandering(beeld.vorigePeriode, k.tovVorige, waarde),
    tovJaarEerder: verandering(beeld.jaarEerder, k.tovJaarEerder, waarde)
  }
}

/**
 * The rank of a row as published: only when the figure it ranks on is visible for every unit of the level
 * and no other unit has the same value (a rank beside hidden figures tells how they compare with the
 * visible ones, and a tie is broken on other figures that may be hidden).
 *
 * @since 0.2.0
 * @category rules
 */
export const rang = (
  beeld: Informatiebeeld,
  rij: Rij,
  publicatie: Publicatie | null
): Rang | Onderdrukt | null => {
  const r = cijfersVan(beeld, rij).rang
  if (publicatie === null || r === null) return r
  const { regio } = publicatie
  const eenheden: ReadonlyArray<Gebied> =
    r.niveau === "gemeente"
      ? regio.gemeenten.map((g): Gebied => ({ niveau: "gemeente", code: g.code }))
      : (r.niveau === "district" ? regio.districten : regio.basisteams).map(
          (u): Gebied => ({ niveau: r.niveau, id: u.id }) as Gebied
        )
  const eigen = publicatie.cel(beeld.gebied, beeld.periode, rij, r.op, cijfersVan(beeld, rij)[r.op].waarde)
  if (isOnderdrukt(eigen)) return eigen
  const cellen = eenheden.map((g) => ({ g, cel: publicatie.cel(g, beeld.periode, rij, r.op) }))
  const verborgenCel = cellen.find((c) => isOnderdrukt(c.cel))
  if (verborgenCel !== undefined) return verborgen("secundair", publicatie.drempel)
  const gelijk = cellen.filter((c) => c.cel === eigen).length
  return gelijk > 1 ? verborgen("secundair", publicatie.drempel) : r
}

/**
 * The notes of a picture a publication may carry: a note that quotes a figure of a hidden row (a count given
 * as a bound) would show what the table hides.
 *
 * @since 0.2.0
 * @category rules
 */
export const opmerkingen = (beeld: Informatiebeeld, publicatie: Publicatie | null): ReadonlyArray<string> => {
  if (publicatie === null) return beeld.opmerkingen
  const verborgenRijen = rijVolgorde(beeld).filter((rij) =>
    maten.some((m) => isOnderdrukt(publicatie.cel(beeld.gebied, beeld.periode, rij, m)))
  )
  const labels = verborgenRijen.map((r) => (r === "totaal" ? "totaal" : delictLabel(r)))
  return beeld.opmerkingen.filter((o) => !(/grens/.test(o) && labels.some((l) => o.startsWith(`${l}:`))))
}

/**
 * How a cell reads: the formatted value, `onbekend` when unknown, or the suppressed text.
 *
 * @since 0.1.0
 * @category formatting
 */
export const weergave = (cel: Cel, format: (waarde: number) => string): string =>
  cel === null ? "onbekend" : isOnderdrukt(cel) ? cel.weergave : format(cel)

/**
 * The rule in Dutch, for the reader of a publication.
 *
 * @since 0.1.0
 * @category formatting
 */
export const uitleg = (drempel: number = standaardDrempel): string =>
  `Aantallen kleiner dan ${drempel} worden niet getoond maar als "< ${drempel}" weergegeven, omdat een klein aantal naar personen kan herleiden. ` +
  `Alle informatiebeelden, overzichten, exports en de API samen kunnen naast elkaar gelegd worden; daarom is over al die cijfers tegelijk (gemeenten, basisteams, districten en regio, alle gepubliceerde perioden, alle delicttypen en het totaal) bepaald welke andere cijfers ook afgeschermd worden ("×"), zodat geen afgeschermd aantal uit sommen of verschillen terug te rekenen is, ook niet tot een kleinere marge dan 0 tot en met ${drempel - 1}. ` +
  `Van een afgeschermd aantal worden ook de schade, het cijfer per 10.000 inwoners, het aandeel, de verandering en de rang niet getoond, en schade bij weinig slachtoffers is niet nauwkeuriger dan ${pRegel * 100}% af te leiden. ` +
  `De cijfers verschijnen per kwartaal (of per jaar waar alleen jaarcijfers bestaan).`
