/**
 * Excel import benchmark: `dvcc import` of 200,000-row workbooks into SQLite (a Registraties sheet, an
 * Activiteiten sheet, and `grens`, the worst workbook the import limits let through), each against merely
 * reading the same file with exceljs's streaming reader (every row, every cell), measured in the same run.
 * Goals per workbook: import ≤ 2× the read (ratio of the medians) and the import's peak memory (max RSS of
 * its process) under 400 MB; and `grens` no more than 1.1× the Registraties import in time and memory. The
 * process exits 1 when a goal is missed.
 *
 * Each measured side runs in a fresh child process (`--side read|import`), so that its peak RSS is its own
 * and neither warms the other's caches. The workbook (written with exceljs's streaming writer) and the
 * seeded database (the bundled dataset) are made once and not timed; every import side starts from a copy
 * of that database. The import is the whole `Import.run`: file checks, sha256, reading by the contract,
 * validation, `Registrations.record` (`Activities.record`) with provenance and audit.
 *
 * The import side is `dvcc import` itself, started as users start it (the bin, with the node flags of its
 * `#!` line), under `/usr/bin/time` for its max RSS; `BENCH_NODE_FLAGS="…"` starts it as `node … bin.ts`
 * instead (empty: V8's defaults), `BENCH_IN_PROCESS=1` measures `Import.run` in a bench process as before.
 *
 * Run from the repository root: `pnpm --filter @dvcc/bench bench:excel-import`.
 * `BENCH_RUNS` sets the samples per side (default 3); `BENCH_ROWS` the number of rows (default 200,000);
 * `BENCH_KINDS` the workbooks (default `registraties,activiteiten,grens`);
 * `BENCH_WORKER=1` reads in a worker thread instead of the importing thread; `BENCH_DIR` keeps the workbook and
 * the seeded database in that folder; `BENCH_BATCH` sets `batchSize` (to profile one side by hand: `node --cpu-prof src/excel-import.bench.ts
 * --side import DIR/registraties.xlsx DIR/copy.sqlite`).
 */
import { execFileSync, spawnSync } from "node:child_process"
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs"
import { createRequire } from "node:module"
import { cpus, tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Registration } from "@dvcc/core"
// The importer is read from its source: the bench has no package dependency on @dvcc/excel.
import { Import } from "@dvcc/excel"
import { dataset, regio } from "@dvcc/midden-nederland"
import { Activities, Database, Gebieden, Measurements, ProgramStore, Registrations } from "@dvcc/store"
import { Effect, Layer } from "effect"

const GOAL = 2
const MEMORY_GOAL_MB = 400
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3))
const ROWS = Math.max(1, Number(process.env.BENCH_ROWS ?? 200_000))

interface StreamCell {
  readonly value: unknown
}
interface StreamRow {
  eachCell(callback: (cell: StreamCell, column: number) => void): void
}
interface ExcelJSStream {
  readonly stream: {
    readonly xlsx: {
      readonly WorkbookReader: new (
        input: string,
        options: Record<string, string>
      ) => AsyncIterable<AsyncIterable<StreamRow>>
      readonly WorkbookWriter: new (options: {
        readonly filename: string
        readonly useStyles?: boolean
        readonly useSharedStrings?: boolean
      }) => {
        addWorksheet(name: string): {
          addRow(values: ReadonlyArray<unknown>): { commit(): void }
          commit(): void
        }
        commit(): Promise<void>
      }
    }
  }
}

// exceljs as the importer uses it (the copy installed for @dvcc/excel).
const ExcelJS = createRequire(
  fileURLToPath(new URL("../../../packages/excel/package.json", import.meta.url))
)("exceljs") as ExcelJSStream

const storeLayer = (file: string) =>
  Layer.mergeAll(
    Registrations.Registrations.layer,
    Activities.Activities.layer,
    Measurements.Measurements.layer,
    Gebieden.Gebieden.layer
  ).pipe(Layer.provideMerge(Database.layer({ _tag: "Sqlite", file })))

// --- the sides, each in its own process ----------------------------------------------------------------------

const read = async (file: string): Promise<number> => {
  let cells = 0
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit"
  })
  for await (const sheet of reader) {
    for await (const row of sheet) {
      row.eachCell((cell) => {
        if (cell.value !== null) cells++
      })
    }
  }
  return cells
}

