/**
 * Percentages in percent points (16.9 means 16,9%), as the Veiligheidsmonitor reports them.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { format as formatGetal } from "./Getal.ts"

/**
 * A share in percent points between 0 and 100.
 *
 * @since 0.1.0
 * @category models
 */
export const Percentage = Schema.Finite.pipe(
  Schema.check(
    Schema.makeFilter(
      (n: number) =>
        (n >= 0 && n <= 100) || `${n} is geen percentage: verwacht een waarde van 0 tot en met 100`
    )
  ),
  Schema.brand("Percentage")
).annotate({ identifier: "Percentage", description: "Percent points, 0 to 100" })

/**
 * @since 0.1.0
 * @category models
 */
export type Percentage = typeof Percentage.Type

/**
 * Dutch notation with one decimal where needed: `16,9%`, `20%`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (value: number): string => `${formatGetal(value)}%`
