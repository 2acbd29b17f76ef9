/**
 * The programme's records in the database: loading and seeding the whole dataset, recording a
 * measurement, and the history of a record. Every change is audited in the same transaction; rows are
 * decoded through the core Schemas when read, so what comes out is as checked as what went in.
 *
 * @since 0.1.0
 */
import { Dataset, Geography, Indicator, Measurement } from "@dvcc/core"
import { Context, DateTime, Effect, Layer, Schema } from "effect"
import { SqlClient, type SqlError } from "effect/sql"
import { migrated, type StoreError, toStoreError } from "./internal/errors.ts"
import * as tables from "./internal/tables.ts"
import { type Scope, scopeCondition } from "./Scope.ts"

/** The indexed columns of a measurement, as every write of one fills them. */
const metingColumns = (m: Measurement.Measurement | typeof Measurement.Measurement.Encoded) =>
  tables.metingen.columns(m as unknown as Record<string, unknown>)

/**
 * A write based on an older version of a record than the one stored.
 *
 * @since 0.1.0
 * @category errors
 */
export class Conflict extends Schema.TaggedError<Conflict>()("Conflict", {
  entity: Schema.String,
  key: Schema.String,
  expected: Schema.Int,
  actual: Schema.Int
}) {
  override get message() {
    return `${this.entity} ${this.key} is intussen gewijzigd (versie ${this.actual}, uw wijziging ging uit van versie ${this.expected}): lees het opnieuw en probeer het nog eens.`
  }
}

/**
 * No record with this key, or none the reader's scope may see (the two are not told apart).
 *
 * @since 0.1.0
 * @category errors
 */
export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", {
  entity: Schema.String,
  key: Schema.String
}) {
  override get message() {
    return `${this.entity} ${this.key} bestaat niet.`
  }
}

/**
 * A record the dataset check of `@dvcc/core` refuses (`Dataset.measurementIssues`, `Dataset.activityIssues`):
 * written, it would make every later load of the dataset fail. Each issue names the field, as a path
 * within the record ("waarde", "gebied"), and says in Dutch what is wrong.
 *
 * @since 0.1.0
 * @category errors
 */
export class Invalid extends Schema.TaggedError<Invalid>()("Invalid", {
  entity: Schema.String,
  key: Schema.String,
  issues: Schema.Array(Schema.Struct({ path: Schema.String, issue: Schema.String }))
}) {
  override get message() {
    return `${this.entity} ${this.key} is niet opgeslagen: ${this.issues.map((i) => i.issue).join("; ")}.`
  }
}

/**
 * The tagged error of `issues` found in one record, or `undefined` when there are none.
 *
 * @since 0.1.0
 * @category errors
 */
export const invalid = (
  entity: string,
  key: string,
  issues: ReadonlyArray<Dataset.RecordIssue>
): Invalid | undefined =>
  issues.length === 0
    ? undefined
    : new Invalid({
        entity,
        key,
        issues: issues.map((i) => ({ path: i.path.map(String).join("."), issue: i.issue }))
      })

export { StoreError } from "./internal/errors.ts"

/**
 * Who made a change and through what: `cli`, an API request, an import.
 *
 * @since 0.1.0
 * @category models
 */
export interface Source {
  readonly actor: string
  readonly source: string
}

/**
 * What a write did.
 *
 * @since 0.1.0
 * @category models
 */
export type Outcome = "inserted" | "updated" | "unchanged"

/**
 * @since 0.1.0
 * @category models
 */
export interface AuditEntry {
  readonly at: string
  readonly actor: string
  readonly action: string
  readonly before: unknown
  readonly after: unknown
  readonly source: string
}

/**
 * @since 0.1.0
 * @category models
 */
export interface SeedReport {
  readonly inserted: number
  readonly unchanged: number
  readonly updated: number
}

/**
 * @since 0.1.0
 * @category services
 */
