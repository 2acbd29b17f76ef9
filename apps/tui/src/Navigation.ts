/**
 * The dashboard's view state and how every command changes it: which screen, which row, what is searched,
 * which jaarplan, which detail is open. Pure: the components draw the state, `reduce` alone changes it.
 *
 * @since 0.1.0
 */
import type { Din } from "@dvcc/core"
import type * as Model from "./Model.ts"

/**
 * The screens `tab` cycles through; the Indicator detail opens from Voortgang.
 *
 * @since 0.1.0
 * @category models
 */
export const tabs = ["voortgang", "acties", "gebied", "informatiebeeld"] as const

/**
 * @since 0.1.0
 * @category models
 */
export type Tab = (typeof tabs)[number]

/**
 * @since 0.1.0
 * @category models
 */
export const tabLabel: Record<Tab, string> = {
  voortgang: "Voortgang",
  acties: "Acties",
  gebied: "Gebied",
  informatiebeeld: "Informatiebeeld"
}

/**
 * A detail opened over a screen: an indicator (of the chosen jaarplan), or the informatiebeeld of an area.
 *
 * @since 0.1.0
 * @category models
 */
export type Detail =
  | { readonly _tag: "Indicator"; readonly id: string }
  | { readonly _tag: "Informatiebeeld"; readonly code: string }

/**
 * @since 0.1.0
 * @category models
 */
export interface ViewState {
  readonly tab: Tab
  readonly detail: Detail | null
  readonly cursor: Readonly<Record<Tab, number>>
  readonly query: Readonly<Record<Tab, string>>
  readonly searching: boolean
  readonly jaar: number
  readonly help: boolean
  /** Keys of collapsed doelen and baten in the Voortgang tree. */
  readonly collapsed: ReadonlyArray<string>
  /** The baat the Acties board is filtered on; `null` for all. */
  readonly baat: Din.BaatId | null
  /** First line shown of an open detail. */
  readonly scroll: number
}

/**
 * What every screen draws from: the data, where the person is, and the room it has.
 *
 * @since 0.1.0
 * @category models
 */
export interface ScreenProps {
  readonly model: Model.Model
  readonly state: ViewState
  readonly width: number
  readonly height: number
}

/**
 * @since 0.1.0
 * @category constructors
 */
export const initial = (jaar: number): ViewState => ({
  tab: "voortgang",
  detail: null,
  cursor: { voortgang: 0, acties: 0, gebied: 0, informatiebeeld: 0 },
  query: { voortgang: "", acties: "", gebied: "", informatiebeeld: "" },
  searching: false,
  jaar,
  help: false,
  collapsed: [],
  baat: null,
  scroll: 0
})

/**
 * What a person asked for, whatever key they used.
 *
 * @since 0.1.0
 * @category models
 */
export type Command =
  | { readonly _tag: "Up" }
  | { readonly _tag: "Down" }
  | { readonly _tag: "PageUp" }
  | { readonly _tag: "PageDown" }
  | { readonly _tag: "First" }
  | { readonly _tag: "Last" }
  | { readonly _tag: "Open" }
  | { readonly _tag: "Back" }
  | { readonly _tag: "NextTab" }
  | { readonly _tag: "PreviousTab" }
  | { readonly _tag: "Search" }
  | { readonly _tag: "Type"; readonly text: string }
  | { readonly _tag: "Erase" }
  | { readonly _tag: "EndSearch" }
  | { readonly _tag: "CancelSearch" }
  | { readonly _tag: "NextYear" }
  | { readonly _tag: "NextBaat" }
  | { readonly _tag: "Reload" }
  | { readonly _tag: "Help" }
  | { readonly _tag: "Quit" }

/**
 * What enter does on a row: open a detail, fold a doel or baat, or nothing.
 *
 * @since 0.1.0
 * @category models
 */
export type Opening =
  | { readonly _tag: "Detail"; readonly detail: Detail }
  | { readonly _tag: "Toggle"; readonly key: string }
  | { readonly _tag: "Nothing" }

/**
 * The list on the current screen, as far as navigation needs it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Listing {
  readonly count: number
  readonly open: (index: number) => Opening
}

/**
 * What the program must do besides drawing the new state.
 *
 * @since 0.1.0
 * @category models
 */
export type Outcome = "quit" | "reload" | null

/**
 * @since 0.1.0
 * @category models
 */
export interface Step {
  readonly state: ViewState
  readonly outcome: Outcome
}

/** Rows a page moves. */
export const pageSize = 10

const stay = (state: ViewState): Step => ({ state, outcome: null })

const clampCursor = (value: number, count: number): number => Math.max(0, Math.min(value, count - 1))

const move = (state: ViewState, listing: Listing, to: (current: number) => number): ViewState => {
  if (state.detail !== null) {
    return { ...state, scroll: clampCursor(to(clampCursor(state.scroll, listing.count)), listing.count) }
  }
  const current = clampCursor(state.cursor[state.tab], listing.count)
  return {
    ...state,
    cursor: { ...state.cursor, [state.tab]: clampCursor(to(current), listing.count) }
  }
}

const switchTab = (state: ViewState, by: number): ViewState => {
  const index = tabs.indexOf(state.tab)
  const tab = tabs[(index + by + tabs.length) % tabs.length] ?? "voortgang"
  return { ...state, tab, detail: null, scroll: 0, searching: false, help: false }
}

