/**
 * Serving the app on a port with Node's HTTP server, and stopping it gracefully: no new connections, the
 * requests in flight finish, then the services are released.
 *
 * @since 0.1.0
 */
import type { AddressInfo } from "node:net"
import { serve } from "@hono/node-server"
import type { Hono } from "hono"
import type { Env } from "./Env.ts"

/**
 * @since 0.1.0
 * @category models
 */
export interface Listening {
  readonly url: string
  /** Stops accepting, lets the requests in flight finish (at most `graceMs`), then resolves. */
  readonly close: (graceMs?: number) => Promise<void>
}

/**
 * @since 0.1.0
 * @category constructors
 */
export const listen = (
  app: { readonly fetch: Hono<Env>["fetch"] },
  options: { readonly port: number; readonly host: string }
) =>
  new Promise<Listening>((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: options.port, hostname: options.host },
      (info: AddressInfo) => {
        const host = info.family === "IPv6" ? `[${info.address}]` : info.address
        resolve({
          url: `http://${host}:${info.port}`,
          close: (graceMs = 10_000) =>
            new Promise<void>((done) => {
              const force = setTimeout(() => {
                if ("closeAllConnections" in server) server.closeAllConnections()
              }, graceMs)
              server.close(() => {
                clearTimeout(force)
                done()
              })
              // Keep-alive connections with no request in flight would hold `close` open.
              if ("closeIdleConnections" in server) server.closeIdleConnections()
            })
        })
      }
    )
    server.once("error", reject)
  })
