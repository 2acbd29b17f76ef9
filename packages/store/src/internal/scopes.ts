/**
 * The one check of a scope against the region as the database holds it now, shared by API tokens and
 * personal accounts: a scope must name a gemeente or district of the region today, not one that may
 * appear later.
 */
import { Access, type Geography } from "@dvcc/core"
import { Effect } from "effect"
import type { SqlClient } from "effect/sql"

/** Why `scope` names nothing the region knows, or `undefined` when it does. */
export const unknownScope = (sql: SqlClient.SqlClient, scope: Access.Scope) =>
  Effect.gen(function* () {
    const gemeenten = yield* sql<{ readonly data: string }>`SELECT data FROM gemeenten ORDER BY code`
    const [regio] = yield* sql<{ readonly data: string }>`SELECT data FROM regio WHERE id = 'regio'`
    return Access.unknownScope(scope, {
      gemeenten: gemeenten.map(
        (g) => JSON.parse(g.data) as { readonly code: Geography.CbsCode; readonly naam: string }
      ),
      districten:
        regio === undefined
          ? []
          : ((JSON.parse(regio.data) as { readonly districten?: ReadonlyArray<Geography.District> })
              .districten ?? [])
    })
  })
