/**
 * A second programme end to end through the command line: the fictitious "Aanpak Ondermijning
 * (voorbeeld)" of examples/ (3 doelen, 7 baten, another region) started with `dvcc init --programma`.
 * Status, the exports (and the data workbook imported back) and the reports show its own doelen and baten
 * and its own verdicts; nothing of the bundled programme appears.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Export } from "@dvcc/excel"
import { assert, beforeAll, describe, it } from "@effect/vitest"
import { dvcc, folder } from "./dvcc.ts"

const example = fileURLToPath(new URL("../../../examples/ondermijning-voorbeeld.json", import.meta.url))

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
/** A few of its verdicts on 31 March 2026. */
const verdicts = {
  "bestuurlijke-rapportages": "behaald",
  afpakzaken: "behaald",
  trainingen: "achter",
  "bibob-beleid": "achter",
  "signalen-gedeeld": "geen-data"
}

const slow = { timeout: 60_000 }
let db: string

beforeAll(async () => {
  db = join(folder(), "ondermijning.sqlite")
  const result = await dvcc("init", "--db", db, "--programma", example)
  if (result.code !== 0) throw new Error(result.stderr)
}, 60_000)

const statusJson = async (database: string, ...args: Array<string>) => {
  const result = await dvcc("--db", database, "status", "--json", ...args)
  assert.strictEqual(result.code, 0, result.stderr)
  const report = JSON.parse(result.stdout) as {
    jaren: Array<{
      programma: { doelen: Array<{ naam: string; baten: Array<{ naam: string }> }> }
      indicatoren: Array<{ indicator: string; status: string }>
    }>
  }
  const [jaar] = report.jaren
  assert.isDefined(jaar)
  return {
    doelen: jaar?.programma.doelen.map((d) => d.naam) ?? [],
    baten: jaar?.programma.doelen.flatMap((d) => d.baten.map((b) => b.naam)) ?? [],
    status: Object.fromEntries((jaar?.indicatoren ?? []).map((p) => [p.indicator, p.status]))
  }
}

