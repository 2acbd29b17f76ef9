/**
 * The informatiebeeld: a periodic picture of online crime for a gemeente, basisteam, district or the
 * regio, computed from police registrations. Per delict type it gives the counts, the counts per 10.000
 * inhabitants, the change against the previous period and the same period a year earlier, the share of
 * the region and the rank among units of the same level, plus totals and a Dutch list of notes.
 *
 * Unknown is never zero: a sum with an unknown part is unknown (`null`) and the notes say why. A year is
 * never added to its own quarters or months: a period is taken as registered, or else built from one
 * complete set of its quarters or months.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Herkomst } from "./Bron.ts"
import type { Gemeente, Regio } from "./Geography.ts"
import { CbsCode, eenheden, Gebied, gebiedLabel, gemeentenIn, inwonersOp } from "./Geography.ts"
import { formatMetKwalificatie, Kwalificatie, kwalificatieLabel } from "./Getal.ts"
import { format as formatMoney, Money } from "./Money.ts"
import {
  begin,
  Datum,
  einde,
  granulariteit,
  jaarEerder as jaarEerderVan,
  kwartalenIn,
  label,
  maandenIn,
  Periode,
  vorige
} from "./Periode.ts"
import type { Reeksbreuk, Registration } from "./Registration.ts"
import { Delict, delictLabel } from "./Registration.ts"

/**
 * The four figures of a registration.
 *
 * @since 0.1.0
 * @category models
 */
export const Maat = Schema.Literals(["aangiften", "meldingen", "slachtoffers", "schade"]).annotate({
  identifier: "Maat"
})

/**
 * @since 0.1.0
 * @category models
 */
export type Maat = typeof Maat.Type

/**
 * All figures, in the order the informatiebeeld shows them.
 *
 * @since 0.1.0
 * @category constants
 */
export const maten: ReadonlyArray<Maat> = Maat.literals

/**
 * @since 0.1.0
 * @category formatting
 */
export const maatLabel: Record<Maat, string> = {
  aangiften: "aangiften",
  meldingen: "meldingen",
  slachtoffers: "slachtoffers",
  schade: "schade"
}

/**
 * How many delict types `topDelicten` lists at most.
 *
 * @since 0.1.0
 * @category constants
 */
export const aantalTop = 5

/**
 * Change against a base period. `absoluut` needs both values known; `procent` also needs a base above 0.
 * `reeksbreuk` is `true` when a break in the series lies between the base and the current period, with
 * its reasons in `redenen`: the comparison then crosses a change in how figures are registered.
 *
 * @since 0.1.0
 * @category models
 */
export const Verandering = Schema.Struct({
  basis: Schema.NullOr(Schema.Finite),
  absoluut: Schema.NullOr(Schema.Finite),
  procent: Schema.NullOr(Schema.Finite),
  reeksbreuk: Schema.Boolean,
  redenen: Schema.Array(Schema.String)
}).annotate({ identifier: "Verandering" })

/**
 * @since 0.1.0
 * @category models
 */
export type Verandering = typeof Verandering.Type

const kengetalVelden = {
  /** Per 10.000 inhabitants at the end of the period; `null` while an inhabitants count is unknown. */
  perTienduizend: Schema.NullOr(Schema.Finite),
  /** Percent of the regional total (sum over the region's gemeenten); 100 for the regio itself. */
  aandeelRegio: Schema.NullOr(Schema.Finite),
  tovVorige: Verandering,
  tovJaarEerder: Verandering
}

/**
 * A count (aangiften, meldingen, slachtoffers) of an area in a period. `waarde` is `null` when unknown;
 * `kwalificatie` is set when the count is a bound ("ruim 5.500").
 *
 * @since 0.1.0
 * @category models
 */
export const Kengetal = Schema.Struct({
  waarde: Schema.NullOr(Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))),
  kwalificatie: Schema.optionalKey(Kwalificatie),
  ...kengetalVelden
}).annotate({ identifier: "Kengetal" })

/**
 * @since 0.1.0
 * @category models
 */
export type Kengetal = typeof Kengetal.Type

/**
 * The damage of an area in a period, in euro cents; per 10.000 inhabitants and changes also in cents.
 *
 * @since 0.1.0
 * @category models
 */
export const Schadegetal = Schema.Struct({
  waarde: Schema.NullOr(Money),
  kwalificatie: Schema.optionalKey(Kwalificatie),
  ...kengetalVelden
}).annotate({ identifier: "Schadegetal" })

/**
 * @since 0.1.0
 * @category models
 */
export type Schadegetal = typeof Schadegetal.Type

/**
 * Rank among the units of a level in the region: 1 has the most victims (`op: "slachtoffers"`), or the
 * most aangiften where victims are not known for every unit (`op: "aangiften"`). Equal values are ordered
 * by the other count, then damage, then code, so positions run 1 to `van` without ties.
 *
 * @since 0.1.0
 * @category models
 */
export const Rang = Schema.Struct({
  positie: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(1))),
  van: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(1))),
  niveau: Schema.Literals(["gemeente", "district", "basisteam"]),
  op: Schema.Literals(["slachtoffers", "aangiften"])
}).annotate({ identifier: "Rang" })

/**
 * @since 0.1.0
 * @category models
 */
export type Rang = typeof Rang.Type

const cijferVelden = {
  aangiften: Kengetal,
  meldingen: Kengetal,
  slachtoffers: Kengetal,
  schade: Schadegetal,
  /** `null` for the regio, while the units of the level are unknown, or while a count is unknown. */
  rang: Schema.NullOr(Rang)
}

/**
 * The figures of one delict type.
 *
 * @since 0.1.0
 * @category models
 */
export const Delictbeeld = Schema.Struct({ delict: Delict, ...cijferVelden }).annotate({
  identifier: "Delictbeeld"
})

/**
 * @since 0.1.0
 * @category models
 */
export type Delictbeeld = typeof Delictbeeld.Type

/**
 * The figures over all delict types of the informatiebeeld.
 *
 * @since 0.1.0
 * @category models
 */
export const Totaal = Schema.Struct(cijferVelden).annotate({ identifier: "Totaal" })

/**
 * @since 0.1.0
 * @category models
 */
export type Totaal = typeof Totaal.Type

/**
 * Registrations that are missing: for `gebied` and `delict`, `periode` could not be taken as registered
 * nor built from a complete set of quarters or months. `ontbrekend` lists the missing sub-periods of the
 * best covered set, or `periode` itself when there is nothing to build it from.
 *
 * @since 0.1.0
 * @category models
 */
