/**
 * The programme workbook: the DIN of one strategy period, its year plans with their acties and the
 * indicatoren with their rules, as a programme advisor edits them and `dvcc import` reads them back
 * (`internal/programma.ts` holds the contract both follow).
 */
import { type Dataset, Din, type Indicator } from "@dvcc/core"
import type ExcelJS from "exceljs"
import {
  type ProgrammaColumn,
  type ProgrammaSheet,
  programmaVelden,
  regelKolommen,
  sheets
} from "../../internal/programma.ts"
import { addRow, type Column, excelDatum, formats, newWorkbook, table } from "./sheet.ts"

const asColumns = (spec: ProgrammaSheet): ReadonlyArray<Column> =>
  spec.columns.map((c) => ({ header: c.header, width: c.width, ...(c.wrap === true ? { wrap: true } : {}) }))

const lines = (items: ReadonlyArray<string>): string | null => (items.length === 0 ? null : items.join("\n"))

/** The rule's fields in the Indicatoren sheet's rule columns, by header. */
const regelCells = (regel: Indicator.Regel): Record<string, string | number> => {
  switch (regel.soort) {
    case "traject":
      return {
        "Basis periode": regel.basis.periode,
        "Basis waarde": regel.basis.waarde,
        "Doel periode": regel.doel.periode,
        "Doel waarde": regel.doel.waarde,
        Tolerantie: regel.tolerantie
      }
    case "minimum-aantal":
      return { Periode: regel.periode, Minimum: regel.minimum }
    case "gemiddeld-per-maand":
      return { Periode: regel.periode, "Per maand": regel.perMaand }
    case "dekking":
      return { Periode: regel.periode, Niveau: regel.niveau, "Minimum per eenheid": regel.minimumPerEenheid }
    case "groei":
      return { Periode: regel.periode, "Groei %": regel.groeiPercentage }
    case "mijlpalen":
      return {
        Periode: regel.periode,
        Mijlpalen: regel.mijlpalen.map((m) => `${m.id}: ${m.tekst}`).join("\n")
      }
    case "aandeel":
      return { Periode: regel.periode, Niveau: regel.niveau, "Minimum aandeel %": regel.minimumAandeel }
  }
}

/**
 * The strategy periods a workbook can be asked for, as `2023–2026` labels.
 *
 * @since 0.3.0
 * @category getters
 */
export const programmaPerioden = (program: Din.Program): ReadonlyArray<string> =>
  program.strategieperioden.map((d) => Din.looptijdLabel(d.looptijd))

/**
 * The programme workbook of strategy period `looptijd` (default: the last): sheets Programma, Doelen, Baten,
 * Inspanningen, Netwerk, Jaarplannen, Acties, Indicatoren and a Toelichting explaining every column, with
 * the allowed values as dropdowns (a hidden sheet Lijsten). `undefined` when no period has that looptijd.
 *
 * @since 0.3.0
 * @category constructors
 */
