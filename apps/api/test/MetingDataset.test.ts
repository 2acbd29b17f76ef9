import { afterAll, assert, beforeAll, describe, it } from "vitest"
import { type Fixture, makeFixture } from "./fixture.ts"

describe("POST /api/v1/metingen", () => {
  let f: Fixture
  beforeAll(async () => {
    f = await makeFixture()
  }, 60_000)
  afterAll(() => f?.dispose())

  it("refuses a percentage above 100, which would leave a dataset nobody can load", async () => {
    const meting = {
      id: "m-procent",
      indicator: "aangiftebereidheid",
      jaar: 2026,
      periode: "2026-Q2",
      gebied: { niveau: "regio" },
      waarde: 500,
      bron: "programma-administratie",
      vastgelegdOp: "2026-05-01",
      herkomst: { document: "test", sectie: "test" }
    }
    const refused = await f.request("/api/v1/metingen", { method: "POST", as: "programma", json: meting })
    assert.strictEqual(refused.status, 422)
    const problem = (await refused.json()) as { velden: Array<{ pad: string; melding: string }> }
    assert.deepStrictEqual(
      problem.velden.map((v) => v.pad),
      ["waarde"]
    )
    assert.include(problem.velden[0]?.melding, "500 is geen percentage")
    assert.strictEqual((await f.request("/api/v1/voortgang", { as: "programma" })).status, 200)
    const fine = await f.request("/api/v1/metingen", {
      method: "POST",
      as: "programma",
      json: { ...meting, waarde: 50 }
    })
    assert.strictEqual(fine.status, 200)
  })

  it("refuses a gebied outside the region and an unknown mijlpaal, for the same reason", async () => {
    const meting = {
      id: "m-gebied",
      indicator: "aangiftebereidheid",
      jaar: 2026,
      periode: "2026-Q2",
      gebied: { niveau: "gemeente", code: "GM9999" },
      waarde: 5,
      bron: "programma-administratie",
      vastgelegdOp: "2026-05-01",
      herkomst: { document: "test", sectie: "test" }
    }
    for (const [body, pad] of [
      [meting, "gebied"],
      [{ ...meting, gebied: { niveau: "district", id: "nergens" } }, "gebied"],
      [{ ...meting, gebied: { niveau: "regio" }, mijlpaal: "bestaat-niet" }, "mijlpaal"],
      [{ ...meting, gebied: { niveau: "regio" }, indicator: "bestaat-niet" }, "indicator"]
    ] as const) {
      const refused = await f.request("/api/v1/metingen", { method: "POST", as: "programma", json: body })
      assert.strictEqual(refused.status, 422, JSON.stringify(body))
      const problem = (await refused.json()) as { velden: Array<{ pad: string }> }
      assert.deepStrictEqual(
        problem.velden.map((v) => v.pad),
        [pad]
      )
    }
    assert.strictEqual((await f.request("/api/v1/voortgang", { as: "programma" })).status, 200)
  })
})
