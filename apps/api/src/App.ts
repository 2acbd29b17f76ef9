/**
 * The HTTP API as one Hono app, built from sub-apps joined with `app.route`: health and readiness, the
 * OpenAPI document and its docs, and under `/api/v1` the programme, year plans, actions, indicators,
 * progress, measurements and audit, each behind a bearer token and the role matrix.
 *
 * @since 0.1.0
 */

import type { Access } from "@dvcc/core"
import {
  Activities,
  Database,
  Gebieden,
  Imports,
  Measurements,
  Plans,
  Registrations,
  Sessions,
  Tokens,
  Users
} from "@dvcc/store"
import { Web } from "@dvcc/web"
import { Effect, Layer, Option } from "effect"
import { Hono } from "hono"
import { cors } from "hono/cors"
import { secureHeaders } from "hono/secure-headers"
import * as Docs from "./Docs.ts"
import type { Group } from "./Endpoint.ts"
import type { Env, Runtime } from "./Env.ts"
import { bearerAuth } from "./middleware/auth/index.ts"
import { bodyLimit, jsonOnly, rateLimit, requestTimeout } from "./middleware/limits/index.ts"
import { type LogEntry, requestLog } from "./middleware/log/index.ts"
import { problemErrors } from "./middleware/problem/index.ts"
import { requestId } from "./middleware/requestId/index.ts"
import * as OpenApi from "./OpenApi.ts"
import * as ProgramCache from "./ProgramCache.ts"
import * as acties from "./routes/acties.ts"
import * as activiteiten from "./routes/activiteiten.ts"
import * as audit from "./routes/audit.ts"
import * as dataset from "./routes/dataset.ts"
import * as exports from "./routes/exports.ts"
import * as gebieden from "./routes/gebieden.ts"
import * as health from "./routes/health.ts"
import * as imports from "./routes/imports.ts"
import * as indicatoren from "./routes/indicatoren.ts"
import * as informatiebeeld from "./routes/informatiebeeld.ts"
import * as jaarplannen from "./routes/jaarplannen.ts"
import * as metingen from "./routes/metingen.ts"
import * as programma from "./routes/programma.ts"
import * as registraties from "./routes/registraties.ts"
import * as reports from "./routes/reports.ts"
import * as voortgang from "./routes/voortgang.ts"

/**
 * What can be tuned; every option has a default fit for one office.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Largest request body in bytes (default 1 MiB). */
  readonly maxBodyBytes?: number
  /** Largest uploaded workbook in bytes (default 50 MB). */
  readonly maxUploadBytes?: number
  /** Longest a request may take in ms (default 15 s). */
  readonly timeoutMs?: number
  /** Requests per token per window (default 600 per minute). */
  readonly rateLimit?: { readonly limit?: number; readonly windowMs?: number; readonly now?: () => number }
  /** Origins allowed to call the API from a browser; none by default (CORS off). */
  readonly corsOrigins?: ReadonlyArray<string>
  /** Where the request log goes (default: JSON lines on standard output). */
  readonly log?: (entry: LogEntry) => void
  /**
   * Behind a reverse proxy: the web app's sign-in limit per address reads the client's address from
   * `X-Forwarded-For` (its right-most entry) instead of the socket (default: off).
   */
  readonly trustProxy?: boolean
  /** Where unforeseen failures go (default: standard error). */
  readonly report?: (requestId: string | undefined, error: unknown) => void
}

/**
 * @since 0.1.0
 * @category models
 */
export interface AppConfig {
  /** The services the handlers run against: the store on one database. */
  readonly runtime: Runtime
  readonly options?: Options
}

/**
 * The API's waits on PostgreSQL: a write waits at most 5 s for a lock (a long `dvcc import`, a held row)
 * and a statement runs at most 2 minutes, then the answer is a 503 with `Retry-After`
 * (`DVCC_LOCK_TIMEOUT` and `DVCC_STATEMENT_TIMEOUT` of `dvcc serve`, in seconds).
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultTimeouts: Database.Timeouts = { lockMs: 5_000, statementMs: 120_000 }

/**
 * The services the app runs against, on the database at `location` (migrated on first use), with
 * `timeouts` on PostgreSQL.
 *
 * @since 0.1.0
 * @category layers
 */
export const services = (location: Database.Location, timeouts: Database.Timeouts = defaultTimeouts) =>
  // The cached ProgramStore is provided last, so it stands in for the store's own.
  ProgramCache.layer.pipe(
    Layer.provideMerge(
      Layer.mergeAll(
        Tokens.Tokens.layer,
        Plans.Plans.layer,
        Activities.Activities.layer,
        Gebieden.Gebieden.layer,
        Imports.Imports.layer,
        Registrations.Registrations.layer,
        Measurements.Measurements.layer,
        Users.Users.layer,
        Sessions.Sessions.layer
      ).pipe(Layer.provideMerge(Database.layer(location, timeouts)))
    )
  )

const modules = [
  programma,
  jaarplannen,
  acties,
  indicatoren,
  voortgang,
  metingen,
  activiteiten,
  gebieden,
  informatiebeeld,
  reports,
  registraties,
  imports,
  exports,
  audit,
  dataset
] as const

/**
 * Every endpoint group of the app, for the OpenAPI document.
 *
 * @since 0.1.0
 * @category groups
 */
