/**
 * Registrations in the store: idempotent, all-or-nothing imports, on an embedded SQLite file and on a real
 * PostgreSQL (a throw-away cluster; skipped with a message where PostgreSQL is missing, failing under
 * CI=true); then, on SQLite only, what other processes do to the file: one killed in the middle of an
 * import, two writing at once.
 */
import { type ChildProcessByStdio, spawn } from "node:child_process"
import { mkdtempSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import type { Readable, Writable } from "node:stream"
import { Periode, type Registration } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { SqlClient } from "effect/sql"
import { afterEach, it as vitestIt } from "vitest"
import { Database, ProgramStore, Registrations } from "../src/index.ts"
import { type Fresh, onEachDatabase } from "./databases.ts"
import { generate, storedData } from "./fixtures/registrations.ts"
import type { Job } from "./fixtures/writer.ts"

const cli = { actor: "test", source: "cli" }

const provenance = (importId: string): Registrations.Provenance => ({
  importId,
  file: "politie-registraties.xlsx",
  sheet: "2030",
  // Row 1 of the sheet holds the headings.
  rowOf: (index) => index + 2,
  actor: "test"
})

const keyOf = (r: Registration.Registration) => `${r.periode} ${JSON.stringify(r.gebied)} ${r.delict}`

const stores = (location: Database.Location) =>
  Registrations.Registrations.layer.pipe(Layer.provideMerge(Database.layer(location)))

/** Everything in the registrations and audit tables, to compare before and after. */
const snapshot = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const rows = yield* sql<{
    readonly periode: string
    readonly gebied: string
    readonly delict: string
    readonly data: string
    readonly version: number
    readonly source: string
  }>`SELECT periode, gebied, delict, data, version, source FROM registraties ORDER BY periode, gebied, delict`
  const audit = yield* sql<{ readonly n: number | string }>`SELECT COUNT(*) AS n FROM audit`
  return {
    rows: rows.map((row) => ({ ...row, version: Number(row.version) })),
    audit: Number(audit[0]?.n)
  }
})

