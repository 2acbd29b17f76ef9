/**
 * Store benchmark: police registrations in an embedded SQLite file, against hand-written `node:sqlite` floors
 * measured in the same run. Machines are shared and noisy, so the figures that count are the ratios of the
 * medians, not the milliseconds. Goals: dvcc ≤ 3× the floor for each part; the process exits 1 when a goal
 * is missed.
 *
 * 1. insert: 200,000 registrations (the 38 gemeenten of the bundled region × 12 delict types × months from
 *    2000-01, deterministic) through `Registrations.record` (provenance, idempotent upsert, audit) into a fresh
 *    database seeded with the bundled dataset — against prepared single-row INSERTs of the same rows in one
 *    transaction through `DatabaseSync`, into an identical fresh database. Creating and seeding are not timed.
 * 2. informatiebeeld: GM0344 Utrecht, 2030-Q2, over those 200,000 registrations. dvcc reads exactly the
 *    registrations the picture needs with one `Registrations.forInformatiebeeld({ regio, gebied, periode })`
 *    (the quarter's periods for every gemeente, the previous quarter and a year earlier for Utrecht only) and
 *    computes `Informatiebeeld.make` — against one hand-written SQL aggregate per question (sums per gemeente
 *    and delict for the quarter, sums of the gemeente for the previous quarter and a year earlier) plus a few
 *    lines of JavaScript for share and rank. For information: `Registrations.list({ periode })` per period the
 *    picture can use (what callers did before) and `Registrations.list()` of all registrations, each +
 *    `Informatiebeeld.make`; and dvcc's reading and computing apart.
 *
 * 3. the same two on PostgreSQL, reported after them: a throw-away cluster (`startPostgres`), dvcc through
 *    `Database.layer({ _tag: "Postgres", url })`; the insert floor is raw `pg` with multi-row INSERTs of the same
 *    rows in one transaction, the informatiebeeld floor the same two SQL
 *    aggregates written for PostgreSQL (each row's JSON parsed once). Skipped with a message when PostgreSQL is
 *    not installed, or with `BENCH_POSTGRES=0`.
 *
 * Run from the repository root: `pnpm --filter @dvcc/bench bench:store`.
 * `BENCH_RUNS=5` changes the number of measured insert samples per side (default 3); `BENCH_READ_RUNS` the
 * number of informatiebeeld samples (default 5).
 */
import { deepStrictEqual } from "node:assert"
import { mkdtempSync, rmSync } from "node:fs"
import { availableParallelism, cpus, tmpdir } from "node:os"
import { join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import { Geography, Informatiebeeld, Money, Periode, Registration } from "@dvcc/core"
import { dataset, regio } from "@dvcc/midden-nederland"
import { SqliteClient } from "@dvcc/sql-sqlite-node"
import { Database, ProgramStore, Registrations } from "@dvcc/store"
import { postgresAvailability, startPostgres } from "@dvcc/testing-postgres"
import { Effect, Layer, ManagedRuntime, Redacted, Schema } from "effect"
import { connect, type PgClient, type PgQuery } from "./pg.ts"

const GOAL = 3
const INSERT_WARMUP = 1
const INSERT_RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3))
const READ_WARMUP = 1
const READ_RUNS = Math.max(1, Number(process.env.BENCH_READ_RUNS ?? 5))
const ROWS = 200_000
const START_YEAR = 2000
const GEMEENTE = "GM0344" as Geography.CbsCode
const PERIODE = Periode.kwartaal(2030, 2)
const SAMPLE_MS = 200

// --- data (not measured) -----------------------------------------------------------------------------------

const gemeenten = regio.gemeenten.map((g) => g.code)
const delicten = Registration.Delict.literals
const perMonth = gemeenten.length * delicten.length

/** A small deterministic PRNG (mulberry32), so the figures do not follow the row index too plainly. */
const prng = (seed: number) => {
  let a = seed >>> 0
  return (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** `count` monthly registrations from January of `START_YEAR`: every gemeente and delict of a month first. */
const generate = (count: number, seed: number): Array<Registration.Registration> => {
  const random = prng(seed)
  const rows: Array<Registration.Registration> = []
  for (let i = 0; i < count; i++) {
    const month = Math.floor(i / perMonth)
    const within = i % perMonth
    const code = gemeenten[Math.floor(within / delicten.length)]
    const delict = delicten[within % delicten.length]
    if (code === undefined || delict === undefined) throw new Error("unreachable")
    const r = random()
    rows.push({
      periode: Periode.maand(START_YEAR + Math.floor(month / 12), (month % 12) + 1),
      gebied: { niveau: "gemeente", code },
      delict,
      aangiften: Math.floor(random() * 500),
      // 2% of the months have no meldingen and 2% no damage: unknown, never 0.
      meldingen: r < 0.02 ? null : Math.floor(random() * 200),
      slachtoffers: Math.floor(random() * 400),
      schade: r > 0.98 ? null : Money.cents(Math.floor(random() * 50_000_000)),
      ...(i % 10 === 0 ? { kwalificaties: { aangiften: "ruim" as const } } : {}),
      herkomst: {
        document: "politie-registraties-bench.xlsx",
        sectie: `blad ${START_YEAR + Math.floor(month / 12)}`
      }
    })
  }
  return rows
}

const setupStart = performance.now()
const SEED = 20_240_501
const rows = generate(ROWS, SEED)
// The rows are built as decoded values; a sample goes through the schema from JSON to prove the shape.
{
  const decode = Schema.decodeUnknownSync(Registration.Registration)
  const sampler = prng(7)
  for (let n = 0; n < 1_000; n++) {
    const row = rows[Math.floor(sampler() * rows.length)]
    deepStrictEqual(decode(JSON.parse(JSON.stringify(row))), row)
  }
}
const provenance: Registrations.Provenance = {
  importId: "bench-import",
  file: "politie-registraties-bench.xlsx",
  sheet: "alle jaren",
  rowOf: (index) => index + 2,
  actor: "bench"
}
const setupMs = performance.now() - setupStart
const cli = { actor: "bench", source: "cli" }
const folder = mkdtempSync(join(tmpdir(), "dvcc-store-bench-"))
let files = 0
const newFile = (): string => join(folder, `dvcc-${++files}.sqlite`)
const removeFile = (file: string): void => {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true })
}

