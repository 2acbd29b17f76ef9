/**
 * Police registrations in the database, as imports write them: many rows at once, all or nothing, and
 * idempotent by their natural key (periode, gebied, delict), so importing the same file twice changes
 * nothing. Every row remembers which import (file, sheet, row) last changed it; every import is audited.
 *
 * A batch is checked and encoded first, then written in one transaction. Rows of periods that hold no rows
 * yet are inserted plainly; the others by `INSERT … ON CONFLICT DO NOTHING RETURNING` their keys, after which
 * the existing ones are read in chunks and only those that differ are updated. Every inserted or updated row
 * is also written to `import_changes` (with its previous data), and the import to `imports`, so that the
 * import can be undone (see `Imports`).
 *
 * @since 0.1.0
 */
import { Geography, type Periode, Registration } from "@dvcc/core"
import { Array as Arr, Context, DateTime, Effect, Layer, Option, Result, Schema } from "effect"
import { SqlClient, SqlError } from "effect/sql"
import { detail, migrated, StoreError } from "./internal/errors.ts"

/**
 * Where a batch of registrations comes from. `rowOf` turns the index of a row in the batch into the row
 * number people know (a spreadsheet row); without it rows are numbered from 1.
 *
 * @since 0.1.0
 * @category models
 */
export interface Provenance {
  readonly importId: string
  readonly file?: string | undefined
  readonly sheet?: string | undefined
  readonly rowOf?: ((index: number) => number) | undefined
  /** The SHA-256 of the imported file (hex), by which the import can be undone too. */
  readonly sha256?: string | undefined
  /** Who imported: goes into the audit entry. */
  readonly actor: string
}

/**
 * The provenance kept with each row: the import that last changed it, and where in that import it was.
 *
 * @since 0.1.0
 * @category models
 */
export const RowProvenance = Schema.Struct({
  importId: Schema.String,
  file: Schema.optionalKey(Schema.String),
  sheet: Schema.optionalKey(Schema.String),
  row: Schema.Int
}).annotate({ identifier: "RowProvenance" })

/**
 * @since 0.1.0
 * @category models
 */
export type RowProvenance = typeof RowProvenance.Type

/**
 * What a `record` did, in rows.
 *
 * @since 0.1.0
 * @category models
 */
export interface RecordReport {
  readonly inserted: number
  readonly updated: number
  readonly unchanged: number
}

/**
 * Which registrations to read; both fields narrow, none means all.
 *
 * @since 0.1.0
 * @category models
 */
export interface Filter {
  readonly periode?: Periode.Periode | undefined
  /** Only the registrations about this gemeente itself (not its district or the region). */
  readonly gemeente?: Geography.CbsCode | undefined
}

/**
 * A stored registration with its version (1 when written, +1 per change) and, when an import wrote it,
 * its provenance; rows written otherwise (the bundled seed) have none.
 *
 * @since 0.1.0
 * @category models
 */
export interface Recorded {
  readonly registration: Registration.Registration
  readonly version: number
  readonly provenance: RowProvenance | undefined
}

/**
 * Most rows in one INSERT. With 6 values a row that is 1,536 parameters: far below SQLite's limit of
 * 32,766 and PostgreSQL's 65,535. (On SQLite, 64 to 1,024 rows a statement measured the same; one row a
 * statement took twice as long.)
 *
 * @since 0.1.0
 * @category constants
 */
export const rowsPerStatement = 256

const valuesPerRow = 6
const sqliteMaxVariables = 32_766
if (rowsPerStatement * valuesPerRow > sqliteMaxVariables) throw new Error("rowsPerStatement is too large")

/**
 * The sizes of the INSERTs for `n` rows: full statements of `rowsPerStatement`, the rest in powers of
 * two. The statement text depends only on its number of rows, so a few texts serve every batch size and
 * stay in the driver's prepared-statement cache.
 *
 * @since 0.1.0
 * @category internals
 */
export const statementSizes = (n: number): ReadonlyArray<number> => {
  const sizes: Array<number> = []
  let rest = n
  while (rest >= rowsPerStatement) {
    sizes.push(rowsPerStatement)
    rest -= rowsPerStatement
  }
  for (let size = rowsPerStatement / 2; size >= 1; size /= 2) {
    if (rest >= size) {
      sizes.push(size)
      rest -= size
    }
  }
  return sizes
}

