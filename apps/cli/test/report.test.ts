import { execFile } from "node:child_process"
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { Getal, Informatiebeeld, type Periode } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { Informatiebeeld as Rapport } from "@dvcc/report"
import { chromium, describeWithTool } from "@dvcc/testing-tools"
import { assert, describe, it } from "@effect/vitest"
import { beforeAll } from "vitest"
import { registraties } from "../../../packages/report/test/fixtures.ts"
import { dvcc, folder } from "./dvcc.ts"
import { seedPartialDatabase, seedReportDatabase } from "./reportData.ts"

const dir = folder()
const db = join(dir, "dvcc.sqlite")

/** A refusal for wrong use: exit 2, a short Dutch message, no stack trace. */
const assertUsage = (result: { code: number; stdout: string; stderr: string }, message: string) => {
  assert.strictEqual(result.code, 2)
  assert.include(result.stderr, message)
  assert.notInclude(result.stderr + result.stdout, "    at ")
}

beforeAll(() => seedReportDatabase(db), 60_000)

describe("dvcc report informatiebeeld", () => {
  it("writes the informatiebeeld of a gemeente with core's figures", async () => {
    const out = join(dir, "utrecht.html")
    const result = await dvcc(
      "--db",
      db,
      "report",
      "informatiebeeld",
      "GM0344",
      "--periode",
      "2025-Q3",
      "--out",
      out
    )
    assert.strictEqual(result.code, 0, result.stderr)
    assert.include(result.stdout, `Informatiebeeld Utrecht 2025 Q3 geschreven naar ${out}.`)
    const html = readFileSync(out, "utf8")
    const ib = Informatiebeeld.make({
      regio: dataset.regio,
      registraties: [...dataset.registraties, ...registraties()],
      reeksbreuken: dataset.reeksbreuken,
      gebied: { niveau: "gemeente", code: "GM0344" as never },
      periode: "2025-Q3" as Periode.Periode
    })
    assert.include(html, `data-kengetal="aangiften">${Getal.format(ib.totaal.aangiften.waarde ?? -1, 0)}</p>`)
    assert.include(html, "Intern")
  }, 60_000)

  it("accepts the gemeente's name and writes the public version with the small-number rule", async () => {
    const out = join(dir, "renswoude.html")
    const result = await dvcc(
      "--db",
      db,
      "report",
      "informatiebeeld",
      "renswoude",
      "--periode",
      "2025-Q3",
      "--out",
      out,
      "--publiek"
    )
    assert.strictEqual(result.code, 0, result.stderr)
    assert.include(result.stdout, "(versie voor de gemeente)")
    const html = readFileSync(out, "utf8")
    assert.include(html, "Aantallen kleiner dan 5 worden niet getoond")
    assert.include(html, "&lt; 5")
  }, 60_000)

  it("refuses wrong use with a message saying what to do", async () => {
    assertUsage(
      await dvcc(
        "--db",
        db,
        "report",
        "informatiebeeld",
        "GM9999",
        "--periode",
        "2025-Q3",
        "--out",
        join(dir, "x.html")
      ),
      'Gemeente "GM9999" hoort niet bij de regio Midden-Nederland'
    )
    assertUsage(
      await dvcc(
        "--db",
        db,
        "report",
        "informatiebeeld",
        "--periode",
        "2025-Q3",
        "--out",
        join(dir, "x.html")
      ),
      "Geef een gemeente (bijvoorbeeld GM0344 of Utrecht) of --all."
    )
    assertUsage(
      await dvcc("--db", db, "report", "informatiebeeld", "--all", "--periode", "2025-Q3"),
      "--all schrijft naar een map: geef --out-dir MAP."
    )
    const periode = await dvcc(
      "--db",
      db,
      "report",
      "informatiebeeld",
      "GM0344",
      "--periode",
      "2025-Q5",
      "--out",
      "x.html"
    )
    assert.strictEqual(periode.code, 2)
    assert.include(periode.stderr, "geen periode")
  }, 60_000)

  it("warns when the gemeente has no registrations in the period", async () => {
    const out = join(dir, "leeg.html")
    const result = await dvcc(
      "--db",
      db,
      "report",
      "informatiebeeld",
      "GM0344",
      "--periode",
      "2020-Q1",
      "--out",
      out
    )
    assert.strictEqual(result.code, 0, result.stderr)
    assert.include(result.stderr, "Let op: geen registraties voor Utrecht in 2020 Q1")
    assert.include(readFileSync(out, "utf8"), "Geen registraties voor Utrecht in 2020 Q1")
  }, 60_000)
})

