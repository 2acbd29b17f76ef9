/**
 * The measurements the plans report: the results of 2025 as Jaarplan 2026, bijlage 2 (Terugblik 2025) gives
 * them. The Terugblik was written before the year ended (evaluated on 27 October 2025, plan dated 4 November
 * 2025); a figure carries a peildatum only where the text states one.
 *
 * The counts of activities (kennisbijeenkomsten, RIEC-casussen, bestuurlijke rapportages, actiedag-activiteiten,
 * driehoeken that discussed the informatiebeeld) are the activity register's counts as the Terugblik reports
 * them, so their source is the register; the register counts itself once it holds activities of the period.
 *
 * Not here, because the plans give no figure: instroom ("Volgt in januari 2026"), the Veiligheidsmonitor
 * figures for aangiftebereidheid and slachtofferschap ("Volgt in 2027"), and results the Terugblik does
 * not mention (huisbezoeken, nieuwsbrieven, CISO-bijeenkomsten, …).
 *
 * @since 0.1.0
 */
import type { Measurement } from "@dvcc/core"

type Meting = typeof Measurement.Measurement.Encoded

const VASTGELEGD_OP = "2025-11-04"
const terugblik = (doel: number, citaat: string, toelichting = false) => ({
  document: "Jaarplan 2026",
  sectie: `Bijlage 2 Terugblik 2025, doel ${doel}${toelichting ? " (toelichting)" : ""}`,
  citaat
})

/**
 * Measurements for the indicators of 2025.
 *
 * @since 0.1.0
 * @category data
 */
