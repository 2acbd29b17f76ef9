/**
 * Cell values as people type them in Dutch Excel, read into dvcc's types: `1.234,56`, `€ 1.300.000`,
 * `16,9%`, `3-2-2025` (day first), `maart 2025`, real Excel dates, numbers stored as text, trailing and
 * non-breaking spaces. Pure functions: every reading gives a value or what was expected instead.
 *
 * @since 0.1.0
 */
import { Money, Periode } from "@dvcc/core"
import { type LabelListName, labelLists, matchKey } from "./Contract.ts"

/**
 * A cell as the reader hands it over: empty, a number (with the cell's number format), text, a date or an
 * Excel error value (`#DIV/0!`).
 *
 * @since 0.1.0
 * @category models
 */
export type Cell =
  | { readonly _tag: "empty" }
  | { readonly _tag: "number"; readonly value: number; readonly percent: boolean }
  | { readonly _tag: "text"; readonly value: string }
  | { readonly _tag: "date"; readonly value: Date }
  | { readonly _tag: "error"; readonly value: string }

/**
 * @since 0.1.0
 * @category constructors
 */
export const empty: Cell = { _tag: "empty" }

/**
 * A reading that failed: a problem code and what was expected, in Dutch.
 *
 * @since 0.1.0
 * @category models
 */
export interface Invalid {
  readonly _tag: "invalid"
  readonly code: string
  readonly expected: string
}

/**
 * @since 0.1.0
 * @category models
 */
export type Reading<A> = { readonly _tag: "ok"; readonly value: A } | Invalid

const ok = <A>(value: A): Reading<A> => ({ _tag: "ok", value })
const invalid = (code: string, expected: string): Invalid => ({ _tag: "invalid", code, expected })

/**
 * Text without surrounding spaces, with non-breaking and other odd spaces as plain ones.
 *
 * @since 0.1.0
 * @category parsing
 */
export const clean = (text: string): string =>
  text
    .replace(/[\u00a0\u2007\u202f\u2009\u200b\ufeff]/g, " ")
    .replace(/\s+/g, " ")
    .trim()

/**
 * The text a person sees in a cell (for problem messages and label columns).
 *
 * @since 0.1.0
 * @category parsing
 */
export const display = (cell: Cell): string => {
  switch (cell._tag) {
    case "empty":
      return ""
    case "number":
      return cell.percent ? `${formatNumber(cell.value * 100)}%` : formatNumber(cell.value)
    case "text":
      return clean(cell.value)
    case "date":
      return `${cell.value.getUTCDate()}-${cell.value.getUTCMonth() + 1}-${cell.value.getUTCFullYear()}`
    case "error":
      return cell.value
  }
}

const formatNumber = (n: number): string => `${Number(n.toPrecision(12))}`.replace(".", ",")

/**
 * Whether a cell holds nothing: empty, only spaces, or a dash (`-`, `–`, `—`), as people mark "not known".
 *
 * @since 0.1.0
 * @category parsing
 */
export const isEmpty = (cell: Cell): boolean =>
  cell._tag === "empty" || (cell._tag === "text" && /^[-–—]?$/.test(clean(cell.value)))

/**
 * A number as written in Dutch (`1.234,56`, `1234,5`, `€ 1.300.000`, `€ 2.500,-`, `-3`), or in English as numbers
 * stored as text often are (`1234.5`); `percent` tells whether it ended in `%`. `undefined` when it is no
 * number.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseDutchNumber = (
  text: string
): { readonly value: number; readonly percent: boolean } | undefined => {
  let s = clean(text)
    .replace(/^(?:€|eur(?:o)?)\s*/i, "")
    .replace(/\s*(?:€|eur(?:o)?)$/i, "")
    .replace(/ /g, "")
    // `2.500,-` and `2.500,--`: whole euros, as amounts are written in Dutch.
    .replace(/,-{1,2}$/, "")
  const percent = s.endsWith("%")
  if (percent) s = s.slice(0, -1)
  const negative = s.startsWith("-")
  if (negative || s.startsWith("+")) s = s.slice(1)
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return undefined
  const lastComma = s.lastIndexOf(",")
  const lastDot = s.lastIndexOf(".")
  let normal: string
  if (lastComma >= 0 && lastDot >= 0) {
    // Both: the last one is the decimal separator, the other groups thousands.
    const [thousands, decimal] = lastComma > lastDot ? [".", ","] : [",", "."]
    const [whole = "", fraction = "", ...rest] = s.split(decimal)
    if (rest.length > 0 || !groupedThousands(whole, thousands)) return undefined
    normal = `${whole.replaceAll(thousands, "")}.${fraction}`
  } else if (lastComma >= 0) {
    // `1,5` is a decimal comma; `1,234,567` groups thousands the English way.
    if (s.split(",").length === 2) normal = s.replace(",", ".")
    else if (groupedThousands(s, ",")) normal = s.replaceAll(",", "")
    else return undefined
  } else if (lastDot >= 0) {
    // `1.234` and `1.234.567` group thousands in Dutch; `16.9` is a decimal point.
    if (groupedThousands(s, ".")) normal = s.replaceAll(".", "")
    else if (s.split(".").length === 2) normal = s
    else return undefined
  } else {
    normal = s
  }
  const value = Number(normal)
  if (!Number.isFinite(value)) return undefined
  return { value: negative ? -value : value, percent }
}

