/**
 * A year plan with its actions (acties). An action that continues from one year into the next keeps its
 * stable `id` and names its predecessor, so a plan for 2027 can start as a copy of 2026
 * (`kopieVanVorigJaar`), also when 2027 begins a new strategy period with its own DIN.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Herkomst } from "./Bron.ts"
import { BaatId, looptijdLabel, opvolgers, type Program, voorJaar } from "./Din.ts"
import type { Indicator, Regel } from "./Indicator.ts"
import { Datum, maandLabel, type Periode } from "./Periode.ts"

/**
 * Status of an action as the plans write it: `op te starten (in april 2025)`, `lopend tot december 2025`,
 * `doorlopend`, `afgerond`.
 *
 * @since 0.1.0
 * @category models
 */
export const ActieStatus = Schema.Union([
  Schema.Struct({ soort: Schema.Literal("op-te-starten"), vanaf: Schema.optionalKey(Datum) }),
  Schema.Struct({ soort: Schema.Literal("lopend"), tot: Datum }),
  Schema.Struct({ soort: Schema.Literal("doorlopend") }),
  Schema.Struct({ soort: Schema.Literal("afgerond"), op: Schema.optionalKey(Datum) })
]).annotate({ identifier: "ActieStatus" })

/**
 * @since 0.1.0
 * @category models
 */
export type ActieStatus = typeof ActieStatus.Type

/**
 * An intended result; measurable ones name the indicator that measures them.
 *
 * @since 0.1.0
 * @category models
 */
export const BeoogdResultaat = Schema.Struct({
  tekst: Schema.NonEmptyString,
  indicator: Schema.optionalKey(Schema.NonEmptyString)
}).annotate({ identifier: "BeoogdResultaat" })

/**
 * @since 0.1.0
 * @category models
 */
export type BeoogdResultaat = typeof BeoogdResultaat.Type

/**
 * A reference to an action of a given year.
 *
 * @since 0.1.0
 * @category models
 */
export const ActieRef = Schema.Struct({ jaar: Schema.Int, id: Schema.NonEmptyString }).annotate({
  identifier: "ActieRef"
})

/**
 * @since 0.1.0
 * @category models
 */
export type ActieRef = typeof ActieRef.Type

/**
 * @since 0.1.0
 * @category models
 */
export const Actie = Schema.Struct({
  /** Stable across years: the same action in 2025 and 2026 has the same id. */
  id: Schema.NonEmptyString,
  jaar: Schema.Int,
  nummer: Schema.Int.pipe(Schema.check(Schema.isGreaterThan(0))),
  titel: Schema.NonEmptyString,
  coordinatie: Schema.Array(Schema.NonEmptyString),
  inSamenwerkingMet: Schema.Array(Schema.NonEmptyString),
  /** `null` where the plan states no status (Jaarplan 2026 gives none). */
  status: Schema.NullOr(ActieStatus),
  doel: Schema.NonEmptyString,
  outputs: Schema.Array(Schema.NonEmptyString),
  beoogdeResultaten: Schema.Array(BeoogdResultaat),
  aandachtspunten: Schema.Array(Schema.NonEmptyString),
  baten: Schema.Array(BaatId),
  voorganger: Schema.NullOr(ActieRef),
  herkomst: Herkomst
}).annotate({ identifier: "Actie" })

/**
 * @since 0.1.0
 * @category models
 */
export type Actie = typeof Actie.Type

/**
 * @since 0.1.0
 * @category models
 */
export const Jaarplan = Schema.Struct({
  jaar: Schema.Int,
  titel: Schema.NonEmptyString,
  datum: Datum,
  documentStatus: Schema.NonEmptyString,
  /** "Wat is er aan de hand?" */
  situatie: Schema.Array(Schema.NonEmptyString),
  /** Developments that set the year's focus. */
  focus: Schema.Array(Schema.NonEmptyString),
  /** One explanation per baat ("Doel N" in the plan), as the plan introduces it. */
  batenToelichting: Schema.Array(Schema.Struct({ baat: BaatId, tekst: Schema.NonEmptyString })),
  acties: Schema.Array(Actie),
  herkomst: Herkomst
})
  .check(
    Schema.makeFilter((plan) => {
      const issues: Array<Schema.FilterIssue> = []
      const nummers = new Set<number>()
      plan.acties.forEach((actie, i) => {
        if (actie.jaar !== plan.jaar) {
          issues.push({
            path: ["acties", i, "jaar"],
            issue: `actie ${actie.nummer} hoort bij ${actie.jaar}, niet bij ${plan.jaar}`
          })
        }
        if (nummers.has(actie.nummer))
          issues.push({ path: ["acties", i, "nummer"], issue: `actie ${actie.nummer} staat dubbel` })
        nummers.add(actie.nummer)
        if (actie.voorganger !== null && actie.voorganger.jaar >= plan.jaar) {
          issues.push({ path: ["acties", i, "voorganger"], issue: "een voorganger komt uit een eerder jaar" })
        }
      })
      return issues
    })
  )
  .annotate({ identifier: "Jaarplan" })

/**
 * @since 0.1.0
 * @category models
 */
export type Jaarplan = typeof Jaarplan.Type

/**
 * Dutch label: `lopend tot december 2025`, `op te starten`, `doorlopend`, `onbekend`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const statusLabel = (status: ActieStatus | null): string => {
  if (status === null) return "onbekend"
  switch (status.soort) {
    case "op-te-starten":
      return status.vanaf === undefined ? "op te starten" : `op te starten in ${maandLabel(status.vanaf)}`
    case "lopend":
      return `lopend tot ${maandLabel(status.tot)}`
    case "doorlopend":
      return "doorlopend"
    case "afgerond":
      return status.op === undefined ? "afgerond" : `afgerond in ${maandLabel(status.op)}`
  }
}

/**
 * What a copy of last year's plan left out, and why: `afgerond`, or its baat has no successor in the new
 * strategy period's DIN.
 *
 * @since 0.3.0
 * @category models
 */
