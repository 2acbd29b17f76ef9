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
export const format = (value: number, decimals = 1): string =>
  value.toLocaleString("nl-NL", { maximumFractionDigits: decimals })

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