export class ProgramStore extends Context.Service<
  ProgramStore,
  {
    /** Everything in the database, decoded and cross-checked as one dataset. */
    readonly load: Effect.Effect<Dataset.Dataset, StoreError>
    /** Whether the database holds a programme yet. */
    readonly isEmpty: Effect.Effect<boolean, StoreError>
    /** Writes a whole dataset idempotently: running it twice changes nothing. One audit entry per seed. */
    readonly seed: (dataset: Dataset.Dataset, source: Source) => Effect.Effect<SeedReport, StoreError>
    /**
     * Records one measurement: the same measurement again is `unchanged`; a changed one needs the
     * version it was based on when given, and is audited with before and after. One the dataset check
     * refuses (`Dataset.measurementIssues`: unknown indicator or mijlpaal, a percentage over 100, an area
     * outside the region) is `Invalid` and writes nothing.
     */
    readonly recordMeasurement: (
      meting: Measurement.Measurement,
      source: Source,
      basedOn?: number
    ) => Effect.Effect<Outcome, StoreError | Conflict | Invalid>
    /**
     * The audit history of one record, oldest first. With a scope of gemeenten, nothing for a record about
     * another gemeente (an activity, a measurement, a gemeente) or an import that changed such rows.
     */
    readonly history: (
      entity: string,
      key: string,
      scope?: Scope
    ) => Effect.Effect<ReadonlyArray<AuditEntry>, StoreError>
  }
