/**
 * The bookkeeping every bulk import shares, whatever it imports: the `imports` row (started, then counted),
 * the changes it made (`import_changes`, so that `Imports.undo` can take them back), the one audit entry,
 * refusals that name rows, and writing a batch of JSON documents keyed by one column idempotently.
 */
import { Dataset, type Geography } from "@dvcc/core"
import { Array as Arr, DateTime, Effect, Schema } from "effect"
import { type SqlClient, SqlError } from "effect/sql"
import { Conflict, NotFound } from "../ProgramStore.ts"
import type { Provenance, RecordReport, RowProvenance } from "../Provenance.ts"
import * as changeLog from "./changes.ts"
import { detail, StoreError } from "./errors.ts"
import { inStatements } from "./statements.ts"
import type { DocumentTable } from "./tables.ts"

export { inStatements, rowsPerStatement, statementSizes } from "./statements.ts"

/** Why a batch was refused, in words; made into the `StoreError` once the transaction rolled back. */
export class Refused extends Schema.TaggedError<Refused>()("Refused", {
  reason: Schema.String,
  cause: Schema.optional(Schema.Defect())
}) {}

export const isBusy = (cause: unknown): cause is SqlError.SqlError =>
  SqlError.isSqlError(cause) && cause.reason._tag === "LockTimeoutError"

export const busyReason = (cause: SqlError.SqlError): string =>
  `de database is bezet door een ander proces dat erin schrijft, en de wachttijd verstreek (${detail(cause)}); probeer het opnieuw wanneer dat klaar is`

/** The database refused the rows `first` to `last` (spreadsheet numbers). */
export const refusedRows = (cause: unknown, first: number, last: number): Refused => {
  const rij = first === last ? `rij ${first}` : `rij ${first} tot en met ${last}`
  return isBusy(cause)
    ? new Refused({ reason: busyReason(cause), cause })
    : new Refused({ reason: `de database weigerde ${rij}: ${detail(cause)}`, cause })
}

/** The provenance every row of an import shares; `row` is added per row. */
export const baseOf = (provenance: Provenance): Omit<RowProvenance, "row"> => ({
  importId: provenance.importId,
  ...(provenance.file === undefined ? {} : { file: provenance.file }),
  ...(provenance.sheet === undefined ? {} : { sheet: provenance.sheet })
})

/** ` (bestand x.xlsx, blad 2024)`, or nothing. */
export const where = (base: Omit<RowProvenance, "row">): string => {
  const parts = [
    ...(base.file === undefined ? [] : [`bestand ${base.file}`]),
    ...(base.sheet === undefined ? [] : [`blad ${base.sheet}`])
  ]
  return parts.length === 0 ? "" : ` (${parts.join(", ")})`
}

/** The `StoreError` of a refused batch: what, which import, why, and that nothing changed. */
export const batchError = (what: string, provenance: Provenance) => (cause: unknown) => {
  const reason = cause instanceof Refused ? cause.reason : isBusy(cause) ? busyReason(cause) : detail(cause)
  const original = cause instanceof Refused ? cause.cause : cause
  return new StoreError({
    message: `De ${what} van import ${provenance.importId}${where(baseOf(provenance))} zijn niet opgeslagen: ${reason}. Er is niets gewijzigd.`,
    cause: original
  })
}

/**
 * Starts (or continues: more `record` calls with the same import id add to it) the import's row, which
 * its changes refer to. Returns the number of rows recorded under it before, from which this call numbers
 * its changes. An undone import cannot be continued.
 */
export const openImport = (sql: SqlClient.SqlClient, provenance: Provenance, at: string) =>
  Effect.gen(function* () {
    const earlier = yield* sql<{
      readonly rows: number | bigint | string
      readonly undone_at: string | null
    }>`SELECT inserted + updated + unchanged AS rows, undone_at FROM imports WHERE id = ${provenance.importId}`
    const previous = earlier[0]
    if (previous !== undefined && previous.undone_at !== null) {
      return yield* new Refused({
        reason: `import ${provenance.importId} is ongedaan gemaakt (${previous.undone_at}); geef de import een nieuwe id`
      })
    }
    if (previous !== undefined) {
      // Changes are numbered after every change of the import so far, whatever its entities.
      const seq = yield* sql<{
        readonly seq: number | bigint | string | null
      }>`SELECT MAX(seq) AS seq FROM import_changes WHERE import_id = ${provenance.importId}`
      return Math.max(Number(previous.rows), Number(seq[0]?.seq ?? 0))
    }
    yield* sql`INSERT INTO imports ${sql.insert({
      id: provenance.importId,
      sha256: provenance.sha256 ?? null,
      file: provenance.file ?? null,
      sheet: provenance.sheet ?? null,
      at,
      actor: provenance.actor,
      inserted: 0,
      updated: 0,
      unchanged: 0
    })}`
    return 0
  })