export const Ontbreekt = Schema.Struct({
  gebied: Gebied,
  delict: Delict,
  periode: Periode,
  ontbrekend: Schema.Array(Periode)
}).annotate({ identifier: "Ontbreekt" })

/**
 * @since 0.1.0
 * @category models
 */
export type Ontbreekt = typeof Ontbreekt.Type

/**
 * How much of an area a partial figure covers: its figures are the sums of the `gemeenten` of its `van`
 * gemeenten that have registrations over the period (with `inwoners` of `inwonersVan` inhabitants; `null`
 * while unknown), so each is a lower bound of the area's real figure, never its total. `zonder` names the
 * gemeenten without registrations.
 *
 * @since 0.2.0
 * @category models
 */
export const Dekking = Schema.Struct({
  gemeenten: Schema.Int,
  van: Schema.Int,
  inwoners: Schema.NullOr(Schema.Int),
  inwonersVan: Schema.NullOr(Schema.Int),
  zonder: Schema.Array(CbsCode)
}).annotate({ identifier: "Dekking" })

/**
 * @since 0.2.0
 * @category models
 */
export type Dekking = typeof Dekking.Type

/**
 * The local picture of online crime for an area and a period.
 *
 * @since 0.1.0
 * @category models
 */
export const Informatiebeeld = Schema.Struct({
  gebied: Gebied,
  /** `Utrecht`, `district Noord`, `regio Midden-Nederland`. */
  naam: Schema.String,
  periode: Periode,
  vorigePeriode: Periode,
  jaarEerder: Periode,
  /** The gemeenten the area consists of. */
  gemeenten: Schema.Array(CbsCode),
  /**
   * For a regio, district or basisteam of which only some gemeenten have registrations over the period:
   * which, so that its figures read as "minstens …, uit 6 van 38 gemeenten". `null` when the figures are
   * the area's own (every gemeente known, or registered at the area's level).
   */
  dekking: Schema.NullOr(Dekking),
  /** Inhabitants on `peildatumInwoners`; `null` while a gemeente's count is unknown. */
  inwoners: Schema.NullOr(Schema.Int),
  peildatumInwoners: Datum,
  /** Delict types registered in the period, most victims first (unknown last). */
  delicten: Schema.Array(Delictbeeld),
  /** At most `aantalTop` delict types with known victims, most victims first, then most damage. */
  topDelicten: Schema.Array(Delict),
  totaal: Totaal,
  ontbreekt: Schema.Array(Ontbreekt),
  /** Where the registrations used come from. */
  herkomst: Schema.Array(Herkomst),
  /** Dutch notes on unknowns, breaks in series and missing periods. */
  opmerkingen: Schema.Array(Schema.String)
}).annotate({ identifier: "Informatiebeeld" })

/**
 * @since 0.1.0
 * @category models
 */
export type Informatiebeeld = typeof Informatiebeeld.Type

/**
 * What `make` needs: the region, all registrations and breaks in series, and the area and period asked for.
 *
 * @since 0.1.0
 * @category models
 */
export interface Invoer {
  readonly regio: Regio
  readonly registraties: ReadonlyArray<Registration>
  readonly reeksbreuken: ReadonlyArray<Reeksbreuk>
  readonly gebied: Gebied
  readonly periode: Periode
  /**
   * Only the figures themselves: no rank, share of the region or notes, which each look at every unit of
   * the region. For `Suppression.publicatie`, which needs the figures of every area in every period.
   */
  readonly alleenWaarden?: boolean
}

// ---------------------------------------------------------------------------------------------------------
// sums
// ---------------------------------------------------------------------------------------------------------

interface Som {
  readonly waarde: number | null
  readonly kwalificatie: Kwalificatie | undefined
  /** Labels of parts whose value is registered as unknown. */
  readonly onbekend: ReadonlyArray<string>
  /** Lower and upper bounds were added: the sum is no bound either way. */
  readonly gemengd: boolean
}

type Sommen = Readonly<Record<Maat, Som>>

const onbekendeSom: Som = { waarde: null, kwalificatie: undefined, onbekend: [], gemengd: false }

const isOndergrens = (k: Kwalificatie): boolean => k !== "minder-dan"

const optellen = (delen: ReadonlyArray<Som>): Som => {
  if (delen.length === 0) return onbekendeSom
  const onbekend = delen.flatMap((d) => d.onbekend)
  const kwalificaties = delen.flatMap((d) =>
    d.waarde !== null && d.kwalificatie !== undefined ? [d.kwalificatie] : []
  )
  const gemengd =
    delen.some((d) => d.gemengd) ||
    (kwalificaties.some(isOndergrens) && kwalificaties.some((k) => !isOndergrens(k)))
  if (gemengd || delen.some((d) => d.waarde === null))
    return { waarde: null, kwalificatie: undefined, onbekend, gemengd }
  const waarde = delen.reduce((acc, d) => acc + (d.waarde ?? 0), 0)
  // A sum of several parts with "ruim 5.500" in it is no "ruim 6.884" (that looks exact): it is a lower bound.
  const kwalificatie: Kwalificatie | undefined =
    kwalificaties.length === 0
      ? undefined
      : kwalificaties.includes("minder-dan")
        ? "minder-dan"
        : kwalificaties.includes("meer-dan") || delen.length > 1
          ? "meer-dan"
          : "ruim"
  return { waarde, kwalificatie, onbekend, gemengd }
}

const sommenOptellen = (delen: ReadonlyArray<Sommen>): Sommen => ({
  aangiften: optellen(delen.map((d) => d.aangiften)),
  meldingen: optellen(delen.map((d) => d.meldingen)),
  slachtoffers: optellen(delen.map((d) => d.slachtoffers)),
  schade: optellen(delen.map((d) => d.schade))
})

const onbekendeSommen: Sommen = {
  aangiften: onbekendeSom,
  meldingen: onbekendeSom,
  slachtoffers: onbekendeSom,
  schade: onbekendeSom
}

const uitRij = (rij: Registration, naam: string): Sommen => {
  const deel = (maat: Maat): Som => {
    const waarde = rij[maat]
    return waarde === null
      ? { waarde: null, kwalificatie: undefined, onbekend: [naam], gemengd: false }
      : { waarde, kwalificatie: rij.kwalificaties?.[maat], onbekend: [], gemengd: false }
  }
  return {
    aangiften: deel("aangiften"),
    meldingen: deel("meldingen"),
    slachtoffers: deel("slachtoffers"),
    schade: deel("schade")
  }
}

