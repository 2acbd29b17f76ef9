import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import { Getal, type Periode, Registration } from "../src/index.ts"

const cover = Registration.dekkingPerPeriode
const rows = (periode: string, n: number) =>
  Array.from({ length: n }, () => ({ periode: periode as Periode.Periode }))

describe("Registration.standaardPeriode", () => {
  it("is the latest period with adequate coverage: one stray month does not move it", () => {
    const data = [...rows("2025-Q4", 40), ...rows("2026-Q1", 38), ...rows("2026-03", 1)]
    assert.strictEqual(Registration.standaardPeriode(cover(data)), "2026-Q1")
    assert.deepStrictEqual(Registration.losstaandePerioden(cover(data)), [
      { periode: "2026-03" as Periode.Periode, rijen: 1, beste: 40 }
    ])
  })
  it("takes a period that is half as well covered as the best, and on the same end the longer one", () => {
    assert.strictEqual(
      Registration.standaardPeriode(cover([...rows("2025-Q4", 40), ...rows("2026-Q1", 20)])),
      "2026-Q1"
    )
    assert.strictEqual(
      Registration.standaardPeriode(cover([...rows("2026-03", 10), ...rows("2026-Q1", 10)])),
      "2026-Q1"
    )
    assert.strictEqual(Registration.standaardPeriode(cover([])), undefined)
    assert.deepStrictEqual(Registration.losstaandePerioden(cover([...rows("2024", 12)])), [])
  })
  it("is always a registered period, never one ending before a better covered later one", () => {
    const periode = fc.constantFrom("2025", "2025-Q3", "2025-Q4", "2025-11", "2025-12", "2026-Q1", "2026-01")
    fc.assert(
      fc.property(fc.array(fc.tuple(periode, fc.integer({ min: 1, max: 50 })), { minLength: 1 }), (spec) => {
        const data = spec.flatMap(([p, n]) => rows(p, n))
        const chosen = Registration.standaardPeriode(cover(data))
        const apart = Registration.losstaandePerioden(cover(data)).map((l) => l.periode)
        return chosen !== undefined && data.some((r) => r.periode === chosen) && !apart.includes(chosen)
      })
    )
  })
})

describe("Registration.delictLabel", () => {
  it("writes each delict type one way, as Dutch spells it", () => {
    assert.strictEqual(Registration.delictLabel("vriend-in-nood-fraude"), "vriend-in-noodfraude")
    assert.strictEqual(Registration.delictLabel("aan-en-verkoopfraude"), "aan- en verkoopfraude")
    assert.strictEqual(Registration.delictLabel("bankhelpdeskfraude"), "bankhelpdeskfraude")
  })
})

describe("Getal.aantal and Getal.enkelvoud", () => {
  it("writes one thing in the singular and more in the plural, with the number in Dutch notation", () => {
    assert.strictEqual(Getal.aantal(1, "kennisbijeenkomsten"), "1 kennisbijeenkomst")
    assert.strictEqual(Getal.aantal(3, "kennisbijeenkomsten"), "3 kennisbijeenkomsten")
    assert.strictEqual(Getal.aantal(1, "mijlpalen"), "1 mijlpaal")
    assert.strictEqual(Getal.aantal(1, "slachtoffers"), "1 slachtoffer")
    assert.strictEqual(Getal.aantal(1, "RIEC-casussen"), "1 RIEC-casus")
    assert.strictEqual(Getal.aantal(1, "gemeenten met een sessie"), "1 gemeente met een sessie")
    assert.strictEqual(Getal.aantal(1, "externe nieuwsbrieven"), "1 externe nieuwsbrief")
    assert.strictEqual(Getal.aantal(1, "keer regionale media-aandacht"), "1 keer regionale media-aandacht")
    assert.strictEqual(Getal.aantal(1_234, "activiteiten"), "1.234 activiteiten")
    assert.strictEqual(Getal.enkelvoud("activiteiten"), "activiteit")
  })
})
