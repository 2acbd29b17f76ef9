/**
 * The monitoring agreements of both year plans as indicators, plus the numeric targets of actions. An
 * agreement that continues into 2026 keeps its id and names its 2025 version as `voorganger`.
 *
 * @since 0.1.0
 */
import type { Indicator } from "@dvcc/core"

type IndicatorEncoded = typeof Indicator.Indicator.Encoded

const monitoring2025 = (doel: number, citaat: string) => ({
  document: "Jaarplan 2025",
  sectie: `Wat gaan we daarvoor doen?, doel ${doel} (monitoring/outputafspraak)`,
  citaat
})
const actie2025 = (actie: number, citaat: string) => ({
  document: "Jaarplan 2025",
  sectie: `Bijlage 1 Acties 2025, actie ${actie}`,
  citaat
})
const monitoring2026 = (doel: number, citaat: string) => ({
  document: "Jaarplan 2026",
  sectie: `Wat gaan we daarvoor doen in 2026?, doel ${doel} (monitoring/outputafspraak)`,
  citaat
})
const actie2026 = (actie: number, citaat: string) => ({
  document: "Jaarplan 2026",
  sectie: `Bijlage 1 Acties 2026, actie ${actie}`,
  citaat
})

const AANGIFTEBEREIDHEID =
  "In 2027 is de aangifte- en meldingsbereidheid gestegen naar 20% ten opzichte van 2023 waarin dit 16,9% was. " +
  "(Bron: Veiligheidsmonitor)."
const SLACHTOFFERSCHAP =
  "In 2027 is het aantal slachtoffers in de regio gedaald naar 13% ten opzichte van 2023 waarin dit 15,6% was. " +
  "(Bron: Veiligheidsmonitor)."
const RIEC_PER_DISTRICT = "Minimaal één gecombineerde RIEC-casus per district."
const KENNISBIJEENKOMSTEN = "Gemiddeld één kennisbijeenkomst per maand aan de hand van een leerlijn DVCC."

/**
 * The indicators of Jaarplan 2025.
 *
 * @since 0.1.0
 * @category data
 */
