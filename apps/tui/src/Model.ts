/**
 * What the dashboard shows, computed once per load from the programme's data and a peildatum: progress
 * per jaarplan with its roll-up (as `dvcc status` computes it), the rows of every screen, and the
 * informatiebeeld of a gemeente. Pure functions over plain data; the screens only draw these.
 *
 * @since 0.1.0
 */
import {
  type Activity,
  type Dataset,
  Din,
  Geography,
  Getal,
  type Indicator,
  Informatiebeeld,
  type Jaarplan,
  type Measurement,
  Periode,
  type Progress,
  Registration,
  type Rollup,
  Status
} from "@dvcc/core"

/**
 * Progress of one jaarplan on the peildatum.
 *
 * @since 0.1.0
 * @category models
 */
export interface YearView {
  readonly jaar: number
  readonly programma: Rollup.ProgrammaVoortgang
  readonly progress: ReadonlyArray<Progress.Progress>
}

/**
 * Everything the screens draw from.
 *
 * @since 0.1.0
 * @category models
 */
export interface Model {
  readonly dataset: Dataset.Dataset
  readonly peildatum: Periode.Datum
  /** The jaarplan years, oldest first. */
  readonly jaren: ReadonlyArray<number>
  readonly perJaar: ReadonlyMap<number, YearView>
  /** The latest registered period: what the Informatiebeeld screen shows; `null` without registrations. */
  readonly periode: Periode.Periode | null
  /** Where the data comes from, for the header: `database /pad/dvcc.sqlite`. */
  readonly bron: string
}

/**
 * Computes the progress of every jaarplan on `peildatum`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (dataset: Dataset.Dataset, peildatum: Periode.Datum, bron: string): Model => {
  const jaren = dataset.jaarplannen.map((p) => p.jaar).sort((a, b) => a - b)
  // The verdicts of `dvcc status`, from the one place every output takes them.
  const report = Status.make(dataset, peildatum, jaren)
  const perJaar = new Map(
    report.jaren.map((year): [number, YearView] => [
      year.jaar,
      { jaar: year.jaar, programma: year.programma, progress: year.indicatoren }
    ])
  )
  return {
    dataset,
    peildatum,
    jaren,
    perJaar,
    periode: Registration.standaardPeriode(Registration.dekkingPerPeriode(dataset.registraties)) ?? null,
    bron
  }
}

/**
 * The jaarplan a manager looks at first: the one of the peildatum's year, else the latest before it,
 * else the first.
 *
 * @since 0.1.0
 * @category rules
 */
export const defaultJaar = (model: Model): number => {
  const year = Number(model.peildatum.slice(0, 4))
  const earlier = model.jaren.filter((j) => j <= year)
  return earlier.at(-1) ?? model.jaren[0] ?? year
}

// ---------------------------------------------------------------------------------------------------------
// Voortgang
// ---------------------------------------------------------------------------------------------------------

/**
 * How many indicators under a doel or baat are `behaald` or `op koers`, and how many are measured, of all.
 *
 * @since 0.1.0
 * @category models
 */
export interface Telling {
  readonly goed: number
  /** Indicators measured (the roll-up's coverage). */
  readonly gemeten: number
  readonly totaal: number
}

/**
 * A row of the DIN tree: doel → baat → indicator.
 *
 * @since 0.1.0
 * @category models
 */
export type VoortgangRow =
  | {
      readonly _tag: "Doel"
      readonly key: string
      readonly naam: string
      readonly status: Progress.Status
      readonly uitleg: string
      readonly telling: Telling
    }
  | {
      readonly _tag: "Baat"
      readonly key: string
      readonly nummer: number
      readonly naam: string
      readonly status: Progress.Status
      readonly uitleg: string
      readonly telling: Telling
    }
  | {
      readonly _tag: "Indicator"
      readonly key: string
      readonly indicator: Indicator.Indicator
      readonly progress: Progress.Progress
      /** Share of the way to the target, 0–1; `null` without a measurement or a target. */
      readonly fractie: number | null
    }

