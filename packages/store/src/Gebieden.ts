/**
 * The region's geography in the database: which district and basisteam each gemeente belongs to, and its
 * inhabitants per peildatum, filled in where the bundled data leaves them unknown. A Gebieden import names a
 * gemeente by its CBS code and gives any of district, basisteam and inhabitants on a peildatum; districts and
 * basisteams the region does not know yet are added to it (named by id or name). Inhabitants are kept as a
 * history: a count for another peildatum is added, one for the same peildatum replaced, so that per-capita
 * figures use the count valid for their period (`Geography.inwonersOp`).
 *
 * Imports are all or nothing, idempotent, keep provenance per gemeente, are audited once and can be undone
 * (the region's own document included when they added districts or basisteams). `ProgramStore.load` reads
 * the same rows, so progress and the informatiebeeld see what was imported.
 *
 * @since 0.1.0
 */
import { Access, Geography, Periode } from "@dvcc/core"
import { Context, Effect, Layer, Result, Schema } from "effect"
import { SqlClient } from "effect/sql"
import * as bulk from "./internal/bulk.ts"
import { detail, migrated, StoreError, toStoreError } from "./internal/errors.ts"
import * as tables from "./internal/tables.ts"
import { type Conflict, NotFound, type Source } from "./ProgramStore.ts"
import { fromSource, type Provenance, type RecordReport, type RowProvenance } from "./Provenance.ts"
import { allows, type Scope, scopeCondition } from "./Scope.ts"

/**
 * One row of a Gebieden import: the gemeente, and what is known of it. `inwoners` needs its `peildatum`.
 * `district` and `basisteam` are an id or a name; a unit the region does not know yet is added.
 *
 * @since 0.1.0
 * @category models
 */
export const Row = Schema.Struct({
  gemeente: Geography.CbsCode,
  district: Schema.optionalKey(Schema.NonEmptyString),
  basisteam: Schema.optionalKey(Schema.NonEmptyString),
  inwoners: Schema.optionalKey(Schema.Int.pipe(Schema.check(Schema.isGreaterThan(0)))),
  peildatum: Schema.optionalKey(Periode.Datum)
}).annotate({ identifier: "GebiedenRow" })

/**
 * @since 0.1.0
 * @category models
 */
export type Row = typeof Row.Type

/**
 * A change to one gemeente: its district or basisteam (id or name; `null` makes it unknown again), and
 * inhabitants to add (a count for a peildatum already known replaces that one).
 *
 * @since 0.1.0
 * @category models
 */
export interface Patch {
  readonly district?: string | null | undefined
  readonly basisteam?: string | null | undefined
  readonly inwoners?: ReadonlyArray<Geography.Inwonertal> | undefined
}

/**
 * A stored gemeente with its version and, when an import changed it last, its provenance.
 *
 * @since 0.1.0
 * @category models
 */
export interface Recorded {
  readonly gemeente: Geography.Gemeente
  readonly version: number
  readonly provenance: RowProvenance | undefined
}

/**
 * @since 0.1.0
 * @category services
 */
export class Gebieden extends Context.Service<
  Gebieden,
  {
    /**
     * Writes all `rows` in one transaction or none: a gemeente whose district, basisteam and inhabitants
     * are as stored is `unchanged`, another `updated` (gemeenten are never inserted: an unknown gemeente
     * is refused, naming its row, as are two rows for one gemeente and a basisteam in another district).
     */
    readonly record: (
      rows: ReadonlyArray<Row>,
      provenance: Provenance
    ) => Effect.Effect<RecordReport, StoreError>
    /** The gemeenten by code with district, basisteam and inhabitants history, within `scope`. */
    readonly list: (scope?: Scope) => Effect.Effect<ReadonlyArray<Recorded>, StoreError>
    /**
     * Changes gemeente `code` based on version `basedOn` (stale: `Conflict`); audited before → after, the
     * region's document too when a district or basisteam is added.
     */
    readonly update: (
      code: Geography.CbsCode,
      patch: Patch,
      basedOn: number,
      source: Source,
      scope?: Scope
    ) => Effect.Effect<Recorded, StoreError | Conflict | NotFound>
  }
