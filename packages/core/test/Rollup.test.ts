import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import { type Progress, Rollup } from "../src/index.ts"

const statuses: ReadonlyArray<Progress.Status> = [
  "achter",
  "aandacht",
  "geen-data",
  "volgt",
  "op-koers",
  "behaald"
]
const measuredRank = { achter: 0, aandacht: 1, "op-koers": 2, behaald: 3 } as const
const isMeasured = (s: Progress.Status): s is keyof typeof measuredRank => s in measuredRank

const leaf = (status: Progress.Status, i: number) => ({
  status,
  drijvers: [`i${i}`],
  gemeten: isMeasured(status) ? 1 : 0,
  totaal: 1
})
const leaves = (list: ReadonlyArray<Progress.Status>) => list.map(leaf)
const anyStatuses = fc.array(fc.constantFrom(...statuses), { minLength: 1, maxLength: 12 })

describe("combine", () => {
  it("stands where the furthest-behind measured child stands, naming it", () => {
    const result = Rollup.combine(leaves(["behaald", "aandacht", "volgt"]))
    assert.deepStrictEqual(result, { status: "aandacht", drijvers: ["i1"], gemeten: 2, totaal: 3 })
  })

  it("is not behaald with two of three children unmeasured and due: they count against it", () => {
    const result = Rollup.combine(leaves(["behaald", "geen-data", "geen-data"]))
    assert.strictEqual(result.status, "aandacht")
    assert.deepStrictEqual(result.drijvers, ["i1", "i2"])
    assert.strictEqual(result.gemeten, 1)
    assert.strictEqual(result.totaal, 3)
  })

  it("is op koers, not behaald, while a child is still to come", () => {
    assert.strictEqual(Rollup.combine(leaves(["behaald", "volgt"])).status, "op-koers")
  })

  it("lets missing data decide only when nothing is measured", () => {
    assert.strictEqual(Rollup.combine(leaves(["volgt", "geen-data"])).status, "geen-data")
    assert.strictEqual(Rollup.combine(leaves(["volgt", "volgt"])).status, "volgt")
    assert.strictEqual(Rollup.combine([]).status, "geen-data")
  })

  it("is behaald only when every child is", () => {
    fc.assert(
      fc.property(anyStatuses, (list) => {
        const { status } = Rollup.combine(leaves(list))
        return (status === "behaald") === list.every((s) => s === "behaald")
      })
    )
  })

  it("is behaald or op koers only on evidence: something measured, nothing behind, nothing overdue", () => {
    fc.assert(
      fc.property(anyStatuses, (list) => {
        const { status } = Rollup.combine(leaves(list))
        if (status !== "behaald" && status !== "op-koers") return true
        return (
          list.some(isMeasured) && list.every((s) => s === "behaald" || s === "op-koers" || s === "volgt")
        )
      })
    )
  })

  it("is never better than its worst measured child", () => {
    fc.assert(
      fc.property(anyStatuses, (list) => {
        const { status } = Rollup.combine(leaves(list))
        const measured = list.filter(isMeasured)
        if (measured.length === 0) return status === "geen-data" || status === "volgt"
        const worst = Math.min(...measured.map((s) => measuredRank[s]))
        // volgt only when what is measured is on track or met and too little is measured to say so
        if (status === "volgt") return worst >= measuredRank["op-koers"] && measured.length * 2 < list.length
        return isMeasured(status) && measuredRank[status] <= worst
      })
    )
  })

  it("does not let one KPI on track carry a programme: op koers needs half of it measured", () => {
    const one = Rollup.combine(leaves(["op-koers", ...Array<Progress.Status>(10).fill("volgt")]))
    assert.strictEqual(one.status, "volgt")
    assert.strictEqual(one.gemeten, 1)
    assert.strictEqual(Rollup.combine(leaves(["op-koers", "behaald", "volgt", "volgt"])).status, "op-koers")
    // bad news needs one
    assert.strictEqual(
      Rollup.combine(leaves(["achter", ...Array<Progress.Status>(10).fill("volgt")])).status,
      "achter"
    )
    fc.assert(
      fc.property(anyStatuses, (list) => {
        const { status, gemeten, totaal } = Rollup.combine(leaves(list))
        return status !== "op-koers" || gemeten * 2 >= totaal
      })
    )
  })

  it("never gets worse when a measured child gets better", () => {
    fc.assert(
      fc.property(anyStatuses, fc.nat(), (list, pick) => {
        const i = pick % list.length
        const before = list[i] as Progress.Status
        if (!isMeasured(before) || before === "behaald") return true
        const better = (["achter", "aandacht", "op-koers", "behaald"] as const)[
          measuredRank[before] + 1
        ] as Progress.Status
        const after = list.map((s, j) => (j === i ? better : s))
        const a = Rollup.combine(leaves(list)).status
        const b = Rollup.combine(leaves(after)).status
        return !isMeasured(a) || !isMeasured(b) || measuredRank[b] >= measuredRank[a]
      })
    )
  })

  it("counts how much is measured, adding up through the levels", () => {
    fc.assert(
      fc.property(fc.array(anyStatuses, { minLength: 1, maxLength: 5 }), (groups) => {
        const nodes = groups.map((g) => Rollup.combine(leaves(g)))
        const top = Rollup.combine(nodes)
        const all = groups.flat()
        return top.gemeten === all.filter(isMeasured).length && top.totaal === all.length
      })
    )
  })

  it("names every child with the deciding status as a driver", () => {
    fc.assert(
      fc.property(anyStatuses, (list) => {
        const children = leaves(list)
        const { status, drijvers } = Rollup.combine(children)
        return children
          .filter((c) => c.status === status)
          .every((c) => drijvers.includes(c.drijvers[0] ?? ""))
      })
    )
  })
})
