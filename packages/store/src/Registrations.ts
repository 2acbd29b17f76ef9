/**
 * Police registrations in the database, as imports write them: many rows at once, all or nothing, and
 * idempotent by their natural key (periode, gebied, delict), so importing the same file twice changes
 * nothing. Every row remembers which import (file, sheet, row) last changed it; every import is audited.
 *
 * A batch is checked and encoded first, then written in one transaction. Rows of periods that hold no rows
 * yet are inserted plainly; the others by `INSERT … ON CONFLICT DO NOTHING RETURNING` their keys, after which
 * the existing ones are read in chunks and only those that differ are updated. Every row is also written to
 * `import_changes` as inserted, updated (with its previous data) or held as it was, except the rows of
 * periods that held none: one change per period and gemeente says the import created them
 * (`internal/changes.ts`).
 * The import goes to `imports`, so that it can be undone (see `Imports`).
 *
 * Reads narrow to a `Scope` of gemeenten in SQL; `forInformatiebeeld` reads exactly the rows one
 * informatiebeeld needs (for a gemeente: its own rows, and the other gemeenten's figures, added up here).
 *
 * @since 0.1.0
 */
import { Geography, type Getal, Money, Periode, Registration } from "@dvcc/core"
import { Array as Arr, Context, DateTime, Effect, Layer, Result, Schema } from "effect"
import { SqlClient, type Statement } from "effect/sql"
import * as bulk from "./internal/bulk.ts"
import * as changeLog from "./internal/changes.ts"
import { detail, migrated, StoreError } from "./internal/errors.ts"
import { fromSource, type Provenance, type RecordReport, type RowProvenance } from "./Provenance.ts"
import { alles, type Scope } from "./Scope.ts"

export type { Provenance, RecordReport } from "./Provenance.ts"
export { RowProvenance } from "./Provenance.ts"

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
 * Most rows in one INSERT (shared by every bulk import).
 *
 * @since 0.1.0
 * @category constants
 */
export const rowsPerStatement = bulk.rowsPerStatement

/**
 * The sizes of the INSERTs for `n` rows: full statements of `rowsPerStatement`, the rest in powers of
 * two, so that a few statement texts serve every batch size.
 *
 * @since 0.1.0
 * @category internals
 */
