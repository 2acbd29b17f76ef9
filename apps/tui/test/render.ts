/**
 * Test helpers: the bundled data as a model, and `renderWithProviders`, which renders a component with
 * the theme (no colours unless asked) through ink-testing-library, plus a way to press keys one by one.
 */
import type { Periode } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { render } from "ink-testing-library"
import React from "react"
import { App } from "../src/App.ts"
import * as Model from "../src/Model.ts"
import { ThemeContext } from "../src/Theme.ts"

export const peildatum = "2025-12-31" as Periode.Datum

export const model: Model.Model = Model.make(dataset, peildatum, "testgegevens")

export const renderWithProviders = (
  element: React.ReactElement,
  options: { readonly colour?: boolean } = {}
) =>
  render(React.createElement(ThemeContext.Provider, { value: { colour: options.colour ?? false } }, element))

const tick = () => new Promise((resolve) => setTimeout(resolve, 30))

/** The keys of the dashboard as a terminal sends them. */
export const keys = {
  up: "\x1b[A",
  down: "\x1b[B",
  enter: "\r",
  escape: "\x1b",
  backspace: "\x7f",
  tab: "\t",
  shiftTab: "\x1b[Z"
} as const

/** The dashboard on the bundled data, 2025, in a terminal of the given size. */
export const renderApp = (
  size: { readonly columns: number; readonly rows: number } = { columns: 120, rows: 40 },
  options: { readonly reload?: () => Promise<Model.Model | string>; readonly colour?: boolean } = {}
) => {
  const instance = renderWithProviders(
    React.createElement(App, {
      model,
      jaar: 2025,
      size,
      reload: options.reload ?? (() => Promise.resolve(model))
    }),
    options
  )
  const press = async (...sequence: ReadonlyArray<string>) => {
    await tick()
    for (const key of sequence) {
      instance.stdin.write(key)
      await tick()
    }
  }
  const frame = () => instance.lastFrame() ?? ""
  return { ...instance, press, frame }
}
