import { assert, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import fc from "fast-check"
import { Informatiebeeld, type Periode, type Registration, Suppression } from "../src/index.ts"
import { regio } from "./fixtures.ts"

const gemeente = { publiek: "gemeente" } as const

/** A cross table: rows × columns of counts with row totals, column totals and a grand total. */
const kruistabel = fc
  .record({
    rijen: fc.integer({ min: 1, max: 5 }),
    kolommen: fc.integer({ min: 1, max: 4 })
  })
  .chain(({ rijen, kolommen }) =>
    fc
      .array(fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 200 }), fc.constant(null)), {
        minLength: rijen * kolommen,
        maxLength: rijen * kolommen
      })
      .map((binnen) => maakKruistabel(rijen, kolommen, binnen))
  )

const som = (waarden: ReadonlyArray<number | null>): number | null =>
  waarden.some((w) => w === null) ? null : waarden.reduce<number>((a, w) => a + (w ?? 0), 0)

const maakKruistabel = (
  rijen: number,
  kolommen: number,
  binnen: ReadonlyArray<number | null>
): Suppression.Tabel => {
  const cel = (r: number, k: number) => r * kolommen + k
  const waarden: Array<number | null> = [...binnen]
  const sommen: Array<Suppression.Som> = []
  const rijTotalen: Array<number> = []
  for (let r = 0; r < rijen; r++) {
    const delen = Array.from({ length: kolommen }, (_, k) => cel(r, k))
    rijTotalen.push(waarden.length)
    sommen.push({ totaal: waarden.length, delen })
    waarden.push(som(delen.map((i) => binnen[i] ?? null)))
  }
  const kolomTotalen: Array<number> = []
  for (let k = 0; k < kolommen; k++) {
    const delen = Array.from({ length: rijen }, (_, r) => cel(r, k))
    kolomTotalen.push(waarden.length)
    sommen.push({ totaal: waarden.length, delen })
    waarden.push(som(delen.map((i) => binnen[i] ?? null)))
  }
  const eindtotaal = som(rijTotalen.map((i) => waarden[i] ?? null))
  sommen.push({ totaal: waarden.length, delen: rijTotalen })
  sommen.push({ totaal: waarden.length, delen: kolomTotalen })
  waarden.push(eindtotaal)
  return { waarden, sommen }
}

describe("onderdruk", () => {
  it("shows a small count as '< 5' and hides the next-smallest row so the totaal does not give it away", () => {
    const cellen = Suppression.onderdruk(
      { waarden: [3, 12, 40, 55], sommen: [{ totaal: 3, delen: [0, 1, 2] }] },
      gemeente
    )
    assert.deepStrictEqual(cellen, [
      { onderdrukt: true, reden: "klein-aantal", weergave: "< 5" },
      { onderdrukt: true, reden: "secundair", weergave: "×" },
      40,
      55
    ])
  })

  it("needs no secondary cell when two rows are already small, and keeps unknown as unknown", () => {
    const cellen = Suppression.onderdruk(
      { waarden: [3, 2, 40, null, 45], sommen: [{ totaal: 4, delen: [0, 1, 2] }] },
      gemeente
    )
    assert.deepStrictEqual(cellen.slice(2), [40, null, 45])
    assert.isTrue(Suppression.isOnderdrukt(cellen[0] ?? null))
    assert.isTrue(Suppression.isOnderdrukt(cellen[1] ?? null))
  })

  it("follows the threshold it is given", () => {
    const { delen, totaal } = Suppression.onderdrukDelen([8, 30, 12], 50, {
      publiek: "district",
      drempel: 10
    })
    assert.deepStrictEqual(Suppression.weergave(delen[0] ?? null, String), "< 10")
    assert.deepStrictEqual(Suppression.weergave(delen[2] ?? null, String), "×")
    assert.strictEqual(totaal, 50)
  })

  it("hides linked amounts and protects them through their sum, without a threshold on amounts", () => {
    const { delen, totaal } = Suppression.onderdrukDelen([120, 3_000_000, 45_000], 3_045_120, {
      ...gemeente,
      aantallen: false,
      gekoppeld: [0]
    })
    assert.deepStrictEqual(delen[0], { onderdrukt: true, reden: "gekoppeld", weergave: "×" })
    assert.deepStrictEqual(delen[2], { onderdrukt: true, reden: "secundair", weergave: "×" })
    assert.deepStrictEqual([delen[1], totaal], [3_000_000, 3_045_120])
  })

  it("never lets a visible total minus its visible parts reveal a suppressed value", () => {
    fc.assert(
      fc.property(kruistabel, fc.integer({ min: 1, max: 10 }), (tabel, drempel) => {
        const cellen = Suppression.onderdruk(tabel, { publiek: "gemeente", drempel })
        return tabel.sommen.every((s) => {
          const leden = [s.totaal, ...s.delen]
          const verborgen = leden.filter((i) => {
            const c = cellen[i] ?? null
            return c === null || Suppression.isOnderdrukt(c)
          })
          const enige = verborgen[0]
          return (
            verborgen.length !== 1 || enige === undefined || !Suppression.isOnderdrukt(cellen[enige] ?? null)
          )
        })
      })
    )
  })

  it("suppresses every count below the threshold, and at or above it only as secondary suppression", () => {
    fc.assert(
      fc.property(kruistabel, fc.integer({ min: 1, max: 10 }), (tabel, drempel) => {
        const cellen = Suppression.onderdruk(tabel, { publiek: "district", drempel })
        return tabel.waarden.every((w, i) => {
          const c = cellen[i] ?? null
          if (w === null) return c === null
          if (w < drempel) return Suppression.isOnderdrukt(c) && c.reden === "klein-aantal"
          return c === w || (Suppression.isOnderdrukt(c) && c.reden === "secundair")
        })
      })
    )
  })

  it("is the identity for audiences the rule does not apply to", () => {
    fc.assert(
      fc.property(
        kruistabel,
        fc.constantFrom("beheerder", "programma") as fc.Arbitrary<Suppression.Publiek>,
        (tabel, publiek) => assert.deepStrictEqual(Suppression.onderdruk(tabel, { publiek }), tabel.waarden)
      )
    )
  })

  it("encodes a published cell as JSON through its Schema", () => {
    const { delen } = Suppression.onderdrukDelen([3, 12], 15, gemeente)
    const json = Schema.encodeSync(Schema.Array(Suppression.Cel))(delen)
    assert.deepStrictEqual(JSON.parse(JSON.stringify(json)), [
      { onderdrukt: true, reden: "klein-aantal", weergave: "< 5" },
      { onderdrukt: true, reden: "secundair", weergave: "×" }
    ])
    assert.deepStrictEqual(Schema.decodeUnknownSync(Suppression.Cel)(7), 7)
  })
})

