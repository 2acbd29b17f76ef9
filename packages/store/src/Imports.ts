/**
 * The imports in the database, and undoing one: every change an import made (`import_changes`) is put
 * back as it was, in one transaction, unless a later change built on it.
 *
 * Imports of every kind are undone the same way: registrations, activities, measurements and the
 * geography (gemeenten, and the region's districts and basisteams); the report counts per kind.
 *
 * An import is named by its id or by the SHA-256 of its file (the full hash, or a prefix of at least 8
 * characters). Undoing removes the rows the import inserted and restores the data of the rows it
 * updated; it is refused, naming the later imports, when any of those rows changed since. The import
 * stays listed, marked undone; undoing it again is refused.
 *
 * The registrations an import created in periods that held none are not listed one by one in
 * `import_changes` (that copy was a quarter of a large import's time): undo finds them by period, gemeente and
 * provenance, and knows what the import wrote from the row's version and the later imports' changes.
 *
 * @since 0.1.0
 */
import type { Access, Periode } from "@dvcc/core"
import { Context, DateTime, Effect, Layer, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { freshPeriod, freshPeriodKey, readDocuments, rowsPerStatement } from "./internal/bulk.ts"
import { detail, migrated, StoreError } from "./internal/errors.ts"
import { counted, type DocumentTable, documentTables } from "./internal/tables.ts"
import { entityKey, parseEntityKey, readData } from "./Registrations.ts"
import { type Scope, scopeCondition } from "./Scope.ts"

/**
 * No import has this id or SHA-256.
 *
 * @since 0.1.0
 * @category errors
 */
export class ImportNotFound extends Schema.TaggedError<ImportNotFound>()("ImportNotFound", {
  reference: Schema.String
}) {
  override get message() {
    return `Er is geen import met id of sha256 ${this.reference}: zie dvcc import list.`
  }
}

/**
 * The import was undone before.
 *
 * @since 0.1.0
 * @category errors
 */
export class ImportAlreadyUndone extends Schema.TaggedError<ImportAlreadyUndone>()("ImportAlreadyUndone", {
  id: Schema.String,
  undoneAt: Schema.String
}) {
  override get message() {
    return `Import ${this.id} is al ongedaan gemaakt (${this.undoneAt}); er is niets gewijzigd.`
  }
}

/**
 * Rows the import wrote were changed afterwards: undoing it would throw those changes away.
 *
 * @since 0.1.0
 * @category errors
 */
export class ImportDependedOn extends Schema.TaggedError<ImportDependedOn>()("ImportDependedOn", {
  id: Schema.String,
  /** The later imports (not undone) that changed rows of this one, oldest first. */
  later: Schema.Array(Schema.String),
  /** How many rows of the import changed since. */
  rows: Schema.Int,
  /** The entities (tables) of those rows: `registraties`, `activiteiten`, `metingen`, `gemeenten`, `regio`. */
  entities: Schema.Array(Schema.String)
}) {
  override get message() {
    const by =
      this.later.length === 0
        ? "buiten een import om"
        : `door ${this.later.length === 1 ? "import" : "de imports"} ${this.later.join(", ")}`
    const first = this.later.length === 0 ? "" : "; maak die eerst ongedaan"
    const what = counted(this.entities.length === 1 ? this.entities[0] : undefined, this.rows)
    return `Import ${this.id} kan niet ongedaan worden gemaakt: ${what} ${this.rows === 1 ? "is" : "zijn"} daarna gewijzigd ${by}${first}. Er is niets gewijzigd.`
  }
}

/** The kind of data of an `import_changes` entity (a table); one this dvcc does not know is the beheerder's. */
const gegevensOf = (entity: string): Access.Gegevens =>
  entity === "registraties" || entity === freshPeriod
    ? "registraties"
    : entity === "activiteiten" || entity === "metingen"
      ? entity
      : "gebieden"

/**
 * One import as listed.
 *
 * @since 0.1.0
 * @category models
 */
export interface Import {
  readonly id: string
  readonly sha256: string | undefined
  readonly file: string | undefined
  readonly sheet: string | undefined
  readonly at: string
  readonly actor: string
  readonly inserted: number
  readonly updated: number
  readonly unchanged: number
  readonly undoneAt: string | undefined
}

/**
 * What an undo did.
 *
 * @since 0.1.0
 * @category models
 */
export interface UndoReport {
  readonly id: string
  /** Rows the import had inserted, now deleted (all entities). */
  readonly removed: number
  /** Rows the import had updated, now back to their previous data (all entities). */
  readonly restored: number
  /** The same per entity (table) the import changed, in the order it changed them first. */
  readonly entities: ReadonlyArray<{
    readonly entity: string
    readonly removed: number
    readonly restored: number
  }>
}

/**
 * What an undo did, in Dutch: `2 registraties verwijderd, 6 teruggezet`, per entity joined by `; `.
 *
 * @since 0.1.0
 * @category formatting
 */
export const summary = (report: UndoReport): string => {
  const number = new Intl.NumberFormat("nl-NL")
  const format = (n: number) => number.format(n)
  const parts = report.entities.map(
    (e) => `${counted(e.entity, e.removed, format)} verwijderd, ${format(e.restored)} teruggezet`
  )
  return parts.length === 0 ? "niets verwijderd of teruggezet" : parts.join("; ")
}

/**
 * @since 0.1.0
 * @category services
 */
export class Imports extends Context.Service<
  Imports,
  {
    /** All imports, oldest first. */
    readonly list: Effect.Effect<ReadonlyArray<Import>, StoreError>
    /**
     * The imports a scope may see, oldest first: with a scope of gemeenten, only the imports that changed
     * no row of another gemeente (rows about the region, a district or a basisteam do not hide an import).
     */
    readonly listFor: (scope: Scope) => Effect.Effect<ReadonlyArray<Import>, StoreError>
    /**
     * What the import with this id changed: each kind of data with the gemeente of its rows (`null` for
     * rows about the region, a district or a basisteam), once each; for deciding who may undo it.
     */
    readonly touched: (
      id: string
    ) => Effect.Effect<
      ReadonlyArray<{ readonly gegevens: Access.Gegevens; readonly gemeente: string | null }>,
      StoreError
    >
    /** Undoes the import with this id or SHA-256, audited; all or nothing. */
    readonly undo: (
      idOrSha256: string,
      actor: string
    ) => Effect.Effect<UndoReport, StoreError | ImportNotFound | ImportAlreadyUndone | ImportDependedOn>
  }
>()("@dvcc/store/Imports") {
  /**
   * Migrates the database on first use, then serves the imports.
   *
   * @since 0.1.0
   * @category layers
   */
  static readonly layer = Layer.effect(
    Imports,
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      yield* migrated

      const all = Effect.map(
        sql<ImportRow>`SELECT id, sha256, file, sheet, at, actor, inserted, updated, unchanged, undone_at FROM imports ORDER BY at, id`,
        (rows) => rows.map(fromRow)
      )

      const listFor = (scope: Scope) =>
        (scope.kind === "alles"
          ? all
          : Effect.map(
              sql<ImportRow>`SELECT id, sha256, file, sheet, at, actor, inserted, updated, unchanged, undone_at FROM imports WHERE NOT EXISTS (SELECT 1 FROM import_changes c WHERE c.import_id = imports.id AND NOT ${scopeCondition(sql, scope, "c.gemeente")}) ORDER BY at, id`,
              (rows) => rows.map(fromRow)
            )
        ).pipe(
          Effect.mapError(
            (cause) =>
              new StoreError({ message: `De imports konden niet worden gelezen: ${detail(cause)}`, cause })
          )
        )

      /** The import `reference` names: its id, else the one not undone with that SHA-256 (or prefix). */
      const find = (reference: string) =>
        Effect.gen(function* () {
          const imports = yield* all
          const byId = imports.find((i) => i.id === reference)
          if (byId !== undefined) return byId
          const hash = reference.toLowerCase()
          const bySha = /^[0-9a-f]{8,64}$/.test(hash)
            ? imports.filter((i) => i.sha256?.toLowerCase().startsWith(hash) === true)
            : []
          const last = bySha[bySha.length - 1]
          if (last === undefined) return yield* new ImportNotFound({ reference })
          const open = bySha.filter((i) => i.undoneAt === undefined)
          const [only, ...others] = open
          if (only === undefined)
            return yield* new ImportAlreadyUndone({ id: last.id, undoneAt: last.undoneAt ?? "" })
          if (others.length > 0) {
            return yield* new StoreError({
              message: `Meerdere imports hebben sha256 ${reference} (${open.map((i) => i.id).join(", ")}): noem de id.`
            })
          }
          return only
        })

      const undo = (reference: string, actor: string) =>
        Effect.gen(function* () {
          const target = yield* find(reference)
          if (target.undoneAt !== undefined) {
            return yield* new ImportAlreadyUndone({ id: target.id, undoneAt: target.undoneAt })
          }
          const recorded =
            yield* sql<Change>`SELECT entity, entity_key, before, after FROM import_changes WHERE import_id = ${target.id} ORDER BY seq`
          // Registrations of the periods the import created are found by period here, with their data.
          const { changes, data: createdData } = yield* withCreatedRegistrations(sql, target, recorded)
          const entities = [...new Set(changes.map((c) => c.entity))]
          const handlers = new Map<string, Handler>()
          for (const entity of entities) {
            const handler = handlerOf(sql, entity)
            if (handler === undefined) {
              return yield* new StoreError({
                message: `Import ${target.id} wijzigde ${entity}, dat deze dvcc niet ongedaan kan maken.`
              })
            }
            handlers.set(entity, handler)
          }
          // Rows whose data is no longer what the import wrote.
          const changedSince = new Set<string>()
          const changedEntities = new Set<string>()
          for (const [entity, handler] of handlers) {
            const ofEntity = changes.filter((c) => c.entity === entity)
            const known = entity === "registraties" ? createdData : new Map<string, string>()
            const stored = yield* handler.stored(
              ofEntity.filter((c) => !known.has(c.entity_key)).map((c) => c.entity_key)
            )
            for (const c of ofEntity) {
              if ((known.get(c.entity_key) ?? stored.get(c.entity_key)) !== c.after) {
                changedSince.add(`${entity}\u0000${c.entity_key}`)
                changedEntities.add(entity)
              }
            }
          }
          if (changedSince.size > 0) {
            const later = yield* sql<{
              readonly import_id: string
              readonly entity: string
              readonly entity_key: string
            }>`SELECT c.import_id, c.entity, c.entity_key FROM import_changes c JOIN imports i ON i.id = c.import_id WHERE ${sql.in("c.entity", [...changedEntities])} AND c.import_id <> ${target.id} AND i.undone_at IS NULL AND i.at >= ${target.at} ORDER BY i.at, c.import_id`
            const names: Array<string> = []
            for (const row of later) {
              if (changedSince.has(`${row.entity}\u0000${row.entity_key}`) && !names.includes(row.import_id))
                names.push(row.import_id)
            }
            return yield* new ImportDependedOn({
              id: target.id,
              later: names,
              rows: changedSince.size,
              entities: [...changedEntities]
            })
          }
          const at = DateTime.formatIso(yield* DateTime.now)
          const source = JSON.stringify({ undoneImport: target.id })
          const perEntity: Array<{ entity: string; removed: number; restored: number }> = []
          for (const [entity, handler] of handlers) {
            const ofEntity = changes.filter((c) => c.entity === entity)
            const inserted = ofEntity.filter((c) => c.before === null).map((c) => c.entity_key)
            yield* handler.remove(inserted)
            let restored = 0
            for (const c of ofEntity) {
              if (c.before === null) continue
              yield* handler.restore(c.entity_key, c.before, source)
              restored++
            }
            perEntity.push({ entity, removed: inserted.length, restored })
          }
          if (handlers.has("regio")) {
            // Districts and basisteams the import added may be what later rows are about.
            const orphans = yield* orphanedAreas(sql)
            if (orphans.length > 0) {
              return yield* new StoreError({
                message: `Import ${target.id} kan niet ongedaan worden gemaakt: ${orphans.join(", ")} ${orphans.length === 1 ? "komt" : "komen"} uit deze import en latere registraties of metingen gaan erover; maak die eerst ongedaan. Er is niets gewijzigd.`
              })
            }
          }
          const removed = perEntity.reduce((n, e) => n + e.removed, 0)
          const restored = perEntity.reduce((n, e) => n + e.restored, 0)
          yield* sql`UPDATE imports SET undone_at = ${at} WHERE id = ${target.id}`
          yield* sql`INSERT INTO audit ${sql.insert({
            at,
            actor,
            entity: "import",
            entity_key: target.id,
            action: "delete",
            before: JSON.stringify({
              inserted: target.inserted,
              updated: target.updated,
              unchanged: target.unchanged
            }),
            after: null,
            source: "import-undo"
          })}`
          return { id: target.id, removed, restored, entities: perEntity } satisfies UndoReport
        }).pipe(
          sql.withTransaction,
          Effect.mapError((cause) =>
            cause instanceof ImportNotFound ||
            cause instanceof ImportAlreadyUndone ||
            cause instanceof ImportDependedOn ||
            cause instanceof StoreError
              ? cause
              : new StoreError({
                  message: `Import ${reference} kon niet ongedaan worden gemaakt: ${detail(cause)}. Er is niets gewijzigd.`,
                  cause
                })
          )
        )

      const touched = (id: string) =>
        Effect.map(
          sql<{
            readonly entity: string
            readonly gemeente: string | null
          }>`SELECT DISTINCT entity, gemeente FROM import_changes WHERE import_id = ${id}`,
          (rows) => rows.map((r) => ({ gegevens: gegevensOf(r.entity), gemeente: r.gemeente }))
        ).pipe(
          Effect.mapError(
            (cause) =>
              new StoreError({ message: `Import ${id} kon niet worden gelezen: ${detail(cause)}`, cause })
          )
        )

      return Imports.of({ list: listFor({ kind: "alles" }), listFor, touched, undo })
    })
  )
}

