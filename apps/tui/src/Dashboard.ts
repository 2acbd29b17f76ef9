/**
 * The interactive dashboard: the Ink app in the alternate screen (quitting restores the terminal). Loaded
 * by `Start.run` only for a terminal, after the first screen is drawn as text; a pipe never loads Ink.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import { render, renderToString } from "ink"
import React from "react"
import { App } from "./App.ts"
import { Header } from "./Chrome.ts"
import type * as Model from "./Model.ts"
import { initial } from "./Navigation.ts"
import { VoortgangScreen } from "./screens/Voortgang.ts"
import { ThemeContext } from "./Theme.ts"

const h = React.createElement

/**
 * The Voortgang screen of `jaar` as Ink draws it, every doel, baat and indicator with its explanation
 * (`Frame.snapshot` writes the same text without Ink; a test keeps the two equal).
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

/**
 * @since 0.1.0
 * @category models
 */
export interface AppOptions {
  readonly model: Model.Model
  readonly jaar: number
  readonly colour: boolean
  /** Loads the data again; a string is a Dutch message why it failed. */
  readonly reload: () => Promise<Model.Model | string>
  readonly stdout: NodeJS.WriteStream
  readonly stdin: NodeJS.ReadStream
}

/**
 * Runs the Ink app until the person quits.
 *
 * @since 0.1.0
 * @category constructors
 */
export const runApp = (options: AppOptions): Effect.Effect<void> =>
  Effect.gen(function* () {
    const instance = yield* Effect.sync(() =>
      render(
        h(
          ThemeContext.Provider,
          { value: { colour: options.colour } },
          h(App, { model: options.model, jaar: options.jaar, reload: options.reload })
        ),
        {
          stdout: options.stdout,
          stdin: options.stdin,
          alternateScreen: true,
          exitOnCtrlC: true,
          patchConsole: false,
          interactive: true
        }
      )
    )
    yield* Effect.promise(() => instance.waitUntilExit())
  })