export const statementSizes = bulk.statementSizes

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
    /**
     * The registrations, decoded through the core Schema, by periode, gebied and delict. With a scope of
     * gemeenten, rows about other gemeenten are left out (rows about the region, a district or a basisteam
     * stay).
     */
    readonly list: (
      filter?: Filter,
      scope?: Scope
    ) => Effect.Effect<ReadonlyArray<Registration.Registration>, StoreError>
    /** Like `list`, with each row's version and provenance. */
    readonly recorded: (filter?: Filter, scope?: Scope) => Effect.Effect<ReadonlyArray<Recorded>, StoreError>
    /**
     * What `Informatiebeeld.make` needs for `gebied` in `periode`, read with SQL doing the filtering (for a
     * gemeente, the other gemeenten's figures are read out of the JSON in SQL and added up here); `make`
     * over these rows gives the same informatiebeeld as over all registrations. For a gemeente: its own
     * rows of the periods overlapping `periode`, the previous period and the year earlier, and for every
     * other gemeente of the region one row per delict for `periode` with its figures summed as `make` sums
     * them (unknown when a part is unknown, when bounds mix or when
     * no complete set of months or quarters is registered; herkomst "dvcc, som van …": these rows only
     * feed the regional totals, shares and ranks). For a district, basisteam or the region: the rows of the
     * periods overlapping `periode` of every gemeente and of the units of its level, and of the periods
     * overlapping the previous period and the year earlier of the area and its gemeenten. Not for display:
     * use `list` for the rows themselves.
     */
    readonly forInformatiebeeld: (invoer: {
      readonly regio: Geography.Regio
      readonly gebied: Geography.Gebied
      readonly periode: Periode.Periode
    }) => Effect.Effect<ReadonlyArray<Registration.Registration>, StoreError>
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
        const base = bulk.baseOf(provenance)
        // Rows are checked and encoded before the transaction begins: SQLite's write lock is held only to write.
        const write = (values: ReadonlyArray<Values>) =>
          Effect.gen(function* () {
            const at = DateTime.formatIso(yield* DateTime.now)
            // Rows about an area the region does not have would make the database unreadable as a dataset.
            // (A database without the region yet has nothing to check against: the seed comes first in use.)
            const areas = yield* bulk.knownAreas(sql)
            let lastGebied: Geography.Gebied | undefined
            for (let index = 0; areas.gemeenten.size > 0 && index < rows.length; index++) {
              const gebied = (rows[index] as Registration.Registration).gebied
              if (gebied === lastGebied) continue
              const why = bulk.unknownArea(areas, gebied)
              if (why !== undefined) return yield* new bulk.Refused({ reason: `rij ${rowOf(index)}: ${why}` })
              lastGebied = gebied
            }
            // The import first: its changes refer to it.
            const offset = yield* bulk.openImport(sql, provenance, at)
            const changes: Array<changeLog.Change> = []
            const gemeente = (index: number) => gemeenteOf((rows[index] as Registration.Registration).gebied)
            const insertedRow = (index: number) => {
              const value = values[index] as Values
              changes.push(
                changeLog.inserted("registraties", entityKey(value), gemeente(index), value.data, 1)
              )
            }
            // 1. New rows. The periods that hold rows already are read first: a row of another period (a new
            // period, a fresh database) is new, and is inserted plainly (keys within a batch are unique). A row
            // of a stored period is inserted with ON CONFLICT DO NOTHING; the rows not returned exist already.
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
            const rowsOf = (cause: unknown, indexes: ReadonlyArray<number>) =>
              bulk.refusedRows(cause, rowOf(indexes[0] ?? 0), rowOf(indexes[indexes.length - 1] ?? 0))
            for (const indexes of bulk.inStatements(fresh)) {
              const chunk = indexes.map((index) => values[index] as Values)
              if (!Arr.isArrayNonEmpty(chunk)) continue
              yield* sql`INSERT INTO registraties ${sql.insert(chunk)}`.pipe(
                Effect.mapError((cause) => rowsOf(cause, indexes))
              )
            }
            // The rows of new periods are not copied into `import_changes` one by one: one change per period
            // and gemeente says that this import created them (see `internal/changes.ts`).
            const created = new Set<string>()
            for (const index of fresh) {
              const periode = (values[index] as Values).periode
              const of = gemeente(index)
              const key = `${periode} ${of ?? "-"}`
              if (created.has(key)) continue
              created.add(key)
              changes.push(changeLog.freshPeriod(periode, of))
            }
            const markers = changes.length
            const existing: Array<number> = []
            for (const indexes of bulk.inStatements(known)) {
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
                if (inserted.has(rowKey(values[index] as Values))) insertedRow(index)
                else existing.push(index)
              }
            }
            const inserted = fresh.length + changes.length - markers
            // 2. Existing rows: read their data in chunks, and update only the ones that differ; the others
            // this import holds as they are (undoing an earlier import leaves them).
            const differing: Array<number> = []
            const before = new Map<number, string>()
            for (let p = 0; p < existing.length; p += rowsPerStatement) {
              const indexes = existing.slice(p, p + rowsPerStatement)
              const stored = yield* changeLog.readData(
                sql,
                indexes.map((index) => values[index] as Values)
              )
              for (const index of indexes) {
                const value = values[index] as Values
                const row = stored.get(rowKey(value))
                const data = row?.data ?? ""
                if (data === value.data) {
                  const key = entityKey(value)
                  changes.push(
                    changeLog.held("registraties", key, gemeente(index), data, value.source, row?.version)
                  )
                  continue
                }
                differing.push(index)
                before.set(index, data)
              }
            }
            let updated = 0
            for (const indexes of bulk.inStatements(differing)) {
              const chunk = indexes.map((index) => values[index] as Values)
              if (!Arr.isArrayNonEmpty(chunk)) continue
              const changed = yield* sql<
                Key & { readonly version: number | bigint | string }
              >`INSERT INTO registraties ${sql.insert(chunk)} ON CONFLICT (periode, gebied, delict) DO UPDATE SET data = excluded.data, version = registraties.version + 1, source = excluded.source WHERE registraties.data <> excluded.data RETURNING periode, gebied, delict, version`.pipe(
                Effect.mapError((cause) => rowsOf(cause, indexes))
              )
              updated += changed.length
              const versions = new Map(changed.map((row) => [rowKey(row), Number(row.version)]))
              for (const index of indexes) {
                const value = values[index] as Values
                const was = before.get(index) ?? ""
                const version = versions.get(rowKey(value)) ?? null
                changes.push(
                  changeLog.updated(
                    "registraties",
                    entityKey(value),
                    gemeente(index),
                    was,
                    value.data,
                    version
                  )
                )
              }
            }
            // 3. What this import did to each row, so that it can be undone.
            yield* changeLog.write(sql, provenance.importId, offset, changes)
            const report: RecordReport = { inserted, updated, unchanged: values.length - inserted - updated }
            yield* bulk.closeImport(sql, provenance, at, report, "registraties")
            return report
          }).pipe(sql.withTransaction)
        return Effect.flatMap(toValues(rows, rowOf, base), write).pipe(
          Effect.mapError(bulk.batchError("registraties", provenance))
        )
      }

      // `list` skips the provenance: decoding it per row was 40% of reading an informatiebeeld's rows.
      const read = (filter: Filter, scope: Scope, withProvenance: boolean) =>
        Effect.gen(function* () {
          const conditions = [
            ...(scope.kind === "alles" ? [] : [gebiedInScope(scope)]),
            ...(filter.periode === undefined ? [] : [sql`periode = ${filter.periode}`]),
            ...(filter.gemeente === undefined
              ? []
              : [sql`gebied = ${gebiedKey({ niveau: "gemeente", code: filter.gemeente })}`])
          ]
          const rows = yield* sql<
            StoredRow & { readonly version: number | bigint; readonly source: string }
          >`SELECT periode, gebied, delict, data, version, source FROM registraties WHERE ${sql.and(conditions)} ORDER BY periode, gebied, delict`
          return yield* decodeRows(
            rows,
            (registration, row): Recorded => ({
              registration,
              version: Number(row.version),
              provenance: withProvenance ? fromSource(row.source) : undefined
            })
          )
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

      /** Rows about an aggregate area, or about a gemeente of the scope. */
      const gebiedInScope = (scope: Scope & { readonly kind: "gemeenten" }) =>
        scope.gemeenten.length === 0
          ? sql`gebied NOT LIKE ${`${gemeenteJson}%`}`
          : sql`(gebied NOT LIKE ${`${gemeenteJson}%`} OR ${sql.in(
              "gebied",
              scope.gemeenten.map((code) => gebiedKey({ niveau: "gemeente", code }))
            )})`

      const recorded = (filter: Filter = {}, scope: Scope = alles) => read(filter, scope, true)

      const list = (filter: Filter = {}, scope: Scope = alles) =>
        Effect.map(read(filter, scope, false), (rows) => rows.map((row) => row.registration))

      /**
       * The figures of the registrations matching `where`, one array each: periode, gebied, delict and the
       * JSON text `[aangiften, meldingen, slachtoffers, schade, kwalificaties]` read out of `data` in SQL.
       * Each row's JSON is parsed once in the database (SQLite: one `json_extract` with five paths; PostgreSQL:
       * one cast to jsonb in a subquery that OFFSET 0 keeps the planner from merging into the outer select),
       * and the small array once in JavaScript; arrays, not objects, because building 1,300 row objects was a
       * noticeable part of an informatiebeeld's read.
       */
      const figures = (where: Statement.Fragment) =>
        sql.onDialectOrElse({
          pg: () =>
            sql`SELECT periode, gebied, delict, jsonb_build_array(d -> 'aangiften', d -> 'meldingen', d -> 'slachtoffers', d -> 'schade', d -> 'kwalificaties')::text AS v FROM (SELECT periode, gebied, delict, data::jsonb AS d FROM registraties WHERE ${where} OFFSET 0) AS r`
              .values,
          orElse: () =>
            sql`SELECT periode, gebied, delict, json_extract(data, '$.aangiften', '$.meldingen', '$.slachtoffers', '$.schade', '$.kwalificaties') AS v FROM registraties WHERE ${where}`
              .values
        })

      /**
       * For a gemeente: its own rows as stored, and for every other gemeente of the region one row per delict
       * for the period, summed here from its figures as `Informatiebeeld.make` would (only their sums reach
       * a gemeente's picture: the regional totals, shares and ranks).
       */
      const gemeentebeeld = (
        regio: Geography.Regio,
        gebied: Geography.Gebied & { readonly niveau: "gemeente" },
        periode: Periode.Periode
      ) =>
        Effect.gen(function* () {
          const ownKey = gebiedKey(gebied)
          const huidig = overlapping(periode)
          const all = [
            ...new Set([
              ...huidig,
              ...overlapping(Periode.vorige(periode)),
              ...overlapping(Periode.jaarEerder(periode))
            ])
          ]
          const own =
            yield* sql<StoredRow>`SELECT periode, gebied, delict, data FROM registraties WHERE ${sql.in("periode", all)} AND gebied = ${ownKey}`
          const out = yield* decodeRows(own, (registration) => registration)
          const others = new Map<string, Geography.Gebied>()
          for (const g of regio.gemeenten) {
            if (g.code === gebied.code) continue
            const other: Geography.Gebied = { niveau: "gemeente", code: g.code }
            others.set(gebiedKey(other), other)
          }
          if (others.size === 0) return out as ReadonlyArray<Registration.Registration>
          const rows = yield* figures(
            sql`${sql.in("periode", huidig)} AND ${sql.in("gebied", [...others.keys()])}`
          )
          const summed = sumFigures(rows, others, periode)
          if (Result.isFailure(summed)) return yield* summed.failure
          for (const registration of summed.success) out.push(registration)
          return out as ReadonlyArray<Registration.Registration>
        })

      const forInformatiebeeld = (invoer: {
        readonly regio: Geography.Regio
        readonly gebied: Geography.Gebied
        readonly periode: Periode.Periode
      }) =>
        Effect.gen(function* () {
          const { regio, gebied, periode } = invoer
          if (gebied.niveau === "gemeente") return yield* gemeentebeeld(regio, gebied, periode)
          const huidig = overlapping(periode)
          const bases = [
            ...new Set([...overlapping(Periode.vorige(periode)), ...overlapping(Periode.jaarEerder(periode))])
          ]
          // A district or basisteam: all units of its level too (ranks); the region: its own rows.
          const level =
            gebied.niveau === "regio"
              ? [sql`gebied = ${gebiedKey(gebied)}`]
              : [sql`gebied LIKE ${`{"niveau":"${gebied.niveau}",%`}`]
          const own = [
            gebiedKey(gebied),
            ...Geography.gemeentenIn(regio, gebied).map((g) =>
              gebiedKey({ niveau: "gemeente", code: g.code })
            )
          ]
          const rows =
            yield* sql<StoredRow>`SELECT periode, gebied, delict, data FROM registraties WHERE (${sql.in("periode", huidig)} AND ${sql.or(
              [sql`gebied LIKE ${`${gemeenteJson}%`}`, ...level]
            )}) OR (${sql.in("periode", bases)} AND ${sql.in("gebied", own)})`
          return yield* decodeRows(rows, (registration) => registration)
        }).pipe(
          Effect.mapError((cause) =>
            cause instanceof StoreError
              ? cause
              : new StoreError({
                  message: `De registraties voor het informatiebeeld konden niet worden gelezen: ${detail(cause)}`,
                  cause
                })
          )
        )

      return Registrations.of({ record, list, recorded, forInformatiebeeld })
    })
  )
}

