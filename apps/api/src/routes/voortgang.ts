/**
 * `GET /api/v1/voortgang`: the roll-up, exactly as `dvcc status --json`. The verdicts are the same for
 * every token; a count of the activity register names only the activities the token may see in detail
 * (`Access.visibility`), the rest are counted without text, date or id.
 */
import { Access, Periode, Status } from "@dvcc/core"
import { ProgramStore } from "@dvcc/store"
import { DateTime, Effect, Schema } from "effect"
import { Hono } from "hono"
import * as Endpoint from "../Endpoint.ts"
import type { Env } from "../Env.ts"
import { jarenOf, today } from "./Services.ts"

const lees = Endpoint.make({
  method: "get",
  path: "/",
  summary: "De voortgang per jaarplan: programma, doelen, baten en indicatoren (zoals dvcc status --json)",
  actie: "programma:lezen",
  query: Schema.Struct({
    jaar: Schema.optionalKey(Endpoint.IntFromString),
    asOf: Schema.optionalKey(Periode.Datum)
  }),
  response: Status.StatusReport,
  problems: ["niet-gevonden", "validatie"],
  // Without `asOf` the answer is of today.
  cache: () => Periode.datumVan(DateTime.nowUnsafe())
})

export const app = new Hono<Env>()

app.get(
  lees.path,
  ...Endpoint.handle(lees, ({ query, principal }) =>
    Effect.gen(function* () {
      const dataset = yield* (yield* ProgramStore.ProgramStore).load
      return Status.cached(
        dataset,
        query.asOf ?? (yield* today),
        yield* jarenOf(dataset, query.jaar),
        Access.visibility(principal, dataset.regio.gemeenten)
      )
    })
  )
)

export const group: Endpoint.Group = {
  prefix: "/api/v1/voortgang",
  tag: "voortgang",
  description: "De voortgang opgeteld naar baten, doelen en programma.",
  endpoints: [lees]
}