const importFile = async (file: string, db: string): Promise<number> => {
  const report = await Effect.runPromise(
    Import.run(
      { path: file },
      {
        actor: "bench",
        dataset,
        ...(process.env.BENCH_WORKER === undefined ? {} : { worker: process.env.BENCH_WORKER === "1" }),
        ...(process.env.BENCH_BATCH === undefined ? {} : { batchSize: Number(process.env.BENCH_BATCH) })
      }
    ).pipe(Effect.provide(storeLayer(db)))
  )
  if (report.status !== "imported" || report.problemCount > 0) {
    throw new Error(
      `import failed: ${report.status}, ${report.problemCount} problems: ${report.problems[0]?.message}`
    )
  }
  return report.sheets.reduce((n, s) => n + s.accepted, 0)
}

const side = process.argv[process.argv.indexOf("--side") + 1]
if (process.argv.includes("--side")) {
  const [file = "", db = ""] = process.argv.slice(process.argv.indexOf("--side") + 2)
  // The heap of this thread, sampled: where the peak RSS comes from (not the worker's heap, if any).
  let maxHeapMb = 0
  const sample = setInterval(() => {
    maxHeapMb = Math.max(maxHeapMb, process.memoryUsage().heapUsed / 1024 / 1024)
  }, 100)
  const start = performance.now()
  const count = side === "read" ? await read(file) : await importFile(file, db)
  const ms = performance.now() - start
  clearInterval(sample)
  const usage = process.resourceUsage()
  process.stdout.write(
    JSON.stringify({
      ms,
      cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      count,
      maxRssMb: usage.maxRSS / 1024,
      maxHeapMb
    })
  )
  process.exit(0)
}

// --- data (not measured) -------------------------------------------------------------------------------------

const keep = process.env.BENCH_DIR
if (keep !== undefined) mkdirSync(keep, { recursive: true })
const dir = keep ?? mkdtempSync(join(tmpdir(), "dvcc-bench-excel-"))
const seeded = join(dir, "seeded.sqlite")

/** The workbooks measured: one per sheet kind that grows large, and the worst one the limits let through. */
type Kind = "registraties" | "activiteiten" | "grens"
const kinds: ReadonlyArray<Kind> = (process.env.BENCH_KINDS?.split(",") as Array<Kind> | undefined) ?? [
  "registraties",
  "activiteiten",
  "grens"
]
const workbookFor = (kind: Kind) => join(dir, `${kind}.xlsx`)

const lcg = () => {
  let state = 42
  return (max: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state % max
  }
}

const writeRegistraties = async (file: string) => {
  const gemeenten = regio.gemeenten.map((g) => g.naam)
  const delicten = Registration.Delict.literals
  const perMonth = gemeenten.length * delicten.length
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true })
  const sheet = writer.addWorksheet("Registraties")
  sheet.addRow(["Politiecijfers (benchmark, fictief)"]).commit()
  sheet
    .addRow(["Periode", "Gemeente", "Delict", "Aangiften", "Meldingen", "Slachtoffers", "Schade (€)"])
    .commit()
  const random = lcg()
  for (let i = 0; i < ROWS; i++) {
    const month = Math.floor(i / perMonth)
    const within = i % perMonth
    const periode = `${2000 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`
    sheet
      .addRow([
        periode,
        gemeenten[Math.floor(within / delicten.length)],
        delicten[within % delicten.length],
        random(500),
        random(50) === 0 ? null : random(200),
        random(400),
        random(50) === 0 ? null : random(10_000_000) / 100
      ])
      .commit()
  }
  sheet.commit()
  await writer.commit()
}

const words = [
  "voorlichting",
  "phishing",
  "bibliotheek",
  "senioren",
  "wijkcentrum",
  "bankhelpdesk",
  "oplichting",
  "webinar"
]

/**
 * Activiteiten: 200,000 rows over the 38 gemeenten, the activity kinds and target groups, dates over
 * 2000–2027, a description of about 40 characters. `grens` is the worst workbook the limits let through:
 * the same rows with descriptions of 50 characters (10 million characters of free text, the limit) and a
 * column the contract does not know holding 150 characters of inline text per row (1.4 million cells,
 * about 95 MB of sheet XML: the cell and unpacked limits).
 */
