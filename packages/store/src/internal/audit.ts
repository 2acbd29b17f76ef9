/**
 * One audit row for a change to an account or a token, which are their own source (`tokens`, `users`),
 * or for a sign-in, a failed sign-in or a sign-out (`sessions`, never a password or session id): what
 * they write when they are created or changed, at the Clock's time.
 */
import { DateTime, Effect } from "effect"
import type { SqlClient } from "effect/sql"

export const auditChange =
  (sql: SqlClient.SqlClient, entity: "tokens" | "users" | "sessions") =>
  (key: string, action: "insert" | "update", before: unknown, after: unknown, actor: string) =>
    Effect.flatMap(
      DateTime.now,
      (at) =>
        sql`INSERT INTO audit ${sql.insert({
          at: DateTime.formatIso(at),
          actor,
          entity,
          entity_key: key,
          action,
          before: before === null ? null : JSON.stringify(before),
          after: JSON.stringify(after),
          source: entity
        })}`
    )
