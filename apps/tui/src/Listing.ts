/**
 * The list each screen shows, as navigation sees it: how many rows, and what enter does on a row; for an
 * open detail, how far it scrolls in a window of the given size.
 *
 * @since 0.1.0
 */
import { indicatorLines, informatiebeeldLines } from "./Lines.ts"
import * as Model from "./Model.ts"
import type { Listing, ViewState } from "./Navigation.ts"

/**
 * @since 0.1.0
 * @category rules
 */
export const listingFor = (
  model: Model.Model,
  state: ViewState,
  view: { readonly width: number; readonly height: number } = { width: 100, height: 0 }
): Listing => {
  if (state.detail !== null) {
    // an open detail scrolls: its positions are the first lines a full window can start at
    const keuze =
      state.detail._tag === "Informatiebeeld"
        ? Model.gebiedKeuzes(model, "").find((k) => k.code === (state.detail as { code: string }).code)
        : undefined
    const lines =
      state.detail._tag === "Indicator"
        ? indicatorLines(model, state.jaar, state.detail.id, view.width).length
        : keuze === undefined
          ? 1
          : informatiebeeldLines(model, keuze.gebied, view.width).length
    return { count: Math.max(1, lines - view.height + 1), open: () => ({ _tag: "Nothing" }) }
  }
  const query = state.query[state.tab]
  switch (state.tab) {
    case "voortgang": {
      const rows = Model.voortgangRows(model, state.jaar, state.collapsed, query)
      return {
        count: rows.length,
        open: (i) => {
          const row = rows[i]
          if (row === undefined) return { _tag: "Nothing" }
          return row._tag === "Indicator"
            ? { _tag: "Detail", detail: { _tag: "Indicator", id: row.indicator.id } }
            : { _tag: "Toggle", key: row.key }
        }
      }
    }
    case "acties":
      return {
        count: Model.actieItems(model, state.jaar, state.baat, query).length,
        open: () => ({ _tag: "Nothing" })
      }
    case "gebied":
      return {
        count: Model.gebied(model, state.jaar, query).gemeenten.length,
        open: () => ({ _tag: "Nothing" })
      }
    case "informatiebeeld": {
      const keuzes = Model.gebiedKeuzes(model, query)
      return {
        count: keuzes.length,
        open: (i) => {
          const keuze = keuzes[i]
          return keuze === undefined
            ? { _tag: "Nothing" }
            : { _tag: "Detail", detail: { _tag: "Informatiebeeld", code: keuze.code } }
        }
      }
    }
  }
}