/**
 * The day of the last import that is not undone, the date of the data a report states; `undefined` before
 * the first import.
 *
 * @since 0.1.0
 * @category accessors
 */
export const lastImportDay: Effect.Effect<Periode.Datum | undefined, StoreError, Imports> = Effect.gen(
  function* () {
    const imports = yield* (yield* Imports).list
    return imports
      .filter((i) => i.undoneAt === undefined)
      .map((i) => i.at.slice(0, 10) as Periode.Datum)
      .sort()
      .at(-1)
  }
)

// internal

/** One change an import made, as `import_changes` holds it. */
type Change = {
  readonly entity: string
  readonly entity_key: string
  readonly before: string | null
  readonly after: string
}

/**
 * The import's changes with its `freshPeriod` rows replaced by one change per registration it created in
 * those periods (`before` NULL), and the stored data of those registrations. A registration of such a period
 * is the import's unless another import (not undone) inserted it, or it is still at version 1 with another
 * provenance. What the import wrote is its own later change of the row, else the stored data when the row is
 * still at version 1, else what the first later import found (`before`); a row changed outside an import
 * gets no data to compare, so that undo counts it as changed since.
 */
const withCreatedRegistrations = (
  sql: SqlClient.SqlClient,
  target: Import,
  recorded: ReadonlyArray<Change>
) =>
  Effect.gen(function* () {
    const data = new Map<string, string>()
    const markers = recorded.filter((c) => c.entity === freshPeriod)
    if (markers.length === 0) return { changes: recorded, data }
    const createdIn = new Set(markers.map((c) => c.entity_key))
    const periodes = [...new Set(markers.map((c) => c.after))]
    const inPeriodes = new Set(periodes)
    const own = new Map<string, Change>()
    for (const c of recorded) if (c.entity === "registraties") own.set(c.entity_key, c)
    const others = yield* sql<{
      readonly entity_key: string
      readonly before: string | null
      readonly at: string
      readonly undone_at: string | null
    }>`SELECT c.entity_key, c.before, i.at, i.undone_at FROM import_changes c JOIN imports i ON i.id = c.import_id WHERE c.entity = 'registraties' AND c.import_id <> ${target.id} ORDER BY i.at, c.import_id, c.seq`
    const insertedByOthers = new Set<string>()
    const firstLater = new Map<string, string | null>()
    for (const o of others) {
      if (!inPeriodes.has(o.entity_key.slice(0, o.entity_key.indexOf(" ")))) continue
      if (o.before === null && o.undone_at === null) insertedByOthers.add(o.entity_key)
      if (o.at >= target.at && !firstLater.has(o.entity_key)) firstLater.set(o.entity_key, o.before)
    }
    const mine = `{"importId":${JSON.stringify(target.id)},`
    const created: Array<Change> = []
    const ownCreated = new Set<string>()
    for (let p = 0; p < periodes.length; p += rowsPerStatement) {
      const rows = yield* sql<{
        readonly periode: string
        readonly gebied: string
        readonly delict: string
        readonly data: string
        readonly version: number | bigint | string
        readonly source: string
      }>`SELECT periode, gebied, delict, data, version, source FROM registraties WHERE ${sql.in("periode", periodes.slice(p, p + rowsPerStatement))} ORDER BY periode, gebied, delict`
      for (const row of rows) {
        if (!createdIn.has(freshPeriodKey(row.periode, gemeenteOfColumn(row.gebied)))) continue
        const key = entityKey(row)
        if (insertedByOthers.has(key)) continue
        if (own.has(key)) {
          ownCreated.add(key)
          data.set(key, row.data)
          continue
        }
        let after: string
        if (Number(row.version) === 1) {
          if (!row.source.startsWith(mine)) continue
          after = row.data
        } else after = firstLater.get(key) ?? ""
        created.push({ entity: "registraties", entity_key: key, before: null, after })
        data.set(key, row.data)
      }
    }
    const changes: Array<Change> = []
    let placed = false
    for (const c of recorded) {
      if (c.entity === freshPeriod) {
        if (!placed) for (const one of created) changes.push(one)
        placed = true
      } else if (c.entity === "registraties" && ownCreated.has(c.entity_key))
        changes.push({ ...c, before: null })
      else changes.push(c)
    }
    return { changes, data }
  })

