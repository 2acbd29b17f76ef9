import { assert, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import * as fc from "fast-check"
import type { CbsCode, Gebied } from "../src/Geography.ts"
import { Regio } from "../src/Geography.ts"
import type { Kwalificatie } from "../src/Getal.ts"
import type { Delictbeeld, Informatiebeeld, Invoer } from "../src/Informatiebeeld.ts"
import { Informatiebeeld as InformatiebeeldSchema, make, maten } from "../src/Informatiebeeld.ts"
import type { Money } from "../src/Money.ts"
import type { Periode } from "../src/Periode.ts"
import type { Delict, Reeksbreuk, Registration } from "../src/Registration.ts"

const herkomst = { document: "informatiebeeld-test", sectie: "fixture" }

/** Four gemeenten in two districts; only the two in district Noord have inhabitants; no basisteams known. */
const regio: Regio = Schema.decodeUnknownSync(Regio)({
  naam: "Testregio",
  districten: [
    { id: "noord", naam: "Noord" },
    { id: "zuid", naam: "Zuid" }
  ],
  basisteams: [],
  gemeenten: [
    {
      code: "GM0001",
      naam: "Aastad",
      provincie: "Utrecht",
      district: "noord",
      basisteam: null,
      inwoners: [
        { aantal: 90_000, peildatum: "2023-01-01" },
        { aantal: 100_000, peildatum: "2025-01-01" }
      ]
    },
    {
      code: "GM0002",
      naam: "Beedorp",
      provincie: "Utrecht",
      district: "noord",
      basisteam: null,
      inwoners: [{ aantal: 50_000, peildatum: "2024-01-01" }]
    },
    {
      code: "GM0003",
      naam: "Ceeveen",
      provincie: "Utrecht",
      district: "zuid",
      basisteam: null,
      inwoners: []
    },
    {
      code: "GM0004",
      naam: "Deeburg",
      provincie: "Flevoland",
      district: "zuid",
      basisteam: null,
      inwoners: []
    }
  ],
  herkomst
})

const codes = ["GM0001", "GM0002", "GM0003", "GM0004"] as const
type Code = (typeof codes)[number]

const gemeente = (code: Code): Gebied => ({ niveau: "gemeente", code: code as CbsCode })
const district = (id: string): Gebied => ({ niveau: "district", id })
const heleRegio: Gebied = { niveau: "regio" }

interface Cijfers {
  readonly a?: number | null
  readonly m?: number | null
  readonly s?: number | null
  /** Damage in euro cents. */
  readonly schade?: number | null
  readonly kwalificaties?: Partial<
    Record<"aangiften" | "meldingen" | "slachtoffers" | "schade", Kwalificatie>
  >
}

const reg = (periode: string, waar: Code | "regio", delict: Delict, c: Cijfers): Registration => ({
  periode: periode as Periode,
  gebied: waar === "regio" ? heleRegio : gemeente(waar),
  delict,
  aangiften: c.a ?? null,
  meldingen: c.m ?? null,
  slachtoffers: c.s ?? null,
  schade: (c.schade ?? null) as Money | null,
  ...(c.kwalificaties === undefined ? {} : { kwalificaties: c.kwalificaties }),
  herkomst
})

const beeld = (
  gebied: Gebied,
  periode: string,
  registraties: ReadonlyArray<Registration>,
  reeksbreuken: ReadonlyArray<Reeksbreuk> = []
): Informatiebeeld =>
  make({ regio, registraties, reeksbreuken, gebied, periode: periode as Periode } satisfies Invoer)

const delict = (b: Informatiebeeld, d: Delict): Delictbeeld => {
  const found = b.delicten.find((x) => x.delict === d)
  if (found === undefined) return assert.fail(`${d} ontbreekt in het informatiebeeld`)
  return found
}

/** The value, failing the test when it is unknown. */
const bekend = <A>(value: A | null | undefined): A => {
  if (value === null || value === undefined) return assert.fail("waarde onbekend")
  return value
}

const close = (actual: number | null, expected: number) =>
  assert.closeTo(bekend(actual), expected, 1e-9 * Math.max(1, Math.abs(expected)))

const heeftOpmerking = (b: Informatiebeeld, ...delen: ReadonlyArray<string>) =>
  assert.isTrue(
    b.opmerkingen.some((o) => delen.every((d) => o.includes(d))),
    `geen opmerking met ${delen.join(" + ")} in:\n${b.opmerkingen.join("\n")}`
  )

// One quarter, all four gemeenten: phishing fully known, hacken with unknown victims in Deeburg.
const kwartaal: ReadonlyArray<Registration> = [
  reg("2025-Q1", "GM0001", "phishing", { a: 10, m: 4, s: 8, schade: 100_00 }),
  reg("2025-Q1", "GM0002", "phishing", { a: 5, m: 1, s: 2, schade: 50_00 }),
  reg("2025-Q1", "GM0003", "phishing", { a: 20, m: 2, s: 15, schade: 300_00 }),
  reg("2025-Q1", "GM0004", "phishing", { a: 5, m: 0, s: 5, schade: 0 }),
  reg("2025-Q1", "GM0001", "hacken", { a: 3, m: 1, s: 3, schade: 10_00 }),
  reg("2025-Q1", "GM0002", "hacken", { a: 6, m: 0, s: null, schade: null }),
  reg("2025-Q1", "GM0003", "hacken", { a: 1, m: 0, s: 1, schade: 0 }),
  reg("2025-Q1", "GM0004", "hacken", { a: 2, m: 0, s: null, schade: null }),
  // comparison periods for Aastad
  reg("2024-Q4", "GM0001", "phishing", { a: 4, m: 4, s: 4, schade: 40_00 }),
  reg("2024-Q1", "GM0001", "phishing", { a: 0, m: 0, s: 0, schade: 0 }),
  reg("2024-Q4", "GM0001", "hacken", { a: 3, m: 1, s: 3, schade: 10_00 })
]

describe("Informatiebeeld", () => {
  describe("sums over the area", () => {
    it("adds the gemeenten of a district", () => {
      const b = beeld(district("noord"), "2025-Q1", kwartaal)
      assert.strictEqual(b.naam, "district Noord")
      assert.deepStrictEqual<ReadonlyArray<string>>(b.gemeenten, ["GM0001", "GM0002"])
      const phishing = delict(b, "phishing")
      assert.strictEqual(phishing.aangiften.waarde, 15)
      assert.strictEqual(phishing.meldingen.waarde, 5)
      assert.strictEqual(phishing.slachtoffers.waarde, 10)
      assert.strictEqual(phishing.schade.waarde, 150_00)
    })

    it("keeps a sum with an unknown part unknown and says why, never counting unknown as 0", () => {
      const b = beeld(district("noord"), "2025-Q1", kwartaal)
      const hacken = delict(b, "hacken")
      assert.strictEqual(hacken.aangiften.waarde, 9)
      assert.isNull(hacken.slachtoffers.waarde)
      assert.isNull(hacken.schade.waarde)
      assert.isNull(hacken.slachtoffers.perTienduizend)
      heeftOpmerking(b, "hacken", "slachtoffers (Beedorp)", "onbekend")
      // the totals over delicts inherit the unknown
      assert.strictEqual(b.totaal.aangiften.waarde, 24)
      assert.isNull(b.totaal.slachtoffers.waarde)
      heeftOpmerking(b, "totaal", "slachtoffers")
    })

    it("is unknown when every part is unknown", () => {
      const b = beeld(district("zuid"), "2025-Q1", [
        reg("2025-Q1", "GM0003", "ransomware", { a: 1, s: null }),
        reg("2025-Q1", "GM0004", "ransomware", { a: 1, s: null })
      ])
      assert.isNull(delict(b, "ransomware").slachtoffers.waarde)
      assert.strictEqual(delict(b, "ransomware").aangiften.waarde, 2)
    })

    it("treats a gemeente without a registration for a delict as unknown, not 0", () => {
      // Beedorp has registrations over the quarter, but none for sextortion
      const b = beeld(district("noord"), "2025-Q1", [
        reg("2025-Q1", "GM0001", "sextortion", { a: 2, s: 2 }),
        reg("2025-Q1", "GM0002", "phishing", { a: 9, s: 9 })
      ])
      const sextortion = delict(b, "sextortion")
      assert.isNull(sextortion.aangiften.waarde)
      assert.deepStrictEqual<unknown>(
        b.ontbreekt
          .filter((o) => o.periode === "2025-Q1" && o.delict === "sextortion")
          .map((o) => [o.gebied, o.ontbrekend]),
        [[gemeente("GM0002"), ["2025-Q1"]]]
      )
      heeftOpmerking(b, "sextortion", "2025 Q1 onbekend", "Beedorp")
      assert.isNull(b.dekking)
    })

    it("sums the gemeenten with registrations when others have none, as a lower bound with its coverage", () => {
      // Beedorp has no registrations over the quarter at all
      const b = beeld(district("noord"), "2025-Q1", [reg("2025-Q1", "GM0001", "sextortion", { a: 2, s: 2 })])
      const sextortion = delict(b, "sextortion")
      assert.strictEqual(sextortion.aangiften.waarde, 2)
      assert.strictEqual(sextortion.aangiften.kwalificatie, "meer-dan")
      assert.strictEqual(b.totaal.aangiften.waarde, 2)
      assert.strictEqual(b.totaal.aangiften.kwalificatie, "meer-dan")
      // no rate, share or change of a lower bound
      assert.isNull(sextortion.aangiften.perTienduizend)
      assert.isNull(sextortion.aangiften.tovVorige.absoluut)
      assert.isNull(b.totaal.rang)
      assert.deepStrictEqual<unknown>(b.dekking?.zonder, ["GM0002"])
      assert.strictEqual(b.dekking?.gemeenten, 1)
      assert.strictEqual(b.dekking?.van, 2)
      assert.deepStrictEqual(
        b.ontbreekt.filter((o) => o.periode === "2025-Q1"),
        []
      )
      heeftOpmerking(b, "uit 1 van 2 gemeenten", "Beedorp", "minstens")
    })

    it("carries a bound through the sum as a lower bound (not an exact-looking 'ruim') and says so", () => {
      const b = beeld(district("noord"), "2025-Q1", [
        reg("2025-Q1", "GM0001", "phishing", { a: 10, s: 5500, kwalificaties: { slachtoffers: "ruim" } }),
        reg("2025-Q1", "GM0002", "phishing", { a: 5, s: 10 })
      ])
      const phishing = delict(b, "phishing")
      assert.strictEqual(phishing.slachtoffers.waarde, 5510)
      assert.strictEqual(phishing.slachtoffers.kwalificatie, "meer-dan")
      assert.isUndefined(phishing.aangiften.kwalificatie)
      heeftOpmerking(b, "phishing", "meer dan 5.510", "ondergrens")
    })

    it("does not add a lower bound to an upper bound", () => {
      const b = beeld(district("noord"), "2025-Q1", [
        reg("2025-Q1", "GM0001", "phishing", { s: 10, kwalificaties: { slachtoffers: "meer-dan" } }),
        reg("2025-Q1", "GM0002", "phishing", { s: 5, kwalificaties: { slachtoffers: "minder-dan" } })
      ])
      assert.isNull(delict(b, "phishing").slachtoffers.waarde)
      heeftOpmerking(b, "ondergrenzen en bovengrenzen")
    })

    it("refuses differing duplicate registrations instead of adding them", () => {
      const b = beeld(gemeente("GM0001"), "2025-Q1", [
        reg("2025-Q1", "GM0001", "phishing", { a: 10, s: 8 }),
        reg("2025-Q1", "GM0001", "phishing", { a: 12, s: 8 })
      ])
      assert.isNull(delict(b, "phishing").aangiften.waarde)
      heeftOpmerking(b, "tegenstrijdige registraties", "Aastad 2025 Q1")
      // identical duplicates (the same figure from two documents) count once
      const dubbel = beeld(gemeente("GM0001"), "2025-Q1", [
        reg("2025-Q1", "GM0001", "phishing", { a: 10, s: 8 }),
        reg("2025-Q1", "GM0001", "phishing", { a: 10, s: 8 })
      ])
      assert.strictEqual(delict(dubbel, "phishing").aangiften.waarde, 10)
    })
  })

  describe("per 10.000 inhabitants", () => {
    it("divides by the inhabitants valid at the end of the period", () => {
      const b = beeld(district("noord"), "2025-Q1", kwartaal)
      assert.strictEqual(b.inwoners, 150_000)
      assert.strictEqual(b.peildatumInwoners, "2025-03-31")
      close(delict(b, "phishing").aangiften.perTienduizend, 1)
      close(delict(b, "phishing").slachtoffers.perTienduizend, (10 / 150_000) * 10_000)
      // in 2024 Aastad still had 90.000 inhabitants
      const eerder = beeld(gemeente("GM0001"), "2024-Q4", kwartaal)
      assert.strictEqual(eerder.inwoners, 90_000)
      close(delict(eerder, "phishing").aangiften.perTienduizend, (4 / 90_000) * 10_000)
    })

    it("is onbekend when a gemeente of the area has no inhabitants count", () => {
      const b = beeld(district("zuid"), "2025-Q1", kwartaal)
      assert.isNull(b.inwoners)
      const phishing = delict(b, "phishing")
      assert.strictEqual(phishing.aangiften.waarde, 25)
      assert.isNull(phishing.aangiften.perTienduizend)
      assert.isNull(b.totaal.aangiften.perTienduizend)
      heeftOpmerking(b, "inwonertal onbekend: per 10.000 inwoners niet te berekenen", "Ceeveen", "Deeburg")
      // the regio contains them too
      assert.isNull(beeld(heleRegio, "2025-Q1", kwartaal).inwoners)
    })
  })

  describe("change", () => {
    it("compares with the previous period and the same period a year earlier", () => {
      const b = beeld(gemeente("GM0001"), "2025-Q1", kwartaal)
      assert.strictEqual(b.vorigePeriode, "2024-Q4")
      assert.strictEqual(b.jaarEerder, "2024-Q1")
      const slachtoffers = delict(b, "phishing").slachtoffers
      assert.deepStrictEqual(slachtoffers.tovVorige, {
        basis: 4,
        absoluut: 4,
        procent: 100,
        reeksbreuk: false,
        redenen: []
      })
      // a base of 0 gives an absolute change but no percentage
      assert.strictEqual(slachtoffers.tovJaarEerder.basis, 0)
      assert.strictEqual(slachtoffers.tovJaarEerder.absoluut, 8)
      assert.isNull(slachtoffers.tovJaarEerder.procent)
    })

    it("is unknown without a base and says so", () => {
      const b = beeld(gemeente("GM0001"), "2025-Q1", kwartaal)
      const hacken = delict(b, "hacken")
      assert.strictEqual(hacken.aangiften.tovVorige.absoluut, 0)
      assert.strictEqual(hacken.aangiften.tovVorige.procent, 0)
      assert.isNull(hacken.aangiften.tovJaarEerder.basis)
      assert.isNull(hacken.aangiften.tovJaarEerder.absoluut)
      assert.isNull(hacken.aangiften.tovJaarEerder.procent)
      heeftOpmerking(b, "vergelijking met 2024 Q1 niet mogelijk", "hacken")
      assert.isTrue(b.ontbreekt.some((o) => o.delict === "hacken" && o.periode === "2024-Q1"))
    })

    it("flags a break in the series between base and current period, for the delicts it affects", () => {
      const breuk: Reeksbreuk = {
        vanaf: "2025-01" as Periode,
        delicten: ["phishing"],
        reden: "nieuwe registratiewijze phishing",
        herkomst
      }
      const b = beeld(gemeente("GM0001"), "2025-Q1", kwartaal, [breuk])
      const phishing = delict(b, "phishing")
      assert.isTrue(phishing.slachtoffers.tovVorige.reeksbreuk)
      assert.deepStrictEqual(phishing.slachtoffers.tovVorige.redenen, ["nieuwe registratiewijze phishing"])
      assert.isTrue(phishing.aangiften.tovJaarEerder.reeksbreuk)
      assert.isFalse(delict(b, "hacken").aangiften.tovVorige.reeksbreuk)
      assert.isTrue(b.totaal.aangiften.tovVorige.reeksbreuk)
      heeftOpmerking(b, "reeksbreuk vanaf januari 2025", "nieuwe registratiewijze phishing", "2024 Q4")
    })

    it("writes a reason that ends in a full stop into the note without a stray '.;'", () => {
      const breuk: Reeksbreuk = {
        vanaf: "2025-01" as Periode,
        delicten: ["phishing"],
        reden: "vergelijkingen moeten terughoudend worden gemaakt.",
        herkomst
      }
      const b = beeld(gemeente("GM0001"), "2025-Q1", kwartaal, [breuk])
      heeftOpmerking(b, "terughoudend worden gemaakt; de vergelijking met")
      assert.isFalse(b.opmerkingen.some((o) => o.includes(".;")))
    })

    it("flags only comparisons whose base lies before the break; an empty delict list means all", () => {
      const breuk: Reeksbreuk = {
        vanaf: "2024-03" as Periode,
        delicten: [],
        reden: "nieuwe indeling",
        herkomst
      }
      const b = beeld(gemeente("GM0001"), "2025-Q1", kwartaal, [breuk])
      for (const d of b.delicten) {
        assert.isFalse(d.aangiften.tovVorige.reeksbreuk, `${d.delict}: 2024 Q4 ligt na de breuk`)
        assert.isTrue(d.aangiften.tovJaarEerder.reeksbreuk, `${d.delict}: 2024 Q1 loopt over de breuk`)
      }
      // a break after the current period does not matter yet
      const later = beeld(gemeente("GM0001"), "2025-Q1", kwartaal, [
        { ...breuk, vanaf: "2025-04" as Periode }
      ])
      assert.isFalse(delict(later, "phishing").aangiften.tovJaarEerder.reeksbreuk)
    })
  })

  describe("share and rank in the region", () => {
    it("gives a gemeente's share of the regional total and its rank by victims", () => {
      const ceeveen = beeld(gemeente("GM0003"), "2025-Q1", kwartaal)
      const phishing = delict(ceeveen, "phishing")
      close(phishing.aangiften.aandeelRegio, (20 / 40) * 100)
      close(phishing.slachtoffers.aandeelRegio, (15 / 30) * 100)
      assert.deepStrictEqual(phishing.rang, { positie: 1, van: 4, niveau: "gemeente", op: "slachtoffers" })
      // Beedorp has the fewest victims
      assert.deepStrictEqual(delict(beeld(gemeente("GM0002"), "2025-Q1", kwartaal), "phishing").rang, {
        positie: 4,
        van: 4,
        niveau: "gemeente",
        op: "slachtoffers"
      })
    })

    it("ranks by aangiften when victims are not known for every gemeente", () => {
      const ranks = codes.map((code) => delict(beeld(gemeente(code), "2025-Q1", kwartaal), "hacken").rang)
      assert.deepStrictEqual(
        ranks.map((r) => r?.positie),
        [2, 1, 4, 3]
      )
      assert.isTrue(ranks.every((r) => r?.op === "aangiften"))
      // the share of victims is unknown while the regional total is
      assert.isNull(
        delict(beeld(gemeente("GM0001"), "2025-Q1", kwartaal), "hacken").slachtoffers.aandeelRegio
      )
    })

    it("ranks districts among districts, and has no rank where the units are unknown", () => {
      const noord = beeld(district("noord"), "2025-Q1", kwartaal)
      assert.deepStrictEqual(delict(noord, "phishing").rang, {
        positie: 2,
        van: 2,
        niveau: "district",
        op: "slachtoffers"
      })
      close(delict(noord, "phishing").slachtoffers.aandeelRegio, (10 / 30) * 100)
      // no basisteams are known in this region
      const basisteam = beeld({ niveau: "basisteam", id: "onbekend" }, "2025-Q1", kwartaal)
      assert.isNull(delict(basisteam, "phishing").rang)
      const r = beeld(heleRegio, "2025-Q1", kwartaal)
      assert.isNull(delict(r, "phishing").rang)
      assert.strictEqual(delict(r, "phishing").slachtoffers.aandeelRegio, 100)
    })
  })

  describe("top delicts and totals", () => {
    it("orders delicts by victims, then damage, and totals over all delicts", () => {
      const b = beeld(gemeente("GM0001"), "2025-Q1", [
        ...kwartaal,
        reg("2025-Q1", "GM0001", "datingfraude", { a: 1, m: 0, s: 3, schade: 5000_00 }),
        reg("2025-Q1", "GM0001", "ransomware", { a: 1, m: 0, s: null, schade: 1_000_000_00 })
      ])
      assert.deepStrictEqual(
        b.delicten.map((d) => d.delict),
        ["phishing", "datingfraude", "hacken", "ransomware"]
      )
      assert.deepStrictEqual(b.topDelicten, ["phishing", "datingfraude", "hacken"])
      assert.strictEqual(b.totaal.aangiften.waarde, 15)
      assert.isNull(b.totaal.slachtoffers.waarde)
    })

    it("says when nothing is registered", () => {
      const b = beeld(gemeente("GM0001"), "2023", kwartaal)
      assert.deepStrictEqual(b.delicten, [])
      assert.isNull(b.totaal.aangiften.waarde)
      heeftOpmerking(b, "geen registraties voor Aastad in 2023")
    })
  })

  describe("granularity", () => {
    const jaar: ReadonlyArray<Registration> = [
      // Aastad: four quarters
      ...[1, 2, 3, 4].map((q) =>
        reg(`2024-Q${q}`, "GM0001", "phishing", { a: q, m: 1, s: q * 2, schade: 100 })
      ),
      // Beedorp: a year figure and its months (the same time twice)
      reg("2024", "GM0002", "phishing", { a: 100, m: 10, s: 50, schade: 1000 }),
      ...Array.from({ length: 12 }, (_, i) =>
        reg(`2024-${String(i + 1).padStart(2, "0")}`, "GM0002", "phishing", { a: 9, m: 1, s: 4, schade: 80 })
      ),
      // Ceeveen: three quarters only
      ...[1, 2, 3].map((q) => reg(`2024-Q${q}`, "GM0003", "phishing", { a: 1, m: 1, s: 1, schade: 1 })),
      // Deeburg: a quarter plus the other nine months (two granularities)
      reg("2024-Q1", "GM0004", "phishing", { a: 3, m: 0, s: 3, schade: 0 }),
      ...[4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) =>
        reg(`2024-${String(m).padStart(2, "0")}`, "GM0004", "phishing", { a: 1, m: 0, s: 1, schade: 0 })
      )
    ]

    it("builds a year from its four quarters", () => {
      const b = beeld(gemeente("GM0001"), "2024", jaar)
      const phishing = delict(b, "phishing")
      assert.strictEqual(phishing.aangiften.waarde, 1 + 2 + 3 + 4)
      assert.strictEqual(phishing.slachtoffers.waarde, 20)
      assert.strictEqual(phishing.schade.waarde, 400)
      assert.deepStrictEqual(
        b.ontbreekt.filter((o) => o.periode === "2024"),
        []
      )
    })

    it("never adds a year to its own months", () => {
      const b = beeld(gemeente("GM0002"), "2024", jaar)
      assert.strictEqual(delict(b, "phishing").aangiften.waarde, 100)
      assert.strictEqual(delict(b, "phishing").slachtoffers.waarde, 50)
      // a quarter is built from its months, not from the year
      const q2 = beeld(gemeente("GM0002"), "2024-Q2", jaar)
      assert.strictEqual(delict(q2, "phishing").aangiften.waarde, 27)
      // and the regio sums gemeenten, each at one granularity
      const noord = beeld(district("noord"), "2024", jaar)
      assert.strictEqual(delict(noord, "phishing").aangiften.waarde, 110)
    })

    it("leaves an incomplete year unknown and names the missing quarters", () => {
      const b = beeld(gemeente("GM0003"), "2024", jaar)
      const phishing = delict(b, "phishing")
      assert.isNull(phishing.aangiften.waarde)
      assert.isNull(phishing.slachtoffers.waarde)
      assert.deepStrictEqual<unknown>(b.ontbreekt, [
        { gebied: gemeente("GM0003"), delict: "phishing", periode: "2024", ontbrekend: ["2024-Q4"] },
        { gebied: gemeente("GM0003"), delict: "phishing", periode: "2023", ontbrekend: ["2023"] }
      ])
      heeftOpmerking(b, "phishing", "2024 onbekend", "Ceeveen: 2024 Q4")
      // and the regio is unknown with it
      assert.isNull(delict(beeld(heleRegio, "2024", jaar), "phishing").aangiften.waarde)
    })

    it("does not mix a quarter with months", () => {
      const b = beeld(gemeente("GM0004"), "2024", jaar)
      assert.isNull(delict(b, "phishing").aangiften.waarde)
      const [missing] = b.ontbreekt
      assert.deepStrictEqual<ReadonlyArray<string> | undefined>(missing?.ontbrekend, [
        "2024-01",
        "2024-02",
        "2024-03"
      ])
    })

    it("cannot build a month from a quarter", () => {
      const b = beeld(gemeente("GM0001"), "2024-05", jaar)
      assert.isNull(delict(b, "phishing").aangiften.waarde)
      assert.deepStrictEqual<ReadonlyArray<string> | undefined>(b.ontbreekt[0]?.ontbrekend, ["2024-05"])
    })
  })

  describe("regio-level registrations", () => {
    const registraties: ReadonlyArray<Registration> = [
      reg("2024", "regio", "phishing", {
        a: 5000,
        m: 900,
        s: 5500,
        schade: 1_300_000_00,
        kwalificaties: { slachtoffers: "ruim" }
      }),
      reg("2024", "regio", "bankhelpdeskfraude", { a: 400, m: null, s: 300, schade: null }),
      reg("2024", "GM0001", "phishing", { a: 30, m: 3, s: 20, schade: 500_00 })
    ]

    it("count for the regio picture", () => {
      const b = beeld(heleRegio, "2024", registraties)
      assert.strictEqual(b.naam, "regio Testregio")
      const phishing = delict(b, "phishing")
      assert.strictEqual(phishing.aangiften.waarde, 5000)
      assert.strictEqual(phishing.slachtoffers.kwalificatie, "ruim")
      assert.isNull(delict(b, "bankhelpdeskfraude").meldingen.waarde)
      assert.deepStrictEqual(b.topDelicten, ["phishing", "bankhelpdeskfraude"])
      assert.strictEqual(b.totaal.aangiften.waarde, 5400)
      heeftOpmerking(b, "niet de som van de gemeenten")
      assert.deepStrictEqual(b.herkomst, [herkomst])
    })

    it("are compared only with regio-level registrations, not with the sum of the gemeenten", () => {
      const b = beeld(heleRegio, "2024", [
        ...registraties,
        ...codes.map((code) => reg("2023", code, "phishing", { a: 500, m: 50, s: 400, schade: 100_00 })),
        reg("2023", "regio", "bankhelpdeskfraude", { a: 200, m: null, s: 150, schade: null })
      ])
      const phishing = delict(b, "phishing")
      assert.isNull(phishing.aangiften.tovVorige.basis)
      assert.isNull(phishing.aangiften.tovVorige.procent)
      assert.deepStrictEqual<unknown>(b.ontbreekt, [
        { gebied: heleRegio, delict: "phishing", periode: "2023", ontbrekend: ["2023"] }
      ])
      heeftOpmerking(b, "vergelijking met 2023 niet mogelijk voor phishing")
      const bankhelpdesk = delict(b, "bankhelpdeskfraude")
      assert.strictEqual(bankhelpdesk.aangiften.tovVorige.absoluut, 200)
      assert.strictEqual(bankhelpdesk.aangiften.tovJaarEerder.procent, 100)
    })

    it("never count for a gemeente or district", () => {
      const aastad = beeld(gemeente("GM0001"), "2024", registraties)
      assert.deepStrictEqual(
        aastad.delicten.map((d) => d.delict),
        ["phishing"]
      )
      assert.strictEqual(delict(aastad, "phishing").aangiften.waarde, 30)
      // the regional share is of the gemeenten's sum, unknown while the other gemeenten have no figures
      assert.isNull(delict(aastad, "phishing").aangiften.aandeelRegio)
      // the district is the sum of its gemeenten with registrations, never the regio's rows: a lower bound
      const noord = beeld(district("noord"), "2024", registraties)
      assert.strictEqual(delict(noord, "phishing").aangiften.waarde, 30)
      assert.strictEqual(delict(noord, "phishing").aangiften.kwalificatie, "meer-dan")
      assert.isNotNull(noord.dekking)
    })
  })

  it("encodes and decodes with the exported schema", () => {
    const b = beeld(district("noord"), "2025-Q1", kwartaal, [
      { vanaf: "2025-01" as Periode, delicten: [], reden: "nieuwe indeling", herkomst }
    ])
    const encoded = Schema.encodeSync(InformatiebeeldSchema)(b)
    const decoded = Schema.decodeUnknownSync(InformatiebeeldSchema)(JSON.parse(JSON.stringify(encoded)))
    assert.deepStrictEqual(decoded, b)
  })
})

