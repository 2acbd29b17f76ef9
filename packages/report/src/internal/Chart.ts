/**
 * Charts: Vega-Lite specifications rendered to SVG on the server, made accessible (one image with a
 * description) and scalable, so the report needs no script to show them.
 */
import { Effect } from "effect"
import * as vega from "vega"
import type { Config, TopLevelSpec } from "vega-lite"
import * as vegaLite from "vega-lite"
import { esc } from "./Html.ts"

/** The house look of all charts: the report's font, colours and no chart-internal ARIA tree. */
export const config: Config = {
  aria: false,
  font: "Arial, sans-serif",
  background: "#ffffff",
  view: { stroke: null },
  axis: {
    labelFontSize: 11,
    titleFontSize: 11,
    labelColor: "#222",
    titleColor: "#222",
    gridColor: "#dde3ea"
  },
  legend: { labelFontSize: 11, titleFontSize: 11, orient: "bottom" },
  range: { category: ["#24578f", "#b35c00", "#2e7d4f", "#7a3b8f"] }
}

/**
 * Renders `spec` to an SVG string that scales to its container and is one image for assistive technology,
 * described by `beschrijving` (the table beside it has the numbers).
 */
export const svg = (spec: TopLevelSpec, beschrijving: string): Effect.Effect<string> =>
  Effect.gen(function* () {
    const view = new vega.View(vega.parse(vegaLite.compile({ ...spec, config }).spec), {
      renderer: "none"
    })
    const tekening = yield* Effect.promise(() => view.toSVG())
    view.finalize()
    return (
      tekening
        // the chart is one picture for assistive technology: no roles or labels inside it
        .replace(/ (?:role|aria-roledescription|aria-label)="[^"]*"/g, "")
        .replace(/ class="marks"/, "")
        .replace(/^<svg /, `<svg role="img" aria-label="${esc(beschrijving)}" focusable="false" `)
    )
  })
