/**
 * Backups of the database, made while it stays in use, and bringing one back after checking it.
 *
 * SQLite: the copy comes from SQLite's online backup API (through the driver), is switched to a rollback
 * journal so that it is one self-contained file, and is counted before it gets its name. A restore copies
 * the backup next to the target, checks that copy (integrity, schema version, that it reads as a dataset
 * through the store) and only then renames it over the target, so a refused or failed restore leaves the
 * target as it was. Every row of the backup must read back (its JSON columns parse, its records decode;
 * a refusal names the table and the row), a token revoked in the database being replaced stays revoked
 * (an older backup knew it as valid), and the database's version moves past both.
 *
 * PostgreSQL: `pg_dump --format=custom` from a snapshot that the record counts share. A restore, after
 * `pg_restore --list` has accepted the archive, reads it into a staging schema of the target database
 * (`pg_restore --file=-` through `psql --single-transaction`), brings it up to date and checks every row
 * there, then in one transaction applies the target's revocations to it and moves its tables into the
 * place of the target's: a refused or failed restore leaves the target as it was, and a token revoked in
 * the target is valid at no moment. The staging schema is dropped in every case.
 *
 * @since 0.1.0
 */
import { execFile, spawn } from "node:child_process"
import { randomUUID } from "node:crypto"
import {
  accessSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync
} from "node:fs"
import { basename, delimiter, dirname, join, resolve } from "node:path"
import { SqliteClient } from "@dvcc/sql-sqlite-node"
import { Effect, Layer, Redacted, Schema, type Scope } from "effect"
import { SqlClient } from "effect/sql"
import * as Database from "./Database.ts"
import { StoreError, toStoreError } from "./internal/errors.ts"
import { latest } from "./Migrations.ts"
import { ProgramStore } from "./ProgramStore.ts"

/**
 * The backup file already exists; it is only overwritten on request.
 *
 * @since 0.1.0
 * @category errors
 */
export class BackupExists extends Schema.TaggedError<BackupExists>()("BackupExists", {
  file: Schema.String
}) {
  override get message() {
    return `${this.file} bestaat al: kies een andere bestandsnaam, of gebruik --force om het te overschrijven.`
  }
}

/**
 * The file offered for a restore is not a usable dvcc backup; nothing was changed.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidBackup extends Schema.TaggedError<InvalidBackup>()("InvalidBackup", {
  file: Schema.String,
  reason: Schema.String
}) {
  override get message() {
    return `${this.file} kan niet worden teruggezet: ${this.reason}. De database is niet gewijzigd.`
  }
}

/**
 * The database a restore would replace holds data; it is only replaced on request.
 *
 * @since 0.1.0
 * @category errors
 */
export class DatabaseNotEmpty extends Schema.TaggedError<DatabaseNotEmpty>()("DatabaseNotEmpty", {
  database: Schema.String,
  /** Absent when the database could not be read at all. */
  records: Schema.optional(Schema.Int)
}) {
  override get message() {
    const what =
      this.records === undefined
        ? "bestaat al en is geen lege dvcc-database"
        : `bevat al data (${this.records} records)`
    return `Database ${this.database} ${what}: gebruik --force om haar door de backup te laten vervangen (maak eerst een backup als u deze data wilt bewaren).`
  }
}

/**
 * The programme's tables, in the order they are reported.
 *
 * @since 0.1.0
 * @category models
 */
export const tables = [
  "programma",
  "regio",
  "gemeenten",
  "jaarplannen",
  "acties",
  "indicatoren",
  "metingen",
  "registraties",
  "reeksbreuken",
  "activiteiten",
  "imports",
  "import_changes",
  "audit"
] as const

/**
 * @since 0.1.0
 * @category models
 */
export interface TableCount {
  readonly table: string
  readonly records: number
}

/**
 * What a backup wrote.
 *
 * @since 0.1.0
 * @category models
 */
export interface BackupReport {
  /** The backup file, as an absolute path. */
  readonly file: string
  readonly bytes: number
  readonly schemaVersion: number
  readonly tables: ReadonlyArray<TableCount>
}

/**
 * What a restore brought back.
 *
 * @since 0.1.0
 * @category models
 */
export interface RestoreReport {
  readonly file: string
  /** The database, as `Database.describe` shows it. */
  readonly database: string
  /** The schema version of the database now (a backup of an older dvcc is brought up to date). */
  readonly schemaVersion: number
  readonly tables: ReadonlyArray<TableCount>
}

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Overwrite an existing backup file, or replace a database that holds data. */
  readonly force?: boolean | undefined
}

/**
 * Writes a consistent copy of the database at `location` to `out`, while the database may be in use.
 * Refuses to overwrite an existing `out` unless `force`.
 *
 * @since 0.1.0
 * @category backup
 */
