/**
 * `/api/v1/acties`: the actions of the year plans; create, change and delete one, each change based on
 * the version it was read at.
 */
import { Jaarplan } from "@dvcc/core"
import { Plans, ProgramStore } from "@dvcc/store"
import { Effect, Schema, Struct } from "effect"
import { Hono } from "hono"
import * as Endpoint from "../Endpoint.ts"
import type { Env } from "../Env.ts"
import { found, latestYear } from "./Services.ts"

const MetVersie = Schema.Struct({ versie: Schema.Int, actie: Jaarplan.Actie }).annotate({
  identifier: "ActieMetVersie"
})

const { id: _id, jaar: _jaar, ...wijzigbaar } = Jaarplan.Actie.fields

const Wijziging = Schema.Struct({
  basedOn: Schema.Int.annotate({ description: "De versie waarop de wijziging is gebaseerd" }),
  ...Struct.map(wijzigbaar, Schema.optionalKey)
}).annotate({ identifier: "ActieWijziging" })

const Id = Schema.Struct({ id: Schema.NonEmptyString })

const lijst = Endpoint.make({
  method: "get",
  path: "/",
  summary: "De acties, van één jaarplan of van alle",
  actie: "programma:lezen",
  query: Schema.Struct({ jaar: Schema.optionalKey(Endpoint.IntFromString) }),
  response: Schema.Array(Jaarplan.Actie)
})

const een = Endpoint.make({
  method: "get",
  path: "/:id",
  summary: "Eén actie met haar versie (standaard uit het laatste jaarplan dat haar heeft)",
  actie: "programma:lezen",
  params: Id,
  query: Schema.Struct({ jaar: Schema.optionalKey(Endpoint.IntFromString) }),
  response: MetVersie,
  problems: ["niet-gevonden"]
})

const maak = Endpoint.make({
  method: "post",
  path: "/",
  summary: "Voeg een actie toe aan een jaarplan",
  actie: "programma:schrijven",
  body: Jaarplan.Actie,
  response: MetVersie,
  status: 201,
  location: ({ actie }) => `/api/v1/acties/${actie.id}?jaar=${actie.jaar}`,
  problems: ["validatie"]
})

const wijzig = Endpoint.make({
  method: "patch",
  path: "/:id",
  summary: "Wijzig een actie; `basedOn` is de versie die u las",
  actie: "programma:schrijven",
  params: Id,
  query: Schema.Struct({ jaar: Endpoint.IntFromString }),
  body: Wijziging,
  response: MetVersie,
  problems: ["niet-gevonden", "conflict", "validatie"]
})

const verwijder = Endpoint.make({
  method: "delete",
  path: "/:id",
  summary: "Verwijder een actie; geweigerd als een indicator of een opvolger ernaar verwijst",
  actie: "programma:schrijven",
  params: Id,
  query: Schema.Struct({ jaar: Endpoint.IntFromString, basedOn: Endpoint.IntFromString }),
  response: Schema.Void,
  status: 204,
  problems: ["niet-gevonden", "conflict", "validatie"]
})

export const app = new Hono<Env>()

app.get(
  lijst.path,
  ...Endpoint.handle(lijst, ({ query }) =>
    Effect.map(
      Effect.flatMap(ProgramStore.ProgramStore, (s) => s.load),
      (d) => d.jaarplannen.flatMap((p) => (query.jaar === undefined || p.jaar === query.jaar ? p.acties : []))
    )
  )
)

app.get(
  een.path,
  ...Endpoint.handle(een, ({ params, query }) =>
    Effect.gen(function* () {
      const jaar =
        query.jaar ??
        (yield* latestYear(
          (yield* (yield* ProgramStore.ProgramStore).load).jaarplannen.flatMap((p) => p.acties),
          params.id,
          "actie"
        ))
      const current = yield* found<Plans.Versioned<Jaarplan.Actie>>(`actie ${jaar}/${params.id}`)(
        yield* (yield* Plans.Plans).actie(jaar, params.id)
      )
      return { versie: current.versie, actie: current.value }
    })
  )
)

app.post(
  maak.path,
  ...Endpoint.handle(maak, ({ body, source }) =>
    Effect.map(
      Effect.flatMap(Plans.Plans, (plans) => plans.createActie(body, source)),
      (r) => ({ versie: r.versie, actie: r.value })
    )
  )
)

app.patch(
  wijzig.path,
  ...Endpoint.handle(wijzig, ({ params, query, body, source }) =>
    Effect.gen(function* () {
      const plans = yield* Plans.Plans
      const current = yield* found<Plans.Versioned<Jaarplan.Actie>>(`actie ${query.jaar}/${params.id}`)(
        yield* plans.actie(query.jaar, params.id)
      )
      const { basedOn, ...changes } = body
      const updated = yield* plans.updateActie({ ...current.value, ...changes }, basedOn, source)
      return { versie: updated.versie, actie: updated.value }
    })
  )
)

app.delete(
  verwijder.path,
  ...Endpoint.handle(verwijder, ({ params, query, source }) =>
    Effect.flatMap(Plans.Plans, (plans) => plans.deleteActie(query.jaar, params.id, query.basedOn, source))
  )
)

export const group: Endpoint.Group = {
  prefix: "/api/v1/acties",
  tag: "acties",
  description: "De acties van de jaarplannen.",
  endpoints: [lijst, een, maak, wijzig, verwijder]
}
