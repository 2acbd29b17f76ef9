/**
 * The address a request comes from, for the sign-in limit per address. Directly on the network that is the
 * socket's peer. Behind a reverse proxy every request comes from the proxy, so with `trustProxy` the
 * address the proxy saw is read from `X-Forwarded-For`: its right-most entry, the one the proxy appended
 * (anything to the left of it came from the client and may be forged). Without `trustProxy` the header is
 * ignored, so a client cannot choose its address to escape the limit.
 */
import type { Context } from "hono"

/** The socket's peer, as `@hono/node-server` hands it over (`onbekend` in a test without a socket). */
export const peer = (c: Context): string => {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
  return incoming?.socket?.remoteAddress ?? "onbekend"
}

/** The right-most entry of `X-Forwarded-For`, bounded; `undefined` without one. */
export const forwardedFor = (header: string | undefined): string | undefined => {
  if (header === undefined) return undefined
  const hops = header
    .slice(-1024)
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => hop !== "")
  const last = hops.at(-1)
  return last === undefined ? undefined : last.slice(0, 100)
}

/** The client's address: behind a trusted proxy the one it forwarded, else the socket's peer. */
export const clientAddress =
  (trustProxy: boolean) =>
  (c: Context): string =>
    (trustProxy ? forwardedFor(c.req.header("x-forwarded-for")) : undefined) ?? peer(c)

/**
 * Whether the request came over HTTPS: directly, or as a proxy says with `X-Forwarded-Proto: https`. The
 * header is believed even without `trustProxy`: all it does is mark the cookie `Secure`, which only makes
 * it stricter.
 */
export const overHttps = (c: Context): boolean =>
  new URL(c.req.url).protocol === "https:" ||
  c.req.header("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https"