export const groups: ReadonlyArray<Group> = [health.group, ...modules.map((m) => m.group)]

/**
 * The OpenAPI document of the app.
 *
 * @since 0.1.0
 * @category openapi
 */
export const openApi = OpenApi.document(groups, {
  title: "dvcc API",
  version: "0.1.0",
  description:
    "De data van het programma in de database van deze dvcc (meegeleverd: Digitale Veiligheid en Cybercrime, Midden-Nederland): programma, jaarplannen, acties, indicatoren, voortgang en metingen.\n\nElk token mag standaard 600 verzoeken per minuut doen (daarboven 429 met Retry-After). Die teller staat in het geheugen van elk `dvcc serve`-proces: draaien er N processen achter één adres, dan is de grens in feite N × 600."
})

/**
 * @since 0.1.0
 * @category constructors
 */
export const createApp = (config: AppConfig) => {
  const options = config.options ?? {}
  const { runtime } = config
  const jsonBodyLimit = bodyLimit(
    options.maxBodyBytes === undefined ? {} : { maxBytes: options.maxBodyBytes }
  )
  const errors = problemErrors(options.report === undefined ? {} : { report: options.report })
  const app = new Hono<Env>()
  app.onError(errors.onError)
  app.notFound(errors.notFound)
  app.use(requestId())
  app.use(async (c, next) => {
    c.set("runtime", runtime)
    await next()
  })
  app.use(requestLog(options.log === undefined ? {} : { write: options.log }))
  app.use(secureHeaders({ crossOriginResourcePolicy: "same-origin" }))
  if (options.corsOrigins !== undefined && options.corsOrigins.length > 0) {
    app.use(
      "/api/*",
      cors({
        origin: [...options.corsOrigins],
        allowHeaders: ["Authorization", "Content-Type", "X-Request-Id"],
        allowMethods: ["GET", "POST", "PATCH", "DELETE"],
        exposeHeaders: ["X-Request-Id", "Retry-After"]
      })
    )
  }
  const timeout = requestTimeout(options.timeoutMs === undefined ? {} : { ms: options.timeoutMs })
  // Reading and checking a large workbook takes longer than any other request.
  const uploadTimeout = requestTimeout({ ms: 10 * 60 * 1000 })
  app.use(async (c, next) =>
    c.req.method === "POST" && (c.req.path === "/api/v1/imports" || c.req.path.startsWith("/import"))
      ? await uploadTimeout(c, next)
      : await timeout(c, next)
  )

  // One read of the database's version per request: what is kept in memory between requests (verified
  // tokens here, the programme and encoded responses in the handlers) is used only under the version it
  // was made at, so a write, a revocation or a change by another process is seen on the next request.
  const version = ProgramCache.reader(() => runtime.runPromise(ProgramCache.current))
  app.use("/api/v1/*", async (c, next) => {
    c.set("stamp", await version())
    await next()
  })
  // Verified tokens of this version. Creating and revoking a token are audited, so a revoked token is
  // refused on the first request after the revocation. Unknown tokens are not kept.
  let verified: { readonly stamp: string; readonly principals: Map<string, Access.Principal> } = {
    stamp: "",
    principals: new Map()
  }
  app.use(
    "/api/v1/*",
    bearerAuth({
      verify: async (token, c) => {
        const stamp = c.get("stamp")
        if (verified.stamp === stamp) {
          const known = verified.principals.get(token)
          if (known !== undefined) return known
        }
        const principal = await runtime.runPromise(
          Effect.flatMap(Tokens.Tokens, (tokens) => tokens.verify(token)).pipe(
            Effect.map(Option.getOrUndefined)
          )
        )
        if (principal !== undefined) {
          if (verified.stamp !== stamp) verified = { stamp, principals: new Map() }
          if (verified.principals.size < 1000) verified.principals.set(token, principal)
        }
        return principal
      }
    }),
    rateLimit(options.rateLimit ?? {})
  )
  // Workbooks may be large; everything else is small JSON.
  app.use("/api/v1/imports", bodyLimit({ maxBytes: options.maxUploadBytes ?? 50 * 1024 * 1024 }))
  app.use("/api/v1/*", async (c, next) =>
    c.req.path === "/api/v1/imports" ? await next() : await jsonBodyLimit(c, next)
  )
  app.use("/api/v1/*", jsonOnly({ uploads: ["/api/v1/imports"] }))

  app.route("/", health.app)
  app.get("/openapi.json", (c) => c.json(openApi))
  const docs = Docs.render(openApi)
  app.get("/docs", (c) => {
    // The page has no script and loads nothing: the strictest policy fits it.
    c.header(
      "content-security-policy",
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
    )
    return c.html(docs)
  })
  for (const m of modules) app.route(m.group.prefix, m.app)
  // The web application's pages, behind its own sessions; `/api/v1` reads only bearer tokens.
  app.route(
    "/",
    Web.createWeb({
      runtime,
      // Sessions are kept under the same version as tokens: a sign-out or disabled account is seen at once.
      version,
      trustProxy: options.trustProxy === true,
      ...(options.maxUploadBytes === undefined ? {} : { maxUploadBytes: options.maxUploadBytes })
    })
  )
  return app
}
