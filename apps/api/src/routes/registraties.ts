/**
 * `GET /api/v1/registraties?periode&gemeente`: police registrations per period, area and delict type. A
 * `district` token gets only the rows of its gemeenten and the aggregate rows (region, district,
 * basisteam): the scope is applied in the store's query. For that audience every count below 5 is shown
 * as `"< 5"`, and the damage of a row whose victims are hidden is hidden too.
 */
import { type Access, Geography, Periode, Registration, Suppression } from "@dvcc/core"
import { Registrations } from "@dvcc/store"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import * as Endpoint from "../Endpoint.ts"
import type { Env } from "../Env.ts"
import { storeScope } from "./Scope.ts"

const Rij = Schema.Struct({
  periode: Periode.Periode,
  gebied: Geography.Gebied,
  delict: Registration.Delict,
  aangiften: Suppression.Cel,
  meldingen: Suppression.Cel,
  slachtoffers: Suppression.Cel,
  schade: Suppression.Cel
}).annotate({ identifier: "RegistratieGepubliceerd" })

const lijst = Endpoint.make({
  method: "get",
  path: "/",
  summary: "Registraties per periode, gebied en delict, binnen de gemeenten van het token",
  description: 'Voor een districtstoken zijn aantallen kleiner dan 5 afgeschermd ("< 5").',
  actie: "registraties:lezen",
  query: Schema.Struct({
    periode: Schema.optionalKey(Periode.FromText),
    gemeente: Schema.optionalKey(Geography.CbsCode)
  }),
  response: Schema.Array(Rij),
  problems: ["validatie"]
})

/** One row as this audience may see it. */
const publish = (r: Registration.Registration, publiek: Access.Rol): typeof Rij.Type => {
  const [aangiften = null, meldingen = null, slachtoffers = null] = Suppression.onderdruk(
    { waarden: [r.aangiften, r.meldingen, r.slachtoffers], sommen: [] },
    { publiek }
  )
  const [schade = null] = Suppression.onderdruk(
    { waarden: [r.schade], sommen: [] },
    { publiek, aantallen: false, gekoppeld: Suppression.isOnderdrukt(slachtoffers) ? [0] : [] }
  )
  return {
    periode: r.periode,
    gebied: r.gebied,
    delict: r.delict,
    aangiften,
    meldingen,
    slachtoffers,
    schade
  }
}

export const app = new Hono<Env>()

app.get(
  lijst.path,
  ...Endpoint.handle(lijst, ({ query, principal }) =>
    Effect.gen(function* () {
      const rows = yield* (yield* Registrations.Registrations).list(query, yield* storeScope(principal))
      return rows.map((r) => publish(r, principal.rol))
    })
  )
)

export const group: Endpoint.Group = {
  prefix: "/api/v1/registraties",
  tag: "registraties",
  description: "Politieregistraties, binnen de scope van het token en met kleine aantallen afgeschermd.",
  endpoints: [lijst]
}
