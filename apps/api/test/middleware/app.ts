/** A bare Hono app around one middleware, with a principal set when asked, for the middleware tests. */
import type { Access } from "@dvcc/core"
import { Hono, type MiddlewareHandler } from "hono"
import type { Env } from "../../src/Env.ts"

export const principal = (rol: Access.Rol, tokenId = `t-${rol}`): Access.Principal => ({
  tokenId,
  naam: rol,
  rol,
  scope:
    rol === "gemeente"
      ? { niveau: "gemeente", code: "GM0344" as never }
      : rol === "district"
        ? { niveau: "district", id: "noord" }
        : null
})

export const around = (middleware: MiddlewareHandler<Env>, as?: Access.Principal) => {
  const app = new Hono<Env>()
  app.use(async (c, next) => {
    c.set("requestId", "req-1")
    if (as !== undefined) c.set("principal", as)
    await next()
  })
  app.use(middleware)
  app.all("/*", (c) => c.json({ ok: true }))
  return app
}
