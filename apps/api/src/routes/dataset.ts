/**
 * `GET /api/v1/dataset`: the whole programme as one core `Dataset` (DIN, region, jaarplannen, indicators,
 * measurements, registrations, activities), for `dvcc dashboard --api`, which computes everything it
 * shows from it as it does from its own database.
 *
 * Only for tokens that read everything (`beheerder`, `programma`): a `Dataset` is valid only as a whole,
 * with the registrations' real counts and every gemeente a reference may point at. Narrowed to a district
 * or gemeente it would have to leave out the other gemeenten's rows, or show small counts as `"< 5"`, and
 * be a valid `Dataset` no longer; so a `district` or `gemeente` token gets a 403 here (the guard refuses
 * `gemeente`, which may not read registrations at all; the handler refuses `district`). Those audiences
 * read the scoped and suppressed routes: `/registraties`, `/informatiebeeld`, `/activiteiten`.
 */
import { Dataset } from "@dvcc/core"
import { Gebieden, ProgramStore } from "@dvcc/store"
import { Effect } from "effect"
import { Hono } from "hono"
import * as Endpoint from "../Endpoint.ts"
import type { Env } from "../Env.ts"
import * as Problem from "../Problem.ts"

const lees = Endpoint.make({
  method: "get",
  path: "/",
  summary: "De hele programmadata in één keer (het schema Dataset), voor dvcc dashboard --api",
  description:
    "Alleen voor tokens die alles lezen (rol beheerder of programma). De dataset is alleen als geheel geldig, met de echte aantallen van alle gemeenten; een districts- of gemeentetoken krijgt daarom 403 en leest via /registraties, /informatiebeeld en /activiteiten, binnen zijn scope en met kleine aantallen afgeschermd.",
  actie: "registraties:lezen",
  response: Dataset.Dataset,
  // The answer follows from the database and the token alone.
  cache: () => ""
})

export const app = new Hono<Env>()

app.get(
  lees.path,
  ...Endpoint.handle(lees, ({ principal }) =>
    Effect.gen(function* () {
      const scope = yield* Gebieden.visibilityOf(principal)
      if (scope.kind !== "alles") {
        return yield* Problem.make(
          "geen-toegang",
          `Een token met rol ${principal.rol} mag de hele programmadata niet lezen: die bevat de registraties van alle gemeenten. Gebruik een token met rol programma of beheerder.`
        )
      }
      return yield* (yield* ProgramStore.ProgramStore).load
    })
  )
)

export const group: Endpoint.Group = {
  prefix: "/api/v1/dataset",
  tag: "dataset",
  description: "De hele programmadata als één dataset, voor tokens die alles lezen.",
  endpoints: [lees]
}