/** The same tests for every database; `fresh` gives an empty database for each test. */
const registrationsSuite = (fresh: Fresh) => {
  const withStores = <A, E>(
    body: Effect.Effect<A, E, ProgramStore.ProgramStore | Registrations.Registrations | SqlClient.SqlClient>
  ) =>
    Effect.gen(function* () {
      const location = yield* fresh()
      return yield* body.pipe(Effect.provide(stores(location)))
    })

  it.effect(
    "records 1,000 rows once; again they are unchanged; 10 changed ones are updated, with provenance",
    () =>
      withStores(
        Effect.gen(function* () {
          const store = yield* ProgramStore.ProgramStore
          const registrations = yield* Registrations.Registrations
          yield* store.seed(dataset, cli)
          const rows = generate(1_000, { year: 2030 })

          assert.deepStrictEqual(yield* registrations.record(rows, provenance("import-1")), {
            inserted: 1_000,
            updated: 0,
            unchanged: 0
          })
          assert.deepStrictEqual(yield* registrations.record(rows, provenance("import-2")), {
            inserted: 0,
            updated: 0,
            unchanged: 1_000
          })
          const changed = rows.map((row, i) => (i >= 500 && i < 510 ? { ...row, aangiften: 9_999 } : row))
          assert.deepStrictEqual(yield* registrations.record(changed, provenance("import-3")), {
            inserted: 0,
            updated: 10,
            unchanged: 990
          })

          // Read back: the bundled registrations of the seed plus ours, as last written.
          const all = yield* registrations.list()
          assert.lengthOf(all, dataset.registraties.length + 1_000)
          assert.deepStrictEqual(
            storedData(all.filter((r) => r.periode.startsWith("2030"))).sort(),
            storedData(changed).sort()
          )
          const february = Periode.maand(2030, 2)
          const code = dataset.regio.gemeenten[0]?.code
          assert.isDefined(code)
          if (code === undefined) return
          const ofGemeente = (r: Registration.Registration) =>
            r.gebied.niveau === "gemeente" && r.gebied.code === code
          assert.lengthOf(yield* registrations.list({ periode: february }), 456)
          assert.deepStrictEqual(
            storedData(yield* registrations.list({ gemeente: code })).sort(),
            storedData(changed.filter(ofGemeente)).sort()
          )
          assert.deepStrictEqual(
            storedData(yield* registrations.list({ periode: february, gemeente: code })).sort(),
            storedData(changed.filter((r) => ofGemeente(r) && r.periode === february)).sort()
          )

          // Provenance: a changed row names the import that changed it; an unchanged one its first import.
          const recorded = new Map((yield* registrations.recorded()).map((r) => [keyOf(r.registration), r]))
          const updatedRow = recorded.get(keyOf(changed[505] as Registration.Registration))
          assert.strictEqual(updatedRow?.version, 2)
          assert.strictEqual(updatedRow?.registration.aangiften, 9_999)
          assert.deepStrictEqual(updatedRow?.provenance, {
            importId: "import-3",
            file: "politie-registraties.xlsx",
            sheet: "2030",
            row: 507
          })
          const unchangedRow = recorded.get(keyOf(changed[0] as Registration.Registration))
          assert.strictEqual(unchangedRow?.version, 1)
          assert.deepStrictEqual(unchangedRow?.provenance, {
            importId: "import-1",
            file: "politie-registraties.xlsx",
            sheet: "2030",
            row: 2
          })
          // The seed's own rows have no import provenance.
          assert.strictEqual(
            [...recorded.values()].filter((r) => r.provenance === undefined).length,
            dataset.registraties.length
          )

          // One audit entry per import, with the counts.
          const history = yield* store.history("import", "import-3")
          assert.lengthOf(history, 1)
          assert.strictEqual(history[0]?.action, "insert")
          assert.strictEqual(history[0]?.actor, "test")
          assert.deepInclude(history[0]?.after, { inserted: 0, updated: 10, unchanged: 990, sheet: "2030" })
          assert.lengthOf(yield* store.history("import", "import-2"), 1)

          // The whole dataset still loads, with the gemeenten's registrations in it.
          assert.lengthOf((yield* store.load).registraties, dataset.registraties.length + 1_000)
        })
      )
  )

  it.effect("leaves the database exactly as it was when row 5,000 of 10,000 is refused", () =>
    withStores(
      Effect.gen(function* () {
        const store = yield* ProgramStore.ProgramStore
        const registrations = yield* Registrations.Registrations
        const sql = yield* SqlClient.SqlClient
        yield* store.seed(dataset, cli)
        yield* registrations.record(generate(1_000, { year: 2030 }), provenance("basis"))
        const before = yield* snapshot

        // The first 1,000 rows change stored ones, the other 9,000 are new; the database refuses row 5,000,
        // after the statements for the rows before it ran.
        const batch = generate(10_000, { year: 2030, variant: 1 })
        const victim = batch[4_999] as Registration.Registration
        const condition = `NEW.periode = '${victim.periode}' AND NEW.gebied = '${JSON.stringify(victim.gebied)}' AND NEW.delict = '${victim.delict}'`
        yield* sql.onDialectOrElse({
          pg: () =>
            Effect.andThen(
              sql.unsafe(`CREATE FUNCTION weiger_registratie() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF ${condition} THEN
                    RAISE EXCEPTION 'registratie geweigerd door de test';
                  END IF;
                  RETURN NEW;
                END $$`),
              sql.unsafe(
                "CREATE TRIGGER weiger_registratie BEFORE INSERT ON registraties FOR EACH ROW EXECUTE FUNCTION weiger_registratie()"
              )
            ),
          orElse: () =>
            sql.unsafe(`CREATE TRIGGER weiger_registratie BEFORE INSERT ON registraties
              WHEN ${condition}
              BEGIN SELECT RAISE(ABORT, 'registratie geweigerd door de test'); END`)
        })

        const error = yield* Effect.flip(registrations.record(batch, provenance("kapot")))
        assert.strictEqual(error._tag, "StoreError")
        assert.include(
          error.message,
          "De registraties van import kapot (bestand politie-registraties.xlsx, blad 2030)"
        )
        assert.include(error.message, "registratie geweigerd door de test")
        assert.include(error.message, "Er is niets gewijzigd.")
        // Row 5,000 is sheet row 5,001; the statements before its own, updating the 1,000 stored rows and
        // inserting new ones, had run: the transaction undid them.
        const [, first, last] = /rij (\d+) tot en met (\d+)/.exec(error.message) ?? []
        assert.isAtMost(Number(first), 5_001)
        assert.isAtLeast(Number(last), 5_001)
        assert.isAbove(Number(first), 1_001)

        assert.deepStrictEqual(yield* snapshot, before)
        assert.lengthOf(yield* store.history("import", "kapot"), 0)
      })
    )
  )

  it.effect("refuses a batch with one key twice or an invalid row, naming the rows, and writes nothing", () =>
    withStores(
      Effect.gen(function* () {
        const registrations = yield* Registrations.Registrations
        const rows = generate(20, { year: 2030 })
        const twice = [...rows, { ...(rows[3] as Registration.Registration), aangiften: 1 }]
        const duplicate = yield* Effect.flip(registrations.record(twice, provenance("dubbel")))
        assert.match(
          duplicate.message,
          /registratie 2030-01 GM\d{4} \S+ staat twee keer in de import \(rij 5 en rij 22\)/
        )
        const invalid = [...rows]
        invalid[7] = { ...(rows[7] as Registration.Registration), slachtoffers: -3 }
        const refused = yield* Effect.flip(registrations.record(invalid, provenance("ongeldig")))
        assert.match(refused.message, /rij 9 \(2030-01 GM\d{4} \S+\) is ongeldig/)
        assert.lengthOf(yield* registrations.list(), 0)
      })
    )
  )
}

