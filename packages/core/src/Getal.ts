/**
 * Counts as people report them: "meer dan 10", "ruim 5.500", "minder dan 5".
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * How a reported number is bounded. A qualified number is used as the bound it states: `meer dan 10` and
 * `ruim 10` count as at least 10, `minder dan 5` as at most 5, and every explanation says so.
 *
 * @since 0.1.0
 * @category models
 */
export const Kwalificatie = Schema.Literals(["meer-dan", "ruim", "minder-dan"]).annotate({
  identifier: "Kwalificatie"
})

/**
 * @since 0.1.0
 * @category models
 */
export type Kwalificatie = typeof Kwalificatie.Type

/**
 * Dutch number notation with at most `decimals` decimals: `1.234,5`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (value: number, decimals = 1): string => {
  // -0 and 0 share a memo key; both read "0".
  const number = value === 0 ? 0 : value
  let memo = formatted.get(decimals)
  if (memo === undefined) {
    memo = new Map()
    formatted.set(decimals, memo)
  }
  let text = memo.get(number)
  if (text === undefined) {
    text = formatter(decimals).format(number)
    if (memo.size < 100_000) memo.set(number, text)
  }
  return text
}

// Figures repeat (percentages with one decimal, targets, baselines): each is formatted once.
const formatted = new Map<number, Map<number, string>>()

// Creating a locale formatter costs tens of microseconds; toLocaleString with options does so on every call.
const formatters = new Map<number, Intl.NumberFormat>()
const formatter = (decimals: number): Intl.NumberFormat => {
  let f = formatters.get(decimals)
  if (f === undefined) {
    f = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: decimals })
    formatters.set(decimals, f)
  }
  return f
}

/**
 * `meer dan 10`, `ruim 5.500`, `12`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatMetKwalificatie = (value: number, kwalificatie: Kwalificatie | undefined): string =>
  kwalificatie === undefined ? format(value) : `${kwalificatieLabel[kwalificatie]} ${format(value)}`

/**
 * @since 0.1.0
 * @category formatting
 */
export const kwalificatieLabel: Record<Kwalificatie, string> = {
  "meer-dan": "meer dan",
  ruim: "ruim",
  "minder-dan": "minder dan"
}

/** Plural endings of the nouns dvcc counts, with their singular (matched at the end of each word). */
const enkelvouden: ReadonlyArray<readonly [string, string]> = [
  ["bijeenkomsten", "bijeenkomst"],
  ["mijlpalen", "mijlpaal"],
  ["slachtoffers", "slachtoffer"],
  ["casussen", "casus"],
  ["bezoeken", "bezoek"],
  ["besprekingen", "bespreking"],
  ["gemeenten", "gemeente"],
  ["acties", "actie"],
  ["uitingen", "uiting"],
  ["updates", "update"],
  ["driehoeken", "driehoek"],
  ["rapportages", "rapportage"],
  ["nieuwsbrieven", "nieuwsbrief"],
  ["activiteiten", "activiteit"],
  ["registraties", "registratie"],
  ["metingen", "meting"],
  ["senioren", "senior"],
  ["aangiften", "aangifte"],
  ["meldingen", "melding"],
  ["delicten", "delict"],
  ["indicatoren", "indicator"],
  ["ondernemers", "ondernemer"],
  ["deelnemers", "deelnemer"]
]

/**
 * The singular of a Dutch plural as dvcc writes its units (`kennisbijeenkomsten`, `RIEC-casussen`,
 * `gemeenten met een sessie`): every word that ends in a known plural; other words stay.
 *
 * @since 0.1.0
 * @category formatting
 */
export const enkelvoud = (meervoud: string): string =>
  meervoud.replace(/[\p{L}-]+/gu, (word) => {
    for (const [plural, singular] of enkelvouden) {
      if (word.endsWith(plural)) return `${word.slice(0, -plural.length)}${singular}`
    }
    return word
  })

/**
 * A count with its noun: `1 kennisbijeenkomst`, `3 kennisbijeenkomsten`, `1.234 activiteiten`. The one
 * way dvcc writes "n things".
 *
 * @since 0.1.0
 * @category formatting
 */
export const aantal = (n: number, meervoud: string, decimals = 1): string =>
  `${format(n, decimals)} ${n === 1 ? enkelvoud(meervoud) : meervoud}`
