/**
 * `GET /health` (the process answers) and `GET /ready` (the database answers and has the schema this
 * code expects). Neither needs a token; neither says more than it must.
 */
import { Migrations } from "@dvcc/store"
import { Effect, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { Hono } from "hono"
import * as Endpoint from "../Endpoint.ts"
import type { Env } from "../Env.ts"
import * as Problem from "../Problem.ts"

const health = Endpoint.make({
  method: "get",
  path: "/health",
  summary: "Leeft het proces?",
  actie: null,
  response: Schema.Struct({ status: Schema.Literal("ok") }).annotate({ identifier: "Health" })
})

const ready = Endpoint.make({
  method: "get",
  path: "/ready",
  summary: "Is de database bereikbaar en bijgewerkt?",
  actie: null,
  response: Schema.Struct({ status: Schema.Literal("gereed"), schemaversie: Schema.Int }).annotate({
    identifier: "Ready"
  }),
  problems: ["niet-beschikbaar"]
})

export const app = new Hono<Env>()

app.get(health.path, ...Endpoint.handle(health, () => Effect.succeed({ status: "ok" as const })))

app.get(
  ready.path,
  ...Endpoint.handle(ready, () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const rows = yield* sql<{
        readonly version: number | null
      }>`SELECT MAX(migration_id) AS version FROM dvcc_migrations`
      const version = Number(rows[0]?.version ?? 0)
      if (version !== Migrations.latest)
        return yield* Problem.make(
          "niet-beschikbaar",
          `De database heeft schemaversie ${version}, deze dvcc verwacht ${Migrations.latest}.`
        )
      return { status: "gereed" as const, schemaversie: version }
    }).pipe(
      Effect.catchTag("SqlError", () =>
        Effect.fail(Problem.make("niet-beschikbaar", "De database is niet bereikbaar."))
      )
    )
  )
)

export const group: Endpoint.Group = {
  prefix: "",
  tag: "beheer",
  description: "Leeft de dienst en is de database gereed? Zonder token.",
  endpoints: [health, ready]
}
