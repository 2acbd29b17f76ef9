/**
 * Adds up the vitest JSON reports (`<package>/.vitest/report.json`, written by the shared config in
 * tooling/vitest) of every workspace package and prints the totals as the very last line:
 * `N passed, N failed` (`, N skipped` when tests were skipped or todo).
 *
 * Exits non-zero when turbo failed (`--turbo-exit <code>`, passed by tooling/test.sh), when a test failed,
 * when a test file failed to load or its setup failed (counted as one failed test), or when a package with a
 * `test` script left no report. Runs on Node >= 22.19 as is (type stripping): `node tooling/test-summary.ts`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"

interface Report {
  readonly numPassedTests: number
  readonly numFailedTests: number
  readonly numPendingTests: number
  readonly numTodoTests: number
  readonly success: boolean
  readonly testResults: ReadonlyArray<{
    readonly name: string
    readonly status: string
    readonly message: string
    readonly assertionResults: ReadonlyArray<{ readonly status: string }>
  }>
}

interface Package {
  readonly name: string
  readonly dir: string
  readonly hasTestScript: boolean
}

const repo = join(import.meta.dirname, "..")
const workspaceGroups = ["packages", "apps", "tooling"]

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"))

const packages = (): ReadonlyArray<Package> =>
  workspaceGroups.flatMap((group) => {
    const groupDir = join(repo, group)
    if (!existsSync(groupDir)) return []
    return readdirSync(groupDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(groupDir, entry.name, "package.json")))
      .map((entry) => {
        const dir = join(groupDir, entry.name)
        const manifest = readJson(join(dir, "package.json")) as {
          name?: string
          scripts?: Record<string, string>
        }
        return {
          name: manifest.name ?? relative(repo, dir),
          dir,
          hasTestScript: typeof manifest.scripts?.test === "string"
        }
      })
      .sort((a, b) => a.name.localeCompare(b.name))
  })

const turboExit = (): number => {
  const i = process.argv.indexOf("--turbo-exit")
  return i === -1 ? 0 : Number(process.argv[i + 1] ?? "0")
}

const countLabel = (passed: number, failed: number, skipped: number): string =>
  `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`

const firstLine = (text: string): string => text.split("\n").find((line) => line.trim() !== "") ?? ""

let passed = 0
let failed = 0
let skipped = 0
const rows: Array<[string, string]> = []
const problems: Array<string> = []

for (const pkg of packages()) {
  const reportFile = join(pkg.dir, ".vitest/report.json")
  if (!existsSync(reportFile)) {
    if (pkg.hasTestScript) {
      rows.push([pkg.name, "no report"])
      problems.push(
        `${pkg.name}: has a test script but wrote no ${relative(repo, reportFile)} (see its output above)`
      )
    }
    continue
  }
  let report: Report
  try {
    report = readJson(reportFile) as Report
  } catch (error) {
    rows.push([pkg.name, "unreadable report"])
    problems.push(`${pkg.name}: cannot read ${relative(repo, reportFile)}: ${String(error)}`)
    continue
  }
  // A test file that failed to load, or whose beforeAll failed, has no failed test of its own.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed")
  )
  const p = report.numPassedTests
  const f = report.numFailedTests + brokenFiles.length
  const s = report.numPendingTests + report.numTodoTests
  passed += p
  failed += f
  skipped += s
  rows.push([pkg.name, `${countLabel(p, f, s)}${report.testResults.length === 0 ? " (no test files)" : ""}`])
  for (const file of brokenFiles) {
    problems.push(`${pkg.name}: ${relative(pkg.dir, file.name)} did not run: ${firstLine(file.message)}`)
  }
  if (!report.success && f === 0) {
    problems.push(`${pkg.name}: vitest reported a failure (see its output above)`)
  }
}

const turbo = turboExit()
if (turbo !== 0) problems.push(`turbo run failed (exit ${turbo}): see the "Failed:" line of its output above`)

const width = Math.max(0, ...rows.map(([name]) => name.length))
const lines = ["", "Test summary", ...rows.map(([name, text]) => `  ${name.padEnd(width)}  ${text}`)]
if (problems.length > 0) lines.push("Problems:", ...problems.map((problem) => `  - ${problem}`))
lines.push(countLabel(passed, failed, skipped))
console.log(lines.join("\n"))

process.exitCode = turbo !== 0 || failed > 0 || problems.length > 0 ? 1 : 0
