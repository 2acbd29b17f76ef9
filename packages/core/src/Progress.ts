/**
 * Progress of an indicator on a date: a status, the numbers behind it and a Dutch explanation a
 * programme manager can read. Always computed from measurements, never stored.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { sees, type Visibility } from "./Access.ts"
import type { Activity } from "./Activity.ts"
import { Bron, bronLabel } from "./Bron.ts"
import { BaatId } from "./Din.ts"
import type { Regio } from "./Geography.ts"
import { eenheden } from "./Geography.ts"
import type { Kwalificatie } from "./Getal.ts"
import { enkelvoud, format as formatGetal, formatMetKwalificatie } from "./Getal.ts"
import type { Indicator, Regel } from "./Indicator.ts"
import { ritme, rulePeriode, vertraging } from "./Indicator.ts"
import { listNames } from "./internal/text.ts"
import type { Measurement } from "./Measurement.ts"
import { geldigOp } from "./Measurement.ts"
import {
  aantalMaanden,
  begin,
  bevat,
  Datum,
  datumLabel,
  einde,
  granulariteit,
  kwartalenIn,
  label,
  maand,
  maandenIn,
  maandLabel,
  midden,
  Periode,
  vergelijk,
  verstreken,
  vorige
} from "./Periode.ts"

/**
 * - `behaald`: the agreement is met.
 * - `op-koers`: on track to be met.
 * - `aandacht`: behind, but within reach, or not verifiable with the data at hand.
 * - `achter`: clearly behind.
 * - `geen-data`: the data was expected and has not arrived.
 * - `volgt`: the data is not due yet.
 *
 * @since 0.1.0
 * @category models
 */
export const Status = Schema.Literals([
  "behaald",
  "op-koers",
  "aandacht",
  "achter",
  "geen-data",
  "volgt"
]).annotate({
  identifier: "Status"
})

/**
 * @since 0.1.0
 * @category models
 */
export type Status = typeof Status.Type

/**
 * The numbers a verdict rests on, in the indicator's unit; `null` where a rule has none.
 *
 * @since 0.1.0
 * @category models
 */
export const Cijfers = Schema.Struct({
  gemeten: Schema.NullOr(Schema.Finite),
  verwacht: Schema.NullOr(Schema.Finite),
  doel: Schema.NullOr(Schema.Finite),
  periode: Schema.NullOr(Periode)
}).annotate({ identifier: "Cijfers" })

/**
 * @since 0.1.0
 * @category models
 */
export type Cijfers = typeof Cijfers.Type

/**
 * What a non-official source says while the official one has not reported: shown beside the status,
 * never replacing it.
 *
 * @since 0.1.0
 * @category models
 */
export const Signaal = Schema.Struct({
  status: Status,
  uitleg: Schema.String,
  bron: Bron,
  cijfers: Cijfers
}).annotate({ identifier: "Signaal" })

/**
 * @since 0.1.0
 * @category models
 */
export type Signaal = typeof Signaal.Type

/**
 * @since 0.1.0
 * @category models
 */
export const Progress = Schema.Struct({
  indicator: Schema.NonEmptyString,
  jaar: Schema.Int,
  baat: BaatId,
  tekst: Schema.String,
  status: Status,
  uitleg: Schema.String,
  cijfers: Cijfers,
  /** Ids of the measurements the verdict used. */
  metingen: Schema.Array(Schema.String),
  signaal: Schema.NullOr(Signaal),
  peildatum: Datum,
  /** The date the newest measurement used stands on; `null` when none was used. */
  standOp: Schema.NullOr(Datum),
  /**
   * For a count of the activity register: the ids of the activities the verdict counts that the reader may
   * see in detail (`Context.zicht`).
   */
  activiteiten: Schema.optionalKey(Schema.Array(Schema.String)),
  /**
   * For a count of the activity register: how many of the activities counted lie outside what the reader
   * may see in detail; counted, never named. Absent when there are none.
   */
  andereActiviteiten: Schema.optionalKey(Schema.Int)
}).annotate({ identifier: "Progress" })

/**
 * @since 0.1.0
 * @category models
 */
export type Progress = typeof Progress.Type

/**
 * Dutch label of a status.
 *
 * @since 0.1.0
 * @category formatting
 */
export const statusLabel: Record<Status, string> = {
  behaald: "behaald",
  "op-koers": "op koers",
  aandacht: "aandacht",
  achter: "achter",
  "geen-data": "geen data",
  volgt: "volgt"
}

/**
 * What a rule needs besides the indicator and its measurements: the date to judge on and the region,
 * whose units (districts, basisteams, gemeenten) coverage rules count.
 *
 * @since 0.1.0
 * @category models
 */
export interface Context {
  readonly peildatum: Datum
  readonly regio: Regio
  /** The activity register, for indicators counted from it (`indicator.telling`). */
  readonly activiteiten?: ReadonlyArray<Activity> | undefined
  /**
   * What the reader may see in detail (`Access.visibility`); everything when absent. A count of the
   * register counts every activity, but its explanation and `activiteiten` name only the ones the reader
   * may see (`Access.sees`): another gemeente's descriptions, dates and ids stay out.
   */
  readonly zicht?: Visibility | undefined
}