// ---------------------------------------------------------------------------------------------------------
// resolving registrations with the granularity rule
// ---------------------------------------------------------------------------------------------------------

/** The figures of an area, a delict and a period, with what they rest on. */
interface Uitkomst {
  readonly sommen: Sommen
  readonly ontbreekt: ReadonlyArray<Ontbreekt>
  /** `Utrecht 2025 Q1`: differing registrations for the same area, delict and period. */
  readonly tegenstrijdig: ReadonlyArray<string>
  readonly rijen: ReadonlyArray<Registration>
  /** Taken from registrations at the area's own level (regio, district, basisteam), not summed from gemeenten. */
  readonly eigenNiveau: boolean
  /** Summed from only the gemeenten with registrations over the period: a lower bound. */
  readonly deels?: boolean
}

type Blad =
  | { readonly soort: "ok"; readonly rijen: ReadonlyArray<Registration> }
  | { readonly soort: "ontbreekt"; readonly ontbrekend: ReadonlyArray<Periode> }
  | { readonly soort: "tegenstrijdig"; readonly perioden: ReadonlyArray<Periode> }

/**
 * Where an area's figure comes from: its own level's registrations (`eigen`), the sum of its gemeenten, or
 * (`auto`) its own level when that covers the period, else the gemeenten.
 */
type Bron = "auto" | "eigen" | "gemeenten"

const gebiedKey = (gebied: Gebied): string => {
  switch (gebied.niveau) {
    case "regio":
      return "regio"
    case "gemeente":
      return `gemeente:${gebied.code}`
    default:
      return `${gebied.niveau}:${gebied.id}`
  }
}

const zelfdeCijfers = (a: Registration, b: Registration): boolean =>
  maten.every((m) => a[m] === b[m] && a.kwalificaties?.[m] === b.kwalificaties?.[m])

/** Complete sets a period can be built from, finest first: never the period's own coarser parents. */
const onderverdelingen = (periode: Periode): ReadonlyArray<ReadonlyArray<Periode>> => {
  switch (granulariteit(periode)) {
    case "jaar":
      return [maandenIn(periode), kwartalenIn(periode)]
    case "kwartaal":
      return [maandenIn(periode)]
    case "maand":
      return []
  }
}

const gemeenteGebied = (g: Gemeente): Gebied => ({ niveau: "gemeente", code: g.code })

const leeg: Uitkomst = {
  sommen: onbekendeSommen,
  ontbreekt: [],
  tegenstrijdig: [],
  rijen: [],
  eigenNiveau: false
}

/** The figures of one resolved `Blad` for `doel`, named `naam` in its notes. */
const uitBlad = (
  b: Blad,
  doel: Gebied,
  naam: string,
  delict: Delict,
  p: Periode,
  eigenNiveau: boolean
): Uitkomst => {
  switch (b.soort) {
    case "ok": {
      const sommen = sommenOptellen(
        b.rijen.map((rij) => uitRij(rij, rij.periode === p ? naam : `${naam} ${label(rij.periode)}`))
      )
      return { sommen, ontbreekt: [], tegenstrijdig: [], rijen: b.rijen, eigenNiveau }
    }
    case "ontbreekt":
      return {
        sommen: onbekendeSommen,
        ontbreekt: [{ gebied: doel, delict, periode: p, ontbrekend: b.ontbrekend }],
        tegenstrijdig: [],
        rijen: [],
        eigenNiveau
      }
    case "tegenstrijdig":
      return {
        sommen: onbekendeSommen,
        ontbreekt: [],
        tegenstrijdig: b.perioden.map((q) => `${naam} ${label(q)}`),
        rijen: [],
        eigenNiveau
      }
  }
}

/** A count known to be at least its value: "meer dan", or unknown when it was an upper bound. */
const ondergrens = (x: Som): Som =>
  x.waarde === null
    ? x
    : x.kwalificatie === "minder-dan"
      ? { waarde: null, kwalificatie: undefined, onbekend: x.onbekend, gemengd: true }
      : { ...x, kwalificatie: "meer-dan" }

/**
 * The sums of one call of `make`: the registrations indexed by area, delict and period, and the figures of
 * any area, delict and period resolved with the granularity rule (each computed once).
 */
class Sommatie {
  private readonly regio: Regio
  private readonly regioGemeenten: ReadonlySet<string>
  /** gebied → delict → periode → rows */
  private readonly index = new Map<string, Map<Delict, Map<Periode, Array<Registration>>>>()
  // period bounds, memoised: registrations repeat the same few periods
  private readonly grenzen = new Map<Periode, readonly [Datum, Datum]>()
  private readonly gedektCache = new Map<Periode, ReadonlySet<string>>()
  private readonly cache = new Map<string, Uitkomst>()

  constructor(regio: Regio, registraties: ReadonlyArray<Registration>) {
    this.regio = regio
    this.regioGemeenten = new Set<string>(regio.gemeenten.map((g) => g.code))
    for (const rij of registraties) {
      const key = gebiedKey(rij.gebied)
      let perDelict = this.index.get(key)
      if (perDelict === undefined) {
        perDelict = new Map()
        this.index.set(key, perDelict)
      }
      let perPeriode = perDelict.get(rij.delict)
      if (perPeriode === undefined) {
        perPeriode = new Map()
        perDelict.set(rij.delict, perPeriode)
      }
      const rows = perPeriode.get(rij.periode)
      if (rows === undefined) perPeriode.set(rij.periode, [rij])
      else rows.push(rij)
    }
  }

  private reeks(key: string, delict: Delict): ReadonlyMap<Periode, ReadonlyArray<Registration>> | undefined {
    return this.index.get(key)?.get(delict)
  }

  private opzoeken(key: string, delict: Delict, p: Periode): Registration | "tegenstrijdig" | undefined {
    const rows = this.reeks(key, delict)?.get(p)
    if (rows === undefined) return undefined
    const [first, ...rest] = rows
    if (first === undefined) return undefined
    return rest.every((r) => zelfdeCijfers(r, first)) ? first : "tegenstrijdig"
  }

