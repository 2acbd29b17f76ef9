/**
 * Which key means which command: arrows and j/k move, enter opens, esc and backspace go back, tab changes
 * screen, `/` searches, `y` switches the jaarplan, `b` the baat filter, `r` reloads, `?` helps, `q` quits.
 * While searching, letters are typed into the search instead.
 *
 * @since 0.1.0
 */
import type { Command } from "./Navigation.ts"

/**
 * The parts of Ink's `Key` the bindings read.
 *
 * @since 0.1.0
 * @category models
 */
export interface KeyInfo {
  readonly upArrow?: boolean
  readonly downArrow?: boolean
  readonly pageUp?: boolean
  readonly pageDown?: boolean
  readonly home?: boolean
  readonly end?: boolean
  readonly return?: boolean
  readonly escape?: boolean
  readonly tab?: boolean
  readonly shift?: boolean
  readonly backspace?: boolean
  readonly delete?: boolean
  readonly ctrl?: boolean
  readonly meta?: boolean
}

/**
 * The command for a key press, or `undefined` for a key without meaning.
 *
 * @since 0.1.0
 * @category rules
 */
export const commandFor = (input: string, key: KeyInfo, searching: boolean): Command | undefined => {
  if (key.upArrow) return { _tag: "Up" }
  if (key.downArrow) return { _tag: "Down" }
  if (key.pageUp) return { _tag: "PageUp" }
  if (key.pageDown) return { _tag: "PageDown" }
  if (key.home) return { _tag: "First" }
  if (key.end) return { _tag: "Last" }
  if (key.tab) return key.shift ? { _tag: "PreviousTab" } : { _tag: "NextTab" }
  if (key.ctrl && input === "c") return { _tag: "Quit" }
  if (searching) {
    if (key.return) return { _tag: "EndSearch" }
    if (key.escape) return { _tag: "CancelSearch" }
    if (key.backspace || key.delete) return { _tag: "Erase" }
    if (input !== "" && !key.ctrl && !key.meta) return { _tag: "Type", text: input }
    return undefined
  }
  if (key.return) return { _tag: "Open" }
  if (key.escape || key.backspace || key.delete) return { _tag: "Back" }
  switch (input) {
    case "k":
      return { _tag: "Up" }
    case "j":
      return { _tag: "Down" }
    case "/":
      return { _tag: "Search" }
    case "y":
      return { _tag: "NextYear" }
    case "b":
      return { _tag: "NextBaat" }
    case "r":
      return { _tag: "Reload" }
    case "?":
      return { _tag: "Help" }
    case "q":
      return { _tag: "Quit" }
    case "g":
      return { _tag: "First" }
    case "G":
      return { _tag: "Last" }
    default:
      return undefined
  }
}

const controlKeys: Record<string, KeyInfo> = {
  "\r": { return: true },
  "\n": { return: true },
  "\t": { tab: true },
  "\x7f": { backspace: true },
  "\b": { backspace: true },
  "\x1b": { escape: true }
}

/**
 * The commands for one read from the terminal. Several keys can arrive in one read (typed fast, sent by
 * a script); outside a search each character then counts as its own key, so `jj` moves two rows.
 *
 * @since 0.1.0
 * @category rules
 */
export const commandsFor = (input: string, key: KeyInfo, searching: boolean): Array<Command> => {
  if (input.length <= 1 || searching) {
    const command = commandFor(input, key, searching)
    return command === undefined ? [] : [command]
  }
  const commands: Array<Command> = []
  let typing: boolean = searching
  for (const char of input) {
    const control = controlKeys[char]
    const command = control === undefined ? commandFor(char, {}, typing) : commandFor("", control, typing)
    if (command === undefined) continue
    commands.push(command)
    if (command._tag === "Search") typing = true
    if (command._tag === "EndSearch" || command._tag === "CancelSearch") typing = false
  }
  return commands
}