/**
 * Turns an indicator and its measurements into a verdict on `context.peildatum`.
 *
 * Only measurements recorded on or before the peildatum count. Measurements from the indicator's official
 * source decide the status; the latest other source is evaluated by the same rule and shown as a
 * `signaal`. Without official data the status is `volgt` until the data is due (`verwachtOp`, else the
 * end of the rule's period) and `geen-data` after.
 *
 * @example
 * ```ts
 * import { Progress } from "@dvcc/core"
 * const progress = Progress.evaluate(indicator, metingen, { peildatum, regio })
 * progress.status // "behaald"
 * progress.uitleg // "15 kennisbijeenkomsten in 2025, gemiddeld 1,25 per maand (doel 1) — behaald"
 * ```
 *
 * @since 0.1.0
 * @category rules
 */
export const evaluate = (
  indicator: Indicator,
  metingen: ReadonlyArray<Measurement>,
  context: Context
): Progress => {
  const counts = (m: Measurement) =>
    m.indicator === indicator.id && m.jaar === indicator.jaar && m.vastgelegdOp <= context.peildatum
  const isOfficial = (m: Measurement) => counts(m) && m.bron === indicator.bron
  // Usually every measurement counts and is official: then the list is used as it is, without a copy.
  const recorded = metingen.every(isOfficial) ? metingen : metingen.filter(isOfficial)
  // Most indicators are not counted from the register: they skip its work entirely.
  const fromRegister =
    indicator.telling === undefined ? undefined : registerVerdict(indicator, recorded, context)
  const official = fromRegister?.official ?? recorded
  const judged =
    fromRegister?.judged ?? (official.length > 0 ? applyRule(indicator, official, context) : undefined)
  const others = official.length > 0 ? [] : metingen.filter((m) => counts(m) && m.bron !== indicator.bron)
  const verdict0 = judged ?? missingData(indicator, context)
  const verdict =
    verdict0.standOp === null ? verdict0 : checkAge(indicator, verdict0, verdict0.standOp, context)
  const notes = fromRegister?.notes ?? noNotes
  const progress: { -readonly [K in keyof Progress]: Progress[K] } = {
    indicator: indicator.id,
    jaar: indicator.jaar,
    baat: indicator.baat,
    tekst: indicator.tekst,
    status: verdict.status,
    // The verdict ends in its status ("— behaald"): a full stop before the notes' sentences.
    uitleg:
      notes.length === 0
        ? verdict.uitleg
        : `${verdict.uitleg}${/[.!?)]$/.test(verdict.uitleg) ? "" : "."} ${notes.join(" ")}`,
    cijfers: verdict.cijfers,
    metingen: shownMetingen(verdict.metingen, official, context),
    signaal: official.length > 0 ? null : signaal(indicator, others, context),
    peildatum: context.peildatum,
    standOp: verdict.standOp
  }
  if (fromRegister?.activiteiten !== undefined) progress.activiteiten = fromRegister.activiteiten
  if ((fromRegister?.andere ?? 0) > 0) progress.andereActiviteiten = fromRegister?.andere ?? 0
  return progress
}

const noNotes: ReadonlyArray<string> = []

/**
 * Register and hand-recorded figures count the same activities: the one that shows more counts (a partial
 * register never hides a reported total), the register on a tie. The notes say which counted.
 */
const registerVerdict = (
  indicator: Indicator,
  recorded: ReadonlyArray<Measurement>,
  context: Context
): {
  readonly official: ReadonlyArray<Measurement>
  readonly judged: Verdict | undefined
  readonly notes: ReadonlyArray<string>
  readonly activiteiten: ReadonlyArray<string> | undefined
  readonly andere: number
} => {
  const register = registerCounts(indicator, context.activiteiten ?? [], context)
  let official = recorded
  let judged = official.length > 0 ? applyRule(indicator, official, context) : undefined
  const notes: Array<string> = []
  let activiteiten: Array<string> | undefined
  let andere = 0
  if (register.metingen.length > 0) {
    const fromRegister = applyRule(indicator, register.metingen, context)
    const used = new Set(fromRegister.metingen)
    const all = register.metingen.filter((m) => used.has(m.id)).flatMap((m) => m.activiteiten ?? [])
    // Only the activities the reader may see are named; the rest are counted, without text, date or id.
    const counted = all.filter((id) => register.names.has(id))
    const hidden = all.length - counted.length
    const elders =
      hidden === 0
        ? ""
        : `${hidden} ${hidden === 1 ? "activiteit" : "activiteiten"} in ${hidden === 1 ? "een andere gemeente" : "andere gemeenten"}`
    const eigen = listNames(counted.map((id) => register.names.get(id) ?? id))
    const named = elders === "" ? eigen : eigen === "" ? elders : `${eigen} en nog ${elders}`
    // A measurement about another gemeente is the store's to hide from a scoped reader: counted, not named.
    const zicht = context.zicht
    const shown = recorded.filter(
      (m) => zicht === undefined || m.gebied.niveau !== "gemeente" || sees(zicht, m.gebied.code)
    )
    const overig = recorded.length - shown.length
    const handEigen = listNames(shown.map((m) => `${m.id} (${formatGetal(m.waarde)})`))
    const elderGebied = overig === 1 ? "een andere gemeente" : "andere gemeenten"
    const hand =
      overig === 0
        ? handEigen
        : handEigen === ""
          ? `over ${elderGebied}${overig === 1 ? "" : ` (${overig})`}`
          : `${handEigen} en ${overig} over ${elderGebied}`
    const een = recorded.length === 1
    if (judged === undefined || (fromRegister.cijfers.gemeten ?? -1) >= (judged.cijfers.gemeten ?? -1)) {
      if (all.length > 0) notes.push(`Geteld uit het activiteitenregister: ${named}.`)
      if (judged !== undefined) {
        notes.push(
          `Het activiteitenregister telt hier minstens zoveel als de handmatig vastgelegde ${een ? "meting" : "metingen"} ${hand}, en telt.`
        )
      }
      official = register.metingen
      judged = fromRegister
      activiteiten = counted
      andere = hidden
    } else {
      notes.push(
        `De handmatig vastgelegde ${een ? "meting" : "metingen"} ${hand} ${een ? "telt" : "tellen"} meer dan het activiteitenregister${named === "" ? "" : ` (${named})`} en ${een ? "telt" : "tellen"}.`
      )
    }
  }
  if (register.onbekend.length > 0) notes.push(register.onbekend)
  return { official, judged, notes, activiteiten, andere }
}

