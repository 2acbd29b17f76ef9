import { PassThrough } from "node:stream"
import { dataset } from "@dvcc/midden-nederland"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { run, snapshot } from "../src/Dashboard.ts"
import { fromDataset } from "../src/Source.ts"
import { toneProps } from "../src/Theme.ts"
import { model, peildatum } from "./render.ts"

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
      assert.include(written, "Doel: Kundiger organisaties en medewerkers")
    })
  )
})

describe("the theme", () => {
  it("colours a status only where colours are on, and never drops the text", () => {
    assert.deepStrictEqual(toneProps("achter", { colour: true }), { color: "red" })
    assert.deepStrictEqual(toneProps("achter", { colour: false }), {})
    assert.deepStrictEqual(toneProps("kop", { colour: false }), { bold: true })
  })
})
