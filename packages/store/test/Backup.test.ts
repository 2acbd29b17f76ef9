/**
 * Backups and restores: a consistent copy while another connection keeps writing, the checks that keep a
 * bad backup out (the target stays as it was), and the round trip, on SQLite and on a real PostgreSQL
 * (a throw-away cluster; skipped with a message where PostgreSQL is missing, failing under CI=true).
 */
import { execFile } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import { Measurement } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { describePostgres } from "@dvcc/testing-postgres"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Fiber, Layer, Option, Redacted, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { Backup, Database, Migrations, ProgramStore, Tokens } from "../src/index.ts"
import { canonical, freshPostgres } from "./databases.ts"

const cli = { actor: "test", source: "cli" }
const SqlClientTag = SqlClient.SqlClient

const folder = () => mkdtempSync(join(tmpdir(), "dvcc-backup-"))

const meting = (waarde: number) =>
  Schema.decodeUnknownSync(Measurement.Measurement)({
    id: "m-2026-kennisbijeenkomsten-q1",
    indicator: "kennisbijeenkomsten",
    jaar: 2026,
    periode: "2026-Q1",
    gebied: { niveau: "regio" },
    waarde,
    bron: "programma-administratie",
    vastgelegdOp: "2026-04-02",
    herkomst: { document: "test", sectie: "test" }
  })

const withStore = <A, E>(
  location: Database.Location,
  body: Effect.Effect<A, E, ProgramStore.ProgramStore | SqlClient.SqlClient>
) => body.pipe(Effect.provide(Database.layer(location)))

const load = (location: Database.Location) =>
  withStore(
    location,
    Effect.gen(function* () {
      const store = yield* ProgramStore.ProgramStore
      return yield* store.load
    })
  )

/** The bundled data and one measurement of our own in `location`. */
const seed = (location: Database.Location) =>
  withStore(
    location,
    Effect.gen(function* () {
      const store = yield* ProgramStore.ProgramStore
      yield* store.seed(dataset, cli)
      yield* store.recordMeasurement(meting(3), cli)
    })
  )

const sqliteAt = (file: string): Extract<Database.Location, { _tag: "Sqlite" }> => ({ _tag: "Sqlite", file })

/** A SQLite database with the bundled data, in a folder of its own. */
const seededSqlite = () =>
  Effect.gen(function* () {
    const location = sqliteAt(join(folder(), "dvcc.sqlite"))
    yield* seed(location)
    return location
  })

const count = (report: { readonly tables: ReadonlyArray<Backup.TableCount> }, table: string) =>
  report.tables.find((t) => t.table === table)?.records

/** The target's bytes and its folder's listing: a refused restore must change neither. */
const snapshot = (file: string) => ({
  bytes: readFileSync(file).toString("base64"),
  folder: readdirSync(join(file, "..")).sort()
})