describeWithTool(chromium, "dvcc report informatiebeeld --all --pdf", () => {
  it("writes a report and a PDF per gemeente, the region overview and an index", async () => {
    const out = join(dir, "alle")
    const result = await dvcc(
      "--db",
      db,
      "report",
      "informatiebeeld",
      "--all",
      "--periode",
      "2025-Q3",
      "--out-dir",
      out,
      "--pdf",
      "--publiek"
    )
    assert.strictEqual(result.code, 0, result.stderr)
    const files = readdirSync(out)
    assert.strictEqual(files.filter((f) => f.endsWith(".html")).length, 38 + 2)
    assert.strictEqual(files.filter((f) => f.endsWith(".pdf")).length, 38 + 1)
    assert.isTrue(existsSync(join(out, "utrecht-2025-Q3.pdf")))
    const index = readFileSync(join(out, "index.html"), "utf8")
    assert.include(index, 'href="regio-2025-Q3.html"')
    assert.include(index, 'href="wijk-bij-duurstede-2025-Q3.html"')
    assert.isTrue(readFileSync(join(out, "utrecht-2025-Q3.pdf")).subarray(0, 5).toString() === "%PDF-")
  }, 180_000)
})

describe("dvcc report jaarplan and terugblik", () => {
  it("writes Jaarplan 2026 as Markdown in the structure of the plan, with every action", async () => {
    const out = join(dir, "jaarplan-2026.md")
    const result = await dvcc("--db", db, "report", "jaarplan", "--jaar", "2026", "--out", out)
    assert.strictEqual(result.code, 0, result.stderr)
    const md = readFileSync(out, "utf8")
    const koppen = [
      "# Jaarplan 2026",
      "## Wat is er aan de hand?",
      "## Wat willen we bereiken?",
      "## Wat gaan we daarvoor doen in 2026?",
      "## Bijlage 1: De acties",
      "## Bijlage 2: Terugblik 2025"
    ]
    let vorige = -1
    for (const kop of koppen) {
      const plek = md.indexOf(`${kop}\n`)
      assert.isAbove(plek, vorige, kop)
      vorige = plek
    }
    const plan = dataset.jaarplannen.find((p) => p.jaar === 2026)
    for (const actie of plan?.acties ?? []) assert.include(md, `### Actie ${actie.nummer}:`)
    for (const i of dataset.indicatoren.filter((x) => x.jaar === 2026))
      assert.include(md, i.tekst.slice(0, 40))
  }, 60_000)

  it("writes the year plan as HTML and refuses other file types and unknown years", async () => {
    const out = join(dir, "jaarplan-2026.html")
    assert.strictEqual((await dvcc("--db", db, "report", "jaarplan", "--jaar", "2026", "--out", out)).code, 0)
    assert.include(readFileSync(out, "utf8"), '<h1 class="utrecht-heading-1">Jaarplan 2026</h1>')
    assertUsage(
      await dvcc("--db", db, "report", "jaarplan", "--jaar", "2026", "--out", "plan.docx"),
      ".html of .md"
    )
    assertUsage(
      await dvcc("--db", db, "report", "jaarplan", "--jaar", "2031", "--out", out),
      "Geen jaarplan 2031"
    )
  }, 60_000)

  it("prints the look-back with per doel each agreement's result, status and explanation", async () => {
    const result = await dvcc("--db", db, "report", "terugblik", "--jaar", "2025", "--as-of", "2025-12-31")
    assert.strictEqual(result.code, 0, result.stderr)
    // the first line names the peildatum
    assert.strictEqual(result.stdout.split("\n")[0], "# Terugblik 2025 — peildatum 31 december 2025")
    assert.include(result.stdout, "beoordeeld op 31 december 2025")
    assert.include(result.stdout, "| Monitoringsafspraak | Resultaat | Status | Toelichting |")
    assert.include(
      result.stdout,
      "15 kennisbijeenkomsten in 2025, gemiddeld 1,25 per maand (doel 1) — behaald"
    )
    for (const baat of dataset.program.strategieperioden[0].baten)
      assert.include(result.stdout, `## Doel ${baat.nummer}: ${baat.naam}`)
  }, 60_000)
})

