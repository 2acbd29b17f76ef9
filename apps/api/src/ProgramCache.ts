/**
 * The programme as the handlers read it, kept in memory between requests for as long as the database has
 * not changed. Every change to the database is audited in the same transaction, which raises the
 * database's version (`current`): one small query per read instead of reading and decoding every table.
 * The cache is a copy, not a source of truth: each `serve` process checks the database itself, so several
 * processes on one PostgreSQL database stay interchangeable.
 *
 * @since 0.1.0
 */
import { ProgramStore } from "@dvcc/store"
import { Effect, Layer } from "effect"
import { SqlClient } from "effect/sql"

/**
 * The version of the whole database: a counter that every transaction that writes (every change is
 * audited) raises once, as it commits (store migration `5_version`). It never goes back and no commit can
 * slip past it, also when two PostgreSQL transactions commit in another order than they started, so a
 * read of it after a change has been committed sees a different value. Everything kept in memory between
 * requests (the programme, reports, encoded responses, verified tokens) is kept under this value.
 *
 * @since 0.1.0
 * @category versions
 */
export const current = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const rows = yield* sql<{ readonly n: number | string | null }>`SELECT n FROM db_version WHERE id = 1`
  return String(rows[0]?.n ?? 0)
}).pipe(
  Effect.mapError(
    (cause) => new ProgramStore.StoreError({ message: "De database kon niet worden gelezen", cause })
  )
)

/**
 * Reads the version for many requests at once without reading an old one: a read that has started
 * answers only the requests that arrived before it started; requests that arrive while it runs wait for
 * the next read, which starts when it is done, after the other events of that turn of the event loop.
 * So every request gets a version read after it arrived, and sees every change committed before it (by
 * this process or another), while 50 concurrent requests cost a few reads instead of 50.
 *
 * @since 0.1.0
 * @category versions
 */
export const reader = (read: () => Promise<string>): (() => Promise<string>) => {
  let waiting: Array<{ readonly resolve: (stamp: string) => void; readonly reject: (e: unknown) => void }> =
    []
  let busy = false
  const start = () => {
    const batch = waiting
    waiting = []
    Promise.resolve()
      .then(read)
      .then(
        (stamp) => {
          for (const w of batch) w.resolve(stamp)
        },
        (error: unknown) => {
          for (const w of batch) w.reject(error)
        }
      )
      .finally(() => {
        if (waiting.length > 0) setImmediate(start)
        else busy = false
      })
  }
  return () =>
    new Promise<string>((resolve, reject) => {
      waiting.push({ resolve, reject })
      if (!busy) {
        busy = true
        setImmediate(start)
      }
    })
}

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
    const stamp = Effect.provideService(current, SqlClient.SqlClient, sql)
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
