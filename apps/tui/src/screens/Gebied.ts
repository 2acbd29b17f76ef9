/**
 * Gebied: districts and gemeenten with what the programme reached there in the jaar, and the coverage
 * agreements (a RIEC case per district, a message per gemeente) with their status. Units the data does
 * not know yet read "onbekend".
 *
 * @since 0.1.0
 */
import { Getal } from "@dvcc/core"
import { Box, Text } from "ink"
import React from "react"
import * as Model from "../Model.ts"
import type { ScreenProps } from "../Navigation.ts"
import { badge, badgeWidth, fit, truncate, visibleWindow, wrap } from "../Text.ts"
import { toneProps, useTheme } from "../Theme.ts"

const h = React.createElement

/**
 * The lines above the gemeente table: districts (or why they are unknown) and the coverage agreements.
 *
 * @since 0.1.0
 * @category formatting
 */
export const overzicht = (model: Model.Model, view: Model.GebiedView, jaar: number): Array<string> => {
  const out: Array<string> = []
  const zonderDistrict = model.dataset.regio.gemeenten.filter((g) => g.district === null).length
  if (view.districten.length === 0) {
    out.push(
      `Districten: onbekend — de gegevens leggen nog geen districten vast (${zonderDistrict} van ${model.dataset.regio.gemeenten.length} gemeenten zonder district); welke districten nog geen RIEC-casus hebben is daarom niet te zien.`
    )
  } else {
    // A district no source assigns gemeenten to has no figures of its own: its activities cannot be told apart.
    const bekend = view.districten.filter((d) => d.gemeenten > 0)
    const onbekend = view.districten.filter((d) => d.gemeenten === 0).map((d) => d.district.naam)
    const zonder = bekend.filter((d) => d.riecCasussen === 0).map((d) => d.district.naam)
    for (const d of view.districten) {
      out.push(
        d.gemeenten === 0
          ? `District ${d.district.naam}: gemeenten onbekend, dus geen cijfers`
          : `District ${d.district.naam}: ${Getal.aantal(d.gemeenten, "gemeenten")}, ${Getal.aantal(d.riecCasussen, "RIEC-casussen")}, ${Getal.aantal(d.activiteiten, "activiteiten")} in ${jaar}`
      )
    }
    if (zonder.length > 0) out.push(`Nog geen RIEC-casus in ${jaar}: ${zonder.join(", ")}`)
    if (onbekend.length > 0)
      out.push(
        `Of ${onbekend.join(" en ")} in ${jaar} een RIEC-casus ${onbekend.length === 1 ? "heeft" : "hebben"} is niet te zien: welke gemeenten erbij horen is onbekend (${zonderDistrict} van ${model.dataset.regio.gemeenten.length} gemeenten zonder district).`
      )
    if (zonder.length === 0 && onbekend.length === 0)
      out.push(`Elk district heeft in ${jaar} een RIEC-casus.`)
  }
  return out
}

/**
 * @since 0.1.0
 * @category components
 */
export const GebiedScreen = (props: ScreenProps): React.ReactElement => {
  const theme = useTheme()
  const { model, state, width, height } = props
  const view = Model.gebied(model, state.jaar, state.query.gebied)
  const cursor = Math.max(0, Math.min(state.cursor.gebied, view.gemeenten.length - 1))
  const top = overzicht(model, view, state.jaar)
  const dekkingHeight = height >= 24 ? view.dekking.length : Math.min(view.dekking.length, 2)
  const wide = width >= 90
  const columns: Array<[string, number]> = wide
    ? [
        ["Gemeente", 24],
        ["Code", 7],
        ["District", 12],
        ["Basisteam", 12],
        ["Inwoners", 9],
        ["Activiteiten", 12],
        ["RIEC-casussen", 13]
      ]
    : [
        ["Gemeente", 20],
        ["District", 10],
        ["Activ.", 6],
        ["RIEC", 4]
      ]
  const row = (cells: ReadonlyArray<string>) => cells.map((c, i) => fit(c, columns[i]?.[1] ?? 8)).join(" ")
  const topHeight = top.reduce((n, t) => n + wrap(t, width).length, 0)
  const tableHeight = Math.max(1, height - topHeight - dekkingHeight - 3)
  const { start, end } = visibleWindow(view.gemeenten.length, cursor, tableHeight)
  return h(
    Box,
    { flexDirection: "column", height },
    ...top.map((t, i) => h(Text, { key: `top-${i}`, wrap: "wrap" }, t)),
    h(Text, { bold: true }, `Dekking in ${state.jaar}`),
    ...view.dekking
      .slice(0, dekkingHeight)
      .map((p) =>
        h(
          Text,
          { key: p.indicator, wrap: "truncate-end" },
          "  ",
          h(Text, toneProps(p.status, theme), badge(p.status).padEnd(badgeWidth + 1)),
          truncate(`${p.indicator}: ${p.uitleg}`, Math.max(10, width - badgeWidth - 3))
        )
      ),
    h(
      Text,
      { bold: true, wrap: "truncate-end" },
      truncate(
        `Gemeenten (${view.gemeentenMetActiviteit} van ${model.dataset.regio.gemeenten.length} met een activiteit in ${state.jaar})`,
        width
      )
    ),
    h(Text, { ...toneProps("zacht", theme), wrap: "truncate-end" }, ` ${row(columns.map(([c]) => c))}`),
    ...view.gemeenten.slice(start, end).map((r, i) => {
      const selected = start + i === cursor
      const cells = wide
        ? [
            r.gemeente.naam,
            r.gemeente.code,
            r.district,
            r.basisteam,
            r.inwoners === null ? "onbekend" : Getal.format(r.inwoners),
            `${r.activiteiten}`,
            `${r.riecCasussen}`
          ]
        : [r.gemeente.naam, r.district, `${r.activiteiten}`, `${r.riecCasussen}`]
      return h(
        Text,
        { key: r.gemeente.code, wrap: "truncate-end", inverse: selected && theme.colour, bold: selected },
        `${selected ? "›" : " "}${row(cells)}`
      )
    }),
    view.gemeenten.length === 0 ? h(Text, null, "Niets gevonden.") : null
  )
}
