/**
 * Money as integer euro cents: the one money type of dvcc, so sums never drift by floating point.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * Whole euro cents, never negative (damage, budgets).
 *
 * @since 0.1.0
 * @category models
 */
export const Money = Schema.Int.pipe(
  Schema.check(Schema.isGreaterThanOrEqualTo(0)),
  Schema.brand("Money")
).annotate({ identifier: "Money", description: "Amount in whole euro cents" })

/**
 * @since 0.1.0
 * @category models
 */
export type Money = typeof Money.Type

/**
 * @since 0.1.0
 * @category constructors
 */
export const euros = (amount: number): Money => Math.round(amount * 100) as Money

/**
 * @since 0.1.0
 * @category constructors
 */
export const cents = (amount: number): Money => Math.round(amount) as Money

/**
 * Dutch notation: `€ 1.300.000` (cents only where there are any: `€ 12,50`).
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (money: Money): string =>
  `€ ${(money / 100).toLocaleString("nl-NL", {
    minimumFractionDigits: money % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2
  })}`

/**
 * Short Dutch notation for large sums, as the seeds write them: `€ 5,6 mln`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatKort = (money: Money): string => {
  const euro = money / 100
  if (euro >= 1_000_000) {
    return `€ ${(euro / 1_000_000).toLocaleString("nl-NL", { maximumFractionDigits: 1 })} mln`
  }
  return format(money)
}
