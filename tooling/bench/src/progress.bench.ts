/**
 * Progress benchmark: dvcc's progress for 342 gemeenten × 50 indicators × 60 months (1,026,000
 * measurements) plus a roll-up per gemeente, against a plain-loop floor that computes the same statuses from
 * the same Measurement objects in the same run. Machines are shared and noisy, so the figure that counts is
 * the ratio of the medians, not the milliseconds. Goal: dvcc ≤ 3× the floor; the process exits 1 when the
 * goal is missed. A second loop over typed arrays shows, for information, what the arithmetic alone costs
 * once nothing is read from objects.
 *
 * Run from the repository root: `pnpm bench` (or `bash tooling/run.sh pnpm bench`).
 * `BENCH_RUNS=9 pnpm bench` changes the number of measured runs per side (default 5).
 */
import { deepStrictEqual } from "node:assert"
import { availableParallelism, cpus } from "node:os"
import { Din, Geography, Indicator, Measurement, Progress, Rollup } from "@dvcc/core"
import { Schema } from "effect"
import type { BenchData } from "./data.ts"
import {
  GEMEENTEN,
  generate,
  INDICATOREN,
  JAARPLAN,
  MAANDEN,
  PEILDATUM,
  prng,
  rawIndicatoren,
  rawProgram,
  rawRegio
} from "./data.ts"
import { rollupWidth, runFloor, runObjectLoop, STATUS, type StatusName } from "./floor.ts"

const GOAL = 3
const WARMUP = 2
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5))
const SEED = 20_231_101

// --- setup (not measured) ------------------------------------------------------------------------------

const setupStart = performance.now()
const random = prng(SEED)
const regio = Schema.decodeUnknownSync(Geography.Regio)(rawRegio())
const program = Schema.decodeUnknownSync(Din.Din)(rawProgram())
const indicatoren = rawIndicatoren(random).map((i) => Schema.decodeUnknownSync(Indicator.Indicator)(i))
const data: BenchData = generate(regio, program, indicatoren, random)
const pairs = GEMEENTEN * INDICATOREN

// The measurements are built as decoded values (decoding a million rows is not what is measured); a sample
// goes through the schema from JSON to prove the shape is what decoding would give.
{
  const decode = Schema.decodeUnknownSync(Measurement.Measurement)
  const sampler = prng(SEED + 1)
  const sample = [0, pairs - 1, ...Array.from({ length: 1000 }, () => Math.floor(sampler() * pairs))]
  for (const p of sample) {
    const list = data.perPair[p] ?? []
    const m = list[Math.floor(sampler() * list.length)]
    deepStrictEqual(decode(JSON.parse(JSON.stringify(m))), m)
  }
}
const setupMs = performance.now() - setupStart

// --- the two sides -------------------------------------------------------------------------------------

const context: Progress.Context = { peildatum: PEILDATUM, regio }

interface DvccResult {
  readonly progress: ReadonlyArray<Progress.Progress>
  readonly rollups: ReadonlyArray<Rollup.ProgrammaVoortgang>
}

/** dvcc as a caller uses it per gemeente: `Progress.evaluate` per indicator, then `Rollup.rollUp`. */
const runDvcc = (): DvccResult => {
  const progress: Array<Progress.Progress> = []
  const rollups: Array<Rollup.ProgrammaVoortgang> = []
  for (let g = 0; g < GEMEENTEN; g++) {
    const own: Array<Progress.Progress> = []
    for (let i = 0; i < INDICATOREN; i++) {
      const p = Progress.evaluate(
        indicatoren[i] as Indicator.Indicator,
        data.perPair[g * INDICATOREN + i] ?? [],
        context
      )
      own.push(p)
      progress.push(p)
    }
    rollups.push(Rollup.rollUp(program, JAARPLAN, PEILDATUM, own))
  }
  return { progress, rollups }
}

/** For information: `Progress.evaluateAll` on each gemeente's unsorted measurements (core groups them). */
const runDvccAll = (): DvccResult => {
  const progress: Array<Progress.Progress> = []
  const rollups: Array<Rollup.ProgrammaVoortgang> = []
  for (let g = 0; g < GEMEENTEN; g++) {
    const own = Progress.evaluateAll(indicatoren, data.perGemeente[g] ?? [], context)
    progress.push(...own)
    rollups.push(Rollup.rollUp(program, JAARPLAN, PEILDATUM, own))
  }
  return { progress, rollups }
}

