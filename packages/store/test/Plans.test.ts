import { Dataset, Din, type Indicator, type Jaarplan, type Periode } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { assert, it } from "@effect/vitest"
import { Effect, Layer, Option, Schema } from "effect"
import { Database, Plans, ProgramStore } from "../src/index.ts"
import { type Fresh, onEachDatabase } from "./databases.ts"

const api = { actor: "test-token", source: "api" }

const planSuite = (fresh: Fresh) => {
  /**
   * A fresh database with the bundled data (2025 and 2026) in it, and the strategy period 2027–2030 as a
   * copy of the DIN of 2023–2026.
   */
  const seeded = <A, E>(
    body: (plans: Plans.Plans["Service"], store: ProgramStore.ProgramStore["Service"]) => Effect.Effect<A, E>,
    data: Dataset.Dataset = dataset
  ) =>
    Effect.flatMap(fresh(), (location) =>
      Effect.gen(function* () {
        const store = yield* ProgramStore.ProgramStore
        yield* store.seed(data, { actor: "test", source: "cli" })
        const plans = yield* Plans.Plans
        if (data.program.strategieperioden.length === 1)
          yield* plans.createStrategieperiode({ van: 2027, tot: 2030 }, api)
        return yield* body(plans, store)
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
          const noDin = yield* Effect.flip(plans.createPlan({ ...jaarplan2027, jaar: 2031 }, api))
          assert.include(noDin.message, "geen DIN voor 2031 (de strategieperioden zijn 2023–2026, 2027–2030)")
          const overlapping = yield* Effect.flip(plans.createStrategieperiode({ van: 2030, tot: 2033 }, api))
          assert.include(overlapping.message, "begint niet na de laatste strategieperiode (2027–2030)")
        })
      )
  )

  it.effect(
    "copies 2026 into the first year of a new DIN: what has a successor baat comes along, the rest is listed with the reason",
    () => {
      // The DIN of 2027–2030: baat-2 ends, baat-3 continues under a new id.
      const { program } = dataset
      const next = Din.metNieuwePeriode(
        program,
        { van: 2027, tot: 2030 },
        { document: "test", sectie: "DIN 2027" }
      )
      assert.isDefined(next)
      const [oud, nieuw] = next?.strategieperioden ?? []
      assert.isDefined(oud)
      assert.isDefined(nieuw)
      const din2027: Din.Din = {
        ...(nieuw as Din.Din),
        baten: (nieuw as Din.Din).baten
          .filter((b) => b.id !== "baat-2")
          .map((b) => (b.id === "baat-3" ? { ...b, id: "bewuste-professionals" as Din.BaatId } : b))
      }
      const data = Schema.decodeUnknownSync(Dataset.Dataset)({
        ...Schema.encodeSync(Dataset.Dataset)(dataset),
        program: Schema.encodeSync(Din.Program)({ ...program, strategieperioden: [oud as Din.Din, din2027] })
      })
      return seeded(
        (plans, store) =>
          Effect.gen(function* () {
            const created = yield* plans.createPlan({ ...jaarplan2027, kopieVanVorigJaar: true }, api)
            const loaded = yield* store.load
            const vorig = dataset.indicatoren.filter((i) => i.jaar === 2026)
            const nu = loaded.indicatoren.filter((i) => i.jaar === 2027)
            assert.strictEqual(nu.length, vorig.filter((i) => i.baat !== "baat-2").length)
            assert.isAbove(nu.length, 0)
            for (const i of nu) assert.notStrictEqual<string>(i.baat, "baat-2")
            for (const i of vorig.filter((x) => x.baat === "baat-3"))
              assert.strictEqual<string>(nu.find((x) => x.id === i.id)?.baat ?? "", "bewuste-professionals")
            const weg = created.weggelaten.filter((w) => w.soort === "indicator")
            assert.deepStrictEqual(
              weg.map((w) => w.id),
              vorig.filter((i) => i.baat === "baat-2").map((i) => i.id)
            )
            for (const w of weg)
              assert.strictEqual(w.reden, "baat `baat-2` heeft geen opvolger in de DIN van 2027–2030")
            // Acties with baat-2 among others come along without it; those with only baat-2 do not.
            const acties2026 = dataset.jaarplannen.find((p) => p.jaar === 2026)?.acties ?? []
            const alleen2 = acties2026.filter(
              (a) => a.baten.length > 0 && a.baten.every((b) => b === "baat-2")
            )
            assert.deepStrictEqual(
              created.weggelaten.filter((w) => w.soort === "actie").map((w) => w.id),
              alleen2.map((a) => a.id)
            )
            // 2026 stays judged under the DIN it was made under.
            assert.strictEqual(Din.geldendVoor(loaded.program, 2026).baten.length, 5)
            assert.strictEqual(Din.geldendVoor(loaded.program, 2027).baten.length, 4)
          }),
        data
      )
    }
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
        assert.include(unknownBaat.message, "baat `baat-9` bestaat niet in de DIN van 2027–2030")
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
