/**
 * The year plan's actions as a workbook: one row per action with all its fields.
 */
import { Bron, Din, Jaarplan, Periode, Rollup } from "@dvcc/core"
import type ExcelJS from "exceljs"
import { addRow, type Column, newWorkbook, table } from "./sheet.ts"

const columns: ReadonlyArray<Column> = [
  { header: "Nummer", width: 8 },
  { header: "Id", width: 16, wrap: true },
  { header: "Titel", width: 30, wrap: true },
  { header: "Status", width: 16, wrap: true },
  { header: "Operationele doelen", width: 24, wrap: true },
  { header: "Coördinatie", width: 18, wrap: true },
  { header: "In samenwerking met", width: 22, wrap: true },
  { header: "Doel", width: 44, wrap: true },
  { header: "Outputs", width: 40, wrap: true },
  { header: "Beoogde resultaten", width: 40, wrap: true },
  { header: "Indicatoren", width: 16, wrap: true },
  { header: "Aandachtspunten", width: 36, wrap: true },
  { header: "Voorganger", width: 14, wrap: true },
  { header: "Herkomst", width: 28, wrap: true }
]

/** The Acties sheet's headers, in order. */
export const jaarplanHeaders: ReadonlyArray<string> = columns.map((c) => c.header)

/** Items one per line, each with a bullet, as people list them in a cell. */
const lijst = (items: ReadonlyArray<string>): string | null =>
  items.length === 0 ? null : items.map((item) => `• ${item}`).join("\n")

/**
 * The year plan `plan` as a workbook: a sheet `Acties` with every action and its fields, and a sheet
 * `Jaarplan` with the plan's own text (situation, focus, the explanation per baat).
 *
 * @since 0.1.0
 * @category constructors
 */
export const jaarplanWorkbook = (program: Din.Program, plan: Jaarplan.Jaarplan): ExcelJS.Workbook => {
  const workbook = newWorkbook(`Jaarplan ${plan.jaar}`)
  const acties = workbook.addWorksheet("Acties")
  table(
    acties,
    `${plan.titel} — acties`,
    [`${program.naam}; document van ${Periode.datumLabel(plan.datum)} (${plan.documentStatus})`],
    columns
  )
  const baatLabel = (id: string): string => {
    const baat = Din.baat(program, plan.jaar, id)
    return baat === undefined ? id : Rollup.baatTitel(baat)
  }
  for (const actie of [...plan.acties].sort((a, b) => a.nummer - b.nummer)) {
    addRow(
      acties,
      [
        actie.nummer,
        actie.id,
        actie.titel,
        Jaarplan.statusLabel(actie.status),
        lijst(actie.baten.map(baatLabel)),
        actie.coordinatie.join(", ") || null,
        actie.inSamenwerkingMet.join(", ") || null,
        actie.doel,
        lijst(actie.outputs),
        lijst(actie.beoogdeResultaten.map((r) => r.tekst)),
        actie.beoogdeResultaten.flatMap((r) => (r.indicator === undefined ? [] : [r.indicator])).join(", ") ||
          null,
        lijst(actie.aandachtspunten),
        actie.voorganger === null ? null : `${actie.voorganger.jaar}/${actie.voorganger.id}`,
        Bron.herkomstLabel(actie.herkomst)
      ],
      columns
    )
  }

  const tekst = workbook.addWorksheet("Jaarplan")
  const tekstColumns: ReadonlyArray<Column> = [
    { header: "Onderdeel", width: 26, wrap: true },
    { header: "Tekst", width: 120, wrap: true }
  ]
  table(tekst, plan.titel, [`Herkomst: ${Bron.herkomstLabel(plan.herkomst)}`], tekstColumns)
  for (const alinea of plan.situatie) addRow(tekst, ["Wat is er aan de hand?", alinea], tekstColumns)
  for (const alinea of plan.focus) addRow(tekst, ["Focus", alinea], tekstColumns)
  for (const b of plan.batenToelichting) addRow(tekst, [baatLabel(b.baat), b.tekst], tekstColumns)
  return workbook
}
