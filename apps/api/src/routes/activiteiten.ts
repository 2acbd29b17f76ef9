/**
 * `/api/v1/activiteiten`: the activities, filtered by gemeente, soort and period. A `district` or
 * `gemeente` token sees and writes only the activities of its gemeenten (and sees the regional ones): the
 * scope is applied in the store's query, not only here.
 */
import { Activity, Periode } from "@dvcc/core"
import { Activities, Gebieden, Scope } from "@dvcc/store"
import { Effect, Schema, Struct } from "effect"
import { Hono } from "hono"
import * as Endpoint from "../Endpoint.ts"
import type { Env } from "../Env.ts"
import * as Problem from "../Problem.ts"
import { storeScope } from "./Scope.ts"

const MetVersie = Schema.Struct({ versie: Schema.Int, activiteit: Activity.Activity }).annotate({
  identifier: "ActiviteitMetVersie"
})

const lijst = Endpoint.make({
  method: "get",
  path: "/",
  summary: "De activiteiten, binnen de gemeenten van het token",
  actie: "activiteiten:lezen",
  query: Schema.Struct({
    gemeente: Schema.optionalKey(Schema.String),
    soort: Schema.optionalKey(Activity.ActiviteitSoort),
    periode: Schema.optionalKey(Periode.FromText),
    van: Schema.optionalKey(Periode.Datum),
    tot: Schema.optionalKey(Periode.Datum)
  }),
  response: Schema.Array(MetVersie),
  problems: ["validatie"]
})

const een = Endpoint.make({
  method: "get",
  path: "/:id",
  summary: "Eén activiteit met haar versie; 404 ook als het token haar gemeente niet mag zien",
  actie: "activiteiten:lezen",
  params: Schema.Struct({ id: Schema.NonEmptyString }),
  response: MetVersie,
  problems: ["niet-gevonden"]
})

const maak = Endpoint.make({
  method: "post",
  path: "/",
  summary: "Leg activiteiten vast (idempotent op id); alleen in de gemeenten van het token",
  actie: "activiteiten:schrijven",
  body: Schema.Array(Activity.Activity),
  response: Schema.Struct({ inserted: Schema.Int, updated: Schema.Int, unchanged: Schema.Int }).annotate({
    identifier: "Vastgelegd"
  }),
  problems: ["validatie"]
})

const { id: _id, ...wijzigbaar } = Activity.Activity.fields

const wijzig = Endpoint.make({
  method: "patch",
  path: "/:id",
  summary:
    "Wijzig een activiteit; `basedOn` is de versie die u las. Alleen binnen de gemeenten van het token",
  actie: "activiteiten:schrijven",
  params: Schema.Struct({ id: Schema.NonEmptyString }),
  body: Schema.Struct({
    basedOn: Schema.Int.annotate({ description: "De versie waarop de wijziging is gebaseerd" }),
    ...Struct.map(wijzigbaar, Schema.optionalKey)
  }).annotate({ identifier: "ActiviteitWijziging" }),
  response: MetVersie,
  problems: ["niet-gevonden", "conflict", "validatie"]
})

export const app = new Hono<Env>()

app.get(
  lijst.path,
  ...Endpoint.handle(lijst, ({ query, principal }) =>
    Effect.gen(function* () {
      const scope = yield* storeScope(principal)
      const { gemeente, ...rest } = query
      const rows = yield* (yield* Activities.Activities).recorded(
        { ...rest, ...(gemeente === undefined ? {} : { gemeente: gemeente as never }) },
        scope
      )
      return rows.map((r) => ({ versie: r.version, activiteit: r.activity }))
    })
  )
)

app.get(
  een.path,
  ...Endpoint.handle(een, ({ params, principal }) =>
    Effect.gen(function* () {
      const r = yield* (yield* Activities.Activities).get(params.id, yield* storeScope(principal))
      return { versie: r.version, activiteit: r.activity }
    })
  )
)

/** Refuses, as invalid input naming each field, gemeenten that are not in the region. */
const inRegio = (gemeenten: ReadonlyArray<string | null>, pad: (index: number) => string) =>
  Effect.gen(function* () {
    const known = new Set<string>((yield* (yield* Gebieden.Gebieden).list()).map((r) => r.gemeente.code))
    const unknown = gemeenten.flatMap((gemeente, i) =>
      gemeente !== null && !known.has(gemeente)
        ? [{ pad: pad(i), melding: `${gemeente} hoort niet bij de regio` }]
        : []
    )
    if (unknown.length > 0) return yield* Problem.make("validatie", "Onbekende gemeente.", unknown)
  })

app.post(
  maak.path,
  ...Endpoint.handle(maak, ({ body, principal, requestId }) =>
    Effect.gen(function* () {
      const scope = yield* storeScope(principal)
      yield* inRegio(
        body.map((a) => a.gemeente),
        (i) => `${i}.gemeente`
      )
      const outside = body.filter((a) =>
        scope.kind === "alles" ? false : a.gemeente === null || !Scope.allows(scope, a.gemeente)
      )
      if (outside.length > 0) {
        return yield* Problem.make(
          "geen-toegang",
          `Dit token mag geen activiteiten vastleggen buiten zijn gemeenten: ${outside.map((a) => a.id).join(", ")}.`
        )
      }
      return yield* (yield* Activities.Activities).record(body, {
        importId: `api-${requestId}`,
        actor: `token ${principal.tokenId}`
      })
    })
  )
)

app.patch(
  wijzig.path,
  ...Endpoint.handle(wijzig, ({ params, body, principal, source }) =>
    Effect.gen(function* () {
      const scope = yield* storeScope(principal)
      const activities = yield* Activities.Activities
      // Not found also when the token may not see it: the store reads within the scope.
      const current = yield* activities.get(params.id, scope)
      const { basedOn, ...changes } = body
      const changed = { ...current.activity, ...changes }
      yield* inRegio([changed.gemeente], () => "gemeente")
      if (scope.kind !== "alles" && (changed.gemeente === null || !Scope.allows(scope, changed.gemeente)))
        return yield* Problem.make(
          "geen-toegang",
          "Dit token mag een activiteit niet buiten zijn gemeenten plaatsen."
        )
      const r = yield* activities.update(params.id, changed, basedOn, source, scope)
      return { versie: r.version, activiteit: r.activity }
    })
  )
)

export const group: Endpoint.Group = {
  prefix: "/api/v1/activiteiten",
  tag: "activiteiten",
  description: "Activiteiten per gemeente, binnen de scope van het token.",
  endpoints: [lijst, een, maak, wijzig]
}