/**
 * @since 0.1.0
 * @category services
 */
export class Registrations extends Context.Service<
  Registrations,
  {
    /**
     * Writes all `rows` in one transaction, or none of them. A row equal to the stored one is `unchanged`
     * (it keeps its provenance), a new one `inserted`, a different one `updated`. Two rows with the same
     * key in one batch are refused. One audit entry (`import`, `importId`) per call.
     */
    readonly record: (
      rows: ReadonlyArray<Registration.Registration>,
      provenance: Provenance
    ) => Effect.Effect<RecordReport, StoreError>
    /** The registrations, decoded through the core Schema, by periode, gebied and delict. */
    readonly list: (filter?: Filter) => Effect.Effect<ReadonlyArray<Registration.Registration>, StoreError>
    /** Like `list`, with each row's version and provenance. */
    readonly recorded: (filter?: Filter) => Effect.Effect<ReadonlyArray<Recorded>, StoreError>
  }
>()("@dvcc/store/Registrations") {
  /**
   * Migrates the database on first use, then serves the registrations.
   *
   * @since 0.1.0
   * @category layers
   */
  static readonly layer = Layer.effect(
    Registrations,
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      yield* migrated

      const record = (rows: ReadonlyArray<Registration.Registration>, provenance: Provenance) => {
        const rowOf = provenance.rowOf ?? ((index: number) => index + 1)
        const base = {
          importId: provenance.importId,
          ...(provenance.file === undefined ? {} : { file: provenance.file }),
          ...(provenance.sheet === undefined ? {} : { sheet: provenance.sheet })
        }
        // Rows are checked and encoded before the transaction begins: SQLite's write lock is held only to write.
        const write = (values: ReadonlyArray<Values>) =>
          Effect.gen(function* () {
            const at = DateTime.formatIso(yield* DateTime.now)
            // The import first: its changes refer to it. A batch may come in parts: more `record` calls with
            // the same import id add to it.
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
            const offset = previous === undefined ? 0 : Number(previous.rows)
            if (previous === undefined) {
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
            }
            const changes: Array<ChangeRow> = []
            // Numbers the changes within the import: the copied ones first, then these.
            let seq = offset
            const change = (index: number, before: string | null) => {
              const value = values[index] as Values
              changes.push({
                import_id: provenance.importId,
                entity: "registraties",
                entity_key: entityKey(value),
                before,
                after: value.data,
                seq: ++seq
              })
            }
            // 1. New rows. The periods that hold rows already are read first: a row of another period (a new
            // period, a fresh database) is new, and is inserted plainly; its change is copied in the database
            // afterwards (keys within a batch are unique). A row of a stored period is inserted with
            // ON CONFLICT DO NOTHING; the rows not returned exist already.
            const periodes = [...new Set(values.map((value) => value.periode))]
            const stored = new Set<string>()
            for (let p = 0; p < periodes.length; p += rowsPerStatement) {
              const some = periodes.slice(p, p + rowsPerStatement)
              const found = yield* sql<{
                readonly periode: string
              }>`SELECT DISTINCT periode FROM registraties WHERE ${sql.in("periode", some)}`
              for (const row of found) stored.add(row.periode)
            }
            const fresh: Array<number> = []
            const known: Array<number> = []
            for (let index = 0; index < values.length; index++) {
              ;(stored.has((values[index] as Values).periode) ? known : fresh).push(index)
            }
            const inChunks = (indexes: ReadonlyArray<number>) => {
              const chunks: Array<ReadonlyArray<number>> = []
              let pos = 0
              for (const size of statementSizes(indexes.length)) {
                chunks.push(indexes.slice(pos, pos + size))
                pos += size
              }
              return chunks
            }
            const rowsOf = (cause: unknown, indexes: ReadonlyArray<number>) =>
              refusedRows(cause, rowOf(indexes[0] ?? 0), rowOf(indexes[indexes.length - 1] ?? 0))
            for (const indexes of inChunks(fresh)) {
              const chunk = indexes.map((index) => values[index] as Values)
              if (!Arr.isArrayNonEmpty(chunk)) continue
              yield* sql`INSERT INTO registraties ${sql.insert(chunk)}`.pipe(
                Effect.mapError((cause) => rowsOf(cause, indexes))
              )
            }
            const newPeriodes = periodes.filter((periode) => !stored.has(periode))
            const perPeriode = new Map<string, number>()
            for (const index of fresh) {
              const periode = (values[index] as Values).periode
              perPeriode.set(periode, (perPeriode.get(periode) ?? 0) + 1)
            }
            for (let p = 0; p < newPeriodes.length; p += rowsPerStatement) {
              const some = newPeriodes.slice(p, p + rowsPerStatement)
              yield* sql`INSERT INTO import_changes (import_id, entity, entity_key, before, after, seq) SELECT ${provenance.importId}, 'registraties', periode || ' ' || delict || ' ' || gebied, NULL, data, ${seq} + ROW_NUMBER() OVER (ORDER BY periode, gebied, delict) FROM registraties WHERE ${sql.in("periode", some)}`
              for (const periode of some) seq += perPeriode.get(periode) ?? 0
            }
            const existing: Array<number> = []
            for (const indexes of inChunks(known)) {
              const chunk = indexes.map((index) => values[index] as Values)
              if (!Arr.isArrayNonEmpty(chunk)) continue
              const returned = yield* sql<{
                readonly periode: string
                readonly gebied: string
                readonly delict: string
              }>`INSERT INTO registraties ${sql.insert(chunk)} ON CONFLICT (periode, gebied, delict) DO NOTHING RETURNING periode, gebied, delict`.pipe(
                Effect.mapError((cause) => rowsOf(cause, indexes))
              )
              const inserted = new Set(returned.map(rowKey))
              for (const index of indexes) {
                if (inserted.has(rowKey(values[index] as Values))) change(index, null)
                else existing.push(index)
              }
            }
            const inserted = fresh.length + changes.length
            // 2. Existing rows: read their data in chunks, and update only the ones that differ.
            const differing: Array<number> = []
            const before = new Map<number, string | null>()
            for (let p = 0; p < existing.length; p += rowsPerStatement) {
              const indexes = existing.slice(p, p + rowsPerStatement)
              const stored = yield* readData(
                sql,
                indexes.map((index) => values[index] as Values)
              )
              for (const index of indexes) {
                const value = values[index] as Values
                const data = stored.get(rowKey(value))
                if (data === value.data) continue
                differing.push(index)
                before.set(index, data ?? null)
              }
            }
            let updated = 0
            let start = 0
            for (const size of statementSizes(differing.length)) {
              const indexes = differing.slice(start, start + size)
              start += size
              const chunk = indexes.map((index) => values[index] as Values)
              if (!Arr.isArrayNonEmpty(chunk)) continue
              const changed = yield* sql<{
                readonly version: number | bigint
              }>`INSERT INTO registraties ${sql.insert(chunk)} ON CONFLICT (periode, gebied, delict) DO UPDATE SET data = excluded.data, version = registraties.version + 1, source = excluded.source WHERE registraties.data <> excluded.data RETURNING version`.pipe(
                Effect.mapError((cause) =>
                  refusedRows(cause, rowOf(indexes[0] ?? 0), rowOf(indexes[indexes.length - 1] ?? 0))
                )
              )
              updated += changed.length
              for (const index of indexes) change(index, before.get(index) ?? null)
            }
            // 3. What this import changed, so that it can be undone.
            start = 0
            for (const size of statementSizes(changes.length)) {
              const chunk = changes.slice(start, start + size)
              start += size
              if (!Arr.isArrayNonEmpty(chunk)) continue
              yield* sql`INSERT INTO import_changes ${sql.insert(chunk)} ON CONFLICT (import_id, entity, entity_key) DO UPDATE SET after = excluded.after`
            }
            const report: RecordReport = { inserted, updated, unchanged: values.length - inserted - updated }
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
                rows: values.length,
                ...base,
                ...(provenance.sha256 === undefined ? {} : { sha256: provenance.sha256 })
              }),
              source: "import"
            })}`
            return report
          }).pipe(sql.withTransaction)
        return Effect.flatMap(toValues(rows, rowOf, base), write).pipe(
          Effect.mapError((cause) => {
            const reason =
              cause instanceof Refused ? cause.reason : isBusy(cause) ? busyReason(cause) : detail(cause)
            const original = cause instanceof Refused ? cause.cause : cause
            return new StoreError({
              message: `De registraties van import ${provenance.importId}${where(base)} zijn niet opgeslagen: ${reason}. Er is niets gewijzigd.`,
              cause: original
            })
          })
        )
      }

      // `list` skips the provenance: decoding it per row was 40% of reading an informatiebeeld's rows.
      const read = (filter: Filter, withProvenance: boolean) =>
        Effect.gen(function* () {
          const conditions = [
            ...(filter.periode === undefined ? [] : [sql`periode = ${filter.periode}`]),
            ...(filter.gemeente === undefined
              ? []
              : [sql`gebied = ${gebiedKey({ niveau: "gemeente", code: filter.gemeente })}`])
          ]
          const rows = yield* sql<{
            readonly periode: string
            readonly gebied: string
            readonly delict: string
            readonly data: string
            readonly version: number | bigint
            readonly source: string
          }>`SELECT periode, gebied, delict, data, version, source FROM registraties WHERE ${sql.and(conditions)} ORDER BY periode, gebied, delict`
          const out: Array<Recorded> = []
          for (const row of rows) {
            const decoded = decodeStored(row.data)
            if (Result.isFailure(decoded)) {
              return yield* new StoreError({
                message: `Registratie ${row.periode} ${row.gebied} ${row.delict} in de database is ongeldig: ${detail(decoded.failure)}`,
                cause: decoded.failure
              })
            }
            out.push({
              registration: decoded.success,
              version: Number(row.version),
              provenance: withProvenance ? Option.getOrUndefined(decodeProvenance(row.source)) : undefined
            })
          }
          return out as ReadonlyArray<Recorded>
        }).pipe(
          Effect.mapError((cause) =>
            cause instanceof StoreError
              ? cause
              : new StoreError({
                  message: `De registraties konden niet worden gelezen: ${detail(cause)}`,
                  cause
                })
          )
        )

      const recorded = (filter: Filter = {}) => read(filter, true)

      const list = (filter: Filter = {}) =>
        Effect.map(read(filter, false), (rows) => rows.map((row) => row.registration))

      return Registrations.of({ record, list, recorded })
    })
  )
}

// internal

/** One row of `import_changes`. */
type ChangeRow = {
  readonly import_id: string
  readonly entity: string
  readonly entity_key: string
  readonly before: string | null
  readonly after: string
  readonly seq: number
}

/** A registration's key columns. */
type Key = { readonly periode: string; readonly gebied: string; readonly delict: string }

const rowKey = (k: Key): string => `${k.periode}\u0000${k.gebied}\u0000${k.delict}`

/**
 * A registration's `entity_key` in `import_changes`: periode, delict and gebied (JSON), separated by a
 * space (periode and delict have none). The database writes the same with `periode || ' ' || delict || ' ' || gebied`.
 *
 * @since 0.1.0
 * @category internals
 */
export const entityKey = (k: Key): string => `${k.periode} ${k.delict} ${k.gebied}`

/**
 * The key columns of an `entity_key`.
 *
 * @since 0.1.0
 * @category internals
 */
export const parseEntityKey = (entityKey: string): Key => {
  const first = entityKey.indexOf(" ")
  const second = entityKey.indexOf(" ", first + 1)
  return {
    periode: entityKey.slice(0, first),
    delict: entityKey.slice(first + 1, second),
    gebied: entityKey.slice(second + 1)
  }
}

/**
 * The stored `data` of the registrations with these keys (at most `rowsPerStatement`), by `rowKey`.
 *
 * @since 0.1.0
 * @category internals
 */
export const readData = (sql: SqlClient.SqlClient, keys: ReadonlyArray<Key>) =>
  Effect.map(
    keys.length === 0
      ? Effect.succeed([])
      : sql<
          Key & { readonly data: string }
        >`SELECT periode, gebied, delict, data FROM registraties WHERE ${sql.or(
          keys.map((k) => sql`(periode = ${k.periode} AND gebied = ${k.gebied} AND delict = ${k.delict})`)
        )}`,
    (rows) => new Map(rows.map((row) => [rowKey(row), row.data]))
  )

const refusedRows = (cause: unknown, first: number, last: number): Refused => {
  const rij = first === last ? `rij ${first}` : `rij ${first} tot en met ${last}`
  return isBusy(cause)
    ? new Refused({ reason: busyReason(cause), cause })
    : new Refused({ reason: `de database weigerde ${rij}: ${detail(cause)}`, cause })
}

/** Why a batch was refused, in words; made into the `StoreError` once the transaction rolled back. */
class Refused extends Schema.TaggedError<Refused>()("Refused", {
  reason: Schema.String,
  cause: Schema.optional(Schema.Defect())
}) {}

type Values = {
  readonly periode: string
  readonly gebied: string
  readonly delict: string
  readonly data: string
  readonly version: number
  readonly source: string
}

const encodeRegistration = Schema.encodeResult(Registration.Registration)
const encodeGebied = Schema.encodeSync(Geography.Gebied)
const decodeRegistration = Schema.decodeUnknownResult(Registration.Registration)
const decodeProvenance = Schema.decodeUnknownOption(Schema.fromJsonString(RowProvenance))

/** A stored `data` column: JSON.parse and the Schema (faster than `Schema.fromJsonString`). */
const decodeStored = (data: string): Result.Result<Registration.Registration, unknown> => {
  let json: unknown
  try {
    json = JSON.parse(data)
  } catch (cause) {
    return Result.fail(cause)
  }
  return decodeRegistration(json)
}

/** The `gebied` column: the encoded Gebied as JSON, as the seed writes it. */
const gebiedKey = (gebied: Geography.Gebied): string => JSON.stringify(encodeGebied(gebied))

/** `2030-01 GM0344 phishing`: a registration's key for people. */
const label = (r: Registration.Registration): string => {
  const g = r.gebied
  const gebied =
    g.niveau === "regio"
      ? "regio"
      : g.niveau === "gemeente"
        ? g.code
        : g.niveau === "district"
          ? `district ${g.id}`
          : `basisteam ${g.id}`
  return `${r.periode} ${gebied} ${r.delict}`
}

/** The rows as column values; refuses an invalid row or two rows with one key, naming them. */
const toValues = (
  rows: ReadonlyArray<Registration.Registration>,
  rowOf: (index: number) => number,
  base: Omit<RowProvenance, "row">
): Effect.Effect<ReadonlyArray<Values>, Refused> =>
  Effect.suspend(() => {
    const values: Array<Values> = []
    const seen = new Map<string, number>()
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index] as Registration.Registration
      const encoded = encodeRegistration(row)
      if (Result.isFailure(encoded)) {
        return Effect.fail(
          new Refused({
            reason: `rij ${rowOf(index)} (${label(row)}) is ongeldig: ${encoded.failure}`,
            cause: encoded.failure
          })
        )
      }
      const gebied = JSON.stringify(encoded.success.gebied)
      const key = `${row.periode}\u0000${gebied}\u0000${row.delict}`
      const earlier = seen.get(key)
      if (earlier !== undefined) {
        return Effect.fail(
          new Refused({
            reason: `registratie ${label(row)} staat twee keer in de import (rij ${rowOf(earlier)} en rij ${rowOf(index)})`
          })
        )
      }
      seen.set(key, index)
      values.push({
        periode: row.periode,
        gebied,
        delict: row.delict,
        data: JSON.stringify(encoded.success),
        version: 1,
        source: JSON.stringify({ ...base, row: rowOf(index) })
      })
    }
    return Effect.succeed(values)
  })

/** ` (bestand x.xlsx, blad 2024)`, or nothing. */
const where = (base: Omit<RowProvenance, "row">): string => {
  const parts = [
    ...(base.file === undefined ? [] : [`bestand ${base.file}`]),
    ...(base.sheet === undefined ? [] : [`blad ${base.sheet}`])
  ]
  return parts.length === 0 ? "" : ` (${parts.join(", ")})`
}

const isBusy = (cause: unknown): cause is SqlError.SqlError =>
  SqlError.isSqlError(cause) && cause.reason._tag === "LockTimeoutError"

const busyReason = (cause: SqlError.SqlError): string =>
  `de database is bezet door een ander proces dat erin schrijft, en de wachttijd verstreek (${detail(cause)}); probeer het opnieuw wanneer dat klaar is`