const telling = (
  progress: ReadonlyArray<Progress.Progress>,
  node: { readonly gemeten: number }
): Telling => ({
  goed: progress.filter((p) => p.status === "behaald" || p.status === "op-koers").length,
  gemeten: node.gemeten,
  totaal: progress.length
})

const matches = (query: string, ...texts: ReadonlyArray<string>): boolean => {
  const q = query.trim().toLowerCase()
  return q === "" || texts.some((t) => t.toLowerCase().includes(q))
}

/**
 * The visible rows of the tree for `jaar`: collapsed doelen and baten hide their children; a search shows
 * the rows that match with their ancestors (and ignores collapsing).
 *
 * @since 0.1.0
 * @category rules
 */
export const voortgangRows = (
  model: Model,
  jaar: number,
  collapsed: ReadonlyArray<string>,
  query: string
): ReadonlyArray<VoortgangRow> => {
  const year = model.perJaar.get(jaar)
  if (year === undefined) return []
  const searching = query.trim() !== ""
  const rows: Array<VoortgangRow> = []
  for (const doel of year.programma.doelen) {
    const doelKey = `doel:${doel.doel}`
    const doelRows: Array<VoortgangRow> = []
    const doelMatch = matches(query, doel.naam)
    for (const baat of doel.baten) {
      const nummer = Din.baat(model.dataset.program, jaar, baat.baat)?.nummer ?? 0
      const baatKey = `baat:${baat.baat}`
      const own = year.progress.filter((p) => p.baat === baat.baat)
      const baatMatch = doelMatch || matches(query, baat.naam, `baat ${nummer}`)
      const indicatorRows = own.flatMap((progress): Array<VoortgangRow> => {
        const indicator = indicatorVan(model, jaar, progress.indicator)
        if (indicator === undefined) return []
        if (searching && !baatMatch && !matches(query, indicator.id, indicator.tekst)) return []
        return [
          {
            _tag: "Indicator",
            key: `indicator:${indicator.id}`,
            indicator,
            progress,
            fractie: fractie(indicator, progress.cijfers)
          }
        ]
      })
      if (searching && !baatMatch && indicatorRows.length === 0) continue
      doelRows.push({
        _tag: "Baat",
        key: baatKey,
        nummer,
        naam: baat.naam,
        status: baat.status,
        uitleg: baat.uitleg,
        telling: telling(own, baat)
      })
      if (searching || !collapsed.includes(baatKey)) doelRows.push(...indicatorRows)
    }
    if (searching && !doelMatch && doelRows.length === 0) continue
    rows.push({
      _tag: "Doel",
      key: doelKey,
      naam: doel.naam,
      status: doel.status,
      uitleg: doel.uitleg,
      telling: telling(
        year.progress.filter((p) => doel.baten.some((b) => b.baat === p.baat)),
        doel
      )
    })
    if (searching || !collapsed.includes(doelKey)) rows.push(...doelRows)
  }
  return rows
}

/**
 * @since 0.1.0
 * @category rules
 */
export const indicatorVan = (model: Model, jaar: number, id: string): Indicator.Indicator | undefined =>
  model.dataset.indicatoren.find((i) => i.jaar === jaar && i.id === id)

/**
 * How far an indicator is towards its target, 0–1: along the path from baseline to target for a
 * trajectory (either direction), else the measured value against the target. `null` when either is
 * missing.
 *
 * @since 0.1.0
 * @category rules
 */
export const fractie = (indicator: Indicator.Indicator, cijfers: Progress.Cijfers): number | null => {
  const { gemeten, doel } = cijfers
  if (gemeten === null) return null
  const regel = indicator.regel
  if (regel.soort === "traject") {
    const span = regel.doel.waarde - regel.basis.waarde
    return span === 0 ? 1 : clamp((gemeten - regel.basis.waarde) / span)
  }
  if (doel === null || doel <= 0) return null
  return clamp(gemeten / doel)
}

const clamp = (x: number): number => Math.min(1, Math.max(0, x))