// internal

/** A registration's key columns. */
type Key = changeLog.Key

const rowKey = changeLog.rowKey

/**
 * A registration's `entity_key` in `import_changes`.
 *
 * @since 0.1.0
 * @category internals
 */
export const entityKey = changeLog.entityKey

/**
 * The key columns of an `entity_key`.
 *
 * @since 0.1.0
 * @category internals
 */
export const parseEntityKey = changeLog.parseEntityKey

/**
 * The stored `data` of the registrations with these keys (at most `rowsPerStatement`), by their key columns.
 *
 * @since 0.1.0
 * @category internals
 */
export const readData = changeLog.readData

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

/** A stored registration as read: its key columns and its `data`. */
type StoredRow = Key & { readonly data: string }

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

/**
 * Every stored row decoded through the core Schema and made into what the caller returns; the first invalid
 * row fails the read, naming it.
 */
const decodeRows = <R extends StoredRow, A>(
  rows: ReadonlyArray<R>,
  f: (registration: Registration.Registration, row: R) => A
): Effect.Effect<Array<A>, StoreError> =>
  Effect.suspend(() => {
    const out: Array<A> = []
    for (const row of rows) {
      const decoded = decodeStored(row.data)
      if (Result.isFailure(decoded)) {
        return Effect.fail(
          new StoreError({
            message: `Registratie ${row.periode} ${row.gebied} ${row.delict} in de database is ongeldig: ${detail(decoded.failure)}`,
            cause: decoded.failure
          })
        )
      }
      out.push(f(decoded.success, row))
    }
    return Effect.succeed(out)
  })