const storeLayer = (file: string) =>
  Layer.mergeAll(ProgramStore.ProgramStore.layer, Registrations.Registrations.layer).pipe(
    Layer.provideMerge(SqliteClient.layer({ filename: file }))
  )

/** A new database file with the bundled dataset in it, through dvcc (not timed). */
const seededFile = async (): Promise<string> => {
  const file = newFile()
  await Effect.runPromise(
    Effect.gen(function* () {
      const store = yield* ProgramStore.ProgramStore
      yield* store.seed(dataset, cli)
    }).pipe(Effect.provide(storeLayer(file)))
  )
  return file
}

// --- 1. insert -------------------------------------------------------------------------------------------

/** dvcc: one `record` call with all rows on a fresh seeded file; returns ms and keeps or removes the file. */
const insertDvcc = async (): Promise<{ ms: number; file: string }> => {
  const file = await seededFile()
  const { ms, report } = await Effect.runPromise(
    Effect.gen(function* () {
      const registrations = yield* Registrations.Registrations
      const start = performance.now()
      const report = yield* registrations.record(rows, provenance)
      return { ms: performance.now() - start, report }
    }).pipe(Effect.provide(storeLayer(file)))
  )
  deepStrictEqual(report, { inserted: ROWS, updated: 0, unchanged: 0 })
  return { ms, file }
}

/** The floor: prepared single-row INSERTs in one transaction, through `DatabaseSync`, as a hand-written importer. */
const insertFloor = async (): Promise<{ ms: number; file: string }> => {
  const file = await seededFile()
  const db = new DatabaseSync(file, { timeout: 5_000 })
  // As the dvcc client opens the file.
  db.exec("PRAGMA foreign_keys = ON")
  db.exec("PRAGMA journal_mode = WAL")
  const insert = db.prepare(
    "INSERT INTO registraties (periode, gebied, delict, data, version, source) VALUES (?, ?, ?, ?, ?, ?)"
  )
  const base = { importId: provenance.importId, file: provenance.file, sheet: provenance.sheet }
  const start = performance.now()
  db.exec("BEGIN IMMEDIATE")
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Registration.Registration
    insert.run(
      row.periode,
      JSON.stringify(row.gebied),
      row.delict,
      JSON.stringify(row),
      1,
      JSON.stringify({ ...base, row: i + 2 })
    )
  }
  db.exec("COMMIT")
  const ms = performance.now() - start
  db.close()
  return { ms, file }
}

/** Both files hold the same registrations: counts, and a sample of rows compared as JSON values. */
const sameRegistrations = (a: string, b: string): void => {
  const da = new DatabaseSync(a, { readOnly: true })
  const db = new DatabaseSync(b, { readOnly: true })
  const count = (d: DatabaseSync) => Number(d.prepare("SELECT COUNT(*) AS n FROM registraties").get()?.n)
  deepStrictEqual(count(da), ROWS + dataset.registraties.length)
  deepStrictEqual(count(db), count(da))
  const read = (d: DatabaseSync) =>
    d.prepare("SELECT data, source FROM registraties WHERE periode = ? AND gebied = ? AND delict = ?")
  const [ra, rb] = [read(da), read(db)]
  const sampler = prng(11)
  for (let n = 0; n < 1_000; n++) {
    const i = Math.floor(sampler() * rows.length)
    const row = rows[i] as Registration.Registration
    const key = [row.periode, JSON.stringify(row.gebied), row.delict] as const
    const [x, y] = [ra.get(...key), rb.get(...key)]
    deepStrictEqual(JSON.parse(String(x?.data)), JSON.parse(String(y?.data)))
    deepStrictEqual(JSON.parse(String(x?.source)), JSON.parse(String(y?.source)))
  }
  da.close()
  db.close()
}

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

