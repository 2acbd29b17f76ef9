/**
 * Acties: the board of the jaarplan's acties by status, filtered on a baat with `b`; the selected actie is
 * shown in full under the board. Wide terminals get columns, narrow ones a list grouped by status.
 *
 * @since 0.1.0
 */
import { Din } from "@dvcc/core"
import { Box, Text } from "ink"
import React from "react"
import { actieLines } from "../Lines.ts"
import * as Model from "../Model.ts"
import type { ScreenProps } from "../Navigation.ts"
import { truncate, visibleWindow } from "../Text.ts"
import { LinesView, toneProps, useTheme } from "../Theme.ts"

const h = React.createElement

/**
 * @since 0.1.0
 * @category components
 */
export const ActiesScreen = (props: ScreenProps): React.ReactElement => {
  const theme = useTheme()
  const { model, state, width, height } = props
  const items = Model.actieItems(model, state.jaar, state.baat, state.query.acties)
  const cursor = Math.max(0, Math.min(state.cursor.acties, items.length - 1))
  const baat = state.baat === null ? undefined : Din.baat(model.dataset.program, state.jaar, state.baat)
  const filter = baat === undefined ? "alle baten" : `baat ${baat.nummer}: ${baat.naam}`
  const header = truncate(
    `Jaarplan ${state.jaar} · ${items.length} acties · filter: ${filter} (b wisselt)`,
    width
  )
  const selected = items[cursor]
  const panel = selected === undefined ? [] : actieLines(model, selected, width)
  const panelHeight = Math.min(panel.length, height >= 30 ? 8 : height >= 18 ? 5 : 2)
  const used = Model.kolommen.filter((k) => items.some((i) => i.kolom === k))
  const allUnknown = used.length === 1 && used[0] === "onbekend"
  const boardHeight = Math.max(1, height - panelHeight - 2 - (allUnknown ? 1 : 0))
  const card = (item: Model.ActieItem, w: number) => {
    const isSelected = items.indexOf(item) === cursor
    return h(
      Text,
      { key: item.actie.id, wrap: "truncate-end", inverse: isSelected && theme.colour, bold: isSelected },
      truncate(`${isSelected ? "›" : " "}${String(item.actie.nummer).padStart(2)}. ${item.actie.titel}`, w)
    )
  }
  let board: React.ReactElement
  if (items.length === 0) {
    board = h(Text, null, "Geen acties voor dit filter.")
  } else if (width >= 100 && used.length > 1) {
    const columnWidth = Math.floor(width / used.length) - 1
    board = h(
      Box,
      { flexDirection: "row", height: boardHeight },
      ...used.map((kolom) => {
        const own = items.filter((i) => i.kolom === kolom)
        const local = own.findIndex((i) => items.indexOf(i) === cursor)
        const { start, end } = visibleWindow(own.length, Math.max(0, local), boardHeight - 1)
        return h(
          Box,
          { key: kolom, flexDirection: "column", width: columnWidth, marginRight: 1 },
          h(Text, { bold: true }, truncate(`${Model.kolomLabel[kolom]} (${own.length})`, columnWidth)),
          ...own.slice(start, end).map((item) => card(item, columnWidth))
        )
      })
    )
  } else {
    const lines: Array<{ key: string; element: React.ReactElement; item: Model.ActieItem | null }> = []
    for (const kolom of used) {
      const own = items.filter((i) => i.kolom === kolom)
      lines.push({
        key: `kop-${kolom}`,
        element: h(Text, { key: `kop-${kolom}`, bold: true }, `${Model.kolomLabel[kolom]} (${own.length})`),
        item: null
      })
      for (const item of own) lines.push({ key: item.actie.id, element: card(item, width), item })
    }
    const at = lines.findIndex((l) => l.item !== null && items.indexOf(l.item) === cursor)
    const { start, end } = visibleWindow(lines.length, Math.max(0, at), boardHeight)
    board = h(
      Box,
      { flexDirection: "column", height: boardHeight },
      ...lines.slice(start, end).map((l) => l.element)
    )
  }
  return h(
    Box,
    { flexDirection: "column", height },
    h(Text, { wrap: "truncate-end" }, header),
    allUnknown
      ? h(
          Text,
          { wrap: "truncate-end", ...toneProps("zacht", theme) },
          truncate(`Het jaarplan ${state.jaar} noemt geen status per actie.`, width)
        )
      : null,
    board,
    h(Text, toneProps("zacht", theme), "─".repeat(Math.max(0, width))),
    h(LinesView, { lines: panel, start: 0, height: panelHeight })
  )
}