/**
 * A value in the indicator's unit: `18%`, `15 kennisbijeenkomsten`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const waarde = (indicator: Indicator.Indicator, value: number): string =>
  indicator.eenheid === "%" ? `${Getal.format(value)}%` : `${Getal.format(value)} ${indicator.eenheid}`

/**
 * `12 / 5 bestuurlijke rapportages`, `18% → 20%`: the measured value against the target in a few words;
 * `kort` leaves out the unit, for narrow terminals.
 *
 * @since 0.1.0
 * @category formatting
 */
export const stand = (indicator: Indicator.Indicator, cijfers: Progress.Cijfers, kort = false): string => {
  const { gemeten, doel } = cijfers
  const procent = indicator.eenheid === "%"
  const eenheid = (value: number) =>
    procent ? `${Getal.format(value)}%` : kort ? Getal.format(value) : waarde(indicator, value)
  if (gemeten === null) return doel === null || kort ? "geen meting" : `geen meting, doel ${eenheid(doel)}`
  if (doel === null) return eenheid(gemeten)
  return procent
    ? `${Getal.format(gemeten)}% → ${Getal.format(doel)}%`
    : `${Getal.format(gemeten)} / ${eenheid(doel)}`
}

// ---------------------------------------------------------------------------------------------------------
// Indicator detail
// ---------------------------------------------------------------------------------------------------------

/**
 * The path from baseline to target in words, one line per point or milestone.
 *
 * @since 0.1.0
 * @category formatting
 */
export const pad = (
  indicator: Indicator.Indicator,
  progress: Progress.Progress,
  metingen: ReadonlyArray<Measurement.Measurement>
): Array<string> => {
  const regel = indicator.regel
  const verwacht =
    progress.cijfers.verwacht === null ? [] : [`verwacht nu: ${waarde(indicator, progress.cijfers.verwacht)}`]
  switch (regel.soort) {
    case "traject":
      return [
        `basis ${Periode.label(regel.basis.periode)}: ${waarde(indicator, regel.basis.waarde)} → doel ${Periode.label(regel.doel.periode)}: ${waarde(indicator, regel.doel.waarde)} (${indicator.richting} is beter)`,
        ...verwacht
      ]
    case "minimum-aantal":
      return [
        `doel: minimaal ${waarde(indicator, regel.minimum)} in ${Periode.label(regel.periode)}`,
        ...verwacht
      ]
    case "gemiddeld-per-maand":
      return [
        `doel: gemiddeld ${Getal.format(regel.perMaand)} per maand in ${Periode.label(regel.periode)}`,
        ...verwacht
      ]
    case "dekking":
      return [
        `doel: minimaal ${Getal.format(regel.minimumPerEenheid)} per ${regel.niveau} in ${Periode.label(regel.periode)}`,
        ...verwacht
      ]
    case "groei":
      return [
        `doel: ${Getal.format(regel.groeiPercentage)}% meer dan de periode ervoor, in ${Periode.label(regel.periode)}`,
        ...verwacht
      ]
    case "aandeel":
      return [
        `doel: meer dan ${Getal.format(regel.minimumAandeel)}% van de ${regel.niveau === "gemeente" ? "gemeenten" : `${regel.niveau}en`} in ${Periode.label(regel.periode)}`,
        ...verwacht
      ]
    case "mijlpalen":
      return [
        `mijlpalen in ${Periode.label(regel.periode)}:`,
        ...regel.mijlpalen.map((m) =>
          metingen.some((x) => x.mijlpaal === m.id && x.jaar === indicator.jaar)
            ? `  [x] ${m.tekst} (gereed)`
            : `  [ ] ${m.tekst} (nog niet)`
        )
      ]
  }
}

/**
 * The measurements of an indicator and of its predecessors in earlier jaarplannen, oldest first.
 *
 * @since 0.1.0
 * @category rules
 */
