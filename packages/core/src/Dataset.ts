/**
 * Everything the programme records, checked as a whole: every reference points at something that exists
 * (a measurement at an indicator, a registration at a gemeente of the region), so bad data is refused
 * with the record and field it is in.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Activity } from "./Activity.ts"
import { baatOnbekend, geenDin, Program, voorJaar } from "./Din.ts"
import type { Gebied } from "./Geography.ts"
import { Regio } from "./Geography.ts"
import { Indicator } from "./Indicator.ts"
import { Jaarplan } from "./Jaarplan.ts"
import { Measurement } from "./Measurement.ts"
import { delictenlijst, Reeksbreuk, Registration } from "./Registration.ts"

/**
 * @since 0.1.0
 * @category models
 */
const DatasetFields = Schema.Struct({
  program: Program,
  regio: Regio,
  jaarplannen: Schema.Array(Jaarplan),
  indicatoren: Schema.Array(Indicator),
  metingen: Schema.Array(Measurement),
  registraties: Schema.Array(Registration),
  reeksbreuken: Schema.Array(Reeksbreuk),
  activiteiten: Schema.Array(Activity)
})

/**
 * @since 0.1.0
 * @category models
 */
export const Dataset = DatasetFields.check(
  Schema.makeFilter((dataset: typeof DatasetFields.Type) => referenceIssues(dataset))
).annotate({ identifier: "Dataset" })

/**
 * @since 0.1.0
 * @category models
 */
export type Dataset = typeof Dataset.Type

type Issue = Schema.FilterIssue

/**
 * What is wrong with one record: the path of the field within the record, and in Dutch what is wrong with
 * it (without naming the record, which the caller does).
 *
 * @since 0.1.0
 * @category models
 */
export interface RecordIssue {
  readonly path: ReadonlyArray<PropertyKey>
  readonly issue: string
}

/**
 * The areas of a region by level, for checking many records against it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Gebieden {
  readonly gemeenten: ReadonlySet<string>
  readonly districten: ReadonlySet<string>
  readonly basisteams: ReadonlySet<string>
}

/**
 * @since 0.1.0
 * @category constructors
 */
export const gebiedenOf = (regio: Regio): Gebieden => ({
  gemeenten: new Set<string>(regio.gemeenten.map((g) => g.code)),
  districten: new Set(regio.districten.map((x) => x.id)),
  basisteams: new Set(regio.basisteams.map((x) => x.id))
})

/**
 * Why an area is not one of the region's ("gemeente GM9999 hoort niet bij de regio"), or `undefined`.
 *
 * @since 0.1.0
 * @category checks
 */
export const areaIssue = (gebied: Gebied, gebieden: Gebieden): string | undefined => {
  const unknown =
    gebied.niveau === "gemeente"
      ? !gebieden.gemeenten.has(gebied.code) && gebied.code
      : gebied.niveau === "district"
        ? !gebieden.districten.has(gebied.id) && gebied.id
        : gebied.niveau === "basisteam" && !gebieden.basisteams.has(gebied.id) && gebied.id
  return unknown ? `${gebied.niveau} ${unknown} hoort niet bij de regio` : undefined
}

/**
 * What the dataset check refuses in one measurement, given the indicator it measures (`undefined` when
 * the year plan has none of that id) and the region: an unknown indicator, a value over 100 for a
 * percentage, an unknown milestone, an area outside the region. Every writer of a measurement checks
 * with this before it writes, so that what is stored always loads again.
 *
 * @since 0.1.0
 * @category checks
 */
export const measurementIssues = (
  meting: Measurement,
  context:
    | { readonly indicator: Indicator | undefined; readonly regio: Regio }
    /** The region's areas, when many measurements are checked at once (`gebiedenOf(regio)`). */
    | { readonly indicator: Indicator | undefined; readonly gebieden: Gebieden }
): Array<RecordIssue> => {
  const { indicator } = context
  if (indicator === undefined)
    return [{ path: ["indicator"], issue: `onbekende indicator ${meting.jaar}/${meting.indicator}` }]
  const issues: Array<RecordIssue> = []
  if (indicator.eenheid === "%" && meting.waarde > 100)
    issues.push({
      path: ["waarde"],
      issue: `${meting.waarde} is geen percentage (0 tot en met 100)`
    })
  if (meting.mijlpaal !== undefined) {
    const regel = indicator.regel
    if (regel.soort !== "mijlpalen" || !regel.mijlpalen.some((m) => m.id === meting.mijlpaal))
      issues.push({ path: ["mijlpaal"], issue: `onbekende mijlpaal ${meting.mijlpaal}` })
  }
  const gebied = areaIssue(
    meting.gebied,
    "gebieden" in context ? context.gebieden : gebiedenOf(context.regio)
  )
  if (gebied !== undefined) issues.push({ path: ["gebied"], issue: gebied })
  return issues
}

