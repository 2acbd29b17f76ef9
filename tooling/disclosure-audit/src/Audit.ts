/**
 * The attack: given everything an audience has seen (`Zicht`), the sums that hold between the cells (parts
 * of an area add up to it across gemeente ⊂ basisteam ⊂ district ⊂ regio, months to their quarter and
 * quarters to their year, delict rows to the totaal) and non-negativity, compute with HiGHS the smallest
 * and largest value each hidden cell can take, and check the rules:
 *
 * - a hidden count below the threshold may not be pinned to an interval narrower than the threshold: the
 *   reader, who knows it is `< 5`, must still have every value 0 … 4 open;
 * - a hidden damage amount of a small number of victims may not be pinned closer than 20% of its value;
 * - no small count (or such damage) is shown; every shown cell is the true one;
 * - a derived figure (per 10.000, share, change, rank) beside a hidden cell is a finding of its own.
 */
import { type Geography, Informatiebeeld, Periode, type Registration } from "@dvcc/core"
import type { Highs, InitOptions } from "highs"
import * as highsModule from "highs"
import { gebiedKey, type Maat, maten, type Rij, sleutel, type Zicht } from "./Collect.ts"

export interface Invoer {
  readonly regio: Geography.Regio
  readonly registraties: ReadonlyArray<Registration.Registration>
  readonly reeksbreuken: ReadonlyArray<Registration.Reeksbreuk>
}

export interface Uitslag {
  /** What breaks a rule, in words; empty when the protection holds. */
  readonly bevindingen: ReadonlyArray<string>
  /** Hidden cells whose bounds were computed. */
  readonly gecontroleerd: number
  /** Cells the outputs are about that are not small themselves, and how many of those are hidden. */
  readonly verlies: { readonly groot: number; readonly verborgen: number }
}

// HiGHS is CommonJS: its loader is the module itself, which the types call the default export
const highsLoader = highsModule.default as unknown as (options?: InitOptions) => Promise<Highs>
let solver: Promise<Highs> | undefined
const highs = (): Promise<Highs> => {
  solver ??= highsLoader()
  return solver
}

const gebiedenVan = (regio: Geography.Regio): ReadonlyArray<Geography.Gebied> => [
  { niveau: "regio" },
  ...regio.districten.map((d): Geography.Gebied => ({ niveau: "district", id: d.id })),
  ...regio.basisteams.map((b): Geography.Gebied => ({ niveau: "basisteam", id: b.id })),
  ...regio.gemeenten.map((g): Geography.Gebied => ({ niveau: "gemeente", code: g.code }))
]

/** The true figures, as the programme sees them, of every area, period and row. */
const waarheid = (invoer: Invoer, perioden: ReadonlyArray<Periode.Periode>) => {
  const uit = new Map<string, number>()
  const rijen = new Set<Rij>(["totaal"])
  for (const periode of perioden)
    for (const gebied of gebiedenVan(invoer.regio)) {
      const beeld = Informatiebeeld.make({ ...invoer, gebied, periode })
      for (const d of [
        ...beeld.delicten.map((x) => ({ rij: x.delict as Rij, c: x })),
        { rij: "totaal" as Rij, c: beeld.totaal }
      ]) {
        rijen.add(d.rij)
        for (const m of maten) {
          const w = d.c[m].waarde
          if (w !== null) uit.set(sleutel(gebied, periode, d.rij, m), w)
        }
      }
    }
  return { waarden: uit, rijen: [...rijen] }
}

