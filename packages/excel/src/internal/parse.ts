/**
 * Reads a workbook by the contract: finds each sheet's kind and header row, reads every row into a record
 * of dvcc's types, and collects what is wrong as problems naming sheet, cell, row, column, the value found
 * and what was expected. Plain async code over plain data (the hot path of a 200,000-row import); the
 * Effect edge is `Import.ts`.
 */
import { type Access, Bespreking, type Dataset, Geography, Periode, Registration } from "@dvcc/core"
import { Result } from "effect"
import {
  type Column,
  canonicalOf,
  columnFor,
  gebiedOf,
  gemeenteOf,
  isInstructionSheet,
  kindOfName,
  labelLists,
  matchKey,
  type Sheet,
  type SheetKind,
  sheet as sheetOf,
  sheets
} from "../Contract.ts"
import {
  type Cell,
  closest,
  closestLabels,
  display,
  isEmpty,
  type Reading,
  readDatum,
  readInteger,
  readMoney,
  readNumber,
  readPeriode,
  readText
} from "../Values.ts"
import * as Afspraken from "./afspraken.ts"
import { columnLetters, defaultLimits, LimitExceeded, type Limits } from "./fileCheck.ts"
import { type Row, readSheets } from "./reader.ts"

export interface Problem {
  readonly sheet: string
  /** `Activiteiten!C14`. */
  readonly cell: string
  readonly row: number
  /** The column's header as the contract names it (or its letter when it has none). */
  readonly column: string
  readonly value: string
  readonly expected: string
  readonly code: string
  readonly message: string
  /** For an unknown label: the closest valid ones. */
  readonly suggestions?: ReadonlyArray<string> | undefined
}

export interface Warning {
  readonly sheet: string
  readonly cell?: string | undefined
  readonly code: string
  readonly message: string
}

export interface SheetResult {
  readonly name: string
  readonly kind: SheetKind | null
  /** Data rows read (not the header, empty rows or skipped rows). */
  rows: number
  valid: number
  rejected: number
  skipped: number
}

/** A valid row, ready for the store. */
export interface Parsed<A> {
  readonly sheet: string
  readonly row: number
  readonly record: A
}

export interface ActivityRow {
  readonly datum: Periode.Datum
  readonly gemeente: Geography.CbsCode
  readonly soort: string
  readonly actie?: number
  readonly doelgroep?: string
  readonly bereik?: number
  readonly omschrijving?: string
  readonly bespreking?: Bespreking.Bespreking
}

export interface MeasurementRow {
  readonly indicator: string
  readonly jaar: number
  readonly periode: Periode.Periode
  readonly gebied: Geography.Gebied
  readonly waarde: number
  readonly bron: string
  readonly toelichting?: string
}

export interface GebiedRow {
  readonly gemeente: Geography.CbsCode
  readonly district?: string
  readonly basisteam?: string
  readonly inwoners?: number
  readonly peildatum?: Periode.Datum
}

/** A rejected row as it was, for the `.afgekeurd.xlsx` workbook. */
export interface RejectedRow {
  readonly row: number
  readonly values: ReadonlyArray<string>
  readonly reason: string
}

export interface RejectedSheet {
  readonly name: string
  readonly headers: ReadonlyArray<string>
  readonly rows: Array<RejectedRow>
}

/** Valid rows, handed over in batches while the workbook is read. */
export interface Batch {
  readonly registraties: ReadonlyArray<Parsed<Registration.Registration>>
  readonly activiteiten: ReadonlyArray<Parsed<ActivityRow>>
  readonly metingen: ReadonlyArray<Parsed<MeasurementRow>>
  readonly gebieden: ReadonlyArray<Parsed<GebiedRow>>
  /** Problems found so far (in the whole workbook, up to and including this batch). */
  readonly problemsSoFar: number
}

export interface ParseResult {
  readonly sheets: ReadonlyArray<SheetResult>
  readonly problems: ReadonlyArray<Problem>
  readonly problemCount: number
  readonly warnings: ReadonlyArray<Warning>
  readonly rejected: ReadonlyArray<RejectedSheet>
}

export interface ParseOptions {
  readonly maxProblems: number
  readonly stream?: boolean | undefined
  readonly onProgress?: ((rows: number, sheet: string) => void) | undefined
  /** Keep rejected rows for the `.afgekeurd.xlsx` workbook. */
  readonly keepRejected: boolean
  /** Hand over valid rows every this many (default: all at the end). */
  readonly batchSize?: number | undefined
  /** Who may import what: with `gemeenten`, every row must be about one of them. */
  readonly scope?: Access.Visibility | undefined
  /** The kinds of sheet this import may write; every row of another kind is a `geen-recht` problem. */
  readonly writes?: ReadonlyArray<SheetKind> | undefined
  /** Rows, cells and text (see `Limits`); default `defaultLimits`. */
  readonly limits?: Limits | undefined
}

