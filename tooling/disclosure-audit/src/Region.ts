/**
 * Small generated regions for the audit: two districts, three basisteams, seven gemeenten, three delict
 * types, registrations of 2025 per month or per quarter, with many counts below the threshold in several
 * gemeenten, basisteams, districts and months. Every figure is registered at gemeente level, so every sum
 * (area, period, delict) holds exactly and the audit may use all of them, as a careful reader would.
 */
import { type Dataset, Geography, type Periode, Registration } from "@dvcc/core"
import { dataset as bundled } from "@dvcc/midden-nederland"
import { Schema } from "effect"
import fc from "fast-check"

export const delicten: ReadonlyArray<Registration.Delict> = ["phishing", "hacken", "aan-en-verkoopfraude"]

/** Seven gemeenten: district noord (basisteams A {1,2}, B {3,4}), district zuid (basisteam C {5,6,7}). */
export const regio: Geography.Regio = Schema.decodeUnknownSync(Geography.Regio)({
  naam: "Auditregio",
  districten: [
    { id: "noord", naam: "Noord" },
    { id: "zuid", naam: "Zuid" }
  ],
  basisteams: [
    { id: "team-a", naam: "Team A", district: "noord" },
    { id: "team-b", naam: "Team B", district: "noord" },
    { id: "team-c", naam: "Team C", district: "zuid" }
  ],
  gemeenten: [
    ["GM9001", "Aastad", "noord", "team-a", 120_000],
    ["GM9002", "Beedorp", "noord", "team-a", 9_000],
    ["GM9003", "Ceeveen", "noord", "team-b", 45_000],
    ["GM9004", "Deewoude", "noord", "team-b", 6_500],
    ["GM9005", "Eeburg", "zuid", "team-c", 80_000],
    ["GM9006", "Efferen", "zuid", "team-c", 12_000],
    ["GM9007", "Geehout", "zuid", "team-c", 4_800]
  ].map(([code, naam, district, basisteam, inwoners]) => ({
    code,
    naam,
    provincie: "Utrecht",
    district,
    basisteam,
    inwoners: [
      { aantal: inwoners, peildatum: "2025-01-01", herkomst: { document: "audit", sectie: "regio" } }
    ]
  })),
  herkomst: { document: "audit", sectie: "regio" }
})

export const kwartalen: ReadonlyArray<Periode.Periode> = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"].map(
  (p) => p as Periode.Periode
)

/** Figures of one gemeente, delict and quarter; `perMaand` registers it as three months. */
export interface Cijfer {
  readonly gemeente: string
  readonly delict: Registration.Delict
  readonly kwartaal: Periode.Periode
  readonly aangiften: number
  readonly meldingen: number
  readonly slachtoffers: number
  /** In cents. */
  readonly schade: number
  readonly perMaand: boolean
}

const herkomst = { document: "audit", sectie: "registraties" }

/** The registrations of the figures: a quarter as registered, or split over its three months. */
export const registraties = (cijfers: ReadonlyArray<Cijfer>): ReadonlyArray<Registration.Registration> =>
  cijfers.flatMap((c) => {
    const gebied = { niveau: "gemeente", code: c.gemeente }
    if (!c.perMaand)
      return [
        Schema.decodeUnknownSync(Registration.Registration)({
          periode: c.kwartaal,
          gebied,
          delict: c.delict,
          aangiften: c.aangiften,
          meldingen: c.meldingen,
          slachtoffers: c.slachtoffers,
          schade: c.schade,
          herkomst
        })
      ]
    const jaar = c.kwartaal.slice(0, 4)
    const eerste = (Number(c.kwartaal.slice(6)) - 1) * 3 + 1
    const deel = (n: number, i: number) => Math.floor(n / 3) + (i < n % 3 ? 1 : 0)
    return [0, 1, 2].map((i) =>
      Schema.decodeUnknownSync(Registration.Registration)({
        periode: `${jaar}-${String(eerste + i).padStart(2, "0")}`,
        gebied,
        delict: c.delict,
        aangiften: deel(c.aangiften, i),
        meldingen: deel(c.meldingen, i),
        slachtoffers: deel(c.slachtoffers, i),
        schade: deel(c.schade, i),
        herkomst
      })
    )
  })

/**
 * Figures for every gemeente, delict and quarter: the small gemeenten (2, 4, 6, 7) and the rare delict
 * mostly below the threshold, the others mostly above; damage € 400 to € 4.000 per victim.
 */
export const cijfers: fc.Arbitrary<ReadonlyArray<Cijfer>> = (() => {
  const klein = new Set(["GM9002", "GM9004", "GM9006", "GM9007"])
  const cellen = regio.gemeenten.flatMap((g) =>
    delicten.flatMap((delict, d) => kwartalen.map((kwartaal) => ({ gemeente: g.code, delict, kwartaal, d })))
  )
  return fc.tuple(
    ...cellen.map(({ gemeente, delict, kwartaal, d }) => {
      const kleinGewicht = (klein.has(gemeente) ? 3 : 1) + (d === 2 ? 2 : 0)
      const aantal = fc.oneof(
        { arbitrary: fc.integer({ min: 0, max: 4 }), weight: kleinGewicht },
        { arbitrary: fc.integer({ min: 5, max: 64 }), weight: 4 }
      )
      return fc
        .record({
          aangiften: aantal,
          meldingen: aantal,
          slachtoffers: aantal,
          perSlachtoffer: fc.integer({ min: 40_000, max: 400_000 }),
          perMaand: fc.boolean()
        })
        .map(
          (c): Cijfer => ({
            gemeente,
            delict,
            kwartaal,
            aangiften: c.aangiften,
            meldingen: c.meldingen,
            slachtoffers: c.slachtoffers,
            schade: c.slachtoffers * c.perSlachtoffer,
            perMaand: c.perMaand
          })
        )
    })
  )
})()

/** A dataset for the store: the bundled programme, this region and these registrations, nothing else. */
export const datasetVan = (cijfers: ReadonlyArray<Cijfer>): Dataset.Dataset => ({
  program: bundled.program,
  regio,
  jaarplannen: [],
  indicatoren: [],
  metingen: [],
  registraties: [...registraties(cijfers)],
  reeksbreuken: [],
  activiteiten: []
})
