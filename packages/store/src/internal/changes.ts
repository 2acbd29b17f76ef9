/**
 * The change log of imports (`import_changes`), both halves in one place: what an import writes down for
 * each row it records, and how undo reads that back into one decision per row.
 *
 * Writing: every row an import brings is one change, whatever it did to the row: `inserted` (no `before`),
 * `updated` (the previous data in `before`), or `held` (the row was already so: `before` = `after`, and
 * `source` the provenance the import would have given it). An import that holds a row is a reason to keep
 * it, so that undoing an earlier import cannot take away what a later one still brings.
 *
 * Undoing import T, per row it brought (`before` b, `after` a), with the row's data now v:
 * - T held it (b = a): nothing to do, the row is what it was before T.
 * - A later import (not undone) holds v, or v is no longer a and T inserted the row: the row stays (a later
 *   import or a change outside the imports holds its value); the first later change of the row, when it
 *   built on T's value, now builds on b, so that undoing it later puts back what was there before T.
 * - v is still a and nothing later holds it: removed (b empty) or b put back.
 * - v is no longer a and T had changed a value (b ≠ a): refused, since putting b back would throw away the
 *   later change (named by import, or "buiten een import om").
 *
 * "Later" is by the imports' time, then id. A change outside the imports that writes exactly the value an
 * import wrote cannot be told from that import's value: such a row counts as still the import's.
 */
import { Array as Arr, Effect } from "effect"
import type { SqlClient } from "effect/sql"
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
}

/** What one change is, before it is numbered: the import, the row and what the import did to it. */
export interface Change {
  readonly entity: string
  readonly key: string
  readonly gemeente: string | null
  readonly before: string | null
  readonly after: string
  readonly source: string | null
}

/** The import inserted the row with `after`. */
export const inserted = (entity: string, key: string, gemeente: string | null, after: string): Change => ({
  entity,
  key,
  gemeente,
  before: null,
  after,
  source: null
})

/** The import changed the row from `before` to `after`. */
export const updated = (
  entity: string,
  key: string,
  gemeente: string | null,
  before: string,
  after: string
): Change => ({ entity, key, gemeente, before, after, source: null })

/** The import brought the row as it was stored (`data`), with the provenance it would have given it. */
export const held = (
  entity: string,
  key: string,
  gemeente: string | null,
  data: string,
  source: string
): Change => ({ entity, key, gemeente, before: data, after: data, source })

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
      source: c.source
    }))
    for (const chunk of inStatements(rows)) {
      if (!Arr.isArrayNonEmpty(chunk)) continue
      yield* sql`INSERT INTO import_changes ${sql.insert(chunk)} ON CONFLICT (import_id, entity, entity_key) DO UPDATE SET after = excluded.after, source = excluded.source`
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
    const own = yield* sql<{
      readonly entity: string
      readonly entity_key: string
      readonly before: string | null
      readonly after: string
    }>`SELECT entity, entity_key, before, after FROM import_changes WHERE import_id = ${target.id} ORDER BY seq`
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
          }>`SELECT c.import_id, c.entity, c.entity_key, c.before, c.after, c.source FROM import_changes c JOIN imports i ON i.id = c.import_id WHERE c.import_id <> ${target.id} AND i.undone_at IS NULL AND (i.at > ${target.at} OR (i.at = ${target.at} AND i.id > ${target.id})) AND EXISTS (SELECT 1 FROM import_changes t WHERE t.import_id = ${target.id} AND t.entity = c.entity AND t.entity_key = c.entity_key) ORDER BY i.at, i.id, c.seq`
    const laterOf = new Map<string, Array<(typeof later)[number]>>()
    for (const l of later) {
      const key = `${l.entity}\u0000${l.entity_key}`
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

/** The stored `data` of the registrations with these keys (at most `rowsPerStatement`), by `rowKey`. */
export const readData = (sql: SqlClient.SqlClient, keys: ReadonlyArray<Key>) =>
  Effect.map(
    keys.length === 0
      ? Effect.succeed([])
      : sql<
          Key & { readonly data: string }
        >`SELECT periode, gebied, delict, data FROM registraties WHERE ${sql.or(
          keys.map((k) => sql`(${whereKey(sql, k)})`)
        )}`,
    (rows) => new Map(rows.map((row) => [rowKey(row), row.data]))
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
          const data = stored.get(rowKey(parsed[i] as Key))
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

/**
 * For the migration to `import_changes` with one change per row: dvcc before it wrote, for the registrations
 * an import created in a period that held none, one change per period and gemeente (entity
 * `registraties-periode`, key `2030-05 GM0344` or `2030-05 -`, `after` the period). Each becomes a change per
 * registration of that period and gemeente that the import created: not inserted by another import, and,
 * when still at version 1, with the import's provenance. What it wrote is its own data at version 1, else
 * what the first later change found (else the data now).
 */
export const expandFreshPeriods = (sql: SqlClient.SqlClient) =>
  Effect.gen(function* () {
    const markers = yield* sql<{
      readonly import_id: string
      readonly entity_key: string
      readonly after: string
      readonly seq: number | bigint | string
    }>`SELECT import_id, entity_key, after, seq FROM import_changes WHERE entity = 'registraties-periode' ORDER BY import_id, seq`
    if (markers.length === 0) return
    const others = yield* sql<{
      readonly import_id: string
      readonly entity_key: string
      readonly before: string | null
      readonly at: string
      readonly undone_at: string | null
    }>`SELECT c.import_id, c.entity_key, c.before, i.at, i.undone_at FROM import_changes c JOIN imports i ON i.id = c.import_id WHERE c.entity = 'registraties' ORDER BY i.at, c.import_id, c.seq`
    const imports = yield* sql<{ readonly id: string; readonly at: string }>`SELECT id, at FROM imports`
    const atOf = new Map(imports.map((i) => [i.id, i.at]))
    for (const marker of markers) {
      const [periode, gemeente] = marker.entity_key.split(" ") as [string, string]
      const at = atOf.get(marker.import_id) ?? ""
      const rows = yield* sql<{
        readonly periode: string
        readonly gebied: string
        readonly delict: string
        readonly data: string
        readonly version: number | bigint | string
        readonly source: string
      }>`SELECT periode, gebied, delict, data, version, source FROM registraties WHERE periode = ${periode}`
      const changes: Array<ChangeRow> = []
      for (const row of rows) {
        const parsed = JSON.parse(row.gebied) as { readonly niveau?: string; readonly code?: string }
        const code = parsed.niveau === "gemeente" ? (parsed.code ?? null) : null
        if ((code ?? "-") !== gemeente) continue
        const key = entityKey(row)
        const ofRow = others.filter((o) => o.entity_key === key)
        if (ofRow.some((o) => o.import_id === marker.import_id)) continue
        if (ofRow.some((o) => o.before === null && o.undone_at === null)) continue
        let after = row.data
        if (Number(row.version) === 1) {
          const source = JSON.parse(row.source) as { readonly importId?: unknown }
          if (source.importId !== marker.import_id) continue
        } else {
          const first = ofRow.find((o) => o.at >= at)
          if (first?.before !== undefined && first.before !== null) after = first.before
        }
        changes.push({
          import_id: marker.import_id,
          entity: "registraties",
          entity_key: key,
          before: null,
          after,
          seq: Number(marker.seq),
          gemeente: code,
          source: null
        })
      }
      for (const chunk of inStatements(changes)) {
        if (Arr.isArrayNonEmpty(chunk)) yield* sql`INSERT INTO import_changes ${sql.insert(chunk)}`
      }
    }
    yield* sql`DELETE FROM import_changes WHERE entity = 'registraties-periode'`
  })
