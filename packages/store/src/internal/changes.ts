/**
 * The change log of imports (`import_changes`), both halves in one place: what an import writes down for
 * each row it records, and how undo reads that back into one decision per row.
 *
 * Writing: every row an import brings is one change, whatever it did to the row: `inserted` (no `before`),
 * `updated` (the previous data in `before`), or `held` (the row was already so: `before` = `after`, and
 * `source` the provenance the import would have given it), each with the row's version after it. An import
 * that holds a row is a reason to keep it, so that undoing an earlier import cannot take away what a later
 * one still brings. One exception, for speed (copying them was half of a large import's time on
 * PostgreSQL): registrations of a period that held none are inserted without a change each; one
 * `freshPeriod` change per period and gemeente says the import created them all, and undo lists them again
 * from the table (`created`).
 *
 * Undoing import T, per row it brought (`before` b, `after` a), with the row's data now v:
 * - T held it (b = a): nothing to do, the row is what it was before T.
 * - v is no longer a and T had changed a value (b set): refused, since putting b back would throw away the
 *   later change (named by import, or "buiten een import om").
 * - A later import (not undone) holds v, or v is no longer a and T inserted the row: the row stays (a later
 *   import or a change outside the imports holds its value); the first later change of the row, when it
 *   built on T's value, now builds on b, so that undoing it later puts back what was there before T, and
 *   the row names the import that holds it.
 * - Else v is still a and nothing later holds it: removed (b empty) or b put back.
 *
 * "Later" is by the imports' time, then id. A change outside the imports that writes exactly the value an
 * import wrote cannot be told from that import's value: such a row counts as still the import's.
 */
import { Array as Arr, Effect } from "effect"
import type { SqlClient } from "effect/sql"
import { planHandler, planTables } from "./planTables.ts"
import { inStatements, rowsPerStatement } from "./statements.ts"
import { type DocumentTable, documentTables } from "./tables.ts"

/** One row of `import_changes`. */
export type ChangeRow = {
  readonly import_id: string
  readonly entity: string
  readonly entity_key: string
  readonly before: string | null
  readonly after: string
  readonly seq: number
  /** The gemeente the changed row is about, `null` for rows about the region or a district. */
  readonly gemeente: string | null
  /** For a held row, the provenance the import gave it; `null` when the import wrote the row itself. */
  readonly source: string | null
  /** The row's version after the change (registrations; `null` for documents and `freshPeriod`). */
  readonly version: number | null
}

/** What one change is, before it is numbered: the import, the row and what the import did to it. */
export interface Change {
  readonly entity: string
  readonly key: string
  readonly gemeente: string | null
  readonly before: string | null
  readonly after: string
  readonly source: string | null
  readonly version: number | null
}

/** The import inserted the row with `after`. */
export const inserted = (
  entity: string,
  key: string,
  gemeente: string | null,
  after: string,
  version: number | null = null
): Change => ({ entity, key, gemeente, before: null, after, source: null, version })

/** The import changed the row from `before` to `after`. */
export const updated = (
  entity: string,
  key: string,
  gemeente: string | null,
  before: string,
  after: string,
  version: number | null = null
): Change => ({ entity, key, gemeente, before, after, source: null, version })

/** The import brought the row as it was stored (`data`), with the provenance it would have given it. */
export const held = (
  entity: string,
  key: string,
  gemeente: string | null,
  data: string,
  source: string,
  version: number | null = null
): Change => ({ entity, key, gemeente, before: data, after: data, source, version })

/**
 * The entity of the change saying that the import created every registration of a period about a gemeente
 * (or, with gemeente `null`, about the region, a district or a basisteam): the period held none before.
 */
export const freshPeriodEntity = "registraties-periode"

/** The import created every registration of `periode` about `gemeente` (see the module). */
export const freshPeriod = (periode: string, gemeente: string | null): Change => ({
  entity: freshPeriodEntity,
  key: `${periode} ${gemeente ?? "-"}`,
  gemeente,
  before: null,
  after: periode,
  source: null,
  version: null
})

/**
 * Numbers `changes` from `seq` on for the import and writes them; a row changed twice by one import keeps
 * its first `before` (the data before the import).
 */
