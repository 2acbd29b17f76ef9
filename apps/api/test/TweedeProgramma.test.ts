/**
 * The API on a database with a second programme (the fictitious "Aanpak Ondermijning (voorbeeld)" of
 * examples/): /voortgang names its doelen and baten and gives its verdicts, /programma its DIN; nothing
 * in the API knows which programme it serves.
 */
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { Dataset } from "@dvcc/core"
import { ProgramStore, Tokens } from "@dvcc/store"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Effect, ManagedRuntime, Schema } from "effect"
import { createApp, services } from "../src/App.ts"
import { freshSqlite } from "./fixture.ts"
import { json } from "./json.ts"

const example = fileURLToPath(new URL("../../../examples/ondermijning-voorbeeld.json", import.meta.url))
const dataset = Schema.decodeUnknownSync(Dataset.Dataset)(JSON.parse(readFileSync(example, "utf8")))

const doelen = [
  "Een weerbare overheid die ondermijning herkent",
  "Criminele structuren verstoren en afpakken",
  "Samen met partners en inwoners ondermijning voorkomen"
]
const baten = [
  "Gemeenten toetsen vergunningen op integriteit (Bibob)",
  "Het bestuur krijgt een actueel beeld van ondermijning",
  "Malafide vastgoed is in beeld en wordt aangepakt",
  "Crimineel vermogen wordt vaker afgepakt",
  "Jongeren zijn weerbaar tegen criminele ronselaars",
  "Ondernemers herkennen en melden signalen van ondermijning",
  "Partners delen signalen tijdig en rechtmatig"
]

const runtime = ManagedRuntime.make(services(freshSqlite()))
const app = createApp({ runtime, options: { log: () => undefined, report: () => undefined } })
let token = ""

beforeAll(async () => {
  token = await runtime.runPromise(
    Effect.gen(function* () {
      yield* (yield* ProgramStore.ProgramStore).seed(dataset, { actor: "test", source: "cli" })
      const created = yield* (yield* Tokens.Tokens).create(
        { naam: "test", rol: "programma", scope: null },
        "test"
      )
      return created.token
    })
  )
}, 60_000)
afterAll(() => runtime.dispose())

const get = (path: string) =>
  Promise.resolve(app.request(path, { headers: { authorization: `Bearer ${token}` } }))

describe("the API on a second programme", () => {
  it("GET /api/v1/voortgang names its doelen and baten and gives its verdicts", async () => {
    const response = await get("/api/v1/voortgang?asOf=2026-03-31&jaar=2025")
    assert.strictEqual(response.status, 200)
    const body = await json(response)
    const [jaar] = body.jaren
    assert.deepStrictEqual(
      jaar.programma.doelen.map((d: { naam: string }) => d.naam),
      doelen
    )
    assert.sameMembers(
      jaar.programma.doelen.flatMap((d: { baten: Array<{ naam: string }> }) => d.baten.map((b) => b.naam)),
      baten
    )
    const status = Object.fromEntries(
      jaar.indicatoren.map((p: { indicator: string; status: string }) => [p.indicator, p.status])
    )
    assert.strictEqual(status["bestuurlijke-rapportages"], "behaald")
    assert.strictEqual(status.trainingen, "achter")
    assert.strictEqual(status["signalen-gedeeld"], "geen-data")
    assert.strictEqual(jaar.programma.status, "achter")
    assert.notInclude(JSON.stringify(body), "Midden-Nederland")
  })

  it("GET /api/v1/programma gives its name, region and DIN", async () => {
    const response = await get("/api/v1/programma")
    assert.strictEqual(response.status, 200)
    const text = JSON.stringify(await json(response))
    assert.include(text, "Aanpak Ondermijning (voorbeeld)")
    assert.include(text, "Zilverdal-Lindewaard")
    for (const naam of [...doelen, ...baten]) assert.include(text, naam)
    assert.notInclude(text, "Midden-Nederland")
  })
})
