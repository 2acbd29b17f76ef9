import { assert, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import fc from "fast-check"
import { Access, type Geography } from "../src/index.ts"

const regio = {
  naam: "Test",
  districten: [{ id: "noord", naam: "Noord" }],
  basisteams: [],
  gemeenten: [
    {
      code: "GM0344",
      naam: "Utrecht",
      provincie: "Utrecht",
      district: "noord",
      basisteam: null,
      inwoners: []
    },
    {
      code: "GM0307",
      naam: "Amersfoort",
      provincie: "Utrecht",
      district: "noord",
      basisteam: null,
      inwoners: []
    },
    {
      code: "GM0345",
      naam: "Veenendaal",
      provincie: "Utrecht",
      district: null,
      basisteam: null,
      inwoners: []
    }
  ]
} as unknown as Geography.Regio

describe("the role matrix", () => {
  it("lets the beheerder do everything and only the beheerder manage tokens", () => {
    for (const actie of Access.Actie.literals) assert.isTrue(Access.allows({ rol: "beheerder" }, actie))
    for (const rol of ["programma", "district", "gemeente"] as const)
      assert.isFalse(Access.allows({ rol }, "tokens:beheren"))
  })

  it("lets every role read the regional aggregates, and only beheerder and programma write the plans", () => {
    fc.assert(
      fc.property(fc.constantFrom(...Access.Rol.literals), (rol) => {
        assert.isTrue(Access.allows({ rol }, "programma:lezen"))
        assert.strictEqual(
          Access.allows({ rol }, "programma:schrijven"),
          rol === "beheerder" || rol === "programma"
        )
      })
    )
  })

  it("keeps a gemeente from registrations, audit and imports", () => {
    for (const actie of [
      "registraties:lezen",
      "audit:lezen",
      "imports:schrijven",
      "activiteiten:schrijven"
    ] as const)
      assert.isFalse(Access.allows({ rol: "gemeente" }, actie))
  })
})

describe("scope", () => {
  it("gives a gemeente its own code, a district the gemeenten of its district, the region roles all", () => {
    assert.deepStrictEqual(
      Access.gemeentenInScope({ rol: "gemeente", scope: Access.parseScope("GM0344") }, regio),
      ["GM0344" as Geography.CbsCode]
    )
    assert.deepStrictEqual(
      Access.gemeentenInScope({ rol: "district", scope: Access.parseScope("noord") }, regio),
      ["GM0344", "GM0307"] as Array<Geography.CbsCode>
    )
    assert.strictEqual(Access.gemeentenInScope({ rol: "programma", scope: null }, regio), "alle")
    assert.isFalse(
      Access.maySeeGemeente({ rol: "gemeente", scope: Access.parseScope("GM0344") }, regio, "GM0307")
    )
  })

  it("sees nothing in detail when the scope names no gemeente of the region", () => {
    assert.deepStrictEqual(
      Access.gemeentenInScope({ rol: "gemeente", scope: Access.parseScope("GM9999") }, regio),
      []
    )
    assert.deepStrictEqual(
      Access.gemeentenInScope({ rol: "district", scope: Access.parseScope("zuid") }, regio),
      []
    )
  })

  it("refuses a principal whose scope does not fit its role", () => {
    const decode = Schema.decodeUnknownExit(Access.Principal)
    const base = { tokenId: "t1", naam: "test" }
    assert.isTrue(
      decode({ ...base, rol: "gemeente", scope: { niveau: "gemeente", code: "GM0344" } })._tag === "Success"
    )
    for (const wrong of [
      { rol: "gemeente", scope: null },
      { rol: "gemeente", scope: { niveau: "district", id: "noord" } },
      { rol: "programma", scope: { niveau: "gemeente", code: "GM0344" } },
      { rol: "district", scope: { niveau: "gemeente", code: "GM0344" } }
    ])
      assert.strictEqual(decode({ ...base, ...wrong })._tag, "Failure", JSON.stringify(wrong))
  })
})