describe("a second programme through the CLI", () => {
  it("dvcc status shows its doelen, baten and verdicts, as text and as JSON", slow, async () => {
    const text = await dvcc("--db", db, "status", "--as-of", "2026-03-31")
    assert.strictEqual(text.code, 0, text.stderr)
    for (const naam of doelen) assert.include(text.stdout, `Strategisch doel: ${naam}`)
    baten.forEach((naam, i) => {
      assert.include(text.stdout.replace(/\s+/g, " "), `Doel ${i + 1}: ${naam}`)
    })
    assert.include(text.stdout, "Programma Aanpak Ondermijning (voorbeeld)")
    assert.include(text.stdout, "[behaald]   bestuurlijke-rapportages")
    assert.include(text.stdout, "[achter]    trainingen")
    assert.include(text.stdout, "[geen data] signalen-gedeeld")
    assert.notInclude(text.stdout, "Midden-Nederland")

    const json = await statusJson(db, "--as-of", "2026-03-31")
    assert.deepStrictEqual(json.doelen, doelen)
    assert.sameMembers(json.baten, baten)
    for (const [id, status] of Object.entries(verdicts)) assert.strictEqual(json.status[id], status, id)
  })

  it("dvcc export kpi writes its indicators under its baten with their verdicts", slow, async () => {
    const file = join(folder(), "kpi.xlsx")
    const result = await dvcc(
      "--db",
      db,
      "export",
      "kpi",
      "--jaar",
      "2025",
      "--as-of",
      "2026-03-31",
      "--out",
      file
    )
    assert.strictEqual(result.code, 0, result.stderr)
    const values = JSON.stringify((await Export.load(file)).getWorksheet("Indicatoren")?.getSheetValues())
    for (const naam of [...doelen, ...baten]) assert.include(values, naam)
    assert.include(values, "7 rapportages in 2025 (doel minimaal 6) — behaald")
    assert.include(values, "11 trainingen in 2025, gemiddeld 0,92 per maand (doel 2) — achter")
    assert.notInclude(values, "Midden-Nederland")
  })

  it(
    "dvcc export data writes its records, which import into a new database of the programme",
    slow,
    async () => {
      const file = join(folder(), "data.xlsx")
      const exported = await dvcc("--db", db, "export", "data", "--out", file)
      assert.strictEqual(exported.code, 0, exported.stderr)
      assert.include(exported.stdout, "12 gebiedsrijen")

      // The same programme without its measurements, then the workbook's measurements imported.
      const { metingen: _, ...zonder } = JSON.parse(readFileSync(example, "utf8")) as Record<string, unknown>
      const programma = join(folder(), "zonder-metingen.json")
      writeFileSync(programma, JSON.stringify(zonder))
      const other = join(folder(), "kopie.sqlite")
      assert.strictEqual((await dvcc("init", "--db", other, "--programma", programma)).code, 0)
      const imported = await dvcc("--db", other, "import", file)
      assert.strictEqual(imported.code, 0, imported.stderr)
      assert.match(
        imported.stdout,
        /blad Metingen \(metingen\): \d+ rijen, \d+ nieuw of gewijzigd, 0 ongewijzigd, 0 afgekeurd/
      )

      // Imported measurements are recorded today, so they are judged today: 2025's figures are final.
      const json = await statusJson(other)
      assert.sameMembers(json.baten, baten)
      for (const [id, status] of Object.entries(verdicts)) assert.strictEqual(json.status[id], status, id)
    }
  )

  it("dvcc report terugblik and jaarplan are about its programme, per baat", slow, async () => {
    const terugblik = await dvcc("--db", db, "report", "terugblik", "--jaar", "2025", "--as-of", "2026-03-31")
    assert.strictEqual(terugblik.code, 0, terugblik.stderr)
    baten.forEach((naam, i) => {
      assert.include(terugblik.stdout, `## Doel ${i + 1}: ${naam}`)
    })
    assert.include(terugblik.stdout, "| 7 rapportages | behaald |")
    assert.include(terugblik.stdout, "| 0,9 trainingen | achter |")

    const file = join(folder(), "jaarplan.html")
    const jaarplan = await dvcc(
      "--db",
      db,
      "report",
      "jaarplan",
      "--jaar",
      "2025",
      "--as-of",
      "2026-03-31",
      "--out",
      file
    )
    assert.strictEqual(jaarplan.code, 0, jaarplan.stderr)
    const html = readFileSync(file, "utf8")
    assert.include(html, "Programma Aanpak Ondermijning (voorbeeld) Zilverdal-Lindewaard")
    assert.include(html, "Jaarplan Ondermijning 2025 (voorbeeld)")
    for (const naam of baten) assert.include(html, naam)
    assert.notInclude(html, "Midden-Nederland")
    assert.notInclude(html, "Digitale Veiligheid")
  })

  it("dvcc report informatiebeeld --all is about its region, districts and programme", slow, async () => {
    const dir = folder()
    const result = await dvcc(
      "--db",
      db,
      "report",
      "informatiebeeld",
      "--all",
      "--periode",
      "2025-Q3",
      "--out-dir",
      dir
    )
    assert.strictEqual(result.code, 0, result.stderr)
    assert.include(result.stdout, "12 informatiebeelden 2025 Q3")
    const index = readFileSync(join(dir, "index.html"), "utf8")
    assert.include(index, "Zilverdal-Lindewaard, 2025 Q3")
    const zilverdal = readFileSync(join(dir, "zilverdal-2025-Q3.html"), "utf8")
    assert.include(zilverdal, "Zilverdal-Lindewaard")
    assert.include(zilverdal, "District Noord")
    assert.include(zilverdal, "activiteitenregister van het programma Aanpak Ondermijning (voorbeeld)")
    for (const html of [index, zilverdal, readFileSync(join(dir, "regio-2025-Q3.html"), "utf8")]) {
      assert.notInclude(html, "Midden-Nederland")
      assert.notInclude(html, "Digitale Veiligheid")
    }
  })
})
