/**
 * The empty district workbook: every sheet kind of the contract with its headers as the importer reads
 * them, an instructions sheet, dropdowns for gemeente, activity type, delict, doelgroep, bron and the
 * indicator ids of the year plans (their
 * lists on a hidden sheet), and the contract's number and date formats.
 */
import type { Geography, Indicator } from "@dvcc/core"
import type ExcelJS from "exceljs"
import * as Contract from "../../Contract.ts"
import { addRow, type Column, header, newWorkbook, printSetup, table } from "./sheet.ts"

/** The visible sheets of the template, in order. */
export const templateSheets: ReadonlyArray<string> = ["Instructies", ...Contract.sheets.map((s) => s.name)]

/** Rows the template prepares (formats and dropdowns); people can add more below. */
export const templateRows = 1000

/** The hidden sheet with the dropdown lists. Its headers match no contract column, so no importer reads it. */
export const lijstenSheet = "Lijsten"

interface Lijst {
  readonly header: string
  readonly values: ReadonlyArray<string>
}

type LijstNaam = "gemeente" | "eenheid" | "indicator" | Contract.LabelListName

const lijsten = (
  regio: Geography.Regio,
  indicatoren: ReadonlyArray<Pick<Indicator.Indicator, "id">>
): Record<LijstNaam, Lijst> => ({
  indicator: { header: "Monitoringsafspraken", values: [...new Set(indicatoren.map((i) => i.id))].sort() },
  gemeente: { header: "Gemeenten", values: regio.gemeenten.map((g) => g.naam) },
  eenheid: {
    header: "Eenheden",
    values: [
      "regio",
      ...regio.districten.map((d) => `district ${d.naam}`),
      ...regio.gemeenten.map((g) => g.naam)
    ]
  },
  activiteitSoort: { header: "Soorten activiteit", values: Contract.activiteitSoorten.map((l) => l.label) },
  delict: { header: "Delicten", values: Contract.delicten.map((l) => l.label) },
  doelgroep: { header: "Doelgroepen", values: Contract.doelgroepen.map((l) => l.label) },
  bron: { header: "Bronnen", values: Contract.bronnen.map((l) => l.label) }
})

const kolomLetter = (n: number): string => {
  let s = ""
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s
  return s
}

/** Which list a contract column takes its dropdown from, if any. */
const lijstVan = (column: Contract.Column): LijstNaam | undefined =>
  column.field === "indicator"
    ? "indicator"
    : column.type === "gemeente"
      ? "gemeente"
      : column.type === "eenheid"
        ? "eenheid"
        : column.type === "label"
          ? column.labels
          : undefined

const validatie = (
  column: Contract.Column,
  formule: string | undefined
): ExcelJS.DataValidation | undefined => {
  if (formule !== undefined) {
    // A gemeente or label outside the list is refused; an eenheid may also be a district or basisteam, and
    // an indicator id may be one a later year plan adds.
    const streng = column.type !== "eenheid" && column.field !== "indicator"
    return {
      type: "list",
      allowBlank: !column.required,
      formulae: [formule],
      showErrorMessage: true,
      errorStyle: streng ? "stop" : "warning",
      errorTitle: column.header,
      error: streng
        ? `Kies een waarde uit de lijst (${column.header}).`
        : column.field === "indicator"
          ? "Geen indicator uit de jaarplannen: klopt de id?"
          : `Geen gemeente of regio uit de lijst: klopt ${column.header}?`,
      showInputMessage: true,
      promptTitle: column.header,
      prompt: column.uitleg.slice(0, 255)
    }
  }
  switch (column.type) {
    case "date":
      return {
        type: "date",
        operator: "greaterThan",
        allowBlank: !column.required,
        formulae: [new Date(Date.UTC(1999, 11, 31))],
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: column.header,
        error: "Vul een datum in, bijvoorbeeld 3-2-2025.",
        showInputMessage: true,
        promptTitle: column.header,
        prompt: column.uitleg.slice(0, 255)
      }
    case "integer":
      return {
        type: "whole",
        operator: "greaterThanOrEqual",
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: column.header,
        error: "Vul een geheel getal van 0 of meer in; laat de cel leeg als het onbekend is.",
        showInputMessage: true,
        promptTitle: column.header,
        prompt: column.uitleg.slice(0, 255)
      }
    case "money":
    case "number":
      return {
        type: "decimal",
        operator: "greaterThanOrEqual",
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: column.header,
        error: "Vul een getal van 0 of meer in; laat de cel leeg als het onbekend is.",
        showInputMessage: true,
        promptTitle: column.header,
        prompt: column.uitleg.slice(0, 255)
      }
    default:
      return undefined
  }
}

/** The contract's columns as sheet columns (header, width, number format). */
export const contractColumns = (sheet: Contract.Sheet): ReadonlyArray<Column> =>
  sheet.columns.map((c) => ({
    header: c.header,
    width: c.width,
    ...(c.numFmt === undefined ? {} : { numFmt: c.numFmt }),
    ...(c.type === "text" ? { wrap: true } : {})
  }))