describe("Backup on SQLite", () => {
  it.live("copies the database while another connection keeps writing; the copy checks out and loads", () =>
    Effect.gen(function* () {
      const location = yield* seededSqlite()
      let writes = 0
      const writer = yield* withStore(
        location,
        Effect.gen(function* () {
          const store = yield* ProgramStore.ProgramStore
          for (let waarde = 4; ; waarde++) {
            yield* store.recordMeasurement(meting(waarde), cli)
            writes++
            yield* Effect.yieldNow
          }
        })
      ).pipe(Effect.forkChild)
      while (writes < 20) yield* Effect.sleep("5 millis")

      const out = join(folder(), "nested", "backup.sqlite")
      const before = writes
      const report = yield* Backup.backup(location, out)
      const during = writes - before
      yield* Fiber.interrupt(writer)

      assert.isAbove(during, 0, "the writer kept writing while the backup ran")
      assert.strictEqual(report.file, out)
      assert.strictEqual(report.bytes, statSync(out).size)
      assert.strictEqual(report.schemaVersion, Migrations.latest)
      assert.deepStrictEqual(
        report.tables.map((t) => t.table),
        [...Backup.tables]
      )
      assert.strictEqual(count(report, "programma"), 1)
      assert.strictEqual(count(report, "gemeenten"), dataset.regio.gemeenten.length)

      // One self-contained file, consistent with itself.
      assert.deepStrictEqual(readdirSync(join(out, "..")), ["backup.sqlite"])
      const copy = new DatabaseSync(out, { readOnly: true })
      try {
        assert.deepStrictEqual(copy.prepare("PRAGMA integrity_check").all(), [{ integrity_check: "ok" }])
        assert.deepStrictEqual(copy.prepare("PRAGMA journal_mode").get(), { journal_mode: "delete" })
        const audit = copy.prepare("SELECT COUNT(*) AS n FROM audit").get() as { n: number }
        assert.strictEqual(audit.n, count(report, "audit"))
        // Every update of the measurement is audited in its own transaction: the copy holds whole ones.
        const stored = copy.prepare("SELECT version FROM metingen WHERE id = ?").get(meting(0).id) as {
          version: number
        }
        const updates = copy
          .prepare("SELECT COUNT(*) AS n FROM audit WHERE entity = 'metingen' AND action = 'update'")
          .get() as { n: number }
        assert.strictEqual(stored.version, updates.n + 1)
      } finally {
        copy.close()
      }
      assert.deepStrictEqual(readdirSync(join(out, "..")), ["backup.sqlite"])
      const loaded = yield* load(sqliteAt(out))
      assert.strictEqual(loaded.jaarplannen.length, dataset.jaarplannen.length)
    })
  )

  it.effect("refuses to overwrite an existing file unless forced, and leaves it alone", () =>
    Effect.gen(function* () {
      const location = yield* seededSqlite()
      const out = join(folder(), "backup.sqlite")
      writeFileSync(out, "keep me")
      const error = yield* Effect.flip(Backup.backup(location, out))
      assert.strictEqual(error._tag, "BackupExists")
      assert.include(error.message, `${out} bestaat al`)
      assert.include(error.message, "--force")
      assert.strictEqual(readFileSync(out, "utf8"), "keep me")
      assert.deepStrictEqual(readdirSync(join(out, "..")), ["backup.sqlite"])

      const report = yield* Backup.backup(location, out, { force: true })
      assert.strictEqual(report.bytes, statSync(out).size)
      assert.strictEqual((yield* load(sqliteAt(out))).metingen.length, dataset.metingen.length + 1)
    })
  )

  it.effect("refuses to back up a database that does not exist", () =>
    Effect.gen(function* () {
      const dir = folder()
      const error = yield* Effect.flip(
        Backup.backup(sqliteAt(join(dir, "missing.sqlite")), join(dir, "backup.sqlite"))
      )
      assert.include(error.message, "bestaat niet: er is niets om te back-uppen")
      assert.deepStrictEqual(readdirSync(dir), [])
    })
  )
})

