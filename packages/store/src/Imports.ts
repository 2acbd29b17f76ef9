/**
 * The imports in the database, and undoing one, in one transaction: what the import brought goes or gets
 * its previous data back, except what a later import or a change outside the imports still holds.
 *
 * Imports of every kind are undone the same way: registrations, activities, measurements, the
 * geography (gemeenten, and the region's districts and basisteams) and the programme workbook's records
 * (the programme with its strategy periods, jaarplannen, acties, indicatoren); the report counts per kind.
 * Undoing a programme import is refused, naming them, while records made since refer to what it would
 * remove (a measurement on an indicator it added, an actie in a jaarplan it added) or need a strategy
 * period or baat the programme it puts back does not have.
 *
 * An import is named by its id or by the SHA-256 of its file (the full hash, or a prefix of at least 8
 * characters). Undoing removes the rows the import inserted and restores the data of the rows it
 * updated, except rows a later import holds too or that were changed outside the imports since the import
 * created them: those stay. It is refused, naming the later imports, when it would put back a value that
 * was changed since. The rules per row are in `internal/changes.ts`, beside what an import writes down. The
 * import stays listed, marked undone; undoing it again is refused.
 *
 * @since 0.1.0
 */
import { type Access, Din, Getal, type Periode } from "@dvcc/core"
import { Context, DateTime, Effect, Layer, Schema } from "effect"
import { SqlClient } from "effect/sql"
import * as changeLog from "./internal/changes.ts"
import { detail, migrated, StoreError } from "./internal/errors.ts"
import { planEntities } from "./internal/planTables.ts"
import { counted } from "./internal/tables.ts"
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
  entity === "registraties" || entity === changeLog.freshPeriodEntity
    ? "registraties"
    : entity === "activiteiten" || entity === "metingen"
      ? entity
      : planEntities.includes(entity)
        ? "programma"
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
  /**
   * Rows the import had brought that stay: a later import holds them too (they now name it), or they were
   * changed outside the imports since the import created them.
   */
  readonly kept: number
  /** The same per entity (table) the import changed, in the order it changed them first. */
  readonly entities: ReadonlyArray<changeLog.EntityUndone>
}

/**
 * What an undo did, in Dutch: `2 registraties verwijderd, 6 teruggezet`, and `, 3 behouden (…)` for rows
 * that stay, per entity joined by `; `.
 *
 * @since 0.1.0
 * @category formatting
 */
