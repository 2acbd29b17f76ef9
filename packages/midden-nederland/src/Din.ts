/**
 * The programme's DIN (Doelen-Inspanningen-Netwerk) as Jaarplan 2025, bijlage 3 draws it, with the ambition
 * in the words of "Wat willen we bereiken?".
 *
 * @since 0.1.0
 */
import type { Din } from "@dvcc/core"

const DIN = {
  document: "Jaarplan 2025",
  sectie: "Bijlage 3 Doelen-Inspanningen-Netwerk (DIN); ambitie uit ‘Wat willen we bereiken?’"
} as const

/**
 * The DIN of the strategy period 2023–2026 in its encoded form. The next Regionale Veiligheidsstrategie
 * is written in 2026 (Jaarplan 2026); its DIN is not known yet and is not guessed here.
 *
 * @since 0.3.0
 * @category data
 */
export const din2023: typeof Din.Din.Encoded = {
  ambitie:
    "In Midden-Nederland gaan we slachtoffer- en daderschap van gedigitaliseerde criminaliteit en cybercrime " +
    "voorkomen en daders hiervan pakken. Hiertoe hebben we kundige(re) professionals nodig voor wie integraal " +
    "samenwerken tussen gemeenten, politie en OM vanzelfsprekend is. Data wordt gebruikt om capaciteit gericht " +
    "in te zetten. De potentiële slachtoffers en daders worden weerbaar tegen gedigitaliseerde criminaliteit en " +
    "cybercrime.",
  // "gestart in april 2023" with "een looptijd van vier jaar" (Jaarplan 2025, introductie); Jaarplan 2026
  // calls 2026 "het laatste jaar van de Regionale Veiligheidsstrategie" and the ambition "2023-2026".
  looptijd: { van: 2023, tot: 2026 },
  doelen: [
    { id: "voorkomen", naam: "Voorkomen slachtoffer- en daderschap en daders pakken" },
    { id: "kundiger", naam: "Kundiger organisaties en medewerkers" }
  ],
  // The DIN figure draws no lines from baten to doelen; this mapping is read from the figure's layout
  // (which baat stands under which doel) and is an interpretation, not a sentence of the plan.
  baten: [
    {
      id: "baat-1",
      nummer: 1,
      naam: "Integraal sturen vindt plaats op basis van informatiebeeld",
      doel: "kundiger"
    },
    {
      id: "baat-2",
      nummer: 2,
      naam: "Slachtoffers hebben een hogere meldings- en aangiftebereidheid",
      doel: "voorkomen"
    },
    {
      id: "baat-3",
      nummer: 3,
      naam: "Onze professionals zijn bewust en bekwaam t.a.v. DV&CC",
      doel: "kundiger"
    },
    { id: "baat-4", nummer: 4, naam: "Effectiever (voorkomen en) aanpakken van daders", doel: "voorkomen" },
    {
      id: "baat-5",
      nummer: 5,
      naam: "Onze inwoners weten beter hoe ze hun slachtofferkans kunnen verkleinen",
      doel: "voorkomen"
    }
  ],
  // The figure's boxes come out of the PDF in reading order; each result is placed under the column it
  // is extracted with. "Hulp en advies aan zelfstandige werkgroepen met …" is cut off in the extraction.
  inspanningen: [
    {
      id: "informatiebeeld",
      naam: "Informatiebeeld",
      resultaten: [
        "Samenbrengen databronnen (directe en indirecte partners, zicht op cyber); informatiebeeld DV&CC"
      ]
    },
    {
      id: "communicatie",
      naam: "Communicatie",
      resultaten: [
        "Campagne: communicatie-uitingen met groot bereik binnen MN",
        "Verhalen verzamelen voor media en relatiebeheer; publicaties in regionale media",
        "Communicatie toolbox ontwikkelen; toolbox"
      ]
    },
    {
      id: "actiegericht-samenwerken",
      naam: "Actiegericht (samen)werken",
      resultaten: [
        "Overzicht creëren rollen en relaties + afhankelijkheden; overzicht DV&CC profs",
        "Hulp en advies aan zelfstandige werkgroepen",
        "Gerichte acties voor slachtoffers, potentiële daders en daders",
        "Vergroten handelingsperspectief en innovatie",
        "Adequaat reageren op signalen slachtoffers zodat ze zich gehoord en geholpen voelen"
      ]
    },
    {
      id: "kennis-en-expertiseoverdracht",
      naam: "Kennis- en expertiseoverdracht",
      resultaten: [
        "Best practice gespreksronde (binnen en buiten MN): kennisdeling",
        "Driemaandelijkse nieuwsbrief DV&CC MN; kennisdeling",
        "Organiseren themagroepen (o.a. communicatie, ciso); prof. leergemeenschap",
        "Blijvend leren van elkaar"
      ]
    }
  ],
  netwerk: [
    {
      partij: "politie",
      naam: "Politie",
      rollen: ["eenheidsleiding", "politiechefs", "DRIO", "recherche", "basisteams"]
    },
    { partij: "om", naam: "OM", rollen: ["OM-leiding", "OvJ's", "afdeling Beleid & Strategie"] },
    {
      partij: "gemeenten",
      naam: "Gemeenten",
      // "GS" and "GR" stand in the figure without explanation; kept as written.
      rollen: ["burgemeester", "GS", "GR", "Hoofd veiligheid", "veiligheidsprofessionals"]
    },
    { partij: "indirect", naam: "Indirect", rollen: ["(potentiële) slachtoffers en daders"] }
  ],
  strategie: [
    "Optreden als één overheid",
    "Smeden van maatschappelijke coalities",
    "Integrale uitvoeringspraktijk"
  ],
  randvoorwaarden: [
    "Het speelveld door en door kennen: wie is waarvan en hoe raakt eenieder aan DV&CC?",
    "Partners geven ons inzicht in hun organisatie",
    "Lokale vertaling van (csv) informatie om tot prioritering in casuïstiek te komen",
    "Versterken van de Informatie en Expertise om meer (beter) effect in de aanpak te bereiken: actiegericht",
    "Impactvolle communicatie: niet alleen over interventies maar ook op effecten van die interventies",
    "Samenwerkingskunde: zicht op elkaars ambitie, belangen, mogelijkheden en werken aan relaties",
    "Partners delen en vertalen visie en afspraken op integrale aanpak in de eigen organisatie " +
      "(thuisfrontmanagement)",
    "Ieders betrokkenheid in tijd, geld en het leveren van capaciteit"
  ],
  werkwijze:
    "Cyclisch werken binnen het programma door in te zetten op werkvormen die het Weten (o.a. " +
    "communicatieuitingen en themagroepen), Kunnen (o.a. workshops en trainingen), Doen (o.a. werkgroepen en " +
    "actieplannen) en Leren (o.a. evaluaties en leerpunten) mogelijk maken.",
  herkomst: DIN
}

/**
 * The programme in its encoded form: its name, region and the DIN of each strategy period.
 *
 * @since 0.1.0
 * @category data
 */
export const program: typeof Din.Program.Encoded = {
  naam: "Digitale Veiligheid en Cybercrime",
  regio: "Midden-Nederland",
  strategieperioden: [din2023]
}
