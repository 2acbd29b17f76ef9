/**
 * The route guard of the role matrix: a request whose principal may not take the route's action is a 403.
 * Which gemeenten a scoped principal may see in detail is decided again in the store queries; this guard
 * only keeps roles out of actions they never may take.
 *
 * @since 0.1.0
 */
import { Access } from "@dvcc/core"
import { createMiddleware } from "hono/factory"
import type { Env } from "../../Env.ts"
import * as Problem from "../../Problem.ts"

/**
 * @since 0.1.0
 * @category middleware
 */
export const requires = (actie: Access.Actie) =>
  createMiddleware<Env>(async (c, next) => {
    const principal = c.get("principal")
    if (principal === undefined)
      return Problem.respond("niet-aangemeld", "Stuur een API-token mee.", { requestId: c.get("requestId") })
    if (!Access.allows(principal, actie)) {
      return Problem.respond("geen-toegang", `Een token met rol ${principal.rol} mag dit niet (${actie}).`, {
        requestId: c.get("requestId")
      })
    }
    await next()
  })
