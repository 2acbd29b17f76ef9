/**
 * Fictitious data for the report tests and the benchmark: the bundled region with registrations for
 * every gemeente per quarter (2023 to 2025) and activities. Sizes differ per gemeente, so small numbers
 * (below the suppression threshold) occur in the small ones. Deterministic.
 */
import { type Activity, Periode, type Registration } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import type { Gegevens } from "../src/Informatiebeeld.ts"

const prng = (seed: number): (() => number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const delicten: ReadonlyArray<Registration.Delict> = [
  "aan-en-verkoopfraude",
  "phishing",
  "bankhelpdeskfraude",
  "vriend-in-nood-fraude",
  "identiteitsfraude",
  "hacken",
  "sextortion",
  "beleggingsfraude"
]
const gewicht: Record<string, number> = { "aan-en-verkoopfraude": 10, phishing: 5, bankhelpdeskfraude: 3 }
const herkomst = { document: "testdata", sectie: "fictieve registraties" }

export const kwartalen: ReadonlyArray<Periode.Periode> = [2023, 2024, 2025].flatMap((j) =>
  ([1, 2, 3, 4] as const).map((q) => Periode.kwartaal(j, q))
)

/** Fictitious registrations for every gemeente, quarter and delict; Utrecht (GM0344) is the largest. */
export const registraties = (seed = 7): ReadonlyArray<Registration.Registration> => {
  const random = prng(seed)
  return dataset.regio.gemeenten.flatMap((g, gi) => {
    const grootte = g.code === "GM0344" ? 12 : g.code === "GM0339" ? 0.15 : 0.4 + (gi % 7) * 0.5
    return kwartalen.flatMap((periode, ki) =>
      delicten.map((delict) => {
        const basis = grootte * (gewicht[delict] ?? 1) * (1 + ki * 0.04) * (0.6 + random() * 0.8)
        const aangiften = Math.round(basis)
        const slachtoffers = Math.round(basis * 1.1)
        return {
          periode,
          gebied: { niveau: "gemeente" as const, code: g.code },
          delict,
          aangiften,
          meldingen: Math.round(basis * 0.5),
          slachtoffers,
          schade: Math.round(slachtoffers * (20_000 + random() * 80_000)),
          herkomst
        } as unknown as Registration.Registration
      })
    )
  })
}

/** A few activities in Utrecht and Zeist in 2025. */
export const activiteiten: ReadonlyArray<Activity.Activity> = [
  {
    id: "a1",
    datum: "2025-07-10",
    gemeente: "GM0344",
    soort: "kennisbijeenkomst",
    doelgroep: "senioren",
    bereik: 45,
    omschrijving: "Voorlichting phishing in de bibliotheek"
  },
  {
    id: "a2",
    datum: "2025-09-02",
    gemeente: "GM0344",
    soort: "echt-nep-bijeenkomst",
    doelgroep: "jeugd",
    bereik: 120
  },
  { id: "a3", datum: "2025-03-15", gemeente: "GM0355", soort: "informatiebeeld-besproken-in-driehoek" },
  {
    id: "a4",
    datum: "2025-08-20",
    gemeente: "GM0355",
    soort: "communicatie-uiting",
    omschrijving: "Campagne aan- en verkoopfraude"
  }
] as unknown as ReadonlyArray<Activity.Activity>

export const gegevens = (seed = 7): Gegevens => ({
  regio: dataset.regio,
  registraties: registraties(seed),
  reeksbreuken: dataset.reeksbreuken,
  activiteiten
})