/**
 * Evaluates many indicators at once, grouping the measurements by indicator in one pass.
 *
 * @since 0.1.0
 * @category rules
 */
export const evaluateAll = (
  indicatoren: ReadonlyArray<Indicator>,
  metingen: ReadonlyArray<Measurement>,
  context: Context
): Array<Progress> => {
  // Keyed by year, then indicator id: no key string is built per measurement.
  const byJaar = new Map<number, Map<string, Array<Measurement>>>()
  for (const m of metingen) {
    let byIndicator = byJaar.get(m.jaar)
    if (byIndicator === undefined) {
      byIndicator = new Map()
      byJaar.set(m.jaar, byIndicator)
    }
    const group = byIndicator.get(m.indicator)
    if (group === undefined) byIndicator.set(m.indicator, [m])
    else group.push(m)
  }
  return indicatoren.map((i) => evaluate(i, byJaar.get(i.jaar)?.get(i.id) ?? [], context))
}

interface Verdict {
  readonly status: Status
  readonly uitleg: string
  readonly cijfers: Cijfers
  readonly metingen: ReadonlyArray<string>
  /** The date the newest measurement used stands on. */
  readonly standOp: Datum | null
  /** The explanation without the status, so an age check can restate it. */
  readonly tekst?: string
}

/** The last day of the month `months` after the month of `dag`. */
const maandEindeNa = (dag: Datum, months: number): Datum => {
  const index = Number(dag.slice(0, 4)) * 12 + Number(dag.slice(5, 7)) - 1 + months
  return einde(maand(Math.floor(index / 12), (index % 12) + 1))
}

/** When the figure over `periode` is due: the indicator's lag after the period ends. */
const dueDate = (indicator: Indicator, periode: Periode): Datum =>
  maandEindeNa(einde(periode), vertraging(indicator))

/** The periods of the indicator's rhythm inside the rule's period (the period itself when not finer). */
const rhythmPeriods = (indicator: Indicator): ReadonlyArray<Periode> => {
  const periode = rulePeriode(indicator.regel)
  const step = ritme(indicator)
  const own = granulariteit(periode)
  if (step === own || step === "jaar" || (step === "kwartaal" && own === "maand")) return [periode]
  return step === "maand" ? maandenIn(periode) : kwartalenIn(periode)
}

const ritmeMaanden = { maand: 1, kwartaal: 3, jaar: 12 } as const

/** Per indicator what the age check needs, worked out once: the rule period's end, the final due date, the step. */
const ageRules = new WeakMap<
  Indicator,
  { readonly einde: Datum; readonly final: Datum; readonly stap: number }
>()

const ageRule = (indicator: Indicator) => {
  let rule = ageRules.get(indicator)
  if (rule === undefined) {
    const periode = rulePeriode(indicator.regel)
    rule = {
      einde: einde(periode),
      final: dueDate(indicator, periode),
      stap: ritmeMaanden[ritme(indicator)] + vertraging(indicator)
    }
    ageRules.set(indicator, rule)
  }
  return rule
}

const maandIndex = (dag: Datum): number => Number(dag.slice(0, 4)) * 12 + Number(dag.slice(5, 7)) - 1

/**
 * A verdict on data older than the rhythm says so; `op-koers` on such data is no evidence and becomes
 * `aandacht`. Data that stands on the end of the rule's period is final and never old, and a target met
 * stays met. The next figure is due a rhythm plus the lag after the stand, the final one the lag after
 * the period.
 */
const checkAge = (indicator: Indicator, verdict: Verdict, standOp: Datum, context: Context): Verdict => {
  // A target met stays met: newer data cannot take it back.
  if (verdict.tekst === undefined || verdict.status === "behaald") return verdict
  const rule = ageRule(indicator)
  if (standOp >= rule.einde) return verdict
  // Overdue when the peildatum lies past the month-end of the next stand, or past the final due date.
  const nextOverdue = maandIndex(context.peildatum) > maandIndex(standOp) + rule.stap
  if (!nextOverdue && context.peildatum <= rule.final) return verdict
  const nextStand = maandEindeNa(standOp, rule.stap)
  const next = nextStand.localeCompare(rule.final) < 0 ? nextStand : rule.final
  const status: Status = verdict.status === "op-koers" ? "aandacht" : verdict.status
  const stand = verdict.tekst.includes(`stand ${datumLabel(standOp)}`) ? "" : `stand ${datumLabel(standOp)}; `
  return {
    ...verdict,
    status,
    uitleg: `${verdict.tekst}; ${stand}nieuwere gegevens werden uiterlijk ${datumLabel(next)} verwacht — ${statusLabel[status]}`
  }
}