export const programmaWorkbook = (
  dataset: Dataset.Dataset,
  looptijd?: Din.Looptijd
): ExcelJS.Workbook | undefined => {
  const perioden = dataset.program.strategieperioden
  const din =
    looptijd === undefined
      ? perioden[perioden.length - 1]
      : perioden.find((d) => d.looptijd.van === looptijd.van && d.looptijd.tot === looptijd.tot)
  if (din === undefined) return undefined
  const label = Din.looptijdLabel(din.looptijd)
  const inPeriode = (jaar: number) => din.looptijd.van <= jaar && jaar <= din.looptijd.tot
  const workbook = newWorkbook(`${dataset.program.naam}: programma ${label}`)
  const subtitel = [`${dataset.program.naam}, ${dataset.program.regio}; strategieperiode ${label}`]

  const programma = workbook.addWorksheet(sheets.programma.name)
  const programmaColumns = asColumns(sheets.programma)
  table(programma, `Programma ${label}`, subtitel, programmaColumns)
  const waarden: Record<(typeof programmaVelden)[number]["veld"], string | number | null> = {
    Naam: dataset.program.naam,
    Regio: dataset.program.regio,
    "Looptijd van": din.looptijd.van,
    "Looptijd tot": din.looptijd.tot,
    Ambitie: din.ambitie,
    Werkwijze: din.werkwijze,
    Strategie: lines(din.strategie),
    Randvoorwaarden: lines(din.randvoorwaarden),
    Herkomst: `${din.herkomst.document}; ${din.herkomst.sectie}`
  }
  for (const veld of programmaVelden) {
    const row = addRow(programma, [veld.veld, waarden[veld.veld]], programmaColumns)
    row.getCell(1).font = { bold: true }
  }

  const sheet = (
    spec: ProgrammaSheet,
    rows: ReadonlyArray<ReadonlyArray<ExcelJS.CellValue | undefined>>
  ): ExcelJS.Worksheet => {
    const ws = workbook.addWorksheet(spec.name)
    const columns = asColumns(spec)
    const header = table(ws, `${spec.name} ${label}`, [spec.beschrijving], columns)
    for (const values of rows) addRow(ws, values, columns)
    // Dropdowns for the columns with a list, down to row 1000 (room to add rows).
    spec.columns.forEach((column: ProgrammaColumn, i) => {
      if (column.list === undefined) return
      const range = lijstRange(column)
      for (let r = header + 1; r <= Math.max(header + rows.length + 200, 1000); r++) {
        ws.getCell(r, i + 1).dataValidation = {
          type: "list",
          allowBlank: column.required !== true,
          formulae: [range],
          showErrorMessage: true,
          errorStyle: "warning",
          errorTitle: column.header,
          error: `Kies een waarde uit de lijst: ${column.list.join(", ")}.`
        }
      }
    })
    return ws
  }

  // The hidden sheet of lists the dropdowns refer to.
  const lijsten: Array<ProgrammaColumn> = []
  const lijstRange = (column: ProgrammaColumn): string => {
    let index = lijsten.findIndex((c) => c.header === column.header)
    if (index === -1) {
      lijsten.push(column)
      index = lijsten.length - 1
    }
    const letter = String.fromCharCode(65 + index)
    return `Lijsten!$${letter}$2:$${letter}$${(column.list?.length ?? 0) + 1}`
  }

  sheet(
    sheets.doelen,
    din.doelen.map((d) => [d.id, d.naam, d.voorganger])
  )
  sheet(
    sheets.baten,
    [...din.baten]
      .sort((a, b) => a.nummer - b.nummer)
      .map((b) => [b.id, b.nummer, b.naam, b.doel, b.voorganger])
  )
  sheet(
    sheets.inspanningen,
    din.inspanningen.map((x) => [x.id, x.naam, lines(x.resultaten)])
  )
  sheet(
    sheets.netwerk,
    din.netwerk.map((a) => [a.partij, a.naam, lines(a.rollen)])
  )
  const plannen = dataset.jaarplannen.filter((p) => inPeriode(p.jaar)).sort((a, b) => a.jaar - b.jaar)
  const jaarplannen = sheet(
    sheets.jaarplannen,
    plannen.map((p) => [p.jaar, p.titel, excelDatum(p.datum), p.documentStatus])
  )
  jaarplannen.getColumn(3).numFmt = formats.datum
  sheet(
    sheets.acties,
    plannen.flatMap((p) =>
      [...p.acties]
        .sort((a, b) => a.nummer - b.nummer)
        .map((a) => [
          a.jaar,
          a.nummer,
          a.id,
          a.titel,
          a.doel,
          a.baten.join(", ") || null,
          a.coordinatie.join(", ") || null,
          a.inSamenwerkingMet.join(", ") || null,
          lines(a.outputs),
          lines(a.aandachtspunten),
          a.voorganger === null ? null : `${a.voorganger.jaar}/${a.voorganger.id}`
        ])
    )
  )
  const headers = sheets.indicatoren.columns.map((c) => c.header)
  const indicatoren = sheet(
    sheets.indicatoren,
    dataset.indicatoren
      .filter((i) => inPeriode(i.jaar))
      .sort((a, b) => a.jaar - b.jaar || a.id.localeCompare(b.id))
      .map((i) => {
        const cells: Record<string, ExcelJS.CellValue | undefined> = {
          Jaar: i.jaar,
          Id: i.id,
          Baat: i.baat,
          Tekst: i.tekst,
          Eenheid: i.eenheid,
          Richting: i.richting,
          Schaal: i.schaal,
          Bron: i.bron,
          "Verwacht op": i.verwachtOp === null ? null : excelDatum(i.verwachtOp),
          Ritme: i.ritme,
          Vertraging: i.vertraging,
          Telling: i.telling?.activiteit,
          Acties: i.acties.join(", ") || null,
          Voorganger: i.voorganger === null ? null : `${i.voorganger.jaar}/${i.voorganger.id}`,
          Regel: i.regel.soort,
          ...regelCells(i.regel)
        }
        return headers.map((h) => cells[h])
      })
  )
  indicatoren.getColumn(headers.indexOf("Verwacht op") + 1).numFmt = formats.datum

  const toelichting = workbook.addWorksheet("Toelichting")
  const uitlegColumns: ReadonlyArray<Column> = [
    { header: "Blad", width: 16 },
    { header: "Kolom", width: 22, wrap: true },
    { header: "Verplicht", width: 10 },
    { header: "Uitleg", width: 100, wrap: true }
  ]
  table(
    toelichting,
    `Toelichting bij de programmawerkmap ${label}`,
    [
      "Pas de bladen aan en lees de werkmap in met dvcc import (eerst met --dry-run). Een probleem wordt gemeld met blad en cel; dan wordt niets opgeslagen.",
      "Een nieuwe strategieperiode: zet in blad Programma een looptijd na de laatste (bijvoorbeeld 2027 tot 2030), pas de DIN aan en vul Voorganger bij de baten die doorlopen."
    ],
    uitlegColumns
  )
  for (const veld of programmaVelden)
    addRow(toelichting, ["Programma", veld.veld, "", veld.uitleg], uitlegColumns)
  for (const spec of [
    sheets.doelen,
    sheets.baten,
    sheets.inspanningen,
    sheets.netwerk,
    sheets.jaarplannen,
    sheets.acties,
    sheets.indicatoren
  ]) {
    addRow(toelichting, [spec.name, "", "", spec.beschrijving], uitlegColumns).font = { bold: true }
    for (const column of spec.columns) {
      addRow(
        toelichting,
        [
          spec.name,
          column.header,
          column.required === true ? "ja" : "",
          column.list === undefined ? column.uitleg : `${column.uitleg} Een van: ${column.list.join(", ")}.`
        ],
        uitlegColumns
      )
    }
  }
  addRow(
    toelichting,
    ["Indicatoren", "Regels", "", "Welke regelkolommen elke regel vraagt:"],
    uitlegColumns
  ).font = { bold: true }
  for (const [soort, kolommen] of Object.entries(regelKolommen))
    addRow(toelichting, ["Indicatoren", soort, "", kolommen.join(", ")], uitlegColumns)

  const lijstenSheet = workbook.addWorksheet("Lijsten", { state: "hidden" })
  lijsten.forEach((column, i) => {
    lijstenSheet.getCell(1, i + 1).value = column.header
    column.list?.forEach((value, r) => {
      lijstenSheet.getCell(r + 2, i + 1).value = value
    })
  })
  return workbook
}
