/**
 * Limits that keep one client from taking the server down: body size (413), JSON only for bodies (415),
 * a request timeout (503) and a rate limit per token (429 with `Retry-After`).
 *
 * The rate limit counts in this process's memory: with several `serve` processes behind a load balancer
 * each allows `limit` per window. Nothing else depends on it, so processes stay interchangeable.
 *
 * @since 0.1.0
 */
import { bodyLimit as honoBodyLimit } from "hono/body-limit"
import { createMiddleware } from "hono/factory"
import type { Env } from "../../Env.ts"
import * as Problem from "../../Problem.ts"

/**
 * @since 0.1.0
 * @category middleware
 */
export const bodyLimit = (options: { readonly maxBytes?: number } = {}) => {
  const maxBytes = options.maxBytes ?? 1024 * 1024
  const megabytes = (maxBytes / 1024 / 1024).toLocaleString("nl-NL", { maximumFractionDigits: 1 })
  const limit = honoBodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      Problem.respond("te-groot", `Het verzoek is groter dan ${megabytes} MB.`, {
        requestId: c.get("requestId") as string | undefined
      })
  })
  // A GET or HEAD request has no body to read (Hono's limit finds none either), and asking for it would
  // build a whole fetch `Request` on the Node server for every read.
  return createMiddleware<Env>(async (c, next) =>
    c.req.method === "GET" || c.req.method === "HEAD" ? await next() : await limit(c, next)
  )
}

/**
 * Requests with a body (POST, PUT, PATCH) must send JSON.
 *
 * @since 0.1.0
 * @category middleware
 */
export const jsonOnly = (
  options: {
    readonly methods?: ReadonlyArray<string>
    /** Paths that take a file upload (`multipart/form-data`) instead of JSON. */
    readonly uploads?: ReadonlyArray<string>
  } = {}
) => {
  const methods = options.methods ?? ["POST", "PUT", "PATCH"]
  const uploads = options.uploads ?? []
  return createMiddleware<Env>(async (c, next) => {
    if (methods.includes(c.req.method) && uploads.includes(c.req.path)) {
      if (!/^multipart\/form-data\s*;/i.test(c.req.header("content-type") ?? "")) {
        return Problem.respond("verkeerd-mediatype", "Stuur het bestand als multipart/form-data.", {
          requestId: c.get("requestId")
        })
      }
    } else if (methods.includes(c.req.method)) {
      const type = c.req.header("content-type") ?? ""
      if (!/^application\/(.+\+)?json\s*(;|$)/i.test(type)) {
        return Problem.respond(
          "verkeerd-mediatype",
          `Stuur de gegevens als JSON (Content-Type: application/json), niet als ${type === "" ? "niets" : type}.`,
          { requestId: c.get("requestId") }
        )
      }
    }
    await next()
  })
}

/**
 * A request that takes longer than `ms` is answered with a 503; the work behind it is told to stop
 * through the request's abort signal.
 *
 * @since 0.1.0
 * @category middleware
 */
export const requestTimeout = (options: { readonly ms?: number } = {}) => {
  const ms = options.ms ?? 15_000
  return createMiddleware<Env>(async (c, next) => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), ms)
    })
    try {
      const result = await Promise.race([next().then(() => "done" as const), timedOut])
      if (result === "timeout") {
        c.res = Problem.respond("niet-beschikbaar", `Het verzoek duurde langer dan ${ms / 1000} s.`, {
          requestId: c.get("requestId")
        })
        // Busy now, not broken: every 503 says when to try again.
        c.res.headers.set("retry-after", "5")
      }
    } finally {
      clearTimeout(timer)
    }
  })
}

/**
 * @since 0.1.0
 * @category models
 */
export interface RateLimitOptions {
  /** Requests per window per token. */
  readonly limit?: number
  readonly windowMs?: number
  readonly now?: () => number
}

/**
 * At most `limit` requests per token per window (fixed windows).
 *
 * @since 0.1.0
 * @category middleware
 */
export const rateLimit = (options: RateLimitOptions = {}) => {
  const limit = options.limit ?? 600
  const windowMs = options.windowMs ?? 60_000
  const now = options.now ?? Date.now
  const windows = new Map<string, { start: number; count: number }>()
  return createMiddleware<Env>(async (c, next) => {
    const key = c.get("principal")?.tokenId
    if (key !== undefined) {
      const t = now()
      let window = windows.get(key)
      if (window === undefined || t - window.start >= windowMs) {
        window = { start: t, count: 0 }
        windows.set(key, window)
      }
      window.count++
      c.header("ratelimit-limit", String(limit))
      c.header("ratelimit-remaining", String(Math.max(0, limit - window.count)))
      if (window.count > limit) {
        const retry = Math.max(1, Math.ceil((window.start + windowMs - t) / 1000))
        const response = Problem.respond(
          "te-veel-verzoeken",
          `Meer dan ${limit} verzoeken per ${windowMs / 1000} s met dit token: probeer het over ${retry} s opnieuw.`,
          { requestId: c.get("requestId") }
        )
        response.headers.set("retry-after", String(retry))
        return response
      }
    }
    await next()
  })
}

/**
 * The 503 of a server that is busy now but not broken: a Dutch problem+json with `Retry-After`, so a client
 * (or a person) tries again later instead of taking it as a failure.
 *
 * @since 0.1.0
 * @category constructors
 */
export const busy = (detail: string, retryAfterSeconds: number, requestId?: string | undefined): Response => {
  const response = Problem.respond("niet-beschikbaar", detail, { requestId })
  response.headers.set("retry-after", String(retryAfterSeconds))
  return response
}

/**
 * At most `max` requests at once through this middleware in this process; the next is answered with a
 * 503 and `Retry-After` before its body is read. For work whose memory is large per request (an import),
 * so that many at once cannot exhaust the process's heap.
 *
 * @since 0.1.0
 * @category middleware
 */
export const concurrencyLimit = (options: {
  readonly max: number
  /** What is limited, in the Dutch message: "imports". */
  readonly what: string
  readonly retryAfterSeconds?: number
  /** A counter shared with other routes of the same work (the web app's upload); `max` is its bound. */
  readonly slots?: { readonly max: number; running: number }
}) => {
  const retryAfter = options.retryAfterSeconds ?? 10
  const slots = options.slots ?? { max: options.max, running: 0 }
  return createMiddleware<Env>(async (c, next) => {
    if (slots.running >= slots.max) {
      return busy(
        `Deze server verwerkt al ${slots.max} ${options.what} tegelijk; probeer het over ${retryAfter} s opnieuw.`,
        retryAfter,
        c.get("requestId")
      )
    }
    slots.running++
    try {
      await next()
    } finally {
      slots.running--
    }
  })
}
