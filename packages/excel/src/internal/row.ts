/**
 * What every sheet reader reads its rows with: `Workbook`, the state of one import over all its sheets
 * (the region, the problems and warnings, the caches of looked-up values, the limits and the scope, and the
 * valid rows not yet handed over), and `RowCells`, the current row of one sheet with a reader per kind of
 * field that records a problem at its cell (sheet, cell address, column header, value, what was expected)
 * and returns `null` after one. One `RowCells` serves every row of a sheet, so a row costs no objects
 * beyond its record and its problems.
 */
import { type Dataset, Geography, type Periode, type Registration } from "@dvcc/core"
import {
  type Column,
  canonicalOf,
  gebiedOf,
  gemeenteOf,
  type LabelListName,
  labelLists
} from "../Contract.ts"
import {
  type Cell,
  closest,
  closestLabels,
  display,
  empty,
  isEmpty,
  type Reading,
  readPeriode,
  readText
} from "../Values.ts"
import { columnLetters, LimitExceeded, type Limits } from "./fileCheck.ts"
import type {
  ActivityRow,
  GebiedRow,
  MeasurementRow,
  Parsed,
  ParseOptions,
  Problem,
  Warning
} from "./parse.ts"
import type { Row } from "./reader.ts"

/** Where a field's column is in the sheet. */
export interface Mapping {
  readonly column: Column
  readonly index: number
}