export const backup: (
  location: Database.Location,
  out: string,
  options?: Options
) => Effect.Effect<BackupReport, StoreError | BackupExists> = Effect.fn("Backup.backup")(function* (
  location: Database.Location,
  out: string,
  options: Options = {}
) {
  const file = resolve(out)
  const force = options.force === true
  yield* refuseExisting(file, force)
  return yield* Effect.scoped(
    location._tag === "Sqlite"
      ? backupSqlite(location.file, file, force)
      : backupPostgres(location, file, force)
  )
})

/**
 * Checks the backup `file` and brings it back into the database at `location`. Refuses a database that
 * holds data unless `force`. A refused or failed restore leaves the database as it was.
 *
 * @since 0.1.0
 * @category restore
 */
export const restore: (
  location: Database.Location,
  file: string,
  options?: Options
) => Effect.Effect<RestoreReport, StoreError | InvalidBackup | DatabaseNotEmpty> = Effect.fn(
  "Backup.restore"
)(function* (location: Database.Location, file: string, options: Options = {}) {
  const source = resolve(file)
  if (!existsSync(source)) {
    return yield* new StoreError({ message: `Backupbestand ${source} bestaat niet: controleer de naam.` })
  }
  if (!statSync(source).isFile()) {
    return yield* new InvalidBackup({ file: source, reason: "het is geen bestand" })
  }
  return yield* Effect.scoped(
    location._tag === "Sqlite"
      ? restoreSqlite(source, resolve(location.file), options.force === true)
      : restorePostgres(location, source, options.force === true)
  )
})

// SQLite

const backupSqlite = Effect.fnUntraced(function* (database: string, out: string, force: boolean) {
  if (!existsSync(database)) {
    return yield* new StoreError({
      message: `Database ${database} bestaat niet: er is niets om te back-uppen. Geef met --db het juiste bestand.`
    })
  }
  if (resolve(database) === out) {
    return yield* new StoreError({
      message: `De backup kan niet over de database zelf worden geschreven: kies een ander bestand dan ${out}.`
    })
  }
  const temp = yield* tempNextTo(out)
  yield* Effect.gen(function* () {
    const client = yield* SqliteClient.SqliteClient
    yield* client.backup(temp)
  }).pipe(
    // Read-write, as dvcc opens it, but leaving its journal mode alone: a read-only connection would leave
    // -wal and -shm files behind that it may not remove.
    Effect.provide(SqliteClient.layer({ filename: database, disableWAL: true })),
    Effect.mapError((cause) => toStoreError(cause, `De backup van ${database} is mislukt`))
  )
  const contents = yield* sealSqlite(temp).pipe(
    Effect.mapError((cause) => toStoreError(cause, `De backup van ${database} is mislukt`))
  )
  const bytes = yield* install(temp, out, force)
  return { file: out, bytes, schemaVersion: contents.version ?? 0, tables: contents.tables }
})

/**
 * Switches the SQLite file to a rollback journal, so it is one file with nothing beside it (a WAL-mode file
 * grows `-wal` and `-shm` files even when it is only read), and counts its records.
 */
const sealSqlite = (file: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql.unsafe("PRAGMA journal_mode = DELETE")
    return yield* inspect
  }).pipe(Effect.provide(SqliteClient.layer({ filename: file, disableWAL: true })))