const insertTimes = { dvcc: [] as Array<number>, floor: [] as Array<number> }
let readFile: string | undefined
for (let round = 0; round < INSERT_WARMUP + INSERT_RUNS; round++) {
  // Alternate the order so neither side always runs first.
  const order = round % 2 === 0 ? (["dvcc", "floor"] as const) : (["floor", "dvcc"] as const)
  const made: Record<string, string> = {}
  for (const side of order) {
    const { ms, file } = side === "dvcc" ? await insertDvcc() : await insertFloor()
    made[side] = file
    if (round >= INSERT_WARMUP) insertTimes[side].push(ms)
  }
  sameRegistrations(made.dvcc as string, made.floor as string)
  removeFile(made.floor as string)
  if (readFile !== undefined) removeFile(readFile)
  readFile = made.dvcc as string
}
if (readFile === undefined) throw new Error("no database")
// The inserted rows are not needed any more: the read part should not pay for collecting a heap that holds
// 200,000 registrations neither side reads.
rows.length = 0

// --- 2. informatiebeeld ------------------------------------------------------------------------------------

const gebied: Geography.Gebied = { niveau: "gemeente", code: GEMEENTE }
const vorige = Periode.vorige(PERIODE)
const jaarEerder = Periode.jaarEerder(PERIODE)
const reeksbreuken = dataset.reeksbreuken
// Every period the picture can use: the period, the one before and a year earlier, each with its months,
// quarters and year (a registration of the year makes its delict type count as registered).
const perioden = [
  ...new Set(
    [PERIODE, vorige, jaarEerder].flatMap((p) => [
      p,
      ...Periode.maandenIn(p),
      ...Periode.kwartalenIn(p),
      Periode.jaar(Periode.jaarVan(p))
    ])
  )
]

const runtime = ManagedRuntime.make(storeLayer(readFile))

/** dvcc: one read of exactly the rows the picture needs, then the picture. */
const dvccNeeded = Effect.gen(function* () {
  const registrations = yield* Registrations.Registrations
  const registraties = yield* registrations.forInformatiebeeld({ regio, gebied, periode: PERIODE })
  return Informatiebeeld.make({ regio, registraties, reeksbreuken, gebied, periode: PERIODE })
})

const readNeeded = Effect.gen(function* () {
  const registrations = yield* Registrations.Registrations
  return yield* registrations.forInformatiebeeld({ regio, gebied, periode: PERIODE })
})

/** For information: what a caller did before `forInformatiebeeld`, one `list({ periode })` per period. */
const dvccFiltered = Effect.gen(function* () {
  const registrations = yield* Registrations.Registrations
  const registraties: Array<Registration.Registration> = []
  for (const periode of perioden) registraties.push(...(yield* registrations.list({ periode })))
  return Informatiebeeld.make({ regio, registraties, reeksbreuken, gebied, periode: PERIODE })
})

const dvccAll = Effect.gen(function* () {
  const registrations = yield* Registrations.Registrations
  const registraties = yield* registrations.list()
  return Informatiebeeld.make({ regio, registraties, reeksbreuken, gebied, periode: PERIODE })
})

// The floor: SQL sums over the JSON column; a sum with an unknown part, or a quarter missing a month, is null.
const floorDb = new DatabaseSync(readFile, { readOnly: true })
const sums = ["aangiften", "meldingen", "slachtoffers", "schade"]
  .map(
    (m) =>
      `CASE WHEN COUNT(json_extract(data, '$.${m}')) = 3 THEN SUM(json_extract(data, '$.${m}')) END AS ${m}`
  )
  .join(", ")
const [m1, m2, m3] = Periode.maandenIn(PERIODE)
const current = floorDb.prepare(
  `SELECT json_extract(gebied, '$.code') AS code, delict, ${sums} FROM registraties
   WHERE periode IN (?, ?, ?) AND json_extract(gebied, '$.niveau') = 'gemeente' GROUP BY gebied, delict`
)
const bases = floorDb.prepare(
  `SELECT delict, periode IN (?, ?, ?) AS vorige, ${sums} FROM registraties
   WHERE gebied = ? AND periode IN (?, ?, ?, ?, ?, ?) GROUP BY delict, 2`
)
const gebiedColumn = JSON.stringify(Schema.encodeSync(Geography.Gebied)(gebied))
const vorigeMaanden = Periode.maandenIn(vorige)
const eerdereMaanden = Periode.maandenIn(jaarEerder)

type Maat = "aangiften" | "meldingen" | "slachtoffers" | "schade"
type Sums = Record<Maat, number | null>
interface FloorDelict {
  readonly delict: string
  readonly huidig: Sums
  readonly vorig: Sums | undefined
  readonly eerder: Sums | undefined
  readonly aandeel: Record<Maat, number | null>
  readonly rang: number | null
}

const asSums = (row: Record<string, unknown>): Sums => ({
  aangiften: row.aangiften as number | null,
  meldingen: row.meldingen as number | null,
  slachtoffers: row.slachtoffers as number | null,
  schade: row.schade as number | null
})