const noCijfers: Cijfers = { gemeten: null, verwacht: null, doel: null, periode: null }

const missingData = (indicator: Indicator, context: Context): Verdict => {
  const periode = rulePeriode(indicator.regel)
  const bron = bronLabel[indicator.bron]
  const cijfers = { ...noCijfers, doel: targetOf(indicator.regel), periode }
  const none = { cijfers, metingen: [], standOp: null }
  if (indicator.verwachtOp !== null) {
    const due = `${bron} verwacht in ${maandLabel(indicator.verwachtOp)}`
    return context.peildatum <= indicator.verwachtOp
      ? { status: "volgt", uitleg: `Volgt: ${due}.`, ...none }
      : { status: "geen-data", uitleg: `Geen data: ${due}, niet ontvangen.`, ...none }
  }
  if (context.peildatum < begin(periode)) {
    return { status: "volgt", uitleg: `Volgt: de periode begint op ${datumLabel(begin(periode))}.`, ...none }
  }
  // Each period of the rhythm is due its lag after it ends; one overdue period without data is geen-data.
  const periods = rhythmPeriods(indicator)
  const overdue = periods.filter((p) => dueDate(indicator, p) < context.peildatum)
  const first = periods[0] ?? periode
  if (overdue.length === 0) {
    const loopt =
      context.peildatum <= einde(periode) ? `; de periode loopt tot ${datumLabel(einde(periode))}` : ""
    return {
      status: "volgt",
      uitleg: `Volgt: nog geen meting vastgelegd${loopt}; die over ${label(first)} wordt uiterlijk ${datumLabel(dueDate(indicator, first))} verwacht.`,
      ...none
    }
  }
  return {
    status: "geen-data",
    uitleg: `Geen data: geen meting over ${listNames(overdue.map(label))} vastgelegd (${bron}, verwacht uiterlijk ${datumLabel(dueDate(indicator, overdue[0] ?? first))}).`,
    ...none
  }
}

/**
 * The ids of the measurements a verdict used that the reader may see (`Context.zicht`): one about a
 * gemeente outside it is counted in the verdict, never named, as the activities of the register are not.
 */
const shownMetingen = (
  ids: ReadonlyArray<string>,
  used: ReadonlyArray<Measurement>,
  context: Context
): ReadonlyArray<string> => {
  const zicht = context.zicht?.kind === "alles" ? undefined : context.zicht
  if (zicht === undefined || ids.length === 0) return ids
  const hidden = new Set(
    used.filter((m) => m.gebied.niveau === "gemeente" && !sees(zicht, m.gebied.code)).map((m) => m.id)
  )
  return hidden.size === 0 ? ids : ids.filter((id) => !hidden.has(id))
}

/** Derived measurements from the activity register, with a note on activities no unit could take. */
interface RegisterCounts {
  readonly metingen: ReadonlyArray<Measurement>
  /** Activity id → how the explanation names it, for the activities the reader may see only. */
  readonly names: ReadonlyMap<string, string>
  readonly onbekend: string
}

const unitNiveau = (regel: Regel): "district" | "basisteam" | "gemeente" | null =>
  (regel.soort === "dekking" || regel.soort === "aandeel") &&
  regel.niveau !== "kwartaal" &&
  regel.niveau !== "maand"
    ? regel.niveau
    : null

const onbekendLabel = {
  district: "district onbekend",
  basisteam: "basisteam onbekend",
  gemeente: "gemeente onbekend"
}

/**
 * The register's count of `indicator.telling.activiteit` per period of the indicator's rhythm and per unit
 * of the rule's level, from the activities on or before the peildatum. A period without any such activity
 * has no count: unknown, not zero. An activity whose gemeente (or its district or basisteam) is unknown
 * counts under "… onbekend", which no unit matches.
 */