/**
 * Every period that overlaps `periode`: itself, the quarters and months in it, and the quarter and year
 * around it. `Informatiebeeld.make` reads no others for it.
 *
 * @since 0.1.0
 * @category internals
 */
export const overlapping = (periode: Periode.Periode): ReadonlyArray<Periode.Periode> => {
  const jaar = Periode.jaar(Periode.jaarVan(periode))
  const within = [...Periode.kwartalenIn(periode), ...Periode.maandenIn(periode)]
  const around = [jaar, ...Periode.kwartalenIn(jaar)].filter(
    (p) => p !== periode && Periode.bevat(p, periode)
  )
  return [...new Set([periode, ...within, ...around])]
}

const maten = ["aangiften", "meldingen", "slachtoffers", "schade"] as const

const delicten: ReadonlySet<string> = new Set(Registration.Delict.literals)

/** One registration's figures as `figures` reads them: `v` is `[aangiften, meldingen, slachtoffers, schade, kwalificaties]`. */
type FigureRow = ReadonlyArray<unknown>

/** Kinds of period, for `periode`: `p` the period itself, `m` a month, `q` a quarter, `j` a year around it. */
type Kind = "p" | "m" | "q" | "j"

const kindOf = (stored: string, periode: Periode.Periode): Kind =>
  stored === periode ? "p" : stored.length === 7 ? (stored[5] === "Q" ? "q" : "m") : "j"

