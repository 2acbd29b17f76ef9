/**
 * The region and its 38 gemeenten, transcribed from `data/regio-midden-nederland.csv`. The CSV leaves
 * district, basisteam and inhabitants empty because no verified source was at hand: they stay unknown
 * here (`null`, no inhabitants, no districts or basisteams) until someone fills them in from a source.
 *
 * @since 0.1.0
 */
import type { Geography } from "@dvcc/core"

type Gemeente = typeof Geography.Gemeente.Encoded

const gemeente = (code: string, naam: string, provincie: string): Gemeente => ({
  code,
  naam,
  provincie,
  district: null,
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
  districten: [],
  basisteams: [],
  gemeenten,
  herkomst: {
    document: "data/regio-midden-nederland.csv",
    sectie: "kolommen cbs_code, naam, provincie (referentiedata van het programma, shared/data, 2026-11)"
  }
}
