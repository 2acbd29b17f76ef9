/**
 * The imports in the database, and undoing one: every change an import made (`import_changes`) is put
 * back as it was, in one transaction, unless a later change built on it.
 *
 * An import is named by its id or by the SHA-256 of its file (the full hash, or a prefix of at least 8
 * characters). Undoing removes the rows the import inserted and restores the data of the rows it
 * updated; it is refused, naming the later imports, when any of those rows changed since. The import
 * stays listed, marked undone; undoing it again is refused.
 *
 * @since 0.1.0
 */
import { Context, DateTime, Effect, Layer, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { detail, migrated, StoreError } from "./internal/errors.ts"
import { parseEntityKey, readData, rowsPerStatement } from "./Registrations.ts"

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
  rows: Schema.Int
}) {
  override get message() {
    const by =
      this.later.length === 0
        ? "buiten een import om"
        : `door ${this.later.length === 1 ? "import" : "de imports"} ${this.later.join(", ")}`
    const first = this.later.length === 0 ? "" : "; maak die eerst ongedaan"
    return `Import ${this.id} kan niet ongedaan worden gemaakt: ${this.rows} ${this.rows === 1 ? "registratie is" : "registraties zijn"} daarna gewijzigd ${by}${first}. Er is niets gewijzigd.`
  }
}

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
  /** Rows the import had inserted, now deleted. */
  readonly removed: number
  /** Rows the import had updated, now back to their previous data. */
  readonly restored: number
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

      const list = all.pipe(
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
          const changes = yield* sql<{
            readonly entity: string
            readonly entity_key: string
            readonly before: string | null
            readonly after: string
          }>`SELECT entity, entity_key, before, after FROM import_changes WHERE import_id = ${target.id} ORDER BY seq`
          const unknown = changes.find((c) => c.entity !== "registraties")
          if (unknown !== undefined) {
            return yield* new StoreError({
              message: `Import ${target.id} wijzigde ${unknown.entity}, dat deze dvcc niet ongedaan kan maken.`
            })
          }
          // Rows whose data is no longer what the import wrote.
          const changedSince = new Set<string>()
          for (let offset = 0; offset < changes.length; offset += rowsPerStatement) {
            const chunk = changes.slice(offset, offset + rowsPerStatement)
            const keys = chunk.map((c) => parseEntityKey(c.entity_key))
            const stored = yield* readData(sql, keys)
            chunk.forEach((c, i) => {
              const k = keys[i]
              if (k === undefined) return
              if (stored.get(`${k.periode}\u0000${k.gebied}\u0000${k.delict}`) !== c.after)
                changedSince.add(c.entity_key)
            })
          }
          if (changedSince.size > 0) {
            const later = yield* sql<{
              readonly import_id: string
              readonly entity_key: string
              readonly at: string
            }>`SELECT c.import_id, c.entity_key, i.at FROM import_changes c JOIN imports i ON i.id = c.import_id WHERE c.entity = 'registraties' AND c.import_id <> ${target.id} AND i.undone_at IS NULL AND i.at >= ${target.at} ORDER BY i.at, c.import_id`
            const names: Array<string> = []
            for (const row of later) {
              if (changedSince.has(row.entity_key) && !names.includes(row.import_id))
                names.push(row.import_id)
            }
            return yield* new ImportDependedOn({ id: target.id, later: names, rows: changedSince.size })
          }
          const at = DateTime.formatIso(yield* DateTime.now)
          const source = JSON.stringify({ undoneImport: target.id })
          let removed = 0
          let restored = 0
          const inserted = changes.filter((c) => c.before === null)
          for (let offset = 0; offset < inserted.length; offset += rowsPerStatement) {
            const keys = inserted
              .slice(offset, offset + rowsPerStatement)
              .map((c) => parseEntityKey(c.entity_key))
            yield* sql`DELETE FROM registraties WHERE ${sql.or(
              keys.map((k) => sql`(periode = ${k.periode} AND gebied = ${k.gebied} AND delict = ${k.delict})`)
            )}`
            removed += keys.length
          }
          for (const c of changes) {
            if (c.before === null) continue
            const k = parseEntityKey(c.entity_key)
            yield* sql`UPDATE registraties SET data = ${c.before}, version = version + 1, source = ${source} WHERE periode = ${k.periode} AND gebied = ${k.gebied} AND delict = ${k.delict}`
            restored++
          }
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
          return { id: target.id, removed, restored } satisfies UndoReport
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

      return Imports.of({ list, undo })
    })
  )
}

// internal

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
