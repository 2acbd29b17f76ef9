/**
 * Writing the year plans: a new jaarplan (optionally as a copy of the previous year, its continuing actions
 * and indicators keeping their link to last year's through `voorganger`), and actions and indicators
 * created, updated and deleted one at a time. Every update carries the version it was based on, so two
 * people editing the same action cannot overwrite each other silently; every change is audited in the
 * same transaction, and everything read or written goes through the core Schemas.
 *
 * @since 0.1.0
 */
import { Din, Indicator, Jaarplan, Measurement, Periode } from "@dvcc/core"
import { Context, DateTime, Effect, Layer, Option, Schema } from "effect"
import { SqlClient, type SqlError } from "effect/sql"
import { batchError, closeImport, openImport } from "./internal/bulk.ts"
import * as changeLog from "./internal/changes.ts"
import { migrated, StoreError, toStoreError } from "./internal/errors.ts"
import { planEntities, planTables } from "./internal/planTables.ts"
import { Conflict, NotFound, type Source } from "./ProgramStore.ts"
import type { Provenance, RecordReport } from "./Provenance.ts"

/**
 * The write cannot be done as asked: it exists already, its jaarplan is missing, its number is taken, or
 * other records still refer to it.
 *
 * @since 0.1.0
 * @category errors
 */
export class Refused extends Schema.TaggedError<Refused>()("Refused", {
  entity: Schema.String,
  key: Schema.String,
  reason: Schema.String
}) {
  override get message() {
    return `${this.entity} ${this.key}: ${this.reason}.`
  }
}

/**
 * A record with the version it has now: send that version back as `basedOn` with a change.
 *
 * @since 0.1.0
 * @category models
 */
export interface Versioned<A> {
  readonly value: A
  readonly versie: number
}

/**
 * A jaarplan without its actions, as the plan's own record holds it.
 *
 * @since 0.1.0
 * @category models
 */
export const Plan = Jaarplan.Jaarplan.mapFields((fields) => {
  const { acties: _, ...rest } = fields
  return rest
}).annotate({ identifier: "JaarplanKop" })

/**
 * @since 0.1.0
 * @category models
 */
export type Plan = typeof Plan.Type

/**
 * What a new jaarplan needs; `kopieVanVorigJaar` copies the previous year's continuing actions (all but
 * those `afgerond`) and its indicators, each naming last year's as `voorganger` (`Jaarplan.kopieVanVorigJaar`:
 * into a new strategy period only those whose baat has a successor in its DIN). The year must lie in a
 * strategy period of the programme.
 *
 * @since 0.1.0
 * @category models
 */
export const NieuwJaarplan = Schema.Struct({
  jaar: Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 2000, maximum: 2100 }))),
  titel: Schema.NonEmptyString,
  datum: Periode.Datum,
  documentStatus: Schema.NonEmptyString,
  situatie: Schema.optionalKey(Schema.Array(Schema.NonEmptyString)),
  focus: Schema.optionalKey(Schema.Array(Schema.NonEmptyString)),
  kopieVanVorigJaar: Schema.optionalKey(Schema.Boolean)
}).annotate({ identifier: "NieuwJaarplan" })

/**
 * @since 0.1.0
 * @category models
 */
export type NieuwJaarplan = typeof NieuwJaarplan.Type

/**
 * What creating a jaarplan did.
 *
 * @since 0.1.0
 * @category models
 */
export interface CreatedPlan {
  readonly plan: Plan
  readonly acties: number
  readonly indicatoren: number
  /** What the copy left out, with the reason (`Jaarplan.kopieVanVorigJaar`). */
  readonly weggelaten: ReadonlyArray<Jaarplan.Weggelaten>
}

type Errors = StoreError | Conflict | NotFound | Refused

/**
 * What a programme import (the programme workbook) writes: the whole programme (all strategy periods, one
 * of them new or changed) and the year plans, acties and indicatoren the workbook lists. The caller has
 * checked them as a whole (`Dataset`); `rowOf` names the workbook row of a record (`acties`, `2027/actie-3`)
 * for its provenance.
 *
 * @since 0.3.0
 * @category models
 */