  /** The registrations of `p`: as registered, else its months, else its quarters, else what is missing. */
  private blad(key: string, delict: Delict, p: Periode): Blad {
    const exact = this.opzoeken(key, delict, p)
    if (exact === "tegenstrijdig") return { soort: "tegenstrijdig", perioden: [p] }
    if (exact !== undefined) return { soort: "ok", rijen: [exact] }
    let beste: { readonly dekking: number; readonly ontbrekend: ReadonlyArray<Periode> } | undefined
    for (const set of onderverdelingen(p)) {
      const gevonden = set.map((sub) => ({ sub, rij: this.opzoeken(key, delict, sub) }))
      const ontbrekend = gevonden.flatMap((g) => (g.rij === undefined ? [g.sub] : []))
      if (ontbrekend.length === 0) {
        const tegenstrijdig = gevonden.flatMap((g) => (g.rij === "tegenstrijdig" ? [g.sub] : []))
        if (tegenstrijdig.length > 0) return { soort: "tegenstrijdig", perioden: tegenstrijdig }
        return {
          soort: "ok",
          rijen: gevonden.flatMap((g) => (g.rij === undefined || g.rij === "tegenstrijdig" ? [] : [g.rij]))
        }
      }
      const dekking = (set.length - ontbrekend.length) / set.length
      // on equal coverage the coarser set wins: fewer periods to list
      if (dekking > 0 && (beste === undefined || dekking >= beste.dekking)) beste = { dekking, ontbrekend }
    }
    return { soort: "ontbreekt", ontbrekend: beste?.ontbrekend ?? [p] }
  }

  private grens(p: Periode): readonly [Datum, Datum] {
    const known = this.grenzen.get(p)
    if (known !== undefined) return known
    const bounds = [begin(p), einde(p)] as const
    this.grenzen.set(p, bounds)
    return bounds
  }

  private overlapt(a: Periode, b: Periode): boolean {
    const [beginA, eindeA] = this.grens(a)
    const [beginB, eindeB] = this.grens(b)
    return beginA <= eindeB && beginB <= eindeA
  }

  /** The gemeenten with any registration over a period: a partial sum counts these, and only these. */
  gedekt(p: Periode): ReadonlySet<string> {
    let set = this.gedektCache.get(p)
    if (set === undefined) {
      const codes = new Set<string>()
      for (const g of this.regio.gemeenten) {
        const perDelict = this.index.get(gebiedKey(gemeenteGebied(g)))
        if (perDelict === undefined) continue
        for (const perPeriode of perDelict.values())
          if ([...perPeriode.keys()].some((q) => this.overlapt(p, q))) {
            codes.add(g.code)
            break
          }
      }
      set = codes
      this.gedektCache.set(p, set)
    }
    return set
  }

  private heeftRijen(key: string, delict: Delict, p: Periode): boolean {
    return [...(this.reeks(key, delict)?.keys() ?? [])].some((q) => this.overlapt(p, q))
  }

  /** The delict types registered over `periode` for `gebied` or any gemeente of the region, in list order. */
  delictenIn(gebied: Gebied, periode: Periode): ReadonlyArray<Delict> {
    const bronKeys = new Set<string>([
      gebiedKey(gebied),
      ...this.regio.gemeenten.map((g) => gebiedKey(gemeenteGebied(g)))
    ])
    const geregistreerd = new Set<Delict>()
    for (const key of bronKeys) {
      for (const [delict, perPeriode] of this.index.get(key) ?? []) {
        if ([...perPeriode.keys()].some((p) => this.overlapt(periode, p))) geregistreerd.add(delict)
      }
    }
    return Delict.literals.filter((d) => geregistreerd.has(d))
  }

  /** The figures of `doel`, `delict` and `p`, from the source `bron` says. */
  uitkomst(doel: Gebied, delict: Delict, p: Periode, bron: Bron = "auto"): Uitkomst {
    const key = gebiedKey(doel)
    const cacheKey = `${key}|${delict}|${p}|${bron}`
    const cached = this.cache.get(cacheKey)
    if (cached !== undefined) return cached
    const result = this.bereken(doel, key, delict, p, bron)
    this.cache.set(cacheKey, result)
    return result
  }

  private bereken(doel: Gebied, key: string, delict: Delict, p: Periode, bron: Bron): Uitkomst {
    const naam = gebiedLabel(this.regio, doel)
    if (doel.niveau === "gemeente") {
      if (!this.regioGemeenten.has(doel.code)) return leeg
      return uitBlad(this.blad(key, delict, p), doel, naam, delict, p, false)
    }
    const eigen = this.blad(key, delict, p)
    if (bron === "eigen" || (bron === "auto" && eigen.soort === "ok"))
      return uitBlad(eigen, doel, naam, delict, p, true)
    const leden = gemeentenIn(this.regio, doel)
    const delen = leden.map((g) => this.uitkomst(gemeenteGebied(g), delict, p))
    const som: Uitkomst = {
      sommen: delen.length === 0 ? onbekendeSommen : sommenOptellen(delen.map((d) => d.sommen)),
      ontbreekt: delen.flatMap((d) => d.ontbreekt),
      tegenstrijdig: delen.flatMap((d) => d.tegenstrijdig),
      rijen: delen.flatMap((d) => d.rijen),
      eigenNiveau: false
    }
    const volledig = delen.length > 0 && som.ontbreekt.length === 0 && som.tegenstrijdig.length === 0
    if (bron === "auto" && !volledig && this.heeftRijen(key, delict, p))
      return uitBlad(eigen, doel, naam, delict, p, true)
    if (volledig) return som
    // Some gemeenten have no registrations over the period at all: the sum of the others is a lower bound.
    const bekend = this.gedekt(p)
    const gedekteDelen = delen.filter((_, i) => bekend.has(leden[i]?.code ?? ""))
    if (gedekteDelen.length === 0 || gedekteDelen.length === delen.length) return som
    if (gedekteDelen.some((d) => d.ontbreekt.length > 0 || d.tegenstrijdig.length > 0))
      return {
        ...som,
        ontbreekt: gedekteDelen.flatMap((d) => d.ontbreekt),
        tegenstrijdig: gedekteDelen.flatMap((d) => d.tegenstrijdig)
      }
    const deel = sommenOptellen(gedekteDelen.map((d) => d.sommen))
    return {
      sommen: {
        aangiften: ondergrens(deel.aangiften),
        meldingen: ondergrens(deel.meldingen),
        slachtoffers: ondergrens(deel.slachtoffers),
        schade: ondergrens(deel.schade)
      },
      ontbreekt: [],
      tegenstrijdig: [],
      rijen: gedekteDelen.flatMap((d) => d.rijen),
      eigenNiveau: false,
      deels: true
    }
  }

