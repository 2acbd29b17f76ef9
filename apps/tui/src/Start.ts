/**
 * Starts the dashboard. Without a terminal (piped, CI) it writes the Voortgang screen as text and ends;
 * that path never loads Ink or React. On a terminal it draws the first screen as text in the alternate
 * screen at once, then loads the Ink app, which takes over the same screen: loading Ink and its
 * dependencies is about half of the start, and a person should not wait for it to see where things stand.
 *
 * @since 0.1.0
 */
import type { Dataset, Periode } from "@dvcc/core"
import { Effect } from "effect"
import * as Frame from "./Frame.ts"
import * as Model from "./Model.ts"
import type { Source, SourceError } from "./Source.ts"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly source: Source
  /** The data, when the caller has loaded it already; `r` reloads from `source`. */
  readonly dataset?: Dataset.Dataset
  readonly peildatum: Periode.Datum
  /** The jaarplan to open on; by default the one of the peildatum's year. */
  readonly jaar?: number
  readonly colour: boolean
  /** A terminal to draw on; else a snapshot is written. */
  readonly interactive: boolean
  readonly stdout?: NodeJS.WriteStream
  readonly stdin?: NodeJS.ReadStream
}

const loadModel = (options: Options) =>
  options.source.load.pipe(
    Effect.map((dataset) => Model.make(dataset, options.peildatum, options.source.naam))
  )

// The same sequences Ink uses: the alternate screen, the cursor hidden, home and erase.
const enterScreen = "\u001b[?1049h\u001b[?25l\u001b[H\u001b[2J"
const leaveScreen = "\u001b[?1049l\u001b[?25h"
const home = "\u001b[H"

/**
 * The width of the snapshot: the terminal's, within 60 to 140 columns (100 for a pipe).
 *
 * @since 0.1.0
 * @category rules
 */
export const snapshotWidth = (columns: number | undefined): number =>
  Math.max(60, Math.min(columns ?? 100, 140))

/**
 * Runs the dashboard until the person quits, or writes the snapshot.
 *
 * @since 0.1.0
 * @category constructors
 */
export const run = (options: Options): Effect.Effect<void, SourceError> =>
  Effect.gen(function* () {
    const model =
      options.dataset === undefined
        ? yield* loadModel(options)
        : Model.make(options.dataset, options.peildatum, options.source.naam)
    const jaar = options.jaar ?? Model.defaultJaar(model)
    const stdout = options.stdout ?? process.stdout
    if (!options.interactive) {
      const text = Frame.snapshot(model, jaar, snapshotWidth(stdout.columns))
      yield* Effect.sync(() => stdout.write(`${text}\n`))
      return
    }
    const stdin = options.stdin ?? process.stdin
    const frame = Frame.firstScreen(model, jaar, { columns: stdout.columns ?? 80, rows: stdout.rows ?? 24 })
    // Raw mode at once, as Ink sets it: keys pressed while Ink loads are not echoed over the frame, and
    // reach the app when it starts reading.
    const raw = stdin.isTTY === true && typeof stdin.setRawMode === "function"
    yield* Effect.sync(() => {
      if (frame === undefined) return
      if (raw) stdin.setRawMode(true)
      stdout.write(`${enterScreen}${frame.join("\n")}${home}`)
    })
    const restore = Effect.sync(() => {
      if (frame === undefined) return
      if (raw) stdin.setRawMode(false)
      stdout.write(leaveScreen)
    })
    const { runApp } = yield* Effect.promise(() => import("./Dashboard.ts")).pipe(
      Effect.onError(() => restore)
    )
    const reload = () =>
      Effect.runPromise(
        loadModel(options).pipe(Effect.catch((error) => Effect.succeed(`Herladen mislukt: ${error.message}`)))
      )
    yield* runApp({ model, jaar, colour: options.colour, reload, stdout, stdin })
  })