export const geschiedenis = (
  model: Model,
  indicator: Indicator.Indicator
): ReadonlyArray<Measurement.Measurement> => {
  const keys = new Set<string>()
  let current: Indicator.Indicator | undefined = indicator
  while (current !== undefined && !keys.has(`${current.jaar}/${current.id}`)) {
    keys.add(`${current.jaar}/${current.id}`)
    const v: Indicator.Indicator["voorganger"] = current.voorganger
    current = v === null ? undefined : indicatorVan(model, v.jaar, v.id)
  }
  return model.dataset.metingen
    .filter((m) => keys.has(`${m.jaar}/${m.indicator}`))
    .sort(
      (a, b) =>
        Periode.vergelijk(a.periode, b.periode) ||
        (a.vastgelegdOp < b.vastgelegdOp ? -1 : a.vastgelegdOp > b.vastgelegdOp ? 1 : 0)
    )
}

// ---------------------------------------------------------------------------------------------------------
// Acties
// ---------------------------------------------------------------------------------------------------------

/**
 * The columns of the board: the plan's own status words, and `onbekend` where the plan states none.
 *
 * @since 0.1.0
 * @category models
 */
export const kolommen = ["op-te-starten", "lopend", "doorlopend", "afgerond", "onbekend"] as const

/**
 * @since 0.1.0
 * @category models
 */
export type Kolom = (typeof kolommen)[number]

/**
 * @since 0.1.0
 * @category formatting
 */
export const kolomLabel: Record<Kolom, string> = {
  "op-te-starten": "Op te starten",
  lopend: "Lopend",
  doorlopend: "Doorlopend",
  afgerond: "Afgerond",
  onbekend: "Status onbekend"
}

/**
 * @since 0.1.0
 * @category models
 */
export interface ActieItem {
  readonly kolom: Kolom
  readonly actie: Jaarplan.Actie
}

/**
 * The acties of `jaar`, for one baat or all, matching the search: column by column, by number.
 *
 * @since 0.1.0
 * @category rules
 */
export const actieItems = (
  model: Model,
  jaar: number,
  baat: Din.BaatId | null,
  query: string
): ReadonlyArray<ActieItem> => {
  const plan = model.dataset.jaarplannen.find((p) => p.jaar === jaar)
  if (plan === undefined) return []
  return plan.acties
    .filter((a) => baat === null || a.baten.includes(baat))
    .filter((a) => matches(query, a.titel, `${a.nummer}`, ...a.coordinatie))
    .map((actie): ActieItem => ({ kolom: actie.status === null ? "onbekend" : actie.status.soort, actie }))
    .sort((a, b) => kolommen.indexOf(a.kolom) - kolommen.indexOf(b.kolom) || a.actie.nummer - b.actie.nummer)
}

// ---------------------------------------------------------------------------------------------------------
// Gebied
// ---------------------------------------------------------------------------------------------------------

/**
 * A gemeente with its units and what the programme recorded there in the jaar.
 *
 * @since 0.1.0
 * @category models
 */
export interface GemeenteRij {
  readonly gemeente: Geography.Gemeente
  readonly district: string
  readonly basisteam: string
  readonly inwoners: number | null
  readonly activiteiten: number
  readonly riecCasussen: number
}

/**
 * A district with its gemeenten and RIEC cases in the jaar.
 *
 * @since 0.1.0
 * @category models
 */
export interface DistrictRij {
  readonly district: Geography.District
  readonly gemeenten: number
  readonly riecCasussen: number
  readonly activiteiten: number
}

/**
 * @since 0.1.0
 * @category models
 */
export interface GebiedView {
  readonly districten: ReadonlyArray<DistrictRij>
  readonly gemeenten: ReadonlyArray<GemeenteRij>
  /** The coverage agreements of the jaar (per district, basisteam, gemeente), with their progress. */
  readonly dekking: ReadonlyArray<Progress.Progress>
  /** Gemeenten with at least one activity in the jaar. */
  readonly gemeentenMetActiviteit: number
}

const inJaar = (a: Activity.Activity, jaar: number): boolean => a.datum.startsWith(`${jaar}-`)

/**
 * Districts and gemeenten with coverage in `jaar`; unknown units read `onbekend`.
 *
 * @since 0.1.0
 * @category rules
 */
