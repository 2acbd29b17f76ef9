/**
 * Voortgang: the DIN tree doel → baat → indicator, each with a status badge, a bar towards its target and,
 * for the selected row, the Dutch explanation. `full` draws every row with its explanation (the snapshot
 * printed when the output is not a terminal).
 *
 * @since 0.1.0
 */
import { Box, Text } from "ink"
import React from "react"
import { programmaText, rowText, statusOf, uitleg, voortgangLayout } from "../Frame.ts"
import type { Line } from "../Lines.ts"
import * as Model from "../Model.ts"
import type { ScreenProps } from "../Navigation.ts"
import { badge, truncate, visibleWindow, wrap } from "../Text.ts"
import { LinesView, toneProps, useTheme } from "../Theme.ts"

const h = React.createElement

/**
 * @since 0.1.0
 * @category components
 */
export const VoortgangScreen = (
  props: ScreenProps & {
    readonly full?: boolean
  }
): React.ReactElement => {
  const theme = useTheme()
  const { model, state, width, height } = props
  const rows = Model.voortgangRows(model, state.jaar, state.collapsed, state.query.voortgang)
  const year = model.perJaar.get(state.jaar)
  const cursor = Math.max(0, Math.min(state.cursor.voortgang, rows.length - 1))
  const programma = programmaText(model, state.jaar)
  // the programme's badge in its status colour, the rest plain
  const programmaLine = (text: string) => {
    if (year === undefined) return h(Text, null, text)
    const b = badge(year.programma.status)
    const at = text.indexOf(b)
    if (at < 0) return h(Text, { wrap: "truncate-end" }, text)
    return h(
      Text,
      { wrap: "truncate-end" },
      text.slice(0, at),
      h(Text, toneProps(year.programma.status, theme), b),
      text.slice(at + b.length)
    )
  }
  const drawRow = (row: Model.VoortgangRow, i: number) => {
    const t = rowText(
      row,
      !props.full && i === cursor,
      props.full ? null : state.collapsed.includes(row.key),
      width
    )
    const selected = !props.full && i === cursor
    return h(
      Text,
      {
        key: row.key,
        wrap: "truncate-end",
        bold: row._tag !== "Indicator",
        inverse: selected && theme.colour
      },
      t.head,
      h(Text, toneProps(statusOf(row), theme), t.badge),
      t.tail
    )
  }
  if (props.full) {
    return h(
      Box,
      { flexDirection: "column" },
      programmaLine(programma),
      h(Text, null, " "),
      ...rows.flatMap((row, i) => [
        drawRow(row, i),
        ...uitleg(row)
          .flatMap((u) => wrap(u, width - 20))
          .map((u, j) =>
            h(Text, { key: `${row.key}-u${j}`, ...toneProps("zacht", theme) }, `${" ".repeat(18)}${u}`)
          )
      ])
    )
  }
  const selected = rows[cursor]
  const { panel: panelHeight, list: listHeight } = voortgangLayout(height)
  const { start, end } = visibleWindow(rows.length, cursor, listHeight)
  const panel: Array<Line> =
    selected === undefined
      ? []
      : uitleg(selected).flatMap((u, i) =>
          wrap(u, width - 2).map((t): Line => (i === 0 ? { text: t } : { text: t, tone: "zacht" }))
        )
  return h(
    Box,
    { flexDirection: "column", height },
    programmaLine(truncate(programma, width)),
    rows.length === 0
      ? h(Text, null, state.query.voortgang === "" ? "Geen indicatoren." : "Niets gevonden.")
      : h(
          Box,
          { flexDirection: "column", height: listHeight },
          ...rows.slice(start, end).map((row, i) => drawRow(row, start + i))
        ),
    h(Text, { ...toneProps("zacht", theme) }, "─".repeat(Math.max(0, width))),
    h(LinesView, { lines: panel, start: 0, height: panelHeight })
  )
}