export const indicatoren2025: ReadonlyArray<IndicatorEncoded> = [
  {
    id: "informatiebeeld-driehoek",
    jaar: 2025,
    baat: "baat-1",
    tekst: "Tweemaal per jaar lokaal informatiebeeld agenderen op basisteamdriehoek.",
    regel: { soort: "dekking", niveau: "basisteam", minimumPerEenheid: 2, periode: "2025" },
    eenheid: "besprekingen",
    richting: "hoger",
    schaal: "basisteam",
    bron: "activiteitenregister",
    verwachtOp: null,
    telling: { activiteit: "informatiebeeld-besproken-in-driehoek" },
    acties: [1],
    voorganger: null,
    herkomst: monitoring2025(1, "Tweemaal per jaar lokaal informatiebeeld agenderen op basisteamdriehoek.")
  },
  {
    id: "aangiftebereidheid",
    jaar: 2025,
    baat: "baat-2",
    tekst: AANGIFTEBEREIDHEID,
    regel: {
      soort: "traject",
      basis: { periode: "2023", waarde: 16.9 },
      doel: { periode: "2027", waarde: 20 },
      tolerantie: 0.5
    },
    eenheid: "%",
    richting: "hoger",
    schaal: "regio",
    bron: "veiligheidsmonitor",
    verwachtOp: "2027-12-31",
    acties: [4],
    voorganger: null,
    herkomst: monitoring2025(2, AANGIFTEBEREIDHEID)
  },
  {
    id: "campagnemateriaal",
    jaar: 2025,
    baat: "baat-2",
    tekst:
      "Ontwikkelen campagnemateriaal en beschikbaar stellen voor lokaal gebruik om de meldings- en " +
      "aangiftebereidheid te vergroten.",
    regel: {
      soort: "mijlpalen",
      mijlpalen: [
        { id: "ontwikkeld", tekst: "Campagnemateriaal ontwikkeld" },
        { id: "beschikbaar", tekst: "Beschikbaar gesteld voor lokaal gebruik" }
      ],
      periode: "2025"
    },
    eenheid: "mijlpalen",
    richting: "hoger",
    schaal: "regio",
    bron: "programma-administratie",
    verwachtOp: null,
    acties: [3, 4],
    voorganger: null,
    herkomst: monitoring2025(2, "Ontwikkelen campagnemateriaal en beschikbaar stellen voor lokaal gebruik")
  },
  {
    id: "kennisbijeenkomsten",
    jaar: 2025,
    baat: "baat-3",
    tekst: KENNISBIJEENKOMSTEN,
    regel: { soort: "gemiddeld-per-maand", perMaand: 1, periode: "2025" },
    eenheid: "kennisbijeenkomsten",
    richting: "hoger",
    schaal: "regio",
    bron: "activiteitenregister",
    verwachtOp: null,
    telling: { activiteit: "kennisbijeenkomst" },
    // "Gemiddeld één kennisbijeenkomst per maand": counted per month.
    ritme: "maand",
    acties: [6],
    voorganger: null,
    herkomst: monitoring2025(3, KENNISBIJEENKOMSTEN)
  },
  {
    id: "instroom",
    jaar: 2025,
    baat: "baat-4",
    tekst:
      "In lijn met de landelijke veiligheidsagenda de minimale instroom van zowel cybercrime als " +
      "gedigitaliseerde criminaliteit in 2025 met 10% verhogen t.o.v. de minimale instroomdoelstelling van 2024.",
    regel: { soort: "groei", groeiPercentage: 10, periode: "2025" },
    eenheid: "instroom (zaken)",
    richting: "hoger",
    schaal: "regio",
    bron: "politieregistratie",
    // Jaarplan 2026, bijlage 2 (doel 4): "Volgt in januari 2026": the year's figure a month after it.
    verwachtOp: "2026-01-31",
    ritme: "jaar",
    vertraging: 1,
    acties: [5, 8],
    voorganger: null,
    herkomst: monitoring2025(
      4,
      "de minimale instroom van zowel cybercrime als gedigitaliseerde criminaliteit in 2025 met 10% verhogen"
    )
  },
  {
    id: "riec-casus-per-district",
    jaar: 2025,
    baat: "baat-4",
    tekst: RIEC_PER_DISTRICT,
    regel: { soort: "dekking", niveau: "district", minimumPerEenheid: 1, periode: "2025" },
    eenheid: "RIEC-casussen",
    richting: "hoger",
    schaal: "district",
    bron: "activiteitenregister",
    verwachtOp: null,
    telling: { activiteit: "riec-casus" },
    acties: [8],
    voorganger: null,
    herkomst: monitoring2025(4, RIEC_PER_DISTRICT)
  },
  {
    id: "bestuurlijke-rapportages",
    jaar: 2025,
    baat: "baat-4",
    tekst:
      "Minimaal vijf bestuurlijke rapportages opgeleverd tegen personen die zich beziggehouden hebben met online " +
      "criminaliteit of panden waarbinnen online criminaliteit heeft plaatsgevonden.",
    regel: { soort: "minimum-aantal", minimum: 5, periode: "2025" },
    eenheid: "bestuurlijke rapportages",
    richting: "hoger",
    schaal: "regio",
    bron: "activiteitenregister",
    verwachtOp: null,
    telling: { activiteit: "bestuurlijke-rapportage" },
    acties: [5],
    voorganger: null,
    herkomst: monitoring2025(4, "Minimaal vijf bestuurlijke rapportages opgeleverd")
  },
  {
    id: "slachtofferschap",
    jaar: 2025,
    baat: "baat-5",
    tekst: SLACHTOFFERSCHAP,
    regel: {
      soort: "traject",
      basis: { periode: "2023", waarde: 15.6 },
      doel: { periode: "2027", waarde: 13 },
      tolerantie: 0.5
    },
    eenheid: "%",
    richting: "lager",
    schaal: "regio",
    bron: "veiligheidsmonitor",
    verwachtOp: "2027-12-31",
    acties: [],
    voorganger: null,
    herkomst: monitoring2025(5, SLACHTOFFERSCHAP)
  },
  {
    id: "communicatie-uiting-per-gemeente",
    jaar: 2025,
    baat: "baat-2",
    tekst:
      "Elke gemeente plaatst minimaal één integrale communicatie-uiting over (de lokale kant van) online " +
      "criminaliteit.",
    regel: { soort: "dekking", niveau: "gemeente", minimumPerEenheid: 1, periode: "2025" },
    eenheid: "communicatie-uitingen",
    richting: "hoger",
    schaal: "gemeente",
    bron: "activiteitenregister",
    verwachtOp: null,
    telling: { activiteit: "communicatie-uiting" },
    acties: [3],
    voorganger: null,
    herkomst: actie2025(3, "Elke gemeente plaatst minimaal één integrale communicatie-uiting")
  },
  {
    id: "regionale-media-aandacht",
    jaar: 2025,
    baat: "baat-2",
    tekst:
      "Minimaal vier keer regionaal onder de aandacht brengen dat politie, OM en gemeenten samenwerken om (de " +
      "impact van) slachtoffers- en daderschap te voorkomen en daders te pakken.",
    regel: { soort: "minimum-aantal", minimum: 4, periode: "2025" },
    eenheid: "keer regionale media-aandacht",
    richting: "hoger",
    schaal: "regio",
    bron: "programma-administratie",
    verwachtOp: null,
    acties: [3],
    voorganger: null,
    herkomst: actie2025(3, "Minimaal vier keer regionaal onder de aandacht brengen")
  },
  {
    id: "mailupdates",
    jaar: 2025,
    baat: "baat-2",
    tekst: "4 x mailupdate om het netwerk actief betrokken te houden.",
    regel: { soort: "minimum-aantal", minimum: 4, periode: "2025" },
    eenheid: "mailupdates",
    richting: "hoger",
    schaal: "regio",
    bron: "programma-administratie",
    verwachtOp: null,
    acties: [3],
    voorganger: null,
    herkomst: actie2025(3, "4 x mailupdate")
  },
  {
    id: "nieuwsbrieven",
    jaar: 2025,
    baat: "baat-2",
    tekst: "6 x externe nieuwsbrief om het netwerk actief betrokken te houden.",
    regel: { soort: "minimum-aantal", minimum: 6, periode: "2025" },
    eenheid: "externe nieuwsbrieven",
    richting: "hoger",
    schaal: "regio",
    bron: "programma-administratie",
    verwachtOp: null,
    acties: [3],
    voorganger: null,
    herkomst: actie2025(3, "6 x externe nieuwsbrief")
  },
  {
    id: "ciso-bijeenkomsten",
    jaar: 2025,
    baat: "baat-3",
    tekst:
      "Twee fysieke regionale netwerkbijeenkomsten over een (voor de CISO’s) relevant thema ter vergroting van de " +
      "expertise.",
    regel: { soort: "minimum-aantal", minimum: 2, periode: "2025" },
    eenheid: "CISO-netwerkbijeenkomsten",
    richting: "hoger",
    schaal: "regio",
    bron: "activiteitenregister",
    verwachtOp: null,
    telling: { activiteit: "ciso-bijeenkomst" },
    acties: [6],
    voorganger: null,
    herkomst: actie2025(6, "Twee fysieke regionale netwerkbijeenkomsten")
  },
  {
    id: "cyberoefendriehoek-deelname",
    jaar: 2025,
    baat: "baat-3",
    tekst: "12 basisteamdriehoeken doen mee aan de cyberoefendriehoek op 5 maart 2025.",
    // The exercise was held on 5 March 2025, so the count is due at the end of the first quarter.
    regel: { soort: "minimum-aantal", minimum: 12, periode: "2025-Q1" },
    eenheid: "basisteamdriehoeken",
    richting: "hoger",
    schaal: "regio",
    bron: "programma-administratie",
    verwachtOp: null,
    acties: [7],
    voorganger: null,
    herkomst: actie2025(7, "12 basisteamdriehoeken doen mee aan de oefening.")
  },
  {
    id: "jeugdprofessionals-sessies",
    jaar: 2025,
    baat: "baat-4",
    tekst:
      "Naar aanleiding van gepresenteerde handreiking bij ten minste vijf gemeenten een sessie begeleiden met " +
      "jeugdprofessionals over (het signaleren van) de problematiek in hun gemeente.",
    regel: { soort: "minimum-aantal", minimum: 5, periode: "2025" },
    eenheid: "gemeenten met een sessie",
    richting: "hoger",
    schaal: "regio",
    bron: "programma-administratie",
    verwachtOp: null,
    acties: [8],
    voorganger: null,
    herkomst: actie2025(8, "bij ten minste vijf gemeenten een sessie begeleiden met jeugdprofessionals")
  },
  {
    id: "echt-nep-bereik",
    jaar: 2025,
    baat: "baat-5",
    tekst: "Echt-Nep campagne: bereik van minimaal 300 senioren in de regio via Echt-Nep bijeenkomsten.",
    regel: { soort: "minimum-aantal", minimum: 300, periode: "2025" },
    eenheid: "senioren bereikt",
    richting: "hoger",
    schaal: "regio",
    bron: "programma-administratie",
    verwachtOp: null,
    acties: [9],
    voorganger: null,
    herkomst: actie2025(9, "bereik van minimaal 300 senioren in de regio via Echt-Nep bijeenkomsten")
  },
  {
    id: "train-de-trainer",
    jaar: 2025,
    baat: "baat-5",
    tekst:
      "Echt-Nep Train-The-Trainer: opleiding van gemeentelijke trainers, zodat een meerderheid van de gemeenten " +
      "zelfstandig de presentatie kan inzetten.",
    // "een meerderheid van de gemeenten": more than half.
    regel: { soort: "aandeel", niveau: "gemeente", minimumAandeel: 50, periode: "2025" },
    eenheid: "gemeenten",
    richting: "hoger",
    schaal: "gemeente",
    bron: "programma-administratie",
    verwachtOp: null,
    acties: [9],
    voorganger: null,
    herkomst: actie2025(9, "zodat een meerderheid van de gemeenten zelfstandig de presentatie kan inzetten")
  },
  {
    id: "actiedag-acties",
    jaar: 2025,
    baat: "baat-5",
    tekst:
      "Een mooie actiedag met minimaal 100 acties waar publieke en private organisaties hun verantwoordelijkheid " +
      "pakken om de weerbaarheid van inwoners in Midden-Nederland een boost te geven.",
    regel: { soort: "minimum-aantal", minimum: 100, periode: "2025" },
    eenheid: "acties",
    richting: "hoger",
    schaal: "regio",
    bron: "activiteitenregister",
    verwachtOp: null,
    telling: { activiteit: "actiedag-activiteit" },
    acties: [10],
    voorganger: null,
    herkomst: actie2025(10, "Een mooie actiedag met minimaal 100 acties")
  },
  {
    id: "huisbezoeken",
    jaar: 2025,
    baat: "baat-5",
    tekst: "In 2025 worden er minimaal 10 huisbezoeken afgelegd aan slachtoffers van online criminaliteit.",
    regel: { soort: "minimum-aantal", minimum: 10, periode: "2025" },
    eenheid: "huisbezoeken",
    richting: "hoger",
    schaal: "regio",
    bron: "activiteitenregister",
    verwachtOp: null,
    telling: { activiteit: "huisbezoek" },
    acties: [11],
    voorganger: null,
    herkomst: actie2025(11, "In 2025 worden er minimaal 10 huisbezoeken afgelegd")
  }
]

