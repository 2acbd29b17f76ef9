/**
 * The frame around every screen: the header with the jaarplan and peildatum, the tabs, the search line and
 * the footer that always lists the keys that work.
 *
 * @since 0.1.0
 */
import { Periode } from "@dvcc/core"
import { Box, Text } from "ink"
import React from "react"
import type * as Model from "./Model.ts"
import { footerKeys, tabLabel, tabs, type ViewState } from "./Navigation.ts"
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
  const titel = `DVCC-dashboard · Jaarplan ${state.jaar} · peildatum ${Periode.datumLabel(model.peildatum)}`
  const bron = width >= 100 ? ` · ${model.bron}` : ""
  return h(
    Box,
    { flexDirection: "column" },
    h(Text, { bold: true, wrap: "truncate-end" }, truncate(titel + bron, width)),
    h(
      Box,
      null,
      ...tabs.map((tab) =>
        tab === state.tab
          ? h(Text, { key: tab, bold: true, inverse: theme.colour }, `[${tabLabel[tab]}]`)
          : h(Text, { key: tab }, ` ${tabLabel[tab]} `)
      ),
      props.melding === null
        ? null
        : h(Text, { key: "melding", ...(theme.colour ? { color: "yellow" } : {}) }, `  ${props.melding}`)
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
 * The footer's text: the keys that work now, as many as fit the width on one or two lines.
 *
 * @since 0.1.0
 * @category formatting
 */
export const footerLines = (state: ViewState, width: number): Array<string> => {
  const parts = footerKeys(state).map(([key, what]) => `${key} ${what}`)
  const lines: Array<string> = []
  let line = ""
  for (const part of parts) {
    if (line !== "" && line.length + 3 + part.length > width) {
      lines.push(line)
      line = part
    } else {
      line = line === "" ? part : `${line} · ${part}`
    }
  }
  if (line !== "") lines.push(line)
  return lines.map((l) => truncate(l, width))
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
