/**
 * What leaves the system as Excel: the empty district template, the KPI dashboard, the informatiebeeld
 * per gemeente, all data in the import format, the year plan's actions, and the programme (DIN, year plans,
 * indicators) as the workbook `dvcc import` reads back. Each export is a plain
 * function from core data to an exceljs workbook; `write` turns a workbook into an .xlsx file.
 *
 * @since 0.1.0
 */
import { mkdir, writeFile } from "node:fs/promises"
import { dirname } from "node:path"
import { Effect, Schema } from "effect"
import ExcelJS from "exceljs"
import { bytes } from "./internal/sheet.ts"

export {
  type DataCounts,
  type DataInput,
  dataLosses,
  dataRows,
  dataWorkbook
} from "./internal/data.ts"
export { describeGemeenten, findGemeente, type Lookup } from "./internal/gemeente.ts"
export {
  type InformatiebeeldInput,
  informatiebeeldBestand,
  informatiebeeldHeaders,
  informatiebeeldWorkbook,
  informatiebeeldWorkbooks,
  nietGepubliceerd,
  publicatieVan,
  regioBeeld,
  relevant
} from "./internal/informatiebeeld.ts"
export { jaarplanHeaders, jaarplanWorkbook } from "./internal/jaarplan.ts"
export { type KpiInput, kpiHeaders, kpiWorkbook } from "./internal/kpi.ts"
export { programmaPerioden, programmaWorkbook } from "./internal/programma.ts"
export { formats, statusKleur } from "./internal/sheet.ts"
export { lijstenSheet, templateRows, templateSheets, templateWorkbook } from "./internal/template.ts"

/**
 * The output file exists; it is only overwritten on request.
 *
 * @since 0.1.0
 * @category errors
 */
export class FileExists extends Schema.TaggedError<FileExists>()("FileExists", {
  file: Schema.String
}) {
  override get message() {
    return `${this.file} bestaat al: kies een andere bestandsnaam, of gebruik --force om het te overschrijven.`
  }
}

/**
 * The workbook could not be written (a folder that cannot be created, no permission, a full disk).
 *
 * @since 0.1.0
 * @category errors
 */
export class WriteFailed extends Schema.TaggedError<WriteFailed>()("WriteFailed", {
  file: Schema.String,
  reason: Schema.String
}) {
  override get message() {
    return `${this.file} kon niet worden geschreven: ${this.reason}.`
  }
}

/**
 * The workbook as the bytes of an .xlsx file.
 *
 * @since 0.1.0
 * @category conversions
 */
export const toBytes = (workbook: ExcelJS.Workbook): Effect.Effect<Uint8Array, WriteFailed> =>
  Effect.tryPromise({
    try: () => bytes(workbook),
    catch: (error) => new WriteFailed({ file: "(werkmap)", reason: String(error) })
  })

/**
 * Writes `workbook` to `file`, creating its folder; an existing file is refused unless `force`. Returns
 * the number of bytes written.
 *
 * @since 0.1.0
 * @category io
 */
export const write = Effect.fn("Export.write")(function* (
  workbook: ExcelJS.Workbook,
  file: string,
  options: { readonly force: boolean }
) {
  const data = yield* toBytes(workbook)
  yield* Effect.tryPromise({
    try: async () => {
      await mkdir(dirname(file), { recursive: true })
      // `wx` refuses an existing file in the same system call that creates it: no check-then-write race.
      await writeFile(file, data, { flag: options.force ? "w" : "wx" })
    },
    catch: (error) =>
      (error as { code?: string }).code === "EEXIST"
        ? new FileExists({ file })
        : new WriteFailed({ file, reason: (error as Error).message })
  })
  return data.byteLength
})

/**
 * Reads an .xlsx file into an exceljs workbook: for checks of what an export wrote.
 *
 * @since 0.1.0
 * @category io
 */
export const load = async (file: string): Promise<ExcelJS.Workbook> => {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  return workbook
}