/**
 * The registrations of one gemeente, delict and kind of period added up: how many rows, and per figure (in
 * the order of `maten`) how many are known, their sum and how many carry each kind of bound.
 */
interface Tally {
  n: number
  readonly known: Array<number>
  readonly sum: Array<number>
  readonly minderDan: Array<number>
  readonly meerDan: Array<number>
  readonly ruim: Array<number>
}

const newTally = (): Tally => ({
  n: 0,
  known: [0, 0, 0, 0],
  sum: [0, 0, 0, 0],
  minderDan: [0, 0, 0, 0],
  meerDan: [0, 0, 0, 0],
  ruim: [0, 0, 0, 0]
})

/** One gemeente and delict: its tallies per kind of period. */
interface Group {
  readonly gebied: Geography.Gebied
  readonly delict: Registration.Delict
  readonly tallies: Map<Kind, Tally>
}

/**
 * Adds one row's figures (`FigureRow.v`) to `tally`, checking what the sums use as the Schema would: a count
 * is unknown (`null`) or a whole number ≥ 0, a bound one of the three. `false` when the row is not valid.
 */
const addFigures = (tally: Tally, v: string): boolean => {
  let figures: unknown
  try {
    figures = JSON.parse(v)
  } catch {
    return false
  }
  if (!Array.isArray(figures) || figures.length !== 5) return false
  tally.n++
  for (let i = 0; i < 4; i++) {
    const value: unknown = figures[i]
    if (value === null) continue
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) return false
    tally.known[i] = (tally.known[i] as number) + 1
    tally.sum[i] = (tally.sum[i] as number) + value
    if (!Number.isSafeInteger(tally.sum[i])) return false
  }
  const kwalificaties: unknown = figures[4]
  if (kwalificaties === null) return true
  if (typeof kwalificaties !== "object" || Array.isArray(kwalificaties)) return false
  for (const [m, bound] of Object.entries(kwalificaties)) {
    const i = maten.indexOf(m as (typeof maten)[number])
    const counts =
      bound === "minder-dan"
        ? tally.minderDan
        : bound === "meer-dan"
          ? tally.meerDan
          : bound === "ruim"
            ? tally.ruim
            : undefined
    if (i < 0 || counts === undefined) return false
    counts[i] = (counts[i] as number) + 1
  }
  return true
}

