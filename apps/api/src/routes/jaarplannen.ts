/**
 * `/api/v1/jaarplannen`: the year plans, and a new one (optionally a copy of the previous year).
 */
import { Jaarplan } from "@dvcc/core"
import { Plans, ProgramStore } from "@dvcc/store"
import { Effect, Option, Schema } from "effect"
import { Hono } from "hono"
import * as Endpoint from "../Endpoint.ts"
import type { Env } from "../Env.ts"
import { found } from "./Services.ts"

const lijst = Endpoint.make({
  method: "get",
  path: "/",
  summary: "Alle jaarplannen met hun acties",
  actie: "programma:lezen",
  response: Schema.Array(Jaarplan.Jaarplan)
})

const een = Endpoint.make({
  method: "get",
  path: "/:jaar",
  summary: "Eén jaarplan met zijn acties en de versie van het plan zelf",
  actie: "programma:lezen",
  params: Schema.Struct({ jaar: Endpoint.IntFromString }),
  response: Schema.Struct({ versie: Schema.Int, jaarplan: Jaarplan.Jaarplan }).annotate({
    identifier: "JaarplanDetail"
  }),
  problems: ["niet-gevonden"]
})

const maak = Endpoint.make({
  method: "post",
  path: "/",
  summary: "Maak een jaarplan, desgewenst als kopie van het vorige jaar",
  description:
    "Met `kopieVanVorigJaar: true` worden de lopende acties (alle behalve afgeronde) en de indicatoren van het vorige jaar overgenomen; elk noemt die van vorig jaar als `voorganger`. In het eerste jaar van een nieuwe strategieperiode alleen die waarvan de baat een opvolger heeft in de nieuwe DIN; `weggelaten` noemt de rest met de reden. Het jaar moet in een strategieperiode van het programma liggen.",
  actie: "programma:schrijven",
  body: Plans.NieuwJaarplan,
  response: Schema.Struct({
    jaarplan: Plans.Plan,
    acties: Schema.Int,
    indicatoren: Schema.Int,
    weggelaten: Schema.Array(Jaarplan.Weggelaten)
  }).annotate({
    identifier: "NieuwJaarplanResultaat"
  }),
  status: 201,
  location: ({ jaarplan }) => `/api/v1/jaarplannen/${jaarplan.jaar}`,
  problems: ["validatie"]
})

export const app = new Hono<Env>()

app.get(
  lijst.path,
  ...Endpoint.handle(lijst, () =>
    Effect.map(
      Effect.flatMap(ProgramStore.ProgramStore, (s) => s.load),
      (d) => d.jaarplannen
    )
  )
)

app.get(
  een.path,
  ...Endpoint.handle(een, ({ params }) =>
    Effect.gen(function* () {
      const kop = yield* found<Plans.Versioned<Plans.Plan>>(`jaarplan ${params.jaar}`)(
        yield* (yield* Plans.Plans).plan(params.jaar)
      )
      const dataset = yield* (yield* ProgramStore.ProgramStore).load
      const jaarplan = yield* found<Jaarplan.Jaarplan>(`jaarplan ${params.jaar}`)(
        Option.fromNullishOr(dataset.jaarplannen.find((p) => p.jaar === params.jaar))
      )
      return { versie: kop.versie, jaarplan }
    })
  )
)

app.post(
  maak.path,
  ...Endpoint.handle(maak, ({ body, source }) =>
    Effect.map(
      Effect.flatMap(Plans.Plans, (plans) => plans.createPlan(body, source)),
      (created) => ({
        jaarplan: created.plan,
        acties: created.acties,
        indicatoren: created.indicatoren,
        weggelaten: created.weggelaten
      })
    )
  )
)

export const group: Endpoint.Group = {
  prefix: "/api/v1/jaarplannen",
  tag: "jaarplannen",
  description: "De jaarplannen, lezen en schrijven.",
  endpoints: [lijst, een, maak]
}
