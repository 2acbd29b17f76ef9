import { assert, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import fc from "fast-check"
import { Periode } from "../src/index.ts"

const decode = Schema.decodeUnknownSync(Periode.Periode)

const arbitraryPeriode = fc.oneof(
  fc.integer({ min: 1990, max: 2100 }).map(Periode.jaar),
  fc
    .tuple(fc.integer({ min: 1990, max: 2100 }), fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>)
    .map(([y, q]) => Periode.kwartaal(y, q)),
  fc
    .tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => Periode.maand(y, m))
)

describe("Periode", () => {
  it("accepts years, quarters and months and refuses the rest with a Dutch hint", () => {
    for (const ok of ["2025", "2025-Q1", "2025-12"]) assert.strictEqual(decode(ok), ok)
    for (const bad of ["2025-Q5", "2025-13", "25", "maart 2025"]) {
      assert.throws(() => decode(bad), /gebruik 2025 \(jaar\), 2025-Q1 \(kwartaal\) of 2025-03 \(maand\)/)
    }
  })

  it("knows its neighbours and labels", () => {
    assert.strictEqual(Periode.vorige(Periode.kwartaal(2025, 1)), "2024-Q4")
    assert.strictEqual(Periode.jaarEerder(Periode.maand(2025, 3)), "2024-03")
    assert.strictEqual(Periode.label(Periode.maand(2025, 3)), "maart 2025")
    assert.strictEqual(Periode.einde(Periode.maand(2024, 2)), "2024-02-29")
  })

  it("shifting back and forth is the identity, and a period contains its months", () => {
    fc.assert(
      fc.property(arbitraryPeriode, fc.integer({ min: -40, max: 40 }), (periode, steps) => {
        const back = Periode.verschuif(Periode.verschuif(periode, steps), -steps)
        return back === periode && Periode.maandenIn(periode).every((m) => Periode.bevat(periode, m))
      })
    )
  })

  it("refuses impossible dates", () => {
    assert.throws(() => Schema.decodeUnknownSync(Periode.Datum)("2025-02-30"))
  })
})

describe("Periode.vergelijk", () => {
  it("orders by first day, whatever the granularity", () => {
    fc.assert(
      fc.property(arbitraryPeriode, arbitraryPeriode, (a, b) => {
        const byBegin = Periode.begin(a).localeCompare(Periode.begin(b))
        return Math.sign(Periode.vergelijk(a, b)) === Math.sign(byBegin)
      })
    )
  })
})

describe("Periode.parse and Periode.FromText", () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ["2025", "2025"],
    ["2025-Q1", "2025-Q1"],
    ["2025 Q3", "2025-Q3"],
    ["Q1 2026", "2026-Q1"],
    ["q1-2026", "2026-Q1"],
    ["2e kwartaal 2026", "2026-Q2"],
    ["2de kwartaal 2026", "2026-Q2"],
    ["tweede kwartaal 2026", "2026-Q2"],
    ["kwartaal 3 2026", "2026-Q3"],
    ["4e kw 2026", "2026-Q4"],
    ["2025-03", "2025-03"],
    ["03-2025", "2025-03"],
    ["maart 2025", "2025-03"],
    ["Mrt 2025", "2025-03"]
  ]
  it("reads a period in the notations people type", () => {
    for (const [typed, periode] of cases) assert.strictEqual(Periode.parse(typed), periode, typed)
    for (const wrong of ["2025-13", "2025-Q5", "5e kwartaal 2026", "kwartaal", ""])
      assert.isUndefined(Periode.parse(wrong), wrong)
  })
  it("FromText decodes the same notations, for flags and query parameters, and refuses in Dutch", () => {
    const fromText = Schema.decodeUnknownSync(Periode.FromText)
    for (const [typed, periode] of cases) assert.strictEqual(fromText(typed), periode, typed)
    assert.throws(() => fromText("2025-13"), /geen periode/)
  })
  it("parses every label it writes", () => {
    fc.assert(fc.property(arbitraryPeriode, (p) => Periode.parse(Periode.label(p)) === p))
  })
})