const writeActiviteiten = async (file: string, worst: boolean) => {
  const gemeenten = regio.gemeenten.map((g) => g.naam)
  const soorten = [
    "Kennisbijeenkomst",
    "Huisbezoek",
    "Echt-Nep-bijeenkomst",
    "RIEC casus",
    "Communicatie-uiting"
  ]
  const doelgroepen = ["Senioren", "Jeugd", "MKB", "Inwoners", "Professionals"]
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: !worst })
  const sheet = writer.addWorksheet("Activiteiten")
  sheet
    .addRow([
      "Datum",
      "Gemeente",
      "Activiteit",
      "Actie",
      "Doelgroep",
      ...(worst ? ["Notitie"] : ["Bereik"]),
      "Omschrijving"
    ])
    .commit()
  const random = lcg()
  const filler = "x".repeat(140)
  for (let i = 0; i < ROWS; i++) {
    const day = i % 10_000
    const datum = new Date(Date.UTC(2000, 0, 1 + day))
    const text = `${words[random(8)]} ${words[random(8)]} ${i} ${words[random(8)]}`
    sheet
      .addRow([
        datum,
        gemeenten[random(gemeenten.length)],
        soorten[random(soorten.length)],
        random(20) + 1,
        doelgroepen[random(doelgroepen.length)],
        worst ? `${i} ${filler}` : random(400),
        worst ? text.padEnd(50, ".").slice(0, 50) : text
      ])
      .commit()
  }
  sheet.commit()
  await writer.commit()
}

const writeWorkbook = (kind: Kind) =>
  kind === "registraties"
    ? writeRegistraties(workbookFor(kind))
    : writeActiviteiten(workbookFor(kind), kind === "grens")

const seed = () =>
  Effect.runPromise(
    Effect.gen(function* () {
      const store = yield* ProgramStore.ProgramStore
      yield* store.seed(dataset, { actor: "bench", source: "bench" })
    }).pipe(Effect.provide(storeLayer(seeded)))
  )

/** The `dvcc` command as its package publishes it: the file itself, started by its `#!` line. */
const cliBin = fileURLToPath(new URL("../../../apps/cli/src/bin.ts", import.meta.url))

/**
 * `dvcc --db DB import FILE --json`, started as users start it (the bin's `#!` line, whose node flags the
 * `dvcc` script of the root package.json repeats), or with `BENCH_NODE_FLAGS` as `node FLAGS bin.ts`
 * (`BENCH_NODE_FLAGS=` for V8's defaults), under `/usr/bin/time` for the process's max RSS. Its time is
 * the whole command's: start-up, reading the programme from the database, the import.
 */
const runCli = (kind: Kind, run: number) => {
  const db = join(dir, `import-${kind}-${run}.sqlite`)
  copyFileSync(seeded, db)
  const flags = process.env.BENCH_NODE_FLAGS
  const command =
    flags === undefined ? [cliBin] : [process.execPath, ...flags.split(" ").filter((f) => f !== ""), cliBin]
  const start = performance.now()
  const result = spawnSync(
    "/usr/bin/time",
    ["-f", "%M %U %S", ...command, "--db", db, "import", workbookFor(kind), "--json"],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } }
  )
  const ms = performance.now() - start
  rmSync(db, { force: true })
  if (result.status !== 0)
    throw new Error(`dvcc import ${kind} failed (${result.status}): ${result.stderr.slice(-2000)}`)
  const report = JSON.parse(result.stdout) as {
    readonly sheets: ReadonlyArray<{ readonly accepted: number }>
  }
  const [maxRssKb = Number.NaN, user = Number.NaN, system = Number.NaN] = (
    result.stderr.trim().split("\n").at(-1) ?? ""
  )
    .split(" ")
    .map(Number)
  return {
    ms,
    count: report.sheets.reduce((n, s) => n + s.accepted, 0),
    cpuMs: (user + system) * 1000,
    maxRssMb: maxRssKb / 1024,
    maxHeapMb: Number.NaN
  }
}

const runSide = (name: "read" | "import", kind: Kind, run: number) => {
  if (name === "import" && process.env.BENCH_IN_PROCESS !== "1") return runCli(kind, run)
  const db = join(dir, `import-${kind}-${run}.sqlite`)
  if (name === "import") copyFileSync(seeded, db)
  const out = execFileSync(
    process.execPath,
    [fileURLToPath(import.meta.url), "--side", name, workbookFor(kind), db],
    {
      encoding: "utf8",
      maxBuffer: 1024 * 1024
    }
  )
  if (name === "import") rmSync(db, { force: true })
  return JSON.parse(out) as { ms: number; cpuMs: number; count: number; maxRssMb: number; maxHeapMb: number }
}