/** Every sum that holds between cells of one figure: [totaal, ...delen]. */
const relaties = (
  regio: Geography.Regio,
  perioden: ReadonlyArray<Periode.Periode>,
  rijen: ReadonlyArray<Rij>,
  maat: Maat,
  waarden: ReadonlyMap<string, number>
): ReadonlyArray<ReadonlyArray<string>> => {
  const uit: Array<ReadonlyArray<string>> = []
  const gebieden = gebiedenVan(regio)
  const delen: Array<readonly [string, ReadonlyArray<string>]> = [
    ["regio", regio.districten.map((d) => `district:${d.id}`)],
    ["regio", regio.gemeenten.map((g) => `gemeente:${g.code}`)],
    ...regio.districten.map(
      (d) =>
        [
          `district:${d.id}`,
          regio.basisteams.filter((b) => b.district === d.id).map((b) => `basisteam:${b.id}`)
        ] as const
    ),
    ...regio.districten.map(
      (d) =>
        [
          `district:${d.id}`,
          regio.gemeenten.filter((g) => g.district === d.id).map((g) => `gemeente:${g.code}`)
        ] as const
    ),
    ...regio.basisteams.map(
      (b) =>
        [
          `basisteam:${b.id}`,
          regio.gemeenten.filter((g) => g.basisteam === b.id).map((g) => `gemeente:${g.code}`)
        ] as const
    )
  ]
  const inPerioden = new Set<string>(perioden)
  for (const p of perioden)
    for (const r of rijen)
      for (const [t, ds] of delen)
        uit.push([sleutel(t, p, r, maat), ...ds.map((d) => sleutel(d, p, r, maat))])
  for (const g of gebieden)
    for (const r of rijen)
      for (const p of perioden) {
        const subs =
          Periode.granulariteit(p) === "jaar"
            ? [Periode.kwartalenIn(p), Periode.maandenIn(p)]
            : Periode.granulariteit(p) === "kwartaal"
              ? [Periode.maandenIn(p)]
              : []
        for (const sub of subs)
          if (sub.every((q) => inPerioden.has(q)))
            uit.push([sleutel(g, p, r, maat), ...sub.map((q) => sleutel(g, q, r, maat))])
      }
  for (const g of gebieden)
    for (const p of perioden)
      uit.push([
        sleutel(g, p, "totaal", maat),
        ...rijen.filter((r) => r !== "totaal").map((r) => sleutel(g, p, r, maat))
      ])
  // only sums that hold in the figures. A part without a figure (a gemeente without registrations) is left
  // out: a regional figure summed from the known gemeenten only says which it counts
  // (`Informatiebeeld.Dekking`), so a reader can subtract over those as over a whole sum.
  return uit.flatMap((rel) => {
    const [totaal, ...delen] = rel
    const t = totaal === undefined ? undefined : waarden.get(totaal)
    const bekend = delen.filter((k) => waarden.get(k) !== undefined)
    if (t === undefined || totaal === undefined || bekend.length === 0) return []
    const som = bekend.reduce<number>((a, k) => a + (waarden.get(k) ?? 0), 0)
    return Math.abs(som - t) < 1e-6 ? [[totaal, ...bekend]] : []
  })
}

const getal = (n: number) => (Number.isInteger(n) ? `${n}` : n.toFixed(6))

/**
 * Runs the attack on what an audience has seen. `perioden` are the periods the model knows (the published
 * ones and every period a sum runs through); `drempel` the threshold.
 */