/** The floor's JavaScript: regional totals, shares and rank from the rows of the two SQL aggregates. */
const floorFrom = (
  currentRows: ReadonlyArray<Record<string, unknown>>,
  baseRows: ReadonlyArray<Record<string, unknown>>
): ReadonlyArray<FloorDelict> => {
  const perDelict = new Map<string, Map<string, Sums>>()
  for (const row of currentRows) {
    const delict = String(row.delict)
    let units = perDelict.get(delict)
    if (units === undefined) {
      units = new Map()
      perDelict.set(delict, units)
    }
    units.set(String(row.code), asSums(row))
  }
  const own = new Map<string, { vorig?: Sums; eerder?: Sums }>()
  for (const row of baseRows) {
    const entry = own.get(String(row.delict)) ?? {}
    if (Number(row.vorige) === 1) entry.vorig = asSums(row)
    else entry.eerder = asSums(row)
    own.set(String(row.delict), entry)
  }
  const out: Array<FloorDelict> = []
  for (const [delict, units] of perDelict) {
    const huidig = units.get(GEMEENTE) ?? {
      aangiften: null,
      meldingen: null,
      slachtoffers: null,
      schade: null
    }
    const all = gemeenten.map((code) => ({ code, sums: units.get(code) }))
    const total = (m: Maat): number | null => {
      let t = 0
      for (const u of all) {
        const v = u.sums?.[m]
        if (v === null || v === undefined) return null
        t += v
      }
      return t
    }
    const share = (m: Maat): number | null => {
      const t = total(m)
      const v = huidig[m]
      return v !== null && t !== null && t > 0 ? (v / t) * 100 : null
    }
    const known = (m: Maat) => all.every((u) => u.sums !== undefined && u.sums[m] !== null)
    const op: Maat | undefined = known("slachtoffers")
      ? "slachtoffers"
      : known("aangiften")
        ? "aangiften"
        : undefined
    let rang: number | null = null
    if (op !== undefined) {
      const ander: Maat = op === "slachtoffers" ? "aangiften" : "slachtoffers"
      const key = (s: Sums | undefined, m: Maat) => s?.[m] ?? -1
      const sorted = [...all].sort(
        (a, b) =>
          key(b.sums, op) - key(a.sums, op) ||
          key(b.sums, ander) - key(a.sums, ander) ||
          key(b.sums, "schade") - key(a.sums, "schade") ||
          (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
      )
      rang = sorted.findIndex((u) => u.code === GEMEENTE) + 1
    }
    out.push({
      delict,
      huidig,
      vorig: own.get(delict)?.vorig,
      eerder: own.get(delict)?.eerder,
      aandeel: {
        aangiften: share("aangiften"),
        meldingen: share("meldingen"),
        slachtoffers: share("slachtoffers"),
        schade: share("schade")
      },
      rang
    })
  }
  return out
}

const floor = (): ReadonlyArray<FloorDelict> =>
  floorFrom(
    current.all(m1 ?? "", m2 ?? "", m3 ?? ""),
    bases.all(...vorigeMaanden, gebiedColumn, ...vorigeMaanden, ...eerdereMaanden)
  )

const maten: ReadonlyArray<Maat> = ["aangiften", "meldingen", "slachtoffers", "schade"]
const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))

/** The key numbers per delict must agree: sums, the bases of both comparisons, shares and rank. */
const check = (name: string, beeld: Informatiebeeld.Informatiebeeld, f: ReadonlyArray<FloorDelict>) => {
  const problems: Array<string> = []
  if (beeld.delicten.length !== f.length)
    problems.push(`${beeld.delicten.length} delict types, the floor ${f.length}`)
  for (const d of beeld.delicten) {
    const x = f.find((e) => e.delict === d.delict)
    if (x === undefined) {
      problems.push(`${d.delict}: not in the floor`)
      continue
    }
    for (const m of maten) {
      const pairs: Array<[string, number | null, number | null]> = [
        ["waarde", d[m].waarde, x.huidig[m]],
        ["vorige", d[m].tovVorige.basis, x.vorig?.[m] ?? null],
        ["jaar eerder", d[m].tovJaarEerder.basis, x.eerder?.[m] ?? null],
        ["aandeel", d[m].aandeelRegio, x.aandeel[m]]
      ]
      for (const [what, a, b] of pairs)
        if (!close(a, b)) problems.push(`${d.delict} ${m} ${what}: dvcc ${a}, floor ${b}`)
    }
    if ((d.rang?.positie ?? null) !== x.rang)
      problems.push(`${d.delict} rang: dvcc ${d.rang?.positie}, floor ${x.rang}`)
  }
  if (problems.length > 0) {
    console.error(`FAIL: ${name} and the floor disagree on ${problems.length} numbers, e.g.:`)
    for (const line of problems.slice(0, 10)) console.error(`  ${line}`)
    process.exit(2)
  }
}

// Once: the needed rows and the period filter give exactly the picture of reading everything, and all
// agree with the floor.
const floorResult = floor()
const neededBeeld = await runtime.runPromise(dvccNeeded)
const filteredBeeld = await runtime.runPromise(dvccFiltered)
const allBeeld = await runtime.runPromise(dvccAll)
deepStrictEqual(neededBeeld, allBeeld)
deepStrictEqual(filteredBeeld, allBeeld)
check("dvcc", neededBeeld, floorResult)
const filteredRows = await runtime.runPromise(
  Effect.gen(function* () {
    const registrations = yield* Registrations.Registrations
    let n = 0
    for (const periode of perioden) n += (yield* registrations.list({ periode })).length
    return n
  })
)

