/**
 * Bearer tokens: `Authorization: Bearer dvcc_…`. A missing, malformed, unknown or revoked token is a 401
 * problem with a `WWW-Authenticate` challenge; a valid one puts its `Principal` on the request.
 *
 * @since 0.1.0
 */
import type { Access } from "@dvcc/core"
import type { Context } from "hono"
import { createMiddleware } from "hono/factory"
import type { Env } from "../../Env.ts"
import * as Problem from "../../Problem.ts"

/**
 * @since 0.1.0
 * @category models
 */
export interface AuthOptions {
  /** The principal of a token, `undefined` for a token that gives no access. */
  readonly verify: (token: string, c: Context<Env>) => Promise<Access.Principal | undefined>
  readonly realm?: string
}

const bearer = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/

/**
 * @since 0.1.0
 * @category middleware
 */
export const bearerAuth = (options: AuthOptions) => {
  const realm = options.realm ?? "dvcc"
  const refuse = (requestId: string | undefined, detail: string, error: string) => {
    const response = Problem.respond("niet-aangemeld", detail, { requestId })
    response.headers.set("www-authenticate", `Bearer realm="${realm}", error="${error}"`)
    return response
  }
  return createMiddleware<Env>(async (c, next) => {
    const header = c.req.header("authorization")
    if (header === undefined)
      return refuse(
        c.get("requestId"),
        "Stuur een API-token mee: Authorization: Bearer <token>.",
        "invalid_request"
      )
    const match = bearer.exec(header)
    if (match?.[1] === undefined)
      return refuse(c.get("requestId"), "De Authorization-header is geen Bearer-token.", "invalid_request")
    const principal = await options.verify(match[1], c)
    if (principal === undefined)
      return refuse(c.get("requestId"), "Dit token is onbekend of ingetrokken.", "invalid_token")
    c.set("principal", principal)
    await next()
  })
}