export const metingen: ReadonlyArray<Meting> = [
  {
    id: "m-2025-informatiebeeld-driehoek",
    indicator: "informatiebeeld-driehoek",
    jaar: 2025,
    periode: "2025",
    gebied: { niveau: "regio" },
    waarde: 5,
    bron: "activiteitenregister",
    toelichting:
      "Aantal basisteamdriehoeken dat het lokale informatiebeeld twee keer besprak, binnen de pilot in de " +
      "driehoeken van de burgemeesters uit de bestuurlijke werkgroep; welke driehoeken is niet vastgelegd. " +
      "De aanpak wordt in 2026 breder uitgezet in de eenheid.",
    vastgelegdOp: VASTGELEGD_OP,
    herkomst: terugblik(1, "In vijf driehoeken is het lokale informatiebeeld twee keer besproken.")
  },
  {
    id: "m-2025-campagnemateriaal-ontwikkeld",
    indicator: "campagnemateriaal",
    jaar: 2025,
    periode: "2025",
    gebied: { niveau: "regio" },
    waarde: 1,
    mijlpaal: "ontwikkeld",
    bron: "programma-administratie",
    toelichting:
      "Er is een communicatiebord ontwikkeld; het moet nog lokaal worden geïmplementeerd (mijlpaal " +
      "‘beschikbaar’ is nog niet bereikt).",
    vastgelegdOp: VASTGELEGD_OP,
    herkomst: terugblik(
      2,
      "Er is een communicatiebord ontwikkeld welke door partners gebruikt kan worden in hun communicatie over " +
        "het onderwerp, maar deze moet nog lokaal worden geïmplementeerd."
    )
  },
  {
    id: "m-2025-aangiftebereidheid-cbs-2024",
    indicator: "aangiftebereidheid",
    jaar: 2025,
    periode: "2024",
    gebied: { niveau: "regio" },
    waarde: 18,
    bron: "cbs",
    toelichting:
      "Signaal uit CBS, Online veiligheid en criminaliteit 2024 (landelijk onderzoek), niet de " +
      "Veiligheidsmonitor die de afspraak noemt. Een deel hiervan deed uiteindelijk aangifte (16% van de " +
      "slachtoffers). De situatieschets van Jaarplan 2026 noemt voor hetzelfde onderzoek 17%.",
    vastgelegdOp: VASTGELEGD_OP,
    herkomst: terugblik(2, "in 2024 18% van de slachtoffers dit bij de politie heeft gemeld")
  },
  {
    id: "m-2025-kennisbijeenkomsten",
    indicator: "kennisbijeenkomsten",
    jaar: 2025,
    periode: "2025",
    gebied: { niveau: "regio" },
    waarde: 15,
    bron: "activiteitenregister",
    toelichting:
      "Leerlijn met de thema’s online jeugdcriminaliteit, integraal communiceren en informatiegestuurd werken.",
    vastgelegdOp: VASTGELEGD_OP,
    herkomst: terugblik(3, "zijn er in 2025 15 kennisbijeenkomsten geweest")
  },
  {
    id: "m-2025-riec-casus-per-district",
    indicator: "riec-casus-per-district",
    jaar: 2025,
    periode: "2025",
    gebied: { niveau: "regio" },
    // For a dekking rule a regional value counts the units that reached the minimum: the Terugblik says the
    // two (combined) cases were started in three districts, so three districts have a case.
    waarde: 3,
    bron: "activiteitenregister",
    toelichting: "Twee RIEC-casussen opgestart in drie districten; welke districten is niet vastgelegd.",
    vastgelegdOp: VASTGELEGD_OP,
    herkomst: terugblik(
      4,
      "Uiteindelijk heeft zijn er in 2025 twee RIEC-casussen opgestart in drie districten."
    )
  },
  {
    id: "m-2025-bestuurlijke-rapportages",
    indicator: "bestuurlijke-rapportages",
    jaar: 2025,
    periode: "2025",
    gebied: { niveau: "regio" },
    waarde: 10,
    kwalificatie: "meer-dan",
    bron: "activiteitenregister",
    toelichting: "Tegen verdachten van online criminaliteit.",
    vastgelegdOp: VASTGELEGD_OP,
    herkomst: terugblik(4, "In 2025 zijn meer dan 10 bestuurlijke rapportages opgeleverd")
  },
  {
    id: "m-2025-bestuurlijke-rapportages-tot-oktober",
    indicator: "bestuurlijke-rapportages",
    jaar: 2025,
    periode: "2025",
    gebied: { niveau: "regio" },
    waarde: 12,
    kwalificatie: "meer-dan",
    peildatum: "2025-09-30",
    bron: "activiteitenregister",
    toelichting:
      "De toelichting bij doel 4 noemt een hoger aantal dan de tabel (meer dan 10); beide zijn vastgelegd zoals " +
      "het jaarplan ze schrijft.",
    vastgelegdOp: VASTGELEGD_OP,
    herkomst: terugblik(4, "tot oktober 2025 meer dan 12 bestuurlijke rapportages opgeleverd", true)
  },
  {
    id: "m-2025-slachtofferschap-cbs-2024",
    indicator: "slachtofferschap",
    jaar: 2025,
    periode: "2024",
    gebied: { niveau: "regio" },
    waarde: 16,
    bron: "cbs",
    toelichting:
      "Signaal uit CBS, Online veiligheid en criminaliteit 2024, niet de Veiligheidsmonitor die de afspraak " +
      "noemt: een stijging van 15,6% naar 16%.",
    vastgelegdOp: VASTGELEGD_OP,
    herkomst: terugblik(5, "in 2024 nog een stijging te zien was van 15,6% naar 16%")
  },
  {
    id: "m-2025-echt-nep-bereik",
    indicator: "echt-nep-bereik",
    jaar: 2025,
    periode: "2025",
    gebied: { niveau: "regio" },
    waarde: 787,
    bron: "programma-administratie",
    vastgelegdOp: VASTGELEGD_OP,
    herkomst: terugblik(5, "Echt-Nep campagne: Bereikte in 2025 787 senioren (doel: 300).", true)
  },
  {
    id: "m-2025-train-de-trainer",
    indicator: "train-de-trainer",
    jaar: 2025,
    periode: "2025",
    gebied: { niveau: "regio" },
    waarde: 29,
    bron: "programma-administratie",
    toelichting:
      "Aantal gemeenten dat de Echt-Nep interventie zelfstandig uitvoert; welke is niet vastgelegd.",
    vastgelegdOp: VASTGELEGD_OP,
    herkomst: terugblik(5, "inmiddels 29 gemeenten deze interventie zelfstandig uit", true)
  },
  {
    id: "m-2025-actiedag-acties",
    indicator: "actiedag-acties",
    jaar: 2025,
    periode: "2025",
    gebied: { niveau: "regio" },
    waarde: 105,
    bron: "activiteitenregister",
    toelichting:
      "Actiedag #EchtNietVandaag op 10 september 2025; alle gemeenten en politiebasisteams deden mee.",
    vastgelegdOp: VASTGELEGD_OP,
    herkomst: terugblik(
      5,
      "op 10 september, met 105 preventieve activiteiten gericht op jeugd, senioren en ondernemers",
      true
    )
  }
]