describeWithTool(chromium, "dvcc report jaarplan and terugblik --pdf", () => {
  it("prints the year plan and the look-back as PDF beside the HTML", async () => {
    const plan = join(dir, "pdf", "jaarplan-2026.html")
    const terug = join(dir, "pdf", "terugblik-2025.html")
    const a = await dvcc("--db", db, "report", "jaarplan", "--jaar", "2026", "--out", plan, "--pdf")
    assert.strictEqual(a.code, 0, a.stderr)
    const b = await dvcc("--db", db, "report", "terugblik", "--jaar", "2025", "--out", terug, "--pdf")
    assert.strictEqual(b.code, 0, b.stderr)
    for (const file of [plan, terug]) {
      const pdf = file.replace(/\.html$/, ".pdf")
      assert.strictEqual(readFileSync(pdf).subarray(0, 5).toString(), "%PDF-")
    }
    assert.include(b.stdout, "terugblik-2025.pdf")
  }, 120_000)
})

describe("a relative --out through `pnpm dvcc`", () => {
  it("lands in the folder the user ran it from (INIT_CWD), not in the repository root", async () => {
    const user = join(dir, "sub", "folder")
    mkdirSync(user, { recursive: true })
    const root = folder()
    const bin = fileURLToPath(new URL("../src/bin.ts", import.meta.url))
    // As `pnpm dvcc` starts it: in the package root, with the user's folder in INIT_CWD.
    await promisify(execFile)(
      process.execPath,
      [bin, "--db", db, "report", "jaarplan", "--jaar", "2026", "--out", "plan.md"],
      { cwd: root, env: { ...process.env, NO_COLOR: "1", INIT_CWD: user, npm_lifecycle_event: "dvcc" } }
    )
    assert.isTrue(existsSync(join(user, "plan.md")))
    assert.isFalse(existsSync(join(root, "plan.md")))
  }, 60_000)
})

describe("dvcc report informatiebeeld --all with registrations for some gemeenten only", () => {
  const partial = join(dir, "deels.sqlite")
  beforeAll(() => seedPartialDatabase(partial, 6), 60_000)

  it("names the gemeenten without data, writes a short page for each and exits 0", async () => {
    const out = join(dir, "deels")
    const result = await dvcc(
      "--db",
      partial,
      "report",
      "informatiebeeld",
      "--all",
      "--periode",
      "2025-Q3",
      "--out-dir",
      out
    )
    assert.strictEqual(result.code, 0, result.stderr)
    const zonder = dataset.regio.gemeenten.slice(6)
    assert.include(result.stderr, `geen registraties voor 32 van de 38 gemeenten in 2025 Q3`)
    for (const g of zonder) assert.include(result.stderr, g.naam)
    const page = readFileSync(
      join(out, Rapport.bestandsnaam(zonder[0]?.naam ?? "", "2025-Q3" as Periode.Periode)),
      "utf8"
    )
    assert.include(page, `Voor ${zonder[0]?.naam} zijn geen registraties vastgelegd voor 2025 Q3`)
    assert.notInclude(page, "onbekend")
    const index = readFileSync(join(out, "index.html"), "utf8")
    assert.include(index, "Zonder registraties in 2025 Q3")
    assert.include(index, zonder[0]?.naam ?? "?")
  }, 120_000)

  it("exits 1 and writes nothing when no gemeente has data for the period", async () => {
    const out = join(dir, "niets")
    const result = await dvcc(
      "--db",
      partial,
      "report",
      "informatiebeeld",
      "--all",
      "--periode",
      "2020-Q1",
      "--out-dir",
      out
    )
    assert.strictEqual(result.code, 1)
    assert.include(result.stderr, "geen enkele gemeente")
    assert.isFalse(existsSync(join(out, "index.html")))
  }, 60_000)
})