const invalidFigures = (row: FigureRow) =>
  new StoreError({
    message: `Registratie ${row[0]} ${row[1]} ${row[2]} in de database is ongeldig: de cijfers ${row[3]} zijn geen aantallen of de registratie hoort niet bij de regio`
  })

/**
 * The rows of `figures` added up per gemeente (of `others`, by `gebied` column) and delict into one
 * registration each for `periode` (see `sumFor`); fails on the first row whose figures are not valid.
 * Built, not decoded: sums of stored figures that `addFigures` checked.
 */
const sumFigures = (
  rows: ReadonlyArray<FigureRow>,
  others: ReadonlyMap<string, Geography.Gebied>,
  periode: Periode.Periode
): Result.Result<Array<Registration.Registration>, StoreError> => {
  const groups = new Map<string, Group>()
  for (const row of rows) {
    const [stored, gebied, delict, v] = row as readonly [string, string, string, string]
    const key = `${gebied}\u0000${delict}`
    let group = groups.get(key)
    if (group === undefined) {
      const other = others.get(gebied)
      if (other === undefined || !delicten.has(delict)) return Result.fail(invalidFigures(row))
      group = { gebied: other, delict: delict as Registration.Delict, tallies: new Map() }
      groups.set(key, group)
    }
    const kind = kindOf(stored, periode)
    let tally = group.tallies.get(kind)
    if (tally === undefined) {
      tally = newTally()
      group.tallies.set(kind, tally)
    }
    if (typeof v !== "string" || !addFigures(tally, v)) return Result.fail(invalidFigures(row))
  }
  const herkomst = { document: "dvcc", sectie: `som van de registraties van ${Periode.label(periode)}` }
  const sizes = { months: Periode.maandenIn(periode).length, granulariteit: Periode.granulariteit(periode) }
  const out: Array<Registration.Registration> = []
  for (const group of groups.values()) {
    out.push({
      periode,
      gebied: group.gebied,
      delict: group.delict,
      ...sumFor(group.tallies, sizes),
      herkomst
    })
  }
  return Result.succeed(out)
}

