/**
 * Gives every request an id: the caller's `X-Request-Id` when it is a plain token of at most 64
 * characters, else a new UUID. The id is in the response header, in every log line and in every problem.
 *
 * @since 0.1.0
 */
import { randomUUID } from "node:crypto"
import { createMiddleware } from "hono/factory"
import type { Env } from "../../Env.ts"

/**
 * @since 0.1.0
 * @category models
 */
export interface RequestIdOptions {
  readonly header?: string
  readonly generate?: () => string
}

const acceptable = /^[A-Za-z0-9._-]{1,64}$/

/**
 * @since 0.1.0
 * @category middleware
 */
export const requestId = (options: RequestIdOptions = {}) => {
  const header = options.header ?? "x-request-id"
  const generate = options.generate ?? randomUUID
  return createMiddleware<Env>(async (c, next) => {
    const given = c.req.header(header)
    const id = given !== undefined && acceptable.test(given) ? given : generate()
    c.set("requestId", id)
    c.header(header, id)
    await next()
  })
}
