/**
 * The dashboard on a second programme (the fictitious "Aanpak Ondermijning (voorbeeld)" of examples/): the
 * snapshot for a pipe or CI shows its doelen and baten by name and its verdicts.
 */
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { Dataset, type Periode } from "@dvcc/core"
import { assert, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import { snapshot } from "../src/Dashboard.ts"
import * as Model from "../src/Model.ts"

const example = fileURLToPath(new URL("../../../examples/ondermijning-voorbeeld.json", import.meta.url))
const dataset = Schema.decodeUnknownSync(Dataset.Dataset)(JSON.parse(readFileSync(example, "utf8")))
const model = Model.make(dataset, "2026-03-31" as Periode.Datum, "voorbeeld")

describe("the dashboard on a second programme", () => {
  it("shows its doelen, baten and verdicts", () => {
    const text = snapshot(model, 2025, 140)
    const flat = text.replace(/\s+/g, " ")
    for (const naam of [
      "Een weerbare overheid die ondermijning herkent",
      "Criminele structuren verstoren en afpakken",
      "Samen met partners en inwoners ondermijning voorkomen"
    ])
      assert.include(flat, `Strategisch doel: ${naam}`)
    for (const naam of [
      "Gemeenten toetsen vergunningen op integriteit (Bibob)",
      "Het bestuur krijgt een actueel beeld van ondermijning",
      "Malafide vastgoed is in beeld en wordt aangepakt",
      "Crimineel vermogen wordt vaker afgepakt",
      "Jongeren zijn weerbaar tegen criminele ronselaars",
      "Ondernemers herkennen en melden signalen van ondermijning",
      "Partners delen signalen tijdig en rechtmatig"
    ])
      assert.include(flat, naam)
    assert.include(flat, "7 rapportages in 2025 (doel minimaal 6) — behaald")
    assert.include(flat, "11 trainingen in 2025, gemiddeld 0,92 per maand (doel 2) — achter")
    assert.include(flat, "Geen data: geen meting over 2025 vastgelegd")
    assert.notInclude(text, "Midden-Nederland")
  })
})