>()("@dvcc/store/Gebieden") {
  /**
   * Migrates the database on first use, then serves the geography.
   *
   * @since 0.1.0
   * @category layers
   */
  static readonly layer = Layer.effect(
    Gebieden,
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      yield* migrated

      /** The region's document (without gemeenten) and every gemeente, as stored (encoded). */
      const readRegio = Effect.gen(function* () {
        const [regio] = yield* sql<{ readonly data: string }>`SELECT data FROM regio WHERE id = 'regio'`
        if (regio === undefined)
          return yield* new StoreError({ message: "De database bevat nog geen regio: dvcc init." })
        const gemeenten = yield* sql<{ readonly data: string }>`SELECT data FROM gemeenten ORDER BY code`
        return {
          data: regio.data,
          regio: JSON.parse(regio.data) as Indeling,
          gemeenten: new Map(
            gemeenten.map((row) => {
              const g = JSON.parse(row.data) as Gemeente
              return [g.code, { data: row.data, gemeente: g }] as const
            })
          )
        }
      })

      const record = (rows: ReadonlyArray<Row>, provenance: Provenance) => {
        const rowOf = provenance.rowOf ?? ((index: number) => index + 1)
        const base = bulk.baseOf(provenance)
        const herkomst = {
          document: provenance.file ?? `import ${provenance.importId}`,
          sectie: provenance.sheet === undefined ? "gebieden" : `blad ${provenance.sheet}`
        }
        return Effect.flatMap(checkRows(rows, rowOf), () =>
          bulk.importBatch(sql, provenance, "gemeenten", () =>
            Effect.gen(function* () {
              const stored = yield* readRegio
              let indeling = stored.regio
              let regioRow: number | undefined
              const values: Array<bulk.DocumentValue> = []
              for (let index = 0; index < rows.length; index++) {
                const row = rows[index] as Row
                const current = stored.gemeenten.get(row.gemeente)
                if (current === undefined) {
                  return yield* new bulk.Refused({
                    reason: `rij ${rowOf(index)}: gemeente ${row.gemeente} hoort niet bij de regio`
                  })
                }
                const applied = apply(indeling, current.gemeente, {
                  ...(row.district === undefined ? {} : { district: row.district }),
                  ...(row.basisteam === undefined ? {} : { basisteam: row.basisteam }),
                  ...(row.inwoners === undefined || row.peildatum === undefined
                    ? {}
                    : { inwoners: [{ aantal: row.inwoners, peildatum: row.peildatum, herkomst }] })
                })
                if (typeof applied === "string") {
                  return yield* new bulk.Refused({
                    reason: `rij ${rowOf(index)} (${row.gemeente}): ${applied}`
                  })
                }
                indeling = applied.regio
                // A row naming a district or basisteam holds the region's division too, changed or not:
                // undoing an earlier import must not take away the districts this one brings.
                if (row.district !== undefined || row.basisteam !== undefined) regioRow ??= index
                values.push({
                  key: row.gemeente,
                  columns: {},
                  data: JSON.stringify(applied.gemeente),
                  source: JSON.stringify({ ...base, row: rowOf(index) }),
                  gemeente: row.gemeente,
                  index
                })
              }
              const written = yield* bulk.recordDocuments(sql, tables.gemeenten, values, { rowOf })
              if (regioRow === undefined) return written
              const regio = yield* bulk.recordDocuments(
                sql,
                tables.regio,
                [
                  {
                    key: "regio",
                    columns: {},
                    data: JSON.stringify(indeling),
                    source: JSON.stringify({ ...base, row: rowOf(regioRow) }),
                    gemeente: null,
                    index: regioRow
                  }
                ],
                { rowOf }
              )
              return { report: written.report, changes: [...written.changes, ...regio.changes] }
            })
          )
        ).pipe(Effect.mapError(bulk.batchError("gemeenten", provenance)))
      }

      const list = (scope: Scope = { kind: "alles" }) =>
        Effect.gen(function* () {
          const rows = yield* sql<{
            readonly code: string
            readonly data: string
            readonly version: number | bigint | string
            readonly source: string
          }>`SELECT code, data, version, source FROM gemeenten WHERE ${scopeCondition(sql, scope, "code")} ORDER BY code`
          const out: Array<Recorded> = []
          for (const row of rows) {
            const decoded = decodeGemeente(row.data)
            if (Result.isFailure(decoded)) {
              return yield* new StoreError({
                message: `Gemeente ${row.code} in de database is ongeldig: ${detail(decoded.failure)}`,
                cause: decoded.failure
              })
            }
            out.push({
              gemeente: decoded.success,
              version: Number(row.version),
              provenance: fromSource(row.source)
            })
          }
          return out as ReadonlyArray<Recorded>
        }).pipe(Effect.mapError((cause) => toStoreError(cause, "De gemeenten konden niet worden gelezen")))

      const update = (
        code: Geography.CbsCode,
        patch: Patch,
        basedOn: number,
        source: Source,
        scope: Scope = { kind: "alles" }
      ) =>
        Effect.gen(function* () {
          const stored = yield* readRegio
          const current = stored.gemeenten.get(code)
          if (current === undefined || !allows(scope, code))
            return yield* new NotFound({ entity: "Gemeente", key: code })
          const inwoners = patch.inwoners?.map((t) => encodeInwonertal(t))
          const applied = apply(stored.regio, current.gemeente, {
            ...patch,
            ...(inwoners === undefined ? {} : { inwoners })
          })
          if (typeof applied === "string") {
            return yield* new StoreError({
              message: `Gemeente ${code} kan niet worden gewijzigd: ${applied}.`
            })
          }
          const decoded = decodeGemeente(JSON.stringify(applied.gemeente))
          if (Result.isFailure(decoded)) {
            return yield* new StoreError({
              message: `Gemeente ${code} kan niet worden gewijzigd: ${detail(decoded.failure)}.`
            })
          }
          const { version } = yield* bulk.updateDocument(sql, tables.gemeenten, {
            entity: "Gemeente",
            key: code,
            document: applied.gemeente,
            basedOn,
            source,
            visible: () => true
          })
          if (applied.regio !== stored.regio) {
            const [row] = yield* sql<{
              readonly version: number | bigint | string
            }>`SELECT version FROM regio WHERE id = 'regio'`
            yield* bulk.updateDocument(sql, tables.regio, {
              entity: "Regio",
              key: "regio",
              document: applied.regio,
              basedOn: Number(row?.version ?? 1),
              source,
              visible: () => true
            })
          }
          return { gemeente: decoded.success, version, provenance: undefined } satisfies Recorded
        }).pipe(
          sql.withTransaction,
          Effect.mapError((cause) =>
            cause._tag === "Conflict" || cause._tag === "NotFound" || cause._tag === "StoreError"
              ? cause
              : toStoreError(cause, `Gemeente ${code} kon niet worden opgeslagen`)
          )
        )

      return Gebieden.of({ record, list, update })
    })
  )
}

