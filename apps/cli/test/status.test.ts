import { join } from "node:path"
import { type Periode, Status } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { assert, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import { renderStatusReport } from "../src/StatusReport.ts"
import { dvcc, folder } from "./dvcc.ts"

describe("the status table", () => {
  it("shows every indicator of 2025 and 2026 with its status and explanation", () => {
    const report = Status.make(dataset, "2025-12-31" as Periode.Datum, [2025, 2026])
    const text = renderStatusReport(dataset, report, 100)
    for (const indicator of dataset.indicatoren) assert.include(text, `${indicator.id}:`)
    assert.include(text, "Jaarplan 2025 — peildatum 31 december 2025")
    assert.include(text, "[behaald]   kennisbijeenkomsten")
    assert.include(text, "15 kennisbijeenkomsten in 2025, gemiddeld 1,25 per maand (doel 1) — behaald")
    assert.include(text, "Signaal uit CBS")
    for (const line of text.split("\n")) assert.isAtMost(line.length, 100, line)
  })
})

describe("dvcc init", () => {
  it("creates the database with the bundled data; a second run changes nothing", async () => {
    const fresh = join(folder(), "nieuw", "dvcc.sqlite")
    const first = await dvcc("init", "--db", fresh)
    assert.strictEqual(first.code, 0, first.stderr)
    assert.match(
      first.stdout,
      /gevuld met het programma "Digitale Veiligheid en Cybercrime" \(Midden-Nederland\): \d+ nieuw, 0 bijgewerkt, 0 ongewijzigd/
    )
    const second = await dvcc("init", "--db", fresh)
    assert.match(second.stdout, /al bijgewerkt: niets gewijzigd/)
    const status = await dvcc("--db", fresh, "status", "--json", "--as-of", "2025-12-31", "--jaar", "2025")
    assert.strictEqual(status.code, 0, status.stderr)
  })
})

describe("dvcc status", () => {
  it("--json encodes the core Progress schemas for the chosen year and date", async () => {
    const { code, stdout } = await dvcc("status", "--json", "--as-of", "2025-12-31", "--jaar", "2025")
    assert.strictEqual(code, 0)
    const report = Schema.decodeUnknownSync(Status.StatusReport)(JSON.parse(stdout))
    assert.deepStrictEqual(
      report.jaren.map((j) => j.jaar),
      [2025]
    )
    const kennis = report.jaren[0]?.indicatoren.find((p) => p.indicator === "kennisbijeenkomsten")
    assert.strictEqual(kennis?.status, "behaald")
    const instroom = report.jaren[0]?.indicatoren.find((p) => p.indicator === "instroom")
    assert.strictEqual(instroom?.status, "volgt")
  })

  it("judges on today's date by default: the same report as with --as-of today", async () => {
    const day = () => new Date().toISOString().slice(0, 10)
    const before = day()
    const { code, stdout } = await dvcc("status", "--json", "--jaar", "2025")
    assert.strictEqual(code, 0)
    const report = Schema.decodeUnknownSync(Status.StatusReport)(JSON.parse(stdout))
    // Whatever the calendar says: today's date, or tomorrow's for a run across midnight.
    assert.include([before, day()], report.peildatum)
    const explicit = await dvcc("status", "--json", "--jaar", "2025", "--as-of", report.peildatum)
    assert.strictEqual(explicit.code, 0)
    assert.deepStrictEqual(JSON.parse(stdout), JSON.parse(explicit.stdout))
  })

  it.each([
    [["status", "--as-of", "31-12-2025"], "is geen datum van de vorm JJJJ-MM-DD"],
    [["status", "--bogus"], "--bogus"],
    [["status", "--jaar", "2030"], "Geen jaarplan 2030"],
    [["statsu"], "status"]
  ])("refuses %j with exit 2 and a short message", async (args, message) => {
    const { code, stdout, stderr } = await dvcc(...args)
    assert.strictEqual(code, 2)
    assert.include(stderr, message)
    assert.notInclude(stderr + stdout, "    at ")
    assert.isBelow((stderr + stdout).split("\n").length, 10)
  })
})