const width = rollupWidth(data.floor)
// The floor's verdicts once, to check every run of either side against.
const floorStatuses = new Uint8Array(pairs)
const floorRollup = new Uint8Array(GEMEENTEN * width)
const floorGemeten = new Uint16Array(GEMEENTEN * width)
runFloor(data.floor, floorStatuses, floorRollup, floorGemeten)
const runStatuses = new Uint8Array(pairs)
const runRollup = new Uint8Array(GEMEENTEN * width)
const runGemeten = new Uint16Array(GEMEENTEN * width)
const floor = (): void => runFloor(data.floor, runStatuses, runRollup, runGemeten)
const objectLoop = (): void =>
  runObjectLoop(data.floor, indicatoren, data.perPair, PEILDATUM, runStatuses, runRollup, runGemeten)

// --- agreement: every status must match ----------------------------------------------------------------

const code = (s: Progress.Status): number => STATUS.indexOf(s as StatusName)
const batenIndex = new Map(program.baten.map((b, i) => [b.id as string, i]))
const doelenIndex = new Map<string, number>(program.doelen.map((d, i) => [d.id, i]))

const check = (name: string, result: DvccResult): void => {
  const problems: Array<string> = []
  result.progress.forEach((p, n) => {
    if (code(p.status) !== floorStatuses[n]) {
      const g = Math.floor(n / INDICATOREN)
      problems.push(
        `${regio.gemeenten[g]?.code} ${p.indicator}: dvcc ${p.status}, floor ${STATUS[floorStatuses[n] ?? 0]} — ${p.uitleg}`
      )
    }
  })
  result.rollups.forEach((r, g) => {
    const base = g * width
    const nodes: Array<[string, Progress.Status, number, number]> = [
      ...r.doelen.flatMap((d) =>
        d.baten.map((b): [string, Progress.Status, number, number] => [
          b.baat,
          b.status,
          b.gemeten,
          batenIndex.get(b.baat) ?? -1
        ])
      ),
      ...r.doelen.map((d): [string, Progress.Status, number, number] => [
        d.doel,
        d.status,
        d.gemeten,
        program.baten.length + (doelenIndex.get(d.doel) ?? -1)
      ]),
      ["programma", r.status, r.gemeten, width - 1]
    ]
    for (const [node, status, gemeten, slot] of nodes) {
      if (slot < 0 || code(status) !== floorRollup[base + slot] || gemeten !== floorGemeten[base + slot]) {
        problems.push(
          `${regio.gemeenten[g]?.code} ${node}: dvcc ${status} (${gemeten} gemeten), floor ${STATUS[floorRollup[base + slot] ?? 0]} (${floorGemeten[base + slot]} gemeten)`
        )
      }
    }
  })
  if (result.progress.length !== pairs || result.rollups.length !== GEMEENTEN) {
    problems.push(
      `${name}: ${result.progress.length} verdicts and ${result.rollups.length} roll-ups, expected ${pairs} and ${GEMEENTEN}`
    )
  }
  if (problems.length > 0) {
    console.error(`FAIL: ${name} and the floor disagree on ${problems.length} statuses, e.g.:`)
    for (const line of problems.slice(0, 10)) console.error(`  ${line}`)
    process.exit(2)
  }
}

// --- measure ---------------------------------------------------------------------------------------------

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i])

const time = (f: () => void): number => {
  const start = performance.now()
  f()
  return performance.now() - start
}

const sides = ["arrays", "dvcc", "floor", "dvccAll"] as const
type Side = (typeof sides)[number]
const times: Record<Side, Array<number>> = { arrays: [], dvcc: [], floor: [], dvccAll: [] }

// A sample repeats a side back to back until it has run for about SAMPLE_MS and reports the time per
// repetition, so one preemption on a busy machine cannot decide a sample of a side that takes milliseconds.
// The number of repetitions is fixed per side from the warm-up; both sides follow the same policy.
const SAMPLE_MS = 200
const repetitions: Record<Side, number> = { arrays: 1, dvcc: 1, floor: 1, dvccAll: 1 }

