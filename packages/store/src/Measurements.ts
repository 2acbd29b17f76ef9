/**
 * Measurements (metingen) imported in bulk: all or nothing, idempotent by id, provenance per row, one
 * audit entry per import, undoable; read by year plan, indicator and period within a scope.
 *
 * An imported row gets its id from `measurementId`: what makes a measurement the one it is (year plan,
 * indicator, period, area, and where the rule needs them the milestone and the peildatum). Re-importing it
 * is `unchanged` — also when only `vastgelegdOp` (the day it was recorded) differs; a corrected value is
 * `updated`. One measurement at a time goes through `ProgramStore.recordMeasurement`, which writes the same
 * columns.
 *
 * @since 0.1.0
 */
import { Dataset, type Geography, Indicator, Measurement, type Periode } from "@dvcc/core"
import { Context, Effect, Layer, Result, Schema } from "effect"
import { SqlClient } from "effect/sql"
import * as bulk from "./internal/bulk.ts"
import { detail, migrated, StoreError, toStoreError } from "./internal/errors.ts"
import * as tables from "./internal/tables.ts"
import { fromSource, type Provenance, type RecordReport, type RowProvenance } from "./Provenance.ts"
import { type Scope, scopeCondition } from "./Scope.ts"

/**
 * The fields that identify a measurement.
 *
 * @since 0.1.0
 * @category models
 */
export type Identity = Pick<
  Measurement.Measurement,
  "jaar" | "indicator" | "periode" | "gebied" | "mijlpaal" | "peildatum"
>

/**
 * The stable id of an imported measurement:
 * `m-<jaar>-<indicator>-<periode>-<gebied>[-<mijlpaal>][-per-<peildatum>]`, the gebied written `regio`,
 * a CBS code, `district-<id>` or `basisteam-<id>`.
 *
 * @example
 * measurementId({ jaar: 2025, indicator: "kennisbijeenkomsten", periode: "2025-Q1", gebied: { niveau: "gemeente", code: "GM0344" } })
 * // "m-2025-kennisbijeenkomsten-2025-Q1-GM0344"
 *
 * @since 0.1.0
 * @category constructors
 */
export const measurementId = (m: Identity): string => {
  const gebied =
    m.gebied.niveau === "regio"
      ? "regio"
      : m.gebied.niveau === "gemeente"
        ? m.gebied.code
        : `${m.gebied.niveau}-${m.gebied.id}`
  return [
    `m-${m.jaar}-${m.indicator}-${m.periode}-${gebied}`,
    ...(m.mijlpaal === undefined ? [] : [m.mijlpaal]),
    ...(m.peildatum === undefined ? [] : [`per-${m.peildatum}`])
  ].join("-")
}

/**
 * Which measurements to read; every field narrows, none means all.
 *
 * @since 0.1.0
 * @category models
 */
export interface Filter {
  readonly jaar?: number | undefined
  readonly indicator?: string | undefined
  readonly periode?: Periode.Periode | undefined
  /** Only the measurements about this gemeente itself. */
  readonly gemeente?: Geography.CbsCode | undefined
}

/**
 * A stored measurement with its version and, when an import wrote it last, its provenance.
 *
 * @since 0.1.0
 * @category models
 */
export interface Recorded {
  readonly measurement: Measurement.Measurement
  readonly version: number
  readonly provenance: RowProvenance | undefined
}

/**
 * @since 0.1.0
 * @category services
 */
export class Measurements extends Context.Service<
  Measurements,
  {
    /**
     * Writes all `rows` in one transaction or none, keyed by their id (give imported rows
     * `measurementId`). Refuses, naming the row, an invalid row, two rows with one id, and what the dataset
     * check refuses (`Dataset.measurementIssues`: an unknown indicator or mijlpaal, a percentage over 100,
     * an area outside the region).
     */
    readonly record: (
      rows: ReadonlyArray<Measurement.Measurement>,
      provenance: Provenance
    ) => Effect.Effect<RecordReport, StoreError>
    /** The measurements by id, within `scope` (measurements about an aggregate area always). */
    readonly list: (
      filter?: Filter,
      scope?: Scope
    ) => Effect.Effect<ReadonlyArray<Measurement.Measurement>, StoreError>
    /** Like `list`, with each measurement's version and provenance. */
    readonly recorded: (filter?: Filter, scope?: Scope) => Effect.Effect<ReadonlyArray<Recorded>, StoreError>
  }