describe("Restore on SQLite", () => {
  it.effect("brings a backup back into a new database: the same data as the original", () =>
    Effect.gen(function* () {
      const location = yield* seededSqlite()
      const out = join(folder(), "backup.sqlite")
      const backedUp = yield* Backup.backup(location, out)
      const target = join(folder(), "elders", "dvcc.sqlite")

      const report = yield* Backup.restore(sqliteAt(target), out)
      assert.strictEqual(report.database, target)
      assert.strictEqual(report.schemaVersion, Migrations.latest)
      assert.deepStrictEqual(report.tables, backedUp.tables)
      assert.deepStrictEqual(canonical(yield* load(sqliteAt(target))), canonical(yield* load(location)))
      assert.deepStrictEqual(readdirSync(join(target, "..")), ["dvcc.sqlite"])

      // The restored database now holds data: replacing it needs force.
      const refused = yield* Effect.flip(Backup.restore(sqliteAt(target), out))
      assert.strictEqual(refused._tag, "DatabaseNotEmpty")
      assert.include(refused.message, `Database ${target} bevat al data`)
      assert.include(refused.message, "--force")
      const forced = yield* Backup.restore(sqliteAt(target), out, { force: true })
      assert.deepStrictEqual(forced.tables, backedUp.tables)
    })
  )

  it.effect("replaces a database in use with --force, and the data is the backup's", () =>
    Effect.gen(function* () {
      const location = yield* seededSqlite()
      const out = join(folder(), "backup.sqlite")
      yield* Backup.backup(location, out)
      // Change the original after the backup; the restore goes back to the backed-up state.
      yield* withStore(
        location,
        Effect.gen(function* () {
          const store = yield* ProgramStore.ProgramStore
          yield* store.recordMeasurement(meting(9), cli)
        })
      )
      yield* Backup.restore(location, out, { force: true })
      const restored = yield* load(location)
      assert.strictEqual(restored.metingen.find((m) => m.id === meting(0).id)?.waarde, 3)
    })
  )

  /** A restore of `make(file)` into a database with data, forced, must fail and change nothing. */
  const refuses = (make: (file: string) => Effect.Effect<void, unknown>, message: string) =>
    Effect.gen(function* () {
      const target = yield* seededSqlite()
      const file = join(folder(), "backup.sqlite")
      yield* make(file)
      const before = snapshot(target.file)
      const error = yield* Effect.flip(Backup.restore(target, file, { force: true }))
      assert.strictEqual(error._tag, "InvalidBackup")
      assert.include(error.message, `${file} kan niet worden teruggezet: ${message}`)
      assert.include(error.message, "De database is niet gewijzigd.")
      assert.deepStrictEqual(snapshot(target.file), before)
      assert.strictEqual((yield* load(target)).metingen.length, dataset.metingen.length + 1)
    })

  it.effect("refuses a file of garbage bytes", () =>
    refuses(
      (file) =>
        Effect.sync(() =>
          writeFileSync(file, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 37) % 256)))
        ),
      "het is geen SQLite-database"
    )
  )

  it.effect("refuses a PostgreSQL archive, pointing to DATABASE_URL", () =>
    refuses(
      (file) =>
        Effect.sync(() => writeFileSync(file, Buffer.concat([Buffer.from("PGDMP"), Buffer.alloc(100, 1)]))),
      "het is een PostgreSQL-backup (pg_dump): zet die terug met DATABASE_URL"
    )
  )

  it.effect("refuses a damaged SQLite file", () =>
    refuses(
      (file) =>
        Effect.gen(function* () {
          const location = yield* seededSqlite()
          yield* Backup.backup(location, file)
          const bytes = readFileSync(file)
          // Past the header and the schema page: the tables' pages.
          bytes.fill(0xa5, 4096 * 2, bytes.length - 4096)
          writeFileSync(file, bytes)
        }),
      "het bestand is beschadigd"
    )
  )

  it.effect("refuses a backup of a newer schema", () =>
    refuses(
      (file) =>
        Effect.gen(function* () {
          const location = yield* seededSqlite()
          yield* Backup.backup(location, file)
          const db = new DatabaseSync(file)
          db.prepare("INSERT INTO dvcc_migrations (migration_id, name) VALUES (?, 'future')").run(
            Migrations.latest + 1
          )
          db.close()
        }),
      `de backup heeft schemaversie ${Migrations.latest + 1}, deze dvcc kent tot en met ${Migrations.latest}: werk dvcc bij`
    )
  )

  it.effect("refuses a SQLite file that is not a dvcc database", () =>
    refuses(
      (file) =>
        Effect.sync(() => {
          const db = new DatabaseSync(file)
          db.exec(
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('x')"
          )
          db.close()
        }),
      "het is geen dvcc-database (de tabel dvcc_migrations ontbreekt)"
    )
  )

  /** A backup of a seeded database, with `statement` run on it afterwards. */
  const backupAfter = (statement: string) => (file: string) =>
    Effect.gen(function* () {
      yield* Backup.backup(yield* seededSqlite(), file)
      const db = new DatabaseSync(file)
      db.exec(statement)
      db.close()
    })

  it.effect("refuses a dvcc database whose records do not decode as a dataset", () =>
    refuses(
      backupAfter(`UPDATE gemeenten SET data = '{"code":"GM9999"}'`),
      "de inhoud is geen geldige dvcc-data"
    )
  )

  it.effect("refuses a backup with a corrupt audit entry, naming the table and the row", () =>
    refuses(
      backupAfter("UPDATE audit SET after = '{kapot' WHERE id = 2"),
      "tabel audit, rij 2: kolom after is geen geldige JSON"
    )
  )

  it.effect("refuses a backup with a corrupt registration in Dutch, naming the table and the row", () =>
    refuses(
      backupAfter(
        `UPDATE registraties SET data = '{"periode":' WHERE rowid = (SELECT MIN(rowid) FROM registraties)`
      ),
      'tabel registraties, rij 2024 / {"niveau":"regio"} / aan-en-verkoopfraude: kolom data is geen geldige JSON'
    )
  )

  it.effect("keeps a token revoked since the backup revoked, and the version moves on", () =>
    Effect.gen(function* () {
      const target = yield* seededSqlite()
      const created = yield* Tokens.Tokens.pipe(
        Effect.flatMap((t) => t.create({ naam: "later-ingetrokken", rol: "programma", scope: null }, "test")),
        Effect.provide(Tokens.Tokens.layer.pipe(Layer.provideMerge(Database.layer(target))))
      )
      const file = join(folder(), "backup.sqlite")
      yield* Backup.backup(target, file)
      const withTokens = <A, E>(
        body: (t: Tokens.Tokens["Service"], sql: SqlClient.SqlClient) => Effect.Effect<A, E>
      ) =>
        Effect.gen(function* () {
          return yield* body(yield* Tokens.Tokens, yield* SqlClientTag)
        }).pipe(Effect.provide(Tokens.Tokens.layer.pipe(Layer.provideMerge(Database.layer(target)))))
      const version = (sql: SqlClient.SqlClient) =>
        Effect.map(sql<{ readonly n: number }>`SELECT n FROM db_version`, (rows) => Number(rows[0]?.n))
      yield* withTokens((t) => t.revoke(created.info.id, "test"))
      const before = yield* withTokens((_, sql) => version(sql))
      yield* Backup.restore(target, file, { force: true })
      const principal = yield* withTokens((t) => t.verify(created.token))
      assert.isTrue(Option.isNone(principal), "the revoked token works again after the restore")
      assert.isAbove(yield* withTokens((_, sql) => version(sql)), before)
    })
  )

  it.effect("refuses a file that does not exist", () =>
    Effect.gen(function* () {
      const target = join(folder(), "dvcc.sqlite")
      const error = yield* Effect.flip(Backup.restore(sqliteAt(target), join(folder(), "missing.sqlite")))
      assert.include(error.message, "bestaat niet")
      assert.isFalse(existsSync(target))
    })
  )
})