  /** The sum over every delict of `delicten` for `doel` in `periode`. */
  totaal(doel: Gebied, delicten: ReadonlyArray<Delict>, periode: Periode): Sommen {
    return delicten.length === 0
      ? onbekendeSommen
      : sommenOptellen(delicten.map((d) => this.uitkomst(doel, d, periode).sommen))
  }

  /** Whether any delict of `delicten` is a partial sum for `doel` in `periode`. */
  totaalDeels(doel: Gebied, delicten: ReadonlyArray<Delict>, periode: Periode): boolean {
    return delicten.some((d) => this.uitkomst(doel, d, periode).deels === true)
  }

  /** The sum over every gemeente of the region of `delict` in `periode`: what shares are of. */
  regioDelict(delict: Delict, periode: Periode): Sommen {
    return sommenOptellen(
      this.regio.gemeenten.map((g) => this.uitkomst(gemeenteGebied(g), delict, periode).sommen)
    )
  }
}

const basisTotaal = (delen: ReadonlyArray<Sommen>): Sommen =>
  delen.length === 0 ? onbekendeSommen : sommenOptellen(delen)

// ---------------------------------------------------------------------------------------------------------
// rank
// ---------------------------------------------------------------------------------------------------------

/** The units `gebied` is ranked among (every gemeente, district or basisteam), `undefined` while unknown. */
const rangEenheden = (regio: Regio, gebied: Gebied): ReadonlyArray<Gebied> | undefined =>
  gebied.niveau === "regio"
    ? undefined
    : gebied.niveau === "gemeente"
      ? regio.gemeenten.map(gemeenteGebied)
      : eenheden(regio, gebied.niveau)?.map((u): Gebied => ({ niveau: gebied.niveau, id: u.id }))

/**
 * The place of `gebied` among `units` by victims (else aangiften), then the other count, then damage:
 * `null` for the regio, while a unit's count is unknown, or when a unit's figure is a lower bound.
 */
const rang = (
  gebied: Gebied,
  units: ReadonlyArray<Gebied> | undefined,
  sommenVan: (doel: Gebied) => Sommen,
  deelsVan: (doel: Gebied) => boolean
): Rang | null => {
  if (gebied.niveau === "regio" || units === undefined) return null
  // a lower bound of one unit is no place in a ranking
  if (units.some(deelsVan)) return null
  const eigenKey = gebiedKey(gebied)
  const gemeten = units.map((doel) => ({ key: gebiedKey(doel), sommen: sommenVan(doel) }))
  if (!gemeten.some((u) => u.key === eigenKey)) return null
  const op: "slachtoffers" | "aangiften" | undefined = gemeten.every(
    (u) => u.sommen.slachtoffers.waarde !== null
  )
    ? "slachtoffers"
    : gemeten.every((u) => u.sommen.aangiften.waarde !== null)
      ? "aangiften"
      : undefined
  if (op === undefined) return null
  const ander: Maat = op === "slachtoffers" ? "aangiften" : "slachtoffers"
  const sleutel = (s: Sommen, m: Maat) => s[m].waarde ?? -1
  const gesorteerd = [...gemeten].sort(
    (a, b) =>
      sleutel(b.sommen, op) - sleutel(a.sommen, op) ||
      sleutel(b.sommen, ander) - sleutel(a.sommen, ander) ||
      sleutel(b.sommen, "schade") - sleutel(a.sommen, "schade") ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  )
  return {
    positie: gesorteerd.findIndex((u) => u.key === eigenKey) + 1,
    van: gemeten.length,
    niveau: gebied.niveau,
    op
  }
}

// ---------------------------------------------------------------------------------------------------------
// derived figures
// ---------------------------------------------------------------------------------------------------------

/** What the derived figures of an area and period depend on besides its sums. */
interface Vergelijking {
  readonly gebied: Gebied
  readonly periode: Periode
  readonly vorigePeriode: Periode
  readonly jaarEerder: Periode
  /** The area's inhabitants at the end of the period, `null` while unknown. */
  readonly inwoners: number | null
  readonly reeksbreuken: ReadonlyArray<Reeksbreuk>
}

/** Which of the current, previous and year-earlier figures are partial sums (lower bounds). */
interface Deels {
  readonly huidig: boolean
  readonly vorig: boolean
  readonly eerder: boolean
}

/** The breaks in series of `delictSet` between `basis` and the end of `periode`. */
const breuken = (
  reeksbreuken: ReadonlyArray<Reeksbreuk>,
  delictSet: ReadonlyArray<Delict>,
  basis: Periode,
  periode: Periode
): ReadonlyArray<Reeksbreuk> =>
  reeksbreuken.filter(
    (b) =>
      (b.delicten.length === 0 || b.delicten.some((d) => delictSet.includes(d))) &&
      begin(b.vanaf) > begin(basis) &&
      begin(b.vanaf) <= einde(periode)
  )

const redenenVan = (bs: ReadonlyArray<Reeksbreuk>): ReadonlyArray<string> => [
  ...new Set(bs.map((b) => b.reden))
]

const verandering = (huidig: Som, basis: Som, redenen: ReadonlyArray<string>): Verandering => {
  const h = huidig.waarde
  const b = basis.waarde
  return {
    basis: b,
    absoluut: h !== null && b !== null ? h - b : null,
    procent: h !== null && b !== null && b !== 0 ? ((h - b) / b) * 100 : null,
    reeksbreuk: redenen.length > 0,
    redenen
  }
}

/**
 * The figures of a delict row (or the totaal): each count with its rate per 10.000 inhabitants, its share
 * of the region and its changes against the previous period and the year before, and the rank.
 */
