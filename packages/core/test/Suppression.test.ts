import { assert, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import fc from "fast-check"
import { type Geography, Informatiebeeld, type Periode, Registration, Suppression } from "../src/index.ts"
import { regio } from "./fixtures.ts"

// The tooling package @dvcc/disclosure-audit attacks the publication with a linear-programming solver over
// every output; these tests pin the rule's behaviour a reader of one output notices.

const herkomst = { document: "test", sectie: "fixture" }

const rij = (
  periode: string,
  code: string,
  delict: Registration.Delict,
  aangiften: number,
  slachtoffers: number
): Registration.Registration =>
  Schema.decodeUnknownSync(Registration.Registration)({
    periode,
    gebied: { niveau: "gemeente", code },
    delict,
    aangiften,
    meldingen: null,
    slachtoffers,
    schade: slachtoffers * 100_000,
    herkomst
  })

const gemeente = (code: string): Geography.Gebied => ({ niveau: "gemeente", code: code as Geography.CbsCode })
const zuid: Geography.Gebied = { niveau: "district", id: "zuid" }
const q3 = "2025-Q3" as Periode.Periode

/** Ceedorp and Deedorp (district zuid) in 2025-Q3 and the quarter before, with `phishing` of Ceedorp small. */
const registraties = (phishing: number) =>
  ["2025-Q2", "2025-Q3"].flatMap((p) => [
    rij(p, "GM0003", "phishing", p === "2025-Q3" ? phishing : 30, p === "2025-Q3" ? phishing : 30),
    rij(p, "GM0003", "hacken", 12, 14),
    rij(p, "GM0003", "overig", 40, 41),
    rij(p, "GM0004", "phishing", 25, 26),
    rij(p, "GM0004", "hacken", 33, 35),
    rij(p, "GM0004", "overig", 50, 52)
  ])

const publicatie = (rijen: ReadonlyArray<Registration.Registration>) =>
  Suppression.publicatie({ regio, registraties: rijen, reeksbreuken: [] })

const beeld = (rijen: ReadonlyArray<Registration.Registration>, gebied: Geography.Gebied, periode = q3) =>
  Informatiebeeld.make({ regio, registraties: rijen, reeksbreuken: [], gebied, periode })

describe("publicatie", () => {
  it("shows a small count as '< 5' and hides a balanced pattern so no sum across areas or rows gives it back", () => {
    const p = publicatie(registraties(3))
    assert.deepStrictEqual(p.cel(gemeente("GM0003"), q3, "phishing", "slachtoffers"), {
      onderdrukt: true,
      reden: "klein-aantal",
      weergave: "< 5"
    })
    const verborgen = (g: Geography.Gebied, r: Suppression.Rij) =>
      Suppression.isOnderdrukt(p.cel(g, q3, r, "slachtoffers"))
    // the district's phishing (3 + 26) and Ceedorp's totaal would each give the 3 back with one other cell
    assert.isTrue(verborgen(zuid, "phishing") || verborgen(gemeente("GM0004"), "phishing"))
    assert.isTrue(
      verborgen(gemeente("GM0003"), "totaal") ||
        verborgen(gemeente("GM0003"), "hacken") ||
        verborgen(gemeente("GM0003"), "overig")
    )
    assert.strictEqual(p.verlies.onbeschermd, 0)
    // damage of the hidden victims is hidden with them
    assert.deepInclude(p.cel(gemeente("GM0003"), q3, "phishing", "schade"), { reden: "gekoppeld" })
  })

  /** Whether the publication of these twelve counts (four gemeenten × three delicten) protects every small one. */
  const beschermd = (aantallen: ReadonlyArray<number>): boolean => {
    const delicten = ["phishing", "hacken", "overig"] as const
    const rijen = ["GM0001", "GM0002", "GM0003", "GM0004"].flatMap((code, g) =>
      delicten.map((d, i) => rij("2025-Q3", code, d, aantallen[g * 3 + i] ?? 0, aantallen[g * 3 + i] ?? 0))
    )
    const p = publicatie(rijen)
    const cel = (g: Geography.Gebied, r: Suppression.Rij) => p.cel(g, q3, r, "slachtoffers")
    const open = (c: Suppression.Cel) => !Suppression.isOnderdrukt(c)
    const gebieden: ReadonlyArray<Geography.Gebied> = [
      ...["GM0001", "GM0002", "GM0003", "GM0004"].map(gemeente),
      { niveau: "district", id: "noord" },
      { niveau: "district", id: "midden" },
      zuid,
      { niveau: "regio" }
    ]
    // each delict's area sums and each area's totaal: never one hidden cell alone
    const sommen: Array<ReadonlyArray<Suppression.Cel>> = [
      ...[...delicten, "totaal" as const].flatMap((r) => [
        [cel(zuid, r), cel(gemeente("GM0003"), r), cel(gemeente("GM0004"), r)],
        gebieden
          .slice(0, 4)
          .map((g) => cel(g, r))
          .concat([cel({ niveau: "regio" }, r)])
      ]),
      ...gebieden.map((g) => [...delicten, "totaal" as const].map((r) => cel(g, r)))
    ]
    return p.verlies.onbeschermd === 0 && sommen.every((s) => s.filter((c) => !open(c)).length !== 1)
  }

  it("never leaves a sum that holds with exactly one hidden cell, on generated figures", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 5, max: 80 })), {
          minLength: 12,
          maxLength: 12
        }),
        beschermd
      ),
      // A fixed seed: the case below was found by a random one and is not solved yet, and CI must not
      // turn red by chance. It stays a property over 40 generated regions.
      { numRuns: 40, seed: 20_261_202 }
    )
  })

  // Found by the property above on 2026-12-02 (fast-check seed -1121994787): when nearly every count of a
  // district is small (Ceedorp 0/0/1, Deedorp 4/0/4), the pattern search finds no way to move the small
  // cells down and reports two cells unprotected (`verlies.onbeschermd` 2). Every cell is hidden then, so
  // no figure is shown to subtract from, but the rule's own guarantee does not hold. `it.fails`: this turns
  // red once the search protects them, and should then become an ordinary test.
  it.fails("protects every small cell when nearly all of a district's counts are small (known gap)", () => {
    assert.isTrue(beschermd([0, 0, 0, 0, 0, 0, 0, 0, 1, 4, 0, 4]))
  })

  it("protects a regional figure summed from only the gemeenten with data: no subtraction gives a small count back", () => {
    // Only Aastad (GM0001, district noord) and Beedorp (GM0002, midden) have registrations: the regio is
    // the partial sum of the two, so the regio minus Aastad would be Beedorp's small phishing count
    const metAastad = [
      rij("2025-Q3", "GM0001", "phishing", 20, 21),
      rij("2025-Q3", "GM0001", "hacken", 9, 9),
      rij("2025-Q3", "GM0002", "phishing", 3, 3),
      rij("2025-Q3", "GM0002", "hacken", 12, 14)
    ]
    const heleRegio: Geography.Gebied = { niveau: "regio" }
    const noord: Geography.Gebied = { niveau: "district", id: "noord" }
    const regioBeeld = beeld(metAastad, heleRegio)
    assert.strictEqual(regioBeeld.dekking?.gemeenten, 2)
    assert.deepStrictEqual<unknown>(regioBeeld.dekking?.zonder, ["GM0003", "GM0004"])
    // the programme sees the partial sums as they are
    assert.strictEqual(regioBeeld.totaal.slachtoffers.waarde, 47)
    const p = publicatie(metAastad)
    assert.strictEqual(p.verlies.onbeschermd, 0)
    for (const r of ["phishing", "hacken", "totaal"] as const) {
      const getoond = (g: Geography.Gebied) => {
        const cel = p.cel(g, q3, r, "slachtoffers")
        return Suppression.isOnderdrukt(cel) ? undefined : cel
      }
      if (r === "phishing") assert.isUndefined(getoond(gemeente("GM0002")))
      if (getoond(gemeente("GM0002")) !== undefined) continue
      // every sum an attacker can form around Beedorp's hidden cell: one of its other cells stays hidden
      const sommen: ReadonlyArray<ReadonlyArray<Geography.Gebied>> = [
        [heleRegio, gemeente("GM0001")],
        [heleRegio, noord],
        [{ niveau: "district", id: "midden" }]
      ]
      for (const som of sommen)
        assert.isTrue(
          som.some((g) => getoond(g) === undefined),
          `${r}: ${som.map((g) => JSON.stringify(g)).join(" − ")} zijn alle getoond`
        )
    }
  })

  it("is the same pattern for the same figures, whichever copy of them is given", () => {
    const a = publicatie(registraties(2))
    const b = publicatie([...registraties(2)].reverse())
    for (const g of [gemeente("GM0003"), gemeente("GM0004"), zuid, { niveau: "regio" } as const])
      for (const r of ["phishing", "hacken", "overig", "totaal"] as const)
        for (const m of Informatiebeeld.maten) assert.deepStrictEqual(a.cel(g, q3, r, m), b.cel(g, q3, r, m))
  })

  it("publishes a year's quarters, not the year beside them, and the year where only that is registered", () => {
    const p = publicatie([...registraties(3), rij("2024", "GM0003", "phishing", 80, 80)])
    assert.deepStrictEqual(
      p.perioden,
      ["2024", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"].map((x) => x as Periode.Periode)
    )
    assert.isFalse(p.gepubliceerd("2025" as Periode.Periode))
    assert.isFalse(p.gepubliceerd("2025-08" as Periode.Periode))
    // a figure of a period that is not published is hidden, whatever an output asks
    assert.isTrue(
      Suppression.isOnderdrukt(
        p.cel(gemeente("GM0003"), "2025" as Periode.Periode, "hacken", "aangiften", 24)
      )
    )
    // unknown stays unknown
    assert.isNull(p.cel(gemeente("GM0001"), q3, "phishing", "aangiften"))
    assert.isNull(p.cel(gemeente("GM0003"), q3, "phishing", "meldingen"))
  })

  it("hides a value an output brings that is not the publication's own", () => {
    const p = publicatie(registraties(30))
    assert.strictEqual(p.cel(gemeente("GM0003"), q3, "phishing", "aangiften", 30), 30)
    assert.deepInclude(p.cel(gemeente("GM0003"), q3, "phishing", "aangiften", 31), { weergave: "×" })
  })
})

