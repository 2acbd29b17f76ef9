/**
 * Every activity, registration, measurement and geography row of a dataset in exactly the import format
 * of the workbook contract: the backup a district keeps, and the way to move data between databases.
 */
import { type Dataset, Periode } from "@dvcc/core"
import type ExcelJS from "exceljs"
import * as Contract from "../../Contract.ts"
import * as Afspraken from "../../internal/afspraken.ts"
import { excelDatum, newWorkbook } from "./sheet.ts"
import { contractColumns, contractSheet } from "./template.ts"

export interface DataInput {
  readonly dataset: Dataset.Dataset
  /** Only this year: activities dated in it, registrations of its periods, measurements of its year plan. */
  readonly jaar?: number | undefined
}

type Rij = Readonly<Record<string, ExcelJS.CellValue | undefined>>

/** Writes the rows of one contract sheet, each value in the column of its field. */
const vul = (workbook: ExcelJS.Workbook, sheet: Contract.Sheet, rijen: ReadonlyArray<Rij>): void => {
  const worksheet = contractSheet(workbook, sheet)
  const columns = contractColumns(sheet)
  for (const rij of rijen) {
    const row = worksheet.addRow(sheet.columns.map((c) => rij[c.field] ?? null))
    columns.forEach((column, i) => {
      if (column.numFmt !== undefined) row.getCell(i + 1).numFmt = column.numFmt
    })
  }
}

/** The counts of the rows per sheet kind, for messages. */
export interface DataCounts {
  readonly activiteiten: number
  readonly registraties: number
  readonly metingen: number
  readonly gebieden: number
}

/**
 * The rows `dataWorkbook` writes, per sheet kind.
 *
 * @since 0.1.0
 * @category constructors
 */
export const dataRows = (input: DataInput): Record<Contract.SheetKind, ReadonlyArray<Rij>> => {
  const { dataset, jaar } = input
  const regio = dataset.regio
  const naam = (code: string | null): string | null =>
    code === null ? null : (regio.gemeenten.find((g) => g.code === code)?.naam ?? code)
  const inJaar = (j: number) => jaar === undefined || j === jaar

  const activiteiten = dataset.activiteiten
    .filter((a) => inJaar(Number(a.datum.slice(0, 4))))
    .map(
      (a): Rij => ({
        datum: excelDatum(a.datum),
        gemeente: naam(a.gemeente),
        soort: Contract.labelOf("activiteitSoort", a.soort),
        actie: a.actie,
        doelgroep: a.doelgroep === undefined ? undefined : Contract.labelOf("doelgroep", a.doelgroep),
        bereik: a.bereik,
        omschrijving: a.omschrijving,
        informatiebeeld: a.bespreking?.informatiebeeld,
        deelnemers:
          a.bespreking === undefined || a.bespreking.deelnemers.length === 0
            ? undefined
            : Afspraken.formatDeelnemers(a.bespreking.deelnemers),
        afspraken:
          a.bespreking === undefined || a.bespreking.afspraken.length === 0
            ? undefined
            : Afspraken.formatAfspraken(a.bespreking.afspraken)
      })
    )
  const registraties = dataset.registraties
    .filter((r) => inJaar(Periode.jaarVan(r.periode)))
    .map(
      (r): Rij => ({
        periode: r.periode,
        gebied: Contract.gebiedLabel(regio, r.gebied),
        delict: Contract.labelOf("delict", r.delict),
        aangiften: r.aangiften,
        meldingen: r.meldingen,
        slachtoffers: r.slachtoffers,
        schade: r.schade === null ? null : r.schade / 100
      })
    )
  const metingen = dataset.metingen
    .filter((m) => inJaar(m.jaar))
    .map(
      (m): Rij => ({
        indicator: m.indicator,
        periode: m.periode,
        gebied: Contract.gebiedLabel(regio, m.gebied),
        waarde: m.waarde,
        mijlpaal: m.mijlpaal,
        peildatum: m.peildatum === undefined ? undefined : excelDatum(m.peildatum),
        bron: Contract.labelOf("bron", m.bron),
        toelichting: m.toelichting
      })
    )
  const gebieden = regio.gemeenten.flatMap((g): Array<Rij> => {
    const district = regio.districten.find((d) => d.id === g.district)?.naam ?? null
    const basisteam = regio.basisteams.find((b) => b.id === g.basisteam)?.naam ?? null
    if (g.inwoners.length === 0) {
      return district === null && basisteam === null ? [] : [{ gemeente: g.naam, district, basisteam }]
    }
    return [...g.inwoners]
      .sort((a, b) => a.peildatum.localeCompare(b.peildatum))
      .map((t) => ({
        gemeente: g.naam,
        district,
        basisteam,
        inwoners: t.aantal,
        peildatum: excelDatum(t.peildatum)
      }))
  })
  return { activiteiten, registraties, metingen, gebieden }
}

