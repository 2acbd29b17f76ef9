import { Dataset } from "@dvcc/core"
import { assert, describe, it } from "@effect/vitest"
import { Result, Schema } from "effect"
import { encodedDataset } from "../src/index.ts"

type DeepMutable<T> =
  T extends ReadonlyArray<infer A>
    ? Array<DeepMutable<A>>
    : T extends object
      ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
      : T

type Encoded = DeepMutable<typeof Dataset.Dataset.Encoded>

const decode = Schema.decodeUnknownResult(Dataset.Dataset)

/** The message core gives when a mutated copy of the bundled data is decoded. */
const refusal = (mutate: (data: Encoded) => void): string => {
  const copy = structuredClone(encodedDataset) as unknown as Encoded
  mutate(copy)
  const result = decode(copy)
  if (Result.isSuccess(result)) return assert.fail("the mutated dataset was accepted")
  return result.failure.message
}

const indexOf = <A>(items: ReadonlyArray<A>, predicate: (a: A) => boolean): number => {
  const index = items.findIndex(predicate)
  assert.isAtLeast(index, 0)
  return index
}

const at = (...path: ReadonlyArray<string | number>) =>
  path.map((key) => (typeof key === "number" ? `[${key}]` : `["${key}"]`)).join("")

describe("bad data is refused with the record and field", () => {
  it("accepts the bundled data as it is", () => {
    assert.isTrue(Result.isSuccess(decode(encodedDataset)))
  })

  it("refuses a traject whose target year lies before its baseline", () => {
    const i = indexOf(encodedDataset.indicatoren, (x) => x.jaar === 2025 && x.id === "aangiftebereidheid")
    const message = refusal((d) => {
      const regel = d.indicatoren[i]?.regel
      if (regel?.soort !== "traject") return assert.fail("aangiftebereidheid is a traject")
      regel.doel.periode = "2022"
    })
    assert.include(
      message,
      "indicator 2025/aangiftebereidheid: doeljaar 2022 ligt niet na het basisjaar 2023"
    )
    assert.include(message, at("indicatoren", i, "regel", "doel", "periode"))
  })

  it("refuses a predecessor that does not exist", () => {
    const i = indexOf(encodedDataset.indicatoren, (x) => x.jaar === 2026 && x.id === "kennisbijeenkomsten")
    const message = refusal((d) => {
      const indicator = d.indicatoren[i]
      if (indicator !== undefined) indicator.voorganger = { jaar: 2024, id: "kennisbijeenkomsten" }
    })
    assert.include(
      message,
      "indicator 2026/kennisbijeenkomsten: voorganger 2024/kennisbijeenkomsten bestaat niet"
    )
    assert.include(message, at("indicatoren", i, "voorganger"))
  })

  it("refuses a percentage above 100 for a % indicator", () => {
    const i = indexOf(encodedDataset.metingen, (m) => m.id === "m-2025-aangiftebereidheid-cbs-2024")
    const message = refusal((d) => {
      const meting = d.metingen[i]
      if (meting !== undefined) meting.waarde = 118
    })
    assert.include(message, "meting m-2025-aangiftebereidheid-cbs-2024: 118 is geen percentage")
    assert.include(message, at("metingen", i, "waarde"))
  })

  it("refuses a measurement for a gemeente outside the region", () => {
    const i = indexOf(encodedDataset.metingen, (m) => m.id === "m-2025-echt-nep-bereik")
    const message = refusal((d) => {
      const meting = d.metingen[i]
      if (meting !== undefined) meting.gebied = { niveau: "gemeente", code: "GM0999" }
    })
    assert.include(message, "meting m-2025-echt-nep-bereik: gemeente GM0999 hoort niet bij de regio")
    assert.include(message, at("metingen", i, "gebied"))
  })

  it("refuses a registration for a gemeente outside the region", () => {
    const i = indexOf(encodedDataset.registraties, (r) => r.delict === "beleggingsfraude")
    const message = refusal((d) => {
      const registratie = d.registraties[i]
      if (registratie !== undefined) registratie.gebied = { niveau: "gemeente", code: "GM0999" }
    })
    assert.include(message, "registratie 2024 beleggingsfraude: gemeente GM0999 hoort niet bij de regio")
    assert.include(message, at("registraties", i, "gebied"))
  })

  it("refuses a measurement of an unknown indicator", () => {
    const i = indexOf(encodedDataset.metingen, (m) => m.id === "m-2025-kennisbijeenkomsten")
    const message = refusal((d) => {
      const meting = d.metingen[i]
      if (meting !== undefined) meting.indicator = "bestaat-niet"
    })
    assert.include(message, "meting m-2025-kennisbijeenkomsten: onbekende indicator 2025/bestaat-niet")
    assert.include(message, at("metingen", i, "indicator"))
  })

  it("refuses a measurement of an indicator that exists only in another year", () => {
    const i = indexOf(encodedDataset.metingen, (m) => m.id === "m-2025-train-de-trainer")
    const message = refusal((d) => {
      const meting = d.metingen[i]
      if (meting !== undefined) meting.jaar = 2026
    })
    assert.include(message, "meting m-2025-train-de-trainer: onbekende indicator 2026/train-de-trainer")
    assert.include(message, at("metingen", i, "indicator"))
  })

  it("refuses a beoogd resultaat that names an unknown indicator", () => {
    const p = indexOf(encodedDataset.jaarplannen, (plan) => plan.jaar === 2026)
    const plan = encodedDataset.jaarplannen[p]
    assert.isDefined(plan)
    const a = indexOf(plan.acties, (actie) => actie.nummer === 6)
    const message = refusal((d) => {
      const resultaat = d.jaarplannen[p]?.acties[a]?.beoogdeResultaten[0]
      if (resultaat !== undefined) resultaat.indicator = "bestaat-niet"
    })
    assert.include(message, "actie 6 van 2026: onbekende indicator bestaat-niet")
    assert.include(message, at("jaarplannen", p, "acties", a, "beoogdeResultaten", 0, "indicator"))
  })

  it("refuses a mijlpaal the indicator does not have", () => {
    const i = indexOf(encodedDataset.metingen, (m) => m.id === "m-2025-campagnemateriaal-ontwikkeld")
    const message = refusal((d) => {
      const meting = d.metingen[i]
      if (meting !== undefined) meting.mijlpaal = "verspreid"
    })
    assert.include(message, "meting m-2025-campagnemateriaal-ontwikkeld: onbekende mijlpaal verspreid")
    assert.include(message, at("metingen", i, "mijlpaal"))
  })
})