export interface ProgrammaImport {
  readonly program: Din.Program
  readonly jaarplannen: ReadonlyArray<Plan>
  readonly acties: ReadonlyArray<Jaarplan.Actie>
  readonly indicatoren: ReadonlyArray<Indicator.Indicator>
  readonly rowOf?:
    | ((entity: string, key: string) => { readonly sheet: string; readonly row: number } | undefined)
    | undefined
}

/**
 * What a programme import did, per entity (`programma`, `jaarplannen`, `acties`, `indicatoren`).
 *
 * @since 0.3.0
 * @category models
 */
export interface ProgrammaReport extends RecordReport {
  readonly entities: Readonly<Record<string, RecordReport>>
}

/**
 * @since 0.1.0
 * @category services
 */
export class Plans extends Context.Service<
  Plans,
  {
    readonly plan: (jaar: number) => Effect.Effect<Option.Option<Versioned<Plan>>, StoreError>
    readonly createPlan: (input: NieuwJaarplan, source: Source) => Effect.Effect<CreatedPlan, Errors>
    /**
     * Begins a new strategy period after the last one, its DIN a copy of the last DIN whose doelen and baten
     * name the ones they copy as `voorganger` (`Din.metNieuwePeriode`).
     */
    readonly createStrategieperiode: (
      looptijd: Din.Looptijd,
      source: Source
    ) => Effect.Effect<Din.Program, Errors>
    readonly actie: (
      jaar: number,
      id: string
    ) => Effect.Effect<Option.Option<Versioned<Jaarplan.Actie>>, StoreError>
    readonly createActie: (
      actie: Jaarplan.Actie,
      source: Source
    ) => Effect.Effect<Versioned<Jaarplan.Actie>, Errors>
    readonly updateActie: (
      actie: Jaarplan.Actie,
      basedOn: number,
      source: Source
    ) => Effect.Effect<Versioned<Jaarplan.Actie>, Errors>
    readonly deleteActie: (
      jaar: number,
      id: string,
      basedOn: number,
      source: Source
    ) => Effect.Effect<void, Errors>
    readonly indicator: (
      jaar: number,
      id: string
    ) => Effect.Effect<Option.Option<Versioned<Indicator.Indicator>>, StoreError>
    readonly createIndicator: (
      indicator: Indicator.Indicator,
      source: Source
    ) => Effect.Effect<Versioned<Indicator.Indicator>, Errors>
    readonly updateIndicator: (
      indicator: Indicator.Indicator,
      basedOn: number,
      source: Source
    ) => Effect.Effect<Versioned<Indicator.Indicator>, Errors>
    readonly meting: (
      id: string
    ) => Effect.Effect<Option.Option<Versioned<Measurement.Measurement>>, StoreError>
    /**
     * Records a programme import in one transaction, as an import (`dvcc import list`, undone by
     * `Imports.undo`): each record inserted, updated or held as it was, with its change for undo.
     */
    readonly importProgramma: (
      input: ProgrammaImport,
      provenance: Provenance
    ) => Effect.Effect<ProgrammaReport, StoreError>
  }
