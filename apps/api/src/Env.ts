/**
 * What a request carries through the app: the services it runs against, the principal of its token and
 * its request id.
 *
 * @since 0.1.0
 */
import type { Access } from "@dvcc/core"
import type { Web } from "@dvcc/web"
import type { ManagedRuntime } from "effect"

/**
 * The services the handlers use: the store's, the same as the web pages' (`Web.Services`), so one runtime
 * serves both.
 *
 * @since 0.1.0
 * @category models
 */
export type Services = Web.Services

/**
 * @since 0.1.0
 * @category models
 */
export type Runtime = ManagedRuntime.ManagedRuntime<Services, unknown>

/**
 * The Hono environment of the app.
 *
 * @since 0.1.0
 * @category models
 */
export interface Env {
  readonly Variables: {
    runtime: Runtime
    requestId: string
    principal: Access.Principal
    /** The database's version (highest audit id) read at the start of an `/api/v1` request. */
    stamp: string
  }
}
