/**
 * The activity register in the database: activities imported in bulk (all or nothing, idempotent,
 * provenance per row, one audit entry per import, undoable), read by gemeente, soort and period within a
 * scope, and corrected one at a time with optimistic concurrency.
 *
 * An imported row has no id of its own: `activityId` derives a stable one from the fields that identify an
 * activity (datum, gemeente, soort, actie, doelgroep, omschrijving). Re-importing the same row gives the
 * same id, so it is `unchanged`; a corrected `bereik` gives the same id with other data, so it is `updated`.
 *
 * @since 0.1.0
 */
import { createHash } from "node:crypto"
import { Access, Activity, Bespreking, Dataset, type Geography, Periode } from "@dvcc/core"
import { Context, Effect, Layer, Result, Schema } from "effect"
import { SqlClient } from "effect/sql"
import * as bulk from "./internal/bulk.ts"
import { detail, migrated, StoreError, toStoreError } from "./internal/errors.ts"
import * as tables from "./internal/tables.ts"
import { Conflict, type Invalid, invalid, NotFound, type Source } from "./ProgramStore.ts"
import { fromSource, type Provenance, type RecordReport, type RowProvenance } from "./Provenance.ts"
import { type Scope, scopeCondition } from "./Scope.ts"

/**
 * The fields that identify an activity: everything but its id and `bereik` (people reached), which an
 * import may correct.
 *
 * @since 0.1.0
 * @category models
 */
export type Identity = Pick<
  Activity.Activity,
  "datum" | "gemeente" | "soort" | "actie" | "doelgroep" | "omschrijving"
>

/**
 * The stable id of an imported activity: `act-<datum>-<gemeente or regio>-<soort>-<10 hex>`, the hex the
 * start of the SHA-256 of actie, doelgroep and omschrijving (trimmed, whitespace collapsed, lower case, so
 * that retyping it the same way does not make a new activity). `occurrence` (from 1) tells apart rows of
 * one file that are identical in all these fields (two equal sessions on one day): the importer counts
 * them in file order; the first keeps the plain id.
 *
 * @example
 * activityId({ datum: "2025-03-12", gemeente: "GM0344", soort: "kennisbijeenkomst", omschrijving: "Wijkcentrum" })
 * // "act-2025-03-12-GM0344-kennisbijeenkomst-…"
 *
 * @since 0.1.0
 * @category constructors
 */
export const activityId = (activity: Identity, occurrence = 1): string => {
  const omschrijving = activity.omschrijving?.trim().replace(/\s+/g, " ").toLowerCase()
  const hash = createHash("sha256")
    .update(JSON.stringify([activity.actie ?? null, activity.doelgroep ?? null, omschrijving || null]))
    .digest("hex")
    .slice(0, 10)
  // `join` builds one flat string; a template literal builds a tree of its parts (a rope), which an
  // import keeps per row as the key that numbers repeated activities: 7 objects and the row's date each.
  const parts = ["act", activity.datum, activity.gemeente ?? "regio", activity.soort, hash]
  return (occurrence > 1 ? [...parts, occurrence] : parts).join("-")
}

/**
 * Whether `id` is named for the activity's own date and gemeente, as `activityId` names it
 * (`act-<datum>-<gemeente>-…`). A writer that sees only some gemeenten creates activities under such ids
 * only: then an id it may not use is refused the same way whether or not it exists in another gemeente.
 *
 * @since 0.1.0
 * @category predicates
 */
export const namedFor = (id: string, activity: Pick<Activity.Activity, "datum" | "gemeente">): boolean =>
  activity.gemeente !== null && id.startsWith(`act-${activity.datum}-${activity.gemeente}-`)

/**
 * One activity of a request: the activity and, to change a stored one, the version it was read at.
 *
 * @since 0.1.0
 * @category models
 */
export interface Write {
  readonly activity: Activity.Activity
  readonly basedOn?: number | undefined
}

/**
 * Which activities to read; every field narrows, none means all. `van`/`tot` are inclusive dates.
 *
 * @since 0.1.0
 * @category models
 */
