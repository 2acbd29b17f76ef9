/**
 * `POST /api/v1/metingen`: record a measurement. The same measurement again is `unchanged`; a changed one
 * needs `basedOn`, the version it was read at, and a stale one is a 409.
 */
import { Measurement } from "@dvcc/core"
import { Plans, ProgramStore } from "@dvcc/store"
import { Effect, Option, Schema } from "effect"
import { Hono } from "hono"
import * as Endpoint from "../Endpoint.ts"
import type { Env } from "../Env.ts"
import * as Problem from "../Problem.ts"

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
      const indicator = yield* plans.indicator(meting.jaar, meting.indicator)
      if (Option.isNone(indicator))
        return yield* Problem.make(
          "validatie",
          `Er is geen indicator ${meting.indicator} in jaarplan ${meting.jaar}.`,
          [{ pad: "indicator", melding: "onbekende indicator" }]
        )
      // What the dataset refuses when it is read back (core's Dataset check): written, it would make every
      // later load of the dataset fail.
      const { eenheid, regel } = indicator.value.value
      if (eenheid === "%" && meting.waarde > 100)
        return yield* Problem.make(
          "validatie",
          `Indicator ${meting.indicator} telt in procenten: ${meting.waarde} is geen percentage.`,
          [{ pad: "waarde", melding: "een percentage van 0 tot en met 100" }]
        )
      if (
        meting.mijlpaal !== undefined &&
        (regel.soort !== "mijlpalen" || !regel.mijlpalen.some((m) => m.id === meting.mijlpaal))
      )
        return yield* Problem.make(
          "validatie",
          `Indicator ${meting.indicator} heeft geen mijlpaal ${meting.mijlpaal}.`,
          [{ pad: "mijlpaal", melding: "onbekende mijlpaal" }]
        )
      const { regio } = yield* (yield* ProgramStore.ProgramStore).load
      const g = meting.gebied
      const known =
        g.niveau === "regio" ||
        (g.niveau === "gemeente"
          ? regio.gemeenten.some((x) => x.code === g.code)
          : (g.niveau === "district" ? regio.districten : regio.basisteams).some((x) => x.id === g.id))
      if (!known)
        return yield* Problem.make("validatie", "Dit gebied hoort niet bij de regio.", [
          { pad: "gebied", melding: "onbekend gebied" }
        ])
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
