/**
 * The database schema, as versioned forward-only migrations that run on first use. The same migrations
 * serve SQLite and PostgreSQL; where the dialects differ, the difference is spelled out here.
 *
 * @since 0.1.0
 */
import { Effect, Schema } from "effect"
import { Migrator, SqlClient } from "effect/sql"

/**
 * The database was written by a newer dvcc than this one: refusing is safer than guessing its schema.
 *
 * @since 0.1.0
 * @category errors
 */
export class DatabaseTooNew extends Schema.TaggedError<DatabaseTooNew>()("DatabaseTooNew", {
  database: Schema.Int,
  code: Schema.Int
}) {
  override get message() {
    return `De database heeft schemaversie ${this.database}, deze dvcc kent tot en met ${this.code}: werk dvcc bij voordat u deze database gebruikt.`
  }
}

const documentTable = (name: string, keys: string, constraints = "") =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql.unsafe(`CREATE TABLE ${name} (
      ${keys},
      data TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1 CHECK (version > 0),
      source TEXT NOT NULL${constraints === "" ? "" : `,\n      ${constraints}`}
    )`)
  })

const migrations = {
  "1_initial": Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const auditId = sql.onDialectOrElse({
      pg: () => "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
      orElse: () => "id INTEGER PRIMARY KEY AUTOINCREMENT"
    })
    const number = sql.onDialectOrElse({ pg: () => "DOUBLE PRECISION", orElse: () => "REAL" })
    yield* documentTable("programma", "id TEXT PRIMARY KEY CHECK (id = 'programma')")
    yield* documentTable("regio", "id TEXT PRIMARY KEY CHECK (id = 'regio')")
    yield* documentTable("gemeenten", "code TEXT PRIMARY KEY CHECK (code LIKE 'GM____')")
    yield* documentTable("jaarplannen", "jaar INTEGER PRIMARY KEY CHECK (jaar BETWEEN 2000 AND 2100)")
    yield* documentTable(
      "acties",
      "jaar INTEGER NOT NULL REFERENCES jaarplannen (jaar), id TEXT NOT NULL, nummer INTEGER NOT NULL CHECK (nummer > 0)",
      "PRIMARY KEY (jaar, id), UNIQUE (jaar, nummer)"
    )
    yield* documentTable(
      "indicatoren",
      "jaar INTEGER NOT NULL REFERENCES jaarplannen (jaar), id TEXT NOT NULL, baat TEXT NOT NULL CHECK (baat IN ('baat-1', 'baat-2', 'baat-3', 'baat-4', 'baat-5'))",
      "PRIMARY KEY (jaar, id)"
    )
    yield* documentTable(
      "metingen",
      `id TEXT PRIMARY KEY, jaar INTEGER NOT NULL, indicator TEXT NOT NULL, periode TEXT NOT NULL, waarde ${number} NOT NULL CHECK (waarde >= 0)`,
      "FOREIGN KEY (jaar, indicator) REFERENCES indicatoren (jaar, id)"
    )
    yield* documentTable(
      "registraties",
      "periode TEXT NOT NULL, gebied TEXT NOT NULL, delict TEXT NOT NULL",
      "PRIMARY KEY (periode, gebied, delict)"
    )
    yield* documentTable(
      "reeksbreuken",
      "vanaf TEXT NOT NULL, reden TEXT NOT NULL",
      "PRIMARY KEY (vanaf, reden)"
    )
    yield* documentTable(
      "activiteiten",
      "id TEXT PRIMARY KEY, datum TEXT NOT NULL, gemeente TEXT REFERENCES gemeenten (code)"
    )
    yield* sql.unsafe(`CREATE TABLE audit (
      ${auditId},
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_key TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'seed')),
      before TEXT,
      after TEXT,
      source TEXT NOT NULL
    )`)
    yield* sql.unsafe("CREATE INDEX audit_entity ON audit (entity, entity_key)")
    yield* sql.unsafe("CREATE INDEX metingen_indicator ON metingen (jaar, indicator)")
  }),
  /**
   * Every import, and per import what it inserted or changed (`before` the previous data, NULL when the
   * import inserted the row; `after` the data it wrote), so that an import can be undone.
   */
  "2_imports": Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const count = sql.onDialectOrElse({ pg: () => "BIGINT", orElse: () => "INTEGER" })
    // SQLite: the changes stored in their key's order, not in a rowid table plus an index on the key (an
    // import writes each row once instead of twice).
    const withoutRowid = sql.onDialectOrElse({ pg: () => "", orElse: () => " WITHOUT ROWID" })
    yield* sql.unsafe(`CREATE TABLE imports (
      id TEXT PRIMARY KEY,
      sha256 TEXT,
      file TEXT,
      sheet TEXT,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      inserted ${count} NOT NULL CHECK (inserted >= 0),
      updated ${count} NOT NULL CHECK (updated >= 0),
      unchanged ${count} NOT NULL CHECK (unchanged >= 0),
      undone_at TEXT
    )`)
    yield* sql.unsafe("CREATE INDEX imports_sha256 ON imports (sha256)")
    yield* sql.unsafe(`CREATE TABLE import_changes (
      import_id TEXT NOT NULL REFERENCES imports (id),
      entity TEXT NOT NULL,
      entity_key TEXT NOT NULL,
      before TEXT,
      after TEXT NOT NULL,
      seq ${count} NOT NULL,
      PRIMARY KEY (import_id, entity, entity_key)
    )${withoutRowid}`)
  }),
  /**
   * The gemeente a measurement and an import's change are about (NULL for the region, a district or a
   * basisteam), so that a scope of gemeenten is enforced in SQL (an import's changes are found by their
   * import id: no index on their gemeente, which every imported row would have to update); indexes for
   * reading activities and measurements per gemeente.
   */
  "3_scopes": Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql.unsafe("ALTER TABLE metingen ADD COLUMN gemeente TEXT")
    yield* sql.unsafe("ALTER TABLE import_changes ADD COLUMN gemeente TEXT")
    const metingen = yield* sql<{ readonly id: string; readonly data: string }>`SELECT id, data FROM metingen`
    for (const m of metingen) {
      const gebied = (JSON.parse(m.data) as { gebied?: { niveau?: string; code?: string } }).gebied
      if (gebied?.niveau === "gemeente" && gebied.code !== undefined)
        yield* sql`UPDATE metingen SET gemeente = ${gebied.code} WHERE id = ${m.id}`
    }
    // Only registrations were imported before this version: their key ends in the gebied's JSON.
    yield* sql`UPDATE import_changes SET gemeente = SUBSTR(entity_key, LENGTH(entity_key) - 7, 6) WHERE entity = 'registraties' AND entity_key LIKE ${'% {"niveau":"gemeente","code":"GM____"}'}`
    yield* sql.unsafe("CREATE INDEX activiteiten_gemeente ON activiteiten (gemeente, datum)")
    yield* sql.unsafe("CREATE INDEX metingen_gemeente ON metingen (gemeente)")
  }),
  /**
   * API tokens: only the SHA-256 of a token is stored, with its name, role and scope; a revoked token
   * stays listed with the time it was revoked.
   */
  "4_tokens": Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql.unsafe(`CREATE TABLE tokens (
      id TEXT PRIMARY KEY,
      naam TEXT NOT NULL CHECK (naam <> ''),
      rol TEXT NOT NULL CHECK (rol IN ('beheerder', 'programma', 'district', 'gemeente')),
      scope TEXT,
      hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      revoked_at TEXT,
      CHECK ((rol IN ('district', 'gemeente')) = (scope IS NOT NULL))
    )`)
  }),
  /**
   * The database's version: a counter that every transaction writing to `audit` raises once, so that what
   * a process keeps in memory (verified tokens, the programme) can be checked with one read. `MAX(audit.id)`
   * was not enough on PostgreSQL: ids are taken when rows are inserted, so a transaction that took a lower
   * id and committed after one with a higher id (a revocation) left the maximum unchanged. Raised by a
   * trigger, so every write that is audited raises it, whatever module writes it. On PostgreSQL the trigger
   * is deferred to the commit: two writers wait for each other only while they commit, not while a long
   * import runs, and the counter rises in the order the transactions commit. SQLite has one writer at a time.
   */
  "5_version": Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql.unsafe(`CREATE TABLE db_version (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      n BIGINT NOT NULL
    )`)
    yield* sql.unsafe("INSERT INTO db_version (id, n) SELECT 1, COALESCE(MAX(id), 0) FROM audit")
    yield* sql.onDialectOrElse({
      pg: () =>
        Effect.gen(function* () {
          yield* sql.unsafe(`CREATE FUNCTION dvcc_raise_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('dvcc.version_raised', true) IS DISTINCT FROM 'ja' THEN
    PERFORM set_config('dvcc.version_raised', 'ja', true);
    UPDATE db_version SET n = n + 1 WHERE id = 1;
  END IF;
  RETURN NULL;
END
$$`)
          yield* sql.unsafe(`CREATE CONSTRAINT TRIGGER audit_raises_version AFTER INSERT ON audit
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dvcc_raise_version()`)
        }),
      orElse: () =>
        sql.unsafe(`CREATE TRIGGER audit_raises_version AFTER INSERT ON audit
  BEGIN UPDATE db_version SET n = n + 1 WHERE id = 1; END`)
    })
  }),
  /**
   * Per change of an import, the row's version after it and, for a row the import found as it was (a
   * hold), the provenance it would have given it: undo then leaves what a later import holds, and knows what
   * an import wrote in a period it created (`internal/changes.ts`).
   */
  "6_held_rows": Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql.unsafe("ALTER TABLE import_changes ADD COLUMN source TEXT")
    yield* sql.unsafe("ALTER TABLE import_changes ADD COLUMN version INTEGER")
  }),
  /**
   * Personal accounts for the web application, beside the tokens: the e-mail address, role and scope, a
   * scrypt hash of the password (none until it is set through a one-time link), when the account was
   * disabled; the one-time links and the sessions by the SHA-256 of their secret; failed sign-ins by
   * account and by address, so that several `serve` processes share the limit.
   */
  "7_users": Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql.unsafe(`CREATE TABLE users (
      id TEXT PRIMARY KEY,
      email TEXT NOT NULL UNIQUE CHECK (email <> ''),
      rol TEXT NOT NULL CHECK (rol IN ('beheerder', 'programma', 'district', 'gemeente')),
      scope TEXT,
      password TEXT,
      created_at TEXT NOT NULL,
      disabled_at TEXT,
      CHECK ((rol IN ('district', 'gemeente')) = (scope IS NOT NULL))
    )`)
    yield* sql.unsafe(`CREATE TABLE user_links (
      hash TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users (id),
      expires_at TEXT NOT NULL
    )`)
    yield* sql.unsafe(`CREATE TABLE sessions (
      hash TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users (id),
      csrf TEXT NOT NULL,
      created_at TEXT NOT NULL,
      seen_at TEXT NOT NULL
    )`)
    yield* sql.unsafe("CREATE INDEX sessions_user ON sessions (user_id)")
    yield* sql.unsafe(`CREATE TABLE sign_in_failures (
      subject TEXT NOT NULL,
      at TEXT NOT NULL
    )`)
    yield* sql.unsafe("CREATE INDEX sign_in_failures_subject ON sign_in_failures (subject, at)")
  }),
  /**
   * The DIN is data: baten are identified by ids the programme chooses (core `Din.BaatId`), checked against
   * the DIN when the dataset is decoded, so the indicators' column no longer lists Midden-Nederland's
   * `baat-1` … `baat-5` (SQLite drops a column together with its own CHECK, so the column is dropped, added
   * again without it and refilled from the documents; PostgreSQL drops the named constraint). And a
   * programme has one DIN per strategy period: the stored programme `{ naam, regio, ambitie, looptijd, … }`
   * becomes `{ naam, regio, strategieperioden: [{ looptijd, ambitie, … }] }`.
   */
  "8_din": Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql.onDialectOrElse({
      pg: () => sql.unsafe("ALTER TABLE indicatoren DROP CONSTRAINT IF EXISTS indicatoren_baat_check"),
      orElse: () =>
        Effect.gen(function* () {
          yield* sql.unsafe("ALTER TABLE indicatoren DROP COLUMN baat")
          yield* sql.unsafe("ALTER TABLE indicatoren ADD COLUMN baat TEXT NOT NULL DEFAULT ''")
          yield* sql.unsafe("UPDATE indicatoren SET baat = json_extract(data, '$.baat')")
        })
    })
    const rows = yield* sql<{ readonly id: string; readonly data: string }>`SELECT id, data FROM programma`
    for (const row of rows) {
      const { naam, regio, ...din } = JSON.parse(row.data) as Record<string, unknown>
      if ("strategieperioden" in din) continue
      const data = JSON.stringify({ naam, regio, strategieperioden: [din] })
      yield* sql`UPDATE programma SET data = ${data}, version = version + 1 WHERE id = ${row.id}`
    }
  })
} satisfies Record<string, Effect.Effect<void, unknown, SqlClient.SqlClient>>

/**
 * The highest schema version this code knows.
 *
 * @since 0.1.0
 * @category migrations
 */
export const latest = Math.max(...Object.keys(migrations).map((key) => Number.parseInt(key, 10)))

const table = "dvcc_migrations"

/**
 * Brings the database to the latest schema; refuses a database written by a newer dvcc.
 *
 * @since 0.1.0
 * @category migrations
 */
export const migrate = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const recorded = yield* sql<{
    readonly version: number | null
  }>`SELECT MAX(migration_id) AS version FROM ${sql(table)}`.pipe(
    Effect.map((rows) => Number(rows[0]?.version ?? 0)),
    // No migrations table yet: a new database.
    Effect.catch(() => Effect.succeed(0))
  )
  if (recorded > latest) return yield* new DatabaseTooNew({ database: recorded, code: latest })
  yield* Migrator.make({})({ loader: Migrator.fromRecord(migrations), table })
})
