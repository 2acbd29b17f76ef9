/**
 * The programme as the handlers read it, kept in memory between requests for as long as the database has
 * not changed. Every change to the database is audited in the same transaction, so the highest audit id
 * says whether anything changed: one small query per read instead of reading and decoding every table.
 * The cache is a copy, not a source of truth: each `serve` process checks the database itself, so several
 * processes on one PostgreSQL database stay interchangeable.
 *
 * @since 0.1.0
 */
import { ProgramStore } from "@dvcc/store"
import { Effect, Layer } from "effect"
import { SqlClient } from "effect/sql"

/**
 * `ProgramStore` with a cached `load`; everything else as the store has it.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = Layer.effect(
  ProgramStore.ProgramStore,
  Effect.gen(function* () {
    const store = yield* ProgramStore.ProgramStore
    const sql = yield* SqlClient.SqlClient
    let cached: { readonly stamp: string; readonly dataset: Effect.Success<typeof store.load> } | undefined
    // The audit id only grows (entries are never deleted): its maximum is an index lookup.
    const stamp = sql<{ readonly id: number | string | null }>`SELECT MAX(id) AS id FROM audit`.pipe(
      Effect.map((rows) => String(rows[0]?.id ?? 0)),
      Effect.mapError(
        (cause) => new ProgramStore.StoreError({ message: "De database kon niet worden gelezen", cause })
      )
    )
    const load = Effect.gen(function* () {
      const now = yield* stamp
      if (cached !== undefined && cached.stamp === now) return cached.dataset
      const dataset = yield* store.load
      cached = { stamp: now, dataset }
      return dataset
    })
    return ProgramStore.ProgramStore.of({ ...store, load })
  })
)