/**
 * The figures of one gemeente and delict for a period (its number of months, its granularity), as
 * `Informatiebeeld.make` takes them: the row of the period itself, else the sum of its months, else (a year)
 * of its quarters, each only when the set is
 * complete; unknown (`null`) otherwise. A sum with an unknown part is unknown, and so is one that adds lower
 * and upper bounds; `minder-dan` wins over `meer-dan`, and a sum of several parts with a `ruim` is `meer-dan`
 * (core's `optellen`).
 */
const sumFor = (
  tallies: ReadonlyMap<Kind, Tally>,
  periode: { readonly months: number; readonly granulariteit: Periode.Granulariteit }
) => {
  const { granulariteit } = periode
  const complete = (kind: "m" | "q", size: number) => {
    const tally = tallies.get(kind)
    return tally !== undefined && tally.n === size ? tally : undefined
  }
  const parts =
    tallies.get("p") ??
    (granulariteit === "maand" ? undefined : complete("m", periode.months)) ??
    (granulariteit === "jaar" ? complete("q", 4) : undefined)
  const values: Array<number | null> = [null, null, null, null]
  const kwalificaties: { [M in (typeof maten)[number]]?: Getal.Kwalificatie } = {}
  let bounded = false
  for (let i = 0; i < 4; i++) {
    if (parts === undefined || (parts.known[i] as number) < parts.n) continue
    const lo = parts.minderDan[i] as number
    const md = parts.meerDan[i] as number
    const ru = parts.ruim[i] as number
    if (lo > 0 && md + ru > 0) continue
    values[i] = parts.sum[i] as number
    if (lo + md + ru > 0) {
      // As core's sums: several parts with a "ruim" among them are a lower bound ("meer-dan").
      kwalificaties[maten[i] as (typeof maten)[number]] =
        lo > 0 ? "minder-dan" : md > 0 || parts.n > 1 ? "meer-dan" : "ruim"
      bounded = true
    }
  }
  return {
    aangiften: values[0] ?? null,
    meldingen: values[1] ?? null,
    slachtoffers: values[2] ?? null,
    schade: values[3] === null || values[3] === undefined ? null : Money.cents(values[3]),
    ...(bounded ? { kwalificaties } : {})
  }
}

/** How the `gebied` column of a gemeente's row begins. */
const gemeenteJson = '{"niveau":"gemeente","code":'

const gemeenteOf = (gebied: Geography.Gebied): string | null =>
  gebied.niveau === "gemeente" ? gebied.code : null

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
): Effect.Effect<ReadonlyArray<Values>, bulk.Refused> =>
  Effect.suspend(() => {
    const values: Array<Values> = []
    const seen = new Map<string, number>()
    // Every row's provenance is the shared part plus its row number: built as text, not stringified per row.
    const sourcePrefix = `${JSON.stringify(base).slice(0, -1)},"row":`
    // The `gebied` column of a gemeente's rows, once per gemeente.
    const gemeenteKeys = new Map<string, string>()
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index] as Registration.Registration
      const encoded = encodeRegistration(row)
      if (Result.isFailure(encoded)) {
        return Effect.fail(
          new bulk.Refused({
            reason: `rij ${rowOf(index)} (${label(row)}) is ongeldig: ${encoded.failure}`,
            cause: encoded.failure
          })
        )
      }
      const encodedGebied = encoded.success.gebied
      let gebied = encodedGebied.niveau === "gemeente" ? gemeenteKeys.get(encodedGebied.code) : undefined
      if (gebied === undefined) {
        gebied = JSON.stringify(encodedGebied)
        if (encodedGebied.niveau === "gemeente") gemeenteKeys.set(encodedGebied.code, gebied)
      }
      const key = `${row.periode}\u0000${gebied}\u0000${row.delict}`
      const earlier = seen.get(key)
      if (earlier !== undefined) {
        return Effect.fail(
          new bulk.Refused({
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
        source: `${sourcePrefix}${JSON.stringify(rowOf(index))}}`
      })
    }
    return Effect.succeed(values)
  })