export const write = (
  sql: SqlClient.SqlClient,
  importId: string,
  seq: number,
  changes: ReadonlyArray<Change>
) =>
  Effect.gen(function* () {
    let n = seq
    const rows: Array<ChangeRow> = changes.map((c) => ({
      import_id: importId,
      entity: c.entity,
      entity_key: c.key,
      before: c.before,
      after: c.after,
      seq: ++n,
      gemeente: c.gemeente,
      source: c.source,
      version: c.version
    }))
    for (const chunk of inStatements(rows)) {
      if (!Arr.isArrayNonEmpty(chunk)) continue
      yield* sql`INSERT INTO import_changes ${sql.insert(chunk)} ON CONFLICT (import_id, entity, entity_key) DO UPDATE SET after = excluded.after, source = excluded.source, version = excluded.version`
    }
  })

/** The import to undo: its id and time. */
export interface Target {
  readonly id: string
  readonly at: string
}

/** What undo did to the rows of one entity. */
export interface EntityUndone {
  readonly entity: string
  readonly removed: number
  readonly restored: number
  /** Rows that stay because a later import or a change outside the imports holds their value. */
  readonly kept: number
}

/** Undo would throw away later changes: of these rows, by these later imports (empty: outside the imports). */
export interface Blocked {
  readonly _tag: "Blocked"
  readonly rows: number
  readonly entities: ReadonlyArray<string>
  readonly later: ReadonlyArray<string>
}

/** An entity undo does not know. */
export interface Unknown {
  readonly _tag: "Unknown"
  readonly entity: string
}

/**
 * Undoes the rows import `target` brought, in the caller's transaction: decides per row as the module
 * describes, and either applies every decision or (`Blocked`, `Unknown`) none.
 */
