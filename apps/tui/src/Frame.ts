/**
 * The dashboard's first screen as plain text, without Ink or React: the snapshot printed when the output
 * is not a terminal, and the frame drawn on a terminal while the Ink app is still loading (Ink and its
 * dependencies take about half of the start). The components draw with the same functions (the header,
 * the rows of the Voortgang tree, the footer), and a test checks that this text and Ink's frame agree.
 *
 * @since 0.1.0
 */
import { Periode, Rollup } from "@dvcc/core"
import * as Model from "./Model.ts"
import { footerKeys, initial, tabLabel, tabs, type ViewState } from "./Navigation.ts"
import { badge, badgeWidth, bar, fit, truncate, visibleWindow, wrap } from "./Text.ts"

/**
 * The title line: jaarplan, peildatum and, where there is room, where the data comes from.
 *
 * @since 0.1.0
 * @category formatting
 */
export const titleText = (model: Model.Model, state: ViewState, width: number): string => {
  const titel = `DVCC-dashboard · Jaarplan ${state.jaar} · peildatum ${Periode.datumLabel(model.peildatum)}`
  const bron = width >= 100 ? ` · ${model.bron}` : ""
  return truncate(titel + bron, width)
}

/**
 * The tabs with the current one in brackets, then the message of a reload, if any.
 *
 * @since 0.1.0
 * @category formatting
 */
export const tabsText = (state: ViewState, melding: string | null): string =>
  tabs.map((tab) => (tab === state.tab ? `[${tabLabel[tab]}]` : ` ${tabLabel[tab]} `)).join("") +
  (melding === null ? "" : `  ${melding}`)

/**
 * A message (of a reload) too long for the tabs' line, on lines of its own under it: at most three, the
 * last cut. Empty when there is none, or when it fits beside the tabs.
 *
 * @since 0.1.0
 * @category formatting
 */