const restoreSqlite = Effect.fnUntraced(function* (source: string, target: string, force: boolean) {
  if (source === target) {
    return yield* new InvalidBackup({ file: source, reason: "dit is de database zelf" })
  }
  const header = yield* Effect.try({
    try: () => readHeader(source),
    catch: (cause) => toStoreError(cause, `Backupbestand ${source} kon niet worden gelezen`)
  })
  if (header.length === 0) return yield* new InvalidBackup({ file: source, reason: "het bestand is leeg" })
  if (!header.equals(sqliteHeader)) {
    return yield* new InvalidBackup({
      file: source,
      reason:
        header.subarray(0, 5).toString("latin1") === "PGDMP"
          ? "het is een PostgreSQL-backup (pg_dump): zet die terug met DATABASE_URL naar de PostgreSQL-database"
          : "het is geen SQLite-database (een backup maakt u met dvcc backup --out BESTAND)"
    })
  }

  // Everything is checked on a copy next to the target: those are the bytes that become the database.
  const temp = yield* tempNextTo(target)
  yield* Effect.try({
    try: () => copyFileSync(source, temp),
    catch: (cause) => toStoreError(cause, `Backupbestand ${source} kon niet worden gekopieerd naar ${temp}`)
  })
  yield* checkSqlite(source, temp)
  const unreadable = yield* unreadableRow.pipe(
    Effect.provide(SqliteClient.layer({ filename: temp, readonly: true })),
    Effect.mapError((cause) => damaged(source, cause))
  )
  if (unreadable !== undefined) return yield* new InvalidBackup({ file: source, reason: unreadable })
  yield* Effect.gen(function* () {
    const store = yield* ProgramStore
    yield* store.load
  }).pipe(
    Effect.provide(Database.layer({ _tag: "Sqlite", file: temp })),
    Effect.mapError(
      (error) =>
        new InvalidBackup({
          file: source,
          reason: `de inhoud is geen geldige dvcc-data (${error.message})`
        })
    )
  )
  const before =
    existsSync(target) && statSync(target).size > 0
      ? yield* revocationsOf.pipe(
          Effect.provide(SqliteClient.layer({ filename: target, readonly: true })),
          Effect.orElseSucceed(() => ({ revoked: [], version: 0 }))
        )
      : { revoked: [], version: 0 }
  yield* keepRevocations(before).pipe(
    Effect.provide(SqliteClient.layer({ filename: temp })),
    Effect.mapError((cause) => toStoreError(cause, `Backupbestand ${source} kon niet worden voorbereid`))
  )
  const contents = yield* sealSqlite(temp).pipe(
    Effect.mapError((cause) => toStoreError(cause, `Backupbestand ${source} kon niet worden voorbereid`))
  )

  if (!force) {
    const records = yield* recordsInSqlite(target)
    if (records !== 0) {
      return yield* new DatabaseNotEmpty(
        records === undefined ? { database: target } : { database: target, records }
      )
    }
  }

  yield* Effect.try({
    try: () => {
      syncFile(temp)
      // A -wal or -shm file of the old database would be applied to the new one: they go first.
      for (const suffix of sideFiles) rmSync(`${target}${suffix}`, { force: true })
      renameSync(temp, target)
      syncFolder(dirname(target))
    },
    catch: (cause) => toStoreError(cause, `Database ${target} kon niet worden vervangen`)
  })
  return {
    file: source,
    database: target,
    schemaVersion: contents.version ?? 0,
    tables: contents.tables
  }
})

/** The checks before a SQLite backup is read through the store; `file` names the backup in messages. */
const checkSqlite = (file: string, copy: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const check = yield* sql
      .unsafe<{ readonly integrity_check: string }>("PRAGMA integrity_check")
      .pipe(Effect.mapError((cause) => damaged(file, cause)))
    const problems = check.map((row) => row.integrity_check).filter((line) => line !== "ok")
    if (problems.length > 0) {
      return yield* new InvalidBackup({
        file,
        reason: `het bestand is beschadigd (integrity_check: ${problems.slice(0, 3).join("; ")})`
      })
    }
    const contents = yield* inspect.pipe(Effect.mapError((cause) => damaged(file, cause)))
    if (contents.version === undefined) {
      return yield* new InvalidBackup({
        file,
        reason: "het is geen dvcc-database (de tabel dvcc_migrations ontbreekt)"
      })
    }
    if (contents.version > latest) return yield* tooNew(file, contents.version)
  }).pipe(
    Effect.provide(SqliteClient.layer({ filename: copy, readonly: true })),
    Effect.catchTag("SqlError", (cause) => Effect.fail(damaged(file, cause)))
  )

/**
 * How many records the SQLite database at `file` holds, over all its tables: 0 when it does not exist or
 * is empty, `undefined` when it cannot be read as SQLite.
 */
const recordsInSqlite = (file: string): Effect.Effect<number | undefined> => {
  if (!existsSync(file) || statSync(file).size === 0) return Effect.succeed(0)
  return Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const names = yield* sql<{
      readonly name: string
    }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'dvcc_migrations'`
    let records = 0
    for (const { name } of names) {
      const rows = yield* sql<{ readonly n: number }>`SELECT COUNT(*) AS n FROM ${sql(name)}`
      records += Number(rows[0]?.n ?? 0)
    }
    return records
  }).pipe(
    Effect.provide(SqliteClient.layer({ filename: file, disableWAL: true })),
    Effect.orElseSucceed(() => undefined)
  )
}

const sqliteHeader = Buffer.from("SQLite format 3\0", "latin1")

/** The first 16 bytes of a file, where SQLite writes `SQLite format 3\0`. */
const readHeader = (file: string): Buffer => {
  const fd = openSync(file, "r")
  try {
    const buffer = Buffer.alloc(sqliteHeader.length)
    return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0))
  } finally {
    closeSync(fd)
  }
}

const sideFiles = ["-wal", "-shm", "-journal"] as const

// PostgreSQL

const backupPostgres = Effect.fnUntraced(function* (
  location: Extract<Database.Location, { _tag: "Postgres" }>,
  out: string,
  force: boolean
) {
  const pgDump = yield* findTool("pg_dump")
  const connection = yield* connect(location)
  const temp = yield* tempNextTo(out)
  // pg_dump reads the snapshot of this transaction, so the counts are of exactly what it writes.
  const contents = yield* Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    return yield* sql.withTransaction(
      Effect.gen(function* () {
        yield* sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`
        const [row] = yield* sql<{ readonly snapshot: string }>`SELECT pg_export_snapshot() AS snapshot`
        const contents = yield* inspect
        yield* run(
          pgDump,
          [
            "--format=custom",
            `--file=${temp}`,
            ...(row === undefined ? [] : [`--snapshot=${row.snapshot}`]),
            `--dbname=${connection.dbname}`
          ],
          connection
        )
        return contents
      })
    )
  }).pipe(
    Effect.provide(Database.client(location)),
    Effect.mapError((cause) =>
      toStoreError(cause, `De backup van ${Database.describe(location)} is mislukt`, connection.password)
    )
  )
  const bytes = yield* install(temp, out, force)
  return { file: out, bytes, schemaVersion: contents.version ?? 0, tables: contents.tables }
})