const referenceIssues = (d: typeof DatasetFields.Type): Array<Issue> => {
  const issues: Array<Issue> = []
  const baatIssue = (jaar: number, baat: string, path: ReadonlyArray<PropertyKey>, record: string): void => {
    const onbekend = baatOnbekend(d.program, jaar, baat)
    if (onbekend !== undefined) issues.push({ path, issue: `${record}: ${onbekend}` })
  }
  const { gemeenten, districten, basisteams } = gebiedenOf(d.regio)
  const plannen = new Map(d.jaarplannen.map((p) => [p.jaar, p]))
  const indicatoren = new Map<string, Indicator>()

  const known: Gebieden = { gemeenten, districten, basisteams }
  const gebiedIssue = (gebied: Gebied, path: ReadonlyArray<PropertyKey>, record: string): void => {
    const unknown = areaIssue(gebied, known)
    if (unknown !== undefined) issues.push({ path: [...path, "gebied"], issue: `${record}: ${unknown}` })
  }

  d.indicatoren.forEach((indicator, i) => {
    const key = `${indicator.jaar}/${indicator.id}`
    const record = `indicator ${key}`
    if (indicatoren.has(key)) issues.push({ path: ["indicatoren", i, "id"], issue: `${record} staat dubbel` })
    indicatoren.set(key, indicator)
    baatIssue(indicator.jaar, indicator.baat, ["indicatoren", i, "baat"], record)
    const plan = plannen.get(indicator.jaar)
    if (plan === undefined) {
      issues.push({ path: ["indicatoren", i, "jaar"], issue: `${record}: geen jaarplan ${indicator.jaar}` })
    } else {
      for (const nummer of indicator.acties) {
        if (!plan.acties.some((a) => a.nummer === nummer)) {
          issues.push({
            path: ["indicatoren", i, "acties"],
            issue: `${record}: jaarplan ${plan.jaar} heeft geen actie ${nummer}`
          })
        }
      }
    }
  })

  d.indicatoren.forEach((indicator, i) => {
    const v = indicator.voorganger
    if (v !== null && !indicatoren.has(`${v.jaar}/${v.id}`)) {
      issues.push({
        path: ["indicatoren", i, "voorganger"],
        issue: `indicator ${indicator.jaar}/${indicator.id}: voorganger ${v.jaar}/${v.id} bestaat niet`
      })
    }
  })
  const acties = new Set(d.jaarplannen.flatMap((plan) => plan.acties.map((a) => `${a.jaar}/${a.id}`)))

  d.jaarplannen.forEach((plan, p) => {
    if (voorJaar(d.program, plan.jaar) === undefined) {
      issues.push({
        path: ["jaarplannen", p, "jaar"],
        issue: `jaarplan ${plan.jaar}: ${geenDin(d.program, plan.jaar)}`
      })
      return
    }
    plan.batenToelichting.forEach((toelichting, t) => {
      baatIssue(
        plan.jaar,
        toelichting.baat,
        ["jaarplannen", p, "batenToelichting", t, "baat"],
        `jaarplan ${plan.jaar}, toelichting`
      )
    })
    plan.acties.forEach((actie, a) => {
      const record = `actie ${actie.nummer} van ${plan.jaar}`
      if (actie.voorganger !== null && !acties.has(`${actie.voorganger.jaar}/${actie.voorganger.id}`)) {
        issues.push({
          path: ["jaarplannen", p, "acties", a, "voorganger"],
          issue: `${record}: voorganger ${actie.voorganger.jaar}/${actie.voorganger.id} bestaat niet`
        })
      }
      actie.baten.forEach((baat, b) => {
        baatIssue(plan.jaar, baat, ["jaarplannen", p, "acties", a, "baten", b], record)
      })
      actie.beoogdeResultaten.forEach((resultaat, r) => {
        if (resultaat.indicator !== undefined && !indicatoren.has(`${plan.jaar}/${resultaat.indicator}`)) {
          issues.push({
            path: ["jaarplannen", p, "acties", a, "beoogdeResultaten", r, "indicator"],
            issue: `${record}: onbekende indicator ${resultaat.indicator}`
          })
        }
      })
    })
  })

  const metingIds = new Set<string>()
  d.metingen.forEach((meting, i) => {
    if (metingIds.has(meting.id))
      issues.push({ path: ["metingen", i, "id"], issue: `meting ${meting.id} staat dubbel` })
    metingIds.add(meting.id)
    const indicator = indicatoren.get(`${meting.jaar}/${meting.indicator}`)
    for (const found of measurementIssues(meting, { indicator, gebieden: known })) {
      issues.push({ path: ["metingen", i, ...found.path], issue: `meting ${meting.id}: ${found.issue}` })
    }
  })

  d.registraties.forEach((registratie, i) => {
    gebiedIssue(
      registratie.gebied,
      ["registraties", i],
      `registratie ${registratie.periode} ${registratie.delict}`
    )
  })
  d.reeksbreuken.forEach((breuk, i) => {
    if (breuk.delictlijst !== undefined && breuk.delictlijst !== delictenlijst.versie) {
      issues.push({
        path: ["reeksbreuken", i, "delictlijst"],
        issue: `reeksbreuk ${breuk.vanaf}: delictlijst ${breuk.delictlijst} is onbekend (bekend: ${delictenlijst.versie})`
      })
    }
  })
  d.activiteiten.forEach((activiteit, i) => {
    for (const found of activityIssues(activiteit, known))
      issues.push({
        path: ["activiteiten", i, ...found.path],
        issue: `activiteit ${activiteit.id}: ${found.issue}`
      })
  })
  return issues
}

/**
 * What the dataset check refuses in one activity: a gemeente outside the region.
 *
 * @since 0.1.0
 * @category checks
 */
export const activityIssues = (activiteit: Activity, gebieden: Gebieden): Array<RecordIssue> =>
  activiteit.gemeente !== null && !gebieden.gemeenten.has(activiteit.gemeente)
    ? [
        {
          path: ["gemeente"],
          issue: `gemeente ${activiteit.gemeente} hoort niet bij de regio`
        }
      ]
    : []