/** The herkomst of every imported registration: not the file, so the same rows from another file are unchanged. */
export const importHerkomst = Registration.importHerkomst

const headerSearchRows = 30

interface Mapping {
  readonly column: Column
  readonly index: number
}

class Collector {
  readonly problems: Array<Problem> = []
  count = 0
  readonly max: number
  constructor(max: number) {
    this.max = max
  }
  add(problem: () => Problem) {
    this.count++
    if (this.problems.length < this.max) this.problems.push(problem())
  }
}

const matchHeader = (kind: SheetKind, cells: ReadonlyArray<Cell>) => {
  const mappings: Array<Mapping> = []
  const extra: Array<{ readonly index: number; readonly header: string }> = []
  const seen = new Set<string>()
  cells.forEach((cell, index) => {
    const header = display(cell)
    if (header === "") return
    const column = columnFor(kind, header)
    if (column === undefined || seen.has(column.field)) extra.push({ index, header })
    else {
      seen.add(column.field)
      mappings.push({ column, index })
    }
  })
  const definition = sheetOf(kind)
  const missing = definition.columns.filter((c) => c.required && !seen.has(c.field))
  const noCount = definition.atLeastOne.length > 0 && !definition.atLeastOne.some((f) => seen.has(f))
  return { mappings, extra, missing, noCount, matched: seen.size }
}

/** The kind and header of a sheet, from its name or else its header row. */
const findHeader = (name: string, rows: ReadonlyArray<Row>) => {
  const named = kindOfName(name)
  const kinds: ReadonlyArray<SheetKind> = named === undefined ? sheets.map((s) => s.kind) : [named]
  let best:
    | { readonly kind: SheetKind; readonly row: Row; readonly match: ReturnType<typeof matchHeader> }
    | undefined
  for (const row of rows) {
    for (const kind of kinds) {
      const match = matchHeader(kind, row.cells)
      if (match.missing.length === 0 && match.matched >= 2) return { named, found: { kind, row, match } }
      if (match.matched > 0 && (best === undefined || match.matched > best.match.matched))
        best = { kind, row, match }
    }
  }
  return { named, found: undefined, best }
}

const sheetRef = (name: string) => (/^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replaceAll("'", "''")}'`)

/**
 * Reads the workbook's sheets by the contract: yields the valid rows in batches (the last one at the end)
 * and returns the sheets, problems and warnings.
 */