>()("@dvcc/store/Measurements") {
  /**
   * Migrates the database on first use, then serves the measurements.
   *
   * @since 0.1.0
   * @category layers
   */
  static readonly layer = Layer.effect(
    Measurements,
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      yield* migrated

      const record = (rows: ReadonlyArray<Measurement.Measurement>, provenance: Provenance) => {
        const rowOf = provenance.rowOf ?? ((index: number) => index + 1)
        const base = bulk.baseOf(provenance)
        return Effect.flatMap(toValues(rows, rowOf, base), (values) =>
          bulk.importBatch(sql, provenance, "metingen", () =>
            Effect.gen(function* () {
              // What the dataset check refuses (core's `Dataset.measurementIssues`), refused here at its row:
              // written, it would make every later load of the dataset fail.
              const indicatoren = new Map<string, Indicator.Indicator>()
              for (const row of yield* sql<{ readonly data: string }>`SELECT data FROM indicatoren`) {
                const indicator = yield* decodeIndicator(row.data)
                indicatoren.set(`${indicator.jaar}/${indicator.id}`, indicator)
              }
              const gebieden = yield* bulk.knownAreas(sql)
              for (const value of values) {
                const meting = rows[value.index] as Measurement.Measurement
                const [issue] = Dataset.measurementIssues(meting, {
                  indicator: indicatoren.get(`${meting.jaar}/${meting.indicator}`),
                  gebieden
                })
                if (issue !== undefined)
                  return yield* new bulk.Refused({
                    reason: `rij ${rowOf(value.index)} (meting ${meting.id}): ${issue.issue}`
                  })
              }
              return yield* bulk.recordDocuments(sql, tables.metingen, values, { rowOf })
            })
          )
        ).pipe(Effect.mapError(bulk.batchError("metingen", provenance)))
      }

      const recorded = (filter: Filter = {}, scope: Scope = { kind: "alles" }) =>
        Effect.gen(function* () {
          const conditions = [
            scopeCondition(sql, scope, "gemeente"),
            ...(filter.jaar === undefined ? [] : [sql`jaar = ${filter.jaar}`]),
            ...(filter.indicator === undefined ? [] : [sql`indicator = ${filter.indicator}`]),
            ...(filter.periode === undefined ? [] : [sql`periode = ${filter.periode}`]),
            ...(filter.gemeente === undefined ? [] : [sql`gemeente = ${filter.gemeente}`])
          ]
          const rows = yield* sql<{
            readonly id: string
            readonly data: string
            readonly version: number | bigint | string
            readonly source: string
          }>`SELECT id, data, version, source FROM metingen WHERE ${sql.and(conditions)} ORDER BY id`
          const out: Array<Recorded> = []
          for (const row of rows) {
            const decoded = decode(row.data)
            if (Result.isFailure(decoded)) {
              return yield* new StoreError({
                message: `Meting ${row.id} in de database is ongeldig: ${detail(decoded.failure)}`,
                cause: decoded.failure
              })
            }
            out.push({
              measurement: decoded.success,
              version: Number(row.version),
              provenance: fromSource(row.source)
            })
          }
          return out as ReadonlyArray<Recorded>
        }).pipe(Effect.mapError((cause) => toStoreError(cause, "De metingen konden niet worden gelezen")))

      const list = (filter?: Filter, scope?: Scope) =>
        Effect.map(recorded(filter, scope), (rows) => rows.map((row) => row.measurement))

      return Measurements.of({ record, list, recorded })
    })
  )
}

// internal

const encode = Schema.encodeResult(Measurement.Measurement)
const decodeIndicator = Schema.decodeUnknownEffect(Schema.fromJsonString(Indicator.Indicator))
const decode = Schema.decodeUnknownResult(Schema.fromJsonString(Measurement.Measurement))

/** The rows as documents; refuses an invalid row or two rows with one id, naming them. */
const toValues = (
  rows: ReadonlyArray<Measurement.Measurement>,
  rowOf: (index: number) => number,
  base: Omit<RowProvenance, "row">
): Effect.Effect<ReadonlyArray<bulk.DocumentValue>, bulk.Refused> =>
  Effect.suspend(() => {
    const values: Array<bulk.DocumentValue> = []
    const seen = new Map<string, number>()
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index] as Measurement.Measurement
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
            reason: `meting ${row.id} staat twee keer in de import (rij ${rowOf(earlier)} en rij ${rowOf(index)})`
          })
        )
      }
      seen.set(row.id, index)
      const document = encoded.success as unknown as Record<string, unknown>
      values.push({
        key: row.id,
        columns: tables.metingen.columns(document),
        data: JSON.stringify(encoded.success),
        source: JSON.stringify({ ...base, row: rowOf(index) }),
        gemeente: tables.metingen.gemeente(document),
        index
      })
    }
    return Effect.succeed(values)
  })
