/**
 * Informatiebeeld: pick the region or a gemeente, then see its picture for the latest registered period —
 * top delict types, victims, damage, change, per 10.000 inhabitants and rank in the region — or a clear
 * sentence when it has no registrations yet.
 *
 * @since 0.1.0
 */
import { Periode } from "@dvcc/core"
import { Box, Text } from "ink"
import React from "react"
import { informatiebeeldLines } from "../Lines.ts"
import * as Model from "../Model.ts"
import type { ScreenProps } from "../Navigation.ts"
import { fit, truncate, visibleWindow } from "../Text.ts"
import { LinesView, toneProps, useTheme } from "../Theme.ts"

const h = React.createElement

/**
 * @since 0.1.0
 * @category components
 */
export const InformatiebeeldScreen = (props: ScreenProps): React.ReactElement => {
  const theme = useTheme()
  const { model, state, width, height } = props
  const detail = state.detail?._tag === "Informatiebeeld" ? state.detail : null
  if (detail !== null) {
    const keuze = Model.gebiedKeuzes(model, "").find((k) => k.code === detail.code)
    const lines =
      keuze === undefined
        ? [{ text: `Onbekend gebied ${detail.code}.` }]
        : informatiebeeldLines(model, keuze.gebied, width)
    return h(Box, { flexDirection: "column", height }, h(LinesView, { lines, start: state.scroll, height }))
  }
  const keuzes = Model.gebiedKeuzes(model, state.query.informatiebeeld)
  const cursor = Math.max(0, Math.min(state.cursor.informatiebeeld, keuzes.length - 1))
  const intro =
    model.periode === null
      ? "Er zijn nog geen registraties vastgelegd."
      : `Periode ${Periode.label(model.periode)} (de laatste met registraties). Kies de regio of een gemeente en druk op enter.`
  const listHeight = Math.max(1, height - 2)
  const { start, end } = visibleWindow(keuzes.length, cursor, listHeight)
  const nameWidth = Math.min(32, Math.max(12, width - 30))
  return h(
    Box,
    { flexDirection: "column", height },
    h(Text, { wrap: "truncate-end" }, truncate(intro, width)),
    h(
      Text,
      { ...toneProps("zacht", theme), wrap: "truncate-end" },
      ` ${fit("Gebied", nameWidth)} ${fit("Code", 7)} Registraties`
    ),
    ...keuzes.slice(start, end).map((k, i) => {
      const selected = start + i === cursor
      return h(
        Text,
        { key: k.code, wrap: "truncate-end", inverse: selected && theme.colour, bold: selected },
        `${selected ? "›" : " "}${fit(k.naam, nameWidth)} ${fit(k.code === "regio" ? "" : k.code, 7)} `,
        h(
          Text,
          toneProps(k.registraties === 0 ? "zacht" : undefined, theme),
          k.registraties === 0 ? "geen registraties" : `${k.registraties}`
        )
      )
    }),
    keuzes.length === 0 ? h(Text, null, "Niets gevonden.") : null
  )
}
