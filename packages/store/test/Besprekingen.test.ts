/**
 * Besprekingen in de driehoek in the activity register, on SQLite and PostgreSQL: the informatiebeeld,
 * deelnemers and afspraken are stored with the activity, read back, scoped like it, marked afgerond as an
 * audited correction, listed as open afspraken (te laat past their date), taken back by undo, and carried by
 * a backup and its restore.
 */
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Access, type Activity } from "@dvcc/core"
import { assert, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { Activities, Backup, Database, Imports, ProgramStore } from "../src/index.ts"
import { type Fresh, onEachDatabase, seeded, sheetImport } from "./databases.ts"
import { activity } from "./fixtures/activities.ts"

const bespreking = (gemeente: string) =>
  activity({
    datum: "2030-12-15",
    gemeente,
    soort: "informatiebeeld-besproken-in-driehoek",
    omschrijving: `Driehoek ${gemeente}`,
    bespreking: {
      informatiebeeld: "2030-Q4",
      deelnemers: ["burgemeester", "politie basisteam", "OM"],
      afspraken: [
        { id: "a1", wat: "Voorlichting senioren", wie: "gemeente", uiterlijk: "2031-03-01", status: "open" },
        { id: "a2", wat: "Cijfers helpdeskfraude", wie: "politie", status: "open" }
      ]
    }
  })

const amersfoort = bespreking("GM0307")
const utrecht = bespreking("GM0344")
const gemeente0307 = Access.onlyGemeenten(["GM0307"])
const anna = { actor: "anna", source: "web" } as const

const suite = (fresh: Fresh) => {
  const run = <A, E>(
    body: Effect.Effect<A, E, Activities.Activities | Imports.Imports | ProgramStore.ProgramStore>
  ) =>
    body.pipe(
      Effect.provide(seeded(fresh, Layer.mergeAll(Activities.Activities.layer, Imports.Imports.layer)))
    )

  it.effect(
    "stores the bespreking with the activity; open afspraken are scoped and te laat past uiterlijk",
    () =>
      run(
        Effect.gen(function* () {
          const activities = yield* Activities.Activities
          yield* activities.record([amersfoort, utrecht], sheetImport("A", "Activiteiten"))
          assert.deepStrictEqual((yield* activities.get(amersfoort.id)).activity, amersfoort)
          const open = yield* activities.openAfspraken("2031-03-02" as never, {}, gemeente0307)
          assert.deepStrictEqual(
            open.map((o) => [o.activiteit, o.afspraak.id, o.teLaat]),
            [
              [amersfoort.id, "a1", true],
              [amersfoort.id, "a2", false]
            ]
          )
          assert.lengthOf(yield* activities.openAfspraken("2031-01-01" as never), 4)
          assert.lengthOf(
            yield* activities.openAfspraken("2031-01-01" as never, { gemeente: "GM0344" as never }),
            2
          )
        })
      )
  )

  it.effect("marks an afspraak afgerond as an audited correction, within the reader's gemeente only", () =>
    run(
      Effect.gen(function* () {
        const activities = yield* Activities.Activities
        const store = yield* ProgramStore.ProgramStore
        const imports = yield* Imports.Imports
        yield* activities.record([amersfoort, utrecht], sheetImport("A", "Activiteiten"))
        const done = yield* activities.afspraakAfronden(
          amersfoort.id,
          "a1",
          "2031-01-10" as never,
          anna,
          gemeente0307
        )
        assert.strictEqual(done.version, 2)
        assert.deepStrictEqual(
          done.activity.bespreking?.afspraken.map((a) => [a.id, a.status, a.afgerondOp]),
          [
            ["a1", "afgerond", "2031-01-10"],
            ["a2", "open", undefined]
          ]
        )
        const history = yield* store.history("activiteiten", amersfoort.id)
        const statusOf = (doc: unknown) =>
          (doc as Activity.Activity).bespreking?.afspraken.find((a) => a.id === "a1")?.status
        assert.deepStrictEqual(
          history.map((h) => [h.actor, h.action, statusOf(h.before), statusOf(h.after)]),
          [["anna", "update", "open", "afgerond"]]
        )
        // Another gemeente's bespreking is not found, the same as one that does not exist.
        const other = yield* Effect.flip(
          activities.afspraakAfronden(utrecht.id, "a1", "2031-01-10" as never, anna, gemeente0307)
        )
        const missing = yield* Effect.flip(
          activities.afspraakAfronden("act-bestaat-niet", "a1", "2031-01-10" as never, anna, gemeente0307)
        )
        assert.deepStrictEqual([other._tag, missing._tag], ["NotFound", "NotFound"])
        assert.strictEqual((yield* activities.get(utrecht.id)).version, 1)
        const noSuch = yield* Effect.flip(
          activities.afspraakAfronden(amersfoort.id, "a9", "2031-01-10" as never, anna)
        )
        assert.strictEqual(noSuch._tag, "NotFound")
        const stale = yield* Effect.flip(
          activities.afspraakAfronden(amersfoort.id, "a2", "2031-01-10" as never, anna, gemeente0307, 1)
        )
        assert.strictEqual(stale._tag, "Conflict")
        // Undoing the import takes back the bespreking it brought; the corrected one stays, as corrections do.
        yield* imports.undo("A", "tester")
        assert.deepStrictEqual(
          (yield* activities.list()).map((a) => a.id),
          [amersfoort.id]
        )
      })
    )
  )
}

onEachDatabase("Besprekingen", suite)

it.effect("a backup and its restore carry the besprekingen and their afspraken", () =>
  Effect.gen(function* () {
    const location: Database.Location = {
      _tag: "Sqlite",
      file: join(mkdtempSync(join(tmpdir(), "dvcc-bespreking-")), "dvcc.sqlite")
    }
    const fresh: Fresh = () => Effect.succeed(location)
    const services = Layer.mergeAll(Activities.Activities.layer, Imports.Imports.layer)
    yield* Effect.gen(function* () {
      yield* (yield* Activities.Activities).record([amersfoort], sheetImport("A", "Activiteiten"))
    }).pipe(Effect.provide(seeded(fresh, services)))
    const out = join(mkdtempSync(join(tmpdir(), "dvcc-bespreking-")), "backup.sqlite")
    yield* Backup.backup(location, out)
    const target: Database.Location = {
      _tag: "Sqlite",
      file: join(mkdtempSync(join(tmpdir(), "dvcc-bespreking-")), "dvcc.sqlite")
    }
    yield* Backup.restore(target, out)
    const restored = yield* Effect.flatMap(Activities.Activities, (a) => a.get(amersfoort.id)).pipe(
      Effect.provide(services.pipe(Layer.provideMerge(Database.layer(target))))
    )
    assert.deepStrictEqual(restored.activity.bespreking, amersfoort.bespreking)
  })
)