onEachDatabase("Registrations", registrationsSuite)

const writerScript = join(import.meta.dirname, "fixtures", "writer.ts")

interface Writer {
  readonly job: Job
  readonly stderr: () => string
  /** Resolves once the child printed `line`; rejects when it exits first or after `timeoutMs`. */
  readonly waitFor: (line: string, timeoutMs?: number) => Promise<void>
  readonly send: (line: string) => void
  readonly exited: Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null }>
  readonly process: ChildProcessByStdio<Writable, Readable, Readable>
}

const running: Array<Writer> = []

afterEach(() => {
  for (const writer of running.splice(0)) {
    if (writer.process.exitCode === null && writer.process.signalCode === null) writer.process.kill("SIGKILL")
  }
})

const startWriter = (job: Job): Writer => {
  const child = spawn(process.execPath, [writerScript, JSON.stringify(job)], {
    stdio: ["pipe", "pipe", "pipe"],
    // Node's compile cache: the children load the same modules, so all but the first start about twice as fast.
    env: { ...process.env, NODE_COMPILE_CACHE: join(tmpdir(), "dvcc-store-test-compile-cache") }
  })
  const lines: Array<string> = []
  let pending = ""
  let stderr = ""
  const listeners = new Set<() => void>()
  child.stdout.setEncoding("utf8").on("data", (data: string) => {
    pending += data
    const parts = pending.split("\n")
    pending = parts.pop() ?? ""
    lines.push(...parts)
    for (const listener of listeners) listener()
  })
  child.stderr.setEncoding("utf8").on("data", (data: string) => {
    stderr += data
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      for (const listener of listeners) listener()
      resolve({ code, signal })
    })
  )
  const waitFor = (line: string, timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (lines.includes(line)) done(resolve)
        else if (child.exitCode !== null || child.signalCode !== null)
          done(() => reject(new Error(`writer ${job.importId} ended before "${line}": ${stderr}`)))
      }
      const timer = setTimeout(
        () => done(() => reject(new Error(`writer ${job.importId} did not print "${line}": ${stderr}`))),
        timeoutMs
      )
      const done = (f: () => void) => {
        clearTimeout(timer)
        listeners.delete(check)
        f()
      }
      listeners.add(check)
      check()
    })
  const writer: Writer = {
    job,
    stderr: () => stderr,
    waitFor,
    send: (line) => child.stdin.write(`${line}\n`),
    exited,
    process: child
  }
  running.push(writer)
  return writer
}

/** A new SQLite file with the bundled dataset in it. */
const seededFile = async (): Promise<string> => {
  const file = join(mkdtempSync(join(tmpdir(), "dvcc-registrations-")), "dvcc.sqlite")
  await Effect.runPromise(
    Effect.gen(function* () {
      const store = yield* ProgramStore.ProgramStore
      yield* store.seed(dataset, cli)
    }).pipe(Effect.provide(Database.layer({ _tag: "Sqlite", file })))
  )
  return file
}

/**
 * Opens the file as a new process would (recovering the WAL), checks it, and reads each writer's rows: a
 * writer starting in `year` writes in that decade.
 */
const inspect = (file: string, years: ReadonlyArray<number>) => {
  const db = new DatabaseSync(file)
  try {
    const integrity = db.prepare("PRAGMA integrity_check").all()
    const data = (year: number) =>
      db
        .prepare(
          "SELECT data FROM registraties WHERE periode >= ? AND periode < ? ORDER BY periode, gebied, delict"
        )
        .all(`${year}`, `${year + 10}`)
        .map((row) => String(row.data))
    const imports = db
      .prepare("SELECT entity_key FROM audit WHERE entity = 'import' ORDER BY id")
      .all()
      .map((row) => String(row.entity_key))
    const gemeenten = Number(db.prepare("SELECT COUNT(*) AS n FROM gemeenten").get()?.n)
    return {
      integrity: integrity.map((row) => row.integrity_check),
      data: new Map(years.map((year) => [year, data(year)])),
      imports,
      gemeenten
    }
  } finally {
    db.close()
  }
}

