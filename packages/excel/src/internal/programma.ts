/**
 * The programme workbook (`dvcc export programma`): the DIN of one strategy period, its year plans with their
 * acties, and the indicatoren with their rules, one sheet per kind, as a programme advisor edits them. This
 * module holds both halves of its contract: the sheets and columns (which the export writes and the
 * Toelichting explains), and reading a workbook back into the records the store writes.
 *
 * Reading is forgiving to people (headers in any case and order, Dutch numbers, lists one per line or
 * separated by commas, an empty cell for "none") and strict on data: every record is decoded through the
 * core schemas, and the programme as it would be after the import is decoded as a whole `Dataset`, so a
 * reference to a doel, baat or actie that does not exist is a problem of the cell that names it.
 */
import { Activity, Bron, Dataset, Din, type Indicator, type Jaarplan } from "@dvcc/core"
import { Result, Schema, SchemaIssue } from "effect"
import { matchKey } from "../Contract.ts"
import { type Cell, display, isEmpty, parseDatum, parseDutchNumber, parsePeriode } from "../Values.ts"
import { defaultLimits, LimitExceeded, type Limits } from "./fileCheck.ts"
import type { Problem, Warning } from "./parse.ts"
import { readSheets } from "./reader.ts"
import { XlsxFile } from "./xlsxStream.ts"

/** The sheet that marks a workbook as the programme workbook. */
export const marker = "Programma"

export interface ProgrammaColumn {
  readonly header: string
  readonly width: number
  readonly required?: boolean
  /** The allowed values (a data validation in the export). */
  readonly list?: ReadonlyArray<string>
  /** Long text or a list one item per line. */
  readonly wrap?: boolean
  readonly uitleg: string
}

export interface ProgrammaSheet {
  readonly name: string
  readonly beschrijving: string
  readonly columns: ReadonlyArray<ProgrammaColumn>
}

export const regelSoorten: ReadonlyArray<Indicator.RegelSoort> = [
  "traject",
  "minimum-aantal",
  "gemiddeld-per-maand",
  "dekking",
  "groei",
  "mijlpalen",
  "aandeel"
]

const niveaus = ["district", "basisteam", "gemeente", "kwartaal", "maand"]

/** The rows of the Programma sheet (`Veld`, `Waarde`). */
export const programmaVelden = [
  { veld: "Naam", uitleg: "Naam van het programma." },
  { veld: "Regio", uitleg: "De regio van het programma." },
  { veld: "Looptijd van", uitleg: "Eerste jaar van de strategieperiode, bijvoorbeeld 2027." },
  {
    veld: "Looptijd tot",
    uitleg: "Laatste jaar van de strategieperiode (dat jaar telt mee), bijvoorbeeld 2030."
  },
  { veld: "Ambitie", uitleg: "De ambitie van de DIN." },
  { veld: "Werkwijze", uitleg: "De werkwijze van het programma." },
  { veld: "Strategie", uitleg: "De strategie, één punt per regel (Alt+Enter)." },
  { veld: "Randvoorwaarden", uitleg: "De randvoorwaarden, één per regel (Alt+Enter)." },
  {
    veld: "Herkomst",
    uitleg: "Het document en de sectie waar deze DIN vandaan komt, als ‘document; sectie’."
  }
] as const

