/**
 * Periods and calendar dates, the one time vocabulary of dvcc.
 *
 * A `Periode` is a year (`2025`), a quarter (`2025-Q1`) or a month (`2025-03`). A year and its own
 * quarters or months describe the same time twice, so aggregations pick one granularity and never
 * add a year to the months inside it.
 *
 * @since 0.1.0
 */
import { DateTime, Effect, Schema, SchemaTransformation } from "effect"

const periodePattern = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/
const datumPattern = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

/**
 * A calendar date as `YYYY-MM-DD`: the one date type of dvcc (peildatum, as-of date, expected date).
 *
 * @since 0.1.0
 * @category models
 */
export const Datum = Schema.String.pipe(
  Schema.check(
    Schema.makeFilter((s: string) => isValidDatum(s) || `"${s}" is geen datum van de vorm JJJJ-MM-DD`)
  ),
  Schema.brand("Datum")
).annotate({ identifier: "Datum", description: "Calendar date YYYY-MM-DD" })

/**
 * @since 0.1.0
 * @category models
 */
export type Datum = typeof Datum.Type

/**
 * A year (`2025`), quarter (`2025-Q3`) or month (`2025-03`).
 *
 * @since 0.1.0
 * @category models
 */
export const Periode = Schema.String.pipe(
  Schema.check(
    Schema.makeFilter(
      (s: string) =>
        periodePattern.test(s) ||
        `"${s}" is geen periode: gebruik 2025 (jaar), 2025-Q1 (kwartaal) of 2025-03 (maand)`
    )
  ),
  Schema.brand("Periode")
).annotate({ identifier: "Periode", description: "Year 2025, quarter 2025-Q1 or month 2025-03" })

/**
 * @since 0.1.0
 * @category models
 */
export type Periode = typeof Periode.Type

/**
 * @since 0.1.0
 * @category models
 */
export type Granulariteit = "jaar" | "kwartaal" | "maand"

interface Parts {
  readonly jaar: number
  readonly granulariteit: Granulariteit
  /** First month, 1-based. */
  readonly vanMaand: number
  readonly maanden: number
  readonly begin: Datum
  readonly einde: Datum
  readonly midden: number
}

// Periods repeat across millions of measurements; parsing each distinct string once keeps rules fast.
const partsCache = new Map<string, Parts>()

const parts = (periode: Periode): Parts => {
  let cached = partsCache.get(periode)
  if (cached === undefined) {
    cached = parseParts(periode)
    if (partsCache.size < 100_000) partsCache.set(periode, cached)
  }
  return cached
}

const parseParts = (periode: Periode): Parts => {
  const match = periodePattern.exec(periode)
  if (match === null) throw new Error(`invalid Periode ${periode}`)
  const jaar = Number(match[1])
  if (match[2] !== undefined) return withDates(jaar, "kwartaal", (Number(match[2]) - 1) * 3 + 1, 3)
  if (match[3] !== undefined) return withDates(jaar, "maand", Number(match[3]), 1)
  return withDates(jaar, "jaar", 1, 12)
}

const withDates = (jaar: number, granulariteit: Granulariteit, vanMaand: number, maanden: number): Parts => {
  const lastMonth = vanMaand + maanden - 1
  return {
    jaar,
    granulariteit,
    vanMaand,
    maanden,
    begin: datum(jaar, vanMaand, 1),
    einde: datum(jaar, lastMonth, daysInMonth(jaar, lastMonth)),
    midden: jaar + (vanMaand - 1 + maanden / 2) / 12
  }
}

/**
 * Builds periods in code without decoding, for values known to be valid.
 *
 * @since 0.1.0
 * @category constructors
 */
export const jaar = (year: number): Periode => `${year}` as Periode

/**
 * @since 0.1.0
 * @category constructors
 */
export const kwartaal = (year: number, quarter: 1 | 2 | 3 | 4): Periode => `${year}-Q${quarter}` as Periode

/**
 * @since 0.1.0
 * @category constructors
 */
export const maand = (year: number, month: number): Periode => `${year}-${pad(month)}` as Periode