// For information, dvcc's two steps apart: reading (forInformatiebeeld) and computing (make on those rows).
const neededRegistraties = await runtime.runPromise(readNeeded)
const makeOnly = () =>
  Informatiebeeld.make({ regio, registraties: neededRegistraties, reeksbreuken, gebied, periode: PERIODE })

const readSides = ["floor", "dvcc", "dvccPeriods", "dvccAll", "read", "make"] as const
type ReadSide = (typeof readSides)[number]
const readTimes: Record<ReadSide, Array<number>> = {
  floor: [],
  dvcc: [],
  dvccPeriods: [],
  dvccAll: [],
  read: [],
  make: []
}
const repetitions: Record<ReadSide, number> = {
  floor: 1,
  dvcc: 1,
  dvccPeriods: 1,
  dvccAll: 1,
  read: 1,
  make: 1
}

// A sample repeats a side until it has run for about SAMPLE_MS and reports the time per repetition.
const readSample = async (side: ReadSide): Promise<number> => {
  const n = repetitions[side]
  const start = performance.now()
  for (let r = 0; r < n; r++) {
    if (side === "floor") check("floor", neededBeeld, floor())
    else if (side === "read") await runtime.runPromise(readNeeded)
    else if (side === "make") makeOnly()
    else {
      const beeld = await runtime.runPromise(
        side === "dvcc" ? dvccNeeded : side === "dvccPeriods" ? dvccFiltered : dvccAll
      )
      if (r === n - 1) check(side, beeld, floorResult)
    }
  }
  return (performance.now() - start) / n
}

for (let round = 0; round < READ_WARMUP + READ_RUNS; round++) {
  const order = round % 2 === 0 ? readSides : [...readSides].reverse()
  for (const side of order) {
    const ms = await readSample(side)
    if (round === READ_WARMUP - 1) repetitions[side] = Math.max(1, Math.ceil(SAMPLE_MS / ms))
    if (round >= READ_WARMUP) readTimes[side].push(ms)
  }
}
floorDb.close()
await runtime.dispose()
rmSync(folder, { recursive: true, force: true })

// --- report ------------------------------------------------------------------------------------------------

const fixed = (n: number, digits = 1) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })
const thousands = (n: number) => n.toLocaleString("en-US")

const insertFloorMs = median(insertTimes.floor)
const insertDvccMs = median(insertTimes.dvcc)
const insertRatio = insertDvccMs / insertFloorMs
const readFloorMs = median(readTimes.floor)
const readDvccMs = median(readTimes.dvcc)
const readRatio = readDvccMs / readFloorMs

const header = `${"side".padEnd(66)}${"median ms".padStart(11)}${"min ms".padStart(10)}${"× floor".padStart(9)}`
const line = (label: string, xs: ReadonlyArray<number>, floorMs: number, extra = "") =>
  `${label.padEnd(66)}${fixed(median(xs), 2).padStart(11)}${fixed(Math.min(...xs), 2).padStart(10)}${fixed(median(xs) / floorMs).padStart(9)}${extra}`