/** Counts the rows into the import and writes its one audit entry. */
export const closeImport = (
  sql: SqlClient.SqlClient,
  provenance: Provenance,
  at: string,
  report: RecordReport,
  entity: string
) =>
  Effect.gen(function* () {
    yield* sql`UPDATE imports SET inserted = inserted + ${report.inserted}, updated = updated + ${report.updated}, unchanged = unchanged + ${report.unchanged} WHERE id = ${provenance.importId}`
    yield* sql`INSERT INTO audit ${sql.insert({
      at,
      actor: provenance.actor,
      entity: "import",
      entity_key: provenance.importId,
      action: "insert",
      before: null,
      after: JSON.stringify({
        ...report,
        rows: report.inserted + report.updated + report.unchanged,
        entity,
        ...baseOf(provenance),
        ...(provenance.sha256 === undefined ? {} : { sha256: provenance.sha256 })
      }),
      source: "import"
    })}`
  })

/**
 * One import of rows in one transaction: the import's row, what `write` writes, its changes for undo, the
 * counts and the audit entry. A failure anywhere leaves the database as it was, reported as a
 * `StoreError` that says what (`activiteiten`), which import, and why.
 */
export const importBatch = <E, R>(
  sql: SqlClient.SqlClient,
  provenance: Provenance,
  entity: string,
  write: (context: { readonly at: string }) => Effect.Effect<DocumentsWritten, E, R>
) =>
  Effect.gen(function* () {
    const at = DateTime.formatIso(yield* DateTime.now)
    const seq = yield* openImport(sql, provenance, at)
    const { report, changes } = yield* write({ at })
    yield* changeLog.write(sql, provenance.importId, seq, changes)
    yield* closeImport(sql, provenance, at, report, entity)
    return report
  }).pipe(sql.withTransaction, Effect.mapError(batchError(entity, provenance)))

/** One document to write: its key, indexed columns, JSON data and provenance, and its row in the batch. */
export interface DocumentValue {
  readonly key: string
  readonly columns: Record<string, string | number | null>
  readonly data: string
  readonly source: string
  readonly gemeente: string | null
  readonly index: number
}

/** What `recordDocuments` did, and the changes to remember for undo. */
export interface DocumentsWritten {
  readonly report: RecordReport
  readonly changes: ReadonlyArray<changeLog.Change>
}

/**
 * Writes `values` into `table` inside the caller's transaction: a key not stored yet is inserted, a stored
 * one whose data is the same (by `table.same`) is left alone, keeping its provenance, another is updated
 * (version + 1). Every row becomes a change of the import: inserted, updated or held (see `changes.ts`).
 */
export const recordDocuments = (
  sql: SqlClient.SqlClient,
  table: DocumentTable,
  values: ReadonlyArray<DocumentValue>,
  options: { readonly rowOf: (index: number) => number }
) =>
  Effect.gen(function* () {
    const stored = yield* changeLog.readDocuments(
      sql,
      table,
      values.map((v) => v.key)
    )
    const fresh: Array<DocumentValue> = []
    const changed: Array<{ readonly value: DocumentValue; readonly before: string }> = []
    const held: Array<{ readonly value: DocumentValue; readonly stored: string }> = []
    for (const value of values) {
      const before = stored.get(value.key)
      if (before === undefined) fresh.push(value)
      else if (table.same(before, value.data)) held.push({ value, stored: before })
      else changed.push({ value, before })
    }
    const rowsOf = (cause: unknown, chunk: ReadonlyArray<DocumentValue>) =>
      refusedRows(
        cause,
        options.rowOf(chunk[0]?.index ?? 0),
        options.rowOf(chunk[chunk.length - 1]?.index ?? 0)
      )
    for (const chunk of inStatements(fresh)) {
      const rows = chunk.map((v) => ({
        [table.key]: v.key,
        ...v.columns,
        data: v.data,
        version: 1,
        source: v.source
      }))
      if (!Arr.isArrayNonEmpty(rows)) continue
      yield* sql`INSERT INTO ${sql(table.name)} ${sql.insert(rows)}`.pipe(
        Effect.mapError((cause) => rowsOf(cause, chunk))
      )
    }
    for (const { value } of changed) {
      yield* sql`UPDATE ${sql(table.name)} SET ${sql.update({ ...value.columns, data: value.data, source: value.source })}, version = version + 1 WHERE ${sql(table.key)} = ${value.key}`.pipe(
        Effect.mapError((cause) => rowsOf(cause, [value]))
      )
    }
    const changes = [
      ...fresh.map((v) => changeLog.inserted(table.name, v.key, v.gemeente, v.data)),
      ...changed.map(({ value: v, before }) =>
        changeLog.updated(table.name, v.key, v.gemeente, before, v.data)
      ),
      // A row already so is held by this import too: undoing an earlier one leaves it.
      ...held.map(({ value: v, stored }) => changeLog.held(table.name, v.key, v.gemeente, stored, v.source))
    ]
    return {
      report: { inserted: fresh.length, updated: changed.length, unchanged: held.length },
      changes
    } satisfies DocumentsWritten
  })

