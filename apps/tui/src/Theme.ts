/**
 * Whether the terminal shows colours, for every component: with `NO_COLOR` or a terminal without colours
 * nothing is coloured, and nothing is lost, since every status is also written out.
 *
 * @since 0.1.0
 */
import { Text } from "ink"
import React from "react"
import type { Line } from "./Lines.ts"
import { statusColour } from "./Text.ts"

/**
 * @since 0.1.0
 * @category models
 */
export interface Theme {
  readonly colour: boolean
}

/**
 * @since 0.1.0
 * @category services
 */
export const ThemeContext = React.createContext<Theme>({ colour: false })

/**
 * @since 0.1.0
 * @category services
 */
export const useTheme = (): Theme => React.useContext(ThemeContext)

/**
 * The Text props for a tone: bold headings, dim notes, status colours only where colours are on.
 *
 * @since 0.1.0
 * @category formatting
 */
export const toneProps = (
  tone: Line["tone"],
  theme: Theme
): { bold?: boolean; dimColor?: boolean; color?: string } => {
  if (tone === undefined) return {}
  if (tone === "kop") return { bold: true }
  if (tone === "zacht") return theme.colour ? { dimColor: true } : {}
  return theme.colour ? { color: statusColour[tone] } : {}
}

const h = React.createElement

/**
 * Draws `height` lines of `lines` from `start`, each cut to the width by Ink.
 *
 * @since 0.1.0
 * @category components
 */
export const LinesView = (props: {
  readonly lines: ReadonlyArray<Line>
  readonly start: number
  readonly height: number
}): React.ReactElement => {
  const theme = useTheme()
  const start = Math.max(0, Math.min(props.start, Math.max(0, props.lines.length - props.height)))
  return h(
    React.Fragment,
    null,
    ...props.lines
      .slice(start, start + props.height)
      .map((line, i) =>
        h(
          Text,
          { key: `${start + i}`, wrap: "truncate-end", ...toneProps(line.tone, theme) },
          line.text || " "
        )
      )
  )
}