const out: Array<string> = [
  `store benchmark: SQLite files in ${tmpdir()}; ${thousands(ROWS)} registrations = ${gemeenten.length} gemeenten × ${delicten.length} delict types × months from ${START_YEAR}-01`,
  `  ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${availableParallelism()} cpus (${cpus()[0]?.model.trim() ?? "unknown"})`,
  `  setup ${fixed(setupMs, 0)} ms (data, not measured)`,
  "",
  `1. insert ${thousands(ROWS)} registrations into a fresh seeded database (${INSERT_WARMUP} warm-up, ${INSERT_RUNS} samples per side, alternating)`,
  header,
  line("floor: DatabaseSync prepared single-row INSERTs, one transaction", insertTimes.floor, insertFloorMs),
  line("dvcc: Registrations.record (provenance, upsert, audit)", insertTimes.dvcc, insertFloorMs),
  `  samples ms: floor ${insertTimes.floor.map((t) => fixed(t, 0)).join("  ")}; dvcc ${insertTimes.dvcc.map((t) => fixed(t, 0)).join("  ")}`,
  `  rows per second: floor ${thousands(Math.round(ROWS / (insertFloorMs / 1000)))}, dvcc ${thousands(Math.round(ROWS / (insertDvccMs / 1000)))}`,
  "",
  `2. informatiebeeld ${GEMEENTE} ${PERIODE} over ${thousands(ROWS)} registrations (${READ_WARMUP} warm-up, ${READ_RUNS} samples per side, alternating)`,
  `  dvcc reads ${thousands(neededRegistraties.length)} rows from Registrations.forInformatiebeeld; the period filter read ${thousands(filteredRows)} rows of ${perioden.length} periods`,
  header,
  line(
    "floor: SQL sums per gemeente × delict + share/rank in JS",
    readTimes.floor,
    readFloorMs,
    `  ×${repetitions.floor}`
  ),
  line(
    "dvcc: Registrations.forInformatiebeeld + Informatiebeeld.make",
    readTimes.dvcc,
    readFloorMs,
    `  ×${repetitions.dvcc}`
  ),
  line(
    "info: Registrations.list({ periode }) × n + Informatiebeeld.make",
    readTimes.dvccPeriods,
    readFloorMs,
    `  ×${repetitions.dvccPeriods}`
  ),
  line(
    "info: Registrations.list() of all + Informatiebeeld.make",
    readTimes.dvccAll,
    readFloorMs,
    `  ×${repetitions.dvccAll}`
  ),
  line(
    "info: the dvcc row's reading alone (forInformatiebeeld)",
    readTimes.read,
    readFloorMs,
    `  ×${repetitions.read}`
  ),
  line(
    "info: the dvcc row's computing alone (Informatiebeeld.make)",
    readTimes.make,
    readFloorMs,
    `  ×${repetitions.make}`
  ),
  `  samples ms: ${readSides.map((s) => `${s} ${readTimes[s].map((t) => fixed(t, 2)).join("  ")}`).join("; ")}`,
  `  agreement: ${floorResult.length} delict types × 4 measures (sum, previous, year earlier, share) + rank, every sample`,
  ""
]
const insertMet = insertRatio <= GOAL
const readMet = readRatio <= GOAL
out.push(
  `goal 1 (insert): dvcc ≤ ${GOAL}× floor — measured ${fixed(insertRatio)}× — ${insertMet ? "met" : "NOT MET"}`,
  `goal 2 (informatiebeeld): dvcc ≤ ${GOAL}× floor — measured ${fixed(readRatio)}× — ${readMet ? "met" : "NOT MET"}`
)
console.log(out.join("\n"))
if (!insertMet || !readMet) process.exitCode = 1

// --- 3. the same two on PostgreSQL -------------------------------------------------------------------------