>()("@dvcc/store/ProgramStore") {
  /**
   * Migrates the database on first use, then serves the store.
   *
   * @since 0.1.0
   * @category layers
   */
  static readonly layer = Layer.effect(
    ProgramStore,
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      yield* migrated

      const now = Effect.map(DateTime.now, DateTime.formatIso)

      const audit = (entry: {
        entity: string
        key: string
        action: string
        before: unknown
        after: unknown
        source: Source
      }) =>
        Effect.flatMap(
          now,
          (at) =>
            sql`INSERT INTO audit ${sql.insert({
              at,
              actor: entry.source.actor,
              entity: entry.entity,
              entity_key: entry.key,
              action: entry.action,
              before: entry.before === undefined ? null : JSON.stringify(entry.before),
              after: entry.after === undefined ? null : JSON.stringify(entry.after),
              source: entry.source.source
            })}`
        )

      /**
       * Writes one document row keyed by `keys`; `columns` are the indexed copies of fields. Compares the
       * stored JSON with the new one, so re-writing the same record is reported as unchanged.
       */
      const put = (
        table: string,
        keys: Record<string, string | number>,
        columns: Record<string, string | number | null>,
        document: unknown,
        source: Source,
        options: { readonly audited: boolean; readonly basedOn?: number | undefined }
      ): Effect.Effect<Outcome, SqlError.SqlError | Conflict> =>
        Effect.gen(function* () {
          const data = JSON.stringify(document)
          const where = sql.and(Object.entries(keys).map(([column, value]) => sql`${sql(column)} = ${value}`))
          const key = Object.values(keys).join("/")
          const rows = yield* sql<{
            readonly data: string
            readonly version: number
          }>`SELECT data, version FROM ${sql(table)} WHERE ${where}`
          const current = rows[0]
          if (current === undefined) {
            yield* sql`INSERT INTO ${sql(table)} ${sql.insert({ ...keys, ...columns, data, version: 1, source: source.source })}`
            if (options.audited)
              yield* audit({
                entity: table,
                key,
                action: "insert",
                before: undefined,
                after: document,
                source
              })
            return "inserted"
          }
          if (current.data === data) return "unchanged"
          const version = Number(current.version)
          if (options.basedOn !== undefined && options.basedOn !== version) {
            return yield* new Conflict({ entity: table, key, expected: options.basedOn, actual: version })
          }
          const updated = yield* sql<{
            readonly version: number
          }>`UPDATE ${sql(table)} SET ${sql.update({ ...columns, data, version: version + 1, source: source.source })} WHERE ${where} AND version = ${version} RETURNING version`
          // Another writer got in between our read and our write.
          if (updated.length === 0)
            return yield* new Conflict({ entity: table, key, expected: version, actual: version + 1 })
          if (options.audited) {
            yield* audit({
              entity: table,
              key,
              action: "update",
              before: JSON.parse(current.data),
              after: document,
              source
            })
          }
          return "updated"
        })

      const encode = Schema.encodeSync(Dataset.Dataset)

      const seed = (dataset: Dataset.Dataset, source: Source) =>
        Effect.gen(function* () {
          const e = encode(dataset)
          const outcomes: Array<Outcome> = []
          const write = (
            table: string,
            keys: Record<string, string | number>,
            columns: Record<string, string | number | null>,
            document: unknown
          ) =>
            Effect.map(
              put(table, keys, columns, document, source, { audited: false }),
              (o) => void outcomes.push(o)
            )
          const { gemeenten, ...regio } = e.regio
          yield* write("programma", { id: "programma" }, {}, e.program)
          yield* write("regio", { id: "regio" }, {}, regio)
          for (const g of gemeenten) yield* write("gemeenten", { code: g.code }, {}, g)
          for (const { acties, ...plan } of e.jaarplannen) {
            yield* write("jaarplannen", { jaar: plan.jaar }, {}, plan)
            for (const a of acties)
              yield* write("acties", { jaar: a.jaar, id: a.id }, { nummer: a.nummer }, a)
          }
          for (const i of e.indicatoren)
            yield* write("indicatoren", { jaar: i.jaar, id: i.id }, { baat: i.baat }, i)
          for (const m of e.metingen) yield* write("metingen", { id: m.id }, metingColumns(m), m)
          for (const r of e.registraties) {
            yield* write(
              "registraties",
              { periode: r.periode, gebied: JSON.stringify(r.gebied), delict: r.delict },
              {},
              r
            )
          }
          for (const r of e.reeksbreuken)
            yield* write("reeksbreuken", { vanaf: r.vanaf, reden: r.reden }, {}, r)
          for (const a of e.activiteiten)
            yield* write("activiteiten", { id: a.id }, { datum: a.datum, gemeente: a.gemeente }, a)
          const report = {
            inserted: outcomes.filter((o) => o === "inserted").length,
            updated: outcomes.filter((o) => o === "updated").length,
            unchanged: outcomes.filter((o) => o === "unchanged").length
          }
          if (report.inserted + report.updated > 0) {
            yield* audit({
              entity: "dataset",
              key: "seed",
              action: "seed",
              before: undefined,
              after: report,
              source
            })
          }
          return report
        }).pipe(
          sql.withTransaction,
          Effect.mapError((cause) => toStoreError(cause, "De data kon niet worden opgeslagen"))
        )

      const documents = (table: string, order: string) =>
        Effect.map(
          sql.unsafe<{ readonly data: string }>(`SELECT data FROM ${table} ORDER BY ${order}`),
          (rows) => rows.map((row) => JSON.parse(row.data) as unknown)
        )

      const load = Effect.gen(function* () {
        const [program] = yield* documents("programma", "id")
        const [regio] = yield* documents("regio", "id")
        const gemeenten = yield* documents("gemeenten", "code")
        const plannen = yield* documents("jaarplannen", "jaar")
        const acties = (yield* documents("acties", "jaar, nummer")) as Array<{ readonly jaar: number }>
        const raw = {
          program,
          regio: { ...(regio as object), gemeenten },
          jaarplannen: (plannen as Array<{ readonly jaar: number }>).map((plan) => ({
            ...plan,
            acties: acties.filter((a) => a.jaar === plan.jaar)
          })),
          indicatoren: yield* documents("indicatoren", "jaar, id"),
          metingen: yield* documents("metingen", "id"),
          registraties: yield* documents("registraties", "periode, gebied, delict"),
          reeksbreuken: yield* documents("reeksbreuken", "vanaf, reden"),
          activiteiten: yield* documents("activiteiten", "datum, id")
        }
        return yield* Schema.decodeUnknownEffect(Dataset.Dataset)(raw)
      }).pipe(Effect.mapError((cause) => toStoreError(cause, "De database kon niet worden gelezen")))

      const isEmpty = sql<{ readonly n: number }>`SELECT COUNT(*) AS n FROM programma`.pipe(
        Effect.map((rows) => Number(rows[0]?.n ?? 0) === 0),
        Effect.mapError((cause) => toStoreError(cause, "De database kon niet worden gelezen"))
      )

      const encodeMeting = Schema.encodeSync(Measurement.Measurement)

      const decodeIndicator = Schema.decodeUnknownEffect(Schema.fromJsonString(Indicator.Indicator))
      const decodeRegio = Schema.decodeUnknownEffect(Geography.Regio)

      /** The region as stored, for checking one record against it. */
      const regio = Effect.gen(function* () {
        const [stored] = yield* documents("regio", "id")
        const gemeenten = yield* documents("gemeenten", "code")
        return yield* decodeRegio({ ...(stored as object), gemeenten })
      })

      const recordMeasurement = (meting: Measurement.Measurement, source: Source, basedOn?: number) =>
        Effect.gen(function* () {
          const m = encodeMeting(meting)
          const [row] = yield* sql<{
            readonly data: string
          }>`SELECT data FROM indicatoren WHERE jaar = ${meting.jaar} AND id = ${meting.indicator}`
          const indicator = row === undefined ? undefined : yield* decodeIndicator(row.data)
          const refused = invalid(
            "Meting",
            meting.id,
            Dataset.measurementIssues(meting, { indicator, regio: yield* regio })
          )
          if (refused !== undefined) return yield* refused
          return yield* put("metingen", { id: m.id }, metingColumns(m), m, source, { audited: true, basedOn })
        }).pipe(
          sql.withTransaction,
          Effect.mapError((cause) =>
            cause._tag === "Conflict" || cause._tag === "Invalid"
              ? cause
              : toStoreError(cause, `Meting ${meting.id} kon niet worden opgeslagen`)
          )
        )

      /** Whether the audited record `audit.entity_key` of `entity` is visible in `scope`, in SQL. */
      const visible = (entity: string, scope: Scope) => {
        if (scope.kind === "alles") return sql.literal("1 = 1")
        switch (entity) {
          case "activiteiten":
          case "metingen":
            return sql`NOT EXISTS (SELECT 1 FROM ${sql(entity)} r WHERE r.id = audit.entity_key AND NOT ${scopeCondition(sql, scope, "r.gemeente")})`
          case "gemeenten":
            return scopeCondition(sql, scope, "audit.entity_key")
          case "import":
            return sql`NOT EXISTS (SELECT 1 FROM import_changes c WHERE c.import_id = audit.entity_key AND NOT ${scopeCondition(sql, scope, "c.gemeente")})`
          default:
            return sql.literal("1 = 1")
        }
      }

      const history = (entity: string, key: string, scope: Scope = { kind: "alles" }) =>
        sql<{
          readonly at: string
          readonly actor: string
          readonly action: string
          readonly before: string | null
          readonly after: string | null
          readonly source: string
        }>`SELECT at, actor, action, before, after, source FROM audit WHERE entity = ${entity} AND entity_key = ${key} AND ${visible(entity, scope)} ORDER BY id`.pipe(
          Effect.map((rows) =>
            rows.map((row) => ({
              ...row,
              before: row.before === null ? null : (JSON.parse(row.before) as unknown),
              after: row.after === null ? null : (JSON.parse(row.after) as unknown)
            }))
          ),
          Effect.mapError((cause) => toStoreError(cause, "De historie kon niet worden gelezen"))
        )

      return ProgramStore.of({ load, isEmpty, seed, recordMeasurement, history })
    })
  )
}