const median = (xs: ReadonlyArray<number>) => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

for (const kind of kinds) if (keep === undefined || !existsSync(workbookFor(kind))) await writeWorkbook(kind)
if (keep === undefined || !existsSync(seeded)) await seed()
process.stdout.write(
  `Excel import benchmark: ${ROWS.toLocaleString("en")} rows per workbook, ${RUNS} run(s) per side, ${cpus().length} CPU(s)\n`
)
const results = new Map<
  Kind,
  {
    readonly read: number
    readonly import: number
    readonly readCpu: number
    readonly importCpu: number
    readonly peakImport: number
    readonly peakRead: number
  }
>()
for (const kind of kinds) {
  const size = statSync(workbookFor(kind)).size
  process.stdout.write(`${kind}: ${(size / 1024 / 1024).toFixed(1)} MB xlsx\n`)
  const reads: Array<number> = []
  const imports: Array<number> = []
  const readCpus: Array<number> = []
  const importCpus: Array<number> = []
  let peakImport = 0
  let peakRead = 0
  for (let run = 0; run < RUNS; run++) {
    const r = runSide("read", kind, run)
    const i = runSide("import", kind, run)
    if (i.count !== ROWS) throw new Error(`${kind}: imported ${i.count} rows, expected ${ROWS}`)
    reads.push(r.ms)
    imports.push(i.ms)
    readCpus.push(r.cpuMs)
    importCpus.push(i.cpuMs)
    peakRead = Math.max(peakRead, r.maxRssMb)
    peakImport = Math.max(peakImport, i.maxRssMb)
    process.stdout.write(
      `  run ${run + 1}: read ${(r.ms / 1000).toFixed(2)} s (max RSS ${r.maxRssMb.toFixed(0)} MB, heap ${r.maxHeapMb.toFixed(0)} MB), import ${(i.ms / 1000).toFixed(2)} s (max RSS ${i.maxRssMb.toFixed(0)} MB${Number.isNaN(i.maxHeapMb) ? "" : `, heap ${i.maxHeapMb.toFixed(0)} MB`}), ratio ${(i.ms / r.ms).toFixed(2)}×; CPU read ${(r.cpuMs / 1000).toFixed(2)} s, import ${(i.cpuMs / 1000).toFixed(2)} s, ratio ${(i.cpuMs / r.cpuMs).toFixed(2)}×\n`
    )
  }
  results.set(kind, {
    read: median(reads),
    import: median(imports),
    readCpu: median(readCpus),
    importCpu: median(importCpus),
    peakImport,
    peakRead
  })
}
if (keep === undefined) rmSync(dir, { recursive: true, force: true })
let missed = false
for (const [kind, r] of results) {
  const ratio = r.import / r.read
  process.stdout.write(
    [
      `${kind}: read (exceljs streaming reader) median ${(r.read / 1000).toFixed(2)} s, max RSS ${r.peakRead.toFixed(0)} MB; import median ${(r.import / 1000).toFixed(2)} s, max RSS ${r.peakImport.toFixed(0)} MB; ratio ${ratio.toFixed(2)}× (goal ≤ ${GOAL}×, memory < ${MEMORY_GOAL_MB} MB); CPU time median read ${(r.readCpu / 1000).toFixed(2)} s, import ${(r.importCpu / 1000).toFixed(2)} s, ratio ${(r.importCpu / r.readCpu).toFixed(2)}×`,
      ""
    ].join("\n")
  )
  if (ratio > GOAL || r.peakImport >= MEMORY_GOAL_MB) missed = true
}
const base = results.get("registraties")
const worst = results.get("grens")
if (base !== undefined && worst !== undefined) {
  // The worst workbook the limits let through may cost no more than the 200,000-row file; 10% for noise.
  const time = worst.import / base.import
  const memory = worst.peakImport / base.peakImport
  process.stdout.write(
    `grens / registraties: import time ${time.toFixed(2)}×, max RSS ${memory.toFixed(2)}× (goal ≤ 1.1× each)\n`
  )
  if (time > 1.1 || memory > 1.1) missed = true
}
if (missed) {
  process.stdout.write("GOAL MISSED\n")
  process.exit(1)
}