/**
 * The next state after `command`, given the list on screen, the jaarplan years and the baten of the
 * chosen year's DIN (the Acties filter goes round them).
 *
 * @since 0.1.0
 * @category rules
 */
export const reduce = (
  state: ViewState,
  command: Command,
  listing: Listing,
  jaren: ReadonlyArray<number>,
  baten: ReadonlyArray<Din.BaatId> = []
): Step => {
  if (state.help && command._tag !== "Quit") {
    return command._tag === "Help" || command._tag === "Back" ? stay({ ...state, help: false }) : stay(state)
  }
  switch (command._tag) {
    case "Up":
      return stay(move(state, listing, (c) => c - 1))
    case "Down":
      return stay(move(state, listing, (c) => c + 1))
    case "PageUp":
      return stay(move(state, listing, (c) => c - pageSize))
    case "PageDown":
      return stay(move(state, listing, (c) => c + pageSize))
    case "First":
      return stay(move(state, listing, () => 0))
    case "Last":
      return stay(move(state, listing, () => Number.MAX_SAFE_INTEGER))
    case "Open": {
      if (state.searching) return stay({ ...state, searching: false })
      if (state.detail !== null || listing.count === 0) return stay(state)
      const opening = listing.open(clampCursor(state.cursor[state.tab], listing.count))
      switch (opening._tag) {
        case "Detail":
          return stay({ ...state, detail: opening.detail, scroll: 0 })
        case "Toggle":
          return stay({
            ...state,
            collapsed: state.collapsed.includes(opening.key)
              ? state.collapsed.filter((k) => k !== opening.key)
              : [...state.collapsed, opening.key]
          })
        case "Nothing":
          return stay(state)
      }
      return stay(state)
    }
    case "Back":
      if (state.detail !== null) return stay({ ...state, detail: null, scroll: 0 })
      if (state.query[state.tab] !== "") return stay({ ...state, query: { ...state.query, [state.tab]: "" } })
      return stay(state)
    case "NextTab":
      return stay(switchTab(state, 1))
    case "PreviousTab":
      return stay(switchTab(state, -1))
    case "Search":
      return stay({ ...state, detail: null, scroll: 0, searching: true })
    case "Type":
      return state.searching
        ? stay({
            ...state,
            query: { ...state.query, [state.tab]: state.query[state.tab] + command.text },
            cursor: { ...state.cursor, [state.tab]: 0 }
          })
        : stay(state)
    case "Erase": {
      if (!state.searching) return stay(state)
      const query = state.query[state.tab]
      return stay({ ...state, query: { ...state.query, [state.tab]: query.slice(0, -1) } })
    }
    case "EndSearch":
      return stay({ ...state, searching: false })
    case "CancelSearch":
      return stay({
        ...state,
        searching: false,
        query: { ...state.query, [state.tab]: "" },
        cursor: { ...state.cursor, [state.tab]: 0 }
      })
    case "NextYear": {
      if (jaren.length === 0) return stay(state)
      const index = jaren.indexOf(state.jaar)
      return stay({ ...state, jaar: jaren[(index + 1) % jaren.length] ?? state.jaar, scroll: 0 })
    }
    case "NextBaat": {
      if (state.tab !== "acties") return stay(state)
      const index = state.baat === null ? -1 : baten.indexOf(state.baat)
      return stay({
        ...state,
        baat: index + 1 < baten.length ? (baten[index + 1] ?? null) : null,
        cursor: { ...state.cursor, acties: 0 }
      })
    }
    case "Reload":
      return { state, outcome: "reload" }
    case "Help":
      return stay({ ...state, help: true })
    case "Quit":
      return { state, outcome: "quit" }
  }
}

/**
 * The keys that work now, for the footer: `q stoppen` always, the rest by where one is.
 *
 * @since 0.1.0
 * @category formatting
 */
export const footerKeys = (state: ViewState): ReadonlyArray<readonly [string, string]> => {
  if (state.help)
    return [
      ["?/esc", "help sluiten"],
      ["q", "stoppen"]
    ]
  if (state.searching)
    return [
      ["typ", "zoeken"],
      ["enter", "klaar"],
      ["esc", "wissen"],
      ["↑↓", "kiezen"]
    ]
  if (state.detail !== null) {
    return [
      ["↑↓/jk", "scrollen"],
      ["esc", "terug"],
      ["tab", "scherm"],
      ["y", "jaar"],
      ["?", "help"],
      ["q", "stoppen"]
    ]
  }
  // enter means something on Voortgang and Informatiebeeld only
  const open: ReadonlyArray<readonly [string, string]> =
    state.tab === "voortgang"
      ? [["enter", "openen/inklappen"]]
      : state.tab === "informatiebeeld"
        ? [["enter", "openen"]]
        : []
  return [
    ["↑↓/jk", "kiezen"],
    ...open,
    ["tab", "scherm"],
    ["/", "zoeken"],
    ...(state.tab === "acties" ? [["b", "baat"] as const] : []),
    ["y", "jaar"],
    ["r", "herladen"],
    ["?", "help"],
    ["q", "stoppen"]
  ]
}
