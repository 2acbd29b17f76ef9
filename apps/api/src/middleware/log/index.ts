/**
 * One structured JSON line per request: request id, method, path, status, duration and the token's id.
 * Never the token, the query string or a body: those may carry secrets or personal data.
 *
 * @since 0.1.0
 */
import { createMiddleware } from "hono/factory"
import type { Env } from "../../Env.ts"

/**
 * @since 0.1.0
 * @category models
 */
export interface LogEntry {
  readonly tijd: string
  readonly niveau: "info" | "warn" | "error"
  readonly requestId: string | undefined
  readonly methode: string
  readonly pad: string
  readonly status: number
  readonly duurMs: number
  readonly token: string | null
}

/**
 * @since 0.1.0
 * @category models
 */
export interface LogOptions {
  readonly write?: (entry: LogEntry) => void
  readonly now?: () => number
}

/**
 * Writes to standard output, one JSON object per line.
 *
 * @since 0.1.0
 * @category logging
 */
export const stdout = (entry: LogEntry): void => {
  process.stdout.write(`${JSON.stringify(entry)}\n`)
}

/**
 * @since 0.1.0
 * @category middleware
 */
export const requestLog = (options: LogOptions = {}) => {
  const write = options.write ?? stdout
  const now = options.now ?? performance.now.bind(performance)
  return createMiddleware<Env>(async (c, next) => {
    const start = now()
    await next()
    const status = c.res.status
    write({
      tijd: new Date().toISOString(),
      niveau: status >= 500 ? "error" : status >= 400 ? "warn" : "info",
      requestId: c.get("requestId"),
      methode: c.req.method,
      pad: c.req.path,
      status,
      duurMs: Math.round((now() - start) * 10) / 10,
      token: c.get("principal")?.tokenId ?? null
    })
  })
}
