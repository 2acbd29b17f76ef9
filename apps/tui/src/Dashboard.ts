/**
 * Starts the dashboard: on a terminal the interactive Ink app in the alternate screen (quitting restores
 * the terminal); otherwise (piped, CI) a static snapshot of the Voortgang screen.
 *
 * @since 0.1.0
 */
import type { Dataset, Periode } from "@dvcc/core"
import { Effect } from "effect"
import { render, renderToString } from "ink"
import React from "react"
import { App } from "./App.ts"
import { Header } from "./Chrome.ts"
import * as Model from "./Model.ts"
import { initial } from "./Navigation.ts"
import type { Source, SourceError } from "./Source.ts"
import { VoortgangScreen } from "./screens/Voortgang.ts"
import { ThemeContext } from "./Theme.ts"

const h = React.createElement

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

/**
 * The Voortgang screen of `jaar` as text: every doel, baat and indicator with its explanation.
 *
 * @since 0.1.0
 * @category formatting
 */
export const snapshot = (model: Model.Model, jaar: number, width: number, colour = false): string =>
  renderToString(
    h(
      ThemeContext.Provider,
      { value: { colour } },
      h(Header, { model, state: initial(jaar), width, melding: null }),
      h(VoortgangScreen, { model, state: initial(jaar), width, height: 0, full: true })
    ),
    { columns: width }
  )

const loadModel = (options: Options) =>
  options.source.load.pipe(
    Effect.map((dataset) => Model.make(dataset, options.peildatum, options.source.naam))
  )

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
      const width = Math.max(60, Math.min(stdout.columns ?? 100, 140))
      yield* Effect.sync(() => stdout.write(`${snapshot(model, jaar, width, options.colour)}\n`))
      return
    }
    const reload = () =>
      Effect.runPromise(
        loadModel(options).pipe(Effect.catch((error) => Effect.succeed(`Herladen mislukt: ${error.message}`)))
      )
    const instance = yield* Effect.sync(() =>
      render(
        h(ThemeContext.Provider, { value: { colour: options.colour } }, h(App, { model, jaar, reload })),
        {
          stdout,
          stdin: options.stdin ?? process.stdin,
          alternateScreen: true,
          exitOnCtrlC: true,
          patchConsole: false,
          interactive: true
        }
      )
    )
    yield* Effect.promise(() => instance.waitUntilExit())
  })