/** The gemeente of a stored `gebied` column, `null` for the region, a district or a basisteam. */
const gemeenteOfColumn = (gebied: string): string | null => {
  const parsed = JSON.parse(gebied) as { readonly niveau?: string; readonly code?: string }
  return parsed.niveau === "gemeente" ? (parsed.code ?? null) : null
}

/** Districts and basisteams that registrations or measurements are about but the region does not list. */
const orphanedAreas = (sql: SqlClient.SqlClient) =>
  Effect.gen(function* () {
    const [regio] = yield* sql<{ readonly data: string }>`SELECT data FROM regio`
    const indeling = JSON.parse(regio?.data ?? "{}") as {
      readonly districten?: ReadonlyArray<{ readonly id: string }>
      readonly basisteams?: ReadonlyArray<{ readonly id: string }>
    }
    const known = new Set([
      ...(indeling.districten ?? []).map((d) => `district ${d.id}`),
      ...(indeling.basisteams ?? []).map((b) => `basisteam ${b.id}`)
    ])
    const units = new Set<string>()
    const registraties = yield* sql<{
      readonly gebied: string
    }>`SELECT DISTINCT gebied FROM registraties WHERE gebied LIKE ${'{"niveau":"district",%'} OR gebied LIKE ${'{"niveau":"basisteam",%'}`
    const metingen = yield* sql<{
      readonly data: string
    }>`SELECT data FROM metingen WHERE gemeente IS NULL AND (data LIKE ${'%"niveau":"district"%'} OR data LIKE ${'%"niveau":"basisteam"%'})`
    for (const gebied of [
      ...registraties.map((r) => JSON.parse(r.gebied) as { niveau: string; id: string }),
      ...metingen.map((m) => (JSON.parse(m.data) as { gebied: { niveau: string; id: string } }).gebied)
    ]) {
      if (gebied.niveau === "district" || gebied.niveau === "basisteam")
        units.add(`${gebied.niveau} ${gebied.id}`)
    }
    return [...units].filter((unit) => !known.has(unit)).sort()
  })