const registerCounts = (
  indicator: Indicator,
  activiteiten: ReadonlyArray<Activity>,
  context: Context
): RegisterCounts => {
  const soort = indicator.telling?.activiteit
  const niveau = unitNiveau(indicator.regel)
  const gemeenten = new Map(context.regio.gemeenten.map((g) => [g.code as string, g]))
  const groups = new Map<string, { periode: Periode; unit: string | null; ids: Array<string> }>()
  const names = new Map<string, string>()
  const zonder: Array<string> = []
  const periods = rhythmPeriods(indicator)
  const zicht = context.zicht?.kind === "alles" ? undefined : context.zicht
  for (const a of activiteiten) {
    if (a.soort !== soort || a.datum > context.peildatum) continue
    const periode = periods.find((p) => a.datum >= begin(p) && a.datum <= einde(p))
    if (periode === undefined) continue
    const gemeente = a.gemeente === null ? undefined : gemeenten.get(a.gemeente)
    const unit =
      niveau === null
        ? null
        : niveau === "gemeente"
          ? (gemeente?.code ?? onbekendLabel.gemeente)
          : ((niveau === "district" ? gemeente?.district : gemeente?.basisteam) ?? onbekendLabel[niveau])
    if (niveau !== null && unit === onbekendLabel[niveau]) zonder.push(gemeente?.naam ?? "gemeente onbekend")
    const key = `${periode}|${unit ?? "regio"}`
    const group = groups.get(key) ?? { periode, unit, ids: [] }
    group.ids.push(a.id)
    groups.set(key, group)
    if (zicht === undefined || sees(zicht, a.gemeente))
      names.set(a.id, `${a.omschrijving ?? a.id} (${datumLabel(a.datum)})`)
  }
  const metingen = [...groups.values()].map(
    (g): Measurement => ({
      id: `activiteitenregister:${indicator.id}:${g.periode}:${g.unit ?? "regio"}`,
      indicator: indicator.id,
      jaar: indicator.jaar,
      periode: g.periode,
      gebied:
        niveau === null || g.unit === null
          ? { niveau: "regio" }
          : niveau === "gemeente"
            ? ({ niveau: "gemeente", code: g.unit } as Measurement["gebied"])
            : { niveau, id: g.unit },
      waarde: g.ids.length,
      ...(context.peildatum < einde(g.periode) ? { peildatum: context.peildatum } : {}),
      bron: "activiteitenregister",
      activiteiten: g.ids,
      vastgelegdOp: context.peildatum,
      herkomst: { document: "activiteitenregister", sectie: `${soort} in ${label(g.periode)}` }
    })
  )
  const onbekend =
    niveau === null || zonder.length === 0
      ? ""
      : `${zonder.length} ${zonder.length === 1 ? "activiteit" : "activiteiten"} in een gemeente zonder bekend ${niveau} (${listNames([...new Set(zonder)])}) ${zonder.length === 1 ? "telt" : "tellen"} onder ‘${onbekendLabel[niveau]}’ en voor geen ${niveau} mee.`
  return { metingen, names, onbekend }
}

const signaal = (
  indicator: Indicator,
  others: ReadonlyArray<Measurement>,
  context: Context
): Signaal | null => {
  if (others.length === 0) return null
  // The most recent non-official source speaks; sources are never mixed within one verdict.
  const latest = others.reduce((a, b) => (geldigOp(b) > geldigOp(a) ? b : a))
  const verdict = applyRule(
    indicator,
    others.filter((m) => m.bron === latest.bron),
    context
  )
  return {
    status: verdict.status,
    uitleg: `Signaal uit ${bronLabel[latest.bron]} (niet de officiële bron ${bronLabel[indicator.bron]}): ${verdict.uitleg}`,
    bron: latest.bron,
    cijfers: verdict.cijfers
  }
}

const targetOf = (regel: Regel): number | null => {
  switch (regel.soort) {
    case "traject":
      return regel.doel.waarde
    case "minimum-aantal":
      return regel.minimum
    case "gemiddeld-per-maand":
      return regel.perMaand
    case "dekking":
      return regel.minimumPerEenheid
    case "groei":
      return regel.groeiPercentage
    case "mijlpalen":
      return regel.mijlpalen.length
    case "aandeel":
      return regel.minimumAandeel
  }
}

const applyRule = (indicator: Indicator, metingen: ReadonlyArray<Measurement>, context: Context): Verdict => {
  const regel = indicator.regel
  switch (regel.soort) {
    case "traject":
      return traject(indicator, regel, metingen, context)
    case "minimum-aantal":
      return minimumAantal(indicator, regel, metingen, context)
    case "gemiddeld-per-maand":
      return gemiddeldPerMaand(indicator, regel, metingen, context)
    case "dekking":
      return dekking(indicator, regel, metingen, context)
    case "groei":
      return groei(indicator, regel, metingen, context)
    case "mijlpalen":
      return mijlpalen(regel, metingen, context)
    case "aandeel":
      return aandeel(indicator, regel, metingen, context)
  }
}

const verdict = (
  status: Status,
  text: string,
  cijfers: Cijfers,
  metingen: ReadonlyArray<string>,
  standOp: Datum | null
): Verdict => ({
  status,
  uitleg: `${text} — ${statusLabel[status]}`,
  cijfers,
  metingen,
  standOp,
  tekst: text
})

const newest = (dates: ReadonlyArray<Datum | null | undefined>): Datum | null => {
  let best: Datum | null = null
  for (const d of dates) if (d != null && (best === null || d > best)) best = d
  return best
}

const capAt = (dag: Datum, peildatum: Datum): Datum => (dag < peildatum ? dag : peildatum)

/**
 * The one verdict for counts: met → `behaald`; period over and not met → `achter`; otherwise compared
 * with what should have been reached by now: at or above → `op-koers`, within 20% below → `aandacht`,
 * further below → `achter`.
 *
 * @since 0.1.0
 * @category rules
 */
export const countStatus = (value: number, expectedNow: number, target: number, ended: boolean): Status => {
  if (value >= target) return "behaald"
  if (ended) return "achter"
  if (value >= expectedNow) return "op-koers"
  return value >= expectedNow * aandachtFactor ? "aandacht" : "achter"
}

const aandachtFactor = 0.8

