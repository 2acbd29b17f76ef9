import { Result, Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Activity, Bespreking, type Periode } from "../src/index.ts"

const decodeActivity = Schema.decodeUnknownResult(Activity.Activity)
const message = (input: unknown): string => {
  const r = decodeActivity(input)
  return Result.isFailure(r) ? String(r.failure) : "geldig"
}

const bespreking = {
  id: "act-2025-12-15-GM0307-informatiebeeld-besproken-in-driehoek-0123456789",
  datum: "2025-12-15",
  gemeente: "GM0307",
  soort: "informatiebeeld-besproken-in-driehoek",
  bespreking: {
    informatiebeeld: "2025-Q4",
    deelnemers: ["burgemeester", "politie basisteam", "OM"],
    afspraken: [
      {
        id: "a1",
        wat: "Voorlichting senioren over phishing",
        wie: "gemeente",
        uiterlijk: "2026-03-01",
        status: "open"
      },
      {
        id: "a2",
        wat: "Cijfers helpdeskfraude uitzoeken",
        wie: "politie",
        status: "afgerond",
        afgerondOp: "2026-01-10"
      }
    ]
  }
}

describe("Bespreking", () => {
  it("decodes a bespreking with its afspraken", () => {
    expect(message(bespreking)).toBe("geldig")
  })

  it("refuses a bespreking on another soort, naming the field", () => {
    expect(message({ ...bespreking, soort: "kennisbijeenkomst" })).toContain(
      "een bespreking hoort alleen bij soort informatiebeeld-besproken-in-driehoek"
    )
  })

  it("bounds every text and list with a Dutch message naming the field", () => {
    const afspraak = bespreking.bespreking.afspraken[0]
    const met = (b: object) => message({ ...bespreking, bespreking: { ...bespreking.bespreking, ...b } })
    expect(met({ deelnemers: ["x".repeat(101)] })).toContain("deelnemer is langer dan 100 tekens")
    expect(met({ deelnemers: Array.from({ length: 21 }, () => "OM") })).toContain("deelnemers: meer dan 20")
    expect(met({ afspraken: [{ ...afspraak, wat: " " }] })).toContain("wat (de afspraak) is leeg")
    expect(met({ afspraken: [{ ...afspraak, wie: "w".repeat(201) }] })).toContain(
      "wie (wie de afspraak uitvoert) is langer"
    )
    expect(met({ afspraken: [afspraak, afspraak] })).toContain("afspraak-id a1 staat twee keer")
    expect(met({ afspraken: [{ ...afspraak, id: "x" }] })).toContain("geen afspraak-id")
    expect(met({ afspraken: [{ ...afspraak, status: "afgerond" }] })).toContain("afgerondOp ontbreekt")
    expect(
      met({ afspraken: Array.from({ length: 51 }, (_, i) => ({ ...afspraak, id: `a${i + 1}` })) })
    ).toContain("afspraken: meer dan 50")
    expect(met({ informatiebeeld: "Q4" })).toContain("is geen periode")
  })

  it("marks an afspraak afgerond once, keeping the first date, and knows no other id", () => {
    const b = decodeActivity(bespreking).pipe(Result.getOrThrow).bespreking as Bespreking.Bespreking
    const done = Bespreking.afronden(b, "a1", "2026-02-01" as never)
    expect(done?.afspraken[0]).toMatchObject({ status: "afgerond", afgerondOp: "2026-02-01" })
    expect(
      Bespreking.afronden(done as Bespreking.Bespreking, "a1", "2026-05-01" as never)?.afspraken[0]
        ?.afgerondOp
    ).toBe("2026-02-01")
    expect(Bespreking.afronden(b, "a9", "2026-02-01" as never)).toBeUndefined()
  })

  it("lists open afspraken, te laat when uiterlijk has passed", () => {
    const a = decodeActivity(bespreking).pipe(Result.getOrThrow)
    const before = Bespreking.open([a], "2026-03-01" as never)
    expect(before.map((o) => [o.afspraak.id, o.teLaat])).toEqual([["a1", false]])
    expect(before[0]?.informatiebeeld).toBe("2025-Q4" as Periode.Periode)
    expect(Bespreking.open([a], "2026-03-02" as never).map((o) => o.teLaat)).toEqual([true])
  })

  it("never reuses an afspraak id", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { maxLength: 30 }), (ns) => {
        const afspraken = ns.map((n) => ({ id: `a${n}` }))
        const next = Bespreking.nextId(afspraken)
        expect(afspraken.some((a) => a.id === next)).toBe(false)
        expect(Number(next.slice(1))).toBeGreaterThan(Math.max(0, ...ns))
      })
    )
  })
})