export const meldingLines = (state: ViewState, melding: string | null, width: number): Array<string> => {
  if (melding === null || tabsText(state, melding).length <= width) return []
  const lines = wrap(melding, width)
  return lines.length <= 3
    ? lines
    : [...lines.slice(0, 2), truncate(`${lines[2]} ${lines.slice(3).join(" ")}`, width)]
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
 * The width and height left for the screen's body: the terminal less the header (with a long message),
 * search line and footer.
 *
 * @since 0.1.0
 * @category rules
 */
export const bodySize = (
  size: { readonly columns: number; readonly rows: number },
  state: ViewState,
  melding: string | null = null
): { readonly width: number; readonly height: number } => {
  const width = Math.max(20, size.columns)
  const searchLines = state.searching || state.query[state.tab] !== "" ? 1 : 0
  const footer = footerLines(state, width).length
  const message = meldingLines(state, melding, width).length
  // One line is left free: a frame as tall as the terminal scrolls it on some terminals.
  return { width, height: Math.max(3, size.rows - 2 - message - searchLines - footer - 1) }
}

const indent = (row: Model.VoortgangRow): string =>
  row._tag === "Doel" ? "" : row._tag === "Baat" ? "  " : "    "

const naam = (row: Model.VoortgangRow): string =>
  row._tag === "Doel" ? Rollup.doelTitel(row) : row._tag === "Baat" ? Rollup.baatTitel(row) : row.indicator.id

/**
 * The status a row of the Voortgang tree shows.
 *
 * @since 0.1.0
 * @category formatting
 */
export const statusOf = (row: Model.VoortgangRow) =>
  row._tag === "Indicator" ? row.progress.status : row.status

const voortgangText = (
  row: Model.VoortgangRow,
  compact: boolean
): { fraction: number | null; text: string } => {
  if (row._tag === "Indicator") {
    return { fraction: row.fractie, text: Model.stand(row.indicator, row.progress.cijfers, compact) }
  }
  const { goed, gemeten, totaal } = row.telling
  return {
    fraction: totaal === 0 ? null : goed / totaal,
    text: compact
      ? `${goed}/${totaal} op koers, ${gemeten}/${totaal} gemeten`
      : `${goed}/${totaal} op koers of beter, ${gemeten} van ${totaal} gemeten`
  }
}

/**
 * One row as text: selection mark, fold mark, indentation, badge, name, bar and figures, to `width`.
 * `folded` is `null` in the snapshot, which has no cursor and no folding.
 *
 * @since 0.1.0
 * @category formatting
 */
export const rowText = (
  row: Model.VoortgangRow,
  selected: boolean,
  folded: boolean | null,
  width: number
): { readonly head: string; readonly badge: string; readonly tail: string } => {
  const mark = selected ? "›" : " "
  const fold = folded === null ? "" : row._tag === "Indicator" ? " " : folded ? "▸" : "▾"
  const head = `${folded === null ? "" : mark}${fold}${indent(row)}`
  const b = `${badge(statusOf(row))}`.padEnd(badgeWidth + 1)
  const wide = width >= 80
  const roomy = width >= 110
  const barWidth = roomy ? 12 : 8
  const { fraction, text } = voortgangText(row, !roomy)
  const figures = wide ? fit(text, roomy ? 30 : 14) : truncate(text, 14)
  const right = wide
    ? `${fraction === null ? " ".repeat(barWidth) : bar(fraction, barWidth)} ${figures}`
    : figures
  const nameWidth = Math.max(8, width - head.length - b.length - right.length - 2)
  return { head, badge: b, tail: `${fit(naam(row), nameWidth)}  ${right}`.trimEnd() }
}

/**
 * The explanation of a row, as the panel under the tree and the snapshot show it.
 *
 * @since 0.1.0
 * @category formatting
 */
export const uitleg = (row: Model.VoortgangRow): Array<string> =>
  row._tag === "Indicator"
    ? [
        row.indicator.tekst,
        row.progress.uitleg,
        ...(row.progress.signaal === null
          ? []
          : [`Signaal ${badge(row.progress.signaal.status)}: ${row.progress.signaal.uitleg}`])
      ]
    : [row.uitleg]

/**
 * The line above the tree: the programme's status in the jaarplan of `jaar`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const programmaText = (model: Model.Model, jaar: number): string => {
  const year = model.perJaar.get(jaar)
  return year === undefined
    ? `Geen jaarplan ${jaar}.`
    : `Programma ${badge(year.programma.status)} ${year.programma.uitleg}`
}

/** The indentation of an explanation in the snapshot, under the row's name. */
const explanationIndent = 18

/**
 * How the panel under the tree and the list share the body's height.
 *
 * @since 0.1.0
 * @category rules
 */
export const voortgangLayout = (height: number): { readonly panel: number; readonly list: number } => {
  const panel = height >= 30 ? 6 : height >= 18 ? 4 : 2
  return { panel, list: Math.max(1, height - panel - 2) }
}

const line = (row: ReturnType<typeof rowText>) => `${row.head}${row.badge}${row.tail}`

/**
 * The Voortgang screen of `state` in a body of `width` × `height`: the programme line, the window of the
 * tree around the cursor, a rule and the explanation of the selected row.
 *
 * @since 0.1.0
 * @category formatting
 */
export const voortgangLines = (
  model: Model.Model,
  state: ViewState,
  width: number,
  height: number
): Array<string> => {
  const rows = Model.voortgangRows(model, state.jaar, state.collapsed, state.query.voortgang)
  const cursor = Math.max(0, Math.min(state.cursor.voortgang, rows.length - 1))
  const layout = voortgangLayout(height)
  const { start, end } = visibleWindow(rows.length, cursor, layout.list)
  const selected = rows[cursor]
  const panel =
    selected === undefined ? [] : uitleg(selected).flatMap((u) => wrap(u, width - 2).map((t) => t || " "))
  const list =
    rows.length === 0
      ? [state.query.voortgang === "" ? "Geen indicatoren." : "Niets gevonden."]
      : [
          ...rows
            .slice(start, end)
            .map((row, i) =>
              truncate(
                line(rowText(row, start + i === cursor, state.collapsed.includes(row.key), width)),
                width
              )
            ),
          ...Array.from({ length: layout.list - (end - start) }, () => "")
        ]
  const body = [
    truncate(programmaText(model, state.jaar), width),
    ...list,
    "─".repeat(Math.max(0, width)),
    ...panel.slice(0, layout.panel).map((t) => truncate(t, width))
  ]
  return [...body, ...Array.from({ length: Math.max(0, height - body.length) }, () => "")]
}

/**
 * The Voortgang screen of `jaar` as text for a pipe or CI: the header, then every doel, baat and indicator
 * with its explanation, within `width`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const snapshot = (model: Model.Model, jaar: number, width: number): string => {
  const state = initial(jaar)
  const rows = Model.voortgangRows(model, jaar, [], "")
  const lines = [
    titleText(model, state, width),
    truncate(tabsText(state, null), width),
    truncate(programmaText(model, jaar), width),
    "",
    ...rows.flatMap((row) => [
      truncate(line(rowText(row, false, null, width)), width),
      ...uitleg(row)
        .flatMap((u) => wrap(u, width - explanationIndent - 2))
        .map((u) => `${" ".repeat(explanationIndent)}${u}`.trimEnd())
    ])
  ]
  return lines.map((l) => l.trimEnd()).join("\n")
}

/**
 * The dashboard as it opens in a terminal of `size`: header, the Voortgang screen with the cursor on the
 * first row, and the footer; one string per line. `undefined` when the tabs do not fit on one line or the
 * body is too low for the tree and its panel: Ink then wraps or shrinks them, which only Ink lays out.
 *
 * @since 0.1.0
 * @category formatting
 */
export const firstScreen = (
  model: Model.Model,
  jaar: number,
  size: { readonly columns: number; readonly rows: number }
): Array<string> | undefined => {
  const state = initial(jaar)
  const { width, height } = bodySize(size, state)
  const layout = voortgangLayout(height)
  if (tabsText(state, null).trimEnd().length > width || height - layout.panel - 2 < 1) return undefined
  return [
    titleText(model, state, width),
    truncate(tabsText(state, null), width),
    ...voortgangLines(model, state, width, height),
    ...footerLines(state, width)
  ].map((l) => l.trimEnd())
}
