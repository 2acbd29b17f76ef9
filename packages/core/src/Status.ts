/**
 * The KPI status of the programme per year plan: the computed progress of every indicator and its
 * roll-up to baat, doel and programme. `dvcc status --json`, `GET /api/v1/voortgang` and the exports all
 * encode this one report.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import type { Visibility } from "./Access.ts"
import type { Dataset } from "./Dataset.ts"
import { voorJaar } from "./Din.ts"
import { Datum } from "./Periode.ts"
import { evaluateAll, Progress } from "./Progress.ts"
import { ProgrammaVoortgang, rollUp } from "./Rollup.ts"

/**
 * @since 0.1.0
 * @category models
 */
export const YearStatus = Schema.Struct({
  jaar: Schema.Int,
  programma: ProgrammaVoortgang,
  indicatoren: Schema.Array(Progress)
}).annotate({ identifier: "JaarVoortgang" })

/**
 * @since 0.1.0
 * @category models
 */
export type YearStatus = typeof YearStatus.Type

/**
 * @since 0.1.0
 * @category models
 */
export const StatusReport = Schema.Struct({
  peildatum: Datum,
  jaren: Schema.Array(YearStatus)
}).annotate({ identifier: "StatusReport" })

/**
 * @since 0.1.0
 * @category models
 */
export type StatusReport = typeof StatusReport.Type

/** A year without a DIN (no jaarplan holds it) rolls up to nothing. */
const geenBaten = { doelen: [], baten: [] }

/**
 * The progress of the indicators of `jaren` on `peildatum`, and per year its roll-up: the one place every
 * output (CLI, API, workbook, report, dashboard) gets its verdicts from, so they cannot disagree. The
 * dataset's activity register comes along for indicators counted from it. `zicht` is what the reader may
 * see in detail (everything when absent): the verdicts are the same for every reader, but the register's
 * counts name only the activities the reader may see (`Progress.Context.zicht`).
 *
 * @since 0.1.0
 * @category rules
 */
export const make = (
  dataset: Dataset,
  peildatum: Datum,
  jaren: ReadonlyArray<number>,
  zicht?: Visibility
): StatusReport => {
  const progress = evaluateAll(
    dataset.indicatoren.filter((i) => jaren.includes(i.jaar)),
    dataset.metingen,
    { peildatum, regio: dataset.regio, activiteiten: dataset.activiteiten, zicht }
  )
  return {
    peildatum,
    jaren: jaren.map((jaar) => ({
      jaar,
      // Each year under the DIN of its own strategy period, also after a new period began.
      programma: rollUp(voorJaar(dataset.program, jaar) ?? geenBaten, jaar, peildatum, progress),
      indicatoren: progress.filter((p) => p.jaar === jaar)
    }))
  }
}

/**
 * `make`, computed once per dataset object, date, years and sight. A dataset is immutable: adapters that
 * keep one object while the data does not change (the API's `ProgramCache`) get the same report for every
 * reader of the same sight without computing it again; the API's JSON and the web pages share it. At most
 * 32 reports per dataset are kept; the dataset's are dropped with it.
 *
 * @since 0.2.0
 * @category rules
 */
export const cached = (
  dataset: Dataset,
  peildatum: Datum,
  jaren: ReadonlyArray<number>,
  zicht?: Visibility
): StatusReport => {
  let perDataset = reports.get(dataset)
  if (perDataset === undefined) {
    perDataset = new Map()
    reports.set(dataset, perDataset)
  }
  // Readers of different sight get different explanations: the sight is part of the key.
  const sight =
    zicht === undefined || zicht.kind === "alles" ? "alles" : [...zicht.gemeenten].sort().join(",")
  const key = `${peildatum}/${jaren.join(",")}/${sight}`
  let report = perDataset.get(key)
  if (report === undefined) {
    report = make(dataset, peildatum, jaren, zicht)
    if (perDataset.size >= 32) perDataset.clear()
    perDataset.set(key, report)
  }
  return report
}

const reports = new WeakMap<Dataset, Map<string, StatusReport>>()

/**
 * The progress of one year plan on `peildatum`, as `make` computes it.
 *
 * @since 0.2.0
 * @category rules
 */
export const ofYear = (dataset: Dataset, jaar: number, peildatum: Datum, zicht?: Visibility): YearStatus =>
  make(dataset, peildatum, [jaar], zicht).jaren[0] as YearStatus
