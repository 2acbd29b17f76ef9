/**
 * `GET /api/v1/informatiebeeld/{gebied}` with registrations for only 6 of the 38 gemeenten: the regio and a
 * district are the sum of the known gemeenten, labelled with their coverage for every audience, and a
 * district token cannot get a small count of the one known gemeente outside its district back by
 * subtracting its district (or its gemeenten) from the partial regio.
 */
import { Registration } from "@dvcc/core"
import { Registrations } from "@dvcc/store"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { type Fixture, makeFixture } from "./fixture.ts"
import { json } from "./json.ts"

const periode = "2026-Q2"
/** The district token's district: five gemeenten with large counts. */
const district = ["GM0307", "GM0308", "GM0310", "GM0312", "GM0313"]
/** The one known gemeente outside it: Zeist, with a small phishing count. */
const buiten = "GM0355"

let f: Fixture
beforeAll(async () => {
  f = await makeFixture()
  for (const code of district) {
    const [g] = (await json(await f.request("/api/v1/gebieden", { as: "programma" }))).filter(
      (x: { gemeente: { code: string } }) => x.gemeente.code === code
    )
    const moved = await f.request(`/api/v1/gebieden/${code}`, {
      method: "PATCH",
      as: "beheerder",
      json: { basedOn: g.versie, district: "district-noord" }
    })
    assert.strictEqual(moved.status, 200)
  }
  const rij = (code: string, delict: string, aantal: number) =>
    Schema.decodeUnknownSync(Registration.Registration)({
      periode,
      gebied: { niveau: "gemeente", code },
      delict,
      aangiften: aantal,
      meldingen: aantal,
      slachtoffers: aantal,
      schade: aantal * 10_000,
      herkomst: { document: "test", sectie: "test" }
    })
  const rows = [
    ...district.flatMap((code, i) => [rij(code, "phishing", 20 + i * 3), rij(code, "hacken", 30 + i)]),
    rij(buiten, "phishing", 2),
    rij(buiten, "hacken", 40)
  ]
  await f.runtime.runPromise(
    Effect.flatMap(Registrations.Registrations, (r) =>
      r.record(rows, { importId: "test-dekking", actor: "test" })
    )
  )
}, 60_000)
afterAll(() => f.dispose())

const beeld = async (gebied: string, as: "programma" | "district" | "gemeente") => {
  const response = await f.request(`/api/v1/informatiebeeld/${gebied}?periode=${periode}`, { as })
  assert.strictEqual(response.status, 200, gebied)
  return json(response)
}

describe("partial data in the informatiebeeld API", () => {
  it("gives the regio as the sum of the 6 known gemeenten, a lower bound with its coverage", async () => {
    const regio = await beeld("regio", "programma")
    const som = district.reduce((n, _, i) => n + 20 + i * 3 + 30 + i, 0) + 2 + 40
    assert.strictEqual(regio.volledig.totaal.aangiften.waarde, som)
    assert.strictEqual(regio.volledig.totaal.aangiften.kwalificatie, "meer-dan")
    assert.isNull(regio.volledig.totaal.aangiften.perTienduizend)
    assert.deepInclude(regio.dekking, { gemeenten: 6, van: 38 })
    assert.include(regio.dekkingUitleg, "uit 6 van 38 gemeenten")
    assert.include(regio.dekkingUitleg, "geen totaal")
    // every audience is told, also the one that gets only the published cells
    for (const as of ["district", "gemeente"] as const) {
      const scoped = await beeld("regio", as)
      assert.isNull(scoped.volledig)
      assert.deepStrictEqual(scoped.dekking, regio.dekking)
    }
    // a district with all its gemeenten known is whole
    assert.isNull((await beeld("district-noord", "programma")).dekking)
  })

  it("does not let a district token subtract its district or its gemeenten from the partial regio", async () => {
    const cel = (
      b: { gepubliceerd: { periode: ReadonlyArray<Record<string, unknown>> } },
      rij: string,
      maat: string
    ) => b.gepubliceerd.periode.find((r) => r.rij === rij)?.[maat]
    const regio = await beeld("regio", "district")
    const noord = await beeld("district-noord", "district")
    const gemeenten = await Promise.all(district.map((code) => beeld(code, "district")))
    for (const rij of ["phishing", "totaal"])
      for (const maat of ["aangiften", "meldingen", "slachtoffers"]) {
        const r = cel(regio, rij, maat)
        if (typeof r !== "number") continue
        const d = cel(noord, rij, maat)
        assert.isFalse(typeof d === "number" && r - d < 5, `${rij} ${maat}: regio ${r} − district ${d}`)
        const delen = gemeenten.map((g) => cel(g, rij, maat))
        if (delen.every((x) => typeof x === "number")) {
          const rest = r - (delen as ReadonlyArray<number>).reduce((n, x) => n + x, 0)
          assert.isFalse(rest < 5, `${rij} ${maat}: regio − gemeenten = ${rest}`)
        }
      }
    assert.deepStrictEqual(f.errors, [])
  })
})