const traject = (
  indicator: Indicator,
  regel: Extract<Regel, { soort: "traject" }>,
  metingen: ReadonlyArray<Measurement>,
  context: Context
): Verdict => {
  // A plain loop: rules scan every measurement, so no per-item callback or period lookup.
  let latest = metingen[0] as Measurement
  for (let j = 1; j < metingen.length; j++) {
    const m = metingen[j] as Measurement
    const order = vergelijk(m.periode, latest.periode)
    if (order > 0 || (order === 0 && m.vastgelegdOp > latest.vastgelegdOp)) latest = m
  }
  const unit = (v: number) =>
    indicator.eenheid === "%" ? `${formatGetal(v)}%` : `${formatGetal(v)} ${indicator.eenheid}`
  const sign = indicator.richting === "hoger" ? 1 : -1
  const { basis, doel } = regel
  const targetReached = begin(latest.periode) >= begin(doel.periode)
  const fraction =
    (midden(latest.periode) - midden(basis.periode)) / (midden(doel.periode) - midden(basis.periode))
  const expected = targetReached
    ? doel.waarde
    : basis.waarde + (doel.waarde - basis.waarde) * Math.max(0, fraction)
  const ahead = sign * (latest.waarde - expected)
  const status: Status = targetReached
    ? ahead >= 0
      ? "behaald"
      : ahead >= -regel.tolerantie
        ? "aandacht"
        : "achter"
    : ahead >= 0
      ? "op-koers"
      : ahead >= -regel.tolerantie
        ? "aandacht"
        : "achter"
  const measured = `${formatMetKwalificatie(latest.waarde, latest.kwalificatie)}${indicator.eenheid === "%" ? "%" : ` ${indicator.eenheid}`} in ${label(latest.periode)} (${bronLabel[latest.bron]})`
  const path = targetReached
    ? `doel ${unit(doel.waarde)} in ${label(doel.periode)}`
    : `het pad van ${unit(basis.waarde)} (${label(basis.periode)}) naar ${unit(doel.waarde)} (${label(doel.periode)}) verwacht ${unit(round(expected))}`
  return verdict(
    status,
    `${measured}; ${path}`,
    { gemeten: latest.waarde, verwacht: round(expected), doel: doel.waarde, periode: latest.periode },
    [latest.id],
    capAt(geldigOp(latest), context.peildatum)
  )
}

/** A count over a period from measurements of one granularity, never a year plus its own months. */
interface Count {
  readonly waarde: number
  readonly kwalificatie: Kwalificatie | undefined
  /** The date the count stands on. */
  readonly standOp: Datum
  readonly metingen: ReadonlyArray<string>
}

const gebiedKey = (m: Measurement): string =>
  m.gebied.niveau === "regio"
    ? "regio"
    : `${m.gebied.niveau}:${m.gebied.niveau === "gemeente" ? m.gebied.code : m.gebied.id}`

const countIn = (
  metingen: ReadonlyArray<Measurement>,
  periode: Periode,
  peildatum: Datum
): Count | undefined => {
  const inside = metingen.filter((m) => bevat(periode, m.periode))
  if (inside.length === 0) return undefined
  // Exact period first, then the coarsest granularity present; regional figures before sums of areas.
  const exact = inside.filter((m) => m.periode === periode)
  const granularities = ["kwartaal", "maand"] as const
  const chosen =
    exact.length > 0
      ? exact
      : inside.filter(
          (m) =>
            granulariteit(m.periode) ===
            granularities.find((g) => inside.some((x) => granulariteit(x.periode) === g))
        )
  const regional = chosen.filter((m) => m.gebied.niveau === "regio")
  const used = regional.length > 0 ? regional : chosen
  // Several counts of the same period and area are successive stands of one growing count: keep the highest.
  const best = new Map<string, Measurement>()
  for (const m of used) {
    const key = `${m.periode}|${gebiedKey(m)}`
    const current = best.get(key)
    if (current === undefined || m.waarde > current.waarde) best.set(key, m)
  }
  const picked = [...best.values()]
  const qualified = picked.find((m) => m.kwalificatie !== undefined)
  const standOp = picked.map(geldigOp).sort().at(-1) ?? peildatum
  return {
    waarde: picked.reduce((sum, m) => sum + m.waarde, 0),
    kwalificatie: qualified?.kwalificatie,
    standOp: standOp < peildatum ? standOp : peildatum,
    metingen: picked.map((m) => m.id)
  }
}

const describeCount = (count: Count, eenheid: string, periode: Periode): string => {
  const bound =
    count.kwalificatie === undefined
      ? ""
      : ` (telt als ${count.kwalificatie === "minder-dan" ? "hooguit" : "minstens"} ${formatGetal(count.waarde)})`
  const stand = count.standOp < einde(periode) ? `, stand ${datumLabel(count.standOp)}` : ""
  const noun = count.waarde === 1 && count.kwalificatie === undefined ? enkelvoud(eenheid) : eenheid
  return `${formatMetKwalificatie(count.waarde, count.kwalificatie)} ${noun} in ${label(periode)}${bound}${stand}`
}

const minimumAantal = (
  indicator: Indicator,
  regel: Extract<Regel, { soort: "minimum-aantal" }>,
  metingen: ReadonlyArray<Measurement>,
  context: Context
): Verdict => {
  const count = countIn(metingen, regel.periode, context.peildatum)
  if (count === undefined) return missingData(indicator, context)
  const elapsed = verstreken(regel.periode, count.standOp)
  const expected = regel.minimum * elapsed
  const status = countStatus(count.waarde, expected, regel.minimum, elapsed >= 1)
  const progress = elapsed < 1 && status !== "behaald" ? `; naar rato verwacht ${formatGetal(expected)}` : ""
  return verdict(
    status,
    `${describeCount(count, indicator.eenheid, regel.periode)} (doel minimaal ${formatGetal(regel.minimum)}${progress})`,
    { gemeten: count.waarde, verwacht: round(expected), doel: regel.minimum, periode: regel.periode },
    count.metingen,
    count.standOp
  )
}

