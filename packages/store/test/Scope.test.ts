/**
 * Least privilege per gemeente, enforced by the repositories' SQL on SQLite and PostgreSQL: a scope of
 * gemeenten reads its own gemeenten's registrations, activities and imports and the aggregate rows, and
 * cannot reach another gemeente's rows by filter or by key.
 */
import { Access, Money, type Periode, type Registration } from "@dvcc/core"
import { assert, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { Activities, Gebieden, Imports, ProgramStore, Registrations } from "../src/index.ts"
import { cli, type Fresh, onEachDatabase, seeded } from "./databases.ts"
import { activity } from "./fixtures/activities.ts"

const utrecht = "GM0344" as const
const amersfoort = "GM0307" as const
const alleenUtrecht = Access.onlyGemeenten([utrecht])

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
          assert.deepStrictEqual(areas(yield* registrations.list({ periode }, Access.onlyGemeenten([]))), [
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

  it.effect("activity writes: checked on the stored record, not only on the new row", () =>
    run(
      Effect.gen(function* () {
        const activities = yield* Activities.Activities
        const [own, other] = activiteiten
        if (own === undefined || other === undefined) return
        const api = { importId: "api-1", actor: "token t" }
        // Amersfoort's activity under its own id, moved into Utrecht: not found, never an update.
        const moved = yield* Effect.flip(
          activities.write([{ activity: { ...other, gemeente: utrecht as never } }], api, alleenUtrecht)
        )
        assert.strictEqual(moved._tag, "NotFound")
        // The same answer for an id that exists nowhere and is not named for the writer's gemeente.
        const nowhere = yield* Effect.flip(
          activities.write([{ activity: { ...own, id: "bestaat-nergens" } }], api, alleenUtrecht)
        )
        assert.strictEqual(nowhere._tag, "NotFound")
        assert.strictEqual(
          moved.message.replace(other.id, "ID"),
          nowhere.message.replace("bestaat-nergens", "ID")
        )
        const stored = yield* activities.get(other.id)
        assert.strictEqual(stored.activity.gemeente as string, amersfoort)
        assert.strictEqual(stored.version, 1)

        // Its own activity: the same data again is unchanged; other data needs the version it read.
        assert.deepStrictEqual(yield* activities.write([{ activity: own }], api, alleenUtrecht), {
          inserted: 0,
          updated: 0,
          unchanged: 1
        })
        const corrected = { ...own, bereik: 12 }
        assert.strictEqual(
          (yield* Effect.flip(activities.write([{ activity: corrected }], api, alleenUtrecht)))._tag,
          "Conflict"
        )
        assert.strictEqual(
          (yield* Effect.flip(activities.write([{ activity: corrected, basedOn: 2 }], api, alleenUtrecht)))
            ._tag,
          "Conflict"
        )
        assert.deepStrictEqual(
          yield* activities.write(
            [{ activity: corrected, basedOn: 1 }],
            { ...api, importId: "api-2" },
            alleenUtrecht
          ),
          { inserted: 0, updated: 1, unchanged: 0 }
        )
        assert.strictEqual((yield* activities.get(own.id)).activity.bereik, 12)
        // A new activity under an id named for its date and gemeente, as the importer names them.
        const fresh = activity({ datum: "2030-02-01", gemeente: utrecht, soort: "huisbezoek" })
        assert.deepStrictEqual(
          yield* activities.write([{ activity: fresh }], { ...api, importId: "api-3" }, alleenUtrecht),
          { inserted: 1, updated: 0, unchanged: 0 }
        )

        // An import within the scope cannot change a stored activity of another gemeente either.
        const imported = yield* Effect.flip(
          activities.record(
            [{ ...other, gemeente: utrecht as never }],
            { importId: "x", actor: "t" },
            alleenUtrecht
          )
        )
        assert.include(imported.message, "kan met dit token niet worden vastgelegd")
        assert.notInclude(imported.message, other.id)
        assert.strictEqual((yield* activities.get(other.id)).version, 1)
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
        assert.deepStrictEqual(ids(yield* imports.listFor(Access.onlyGemeenten([utrecht, amersfoort]))), [
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

onEachDatabase("Scope", scopeSuite)