/** The problems of the import: all counted, the first `max` kept. */
export class Collector {
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

/** The valid rows read since the last batch was handed over. */
export interface Pending {
  registraties: Array<Parsed<Registration.Registration>>
  activiteiten: Array<Parsed<ActivityRow>>
  metingen: Array<Parsed<MeasurementRow>>
  gebieden: Array<Parsed<GebiedRow>>
}

/** `Amersfoort`, `Amersfoort en Zeist`, `Amersfoort, Utrecht en Zeist`. */
export const listOfNames = (names: ReadonlyArray<string>): string =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} en ${names[names.length - 1]}`

const listName: Record<LabelListName, string> = {
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

/** The state of one import, shared by the readers of all its sheets. */
export class Workbook {
  readonly dataset: Dataset.Dataset
  readonly regio: Geography.Regio
  readonly options: ParseOptions
  readonly limits: Limits
  readonly collector: Collector
  readonly warnings: Array<Warning> = []
  /** The reference of each sheet read so far (`Registraties`, `'Registraties 2'`), by its index. */
  readonly sheetRefs: Array<string> = []
  pending: Pending = { registraties: [], activiteiten: [], metingen: [], gebieden: [] }
  /** Characters of free text read so far (`maxTotalText`). */
  totalText = 0
  /** With a scope of gemeenten: their codes. */
  readonly scope: ReadonlySet<string> | undefined
  readonly scopeNames: string
  readonly scopeRule: string
  readonly gemeenteCandidates: ReadonlyArray<{
    readonly label: string
    readonly spellings: ReadonlyArray<string>
  }>
  private readonly lookups = new Map<string, Map<string, unknown>>()
  private readonly suggestions = new Map<string, ReadonlyArray<string>>()

  constructor(dataset: Dataset.Dataset, options: ParseOptions, limits: Limits) {
    this.dataset = dataset
    this.regio = dataset.regio
    this.options = options
    this.limits = limits
    this.collector = new Collector(options.maxProblems)
    this.scope = options.scope?.kind === "gemeenten" ? new Set<string>(options.scope.gemeenten) : undefined
    this.scopeNames = listOfNames(
      [...(this.scope ?? [])].map((code) => this.regio.gemeenten.find((g) => g.code === code)?.naam ?? code)
    )
    this.scopeRule =
      this.scopeNames === ""
        ? "dit token mag voor geen enkele gemeente importeren"
        : `dit token mag alleen importeren voor ${this.scopeNames}`
    this.gemeenteCandidates = this.regio.gemeenten.map((g) => ({
      label: g.naam,
      spellings: [g.naam, g.code]
    }))
  }

  /** Rows repeat the same gemeenten, delicten and periods: each distinct text is looked up once. */
  lookup<A>(scope: string, text: string, compute: () => A): A {
    let scoped = this.lookups.get(scope)
    if (scoped === undefined) {
      scoped = new Map()
      this.lookups.set(scope, scoped)
    }
    if (scoped.has(text)) return scoped.get(text) as A
    const value = compute()
    if (scoped.size < 20_000) scoped.set(text, value)
    return value
  }

  /** Suggestions cost an edit distance per label: computed once per distinct value, and only while they are shown. */
  suggest(scope: string, text: string, compute: () => ReadonlyArray<string>): ReadonlyArray<string> {
    if (this.collector.problems.length >= this.collector.max && !this.options.keepRejected) return []
    const key = `${scope}\u0000${text}`
    let found = this.suggestions.get(key)
    if (found === undefined) {
      found = compute()
      if (this.suggestions.size < 10_000) this.suggestions.set(key, found)
    }
    return found
  }

  /** Hands over the valid rows read since the last call. */
  take(): Pending {
    const pending = this.pending
    this.pending = { registraties: [], activiteiten: [], metingen: [], gebieden: [] }
    return pending
  }

  pendingCount(): number {
    const p = this.pending
    return p.registraties.length + p.activiteiten.length + p.metingen.length + p.gebieden.length
  }
}

/**
 * The current row of a sheet and the readers of its fields. A reader returns the field's value,
 * `undefined` when its cell is empty (unknown), or `null` after a problem at the cell.
 */
export class RowCells {
  readonly workbook: Workbook
  /** The sheet's name, its reference in a cell address and its index in `workbook.sheetRefs`. */
  readonly sheet: string
  readonly ref: string
  readonly sheetIndex: number
  readonly byField: ReadonlyMap<string, Mapping>
  cells: ReadonlyArray<Cell> = []
  number = 0
  /** The problems of the row as the rejected-rows workbook states them; `undefined` while there are none. */
  reasons: Array<string> | undefined

  constructor(
    workbook: Workbook,
    sheet: { readonly name: string; readonly ref: string; readonly index: number },
    mappings: ReadonlyArray<Mapping>
  ) {
    this.workbook = workbook
    this.sheet = sheet.name
    this.ref = sheet.ref
    this.sheetIndex = sheet.index
    this.byField = new Map(mappings.map((m) => [m.column.field, m]))
  }

  /** Moves to `row`. */
  start(row: Row): void {
    this.cells = row.cells
    this.number = row.number
    this.reasons = undefined
  }

  mapping(field: string): Mapping | undefined {
    return this.byField.get(field)
  }

  /** The cell of `field` (column A when the sheet has no such column). */
  cell(field: string): Cell {
    return this.cells[this.byField.get(field)?.index ?? 0] ?? empty
  }

  /** Whether any reading failed or the row has a problem already. */
  failed(...values: ReadonlyArray<unknown>): boolean {
    return values.some((v) => v === null) || this.reasons !== undefined
  }

  problem(
    mapping: Mapping | undefined,
    cell: Cell,
    code: string,
    expected: string,
    message: string,
    suggestions?: ReadonlyArray<string>
  ): void {
    const letter = columnLetters((mapping?.index ?? 0) + 1)
    const address = `${this.ref}!${letter}${this.number}`
    const text = `${address}${mapping === undefined ? "" : ` (${mapping.column.header})`}: ${message}`
    if (this.reasons === undefined) this.reasons = []
    this.reasons.push(text)
    const { sheet, number } = this
    this.workbook.collector.add(() => ({
      sheet,
      cell: address,
      row: number,
      column: mapping?.column.header ?? letter,
      value: display(cell),
      expected,
      code,
      message: text,
      ...(suggestions === undefined ? {} : { suggestions })
    }))
  }

  read<A>(field: string, reader: (cell: Cell) => Reading<A>): A | undefined | null {
    const mapping = this.byField.get(field)
    if (mapping === undefined) return undefined
    const cell = this.cells[mapping.index] ?? empty
    if (isEmpty(cell)) {
      if (mapping.column.required) {
        this.problem(
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
      this.problem(
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
      this.problem(
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

  /** A periode; the same texts are read once per workbook. */
  readonly periode = (cell: Cell): Reading<Periode.Periode> =>
    cell._tag === "text"
      ? this.workbook.lookup("periode", cell.value, () => readPeriode(cell))
      : readPeriode(cell)

  /** A value of the field's label list, by its label or value in any spelling. */
  label(field: string): string | undefined | null {
    return this.read(field, (cell) => {
      const mapping = this.byField.get(field) as Mapping
      const list = mapping.column.labels ?? "delict"
      const value = this.workbook.lookup(list, display(cell), () => canonicalOf(list, display(cell)))
      if (value !== undefined) return { _tag: "ok", value }
      const suggestions = this.workbook.suggest(list, display(cell), () => closestLabels(list, display(cell)))
      this.problem(
        mapping,
        cell,
        "onbekend-label",
        `een van: ${labelLists[list].map((l) => l.label).join(", ")}`,
        `"${display(cell)}" staat niet in de lijst ${listName[list]}; bedoelt u ${suggestions.join(", ")}?`,
        suggestions
      )
      return { _tag: "ok", value: null }
    })
  }

  /** A gemeente of the region, by name or CBS code. */
  gemeente(field: string): Geography.CbsCode | undefined | null {
    return this.read(field, (cell) => {
      const found = this.workbook.lookup("gemeente", display(cell), () =>
        gemeenteOf(this.workbook.regio, display(cell))
      )
      if (found !== undefined) return { _tag: "ok", value: found.code }
      return { _tag: "ok", value: this.unknownGemeente(field, cell) }
    })
  }

  /** An area of the region: a gemeente, `district …`, `basisteam …` or the regio. */
  gebied(field: string): Geography.Gebied | undefined | null {
    return this.read(field, (cell) => {
      const found = this.workbook.lookup("gebied", display(cell), () =>
        gebiedOf(this.workbook.regio, display(cell))
      )
      if (found !== undefined) return { _tag: "ok", value: found }
      return { _tag: "ok", value: this.unknownGemeente(field, cell) }
    })
  }

  private unknownGemeente(field: string, cell: Cell): null {
    const { regio, gemeenteCandidates } = this.workbook
    const suggestions = this.workbook.suggest("gemeente", display(cell), () =>
      closest(display(cell), gemeenteCandidates)
    )
    this.problem(
      this.byField.get(field),
      cell,
      "onbekende-gemeente",
      `een gemeente van regio ${regio.naam} (naam of CBS-code)`,
      `"${display(cell)}" is geen gemeente van regio ${regio.naam}; bedoelt u ${suggestions.join(", ")}?`,
      suggestions
    )
    return null
  }

  /** Free text, at most `maxTextLength` characters: longer text is a problem of its cell, not stored. */
  text(field: string, reader: (cell: Cell) => Reading<string> = readText): string | undefined | null {
    const value = this.read(field, reader)
    if (value == null) return value
    const { limits } = this.workbook
    if (value.length > limits.maxTextLength) {
      const mapping = this.byField.get(field) as Mapping
      this.problem(
        mapping,
        { _tag: "text", value: `${value.slice(0, 50)}…` },
        "te-lang",
        `tekst van hoogstens ${limits.maxTextLength.toLocaleString("nl-NL")} tekens`,
        `de tekst is ${value.length.toLocaleString("nl-NL")} tekens lang; de grens is ${limits.maxTextLength.toLocaleString("nl-NL")}. Kort hem in.`
      )
      return null
    }
    this.workbook.totalText += value.length
    if (this.workbook.totalText > limits.maxTotalText) {
      throw new LimitExceeded(
        "te-veel-tekst",
        `De werkmap heeft samen meer dan ${limits.maxTotalText.toLocaleString("nl-NL")} tekens vrije tekst (bij blad ${this.sheet}, rij ${this.number}); splits de gegevens over meer werkmappen.`
      )
    }
    return value
  }

  /** With a scope of gemeenten: a problem when the row is about another gemeente or an aggregate. */
  inScope(field: string, where: Geography.Gebied): boolean {
    const { scope, scopeNames, scopeRule, regio } = this.workbook
    if (scope === undefined) return true
    if (where.niveau === "gemeente" && scope.has(where.code)) return true
    const about =
      where.niveau === "gemeente"
        ? `gemeente ${Geography.gebiedLabel(regio, where)}`
        : `${Geography.gebiedLabel(regio, where)} (geen gemeente)`
    this.problem(
      this.byField.get(field),
      this.cell(field),
      "buiten-scope",
      scopeNames === "" ? "geen rijen (geen gemeente toegestaan)" : `een rij over ${scopeNames}`,
      `deze rij gaat over ${about}; ${scopeRule}.`
    )
    return false
  }
}

/**
 * Reads the rows of one kind of sheet. Made once per workbook (at its first sheet of the kind), so it may
 * keep what spans sheets, such as the keys of the rows read so far.
 */
export interface SheetReader {
  /** Reads the row `row` is at: its record, when valid, goes to `workbook.pending`; its problems to `row`. */
  readonly read: (row: RowCells) => void
  /** After the last sheet: warnings about the kind's rows over the whole workbook. */
  readonly finish?: (() => void) | undefined
}

/** A kind of sheet's reader, for one workbook. */
export type MakeReader = (workbook: Workbook) => SheetReader
