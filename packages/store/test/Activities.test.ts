/**
 * The activity register on SQLite and PostgreSQL: bulk imports that are idempotent by the derived id,
 * all or nothing, undoable; reads by gemeente, soort and period; corrections with optimistic concurrency.
 */
import type { Activity } from "@dvcc/core"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { Activities, Imports, ProgramStore } from "../src/index.ts"
import { cli, type Fresh, onEachDatabase, seeded, sheetImport } from "./databases.ts"
import { activity } from "./fixtures/activities.ts"

const rows = [
  activity({
    datum: "2030-03-12",
    gemeente: "GM0344",
    soort: "kennisbijeenkomst",
    bereik: 40,
    omschrijving: "Wijkcentrum Overvecht"
  }),
  activity({
    datum: "2030-04-02",
    gemeente: "GM0307",
    soort: "echt-nep-bijeenkomst",
    doelgroep: "senioren",
    bereik: 25
  }),
  activity({
    datum: "2030-05-20",
    gemeente: null,
    soort: "communicatie-uiting",
    omschrijving: "Regionale campagne"
  })
] as const

const provenance = (importId: string) => sheetImport(importId, "Activiteiten")

const seededStores = (fresh: Fresh) =>
  seeded(fresh, Layer.mergeAll(Activities.Activities.layer, Imports.Imports.layer))