const gemiddeldPerMaand = (
  indicator: Indicator,
  regel: Extract<Regel, { soort: "gemiddeld-per-maand" }>,
  metingen: ReadonlyArray<Measurement>,
  context: Context
): Verdict => {
  const count = countIn(metingen, regel.periode, context.peildatum)
  if (count === undefined) return missingData(indicator, context)
  const elapsed = verstreken(regel.periode, count.standOp)
  const months = aantalMaanden(regel.periode) * elapsed
  const average = months > 0 ? count.waarde / months : 0
  const ended = elapsed >= 1
  // Until the period ends an average at or above the target is on track, never already met.
  const status =
    average >= regel.perMaand && !ended
      ? "op-koers"
      : countStatus(average, regel.perMaand, regel.perMaand, ended)
  return verdict(
    status,
    `${describeCount(count, indicator.eenheid, regel.periode)}, gemiddeld ${formatGetal(average, 2)} per maand (doel ${formatGetal(regel.perMaand)})`,
    { gemeten: round(average), verwacht: regel.perMaand, doel: regel.perMaand, periode: regel.periode },
    count.metingen,
    count.standOp
  )
}

const unitsOf = (
  regio: Regio,
  niveau: "district" | "basisteam" | "gemeente" | "kwartaal" | "maand",
  periode: Periode
): ReadonlyArray<{ readonly id: string; readonly naam: string; readonly periode?: Periode }> | undefined => {
  if (niveau === "kwartaal" || niveau === "maand") {
    const periods = niveau === "kwartaal" ? kwartalenIn(periode) : maandenIn(periode)
    return periods.map((p) => ({ id: p, naam: label(p), periode: p }))
  }
  return eenheden(regio, niveau)
}

const niveauMeervoud = {
  district: "districten",
  basisteam: "basisteams",
  gemeente: "gemeenten",
  kwartaal: "kwartalen",
  maand: "maanden"
} as const

const dekking = (
  indicator: Indicator,
  regel: Extract<Regel, { soort: "dekking" }>,
  metingen: ReadonlyArray<Measurement>,
  context: Context
): Verdict => {
  const units = unitsOf(context.regio, regel.niveau, regel.periode)
  const meervoud = niveauMeervoud[regel.niveau]
  const perUnit = units?.map((unit) => {
    const own =
      unit.periode !== undefined
        ? metingen.filter((m) => m.gebied.niveau === "regio")
        : metingen.filter((m) => gebiedKey(m) === `${regel.niveau}:${unit.id}`)
    const count = countIn(own, unit.periode ?? regel.periode, context.peildatum)
    return { unit, waarde: count?.waarde ?? 0, metingen: count?.metingen ?? [], standOp: count?.standOp }
  })
  const unitMeasured = perUnit?.some((u) => u.metingen.length > 0) ?? false
  const perUnitNiveau = regel.niveau !== "kwartaal" && regel.niveau !== "maand"
  const regional = perUnitNiveau
    ? countIn(
        metingen.filter((m) => m.gebied.niveau === "regio"),
        regel.periode,
        context.peildatum
      )
    : undefined
  const ended = context.peildatum >= einde(regel.periode)
  const elapsed = verstreken(regel.periode, context.peildatum)
  const minimum = formatGetal(regel.minimumPerEenheid)

  if (perUnit !== undefined && units !== undefined && (unitMeasured || !perUnitNiveau)) {
    const covered = perUnit.filter((u) => u.waarde >= regel.minimumPerEenheid)
    const missing = perUnit.filter((u) => u.waarde < regel.minimumPerEenheid)
    // For quarters and months only those already over count against the target before the period ends.
    const due = perUnitNiveau
      ? units.length * elapsed
      : perUnit.filter(
          (u) => u.unit.periode !== undefined && dueDate(indicator, u.unit.periode) < context.peildatum
        ).length
    const status = countStatus(covered.length, due, units.length, ended)
    const short = missing.length > 0 ? `; nog niet: ${listNames(missing.map((u) => u.unit.naam))}` : ""
    return verdict(
      status,
      `${covered.length} van ${units.length} ${meervoud} halen minimaal ${minimum} ${indicator.eenheid} in ${label(regel.periode)}${short}`,
      { gemeten: covered.length, verwacht: round(due), doel: units.length, periode: regel.periode },
      perUnit.flatMap((u) => u.metingen),
      newest(perUnit.map((u) => u.standOp))
    )
  }
  if (regional === undefined) return missingData(indicator, context)
  const reached = `${formatMetKwalificatie(regional.waarde, regional.kwalificatie)} ${meervoud} met minimaal ${minimum} ${indicator.eenheid} in ${label(regel.periode)}`
  if (units === undefined) {
    // The region's list of units is unknown, so "every unit" cannot be confirmed.
    return verdict(
      "aandacht",
      `${reached}; de lijst van ${meervoud} in de regio is onbekend, dus niet vast te stellen of elk ${regel.niveau} het minimum haalt`,
      { gemeten: regional.waarde, verwacht: null, doel: null, periode: regel.periode },
      regional.metingen,
      regional.standOp
    )
  }
  const status = countStatus(regional.waarde, units.length * elapsed, units.length, ended)
  return verdict(
    status,
    `${reached}, van ${units.length} ${meervoud}; welke ontbreken is niet per ${regel.niveau} vastgelegd`,
    {
      gemeten: regional.waarde,
      verwacht: round(units.length * elapsed),
      doel: units.length,
      periode: regel.periode
    },
    regional.metingen,
    regional.standOp
  )
}

