/**
 * Report benchmark: `dvcc report informatiebeeld --all` for the 38 gemeenten of the bundled region, as a
 * user runs it (the real binary, a SQLite database), in HTML and with PDF. Goals from issue 8: HTML under
 * 20 s, with PDF under 90 s; the process exits 1 when a goal is missed. The HTML set is the public one
 * (`--publiek`, issue 14): its disclosure control over the whole data set is part of the time.
 *
 * Data: the bundled dataset plus the report tests' fictitious registrations (38 gemeenten × 12 quarters ×
 * 8 delict types, 3,648 rows) and activities, seeded before anything is timed. Machines are shared, so the
 * run also measures a floor: `dvcc report terugblik --jaar 2025` on the same database (process start,
 * loading the whole dataset, computing progress, writing Markdown), which every run of a command pays once. The table shows each side as a
 * multiple of that floor.
 *
 * Run from the repository root: `pnpm --filter @dvcc/bench bench:report`. `BENCH_RUNS` sets the number of
 * HTML samples (default 3); the PDF run is made once (`BENCH_PDF_RUNS` for more).
 */
import { execFile } from "node:child_process"
import { mkdtempSync, readdirSync, rmSync } from "node:fs"
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { seedReportDatabase } from "../../../apps/cli/test/reportData.ts"

const HTML_GOAL_MS = 20_000
const PDF_GOAL_MS = 90_000
const HTML_RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3))
const PDF_RUNS = Math.max(1, Number(process.env.BENCH_PDF_RUNS ?? 1))

const bin = fileURLToPath(new URL("../../../apps/cli/src/bin.ts", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "dvcc-report-bench-"))
const db = join(dir, "dvcc.sqlite")
const { DATABASE_URL: _postgres, ...environment } = process.env

const dvcc = async (...args: Array<string>): Promise<number> => {
  const start = performance.now()
  await promisify(execFile)(process.execPath, [bin, "--db", db, ...args], {
    env: { ...environment, NO_COLOR: "1" },
    maxBuffer: 64 * 1024 * 1024
  })
  return performance.now() - start
}

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2
}

await seedReportDatabase(db)
await dvcc("report", "terugblik", "--jaar", "2025", "--as-of", "2025-12-31") // warm-up: the file cache and the first load

const floor: Array<number> = []
const html: Array<number> = []
const pdf: Array<number> = []
for (let i = 0; i < HTML_RUNS; i++) {
  floor.push(await dvcc("report", "terugblik", "--jaar", "2025", "--as-of", "2025-12-31"))
  const out = join(dir, `html-${i}`)
  html.push(
    await dvcc("report", "informatiebeeld", "--all", "--periode", "2025-Q3", "--publiek", "--out-dir", out)
  )
  const files = readdirSync(out).filter((f) => f.endsWith(".html")).length
  if (files !== 40) throw new Error(`expected 40 HTML files, found ${files}`)
}
for (let i = 0; i < PDF_RUNS; i++) {
  const out = join(dir, `pdf-${i}`)
  pdf.push(
    await dvcc("report", "informatiebeeld", "--all", "--periode", "2025-Q3", "--out-dir", out, "--pdf")
  )
  const files = readdirSync(out).filter((f) => f.endsWith(".pdf")).length
  if (files !== 39) throw new Error(`expected 39 PDF files, found ${files}`)
}
rmSync(dir, { recursive: true, force: true })

const f = median(floor)
const rows: Array<readonly [string, number, number, string]> = [
  ["floor: dvcc report terugblik --jaar 2025", f, Math.min(...floor), "—"],
  [
    "report --all --publiek, HTML (38 + overzicht + index)",
    median(html),
    Math.min(...html),
    `< ${HTML_GOAL_MS / 1000} s`
  ],
  ["report --all --pdf (HTML + 39 PDF)", median(pdf), Math.min(...pdf), `< ${PDF_GOAL_MS / 1000} s`]
]
const fmt = (ms: number) => (ms / 1000).toFixed(2)
const out = [
  `machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
  `samples: HTML ${HTML_RUNS}, PDF ${PDF_RUNS}`,
  "",
  "| side | median s | min s | × floor | goal |",
  "| --- | ---: | ---: | ---: | --- |",
  ...rows.map(
    ([name, med, min, goal]) => `| ${name} | ${fmt(med)} | ${fmt(min)} | ${(med / f).toFixed(1)} | ${goal} |`
  )
]
const htmlMet = median(html) < HTML_GOAL_MS
const pdfMet = median(pdf) < PDF_GOAL_MS
out.push("", `HTML: ${htmlMet ? "goal met" : "GOAL MISSED"}; PDF: ${pdfMet ? "goal met" : "GOAL MISSED"}`)
console.log(out.join("\n"))
if (!htmlMet || !pdfMet) process.exitCode = 1