export interface Filter {
  readonly gemeente?: Geography.CbsCode | undefined
  readonly soort?: Activity.ActiviteitSoort | undefined
  readonly periode?: Periode.Periode | undefined
  readonly van?: Periode.Datum | undefined
  readonly tot?: Periode.Datum | undefined
}

/**
 * A stored activity with its version and, when an import wrote it last, its provenance.
 *
 * @since 0.1.0
 * @category models
 */
export interface Recorded {
  readonly activity: Activity.Activity
  readonly version: number
  readonly provenance: RowProvenance | undefined
}

/**
 * @since 0.1.0
 * @category services
 */
export class Activities extends Context.Service<
  Activities,
  {
    /**
     * Writes all `rows` in one transaction or none, keyed by their id (give imported rows `activityId`):
     * a new id is `inserted`, the same data `unchanged` (keeping its provenance), other data `updated`.
     * Refuses, naming the row, an invalid row, an unknown gemeente and two rows with one id.
     */
    readonly record: (
      rows: ReadonlyArray<Activity.Activity>,
      provenance: Provenance,
      visibility?: Access.Visibility
    ) => Effect.Effect<RecordReport, StoreError>
    /**
     * Writes the activities of one request like `record`, checked on the stored records in the same
     * transaction: a stored activity `visibility` may not see is `NotFound` (never changed), as is a new id
     * a scoped writer may not create (not `namedFor` its activity, so that the answer does not tell whether
     * it exists elsewhere); a stored activity whose data changes needs its version as `basedOn`
     * (`Conflict` otherwise). All or nothing.
     */
    readonly write: (
      rows: ReadonlyArray<Write>,
      provenance: Provenance,
      visibility: Access.Visibility
    ) => Effect.Effect<RecordReport, StoreError | NotFound | Conflict>
    /** The activities by datum and id, within `scope` (regional activities, without gemeente, always). */
    readonly list: (
      filter?: Filter,
      scope?: Scope
    ) => Effect.Effect<ReadonlyArray<Activity.Activity>, StoreError>
    /** Like `list`, with each activity's version and provenance. */
    readonly recorded: (filter?: Filter, scope?: Scope) => Effect.Effect<ReadonlyArray<Recorded>, StoreError>
    /** One activity by id; `NotFound` also when `scope` may not see it. */
    readonly get: (id: string, scope?: Scope) => Effect.Effect<Recorded, StoreError | NotFound>
    /**
     * Replaces activity `id` with `activity` (same id), based on version `basedOn`: a stale version is a
     * `Conflict` naming the activity; a gemeente outside the region (`Dataset.activityIssues`) is
     * `Invalid`. Audited with before and after. Returns the stored activity.
     */
    readonly update: (
      id: string,
      activity: Activity.Activity,
      basedOn: number,
      source: Source,
      scope?: Scope
    ) => Effect.Effect<Recorded, StoreError | Conflict | NotFound | Invalid>
    /**
     * The open afspraken of the besprekingen in de driehoek within `scope` (one gemeente with
     * `filter.gemeente`), te laat when their `uiterlijk` lies before `vandaag`; te laat first.
     */
    readonly openAfspraken: (
      vandaag: Periode.Datum,
      filter?: Pick<Filter, "gemeente" | "periode">,
      scope?: Scope
    ) => Effect.Effect<ReadonlyArray<Bespreking.OpenAfspraak>, StoreError>
    /**
     * Marks afspraak `afspraak` of the bespreking `id` afgerond on `op`, as a correction of the activity
     * (audited with before and after, versioned). `NotFound` when `scope` may not see the activity or it
     * has no such afspraak; with `basedOn`, a stale version is a `Conflict`. Already afgerond: unchanged.
     */
    readonly afspraakAfronden: (
      id: string,
      afspraak: string,
      op: Periode.Datum,
      source: Source,
      scope?: Scope,
      basedOn?: number
    ) => Effect.Effect<Recorded, StoreError | Conflict | NotFound | Invalid>
  }