const sample = (side: Side): number => {
  const n = repetitions[side]
  if (side === "arrays" || side === "floor") {
    const run = side === "arrays" ? floor : objectLoop
    runStatuses.fill(0)
    runRollup.fill(0)
    runGemeten.fill(0)
    const ms = time(() => {
      for (let r = 0; r < n; r++) run()
    })
    if (
      !sameBytes(runStatuses, floorStatuses) ||
      !sameBytes(runRollup, floorRollup) ||
      !runGemeten.every((x, i) => x === floorGemeten[i])
    ) {
      console.error(
        `FAIL: ${side === "arrays" ? "the typed-array loop is not deterministic" : "the object loop and the typed-array loop disagree"}`
      )
      process.exit(2)
    }
    return ms / n
  }
  let result: DvccResult | undefined
  const ms = time(() => {
    for (let r = 0; r < n; r++) result = side === "dvcc" ? runDvcc() : runDvccAll()
  })
  if (result === undefined) throw new Error("no result")
  check(side, result)
  return ms / n
}

for (let round = 0; round < WARMUP + RUNS; round++) {
  // Alternate the order so no side always runs on a freshly collected (or a full) heap.
  const order = round % 2 === 0 ? sides : [...sides].reverse()
  for (const side of order) {
    const ms = sample(side)
    if (round === WARMUP - 1) repetitions[side] = Math.max(1, Math.ceil(SAMPLE_MS / ms))
    if (round >= WARMUP) times[side].push(ms)
  }
}

// --- report ----------------------------------------------------------------------------------------------

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

// The floor reads the same objects dvcc reads; the typed-array loop is information only.
const floorMs = median(times.floor)
const dvccMs = median(times.dvcc)
const ratio = dvccMs / floorMs
const fixed = (n: number, digits = 1) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })

const distribution = new Map<string, number>()
for (const s of floorStatuses)
  distribution.set(STATUS[s] ?? "?", (distribution.get(STATUS[s] ?? "?") ?? 0) + 1)
const programmaStatus = new Map<string, number>()
for (let g = 0; g < GEMEENTEN; g++) {
  const s = STATUS[floorRollup[g * width + width - 1] ?? 0] ?? "?"
  programmaStatus.set(s, (programmaStatus.get(s) ?? 0) + 1)
}

const labels: Record<Side, string> = {
  arrays: "info: plain loops over typed arrays",
  dvcc: "dvcc: Progress.evaluate + Rollup.rollUp",
  floor: "floor: plain loops over the Measurement objects",
  dvccAll: "info: Progress.evaluateAll + Rollup.rollUp"
}
const table = (["floor", "dvcc", "arrays", "dvccAll"] as const).map((side) => {
  const med = median(times[side])
  return { side, med, min: Math.min(...times[side]), ratio: med / floorMs }
})

const out: Array<string> = []
out.push(
  `progress benchmark: ${GEMEENTEN} gemeenten × ${INDICATOREN} indicators × ${MAANDEN} months = ${data.measurements.toLocaleString("en-US")} measurements`,
  `  per run ${pairs.toLocaleString("en-US")} traject verdicts and ${GEMEENTEN} roll-ups; peildatum ${PEILDATUM}; seed ${SEED}`,
  `  ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${availableParallelism()} cpus (${cpus()[0]?.model.trim() ?? "unknown"})`,
  `  setup ${fixed(setupMs, 0)} ms (not measured); ${WARMUP} warm-up rounds, then ${RUNS} samples per side, sides alternating`,
  "",
  `${"side".padEnd(50)}${"median ms".padStart(11)}${"min ms".padStart(10)}${"× floor".padStart(9)}${"reps".padStart(6)}`
)
for (const row of table) {
  out.push(
    `${labels[row.side].padEnd(50)}${fixed(row.med, 2).padStart(11)}${fixed(row.min, 2).padStart(10)}${fixed(row.ratio).padStart(9)}${String(repetitions[row.side]).padStart(6)}`
  )
}
out.push("", "samples (ms per repetition):")
for (const side of sides) out.push(`  ${side.padEnd(8)} ${times[side].map((t) => fixed(t, 2)).join("  ")}`)
out.push(
  `statuses (every side agrees on all of them): ${[...distribution].map(([s, n]) => `${s} ${n}`).join(", ")}`,
  `programme status per gemeente: ${[...programmaStatus].map(([s, n]) => `${s} ${n}`).join(", ")}`
)
const met = ratio <= GOAL
out.push("", `goal: dvcc ≤ ${GOAL}× floor — measured ${fixed(ratio)}× — ${met ? "met" : "NOT MET"}`)
console.log(out.join("\n"))
if (!met) process.exitCode = 1
