/**
 * The KPI status of the programme per year plan: the computed progress of every indicator and its
 * roll-up to baat, doel and programme. `dvcc status --json`, `GET /api/v1/voortgang` and the exports all
 * encode this one report.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
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
 * dataset's activity register comes along for indicators counted from it.
 *
 * @since 0.1.0
 * @category rules
 */
export const make = (dataset: Dataset, peildatum: Datum, jaren: ReadonlyArray<number>): StatusReport => {
  const progress = evaluateAll(
    dataset.indicatoren.filter((i) => jaren.includes(i.jaar)),
    dataset.metingen,
    { peildatum, regio: dataset.regio, activiteiten: dataset.activiteiten }
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
 * The progress of one year plan on `peildatum`, as `make` computes it.
 *
 * @since 0.2.0
 * @category rules
 */
export const ofYear = (dataset: Dataset, jaar: number, peildatum: Datum): YearStatus =>
  make(dataset, peildatum, [jaar]).jaren[0] as YearStatus
