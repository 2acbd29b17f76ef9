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
 * Reads narrow to a `Scope` of gemeenten in SQL; `forInformatiebeeld` reads exactly the rows one
 * informatiebeeld needs, in one query.
 *
 * @since 0.1.0
 */
import { Geography, Periode, Registration } from "@dvcc/core"
import { Array as Arr, Context, DateTime, Effect, Layer, Result, Schema } from "effect"
import { SqlClient } from "effect/sql"
import * as bulk from "./internal/bulk.ts"
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
     * What `Informatiebeeld.make` needs for `gebied` in `periode`, read with SQL doing the filtering (and for
     * a gemeente the adding); `make` over these rows gives the same informatiebeeld as over all
     * registrations. For a gemeente: its own rows of the periods overlapping `periode`, the previous period
     * and the year earlier, and for every other gemeente of the region one row per delict for `periode`
     * with its figures summed as `make` sums them (unknown when a part is unknown, when bounds mix or when
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
        // The gemeente of a row's `gebied` JSON, in SQL (for the changes copied in the database).
        // The gemeente of a row's `gebied` JSON, in SQL (for the changes copied in the database): the six
        // characters of the code after the prefix, the same in both dialects and cheaper than parsing JSON.
        const gemeenteOfColumn = sql.literal(
          `CASE WHEN gebied LIKE '${gemeenteJson}%' THEN SUBSTR(gebied, ${gemeenteJson.length + 2}, 6) END`
        )
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
            const changes: Array<bulk.ChangeRow> = []
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
                seq: ++seq,
                gemeente: gemeenteOf((rows[index] as Registration.Registration).gebied)
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
              bulk.refusedRows(cause, rowOf(indexes[0] ?? 0), rowOf(indexes[indexes.length - 1] ?? 0))
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
              yield* sql`INSERT INTO import_changes (import_id, entity, entity_key, before, after, seq, gemeente) SELECT ${provenance.importId}, 'registraties', periode || ' ' || delict || ' ' || gebied, NULL, data, ${seq} + ROW_NUMBER() OVER (ORDER BY periode, gebied, delict), ${gemeenteOfColumn} FROM registraties WHERE ${sql.in("periode", some)}`
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
                  bulk.refusedRows(cause, rowOf(indexes[0] ?? 0), rowOf(indexes[indexes.length - 1] ?? 0))
                )
              )
              updated += changed.length
              for (const index of indexes) change(index, before.get(index) ?? null)
            }
            // 3. What this import changed, so that it can be undone.
            yield* bulk.writeChanges(sql, changes)
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
              provenance: withProvenance ? fromSource(row.source) : undefined
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
       * Per gemeente × delict × kind of period (`p` the period itself, `m` a month, `q` a quarter, `j` a
       * year around it): the number of rows, and per figure the number known, their sum and how many carry
       * each kind of bound; read out of the JSON and added up in SQL.
       */
      // On PostgreSQL `data` is the jsonb the query below parsed once per row.
      const aggregates = (periode: Periode.Periode) => {
        const value = (m: Maat) =>
          sql.onDialectOrElse({
            pg: () => `(data ->> '${m}')::bigint`,
            orElse: () => `json_extract(data, '$.${m}')`
          })
        const bound = (m: Maat) =>
          sql.onDialectOrElse({
            pg: () => `(data -> 'kwalificaties' ->> '${m}')`,
            orElse: () => `json_extract(data, '$.kwalificaties.${m}')`
          })
        const kind = `CASE WHEN periode = '${periode}' THEN 'p' WHEN periode LIKE '____-Q_' THEN 'q' WHEN LENGTH(periode) = 7 THEN 'm' ELSE 'j' END`
        return sql.literal(
          [
            `${kind} AS kind`,
            "COUNT(*) AS n",
            ...maten.map(
              (m) =>
                `COUNT(${value(m)}) AS n_${m}, SUM(${value(m)}) AS s_${m}, ` +
                `SUM(CASE WHEN ${bound(m)} = 'minder-dan' THEN 1 ELSE 0 END) AS lo_${m}, ` +
                `SUM(CASE WHEN ${bound(m)} = 'ruim' THEN 1 ELSE 0 END) AS ru_${m}, ` +
                `SUM(CASE WHEN ${bound(m)} = 'meer-dan' THEN 1 ELSE 0 END) AS md_${m}`
            )
          ].join(", ")
        )
      }

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
          const own = yield* sql<{
            readonly periode: string
            readonly gebied: string
            readonly delict: string
            readonly data: string
          }>`SELECT periode, gebied, delict, data FROM registraties WHERE ${sql.in("periode", all)} AND gebied = ${ownKey}`
          const out: Array<Registration.Registration> = []
          for (const row of own) {
            const decoded = decodeStored(row.data)
            if (Result.isFailure(decoded)) {
              return yield* new StoreError({
                message: `Registratie ${row.periode} ${row.gebied} ${row.delict} in de database is ongeldig: ${detail(decoded.failure)}`,
                cause: decoded.failure
              })
            }
            out.push(decoded.success)
          }
          const others = regio.gemeenten
            .filter((g) => g.code !== gebied.code)
            .map((g) => gebiedKey({ niveau: "gemeente", code: g.code }))
          if (others.length === 0) return out as ReadonlyArray<Registration.Registration>
          const where = sql`${sql.in("periode", huidig)} AND ${sql.in("gebied", others)}`
          const rows = yield* sql.onDialectOrElse({
            // PostgreSQL parses each row's JSON text once, in the subquery, instead of once per figure in the
            // sums; OFFSET 0 keeps the planner from merging the subquery (and the parse) back into them.
            pg: () =>
              sql<AggregateRow>`SELECT gebied, delict, ${aggregates(periode)} FROM (SELECT periode, gebied, delict, data::jsonb AS data FROM registraties WHERE ${where} OFFSET 0) AS registraties GROUP BY gebied, delict, kind`,
            orElse: () =>
              sql<AggregateRow>`SELECT gebied, delict, ${aggregates(periode)} FROM registraties WHERE ${where} GROUP BY gebied, delict, kind`
          })
          const groups = new Map<string, Map<string, AggregateRow>>()
          for (const row of rows) {
            const key = `${row.gebied}\u0000${row.delict}`
            let group = groups.get(key)
            if (group === undefined) {
              group = new Map()
              groups.set(key, group)
            }
            group.set(row.kind, row)
          }
          for (const group of groups.values()) {
            const first = group.values().next().value as AggregateRow
            const summed = sumFor(group, periode)
            const decoded = decodeRegistration({
              periode,
              gebied: JSON.parse(first.gebied),
              delict: first.delict,
              ...summed,
              herkomst: { document: "dvcc", sectie: `som van de registraties van ${Periode.label(periode)}` }
            })
            if (Result.isFailure(decoded)) {
              return yield* new StoreError({
                message: `Registraties ${first.gebied} ${first.delict} in de database zijn ongeldig: ${detail(decoded.failure)}`,
                cause: decoded.failure
              })
            }
            out.push(decoded.success)
          }
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
          const rows = yield* sql<{
            readonly periode: string
            readonly gebied: string
            readonly delict: string
            readonly data: string
          }>`SELECT periode, gebied, delict, data FROM registraties WHERE (${sql.in("periode", huidig)} AND ${sql.or(
            [sql`gebied LIKE ${`${gemeenteJson}%`}`, ...level]
          )}) OR (${sql.in("periode", bases)} AND ${sql.in("gebied", own)})`
          const out: Array<Registration.Registration> = []
          for (const row of rows) {
            const decoded = decodeStored(row.data)
            if (Result.isFailure(decoded)) {
              return yield* new StoreError({
                message: `Registratie ${row.periode} ${row.gebied} ${row.delict} in de database is ongeldig: ${detail(decoded.failure)}`,
                cause: decoded.failure
              })
            }
            out.push(decoded.success)
          }
          return out as ReadonlyArray<Registration.Registration>
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
type Maat = (typeof maten)[number]