export const summary = (report: UndoReport): string => {
  const format = (n: number) => Getal.format(n, 0)
  const parts = report.entities.map(
    (e) =>
      `${counted(e.entity, e.removed, format)} verwijderd, ${format(e.restored)} teruggezet${e.kept === 0 ? "" : `, ${format(e.kept)} behouden (ook in een latere import of daarna gewijzigd)`}`
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
          const dependants = yield* programmeDependants(sql, target.id)
          if (dependants.length > 0) {
            const shown = dependants.slice(0, 10).join(", ")
            const more = dependants.length > 10 ? ` en nog ${dependants.length - 10}` : ""
            return yield* new StoreError({
              message: `Import ${target.id} kan niet ongedaan worden gemaakt: ${shown}${more} ${dependants.length === 1 ? "verwijst" : "verwijzen"} naar wat deze import toevoegde en ${dependants.length === 1 ? "is" : "zijn"} daarna vastgelegd; maak die eerst ongedaan of verwijder ze. Er is niets gewijzigd.`
            })
          }
          const outcome = yield* changeLog.undo(sql, target)
          if (outcome._tag === "Unknown") {
            return yield* new StoreError({
              message: `Import ${target.id} wijzigde ${outcome.entity}, dat deze dvcc niet ongedaan kan maken.`
            })
          }
          if (outcome._tag === "Blocked") {
            return yield* new ImportDependedOn({
              id: target.id,
              later: outcome.later,
              rows: outcome.rows,
              entities: outcome.entities
            })
          }
          const at = DateTime.formatIso(yield* DateTime.now)
          const perEntity = outcome.entities
          if (perEntity.some((e) => e.entity === "regio")) {
            // Districts and basisteams the import added may be what later rows are about.
            const orphans = yield* orphanedAreas(sql)
            if (orphans.length > 0) {
              return yield* new StoreError({
                message: `Import ${target.id} kan niet ongedaan worden gemaakt: ${orphans.join(", ")} ${orphans.length === 1 ? "komt" : "komen"} uit deze import en latere registraties of metingen gaan erover; maak die eerst ongedaan. Er is niets gewijzigd.`
              })
            }
          }
          if (perEntity.some((e) => e.entity === "programma")) {
            // The programme put back: what was recorded since under a period or baat it removes would not load.
            const orphans = yield* outsideDin(sql)
            if (orphans.length > 0) {
              return yield* new StoreError({
                message: `Import ${target.id} kan niet ongedaan worden gemaakt: ${orphans.slice(0, 10).join("; ")} ${orphans.length === 1 ? "hoort" : "horen"} bij de DIN die deze import vastlegde; maak die eerst ongedaan of verwijder ze. Er is niets gewijzigd.`
              })
            }
          }
          const removed = perEntity.reduce((n, e) => n + e.removed, 0)
          const restored = perEntity.reduce((n, e) => n + e.restored, 0)
          const kept = perEntity.reduce((n, e) => n + e.kept, 0)
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
          return { id: target.id, removed, restored, kept, entities: perEntity } satisfies UndoReport
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

/**
 * What was recorded since import `id` on what undoing it would remove: measurements of an indicator it
 * added, and acties or indicatoren (not its own) of a jaarplan it added.
 */
const programmeDependants = (sql: SqlClient.SqlClient, id: string) =>
  Effect.gen(function* () {
    const added = yield* sql<{
      readonly entity: string
      readonly entity_key: string
    }>`SELECT entity, entity_key FROM import_changes WHERE import_id = ${id} AND before IS NULL AND entity IN ('indicatoren', 'acties', 'jaarplannen')`
    if (added.length === 0) return []
    const own = new Set(added.map((a) => `${a.entity}:${a.entity_key}`))
    const out: Array<string> = []
    for (const a of added.filter((x) => x.entity === "indicatoren")) {
      const slash = a.entity_key.indexOf("/")
      const metingen = yield* sql<{
        readonly id: string
      }>`SELECT id FROM metingen WHERE jaar = ${Number(a.entity_key.slice(0, slash))} AND indicator = ${a.entity_key.slice(slash + 1)} ORDER BY id`
      for (const m of metingen) out.push(`meting ${m.id} (indicator ${a.entity_key})`)
    }
    for (const a of added.filter((x) => x.entity === "jaarplannen")) {
      const jaar = Number(a.entity_key)
      for (const table of ["acties", "indicatoren"] as const) {
        const rows = yield* sql<{
          readonly id: string
        }>`SELECT id FROM ${sql(table)} WHERE jaar = ${jaar} ORDER BY id`
        for (const r of rows) {
          if (!own.has(`${table}:${jaar}/${r.id}`))
            out.push(`${table === "acties" ? "actie" : "indicator"} ${jaar}/${r.id}`)
        }
      }
    }
    return out
  })

/** Year plans no strategy period holds, and acties and indicatoren whose baat their DIN does not have. */
const outsideDin = (sql: SqlClient.SqlClient) =>
  Effect.gen(function* () {
    const [row] = yield* sql<{ readonly data: string }>`SELECT data FROM programma`
    if (row === undefined) return []
    const program = yield* Schema.decodeUnknownEffect(Din.Program)(JSON.parse(row.data))
    const out: Array<string> = []
    const plannen = yield* sql<{ readonly jaar: number | string }>`SELECT jaar FROM jaarplannen ORDER BY jaar`
    for (const p of plannen) {
      if (Din.voorJaar(program, Number(p.jaar)) === undefined)
        out.push(`jaarplan ${p.jaar}: ${Din.geenDin(program, Number(p.jaar))}`)
    }
    const indicatoren = yield* sql<{
      readonly jaar: number | string
      readonly id: string
      readonly baat: string
    }>`SELECT jaar, id, baat FROM indicatoren ORDER BY jaar, id`
    for (const i of indicatoren) {
      const onbekend = Din.baatOnbekend(program, Number(i.jaar), i.baat)
      if (onbekend !== undefined) out.push(`indicator ${i.jaar}/${i.id}: ${onbekend}`)
    }
    const acties = yield* sql<{
      readonly jaar: number | string
      readonly id: string
      readonly data: string
    }>`SELECT jaar, id, data FROM acties ORDER BY jaar, id`
    for (const a of acties) {
      for (const baat of (JSON.parse(a.data) as { readonly baten?: ReadonlyArray<string> }).baten ?? []) {
        const onbekend = Din.baatOnbekend(program, Number(a.jaar), baat)
        if (onbekend !== undefined) out.push(`actie ${a.jaar}/${a.id}: ${onbekend}`)
      }
    }
    return out
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
