/**
 * The KPI dashboard workbook: every indicator of a year plan under its doel and baat, with baseline,
 * target, latest value and the verdict of `Status.ofYear` (the one every output renders).
 */
import { type Access, type Dataset, Din, type Indicator, Periode, Progress, Rollup, Status } from "@dvcc/core"
import type ExcelJS from "exceljs"
import {
  addRow,
  type Column,
  formats,
  header,
  lineCount,
  newWorkbook,
  sheetName,
  statusCell,
  table,
  titleBlock
} from "./sheet.ts"

export interface KpiInput {
  readonly dataset: Dataset.Dataset
  readonly jaar: number
  readonly peildatum: Periode.Datum
  /**
   * What the reader may see in detail (everything when absent): a count of the activity register names
   * only the activities it may see.
   */
  readonly zicht?: Access.Visibility
}

const columns: ReadonlyArray<Column> = [
  { header: "Strategisch doel", width: 22, wrap: true },
  { header: "Doel", width: 24, wrap: true },
  { header: "Indicator", width: 20, wrap: true },
  { header: "Omschrijving", width: 40, wrap: true },
  { header: "Eenheid", width: 14, wrap: true },
  { header: "Basiswaarde", width: 13 },
  { header: "Basisperiode", width: 13, center: true },
  { header: "Streefwaarde", width: 13 },
  { header: "Streefperiode", width: 14, center: true },
  { header: "Laatste waarde", width: 11 },
  { header: "Periode laatste waarde", width: 13, center: true },
  { header: "Stand op", width: 12, center: true },
  { header: "Status", width: 11, center: true },
  { header: "Uitleg", width: 60, wrap: true },
  { header: "Signaal (andere bron)", width: 40, wrap: true }
]

/** The KPI sheet's headers, in order. */
export const kpiHeaders: ReadonlyArray<string> = columns.map((c) => c.header)

const statusColumn = kpiHeaders.indexOf("Status") + 1

const baseline = (indicator: Indicator.Indicator): { waarde: number; periode: string } | null =>
  indicator.regel.soort === "traject"
    ? { waarde: indicator.regel.basis.waarde, periode: Periode.label(indicator.regel.basis.periode) }
    : null

const streefperiode = (indicator: Indicator.Indicator): string =>
  Periode.label(indicator.regel.soort === "traject" ? indicator.regel.doel.periode : indicator.regel.periode)

const numFmt = (eenheid: string, value: number): string =>
  eenheid === "%" ? formats.procent : Number.isInteger(value) ? formats.geheel : formats.decimaal

const setNumber = (cell: ExcelJS.Cell, value: number | null, eenheid: string): void => {
  if (value === null) return
  cell.value = value
  cell.numFmt = numFmt(eenheid, value)
}

const indicatorRow = (
  sheet: ExcelJS.Worksheet,
  program: Din.Program,
  indicator: Indicator.Indicator,
  progress: Progress.Progress
): void => {
  const baat = Din.baat(program, indicator.jaar, indicator.baat)
  const doel = Din.voorJaar(program, indicator.jaar)?.doelen.find((d) => d.id === baat?.doel)
  const basis = baseline(indicator)
  const row = addRow(
    sheet,
    [
      doel?.naam ?? null,
      baat === undefined ? indicator.baat : Rollup.baatTitel(baat),
      indicator.id,
      indicator.tekst,
      indicator.eenheid,
      null,
      basis?.periode ?? null,
      null,
      streefperiode(indicator),
      null,
      // Without a measurement the verdict's period is the rule's, not that of a latest value.
      progress.cijfers.gemeten === null || progress.cijfers.periode === null
        ? null
        : Periode.label(progress.cijfers.periode),
      progress.standOp === null ? null : Periode.datumLabel(progress.standOp),
      null,
      progress.uitleg,
      progress.signaal === null
        ? null
        : `[${Progress.statusLabel[progress.signaal.status]}] ${progress.signaal.uitleg}`
    ],
    columns
  )
  setNumber(row.getCell(6), basis?.waarde ?? null, indicator.eenheid)
  setNumber(row.getCell(8), progress.cijfers.doel, indicator.eenheid)
  setNumber(row.getCell(10), progress.cijfers.gemeten, indicator.eenheid)
  statusCell(row.getCell(statusColumn), progress.status, Progress.statusLabel[progress.status])
}

