/**
 * The bundled data with a district, police registrations per gemeente in 2025-Q4 and activities in two
 * gemeenten, and one account per role, for the tests of the reading pages.
 */
import { Access, type Activity, type Dataset, type Geography, type Registration } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { Users } from "@dvcc/store"
import { Effect } from "effect"
import { accounts, makeWeb, password } from "./fixture.ts"

export const amersfoort = "GM0307"
export const baarn = "GM0308"
export const utrecht = "GM0344"
export const district = "district-oost"

const herkomst = { document: "testgegevens", sectie: "Registraties" }

/** Amersfoort's aangiften of phishing are 3: below the threshold of 5, hidden from a gemeente reader. */
const registraties: ReadonlyArray<Registration.Registration> = dataset.regio.gemeenten.flatMap((g, i) =>
  (["phishing", "hacken"] as const).map(
    (delict): Registration.Registration => ({
      periode: "2025-Q4" as Registration.Registration["periode"],
      gebied: { niveau: "gemeente", code: g.code },
      delict,
      aangiften: g.code === amersfoort && delict === "phishing" ? 3 : 40 + i,
      meldingen: 20 + i,
      slachtoffers: g.code === utrecht ? 987 : 30 + i,
      schade: null,
      herkomst
    })
  )
)

const activiteit = (
  id: string,
  gemeente: string,
  soort: Activity.Activity["soort"],
  omschrijving: string
): Activity.Activity => ({
  id,
  datum: "2025-10-15" as Activity.Activity["datum"],
  gemeente: gemeente as Geography.CbsCode,
  soort,
  omschrijving
})

export const activiteiten: ReadonlyArray<Activity.Activity> = [
  activiteit(`act-2025-10-15-${amersfoort}-1`, amersfoort, "riec-casus", "RIEC-casus Amersfoort"),
  activiteit(
    `act-2025-10-15-${amersfoort}-2`,
    amersfoort,
    "informatiebeeld-besproken-in-driehoek",
    "Driehoek Amersfoort"
  ),
  activiteit(
    `act-2025-10-15-${utrecht}-1`,
    utrecht,
    "informatiebeeld-besproken-in-driehoek",
    "Geheime driehoek Utrecht"
  ),
  activiteit(`act-2025-10-15-${utrecht}-2`, utrecht, "riec-casus", "Geheime casus Utrecht"),
  activiteit(`act-2025-10-15-${amersfoort}-3`, amersfoort, "huisbezoek", "Huisbezoek Amersfoort"),
  activiteit(`act-2025-10-15-${utrecht}-3`, utrecht, "huisbezoek", "Geheim huisbezoek Utrecht")
]

export const testData: Dataset.Dataset = {
  ...dataset,
  regio: {
    ...dataset.regio,
    // One district of two gemeenten and one whose gemeenten no source names, in place of the bundled five.
    districten: [
      { id: district, naam: "Oost" },
      { id: "district-west", naam: "West" }
    ],
    gemeenten: dataset.regio.gemeenten.map((g) => ({
      ...g,
      district: g.code === amersfoort || g.code === baarn ? district : null
    }))
  },
  registraties: [...dataset.registraties, ...registraties],
  activiteiten: [...dataset.activiteiten, ...activiteiten]
}

/** The accounts of `makeWeb` (beheerder, programma, Amersfoort's adviser) and a district's. */
export const rollen = {
  ...accounts,
  district: { email: "district@dvcc.test", rol: "district", scope: Access.parseScope(district) }
} as const

export const makePagesWeb = async (extra: Parameters<typeof makeWeb>[1] = {}) => {
  const web = await makeWeb({ perAccount: 1000, perAddress: 1000 }, { dataset: testData, ...extra })
  await web.runtime.runPromise(
    Effect.gen(function* () {
      const users = yield* Users.Users
      yield* users.create({ ...rollen.district, password }, "test")
    })
  )
  return web
}
