/**
 * The frame around every screen: the header with the jaarplan and peildatum, the tabs, the search line and
 * the footer that always lists the keys that work.
 *
 * @since 0.1.0
 */
import { Box, Text } from "ink"
import React from "react"
import { footerLines, meldingLines, titleText } from "./Frame.ts"
import type * as Model from "./Model.ts"
import { tabLabel, tabs, type ViewState } from "./Navigation.ts"
import { truncate } from "./Text.ts"
import { useTheme } from "./Theme.ts"

const h = React.createElement

/**
 * @since 0.1.0
 * @category components
 */
export const Header = (props: {
  readonly model: Model.Model
  readonly state: ViewState
  readonly width: number
  readonly melding: string | null
}): React.ReactElement => {
  const theme = useTheme()
  const { model, state, width } = props
  const long = meldingLines(state, props.melding, width)
  return h(
    Box,
    { flexDirection: "column" },
    h(Text, { bold: true, wrap: "truncate-end" }, titleText(model, state, width)),
    h(
      Box,
      null,
      ...tabs.map((tab) =>
        tab === state.tab
          ? h(Text, { key: tab, bold: true, inverse: theme.colour }, `[${tabLabel[tab]}]`)
          : h(Text, { key: tab }, ` ${tabLabel[tab]} `)
      ),
      props.melding === null || long.length > 0
        ? null
        : h(Text, { key: "melding", ...(theme.colour ? { color: "yellow" } : {}) }, `  ${props.melding}`)
    ),
    ...long.map((line, i) =>
      h(Text, { key: `melding-${i}`, ...(theme.colour ? { color: "yellow" } : {}) }, line)
    )
  )
}

/**
 * The search line: what is typed, and whether typing goes into it.
 *
 * @since 0.1.0
 * @category components
 */
export const SearchLine = (props: {
  readonly state: ViewState
  readonly width: number
}): React.ReactElement | null => {
  const query = props.state.query[props.state.tab]
  if (!props.state.searching && query === "") return null
  return h(
    Text,
    { wrap: "truncate-end" },
    truncate(`Zoeken: ${query}${props.state.searching ? "▏" : "  (esc wist)"}`, props.width)
  )
}

/**
 * @since 0.1.0
 * @category components
 */
export const Footer = (props: { readonly state: ViewState; readonly width: number }): React.ReactElement => {
  const theme = useTheme()
  return h(
    Box,
    { flexDirection: "column" },
    ...footerLines(props.state, props.width).map((line, i) =>
      h(Text, { key: `${i}`, ...(theme.colour ? { dimColor: true } : {}) }, line)
    )
  )
}