// ---------------------------------------------------------------------------------------------------------
// properties
// ---------------------------------------------------------------------------------------------------------

const propDelicten = ["phishing", "hacken", "datingfraude"] as const satisfies ReadonlyArray<Delict>

const count = fc.integer({ min: 0, max: 5_000 })
const rij = fc.record({ a: count, m: count, s: count, schade: fc.integer({ min: 0, max: 10_000_000 }) })
/** Known figures for every gemeente and delict in 2025-Q1. */
const volledig = fc
  .tuple(...codes.map(() => fc.tuple(...propDelicten.map(() => rij))))
  .map((perGemeente) =>
    perGemeente.flatMap((perDelict, g) =>
      perDelict.map((c, d) => reg("2025-Q1", bekend(codes[g]), bekend(propDelicten[d]), c))
    )
  )

describe("Informatiebeeld properties", () => {
  it("ranks the gemeenten as a permutation of 1..n", () => {
    fc.assert(
      fc.property(volledig, (registraties) => {
        const beelden = codes.map((code) => beeld(gemeente(code), "2025-Q1", registraties))
        for (const d of propDelicten) {
          const posities = beelden.map((b) => delict(b, d).rang?.positie).sort()
          assert.deepStrictEqual(posities, [1, 2, 3, 4])
        }
        assert.deepStrictEqual(beelden.map((b) => b.totaal.rang?.positie).sort(), [1, 2, 3, 4])
      })
    )
  })

  it("shares of the gemeenten add up to 100% when all are known", () => {
    fc.assert(
      fc.property(volledig, (registraties) => {
        const beelden = codes.map((code) => beeld(gemeente(code), "2025-Q1", registraties))
        for (const maat of maten) {
          for (const d of propDelicten) {
            const regioTotaal = beelden.reduce((acc, b) => acc + (delict(b, d)[maat].waarde ?? 0), 0)
            const aandelen = beelden.map((b) => delict(b, d)[maat].aandeelRegio)
            if (regioTotaal === 0) {
              assert.isTrue(aandelen.every((a) => a === null))
            } else {
              assert.closeTo(
                aandelen.reduce((acc: number, a) => acc + (a ?? Number.NaN), 0),
                100,
                1e-9
              )
            }
          }
        }
      })
    )
  })

  it("totals equal the sum of the delicts when all are known", () => {
    fc.assert(
      fc.property(volledig, (registraties) => {
        for (const gebied of [...codes.map(gemeente), district("noord"), district("zuid"), heleRegio]) {
          const b = beeld(gebied, "2025-Q1", registraties)
          for (const maat of maten) {
            assert.strictEqual(
              b.totaal[maat].waarde,
              b.delicten.reduce((acc, d) => acc + (d[maat].waarde ?? Number.NaN), 0)
            )
          }
        }
      })
    )
  })

  it("scaling all counts by k scales the figures per 10.000 inhabitants by k", () => {
    fc.assert(
      fc.property(volledig, fc.integer({ min: 2, max: 50 }), (registraties, k) => {
        const geschaald = registraties.map((r) => ({
          ...r,
          aangiften: r.aangiften === null ? null : r.aangiften * k,
          meldingen: r.meldingen === null ? null : r.meldingen * k,
          slachtoffers: r.slachtoffers === null ? null : r.slachtoffers * k,
          schade: r.schade === null ? null : ((r.schade * k) as Money)
        }))
        for (const gebied of [gemeente("GM0001"), district("noord")]) {
          const origineel = beeld(gebied, "2025-Q1", registraties)
          const maal = beeld(gebied, "2025-Q1", geschaald)
          for (const maat of maten) {
            close(maal.totaal[maat].perTienduizend, bekend(origineel.totaal[maat].perTienduizend) * k)
            for (const d of propDelicten) {
              close(
                delict(maal, d)[maat].perTienduizend,
                bekend(delict(origineel, d)[maat].perTienduizend) * k
              )
            }
          }
        }
      })
    )
  })
})

