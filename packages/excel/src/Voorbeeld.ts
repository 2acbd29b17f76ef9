/**
 * The example district workbook (`examples/voorbeeld-district.xlsx`): every sheet kind filled for a few
 * gemeenten with fictitious figures, marked as such in its title, its sheets and its file name. Built
 * deterministically, so `node examples/voorbeeld-district.ts` regenerates the same content. Never loaded
 * by default.
 *
 * @since 0.1.0
 */
import type { Geography } from "@dvcc/core"
import ExcelJS from "exceljs"
import { activiteiten, gebieden, labelOf, metingen, registraties, type Sheet, sheets } from "./Contract.ts"

/**
 * Rows of one sheet: a title block (optional) and the data rows, each value in the column of its field.
 *
 * @since 0.1.0
 * @category models
 */
export type Rows = ReadonlyArray<Readonly<Record<string, ExcelJS.CellValue | undefined>>>

/**
 * The title every sheet of the example carries.
 *
 * @since 0.1.0
 * @category constants
 */
export const titel = "Voorbeeld district — fictieve voorbeelddata, geen echte cijfers"

/**
 * A workbook of contract sheets: per sheet a title row, an empty row, the header and the rows, with the
 * contract's number formats and widths.
 *
 * @since 0.1.0
 * @category constructors
 */
export const contractWorkbook = async (
  content: ReadonlyArray<{ readonly sheet: Sheet; readonly rows: Rows }>,
  options: { readonly title?: string | undefined } = {}
): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = "dvcc"
  // Fixed dates keep a regenerated example the same.
  workbook.created = new Date(Date.UTC(2025, 0, 1))
  workbook.modified = new Date(Date.UTC(2025, 0, 1))
  if (options.title !== undefined) workbook.title = options.title
  for (const { sheet, rows } of content) {
    const worksheet = workbook.addWorksheet(sheet.name)
    if (options.title !== undefined) {
      worksheet.addRow([options.title]).font = { bold: true, size: 14 }
      worksheet.addRow([])
    }
    worksheet.addRow(sheet.columns.map((c) => c.header)).font = { bold: true }
    sheet.columns.forEach((column, i) => {
      const col = worksheet.getColumn(i + 1)
      col.width = column.width
      if (column.numFmt !== undefined) col.numFmt = column.numFmt
    })
    for (const row of rows) worksheet.addRow(sheet.columns.map((c) => row[c.field] ?? null))
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** Small deterministic pseudo-random numbers (a linear congruential generator), so the example never changes. */
const generator = (seed: number) => {
  let state = seed
  return (max: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state % max
  }
}

const excelDate = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day))

/**
 * The example workbook for four gemeenten of `regio` (the first four, or those named).
 *
 * @since 0.1.0
 * @category constructors
 */
export const workbook = (
  regio: Geography.Regio,
  namen: ReadonlyArray<string> = ["Utrecht", "Amersfoort", "Zeist", "De Bilt"]
): Promise<Buffer> => {
  const random = generator(2025)
  const gemeenten = namen
    .map((naam) => regio.gemeenten.find((g) => g.naam === naam))
    .filter((g): g is Geography.Gemeente => g !== undefined)
  const chosen = gemeenten.length > 0 ? gemeenten : regio.gemeenten.slice(0, 4)
  const soorten = [
    "kennisbijeenkomst",
    "echt-nep-bijeenkomst",
    "huisbezoek",
    "riec-casus",
    "bakfiets-inzet"
  ] as const
  const doelgroepen = ["senioren", "jeugd", "mkb", "inwoners", undefined] as const
  const activiteitRows: Rows = chosen.flatMap((g, gi) =>
    soorten.map((soort, si) => ({
      datum: excelDate(2025, 1 + ((gi * 3 + si * 2) % 12), 1 + ((gi * 7 + si * 5) % 27)),
      gemeente: g.naam,
      soort: labelOf("activiteitSoort", soort),
      actie: 1 + ((gi + si) % 8),
      doelgroep: doelgroepen[si] === undefined ? undefined : labelOf("doelgroep", doelgroepen[si] as string),
      // A RIEC case reaches no audience: left empty (unknown), not 0.
      bereik: soort === "riec-casus" ? undefined : 10 + random(190),
      omschrijving: `Fictieve ${labelOf("activiteitSoort", soort)} in ${g.naam}`
    }))
  )
  const delicten = ["phishing", "aan-en-verkoopfraude", "bankhelpdeskfraude"] as const
  const registratieRows: Rows = chosen.flatMap((g) =>
    ([1, 2, 3, 4] as const).flatMap((q) =>
      delicten.map((delict) => ({
        periode: `2025-Q${q}`,
        gebied: g.naam,
        delict: labelOf("delict", delict),
        aangiften: 5 + random(60),
        meldingen: 10 + random(120),
        slachtoffers: delict === "bankhelpdeskfraude" ? undefined : 3 + random(50),
        schade: 1000 + random(250_000) + random(100) / 100
      }))
    )
  )
  const metingRows: Rows = [
    {
      indicator: "kennisbijeenkomsten",
      periode: "2025",
      gebied: "regio",
      waarde: 24,
      // Both agreements count activities: their source is the activity register.
      bron: labelOf("bron", "activiteitenregister"),
      toelichting: "Fictief: aantal kennisbijeenkomsten in de regio"
    },
    ...chosen.map((g, i) => ({
      indicator: "huisbezoeken",
      periode: "2025-Q2",
      gebied: g.naam,
      waarde: 4 + i * 3,
      bron: labelOf("bron", "activiteitenregister"),
      toelichting: "Fictief"
    }))
  ]
  const gebiedRows: Rows = chosen.map((g, i) => ({
    gemeente: g.naam,
    district: "Voorbeelddistrict",
    basisteam: `Voorbeeldteam ${i < 2 ? "Noord" : "Zuid"}`,
    inwoners: 20_000 + random(300_000),
    peildatum: excelDate(2025, 1, 1)
  }))
  return contractWorkbook(
    [
      { sheet: activiteiten, rows: activiteitRows },
      { sheet: registraties, rows: registratieRows },
      { sheet: metingen, rows: metingRows },
      { sheet: gebieden, rows: gebiedRows }
    ],
    { title: titel }
  )
}

/**
 * @since 0.1.0
 * @category constants
 */
export const sheetNames: ReadonlyArray<string> = sheets.map((s) => s.name)
