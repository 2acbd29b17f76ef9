/**
 * The app's last word on errors: an unknown route is a 404 problem, a busy database a 503 with
 * `Retry-After`, a failure nobody foresaw a 500 problem with only the request id (the cause goes to the
 * log, never to the client).
 *
 * @since 0.1.0
 */
import { SqlError } from "effect/sql"
import type { ErrorHandler, NotFoundHandler } from "hono"
import { HTTPException } from "hono/http-exception"
import type { Env } from "../../Env.ts"
import * as Problem from "../../Problem.ts"
import { busy } from "../limits/index.ts"

/** PostgreSQL's lock_not_available (55P03), query_canceled by `statement_timeout` (57014), 40P01, 40001. */
const busyReasons = new Set([
  "LockTimeoutError",
  "StatementTimeoutError",
  "DeadlockError",
  "SerializationError"
])

/**
 * Whether `error`, or what caused it, is a database that was busy (a lock held past the busy timeout by
 * another process, such as a long `dvcc import`, a deadlock or a serialization conflict): a reason to try
 * again, not a bug.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isBusyDatabase = (error: unknown): boolean => {
  let at: unknown = error
  for (let depth = 0; depth < 8 && typeof at === "object" && at !== null; depth++) {
    if (SqlError.isSqlError(at)) return busyReasons.has(at.reason._tag)
    if (SqlError.isSqlErrorReason(at)) return busyReasons.has(at._tag)
    at = (at as { readonly cause?: unknown }).cause
  }
  return false
}

/**
 * @since 0.1.0
 * @category models
 */
export interface ProblemOptions {
  /** Where unforeseen failures are reported, with the request id. */
  readonly report?: (requestId: string | undefined, error: unknown) => void
}

/**
 * @since 0.1.0
 * @category middleware
 */
export const problemErrors = (
  options: ProblemOptions = {}
): { readonly onError: ErrorHandler<Env>; readonly notFound: NotFoundHandler<Env> } => {
  const report =
    options.report ??
    ((requestId, error) =>
      process.stderr.write(
        `${JSON.stringify({ niveau: "error", requestId, fout: error instanceof Error ? error.message : String(error) })}\n`
      ))
  return {
    notFound: (c) =>
      Problem.respond("niet-gevonden", `Er is niets op ${c.req.path}.`, { requestId: c.get("requestId") }),
    onError: (error, c) => {
      const requestId = c.get("requestId")
      if (error instanceof HTTPException && error.status < 500) {
        const kind = (Object.keys(Problem.kinds) as Array<Problem.Kind>).find(
          (k) => Problem.kinds[k].status === error.status
        )
        return Problem.respond(kind ?? "ongeldig-verzoek", error.message || "Ongeldig verzoek.", {
          requestId
        })
      }
      if (isBusyDatabase(error)) {
        return busy(
          "De database is bezet (een andere schrijfopdracht, zoals een grote import, loopt nog); probeer het over 5 s opnieuw.",
          5,
          requestId
        )
      }
      report(requestId, error)
      return Problem.respond(
        "interne-fout",
        `Er ging iets mis aan onze kant (verzoek ${requestId ?? "?"}).`,
        {
          requestId
        }
      )
    }
  }
}
