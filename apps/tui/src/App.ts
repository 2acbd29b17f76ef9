/**
 * The dashboard: the frame, the screen of the view state, one `useInput` that turns keys into commands
 * for `Navigation.reduce`, and the terminal size it adapts to.
 *
 * @since 0.1.0
 */
import { Din } from "@dvcc/core"
import { Box, useApp, useInput, useWindowSize } from "ink"
import React from "react"
import { Footer, Header, SearchLine } from "./Chrome.ts"
import { bodySize } from "./Frame.ts"
import { commandsFor } from "./Keys.ts"
import { listingFor } from "./Listing.ts"
import type * as Model from "./Model.ts"
import { initial, type Outcome, reduce, type ScreenProps } from "./Navigation.ts"
import { ActiesScreen } from "./screens/Acties.ts"
import { GebiedScreen } from "./screens/Gebied.ts"
import { HelpScreen } from "./screens/Help.ts"
import { IndicatorScreen } from "./screens/Indicator.ts"
import { InformatiebeeldScreen } from "./screens/Informatiebeeld.ts"
import { VoortgangScreen } from "./screens/Voortgang.ts"

const h = React.createElement

/**
 * @since 0.1.0
 * @category models
 */
export interface AppProps {
  readonly model: Model.Model
  readonly jaar: number
  /** Loads the data again; a string is a Dutch message why it failed. */
  readonly reload: () => Promise<Model.Model | string>
  /** Overrides the terminal size (tests, snapshots). */
  readonly size?: { readonly columns: number; readonly rows: number }
}

/**
 * The body of the current view.
 *
 * @since 0.1.0
 * @category components
 */
export const Body = (props: ScreenProps): React.ReactElement => {
  const { state } = props
  if (state.help) return h(HelpScreen, { height: props.height, width: props.width })
  if (state.detail?._tag === "Indicator") return h(IndicatorScreen, { ...props, id: state.detail.id })
  switch (state.tab) {
    case "voortgang":
      return h(VoortgangScreen, props)
    case "acties":
      return h(ActiesScreen, props)
    case "gebied":
      return h(GebiedScreen, props)
    case "informatiebeeld":
      return h(InformatiebeeldScreen, props)
  }
}

/**
 * @since 0.1.0
 * @category components
 */
export const App = (props: AppProps): React.ReactElement => {
  const { exit } = useApp()
  const terminal = useWindowSize()
  const size = props.size ?? terminal
  const [model, setModel] = React.useState(props.model)
  const [state, setState] = React.useState(() => initial(props.jaar))
  const [melding, setMelding] = React.useState<string | null>(null)
  const meldingRef = React.useRef(melding)
  meldingRef.current = melding
  const sizeRef = React.useRef(size)
  sizeRef.current = size
  const stateRef = React.useRef(state)
  stateRef.current = state
  const modelRef = React.useRef(model)
  modelRef.current = model

  useInput((input, key) => {
    let current = stateRef.current
    const outcomes: Array<Outcome> = []
    for (const command of commandsFor(input, key, current.searching)) {
      const step = reduce(
        current,
        command,
        listingFor(modelRef.current, current, bodySize(sizeRef.current, current, meldingRef.current)),
        modelRef.current.jaren,
        Din.geldendVoor(modelRef.current.dataset.program, current.jaar).baten.map((b) => b.id)
      )
      current = step.state
      outcomes.push(step.outcome)
      if (step.outcome === "quit") break
    }
    stateRef.current = current
    setState(current)
    if (outcomes.includes("quit")) {
      exit()
      return
    }
    if (outcomes.includes("reload")) {
      setMelding("Herladen…")
      props.reload().then(
        (next) => {
          if (typeof next === "string") {
            setMelding(next)
          } else {
            modelRef.current = next
            setModel(next)
            setMelding("Herladen.")
          }
        },
        () => setMelding("Herladen mislukt.")
      )
    }
  })

  const { width, height } = bodySize(size, state, melding)
  return h(
    Box,
    { flexDirection: "column", width },
    h(Header, { model, state, width, melding }),
    h(SearchLine, { state, width }),
    h(Body, { model, state, width, height }),
    h(Footer, { state, width })
  )
}
