/**
 * A database for the report tests: the bundled programme data plus the fictitious gemeente registrations
 * and activities of the report package's fixtures (the bundled data has only regional 2024 figures).
 */
import { dataset } from "@dvcc/midden-nederland"
import { Database, ProgramStore } from "@dvcc/store"
import { Effect } from "effect"
import { activiteiten, registraties } from "../../../packages/report/test/fixtures.ts"

/** Fills a new SQLite database at `file` with the bundled data and the fictitious registrations. */
export const seedReportDatabase = (file: string): Promise<void> =>
  Effect.runPromise(
    Effect.gen(function* () {
      const store = yield* ProgramStore.ProgramStore
      yield* store.seed(
        { ...dataset, registraties: [...dataset.registraties, ...registraties()], activiteiten },
        { actor: "test", source: "test" }
      )
    }).pipe(Effect.provide(Database.layer({ _tag: "Sqlite", file })))
  )

/** The bundled data plus the fictitious registrations of the first `count` gemeenten only. */
export const seedPartialDatabase = (file: string, count: number): Promise<void> =>
  Effect.runPromise(
    Effect.gen(function* () {
      const store = yield* ProgramStore.ProgramStore
      const some = new Set(dataset.regio.gemeenten.slice(0, count).map((g) => g.code))
      const own = registraties().filter((r) => r.gebied.niveau === "gemeente" && some.has(r.gebied.code))
      yield* store.seed(
        { ...dataset, registraties: [...dataset.registraties, ...own], activiteiten },
        { actor: "test", source: "test" }
      )
    }).pipe(Effect.provide(Database.layer({ _tag: "Sqlite", file })))
  )