const cijfers = (
  v: Vergelijking,
  delictSet: ReadonlyArray<Delict>,
  huidig: Sommen,
  vorig: Sommen,
  eerder: Sommen,
  regioTotaal: Sommen,
  rangen: Rang | null,
  deels: Deels
) => {
  const redenenVorige = redenenVan(breuken(v.reeksbreuken, delictSet, v.vorigePeriode, v.periode))
  const redenenJaarEerder = redenenVan(breuken(v.reeksbreuken, delictSet, v.jaarEerder, v.periode))
  const { inwoners } = v
  // A partial sum (a lower bound) has no rate, share or change: each would read as the area's own.
  const getal = (maat: Maat) => {
    const som = huidig[maat]
    const totaal = regioTotaal[maat].waarde
    const waarde = deels.huidig ? null : som.waarde
    return {
      ...(som.waarde !== null && som.kwalificatie !== undefined ? { kwalificatie: som.kwalificatie } : {}),
      perTienduizend:
        waarde !== null && inwoners !== null && inwoners > 0 ? (waarde / inwoners) * 10_000 : null,
      aandeelRegio:
        v.gebied.niveau === "regio"
          ? waarde !== null && waarde > 0
            ? 100
            : null
          : waarde !== null && totaal !== null && totaal > 0
            ? (waarde / totaal) * 100
            : null,
      tovVorige:
        deels.huidig || deels.vorig
          ? verandering(onbekendeSom, onbekendeSom, [])
          : verandering(som, vorig[maat], redenenVorige),
      tovJaarEerder:
        deels.huidig || deels.eerder
          ? verandering(onbekendeSom, onbekendeSom, [])
          : verandering(som, eerder[maat], redenenJaarEerder)
    }
  }
  return {
    aangiften: { waarde: huidig.aangiften.waarde, ...getal("aangiften") },
    meldingen: { waarde: huidig.meldingen.waarde, ...getal("meldingen") },
    slachtoffers: { waarde: huidig.slachtoffers.waarde, ...getal("slachtoffers") },
    schade: { waarde: huidig.schade.waarde as Money | null, ...getal("schade") },
    rang: rangen
  }
}

/** Descending with unknown last. */
const aflopend = (a: number | null, b: number | null): number =>
  a === null ? (b === null ? 0 : 1) : b === null ? -1 : b - a

/** Most victims first, then most damage, then the list's order. */
const volgorde = (a: Delictbeeld, b: Delictbeeld): number =>
  aflopend(a.slachtoffers.waarde, b.slachtoffers.waarde) ||
  aflopend(a.schade.waarde, b.schade.waarde) ||
  Delict.literals.indexOf(a.delict) - Delict.literals.indexOf(b.delict)

/** The inhabitants of `gemeenten` on `peildatum`, `null` while any count is unknown. */
const inwonersVan = (gemeenten: ReadonlyArray<Gemeente>, peildatum: Datum): number | null =>
  gemeenten.some((g) => inwonersOp(g, peildatum) === undefined)
    ? null
    : gemeenten.reduce((acc, g) => acc + (inwonersOp(g, peildatum) ?? 0), 0)

/** The sources of the rows used, each once, in order of first use. */
const herkomstVan = (uitkomsten: ReadonlyArray<DelictUitkomst>): Array<Herkomst> => {
  const herkomst: Array<Herkomst> = []
  const gezien = new Set<string>()
  for (const u of uitkomsten) {
    for (const rij of [...u.huidig.rijen, ...u.vorig.rijen, ...u.eerder.rijen]) {
      const key = JSON.stringify([rij.herkomst.document, rij.herkomst.sectie, rij.herkomst.citaat ?? null])
      if (!gezien.has(key)) {
        gezien.add(key)
        herkomst.push(rij.herkomst)
      }
    }
  }
  return herkomst
}

/** The current, previous and year-earlier figures of one delict type. */
interface DelictUitkomst {
  readonly delict: Delict
  readonly huidig: Uitkomst
  readonly vorig: Uitkomst
  readonly eerder: Uitkomst
}

// ---------------------------------------------------------------------------------------------------------
// make
// ---------------------------------------------------------------------------------------------------------