export async function* parseWorkbook(
  bytes: Buffer,
  context: { readonly dataset: Dataset.Dataset },
  options: ParseOptions
): AsyncGenerator<Batch, ParseResult> {
  const { regio } = context.dataset
  const collector = new Collector(options.maxProblems)
  const warnings: Array<Warning> = []
  const results: Array<SheetResult> = []
  let registraties: Array<Parsed<Registration.Registration>> = []
  let activiteiten: Array<Parsed<ActivityRow>> = []
  let metingen: Array<Parsed<MeasurementRow>> = []
  let gebieden: Array<Parsed<GebiedRow>> = []
  const batchSize = options.batchSize ?? Number.POSITIVE_INFINITY
  const pending = () => registraties.length + activiteiten.length + metingen.length + gebieden.length
  const take = (): Batch => {
    const batch = { registraties, activiteiten, metingen, gebieden, problemsSoFar: collector.count }
    registraties = []
    activiteiten = []
    metingen = []
    gebieden = []
    return batch
  }
  // Rows repeat the same gemeenten, delicten and periods: each distinct text is looked up once.
  const lookups = new Map<string, Map<string, unknown>>()
  const lookup = <A>(scope: string, text: string, compute: () => A): A => {
    let scoped = lookups.get(scope)
    if (scoped === undefined) {
      scoped = new Map()
      lookups.set(scope, scoped)
    }
    if (scoped.has(text)) return scoped.get(text) as A
    const value = compute()
    if (scoped.size < 20_000) scoped.set(text, value)
    return value
  }
  const rejected: Array<RejectedSheet> = []
  // Keys of the registrations read so far, with the sheet index and row that had them (for `dubbel`).
  const registrationKeys = new RegistrationKeys(regio)
  // Rows per period, for the warning about a period that stands apart (core `Registration.losstaandePerioden`).
  const perPeriode = new Map<Periode.Periode, number>()
  let registratiesSheet: string | undefined
  const sheetRefs: Array<string> = []
  const gemeenteCandidates = regio.gemeenten.map((g) => ({ label: g.naam, spellings: [g.naam, g.code] }))
  const indicatorIds = new Map<string, Array<number>>()
  for (const indicator of context.dataset.indicatoren) {
    const key = matchKey(indicator.id)
    indicatorIds.set(key, [...(indicatorIds.get(key) ?? []), indicator.jaar])
  }
  const indicatorCandidates = [...new Set(context.dataset.indicatoren.map((i) => i.id))].map((id) => ({
    label: id,
    spellings: [id]
  }))
  let totalRows = 0
  const limits = options.limits ?? defaultLimits
  let dataRows = 0
  let totalText = 0
  const scope = options.scope?.kind === "gemeenten" ? new Set<string>(options.scope.gemeenten) : undefined
  const scopeNames = listOfNames(
    [...(scope ?? [])].map((code) => regio.gemeenten.find((g) => g.code === code)?.naam ?? code)
  )
  const scopeRule =
    scopeNames === ""
      ? "dit token mag voor geen enkele gemeente importeren"
      : `dit token mag alleen importeren voor ${scopeNames}`
  // Suggestions cost an edit distance per label: computed once per distinct value, and only while they are shown.
  const suggestionCache = new Map<string, ReadonlyArray<string>>()
  const suggest = (
    scope: string,
    text: string,
    compute: () => ReadonlyArray<string>
  ): ReadonlyArray<string> => {
    if (collector.problems.length >= collector.max && !options.keepRejected) return []
    const key = `${scope}\u0000${text}`
    let found = suggestionCache.get(key)
    if (found === undefined) {
      found = compute()
      if (suggestionCache.size < 10_000) suggestionCache.set(key, found)
    }
    return found
  }

  for await (const { name, hidden, rows } of readSheets(bytes, { stream: options.stream, limits })) {
    const ref = sheetRef(name)
    const sheetIndex = sheetRefs.push(ref) - 1
    // Explanations (the template's Instructies) and hidden sheets (its dropdown lists) hold no data: skipped
    // unread. A hidden sheet named like a contract sheet is mentioned, since its rows are not imported.
    if (hidden || isInstructionSheet(name)) {
      results.push({ name, kind: null, rows: 0, valid: 0, rejected: 0, skipped: 0 })
      if (hidden && kindOfName(name) !== undefined) {
        warnings.push({
          sheet: name,
          code: "verborgen-blad",
          message: `Blad ${name} is verborgen en is overgeslagen; maak het zichtbaar als de rijen geïmporteerd moeten worden.`
        })
      }
      continue
    }
    const head: Array<Row> = []
    const iterator = rows[Symbol.asyncIterator]()
    let done = false
    while (head.length < headerSearchRows) {
      const next = await iterator.next()
      if (next.done === true) {
        done = true
        break
      }
      if (next.value.cells.some((c) => !isEmpty(c))) head.push(next.value)
    }
    const { named, found, best } = findHeader(name, head)
    if (found === undefined) {
      if (named === undefined && best === undefined) {
        warnings.push({
          sheet: name,
          code: "blad-overgeslagen",
          message: `Blad ${name} is overgeslagen: de naam en de kopregel passen bij geen van de bladen ${sheets.map((s) => s.name).join(", ")}.`
        })
        results.push({ name, kind: null, rows: 0, valid: 0, rejected: 0, skipped: 0 })
        if (!done) for await (const _ of { [Symbol.asyncIterator]: () => iterator }) void _
        continue
      }
      const kind = named ?? (best?.kind as SheetKind)
      const definition = sheetOf(kind)
      const at = best?.row.number ?? 1
      const missing = best === undefined ? definition.columns.filter((c) => c.required) : best.match.missing
      const expected = `een kopregel met ${definition.columns
        .filter((c) => c.required)
        .map((c) => c.header)
        .join(", ")}`
      collector.add(() => ({
        sheet: name,
        cell: `${ref}!A${at}`,
        row: at,
        column: "",
        value:
          best === undefined
            ? ""
            : best.row.cells
                .map(display)
                .filter((s) => s !== "")
                .join(" | "),
        expected,
        code: best === undefined ? "geen-kopregel" : "kolom-ontbreekt",
        message:
          best === undefined
            ? `Blad ${name}: geen kopregel gevonden in de eerste ${headerSearchRows} rijen; verwacht ${expected}.`
            : `Blad ${name}, kopregel in rij ${at}: ${missing.length === 1 ? "kolom" : "kolommen"} ${missing.map((c) => c.header).join(", ")} ontbreken; verwacht ${expected}.`
      }))
      results.push({ name, kind, rows: 0, valid: 0, rejected: 1, skipped: 0 })
      if (!done) for await (const _ of { [Symbol.asyncIterator]: () => iterator }) void _
      continue
    }
    const { kind, row: headerRow, match } = found
    const definition = sheetOf(kind)
    if (match.noCount) {
      collector.add(() => ({
        sheet: name,
        cell: `${ref}!A${headerRow.number}`,
        row: headerRow.number,
        column: "",
        value: headerRow.cells
          .map(display)
          .filter((s) => s !== "")
          .join(" | "),
        expected: `minstens één van de kolommen ${definition.atLeastOne.map((f) => definition.columns.find((c) => c.field === f)?.header).join(", ")}`,
        code: "kolom-ontbreekt",
        message: `Blad ${name}, kopregel in rij ${headerRow.number}: geen van de kolommen ${definition.atLeastOne
          .map((f) => definition.columns.find((c) => c.field === f)?.header)
          .join(", ")} staat erin; er is er minstens één nodig.`
      }))
    }
    for (const extra of match.extra) {
      warnings.push({
        sheet: name,
        cell: `${ref}!${columnLetters(extra.index + 1)}${headerRow.number}`,
        code: "kolom-genegeerd",
        message: `Blad ${name}: kolom "${extra.header}" (${columnLetters(extra.index + 1)}) hoort niet bij het blad ${definition.name} en is genegeerd.`
      })
    }
    const result: SheetResult = { name, kind, rows: 0, valid: 0, rejected: 0, skipped: 0 }
    results.push(result)
    const rejectedSheet: RejectedSheet = {
      name,
      headers: match.mappings.map((m) => m.column.header),
      rows: []
    }
    if (options.keepRejected) rejected.push(rejectedSheet)
    const byField = new Map(match.mappings.map((m) => [m.column.field, m]))

    const handle = (row: Row) => {
      const cells = row.cells
      let firstFilled: Cell | undefined
      for (const cell of cells) {
        if (!isEmpty(cell)) {
          firstFilled = cell
          break
        }
      }
      if (firstFilled === undefined) return
      if (isTotaal(firstFilled)) {
        result.skipped++
        warnings.push({
          sheet: name,
          cell: `${ref}!A${row.number}`,
          code: "totaalrij",
          message: `Blad ${name}, rij ${row.number}: totaalrij overgeslagen.`
        })
        return
      }
      result.rows++
      if (++dataRows > limits.maxRows) {
        throw new LimitExceeded(
          "te-veel-rijen",
          `De werkmap heeft meer dan ${limits.maxRows.toLocaleString("nl-NL")} rijen (bij blad ${name}, rij ${row.number}); splits de gegevens over meer werkmappen.`
        )
      }
      let reasons: Array<string> | undefined
      const problem = (
        mapping: Mapping | undefined,
        cell: Cell,
        code: string,
        expected: string,
        message: string,
        suggestions?: ReadonlyArray<string>
      ) => {
        const letter = columnLetters((mapping?.index ?? 0) + 1)
        const address = `${ref}!${letter}${row.number}`
        const text = `${address}${mapping === undefined ? "" : ` (${mapping.column.header})`}: ${message}`
        if (reasons === undefined) reasons = []
        reasons.push(text)
        collector.add(() => ({
          sheet: name,
          cell: address,
          row: row.number,
          column: mapping?.column.header ?? letter,
          value: display(cell),
          expected,
          code,
          message: text,
          ...(suggestions === undefined ? {} : { suggestions })
        }))
      }
      /** The reading of a field: its value, `undefined` when empty (unknown), or `null` after a problem. */
      const read = <A>(field: string, reader: (cell: Cell) => Reading<A>): A | undefined | null => {
        const mapping = byField.get(field)
        if (mapping === undefined) return undefined
        const cell = cells[mapping.index] ?? { _tag: "empty" }
        if (isEmpty(cell)) {
          if (mapping.column.required) {
            problem(
              mapping,
              cell,
              "verplicht",
              `een waarde (verplicht veld)`,
              `is leeg, maar ${mapping.column.header} is verplicht.`
            )
            return null
          }
          return undefined
        }
        if (cell._tag === "error") {
          const expected = expectedOf(mapping.column)
          problem(
            mapping,
            cell,
            "formulefout",
            expected,
            `bevat de foutwaarde ${cell.value}; verwacht ${expected}.`
          )
          return null
        }
        const reading = reader(cell)
        if (reading._tag === "invalid") {
          problem(
            mapping,
            cell,
            reading.code,
            reading.expected,
            `"${display(cell)}" is geen geldige waarde; verwacht ${reading.expected}.`
          )
          return null
        }
        return reading.value
      }
      const label = (field: string) =>
        read(field, (cell) => {
          const mapping = byField.get(field) as Mapping
          const list = mapping.column.labels ?? "delict"
          const value = lookup(list, display(cell), () => canonicalOf(list, display(cell)))
          if (value !== undefined) return { _tag: "ok", value }
          const suggestions = suggest(list, display(cell), () => closestLabels(list, display(cell)))
          problem(
            mapping,
            cell,
            "onbekend-label",
            `een van: ${labelLists[list].map((l) => l.label).join(", ")}`,
            `"${display(cell)}" staat niet in de lijst ${listName[list]}; bedoelt u ${suggestions.join(", ")}?`,
            suggestions
          )
          return { _tag: "ok", value: null }
        })
      const gemeente = (field: string) =>
        read(field, (cell) => {
          const found = lookup("gemeente", display(cell), () => gemeenteOf(regio, display(cell)))
          if (found !== undefined) return { _tag: "ok", value: found.code }
          return { _tag: "ok", value: unknownGemeente(field, cell) }
        })
      const unknownGemeente = (field: string, cell: Cell): null => {
        const suggestions = suggest("gemeente", display(cell), () =>
          closest(display(cell), gemeenteCandidates)
        )
        problem(
          byField.get(field),
          cell,
          "onbekende-gemeente",
          `een gemeente van regio ${regio.naam} (naam of CBS-code)`,
          `"${display(cell)}" is geen gemeente van regio ${regio.naam}; bedoelt u ${suggestions.join(", ")}?`,
          suggestions
        )
        return null
      }
      const gebied = (field: string) =>
        read(field, (cell) => {
          const found = lookup("gebied", display(cell), () => gebiedOf(regio, display(cell)))
          if (found !== undefined) return { _tag: "ok", value: found }
          return { _tag: "ok", value: unknownGemeente(field, cell) }
        })
      /** Free text, at most `maxTextLength` characters: longer text is a problem of its cell, not stored. */
      const text = (field: string, reader: (cell: Cell) => Reading<string> = readText) => {
        const value = read(field, reader)
        if (value == null) return value
        if (value.length > limits.maxTextLength) {
          const mapping = byField.get(field) as Mapping
          problem(
            mapping,
            { _tag: "text", value: `${value.slice(0, 50)}…` },
            "te-lang",
            `tekst van hoogstens ${limits.maxTextLength.toLocaleString("nl-NL")} tekens`,
            `de tekst is ${value.length.toLocaleString("nl-NL")} tekens lang; de grens is ${limits.maxTextLength.toLocaleString("nl-NL")}. Kort hem in.`
          )
          return null
        }
        totalText += value.length
        if (totalText > limits.maxTotalText) {
          throw new LimitExceeded(
            "te-veel-tekst",
            `De werkmap heeft samen meer dan ${limits.maxTotalText.toLocaleString("nl-NL")} tekens vrije tekst (bij blad ${name}, rij ${row.number}); splits de gegevens over meer werkmappen.`
          )
        }
        return value
      }
      /** With a scope of gemeenten: a problem when the row is about another gemeente or an aggregate. */
      const inScope = (field: string, where: Geography.Gebied): boolean => {
        if (scope === undefined) return true
        if (where.niveau === "gemeente" && scope.has(where.code)) return true
        const mapping = byField.get(field)
        const cell = cells[mapping?.index ?? 0] ?? { _tag: "empty" }
        const about =
          where.niveau === "gemeente"
            ? `gemeente ${Geography.gebiedLabel(regio, where)}`
            : `${Geography.gebiedLabel(regio, where)} (geen gemeente)`
        problem(
          mapping,
          cell,
          "buiten-scope",
          scopeNames === "" ? "geen rijen (geen gemeente toegestaan)" : `een rij over ${scopeNames}`,
          `deze rij gaat over ${about}; ${scopeRule}.`
        )
        return false
      }
      const periodeOf = (cell: Cell) =>
        cell._tag === "text" ? lookup("periode", cell.value, () => readPeriode(cell)) : readPeriode(cell)

      /**
       * The bespreking in de driehoek of an Activiteiten row: `undefined` when its columns are empty,
       * `null` after a problem at the cell (also when the soort is another).
       */
      const besprekingOf = (soort: string | null | undefined) => {
        const informatiebeeld = read("informatiebeeld", periodeOf)
        const deelnemers = text("deelnemers")
        // One afspraak per line: the lines of a text cell are kept (readText makes one line of them).
        const afspraken = text("afspraken", (cell) =>
          cell._tag === "text" && /\n/.test(cell.value) ? { _tag: "ok", value: cell.value } : readText(cell)
        )
        if (informatiebeeld === null || deelnemers === null || afspraken === null) return null
        if (informatiebeeld === undefined && deelnemers === undefined && afspraken === undefined)
          return undefined
        const field =
          informatiebeeld !== undefined
            ? "informatiebeeld"
            : deelnemers !== undefined
              ? "deelnemers"
              : "afspraken"
        const at = (f: string) => {
          const mapping = byField.get(f)
          return { mapping, cell: cells[mapping?.index ?? 0] ?? ({ _tag: "empty" } as Cell) }
        }
        if (soort !== Bespreking.soort) {
          if (soort == null) return null
          const { mapping, cell } = at(field)
          problem(
            mapping,
            cell,
            "geen-bespreking",
            "een lege cel bij deze soort",
            "informatiebeeld, deelnemers en afspraken horen alleen bij de soort ‘informatiebeeld besproken in de driehoek’; kies die soort of maak deze cellen leeg."
          )
          return null
        }
        if (informatiebeeld === undefined) {
          const { mapping, cell } = at("informatiebeeld")
          problem(
            mapping,
            cell,
            "verplicht",
            "de periode van het besproken informatiebeeld",
            "is leeg; vul bij een bespreking in de driehoek in welk informatiebeeld is besproken, bijvoorbeeld 2025-Q4."
          )
          return null
        }
        const parsedAfspraken =
          afspraken === undefined ? Result.succeed([]) : Afspraken.parseAfspraken(afspraken)
        if (Result.isFailure(parsedAfspraken)) {
          const { mapping, cell } = at("afspraken")
          problem(
            mapping,
            cell,
            "ongeldige-afspraak",
            "één afspraak per regel: wat; wie",
            `${parsedAfspraken.failure}`
          )
          return null
        }
        const result = Afspraken.checked({
          informatiebeeld,
          deelnemers: deelnemers === undefined ? [] : Afspraken.parseDeelnemers(deelnemers),
          afspraken: parsedAfspraken.success
        })
        if (Result.isFailure(result)) {
          const { mapping, cell } = at(/deelnemer/.test(result.failure) ? "deelnemers" : "afspraken")
          problem(
            mapping,
            cell,
            "ongeldige-bespreking",
            "een bespreking binnen de grenzen",
            `${result.failure}.`
          )
          return null
        }
        return result.success
      }

      const failed = (...values: ReadonlyArray<unknown>) =>
        values.some((v) => v === null) || reasons !== undefined

      if (options.writes !== undefined && !options.writes.includes(kind)) {
        const mapping = byField.get(kind === "registraties" || kind === "metingen" ? "gebied" : "gemeente")
        problem(
          mapping,
          cells[mapping?.index ?? 0] ?? { _tag: "empty" },
          "geen-recht",
          kind === "gebieden"
            ? "geen blad Gebieden (alleen een beheerder wijzigt de indeling en inwonertallen)"
            : `geen blad ${name} (dit token importeert alleen ${options.writes.join(", ") || "niets"})`,
          kind === "gebieden"
            ? "dit token mag district, basisteam en inwoners niet wijzigen; laat het blad Gebieden weg of vraag een beheerder."
            : `dit token mag geen ${kind} importeren; laat het blad ${name} weg.`
        )
      }
      switch (kind) {
        case "registraties": {
          const periode = read("periode", periodeOf)
          const where = gebied("gebied")
          const delict = label("delict")
          const aangiften = read("aangiften", readInteger)
          const meldingen = read("meldingen", readInteger)
          const slachtoffers = read("slachtoffers", readInteger)
          const schade = read("schade", readMoney)
          if (
            reasons === undefined &&
            aangiften === undefined &&
            meldingen === undefined &&
            slachtoffers === undefined &&
            schade === undefined
          ) {
            const mapping =
              byField.get("aangiften") ??
              byField.get("meldingen") ??
              byField.get("slachtoffers") ??
              byField.get("schade")
            problem(
              mapping,
              { _tag: "empty" },
              "geen-aantal",
              "minstens één aantal of de schade",
              "geen enkel aantal of schadebedrag ingevuld; vul er minstens één in."
            )
          }
          if (where != null) inScope("gebied", where)
          if (failed(periode, where, delict) || periode == null || where == null || delict == null) break
          const key = registrationKeys.key(periode, where, delict)
          const earlier = registrationKeys.get(key)
          if (earlier !== undefined) {
            problem(
              byField.get("periode"),
              cells[byField.get("periode")?.index ?? 0] ?? { _tag: "empty" },
              "dubbel",
              "één rij per periode, gemeente en delict",
              `dezelfde periode, gemeente en delict als ${sheetRefs[Math.floor(earlier / 2_000_000)]}!A${earlier % 2_000_000}.`
            )
            break
          }
          registrationKeys.set(key, sheetIndex * 2_000_000 + row.number)
          perPeriode.set(periode, (perPeriode.get(periode) ?? 0) + 1)
          registratiesSheet ??= name
          registraties.push({
            sheet: name,
            row: row.number,
            record: {
              periode,
              gebied: where,
              delict: delict as Registration.Delict,
              aangiften: aangiften ?? null,
              meldingen: meldingen ?? null,
              slachtoffers: slachtoffers ?? null,
              schade: schade ?? null,
              herkomst: importHerkomst
            }
          })
          break
        }
        case "activiteiten": {
          const datum = read("datum", readDatum)
          const code = gemeente("gemeente")
          const soort = label("soort")
          const actie = read("actie", readInteger)
          const doelgroep = label("doelgroep")
          const bereik = read("bereik", readInteger)
          const omschrijving = text("omschrijving")
          const bespreking = besprekingOf(soort)
          if (code != null) inScope("gemeente", { niveau: "gemeente", code })
          if (
            failed(datum, code, soort, actie, doelgroep, bereik, bespreking) ||
            datum == null ||
            code == null ||
            soort == null
          )
            break
          activiteiten.push({
            sheet: name,
            row: row.number,
            record: {
              datum,
              gemeente: code,
              soort,
              ...(actie == null ? {} : { actie }),
              ...(doelgroep == null ? {} : { doelgroep }),
              ...(bereik == null ? {} : { bereik }),
              ...(omschrijving == null ? {} : { omschrijving }),
              ...(bespreking == null ? {} : { bespreking })
            }
          })
          break
        }
        case "metingen": {
          const indicator = read(
            "indicator",
            (cell): Reading<string> => ({ _tag: "ok", value: display(cell) })
          )
          const periode = read("periode", periodeOf)
          const where = gebied("gebied")
          const waarde = read("waarde", readNumber)
          const bron = label("bron")
          const toelichting = text("toelichting")
          if (where !== null) inScope("gebied", where ?? Geography.regio)
          if (
            failed(indicator, periode, where, waarde, bron) ||
            indicator == null ||
            periode == null ||
            waarde == null
          )
            break
          const jaren = indicatorIds.get(matchKey(indicator))
          const canonical = context.dataset.indicatoren.find(
            (i) => matchKey(i.id) === matchKey(indicator)
          )?.id
          if (jaren === undefined || canonical === undefined) {
            const mapping = byField.get("indicator")
            const suggestions = suggest("indicator", indicator, () => closest(indicator, indicatorCandidates))
            problem(
              mapping,
              cells[mapping?.index ?? 0] ?? { _tag: "empty" },
              "onbekende-indicator",
              "de id van een indicator uit een jaarplan",
              `"${indicator}" is geen indicator van een jaarplan; bedoelt u ${suggestions.join(", ")}?`,
              suggestions
            )
            break
          }
          const year = Number(periode.slice(0, 4))
          const jaar = jaren.includes(year)
            ? year
            : Math.max(...jaren.filter((j) => j <= year), Math.min(...jaren))
          // What the dataset refuses when it is read back (core's Dataset check): refused at its cell here,
          // so that an import cannot leave a dataset nobody can load.
          const eenheid = context.dataset.indicatoren.find(
            (i) => i.id === canonical && i.jaar === jaar
          )?.eenheid
          if (eenheid === "%" && waarde > 100) {
            const mapping = byField.get("waarde")
            problem(
              mapping,
              cells[mapping?.index ?? 0] ?? { _tag: "empty" },
              "geen-percentage",
              "een percentage van 0 tot en met 100",
              `${waarde} is geen percentage: indicator ${canonical} telt in procenten, vul 0 tot en met 100 in.`
            )
            break
          }
          metingen.push({
            sheet: name,
            row: row.number,
            record: {
              indicator: canonical,
              jaar,
              periode,
              gebied: where ?? { niveau: "regio" },
              waarde,
              // Empty is the programme's own records: for a KPI counted from the register, the register.
              bron:
                bron ??
                (context.dataset.indicatoren.find((i) => i.id === canonical && i.jaar === jaar)?.bron ===
                "activiteitenregister"
                  ? "activiteitenregister"
                  : "programma-administratie"),
              ...(toelichting == null ? {} : { toelichting })
            }
          })
          break
        }
        case "gebieden": {
          const code = gemeente("gemeente")
          const district = text("district")
          const basisteam = text("basisteam")
          const inwoners = read("inwoners", (cell) => {
            const reading = readInteger(cell)
            return reading._tag === "ok" && reading.value === 0
              ? { _tag: "invalid", code: "nul-inwoners", expected: "een aantal inwoners groter dan 0" }
              : reading
          })
          const peildatum = read("peildatum", readDatum)
          if (inwoners != null && peildatum === undefined) {
            const mapping = byField.get("peildatum") ?? byField.get("inwoners")
            problem(
              mapping,
              { _tag: "empty" },
              "peildatum-ontbreekt",
              "de peildatum van het aantal inwoners",
              "het aantal inwoners heeft geen peildatum; vul de peildatum in."
            )
          }
          if (code != null) inScope("gemeente", { niveau: "gemeente", code })
          if (failed(code, district, basisteam, inwoners, peildatum) || code == null) break
          gebieden.push({
            sheet: name,
            row: row.number,
            record: {
              gemeente: code,
              ...(district == null ? {} : { district }),
              ...(basisteam == null ? {} : { basisteam }),
              ...(inwoners == null ? {} : { inwoners }),
              ...(peildatum == null ? {} : { peildatum })
            }
          })
          break
        }
      }
      if (reasons === undefined) result.valid++
      else {
        result.rejected++
        if (options.keepRejected) {
          rejectedSheet.rows.push({
            row: row.number,
            values: match.mappings.map((m) => display(cells[m.index] ?? { _tag: "empty" })),
            reason: reasons.join("; ")
          })
        }
      }
      totalRows++
      if (options.onProgress !== undefined && totalRows % 10_000 === 0) options.onProgress(totalRows, name)
    }

    for (const row of head) {
      if (row.number <= headerRow.number) continue
      handle(row)
      if (pending() >= batchSize) yield take()
    }
    if (!done) {
      for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
        handle(next.value)
        if (pending() >= batchSize) yield take()
      }
    }
  }
  if (pending() > 0) yield take()
  const standaard = Registration.standaardPeriode(perPeriode)
  for (const apart of Registration.losstaandePerioden(perPeriode)) {
    const rijen = apart.rijen === 1 ? "1 registratie" : `${apart.rijen} registraties`
    warnings.push({
      sheet: registratiesSheet ?? "Registraties",
      code: "periode-losstaand",
      message: `Blad ${registratiesSheet ?? "Registraties"}: ${Periode.label(apart.periode)} heeft ${rijen}, tegen ${apart.beste} in de best gevulde periode: die staat los van de rest. Controleer of de periode goed is ingevuld; een informatiebeeld zonder gekozen periode toont ${standaard === undefined ? "de laatste goed gevulde periode" : Periode.label(standaard)}.`
    })
  }
  return {
    sheets: results,
    problems: collector.problems,
    problemCount: collector.count,
    warnings,
    rejected
  }
}

