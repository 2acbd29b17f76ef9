/**
 * `/api/v1/indicatoren`: the computed progress of the indicators on a date, one indicator with its
 * measurements, and creating or changing an indicator against the version it was read at. The progress is
 * a regional aggregate every role reads; the measurements listed are narrowed to what the token may see in
 * the store's query (a gemeente token: the regional ones and its own gemeente's, never another's values or
 * toelichting). A count of the activity register names only the activities the token may see in detail.
 */
import { Access, Indicator, Measurement, Periode, Progress } from "@dvcc/core"
import { Gebieden, Measurements, Plans, ProgramStore } from "@dvcc/store"
import { Effect, Schema, Struct } from "effect"
import { Hono } from "hono"
import * as Endpoint from "../Endpoint.ts"
import type { Env } from "../Env.ts"
import { found, jarenOf, latestYear, today } from "./Services.ts"

const MetVersie = Schema.Struct({ versie: Schema.Int, indicator: Indicator.Indicator }).annotate({
  identifier: "IndicatorMetVersie"
})

const Detail = Schema.Struct({
  versie: Schema.Int,
  indicator: Indicator.Indicator,
  voortgang: Progress.Progress,
  metingen: Schema.Array(Measurement.Measurement)
}).annotate({ identifier: "IndicatorDetail" })

const { id: _id, jaar: _jaar, ...wijzigbaar } = Indicator.Indicator.fields

const Wijziging = Schema.Struct({
  basedOn: Schema.Int.annotate({ description: "De versie waarop de wijziging is gebaseerd" }),
  ...Struct.map(wijzigbaar, Schema.optionalKey)
}).annotate({ identifier: "IndicatorWijziging" })

const Peiling = Schema.Struct({
  jaar: Schema.optionalKey(Endpoint.IntFromString),
  asOf: Schema.optionalKey(Periode.Datum)
})

const lijst = Endpoint.make({
  method: "get",
  path: "/",
  summary: "De berekende voortgang van de indicatoren op een peildatum (standaard vandaag)",
  actie: "programma:lezen",
  query: Peiling,
  response: Schema.Array(Progress.Progress),
  problems: ["niet-gevonden", "validatie"]
})

const een = Endpoint.make({
  method: "get",
  path: "/:id",
  summary:
    "Eén indicator met versie, voortgang en de metingen die het token mag zien (standaard uit het laatste jaarplan)",
  description:
    "De voortgang is regionaal en voor elk token gelijk; een telling uit het activiteitenregister noemt alleen de activiteiten die het token mag zien. Een districts- of gemeentetoken krijgt alleen de metingen over de regio, een district of basisteam en over zijn eigen gemeenten.",
  actie: "programma:lezen",
  params: Schema.Struct({ id: Schema.NonEmptyString }),
  query: Peiling,
  response: Detail,
  problems: ["niet-gevonden", "validatie"]
})

const maak = Endpoint.make({
  method: "post",
  path: "/",
  summary: "Voeg een indicator (monitoringsafspraak) toe aan een jaarplan",
  actie: "programma:schrijven",
  body: Indicator.Indicator,
  response: MetVersie,
  status: 201,
  location: ({ indicator }) => `/api/v1/indicatoren/${indicator.id}?jaar=${indicator.jaar}`,
  problems: ["validatie"]
})

const wijzig = Endpoint.make({
  method: "patch",
  path: "/:id",
  summary: "Wijzig een indicator; `basedOn` is de versie die u las",
  actie: "programma:schrijven",
  params: Schema.Struct({ id: Schema.NonEmptyString }),
  query: Schema.Struct({ jaar: Endpoint.IntFromString }),
  body: Wijziging,
  response: MetVersie,
  problems: ["niet-gevonden", "conflict", "validatie"]
})

export const app = new Hono<Env>()

app.get(
  lijst.path,
  ...Endpoint.handle(lijst, ({ query, principal }) =>
    Effect.gen(function* () {
      const dataset = yield* (yield* ProgramStore.ProgramStore).load
      const jaren = yield* jarenOf(dataset, query.jaar)
      const peildatum = query.asOf ?? (yield* today)
      return Progress.evaluateAll(
        dataset.indicatoren.filter((i) => jaren.includes(i.jaar)),
        dataset.metingen,
        {
          peildatum,
          regio: dataset.regio,
          activiteiten: dataset.activiteiten,
          zicht: Access.visibility(principal, dataset.regio.gemeenten)
        }
      )
    })
  )
)

app.get(
  een.path,
  ...Endpoint.handle(een, ({ params, query, principal }) =>
    Effect.gen(function* () {
      const dataset = yield* (yield* ProgramStore.ProgramStore).load
      const jaar = query.jaar ?? (yield* latestYear(dataset.indicatoren, params.id, "indicator"))
      const current = yield* found<Plans.Versioned<Indicator.Indicator>>(`indicator ${jaar}/${params.id}`)(
        yield* (yield* Plans.Plans).indicator(jaar, params.id)
      )
      const all = dataset.metingen.filter((m) => m.jaar === jaar && m.indicator === params.id)
      const metingen = [
        ...(yield* (yield* Measurements.Measurements).list(
          { jaar, indicator: params.id },
          yield* Gebieden.visibilityOf(principal)
        ))
      ].sort((a, b) => a.periode.localeCompare(b.periode) || a.id.localeCompare(b.id))
      const [voortgang] = Progress.evaluateAll([current.value], all, {
        peildatum: query.asOf ?? (yield* today),
        regio: dataset.regio,
        activiteiten: dataset.activiteiten,
        zicht: Access.visibility(principal, dataset.regio.gemeenten)
      })
      return {
        versie: current.versie,
        indicator: current.value,
        voortgang: voortgang as Progress.Progress,
        metingen
      }
    })
  )
)

app.post(
  maak.path,
  ...Endpoint.handle(maak, ({ body, source }) =>
    Effect.map(
      Effect.flatMap(Plans.Plans, (plans) => plans.createIndicator(body, source)),
      (r) => ({ versie: r.versie, indicator: r.value })
    )
  )
)

app.patch(
  wijzig.path,
  ...Endpoint.handle(wijzig, ({ params, query, body, source }) =>
    Effect.gen(function* () {
      const plans = yield* Plans.Plans
      const current = yield* found<Plans.Versioned<Indicator.Indicator>>(
        `indicator ${query.jaar}/${params.id}`
      )(yield* plans.indicator(query.jaar, params.id))
      const { basedOn, ...changes } = body
      const changed = yield* Schema.decodeUnknownEffect(Indicator.Indicator)(
        Schema.encodeSync(Indicator.Indicator)({ ...current.value, ...changes })
      )
      const updated = yield* plans.updateIndicator(changed, basedOn, source)
      return { versie: updated.versie, indicator: updated.value }
    })
  )
)

export const group: Endpoint.Group = {
  prefix: "/api/v1/indicatoren",
  tag: "indicatoren",
  description: "De indicatoren (monitoringsafspraken) en hun berekende voortgang.",
  endpoints: [lijst, een, maak, wijzig]
}