const groupedThousands = (s: string, separator: string): boolean => {
  if (!s.includes(separator)) return /^\d+$/.test(s)
  const groups = s.split(separator)
  return /^\d{1,3}$/.test(groups[0] ?? "") && groups.slice(1).every((g) => /^\d{3}$/.test(g))
}

/**
 * A number ≥ 0 from a cell: a number, or text as in `parseDutchNumber`.
 *
 * @since 0.1.0
 * @category parsing
 */
const numberOf = (cell: Cell): { readonly value: number; readonly percent: boolean } | undefined => {
  switch (cell._tag) {
    case "number":
      return { value: cell.value, percent: cell.percent }
    case "text":
      return parseDutchNumber(cell.value)
    default:
      return undefined
  }
}

/**
 * A whole number ≥ 0 (`1.234`, `12`, a number stored as text).
 *
 * @since 0.1.0
 * @category parsing
 */
export const readInteger = (cell: Cell): Reading<number> => {
  const n = numberOf(cell)
  if (n === undefined || n.percent) return invalid("geen-getal", "een geheel getal, zoals 1.234")
  if (n.value < 0) return invalid("negatief", "een aantal van 0 of meer")
  if (!Number.isInteger(n.value)) return invalid("geen-geheel-getal", "een geheel getal, zonder decimalen")
  if (!Number.isSafeInteger(n.value)) return invalid("te-groot", "een aantal onder 9.007.199.254.740.991")
  return ok(n.value)
}

/**
 * An amount in euros (`€ 1.300.000`, `1.234,56`), in cents.
 *
 * @since 0.1.0
 * @category parsing
 */
export const readMoney = (cell: Cell): Reading<Money.Money> => {
  const n = numberOf(cell)
  if (n === undefined || n.percent)
    return invalid("geen-bedrag", "een bedrag in euro's, zoals € 1.300.000 of 1.234,56")
  if (n.value < 0) return invalid("negatief", "een bedrag van 0 of meer")
  const cents = Math.round(n.value * 100)
  if (!Number.isSafeInteger(cents)) return invalid("te-groot", "een bedrag onder 90 biljoen euro")
  return ok(Money.cents(cents))
}

/**
 * A number ≥ 0; a percentage (`16,9%`, or `0,169` in a cell formatted as percentage) reads as 16,9.
 *
 * @since 0.1.0
 * @category parsing
 */
export const readNumber = (cell: Cell): Reading<number> => {
  const n = numberOf(cell)
  if (n === undefined) return invalid("geen-getal", "een getal, zoals 1.234,5 of 16,9%")
  if (n.value < 0) return invalid("negatief", "een getal van 0 of meer")
  const percentCell = cell._tag === "number" && cell.percent
  // Float noise (0.169 * 100 = 16.900000000000002) is rounded away at 10 decimals.
  return ok(percentCell ? Number((n.value * 100).toFixed(10)) : n.value)
}

/**
 * Free text, cleaned of odd spaces.
 *
 * @since 0.1.0
 * @category parsing
 */
export const readText = (cell: Cell): Reading<string> => {
  const text = display(cell)
  return text === "" ? invalid("leeg", "tekst") : ok(text)
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

const validDate = (year: number, month: number, day: number): Periode.Datum | undefined =>
  year >= 1900 && year <= 2199 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
    ? Periode.datum(year, month, day)
    : undefined

const fullYear = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y))

/**
 * A date typed as text, day first: `3-2-2025`, `03/02/2025`, `3.2.25`, `3 februari 2025`, or ISO
 * `2025-02-03`.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parseDatum = (text: string): Periode.Datum | undefined => {
  const s = clean(text).toLowerCase()
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s)
  if (iso !== null) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(s)
  if (dayFirst !== null)
    return validDate(fullYear(dayFirst[3] ?? ""), Number(dayFirst[2]), Number(dayFirst[1]))
  const named = /^(\d{1,2})[ -]([a-z]+)\.?[ -](\d{4})$/.exec(s)
  if (named !== null) {
    const month = Periode.maandVanNaam(named[2] ?? "")
    return month === undefined ? undefined : validDate(Number(named[3]), month, Number(named[1]))
  }
  return undefined
}

/** Excel's serial day numbers of 1-1-1990 and 31-12-2100: plain numbers in a date column within them are dates. */
const serialRange = [32_874, 73_415] as const

