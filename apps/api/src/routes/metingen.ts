/**
 * `POST /api/v1/metingen`: record a measurement. The same measurement again is `unchanged`; a changed one
 * needs `basedOn`, the version it was read at, and a stale one is a 409. What core's dataset check refuses
 * (`Dataset.measurementIssues`: an unknown indicator or mijlpaal, a percentage over 100, an area outside the
 * region) the store refuses; the answer is a 422 naming the field.
 */
import { Measurement } from "@dvcc/core"
import { Plans, ProgramStore } from "@dvcc/store"
import { Effect, Option, Schema } from "effect"
import { Hono } from "hono"
import * as Endpoint from "../Endpoint.ts"
import type { Env } from "../Env.ts"

const Invoer = Schema.Struct({
  ...Measurement.Measurement.fields,
  basedOn: Schema.optionalKey(Schema.Int.annotate({ description: "Bij een wijziging: de versie die u las" }))
}).annotate({ identifier: "MetingInvoer" })

const leg = Endpoint.make({
  method: "post",
  path: "/",
  summary: "Leg een meting vast (idempotent; een wijziging met `basedOn`)",
  actie: "metingen:schrijven",
  body: Invoer,
  response: Schema.Struct({
    id: Schema.String,
    uitkomst: Schema.Literals(["inserted", "updated", "unchanged"]),
    versie: Schema.Int
  }).annotate({ identifier: "MetingResultaat" }),
  problems: ["conflict", "validatie"]
})

export const app = new Hono<Env>()

app.post(
  leg.path,
  ...Endpoint.handle(leg, ({ body, source }) =>
    Effect.gen(function* () {
      const { basedOn, ...meting } = body
      const plans = yield* Plans.Plans
      // The store refuses what the dataset check refuses (`Invalid`, a 422 at the field).
      const uitkomst = yield* (yield* ProgramStore.ProgramStore).recordMeasurement(meting, source, basedOn)
      const versie = Option.match(yield* plans.meting(meting.id), {
        onNone: () => 1,
        onSome: (m) => m.versie
      })
      return { id: meting.id, uitkomst, versie }
    })
  )
)

export const group: Endpoint.Group = {
  prefix: "/api/v1/metingen",
  tag: "metingen",
  description: "Metingen van de indicatoren vastleggen.",
  endpoints: [leg]
}