/**
 * @since 0.1.0
 * @category constructors
 */
export const datum = (year: number, month: number, day: number): Datum =>
  `${year}-${pad(month)}-${pad(day)}` as Datum

/**
 * @since 0.1.0
 * @category getters
 */
export const granulariteit = (periode: Periode): Granulariteit => parts(periode).granulariteit

/**
 * @since 0.1.0
 * @category getters
 */
export const jaarVan = (periode: Periode): number => parts(periode).jaar

/**
 * Number of months a period spans (12, 3 or 1).
 *
 * @since 0.1.0
 * @category getters
 */
export const aantalMaanden = (periode: Periode): number => parts(periode).maanden

/**
 * First day of the period.
 *
 * @since 0.1.0
 * @category getters
 */
export const begin = (periode: Periode): Datum => parts(periode).begin

/**
 * Last day of the period.
 *
 * @since 0.1.0
 * @category getters
 */
export const einde = (periode: Periode): Datum => parts(periode).einde

/**
 * The period of the same granularity just before this one (2025-Q1 → 2024-Q4).
 *
 * @since 0.1.0
 * @category getters
 */
export const vorige = (periode: Periode): Periode => verschuif(periode, -1)

/**
 * The same period one year earlier (2025-Q3 → 2024-Q3).
 *
 * @since 0.1.0
 * @category getters
 */
export const jaarEerder = (periode: Periode): Periode => {
  const p = parts(periode)
  return fromParts({ ...p, jaar: p.jaar - 1 })
}

/**
 * Moves a period by `steps` periods of its own granularity.
 *
 * @since 0.1.0
 * @category getters
 */
export const verschuif = (periode: Periode, steps: number): Periode => {
  const p = parts(periode)
  const index = p.jaar * 12 + (p.vanMaand - 1) + steps * p.maanden
  return fromParts({ ...p, jaar: Math.floor(index / 12), vanMaand: (index % 12) + 1 })
}

/**
 * The months (`2025-01` … `2025-12`) inside a period.
 *
 * @since 0.1.0
 * @category getters
 */
export const maandenIn = (periode: Periode): ReadonlyArray<Periode> => {
  const p = parts(periode)
  return Array.from({ length: p.maanden }, (_, i) => maand(p.jaar, p.vanMaand + i))
}

/**
 * The quarters inside a year or the quarter itself; a month gives its quarter.
 *
 * @since 0.1.0
 * @category getters
 */
export const kwartalenIn = (periode: Periode): ReadonlyArray<Periode> => {
  const p = parts(periode)
  const first = Math.floor((p.vanMaand - 1) / 3) + 1
  const count = Math.max(1, p.maanden / 3)
  return Array.from({ length: count }, (_, i) => kwartaal(p.jaar, (first + i) as 1 | 2 | 3 | 4))
}

/**
 * Whether `inner` lies wholly inside `outer` (a period lies inside itself).
 *
 * @since 0.1.0
 * @category predicates
 */
export const bevat = (outer: Periode, inner: Periode): boolean =>
  begin(inner) >= begin(outer) && einde(inner) <= einde(outer)

/**
 * Whether a date falls inside a period.
 *
 * @since 0.1.0
 * @category predicates
 */
export const bevatDatum = (periode: Periode, dag: Datum): boolean =>
  dag >= begin(periode) && dag <= einde(periode)

/**
 * The calendar day (UTC) of a moment: how every part of dvcc turns a time into a `Datum`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const datumVan = (moment: DateTime.DateTime): Datum => DateTime.formatIsoDateUtc(moment) as Datum

/**
 * Today (UTC), read from the Clock when run: the one "today" of the CLI, the API and the import (tests set
 * it with `TestClock`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const vandaag: Effect.Effect<Datum> = Effect.map(DateTime.now, datumVan)

/**
 * Dutch label for people: `2025`, `2025 Q3`, `maart 2025`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const label = (periode: Periode): string => {
  const p = parts(periode)
  switch (p.granulariteit) {
    case "jaar":
      return `${p.jaar}`
    case "kwartaal":
      return `${p.jaar} Q${(p.vanMaand - 1) / 3 + 1}`
    case "maand":
      return `${maandNamen[p.vanMaand - 1]} ${p.jaar}`
  }
}

/**
 * Dutch label of a date's month (`januari 2026`), used where the seeds speak of "volgt in januari 2026".
 *
 * @since 0.1.0
 * @category formatting
 */
