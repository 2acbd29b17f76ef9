/**
 * `GET /api/v1/gebieden`: the gemeenten with district, basisteam and inhabitants, within the token's scope.
 */
import { Geography } from "@dvcc/core"
import { Gebieden } from "@dvcc/store"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import * as Endpoint from "../Endpoint.ts"
import type { Env } from "../Env.ts"

const MetVersie = Schema.Struct({ versie: Schema.Int, gemeente: Geography.Gemeente }).annotate({
  identifier: "GemeenteMetVersie"
})

const lijst = Endpoint.make({
  method: "get",
  path: "/",
  summary: "De gemeenten met district, basisteam en inwoners per peildatum, binnen de scope van het token",
  actie: "gebieden:lezen",
  response: Schema.Array(MetVersie)
})

const wijzig = Endpoint.make({
  method: "patch",
  path: "/:code",
  summary: "Wijzig district, basisteam of inwoners van een gemeente; `basedOn` is de versie die u las",
  actie: "gebieden:schrijven",
  params: Schema.Struct({ code: Geography.CbsCode }),
  body: Schema.Struct({
    basedOn: Schema.Int.annotate({ description: "De versie waarop de wijziging is gebaseerd" }),
    district: Schema.optionalKey(Schema.NullOr(Schema.NonEmptyString)),
    basisteam: Schema.optionalKey(Schema.NullOr(Schema.NonEmptyString)),
    inwoners: Schema.optionalKey(Schema.Array(Geography.Inwonertal))
  }).annotate({ identifier: "GemeenteWijziging" }),
  response: MetVersie,
  problems: ["niet-gevonden", "conflict", "validatie"]
})

export const app = new Hono<Env>()

app.get(
  lijst.path,
  ...Endpoint.handle(lijst, ({ principal }) =>
    Effect.gen(function* () {
      const rows = yield* (yield* Gebieden.Gebieden).list(yield* Gebieden.visibilityOf(principal))
      return rows.map((r) => ({ versie: r.version, gemeente: r.gemeente }))
    })
  )
)

app.patch(
  wijzig.path,
  ...Endpoint.handle(wijzig, ({ params, body, principal, source }) =>
    Effect.gen(function* () {
      const { basedOn, ...patch } = body
      const r = yield* (yield* Gebieden.Gebieden).update(
        params.code,
        patch,
        basedOn,
        source,
        yield* Gebieden.visibilityOf(principal)
      )
      return { versie: r.version, gemeente: r.gemeente }
    })
  )
)

export const group: Endpoint.Group = {
  prefix: "/api/v1/gebieden",
  tag: "gebieden",
  description: "De gemeenten van de regio, binnen de scope van het token.",
  endpoints: [lijst, wijzig]
}
