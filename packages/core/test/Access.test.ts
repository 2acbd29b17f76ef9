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

  it("lets a gemeente read its registrations and write its activities, and nothing else", () => {
    for (const actie of [
      "registraties:lezen",
      "activiteiten:lezen",
      "activiteiten:schrijven",
      "imports:schrijven"
    ] as const)
      assert.isTrue(Access.allows({ rol: "gemeente" }, actie), actie)
    for (const actie of [
      "audit:lezen",
      "metingen:schrijven",
      "gebieden:schrijven",
      "programma:schrijven",
      "tokens:beheren"
    ] as const)
      assert.isFalse(Access.allows({ rol: "gemeente" }, actie), actie)
    assert.deepStrictEqual(
      Access.Gegevens.literals.filter((g) => Access.mayWrite({ rol: "gemeente" }, g)),
      ["activiteiten"]
    )
  })

  it("lets only the beheerder write the geography, by any route", () => {
    for (const rol of Access.Rol.literals)
      assert.strictEqual(Access.mayWrite({ rol }, "gebieden"), rol === "beheerder", rol)
  })
})

describe("undo", () => {
  const district = Access.onlyGemeenten(["GM0344", "GM0307"])
  const row = (gegevens: Access.Gegevens, gemeente: string | null) => ({ gegevens, gemeente })

  it("needs the right to write everything the import changed", () => {
    assert.isTrue(Access.mayUndo({ rol: "district" }, district, [row("registraties", "GM0344")]))
    // A beheerder's import of the geography of the district's own gemeenten.
    assert.isFalse(
      Access.mayUndo({ rol: "district" }, district, [row("gebieden", "GM0307"), row("gebieden", null)])
    )
    assert.isFalse(Access.mayUndo({ rol: "programma" }, Access.everything, [row("gebieden", "GM0307")]))
    assert.isTrue(Access.mayUndo({ rol: "beheerder" }, Access.everything, [row("gebieden", "GM0307")]))
    // Rows of another gemeente, or about the region only.
    assert.isFalse(
      Access.mayUndo({ rol: "district" }, district, [
        row("registraties", "GM0344"),
        row("registraties", "GM0345")
      ])
    )
    assert.isFalse(Access.mayUndo({ rol: "district" }, district, [row("registraties", null)]))
    assert.isFalse(Access.mayUndo({ rol: "district" }, district, []))
    assert.isFalse(
      Access.mayUndo({ rol: "gemeente" }, Access.onlyGemeenten(["GM0344"]), [row("registraties", "GM0344")])
    )
    assert.isTrue(
      Access.mayUndo({ rol: "gemeente" }, Access.onlyGemeenten(["GM0344"]), [row("activiteiten", "GM0344")])
    )
  })

  it("never lets a scoped principal undo a change outside what it sees", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("district", "gemeente" as const),
        fc.array(
          fc.record({
            gegevens: fc.constantFrom(...Access.Gegevens.literals),
            gemeente: fc.constantFrom("GM0344", "GM0307", "GM0345", null)
          })
        ),
        (rol, changed) => {
          if (Access.mayUndo({ rol }, district, changed))
            for (const c of changed) {
              assert.isTrue(c.gemeente !== null && Access.sees(district, c.gemeente))
              assert.isTrue(Access.mayWrite({ rol }, c.gegevens))
            }
        }
      )
    )
  })
})

describe("scope", () => {
  it("gives a gemeente its own code, a district the gemeenten of its district, the region roles all", () => {
    assert.deepStrictEqual(
      Access.visibility({ rol: "gemeente", scope: Access.parseScope("GM0344") }, regio.gemeenten),
      Access.onlyGemeenten(["GM0344"])
    )
    assert.deepStrictEqual(
      Access.visibility({ rol: "district", scope: Access.parseScope("noord") }, regio.gemeenten),
      Access.onlyGemeenten(["GM0344", "GM0307"])
    )
    assert.deepStrictEqual(
      Access.visibility({ rol: "programma", scope: null }, regio.gemeenten),
      Access.everything
    )
    assert.isFalse(
      Access.maySeeGemeente({ rol: "gemeente", scope: Access.parseScope("GM0344") }, regio, "GM0307")
    )
  })

  it("sees nothing in detail when the scope names no gemeente of the region", () => {
    assert.deepStrictEqual(
      Access.visibility({ rol: "gemeente", scope: Access.parseScope("GM9999") }, regio.gemeenten),
      Access.onlyGemeenten([])
    )
    assert.deepStrictEqual(
      Access.visibility({ rol: "district", scope: Access.parseScope("zuid") }, regio.gemeenten),
      Access.onlyGemeenten([])
    )
  })

  it("always shows rows about aggregates, and a gemeente's rows only to what sees it", () => {
    const utrecht = Access.onlyGemeenten(["GM0344"])
    assert.isTrue(Access.sees(utrecht, null))
    assert.isTrue(Access.sees(utrecht, "GM0344"))
    assert.isFalse(Access.sees(utrecht, "GM0307"))
    assert.isTrue(Access.sees(Access.everything, "GM0307"))
    assert.throws(() => Access.onlyGemeenten(["Utrecht"]))
  })

  it("refuses a token scope the region does not know, naming the known ones", () => {
    assert.isUndefined(Access.unknownScope(Access.parseScope("GM0344"), regio))
    assert.isUndefined(Access.unknownScope(Access.parseScope("noord"), regio))
    assert.include(Access.unknownScope(Access.parseScope("GM9999"), regio), "GM0344 (Utrecht)")
    assert.include(Access.unknownScope(Access.parseScope("bestaat-niet"), regio), "noord (Noord)")
    assert.include(
      Access.unknownScope(Access.parseScope("noord"), { ...regio, districten: [] }),
      "kent nog geen districten"
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
