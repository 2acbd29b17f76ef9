/**
 * Help: every key and what it does, in Dutch.
 *
 * @since 0.1.0
 */
import { Box, Text } from "ink"
import React from "react"
import { wrap } from "../Text.ts"

const h = React.createElement

/**
 * @since 0.1.0
 * @category models
 */
export const helpRegels: ReadonlyArray<readonly [string, string]> = [
  ["↑ ↓  j k", "regel kiezen (in een detail: scrollen); PgUp/PgDn per pagina, g/G begin/eind"],
  ["enter", "openen: indicator, informatiebeeld; op een doel of baat: in- of uitklappen"],
  ["esc  backspace", "terug; wist ook de zoekopdracht"],
  ["tab  shift+tab", "volgend/vorig scherm: Voortgang, Acties, Gebied, Informatiebeeld"],
  ["/", "zoeken in het huidige scherm (enter klaar, esc wissen)"],
  ["y", "ander jaarplan"],
  ["b", "Acties: filter op baat wisselen"],
  ["r", "gegevens opnieuw laden"],
  ["?", "deze help"],
  ["q", "stoppen"]
]

/**
 * @since 0.1.0
 * @category components
 */
export const HelpScreen = (props: { readonly height: number; readonly width: number }): React.ReactElement =>
  h(
    Box,
    { flexDirection: "column", height: props.height },
    h(Text, { bold: true }, "Toetsen"),
    ...helpRegels.flatMap(([key, what]) =>
      wrap(what, props.width - 20).map((line, i) =>
        h(Text, { key: `${key}-${i}`, wrap: "truncate-end" }, `  ${(i === 0 ? key : "").padEnd(16)}  ${line}`)
      )
    ),
    h(Text, null, " "),
    h(Text, { wrap: "wrap" }, "Status staat altijd als tekst in de badge, ook zonder kleuren (NO_COLOR).")
  )