const restorePostgres = Effect.fnUntraced(function* (
  location: Extract<Database.Location, { _tag: "Postgres" }>,
  file: string,
  force: boolean
) {
  const pgRestore = yield* findTool("pg_restore")
  const list = yield* run(pgRestore, ["--list", file]).pipe(
    Effect.mapError(
      (error) =>
        new InvalidBackup({
          file,
          reason: `het is geen PostgreSQL-backup van dvcc backup (${error.message})`
        })
    )
  )
  if (!/ TABLE DATA \S+ dvcc_migrations /.test(list.stdout)) {
    return yield* new InvalidBackup({
      file,
      reason: "het is geen dvcc-database (de tabel dvcc_migrations ontbreekt)"
    })
  }
  const migrations = yield* run(pgRestore, ["--data-only", "--table=dvcc_migrations", "--file=-", file]).pipe(
    Effect.mapError(
      (error) => new InvalidBackup({ file, reason: `het archief is onleesbaar (${error.message})` })
    )
  )
  const version = migrationVersion(migrations.stdout)
  if (version > latest) return yield* tooNew(file, version)

  const connection = yield* connect(location)
  const database = Database.describe(location)
  if (!force) {
    const records = yield* inspect.pipe(
      Effect.provide(Database.client(location)),
      Effect.mapError((cause) => toStoreError(cause, `Database ${database} kon niet worden gelezen`))
    )
    const total = records.tables.reduce((sum, t) => sum + t.records, 0)
    if (total > 0) return yield* new DatabaseNotEmpty({ database, records: total })
  }
  // The archive goes into a staging schema of the target database first, is brought up to date and
  // checked there (every row must read); only then, in one transaction, do its tables take the place of
  // the target's, with the target's revocations applied to them. A refused or failed restore leaves the
  // target as it was, and no moment exists at which a token revoked in the target is valid.
  const staging = `dvcc_restore_${randomUUID().replaceAll("-", "").slice(0, 12)}`
  const unchanged = "De database is niet gewijzigd."
  const dropStaging = Effect.flatMap(SqlClient.SqlClient, (sql) =>
    sql.unsafe(`DROP SCHEMA IF EXISTS ${Database.quoteIdentifier(staging)} CASCADE`)
  ).pipe(Effect.provide(Database.client(location)), Effect.ignore)
  return yield* Effect.gen(function* () {
    const script = yield* run(pgRestore, ["--no-owner", "--no-privileges", "--file=-", file]).pipe(
      Effect.mapError(
        (error) => new InvalidBackup({ file, reason: `het archief is onleesbaar (${error.message})` })
      )
    )
    const psql = yield* findTool("psql")
    yield* runWith(
      psql,
      [
        "--no-psqlrc",
        "--quiet",
        "--single-transaction",
        "--set=ON_ERROR_STOP=1",
        `--dbname=${connection.dbname}`,
        "--file=-"
      ],
      `CREATE SCHEMA ${Database.quoteIdentifier(staging)};\n${intoSchema(script.stdout, staging)}`,
      connection
    ).pipe(
      Effect.mapError(
        (error) =>
          new InvalidBackup({ file, reason: `het archief kon niet worden ingelezen (${error.message})` })
      )
    )
    // What the archive brought must read: the programme's records decode, every JSON column parses.
    yield* Effect.gen(function* () {
      const store = yield* ProgramStore
      yield* store.load
      const unreadable = yield* unreadableRow
      if (unreadable !== undefined) return yield* new InvalidBackup({ file, reason: unreadable })
    }).pipe(
      Effect.provide(
        ProgramStore.layer.pipe(Layer.provideMerge(Database.client(location, undefined, staging)))
      ),
      Effect.mapError((cause) =>
        cause instanceof InvalidBackup
          ? cause
          : new InvalidBackup({
              file,
              reason: `de data in de backup is niet bruikbaar (${cause.message.replace(/\.$/, "")}); zet een andere backup terug`
            })
      )
    )
    yield* swapIn(staging).pipe(
      Effect.provide(Database.client(location)),
      Effect.mapError((cause) =>
        toStoreError(cause, `${file} kon niet in ${database} worden gezet; ${unchanged}`, connection.password)
      )
    )
    const contents = yield* inspect.pipe(
      Effect.provide(Database.client(location)),
      Effect.mapError((cause) =>
        toStoreError(cause, `${file} is teruggezet in ${database}, maar kan niet worden geteld`)
      )
    )
    return { file, database, schemaVersion: contents.version ?? 0, tables: contents.tables }
  }).pipe(Effect.ensuring(dropStaging))
})

