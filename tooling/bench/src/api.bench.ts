/**
 * API load benchmark: `GET /api/v1/voortgang` and `GET /api/v1/informatiebeeld/regio` of `dvcc serve`'s
 * app (bearer token of a gemeente, request log, limits, the whole middleware stack; a SQLite file with the
 * bundled data), each against a constant-JSON Hono route served by the same Node HTTP server code on
 * loopback and answering a body of the same size, measured in the same run with autocannon, 50
 * connections, bounded duration.
 * Goals (issue 6): ≥ 50% of the floor's requests/s and p99 ≤ 5× its p99; the process exits 1 when a goal is
 * missed.
 *
 * Run from the repository root: `pnpm --filter @dvcc/bench bench:api`.
 * `BENCH_SECONDS=20` changes the duration per side (default 10); `BENCH_CONNECTIONS` the connections (50).
 */
import { mkdtempSync } from "node:fs"
import { createRequire } from "node:module"
import { availableParallelism, cpus, tmpdir } from "node:os"
import { join } from "node:path"
import { App, Server } from "@dvcc/api"
import { Access } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { ProgramStore, Tokens } from "@dvcc/store"
import { Effect, ManagedRuntime } from "effect"
import { Hono } from "hono"

const SECONDS = Math.max(1, Number(process.env.BENCH_SECONDS ?? 10))
const CONNECTIONS = Math.max(1, Number(process.env.BENCH_CONNECTIONS ?? 50))
const RPS_GOAL = 0.5
const P99_GOAL = 5

interface Result {
  readonly requests: { readonly average: number }
  readonly latency: { readonly p50: number; readonly p99: number }
  readonly non2xx: number
  readonly errors: number
  readonly timeouts: number
}
type Autocannon = (options: {
  readonly url: string
  readonly connections: number
  readonly duration: number
  readonly headers?: Record<string, string>
}) => Promise<Result>

// autocannon ships no types.
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon

const file = join(mkdtempSync(join(tmpdir(), "dvcc-bench-api-")), "dvcc.sqlite")
const runtime = ManagedRuntime.make(App.services({ _tag: "Sqlite", file }))
const token = await runtime.runPromise(
  Effect.gen(function* () {
    yield* (yield* ProgramStore.ProgramStore).seed(dataset, { actor: "bench", source: "cli" })
    const created = yield* (yield* Tokens.Tokens).create(
      { naam: "bench", rol: "gemeente", scope: Access.parseScope("GM0344") },
      "bench"
    )
    return created.token
  })
)

// No request log on standard output (it would measure the terminal); a generous rate limit.
const app = App.createApp({ runtime, options: { log: () => {}, rateLimit: { limit: 10_000_000 } } })
const dvcc = await Server.listen(app, { port: 0, host: "127.0.0.1" })
const headers = { authorization: `Bearer ${token}` }
const load = (url: string, extra: Record<string, string> = {}) =>
  autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers: extra })
const line = (name: string, r: Result) =>
  `  ${name.padEnd(46)} ${r.requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(5)} ms   p99 ${String(r.latency.p99).padStart(5)} ms   non-2xx ${r.non2xx}, errors ${r.errors}`

console.log(
  `API load: ${CONNECTIONS} connections, ${SECONDS} s per side, loopback; ${availableParallelism()} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}`
)

/** One endpoint against a constant-JSON Hono route answering a body of the same size; true when both goals hold. */
const compare = async (path: string): Promise<boolean> => {
  const sample = await fetch(`${dvcc.url}${path}`, { headers })
  if (sample.status !== 200) throw new Error(`${path} antwoordde ${sample.status}`)
  const body = await sample.text()
  const constant = JSON.parse(body) as object
  const floorApp = new Hono().get("/constant", (c) => c.json(constant))
  const floor = await Server.listen(floorApp, { port: 0, host: "127.0.0.1" })
  // Warm both up, then measure the floor and dvcc one after the other.
  await load(`${floor.url}/constant`)
  await load(`${dvcc.url}${path}`, headers)
  const floorResult = await load(`${floor.url}/constant`)
  const dvccResult = await load(`${dvcc.url}${path}`, headers)
  await floor.close()
  const rps = dvccResult.requests.average / floorResult.requests.average
  const p99 = dvccResult.latency.p99 / Math.max(1, floorResult.latency.p99)
  const failed = dvccResult.non2xx + dvccResult.errors + floorResult.non2xx + floorResult.errors > 0
  console.log(
    [
      `GET ${path} (response body ${body.length} bytes)`,
      line("constant JSON (floor)", floorResult),
      line("dvcc", dvccResult),
      `  dvcc/floor: requests/s ${(rps * 100).toFixed(0)}% (goal ≥ ${RPS_GOAL * 100}%), p99 ${p99.toFixed(1)}× (goal ≤ ${P99_GOAL}×)${failed ? "; some requests failed" : ""}`
    ].join("\n")
  )
  return rps >= RPS_GOAL && p99 <= P99_GOAL && !failed
}

const voortgang = await compare("/api/v1/voortgang?asOf=2025-12-31")
// The bundled data holds regional registrations for 2024; a gemeente token gets them suppressed.
const beeld = await compare("/api/v1/informatiebeeld/regio?periode=2024")

await dvcc.close()
await runtime.dispose()
process.exitCode = voortgang && beeld ? 0 : 1