export const undo = (sql: SqlClient.SqlClient, target: Target) =>
  Effect.gen(function* () {
    const recorded = yield* sql<{
      readonly entity: string
      readonly entity_key: string
      readonly before: string | null
      readonly after: string
    }>`SELECT entity, entity_key, before, after FROM import_changes WHERE import_id = ${target.id} ORDER BY seq`
    const own = yield* created(sql, target, recorded)
    const createdPeriodes = [
      ...new Set(recorded.filter((c) => c.entity === freshPeriodEntity).map((c) => c.after))
    ]
    const entities = [...new Set(own.map((c) => c.entity))]
    const handlers = new Map<string, Handler>()
    for (const entity of entities) {
      const handler = handlerOf(sql, entity)
      if (handler === undefined) return { _tag: "Unknown", entity } satisfies Unknown
      handlers.set(entity, handler)
    }
    // The changes of later imports (not undone) of the same rows, oldest first.
    const later =
      entities.length === 0
        ? []
        : yield* sql<{
            readonly import_id: string
            readonly entity: string
            readonly entity_key: string
            readonly before: string | null
            readonly after: string
            readonly source: string | null
          }>`SELECT c.import_id, c.entity, c.entity_key, c.before, c.after, c.source FROM import_changes c JOIN imports i ON i.id = c.import_id WHERE c.import_id <> ${target.id} AND i.undone_at IS NULL AND (i.at > ${target.at} OR (i.at = ${target.at} AND i.id > ${target.id})) AND (EXISTS (SELECT 1 FROM import_changes t WHERE t.import_id = ${target.id} AND t.entity = c.entity AND t.entity_key = c.entity_key)${createdPeriodes.length === 0 ? sql`` : sql` OR (c.entity = 'registraties' AND ${sql.or(createdPeriodes.map((periode) => sql`c.entity_key LIKE ${`${periode} %`}`))})`}) ORDER BY i.at, i.id, c.seq`
    const ownKeys = new Set(own.map((c) => `${c.entity}\u0000${c.entity_key}`))
    const laterOf = new Map<string, Array<(typeof later)[number]>>()
    for (const l of later) {
      const key = `${l.entity}\u0000${l.entity_key}`
      if (!ownKeys.has(key)) continue
      const list = laterOf.get(key)
      if (list === undefined) laterOf.set(key, [l])
      else list.push(l)
    }

    type Plan = {
      readonly removes: Array<string>
      readonly restores: Array<{ readonly key: string; readonly before: string }>
      readonly keeps: Array<{
        readonly key: string
        /** The first later change builds on T's value: it now builds on T's `before`. */
        readonly relink: { readonly importId: string; readonly before: string | null } | undefined
        /** The provenance of the import that now holds the row, when the row should name it. */
        readonly source: string | null
      }>
    }
    const plans = new Map<string, Plan>()
    const blockedKeys = new Set<string>()
    const blockedEntities = new Set<string>()
    const blockers: Array<string> = []
    for (const [entity, handler] of handlers) {
      const ofEntity = own.filter((c) => c.entity === entity && c.before !== c.after)
      const stored = yield* handler.stored(ofEntity.map((c) => c.entity_key))
      const plan: Plan = { removes: [], restores: [], keeps: [] }
      plans.set(entity, plan)
      for (const c of ofEntity) {
        const now = stored.get(c.entity_key)
        const chain = laterOf.get(`${entity}\u0000${c.entity_key}`) ?? []
        const holder = chain.findLast((l) => l.after === now)
        if (now !== c.after && c.before !== null) {
          blockedKeys.add(`${entity}\u0000${c.entity_key}`)
          blockedEntities.add(entity)
          for (const l of chain) {
            if (l.before !== l.after && !blockers.includes(l.import_id)) blockers.push(l.import_id)
          }
        } else if (holder === undefined && now === c.after) {
          if (c.before === null) plan.removes.push(c.entity_key)
          else plan.restores.push({ key: c.entity_key, before: c.before })
        } else {
          const first = chain[0]
          const last = chain.at(-1)
          plan.keeps.push({
            key: c.entity_key,
            relink:
              first !== undefined && first.before === c.after
                ? { importId: first.import_id, before: c.before }
                : undefined,
            source: last !== undefined && last === holder && last.source !== null ? last.source : null
          })
        }
      }
    }
    if (blockedKeys.size > 0) {
      return {
        _tag: "Blocked",
        rows: blockedKeys.size,
        entities: [...blockedEntities],
        later: blockers
      } satisfies Blocked
    }
    const source = JSON.stringify({ undoneImport: target.id })
    const done: Array<EntityUndone> = []
    for (const [entity, handler] of handlers) {
      const plan = plans.get(entity) as Plan
      yield* handler.remove(plan.removes)
      for (const r of plan.restores) yield* handler.restore(r.key, r.before, source)
      for (const k of plan.keeps) {
        if (k.relink !== undefined)
          yield* sql`UPDATE import_changes SET before = ${k.relink.before} WHERE import_id = ${k.relink.importId} AND entity = ${entity} AND entity_key = ${k.key}`
        if (k.source !== null) yield* handler.name(k.key, k.source)
      }
      done.push({
        entity,
        removed: plan.removes.length,
        restored: plan.restores.length,
        kept: plan.keeps.length
      })
    }
    return { _tag: "Undone", entities: done } as const
  })

/** One change as undo reads it. */
type Recorded = {
  readonly entity: string
  readonly entity_key: string
  readonly before: string | null
  readonly after: string
}

/**
 * The import's changes with its `freshPeriod` changes replaced by one change per registration it created
 * in those periods (`before` null). A registration of such a period is the import's unless another import
 * (not undone) inserted it, or it is still at version 1 with another provenance. What the import wrote is
 * the data at version 1: the row's own while it is at version 1, else the `before` of the later change that
 * found version 1 (a hold at version 1, an update to version 2); with neither, it was changed outside the
 * imports, and undo sees a value no longer the import's. (Changes written before versions were recorded:
 * the first later change's `before`.)
 */