/**
 * A `pg_restore --file=-` script that creates its objects in schema `target` instead of the archive's:
 * the schema of the `dvcc_migrations` table, replaced where the script names it outside the data.
 */
const intoSchema = (script: string, target: string): string => {
  const from = /^COPY ("(?:[^"]|"")+"|[^\s.]+)\.dvcc_migrations /m.exec(script)?.[1] ?? "public"
  const pattern = new RegExp(`(^|[\\s(,'])${from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.`, "g")
  const quoted = Database.quoteIdentifier(target)
  const lines = script.split("\n")
  let data = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    if (data) {
      if (line === "\\.") data = false
      continue
    }
    const moved = line.replace(pattern, `$1${quoted}.`)
    lines[i] = moved
    if (/^COPY .* FROM stdin;$/.test(line)) data = true
  }
  return lines.join("\n")
}

/**
 * In one transaction: the target's revocations (the tokens table locked against new ones until the end)
 * go onto the staged tokens, audited; the staged version moves past both; the target's tables and
 * functions that the staging schema also has are dropped and the staged ones moved into their place.
 */
const swapIn = (staging: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql.withTransaction(
      Effect.gen(function* () {
        const [{ schema } = { schema: "public" }] = yield* sql<{
          readonly schema: string
        }>`SELECT current_schema() AS schema`
        const here = (name: string) => `${Database.quoteIdentifier(schema)}.${Database.quoteIdentifier(name)}`
        const there = (name: string) =>
          `${Database.quoteIdentifier(staging)}.${Database.quoteIdentifier(name)}`
        const present = new Set(
          (yield* sql<{
            readonly name: string
          }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ${schema}`).map(
            (r) => r.name
          )
        )
        let revoked: ReadonlyArray<{ readonly id: string; readonly revoked_at: string }> = []
        let version = 0
        if (present.has("tokens")) {
          yield* sql.unsafe(`LOCK TABLE ${here("tokens")} IN EXCLUSIVE MODE`)
          revoked = yield* sql.unsafe<{ readonly id: string; readonly revoked_at: string }>(
            `SELECT id, revoked_at FROM ${here("tokens")} WHERE revoked_at IS NOT NULL`
          )
        }
        if (present.has("db_version")) {
          const rows = yield* sql.unsafe<{ readonly n: number | string }>(
            `SELECT n FROM ${here("db_version")}`
          )
          version = Number(rows[0]?.n ?? 0)
        }
        for (const token of revoked) {
          const changed = yield* sql.unsafe<{ readonly id: string }>(
            `UPDATE ${there("tokens")} SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL RETURNING id`,
            [token.revoked_at, token.id]
          )
          if (changed.length === 0) continue
          yield* sql.unsafe(
            `INSERT INTO ${there("audit")} (at, actor, entity, entity_key, action, before, after, source) VALUES ($1, 'restore', 'tokens', $2, 'update', NULL, $3, 'restore: ingetrokken in de vervangen database')`,
            [new Date().toISOString(), token.id, JSON.stringify({ revokedAt: token.revoked_at })]
          )
        }
        const [staged] = yield* sql.unsafe<{ readonly n: number | string }>(
          `SELECT n FROM ${there("db_version")}`
        )
        yield* sql.unsafe(`UPDATE ${there("db_version")} SET n = $1 WHERE id = 1`, [
          Math.max(Number(staged?.n ?? 0), version) + 1
        ])
        // The staged objects take the place of the target's of the same names.
        const tablesThere = yield* sql<{
          readonly name: string
        }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ${staging} AND table_type = 'BASE TABLE'`
        const functionsThere = yield* sql<{
          readonly name: string
          readonly args: string
        }>`SELECT p.proname AS name, pg_get_function_identity_arguments(p.oid) AS args FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ${staging}`
        for (const { name } of tablesThere) yield* sql.unsafe(`DROP TABLE IF EXISTS ${here(name)} CASCADE`)
        for (const f of functionsThere)
          yield* sql.unsafe(`DROP FUNCTION IF EXISTS ${here(f.name)}(${f.args}) CASCADE`)
        for (const { name } of tablesThere)
          yield* sql.unsafe(`ALTER TABLE ${there(name)} SET SCHEMA ${Database.quoteIdentifier(schema)}`)
        for (const f of functionsThere)
          yield* sql.unsafe(
            `ALTER FUNCTION ${there(f.name)}(${f.args}) SET SCHEMA ${Database.quoteIdentifier(schema)}`
          )
      })
    )
  })

/** The highest `migration_id` in the `COPY … dvcc_migrations` block of `pg_restore --data-only` output. */
const migrationVersion = (script: string): number => {
  const lines = script.split("\n")
  const start = lines.findIndex((line) => /^COPY \S*dvcc_migrations /.test(line))
  let version = 0
  for (const line of start < 0 ? [] : lines.slice(start + 1)) {
    if (line === "\\.") break
    const id = Number.parseInt(line.split("\t")[0] ?? "", 10)
    if (Number.isInteger(id) && id > version) version = id
  }
  return version
}

interface Connection {
  /** The connection URL without its password, for `--dbname`. */
  readonly dbname: string
  readonly password: string | undefined
  readonly env: NodeJS.ProcessEnv
}

/** The URL for the PostgreSQL programs; the password goes through `PGPASSWORD`, never on a command line. */
const connect = (location: Extract<Database.Location, { _tag: "Postgres" }>) =>
  Effect.try({
    try: (): Connection => {
      const url = new URL(Redacted.value(location.url))
      const password =
        url.password !== ""
          ? decodeURIComponent(url.password)
          : (url.searchParams.get("password") ?? undefined)
      url.password = ""
      url.searchParams.delete("password")
      return {
        dbname: url.toString(),
        password,
        env: password === undefined ? process.env : { ...process.env, PGPASSWORD: password }
      }
    },
    catch: () => new StoreError({ message: "DATABASE_URL is geen geldige PostgreSQL-URL." })
  })

/** A PostgreSQL program from PATH, else from Debian's `/usr/lib/postgresql/<major>/bin`, highest first. */
const findTool = (name: string) =>
  Effect.suspend(() => {
    const debian = "/usr/lib/postgresql"
    let majors: Array<string> = []
    try {
      majors = readdirSync(debian)
        .filter((entry) => /^\d+(\.\d+)?$/.test(entry))
        .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
    } catch {
      // not Debian
    }
    const folders = [
      ...(process.env.PATH ?? "").split(delimiter).filter((folder) => folder !== ""),
      ...majors.map((major) => join(debian, major, "bin"))
    ]
    const found = folders.map((folder) => join(folder, name)).find(isExecutable)
    return found === undefined
      ? Effect.fail(
          new StoreError({
            message: `${name} is niet gevonden (niet op PATH en niet in ${debian}/<versie>/bin): installeer de PostgreSQL-clientprogramma's (Debian: apt-get install postgresql-client).`
          })
        )
      : Effect.succeed(found)
  })

const isExecutable = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK)
    return statSync(file).isFile()
  } catch {
    return false
  }
}