export const sheets: {
  readonly programma: ProgrammaSheet
  readonly doelen: ProgrammaSheet
  readonly baten: ProgrammaSheet
  readonly inspanningen: ProgrammaSheet
  readonly netwerk: ProgrammaSheet
  readonly jaarplannen: ProgrammaSheet
  readonly acties: ProgrammaSheet
  readonly indicatoren: ProgrammaSheet
} = {
  programma: {
    name: "Programma",
    beschrijving:
      "De strategieperiode: één rij per veld. Een looptijd die al bestaat vervangt de DIN van die periode; een looptijd na de laatste legt een nieuwe strategieperiode vast.",
    columns: [
      { header: "Veld", width: 20, required: true, uitleg: "Naam van het veld (laat staan)." },
      { header: "Waarde", width: 100, wrap: true, required: true, uitleg: "De waarde van het veld." }
    ]
  },
  doelen: {
    name: "Doelen",
    beschrijving: "Eén rij per strategisch doel van de DIN.",
    columns: [
      {
        header: "Id",
        width: 18,
        required: true,
        uitleg: "Id van het doel: kleine letters, cijfers en streepjes (voorkomen)."
      },
      { header: "Naam", width: 60, wrap: true, required: true, uitleg: "Naam van het doel." },
      {
        header: "Voorganger",
        width: 18,
        uitleg:
          "Alleen in een latere strategieperiode: het id van het doel uit de vorige DIN dat dit doel voortzet."
      }
    ]
  },
  baten: {
    name: "Baten",
    beschrijving: "Eén rij per baat (operationeel doel) met zijn nummer en het doel waaronder hij valt.",
    columns: [
      { header: "Id", width: 18, required: true, uitleg: "Id van de baat (baat-1, weerbaarheid)." },
      {
        header: "Nummer",
        width: 9,
        required: true,
        uitleg: "Nummer van de baat in het jaarplan (‘Doel 1’): uniek."
      },
      { header: "Naam", width: 60, wrap: true, required: true, uitleg: "Naam van de baat." },
      {
        header: "Doel",
        width: 18,
        required: true,
        uitleg: "Id van het doel (blad Doelen) waaronder de baat valt."
      },
      {
        header: "Voorganger",
        width: 18,
        uitleg:
          "Alleen in een latere strategieperiode: het id van de baat uit de vorige DIN die deze voortzet; leeg voor een nieuwe baat. Acties en indicatoren van een baat zonder opvolger gaan niet mee naar de nieuwe periode."
      }
    ]
  },
  inspanningen: {
    name: "Inspanningen",
    beschrijving: "Eén rij per inspanning (cluster van inzet) met de resultaten die ze oplevert.",
    columns: [
      { header: "Id", width: 18, required: true, uitleg: "Id van de inspanning (communicatie)." },
      { header: "Naam", width: 40, wrap: true, required: true, uitleg: "Naam van de inspanning." },
      { header: "Resultaten", width: 70, wrap: true, uitleg: "De resultaten, één per regel (Alt+Enter)." }
    ]
  },
  netwerk: {
    name: "Netwerk",
    beschrijving: "Eén rij per partij in het netwerk met haar rollen.",
    columns: [
      { header: "Partij", width: 18, required: true, uitleg: "Id van de partij (politie, om, gemeenten)." },
      { header: "Naam", width: 36, wrap: true, required: true, uitleg: "Naam van de partij." },
      { header: "Rollen", width: 70, wrap: true, uitleg: "De rollen, één per regel (Alt+Enter)." }
    ]
  },
  jaarplannen: {
    name: "Jaarplannen",
    beschrijving: "Eén rij per jaarplan van de strategieperiode.",
    columns: [
      { header: "Jaar", width: 8, required: true, uitleg: "Jaar van het jaarplan; binnen de looptijd." },
      { header: "Titel", width: 40, wrap: true, required: true, uitleg: "Titel van het jaarplan." },
      {
        header: "Datum",
        width: 12,
        required: true,
        uitleg: "Datum van het document, bijvoorbeeld 15-1-2027."
      },
      {
        header: "Documentstatus",
        width: 16,
        required: true,
        uitleg: "Status van het document (concept, vastgesteld)."
      }
    ]
  },
  acties: {
    name: "Acties",
    beschrijving:
      "Eén rij per actie van een jaarplan. Een actie die niet in het blad staat, blijft zoals ze was; de status, beoogde resultaten en herkomst van een bestaande actie blijven bewaard.",
    columns: [
      { header: "Jaar", width: 8, required: true, uitleg: "Jaar van het jaarplan (blad Jaarplannen)." },
      {
        header: "Nummer",
        width: 9,
        required: true,
        uitleg: "Nummer van de actie in het jaarplan: uniek per jaar."
      },
      { header: "Id", width: 18, required: true, uitleg: "Id van de actie: blijft gelijk over de jaren." },
      { header: "Titel", width: 40, wrap: true, required: true, uitleg: "Titel van de actie." },
      { header: "Doel", width: 50, wrap: true, required: true, uitleg: "Wat de actie wil bereiken." },
      {
        header: "Baten",
        width: 22,
        wrap: true,
        uitleg:
          "Ids van de baten (blad Baten) waaraan de actie bijdraagt, gescheiden door komma's of één per regel."
      },
      { header: "Coördinatie", width: 22, wrap: true, uitleg: "Wie coördineert, gescheiden door komma's." },
      {
        header: "In samenwerking met",
        width: 24,
        wrap: true,
        uitleg: "Met wie, gescheiden door komma's."
      },
      { header: "Outputs", width: 40, wrap: true, uitleg: "De outputs, één per regel (Alt+Enter)." },
      {
        header: "Aandachtspunten",
        width: 36,
        wrap: true,
        uitleg: "De aandachtspunten, één per regel (Alt+Enter)."
      },
      {
        header: "Voorganger",
        width: 16,
        uitleg: "De actie van een eerder jaar die deze voortzet, als jaar/id (2026/actie-3)."
      }
    ]
  },
  indicatoren: {
    name: "Indicatoren",
    beschrijving:
      "Eén rij per indicator (monitoringsafspraak) met zijn regel: kies de Regel en vul de kolommen van die regel in (zie hieronder); de andere regelkolommen blijven leeg.",
    columns: [
      { header: "Jaar", width: 8, required: true, uitleg: "Jaar van het jaarplan (blad Jaarplannen)." },
      {
        header: "Id",
        width: 18,
        required: true,
        uitleg: "Id van de indicator: blijft gelijk over de jaren."
      },
      {
        header: "Baat",
        width: 16,
        required: true,
        uitleg: "Id van de baat (blad Baten) die de indicator meet."
      },
      {
        header: "Tekst",
        width: 50,
        wrap: true,
        required: true,
        uitleg: "De afspraak zoals het jaarplan hem schrijft."
      },
      {
        header: "Eenheid",
        width: 18,
        required: true,
        uitleg: "Wat geteld of gemeten wordt (kennisbijeenkomsten, %)."
      },
      {
        header: "Richting",
        width: 10,
        required: true,
        list: ["hoger", "lager"],
        uitleg: "Is hoger of lager beter."
      },
      {
        header: "Schaal",
        width: 12,
        required: true,
        list: ["regio", "district", "basisteam", "gemeente"],
        uitleg: "Het niveau waarop gemeten wordt."
      },
      {
        header: "Bron",
        width: 22,
        required: true,
        list: Bron.Bron.literals,
        uitleg: "De officiële bron van de cijfers."
      },
      {
        header: "Verwacht op",
        width: 12,
        uitleg: "Wanneer de officiële cijfers verwacht worden (datum); leeg: onbekend."
      },
      {
        header: "Ritme",
        width: 10,
        list: ["maand", "kwartaal", "jaar"],
        uitleg: "Hoe vaak een cijfer komt; leeg: volgens de periode van de regel."
      },
      {
        header: "Vertraging",
        width: 11,
        uitleg: "Maanden na een periode voor het cijfer er is (0 tot 36); leeg: volgens de bron."
      },
      {
        header: "Telling",
        width: 22,
        list: Activity.ActiviteitSoort.literals,
        uitleg:
          "Alleen voor een telling uit het activiteitenregister: de soort activiteit die telt (dan is de bron activiteitenregister)."
      },
      {
        header: "Acties",
        width: 12,
        uitleg: "Nummers van de acties van het jaarplan die eraan bijdragen, gescheiden door komma's."
      },
      {
        header: "Voorganger",
        width: 16,
        uitleg: "De indicator van een eerder jaar die deze voortzet, als jaar/id (2026/kennisbijeenkomsten)."
      },
      {
        header: "Regel",
        width: 20,
        required: true,
        list: regelSoorten,
        uitleg: "Hoe metingen tot voortgang leiden (zie de regels hieronder)."
      },
      {
        header: "Periode",
        width: 11,
        uitleg: "De periode die de regel beoordeelt (2027, 2027-Q2); niet bij traject."
      },
      { header: "Basis periode", width: 11, uitleg: "traject: de periode van de nulmeting." },
      { header: "Basis waarde", width: 11, uitleg: "traject: de waarde van de nulmeting." },
      { header: "Doel periode", width: 11, uitleg: "traject: de periode van de streefwaarde." },
      { header: "Doel waarde", width: 11, uitleg: "traject: de streefwaarde." },
      {
        header: "Tolerantie",
        width: 11,
        uitleg: "traject: hoeveel (in de eenheid) achter het pad nog ‘aandacht’ is."
      },
      { header: "Minimum", width: 10, uitleg: "minimum-aantal: minstens zoveel in de periode." },
      { header: "Per maand", width: 10, uitleg: "gemiddeld-per-maand: gemiddeld zoveel per maand." },
      {
        header: "Niveau",
        width: 12,
        list: niveaus,
        uitleg:
          "dekking en aandeel: de eenheden (district, basisteam, gemeente; bij dekking ook kwartaal, maand)."
      },
      { header: "Minimum per eenheid", width: 12, uitleg: "dekking: minstens zoveel in elke eenheid." },
      { header: "Groei %", width: 10, uitleg: "groei: minstens zoveel procent meer dan de vorige periode." },
      { header: "Minimum aandeel %", width: 12, uitleg: "aandeel: meer dan zoveel procent van de eenheden." },
      {
        header: "Mijlpalen",
        width: 40,
        wrap: true,
        uitleg: "mijlpalen: één mijlpaal per regel, als ‘id: tekst’ (m1: geformuleerd)."
      }
    ]
  }
}

