import { regio } from "@dvcc/midden-nederland"
import { assert, describe, it } from "vitest"
import { freshDatabase, importBytes, registratiesHeader, workbook } from "./importFixtures.ts"

/** A Registraties sheet of `rows` distinct rows: gemeenten × months from 2000-01. */
const manyRows = (rows: number) => {
  const gemeenten = regio.gemeenten.map((g) => g.naam)
  return workbook({
    Registraties: [
      [...registratiesHeader],
      ...Array.from({ length: rows }, (_, i) => {
        const month = Math.floor(i / gemeenten.length)
        return [
          `${2000 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`,
          gemeenten[i % gemeenten.length],
          "phishing",
          i % 7
        ]
      })
    ]
  })
}

describe("Import reports progress while it reads", () => {
  it("calls onProgress with increasing row counts for a streamed file, also from the worker thread", {
    timeout: 60_000
  }, async () => {
    const db = await freshDatabase()
    const bytes = await manyRows(25_000)
    for (const worker of [false, true]) {
      const calls: Array<[number, string]> = []
      const report = await importBytes(db, bytes, {
        dryRun: true,
        stream: true,
        worker,
        onProgress: (rows, sheet) => calls.push([rows, sheet])
      })
      assert.strictEqual(report.problemCount, 0, JSON.stringify(report.problems[0]))
      assert.strictEqual(report.sheets[0]?.rows, 25_000)
      assert.deepStrictEqual(calls, [
        [10_000, "Registraties"],
        [20_000, "Registraties"]
      ])
    }
  })
})
