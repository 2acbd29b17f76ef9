/**
 * `/api/v1/activiteiten`: the activities, filtered by gemeente, soort and period. A `district` or
 * `gemeente` token sees and writes only the activities of its gemeenten (and sees the regional ones): the
 * scope is applied in the store's queries and checked on the stored record a write changes, not only on
 * the request. Changing a stored activity needs the version it was read at (`basedOn`).
 *
 * A bespreking in de driehoek (soort `informatiebeeld-besproken-in-driehoek`) carries `bespreking`: the
 * informatiebeeld's period, the deelnemers and the afspraken. `GET /afspraken/open` lists the open
 * afspraken the token may see, `PATCH /:id/afspraken/:afspraak` marks one afgerond.
 */
import { Access, Activity, Bespreking, Periode } from "@dvcc/core"
import { Activities, Gebieden } from "@dvcc/store"
import { Effect, Schema, Struct } from "effect"
import { Hono } from "hono"
import * as Endpoint from "../Endpoint.ts"
import type { Env } from "../Env.ts"
import * as Problem from "../Problem.ts"

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

const Vastleggen = Schema.Struct({
  ...Activity.Activity.fields,
  basedOn: Schema.optionalKey(
    Schema.Int.annotate({ description: "Om een bestaande activiteit te wijzigen: de versie die u las" })
  )
})
  .check(Schema.makeFilter(Activity.besprekingPastBijSoort))
  .annotate({ identifier: "ActiviteitVastleggen" })

