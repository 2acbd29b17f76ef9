/**
 * Plain-text building blocks the screens and the snapshot share: status badges that read without colour,
 * progress bars, sparklines, bar charts, wrapping and truncation to a width.
 *
 * @since 0.1.0
 */
import { Progress } from "@dvcc/core"

/**
 * `[achter]`: the status in words, so it reads on a terminal without colour.
 *
 * @since 0.1.0
 * @category formatting
 */
export const badge = (status: Progress.Status): string => `[${Progress.statusLabel[status]}]`

/**
 * The widest badge, to align what follows.
 *
 * @since 0.1.0
 * @category formatting
 */
export const badgeWidth = Math.max(...Progress.Status.literals.map((s) => badge(s).length))

/**
 * The colour a status is drawn in where the terminal has colours; the badge text says the same.
 *
 * @since 0.1.0
 * @category formatting
 */
export const statusColour: Record<Progress.Status, string> = {
  behaald: "green",
  "op-koers": "cyan",
  aandacht: "yellow",
  achter: "red",
  "geen-data": "magenta",
  volgt: "gray"
}

/**
 * A bar of `width` cells filled for `fraction` (clamped to 0–1): `█████░░░░░`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const bar = (fraction: number, width: number): string => {
  const cells = Math.max(0, width)
  const clamped = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0
  const filled = Math.round(clamped * cells)
  return "█".repeat(filled) + "░".repeat(cells - filled)
}

const sparks = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] as const

/**
 * One character per value, from `▁` (lowest) to `█` (highest); all equal values draw the middle.
 *
 * @since 0.1.0
 * @category formatting
 */
export const sparkline = (values: ReadonlyArray<number>): string => {
  if (values.length === 0) return ""
  const min = Math.min(...values)
  const max = Math.max(...values)
  return values
    .map((v) =>
      max === min ? sparks[3] : sparks[Math.round(((v - min) / (max - min)) * (sparks.length - 1))]
    )
    .join("")
}

/**
 * Cuts `text` to `width` characters, ending in `…` when cut.
 *
 * @since 0.1.0
 * @category formatting
 */
export const truncate = (text: string, width: number): string =>
  width <= 0 ? "" : text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`

/**
 * `text` padded or cut to exactly `width` characters.
 *
 * @since 0.1.0
 * @category formatting
 */
export const fit = (text: string, width: number): string => truncate(text, width).padEnd(Math.max(0, width))

/**
 * Breaks `text` into lines of at most `width` characters at spaces (a longer word is cut).
 *
 * @since 0.1.0
 * @category formatting
 */
export const wrap = (text: string, width: number): Array<string> => {
  const w = Math.max(10, width)
  const lines: Array<string> = []
  for (const paragraph of text.split("\n")) {
    let line = ""
    for (const word of paragraph.split(/\s+/).filter((x) => x !== "")) {
      const piece = truncate(word, w)
      if (line.length > 0 && line.length + 1 + piece.length > w) {
        lines.push(line)
        line = piece
      } else {
        line = line.length === 0 ? piece : `${line} ${piece}`
      }
    }
    lines.push(line)
  }
  return lines
}

/**
 * The window of `count` rows of at most `height` that keeps `cursor` visible, roughly centred.
 *
 * @since 0.1.0
 * @category formatting
 */
export const visibleWindow = (
  count: number,
  cursor: number,
  height: number
): { readonly start: number; readonly end: number } => {
  if (height <= 0) return { start: 0, end: 0 }
  if (count <= height) return { start: 0, end: count }
  const start = Math.min(Math.max(0, cursor - Math.floor(height / 2)), count - height)
  return { start, end: start + height }
}
