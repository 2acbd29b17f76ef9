/**
 * Indicator detail: the agreement, its status and explanation, the path from baseline to target, the
 * measurement history as a bar chart with a sparkline, and the sources; scrolls when it does not fit.
 *
 * @since 0.1.0
 */
import { Box } from "ink"
import React from "react"
import { indicatorLines } from "../Lines.ts"
import type { ScreenProps } from "../Navigation.ts"
import { LinesView } from "../Theme.ts"

const h = React.createElement

/**
 * @since 0.1.0
 * @category components
 */
export const IndicatorScreen = (
  props: ScreenProps & {
    readonly id: string
  }
): React.ReactElement => {
  const lines = indicatorLines(props.model, props.state.jaar, props.id, props.width)
  return h(
    Box,
    { flexDirection: "column", height: props.height },
    h(LinesView, { lines, start: props.state.scroll, height: props.height })
  )
}