// internal

type Gemeente = typeof Geography.Gemeente.Encoded
type Inwonertal = typeof Geography.Inwonertal.Encoded
type District = typeof Geography.District.Encoded
type Basisteam = typeof Geography.Basisteam.Encoded
/** The region's own document: everything of `Regio` but its gemeenten. */
type Indeling = {
  readonly naam: string
  readonly districten: ReadonlyArray<District>
  readonly basisteams: ReadonlyArray<Basisteam>
  readonly herkomst: unknown
}

const decodeGemeente = Schema.decodeUnknownResult(Schema.fromJsonString(Geography.Gemeente))
const encodeInwonertal = Schema.encodeSync(Geography.Inwonertal)
const decodeRow = Schema.decodeUnknownResult(Row)

/**
 * What a principal may see in detail (`Access.Visibility`), from its role and scope over the region's
 * gemeenten as the database groups them now: a district follows its district's gemeenten. The API's
 * routes and the web pages ask this one function; the rule itself is `Access.visibility`.
 *
 * @since 0.2.0
 * @category access
 */
export const visibilityOf = (principal: Access.Principal) =>
  Effect.gen(function* () {
    if (principal.scope === null) return Access.visibility(principal, [])
    const gemeenten = (yield* (yield* Gebieden).list()).map((r) => r.gemeente)
    return Access.visibility(principal, gemeenten)
  })

/** `Utrecht-Stad` → `utrecht-stad`: the id of a unit added by name. */
export const unitId = (naam: string): string =>
  naam
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")

const sameName = (a: string, b: string) => a.localeCompare(b, "nl", { sensitivity: "base" }) === 0

