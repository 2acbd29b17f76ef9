import type { Din, Indicator, Jaarplan, Periode } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { assert, it } from "@effect/vitest"
import { Effect, Layer, Option } from "effect"
import { Database, Plans, ProgramStore } from "../src/index.ts"
import { type Fresh, onEachDatabase } from "./databases.ts"

const api = { actor: "test-token", source: "api" }

const planSuite = (fresh: Fresh) => {
  /** A fresh database with the bundled data (2025 and 2026) in it. */
  const seeded = <A, E>(
    body: (plans: Plans.Plans["Service"], store: ProgramStore.ProgramStore["Service"]) => Effect.Effect<A, E>
  ) =>
    Effect.flatMap(fresh(), (location) =>
      Effect.gen(function* () {
        const store = yield* ProgramStore.ProgramStore
        yield* store.seed(dataset, { actor: "test", source: "cli" })
        return yield* body(yield* Plans.Plans, store)
      }).pipe(Effect.provide(Plans.Plans.layer.pipe(Layer.provideMerge(Database.layer(location)))))
    )

  const jaarplan2027 = {
    jaar: 2027,
    titel: "Jaarplan 2027",
    datum: "2026-12-01" as Periode.Datum,
    documentStatus: "concept"
  }

  it.effect(
    "creates Jaarplan 2027 as a copy of 2026: continuing actions and indicators keep their link",
    () =>
      seeded((plans, store) =>
        Effect.gen(function* () {
          const created = yield* plans.createPlan({ ...jaarplan2027, kopieVanVorigJaar: true }, api)
          const loaded = yield* store.load
          const plan2026 = loaded.jaarplannen.find((p) => p.jaar === 2026)
          const plan2027 = loaded.jaarplannen.find((p) => p.jaar === 2027)
          assert.isDefined(plan2027)
          assert.isAbove(created.acties, 0)
          assert.strictEqual(plan2027?.acties.length, created.acties)
          for (const actie of plan2027?.acties ?? []) {
            assert.deepStrictEqual(actie.voorganger, { jaar: 2026, id: actie.id })
            assert.isDefined(plan2026?.acties.find((a) => a.id === actie.id))
          }
          const indicatoren2027 = loaded.indicatoren.filter((i) => i.jaar === 2027)
          assert.strictEqual(indicatoren2027.length, loaded.indicatoren.filter((i) => i.jaar === 2026).length)
          for (const i of indicatoren2027) assert.deepStrictEqual(i.voorganger, { jaar: 2026, id: i.id })
          assert.deepStrictEqual(
            (yield* store.history("jaarplannen", "2027")).map((h) => [h.action, h.actor]),
            [["insert", "test-token"]]
          )
          const again = yield* Effect.flip(plans.createPlan(jaarplan2027, api))
          assert.strictEqual(again._tag, "Refused")
          const noPrevious = yield* Effect.flip(
            plans.createPlan({ ...jaarplan2027, jaar: 2030, kopieVanVorigJaar: true }, api)
          )
          assert.include(noPrevious.message, "geen jaarplan 2029")
        })
      )
  )

  it.effect("creates, updates and deletes an action; a stale version is a conflict; all of it audited", () =>
    seeded((plans, store) =>
      Effect.gen(function* () {
        yield* plans.createPlan(jaarplan2027, api)
        const actie: Jaarplan.Actie = {
          id: "weerbaarheid-ondernemers",
          jaar: 2027,
          nummer: 1,
          titel: "Weerbaarheid van ondernemers",
          coordinatie: ["Programmabureau"],
          inSamenwerkingMet: [],
          status: { soort: "doorlopend" },
          doel: "Ondernemers weten wat ze moeten doen na een cyberincident.",
          outputs: [],
          beoogdeResultaten: [],
          aandachtspunten: [],
          baten: ["baat-1" as Din.BaatId],
          voorganger: null,
          herkomst: { document: "dvcc API", sectie: "Jaarplan 2027" }
        }
        const created = yield* plans.createActie(actie, api)
        assert.strictEqual(created.versie, 1)
        const duplicate = yield* Effect.flip(plans.createActie(actie, api))
        assert.strictEqual(duplicate._tag, "Refused")
        const taken = yield* Effect.flip(plans.createActie({ ...actie, id: "andere" }, api))
        assert.include(taken.message, "nummer 1 is al in gebruik")

        const updated = yield* plans.updateActie({ ...actie, titel: "Weerbare ondernemers" }, 1, api)
        assert.strictEqual(updated.versie, 2)
        const stale = yield* Effect.flip(plans.updateActie({ ...actie, titel: "Iets anders" }, 1, api))
        assert.strictEqual(stale._tag, "Conflict")
        assert.strictEqual(
          Option.getOrThrow(yield* plans.actie(2027, actie.id)).value.titel,
          "Weerbare ondernemers"
        )

        const staleDelete = yield* Effect.flip(plans.deleteActie(2027, actie.id, 1, api))
        assert.strictEqual(staleDelete._tag, "Conflict")
        yield* plans.deleteActie(2027, actie.id, 2, api)
        assert.isTrue(Option.isNone(yield* plans.actie(2027, actie.id)))
        assert.deepStrictEqual(
          (yield* store.history("acties", `2027/${actie.id}`)).map((h) => h.action),
          ["insert", "update", "delete"]
        )
        const unknownBaat = yield* Effect.flip(
          plans.createActie({ ...actie, id: "andere", nummer: 2, baten: ["baat-9" as Din.BaatId] }, api)
        )
        assert.include(unknownBaat.message, "baat `baat-9` bestaat niet in de DIN van 2023–2026")
        const noPlan = yield* Effect.flip(plans.createActie({ ...actie, jaar: 2031 }, api))
        assert.include(noPlan.message, "geen jaarplan 2031")
      })
    )
  )

  it.effect("updates an indicator against its version and refuses links to actions that do not exist", () =>
    seeded((plans) =>
      Effect.gen(function* () {
        const first = dataset.indicatoren.find((i) => i.jaar === 2026) as Indicator.Indicator
        const current = Option.getOrThrow(yield* plans.indicator(first.jaar, first.id))
        const updated = yield* plans.updateIndicator({ ...first, tekst: "Nieuwe tekst" }, current.versie, api)
        assert.strictEqual(updated.versie, current.versie + 1)
        const stale = yield* Effect.flip(
          plans.updateIndicator({ ...first, tekst: "Weer anders" }, current.versie, api)
        )
        assert.strictEqual(stale._tag, "Conflict")
        const badLink = yield* Effect.flip(
          plans.createIndicator({ ...first, id: "nieuw", acties: [999] }, api)
        )
        assert.include(badLink.message, "geen actie 999")
        const badBaat = yield* Effect.flip(
          plans.updateIndicator({ ...first, baat: "baat-9" as Din.BaatId }, updated.versie, api)
        )
        assert.include(badBaat.message, "indicator 2026/")
        assert.include(badBaat.message, "baat `baat-9` bestaat niet in de DIN van 2023–2026")
        const created = yield* plans.createIndicator({ ...first, id: "nieuw" }, api)
        assert.strictEqual(created.versie, 1)
        const missing = yield* Effect.flip(plans.updateIndicator({ ...first, id: "bestaat-niet" }, 1, api))
        assert.strictEqual(missing._tag, "NotFound")
      })
    )
  )
}

onEachDatabase("Plans", planSuite)
