/**
 * `GET /api/v1/audit?entity&id`: the history of one record, oldest first.
 */
import { ProgramStore } from "@dvcc/store"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import * as Endpoint from "../Endpoint.ts"
import type { Env } from "../Env.ts"

const Entry = Schema.Struct({
  at: Schema.String,
  actor: Schema.String,
  action: Schema.String.annotate({ description: "insert, update, delete of seed" }),
  before: Schema.Unknown,
  after: Schema.Unknown,
  source: Schema.String
}).annotate({ identifier: "AuditRegel" })

const lees = Endpoint.make({
  method: "get",
  path: "/",
  summary: "De geschiedenis van één record: wie, wanneer, wat, ervoor en erna",
  description:
    "`entity` is de tabel (acties, indicatoren, metingen, jaarplannen), `id` de sleutel: `2027/actie-id`.",
  actie: "audit:lezen",
  query: Schema.Struct({ entity: Schema.NonEmptyString, id: Schema.NonEmptyString }),
  response: Schema.Array(Entry),
  problems: ["validatie"]
})

export const app = new Hono<Env>()

app.get(
  lees.path,
  ...Endpoint.handle(lees, ({ query }) =>
    Effect.flatMap(ProgramStore.ProgramStore, (store) => store.history(query.entity, query.id))
  )
)

export const group: Endpoint.Group = {
  prefix: "/api/v1/audit",
  tag: "audit",
  description: "De geschiedenis van elk record.",
  endpoints: [lees]
}
