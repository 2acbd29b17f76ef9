/**
 * A programme import in the store, on SQLite and PostgreSQL: a new strategy period with its jaarplan,
 * actie and indicator is one import; undo is refused, naming it, while an actie recorded since stands in
 * the jaarplan it added, and takes everything back once that is gone.
 */
import { Din, type Indicator, type Jaarplan } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { assert, it } from "@effect/vitest"
import { Effect, Layer, Option } from "effect"
import { Imports, Plans, ProgramStore } from "../src/index.ts"
import { cli, type Fresh, onEachDatabase, seeded } from "./databases.ts"

const stores = (fresh: Fresh) => seeded(fresh, Layer.mergeAll(Imports.Imports.layer, Plans.Plans.layer))

const herkomst = { document: "test", sectie: "test" }

const program = (): Din.Program => {
  const next = Din.metNieuwePeriode(dataset.program, { van: 2027, tot: 2030 }, herkomst) as Din.Program
  const [oud, nieuw] = next.strategieperioden as unknown as [Din.Din, Din.Din]
  return {
    ...next,
    strategieperioden: [
      oud,
      {
        ...nieuw,
        baten: [
          ...nieuw.baten.filter((b) => b.id !== "baat-5"),
          {
            id: "baat-6" as Din.BaatId,
            nummer: 6,
            naam: "Ondernemers zijn weerbaar",
            doel: "voorkomen" as Din.DoelId
          }
        ]
      }
    ]
  }
}

const actie = (id: string, nummer: number): Jaarplan.Actie => ({
  id,
  jaar: 2027,
  nummer,
  titel: "MKB weerbaar",
  coordinatie: [],
  inSamenwerkingMet: [],
  status: null,
  doel: "Ondernemers weerbaarder",
  outputs: [],
  beoogdeResultaten: [],
  aandachtspunten: [],
  baten: ["baat-6" as Din.BaatId],
  voorganger: null,
  herkomst
})

const indicator = {
  id: "mkb-bijeenkomsten",
  jaar: 2027,
  baat: "baat-6",
  tekst: "Tien bijeenkomsten",
  regel: { soort: "minimum-aantal", minimum: 10, periode: "2027" },
  eenheid: "bijeenkomsten",
  richting: "hoger",
  schaal: "regio",
  bron: "programma-administratie",
  verwachtOp: null,
  acties: [1],
  voorganger: null,
  herkomst
} as unknown as Indicator.Indicator

const plan = {
  jaar: 2027,
  titel: "Jaarplan 2027",
  datum: "2027-01-15",
  documentStatus: "concept",
  situatie: [],
  focus: [],
  batenToelichting: [],
  herkomst
} as unknown as Plans.Plan

onEachDatabase("A programme import", (fresh) => {
  it.effect(
    "records a new period as one import; undo refused while an actie since stands in its jaarplan",
    () =>
      Effect.gen(function* () {
        const report = yield* Plans.recordProgramma(
          { program: program(), jaarplannen: [plan], acties: [actie("mkb", 1)], indicatoren: [indicator] },
          { importId: "import-programma", file: "programma.xlsx", actor: "test" }
        )
        assert.deepStrictEqual([report.inserted, report.updated], [3, 1])
        const store = yield* ProgramStore.ProgramStore
        const loaded = yield* store.load
        assert.deepStrictEqual(
          loaded.program.strategieperioden.map((d) => Din.looptijdLabel(d.looptijd)),
          ["2023–2026", "2027–2030"]
        )
        assert.isDefined(loaded.indicatoren.find((i) => i.jaar === 2027 && i.id === "mkb-bijeenkomsten"))

        const plans = yield* Plans.Plans
        yield* plans.createActie(actie("later", 2), cli)
        const imports = yield* Imports.Imports
        const refused = yield* Effect.flip(imports.undo("import-programma", "test"))
        assert.include(refused.message, "actie 2027/later verwijst naar wat deze import toevoegde")
        assert.strictEqual((yield* store.load).program.strategieperioden.length, 2)

        const later = yield* plans.actie(2027, "later")
        yield* plans.deleteActie(2027, "later", Option.getOrThrow(later).versie, cli)
        const undone = yield* imports.undo("import-programma", "test")
        assert.deepStrictEqual([undone.removed, undone.restored], [3, 1])
        const back = yield* store.load
        assert.strictEqual(back.program.strategieperioden.length, 1)
        assert.isUndefined(back.jaarplannen.find((p) => p.jaar === 2027))
      }).pipe(Effect.provide(stores(fresh)))
  )
})
