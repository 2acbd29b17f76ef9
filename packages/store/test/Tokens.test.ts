import { Access } from "@dvcc/core"
import { assert, it } from "@effect/vitest"
import { Effect, Layer, Option } from "effect"
import { SqlClient } from "effect/sql"
import { Gebieden, type ProgramStore, Tokens } from "../src/index.ts"
import { type Fresh, onEachDatabase, seeded } from "./databases.ts"

const tokenSuite = (fresh: Fresh) => {
  const withTokens = <A, E>(
    body: (
      tokens: Tokens.Tokens["Service"]
    ) => Effect.Effect<A, E, SqlClient.SqlClient | ProgramStore.ProgramStore | Gebieden.Gebieden>
  ) =>
    Effect.flatMap(Tokens.Tokens, body).pipe(
      Effect.provide(seeded(fresh, Layer.mergeAll(Tokens.Tokens.layer, Gebieden.Gebieden.layer)))
    )

  it.effect(
    "creates a token shown once, stores only its hash, verifies it and lists it without the token",
    () =>
      withTokens((tokens) =>
        Effect.gen(function* () {
          const created = yield* tokens.create(
            { naam: "Utrecht", rol: "gemeente", scope: Access.parseScope("GM0344") },
            "test"
          )
          assert.match(created.token, /^dvcc_[\w-]{43}$/)
          const sql = yield* SqlClient.SqlClient
          const stored = yield* sql.unsafe<Record<string, unknown>>("SELECT * FROM tokens")
          assert.notInclude(JSON.stringify(stored), created.token)
          assert.strictEqual(stored[0]?.hash, Tokens.hash(created.token))
          const audit = yield* sql.unsafe<Record<string, unknown>>(
            "SELECT actor, before, after FROM audit WHERE entity = 'tokens'"
          )
          assert.notInclude(JSON.stringify(audit), created.token)

          const principal = yield* tokens.verify(created.token)
          assert.deepStrictEqual(
            principal,
            Option.some({
              tokenId: created.info.id,
              naam: "Utrecht",
              rol: "gemeente" as const,
              scope: { niveau: "gemeente" as const, code: "GM0344" as never }
            })
          )
          assert.isTrue(Option.isNone(yield* tokens.verify(`${created.token}x`)))
          assert.isTrue(Option.isNone(yield* tokens.verify("")))
          const listed = yield* tokens.list
          assert.deepStrictEqual(listed, [created.info])
        })
      )
  )

  it.effect("revokes a token: it no longer verifies and stays listed as revoked; again changes nothing", () =>
    withTokens((tokens) =>
      Effect.gen(function* () {
        const a = yield* tokens.create({ naam: "beheer", rol: "beheerder", scope: null }, "test")
        const b = yield* tokens.create({ naam: "programma", rol: "programma", scope: null }, "test")
        const revoked = yield* tokens.revoke(a.info.id, "test")
        assert.isNotNull(revoked.ingetrokken)
        assert.isTrue(Option.isNone(yield* tokens.verify(a.token)))
        assert.isTrue(Option.isSome(yield* tokens.verify(b.token)))
        assert.deepStrictEqual(yield* tokens.revoke(a.info.id, "test"), revoked)
        const missing = yield* Effect.flip(tokens.revoke("nope", "test"))
        assert.strictEqual(missing._tag, "TokenNotFound")
        assert.deepStrictEqual((yield* tokens.list).map((t) => [t.naam, t.ingetrokken !== null]).sort(), [
          ["beheer", true],
          ["programma", false]
        ])
      })
    )
  )

  it.effect("refuses a role and scope that do not go together", () =>
    withTokens((tokens) =>
      Effect.gen(function* () {
        for (const wrong of [
          { naam: "x", rol: "gemeente" as const, scope: null },
          { naam: "x", rol: "beheerder" as const, scope: Access.parseScope("GM0344") },
          { naam: "x", rol: "gemeente" as const, scope: Access.parseScope("noord") }
        ]) {
          const error = yield* Effect.flip(tokens.create(wrong, "test"))
          assert.strictEqual(error._tag, "InvalidToken")
        }
        assert.lengthOf(yield* tokens.list, 0)
      })
    )
  )

  it.effect("refuses a scope that names no gemeente or district of the region, naming the known ones", () =>
    withTokens((tokens) =>
      Effect.gen(function* () {
        const unknownGemeente = yield* Effect.flip(
          tokens.create({ naam: "x", rol: "gemeente", scope: Access.parseScope("GM9999") }, "test")
        )
        assert.include(unknownGemeente.message, "GM9999 is geen gemeente van de regio")
        assert.include(unknownGemeente.message, "GM0344 (Utrecht)")
        const notYet = yield* Effect.flip(
          tokens.create({ naam: "x", rol: "district", scope: Access.parseScope("noord") }, "test")
        )
        assert.include(
          notYet.message,
          "district noord is onbekend; bekende districten: flevoland (Flevoland)"
        )
        // Amersfoort into district Noord: now that district is known, and another still is not.
        yield* (yield* Gebieden.Gebieden).record([{ gemeente: "GM0307" as never, district: "noord" }], {
          importId: "gebieden",
          actor: "test"
        })
        const unknownDistrict = yield* Effect.flip(
          tokens.create({ naam: "x", rol: "district", scope: Access.parseScope("bestaat-niet") }, "test")
        )
        assert.strictEqual(unknownDistrict._tag, "InvalidToken")
        assert.include(unknownDistrict.message, "noord (noord)")
        assert.lengthOf(yield* tokens.list, 0)
        const noord = yield* tokens.create(
          { naam: "noord", rol: "district", scope: Access.parseScope("noord") },
          "test"
        )
        assert.deepStrictEqual(noord.info.scope, { niveau: "district", id: "noord" })
      })
    )
  )
}

onEachDatabase("Tokens", tokenSuite)