/**
 * The moment of an Excel serial day number (days since 30-12-1899, or since 1-1-1904 in a workbook with the
 * 1904 date system): the one conversion the readers and the date cells share.
 *
 * @since 0.1.0
 * @category parsing
 */
export const dateOfSerial = (serial: number, date1904 = false): Date =>
  new Date(Math.round((serial + (date1904 ? 1462 : 0) - 25_569) * 86_400_000))

const datumOfDate = (date: Date): Periode.Datum | undefined =>
  validDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())

/**
 * A date from a cell: a real Excel date, a date typed as text (`parseDatum`), or a date's serial number in
 * a cell without date format.
 *
 * @since 0.1.0
 * @category parsing
 */
export const readDatum = (cell: Cell): Reading<Periode.Datum> => {
  const expected = "een datum, zoals 3-2-2025 (dag eerst) of een Excel-datum"
  let datum: Periode.Datum | undefined
  if (cell._tag === "date") datum = datumOfDate(cell.value)
  else if (cell._tag === "text") datum = parseDatum(cell.value)
  else if (
    cell._tag === "number" &&
    Number.isInteger(cell.value) &&
    cell.value >= serialRange[0] &&
    cell.value <= serialRange[1]
  )
    datum = datumOfDate(dateOfSerial(cell.value))
  return datum === undefined ? invalid("geen-datum", expected) : ok(datum)
}

/**
 * A period typed as text, in every notation core's `Periode.parse` reads (`2025-Q1`, `Q1 2025`, `2e kwartaal
 * 2025`, `maart 2025`, …): the import reads periods as the command line and the API do.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parsePeriode = (text: string): Periode.Periode | undefined => Periode.parse(text)

/**
 * A period from a cell: text as in `parsePeriode`, a year as a number, or a real Excel date on the first
 * of a month (Excel turns a typed `2025-03` or `maart 2025` into one), which stands for that month.
 *
 * @since 0.1.0
 * @category parsing
 */
export const readPeriode = (cell: Cell): Reading<Periode.Periode> => {
  const expected = "een periode: 2025 (jaar), 2025-Q1 (kwartaal), 2025-03 of maart 2025 (maand)"
  if (cell._tag === "text") {
    const periode = parsePeriode(cell.value)
    return periode === undefined ? invalid("geen-periode", expected) : ok(periode)
  }
  if (cell._tag === "number" && Number.isInteger(cell.value) && cell.value >= 1900 && cell.value <= 2199) {
    return ok(Periode.jaar(cell.value))
  }
  if (cell._tag === "date" && cell.value.getUTCDate() === 1) {
    return ok(Periode.maand(cell.value.getUTCFullYear(), cell.value.getUTCMonth() + 1))
  }
  return invalid("geen-periode", expected)
}

/**
 * Edit distance between two strings (insertions, deletions, substitutions), for suggesting labels.
 *
 * @since 0.1.0
 * @category matching
 */
export const distance = (a: string, b: string): number => {
  if (a === b) return 0
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

/**
 * The `count` labels closest to what someone wrote, best first, among `candidates` (the label people see
 * and the spellings that stand for it).
 *
 * @since 0.1.0
 * @category matching
 */
export const closest = (
  text: string,
  candidates: ReadonlyArray<{ readonly label: string; readonly spellings: ReadonlyArray<string> }>,
  count = 3
): ReadonlyArray<string> => {
  let keyed = keyedCandidates.get(candidates)
  if (keyed === undefined) {
    keyed = candidates.map((c) => ({ label: c.label, keys: c.spellings.map(matchKey) }))
    keyedCandidates.set(candidates, keyed)
  }
  const key = matchKey(text)
  return keyed
    .map((c) => {
      let best = Number.POSITIVE_INFINITY
      for (const other of c.keys) {
        const d =
          other.includes(key) || key.includes(other)
            ? Math.abs(other.length - key.length) / 4
            : distance(key, other)
        best = Math.min(best, d)
      }
      return { label: c.label, best }
    })
    .sort((a, b) => a.best - b.best || a.label.localeCompare(b.label))
    .slice(0, count)
    .map((c) => c.label)
}

const keyedCandidates = new WeakMap<
  object,
  ReadonlyArray<{ readonly label: string; readonly keys: ReadonlyArray<string> }>
>()

const listCandidates = new Map<
  LabelListName,
  ReadonlyArray<{ readonly label: string; readonly spellings: ReadonlyArray<string> }>
>()

/**
 * The closest labels of a label list to what someone wrote.
 *
 * @since 0.1.0
 * @category matching
 */
export const closestLabels = (list: LabelListName, text: string, count = 3): ReadonlyArray<string> => {
  let candidates = listCandidates.get(list)
  if (candidates === undefined) {
    candidates = labelLists[list].map((l) => ({
      label: l.label,
      spellings: [l.label, l.value, ...l.variants]
    }))
    listCandidates.set(list, candidates)
  }
  return closest(text, candidates, count)
}