const created = (sql: SqlClient.SqlClient, target: Target, recorded: ReadonlyArray<Recorded>) =>
  Effect.gen(function* () {
    const markers = recorded.filter((c) => c.entity === freshPeriodEntity)
    if (markers.length === 0) return recorded
    const createdIn = new Set(markers.map((c) => c.entity_key))
    const periodes = [...new Set(markers.map((c) => c.after))]
    const own = new Set(recorded.filter((c) => c.entity === "registraties").map((c) => c.entity_key))
    const othersOf = new Map<
      string,
      Array<{
        readonly before: string | null
        readonly after: string
        readonly version: number | null
        readonly undone: boolean
      }>
    >()
    const expanded: Array<Recorded> = []
    for (let p = 0; p < periodes.length; p += rowsPerStatement) {
      const some = periodes.slice(p, p + rowsPerStatement)
      const others = yield* sql<{
        readonly entity_key: string
        readonly before: string | null
        readonly after: string
        readonly version: number | bigint | string | null
        readonly undone_at: string | null
      }>`SELECT c.entity_key, c.before, c.after, c.version, i.undone_at FROM import_changes c JOIN imports i ON i.id = c.import_id WHERE c.entity = 'registraties' AND c.import_id <> ${target.id} AND ${sql.or(
        some.map((periode) => sql`c.entity_key LIKE ${`${periode} %`}`)
      )} ORDER BY i.at, i.id, c.seq`
      for (const o of others) {
        const entry = {
          before: o.before,
          after: o.after,
          version: o.version === null ? null : Number(o.version),
          undone: o.undone_at !== null
        }
        const list = othersOf.get(o.entity_key)
        if (list === undefined) othersOf.set(o.entity_key, [entry])
        else list.push(entry)
      }
      const rows = yield* sql<{
        readonly periode: string
        readonly gebied: string
        readonly delict: string
        readonly data: string
        readonly version: number | bigint | string
        readonly source: string
      }>`SELECT periode, gebied, delict, data, version, source FROM registraties WHERE ${sql.in("periode", some)}`
      for (const row of rows) {
        const gebied = JSON.parse(row.gebied) as { readonly niveau?: string; readonly code?: string }
        const gemeente = gebied.niveau === "gemeente" ? (gebied.code ?? "-") : "-"
        if (!createdIn.has(`${row.periode} ${gemeente}`)) continue
        const key = entityKey(row)
        if (own.has(key)) continue
        const others = othersOf.get(key) ?? []
        if (others.some((o) => o.before === null && !o.undone)) continue
        let after: string
        if (Number(row.version) === 1) {
          const provenance = JSON.parse(row.source) as { readonly importId?: unknown }
          if (provenance.importId !== target.id) continue
          after = row.data
        } else {
          const found =
            others.find(
              (o) =>
                o.before !== null &&
                ((o.before === o.after && o.version === 1) || (o.before !== o.after && o.version === 2))
            ) ?? others.find((o) => o.version === null && o.before !== null)
          after = found?.before ?? ""
        }
        expanded.push({ entity: "registraties", entity_key: key, before: null, after })
      }
    }
    const out: Array<Recorded> = []
    let placed = false
    const inCreated = (key: string) => {
      const k = parseEntityKey(key)
      const gebied = JSON.parse(k.gebied) as { readonly niveau?: string; readonly code?: string }
      return createdIn.has(`${k.periode} ${gebied.niveau === "gemeente" ? (gebied.code ?? "-") : "-"}`)
    }
    for (const c of recorded) {
      if (c.entity === freshPeriodEntity) {
        if (!placed) out.push(...expanded)
        placed = true
      } else if (c.entity === "registraties" && inCreated(c.entity_key)) {
        // A later call of the same import wrote the row again: it created it all the same.
        out.push({ ...c, before: null })
      } else out.push(c)
    }
    return out
  })

// internal

/** How undo reads, removes, restores and renames the rows of one entity, by their `entity_key`. */
interface Handler {
  readonly stored: (keys: ReadonlyArray<string>) => Effect.Effect<Map<string, string>, unknown>
  readonly remove: (keys: ReadonlyArray<string>) => Effect.Effect<void, unknown>
  readonly restore: (key: string, before: string, source: string) => Effect.Effect<void, unknown>
  /** Gives the row the provenance of the import that now holds it (its data stays). */
  readonly name: (key: string, source: string) => Effect.Effect<void, unknown>
}

const handlerOf = (sql: SqlClient.SqlClient, entity: string): Handler | undefined => {
  if (entity === "registraties") return registrationHandler(sql)
  const plan = planTables.find((t) => t.name === entity)
  if (plan !== undefined) return planHandler(sql, plan)
  const table = documentTables.find((t) => t.name === entity)
  return table === undefined ? undefined : documentHandler(sql, table)
}

/** A registration's key columns. */
export type Key = { readonly periode: string; readonly gebied: string; readonly delict: string }

/** A registration's key columns as one string, for maps. */
export const rowKey = (k: Key): string => `${k.periode}\u0000${k.gebied}\u0000${k.delict}`

/**
 * A registration's `entity_key` in `import_changes`: periode, delict and gebied (JSON), separated by a
 * space (periode and delict have none).
 */
