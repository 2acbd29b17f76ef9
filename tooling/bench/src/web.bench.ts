/**
 * Web pages benchmark (issue 16): the Voortgang and Informatiebeeld pages of `dvcc serve`'s app against the
 * JSON endpoints that answer the same data, in the same run, on loopback, signed in as a programme user (a
 * session cookie for the pages, a programma token for the JSON; a SQLite file with the bundled data).
 *
 * - Server time: the median time of sequential requests on one connection, page against its JSON
 *   endpoint. Goal ≤ 2×.
 * - Load: 50 connections with autocannon on the page and on its JSON endpoint. Goal ≥ 50% of the
 *   endpoint's requests/s.
 * - Page weight: the HTML with its stylesheets (charts are inline SVG). Goal ≤ 200 KB uncompressed.
 * - First contentful paint in Debian's Chromium (navigation timing, median of several loads) against a
 *   static page of the same size, the page's own bytes served as a constant by the same server. Goal ≤ 2×.
 *   Skipped, saying so, without Chromium.
 *
 * The process exits 1 when a goal is missed.
 * Run from the repository root: `pnpm --filter @dvcc/bench bench:web`. `BENCH_SECONDS` (default 10) is the
 * autocannon duration per side, `BENCH_RUNS` (default 40) the sequential requests and `BENCH_PAINTS`
 * (default 9) the page loads per side.
 */
import { existsSync, mkdtempSync } from "node:fs"
import { createRequire } from "node:module"
import { availableParallelism, cpus, tmpdir } from "node:os"
import { join } from "node:path"
import { App, Server } from "@dvcc/api"
import { dataset } from "@dvcc/midden-nederland"
import { Pdf } from "@dvcc/report"
import { ProgramStore, Tokens, Users } from "@dvcc/store"
import { Effect, ManagedRuntime } from "effect"
import { Hono } from "hono"
import { chromium } from "playwright-core"

const SECONDS = Math.max(1, Number(process.env.BENCH_SECONDS ?? 10))
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 40))
const PAINTS = Math.max(3, Number(process.env.BENCH_PAINTS ?? 9))
const CONNECTIONS = 50
const GOALS = { serverTime: 2, rps: 0.5, weight: 200 * 1024, paint: 2 } as const

interface Result {
  readonly requests: { readonly average: number }
  readonly non2xx: number
  readonly errors: number
}
type Autocannon = (options: {
  readonly url: string
  readonly connections: number
  readonly duration: number
  readonly headers?: Record<string, string>
}) => Promise<Result>
// autocannon ships no types.
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon

const email = "bench@dvcc.test"
const password = "een lange zin als wachtwoord voor de benchmark"
const file = join(mkdtempSync(join(tmpdir(), "dvcc-bench-web-")), "dvcc.sqlite")
const runtime = ManagedRuntime.make(App.services({ _tag: "Sqlite", file }))
const token = await runtime.runPromise(
  Effect.gen(function* () {
    yield* (yield* ProgramStore.ProgramStore).seed(dataset, { actor: "bench", source: "cli" })
    yield* (yield* Users.Users).create({ email, rol: "programma", scope: null, password }, "bench")
    const created = yield* (yield* Tokens.Tokens).create(
      { naam: "bench", rol: "programma", scope: null },
      "bench"
    )
    return created.token
  })
)

// No request log (it would measure the terminal), a generous rate limit and sign-in limit.
const dvccApp = App.createApp({ runtime, options: { log: () => {}, rateLimit: { limit: 10_000_000 } } })
// The static page of the floor is served by the same server, beside dvcc's app.
const statics = new Map<string, string>()
const app = new Hono()
app.get("/static/:name", (c) => c.html(statics.get(c.req.param("name")) ?? ""))
app.route("/", dvccApp)
const server = await Server.listen(app, { port: 0, host: "127.0.0.1" })

/** Signs in as a browser does: the form's CSRF cookie and token, then the session cookie. */
const signIn = async (): Promise<string> => {
  const form = await fetch(`${server.url}/inloggen`)
  const csrfCookie = form.headers.getSetCookie().map((c) => c.split(";")[0])
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? ""
  const answer = await fetch(`${server.url}/inloggen`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie.join("; ") },
    body: new URLSearchParams({ _csrf: csrf, email, wachtwoord: password }).toString()
  })
  const cookies = answer.headers.getSetCookie().map((c) => c.split(";")[0] ?? "")
  if (answer.status !== 303 || cookies.length === 0) throw new Error(`Inloggen gaf ${answer.status}`)
  return cookies.join("; ")
}
const cookie = await signIn()
const pageHeaders = { cookie }
const jsonHeaders = { authorization: `Bearer ${token}` }

const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

/** The median time of `RUNS` sequential requests (after five to warm up), body read. */
const serverTime = async (path: string, headers: Record<string, string>): Promise<number> => {
  const times: Array<number> = []
  for (let i = 0; i < RUNS + 5; i++) {
    const start = performance.now()
    const response = await fetch(`${server.url}${path}`, { headers })
    if (response.status !== 200) throw new Error(`${path} antwoordde ${response.status}`)
    await response.arrayBuffer()
    if (i >= 5) times.push(performance.now() - start)
  }
  return median(times)
}