/** The sheets of the programme workbook, as `SheetReport.kind` names them. */
export type ProgrammaSheetKind = keyof typeof sheets

/** Which rule columns each kind of rule needs. */
export const regelKolommen: Record<Indicator.RegelSoort, ReadonlyArray<string>> = {
  traject: ["Basis periode", "Basis waarde", "Doel periode", "Doel waarde", "Tolerantie"],
  "minimum-aantal": ["Minimum", "Periode"],
  "gemiddeld-per-maand": ["Per maand", "Periode"],
  dekking: ["Niveau", "Minimum per eenheid", "Periode"],
  groei: ["Groei %", "Periode"],
  mijlpalen: ["Mijlpalen", "Periode"],
  aandeel: ["Niveau", "Minimum aandeel %", "Periode"]
}

/** What a programme workbook brings, ready for the store (`Plans.importProgramma`). */
export interface ProgrammaRecords {
  readonly program: Din.Program
  /** The looptijd of the workbook's strategy period, and whether the database did not hold it yet. */
  readonly looptijd: Din.Looptijd
  readonly nieuw: boolean
  readonly jaarplannen: ReadonlyArray<Omit<Jaarplan.Jaarplan, "acties">>
  readonly acties: ReadonlyArray<Jaarplan.Actie>
  readonly indicatoren: ReadonlyArray<Indicator.Indicator>
  /** The workbook row of each record, by `entity:key` (`acties:2027/actie-3`). */
  readonly rows: ReadonlyMap<string, { readonly sheet: string; readonly row: number }>
}

export interface ProgrammaRead {
  readonly sheets: ReadonlyArray<{
    readonly name: string
    readonly kind: ProgrammaSheetKind | null
    readonly rows: number
  }>
  /** Rows with a problem, per sheet. */
  readonly rejected: ReadonlyMap<string, number>
  /** The first problems (`maxProblems`); `problemCount` counts them all. */
  readonly problems: ReadonlyArray<Problem>
  readonly problemCount: number
  readonly warnings: ReadonlyArray<Warning>
  readonly records: ProgrammaRecords | undefined
}

/**
 * Most data rows of all sheets of a programme workbook together: a programme's DIN, year plans and
 * indicators are hundreds of rows; the whole is decoded at once, so its size is bounded.
 */
export const maxProgrammaRows = 10_000

/** Whether the workbook is a programme workbook: it has a sheet named `Programma`. */
export const isProgrammaWorkbook = (bytes: Buffer): boolean => {
  try {
    const xml = new XlsxFile(bytes).text("xl/workbook.xml") ?? ""
    return /<(?:\w+:)?sheet\b[^>]*\sname="Programma"/i.test(xml)
  } catch {
    return false
  }
}

const letter = (index: number): string => {
  let n = index + 1
  let out = ""
  while (n > 0) {
    const r = (n - 1) % 26
    out = String.fromCharCode(65 + r) + out
    n = Math.floor((n - 1) / 26)
  }
  return out
}

interface SheetData {
  readonly name: string
  readonly header: number
  /** Column index by header (as the contract names it). */
  readonly columns: ReadonlyMap<string, number>
  readonly rows: ReadonlyArray<{ readonly number: number; readonly cells: ReadonlyArray<Cell> }>
}

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

/** The items of a list cell: one per line, or separated by `separator`; bullets dropped. */
const items = (cell: Cell, separator: RegExp | undefined): Array<string> => {
  if (isEmpty(cell)) return []
  const raw = cell._tag === "text" ? cell.value : display(cell)
  return raw
    .split(/\r?\n/)
    .flatMap((line) => (separator === undefined ? [line] : line.split(separator)))
    .map((item) => display({ _tag: "text", value: item.replace(/^\s*[•·*-]\s+/, "") }))
    .filter((item) => item !== "")
}

/**
 * Reads a programme workbook against `dataset` (what the database holds): the records the store writes, or
 * the problems at their cells. Nothing is read into the records when any problem is found.
 */