export const entityKey = (k: Key): string => `${k.periode} ${k.delict} ${k.gebied}`

/** The key columns of an `entity_key`. */
export const parseEntityKey = (entityKey: string): Key => {
  const first = entityKey.indexOf(" ")
  const second = entityKey.indexOf(" ", first + 1)
  return {
    periode: entityKey.slice(0, first),
    delict: entityKey.slice(first + 1, second),
    gebied: entityKey.slice(second + 1)
  }
}

/** The stored `data` and version of the registrations with these keys (at most `rowsPerStatement`), by `rowKey`. */
export const readData = (sql: SqlClient.SqlClient, keys: ReadonlyArray<Key>) =>
  Effect.map(
    keys.length === 0
      ? Effect.succeed([])
      : sql<
          Key & { readonly data: string; readonly version: number | bigint | string }
        >`SELECT periode, gebied, delict, data, version FROM registraties WHERE ${sql.or(
          keys.map((k) => sql`(${whereKey(sql, k)})`)
        )}`,
    (rows) => new Map(rows.map((row) => [rowKey(row), { data: row.data, version: Number(row.version) }]))
  )

const whereKey = (sql: SqlClient.SqlClient, k: Key) =>
  sql`periode = ${k.periode} AND gebied = ${k.gebied} AND delict = ${k.delict}`

const registrationHandler = (sql: SqlClient.SqlClient): Handler => ({
  stored: (keys) =>
    Effect.gen(function* () {
      const out = new Map<string, string>()
      for (let offset = 0; offset < keys.length; offset += rowsPerStatement) {
        const chunk = keys.slice(offset, offset + rowsPerStatement)
        const parsed = chunk.map(parseEntityKey)
        const stored = yield* readData(sql, parsed)
        chunk.forEach((key, i) => {
          const data = stored.get(rowKey(parsed[i] as Key))?.data
          if (data !== undefined) out.set(key, data)
        })
      }
      return out
    }),
  remove: (keys) =>
    Effect.gen(function* () {
      for (let offset = 0; offset < keys.length; offset += rowsPerStatement) {
        const parsed = keys.slice(offset, offset + rowsPerStatement).map(parseEntityKey)
        yield* sql`DELETE FROM registraties WHERE ${sql.or(parsed.map((k) => sql`(${whereKey(sql, k)})`))}`
      }
    }),
  restore: (key, before, source) =>
    sql`UPDATE registraties SET data = ${before}, version = version + 1, source = ${source} WHERE ${whereKey(sql, parseEntityKey(key))}`,
  name: (key, source) =>
    sql`UPDATE registraties SET source = ${source} WHERE ${whereKey(sql, parseEntityKey(key))}`
})

const documentHandler = (sql: SqlClient.SqlClient, table: DocumentTable): Handler => ({
  stored: (keys) => readDocuments(sql, table, keys),
  remove: (keys) =>
    Effect.gen(function* () {
      for (let offset = 0; offset < keys.length; offset += rowsPerStatement) {
        const some = keys.slice(offset, offset + rowsPerStatement)
        yield* sql`DELETE FROM ${sql(table.name)} WHERE ${sql.in(table.key, some)}`
      }
    }),
  restore: (key, before, source) =>
    sql`UPDATE ${sql(table.name)} SET ${sql.update({
      ...table.columns(JSON.parse(before) as Record<string, unknown>),
      data: before,
      source
    })}, version = version + 1 WHERE ${sql(table.key)} = ${key}`,
  name: (key, source) =>
    sql`UPDATE ${sql(table.name)} SET source = ${source} WHERE ${sql(table.key)} = ${key}`
})

/** The stored `data` of the documents with these keys, by key. */
export const readDocuments = (sql: SqlClient.SqlClient, table: DocumentTable, keys: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const out = new Map<string, string>()
    for (let p = 0; p < keys.length; p += rowsPerStatement) {
      const some = keys.slice(p, p + rowsPerStatement)
      const rows = yield* sql<{
        readonly key: string
        readonly data: string
      }>`SELECT ${sql(table.key)} AS key, data FROM ${sql(table.name)} WHERE ${sql.in(table.key, some)}`
      for (const row of rows) out.set(String(row.key), row.data)
    }
    return out
  })