>()("@dvcc/store/Plans") {
  /**
   * Migrates the database on first use, then serves the year plans.
   *
   * @since 0.1.0
   * @category layers
   */
  static readonly layer = Layer.effect(
    Plans,
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      yield* migrated
      const now = Effect.map(DateTime.now, DateTime.formatIso)

      const audit = (
        entity: string,
        key: string,
        action: "insert" | "update" | "delete",
        before: unknown,
        after: unknown,
        source: Source
      ) =>
        Effect.flatMap(
          now,
          (at) =>
            sql`INSERT INTO audit ${sql.insert({
              at,
              actor: source.actor,
              entity,
              entity_key: key,
              action,
              before: before === undefined ? null : JSON.stringify(before),
              after: after === undefined ? null : JSON.stringify(after),
              source: source.source
            })}`
        )

      const where = (keys: Record<string, string | number>) =>
        sql.and(Object.entries(keys).map(([column, value]) => sql`${sql(column)} = ${value}`))

      /** One row's document decoded through `schema`, with its version. */
      const read = <S extends Schema.Top & { readonly DecodingServices: never }>(
        schema: S,
        table: string,
        keys: Record<string, string | number>
      ): Effect.Effect<Option.Option<Versioned<S["Type"]>>, SqlError.SqlError | Schema.SchemaError> =>
        Effect.gen(function* () {
          const rows = yield* sql<{
            readonly data: string
            readonly version: number
          }>`SELECT data, version FROM ${sql(table)} WHERE ${where(keys)}`
          const row = rows[0]
          if (row === undefined) return Option.none()
          const value = yield* Schema.decodeUnknownEffect(schema)(JSON.parse(row.data))
          return Option.some({ value, versie: Number(row.version) })
        })

      const reading = <A>(effect: Effect.Effect<A, SqlError.SqlError | Schema.SchemaError>) =>
        effect.pipe(
          Effect.mapError((cause) => toStoreError(cause, "De jaarplannen konden niet worden gelezen"))
        )

      const writing =
        (what: string) =>
        <A, E>(effect: Effect.Effect<A, E>) =>
          effect.pipe(
            sql.withTransaction,
            Effect.mapError((cause) =>
              cause instanceof Conflict || cause instanceof NotFound || cause instanceof Refused
                ? cause
                : toStoreError(cause, `${what} kon niet worden opgeslagen`)
            )
          ) as Effect.Effect<A, Errors>

      const insert = (
        table: string,
        entity: string,
        keys: Record<string, string | number>,
        columns: Record<string, string | number>,
        document: unknown,
        source: Source
      ) =>
        Effect.gen(function* () {
          const key = Object.values(keys).join("/")
          const existing = yield* sql<{
            readonly n: number
          }>`SELECT COUNT(*) AS n FROM ${sql(table)} WHERE ${where(keys)}`
          if (Number(existing[0]?.n ?? 0) > 0)
            return yield* new Refused({ entity, key, reason: "bestaat al" })
          yield* sql`INSERT INTO ${sql(table)} ${sql.insert({ ...keys, ...columns, data: JSON.stringify(document), version: 1, source: source.source })}`
          yield* audit(table, key, "insert", undefined, document, source)
        })

      const update = (
        table: string,
        entity: string,
        keys: Record<string, string | number>,
        columns: Record<string, string | number>,
        document: unknown,
        basedOn: number,
        source: Source
      ) =>
        Effect.gen(function* () {
          const key = Object.values(keys).join("/")
          const rows = yield* sql<{
            readonly data: string
            readonly version: number
          }>`SELECT data, version FROM ${sql(table)} WHERE ${where(keys)}`
          const current = rows[0]
          if (current === undefined) return yield* new NotFound({ entity, key })
          const version = Number(current.version)
          if (version !== basedOn)
            return yield* new Conflict({ entity: table, key, expected: basedOn, actual: version })
          const data = JSON.stringify(document)
          if (data === current.data) return version
          const updated = yield* sql<{
            readonly version: number
          }>`UPDATE ${sql(table)} SET ${sql.update({ ...columns, data, version: version + 1, source: source.source })} WHERE ${where(keys)} AND version = ${version} RETURNING version`
          if (updated.length === 0)
            return yield* new Conflict({ entity: table, key, expected: basedOn, actual: version + 1 })
          yield* audit(table, key, "update", JSON.parse(current.data), document, source)
          return version + 1
        })

      const planExists = (jaar: number, entity: string, key: string) =>
        Effect.gen(function* () {
          const rows = yield* sql<{
            readonly n: number
          }>`SELECT COUNT(*) AS n FROM jaarplannen WHERE jaar = ${jaar}`
          if (Number(rows[0]?.n ?? 0) === 0)
            return yield* new Refused({ entity, key, reason: `er is geen jaarplan ${jaar}` })
        })

      const encodeActie = Schema.encodeEffect(Jaarplan.Actie)
      const encodeIndicator = Schema.encodeEffect(Indicator.Indicator)
      const encodePlan = Schema.encodeEffect(Plan)
      const encodeProgram = Schema.encodeEffect(Din.Program)

      const nummerFree = (actie: Jaarplan.Actie) =>
        Effect.gen(function* () {
          const rows = yield* sql<{
            readonly id: string
          }>`SELECT id FROM acties WHERE jaar = ${actie.jaar} AND nummer = ${actie.nummer} AND id <> ${actie.id}`
          if (rows[0] !== undefined)
            return yield* new Refused({
              entity: "actie",
              key: `${actie.jaar}/${actie.id}`,
              reason: `nummer ${actie.nummer} is al in gebruik door actie ${rows[0].id}`
            })
        })

      /** The baten must be in the DIN of the year's plan, or the dataset would no longer load. */
      const batenKnown = (jaar: number, baten: ReadonlyArray<string>, entity: string, key: string) =>
        Effect.gen(function* () {
          const program = yield* read(Din.Program, "programma", { id: "programma" })
          if (Option.isNone(program)) return
          for (const baat of baten) {
            const onbekend = Din.baatOnbekend(program.value.value, jaar, baat)
            if (onbekend !== undefined) return yield* new Refused({ entity, key, reason: onbekend })
          }
        })

      const plan = (jaar: number) => reading(read(Plan, "jaarplannen", { jaar }))
      const actie = (jaar: number, id: string) => reading(read(Jaarplan.Actie, "acties", { jaar, id }))
      const indicator = (jaar: number, id: string) =>
        reading(read(Indicator.Indicator, "indicatoren", { jaar, id }))
      const meting = (id: string) => reading(read(Measurement.Measurement, "metingen", { id }))

      const documents = <S extends Schema.Top & { readonly DecodingServices: never }>(
        schema: S,
        table: string,
        jaar: number
      ) =>
        Effect.flatMap(
          sql<{ readonly data: string }>`SELECT data FROM ${sql(table)} WHERE jaar = ${jaar} ORDER BY id`,
          (rows) => Effect.forEach(rows, (row) => Schema.decodeUnknownEffect(schema)(JSON.parse(row.data)))
        )

      const programma = Effect.flatMap(read(Din.Program, "programma", { id: "programma" }), (program) =>
        Option.isNone(program)
          ? Effect.fail(
              new Refused({
                entity: "programma",
                key: "programma",
                reason: "de database heeft geen programma"
              })
            )
          : Effect.succeed(program.value)
      )

      const createStrategieperiode = (looptijd: Din.Looptijd, source: Source) =>
        Effect.gen(function* () {
          const current = yield* programma
          const herkomst = { document: "dvcc", sectie: `strategieperiode ${Din.looptijdLabel(looptijd)}` }
          const next = Din.metNieuwePeriode(current.value, looptijd, herkomst)
          if (next === undefined) {
            const laatste = current.value.strategieperioden[current.value.strategieperioden.length - 1]
            return yield* new Refused({
              entity: "strategieperiode",
              key: Din.looptijdLabel(looptijd),
              reason: `begint niet na de laatste strategieperiode${laatste === undefined ? "" : ` (${Din.looptijdLabel(laatste.looptijd)})`}`
            })
          }
          const program = yield* Schema.decodeUnknownEffect(Din.Program)(yield* encodeProgram(next))
          yield* update(
            "programma",
            "programma",
            { id: "programma" },
            {},
            yield* encodeProgram(program),
            current.versie,
            source
          )
          return program
        }).pipe(writing(`Strategieperiode ${Din.looptijdLabel(looptijd)}`))

      const createPlan = (input: NieuwJaarplan, source: Source) =>
        Effect.gen(function* () {
          const program = (yield* programma).value
          if (Din.voorJaar(program, input.jaar) === undefined)
            return yield* new Refused({
              entity: "jaarplan",
              key: String(input.jaar),
              reason: `${Din.geenDin(program, input.jaar)}: leg eerst de strategieperiode vast`
            })
          const vorig = input.jaar - 1
          const previous =
            input.kopieVanVorigJaar === true
              ? yield* read(Plan, "jaarplannen", { jaar: vorig })
              : Option.none()
          if (input.kopieVanVorigJaar === true && Option.isNone(previous)) {
            return yield* new Refused({
              entity: "jaarplan",
              key: String(input.jaar),
              reason: `er is geen jaarplan ${vorig} om te kopiëren`
            })
          }
          const herkomst = { document: "dvcc API", sectie: `Jaarplan ${input.jaar}` }
          const kopie = Option.isNone(previous)
            ? undefined
            : Jaarplan.kopieVanVorigJaar({
                program,
                jaar: input.jaar,
                acties: yield* documents(Jaarplan.Actie, "acties", vorig),
                indicatoren: yield* documents(Indicator.Indicator, "indicatoren", vorig),
                batenToelichting: previous.value.value.batenToelichting
              })
          const plan: Plan = yield* Schema.decodeUnknownEffect(Plan)({
            jaar: input.jaar,
            titel: input.titel,
            datum: input.datum,
            documentStatus: input.documentStatus,
            situatie: input.situatie ?? [],
            focus: input.focus ?? [],
            batenToelichting: kopie?.batenToelichting ?? [],
            herkomst
          })
          yield* insert("jaarplannen", "jaarplan", { jaar: plan.jaar }, {}, yield* encodePlan(plan), source)
          if (kopie === undefined) return { plan, acties: 0, indicatoren: 0, weggelaten: [] }
          for (const a of kopie.acties) {
            const copy = yield* Schema.decodeUnknownEffect(Jaarplan.Actie)(yield* encodeActie(a))
            yield* insert(
              "acties",
              "actie",
              { jaar: copy.jaar, id: copy.id },
              { nummer: copy.nummer },
              yield* encodeActie(copy),
              source
            )
          }
          for (const i of kopie.indicatoren) {
            // Decoded again: the copy must pass the rules a new indicator does.
            const copy = yield* Schema.decodeUnknownEffect(Indicator.Indicator)(yield* encodeIndicator(i))
            yield* insert(
              "indicatoren",
              "indicator",
              { jaar: copy.jaar, id: copy.id },
              { baat: copy.baat },
              yield* encodeIndicator(copy),
              source
            )
          }
          return {
            plan,
            acties: kopie.acties.length,
            indicatoren: kopie.indicatoren.length,
            weggelaten: kopie.weggelaten
          }
        }).pipe(writing(`Jaarplan ${input.jaar}`))

      const createActie = (a: Jaarplan.Actie, source: Source) =>
        Effect.gen(function* () {
          yield* planExists(a.jaar, "actie", `${a.jaar}/${a.id}`)
          yield* batenKnown(a.jaar, a.baten, "actie", `${a.jaar}/${a.id}`)
          yield* nummerFree(a)
          yield* insert(
            "acties",
            "actie",
            { jaar: a.jaar, id: a.id },
            { nummer: a.nummer },
            yield* encodeActie(a),
            source
          )
          return { value: a, versie: 1 }
        }).pipe(writing(`Actie ${a.id}`))

      const updateActie = (a: Jaarplan.Actie, basedOn: number, source: Source) =>
        Effect.gen(function* () {
          yield* batenKnown(a.jaar, a.baten, "actie", `${a.jaar}/${a.id}`)
          yield* nummerFree(a)
          const versie = yield* update(
            "acties",
            "actie",
            { jaar: a.jaar, id: a.id },
            { nummer: a.nummer },
            yield* encodeActie(a),
            basedOn,
            source
          )
          return { value: a, versie }
        }).pipe(writing(`Actie ${a.id}`))

      const deleteActie = (jaar: number, id: string, basedOn: number, source: Source) =>
        Effect.gen(function* () {
          const key = `${jaar}/${id}`
          const current = yield* read(Jaarplan.Actie, "acties", { jaar, id })
          if (Option.isNone(current)) return yield* new NotFound({ entity: "actie", key })
          if (current.value.versie !== basedOn)
            return yield* new Conflict({
              entity: "acties",
              key,
              expected: basedOn,
              actual: current.value.versie
            })
          const nummer = current.value.value.nummer
          const users = (yield* documents(Indicator.Indicator, "indicatoren", jaar)).filter((i) =>
            i.acties.includes(nummer)
          )
          if (users.length > 0) {
            return yield* new Refused({
              entity: "actie",
              key,
              reason: `indicator ${users.map((i) => i.id).join(", ")} verwijst ernaar`
            })
          }
          const next = (yield* documents(Jaarplan.Actie, "acties", jaar + 1)).filter(
            (a) => a.voorganger?.jaar === jaar && a.voorganger.id === id
          )
          if (next.length > 0)
            return yield* new Refused({
              entity: "actie",
              key,
              reason: `actie ${jaar + 1}/${id} is de opvolger`
            })
          yield* sql`DELETE FROM acties WHERE jaar = ${jaar} AND id = ${id} AND version = ${basedOn}`
          yield* audit("acties", key, "delete", yield* encodeActie(current.value.value), undefined, source)
        }).pipe(writing(`Actie ${id}`))

      const indicatorChecks = (i: Indicator.Indicator) =>
        Effect.gen(function* () {
          const key = `${i.jaar}/${i.id}`
          yield* planExists(i.jaar, "indicator", key)
          yield* batenKnown(i.jaar, [i.baat], "indicator", key)
          const acties = yield* documents(Jaarplan.Actie, "acties", i.jaar)
          const missing = i.acties.filter((n) => !acties.some((a) => a.nummer === n))
          if (missing.length > 0)
            return yield* new Refused({
              entity: "indicator",
              key,
              reason: `jaarplan ${i.jaar} heeft geen actie ${missing.join(", ")}`
            })
        })

      const createIndicator = (i: Indicator.Indicator, source: Source) =>
        Effect.gen(function* () {
          yield* indicatorChecks(i)
          yield* insert(
            "indicatoren",
            "indicator",
            { jaar: i.jaar, id: i.id },
            { baat: i.baat },
            yield* encodeIndicator(i),
            source
          )
          return { value: i, versie: 1 }
        }).pipe(writing(`Indicator ${i.id}`))

      const updateIndicator = (i: Indicator.Indicator, basedOn: number, source: Source) =>
        Effect.gen(function* () {
          yield* indicatorChecks(i)
          const versie = yield* update(
            "indicatoren",
            "indicator",
            { jaar: i.jaar, id: i.id },
            { baat: i.baat },
            yield* encodeIndicator(i),
            basedOn,
            source
          )
          return { value: i, versie }
        }).pipe(writing(`Indicator ${i.id}`))

      const importProgramma = (input: ProgrammaImport, provenance: Provenance) =>
        recordProgramma(input, provenance).pipe(Effect.provideService(SqlClient.SqlClient, sql))

      return Plans.of({
        importProgramma,
        plan,
        createPlan,
        createStrategieperiode,
        actie,
        createActie,
        updateActie,
        deleteActie,
        indicator,
        createIndicator,
        updateIndicator,
        meting
      })
    })
  )
}