describe("informatiebeeld and its derived figures", () => {
  it("gives the publication's cells in a fixed row order, and every figure to programma", () => {
    const rijen = registraties(3)
    const ib = beeld(rijen, gemeente("GM0003"))
    const gepubliceerd = Suppression.informatiebeeld(ib, publicatie(rijen))
    assert.deepStrictEqual(
      gepubliceerd.periode.map((r) => r.rij),
      ["phishing", "hacken", "overig", "totaal"]
    )
    assert.deepInclude(gepubliceerd.periode[0]?.slachtoffers, { weergave: "< 5" })
    const intern = Suppression.informatiebeeld(ib, null)
    assert.strictEqual(intern.periode.find((r) => r.rij === "phishing")?.slachtoffers, 3)
  })

  it("hides the rate, share, change and rank of a hidden count, and the change of a hidden base", () => {
    const rijen = registraties(3)
    const p = publicatie(rijen)
    const ib = beeld(rijen, gemeente("GM0003"))
    const k = Suppression.kengetal(ib, "phishing", "slachtoffers", p)
    for (const c of [k.waarde, k.perTienduizend, k.aandeelRegio, k.tovVorige.absoluut, k.tovVorige.procent])
      assert.isTrue(Suppression.isOnderdrukt(c))
    assert.isTrue(
      Suppression.isOnderdrukt(Suppression.kengetal(ib, "phishing", "slachtoffers", p).tovVorige.procent)
    )
    const rang = Suppression.rang(ib, "overig", p)
    assert.isTrue(rang === null || "onderdrukt" in rang)
    // the next quarter's change has the hidden count as its base
    const volgend = [
      ...rijen,
      ...rijen
        .filter((r) => r.periode === "2025-Q3")
        .map((r) => ({ ...r, periode: "2025-Q4" as Periode.Periode, slachtoffers: 30, aangiften: 30 }))
    ]
    const q4 = beeld(volgend, gemeente("GM0003"), "2025-Q4" as Periode.Periode)
    const pv = publicatie(volgend)
    const c = Suppression.kengetal(q4, "phishing", "slachtoffers", pv)
    assert.strictEqual(c.waarde, 30)
    assert.isTrue(Suppression.isOnderdrukt(c.tovVorige.basis))
    assert.isTrue(Suppression.isOnderdrukt(c.tovVorige.procent))
  })

  it("drops a note that quotes a figure of a hidden row", () => {
    const rijen = registraties(3).map((r) =>
      r.delict === "phishing" && r.periode === q3
        ? { ...r, kwalificaties: { slachtoffers: "ruim" as const } }
        : r
    )
    const ib = beeld(rijen, gemeente("GM0003"))
    assert.isTrue(ib.opmerkingen.some((o) => o.includes("grens")))
    assert.isFalse(Suppression.opmerkingen(ib, publicatie(rijen)).some((o) => o.includes("grens")))
  })

  it("encodes a published cell as JSON through its Schema", () => {
    const encode = Schema.encodeSync(Suppression.Cel)
    assert.deepStrictEqual(encode(12), 12)
    assert.deepStrictEqual(encode({ onderdrukt: true, reden: "secundair", weergave: "×" }), {
      onderdrukt: true,
      reden: "secundair",
      weergave: "×"
    })
  })
})
