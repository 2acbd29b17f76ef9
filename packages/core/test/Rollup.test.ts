import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import { type Progress, Rollup } from "../src/index.ts"

const order: ReadonlyArray<Progress.Status> = [
  "achter",
  "aandacht",
  "geen-data",
  "volgt",
  "op-koers",
  "behaald"
]

describe("combine", () => {
  it("stands where the furthest-behind measured child stands, naming it", () => {
    const result = Rollup.combine([
      { status: "behaald", drijvers: ["a"] },
      { status: "aandacht", drijvers: ["b"] },
      { status: "volgt", drijvers: ["c"] }
    ])
    assert.deepStrictEqual(result, { status: "aandacht", drijvers: ["b"] })
  })

  it("lets missing data decide only when nothing is measured", () => {
    assert.strictEqual(
      Rollup.combine([
        { status: "volgt", drijvers: ["a"] },
        { status: "geen-data", drijvers: ["b"] }
      ]).status,
      "geen-data"
    )
    assert.strictEqual(
      Rollup.combine([
        { status: "volgt", drijvers: ["a"] },
        { status: "behaald", drijvers: ["b"] }
      ]).status,
      "behaald"
    )
  })

  it("always lies between its worst and best child", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...order), { minLength: 1, maxLength: 12 }), (statuses) => {
        const { status } = Rollup.combine(statuses.map((s, i) => ({ status: s, drijvers: [`i${i}`] })))
        const ranks = statuses.map((s) => order.indexOf(s))
        const rank = order.indexOf(status)
        return rank >= Math.min(...ranks) && rank <= Math.max(...ranks)
      })
    )
  })

  it("names every child with the deciding status as a driver", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...order), { minLength: 1, maxLength: 12 }), (statuses) => {
        const children = statuses.map((s, i) => ({ status: s, drijvers: [`i${i}`] }))
        const { status, drijvers } = Rollup.combine(children)
        return children
          .filter((c) => c.status === status)
          .every((c) => drijvers.includes(c.drijvers[0] ?? ""))
      })
    )
  })
})
