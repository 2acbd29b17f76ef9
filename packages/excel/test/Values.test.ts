import { Activity, Bron, Money, Periode, Registration } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import fc from "fast-check"
import { assert, describe, it } from "vitest"
import { Contract, Values } from "../src/index.ts"

const text = (value: string): Values.Cell => ({ _tag: "text", value })
const num = (value: number, percent = false): Values.Cell => ({ _tag: "number", value, percent })
const value = <A>(reading: Values.Reading<A>): A | string =>
  reading._tag === "ok" ? reading.value : `invalid:${reading.code}`

describe("Values: Dutch numbers", () => {
  it("reads numbers as people type them", () => {
    const cases: ReadonlyArray<readonly [string, number | undefined]> = [
      ["1.234,56", 1234.56],
      ["1234,5", 1234.5],
      ["1.234", 1234],
      ["1.300.000", 1_300_000],
      ["€ 1.300.000", 1_300_000],
      ["€\u00a01.300.000,00 ", 1_300_000],
      ["16.9", 16.9],
      ["1,234,567", 1_234_567],
      ["  12\u00a0", 12],
      ["-3", -3],
      ["1.23.4", undefined],
      ["twaalf", undefined],
      ["", undefined]
    ]
    for (const [input, expected] of cases) {
      assert.strictEqual(Values.parseDutchNumber(input)?.value, expected, input)
    }
    assert.deepStrictEqual(Values.parseDutchNumber("16,9%"), { value: 16.9, percent: true })
  })

  it("reads back every amount as Dutch Excel shows it (property)", () => {
    const nl = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (cents) => {
        const shown = `€ ${nl.format(cents / 100)}`
        const read = Values.readMoney(text(shown))
        return read._tag === "ok" && read.value === cents
      })
    )
  })

  it("reads integers, money and percentages, refusing what is not one", () => {
    assert.strictEqual(value(Values.readInteger(text("1.234"))), 1234)
    assert.strictEqual(value(Values.readInteger(num(12))), 12)
    assert.strictEqual(value(Values.readInteger(num(12.5))), "invalid:geen-geheel-getal")
    assert.strictEqual(value(Values.readInteger(text("-1"))), "invalid:negatief")
    assert.strictEqual(value(Values.readInteger(text("veel"))), "invalid:geen-getal")
    assert.strictEqual(value(Values.readMoney(num(1234.56))) as number, 123_456)
    assert.strictEqual(value(Values.readNumber(num(0.169, true))), 16.9)
    assert.strictEqual(value(Values.readNumber(text("16,9%"))), 16.9)
    assert.strictEqual(value(Values.readNumber(num(16.9))), 16.9)
  })
})

describe("Values: dates and periods", () => {
  it("reads dates day first, typed or real", () => {
    for (const typed of [
      "3-2-2025",
      "03/02/2025",
      "3.2.25",
      "3 februari 2025",
      "2025-02-03",
      " 03-02-2025\u00a0"
    ]) {
      assert.strictEqual(value(Values.readDatum(text(typed))), "2025-02-03", typed)
    }
    assert.strictEqual(
      value(Values.readDatum({ _tag: "date", value: new Date(Date.UTC(2025, 1, 3)) })),
      "2025-02-03"
    )
    assert.strictEqual(value(Values.readDatum(num(45691))), "2025-02-03")
    assert.strictEqual(value(Values.readDatum(text("31-2-2025"))), "invalid:geen-datum")
    assert.strictEqual(value(Values.readDatum(text("2-30-2025"))), "invalid:geen-datum")
  })

  it("reads every date back as written d-m-yyyy (property)", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1990, 0, 1)),
          max: new Date(Date.UTC(2100, 11, 31)),
          noInvalidDate: true
        }),
        (d) => {
          const typed = `${d.getUTCDate()}-${d.getUTCMonth() + 1}-${d.getUTCFullYear()}`
          return Values.parseDatum(typed) === d.toISOString().slice(0, 10)
        }
      )
    )
  })

  it("reads periods in their usual spellings", () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ["2025", "2025"],
      ["2025-Q1", "2025-Q1"],
      ["2025 Q3", "2025-Q3"],
      ["Q4 2025", "2025-Q4"],
      ["2025-03", "2025-03"],
      ["03-2025", "2025-03"],
      ["maart 2025", "2025-03"],
      ["Mrt 2025", "2025-03"]
    ]
    for (const [typed, periode] of cases) assert.strictEqual(Values.parsePeriode(typed), periode, typed)
    assert.isUndefined(Values.parsePeriode("2025-13"))
    assert.isUndefined(Values.parsePeriode("2025-Q5"))
    assert.strictEqual(value(Values.readPeriode(num(2025))), "2025")
    assert.strictEqual(
      value(Values.readPeriode({ _tag: "date", value: new Date(Date.UTC(2025, 2, 1)) })),
      "2025-03"
    )
  })

  it("reads back every period's Dutch label (property)", () => {
    const periode = fc.oneof(
      fc.integer({ min: 1990, max: 2100 }).map(Periode.jaar),
      fc
        .tuple(
          fc.integer({ min: 1990, max: 2100 }),
          fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>
        )
        .map(([y, q]) => Periode.kwartaal(y, q)),
      fc
        .tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }))
        .map(([y, m]) => Periode.maand(y, m))
    )
    fc.assert(
      fc.property(periode, (p) => Values.parsePeriode(Periode.label(p)) === p && Values.parsePeriode(p) === p)
    )
  })
})