/** Adds one contract sheet with its header in row 1, frozen, filtered and set up for printing. */
export const contractSheet = (workbook: ExcelJS.Workbook, sheet: Contract.Sheet): ExcelJS.Worksheet => {
  const worksheet = workbook.addWorksheet(sheet.name)
  header(worksheet, 1, contractColumns(sheet))
  return worksheet
}

/**
 * The empty district workbook for `regio`: an `Instructies` sheet (Dutch), one sheet per contract kind
 * with dropdowns and formats on the first `templateRows` rows, and the hidden `Lijsten` sheet.
 *
 * @since 0.1.0
 * @category constructors
 */
export const templateWorkbook = (
  regio: Geography.Regio,
  indicatoren: ReadonlyArray<Pick<Indicator.Indicator, "id">> = []
): ExcelJS.Workbook => {
  const workbook = newWorkbook(`Invulbestand district — regio ${regio.naam}`)
  const instructies = workbook.addWorksheet("Instructies", { properties: { tabColor: { argb: "FF1F4E79" } } })
  const lijstData = lijsten(regio, indicatoren)

  const instructieColumns: ReadonlyArray<Column> = [
    { header: "Blad", width: 16 },
    { header: "Kolom", width: 34 },
    { header: "Wat vult u in?", width: 100, wrap: true }
  ]
  table(
    instructies,
    `Invulbestand voor de regio ${regio.naam}`,
    [
      "Vul per blad één rij per activiteit, registratie, meting of gemeente in en importeer het bestand met: dvcc import BESTAND.",
      "Kies gemeente, activiteit, delict, doelgroep en bron uit de keuzelijst. Laat een cel leeg als de waarde onbekend is: leeg is onbekend, nooit 0.",
      "Bladen die u niet gebruikt mag u leeg laten of verwijderen. Extra kolommen worden genegeerd (met een waarschuwing); rijen die met 'Totaal' beginnen worden overgeslagen.",
      "Getallen zoals u ze in Excel typt (1.234,56; € 1.300.000; 16,9%) en datums als 3-2-2025 (dag eerst) worden herkend."
    ],
    instructieColumns
  )
  for (const sheet of Contract.sheets) {
    const kop = addRow(instructies, [sheet.name, null, sheet.uitleg], instructieColumns)
    kop.font = { bold: true }
    for (const column of sheet.columns) {
      // Never the bare header in a cell: the importer would take this row for a header row.
      const verplicht = column.required
        ? "verplicht"
        : sheet.atLeastOne.includes(column.field)
          ? `minstens één van ${sheet.atLeastOne.length}`
          : "optioneel"
      const row = addRow(
        instructies,
        [
          null,
          `${column.header} (${verplicht})`,
          `${column.uitleg}${column.aliases.length > 0 ? ` Ook herkend als kolomkop: ${column.aliases.join(", ")}.` : ""}`
        ],
        instructieColumns
      )
      row.getCell(2).font = { bold: column.required }
    }
  }

  // Short lists go into the validation itself; long ones (the gemeenten) on the hidden sheet. A label list
  // on a sheet would put labels such as "inwoners" in cells, which the importer could take for a header.
  const alleNamen = Object.keys(lijstData) as Array<keyof typeof lijstData>
  const inline = (naam: keyof typeof lijstData): string | undefined => {
    const values = lijstData[naam].values
    const literal = `"${values.join(",")}"`
    return values.some((v) => v.includes(",") || v.includes('"')) || literal.length > 255
      ? undefined
      : literal
  }
  const lijstNamen = alleNamen.filter((naam) => inline(naam) === undefined)
  const formules = new Map<string, string>(
    alleNamen.map((naam) => {
      const literal = inline(naam)
      if (literal !== undefined) return [naam, literal]
      const letter = kolomLetter(lijstNamen.indexOf(naam) + 1)
      return [naam, `${lijstenSheet}!$${letter}$2:$${letter}$${lijstData[naam].values.length + 1}`]
    })
  )

  for (const sheet of Contract.sheets) {
    const worksheet = contractSheet(workbook, sheet)
    sheet.columns.forEach((column, c) => {
      const lijst = lijstVan(column)
      const leeg = lijst === undefined || lijstData[lijst].values.length === 0
      const dv = validatie(column, leeg ? undefined : formules.get(lijst))
      for (let r = 2; r <= templateRows + 1; r++) {
        const cell = worksheet.getCell(r, c + 1)
        if (column.numFmt !== undefined) cell.numFmt = column.numFmt
        if (dv !== undefined) cell.dataValidation = dv
      }
    })
  }

  const lijstenWorksheet = workbook.addWorksheet(lijstenSheet, { state: "hidden" })
  lijstNamen.forEach((naam, i) => {
    const lijst = lijstData[naam]
    lijstenWorksheet.getCell(1, i + 1).value = lijst.header
    lijstenWorksheet.getCell(1, i + 1).font = { bold: true }
    lijstenWorksheet.getColumn(i + 1).width = 36
    lijst.values.forEach((v, r) => {
      lijstenWorksheet.getCell(r + 2, i + 1).value = v
    })
  })
  printSetup(lijstenWorksheet)
  return workbook
}
