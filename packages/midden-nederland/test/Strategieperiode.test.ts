/**
 * A new strategy period on the bundled programme: a DIN of 2027–2030 (fictitious: the real one is written in
 * 2026) in which baat 2 ends and baat 3 continues under a new id, and Jaarplan 2027 as a copy of 2026.
 */
import { Dataset, Din, Jaarplan, type Periode, Status } from "@dvcc/core"
import { assert, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import { dataset } from "../src/index.ts"

const herkomst = { document: "test", sectie: "DIN 2027–2030 (fictief)" }
const next = Din.metNieuwePeriode(dataset.program, { van: 2027, tot: 2030 }, herkomst) as Din.Program
const [oud, kopie] = next.strategieperioden as unknown as [Din.Din, Din.Din]
const nieuw: Din.Din = {
  ...kopie,
  baten: kopie.baten
    .filter((b) => b.id !== "baat-2")
    .map((b) => (b.id === "baat-3" ? { ...b, id: "bewuste-professionals" as Din.BaatId } : b))
}
const program: Din.Program = { ...next, strategieperioden: [oud, nieuw] }
const plan2026 = dataset.jaarplannen.find((p) => p.jaar === 2026) as Jaarplan.Jaarplan
const copy = Jaarplan.kopieVanVorigJaar({
  program,
  jaar: 2027,
  acties: plan2026.acties,
  indicatoren: dataset.indicatoren.filter((i) => i.jaar === 2026),
  batenToelichting: plan2026.batenToelichting
})
const plan2027: Jaarplan.Jaarplan = {
  ...plan2026,
  jaar: 2027,
  titel: "Jaarplan 2027",
  batenToelichting: copy.batenToelichting,
  acties: copy.acties
}
const encode = Schema.encodeSync(Dataset.Dataset)
const decoded = Schema.decodeUnknownSync(Dataset.Dataset)(
  encode({
    ...dataset,
    program,
    jaarplannen: [...dataset.jaarplannen, plan2027],
    indicatoren: [...dataset.indicatoren, ...copy.indicatoren]
  })
)

describe("a new strategy period", () => {
  it("judges 2026 under the DIN of 2023–2026 and 2027 under the DIN of 2027–2030", () => {
    const peildatum = "2027-03-31" as Periode.Datum
    const baten = (jaar: number) =>
      Status.ofYear(decoded, jaar, peildatum).programma.doelen.flatMap((d) =>
        d.baten.map((b): string => b.baat)
      )
    assert.deepStrictEqual(baten(2026), ["baat-1", "baat-2", "baat-3", "baat-4", "baat-5"].sort(byDoel(oud)))
    assert.deepStrictEqual(
      baten(2027),
      ["baat-1", "bewuste-professionals", "baat-4", "baat-5"].sort(byDoel(nieuw))
    )
  })

  it("copies into 2027 what has a successor baat, and lists the rest with the reason", () => {
    const indicatoren2026 = dataset.indicatoren.filter((i) => i.jaar === 2026)
    assert.deepStrictEqual(
      copy.weggelaten.filter((w) => w.soort === "indicator").map((w) => [w.id, w.reden]),
      indicatoren2026
        .filter((i) => i.baat === "baat-2")
        .map((i) => [i.id, "baat `baat-2` heeft geen opvolger in de DIN van 2027–2030"])
    )
    assert.strictEqual(copy.indicatoren.length, indicatoren2026.filter((i) => i.baat !== "baat-2").length)
    for (const i of copy.indicatoren) {
      assert.notStrictEqual<string>(i.baat, "baat-3")
      assert.deepStrictEqual(i.voorganger, { jaar: 2026, id: i.id })
    }
    for (const a of copy.acties) assert.notInclude<string>(a.baten, "baat-2")
    assert.deepStrictEqual(
      copy.weggelaten.filter((w) => w.soort === "actie").map((w) => w.nummer),
      plan2026.acties
        .filter((a) => a.baten.length > 0 && a.baten.every((b) => b === "baat-2"))
        .map((a) => a.nummer)
    )
  })

  it("within a strategy period copies every baat as it is", () => {
    const plan2025 = dataset.jaarplannen.find((p) => p.jaar === 2025) as Jaarplan.Jaarplan
    const binnen = Jaarplan.kopieVanVorigJaar({
      program: dataset.program,
      jaar: 2026,
      acties: plan2025.acties,
      indicatoren: dataset.indicatoren.filter((i) => i.jaar === 2025),
      batenToelichting: plan2025.batenToelichting
    })
    assert.isTrue(binnen.weggelaten.every((w) => w.reden === "afgerond"))
    assert.strictEqual(binnen.indicatoren.length, dataset.indicatoren.filter((i) => i.jaar === 2025).length)
  })
})

/** Baten in the order the roll-up lists them: per doel of the DIN, then in the DIN's order. */
function byDoel(din: Din.Din) {
  const rank = (id: string) => {
    const baat = din.baten.findIndex((b) => b.id === id)
    const doel = din.doelen.findIndex((d) => d.id === din.baten[baat]?.doel)
    return doel * 1000 + baat
  }
  return (a: string, b: string) => rank(a) - rank(b)
}