export const audit = async (
  invoer: Invoer,
  zicht: Zicht,
  opties: { readonly drempel?: number; readonly p?: number } = {}
): Promise<Uitslag> => {
  const drempel = opties.drempel ?? 5
  const p = opties.p ?? 0.2
  const jaren = new Set(invoer.registraties.map((r) => Periode.jaarVan(r.periode)))
  const periodeSet = new Set<Periode.Periode>()
  for (const j of jaren) {
    const jaar = Periode.jaar(j)
    periodeSet.add(jaar)
    for (const q of Periode.kwartalenIn(jaar)) periodeSet.add(q)
    for (const m of Periode.maandenIn(jaar)) periodeSet.add(m)
  }
  for (const k of [...zicht.getoond.keys(), ...zicht.verborgen])
    periodeSet.add(k.split("|")[1] as Periode.Periode)
  const perioden = [...periodeSet]
  const { waarden, rijen } = waarheid(invoer, perioden)
  const h = await highs()
  const bevindingen: Array<string> = [...zicht.fouten]
  let gecontroleerd = 0

  // what is shown must be the truth, and no small cell may be shown
  for (const [k, [lo, hi]] of zicht.getoond) {
    const w = waarden.get(k)
    const bron = zicht.bron.get(k) ?? "?"
    if (w === undefined) continue
    if (w < lo - 1e-6 || w > hi + 1e-6)
      bevindingen.push(`${k}: getoond ${lo}…${hi}, werkelijk ${w} (${bron})`)
  }

  let groot = 0
  let verborgenGroot = 0
  const besproken = new Set([...zicht.getoond.keys(), ...zicht.verborgen])
  const slachtoffersKlein = (k: string) => {
    const v = waarden.get(k.replace(/\|schade$/, "|slachtoffers"))
    return v !== undefined && v < drempel
  }
  for (const k of besproken) {
    const w = waarden.get(k)
    if (w === undefined) continue
    const klein = k.endsWith("|schade") ? slachtoffersKlein(k) : w < drempel
    if (klein) continue
    groot++
    const g = zicht.getoond.get(k)
    if (g === undefined || g[0] !== g[1]) verborgenGroot++
  }

  for (const maat of maten) {
    const rels = relaties(invoer.regio, perioden, rijen, maat, waarden)
    const cellen = [...new Set(rels.flat())]
    const exact = (k: string) => {
      const g = zicht.getoond.get(k)
      return g !== undefined && g[1] - g[0] < 1e-9 ? g[0] : undefined
    }
    const naam = new Map<string, string>()
    const variabelen = cellen.filter((k) => exact(k) === undefined)
    variabelen.forEach((k, i) => {
      naam.set(k, `x${i}`)
    })
    const vergelijkingen: Array<string> = []
    rels.forEach((rel, j) => {
      let constante = 0
      const termen: Array<string> = []
      rel.forEach((k, i) => {
        const teken = i === 0 ? -1 : 1
        const e = exact(k)
        if (e !== undefined) constante += teken * e
        else termen.push(`${teken < 0 ? "-" : "+"} ${naam.get(k)}`)
      })
      if (termen.length > 0) vergelijkingen.push(` r${j}: ${termen.join(" ")} = ${getal(-constante)}`)
      else if (Math.abs(constante) > 1e-6)
        bevindingen.push(`${maat}: getoonde cijfers tellen niet op (${rel[0]})`)
    })
    const grenzen = variabelen.map((k) => {
      const g = zicht.getoond.get(k)
      const lo = Math.max(0, g?.[0] ?? 0)
      const hi = zicht.klein.has(k) ? Math.min(drempel - 1, g?.[1] ?? Number.POSITIVE_INFINITY) : g?.[1]
      return hi === undefined || !Number.isFinite(hi)
        ? ` ${naam.get(k)} >= ${getal(lo)}`
        : ` ${getal(lo)} <= ${naam.get(k)} <= ${getal(hi)}`
    })
    const los = (k: string, richting: "Minimize" | "Maximize"): number => {
      const lp = `${richting}\n obj: ${naam.get(k)}\nSubject To\n${vergelijkingen.join("\n")}\nBounds\n${grenzen.join("\n")}\nEnd\n`
      const s = h.solve(lp, {})
      if (s.Status === "Unbounded") return richting === "Maximize" ? Number.POSITIVE_INFINITY : 0
      if (s.Status !== "Optimal") throw new Error(`HiGHS: ${s.Status} voor ${k}`)
      return s.ObjectiveValue
    }
    for (const k of cellen) {
      const w = waarden.get(k)
      if (w === undefined) continue
      const bron = zicht.bron.get(k) ?? ""
      if (maat !== "schade" && w < drempel) {
        if (exact(k) !== undefined) {
          bevindingen.push(`${k}: klein aantal ${w} getoond (${bron})`)
          continue
        }
        gecontroleerd++
        const min = los(k, "Minimize")
        const max = los(k, "Maximize")
        if (min > 1e-6 || max < drempel - 1 - 1e-6)
          bevindingen.push(`${k}: ${w} vastgepind op ${getal(min)}…${getal(max)}`)
      } else if (maat === "schade" && slachtoffersKlein(k) && w > 0) {
        const e = exact(k)
        if (e !== undefined) {
          bevindingen.push(`${k}: schade ${w} bij een klein aantal slachtoffers getoond (${bron})`)
          continue
        }
        gecontroleerd++
        const min = los(k, "Minimize")
        const max = los(k, "Maximize")
        if (min > w * (1 - p) + 1 || max < w * (1 + p) - 1)
          bevindingen.push(`${k}: schade ${w} vastgepind op ${getal(min)}…${getal(max)} (binnen ${p * 100}%)`)
      }
    }
  }

  // a rank tells how the unit compares with the others: only where all of them are visible and not small
  for (const r of zicht.rangen) {
    const eenheden = r.gebied.startsWith("gemeente:")
      ? invoer.regio.gemeenten.map((g) => gebiedKey({ niveau: "gemeente", code: g.code }))
      : []
    for (const e of eenheden) {
      const k = sleutel(e, r.periode, r.rij, "slachtoffers")
      const w = waarden.get(k)
      const g = zicht.getoond.get(k)
      if (w !== undefined && (g === undefined || g[0] !== g[1]))
        bevindingen.push(`${r.bron}: rang getoond terwijl ${k} verborgen is`)
    }
  }
  return { bevindingen, gecontroleerd, verlies: { groot, verborgen: verborgenGroot } }
}
