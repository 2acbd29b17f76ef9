/**
 * Least privilege per gemeente, enforced by the repositories' SQL on SQLite and PostgreSQL: a scope of
 * gemeenten reads its own gemeenten's registrations, activities and imports and the aggregate rows, and
 * cannot reach another gemeente's rows by filter or by key.
 */
import { Money, type Periode, type Registration } from "@dvcc/core"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { Activities, Gebieden, Imports, ProgramStore, Registrations, Scope } from "../src/index.ts"
import { cli, type Fresh, onEachDatabase, seeded } from "./databases.ts"
import { activity } from "./fixtures/activities.ts"

const utrecht = "GM0344" as const
const amersfoort = "GM0307" as const
const alleenUtrecht = Scope.gemeenten([utrecht])

const registratie = (gebied: Registration.Registration["gebied"], delict: Registration.Delict) => ({
  periode: "2030-01" as Periode.Periode,
  gebied,
  delict,
  aangiften: 3,
  meldingen: 1,
  slachtoffers: 2,
  schade: Money.cents(100),
  herkomst: { document: "scope.xlsx", sectie: "blad 1" }
})

const registraties = [
  registratie({ niveau: "gemeente", code: utrecht as never }, "phishing"),
  registratie({ niveau: "gemeente", code: amersfoort as never }, "phishing"),
  registratie({ niveau: "regio" }, "phishing"),
  registratie({ niveau: "district", id: "noord" }, "hacken")
]

const activiteiten = [
  activity({ datum: "2030-01-10", gemeente: utrecht, soort: "kennisbijeenkomst" }),
  activity({ datum: "2030-01-11", gemeente: amersfoort, soort: "kennisbijeenkomst" }),
  activity({ datum: "2030-01-12", gemeente: null, soort: "communicatie-uiting" })
]

const stores = (fresh: Fresh) =>
  seeded(
    fresh,
    Layer.mergeAll(
      Registrations.Registrations.layer,
      Activities.Activities.layer,
      Imports.Imports.layer,
      Gebieden.Gebieden.layer
    ),
    Effect.gen(function* () {
      // District noord (with Amersfoort in it), so that a registration about it can be stored.
      const gebieden = yield* Gebieden.Gebieden
      yield* gebieden.record([{ gemeente: amersfoort as never, district: "Noord" }], {
        importId: "gebieden",
        actor: "test"
      })
      const registrations = yield* Registrations.Registrations
      yield* registrations.record(registraties.slice(0, 1), { importId: "alleen-utrecht", actor: "test" })
      yield* registrations.record(registraties.slice(1), { importId: "ook-amersfoort", actor: "test" })
      const activities = yield* Activities.Activities
      yield* activities.record(activiteiten, { importId: "activiteiten", actor: "test" })
    })
  )

const scopeSuite = (fresh: Fresh) => {
  const run = <A, E>(
    body: Effect.Effect<
      A,
      E,
      Registrations.Registrations | Activities.Activities | Imports.Imports | ProgramStore.ProgramStore
    >
  ) => body.pipe(Effect.provide(stores(fresh)))

  it.effect(
    "registrations: its own gemeente and the aggregates, never another gemeente's, by filter or not",
    () =>
      run(
        Effect.gen(function* () {
          const registrations = yield* Registrations.Registrations
          const periode = "2030-01" as Periode.Periode
          const areas = (rows: ReadonlyArray<Registration.Registration>) =>
            rows.map((r) => (r.gebied.niveau === "gemeente" ? r.gebied.code : r.gebied.niveau)).sort()
          assert.deepStrictEqual(areas(yield* registrations.list({ periode })), [
            "GM0307",
            "GM0344",
            "district",
            "regio"
          ])
          assert.deepStrictEqual(areas(yield* registrations.list({ periode }, alleenUtrecht)), [
            "GM0344",
            "district",
            "regio"
          ])
          assert.deepStrictEqual(
            yield* registrations.list({ gemeente: amersfoort as never }, alleenUtrecht),
            []
          )
          assert.deepStrictEqual(areas(yield* registrations.list({ periode }, Scope.gemeenten([]))), [
            "district",
            "regio"
          ])
          assert.deepStrictEqual((yield* registrations.recorded({ periode }, alleenUtrecht)).length, 3)
        })
      )
  )

  it.effect("activities: by filter and by key only its own gemeente's and the regional ones", () =>
    run(
      Effect.gen(function* () {
        const activities = yield* Activities.Activities
        const days = (list: ReadonlyArray<{ readonly datum: string }>) => list.map((a) => a.datum)
        assert.deepStrictEqual(days(yield* activities.list({}, alleenUtrecht)), ["2030-01-10", "2030-01-12"])
        assert.deepStrictEqual(yield* activities.list({ gemeente: amersfoort as never }, alleenUtrecht), [])
        const [own, other] = activiteiten
        if (own === undefined || other === undefined) return
        const byKey = yield* Effect.flip(activities.get(other.id, alleenUtrecht))
        assert.strictEqual(byKey._tag, "NotFound")
        const write = yield* Effect.flip(
          activities.update(other.id, { ...other, bereik: 1 }, 1, cli, alleenUtrecht)
        )
        assert.strictEqual(write._tag, "NotFound")
        const move = yield* Effect.flip(
          activities.update(own.id, { ...own, gemeente: amersfoort as never }, 1, cli, alleenUtrecht)
        )
        assert.include(move.message, "buiten uw gemeenten")
        assert.strictEqual((yield* activities.get(other.id)).activity.gemeente as string, amersfoort)
      })
    )
  )

  it.effect("imports and history: not those that touched another gemeente's rows", () =>
    run(
      Effect.gen(function* () {
        const imports = yield* Imports.Imports
        const store = yield* ProgramStore.ProgramStore
        const ids = (list: ReadonlyArray<Imports.Import>) => list.map((i) => i.id)
        assert.deepStrictEqual(ids(yield* imports.list), [
          "activiteiten",
          "alleen-utrecht",
          "gebieden",
          "ook-amersfoort"
        ])
        assert.deepStrictEqual(ids(yield* imports.listFor(alleenUtrecht)), ["alleen-utrecht"])
        assert.deepStrictEqual(ids(yield* imports.listFor(Scope.gemeenten([utrecht, amersfoort]))), [
          "activiteiten",
          "alleen-utrecht",
          "gebieden",
          "ook-amersfoort"
        ])
        assert.lengthOf(yield* store.history("import", "ook-amersfoort"), 1)
        assert.deepStrictEqual(yield* store.history("import", "ook-amersfoort", alleenUtrecht), [])
        assert.lengthOf(yield* store.history("import", "alleen-utrecht", alleenUtrecht), 1)
      })
    )
  )
}

describe("Scope", () => {
  it("allows aggregates always and gemeenten in its list only", () => {
    assert.isTrue(Scope.allows(alleenUtrecht, null))
    assert.isTrue(Scope.allows(alleenUtrecht, utrecht))
    assert.isFalse(Scope.allows(alleenUtrecht, amersfoort))
    assert.isTrue(Scope.allows(Scope.alles, amersfoort))
    assert.throws(() => Scope.gemeenten(["Utrecht"]))
  })
})

onEachDatabase("Scope", scopeSuite)
