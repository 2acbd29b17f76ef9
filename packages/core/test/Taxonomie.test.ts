import { assert, describe, it } from "@effect/vitest"
import { Result, Schema } from "effect"
import { Bron, Registration, Taxonomie } from "../src/index.ts"

const decode = Schema.decodeUnknownResult(Taxonomie.Lijst)

describe("taxonomies as data", () => {
  it("bundles the twelve delict types and the five kinds of source as versioned lists that decode", () => {
    for (const lijst of [Registration.delictenlijst, Bron.bronnenlijst]) {
      const result = decode(Schema.encodeSync(Taxonomie.Lijst)(lijst))
      if (Result.isFailure(result)) assert.fail(result.failure.message)
    }
    assert.lengthOf(Registration.delictenlijst.termen, 12)
    assert.deepStrictEqual(Taxonomie.codes(Registration.delictenlijst), Registration.Delict.literals)
    assert.deepStrictEqual(Taxonomie.codes(Bron.bronnenlijst), Bron.Bron.literals)
  })

  it("labels come from the list", () => {
    assert.strictEqual(Registration.delictLabel("aan-en-verkoopfraude"), "aan- en verkoopfraude")
    assert.strictEqual(Registration.delictLabel("vriend-in-nood-fraude"), "vriend-in-noodfraude")
    assert.strictEqual(Registration.delictLabel("phishing"), "phishing")
    assert.strictEqual(Bron.bronLabel.cbs, "CBS")
    assert.strictEqual(Taxonomie.label(Registration.delictenlijst, "onbekend-type"), "onbekend-type")
  })

  it("refuses a list with a code twice, or a code that is not an id", () => {
    const base = Schema.encodeSync(Taxonomie.Lijst)(Registration.delictenlijst)
    const twice = decode({ ...base, termen: [...base.termen, { code: "phishing", label: "Phishing" }] })
    if (Result.isSuccess(twice)) return assert.fail("accepted")
    assert.include(twice.failure.message, "delicten dvcc-1: code phishing staat dubbel")
    const blank = decode({ ...base, termen: [{ code: "Online fraude ", label: "online fraude" }] })
    if (Result.isSuccess(blank)) return assert.fail("accepted")
    assert.include(blank.failure.message, "is geen geldige id van een code")
  })

  it("keeps an optional mapping to the police's maatschappelijke klasse and the CBS code", () => {
    const result = decode({
      naam: "delicten",
      versie: "2025",
      termen: [
        {
          code: "online-fraude",
          label: "online fraude",
          politie: "klasse uit de bron",
          cbs: "code uit de bron"
        }
      ],
      herkomst: { document: "test", sectie: "test" }
    })
    if (Result.isFailure(result)) return assert.fail(result.failure.message)
    assert.strictEqual(result.success.termen[0].politie, "klasse uit de bron")
  })
})