describePostgres("Backup and restore on PostgreSQL", () => {
  const fresh = freshPostgres("backup")

  it.effect("dumps a database and restores it into another: the same data", () =>
    Effect.gen(function* () {
      const source = yield* fresh()
      yield* seed(source)
      const out = join(folder(), "dvcc.dump")
      const report = yield* Backup.backup(source, out)
      assert.strictEqual(readFileSync(out).subarray(0, 5).toString("latin1"), "PGDMP")
      assert.strictEqual(report.bytes, statSync(out).size)
      assert.strictEqual(report.schemaVersion, Migrations.latest)
      assert.strictEqual(count(report, "programma"), 1)
      assert.strictEqual(count(report, "metingen"), dataset.metingen.length + 1)

      const again = yield* Effect.flip(Backup.backup(source, out))
      assert.strictEqual(again._tag, "BackupExists")

      const target = yield* fresh()
      const restored = yield* Backup.restore(target, out)
      assert.deepStrictEqual(restored.tables, report.tables)
      assert.strictEqual(restored.schemaVersion, Migrations.latest)
      assert.deepStrictEqual(canonical(yield* load(target)), canonical(yield* load(source)))

      const refused = yield* Effect.flip(Backup.restore(target, out))
      assert.strictEqual(refused._tag, "DatabaseNotEmpty")
      const forced = yield* Backup.restore(target, out, { force: true })
      assert.deepStrictEqual(forced.tables, report.tables)
      assert.deepStrictEqual(canonical(yield* load(target)), canonical(yield* load(source)))
    })
  )

  it.effect("keeps a token revoked since the backup revoked", () =>
    Effect.gen(function* () {
      const target = yield* fresh()
      yield* seed(target)
      const tokens = Tokens.Tokens.layer.pipe(Layer.provideMerge(Database.layer(target)))
      const created = yield* Effect.flatMap(Tokens.Tokens, (t) =>
        t.create({ naam: "later-ingetrokken", rol: "programma", scope: null }, "test")
      ).pipe(Effect.provide(tokens))
      const out = join(folder(), "dvcc.dump")
      yield* Backup.backup(target, out)
      yield* Effect.flatMap(Tokens.Tokens, (t) => t.revoke(created.info.id, "test")).pipe(
        Effect.provide(tokens)
      )
      yield* Backup.restore(target, out, { force: true })
      const principal = yield* Effect.flatMap(Tokens.Tokens, (t) => t.verify(created.token)).pipe(
        Effect.provide(tokens)
      )
      assert.isTrue(Option.isNone(principal), "the revoked token works again after the restore")
    })
  )

  /** Every programme record, the version and the tokens of `location`: a refused restore changes none. */
  const state = (location: Database.Location) =>
    Effect.gen(function* () {
      const data = canonical(yield* load(location))
      const rows = yield* Effect.gen(function* () {
        const sql = yield* SqlClientTag
        const version = yield* sql<{ readonly n: number | string }>`SELECT n FROM db_version`
        const tokens = yield* sql`SELECT id, revoked_at FROM tokens ORDER BY id`
        const audit = yield* sql<{ readonly n: number | string }>`SELECT COUNT(*) AS n FROM audit`
        return { version: Number(version[0]?.n), tokens, audit: Number(audit[0]?.n) }
      }).pipe(Effect.provide(Database.client(location)))
      return { data, ...rows }
    })

  /** A backup of a seeded database in which `corrupt` changed rows after the seed. */
  const corruptBackup = (corrupt: (sql: SqlClient.SqlClient) => Effect.Effect<unknown, unknown>) =>
    Effect.gen(function* () {
      const source = yield* fresh()
      yield* seed(source)
      yield* Effect.flatMap(SqlClientTag, corrupt).pipe(Effect.provide(Database.client(source)))
      const out = join(folder(), "corrupt.dump")
      yield* Backup.backup(source, out)
      return out
    })

  it.effect("a backup whose rows do not decode leaves the target exactly as it was", () =>
    Effect.gen(function* () {
      const target = yield* fresh()
      yield* seed(target)
      yield* Effect.flatMap(Tokens.Tokens, (t) =>
        t.create({ naam: "blijft", rol: "programma", scope: null }, "test")
      ).pipe(Effect.provide(Tokens.Tokens.layer.pipe(Layer.provideMerge(Database.layer(target)))))
      const before = yield* state(target)
      const corruptions: ReadonlyArray<
        readonly [string, (sql: SqlClient.SqlClient) => Effect.Effect<unknown, unknown>]
      > = [
        ["metingen", (sql) => sql`UPDATE metingen SET data = ${'{"id":"kapot"}'}`],
        [
          "audit",
          (sql) => sql`UPDATE audit SET after = ${"{geen json"} WHERE id = (SELECT MAX(id) FROM audit)`
        ]
      ]
      for (const [what, corrupt] of corruptions) {
        const out = yield* corruptBackup(corrupt)
        const error = yield* Effect.flip(Backup.restore(target, out, { force: true }))
        assert.include(error.message, "niet gewijzigd", `${what}: ${error.message}`)
        assert.deepStrictEqual(yield* state(target), before, what)
        // No staging schema is left behind.
        const schemas = yield* Effect.flatMap(
          SqlClientTag,
          (sql) => sql`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'dvcc_restore%'`
        ).pipe(Effect.provide(Database.client(target)))
        assert.deepStrictEqual(schemas, [], what)
      }
    })
  )

  it.effect("a token revoked in the target is never valid while an older backup is restored", () =>
    Effect.gen(function* () {
      const target = yield* fresh()
      if (target._tag !== "Postgres") return
      yield* seed(target)
      const tokens = Tokens.Tokens.layer.pipe(Layer.provideMerge(Database.layer(target)))
      const created = yield* Effect.flatMap(Tokens.Tokens, (t) =>
        t.create({ naam: "ingetrokken", rol: "programma", scope: null }, "test")
      ).pipe(Effect.provide(tokens))
      const out = join(folder(), "dvcc.dump")
      yield* Backup.backup(target, out)
      yield* Effect.flatMap(Tokens.Tokens, (t) => t.revoke(created.info.id, "test")).pipe(
        Effect.provide(tokens)
      )
      // Other connections (a new psql each: no prepared statement outlives the swap) look at the token
      // as often as they can while the restore runs.
      const psql = readdirSync("/usr/lib/postgresql")
        .map((major) => join("/usr/lib/postgresql", major, "bin", "psql"))
        .find((file) => existsSync(file))
      if (psql === undefined) return
      let looks = 0
      let valid = 0
      let running = true
      const look = (): Promise<void> =>
        new Promise((done) =>
          execFile(
            psql,
            [
              "--no-psqlrc",
              "-Atc",
              `SELECT revoked_at IS NULL FROM tokens WHERE id = '${created.info.id}'`,
              Redacted.value(target.url)
            ],
            (error, stdout) => {
              if (error === null) {
                looks++
                if (stdout.trim() !== "f") valid++
              }
              done()
            }
          )
        )
      const watching = (async () => {
        while (running) await look()
      })()
      yield* Backup.restore(target, out, { force: true })
      running = false
      yield* Effect.promise(() => watching)
      assert.isAbove(looks, 0)
      assert.strictEqual(
        valid,
        0,
        `the revoked token was valid for a moment during the restore (${valid} of ${looks})`
      )
      const principal = yield* Effect.flatMap(Tokens.Tokens, (t) => t.verify(created.token)).pipe(
        Effect.provide(tokens)
      )
      assert.isTrue(Option.isNone(principal))
    })
  )

  it.effect("refuses a file that is not a pg_dump archive, and a SQLite backup", () =>
    Effect.gen(function* () {
      const target = yield* fresh()
      yield* seed(target)
      const garbage = join(folder(), "garbage.dump")
      writeFileSync(garbage, "not an archive")
      const error = yield* Effect.flip(Backup.restore(target, garbage, { force: true }))
      assert.strictEqual(error._tag, "InvalidBackup")
      assert.include(error.message, "het is geen PostgreSQL-backup")

      const sqlite = join(folder(), "backup.sqlite")
      yield* Backup.backup(yield* seededSqlite(), sqlite)
      const wrongKind = yield* Effect.flip(Backup.restore(target, sqlite, { force: true }))
      assert.strictEqual(wrongKind._tag, "InvalidBackup")
      assert.strictEqual((yield* load(target)).metingen.length, dataset.metingen.length + 1)
    })
  )
})
