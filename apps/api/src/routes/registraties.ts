/**
 * `GET /api/v1/registraties?periode&gemeente`: police registrations per period, area and delict type. A
 * `district` token gets only the rows of its gemeenten and the aggregate rows (region, district,
 * basisteam): the scope is applied in the store's query. For the `gemeente` and `district` audiences every
 * figure is the cell of `Suppression.publicatie` (the same pattern as the informatiebeeld and the public
 * reports), so a row never shows a cell they hide; a row of a period that is not published (a month
 * summed into its quarter) is hidden.
 */
import { Geography, Periode, Registration, Suppression } from "@dvcc/core"
import { Gebieden, ProgramStore, Registrations } from "@dvcc/store"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import * as Endpoint from "../Endpoint.ts"
import type { Env } from "../Env.ts"

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
  description:
    'Voor een gemeente- of districtstoken zijn aantallen kleiner dan 5 afgeschermd ("< 5") en andere cellen waar nodig ("×"), met hetzelfde patroon als het informatiebeeld en de rapporten; rijen van niet gepubliceerde perioden (maanden) zijn afgeschermd.',
  actie: "registraties:lezen",
  query: Schema.Struct({
    periode: Schema.optionalKey(Periode.FromText),
    gemeente: Schema.optionalKey(Geography.CbsCode)
  }),
  response: Schema.Array(Rij),
  problems: ["validatie"]
})

/** One row as this audience may see it: for a suppressed audience the publication's cells. */
const publish = (
  r: Registration.Registration,
  publicatie: Suppression.Publicatie | null
): typeof Rij.Type => {
  const cel = (maat: "aangiften" | "meldingen" | "slachtoffers" | "schade") =>
    publicatie === null ? r[maat] : publicatie.cel(r.gebied, r.periode, r.delict, maat, r[maat])
  return {
    periode: r.periode,
    gebied: r.gebied,
    delict: r.delict,
    aangiften: cel("aangiften"),
    meldingen: cel("meldingen"),
    slachtoffers: cel("slachtoffers"),
    schade: cel("schade")
  }
}

export const app = new Hono<Env>()

app.get(
  lijst.path,
  ...Endpoint.handle(lijst, ({ query, principal }) =>
    Effect.gen(function* () {
      const rows = yield* (yield* Registrations.Registrations).list(
        query,
        yield* Gebieden.visibilityOf(principal)
      )
      const publicatie = Suppression.geldtVoor(principal.rol)
        ? Suppression.publicatie(yield* (yield* ProgramStore.ProgramStore).load)
        : null
      return rows.map((r) => publish(r, publicatie))
    })
  )
)

export const group: Endpoint.Group = {
  prefix: "/api/v1/registraties",
  tag: "registraties",
  description: "Politieregistraties, binnen de scope van het token en met kleine aantallen afgeschermd.",
  endpoints: [lijst]
}