/** Runs a program; a failure carries its error output (without the password, should it appear there). */
const run = (
  program: string,
  args: ReadonlyArray<string>,
  connection?: Connection
): Effect.Effect<{ readonly stdout: string; readonly stderr: string }, StoreError> =>
  Effect.callback((resume) => {
    const child = execFile(
      program,
      args,
      { env: connection?.env ?? process.env, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error === null) return resume(Effect.succeed({ stdout, stderr }))
        const output = stderr
          .trim()
          .split("\n")
          .slice(-5)
          .map((line) => line.replace(`${basename(program)}: error: `, ""))
          .join(" ")
        const detail = output !== "" ? output : error.message.split("\n")[0]
        resume(
          Effect.fail(
            new StoreError({
              message: `${basename(program)} is mislukt: ${hide(detail ?? "", connection?.password)}`
            })
          )
        )
      }
    )
    return Effect.sync(() => {
      child.kill()
    })
  })

/** Runs a program with `input` on its standard input; fails like `run`. */
const runWith = (
  program: string,
  args: ReadonlyArray<string>,
  input: string,
  connection?: Connection
): Effect.Effect<void, StoreError> =>
  Effect.callback((resume) => {
    const child = spawn(program, args, {
      env: connection?.env ?? process.env,
      stdio: ["pipe", "ignore", "pipe"]
    })
    let stderr = ""
    child.stderr.setEncoding("utf8")
    child.stderr.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-8192)
    })
    // psql stops reading at the first error: the rest of the input has nowhere to go.
    child.stdin.on("error", () => undefined)
    child.stdin.end(input)
    child.on("error", (error) =>
      resume(Effect.fail(new StoreError({ message: `${basename(program)} is mislukt: ${error.message}` })))
    )
    child.on("close", (code) => {
      if (code === 0) return resume(Effect.void)
      const detail = stderr
        .trim()
        .split("\n")
        .slice(-3)
        .join(" ")
        .replace(/^psql:<stdin>:\d+: /, "")
      resume(
        Effect.fail(
          new StoreError({
            message: `${basename(program)} is mislukt: ${hide(detail || `code ${code}`, connection?.password)}`
          })
        )
      )
    })
    return Effect.sync(() => {
      child.kill()
    })
  })