/** How undo reads, removes and restores the rows of one entity, by their `entity_key`. */
interface Handler {
  readonly stored: (keys: ReadonlyArray<string>) => Effect.Effect<Map<string, string>, unknown>
  readonly remove: (keys: ReadonlyArray<string>) => Effect.Effect<void, unknown>
  readonly restore: (key: string, before: string, source: string) => Effect.Effect<void, unknown>
}

const handlerOf = (sql: SqlClient.SqlClient, entity: string): Handler | undefined => {
  if (entity === "registraties") return registrationHandler(sql)
  const table = documentTables.find((t) => t.name === entity)
  return table === undefined ? undefined : documentHandler(sql, table)
}

const registrationHandler = (sql: SqlClient.SqlClient): Handler => ({
  stored: (keys) =>
    Effect.gen(function* () {
      const out = new Map<string, string>()
      for (let offset = 0; offset < keys.length; offset += rowsPerStatement) {
        const chunk = keys.slice(offset, offset + rowsPerStatement)
        const parsed = chunk.map(parseEntityKey)
        const stored = yield* readData(sql, parsed)
        chunk.forEach((key, i) => {
          const k = parsed[i]
          const data =
            k === undefined ? undefined : stored.get(`${k.periode}\u0000${k.gebied}\u0000${k.delict}`)
          if (data !== undefined) out.set(key, data)
        })
      }
      return out
    }),
  remove: (keys) =>
    Effect.gen(function* () {
      for (let offset = 0; offset < keys.length; offset += rowsPerStatement) {
        const parsed = keys.slice(offset, offset + rowsPerStatement).map(parseEntityKey)
        yield* sql`DELETE FROM registraties WHERE ${sql.or(
          parsed.map((k) => sql`(periode = ${k.periode} AND gebied = ${k.gebied} AND delict = ${k.delict})`)
        )}`
      }
    }),
  restore: (key, before, source) => {
    const k = parseEntityKey(key)
    return sql`UPDATE registraties SET data = ${before}, version = version + 1, source = ${source} WHERE periode = ${k.periode} AND gebied = ${k.gebied} AND delict = ${k.delict}`
  }
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
    })}, version = version + 1 WHERE ${sql(table.key)} = ${key}`
})

type ImportRow = {
  readonly id: string
  readonly sha256: string | null
  readonly file: string | null
  readonly sheet: string | null
  readonly at: string
  readonly actor: string
  readonly inserted: number | bigint | string
  readonly updated: number | bigint | string
  readonly unchanged: number | bigint | string
  readonly undone_at: string | null
}

const fromRow = (row: ImportRow): Import => ({
  id: row.id,
  sha256: row.sha256 ?? undefined,
  file: row.file ?? undefined,
  sheet: row.sheet ?? undefined,
  at: row.at,
  actor: row.actor,
  inserted: Number(row.inserted),
  updated: Number(row.updated),
  unchanged: Number(row.unchanged),
  undoneAt: row.undone_at ?? undefined
})