export const Weggelaten = Schema.Struct({
  soort: Schema.Literals(["actie", "indicator"]),
  id: Schema.NonEmptyString,
  /** The actie's number in last year's plan. */
  nummer: Schema.optionalKey(Schema.Int),
  reden: Schema.NonEmptyString
}).annotate({ identifier: "Weggelaten" })

/**
 * @since 0.3.0
 * @category models
 */
export type Weggelaten = typeof Weggelaten.Type

/**
 * A new year's acties, indicators and baat explanations copied from the year before, with what was left out.
 *
 * @since 0.3.0
 * @category models
 */
export interface Kopie {
  readonly acties: ReadonlyArray<Actie>
  readonly indicatoren: ReadonlyArray<Indicator>
  readonly batenToelichting: Jaarplan["batenToelichting"]
  readonly weggelaten: ReadonlyArray<Weggelaten>
}

/** A rule's own period moves on a year when it is last year's (`2026` → `2027`, `2026-Q1` → `2027-Q1`). */
const volgendJaar = (regel: Regel, van: number, naar: number): Regel => {
  if (regel.soort === "traject") return regel
  const periode = regel.periode.startsWith(String(van))
    ? (`${naar}${regel.periode.slice(4)}` as Periode)
    : regel.periode
  return { ...regel, periode }
}

/**
 * Jaarplan `jaar` as a copy of the year before: its continuing acties (all but `afgerond`) and its
 * indicators, each naming last year's as `voorganger`, rules moved on a year. Within a strategy period the
 * baten stay as they are. When `jaar` begins a new period, each baat becomes its successor in the new DIN
 * (the baat naming it as `voorganger`): an indicator whose baat has none (or several) is left out, and so is
 * an actie none of whose baten has one; `weggelaten` lists them with the reason.
 *
 * @since 0.3.0
 * @category constructors
 */
export const kopieVanVorigJaar = (input: {
  readonly program: Program
  readonly jaar: number
  /** Last year's acties, indicators and baat explanations. */
  readonly acties: ReadonlyArray<Actie>
  readonly indicatoren: ReadonlyArray<Indicator>
  readonly batenToelichting: Jaarplan["batenToelichting"]
}): Kopie => {
  const { program, jaar } = input
  const vorig = jaar - 1
  const oud = voorJaar(program, vorig)
  const nieuw = voorJaar(program, jaar)
  const opvolger = (baat: BaatId): { readonly baat: BaatId } | { readonly reden: string } => {
    if (nieuw === undefined) return { reden: `geen DIN voor ${jaar}` }
    if (oud === nieuw) return { baat }
    const din = `de DIN van ${looptijdLabel(nieuw.looptijd)}`
    const [eerste, ...meer] = opvolgers(nieuw, baat)
    if (eerste === undefined) return { reden: `baat \`${baat}\` heeft geen opvolger in ${din}` }
    if (meer.length > 0) {
      return {
        reden: `baat \`${baat}\` heeft meer dan één opvolger in ${din} (${[eerste, ...meer].map((b) => b.id).join(", ")}): kies er een`
      }
    }
    return { baat: eerste.id }
  }
  const weggelaten: Array<Weggelaten> = []

  const acties: Array<Actie> = []
  for (const actie of input.acties) {
    if (actie.status?.soort === "afgerond") {
      weggelaten.push({ soort: "actie", id: actie.id, nummer: actie.nummer, reden: "afgerond" })
      continue
    }
    const baten = actie.baten.map(opvolger)
    const kept = baten.flatMap((b) => ("baat" in b ? [b.baat] : []))
    if (actie.baten.length > 0 && kept.length === 0) {
      const reden = baten.flatMap((b) => ("reden" in b ? [b.reden] : [])).join("; ")
      weggelaten.push({ soort: "actie", id: actie.id, nummer: actie.nummer, reden })
      continue
    }
    acties.push({ ...actie, jaar, baten: kept, voorganger: { jaar: vorig, id: actie.id } })
  }

  const nummers = new Set(acties.map((a) => a.nummer))
  const indicatoren: Array<Indicator> = []
  for (const indicator of input.indicatoren) {
    const baat = opvolger(indicator.baat)
    if ("reden" in baat) {
      weggelaten.push({ soort: "indicator", id: indicator.id, reden: baat.reden })
      continue
    }
    indicatoren.push({
      ...indicator,
      jaar,
      baat: baat.baat,
      regel: volgendJaar(indicator.regel, vorig, jaar),
      verwachtOp: null,
      acties: indicator.acties.filter((n) => nummers.has(n)),
      voorganger: { jaar: vorig, id: indicator.id }
    })
  }

  // An intended result keeps naming its indicator only if that indicator came along.
  const meegekomen = new Set(indicatoren.map((i) => i.id))
  const zonderWeggelaten = acties.map((actie) => ({
    ...actie,
    beoogdeResultaten: actie.beoogdeResultaten.map((r) =>
      r.indicator === undefined || meegekomen.has(r.indicator) ? r : { tekst: r.tekst }
    )
  }))

  const batenToelichting = input.batenToelichting.flatMap((t) => {
    const baat = opvolger(t.baat)
    return "baat" in baat ? [{ ...t, baat: baat.baat }] : []
  })
  return { acties: zonderWeggelaten, indicatoren, batenToelichting, weggelaten }
}