>()("@dvcc/store/Activities") {
  /**
   * Migrates the database on first use, then serves the activities.
   *
   * @since 0.1.0
   * @category layers
   */
  static readonly layer = Layer.effect(
    Activities,
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      yield* migrated

      /**
       * The stored activities with these ids, as a writer in `visibility` finds them; on PostgreSQL locked
       * until the transaction ends, so that what is checked is what is written over.
       */
      const storedFor = (ids: ReadonlyArray<string>) =>
        Effect.gen(function* () {
          const out = new Map<
            string,
            { readonly gemeente: string | null; readonly version: number; readonly data: string }
          >()
          const lock = sql.onDialectOrElse({
            pg: () => sql.literal(" FOR UPDATE"),
            orElse: () => sql.literal("")
          })
          for (let p = 0; p < ids.length; p += bulk.rowsPerStatement) {
            const rows = yield* sql<{
              readonly id: string
              readonly gemeente: string | null
              readonly version: number | bigint | string
              readonly data: string
            }>`SELECT id, gemeente, version, data FROM activiteiten WHERE ${sql.in("id", ids.slice(p, p + bulk.rowsPerStatement))}${lock}`
            for (const row of rows)
              out.set(row.id, { gemeente: row.gemeente, version: Number(row.version), data: row.data })
          }
          return out
        })

      const record = (
        rows: ReadonlyArray<Activity.Activity>,
        provenance: Provenance,
        visibility: Access.Visibility = Access.everything
      ) => {
        const rowOf = provenance.rowOf ?? ((index: number) => index + 1)
        const base = bulk.baseOf(provenance)
        return Effect.flatMap(toValues(rows, rowOf, base), (values) =>
          bulk.importBatch(sql, provenance, "activiteiten", () =>
            Effect.gen(function* () {
              if (visibility.kind !== "alles") {
                // The row names one of the writer's gemeenten; the stored record it would change must too.
                const stored = yield* storedFor(values.map((v) => v.key))
                const hidden = values.find((v) => {
                  const s = stored.get(v.key)
                  return s !== undefined && !Access.sees(visibility, s.gemeente)
                })
                if (hidden !== undefined)
                  return yield* new bulk.Refused({
                    reason: `rij ${rowOf(hidden.index)}: deze activiteit kan met dit token niet worden vastgelegd of gewijzigd`
                  })
              }
              const known = (yield* bulk.knownAreas(sql)).gemeenten
              const unknown = values.find((v) => v.gemeente !== null && !known.has(v.gemeente))
              if (unknown !== undefined) {
                return yield* new bulk.Refused({
                  reason: `rij ${rowOf(unknown.index)}: gemeente ${unknown.gemeente} hoort niet bij de regio`
                })
              }
              return yield* bulk.recordDocuments(sql, tables.activiteiten, values, { rowOf })
            })
          )
        ).pipe(Effect.mapError(bulk.batchError("activiteiten", provenance)))
      }

      const write = (rows: ReadonlyArray<Write>, provenance: Provenance, visibility: Access.Visibility) =>
        Effect.gen(function* () {
          const stored = yield* storedFor(rows.map((r) => r.activity.id)).pipe(
            Effect.mapError((cause) => toStoreError(cause, "De activiteiten konden niet worden gelezen"))
          )
          for (const { activity, basedOn } of rows) {
            const current = stored.get(activity.id)
            const hidden =
              visibility.kind !== "alles" &&
              (current === undefined
                ? !namedFor(activity.id, activity)
                : !Access.sees(visibility, current.gemeente))
            if (hidden) return yield* new NotFound({ entity: "Activiteit", key: activity.id })
            if (current === undefined) continue
            const encoded = encode(activity)
            const same =
              Result.isSuccess(encoded) &&
              tables.activiteiten.same(current.data, JSON.stringify(encoded.success))
            if (!same && basedOn !== current.version)
              return yield* new Conflict({
                entity: "Activiteit",
                key: activity.id,
                expected: basedOn ?? 0,
                actual: current.version
              })
          }
          return yield* record(
            rows.map((r) => r.activity),
            provenance,
            visibility
          )
        }).pipe(
          sql.withTransaction,
          Effect.mapError((cause) =>
            cause._tag === "Conflict" || cause._tag === "NotFound" || cause._tag === "StoreError"
              ? cause
              : toStoreError(cause, "De activiteiten konden niet worden opgeslagen")
          )
        )

      const recorded = (filter: Filter = {}, scope: Scope = { kind: "alles" }) =>
        Effect.gen(function* () {
          const conditions = [
            scopeCondition(sql, scope, "gemeente"),
            ...(filter.gemeente === undefined ? [] : [sql`gemeente = ${filter.gemeente}`]),
            ...(filter.soort === undefined ? [] : [sql`data LIKE ${`%"soort":"${filter.soort}"%`}`]),
            ...(filter.periode === undefined
              ? []
              : [sql`datum BETWEEN ${Periode.begin(filter.periode)} AND ${Periode.einde(filter.periode)}`]),
            ...(filter.van === undefined ? [] : [sql`datum >= ${filter.van}`]),
            ...(filter.tot === undefined ? [] : [sql`datum <= ${filter.tot}`])
          ]
          const rows =
            yield* sql<StoredRow>`SELECT id, data, version, source FROM activiteiten WHERE ${sql.and(conditions)} ORDER BY datum, id`
          const out: Array<Recorded> = []
          for (const row of rows) {
            const decoded = fromRow(row)
            if (Result.isFailure(decoded)) return yield* decoded.failure
            // The LIKE above narrows in SQL; the decoded field decides.
            if (filter.soort !== undefined && decoded.success.activity.soort !== filter.soort) continue
            out.push(decoded.success)
          }
          return out as ReadonlyArray<Recorded>
        }).pipe(Effect.mapError((cause) => toStoreError(cause, "De activiteiten konden niet worden gelezen")))

      const list = (filter?: Filter, scope?: Scope) =>
        Effect.map(recorded(filter, scope), (rows) => rows.map((row) => row.activity))

      const get = (id: string, scope: Scope = { kind: "alles" }) =>
        Effect.gen(function* () {
          const rows =
            yield* sql<StoredRow>`SELECT id, data, version, source FROM activiteiten WHERE id = ${id} AND ${scopeCondition(sql, scope, "gemeente")}`
          const row = rows[0]
          if (row === undefined) return yield* new NotFound({ entity: "Activiteit", key: id })
          const decoded = fromRow(row)
          if (Result.isFailure(decoded)) return yield* decoded.failure
          return decoded.success
        }).pipe(
          Effect.mapError((cause) =>
            cause._tag === "NotFound"
              ? cause
              : toStoreError(cause, `Activiteit ${id} kon niet worden gelezen`)
          )
        )

      const update = (
        id: string,
        activity: Activity.Activity,
        basedOn: number,
        source: Source,
        scope: Scope = { kind: "alles" }
      ) =>
        Effect.gen(function* () {
          if (activity.id !== id) {
            return yield* new StoreError({
              message: `Activiteit ${id} kan niet worden gewijzigd: de activiteit heeft id ${activity.id}; de id verandert niet.`
            })
          }
          // A record the scope may not see is not found, whatever the new data says.
          const [visible] = yield* sql<{
            readonly id: string
          }>`SELECT id FROM activiteiten WHERE id = ${id} AND ${scopeCondition(sql, scope, "gemeente")}`
          if (visible === undefined) return yield* new NotFound({ entity: "Activiteit", key: id })
          if (!Access.sees(scope, activity.gemeente)) {
            return yield* new StoreError({
              message: `Activiteit ${id} kan niet naar gemeente ${activity.gemeente}: die valt buiten uw gemeenten.`
            })
          }
          // What the dataset check refuses, refused before it is written.
          const refused = invalid(
            "Activiteit",
            id,
            Dataset.activityIssues(activity, yield* bulk.knownAreas(sql))
          )
          if (refused !== undefined) return yield* refused
          const encoded = encode(activity)
          if (Result.isFailure(encoded)) {
            return yield* new StoreError({
              message: `Activiteit ${id} is ongeldig: ${encoded.failure}`,
              cause: encoded.failure
            })
          }
          const { version } = yield* bulk.updateDocument(sql, tables.activiteiten, {
            entity: "Activiteit",
            key: id,
            document: encoded.success,
            basedOn,
            source,
            visible: (stored) => Access.sees(scope, stored.gemeente as string | null)
          })
          return { activity, version, provenance: undefined } satisfies Recorded
        }).pipe(
          sql.withTransaction,
          Effect.mapError((cause) =>
            cause._tag === "Conflict" ||
            cause._tag === "NotFound" ||
            cause._tag === "StoreError" ||
            cause._tag === "Invalid"
              ? cause
              : toStoreError(cause, `Activiteit ${id} kon niet worden opgeslagen`)
          )
        )

      const openAfspraken = (
        vandaag: Periode.Datum,
        filter: Pick<Filter, "gemeente" | "periode"> = {},
        scope?: Scope
      ) =>
        Effect.map(list({ ...filter, soort: Bespreking.soort }, scope), (activities) =>
          Bespreking.open(activities, vandaag)
        )

      const afspraakAfronden = (
        id: string,
        afspraak: string,
        op: Periode.Datum,
        source: Source,
        scope: Scope = { kind: "alles" },
        basedOn?: number
      ) =>
        Effect.gen(function* () {
          const current = yield* get(id, scope)
          const bespreking = current.activity.bespreking
          const done = bespreking === undefined ? undefined : Bespreking.afronden(bespreking, afspraak, op)
          if (done === undefined) return yield* new NotFound({ entity: "Afspraak", key: `${id} ${afspraak}` })
          if (basedOn !== undefined && basedOn !== current.version)
            return yield* new Conflict({
              entity: "Activiteit",
              key: id,
              expected: basedOn,
              actual: current.version
            })
          if (done.afspraken.every((a, i) => a === bespreking?.afspraken[i])) return current
          return yield* update(id, { ...current.activity, bespreking: done }, current.version, source, scope)
        })

      return Activities.of({
        record,
        write,
        list,
        recorded,
        get,
        update,
        openAfspraken,
        afspraakAfronden
      })
    })
  )
}