export const readProgramma = async (
  bytes: Buffer,
  dataset: Dataset.Dataset,
  options: { readonly limits?: Limits | undefined; readonly maxProblems?: number | undefined } = {}
): Promise<ProgrammaRead> => {
  const problems: Array<Problem> = []
  const warnings: Array<Warning> = []
  const rejected = new Map<string, number>()
  const rejectedRows = new Set<string>()
  const problem = (
    sheet: string,
    row: number,
    column: string,
    columnIndex: number | undefined,
    value: string,
    code: string,
    expected: string,
    issue: string
  ) => {
    const ref = columnIndex === undefined ? `${row}:${row}` : `${letter(columnIndex)}${row}`
    const cel = columnIndex === undefined ? `rij ${row}` : `cel ${ref}`
    problems.push({
      sheet,
      cell: `${sheet}!${ref}`,
      row,
      column,
      value,
      expected,
      code,
      message: `blad ${sheet}, ${cel} (${column}): ${issue}`
    })
    if (!rejectedRows.has(`${sheet}\u0000${row}`)) {
      rejectedRows.add(`${sheet}\u0000${row}`)
      rejected.set(sheet, (rejected.get(sheet) ?? 0) + 1)
    }
  }

  const found = new Map<string, SheetData>()
  const listed: Array<{ name: string; kind: ProgrammaSheetKind | null; rows: number }> = []
  const kinds = Object.entries(sheets) as Array<[keyof typeof sheets, ProgrammaSheet]>
  let total = 0
  for await (const sheet of readSheets(bytes, { limits: options.limits ?? defaultLimits })) {
    const rows: Array<{ number: number; cells: ReadonlyArray<Cell> }> = []
    for await (const row of sheet.rows) {
      rows.push({ number: row.number, cells: row.cells })
      if (++total > maxProgrammaRows)
        throw new LimitExceeded(
          "te-veel-rijen",
          `De programmawerkmap heeft meer dan ${maxProgrammaRows.toLocaleString("nl-NL")} rijen (bij blad ${sheet.name}, rij ${row.number}); een programma heeft er honderden.`
        )
    }
    const kind = kinds.find(([, spec]) => matchKey(spec.name) === matchKey(sheet.name))
    if (kind === undefined) {
      if (
        !sheet.hidden &&
        !/^(toelichting|instructies|uitleg|handleiding|leesmij)/.test(matchKey(sheet.name))
      )
        warnings.push({
          sheet: sheet.name,
          cell: sheet.name,
          code: "onbekend-blad",
          message: `Blad ${sheet.name} hoort niet bij de programmawerkmap en is overgeslagen.`
        } as Warning)
      continue
    }
    const spec = kind[1]
    const headerRow = rows
      .slice(0, 30)
      .find((r) => r.cells.some((c) => matchKey(display(c)) === matchKey(spec.columns[0]?.header ?? "")))
    if (headerRow === undefined) {
      problem(
        spec.name,
        1,
        spec.columns[0]?.header ?? "",
        undefined,
        "",
        "geen-kopregel",
        "een kopregel",
        `geen kopregel met ${spec.columns.map((c) => c.header).join(", ")}`
      )
      listed.push({ name: sheet.name, kind: kind[0], rows: 0 })
      continue
    }
    const columns = new Map<string, number>()
    headerRow.cells.forEach((c, i) => {
      const col = spec.columns.find((x) => matchKey(x.header) === matchKey(display(c)))
      if (col !== undefined && !columns.has(col.header)) columns.set(col.header, i)
    })
    for (const col of spec.columns) {
      if (col.required === true && !columns.has(col.header))
        problem(
          spec.name,
          headerRow.number,
          col.header,
          undefined,
          "",
          "kolom-ontbreekt",
          col.header,
          `de kolom ${col.header} ontbreekt`
        )
    }
    const data = rows.filter((r) => r.number > headerRow.number && r.cells.some((c) => !isEmpty(c)))
    found.set(kind[0], { name: sheet.name, header: headerRow.number, columns, rows: data })
    listed.push({ name: sheet.name, kind: kind[0], rows: data.length })
  }
  const result = (records: ProgrammaRecords | undefined): ProgrammaRead => ({
    sheets: listed,
    rejected,
    problems: problems.slice(0, options.maxProblems ?? 1000),
    problemCount: problems.length,
    warnings,
    records: problems.length === 0 ? records : undefined
  })
  for (const name of ["programma", "doelen", "baten"] as const) {
    if (!found.has(name))
      problem(
        sheets[name].name,
        1,
        "",
        undefined,
        "",
        "blad-ontbreekt",
        `een blad ${sheets[name].name}`,
        `het blad ${sheets[name].name} ontbreekt`
      )
  }
  if (problems.length > 0) return result(undefined)

  /** A reader of one data row of a sheet. */
  const rowReader = (key: keyof typeof sheets, row: { number: number; cells: ReadonlyArray<Cell> }) => {
    const sheet = found.get(key) as SheetData
    const cellOf = (header: string): Cell => {
      const index = sheet.columns.get(header)
      return index === undefined ? { _tag: "empty" } : (row.cells[index] ?? { _tag: "empty" })
    }
    const fail = (header: string, code: string, expected: string, issue: string) =>
      problem(
        sheet.name,
        row.number,
        header,
        sheet.columns.get(header),
        display(cellOf(header)),
        code,
        expected,
        issue
      )
    const text = (header: string): string | undefined => {
      const cell = cellOf(header)
      if (isEmpty(cell)) {
        const required = sheets[key].columns.find((c) => c.header === header)?.required === true
        if (required) fail(header, "verplicht", header, "verplicht, maar leeg")
        return undefined
      }
      if (cell._tag === "error") {
        fail(header, "formulefout", "een waarde", `de cel bevat een fout (${cell.value})`)
        return undefined
      }
      const value = display(cell)
      if (value.length > 1000) {
        fail(
          header,
          "te-lang",
          "hoogstens 1.000 tekens",
          `de tekst is ${value.length} tekens lang; de grens is 1.000`
        )
        return undefined
      }
      return value
    }
    const number = (header: string, integer: boolean): number | undefined => {
      const cell = cellOf(header)
      if (isEmpty(cell)) {
        text(header) // a problem when the column is required
        return undefined
      }
      const n =
        cell._tag === "number"
          ? { value: cell.percent ? Number((cell.value * 100).toFixed(10)) : cell.value }
          : cell._tag === "text"
            ? parseDutchNumber(cell.value)
            : undefined
      if (n === undefined) {
        fail(
          header,
          "geen-getal",
          integer ? "een geheel getal" : "een getal",
          `"${display(cell)}" is geen getal`
        )
        return undefined
      }
      if (integer && !Number.isInteger(n.value)) {
        fail(header, "geen-geheel-getal", "een geheel getal", `${display(cell)} is geen geheel getal`)
        return undefined
      }
      return n.value
    }
    const listed = (header: string): string | undefined => {
      const value = text(header)
      if (value === undefined) return undefined
      const allowed = sheets[key].columns.find((c) => c.header === header)?.list ?? []
      const hit = allowed.find((a: string) => matchKey(a) === matchKey(value))
      if (hit === undefined) {
        fail(
          header,
          "onbekend-label",
          `een van: ${allowed.join(", ")}`,
          `"${value}" staat niet in de lijst (${allowed.join(", ")})`
        )
        return undefined
      }
      return hit
    }
    const ref = (header: string): { jaar: number; id: string } | null | undefined => {
      const value = text(header)
      if (value === undefined) return null
      const m = /^(\d{4})\s*\/\s*(.+)$/.exec(value)
      if (m === null) {
        fail(
          header,
          "geen-verwijzing",
          "jaar/id, zoals 2026/actie-3",
          `"${value}" is geen verwijzing als jaar/id (2026/actie-3)`
        )
        return undefined
      }
      return { jaar: Number(m[1]), id: (m[2] as string).trim() }
    }
    return {
      sheet,
      cellOf,
      fail,
      text,
      number,
      listed,
      ref,
      items: (h: string, sep?: RegExp) => items(cellOf(h), sep)
    }
  }

  // Programma: field rows.
  const velden = new Map<string, { row: number; cell: Cell }>()
  const programmaSheet = found.get("programma") as SheetData
  const veldIndex = programmaSheet.columns.get("Veld") ?? 0
  const waardeIndex = programmaSheet.columns.get("Waarde") ?? 1
  for (const row of programmaSheet.rows) {
    const veld = programmaVelden.find(
      (v) => matchKey(v.veld) === matchKey(display(row.cells[veldIndex] ?? { _tag: "empty" }))
    )
    if (veld !== undefined)
      velden.set(veld.veld, { row: row.number, cell: row.cells[waardeIndex] ?? { _tag: "empty" } })
  }
  const veldProblem = (veld: string, code: string, expected: string, issue: string) => {
    const at = velden.get(veld)
    problem(
      programmaSheet.name,
      at?.row ?? programmaSheet.header,
      veld,
      at === undefined ? undefined : waardeIndex,
      at === undefined ? "" : display(at.cell),
      code,
      expected,
      issue
    )
  }
  const veldTekst = (veld: string, required: boolean): string | undefined => {
    const at = velden.get(veld)
    if (at === undefined || isEmpty(at.cell)) {
      if (required) veldProblem(veld, "verplicht", veld, `het veld ${veld} is verplicht, maar leeg`)
      return undefined
    }
    return display(at.cell)
  }
  const jaarVeld = (veld: string): number | undefined => {
    const value = veldTekst(veld, true)
    if (value === undefined) return undefined
    const n = Number(value)
    if (!Number.isInteger(n) || n < 2000 || n > 2100) {
      veldProblem(veld, "geen-jaar", "een jaar, zoals 2027", `"${value}" is geen jaar`)
      return undefined
    }
    return n
  }
  const van = jaarVeld("Looptijd van")
  const tot = jaarVeld("Looptijd tot")
  const ambitie = veldTekst("Ambitie", true)
  const werkwijze = veldTekst("Werkwijze", true)
  const herkomstTekst = veldTekst("Herkomst", false)
  const lines = (veld: string) => {
    const at = velden.get(veld)
    return at === undefined ? [] : items(at.cell, undefined)
  }
  if (van === undefined || tot === undefined || ambitie === undefined || werkwijze === undefined)
    return result(undefined)
  const looptijd = { van, tot }
  const label = Din.looptijdLabel(looptijd)
  const perioden = dataset.program.strategieperioden
  const bestaand = perioden.findIndex((d) => d.looptijd.van === van && d.looptijd.tot === tot)
  const laatste = perioden[perioden.length - 1] as Din.Din
  if (bestaand === -1 && van <= laatste.looptijd.tot) {
    veldProblem(
      "Looptijd van",
      "looptijd",
      `een bestaande looptijd (${perioden.map((d) => Din.looptijdLabel(d.looptijd)).join(", ")}) of een na ${laatste.looptijd.tot}`,
      `looptijd ${label} is geen bestaande strategieperiode en begint niet na de laatste (${Din.looptijdLabel(laatste.looptijd)})`
    )
    return result(undefined)
  }
  const periodIndex = bestaand === -1 ? perioden.length : bestaand
  // `document; sectie`: the sectie may hold a `;` of its own.
  const scheiding = (herkomstTekst ?? "").indexOf(";")
  const document =
    (scheiding === -1 ? (herkomstTekst ?? "") : (herkomstTekst ?? "").slice(0, scheiding)).trim() ||
    "programmawerkmap"
  const sectie = (scheiding === -1 ? "" : (herkomstTekst ?? "").slice(scheiding + 1)).trim() || `DIN ${label}`
  const vorige = bestaand === -1 ? undefined : perioden[bestaand]
  const herkomst =
    vorige !== undefined && vorige.herkomst.document === document && vorige.herkomst.sectie === sectie
      ? vorige.herkomst
      : { document, sectie }

  // Rows of the DIN's sheets, remembered for locating the issues of the whole.
  type Located = { readonly sheet: keyof typeof sheets; readonly row: number }
  const locations = {
    doelen: [] as Array<Located>,
    baten: [] as Array<Located>,
    inspanningen: [] as Array<Located>,
    netwerk: [] as Array<Located>
  }
  const doelen: Array<Record<string, unknown>> = []
  for (const row of found.get("doelen")?.rows ?? []) {
    const r = rowReader("doelen", row)
    const id = r.text("Id")
    const naam = r.text("Naam")
    const voorganger = r.text("Voorganger")
    if (id === undefined || naam === undefined) continue
    doelen.push({ id, naam, ...(voorganger === undefined ? {} : { voorganger }) })
    locations.doelen.push({ sheet: "doelen", row: row.number })
  }
  const baten: Array<Record<string, unknown>> = []
  for (const row of found.get("baten")?.rows ?? []) {
    const r = rowReader("baten", row)
    const id = r.text("Id")
    const nummer = r.number("Nummer", true)
    const naam = r.text("Naam")
    const doel = r.text("Doel")
    const voorganger = r.text("Voorganger")
    if (id === undefined || nummer === undefined || naam === undefined || doel === undefined) continue
    baten.push({ id, nummer, naam, doel, ...(voorganger === undefined ? {} : { voorganger }) })
    locations.baten.push({ sheet: "baten", row: row.number })
  }
  const inspanningen: Array<Record<string, unknown>> = []
  for (const row of found.get("inspanningen")?.rows ?? []) {
    const r = rowReader("inspanningen", row)
    const id = r.text("Id")
    const naam = r.text("Naam")
    if (id === undefined || naam === undefined) continue
    inspanningen.push({ id, naam, resultaten: r.items("Resultaten") })
    locations.inspanningen.push({ sheet: "inspanningen", row: row.number })
  }
  const netwerk: Array<Record<string, unknown>> = []
  for (const row of found.get("netwerk")?.rows ?? []) {
    const r = rowReader("netwerk", row)
    const partij = r.text("Partij")
    const naam = r.text("Naam")
    if (partij === undefined || naam === undefined) continue
    netwerk.push({ partij, naam, rollen: r.items("Rollen") })
    locations.netwerk.push({ sheet: "netwerk", row: row.number })
  }
  const din = {
    looptijd,
    ambitie,
    doelen,
    baten,
    inspanningen,
    netwerk,
    strategie: lines("Strategie"),
    randvoorwaarden: lines("Randvoorwaarden"),
    werkwijze,
    herkomst
  }

  // Jaarplannen, acties, indicatoren, merged with what the database holds (fields without a column stay).
  const encoded = Schema.encodeSync(Dataset.Dataset)(dataset) as unknown as {
    program: { naam: string; regio: string; strategieperioden: Array<unknown> }
    jaarplannen: Array<{ jaar: number; acties: Array<Record<string, unknown>>; [key: string]: unknown }>
    indicatoren: Array<Record<string, unknown> & { jaar: number; id: string }>
    [key: string]: unknown
  }
  const naam = veldTekst("Naam", false) ?? encoded.program.naam
  const regio = veldTekst("Regio", false) ?? encoded.program.regio
  const planLocations = new Map<number, number>()
  type PlanDoc = { jaar: number; acties: Array<Record<string, unknown>>; [key: string]: unknown }
  const plannen = new Map<number, PlanDoc>(
    encoded.jaarplannen.map((p) => [p.jaar, { ...p, acties: [...p.acties] }])
  )
  for (const row of found.get("jaarplannen")?.rows ?? []) {
    const r = rowReader("jaarplannen", row)
    const jaar = r.number("Jaar", true)
    const titel = r.text("Titel")
    const datumTekst = r.cellOf("Datum")
    const datum =
      datumTekst._tag === "date"
        ? `${datumTekst.value.getUTCFullYear()}-${String(datumTekst.value.getUTCMonth() + 1).padStart(2, "0")}-${String(datumTekst.value.getUTCDate()).padStart(2, "0")}`
        : parseDatum(display(datumTekst))
    if (datum === undefined)
      r.fail(
        "Datum",
        isEmpty(datumTekst) ? "verplicht" : "geen-datum",
        "een datum, zoals 15-1-2027",
        isEmpty(datumTekst) ? "verplicht, maar leeg" : `"${display(datumTekst)}" is geen datum`
      )
    const documentStatus = r.text("Documentstatus")
    if (jaar === undefined || titel === undefined || datum === undefined || documentStatus === undefined)
      continue
    if (jaar < van || jaar > tot) {
      r.fail(
        "Jaar",
        "buiten-looptijd",
        `een jaar van ${label}`,
        `jaar ${jaar} ligt niet in de looptijd ${label}`
      )
      continue
    }
    if (planLocations.has(jaar)) {
      r.fail(
        "Jaar",
        "dubbel",
        "één rij per jaar",
        `jaarplan ${jaar} staat al op rij ${planLocations.get(jaar)}`
      )
      continue
    }
    planLocations.set(jaar, row.number)
    const before = plannen.get(jaar)
    plannen.set(jaar, {
      situatie: [],
      focus: [],
      batenToelichting: [],
      herkomst: { document, sectie: `Jaarplan ${jaar}` },
      ...before,
      acties: before?.acties ?? [],
      jaar,
      titel,
      datum,
      documentStatus
    })
  }
  const actieLocations = new Map<string, number>()
  for (const row of found.get("acties")?.rows ?? []) {
    const r = rowReader("acties", row)
    const jaar = r.number("Jaar", true)
    const nummer = r.number("Nummer", true)
    const id = r.text("Id")
    const titel = r.text("Titel")
    const doel = r.text("Doel")
    const voorganger = r.ref("Voorganger")
    if (
      jaar === undefined ||
      nummer === undefined ||
      id === undefined ||
      titel === undefined ||
      doel === undefined ||
      voorganger === undefined
    )
      continue
    const plan = plannen.get(jaar)
    if (plan === undefined || jaar < van || jaar > tot) {
      r.fail(
        "Jaar",
        "onbekend-jaarplan",
        "een jaar van blad Jaarplannen",
        plan === undefined ? `er is geen jaarplan ${jaar}` : `jaar ${jaar} ligt niet in de looptijd ${label}`
      )
      continue
    }
    const key = `${jaar}/${id}`
    if (actieLocations.has(key)) {
      r.fail("Id", "dubbel", "één rij per actie", `actie ${key} staat al op rij ${actieLocations.get(key)}`)
      continue
    }
    actieLocations.set(key, row.number)
    const index = plan.acties.findIndex((a) => a["id"] === id)
    const before = index === -1 ? undefined : plan.acties[index]
    const actie = {
      status: null,
      beoogdeResultaten: [],
      herkomst: { document, sectie: `Jaarplan ${jaar}` },
      ...before,
      id,
      jaar,
      nummer,
      titel,
      doel,
      baten: r.items("Baten", /[,;]/),
      coordinatie: r.items("Coördinatie", /[,;]/),
      inSamenwerkingMet: r.items("In samenwerking met", /[,;]/),
      outputs: r.items("Outputs"),
      aandachtspunten: r.items("Aandachtspunten"),
      voorganger
    }
    if (index === -1) plan.acties.push(actie)
    else plan.acties[index] = actie
  }
  const indicatoren = [...encoded.indicatoren]
  const indicatorLocations = new Map<string, number>()
  for (const row of found.get("indicatoren")?.rows ?? []) {
    const r = rowReader("indicatoren", row)
    const jaar = r.number("Jaar", true)
    const id = r.text("Id")
    const baat = r.text("Baat")
    const tekst = r.text("Tekst")
    const eenheid = r.text("Eenheid")
    const richting = r.listed("Richting")
    const schaal = r.listed("Schaal")
    const bron = r.listed("Bron")
    const verwachtCell = r.cellOf("Verwacht op")
    const verwachtOp = isEmpty(verwachtCell)
      ? null
      : verwachtCell._tag === "date"
        ? verwachtCell.value.toISOString().slice(0, 10)
        : parseDatum(display(verwachtCell))
    if (verwachtOp === undefined)
      r.fail("Verwacht op", "geen-datum", "een datum", `"${display(verwachtCell)}" is geen datum`)
    const ritme = isEmpty(r.cellOf("Ritme")) ? undefined : r.listed("Ritme")
    const vertraging = isEmpty(r.cellOf("Vertraging")) ? undefined : r.number("Vertraging", true)
    const telling = isEmpty(r.cellOf("Telling")) ? undefined : r.listed("Telling")
    const acties: Array<number> = []
    for (const item of r.items("Acties", /[,;\s]+/)) {
      const n = Number(item)
      if (Number.isInteger(n) && n > 0) acties.push(n)
      else r.fail("Acties", "geen-getal", "nummers van acties, zoals 1, 4", `"${item}" is geen actienummer`)
    }
    const voorganger = r.ref("Voorganger")
    const soort = r.listed("Regel") as Indicator.RegelSoort | undefined
    if (
      jaar === undefined ||
      id === undefined ||
      baat === undefined ||
      tekst === undefined ||
      eenheid === undefined ||
      richting === undefined ||
      schaal === undefined ||
      bron === undefined ||
      soort === undefined ||
      voorganger === undefined ||
      verwachtOp === undefined
    )
      continue
    const periode = (header: string): string | undefined => {
      const cell = r.cellOf(header)
      if (isEmpty(cell)) {
        r.fail(header, "verplicht", "een periode", `regel ${soort} vraagt ${header}, maar de cel is leeg`)
        return undefined
      }
      const p = cell._tag === "number" ? parsePeriode(String(cell.value)) : parsePeriode(display(cell))
      if (p === undefined)
        r.fail(
          header,
          "geen-periode",
          "een periode, zoals 2027 of 2027-Q2",
          `"${display(cell)}" is geen periode`
        )
      return p
    }
    const waarde = (header: string): number | undefined => {
      if (isEmpty(r.cellOf(header))) {
        r.fail(header, "verplicht", "een getal", `regel ${soort} vraagt ${header}, maar de cel is leeg`)
        return undefined
      }
      return r.number(header, false)
    }
    const regel: Record<string, unknown> = { soort }
    switch (soort) {
      case "traject":
        regel.basis = { periode: periode("Basis periode"), waarde: waarde("Basis waarde") }
        regel.doel = { periode: periode("Doel periode"), waarde: waarde("Doel waarde") }
        regel.tolerantie = waarde("Tolerantie")
        break
      case "minimum-aantal":
        regel.minimum = waarde("Minimum")
        break
      case "gemiddeld-per-maand":
        regel.perMaand = waarde("Per maand")
        break
      case "dekking":
        regel.niveau = isEmpty(r.cellOf("Niveau")) ? waarde("Niveau") : r.listed("Niveau")
        regel.minimumPerEenheid = waarde("Minimum per eenheid")
        break
      case "groei":
        regel.groeiPercentage = waarde("Groei %")
        break
      case "mijlpalen": {
        const mijlpalen = r.items("Mijlpalen").map((line, i) => {
          const m = /^([^:]{1,40}):\s*(.+)$/.exec(line)
          return m === null
            ? { id: `m${i + 1}`, tekst: line }
            : { id: (m[1] as string).trim(), tekst: (m[2] as string).trim() }
        })
        if (mijlpalen.length === 0)
          r.fail(
            "Mijlpalen",
            "verplicht",
            "één mijlpaal per regel",
            "regel mijlpalen vraagt minstens één mijlpaal"
          )
        regel.mijlpalen = mijlpalen
        break
      }
      case "aandeel":
        regel.niveau = isEmpty(r.cellOf("Niveau")) ? waarde("Niveau") : r.listed("Niveau")
        regel.minimumAandeel = waarde("Minimum aandeel %")
        break
    }
    if (soort !== "traject") regel.periode = periode("Periode")
    for (const column of sheets.indicatoren.columns.slice(15)) {
      if (!regelKolommen[soort].includes(column.header) && !isEmpty(r.cellOf(column.header)))
        warnings.push({
          sheet: r.sheet.name,
          cell: `${r.sheet.name}!${letter(r.sheet.columns.get(column.header) ?? 0)}${row.number}`,
          code: "kolom-niet-van-regel",
          message: `Blad ${r.sheet.name}, rij ${row.number}: ${column.header} hoort niet bij regel ${soort} en is genegeerd.`
        } as Warning)
    }
    if (
      Object.values(regel).some(
        (v) =>
          v === undefined ||
          (typeof v === "object" && v !== null && Object.values(v).some((w) => w === undefined))
      )
    )
      continue
    if (plannen.get(jaar) === undefined || jaar < van || jaar > tot) {
      r.fail(
        "Jaar",
        "onbekend-jaarplan",
        "een jaar van blad Jaarplannen",
        plannen.get(jaar) === undefined
          ? `er is geen jaarplan ${jaar}`
          : `jaar ${jaar} ligt niet in de looptijd ${label}`
      )
      continue
    }
    const key = `${jaar}/${id}`
    if (indicatorLocations.has(key)) {
      r.fail(
        "Id",
        "dubbel",
        "één rij per indicator",
        `indicator ${key} staat al op rij ${indicatorLocations.get(key)}`
      )
      continue
    }
    indicatorLocations.set(key, row.number)
    const index = indicatoren.findIndex((i) => i.jaar === jaar && i.id === id)
    const before = index === -1 ? undefined : indicatoren[index]
    const { ritme: _r, vertraging: _v, telling: _t, ...kept } = (before ?? {}) as Record<string, unknown>
    const indicator = {
      herkomst: { document, sectie: `Jaarplan ${jaar}` },
      ...kept,
      id,
      jaar,
      baat,
      tekst,
      regel,
      eenheid,
      richting,
      schaal,
      bron,
      verwachtOp,
      ...(ritme === undefined ? {} : { ritme }),
      ...(vertraging === undefined ? {} : { vertraging }),
      ...(telling === undefined ? {} : { telling: { activiteit: telling } }),
      acties,
      voorganger
    }
    if (index === -1) indicatoren.push(indicator)
    else indicatoren[index] = indicator
  }
  if (problems.length > 0) return result(undefined)

  // The programme as it would be: decoded as a whole, each issue at the cell it comes from.
  const strategieperioden = [...encoded.program.strategieperioden]
  strategieperioden[periodIndex] = din
  const candidate = {
    ...encoded,
    program: { naam, regio, strategieperioden },
    jaarplannen: [...plannen.values()].sort((a, b) => a.jaar - b.jaar),
    indicatoren
  }
  const decoded = Schema.decodeUnknownResult(Dataset.Dataset)(candidate, { errors: "all" })
  if (Result.isFailure(decoded)) {
    const columnOf: Record<string, string> = {
      id: "Id",
      partij: "Partij",
      nummer: "Nummer",
      naam: "Naam",
      doel: "Doel",
      voorganger: "Voorganger",
      baat: "Baat",
      baten: "Baten",
      acties: "Acties",
      tekst: "Tekst",
      titel: "Titel",
      jaar: "Jaar",
      richting: "Richting",
      bron: "Bron",
      telling: "Telling",
      eenheid: "Eenheid",
      resultaten: "Resultaten",
      rollen: "Rollen"
    }
    const regelColumn: Record<string, string> = {
      tolerantie: "Tolerantie",
      minimum: "Minimum",
      perMaand: "Per maand",
      niveau: "Niveau",
      minimumPerEenheid: "Minimum per eenheid",
      groeiPercentage: "Groei %",
      minimumAandeel: "Minimum aandeel %",
      mijlpalen: "Mijlpalen",
      periode: "Periode"
    }
    for (const issue of formatter(decoded.failure.issue).issues) {
      const path = (issue.path ?? []).map((p) =>
        typeof p === "object" && p !== null && "key" in p ? p.key : p
      ) as Array<PropertyKey>
      const at = (key: keyof typeof sheets, row: number | undefined, column: string | undefined) => {
        const sheet = found.get(key)
        const name = sheet?.name ?? sheets[key].name
        const index = column === undefined ? undefined : sheet?.columns.get(column)
        problem(
          name,
          row ?? sheet?.header ?? 1,
          column ?? "",
          index,
          "",
          "ongeldig",
          "een geldige waarde",
          issue.message
        )
      }
      if (path[0] === "program") {
        const k = path[1] === "strategieperioden" ? path[2] : path[1]
        const rest = path[1] === "strategieperioden" ? path.slice(3) : path.slice(2)
        if (k !== periodIndex) {
          veldProblem("Looptijd van", "ongeldig", "een geldige strategieperiode", issue.message)
          continue
        }
        const part = rest[0]
        if (part === "doelen" || part === "baten" || part === "inspanningen" || part === "netwerk") {
          const loc = locations[part][Number(rest[1])]
          at(part, loc?.row, columnOf[String(rest[2] ?? "id")])
        } else
          veldProblem(
            part === "looptijd" ? "Looptijd van" : part === "ambitie" ? "Ambitie" : "Looptijd van",
            "ongeldig",
            "een geldige waarde",
            issue.message
          )
      } else if (path[0] === "jaarplannen") {
        const plan = candidate.jaarplannen[Number(path[1])]
        if (path[2] === "acties") {
          const actie = plan?.acties[Number(path[3])]
          const row = actieLocations.get(`${plan?.jaar}/${String(actie?.["id"])}`)
          at("acties", row, row === undefined ? undefined : (columnOf[String(path[4])] ?? undefined))
        } else
          at(
            "jaarplannen",
            plan === undefined ? undefined : planLocations.get(plan.jaar),
            columnOf[String(path[2])]
          )
      } else if (path[0] === "indicatoren") {
        const indicator = candidate.indicatoren[Number(path[1])]
        const row = indicatorLocations.get(`${indicator?.jaar}/${indicator?.id}`)
        const column =
          path[2] === "regel"
            ? path[3] === "basis" || path[3] === "doel"
              ? `${path[3] === "basis" ? "Basis" : "Doel"} ${path[4] === "periode" ? "periode" : "waarde"}`
              : regelColumn[String(path[3])]
            : columnOf[String(path[2])]
        at("indicatoren", row, row === undefined ? undefined : column)
      } else {
        veldProblem("Looptijd van", "ongeldig", "een geldig programma", issue.message)
      }
    }
    return result(undefined)
  }
  const value = decoded.success
  const years = new Set(planLocations.keys())
  const rows = new Map<string, { sheet: string; row: number }>([
    [
      "programma:programma",
      { sheet: programmaSheet.name, row: velden.get("Looptijd van")?.row ?? programmaSheet.header }
    ]
  ])
  const sheetName = (key: keyof typeof sheets) => found.get(key)?.name ?? sheets[key].name
  for (const [jaar, row] of planLocations)
    rows.set(`jaarplannen:${jaar}`, { sheet: sheetName("jaarplannen"), row })
  for (const [key, row] of actieLocations) rows.set(`acties:${key}`, { sheet: sheetName("acties"), row })
  for (const [key, row] of indicatorLocations)
    rows.set(`indicatoren:${key}`, { sheet: sheetName("indicatoren"), row })
  return result({
    rows,
    program: value.program,
    looptijd,
    nieuw: bestaand === -1,
    jaarplannen: value.jaarplannen.filter((p) => years.has(p.jaar)).map(({ acties: _, ...plan }) => plan),
    acties: value.jaarplannen.flatMap((p) => p.acties.filter((a) => actieLocations.has(`${a.jaar}/${a.id}`))),
    indicatoren: value.indicatoren.filter((i) => indicatorLocations.has(`${i.jaar}/${i.id}`))
  })
}