const load = (path: string, headers: Record<string, string>) =>
  autocannon({ url: `${server.url}${path}`, connections: CONNECTIONS, duration: SECONDS, headers })

const stylesheetsOf = (html: string): Array<string> =>
  [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1] ?? "")

/** The page's HTML and the stylesheets it links, in bytes. */
const weightOf = async (html: string): Promise<number> => {
  let bytes = Buffer.byteLength(html)
  for (const href of stylesheetsOf(html))
    bytes += (await (await fetch(`${server.url}${href}`, { headers: pageHeaders })).arrayBuffer()).byteLength
  return bytes
}

const browserPath = existsSync(Pdf.chromiumPad) ? Pdf.chromiumPad : undefined
const browser =
  browserPath === undefined
    ? undefined
    : await chromium.launch({ executablePath: browserPath, args: [...Pdf.chromiumArgs()] })
const context = await browser?.newContext()
await context?.addCookies(
  cookie.split("; ").map((pair) => {
    const [name = "", ...value] = pair.split("=")
    return { name, value: value.join("="), url: server.url }
  })
)

/** The median first contentful paint of `PAINTS` loads of `path`, in ms. */
const paint = async (path: string): Promise<number> => {
  if (context === undefined) return Number.NaN
  const page = await context.newPage()
  const times: Array<number> = []
  for (let i = 0; i < PAINTS + 1; i++) {
    await page.goto(`${server.url}${path}`, { waitUntil: "load" })
    const fcp = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const found = () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime
          const now = found()
          if (now !== undefined) return resolve(now)
          new PerformanceObserver(() => resolve(found() ?? Number.NaN)).observe({
            type: "paint" as never,
            buffered: true
          })
        })
    )
    if (i > 0) times.push(fcp)
  }
  await page.close()
  return median(times)
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`
const ms = (n: number) => `${n.toFixed(1)} ms`

console.log(
  `Web pages: ${RUNS} sequential requests, ${CONNECTIONS} connections for ${SECONDS} s per side, ${PAINTS} page loads; loopback; ${availableParallelism()} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}`
)

const compare = async (name: string, page: string, json: string): Promise<boolean> => {
  const html = await (await fetch(`${server.url}${page}`, { headers: pageHeaders })).text()
  const pageTime = await serverTime(page, pageHeaders)
  const jsonTime = await serverTime(json, jsonHeaders)
  await load(page, pageHeaders)
  await load(json, jsonHeaders)
  const pageLoad = await load(page, pageHeaders)
  const jsonLoad = await load(json, jsonHeaders)
  const weight = await weightOf(html)
  statics.set(name, html)
  // What the page's size alone costs: its own bytes as a constant from the same server (not a goal).
  const staticLoad = await load(`/static/${name}`, {})
  const pagePaint = await paint(page)
  const staticPaint = await paint(`/static/${name}`)
  const failed = pageLoad.non2xx + pageLoad.errors + jsonLoad.non2xx + jsonLoad.errors > 0
  const time = pageTime / jsonTime
  const rps = pageLoad.requests.average / jsonLoad.requests.average
  const painted = pagePaint / staticPaint
  console.log(
    [
      `${name}: page ${page}, JSON ${json}`,
      `  server time   page ${ms(pageTime)}, JSON ${ms(jsonTime)}: ${time.toFixed(2)}× (goal ≤ ${GOALS.serverTime}×)`,
      `  50 connections page ${pageLoad.requests.average.toFixed(0)} req/s, JSON ${jsonLoad.requests.average.toFixed(0)} req/s: ${(rps * 100).toFixed(0)}% (goal ≥ ${GOALS.rps * 100}%)${failed ? "; some requests failed" : ""}`,
      `  (the page's bytes as a constant: ${staticLoad.requests.average.toFixed(0)} req/s, ${((pageLoad.requests.average / staticLoad.requests.average) * 100).toFixed(0)}% of that)`,
      `  weight        ${kb(weight)} (HTML ${kb(Buffer.byteLength(html))} and ${stylesheetsOf(html).length} stylesheets; goal ≤ ${kb(GOALS.weight)})`,
      context === undefined
        ? `  first paint   not measured: no Chromium at ${Pdf.chromiumPad}`
        : `  first paint   page ${ms(pagePaint)}, static page of the same size ${ms(staticPaint)}: ${painted.toFixed(2)}× (goal ≤ ${GOALS.paint}×)`
    ].join("\n")
  )
  return (
    time <= GOALS.serverTime &&
    rps >= GOALS.rps &&
    weight <= GOALS.weight &&
    !failed &&
    (context === undefined || painted <= GOALS.paint)
  )
}

const voortgang = await compare(
  "voortgang",
  "/voortgang?peildatum=2025-12-31",
  "/api/v1/voortgang?asOf=2025-12-31"
)
// The bundled data holds regional registrations for 2024.
const beeld = await compare(
  "informatiebeeld",
  "/informatiebeeld/regio?periode=2024",
  "/api/v1/informatiebeeld/regio?periode=2024"
)

await browser?.close()
await server.close()
await runtime.dispose()
process.exitCode = voortgang && beeld ? 0 : 1