// internal

type StoredRow = {
  readonly id: string
  readonly data: string
  readonly version: number | bigint | string
  readonly source: string
}

const encode = Schema.encodeResult(Activity.Activity)
const decode = Schema.decodeUnknownResult(Schema.fromJsonString(Activity.Activity))

const fromRow = (row: StoredRow): Result.Result<Recorded, StoreError> => {
  const decoded = decode(row.data)
  if (Result.isFailure(decoded)) {
    return Result.fail(
      new StoreError({
        message: `Activiteit ${row.id} in de database is ongeldig: ${detail(decoded.failure)}`,
        cause: decoded.failure
      })
    )
  }
  return Result.succeed({
    activity: decoded.success,
    version: Number(row.version),
    provenance: fromSource(row.source)
  })
}

/** The rows as documents; refuses an invalid row or two rows with one id, naming them. */
const toValues = (
  rows: ReadonlyArray<Activity.Activity>,
  rowOf: (index: number) => number,
  base: Omit<RowProvenance, "row">
): Effect.Effect<ReadonlyArray<bulk.DocumentValue>, bulk.Refused> =>
  Effect.suspend(() => {
    const values: Array<bulk.DocumentValue> = []
    const seen = new Map<string, number>()
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index] as Activity.Activity
      const encoded = encode(row)
      if (Result.isFailure(encoded)) {
        return Effect.fail(
          new bulk.Refused({
            reason: `rij ${rowOf(index)} (${row.id}) is ongeldig: ${encoded.failure}`,
            cause: encoded.failure
          })
        )
      }
      const earlier = seen.get(row.id)
      if (earlier !== undefined) {
        return Effect.fail(
          new bulk.Refused({
            reason: `activiteit ${row.id} staat twee keer in de import (rij ${rowOf(earlier)} en rij ${rowOf(index)})`
          })
        )
      }
      seen.set(row.id, index)
      const document = encoded.success as unknown as Record<string, unknown>
      values.push({
        key: row.id,
        columns: tables.activiteiten.columns(document),
        data: JSON.stringify(encoded.success),
        source: JSON.stringify({ ...base, row: rowOf(index) }),
        gemeente: row.gemeente,
        index
      })
    }
    return Effect.succeed(values)
  })