describe("Contract: the label lists", () => {
  it("covers every value of core's lists, and reads back the label each export writes", () => {
    const lists = [
      ["activiteitSoort", Activity.ActiviteitSoort.literals],
      ["doelgroep", Activity.Doelgroep.literals],
      ["delict", Registration.Delict.literals],
      ["bron", Bron.Bron.literals]
    ] as const
    for (const [list, literals] of lists) {
      assert.sameMembers(
        Contract.labelLists[list].map((l) => l.value),
        [...literals],
        list
      )
      for (const literal of literals) {
        assert.strictEqual(Contract.canonicalOf(list, Contract.labelOf(list, literal)), literal)
        assert.strictEqual(Contract.canonicalOf(list, literal), literal)
      }
    }
  })

  it("accepts the variants people write", () => {
    assert.strictEqual(
      Contract.canonicalOf("activiteitSoort", "Echt-Nep-bijeenkomst"),
      "echt-nep-bijeenkomst"
    )
    assert.strictEqual(Contract.canonicalOf("activiteitSoort", "RIEC casus"), "riec-casus")
    assert.strictEqual(Contract.canonicalOf("activiteitSoort", " Train de Trainer "), "train-de-trainer")
    assert.strictEqual(Contract.canonicalOf("delict", "Aan- en verkoopfraude"), "aan-en-verkoopfraude")
    assert.strictEqual(Contract.canonicalOf("delict", "WhatsApp-fraude"), "vriend-in-nood-fraude")
    assert.strictEqual(Contract.canonicalOf("doelgroep", "mkb"), "mkb")
    assert.isUndefined(Contract.canonicalOf("delict", "spam"))
    assert.deepStrictEqual(Values.closestLabels("delict", "fishingg").slice(0, 1), ["phishing"])
  })

  it("matches headers case-, accent- and whitespace-insensitively, aliases included", () => {
    assert.strictEqual(Contract.columnFor("registraties", "  SCHADE (€) ")?.field, "schade")
    assert.strictEqual(Contract.columnFor("registraties", "Schade")?.field, "schade")
    assert.strictEqual(Contract.columnFor("activiteiten", "activitéit")?.field, "soort")
    assert.strictEqual(Contract.columnFor("gebieden", "Aantal\u00a0inwoners")?.field, "inwoners")
    assert.isUndefined(Contract.columnFor("registraties", "Opmerking"))
    assert.strictEqual(Contract.kindOfName("registraties 2025"), "registraties")
    assert.isUndefined(Contract.kindOfName("Instructies"))
  })

  it("reads back the area every export writes", () => {
    const { regio } = dataset
    for (const g of regio.gemeenten) {
      const gebied = { niveau: "gemeente", code: g.code } as const
      assert.deepStrictEqual(Contract.gebiedOf(regio, Contract.gebiedLabel(regio, gebied)), gebied)
      assert.deepStrictEqual(Contract.gebiedOf(regio, g.code), gebied)
    }
    assert.deepStrictEqual(Contract.gebiedOf(regio, "regio"), { niveau: "regio" })
    assert.deepStrictEqual(Contract.gebiedOf(regio, "Midden-Nederland"), { niveau: "regio" })
    assert.isUndefined(Contract.gebiedOf(regio, "Amsterdam"))
    assert.isUndefined(Contract.gemeenteOf(regio, "GM0363"))
  })

  it("gives every sheet kind its required columns in template order", () => {
    assert.deepStrictEqual(
      Contract.sheets.map((s) => [s.name, s.columns.filter((c) => c.required).map((c) => c.header)]),
      [
        ["Activiteiten", ["Datum", "Gemeente", "Activiteit"]],
        ["Registraties", ["Periode", "Gemeente", "Delict"]],
        ["Metingen", ["Indicator", "Periode", "Waarde"]],
        ["Gebieden", ["Gemeente"]]
      ]
    )
  })
})

describe("notations people use for amounts and unknowns", () => {
  it("reads '€ 2.500,-' as 2.500 euro and '-' as an empty (unknown) cell", () => {
    assert.strictEqual(value(Values.readMoney(text("€ 2.500,-"))), Money.cents(250_000))
    assert.strictEqual(value(Values.readMoney(text("2.500,--"))), Money.cents(250_000))
    assert.strictEqual(value(Values.readInteger(text("12,-"))), 12)
    for (const dash of ["-", " – ", "—"]) assert.isTrue(Values.isEmpty(text(dash)), dash)
    assert.isFalse(Values.isEmpty(text("-3")))
  })
})