export const maandLabel = (dag: Datum): string =>
  `${maandNamen[Number(dag.slice(5, 7)) - 1]} ${dag.slice(0, 4)}`

/**
 * Dutch label of a date: `31 december 2025`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const datumLabel = (dag: Datum): string => `${Number(dag.slice(8, 10))} ${maandLabel(dag)}`

/**
 * Days from the epoch, for fractions of elapsed time; pure arithmetic on the calendar, no clock.
 *
 * @since 0.1.0
 * @category getters
 */
export const dagnummer = (dag: Datum): number =>
  Date.UTC(Number(dag.slice(0, 4)), Number(dag.slice(5, 7)) - 1, Number(dag.slice(8, 10))) / 86_400_000

/**
 * Share of a period that has passed on `peildatum`: 0 before it starts, 1 from its last day on.
 *
 * @since 0.1.0
 * @category getters
 */
export const verstreken = (periode: Periode, peildatum: Datum): number => {
  const start = dagnummer(begin(periode))
  const end = dagnummer(einde(periode)) + 1
  const now = dagnummer(peildatum) + 1
  return Math.min(1, Math.max(0, (now - start) / (end - start)))
}

/**
 * Whole months of a period that have passed on `peildatum` (a month counts once its last day is reached).
 *
 * @since 0.1.0
 * @category getters
 */
export const verstrekenMaanden = (periode: Periode, peildatum: Datum): number =>
  maandenIn(periode).filter((m) => einde(m) <= peildatum).length

/**
 * Fractional position of a period on a year axis (2024 → 2024.5, 2024-Q1 → 2024.125), for trajectories
 * whose baseline and target are years.
 *
 * @since 0.1.0
 * @category getters
 */
export const midden = (periode: Periode): number => parts(periode).midden

const maandNamen = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december"
] as const

const pad = (n: number) => `${n}`.padStart(2, "0")

/** Month names and the abbreviations people type, by month number − 1. */
const maandAfkortingen: ReadonlyArray<ReadonlyArray<string>> = [
  ["jan"],
  ["feb"],
  ["mrt", "mar"],
  ["apr"],
  [],
  ["jun"],
  ["jul"],
  ["aug"],
  ["sep", "sept"],
  ["okt", "oct"],
  ["nov"],
  ["dec"]
]

const maandPerNaam = new Map<string, number>(
  maandNamen.flatMap((naam, i) => [naam, ...(maandAfkortingen[i] ?? [])].map((n) => [n, i + 1] as const))
)

/**
 * The month (1–12) of a Dutch month name or its usual abbreviation (`maart`, `mrt`, `Sept.`), else
 * `undefined`.
 *
 * @since 0.1.0
 * @category parsing
 */
export const maandVanNaam = (naam: string): number | undefined =>
  maandPerNaam.get(naam.toLowerCase().replace(/\.$/, ""))

const rangtelwoorden = new Map([
  ["eerste", 1],
  ["tweede", 2],
  ["derde", 3],
  ["vierde", 4]
])

