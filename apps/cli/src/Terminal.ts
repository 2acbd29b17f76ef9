/**
 * The CLI's print edge: everything it prints passes `printable`, so that text from a workbook or the
 * database (file names, cell values, problem messages) cannot move the cursor, clear the screen, retitle
 * the window or hide a line with escape sequences and control characters.
 */
import type { Console } from "effect"

// Escape sequences whole (CSI `ESC [ … letter` or U+009B,  OSC `ESC ] … BEL or ESC \`, and two-character ones),
// then any other C0 control but tab and newline, DEL, and the C1 controls (U+0080–U+009F, among them the
// one-character CSI U+009B).
const escapeSequence =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /\u009b[0-?]*[ -/]*[@-~]|\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const control = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

/**
 * `text` without escape sequences and control characters (tab and newline stay).
 *
 * @since 0.1.0
 */
export const printable = (text: string): string => text.replace(escapeSequence, "").replace(control, "")

const clean = (args: ReadonlyArray<unknown>): Array<unknown> =>
  args.map((arg) => (typeof arg === "string" ? printable(arg) : arg))

/**
 * A console that prints through `printable`; the CLI's one way to the terminal.
 *
 * @since 0.1.0
 */
export const printableConsole = (console: Console.Console): Console.Console => ({
  ...console,
  log: (...args) => console.log(...clean(args)),
  error: (...args) => console.error(...clean(args)),
  info: (...args) => console.info(...clean(args)),
  warn: (...args) => console.warn(...clean(args)),
  debug: (...args) => console.debug(...clean(args))
})