/** The PostgreSQL part: the same rows and picture on a throw-away cluster; returns whether both goals were met. */
const onPostgres = async (): Promise<boolean> => {
  const cluster = await startPostgres({ database: "dvcc_bench" })
  const urlOf = (name: string) => cluster.url.replace("/dvcc_bench?", `/${name}?`)
  const admin = await connect(cluster.url)
  try {
    const pgSetupStart = performance.now()
    const pgRows = generate(ROWS, SEED)
    const pgSetupMs = performance.now() - pgSetupStart
    const pgLayer = (url: string) =>
      Registrations.Registrations.layer.pipe(
        Layer.provideMerge(Database.layer({ _tag: "Postgres", url: Redacted.make(url) }))
      )
    let databases = 0
    /** A new database in the cluster with the bundled dataset in it, through dvcc (not timed). */
    const seededDatabase = async (): Promise<string> => {
      const name = `bench_${++databases}`
      await admin.query(`CREATE DATABASE ${name}`)
      await Effect.runPromise(
        Effect.gen(function* () {
          const store = yield* ProgramStore.ProgramStore
          yield* store.seed(dataset, cli)
        }).pipe(Effect.provide(pgLayer(urlOf(name))))
      )
      return name
    }
    const drop = (name: string) => admin.query(`DROP DATABASE ${name}`)

    const insertDvccPg = async (): Promise<{ ms: number; name: string }> => {
      const name = await seededDatabase()
      const { ms, report } = await Effect.runPromise(
        Effect.gen(function* () {
          const registrations = yield* Registrations.Registrations
          const start = performance.now()
          const report = yield* registrations.record(pgRows, provenance)
          return { ms: performance.now() - start, report }
        }).pipe(Effect.provide(pgLayer(urlOf(name))))
      )
      deepStrictEqual(report, { inserted: ROWS, updated: 0, unchanged: 0 })
      return { ms, name }
    }

    // The floor: multi-row INSERTs of PG_CHUNK rows (6 parameters a row) in one transaction, through `pg`.
    const PG_CHUNK = 1_000
    const insertFloorPg = async (): Promise<{ ms: number; name: string }> => {
      const name = await seededDatabase()
      const client = await connect(urlOf(name))
      const statement = (n: number) =>
        `INSERT INTO registraties (periode, gebied, delict, data, version, source) VALUES ${Array.from(
          { length: n },
          (_, r) => `(${[1, 2, 3, 4, 5, 6].map((c) => `$${r * 6 + c}`).join(", ")})`
        ).join(", ")}`
      const base = { importId: provenance.importId, file: provenance.file, sheet: provenance.sheet }
      const start = performance.now()
      await client.query("BEGIN")
      for (let from = 0; from < pgRows.length; from += PG_CHUNK) {
        const to = Math.min(pgRows.length, from + PG_CHUNK)
        const values: Array<unknown> = []
        for (let i = from; i < to; i++) {
          const row = pgRows[i] as Registration.Registration
          values.push(
            row.periode,
            JSON.stringify(row.gebied),
            row.delict,
            JSON.stringify(row),
            1,
            JSON.stringify({ ...base, row: i + 2 })
          )
        }
        await client.query({ name: `insert_${to - from}`, text: statement(to - from), values })
      }
      await client.query("COMMIT")
      const ms = performance.now() - start
      await client.end()
      return { ms, name }
    }

    /** Both databases hold the same registrations: counts, and a sample of rows compared as JSON values. */
    const samePg = async (a: string, b: string): Promise<void> => {
      const [ca, cb] = [await connect(urlOf(a)), await connect(urlOf(b))]
      const count = async (c: PgClient) =>
        Number((await c.query("SELECT COUNT(*) AS n FROM registraties")).rows[0]?.n)
      deepStrictEqual(await count(ca), ROWS + dataset.registraties.length)
      deepStrictEqual(await count(cb), await count(ca))
      const sampler = prng(11)
      for (let n = 0; n < 1_000; n++) {
        const row = pgRows[Math.floor(sampler() * pgRows.length)] as Registration.Registration
        const query: PgQuery = {
          name: "sample",
          text: "SELECT data, source FROM registraties WHERE periode = $1 AND gebied = $2 AND delict = $3",
          values: [row.periode, JSON.stringify(row.gebied), row.delict]
        }
        const [x, y] = [(await ca.query(query)).rows[0], (await cb.query(query)).rows[0]]
        deepStrictEqual(JSON.parse(String(x?.data)), JSON.parse(String(y?.data)))
        deepStrictEqual(JSON.parse(String(x?.source)), JSON.parse(String(y?.source)))
      }
      await ca.end()
      await cb.end()
    }

    const pgInsertTimes = { dvcc: [] as Array<number>, floor: [] as Array<number> }
    let readDb: string | undefined
    for (let round = 0; round < INSERT_WARMUP + INSERT_RUNS; round++) {
      const order = round % 2 === 0 ? (["dvcc", "floor"] as const) : (["floor", "dvcc"] as const)
      const made: Record<string, string> = {}
      for (const side of order) {
        const { ms, name } = side === "dvcc" ? await insertDvccPg() : await insertFloorPg()
        made[side] = name
        if (round >= INSERT_WARMUP) pgInsertTimes[side].push(ms)
      }
      await samePg(made.dvcc as string, made.floor as string)
      await drop(made.floor as string)
      if (readDb !== undefined) await drop(readDb)
      readDb = made.dvcc as string
    }
    if (readDb === undefined) throw new Error("no database")
    pgRows.length = 0
    // As after a bulk load in production: fresh statistics for the planner (autovacuum would do it later).
    {
      const c = await connect(urlOf(readDb))
      await c.query("ANALYZE")
      await c.end()
    }

    // The read: the same picture through dvcc on PostgreSQL, against the same SQL aggregates in PostgreSQL.
    const pgRuntime = ManagedRuntime.make(pgLayer(urlOf(readDb)))
    const floorClient = await connect(urlOf(readDb))
    // Each row's JSON is parsed once (`jsonb_to_record`), as a hand-written query would: `data::jsonb ->> …`
    // per measure parses it eight times and made this floor about twice as slow.
    const numbers = maten.map((m) => `${m} double precision`).join(", ")
    const fromRows = `registraties CROSS JOIN LATERAL jsonb_to_record(data::jsonb) AS x(${numbers})`
    const pgSums = maten.map((m) => `CASE WHEN COUNT(x.${m}) = 3 THEN SUM(x.${m}) END AS ${m}`).join(", ")
    const pgCurrent: PgQuery = {
      name: "current",
      text: `SELECT gebied::jsonb ->> 'code' AS code, delict, ${pgSums} FROM ${fromRows}
       WHERE periode IN ($1, $2, $3) AND gebied::jsonb ->> 'niveau' = 'gemeente' GROUP BY gebied, delict`,
      values: [m1, m2, m3]
    }
    const pgBases: PgQuery = {
      name: "bases",
      text: `SELECT delict, periode IN ($1, $2, $3) AS vorige, ${pgSums} FROM ${fromRows}
       WHERE gebied = $4 AND periode IN ($5, $6, $7, $8, $9, $10) GROUP BY delict, 2`,
      values: [...vorigeMaanden, gebiedColumn, ...vorigeMaanden, ...eerdereMaanden]
    }
    const floorPg = async () =>
      floorFrom((await floorClient.query(pgCurrent)).rows, (await floorClient.query(pgBases)).rows)

    // Once: the picture on PostgreSQL is the picture on SQLite, and agrees with the PostgreSQL floor.
    const pgFloorResult = await floorPg()
    const pgBeeld = await pgRuntime.runPromise(dvccNeeded)
    deepStrictEqual(pgBeeld, neededBeeld)
    check("dvcc on PostgreSQL", pgBeeld, pgFloorResult)
    const pgNeededRows = (await pgRuntime.runPromise(readNeeded)).length

    const pgSides = ["floor", "dvcc", "read"] as const
    type PgSide = (typeof pgSides)[number]
    const pgReadTimes: Record<PgSide, Array<number>> = { floor: [], dvcc: [], read: [] }
    const pgRepetitions: Record<PgSide, number> = { floor: 1, dvcc: 1, read: 1 }
    const pgSample = async (side: PgSide): Promise<number> => {
      const n = pgRepetitions[side]
      const start = performance.now()
      for (let r = 0; r < n; r++) {
        if (side === "floor") check("floor on PostgreSQL", pgBeeld, await floorPg())
        else if (side === "read") await pgRuntime.runPromise(readNeeded)
        else {
          const beeld = await pgRuntime.runPromise(dvccNeeded)
          if (r === n - 1) check("dvcc on PostgreSQL", beeld, pgFloorResult)
        }
      }
      return (performance.now() - start) / n
    }
    for (let round = 0; round < READ_WARMUP + READ_RUNS; round++) {
      const order = round % 2 === 0 ? pgSides : [...pgSides].reverse()
      for (const side of order) {
        const ms = await pgSample(side)
        if (round === READ_WARMUP - 1) pgRepetitions[side] = Math.max(1, Math.ceil(SAMPLE_MS / ms))
        if (round >= READ_WARMUP) pgReadTimes[side].push(ms)
      }
    }
    await floorClient.end()
    await pgRuntime.dispose()

    const pgInsertFloorMs = median(pgInsertTimes.floor)
    const pgInsertDvccMs = median(pgInsertTimes.dvcc)
    const pgInsertRatio = pgInsertDvccMs / pgInsertFloorMs
    const pgReadFloorMs = median(pgReadTimes.floor)
    const pgReadRatio = median(pgReadTimes.dvcc) / pgReadFloorMs
    const version = String((await admin.query("SHOW server_version")).rows[0]?.server_version ?? "?")
    const insertOk = pgInsertRatio <= GOAL
    const readOk = pgReadRatio <= GOAL
    console.log(
      [
        "",
        `PostgreSQL ${version}: a throw-away cluster (startPostgres: unix socket, fsync off), a fresh database per sample; the same ${thousands(ROWS)} rows`,
        `  setup ${fixed(pgSetupMs, 0)} ms (data again, not measured); pg loaded from @dvcc/testing-postgres`,
        "",
        `1. insert on PostgreSQL (${INSERT_WARMUP} warm-up, ${INSERT_RUNS} samples per side, alternating)`,
        header,
        line(
          `floor: pg multi-row INSERTs of ${thousands(PG_CHUNK)} rows, one transaction`,
          pgInsertTimes.floor,
          pgInsertFloorMs
        ),
        line("dvcc: Registrations.record (provenance, upsert, audit)", pgInsertTimes.dvcc, pgInsertFloorMs),
        `  samples ms: floor ${pgInsertTimes.floor.map((t) => fixed(t, 0)).join("  ")}; dvcc ${pgInsertTimes.dvcc.map((t) => fixed(t, 0)).join("  ")}`,
        `  rows per second: floor ${thousands(Math.round(ROWS / (pgInsertFloorMs / 1000)))}, dvcc ${thousands(Math.round(ROWS / (pgInsertDvccMs / 1000)))}`,
        "",
        `2. informatiebeeld ${GEMEENTE} ${PERIODE} on PostgreSQL (${READ_WARMUP} warm-up, ${READ_RUNS} samples per side, alternating; after ANALYZE)`,
        `  dvcc reads ${thousands(pgNeededRows)} rows from Registrations.forInformatiebeeld; the picture equals the SQLite one`,
        header,
        line(
          "floor: the same SQL sums in PostgreSQL (jsonb) + share/rank in JS",
          pgReadTimes.floor,
          pgReadFloorMs,
          `  ×${pgRepetitions.floor}`
        ),
        line(
          "dvcc: Registrations.forInformatiebeeld + Informatiebeeld.make",
          pgReadTimes.dvcc,
          pgReadFloorMs,
          `  ×${pgRepetitions.dvcc}`
        ),
        line(
          "info: the dvcc row's reading alone (forInformatiebeeld)",
          pgReadTimes.read,
          pgReadFloorMs,
          `  ×${pgRepetitions.read}`
        ),
        `  samples ms: ${pgSides.map((s) => `${s} ${pgReadTimes[s].map((t) => fixed(t, 2)).join("  ")}`).join("; ")}`,
        "",
        `goal 1 on PostgreSQL (insert): dvcc ≤ ${GOAL}× floor — measured ${fixed(pgInsertRatio)}× — ${insertOk ? "met" : "NOT MET"}`,
        `goal 2 on PostgreSQL (informatiebeeld): dvcc ≤ ${GOAL}× floor — measured ${fixed(pgReadRatio)}× — ${readOk ? "met" : "NOT MET"}`
      ].join("\n")
    )
    await drop(readDb)
    return insertOk && readOk
  } finally {
    await admin.end()
    await cluster.stop()
  }
}

const availability = postgresAvailability()
if (process.env.BENCH_POSTGRES === "0") console.log("\nPostgreSQL: skipped (BENCH_POSTGRES=0)")
else if (!availability.available)
  console.log(`\nPostgreSQL: skipped, PostgreSQL is not installed here (${availability.reason})`)
else if (!(await onPostgres())) process.exitCode = 1