const maak = Endpoint.make({
  method: "post",
  path: "/",
  summary: "Leg activiteiten vast (idempotent op id); alleen in de gemeenten van het token",
  description:
    "Een nieuwe id wordt toegevoegd, dezelfde activiteit nog eens verandert niets, en een bestaande activiteit met andere gegevens wijzigt alleen met `basedOn`, de versie die u las (anders 409). Een districts- of gemeentetoken legt alleen activiteiten van zijn eigen gemeenten vast, onder een id die begint met `act-<datum>-<gemeente>-` (zoals de import ze maakt); een id die het token niet ziet, is 404, of ze nu elders bestaat of niet. Een lege lijst is 400.",
  actie: "activiteiten:schrijven",
  body: Schema.Array(Vastleggen),
  response: Schema.Struct({ inserted: Schema.Int, updated: Schema.Int, unchanged: Schema.Int }).annotate({
    identifier: "Vastgelegd"
  }),
  problems: ["validatie", "niet-gevonden", "conflict"]
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

const OpenAfspraak = Schema.Struct({
  activiteit: Schema.String,
  gemeente: Schema.NullOr(Schema.String),
  datum: Periode.Datum,
  informatiebeeld: Periode.Periode,
  afspraak: Bespreking.Afspraak,
  teLaat: Schema.Boolean.annotate({ description: "Open en de datum uiterlijk is voorbij" })
}).annotate({ identifier: "OpenAfspraak" })

const openAfspraken = Endpoint.make({
  method: "get",
  path: "/afspraken/open",
  summary: "De open afspraken uit besprekingen in de driehoek, binnen de gemeenten van het token",
  description:
    "Te laat (`teLaat`) is een open afspraak waarvan de datum `uiterlijk` voor vandaag ligt; die staan vooraan.",
  actie: "activiteiten:lezen",
  query: Schema.Struct({
    gemeente: Schema.optionalKey(Schema.String),
    periode: Schema.optionalKey(Periode.FromText)
  }),
  response: Schema.Array(OpenAfspraak),
  problems: ["validatie"]
})

const afronden = Endpoint.make({
  method: "patch",
  path: "/:id/afspraken/:afspraak",
  summary: "Markeer een afspraak van een bespreking als afgerond; alleen binnen de gemeenten van het token",
  description:
    "Zonder `afgerondOp` is de datum vandaag. Met `basedOn` alleen als de activiteit nog die versie heeft (anders 409). Een activiteit of afspraak die het token niet ziet, is 404, of ze nu elders bestaat of niet.",
  actie: "activiteiten:schrijven",
  params: Schema.Struct({ id: Schema.NonEmptyString, afspraak: Bespreking.AfspraakId }),
  body: Schema.Struct({
    status: Schema.Literal("afgerond"),
    afgerondOp: Schema.optionalKey(Periode.Datum),
    basedOn: Schema.optionalKey(Schema.Int)
  }).annotate({ identifier: "AfspraakAfronden" }),
  response: MetVersie,
  problems: ["niet-gevonden", "conflict", "validatie"]
})

export const app = new Hono<Env>()

app.get(
  openAfspraken.path,
  ...Endpoint.handle(openAfspraken, ({ query, principal }) =>
    Effect.gen(function* () {
      const scope = yield* Gebieden.visibilityOf(principal)
      const { gemeente, ...rest } = query
      return yield* (yield* Activities.Activities).openAfspraken(
        yield* Periode.vandaag,
        { ...rest, ...(gemeente === undefined ? {} : { gemeente: gemeente as never }) },
        scope
      )
    })
  )
)

app.patch(
  afronden.path,
  ...Endpoint.handle(afronden, ({ params, body, principal, source }) =>
    Effect.gen(function* () {
      const scope = yield* Gebieden.visibilityOf(principal)
      const r = yield* (yield* Activities.Activities).afspraakAfronden(
        params.id,
        params.afspraak,
        body.afgerondOp ?? (yield* Periode.vandaag),
        source,
        scope,
        body.basedOn
      )
      return { versie: r.version, activiteit: r.activity }
    })
  )
)

app.get(
  lijst.path,
  ...Endpoint.handle(lijst, ({ query, principal }) =>
    Effect.gen(function* () {
      const scope = yield* Gebieden.visibilityOf(principal)
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
      const r = yield* (yield* Activities.Activities).get(params.id, yield* Gebieden.visibilityOf(principal))
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
      if (body.length === 0)
        return yield* Problem.make("ongeldig-verzoek", "Stuur minstens één activiteit mee.")
      const visibility = yield* Gebieden.visibilityOf(principal)
      yield* inRegio(
        body.map((a) => a.gemeente),
        (i) => `${i}.gemeente`
      )
      const outside = body.filter(
        (a) => visibility.kind !== "alles" && (a.gemeente === null || !Access.sees(visibility, a.gemeente))
      )
      if (outside.length > 0) {
        return yield* Problem.make(
          "geen-toegang",
          `Dit token mag geen activiteiten vastleggen buiten zijn gemeenten: ${outside.map((a) => a.id).join(", ")}.`
        )
      }
      return yield* (yield* Activities.Activities)
        .write(
          body.map(({ basedOn, ...activity }) => ({ activity, basedOn })),
          { importId: `api-${requestId}`, actor: `token ${principal.tokenId}` },
          visibility
        )
        .pipe(Effect.mapError((e) => explained(e, body)))
    })
  )
)

/** The store's refusal of one activity of a request, said so that the client knows what to do. */
const explained = <E>(error: E, body: ReadonlyArray<{ readonly id: string; readonly basedOn?: number }>) => {
  const e = error as { readonly _tag?: string; readonly key?: string; readonly actual?: number }
  if (e._tag === "NotFound")
    return Problem.make(
      "niet-gevonden",
      `Activiteit ${e.key} bestaat niet binnen de gemeenten van dit token. Een nieuwe activiteit krijgt een id die begint met act-<datum>-<gemeente>-, zoals de import ze maakt; er is niets vastgelegd.`
    )
  if (e._tag === "Conflict" && body.find((a) => a.id === e.key)?.basedOn === undefined)
    return Problem.make(
      "conflict",
      `Activiteit ${e.key} bestaat al (versie ${e.actual}) met andere gegevens: stuur basedOn mee met de versie die u las om haar te wijzigen; er is niets vastgelegd.`
    )
  return error
}

app.patch(
  wijzig.path,
  ...Endpoint.handle(wijzig, ({ params, body, principal, source }) =>
    Effect.gen(function* () {
      const scope = yield* Gebieden.visibilityOf(principal)
      const activities = yield* Activities.Activities
      // Not found also when the token may not see it: the store reads within the scope.
      const current = yield* activities.get(params.id, scope)
      const { basedOn, ...changes } = body
      const changed = { ...current.activity, ...changes }
      const past = Activity.besprekingPastBijSoort(changed)
      if (past !== true)
        return yield* Problem.make("validatie", "De activiteit is ongeldig.", [
          { pad: past.path.join("."), melding: past.issue }
        ])
      yield* inRegio([changed.gemeente], () => "gemeente")
      if (scope.kind !== "alles" && (changed.gemeente === null || !Access.sees(scope, changed.gemeente)))
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
  endpoints: [lijst, openAfspraken, een, maak, wijzig, afronden]
}