export { readDocuments } from "./changes.ts"

/**
 * Updates one document based on version `basedOn`, in the caller's transaction, and audits it (before →
 * after). A stale version is a `Conflict` naming the record; a missing row, or one `visible` refuses, is
 * `NotFound`. The same data again changes nothing (no new version, no audit entry).
 */
export const updateDocument = (
  sql: SqlClient.SqlClient,
  table: DocumentTable,
  options: {
    readonly entity: string
    readonly key: string
    readonly document: unknown
    readonly basedOn: number
    readonly source: { readonly actor: string; readonly source: string }
    readonly visible: (stored: Readonly<Record<string, unknown>>) => boolean
  }
) =>
  Effect.gen(function* () {
    const rows = yield* sql<{
      readonly data: string
      readonly version: number | bigint | string
    }>`SELECT data, version FROM ${sql(table.name)} WHERE ${sql(table.key)} = ${options.key}`
    const current = rows[0]
    const stored = current === undefined ? undefined : (JSON.parse(current.data) as Record<string, unknown>)
    if (current === undefined || stored === undefined || !options.visible(stored)) {
      return yield* new NotFound({ entity: options.entity, key: options.key })
    }
    const version = Number(current.version)
    if (version !== options.basedOn) {
      return yield* new Conflict({
        entity: options.entity,
        key: options.key,
        expected: options.basedOn,
        actual: version
      })
    }
    const data = JSON.stringify(options.document)
    if (data === current.data) return { version, outcome: "unchanged" as const }
    const updated = yield* sql<{
      readonly version: number | bigint | string
    }>`UPDATE ${sql(table.name)} SET ${sql.update({
      ...table.columns(options.document as Record<string, unknown>),
      data,
      source: options.source.source
    })}, version = version + 1 WHERE ${sql(table.key)} = ${options.key} AND version = ${version} RETURNING version`
    if (updated.length === 0) {
      return yield* new Conflict({
        entity: options.entity,
        key: options.key,
        expected: version,
        actual: version + 1
      })
    }
    yield* sql`INSERT INTO audit ${sql.insert({
      at: DateTime.formatIso(yield* DateTime.now),
      actor: options.source.actor,
      entity: table.name,
      entity_key: options.key,
      action: "update",
      before: current.data,
      after: data,
      source: options.source.source
    })}`
    return { version: version + 1, outcome: "updated" as const }
  })

/** The areas the region knows: gemeente codes, district and basisteam ids. */
export const knownAreas = (sql: SqlClient.SqlClient) =>
  Effect.gen(function* () {
    const gemeenten = yield* sql<{ readonly code: string }>`SELECT code FROM gemeenten`
    const regio = yield* sql<{ readonly data: string }>`SELECT data FROM regio`
    const indeling =
      regio[0] === undefined
        ? undefined
        : (JSON.parse(regio[0].data) as {
            readonly districten?: ReadonlyArray<{ readonly id: string }>
            readonly basisteams?: ReadonlyArray<{ readonly id: string }>
          })
    return {
      gemeenten: new Set(gemeenten.map((g) => g.code)),
      districten: new Set((indeling?.districten ?? []).map((d) => d.id)),
      basisteams: new Set((indeling?.basisteams ?? []).map((b) => b.id))
    }
  })

/** Why an area is not one of the region's, or `undefined` when it is: core's rule (`Dataset.areaIssue`). */
export const unknownArea = (known: Dataset.Gebieden, gebied: Geography.Gebied): string | undefined =>
  Dataset.areaIssue(gebied, known)
