/**
 * The region and its 38 gemeenten, transcribed from `data/regio-midden-nederland.csv`, and the five police
 * districts of politie-eenheid Midden-Nederland with the gemeenten a source assigns to them, transcribed
 * from `data/politie-districten.csv`. A source places the gemeenten of Flevoland and Gooi en Vechtstreek
 * (the former police forces, with the borders of their veiligheidsregio) and the city of Utrecht
 * (Utrecht-Stad); which of the other 25 Utrecht gemeenten belong to Oost-Utrecht or West-Utrecht no source
 * at hand states, so their district stays `null`. Basisteams and inhabitants stay unknown (no basisteams,
 * no inhabitants) until someone fills them in from a source.
 *
 * @since 0.1.0
 */
import type { Geography } from "@dvcc/core"

type Gemeente = typeof Geography.Gemeente.Encoded

/**
 * The five districts, in the order of `data/politie-districten.csv`, with the CBS codes its
 * `gemeenten_bekend` column assigns to them (empty: no source names them).
 *
 * @since 0.1.0
 * @category data
 */
export const districten: ReadonlyArray<{
  readonly id: string
  readonly naam: string
  readonly gemeenten: ReadonlyArray<string>
}> = [
  {
    id: "flevoland",
    naam: "Flevoland",
    gemeenten: ["GM0034", "GM0050", "GM0171", "GM0184", "GM0303", "GM0995"]
  },
  {
    id: "gooi-en-vechtstreek",
    naam: "Gooi en Vechtstreek",
    gemeenten: ["GM0376", "GM0402", "GM0406", "GM0417", "GM1696", "GM1942"]
  },
  { id: "utrecht-stad", naam: "Utrecht-Stad", gemeenten: ["GM0344"] },
  { id: "oost-utrecht", naam: "Oost-Utrecht", gemeenten: [] },
  { id: "west-utrecht", naam: "West-Utrecht", gemeenten: [] }
]

const districtVan = new Map(districten.flatMap((d) => d.gemeenten.map((code) => [code, d.id] as const)))

const gemeente = (code: string, naam: string, provincie: string): Gemeente => ({
  code,
  naam,
  provincie,
  district: districtVan.get(code) ?? null,
  basisteam: null,
  inwoners: []
})

/**
 * The gemeenten in the order of the CSV.
 *
 * @since 0.1.0
 * @category data
 */
export const gemeenten: ReadonlyArray<Gemeente> = [
  gemeente("GM0307", "Amersfoort", "Utrecht"),
  gemeente("GM0308", "Baarn", "Utrecht"),
  gemeente("GM0310", "De Bilt", "Utrecht"),
  gemeente("GM0312", "Bunnik", "Utrecht"),
  gemeente("GM0313", "Bunschoten", "Utrecht"),
  gemeente("GM0317", "Eemnes", "Utrecht"),
  gemeente("GM0321", "Houten", "Utrecht"),
  gemeente("GM0327", "Leusden", "Utrecht"),
  gemeente("GM0331", "Lopik", "Utrecht"),
  gemeente("GM0335", "Montfoort", "Utrecht"),
  gemeente("GM0339", "Renswoude", "Utrecht"),
  gemeente("GM0340", "Rhenen", "Utrecht"),
  gemeente("GM0342", "Soest", "Utrecht"),
  gemeente("GM0344", "Utrecht", "Utrecht"),
  gemeente("GM0345", "Veenendaal", "Utrecht"),
  gemeente("GM0351", "Woudenberg", "Utrecht"),
  gemeente("GM0352", "Wijk bij Duurstede", "Utrecht"),
  gemeente("GM0353", "IJsselstein", "Utrecht"),
  gemeente("GM0355", "Zeist", "Utrecht"),
  gemeente("GM0356", "Nieuwegein", "Utrecht"),
  gemeente("GM0589", "Oudewater", "Utrecht"),
  gemeente("GM0632", "Woerden", "Utrecht"),
  gemeente("GM0736", "De Ronde Venen", "Utrecht"),
  gemeente("GM1581", "Utrechtse Heuvelrug", "Utrecht"),
  gemeente("GM1904", "Stichtse Vecht", "Utrecht"),
  gemeente("GM1961", "Vijfheerenlanden", "Utrecht"),
  gemeente("GM0034", "Almere", "Flevoland"),
  gemeente("GM0050", "Zeewolde", "Flevoland"),
  gemeente("GM0171", "Noordoostpolder", "Flevoland"),
  gemeente("GM0184", "Urk", "Flevoland"),
  gemeente("GM0303", "Dronten", "Flevoland"),
  gemeente("GM0995", "Lelystad", "Flevoland"),
  gemeente("GM0376", "Blaricum", "Noord-Holland"),
  gemeente("GM0402", "Hilversum", "Noord-Holland"),
  gemeente("GM0406", "Huizen", "Noord-Holland"),
  gemeente("GM0417", "Laren", "Noord-Holland"),
  gemeente("GM1696", "Wijdemeren", "Noord-Holland"),
  gemeente("GM1942", "Gooise Meren", "Noord-Holland")
]

/**
 * Regio Midden-Nederland in its encoded form.
 *
 * @since 0.1.0
 * @category data
 */
export const regio: typeof Geography.Regio.Encoded = {
  naam: "Midden-Nederland",
  districten: districten.map(({ id, naam }) => ({ id, naam })),
  basisteams: [],
  gemeenten,
  herkomst: {
    document: "data/regio-midden-nederland.csv, data/politie-districten.csv",
    sectie:
      "kolommen cbs_code, naam, provincie; districten met hun bekende gemeenten (bronnen: regio14.nl, regioburgemeesters.nl, vrgooienvechtstreek.nl) (referentiedata van het programma, shared/data, 2026-11)"
  }
}