const activitiesSuite = (fresh: Fresh) => {
  const run = <A, E>(
    body: Effect.Effect<A, E, Activities.Activities | Imports.Imports | ProgramStore.ProgramStore>
  ) => body.pipe(Effect.provide(seededStores(fresh)))

  it.effect("imports once; again unchanged; a corrected bereik is an update; undo restores and removes", () =>
    run(
      Effect.gen(function* () {
        const activities = yield* Activities.Activities
        const imports = yield* Imports.Imports
        const store = yield* ProgramStore.ProgramStore
        assert.deepStrictEqual(yield* activities.record(rows, provenance("A")), {
          inserted: 3,
          updated: 0,
          unchanged: 0
        })
        assert.deepStrictEqual(yield* activities.record(rows, provenance("B")), {
          inserted: 0,
          updated: 0,
          unchanged: 3
        })
        const corrected = [{ ...rows[0], bereik: 45 }, rows[1]]
        assert.deepStrictEqual(yield* activities.record(corrected, provenance("C")), {
          inserted: 0,
          updated: 1,
          unchanged: 1
        })
        const stored = yield* activities.recorded()
        assert.deepStrictEqual(
          stored.map((r) => [
            r.activity.datum,
            r.activity.bereik,
            r.version,
            r.provenance?.importId,
            r.provenance?.row
          ]),
          [
            ["2030-03-12", 45, 2, "C", 2],
            ["2030-04-02", 25, 1, "A", 3],
            ["2030-05-20", undefined, 1, "A", 4]
          ]
        )
        // The database reads back as a dataset with the activities in it.
        assert.lengthOf((yield* store.load).activiteiten, 3)
        assert.deepStrictEqual(
          (yield* store.history("import", "C")).map((h) => [
            h.action,
            (h.after as { entity: string }).entity
          ]),
          [["insert", "activiteiten"]]
        )

        const undoneC = yield* imports.undo("C", "tester")
        assert.deepStrictEqual(undoneC.entities, [
          { entity: "activiteiten", removed: 0, restored: 1, kept: 0 }
        ])
        assert.strictEqual(Imports.summary(undoneC), "0 activiteiten verwijderd, 1 teruggezet")
        assert.strictEqual(
          (yield* activities.list({ gemeente: rows[0].gemeente ?? undefined }))[0]?.bereik,
          40
        )
        // B brought the same three: undoing A leaves them, now B's; undoing B removes them.
        const undoneA = yield* imports.undo("A", "tester")
        assert.deepStrictEqual([undoneA.removed, undoneA.restored, undoneA.kept], [0, 0, 3])
        assert.lengthOf(yield* activities.list(), 3)
        const undoneB = yield* imports.undo("B", "tester")
        assert.deepStrictEqual([undoneB.removed, undoneB.restored, undoneB.kept], [3, 0, 0])
        assert.deepStrictEqual(yield* activities.list(), [])
      })
    )
  )

  it.effect("reads by gemeente, soort and period", () =>
    run(
      Effect.gen(function* () {
        const activities = yield* Activities.Activities
        yield* activities.record(rows, provenance("A"))
        const ids = (list: ReadonlyArray<Activity.Activity>) => list.map((a) => a.datum)
        assert.deepStrictEqual(ids(yield* activities.list({ gemeente: rows[1].gemeente ?? undefined })), [
          "2030-04-02"
        ])
        assert.deepStrictEqual(ids(yield* activities.list({ soort: "communicatie-uiting" })), ["2030-05-20"])
        assert.deepStrictEqual(ids(yield* activities.list({ periode: "2030-Q2" as never })), [
          "2030-04-02",
          "2030-05-20"
        ])
        assert.deepStrictEqual(
          ids(yield* activities.list({ van: "2030-04-01" as never, tot: "2030-04-30" as never })),
          ["2030-04-02"]
        )
      })
    )
  )

  it.effect("refuses an unknown gemeente or one id twice, naming the rows, and writes nothing", () =>
    run(
      Effect.gen(function* () {
        const activities = yield* Activities.Activities
        const imports = yield* Imports.Imports
        const unknown = yield* Effect.flip(
          activities.record([rows[0], { ...rows[1], gemeente: "GM9999" as never }], provenance("A"))
        )
        assert.include(unknown.message, "rij 3: gemeente GM9999 hoort niet bij de regio")
        assert.include(unknown.message, "Er is niets gewijzigd")
        const twice = yield* Effect.flip(activities.record([rows[0], rows[1], rows[0]], provenance("A")))
        assert.include(twice.message, "staat twee keer in de import (rij 2 en rij 4)")
        assert.deepStrictEqual(yield* activities.list(), [])
        assert.deepStrictEqual(yield* imports.list, [])
      })
    )
  )

  it.effect(
    "updates with the version it was based on; a stale version is a conflict; undo keeps the correction",
    () =>
      run(
        Effect.gen(function* () {
          const activities = yield* Activities.Activities
          const store = yield* ProgramStore.ProgramStore
          const imports = yield* Imports.Imports
          yield* activities.record(rows, provenance("A"))
          const id = rows[1].id
          const read = yield* activities.get(id)
          assert.strictEqual(read.version, 1)
          const updated = yield* activities.update(id, { ...read.activity, bereik: 30 }, 1, {
            actor: "anna",
            source: "api"
          })
          assert.strictEqual(updated.version, 2)
          const stale = yield* Effect.flip(activities.update(id, { ...read.activity, bereik: 31 }, 1, cli))
          assert.strictEqual(stale._tag, "Conflict")
          assert.include(stale.message, id)
          assert.include(stale.message, "versie 2")
          assert.strictEqual((yield* activities.get(id)).activity.bereik, 30)
          const history = yield* store.history("activiteiten", id)
          assert.deepStrictEqual(
            history.map((h) => [
              h.actor,
              h.action,
              (h.before as { bereik: number }).bereik,
              (h.after as { bereik: number }).bereik
            ]),
            [["anna", "update", 25, 30]]
          )
          const missing = yield* Effect.flip(
            activities.update("bestaat-niet", { ...read.activity, id: "bestaat-niet" }, 1, cli)
          )
          assert.strictEqual(missing._tag, "NotFound")
          // A gemeente outside the region would make the dataset unreadable: refused, the record unchanged.
          const outside = yield* Effect.flip(
            activities.update(id, { ...read.activity, gemeente: "GM0363" as never }, 2, cli)
          )
          assert.strictEqual(outside._tag, "Invalid")
          assert.include(outside.message, "gemeente GM0363 hoort niet bij de regio")
          assert.strictEqual(
            (yield* store.load).activiteiten.find((a) => a.id === id)?.gemeente,
            read.activity.gemeente
          )
          // The corrected activity stays when the import that created it is undone; the others go.
          const undone = yield* imports.undo("A", "tester")
          assert.deepStrictEqual([undone.removed, undone.kept], [2, 1])
          assert.deepStrictEqual(
            (yield* activities.list()).map((a) => a.bereik),
            [30]
          )
        })
      )
  )
}

describe("activityId", () => {
  it("is stable, ignores bereik, and reads the omschrijving as people retype it", () => {
    const base = {
      datum: "2030-03-12",
      gemeente: "GM0344",
      soort: "kennisbijeenkomst",
      omschrijving: "Wijkcentrum Overvecht"
    } as const
    const id = Activities.activityId(base as never)
    assert.match(id, /^act-2030-03-12-GM0344-kennisbijeenkomst-[0-9a-f]{10}$/)
    assert.strictEqual(Activities.activityId({ ...base, bereik: 3 } as never), id)
    assert.strictEqual(
      Activities.activityId({ ...base, omschrijving: "  wijkcentrum   OVERVECHT " } as never),
      id
    )
    assert.notStrictEqual(Activities.activityId({ ...base, omschrijving: "Bibliotheek" } as never), id)
    assert.notStrictEqual(Activities.activityId({ ...base, doelgroep: "jeugd" } as never), id)
    assert.strictEqual(Activities.activityId(base as never, 2), `${id}-2`)
  })
})

onEachDatabase("Activities", activitiesSuite)