/** What each writer's rows should be, as stored: sorted like `inspect` reads them. */
const expected = (job: Job) => {
  const rows = generate(job.count, { year: job.year })
  const order = rows.map((row, i) => ({
    key: `${row.periode}\u0000${JSON.stringify(row.gebied)}\u0000${row.delict}`,
    i
  }))
  order.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const data = storedData(rows)
  return order.map(({ i }) => data[i] as string)
}

/**
 * Every writer's import landed completely (exit 0, all its rows, its audit entry) or it reported a busy
 * database clearly (exit 2) and left nothing; the file is intact.
 */
const assertNoLostWrite = async (file: string, writers: ReadonlyArray<Writer>) => {
  const exits = await Promise.all(writers.map((writer) => writer.exited))
  const state = inspect(
    file,
    writers.map((writer) => writer.job.year)
  )
  assert.deepStrictEqual(state.integrity, ["ok"])
  assert.strictEqual(state.gemeenten, dataset.regio.gemeenten.length)
  const outcomes: Array<"written" | "busy"> = []
  writers.forEach((writer, i) => {
    const exit = exits[i]
    const rows = state.data.get(writer.job.year)
    if (exit?.code === 0) {
      assert.deepStrictEqual(rows, expected(writer.job), `writer ${writer.job.importId} lost rows`)
      assert.include(state.imports, writer.job.importId)
      outcomes.push("written")
    } else {
      assert.strictEqual(exit?.code, 2, `writer ${writer.job.importId} failed otherwise: ${writer.stderr()}`)
      assert.include(writer.stderr(), `De registraties van import ${writer.job.importId}`)
      assert.include(writer.stderr(), "de database is bezet door een ander proces")
      assert.include(writer.stderr(), `busy timeout ${writer.job.busyTimeoutMs} ms`)
      assert.include(writer.stderr(), "Er is niets gewijzigd.")
      assert.lengthOf(rows ?? [], 0)
      assert.notInclude(state.imports, writer.job.importId)
      outcomes.push("busy")
    }
  })
  return outcomes
}

describe("Registrations in one SQLite file used by other processes", () => {
  vitestIt(
    "a process killed in the middle of an import leaves an intact file with all of the batch or none",
    async () => {
      const file = await seededFile()
      const job: Job = {
        file,
        year: 2040,
        count: 20_000,
        importId: "afgebroken",
        busyTimeoutMs: 5_000,
        barrier: false,
        // More than SQLite's page cache holds: uncommitted pages are in the WAL file when the child dies.
        split: 8_192
      }
      const writer = startWriter(job)
      await writer.waitFor("transaction open")
      writer.process.kill("SIGKILL")
      const exit = await writer.exited
      assert.strictEqual(exit.signal, "SIGKILL")
      assert.isAbove(statSync(`${file}-wal`).size, 0)
      const state = inspect(file, [2040])
      assert.deepStrictEqual(state.integrity, ["ok"])
      assert.strictEqual(state.gemeenten, dataset.regio.gemeenten.length)
      const rows = state.data.get(2040) ?? []
      if (rows.length === 0) {
        assert.notInclude(state.imports, "afgebroken")
      } else {
        // Killed after it committed: then all of it is there.
        assert.deepStrictEqual(rows, expected(job))
      }
    },
    60_000
  )

  vitestIt(
    "two processes importing at once both land; the second waits for the first",
    async () => {
      const file = await seededFile()
      const job = (year: number): Job => ({
        file,
        year,
        count: 2_000,
        importId: `gelijktijdig-${year}`,
        busyTimeoutMs: 20_000,
        barrier: true,
        split: 1_000,
        holdMs: 300
      })
      const writers = [startWriter(job(2050)), startWriter(job(2060))]
      await Promise.all(writers.map((writer) => writer.waitFor("ready")))
      for (const writer of writers) writer.send("go")
      assert.deepStrictEqual(await assertNoLostWrite(file, writers), ["written", "written"])
    },
    60_000
  )

  vitestIt(
    "a process that cannot get the write lock within its busy timeout says so and writes nothing",
    async () => {
      const file = await seededFile()
      const holder = startWriter({
        file,
        year: 2070,
        count: 2_000,
        importId: "houder",
        busyTimeoutMs: 20_000,
        barrier: true,
        split: 1_000,
        holdUntilRelease: true
      })
      const impatient = startWriter({
        file,
        year: 2080,
        count: 2_000,
        importId: "ongeduldig",
        busyTimeoutMs: 200,
        barrier: true
      })
      await Promise.all([holder.waitFor("ready"), impatient.waitFor("ready")])
      holder.send("go")
      await holder.waitFor("transaction open")
      impatient.send("go")
      // The holder keeps its transaction open until the impatient one gave up.
      await impatient.exited
      holder.send("release")
      assert.deepStrictEqual(await assertNoLostWrite(file, [holder, impatient]), ["written", "busy"])
    },
    60_000
  )
})