/**
 * The keys of the registrations read so far (periode, gebied, delict), each with where it was first read.
 * A key is one number, not a string per row (that would be most of the heap that lives through a
 * 200,000-row import): the periode's id (in order of first appearance) times the number of gebied–delict
 * pairs, plus the gebied's index among every area the region can name (each gemeente, basisteam and
 * district, and the regio) times the number of delict types, plus the delict's index. The counts are the
 * region's and the delict list's, so the key holds for a region of any size; it stays an exact integer
 * while periodes × areas × delicts is below 2^53 (a million rows over a million areas of 50 delict types
 * is 5·10^13).
 */
class RegistrationKeys {
  private readonly periodes = new Map<string, number>()
  private readonly gebieden = new Map<string, number>()
  private readonly delicten = new Map<string, number>()
  private readonly seen = new Map<number, number>()
  constructor(regio: Geography.Regio) {
    const gebieden = [
      "regio",
      ...regio.districten.map((d) => `district:${d.id}`),
      ...regio.basisteams.map((b) => `basisteam:${b.id}`),
      ...regio.gemeenten.map((g) => g.code as string)
    ]
    for (const key of gebieden) if (!this.gebieden.has(key)) this.gebieden.set(key, this.gebieden.size)
    for (const { value } of labelLists.delict) this.delicten.set(value, this.delicten.size)
  }
  /** The key of a row whose gebied the region names and whose delict the list holds (as the readers check). */
  key(periode: Periode.Periode, gebied: Geography.Gebied, delict: string): number {
    const area =
      gebied.niveau === "gemeente"
        ? gebied.code
        : gebied.niveau === "regio"
          ? "regio"
          : `${gebied.niveau}:${gebied.id}`
    const a = this.gebieden.get(area)
    const d = this.delicten.get(delict)
    if (a === undefined || d === undefined) throw new Error(`geen sleutel voor ${area} en ${delict}`)
    let p = this.periodes.get(periode)
    if (p === undefined) {
      p = this.periodes.size
      this.periodes.set(periode, p)
    }
    return (p * this.gebieden.size + a) * this.delicten.size + d
  }
  get(key: number): number | undefined {
    return this.seen.get(key)
  }
  set(key: number, at: number): void {
    this.seen.set(key, at)
  }
}

/** `Amersfoort`, `Amersfoort en Zeist`, `Amersfoort, Utrecht en Zeist`. */
const listOfNames = (names: ReadonlyArray<string>): string =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} en ${names[names.length - 1]}`

/** Whether a row's first filled cell makes it a totals row (`Totaal`, `TOTAAL 2025`). */
const isTotaal = (cell: Cell): boolean => {
  if (cell._tag !== "text") return false
  const text = cell.value.trimStart()
  return (text.charCodeAt(0) | 32) === 116 && matchKey(text.slice(0, 12)).startsWith("totaal")
}

const listName: Record<keyof typeof labelLists, string> = {
  activiteitSoort: "van activiteiten",
  doelgroep: "van doelgroepen",
  delict: "van delicten",
  bron: "van bronnen"
}

const expectedOf = (column: Column): string => {
  switch (column.type) {
    case "date":
      return "een datum"
    case "periode":
      return "een periode"
    case "integer":
      return "een geheel getal"
    case "money":
      return "een bedrag"
    case "number":
      return "een getal"
    case "gemeente":
    case "eenheid":
      return "een gemeente"
    case "label":
      return "een waarde uit de lijst"
    case "text":
      return "tekst"
  }
}

export type { Sheet }