/** The unit called `value` (by id or name), or a new one. */
const findUnit = <U extends { readonly id: string; readonly naam: string }>(
  units: ReadonlyArray<U>,
  value: string
) => units.find((u) => u.id === value || sameName(u.naam, value) || u.id === unitId(value))

/**
 * The gemeente with `patch` applied, and the region with any unit it needed added (the same object when
 * nothing was added); a string says why the patch cannot apply.
 */
const apply = (
  regio: Indeling,
  gemeente: Gemeente,
  patch: {
    readonly district?: string | null | undefined
    readonly basisteam?: string | null | undefined
    readonly inwoners?: ReadonlyArray<Inwonertal> | undefined
  }
): { readonly regio: Indeling; readonly gemeente: Gemeente } | string => {
  let districten = regio.districten
  let basisteams = regio.basisteams
  let district = gemeente.district
  let basisteam = gemeente.basisteam
  if (patch.district !== undefined) {
    if (patch.district === null) district = null
    else {
      const found = findUnit(districten, patch.district)
      if (found === undefined) {
        const id = unitId(patch.district)
        if (id === "") return `district "${patch.district}" heeft geen bruikbare naam`
        districten = [...districten, { id, naam: patch.district }]
        district = id
      } else district = found.id
    }
  }
  if (patch.basisteam !== undefined) {
    if (patch.basisteam === null) basisteam = null
    else {
      const found = findUnit(basisteams, patch.basisteam)
      if (found === undefined) {
        const id = unitId(patch.basisteam)
        if (id === "") return `basisteam "${patch.basisteam}" heeft geen bruikbare naam`
        basisteams = [...basisteams, { id, naam: patch.basisteam, district }]
        basisteam = id
      } else {
        if (found.district !== null && district !== null && found.district !== district) {
          const naam = districten.find((d) => d.id === found.district)?.naam ?? found.district
          return `basisteam ${found.naam} hoort bij district ${naam}, niet bij ${districten.find((d) => d.id === district)?.naam ?? district}`
        }
        if (found.district === null && district !== null) {
          basisteams = basisteams.map((b) => (b.id === found.id ? { ...b, district } : b))
        } else if (found.district !== null && district === null && patch.district === undefined) {
          district = found.district
        }
        basisteam = found.id
      }
    }
  }
  let inwoners = gemeente.inwoners
  for (const tal of patch.inwoners ?? []) {
    const same = inwoners.find((t) => t.peildatum === tal.peildatum)
    // The same count again keeps the source it was first taken from.
    if (same !== undefined && same.aantal === tal.aantal) continue
    inwoners = [...inwoners.filter((t) => t.peildatum !== tal.peildatum), tal].sort((a, b) =>
      a.peildatum.localeCompare(b.peildatum)
    )
  }
  const changedRegio = districten !== regio.districten || basisteams !== regio.basisteams
  return {
    regio: changedRegio ? { ...regio, districten, basisteams } : regio,
    gemeente: { ...gemeente, district, basisteam, inwoners }
  }
}

/** Refuses, naming the row, an invalid row, inhabitants without peildatum and a gemeente given twice. */
const checkRows = (rows: ReadonlyArray<Row>, rowOf: (index: number) => number) =>
  Effect.suspend(() => {
    const seen = new Map<string, number>()
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index] as Row
      const decoded = decodeRow(row)
      if (Result.isFailure(decoded)) {
        return Effect.fail(
          new bulk.Refused({ reason: `rij ${rowOf(index)} is ongeldig: ${decoded.failure}` })
        )
      }
      if ((row.inwoners === undefined) !== (row.peildatum === undefined)) {
        return Effect.fail(
          new bulk.Refused({
            reason: `rij ${rowOf(index)} (${row.gemeente}): inwoners en peildatum horen bij elkaar, de een staat er zonder de ander`
          })
        )
      }
      const earlier = seen.get(row.gemeente)
      if (earlier !== undefined) {
        return Effect.fail(
          new bulk.Refused({
            reason: `gemeente ${row.gemeente} staat twee keer in de import (rij ${rowOf(earlier)} en rij ${rowOf(index)})`
          })
        )
      }
      seen.set(row.gemeente, index)
    }
    return Effect.void
  })