/**
 * Records a programme import in one transaction (see `Plans.importProgramma`), with only a database: for
 * the Excel import, which needs no service but the SQL client.
 *
 * @since 0.3.0
 * @category import
 */
export const recordProgramma = (input: ProgrammaImport, provenance: Provenance) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* migrated
    const where = (keys: Record<string, string | number>) =>
      sql.and(Object.entries(keys).map(([column, value]) => sql`${sql(column)} = ${value}`))
    const encodeActie = Schema.encodeEffect(Jaarplan.Actie)
    const encodeIndicator = Schema.encodeEffect(Indicator.Indicator)
    const encodePlan = Schema.encodeEffect(Plan)
    const encodeProgram = Schema.encodeEffect(Din.Program)
    return yield* Effect.gen(function* () {
      const at = DateTime.formatIso(yield* DateTime.now)
      const seq = yield* openImport(sql, provenance, at)
      const documents: Array<{ entity: string; key: string; document: unknown }> = [
        { entity: "programma", key: "programma", document: yield* encodeProgram(input.program) },
        ...(yield* Effect.forEach(input.jaarplannen, (p) =>
          Effect.map(encodePlan(p), (document) => ({ entity: "jaarplannen", key: String(p.jaar), document }))
        )),
        ...(yield* Effect.forEach(input.acties, (a) =>
          Effect.map(encodeActie(a), (document) => ({ entity: "acties", key: `${a.jaar}/${a.id}`, document }))
        )),
        ...(yield* Effect.forEach(input.indicatoren, (i) =>
          Effect.map(encodeIndicator(i), (document) => ({
            entity: "indicatoren",
            key: `${i.jaar}/${i.id}`,
            document
          }))
        ))
      ]
      const changes: Array<changeLog.Change> = []
      const entities: Record<string, { inserted: number; updated: number; unchanged: number }> = {}
      for (const { entity, key, document } of documents) {
        const table = planTables.find((t) => t.name === entity) as (typeof planTables)[number]
        const keys = table.where(key)
        const origin = input.rowOf?.(entity, key)
        const source = JSON.stringify({
          importId: provenance.importId,
          ...(provenance.file === undefined ? {} : { file: provenance.file }),
          ...(origin === undefined ? {} : { sheet: origin.sheet }),
          row: origin?.row ?? 0
        })
        const data = JSON.stringify(document)
        const rows = yield* sql<{
          readonly data: string
        }>`SELECT data FROM ${sql(entity)} WHERE ${where(keys)}`
        const before = rows[0]?.data
        const count = entities[entity] ?? { inserted: 0, updated: 0, unchanged: 0 }
        entities[entity] = count
        const columns = table.columns(document as Record<string, unknown>)
        if (before === undefined) {
          yield* sql`INSERT INTO ${sql(entity)} ${sql.insert({ ...keys, ...columns, data, version: 1, source })}`
          changes.push(changeLog.inserted(entity, key, null, data))
          count.inserted++
        } else if (before === data) {
          changes.push(changeLog.held(entity, key, null, before, source))
          count.unchanged++
        } else {
          yield* sql`UPDATE ${sql(entity)} SET ${sql.update({ ...columns, data, source })}, version = version + 1 WHERE ${where(keys)}`
          changes.push(changeLog.updated(entity, key, null, before, data))
          count.updated++
        }
      }
      // Undo takes them back dependants first: indicatoren, acties, jaarplannen, then the programme.
      const ordered = planEntities.flatMap((entity) => changes.filter((c) => c.entity === entity))
      yield* changeLog.write(sql, provenance.importId, seq, ordered)
      const totals = Object.values(entities).reduce(
        (sum, e) => ({
          inserted: sum.inserted + e.inserted,
          updated: sum.updated + e.updated,
          unchanged: sum.unchanged + e.unchanged
        }),
        { inserted: 0, updated: 0, unchanged: 0 }
      )
      yield* closeImport(sql, provenance, at, totals, "programma")
      return { ...totals, entities } satisfies ProgrammaReport
    }).pipe(sql.withTransaction, Effect.mapError(batchError("programmagegevens", provenance)))
  })

export { Conflict, NotFound, StoreError }
