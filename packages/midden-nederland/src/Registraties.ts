/**
 * The police figures of 2024 that Jaarplan 2025 quotes in "Wat is er aan de hand?", and the series break
 * it warns about. The full overview of 2024 the plan attaches ("Bijgevoegd het volledige overzicht van
 * 2024") is not part of the seed, so only the three delict types the text names are here; a count the text
 * does not give stays `null`.
 *
 * @since 0.1.0
 */
import type { Registration } from "@dvcc/core"

type Registratie = typeof Registration.Registration.Encoded

const SITUATIE = { document: "Jaarplan 2025", sectie: "Wat is er aan de hand?" } as const

// Whole euros to the integer cents of core's Money.
const euro = (bedrag: number): number => bedrag * 100

/**
 * Police registrations of 2024 for the whole region.
 *
 * @since 0.1.0
 * @category data
 */
export const registraties: ReadonlyArray<Registratie> = [
  {
    periode: "2024",
    gebied: { niveau: "regio" },
    delict: "aan-en-verkoopfraude",
    // "ruim 5,500 mensen deden hiervan aangifte": they are counted as both victims and reports.
    aangiften: 5500,
    meldingen: null,
    slachtoffers: 5500,
    schade: euro(1_300_000),
    kwalificaties: { aangiften: "ruim", slachtoffers: "ruim", schade: "ruim" },
    herkomst: {
      ...SITUATIE,
      citaat:
        "Aan- en verkoopfraude maakte in 2024 de meeste slachtoffers in Midden-Nederland: ruim 5,500 mensen " +
        "deden hiervan aangifte, goed voor ruim 1,3 miljoen euro."
    }
  },
  {
    periode: "2024",
    gebied: { niveau: "regio" },
    delict: "beleggingsfraude",
    aangiften: null,
    meldingen: null,
    slachtoffers: 284,
    schade: euro(5_600_000),
    herkomst: {
      ...SITUATIE,
      citaat: "het schadebedrag is 5,6 miljoen euro bij 284 slachtoffers"
    }
  },
  {
    periode: "2024",
    gebied: { niveau: "regio" },
    delict: "bankhelpdeskfraude",
    aangiften: null,
    meldingen: null,
    slachtoffers: 1100,
    schade: euro(4_300_000),
    kwalificaties: { slachtoffers: "ruim" },
    herkomst: {
      ...SITUATIE,
      citaat:
        "Bankhelpdeskfraude volgt daarna als delict met de meeste schade: voor 4,3 miljoen euro bij ruim 1,100 slachtoffers."
    }
  }
]

/**
 * The change in the police's maatschappelijke klassen that registers cybercrime and online fraud apart.
 *
 * @since 0.1.0
 * @category data
 */
export const reeksbreuken: ReadonlyArray<typeof Registration.Reeksbreuk.Encoded> = [
  {
    vanaf: "2024",
    delicten: [],
    reden:
      "Door een wijziging in de maatschappelijke klassen van de politie worden cybercrime en online fraude apart " +
      "geregistreerd, terwijl dat daarvoor nog niet gebeurde. De afname van -42% op cybercrime is hierdoor " +
      "(deels) te verklaren; vergelijkingen met voorgaande jaren moeten zeer terughoudend worden gemaakt.",
    herkomst: {
      ...SITUATIE,
      citaat:
        "Deze sterke daling is (deels) te verklaren door een wijziging in de maatschappelijke klassen van de " +
        "politie. In het huidige beeld worden cybercrime en online fraude apart geregistreerd, terwijl dat " +
        "daarvoor nog niet gebeurde. Daarom moet zeer terughoudend de vergelijking worden gemaakt met die van " +
        "voorgaande jaren."
    }
  }
]