describe("partial data (property)", () => {
  it("a regio with gemeenten without registrations is the sum of the others, a lower bound of any completion", () => {
    fc.assert(
      fc.property(
        fc.tuple(count, count, count, count),
        fc.subarray([...codes], { minLength: 1 }),
        fc.tuple(count, count, count, count),
        (aantallen, bekend, aanvulling) => {
          const rows = codes.flatMap((code, i) =>
            bekend.includes(code) ? [reg("2025-Q1", code, "phishing", { a: aantallen[i] ?? 0 })] : []
          )
          const deels = beeld(heleRegio, "2025-Q1", rows)
          const som = codes.reduce((n, code, i) => n + (bekend.includes(code) ? (aantallen[i] ?? 0) : 0), 0)
          const totaal = deels.totaal.aangiften
          if (bekend.length === codes.length)
            return deels.dekking === null && totaal.waarde === som && totaal.kwalificatie === undefined
          // the missing gemeenten filled in with any figures: never below the partial sum
          const heel = beeld(heleRegio, "2025-Q1", [
            ...rows,
            ...codes.flatMap((code, i) =>
              bekend.includes(code) ? [] : [reg("2025-Q1", code, "phishing", { a: aanvulling[i] ?? 0 })]
            )
          ])
          return (
            totaal.waarde === som &&
            totaal.kwalificatie === "meer-dan" &&
            totaal.perTienduizend === null &&
            deels.dekking?.gemeenten === bekend.length &&
            deels.dekking.zonder.length === codes.length - bekend.length &&
            heel.dekking === null &&
            (heel.totaal.aangiften.waarde ?? -1) >= som
          )
        }
      )
    )
  })
})