const hide = (text: string, secret: string | undefined): string =>
  secret === undefined || secret === "" ? text : text.replaceAll(secret, "***")

// Both

/** The key columns that name a row in messages, and the columns that hold JSON, per table. */
const rowChecks: ReadonlyArray<{
  readonly table: string
  readonly key: ReadonlyArray<string>
  readonly json: ReadonlyArray<string>
}> = [
  { table: "programma", key: ["id"], json: ["data"] },
  { table: "regio", key: ["id"], json: ["data"] },
  { table: "gemeenten", key: ["code"], json: ["data"] },
  { table: "jaarplannen", key: ["jaar"], json: ["data"] },
  { table: "acties", key: ["jaar", "id"], json: ["data"] },
  { table: "indicatoren", key: ["jaar", "id"], json: ["data"] },
  { table: "metingen", key: ["id"], json: ["data"] },
  { table: "registraties", key: ["periode", "gebied", "delict"], json: ["data"] },
  { table: "reeksbreuken", key: ["vanaf", "reden"], json: ["data"] },
  { table: "activiteiten", key: ["id"], json: ["data"] },
  { table: "import_changes", key: ["import_id", "entity", "entity_key"], json: ["before", "after"] },
  { table: "audit", key: ["id"], json: ["before", "after"] }
]

const isJson = (text: unknown): boolean => {
  if (text === null) return true
  if (typeof text !== "string") return false
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/**
 * The first row of a database that does not read back, as "tabel audit, rij 12: kolom after is geen
 * geldige JSON", or `undefined`: every JSON column of every table parses and every audit entry has its
 * date. `store.load` decodes the programme's records after this; what it does not read (the audit log,
 * the imports' changes) is checked here, so a restore never brings back a row that breaks later.
 */
const unreadableRow = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  for (const check of rowChecks) {
    const rows = yield* sql.unsafe<Record<string, unknown>>(
      `SELECT ${[...check.key, ...check.json, ...(check.table === "audit" ? ["at"] : [])].join(", ")} FROM ${check.table}`
    )
    for (const row of rows) {
      const name = () => `tabel ${check.table}, rij ${check.key.map((k) => String(row[k])).join(" / ")}`
      for (const column of check.json) {
        if (check.table !== "audit" && column === "after" && row[column] === null)
          return `${name()}: kolom ${column} is leeg`
        if (!isJson(row[column])) return `${name()}: kolom ${column} is geen geldige JSON`
      }
      if (check.table === "audit" && Number.isNaN(Date.parse(String(row.at))))
        return `${name()}: kolom at is geen datum (${String(row.at)})`
    }
  }
  return undefined
})

/** The tokens revoked in a database (none when it has no tokens yet) and its version, before a restore. */
const revocationsOf = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const revoked = yield* sql<{
    readonly id: string
    readonly revoked_at: string
  }>`SELECT id, revoked_at FROM tokens WHERE revoked_at IS NOT NULL`.pipe(Effect.orElseSucceed(() => []))
  const version = yield* sql<{ readonly n: number | string }>`SELECT n FROM db_version`.pipe(
    Effect.map((rows) => Number(rows[0]?.n ?? 0)),
    Effect.orElseSucceed(() => 0)
  )
  return { revoked, version }
})

/**
 * After a restore: a token revoked in the database that was replaced stays revoked (an older backup
 * knew it as valid), audited; and the version moves past both databases' versions, so no process keeps
 * what it had in memory under a version the restored database had before.
 */
