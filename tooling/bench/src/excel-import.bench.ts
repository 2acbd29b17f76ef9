/**
 * Excel import benchmark: `dvcc import` of a 200,000-row Registraties sheet into SQLite, against merely
 * reading the same file with exceljs's streaming reader (every row, every cell), measured in the same run.
 * Goals: import ≤ 2× the read (ratio of the medians) and the import's peak memory (max RSS of its process)
 * under 400 MB; the process exits 1 when a goal is missed.
 *
 * Each measured side runs in a fresh child process (`--side read|import`), so that its peak RSS is its own
 * and neither warms the other's caches. The workbook (written with exceljs's streaming writer) and the
 * seeded database (the bundled dataset) are made once and not timed; every import side starts from a copy
 * of that database. The import is the whole `Import.run`: file checks, sha256, reading by the contract,
 * validation, `Registrations.record` with provenance and audit.
 *
 * Run from the repository root: `pnpm --filter @dvcc/bench bench:excel-import`.
 * `BENCH_RUNS` sets the samples per side (default 3); `BENCH_ROWS` the number of rows (default 200,000);
 * `BENCH_WORKER=1` reads in a worker thread instead of the importing thread; `BENCH_DIR` keeps the workbook and
 * the seeded database in that folder; `BENCH_BATCH` sets `batchSize` (to profile one side by hand: `node --cpu-prof src/excel-import.bench.ts
 * --side import DIR/registraties.xlsx DIR/copy.sqlite`).
 */
import { execFileSync } from "node:child_process"
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
  process.stdout.write(
    JSON.stringify({ ms, count, maxRssMb: process.resourceUsage().maxRSS / 1024, maxHeapMb })
  )
  process.exit(0)
}

// --- data (not measured) -------------------------------------------------------------------------------------

const keep = process.env.BENCH_DIR
if (keep !== undefined) mkdirSync(keep, { recursive: true })
const dir = keep ?? mkdtempSync(join(tmpdir(), "dvcc-bench-excel-"))
const workbookFile = join(dir, "registraties.xlsx")
const seeded = join(dir, "seeded.sqlite")

const writeWorkbook = async () => {
  const gemeenten = regio.gemeenten.map((g) => g.naam)
  const delicten = Registration.Delict.literals
  const perMonth = gemeenten.length * delicten.length
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: workbookFile, useSharedStrings: true })
  const sheet = writer.addWorksheet("Registraties")
  sheet.addRow(["Politiecijfers (benchmark, fictief)"]).commit()
  sheet
    .addRow(["Periode", "Gemeente", "Delict", "Aangiften", "Meldingen", "Slachtoffers", "Schade (€)"])
    .commit()
  let state = 42
  const random = (max: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state % max
  }
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

const seed = () =>
  Effect.runPromise(
    Effect.gen(function* () {
      const store = yield* ProgramStore.ProgramStore
      yield* store.seed(dataset, { actor: "bench", source: "bench" })
    }).pipe(Effect.provide(storeLayer(seeded)))
  )

const runSide = (name: "read" | "import", run: number) => {
  const db = join(dir, `import-${run}.sqlite`)
  if (name === "import") copyFileSync(seeded, db)
  const out = execFileSync(
    process.execPath,
    [fileURLToPath(import.meta.url), "--side", name, workbookFile, db],
    {
      encoding: "utf8",
      maxBuffer: 1024 * 1024
    }
  )
  if (name === "import") rmSync(db, { force: true })
  return JSON.parse(out) as { ms: number; count: number; maxRssMb: number; maxHeapMb: number }
}

const median = (xs: ReadonlyArray<number>) => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

if (keep === undefined || !existsSync(workbookFile)) await writeWorkbook()
if (keep === undefined || !existsSync(seeded)) await seed()
const size = statSync(workbookFile).size
process.stdout.write(
  `Excel import benchmark: ${ROWS.toLocaleString("en")} rows, ${(size / 1024 / 1024).toFixed(1)} MB xlsx, ${RUNS} run(s) per side, ${cpus().length} CPU(s)\n`
)
const reads: Array<number> = []
const imports: Array<number> = []
let peakImport = 0
let peakRead = 0
for (let run = 0; run < RUNS; run++) {
  const r = runSide("read", run)
  const i = runSide("import", run)
  if (i.count !== ROWS) throw new Error(`imported ${i.count} rows, expected ${ROWS}`)
  reads.push(r.ms)
  imports.push(i.ms)
  peakRead = Math.max(peakRead, r.maxRssMb)
  peakImport = Math.max(peakImport, i.maxRssMb)
  process.stdout.write(
    `  run ${run + 1}: read ${(r.ms / 1000).toFixed(2)} s (max RSS ${r.maxRssMb.toFixed(0)} MB, heap ${r.maxHeapMb.toFixed(0)} MB), import ${(i.ms / 1000).toFixed(2)} s (max RSS ${i.maxRssMb.toFixed(0)} MB, heap ${i.maxHeapMb.toFixed(0)} MB)\n`
  )
}
if (keep === undefined) rmSync(dir, { recursive: true, force: true })
const ratio = median(imports) / median(reads)
process.stdout.write(
  [
    `read (exceljs streaming reader): median ${(median(reads) / 1000).toFixed(2)} s, max RSS ${peakRead.toFixed(0)} MB`,
    `import (dvcc import into SQLite): median ${(median(imports) / 1000).toFixed(2)} s, max RSS ${peakImport.toFixed(0)} MB`,
    `ratio import / read: ${ratio.toFixed(2)}× (goal ≤ ${GOAL}×); peak memory goal < ${MEMORY_GOAL_MB} MB`,
    ""
  ].join("\n")
)
if (ratio > GOAL || peakImport >= MEMORY_GOAL_MB) {
  process.stdout.write("GOAL MISSED\n")
  process.exit(1)
}