describe("informatiebeeld", () => {
  const rij = (periode: string, delict: Registration.Delict, aangiften: number, slachtoffers: number) =>
    ({
      periode,
      gebied: { niveau: "gemeente", code: "GM0001" },
      delict,
      aangiften,
      meldingen: null,
      slachtoffers,
      schade: slachtoffers * 100_000,
      herkomst: { document: "test", sectie: "fixture" }
    }) as unknown as Registration.Registration
  const beeld = (aantallen: ReadonlyArray<readonly [Registration.Delict, number, number]>) =>
    Informatiebeeld.make({
      regio,
      registraties: ["2024-Q3", "2025-Q2", "2025-Q3"].flatMap((p) =>
        aantallen.map(([d, a, s]) => rij(p, d, a, s))
      ),
      reeksbreuken: [],
      gebied: { niveau: "gemeente", code: regio.gemeenten[0]?.code ?? ("GM0001" as never) },
      periode: "2025-Q3" as Periode.Periode
    })

  it("suppresses the delict rows and their totaal per count, and the damage of hidden victims", () => {
    const ib = beeld([
      ["phishing", 3, 2],
      ["hacken", 12, 30],
      ["overig", 40, 50]
    ])
    const { periode } = Suppression.informatiebeeld(ib, gemeente)
    const per = (r: string) => periode.find((x) => x.rij === r)
    assert.deepStrictEqual(per("phishing")?.aangiften, {
      onderdrukt: true,
      reden: "klein-aantal",
      weergave: "< 5"
    })
    assert.deepStrictEqual(per("hacken")?.aangiften, { onderdrukt: true, reden: "secundair", weergave: "×" })
    assert.deepStrictEqual([per("overig")?.aangiften, per("totaal")?.aangiften], [40, 55])
    assert.deepStrictEqual(per("phishing")?.schade, { onderdrukt: true, reden: "gekoppeld", weergave: "×" })
    assert.isTrue(Suppression.isOnderdrukt(per("hacken")?.schade ?? null))
    assert.deepStrictEqual(per("totaal")?.schade, 8_200_000)
    // unknown stays unknown
    assert.deepStrictEqual(per("totaal")?.meldingen, null)
    const intern = Suppression.informatiebeeld(ib, { publiek: "programma" })
    assert.deepStrictEqual(intern.periode.find((x) => x.rij === "phishing")?.aangiften, 3)
  })

  it("protects every published sum of every period of the picture", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })), {
          minLength: 3,
          maxLength: 3
        }),
        (counts) => {
          const delicten = ["phishing", "hacken", "overig"] as const
          const ib = beeld(counts.map(([a, s], i) => [delicten[i] ?? "overig", a, s] as const))
          const gepubliceerd = Suppression.informatiebeeld(ib, gemeente)
          return [gepubliceerd.periode, gepubliceerd.vorigePeriode, gepubliceerd.jaarEerder].every((rijen) =>
            (["aangiften", "slachtoffers", "schade"] as const).every((maat) => {
              const verborgen = rijen.filter((r) => r[maat] === null || Suppression.isOnderdrukt(r[maat]))
              return verborgen.length !== 1 || verborgen[0]?.[maat] === null
            })
          )
        }
      )
    )
  })
})