/**
 * Computes the informatiebeeld of `gebied` in `periode`.
 *
 * - Counts are sums over the area's gemeenten; a sum with an unknown part is unknown. For the regio (or a
 *   district or basisteam) registrations recorded at that level itself are used when they cover the
 *   period, else the sum of its gemeenten; such registrations never count for a gemeente.
 * - A period is taken as registered; if it is not registered it is built from all of its months, else all
 *   of its quarters; if neither set is complete it is unknown and listed in `ontbreekt`.
 * - Per 10.000 inhabitants uses the inhabitants valid at the end of the period.
 * - Shares are of the sum over all gemeenten of the region; ranks are among the gemeenten (or the
 *   districts or basisteams) of the region.
 *
 * The steps are the sections of this module: sums (`Sommatie`), rank (`rang`), derived figures
 * (`cijfers`) and notes (`notities`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (invoer: Invoer): Informatiebeeld => {
  const { regio, registraties, reeksbreuken, gebied, periode } = invoer
  const alleenWaarden = invoer.alleenWaarden === true
  const vorigePeriode = vorige(periode)
  const jaarEerder = jaarEerderVan(periode)
  const peildatumInwoners = einde(periode)
  const sommatie = new Sommatie(regio, registraties)
  const delicten = sommatie.delictenIn(gebied, periode)

  // inhabitants
  const gemeenten = gemeentenIn(regio, gebied)
  const zonderInwoners = gemeenten.filter((g) => inwonersOp(g, peildatumInwoners) === undefined)
  const inwoners = gemeenten.length === 0 ? null : inwonersVan(gemeenten, peildatumInwoners)
  const vergelijking: Vergelijking = { gebied, periode, vorigePeriode, jaarEerder, inwoners, reeksbreuken }
  const eenheidGebieden = rangEenheden(regio, gebied)

  // a comparison is like with like: a base of the same source as the current figure
  const uitkomsten: ReadonlyArray<DelictUitkomst> = delicten.map((delict) => {
    const huidig = sommatie.uitkomst(gebied, delict, periode)
    const bron: Bron = gebied.niveau === "gemeente" ? "auto" : huidig.eigenNiveau ? "eigen" : "gemeenten"
    return {
      delict,
      huidig,
      vorig: sommatie.uitkomst(gebied, delict, vorigePeriode, bron),
      eerder: sommatie.uitkomst(gebied, delict, jaarEerder, bron)
    }
  })

  const beelden: Array<Delictbeeld> = uitkomsten.map((u) => ({
    delict: u.delict,
    ...cijfers(
      vergelijking,
      [u.delict],
      u.huidig.sommen,
      u.vorig.sommen,
      u.eerder.sommen,
      alleenWaarden ? onbekendeSommen : sommatie.regioDelict(u.delict, periode),
      alleenWaarden
        ? null
        : rang(
            gebied,
            eenheidGebieden,
            (doel) => sommatie.uitkomst(doel, u.delict, periode).sommen,
            (doel) => sommatie.uitkomst(doel, u.delict, periode).deels === true
          ),
      { huidig: u.huidig.deels === true, vorig: u.vorig.deels === true, eerder: u.eerder.deels === true }
    )
  }))
  beelden.sort(volgorde)

  const totaalHuidig = sommatie.totaal(gebied, delicten, periode)
  const totaal: Totaal = cijfers(
    vergelijking,
    delicten,
    totaalHuidig,
    basisTotaal(uitkomsten.map((u) => u.vorig.sommen)),
    basisTotaal(uitkomsten.map((u) => u.eerder.sommen)),
    delicten.length === 0 || alleenWaarden
      ? onbekendeSommen
      : sommenOptellen(delicten.map((d) => sommatie.regioDelict(d, periode))),
    alleenWaarden
      ? null
      : rang(
          gebied,
          eenheidGebieden,
          (doel) => sommatie.totaal(doel, delicten, periode),
          (doel) => sommatie.totaalDeels(doel, delicten, periode)
        ),
    {
      huidig: uitkomsten.some((u) => u.huidig.deels === true),
      vorig: uitkomsten.some((u) => u.vorig.deels === true),
      eerder: uitkomsten.some((u) => u.eerder.deels === true)
    }
  )

  // for a year the previous period is the year earlier: list it once
  const ontbreekt = uitkomsten.flatMap((u) => [
    ...u.huidig.ontbreekt,
    ...u.vorig.ontbreekt,
    ...(jaarEerder === vorigePeriode ? [] : u.eerder.ontbreekt)
  ])

  // coverage: the gemeenten a partial sum counts
  const deels = gebied.niveau !== "gemeente" && uitkomsten.some((u) => u.huidig.deels === true)
  const bekend = deels ? sommatie.gedekt(periode) : undefined
  const gedekteGemeenten = bekend === undefined ? [] : gemeenten.filter((g) => bekend.has(g.code))
  const dekking: Dekking | null =
    bekend !== undefined
      ? {
          gemeenten: gedekteGemeenten.length,
          van: gemeenten.length,
          inwoners: inwonersVan(gedekteGemeenten, peildatumInwoners),
          inwonersVan: inwoners,
          zonder: gemeenten.filter((g) => !bekend.has(g.code)).map((g) => g.code)
        }
      : null

  const opmerkingen: Array<string> = alleenWaarden
    ? []
    : notities({
        regio,
        gebied,
        periode,
        vorigePeriode,
        jaarEerder,
        gemeenten,
        zonderInwoners,
        delicten,
        uitkomsten,
        beelden,
        totaalHuidig,
        dekking,
        reeksbreuken: [
          ...new Set([
            ...breuken(reeksbreuken, delicten, vorigePeriode, periode),
            ...breuken(reeksbreuken, delicten, jaarEerder, periode)
          ])
        ]
      })

  return {
    gebied,
    naam: gebiedLabel(regio, gebied),
    periode,
    vorigePeriode,
    jaarEerder,
    gemeenten: gemeenten.map((g) => g.code),
    dekking,
    inwoners,
    peildatumInwoners,
    delicten: beelden,
    topDelicten: beelden
      .filter((b) => b.slachtoffers.waarde !== null)
      .slice(0, aantalTop)
      .map((b) => b.delict),
    totaal,
    ontbreekt,
    herkomst: herkomstVan(uitkomsten),
    opmerkingen
  }
}

// ---------------------------------------------------------------------------------------------------------
// notes
// ---------------------------------------------------------------------------------------------------------

interface NotitieInvoer {
  readonly regio: Regio
  readonly gebied: Gebied
  readonly periode: Periode
  readonly vorigePeriode: Periode
  readonly jaarEerder: Periode
  readonly gemeenten: ReadonlyArray<Gemeente>
  readonly zonderInwoners: ReadonlyArray<Gemeente>
  readonly delicten: ReadonlyArray<Delict>
  readonly uitkomsten: ReadonlyArray<DelictUitkomst>
  readonly beelden: ReadonlyArray<Delictbeeld>
  readonly totaalHuidig: Sommen
  readonly dekking: Dekking | null
  readonly reeksbreuken: ReadonlyArray<Reeksbreuk>
}

const opsomming = (items: ReadonlyArray<string>): string => [...new Set(items)].join(", ")

// A region's note would otherwise name all 38 gemeenten: past a few, name the first and count the rest.
const welkeGemeenten = (zonder: ReadonlyArray<Gemeente>, van: number): string => {
  if (zonder.length <= 5) return opsomming(zonder.map((g) => g.naam))
  if (zonder.length === van) return `alle ${van} gemeenten`
  return `${zonder.length} van de ${van} gemeenten, o.a. ${opsomming(zonder.slice(0, 3).map((g) => g.naam))}`
}

/**
 * The coverage of a partial figure in one Dutch sentence: "cijfers van regio … uit 6 van 38 gemeenten
 * (…): zonder registraties over 2026 Q1 zijn …; elk cijfer is minstens het werkelijke, geen totaal".
 *
 * @since 0.2.0
 * @category formatting
 */
export const dekkingZin = (regio: Regio, naam: string, periodeLabel: string, dekking: Dekking): string => {
  const zonder = regio.gemeenten.filter((g) => dekking.zonder.includes(g.code))
  const inwoners =
    dekking.inwoners !== null && dekking.inwonersVan !== null
      ? ` (${formatMetKwalificatie(dekking.inwoners, undefined)} van ${formatMetKwalificatie(dekking.inwonersVan, undefined)} inwoners)`
      : ""
  return `cijfers van ${naam} uit ${dekking.gemeenten} van ${dekking.van} gemeenten${inwoners}: zonder registraties over ${periodeLabel} ${zonder.length === 1 ? "is" : "zijn"} ${welkeGemeenten(zonder, dekking.van)}; elk cijfer is de som van de bekende gemeenten, dus minstens het werkelijke, geen totaal van ${naam}`
}