const keepRevocations = (before: Effect.Success<typeof revocationsOf>) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql.withTransaction(
      Effect.gen(function* () {
        for (const token of before.revoked) {
          const changed = yield* sql<{
            readonly id: string
          }>`UPDATE tokens SET revoked_at = ${token.revoked_at} WHERE id = ${token.id} AND revoked_at IS NULL RETURNING id`
          if (changed.length === 0) continue
          yield* sql`INSERT INTO audit ${sql.insert({
            at: new Date().toISOString(),
            actor: "restore",
            entity: "tokens",
            entity_key: token.id,
            action: "update",
            before: null,
            after: JSON.stringify({ revokedAt: token.revoked_at }),
            source: "restore: ingetrokken in de vervangen database"
          })}`
        }
        const [row] = yield* sql<{ readonly n: number | string }>`SELECT n FROM db_version`
        const next = Math.max(Number(row?.n ?? 0), before.version) + 1
        yield* sql`UPDATE db_version SET n = ${next} WHERE id = 1`
      })
    )
  })

/** The schema version (`undefined` without `dvcc_migrations`) and the records per programme table. */
const inspect = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const names = yield* sql.onDialectOrElse({
    pg: () =>
      sql<{
        readonly name: string
      }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`,
    orElse: () => sql<{ readonly name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`
  })
  const present = new Set(names.map((row) => row.name))
  const counts: Array<TableCount> = []
  for (const table of tables) {
    if (!present.has(table)) continue
    const rows = yield* sql<{ readonly n: number | string }>`SELECT COUNT(*) AS n FROM ${sql(table)}`
    counts.push({ table, records: Number(rows[0]?.n ?? 0) })
  }
  let version: number | undefined
  if (present.has("dvcc_migrations")) {
    const rows = yield* sql<{
      readonly version: number | string | null
    }>`SELECT MAX(migration_id) AS version FROM dvcc_migrations`
    version = Number(rows[0]?.version ?? 0)
  }
  return { version, tables: counts }
})

const refuseExisting = (file: string, force: boolean) =>
  Effect.suspend(() => (!force && existsSync(file) ? Effect.fail(new BackupExists({ file })) : Effect.void))

/**
 * A free file name next to `target` (its folder is created when missing); the file and its SQLite side
 * files are removed when the scope closes, unless it was renamed into place.
 */
const tempNextTo = (target: string): Effect.Effect<string, StoreError, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.try({
      try: () => {
        createFolder(dirname(target))
        return join(dirname(target), `.${basename(target)}.${randomUUID().slice(0, 8)}.tmp`)
      },
      catch: (cause) => toStoreError(cause, `De map ${dirname(target)} kon niet worden aangemaakt`)
    }),
    (temp) =>
      Effect.sync(() => {
        for (const file of [temp, ...sideFiles.map((suffix) => `${temp}${suffix}`)]) {
          rmSync(file, { force: true })
        }
      })
  )

/** Creates missing folders one level at a time, as `Database.client` does. */
const createFolder = (folder: string): void => {
  const missing: Array<string> = []
  for (let dir = folder; !existsSync(dir) && dirname(dir) !== dir; dir = dirname(dir)) missing.unshift(dir)
  for (const dir of missing) mkdirSync(dir)
}

/**
 * Gives the finished `temp` the name `out`: without `force` through a hard link, which fails rather than
 * overwrite a file that appeared in the meantime. Returns the size.
 */
const install = (
  temp: string,
  out: string,
  force: boolean
): Effect.Effect<number, StoreError | BackupExists> =>
  Effect.try({
    try: () => {
      syncFile(temp)
      if (force) {
        for (const suffix of sideFiles) rmSync(`${out}${suffix}`, { force: true })
        renameSync(temp, out)
      } else {
        try {
          linkSync(temp, out)
          unlinkSync(temp)
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === "EEXIST" || existsSync(out))
            throw new BackupExists({ file: out })
          // A file system without hard links.
          renameSync(temp, out)
        }
      }
      syncFolder(dirname(out))
      return statSync(out).size
    },
    catch: (cause) =>
      cause instanceof BackupExists
        ? cause
        : toStoreError(cause, `De backup kon niet worden opgeslagen als ${out}`)
  })

const syncFile = (file: string): void => {
  const fd = openSync(file, "r+")
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Makes a rename durable; not every platform can open a folder, which is fine. */
const syncFolder = (folder: string): void => {
  try {
    const fd = openSync(folder, "r")
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    // best effort
  }
}

const damaged = (file: string, cause: unknown) =>
  new InvalidBackup({
    file,
    reason: `het bestand is beschadigd of geen SQLite-database (${cause instanceof Error ? cause.message : String(cause)})`
  })

const tooNew = (file: string, version: number) =>
  new InvalidBackup({
    file,
    reason: `de backup heeft schemaversie ${version}, deze dvcc kent tot en met ${latest}: werk dvcc bij en probeer het opnieuw`
  })