export const gebied = (model: Model, jaar: number, query: string): GebiedView => {
  const { regio, activiteiten } = model.dataset
  const ofYear = activiteiten.filter((a) => inJaar(a, jaar))
  const naamVan = (units: ReadonlyArray<{ id: string; naam: string }>, id: string | null) =>
    id === null ? "onbekend" : (units.find((u) => u.id === id)?.naam ?? id)
  const alle = [...regio.gemeenten]
    .sort((a, b) => a.naam.localeCompare(b.naam, "nl"))
    .map((gemeente): GemeenteRij => {
      const own = ofYear.filter((a) => a.gemeente === gemeente.code)
      return {
        gemeente,
        district: naamVan(regio.districten, gemeente.district),
        basisteam: naamVan(regio.basisteams, gemeente.basisteam),
        inwoners: Geography.inwonersOp(gemeente, model.peildatum) ?? null,
        activiteiten: own.length,
        riecCasussen: own.filter((a) => a.soort === "riec-casus").length
      }
    })
  const districten = regio.districten.map((district): DistrictRij => {
    const rijen = alle.filter((r) => r.gemeente.district === district.id)
    return {
      district,
      gemeenten: rijen.length,
      riecCasussen: rijen.reduce((n, r) => n + r.riecCasussen, 0),
      activiteiten: rijen.reduce((n, r) => n + r.activiteiten, 0)
    }
  })
  const year = model.perJaar.get(jaar)
  const dekking = (year?.progress ?? []).filter((p) => {
    const regel = indicatorVan(model, jaar, p.indicator)?.regel
    return (
      regel !== undefined &&
      (regel.soort === "dekking" || regel.soort === "aandeel") &&
      regel.niveau !== "kwartaal" &&
      regel.niveau !== "maand"
    )
  })
  return {
    districten,
    gemeenten: alle.filter((r) => matches(query, r.gemeente.naam, r.gemeente.code, r.district, r.basisteam)),
    dekking,
    gemeentenMetActiviteit: alle.filter((r) => r.activiteiten > 0).length
  }
}

// ---------------------------------------------------------------------------------------------------------
// Informatiebeeld
// ---------------------------------------------------------------------------------------------------------

/**
 * An entry of the gemeente picker; the region comes first.
 *
 * @since 0.1.0
 * @category models
 */
export interface GebiedKeuze {
  readonly gebied: Geography.Gebied
  readonly naam: string
  readonly code: string
  /** Registrations of exactly this area in the data (any period). */
  readonly registraties: number
}

/**
 * The region and its gemeenten, matching the search.
 *
 * @since 0.1.0
 * @category rules
 */
export const gebiedKeuzes = (model: Model, query: string): ReadonlyArray<GebiedKeuze> => {
  const { regio, registraties } = model.dataset
  const count = (code: string | null) =>
    registraties.filter((r) =>
      code === null ? r.gebied.niveau === "regio" : r.gebied.niveau === "gemeente" && r.gebied.code === code
    ).length
  const all: Array<GebiedKeuze> = [
    { gebied: Geography.regio, naam: `regio ${regio.naam}`, code: "regio", registraties: count(null) },
    ...[...regio.gemeenten]
      .sort((a, b) => a.naam.localeCompare(b.naam, "nl"))
      .map(
        (g): GebiedKeuze => ({
          gebied: { niveau: "gemeente", code: g.code },
          naam: g.naam,
          code: g.code,
          registraties: count(g.code)
        })
      )
  ]
  return all.filter((k) => matches(query, k.naam, k.code))
}

/**
 * The informatiebeeld of an area for a period, by the core rules.
 *
 * @since 0.1.0
 * @category rules
 */
export const informatiebeeld = (
  dataset: Dataset.Dataset,
  gebiedKeuze: Geography.Gebied,
  periode: Periode.Periode
): Informatiebeeld.Informatiebeeld =>
  Informatiebeeld.make({
    regio: dataset.regio,
    registraties: dataset.registraties,
    reeksbreuken: dataset.reeksbreuken,
    gebied: gebiedKeuze,
    periode
  })