/**
 * A period as people type it: a year (`2025`); a quarter (`2025-Q1`, `2025 Q1`, `Q1 2025`, `K1 2025`,
 * `2e kwartaal 2025`, `tweede kwartaal 2025`, `kwartaal 2 2025`, `2e kw 2025`); a month (`2025-03`,
 * `03-2025`, `maart 2025`, `mrt 2025`). Years 1900–2199; `undefined` for anything else. The one parser of
 * periods: the import, the command line and the API read periods with it.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (text: string): Periode | undefined => {
  const s = text
    .replace(/[\u00a0\u2007\u202f\u2009\u200b\ufeff]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase()
    .replace(/\s*-\s*/g, "-")
  const year = (y: string | undefined) => {
    const n = Number(y)
    return y !== undefined && /^\d{4}$/.test(y) && n >= 1900 && n <= 2199 ? n : undefined
  }
  const quarter = (y: string | undefined, q: number) => {
    const n = year(y)
    return n === undefined || q < 1 || q > 4 ? undefined : kwartaal(n, q as 1 | 2 | 3 | 4)
  }
  const month = (y: string | undefined, m: number | undefined) => {
    const n = year(y)
    return n === undefined || m === undefined || m < 1 || m > 12 ? undefined : maand(n, m)
  }
  let m = /^(\d{4})$/.exec(s)
  if (m !== null) {
    const y = year(m[1])
    return y === undefined ? undefined : jaar(y)
  }
  m = /^(\d{4})[- ]?(?:q|k|kw)([1-9])$/.exec(s)
  if (m !== null) return quarter(m[1], Number(m[2]))
  m = /^(?:q|k|kw)([1-9])[- ](\d{4})$/.exec(s)
  if (m !== null) return quarter(m[2], Number(m[1]))
  m = /^(?:(\d)(?:e|de|ste)?|(eerste|tweede|derde|vierde)) (?:kwartaal|kw\.?)[- ](\d{4})$/.exec(s)
  if (m !== null)
    return quarter(m[3], m[1] === undefined ? (rangtelwoorden.get(m[2] ?? "") ?? 0) : Number(m[1]))
  m = /^kwartaal (\d)[- ](\d{4})$/.exec(s)
  if (m !== null) return quarter(m[2], Number(m[1]))
  m = /^(\d{4})[-/](\d{1,2})$/.exec(s)
  if (m !== null) return month(m[1], Number(m[2]))
  m = /^(\d{1,2})[-/](\d{4})$/.exec(s)
  if (m !== null) return month(m[2], Number(m[1]))
  m = /^([a-z]+)\.?[ -](\d{4})$/.exec(s)
  if (m !== null) return month(m[2], maandVanNaam(m[1] ?? ""))
  return undefined
}

/**
 * A `Periode` from text in any notation `parse` reads (`Q1 2026`, `2e kwartaal 2026`, `maart 2026`),
 * encoded as `2026-Q1`: for command-line flags and query parameters. Text it cannot read is refused with
 * the `Periode` message.
 *
 * @since 0.1.0
 * @category models
 */
export const FromText = Schema.String.pipe(
  Schema.decodeTo(
    Periode,
    SchemaTransformation.transform({
      decode: (text: string) => parse(text) ?? text,
      encode: (p: string) => p
    })
  )
).annotate({
  identifier: "PeriodeText",
  description: "A period: 2025, 2025-Q1, Q1 2025, 2e kwartaal 2025, 2025-03 or maart 2025"
})

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

const isValidDatum = (s: string) => {
  const match = datumPattern.exec(s)
  return match !== null && Number(match[3]) <= daysInMonth(Number(match[1]), Number(match[2]))
}

const fromParts = (p: Parts): Periode => {
  switch (p.granulariteit) {
    case "jaar":
      return jaar(p.jaar)
    case "kwartaal":
      return kwartaal(p.jaar, ((p.vanMaand - 1) / 3 + 1) as 1 | 2 | 3 | 4)
    case "maand":
      return maand(p.jaar, p.vanMaand)
  }
}

/**
 * Orders periods by their first day (negative: `a` starts first). Periods of one granularity compare as
 * strings, which rules scanning a million measurements rely on: no lookup per comparison.
 *
 * @since 0.1.0
 * @category ordering
 */
export const vergelijk = (a: Periode, b: Periode): number => {
  if (a.length === b.length && (a.length === 4 || (a.charCodeAt(5) === 81) === (b.charCodeAt(5) === 81))) {
    return a < b ? -1 : a > b ? 1 : 0
  }
  const beginA = begin(a)
  const beginB = begin(b)
  return beginA < beginB ? -1 : beginA > beginB ? 1 : 0
}
