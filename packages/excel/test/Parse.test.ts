/**
 * The workbook reader on its own (no database): keys of the rows of a region of any size.
 */
import type { Dataset, Geography } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { assert, describe, it } from "@effect/vitest"
import { type Batch, parseWorkbook } from "../src/internal/parse.ts"
import { registratiesHeader, workbook } from "./importFixtures.ts"

/** Reads `bytes` to the end: the valid registrations and the result. */
const parse = async (bytes: Buffer, data: Dataset.Dataset) => {
  const generator = parseWorkbook(bytes, { dataset: data }, { maxProblems: 100, keepRejected: false })
  const batches: Array<Batch> = []
  for (;;) {
    const next = await generator.next()
    if (next.done === true) return { batches, result: next.value }
    batches.push(next.value)
  }
}

/** A region of `n` gemeenten, GM0001 … */
const grootDataset = (n: number): Dataset.Dataset => {
  const gemeenten = Array.from({ length: n }, (_, i) => ({
    code: `GM${String(i + 1).padStart(4, "0")}` as Geography.CbsCode,
    naam: `Gemeente ${i + 1}`,
    provincie: "Testprovincie",
    district: null,
    basisteam: null,
    inwoners: []
  }))
  return { ...dataset, regio: { ...dataset.regio, naam: "Grote regio", gemeenten } }
}

describe("parseWorkbook: one row per periode, gebied and delict", () => {
  it("finds the duplicate rows of an import with more than 1,024 distinct gebieden, and no false ones", async () => {
    const n = 1100
    const data = grootDataset(n)
    const code = (i: number) => `GM${String(i + 1).padStart(4, "0")}`
    const rows = [
      [...registratiesHeader],
      // 2025-Q1 for every gemeente, then 2025-Q2 for the first ones: none of these is a duplicate
      ...Array.from({ length: n }, (_, i) => ["2025-Q1", code(i), "phishing", 1]),
      ...Array.from({ length: 30 }, (_, i) => ["2025-Q2", code(i), "phishing", 1]),
      ...Array.from({ length: 30 }, (_, i) => ["2025-Q1", code(i), "hacken", 1]),
      // a true duplicate of row 2 + 1099 = 1101 (2025-Q1, the last gemeente, phishing)
      ["2025-Q1", code(n - 1), "Phishing", 2]
    ]
    const { batches, result } = await parse(await workbook({ Registraties: rows }), data)
    assert.deepStrictEqual(
      result.problems.map((p) => [p.cell, p.code, p.message]),
      [
        [
          `Registraties!A${rows.length}`,
          "dubbel",
          `Registraties!A${rows.length} (Periode): dezelfde periode, gemeente en delict als Registraties!A${n + 1}.`
        ]
      ]
    )
    assert.strictEqual(
      batches.reduce((count, b) => count + b.registraties.length, 0),
      n + 60
    )
  }, 60_000)
})