/**
 * What the import format cannot carry for the records `dataWorkbook` writes, in Dutch, one line per kind
 * of loss (empty when nothing is lost): the workbook is then not a complete copy, and the user is told.
 *
 * @since 0.1.0
 * @category rules
 */
export const dataLosses = (input: DataInput): ReadonlyArray<string> => {
  const { dataset, jaar } = input
  const inJaar = (j: number) => jaar === undefined || j === jaar
  const activiteiten = dataset.activiteiten.filter((a) => inJaar(Number(a.datum.slice(0, 4))))
  const registraties = dataset.registraties.filter((r) => inJaar(Periode.jaarVan(r.periode)))
  const metingen = dataset.metingen.filter((m) => inJaar(m.jaar))
  const lines: Array<string> = []
  const count = (n: number, text: string) => {
    if (n > 0) lines.push(`${n} ${text}`)
  }
  count(
    activiteiten.filter((a) => a.gemeente === null).length,
    "activiteiten zonder gemeente: de kolom Gemeente blijft leeg en de import weigert die rijen tot er een gemeente is ingevuld"
  )
  count(
    activiteiten.filter((a) =>
      [
        ...(a.bespreking?.deelnemers ?? []),
        ...(a.bespreking?.afspraken ?? []).flatMap((x) => [x.wat, x.wie])
      ].some((t) => t.includes(";"))
    ).length,
    "besprekingen met een puntkomma in een deelnemer of afspraak: die wordt een komma, omdat de cel afspraken en deelnemers met ; scheidt"
  )
  count(
    registraties.filter((r) => r.kwalificaties !== undefined && Object.keys(r.kwalificaties).length > 0)
      .length,
    "registraties met een ondergrens of bovengrens (zoals 'ruim 5.500'): het getal staat erin, de kwalificatie niet"
  )
  count(
    metingen.filter((m) => m.kwalificatie !== undefined).length,
    "metingen met een kwalificatie (zoals 'meer dan'): het getal staat erin, de kwalificatie niet"
  )
  return lines
}

/**
 * The dataset's rows in the four contract sheets (headers in row 1, in contract order, labels as users
 * see them, money in euros, dates as Excel dates), so `dvcc import` reads the file back.
 *
 * @since 0.1.0
 * @category constructors
 */
export const dataWorkbook = (input: DataInput): { workbook: ExcelJS.Workbook; counts: DataCounts } => {
  const rows = dataRows(input)
  const workbook = newWorkbook(
    `Gegevens regio ${input.dataset.regio.naam}${input.jaar === undefined ? "" : ` ${input.jaar}`}`
  )
  for (const sheet of Contract.sheets) vul(workbook, sheet, rows[sheet.kind])
  return {
    workbook,
    counts: {
      activiteiten: rows.activiteiten.length,
      registraties: rows.registraties.length,
      metingen: rows.metingen.length,
      gebieden: rows.gebieden.length
    }
  }
}
