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

const referenceIssues = (d: typeof DatasetFields.Type): Array<Issue> => {
  const issues: Array<Issue> = []
  const baatIssue = (jaar: number, baat: string, path: ReadonlyArray<PropertyKey>, record: string): void => {
    const onbekend = baatOnbekend(d.program, jaar, baat)
    if (onbekend !== undefined) issues.push({ path, issue: `${record}: ${onbekend}` })
  }
  const gemeenten = new Set<string>(d.regio.gemeenten.map((g) => g.code))
  const districten = new Set(d.regio.districten.map((x) => x.id))
  const basisteams = new Set(d.regio.basisteams.map((x) => x.id))
  const plannen = new Map(d.jaarplannen.map((p) => [p.jaar, p]))
  const indicatoren = new Map<string, Indicator>()

  const gebiedIssue = (gebied: Gebied, path: ReadonlyArray<PropertyKey>, record: string): void => {
    const unknown =
      gebied.niveau === "gemeente"
        ? !gemeenten.has(gebied.code) && gebied.code
        : gebied.niveau === "district"
          ? !districten.has(gebied.id) && gebied.id
          : gebied.niveau === "basisteam" && !basisteams.has(gebied.id) && gebied.id
    if (unknown) {
      issues.push({
        path: [...path, "gebied"],
        issue: `${record}: ${gebied.niveau} ${unknown} hoort niet bij de regio`
      })
    }
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
    const record = `meting ${meting.id}`
    if (metingIds.has(meting.id))
      issues.push({ path: ["metingen", i, "id"], issue: `${record} staat dubbel` })
    metingIds.add(meting.id)
    const indicator = indicatoren.get(`${meting.jaar}/${meting.indicator}`)
    if (indicator === undefined) {
      issues.push({
        path: ["metingen", i, "indicator"],
        issue: `${record}: onbekende indicator ${meting.jaar}/${meting.indicator}`
      })
      return
    }
    if (indicator.eenheid === "%" && meting.waarde > 100) {
      issues.push({
        path: ["metingen", i, "waarde"],
        issue: `${record}: ${meting.waarde} is geen percentage (0 tot en met 100)`
      })
    }
    if (meting.mijlpaal !== undefined) {
      const regel = indicator.regel
      if (regel.soort !== "mijlpalen" || !regel.mijlpalen.some((m) => m.id === meting.mijlpaal)) {
        issues.push({
          path: ["metingen", i, "mijlpaal"],
          issue: `${record}: onbekende mijlpaal ${meting.mijlpaal}`
        })
      }
    }
    gebiedIssue(meting.gebied, ["metingen", i], record)
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
    if (activiteit.gemeente !== null && !gemeenten.has(activiteit.gemeente)) {
      issues.push({
        path: ["activiteiten", i, "gemeente"],
        issue: `activiteit ${activiteit.id}: gemeente ${activiteit.gemeente} hoort niet bij de regio`
      })
    }
  })
  return issues
}
