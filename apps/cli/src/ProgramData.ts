/**
 * The programme's data for the commands: from the database, which `dvcc init` (or, for the default
 * database, the first use) creates and fills with the bundled Midden-Nederland data.
 */
import { Database, ProgramStore } from "@dvcc/store"
import { Effect } from "effect"
import { databaseLocation } from "./Config.ts"
import { root } from "./Root.ts"

const cli: ProgramStore.Source = { actor: "cli", source: "cli" }

/**
 * Loads the bundled data into the database; running it again changes nothing. The bundled data is decoded
 * when its module loads, so it is imported only here: a database that has its data does not pay for it.
 */
export const seedBundled = Effect.gen(function* () {
  const store = yield* ProgramStore.ProgramStore
  const { dataset } = yield* Effect.promise(() => import("@dvcc/midden-nederland"))
  return yield* store.seed(dataset, cli)
})

/**
 * Runs `body` against the store of the database the flags and environment name; a named database must
 * exist unless `mayNotExist` (`dvcc init`).
 */
export const withStore = <A, E, R>(
  body: Effect.Effect<A, E, R>,
  options: { readonly mayNotExist?: boolean } = {}
) =>
  Effect.gen(function* () {
    const { db } = yield* root
    const location = yield* databaseLocation(db, options)
    return yield* body.pipe(Effect.provide(Database.layer(location)))
  })

/** The whole dataset, after filling a new database with the bundled data. */
export const loadProgram = withStore(
  Effect.gen(function* () {
    const store = yield* ProgramStore.ProgramStore
    if (yield* store.isEmpty) yield* seedBundled
    return yield* store.load
  })
)