const uit2025 = (id: string) => ({ jaar: 2025, id })

/**
 * The indicators of Jaarplan 2026.
 *
 * @since 0.1.0
 * @category data
 */
export const indicatoren2026: ReadonlyArray<IndicatorEncoded> = [
  {
    id: "werkwijze-informatiebeeld",
    jaar: 2026,
    baat: "baat-1",
    tekst:
      "Er is een werkwijze geformuleerd, afgestemd en gecommuniceerd ten aanzien van het delen van een periodiek " +
      "informatiebeeld online criminaliteit voor de regio.",
    regel: {
      soort: "mijlpalen",
      mijlpalen: [
        { id: "geformuleerd", tekst: "Werkwijze geformuleerd" },
        { id: "afgestemd", tekst: "Werkwijze afgestemd" },
        { id: "gecommuniceerd", tekst: "Werkwijze gecommuniceerd" }
      ],
      periode: "2026"
    },
    eenheid: "mijlpalen",
    richting: "hoger",
    schaal: "regio",
    bron: "programma-administratie",
    verwachtOp: null,
    acties: [1],
    voorganger: null,
    herkomst: monitoring2026(1, "Er is een werkwijze geformuleerd, afgestemd en gecommuniceerd")
  },
  {
    id: "aangiftebereidheid",
    jaar: 2026,
    baat: "baat-2",
    tekst: AANGIFTEBEREIDHEID,
    regel: {
      soort: "traject",
      basis: { periode: "2023", waarde: 16.9 },
      doel: { periode: "2027", waarde: 20 },
      tolerantie: 0.5
    },
    eenheid: "%",
    richting: "hoger",
    schaal: "regio",
    bron: "veiligheidsmonitor",
    verwachtOp: "2027-12-31",
    acties: [4],
    voorganger: uit2025("aangiftebereidheid"),
    herkomst: monitoring2026(2, AANGIFTEBEREIDHEID)
  },
  {
    id: "contentsuggesties",
    jaar: 2026,
    baat: "baat-2",
    tekst:
      "Ieder kwartaal geven we contentsuggesties voor lokaal gebruik om de meldings- en aangiftebereidheid te " +
      "vergroten.",
    regel: { soort: "dekking", niveau: "kwartaal", minimumPerEenheid: 1, periode: "2026" },
    eenheid: "contentsuggesties",
    richting: "hoger",
    schaal: "regio",
    bron: "activiteitenregister",
    verwachtOp: null,
    telling: { activiteit: "contentsuggestie" },
    acties: [3],
    voorganger: null,
    herkomst: monitoring2026(2, "Ieder kwartaal geven we contentsuggesties voor lokaal gebruik")
  },
  {
    id: "kennisbijeenkomsten",
    jaar: 2026,
    baat: "baat-3",
    tekst: KENNISBIJEENKOMSTEN,
    regel: { soort: "gemiddeld-per-maand", perMaand: 1, periode: "2026" },
    eenheid: "kennisbijeenkomsten",
    richting: "hoger",
    schaal: "regio",
    bron: "activiteitenregister",
    verwachtOp: null,
    telling: { activiteit: "kennisbijeenkomst" },
    // "Gemiddeld één kennisbijeenkomst per maand": counted per month.
    ritme: "maand",
    acties: [6],
    voorganger: uit2025("kennisbijeenkomsten"),
    herkomst: monitoring2026(3, KENNISBIJEENKOMSTEN)
  },
  {
    id: "instroom",
    jaar: 2026,
    baat: "baat-4",
    tekst:
      "In lijn met de landelijke veiligheidsagenda de minimale instroom van zowel cybercrime als " +
      "gedigitaliseerde criminaliteit in 2026 met 10% verhogen t.o.v. de minimale instroomdoelstelling van 2025.",
    regel: { soort: "groei", groeiPercentage: 10, periode: "2026" },
    eenheid: "instroom (zaken)",
    richting: "hoger",
    schaal: "regio",
    bron: "politieregistratie",
    // Jaarplan 2026 does not say when the 2026 figures follow; as for 2025, a month after the year.
    verwachtOp: null,
    ritme: "jaar",
    vertraging: 1,
    // As in 2025: the bestuurlijke aanpak and the action that carries the RIEC work (now actie 9).
    acties: [5, 9],
    voorganger: uit2025("instroom"),
    herkomst: monitoring2026(
      4,
      "de minimale instroom van zowel cybercrime als gedigitaliseerde criminaliteit in 2026 met 10% verhogen"
    )
  },
  {
    id: "riec-casus-per-district",
    jaar: 2026,
    baat: "baat-4",
    tekst: RIEC_PER_DISTRICT,
    regel: { soort: "dekking", niveau: "district", minimumPerEenheid: 1, periode: "2026" },
    eenheid: "RIEC-casussen",
    richting: "hoger",
    schaal: "district",
    bron: "activiteitenregister",
    verwachtOp: null,
    telling: { activiteit: "riec-casus" },
    acties: [9],
    voorganger: uit2025("riec-casus-per-district"),
    herkomst: monitoring2026(4, RIEC_PER_DISTRICT)
  },
  {
    id: "bestuurlijke-aanpak-geborgd",
    jaar: 2026,
    baat: "baat-4",
    tekst:
      "De bestuurlijke aanpak van online criminaliteit is geborgd in de organisaties van de gemeenten, OM en politie.",
    regel: {
      soort: "mijlpalen",
      mijlpalen: [
        { id: "gemeenten", tekst: "Geborgd in de organisaties van de gemeenten" },
        { id: "om", tekst: "Geborgd in de organisatie van het OM" },
        { id: "politie", tekst: "Geborgd in de organisatie van de politie" }
      ],
      periode: "2026"
    },
    eenheid: "mijlpalen",
    richting: "hoger",
    schaal: "regio",
    bron: "programma-administratie",
    verwachtOp: null,
    acties: [5],
    voorganger: null,
    herkomst: monitoring2026(4, "De bestuurlijke aanpak van online criminaliteit is geborgd")
  },
  {
    id: "riec-casussen-online",
    jaar: 2026,
    baat: "baat-4",
    tekst: "Minimaal vijf RIEC-casussen hebben in 2026 betrekking op online criminaliteit.",
    regel: { soort: "minimum-aantal", minimum: 5, periode: "2026" },
    eenheid: "RIEC-casussen",
    richting: "hoger",
    schaal: "regio",
    bron: "activiteitenregister",
    verwachtOp: null,
    telling: { activiteit: "riec-casus" },
    acties: [9],
    voorganger: null,
    herkomst: actie2026(9, "Minimaal vijf RIEC-casussen hebben in 2026 betrekking op online criminaliteit.")
  },
  {
    id: "slachtofferschap",
    jaar: 2026,
    baat: "baat-5",
    tekst: SLACHTOFFERSCHAP,
    regel: {
      soort: "traject",
      basis: { periode: "2023", waarde: 15.6 },
      doel: { periode: "2027", waarde: 13 },
      tolerantie: 0.5
    },
    eenheid: "%",
    richting: "lager",
    schaal: "regio",
    bron: "veiligheidsmonitor",
    verwachtOp: "2027-12-31",
    acties: [],
    voorganger: uit2025("slachtofferschap"),
    herkomst: monitoring2026(5, SLACHTOFFERSCHAP)
  },
  {
    id: "uitvoeringsprogramma-per-district",
    jaar: 2026,
    baat: "baat-5",
    tekst:
      "In ieder district is er een gezamenlijk uitvoeringsprogramma op de aanpak van digitale veiligheid en " +
      "cybercriminaliteit.",
    regel: { soort: "dekking", niveau: "district", minimumPerEenheid: 1, periode: "2026" },
    eenheid: "uitvoeringsprogramma’s",
    richting: "hoger",
    schaal: "district",
    bron: "programma-administratie",
    verwachtOp: null,
    acties: [],
    voorganger: null,
    herkomst: monitoring2026(5, "In ieder district is er een gezamenlijk uitvoeringsprogramma")
  },
  {
    id: "actiedag-activiteiten",
    jaar: 2026,
    baat: "baat-5",
    tekst:
      "Een regionale actiedag met minimaal 100 onderbouwde en doelgroepgerichte activiteiten gericht op " +
      "cyberweerbaarheid (actiedag #EchtNietVandaag 2027, georganiseerd in 2026).",
    // The actiedag organised in 2026 takes place in 2027.
    regel: { soort: "minimum-aantal", minimum: 100, periode: "2027" },
    eenheid: "activiteiten",
    richting: "hoger",
    schaal: "regio",
    bron: "activiteitenregister",
    verwachtOp: null,
    telling: { activiteit: "actiedag-activiteit" },
    acties: [10],
    voorganger: null,
    herkomst: actie2026(
      10,
      "een regionale actiedag met minimaal 100 onderbouwde en doelgroepgerichte activiteiten"
    )
  }
]

/**
 * All indicators, 2025 first.
 *
 * @since 0.1.0
 * @category data
 */
export const indicatoren: ReadonlyArray<IndicatorEncoded> = [...indicatoren2025, ...indicatoren2026]