const groei = (
  indicator: Indicator,
  regel: Extract<Regel, { soort: "groei" }>,
  metingen: ReadonlyArray<Measurement>,
  context: Context
): Verdict => {
  const base = countIn(metingen, vorige(regel.periode), context.peildatum)
  const current = countIn(metingen, regel.periode, context.peildatum)
  if (current === undefined) return missingData(indicator, context)
  if (base === undefined || base.waarde === 0) {
    return {
      status: "geen-data",
      uitleg: `Geen data: ${indicator.eenheid} over ${label(vorige(regel.periode))} ontbreekt, dus de groei over ${label(regel.periode)} is niet te berekenen.`,
      cijfers: { gemeten: current.waarde, verwacht: null, doel: null, periode: regel.periode },
      metingen: current.metingen,
      standOp: current.standOp
    }
  }
  const target = base.waarde * (1 + regel.groeiPercentage / 100)
  const elapsed = verstreken(regel.periode, current.standOp)
  const status = countStatus(current.waarde, target * elapsed, target, elapsed >= 1)
  const growth = ((current.waarde - base.waarde) / base.waarde) * 100
  return verdict(
    status,
    `${describeCount(current, indicator.eenheid, regel.periode)} tegen ${formatGetal(base.waarde)} in ${label(vorige(regel.periode))}: ${growth >= 0 ? "+" : ""}${formatGetal(growth)}% (doel +${formatGetal(regel.groeiPercentage)}%, minimaal ${formatGetal(target)})`,
    {
      gemeten: current.waarde,
      verwacht: round(target * elapsed),
      doel: round(target),
      periode: regel.periode
    },
    [...base.metingen, ...current.metingen],
    current.standOp
  )
}

const mijlpalen = (
  regel: Extract<Regel, { soort: "mijlpalen" }>,
  metingen: ReadonlyArray<Measurement>,
  context: Context
): Verdict => {
  const done = regel.mijlpalen.filter((mijlpaal) =>
    metingen.some((m) => m.mijlpaal === mijlpaal.id && m.waarde > 0)
  )
  const open = regel.mijlpalen.filter((mijlpaal) => !done.includes(mijlpaal))
  const total = regel.mijlpalen.length
  const elapsed = verstreken(regel.periode, context.peildatum)
  const status = countStatus(done.length, total * elapsed, total, elapsed >= 1)
  const openText = open.length > 0 ? `; open: ${open.map((m) => m.tekst.toLowerCase()).join(", ")}` : ""
  return verdict(
    status,
    `${done.length} van ${total === 1 ? "1 mijlpaal" : `${total} mijlpalen`} gereed in ${label(regel.periode)}${openText}`,
    { gemeten: done.length, verwacht: round(total * elapsed), doel: total, periode: regel.periode },
    metingen.filter((m) => m.mijlpaal !== undefined).map((m) => m.id),
    newest(metingen.filter((m) => m.mijlpaal !== undefined).map((m) => capAt(geldigOp(m), context.peildatum)))
  )
}

const aandeel = (
  indicator: Indicator,
  regel: Extract<Regel, { soort: "aandeel" }>,
  metingen: ReadonlyArray<Measurement>,
  context: Context
): Verdict => {
  const units = eenheden(context.regio, regel.niveau)
  const meervoud = niveauMeervoud[regel.niveau]
  const perUnit = metingen.filter((m) => m.gebied.niveau === regel.niveau && m.waarde > 0)
  const regional = countIn(
    metingen.filter((m) => m.gebied.niveau === "regio"),
    regel.periode,
    context.peildatum
  )
  const reached = perUnit.length > 0 ? new Set(perUnit.map(gebiedKey)).size : regional?.waarde
  if (reached === undefined) return missingData(indicator, context)
  const ids = perUnit.length > 0 ? perUnit.map((m) => m.id) : (regional?.metingen ?? [])
  const standOp =
    perUnit.length > 0
      ? newest(perUnit.map((m) => capAt(geldigOp(m), context.peildatum)))
      : (regional?.standOp ?? null)
  if (units === undefined) {
    return verdict(
      "aandacht",
      `${formatGetal(reached)} ${meervoud}; het aantal ${meervoud} in de regio is onbekend, dus het aandeel is niet te berekenen`,
      { gemeten: reached, verwacht: null, doel: regel.minimumAandeel, periode: regel.periode },
      ids,
      standOp
    )
  }
  // "More than half" needs strictly more than the share: the smallest count above it.
  const needed = Math.floor((units.length * regel.minimumAandeel) / 100) + 1
  const elapsed = verstreken(regel.periode, context.peildatum)
  const status = countStatus(reached, needed * elapsed, needed, elapsed >= 1)
  const share = (reached / units.length) * 100
  return verdict(
    status,
    `${formatGetal(reached)} van ${units.length} ${meervoud} (${formatGetal(share)}%) in ${label(regel.periode)}; doel meer dan ${formatGetal(regel.minimumAandeel)}% (minimaal ${needed})`,
    { gemeten: reached, verwacht: round(needed * elapsed), doel: needed, periode: regel.periode },
    ids,
    standOp
  )
}

const round = (n: number): number => Math.round(n * 100) / 100
