/**
 * The geography on SQLite and PostgreSQL: a Gebieden import fills in districts, basisteams and
 * inhabitants per peildatum (kept as history), idempotent and undoable; the dataset the store loads sees
 * it; corrections carry their version.
 */
import { Access, Geography, Informatiebeeld, type Periode, type Registration } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { assert, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { Gebieden, Imports, ProgramStore, Registrations } from "../src/index.ts"
import { cli, type Fresh, onEachDatabase, seeded, sheetImport } from "./databases.ts"

const utrecht = "GM0344" as Geography.CbsCode
const amersfoort = "GM0307" as Geography.CbsCode
const dag = (d: string) => d as Periode.Datum

/** The region with its gemeenten in code order, as the database returns them. */
const inCodeOrder = (regio: Geography.Regio) => ({
  ...regio,
  gemeenten: [...regio.gemeenten].sort((a, b) => a.code.localeCompare(b.code))
})

const provenance = (importId: string) => sheetImport(importId, "Gebieden")

const stores = (fresh: Fresh) =>
  seeded(
    fresh,
    Layer.mergeAll(Gebieden.Gebieden.layer, Imports.Imports.layer, Registrations.Registrations.layer)
  )

const gebiedenSuite = (fresh: Fresh) => {
  const run = <A, E>(
    body: Effect.Effect<
      A,
      E,
      Gebieden.Gebieden | Imports.Imports | ProgramStore.ProgramStore | Registrations.Registrations
    >
  ) => body.pipe(Effect.provide(stores(fresh)))

  it.effect(
    "fills in districts, basisteams and inhabitants; the loaded region and informatiebeeld use them",
    () =>
      run(
        Effect.gen(function* () {
          const gebieden = yield* Gebieden.Gebieden
          const imports = yield* Imports.Imports
          const store = yield* ProgramStore.ProgramStore
          const first: ReadonlyArray<Gebieden.Row> = [
            {
              gemeente: utrecht,
              district: "Utrecht-Stad",
              basisteam: "Utrecht-Centrum",
              inwoners: 360_000,
              peildatum: dag("2025-01-01")
            },
            { gemeente: amersfoort, district: "Eemland", inwoners: 160_000, peildatum: dag("2025-01-01") }
          ]
          assert.deepStrictEqual(yield* gebieden.record(first, provenance("A")), {
            inserted: 0,
            updated: 2,
            unchanged: 0
          })
          assert.deepStrictEqual(yield* gebieden.record(first, provenance("B")), {
            inserted: 0,
            updated: 0,
            unchanged: 2
          })
          // A later count is added to the history; the earlier one stays valid for earlier periods.
          const second: ReadonlyArray<Gebieden.Row> = [
            { gemeente: utrecht, inwoners: 370_000, peildatum: dag("2026-01-01") }
          ]
          assert.deepStrictEqual(yield* gebieden.record(second, provenance("C")), {
            inserted: 0,
            updated: 1,
            unchanged: 0
          })

          const loaded = yield* store.load
          // Utrecht was already in Utrecht-Stad (the bundled districts); Eemland is new.
          assert.sameDeepMembers(
            [...loaded.regio.districten],
            [...dataset.regio.districten, { id: "eemland", naam: "Eemland" }]
          )
          assert.deepStrictEqual(loaded.regio.basisteams, [
            { id: "utrecht-centrum", naam: "Utrecht-Centrum", district: "utrecht-stad" }
          ])
          const g = loaded.regio.gemeenten.find((x) => x.code === utrecht)
          assert.deepStrictEqual([g?.district, g?.basisteam], ["utrecht-stad", "utrecht-centrum"])
          if (g === undefined) return
          assert.strictEqual(Geography.inwonersOp(g, dag("2025-06-30")), 360_000)
          assert.strictEqual(Geography.inwonersOp(g, dag("2026-03-31")), 370_000)
          const listed = (yield* gebieden.list()).find((r) => r.gemeente.code === utrecht)
          assert.deepStrictEqual(
            [
              listed?.version,
              listed?.provenance?.importId,
              listed?.gemeente.inwoners.map((t) => [t.aantal, t.peildatum])
            ],
            [
              3,
              "C",
              [
                [360_000, "2025-01-01"],
                [370_000, "2026-01-01"]
              ]
            ]
          )
          const beeld = Informatiebeeld.make({
            regio: loaded.regio,
            registraties: loaded.registraties,
            reeksbreuken: loaded.reeksbreuken,
            gebied: { niveau: "gemeente", code: utrecht },
            periode: "2025" as Periode.Periode
          })
          assert.strictEqual(beeld.inwoners, 360_000)

          // Undo C: the later count goes; undo A: B brings the same districts and counts, so they stay,
          // now B's; undo B: they go too.
          assert.strictEqual(
            Imports.summary(yield* imports.undo("C", "tester")),
            "0 gemeenten verwijderd, 1 teruggezet"
          )
          const undoneA = yield* imports.undo("A", "tester")
          assert.strictEqual(
            Imports.summary(undoneA),
            "0 gemeenten verwijderd, 0 teruggezet, 2 behouden (ook in een latere import of daarna gewijzigd); 0 regio-indelingen verwijderd, 0 teruggezet, 1 behouden (ook in een latere import of daarna gewijzigd)"
          )
          assert.lengthOf((yield* store.load).regio.districten, dataset.regio.districten.length + 1)
          assert.strictEqual(
            Imports.summary(yield* imports.undo("B", "tester")),
            "0 gemeenten verwijderd, 2 teruggezet; 0 regio-indelingen verwijderd, 1 teruggezet"
          )
          const back = yield* store.load
          assert.deepStrictEqual(inCodeOrder(back.regio), inCodeOrder(dataset.regio))
        })
      )
  )

  it.effect(
    "refuses an unknown gemeente, a count without peildatum and a basisteam of another district",
    () =>
      run(
        Effect.gen(function* () {
          const gebieden = yield* Gebieden.Gebieden
          const store = yield* ProgramStore.ProgramStore
          const unknown = yield* Effect.flip(
            gebieden.record(
              [
                { gemeente: utrecht, district: "Noord" },
                { gemeente: "GM9999" as Geography.CbsCode, district: "Noord" }
              ],
              provenance("A")
            )
          )
          assert.include(unknown.message, "rij 3: gemeente GM9999 hoort niet bij de regio")
          const noDate = yield* Effect.flip(
            gebieden.record([{ gemeente: utrecht, inwoners: 5 }], provenance("A"))
          )
          assert.include(noDate.message, "rij 2 (GM0344): inwoners en peildatum horen bij elkaar")
          const other = yield* Effect.flip(
            gebieden.record(
              [
                { gemeente: utrecht, district: "Noord", basisteam: "Centrum" },
                { gemeente: amersfoort, district: "Zuid", basisteam: "centrum" }
              ],
              provenance("A")
            )
          )
          assert.include(
            other.message,
            "rij 3 (GM0307): basisteam Centrum hoort bij district Noord, niet bij Zuid"
          )
          assert.deepStrictEqual(inCodeOrder((yield* store.load).regio), inCodeOrder(dataset.regio))
        })
      )
  )

  it.effect("a registration about a district is refused until a Gebieden import adds the district", () =>
    run(
      Effect.gen(function* () {
        const gebieden = yield* Gebieden.Gebieden
        const registrations = yield* Registrations.Registrations
        const row: Registration.Registration = {
          periode: "2030-01" as Periode.Periode,
          gebied: { niveau: "district", id: "eemland" },
          delict: "phishing",
          aangiften: 1,
          meldingen: null,
          slachtoffers: 1,
          schade: null,
          herkomst: { document: "politie.xlsx", sectie: "blad 1" }
        }
        const refused = yield* Effect.flip(registrations.record([row], provenance("R1")))
        assert.include(refused.message, "rij 2: district eemland hoort niet bij de regio")
        yield* gebieden.record([{ gemeente: amersfoort, district: "Eemland" }], provenance("G"))
        assert.deepStrictEqual(yield* registrations.record([row], provenance("R2")), {
          inserted: 1,
          updated: 0,
          unchanged: 0
        })
        const store = yield* ProgramStore.ProgramStore
        assert.lengthOf((yield* store.load).registraties, dataset.registraties.length + 1)
        // Undoing the district while a registration is about it would leave a database that cannot load.
        const imports = yield* Imports.Imports
        const refusedUndo = yield* Effect.flip(imports.undo("G", "tester"))
        assert.include(refusedUndo.message, "district eemland komt uit deze import")
        assert.lengthOf((yield* store.load).regio.districten, dataset.regio.districten.length + 1)
        yield* imports.undo("R2", "tester")
        yield* imports.undo("G", "tester")
        assert.lengthOf((yield* store.load).regio.districten, dataset.regio.districten.length)
      })
    )
  )

  it.effect(
    "updates a gemeente on its version; stale is a conflict; a scope elsewhere does not find it",
    () =>
      run(
        Effect.gen(function* () {
          const gebieden = yield* Gebieden.Gebieden
          const store = yield* ProgramStore.ProgramStore
          // Amersfoort's district is unknown in the bundled data (no source names it): a user fills it in.
          const updated = yield* gebieden.update(amersfoort, { district: "Eemland" }, 1, {
            actor: "anna",
            source: "api"
          })
          assert.deepStrictEqual([updated.version, updated.gemeente.district], [2, "eemland"])
          const stale = yield* Effect.flip(gebieden.update(amersfoort, { district: null }, 1, cli))
          assert.strictEqual(stale._tag, "Conflict")
          assert.include(stale.message, "GM0307")
          const hidden = yield* Effect.flip(
            gebieden.update(amersfoort, { district: null }, 2, cli, Access.onlyGemeenten([utrecht]))
          )
          assert.strictEqual(hidden._tag, "NotFound")
          assert.deepStrictEqual(
            (yield* store.history("gemeenten", amersfoort)).map((h) => [
              h.actor,
              (h.after as { district: string }).district
            ]),
            [["anna", "eemland"]]
          )
          assert.deepStrictEqual(
            yield* store.history("gemeenten", amersfoort, Access.onlyGemeenten([utrecht])),
            []
          )
          assert.sameDeepMembers(
            [...(yield* store.load).regio.districten],
            [...dataset.regio.districten, { id: "eemland", naam: "Eemland" }]
          )
          assert.deepStrictEqual(
            (yield* gebieden.list(Access.onlyGemeenten([utrecht]))).map((r) => r.gemeente.code),
            [utrecht]
          )
        })
      )
  )
}

onEachDatabase("Gebieden", gebiedenSuite)
