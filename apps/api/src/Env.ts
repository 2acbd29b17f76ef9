/**
 * What a request carries through the app: the services it runs against, the principal of its token and
 * its request id.
 *
 * @since 0.1.0
 */
import type { Access } from "@dvcc/core"
import type {
  Activities,
  Gebieden,
  Imports,
  Measurements,
  Plans,
  ProgramStore,
  Registrations,
  Sessions,
  Tokens,
  Users
} from "@dvcc/store"
import type { ManagedRuntime } from "effect"
import type { SqlClient } from "effect/sql"

/**
 * The services the handlers use.
 *
 * @since 0.1.0
 * @category models
 */
export type Services =
  | ProgramStore.ProgramStore
  | Tokens.Tokens
  | Plans.Plans
  | Activities.Activities
  | Gebieden.Gebieden
  | Imports.Imports
  | Registrations.Registrations
  | Measurements.Measurements
  | Users.Users
  | Sessions.Sessions
  | SqlClient.SqlClient

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