/**
 * The KPI workbook of one year plan on `peildatum`: a sheet `Indicatoren` with one row per indicator
 * (strategisch doel, doel, baseline, target, latest value, the date it stands on, status with fill colour
 * and text, the explanation of `dvcc status`), and one sheet per strategisch doel with its status, its
 * doelen's (baten) and their indicators. The title (first line) names the peildatum.
 *
 * @since 0.1.0
 * @category constructors
 */
export const kpiWorkbook = (input: KpiInput): ExcelJS.Workbook => {
  const { dataset, jaar, peildatum, zicht } = input
  const indicatoren = dataset.indicatoren.filter((i) => i.jaar === jaar)
  const { programma, indicatoren: progress } = Status.ofYear(dataset, jaar, peildatum, zicht)
  const byId = new Map(progress.map((p) => [p.indicator, p]))
  const program = dataset.program
  const titel = `KPI-dashboard jaarplan ${jaar} — peildatum ${Periode.datumLabel(peildatum)}`
  const workbook = newWorkbook(titel)
  const subtitel = [`${program.naam}, regio ${program.regio}`, `Programma: ${programma.uitleg}`]

  // Indicators in the order of the programme: per doel, per baat.
  const ordered = programma.doelen.flatMap((doel) =>
    doel.baten.flatMap((baat) => indicatoren.filter((i) => i.baat === baat.baat))
  )
  const rest = indicatoren.filter((i) => !ordered.includes(i))

  const overzicht = workbook.addWorksheet("Indicatoren", { properties: { tabColor: { argb: "FF1F4E79" } } })
  table(overzicht, titel, subtitel, columns)
  for (const indicator of [...ordered, ...rest]) {
    const p = byId.get(indicator.id)
    if (p !== undefined) indicatorRow(overzicht, program, indicator, p)
  }

  programma.doelen.forEach((doel, d) => {
    const sheet = workbook.addWorksheet(sheetName(`Strategisch doel ${d + 1} ${doel.naam}`))
    let row = titleBlock(sheet, `${Rollup.doelTitel(doel)} — peildatum ${Periode.datumLabel(peildatum)}`, [
      `Jaarplan ${jaar}`
    ])
    // The doel and its baten above the table, each with its status written out and coloured.
    const summary: ReadonlyArray<readonly [string, string, Progress.Status, string]> = [
      ["Strategisch doel", doel.naam, doel.status, doel.uitleg],
      ...doel.baten.map(
        (baat) =>
          [
            `Doel ${Din.baat(program, jaar, baat.baat)?.nummer ?? ""}`.trim(),
            baat.naam,
            baat.status,
            baat.uitleg
          ] as const
      )
    ]
    for (const [soort, naam, status, uitleg] of summary) {
      sheet.getCell(row, 1).value = soort
      sheet.getCell(row, 1).font = { bold: true }
      sheet.getCell(row, 1).alignment = { vertical: "top" }
      sheet.getCell(row, 2).value = naam
      sheet.getCell(row, 2).alignment = { vertical: "top", wrapText: true }
      statusCell(sheet.getCell(row, 3), status, Progress.statusLabel[status])
      sheet.getCell(row, 4).value = uitleg
      sheet.getCell(row, 4).alignment = { vertical: "top", wrapText: true }
      sheet.mergeCells(row, 4, row, 14)
      // Merged cells do not grow with their text: give the row room for the explanation.
      sheet.getRow(row).height = Math.max(lineCount(naam, 24), lineCount(uitleg, 190)) * 15 + 2
      row++
    }
    header(sheet, row + 1, columns)
    for (const baat of doel.baten) {
      for (const indicator of indicatoren.filter((i) => i.baat === baat.baat)) {
        const p = byId.get(indicator.id)
        if (p !== undefined) indicatorRow(sheet, program, indicator, p)
      }
    }
  })
  return workbook
}