const notities = (n: NotitieInvoer): Array<string> => {
  const uit: Array<string> = []
  const naam = gebiedLabel(n.regio, n.gebied)
  const periodeLabel = label(n.periode)
  const gebiedNaam = (g: Gebied) => gebiedLabel(n.regio, g)

  // the area
  if (n.gemeenten.length === 0) {
    uit.push(`${naam} heeft geen (bekende) gemeenten in de regio: cijfers en inwonertal onbekend`)
  }
  if (n.gebied.niveau === "district" || n.gebied.niveau === "basisteam") {
    const niveau = n.gebied.niveau
    const zonder = n.regio.gemeenten.filter((g) => g[niveau] === null)
    if (zonder.length > 0) {
      uit.push(
        `${niveau} onbekend voor ${opsomming(zonder.map((g) => g.naam))}: de cijfers van ${naam} kunnen onvolledig zijn`
      )
    }
  }
  if (n.delicten.length === 0) {
    uit.push(`geen registraties voor ${naam} in ${periodeLabel}: cijfers onbekend`)
  }
  if (n.dekking !== null) uit.push(dekkingZin(n.regio, naam, periodeLabel, n.dekking))

  // inhabitants
  if (n.gemeenten.length > 0 && n.zonderInwoners.length > 0) {
    uit.push(
      `inwonertal onbekend: per 10.000 inwoners niet te berekenen (geen inwonertal voor ${welkeGemeenten(
        n.zonderInwoners,
        n.gemeenten.length
      )})`
    )
  }

  // per delict, the current period
  const eigen = n.uitkomsten
    .filter((u) => u.huidig.eigenNiveau && u.huidig.rijen.length > 0)
    .map((u) => u.delict)
  if (eigen.length > 0 && n.gebied.niveau !== "gemeente") {
    uit.push(
      `${opsomming(eigen.map(delictLabel))}: cijfers geregistreerd op het niveau van ${naam} gebruikt, niet de som van de gemeenten`
    )
  }
  for (const u of n.uitkomsten) {
    const d = delictLabel(u.delict)
    const h = u.huidig
    if (h.ontbreekt.length > 0) {
      const delen = h.ontbreekt.map((o) => `${gebiedNaam(o.gebied)}: ${o.ontbrekend.map(label).join(", ")}`)
      uit.push(`${d}: ${periodeLabel} onbekend, registraties ontbreken (${delen.join("; ")})`)
    }
    if (h.tegenstrijdig.length > 0) {
      uit.push(`${d}: tegenstrijdige registraties voor ${opsomming(h.tegenstrijdig)}, daarom onbekend`)
    }
    const onbekend = maten.flatMap((m) =>
      h.sommen[m].onbekend.length > 0 ? [`${maatLabel[m]} (${opsomming(h.sommen[m].onbekend)})`] : []
    )
    if (onbekend.length > 0) {
      uit.push(
        `${d}: onbekend zijn ${onbekend.join(", ")}; een som met een onbekend deel is onbekend, niet 0`
      )
    }
    const gemengd = maten.filter((m) => h.sommen[m].gemengd)
    if (gemengd.length > 0) {
      uit.push(
        `${d}: ${opsomming(gemengd.map((m) => maatLabel[m]))} onbekend, want de som telt ondergrenzen en bovengrenzen op`
      )
    }
    for (const m of maten) {
      const som = h.sommen[m]
      if (som.waarde !== null && som.kwalificatie !== undefined) {
        const grens = isOndergrens(som.kwalificatie) ? "ondergrens" : "bovengrens"
        const getal =
          m === "schade"
            ? `${kwalificatieLabel[som.kwalificatie]} ${formatMoney(som.waarde as Money)}`
            : formatMetKwalificatie(som.waarde, som.kwalificatie)
        uit.push(
          `${d}: ${maatLabel[m]} ${getal} is een ${grens}: per 10.000 inwoners, aandeel en verandering zijn indicatief`
        )
      }
    }
  }

  // totals
  if (n.delicten.length > 0) {
    const totaalOnbekend = maten.filter((m) => n.totaalHuidig[m].waarde === null)
    if (totaalOnbekend.length > 0) {
      uit.push(
        `totaal ${opsomming(totaalOnbekend.map((m) => maatLabel[m]))} onbekend: niet elk delict heeft een bekend cijfer`
      )
    }
  }

  // comparisons
  const vergelijk = (basis: Periode, kies: (u: NotitieInvoer["uitkomsten"][number]) => Uitkomst) => {
    const zonder = n.uitkomsten.filter((u) => {
      const b = kies(u)
      return (
        b.ontbreekt.length > 0 ||
        b.tegenstrijdig.length > 0 ||
        maten.every((m) => b.sommen[m].waarde === null)
      )
    })
    if (zonder.length > 0) {
      uit.push(
        `vergelijking met ${label(basis)} niet mogelijk voor ${opsomming(zonder.map((u) => delictLabel(u.delict)))}: cijfers ontbreken of zijn onbekend`
      )
    }
  }
  vergelijk(n.vorigePeriode, (u) => u.vorig)
  if (n.jaarEerder !== n.vorigePeriode) vergelijk(n.jaarEerder, (u) => u.eerder)

  // breaks in series
  for (const b of n.reeksbreuken) {
    const getroffen = b.delicten.length === 0 ? "alle delicten" : opsomming(b.delicten.map(delictLabel))
    const bases = [n.vorigePeriode, n.jaarEerder].filter(
      (basis, i, all) =>
        all.indexOf(basis) === i && begin(b.vanaf) > begin(basis) && begin(b.vanaf) <= einde(n.periode)
    )
    uit.push(
      `reeksbreuk vanaf ${label(b.vanaf)} (${getroffen}): ${b.reden.replace(/\.$/, "")}; de vergelijking met ${bases
        .map(label)
        .join(" en ")} gaat over de breuk heen`
    )
  }

  // share and rank
  if (n.gebied.niveau !== "regio") {
    const zonderAandeel = n.beelden.filter(
      (b) =>
        b.slachtoffers.waarde !== null && b.slachtoffers.waarde > 0 && b.slachtoffers.aandeelRegio === null
    )
    if (zonderAandeel.length > 0) {
      uit.push(
        `aandeel in de regio onbekend voor ${opsomming(zonderAandeel.map((b) => delictLabel(b.delict)))}: niet alle gemeenten van de regio hebben een bekend cijfer`
      )
    }
    const niveau = n.gebied.niveau
    const meervoud = niveau === "gemeente" ? "gemeenten" : niveau === "district" ? "districten" : "basisteams"
    if (niveau !== "gemeente" && eenheden(n.regio, niveau) === undefined) {
      uit.push(`rang in de regio onbekend: de ${meervoud} van de regio zijn niet bekend`)
    } else {
      const zonderRang = n.beelden.filter((b) => b.rang === null)
      if (zonderRang.length > 0) {
        uit.push(
          `rang in de regio onbekend voor ${opsomming(zonderRang.map((b) => delictLabel(b.delict)))}: niet van alle ${meervoud} zijn slachtoffers of aangiften bekend`
        )
      }
    }
  }
  return uit
}