type Count = number | bigint | string | null

/** One gemeente × delict × kind of period, added up in SQL (PostgreSQL gives sums as text). */
type AggregateRow = {
  readonly gebied: string
  readonly delict: string
  readonly kind: "p" | "m" | "q" | "j"
  readonly n: Count
} & { readonly [M in Maat as `n_${M}` | `s_${M}` | `lo_${M}` | `ru_${M}` | `md_${M}`]: Count }

/**
 * The figures of one gemeente and delict for `periode`, as `Informatiebeeld.make` takes them: the row of the
 * period itself, else the sum of its months, else (a year) of its quarters, each only when the set is
 * complete; unknown (`null`) otherwise. A sum with an unknown part is unknown, and so is one that adds lower
 * and upper bounds; `minder-dan` wins over `meer-dan` over `ruim` (core's `optellen`).
 */
const sumFor = (group: ReadonlyMap<string, AggregateRow>, periode: Periode.Periode) => {
  const granulariteit = Periode.granulariteit(periode)
  const complete = (kind: "m" | "q", size: number) => {
    const row = group.get(kind)
    return row !== undefined && Number(row.n) === size ? row : undefined
  }
  const parts =
    group.get("p") ??
    (granulariteit === "maand" ? undefined : complete("m", Periode.maandenIn(periode).length)) ??
    (granulariteit === "jaar" ? complete("q", 4) : undefined)
  const values: Record<string, number | null> = {}
  const kwalificaties: Record<string, string> = {}
  for (const m of maten) {
    if (parts === undefined || Number(parts[`n_${m}`]) < Number(parts.n)) {
      values[m] = null
      continue
    }
    const lo = Number(parts[`lo_${m}`])
    const md = Number(parts[`md_${m}`])
    const ru = Number(parts[`ru_${m}`])
    if (lo > 0 && md + ru > 0) {
      values[m] = null
      continue
    }
    values[m] = Number(parts[`s_${m}`])
    if (lo + md + ru > 0) kwalificaties[m] = lo > 0 ? "minder-dan" : md > 0 ? "meer-dan" : "ruim"
  }
  return { ...values, ...(Object.keys(kwalificaties).length === 0 ? {} : { kwalificaties }) }
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
      const gebied = JSON.stringify(encoded.success.gebied)
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
        source: JSON.stringify({ ...base, row: rowOf(index) })
      })
    }
    return Effect.succeed(values)
  })
