/**
 * `GET /api/v1/informatiebeeld/{gebied}?periode=`: the informatiebeeld of a gemeente (CBS code), district
 * or basisteam (its id), or `regio`. A `gemeente` token may ask for its own gemeente and the region, a
 * `district` token for its district, its gemeenten and the region. For those two audiences only the
 * published figures are returned: the cells of `Suppression.publicatie` over the whole data set (counts
 * below 5 as `"< 5"`, secondary suppression `"×"` over every area, period and document together), for
 * the published periods only (per year its quarters, or the year where only that is registered); the full
 * picture with its derived figures (per 10,000 inhabitants, share, change, rank) only to `beheerder` and
 * `programma`. A regio, district or basisteam of which only some gemeenten have registrations over the
 * period is their sum, a lower bound: `dekking` says which, for every audience, and `dekkingUitleg` in Dutch.
 */
import { Access, Geography, Informatiebeeld, Periode, Suppression } from "@dvcc/core"
import { ProgramStore, Registrations } from "@dvcc/store"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import * as Endpoint from "../Endpoint.ts"
import type { Env } from "../Env.ts"
import * as Problem from "../Problem.ts"

const Antwoord = Schema.Struct({
  gebied: Geography.Gebied,
  naam: Schema.String,
  periode: Periode.Periode,
  vorigePeriode: Periode.Periode,
  jaarEerder: Periode.Periode,
  publiek: Suppression.Publiek,
  /** The figures as published for this audience: suppressed for a gemeente or district. */
  gepubliceerd: Suppression.GepubliceerdBeeld,
  /** The whole picture with derived figures; `null` for a gemeente or district audience. */
  volledig: Schema.NullOr(Informatiebeeld.Informatiebeeld),
  /**
   * When only some gemeenten of the area have registrations over the period: which, and that every figure
   * is their sum, so at least the area's real figure and never its total. `null` when the figures are whole.
   */
  dekking: Schema.NullOr(Informatiebeeld.Dekking),
  dekkingUitleg: Schema.NullOr(Schema.String),
  uitleg: Schema.String
}).annotate({ identifier: "InformatiebeeldAntwoord" })

const lees = Endpoint.make({
  method: "get",
  path: "/:gebied",
  summary: "Het informatiebeeld van een gemeente (GM-code), district, basisteam of de regio in een periode",
  description:
    'Voor een gemeente- of districtstoken alleen de gepubliceerde aantallen: kleine aantallen afgeschermd ("< 5") en waar nodig andere cellen ("×"), met één patroon over alle gebieden, perioden en rapporten samen. Gepubliceerd wordt per kwartaal (of per jaar waar alleen jaarcijfers bestaan); een andere periode geeft 422.',
  actie: "informatiebeeld:lezen",
  params: Schema.Struct({ gebied: Schema.NonEmptyString }),
  query: Schema.Struct({ periode: Periode.FromText }),
  response: Antwoord,
  problems: ["niet-gevonden", "validatie"],
  cache: () => ""
})

/** The area a path names, or a 404. */
const gebiedVan = (regio: Geography.Regio, naam: string) => {
  if (naam === "regio") return Effect.succeed<Geography.Gebied>(Geography.regio)
  if (regio.gemeenten.some((g) => g.code === naam))
    return Effect.succeed<Geography.Gebied>({ niveau: "gemeente", code: naam as Geography.CbsCode })
  if (regio.districten.some((d) => d.id === naam))
    return Effect.succeed<Geography.Gebied>({ niveau: "district", id: naam })
  if (regio.basisteams.some((b) => b.id === naam))
    return Effect.succeed<Geography.Gebied>({ niveau: "basisteam", id: naam })
  return Effect.fail(
    Problem.make("niet-gevonden", `${naam} is geen gemeente (GM-code), district of basisteam van de regio.`)
  )
}

/** Whether a scoped principal may see the area: the region, or an area all of whose gemeenten it may see. */
const maySee = (principal: Access.Principal, regio: Geography.Regio, gebied: Geography.Gebied): boolean => {
  if (gebied.niveau === "regio") return true
  const visibility = Access.visibility(principal, regio.gemeenten)
  if (visibility.kind === "alles") return true
  const gemeenten = Geography.gemeentenIn(regio, gebied)
  return gemeenten.length > 0 && gemeenten.every((g) => Access.sees(visibility, g.code))
}

type Beeld = Informatiebeeld.Informatiebeeld

/**
 * The last pictures per dataset: the dataset object stays the same while the database does not change
 * (`ProgramCache`; every import is audited), so a picture of the same area and period is made once.
 */
const beelden = new WeakMap<object, Map<string, Beeld>>()

export const app = new Hono<Env>()

app.get(
  lees.path,
  ...Endpoint.handle(lees, ({ params, query, principal }) =>
    Effect.gen(function* () {
      const dataset = yield* (yield* ProgramStore.ProgramStore).load
      const gebied = yield* gebiedVan(dataset.regio, params.gebied)
      if (!maySee(principal, dataset.regio, gebied))
        return yield* Problem.make(
          "geen-toegang",
          `Een token met rol ${principal.rol} ziet het informatiebeeld van ${Geography.gebiedLabel(dataset.regio, gebied)} niet.`
        )
      const publiek: Suppression.Publiek = principal.rol
      const publicatie = Suppression.geldtVoor(publiek) ? Suppression.publicatie(dataset) : null
      const geweigerd =
        publicatie === null ? undefined : Suppression.nietGepubliceerd(publicatie, query.periode)
      if (geweigerd !== undefined) return yield* Problem.make("validatie", geweigerd)
      let perDataset = beelden.get(dataset)
      if (perDataset === undefined) {
        perDataset = new Map()
        beelden.set(dataset, perDataset)
      }
      const key = `${JSON.stringify(gebied)}/${query.periode}`
      let beeld = perDataset.get(key)
      if (beeld === undefined) {
        const registraties = yield* (yield* Registrations.Registrations).forInformatiebeeld({
          regio: dataset.regio,
          gebied,
          periode: query.periode
        })
        beeld = Informatiebeeld.make({
          regio: dataset.regio,
          registraties,
          reeksbreuken: dataset.reeksbreuken,
          gebied,
          periode: query.periode
        })
        if (perDataset.size >= 256) perDataset.clear()
        perDataset.set(key, beeld)
      }
      return {
        gebied,
        naam: beeld.naam,
        periode: beeld.periode,
        vorigePeriode: beeld.vorigePeriode,
        jaarEerder: beeld.jaarEerder,
        publiek,
        gepubliceerd: Suppression.informatiebeeld(beeld, publicatie),
        volledig: publicatie === null ? beeld : null,
        dekking: beeld.dekking,
        dekkingUitleg:
          beeld.dekking === null
            ? null
            : Informatiebeeld.dekkingZin(
                dataset.regio,
                beeld.naam,
                Periode.label(beeld.periode),
                beeld.dekking
              ),
        uitleg: Suppression.uitleg()
      }
    })
  )
)

export const group: Endpoint.Group = {
  prefix: "/api/v1/informatiebeeld",
  tag: "informatiebeeld",
  description: "Het informatiebeeld online criminaliteit per gebied, met kleine aantallen afgeschermd.",
  endpoints: [lees]
}
