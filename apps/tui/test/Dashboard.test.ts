import { PassThrough } from "node:stream"
import { dataset } from "@dvcc/midden-nederland"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { snapshot } from "../src/Dashboard.ts"
import * as Frame from "../src/Frame.ts"
import { fromDataset } from "../src/Source.ts"
import { run } from "../src/Start.ts"
import { toneProps } from "../src/Theme.ts"
import { model, peildatum, renderApp } from "./render.ts"

describe("the snapshot for a pipe or CI", () => {
  it("is the Voortgang screen with every row and its explanation, within the width", () => {
    const text = snapshot(model, 2025, 100)
    assert.include(text, "[Voortgang]")
    for (const id of dataset.indicatoren.filter((i) => i.jaar === 2025).map((i) => i.id))
      assert.include(text, id)
    assert.include(text, "15 kennisbijeenkomsten in 2025, gemiddeld 1,25 per maand")
    assert.notInclude(text, "›")
    assert.notInclude(text, "\u001b[")
    for (const line of text.split("\n")) assert.isAtMost(line.length, 100, line)
  })

  it.effect("is written when there is no terminal, and the run ends by itself", () =>
    Effect.gen(function* () {
      const out = new PassThrough()
      let written = ""
      out.on("data", (chunk) => {
        written += String(chunk)
      })
      yield* run({
        source: fromDataset(dataset),
        peildatum,
        colour: false,
        interactive: false,
        stdout: out as unknown as NodeJS.WriteStream
      })
      assert.include(written, "DVCC-dashboard · Jaarplan 2025 · peildatum 31 december 2025")
      assert.include(written, "Strategisch doel: Kundiger organisaties en medewerkers")
    })
  )
})

describe("the first screen as text, without Ink", () => {
  it("is the snapshot Ink draws, line for line, at every width and for both jaarplannen", () => {
    for (const width of [60, 79, 80, 100, 109, 110, 140]) {
      for (const jaar of [2025, 2026]) {
        const ink = snapshot(model, jaar, width)
          .split("\n")
          .map((l) => l.trimEnd())
        assert.deepStrictEqual(
          Frame.snapshot(model, jaar, width).split("\n"),
          ink,
          `${width} kolommen, ${jaar}`
        )
      }
    }
  })

  it("is the frame the app opens with, in terminals large and small", async () => {
    const sizes = [
      { columns: 120, rows: 40 },
      { columns: 80, rows: 24 },
      { columns: 100, rows: 30 },
      { columns: 200, rows: 60 },
      { columns: 60, rows: 15 },
      { columns: 46, rows: 12 },
      { columns: 90, rows: 22 }
    ]
    for (const size of sizes) {
      const app = renderApp(size)
      await new Promise((resolve) => setTimeout(resolve, 30))
      const frame = app
        .frame()
        .split("\n")
        .map((l) => l.trimEnd())
      app.unmount()
      assert.deepStrictEqual(Frame.firstScreen(model, 2025, size), frame, `${size.columns}×${size.rows}`)
    }
  })

  it("is left to Ink where Ink would wrap the tabs or squeeze the tree", () => {
    assert.isUndefined(Frame.firstScreen(model, 2025, { columns: 40, rows: 24 }))
    assert.isUndefined(Frame.firstScreen(model, 2025, { columns: 80, rows: 8 }))
  })
})

describe("the theme", () => {
  it("colours a status only where colours are on, and never drops the text", () => {
    assert.deepStrictEqual(toneProps("achter", { colour: true }), { color: "red" })
    assert.deepStrictEqual(toneProps("achter", { colour: false }), {})
    assert.deepStrictEqual(toneProps("kop", { colour: false }), { bold: true })
  })
})
