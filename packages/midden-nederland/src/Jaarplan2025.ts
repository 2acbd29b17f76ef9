/**
 * Jaarplan 2025 (memo of 10 March 2025, status "Definitief") with its eleven actions from bijlage 1.
 *
 * Transcription choices, used the same way in Jaarplan 2026:
 * - `outputs` holds one string per bullet; sub-bullets are folded into their bullet.
 * - `beoogdeResultaten` holds the plan's "Beoogd resultaat" lines, plus a numeric target written in an
 *   output or in the action's doel, so that it can name the indicator that measures it.
 * - General remarks without a field of their own ("onderdeel van project 2", "Output moet verder
 *   uitgewerkt worden") go to `aandachtspunten`.
 * - Only PDF extraction noise is cleaned (Codrdinatie → Coördinatie, geévalueerd → geëvalueerd); the
 *   plan's own wording and number notation (ruim 5,500) are kept.
 *
 * @since 0.1.0
 */
import type { Jaarplan } from "@dvcc/core"

type Actie = typeof Jaarplan.Actie.Encoded

const DOCUMENT = "Jaarplan 2025"
const bijlage = (nummer: number) => ({ document: DOCUMENT, sectie: `Bijlage 1 Acties 2025, actie ${nummer}` })
const DVCC = "bestuurlijke werkgroep DVCC"

/**
 * The eleven actions of 2025.
 *
 * @since 0.1.0
 * @category data
 */
export const acties2025: ReadonlyArray<Actie> = [
  {
    id: "lokaal-informatiebeeld",
    jaar: 2025,
    nummer: 1,
    titel: "Lokaal informatiebeeld aanleveren voor de lokale driehoeken",
    coordinatie: ["politie"],
    inSamenwerkingMet: ["bestuursondersteuning politie"],
    status: { soort: "lopend", tot: "2025-12-31" },
    doel:
      "Om te komen tot concrete (samenwerkings)afspraken op strategisch niveau, brengen we ieder kwartaal een " +
      "informatieproduct online criminaliteit op de lokale driehoeken.",
    outputs: [
      "We organiseren een werksessie voor politie en gemeenten over het gebruik van het informatiebeeld dat " +
        "aangeleverd gaat worden.",
      "We beginnen in Q1 met een pilot in de driehoeken van de bestuurlijke werkgroepleden. Dit zal worden " +
        "geëvalueerd door de bestuurlijke werkgroep, om vervolgens de lessons learned mee te nemen als we dit " +
        "in de loop van 2025 breder uitzetten in de regio.",
      "Aantal en soorten afspraken in basisteamdriehoeken worden bijgehouden, zodat we kunnen monitoren of het " +
        "delen van de informatieproducten leidt tot het beoogde resultaat."
    ],
    beoogdeResultaten: [
      {
        tekst:
          "Eind 2025 heeft ieder basisteamdriehoek minimaal twee keer het informatiebeeld online criminaliteit " +
          "besproken.",
        indicator: "informatiebeeld-driehoek"
      }
    ],
    aandachtspunten: [],
    baten: ["baat-1"],
    voorganger: null,
    herkomst: bijlage(1)
  },
  {
    id: "strategisch-informatiebeeld",
    jaar: 2025,
    nummer: 2,
    titel: "Toewerken naar een jaarlijks strategisch integraal informatieproduct online criminaliteit",
    coordinatie: ["Bestuurlijke werkgroep DVCC"],
    inSamenwerkingMet: [],
    status: { soort: "op-te-starten" },
    doel:
      "Om gerichter te kunnen sturen op lange termijn doelstellingen is een strategisch informatieproduct " +
      "noodzakelijk. Daarom ontwikkelen we, samen met partners, een structureel informatieproduct welke " +
      "jaarlijks uitkomt.",
    outputs: [
      "Inventariseren welke inhoud het strategisch informatieproduct online criminaliteit moet bevatten.",
      "In kaart brengen welke partners er nodig zijn om de juiste informatie te leveren.",
      "Afspraken maken mbt informatiedeling."
    ],
    beoogdeResultaten: [
      {
        tekst:
          "Eind 2025 zijn alle afspraken gemaakt en inhoud informatieproduct uitgedacht, zodat in 2026 het " +
          "eerste integrale informatieproduct online criminaliteit opgeleverd kan worden."
      }
    ],
    aandachtspunten: ["Deze actie is onderdeel van ‘project 2’ Bureau RVS breed."],
    baten: ["baat-1"],
    voorganger: null,
    herkomst: bijlage(2)
  },
  {
    id: "communiceren",
    jaar: 2025,
    nummer: 3,
    titel: "Lokaal en regionaal communiceren",
    coordinatie: [DVCC],
    inSamenwerkingMet: [],
    status: { soort: "lopend", tot: "2025-12-31" },
    doel:
      "In 2025 wordt zowel lokaal, regionaal en binnen het netwerk online criminaliteit regelmatig onder de " +
      "aandacht gebracht, met als doel het bewustzijn te vergroten en actie te stimuleren op verschillende " +
      "niveaus.",
    outputs: [
      "Lokale integrale communicatie: we organiseren een sessie voor communicatieadviseurs over digitale " +
        "veiligheid (adhv tips Duwtje); boodschappenhuis doorontwikkelen en implementeren.",
      "Regionale integrale communicatie. We gaan contact zoeken met regionale media om media-aandacht te " +
        "vestigen op: Echtnietvandaag; Cyberoefendriehoek; boodschap vanuit bestuurlijke werkgroep richting " +
        "inwoners; regionale campagne over PrioDigi (zie ook actie 3).",
      "We houden ons netwerk actief betrokken door nieuwsbrieven / mailupdate: 4 x mailupdate; 6 x externe " +
        "nieuwsbrief."
    ],
    beoogdeResultaten: [
      {
        tekst:
          "Elke gemeente plaatst minimaal één integrale communicatie-uiting over (de lokale kant van) online " +
          "criminaliteit.",
        indicator: "communicatie-uiting-per-gemeente"
      },
      {
        tekst:
          "Minimaal vier keer regionaal onder de aandacht brengen dat politie, OM en gemeenten samenwerken om " +
          "(de impact van) slachtoffers- en daderschap te voorkomen en daders te pakken.",
        indicator: "regionale-media-aandacht"
      },
      {
        tekst:
          "Het netwerk regelmatig op de hoogte brengen van de stappen die gezet worden in de regio binnen het " +
          "programma Digitale veiligheid en cybercrime."
      },
      { tekst: "4 x mailupdate", indicator: "mailupdates" },
      { tekst: "6 x externe nieuwsbrief", indicator: "nieuwsbrieven" }
    ],
    aandachtspunten: [],
    baten: ["baat-2", "baat-5"],
    voorganger: null,
    herkomst: bijlage(3)
  },
  {
    id: "aangiftebereidheid",
    jaar: 2025,
    nummer: 4,
    titel: "Aangiftebereidheid verhogen",
    coordinatie: [DVCC],
    inSamenwerkingMet: ["Burgernet (wellicht)"],
    status: { soort: "op-te-starten", vanaf: "2025-04-01" },
    doel:
      "In 2025-2026 werken we aan het verhogen van de aangiftebereidheid voor online criminaliteit, omdat dit " +
      "leidt tot een grotere pakkans en een betere informatiepositie van het lokale bestuur. In 2023 was de " +
      "(gemiddelde) aangifte- en meldingsbereidheid voor online criminaliteit 16% (Veiligheidsmonitor). In de " +
      "Veiligheidsmonitor 2027 willen we dat de aangifte- en meldingsbereidheid gestegen is naar 20%. Dit doen " +
      "we door middel van (lokale en regionale) voorlichtings- en communicatiecampagnes.",
    outputs: [
      "Regionale communicatiecampagne ontwikkelen waarin inwoners erop gewezen worden dat ze 112 kunnen bellen " +
        "als ze slachtoffer zijn geworden van online criminaliteit (Prio Digi).",
      "Communicatieadviseurs van gemeenten en politie informeren over het toepassen van strategieën om " +
        "aangiftebereidheid te verhogen, zoals het benadrukken van het belang van aangifte en het erkennen van " +
        "weerstand, zodat zij dit effectief kunnen verwerken in hun communicatie over online criminaliteit.",
      "We signaleren verbeterpunten in het aangifteproces en geven adviezen om de gebruiksvriendelijkheid en " +
        "toegankelijkheid ervan te vergroten."
    ],
    beoogdeResultaten: [
      {
        tekst:
          "In de Veiligheidsmonitor 2027 willen we dat de aangifte- en meldingsbereidheid gestegen is naar 20%.",
        indicator: "aangiftebereidheid"
      }
    ],
    aandachtspunten: [
      "Output moet verder uitgewerkt worden zodra we aan de slag gaan met deze actie; de outputs zijn waar we " +
        "ons voor nu (globaal) op willen richten."
    ],
    baten: ["baat-2"],
    voorganger: null,
    herkomst: bijlage(4)
  },
  {
    id: "bestuurlijke-aanpak",
    jaar: 2025,
    nummer: 5,
    titel:
      "Actief de bestuurlijke aanpak tegen online criminaliteit inzetten in zaken die in Midden-Nederland " +
      "gedraaid worden",
    coordinatie: ["politie"],
    inSamenwerkingMet: [],
    status: { soort: "lopend", tot: "2025-12-31" },
    doel:
      "Door bestuurlijke bevoegdheden in te zetten willen we online criminaliteit sneller en efficiënter " +
      "aanpakken en verdere schade voorkomen.",
    outputs: [
      "Bewustwording vergroten bij politie bij cybercrimeteam en gedigitaliseerde criminaliteit tbv " +
        "bestuurlijke maatregelen.",
      "Presentatie geven aan bestuurlijke werkgroep over (on)mogelijkheden van bestuurlijke aanpak op online " +
        "criminaliteit."
    ],
    beoogdeResultaten: [
      {
        tekst:
          "Minimaal vijf bestuurlijke rapportages schrijven tegen personen die zich beziggehouden hebben met " +
          "online criminaliteit of panden waarbinnen online criminaliteit heeft plaatsgevonden.",
        indicator: "bestuurlijke-rapportages"
      }
    ],
    aandachtspunten: [],
    baten: ["baat-3", "baat-4"],
    voorganger: null,
    herkomst: bijlage(5)
  },
  {
    id: "kennisuitwisseling",
    jaar: 2025,
    nummer: 6,
    titel: "Kennisuitwisseling organiseren en faciliteren",
    coordinatie: [DVCC],
    inSamenwerkingMet: [],
    status: { soort: "doorlopend" },
    doel:
      "In 2025 willen we de vakmanschap van collega’s in de regio’s verder vergroten, ook bij professionals " +
      "buiten het veiligheidsdomein. Dit doen we door minimaal één bijeenkomst te organiseren.",
    outputs: [
      "Leerlijn online criminaliteit 2025 ontwikkelen en uitvoeren.",
      "Gemiddeld 1 kennisbijeenkomst per maand organiseren. Onderstaande bijeenkomsten zijn al ingepland en/of " +
        "worden georganiseerd: Werksessie Informatiegestuurd werken (januari); Netwerkbijeenkomst " +
        "Veiligheidscoalitie (april); Bijeenkomst Online jeugdcriminaliteit (maart); Summer School (4-6 " +
        "bijeenkomsten) (juli-augustus).",
      "CISO-netwerk Midden-Nederland: een netwerk van betrokken CISO’s die elkaar weten te vinden indien nodig.",
      "CISO-netwerk Midden-Nederland: faciliteren van kennisdeling tussen CISO’s in de regio."
    ],
    beoogdeResultaten: [
      { tekst: "Gemiddeld 1 kennisbijeenkomst per maand organiseren.", indicator: "kennisbijeenkomsten" },
      {
        tekst:
          "Toegenomen kennis en vaardigheid van professionals in het herkennen en aanpakken van online " +
          "criminaliteit, wat leidt tot een verbeterde samenwerking tussen partners en een snellere en " +
          "effectievere respons."
      },
      {
        tekst:
          "Twee fysieke regionale netwerkbijeenkomsten over een (voor de CISO’s) relevant thema ter vergroting " +
          "van de expertise.",
        indicator: "ciso-bijeenkomsten"
      }
    ],
    aandachtspunten: [],
    baten: ["baat-3"],
    voorganger: null,
    herkomst: bijlage(6)
  },
  {
    id: "cyberoefendriehoek",
    jaar: 2025,
    nummer: 7,
    titel: "Uitvoeren en evalueren cyberoefendriehoek",
    coordinatie: [DVCC],
    inSamenwerkingMet: [],
    status: { soort: "lopend", tot: "2025-04-30" },
    doel:
      "Regionaal voorbereiden op cybercrisis en opleveren evaluatie cyberoefendriehoek met daarin concrete " +
      "handvatten voor het verder voorbereiden van de driehoeken en het verbeteren van de samenwerking.",
    outputs: ["In samenwerking met werkgroep organiseren we de oefening."],
    beoogdeResultaten: [
      {
        tekst:
          "Op 5 maart 2025 zal in het Van der Valk hotel in Amersfoort de oefening gehouden worden. 12 " +
          "basisteamdriehoeken doen mee aan de oefening.",
        indicator: "cyberoefendriehoek-deelname"
      },
      {
        tekst:
          "Verslag met daarin suggesties voor verdere voorbereiding van de regio op een digitale verstoring."
      }
    ],
    aandachtspunten: [],
    baten: ["baat-3"],
    voorganger: null,
    herkomst: bijlage(7)
  },
  {
    // Continues as 2026 actie 9; the id names what both years share: work across domains and themes.
    id: "domeinoverstijgende-aanpak",
    jaar: 2025,
    nummer: 8,
    titel: "Verder versterken van de verbinding aanpak online criminaliteit met andere (veiligheids)thema’s",
    coordinatie: ["bestuurlijke werkgroep GOC/RIEC", DVCC],
    inSamenwerkingMet: [],
    status: { soort: "doorlopend" },
    doel:
      "Het verbeteren van de samenwerking tussen de betrokken organisaties op het gebied van online " +
      "criminaliteit, ondermijning en online jeugdcriminaliteit door onderstaande initiatieven te organiseren " +
      "in 2025, met als doel de effectiviteit en efficiëntie van de gezamenlijke aanpak te vergroten.",
    outputs: [
      "Ondermijning: politiecollega’s van het Cybercrimeteam en Team Digitale Criminaliteit in contact brengen " +
        "met netwerk ondermijning.",
      "Ondermijning: samenwerking met belastingdienst verkennen om online criminaliteit tegen te gaan.",
      "Ondermijning: signalenkaart ontwikkelen voor ondermijnende digitale criminaliteit.",
      "Online jeugdcriminaliteit: leerlijn online jeugdcriminaliteit uitwerken voor 2025 en vertalen in " +
        "kennisbijeenkomsten 2025. De eerste sessie hierover staat gepland in maart en gaat over samenwerken " +
        "bij online jeugdcriminaliteit, handreiking ‘online jeugdcriminaliteit’ wordt gepresenteerd.",
      "Online jeugdcriminaliteit: onderzoek Fast Money opleveren aug 2025.",
      "Online jeugdcriminaliteit: verbinding leggen met het Zorg- en Veiligheidshuizen in Midden-Nederland op " +
        "dit thema."
    ],
    beoogdeResultaten: [
      {
        tekst: "Minimaal één RIEC-casus op online criminaliteit per district te draaien.",
        indicator: "riec-casus-per-district"
      },
      {
        tekst:
          "Naar aanleiding van gepresenteerde handreiking bij ten minste vijf gemeenten een sessie begeleiden " +
          "met jeugdprofessionals over (het signaleren van) de problematiek in hun gemeente.",
        indicator: "jeugdprofessionals-sessies"
      }
    ],
    aandachtspunten: [],
    baten: ["baat-4"],
    voorganger: null,
    herkomst: bijlage(8)
  },
  {
    id: "interventies",
    jaar: 2025,
    nummer: 9,
    titel: "Interventies uitrollen binnen (kleinere) gemeenten",
    coordinatie: [DVCC],
    inSamenwerkingMet: [],
    status: { soort: "doorlopend" },
    doel:
      "Het versterken van de digitale weerbaarheid van inwoners in Midden-Nederland, met speciale aandacht voor " +
      "jeugd, senioren en het MKB. We bieden hierbij ondersteuning aan kleinere gemeenten met beperkte " +
      "capaciteit, zodat ook zij zich effectief kunnen inzetten voor een veilige digitale samenleving.",
    outputs: [
      "Echt-Nep campagne: bereik van minimaal 300 senioren in de regio via Echt-Nep bijeenkomsten.",
      "Echt-Nep Train-The-Trainer: opleiding van gemeentelijke trainers, zodat een meerderheid van de " +
        "gemeenten zelfstandig de presentatie kan inzetten.",
      "Bakfiets “Dubbel beveiligd is dubbel zo veilig”: de bakfiets wordt beschikbaar gesteld aan alle " +
        "gemeenten in de regio voor tijdelijke inzet in lokale campagnes.",
      "Re_bootcamp: organisatie van een experience voor jongeren tussen de 12 en 25 met interesse in IT, om " +
        "cybercrime te voorkomen en IT talent te behouden."
    ],
    beoogdeResultaten: [
      {
        tekst: "Echt-Nep campagne: bereik van minimaal 300 senioren in de regio via Echt-Nep bijeenkomsten.",
        indicator: "echt-nep-bereik"
      },
      {
        tekst:
          "Echt-Nep Train-The-Trainer: opleiding van gemeentelijke trainers, zodat een meerderheid van de " +
          "gemeenten zelfstandig de presentatie kan inzetten.",
        indicator: "train-de-trainer"
      }
    ],
    aandachtspunten: [],
    baten: ["baat-5"],
    voorganger: null,
    herkomst: bijlage(9)
  },
  {
    id: "actiedag-echtnietvandaag",
    jaar: 2025,
    nummer: 10,
    titel: "Actiedag #echtnietvandaag organiseren",
    coordinatie: [DVCC],
    inSamenwerkingMet: ["Digitaal District", "Platform Veilig Ondernemen Midden-Nederland", "Straatwaarden"],
    status: { soort: "lopend", tot: "2025-09-30" },
    doel:
      "Doel is de weerbaarheid van inwoners vergroten en kenbaar maken dat hun lokale overheid (samen met " +
      "lokale, private organisaties) zich hiervoor inzet. Deze actiedag geeft een boost aan het in kaart " +
      "brengen van het lokale netwerk dat zich wil inzetten in het vergroten van de weerbaarheid.",
    outputs: [
      "Kerngroep vormen waarmee doelstellingen actiedag mee worden bepaald.",
      "Districtelijke ambtelijke werkgroepen aanzetten om lokaal publiek-privaat samen te werken om acties te " +
        "organiseren tijdens de actiedag.",
      "Onderwijsinstellingen (en dus studenten) uitnodigen om deel te nemen en/of bij te dragen aan de actiedag.",
      "Via regionale omroepen aandacht genereren voor het thema online criminaliteit."
    ],
    beoogdeResultaten: [
      {
        tekst:
          "Een mooie actiedag met minimaal 100 acties waar publieke en private organisaties hun " +
          "verantwoordelijkheid pakken om de weerbaarheid van inwoners in Midden-Nederland een boost te geven.",
        indicator: "actiedag-acties"
      },
      {
        tekst:
          "Opleveren van een overzicht in de eenheid van actieve organisaties die zich in (willen) zetten om, " +
          "samen met ons, digitale criminaliteit tegen te gaan. Het netwerk dat je daarmee in kaart brengt kan " +
          "in de toekomst (wellicht) vaker worden ingezet. (publiek-private samenwerking)"
      }
    ],
    aandachtspunten: [],
    baten: ["baat-5"],
    voorganger: null,
    herkomst: bijlage(10)
  },
  {
    id: "huisbezoeken",
    jaar: 2025,
    nummer: 11,
    titel: "Huisbezoeken bij slachtoffers van online criminaliteit",
    coordinatie: ["Bestuurlijke werkgroep DVCC"],
    inSamenwerkingMet: [],
    status: { soort: "op-te-starten" },
    doel:
      "Bekend is dat een slachtofferbezoek door een burgemeester in zijn/haar rol als burgervader/moeder " +
      "goeddoet bij slachtoffers van high impact crimes, zoals bij woningovervallen en explosies. Wetende dat " +
      "online criminaliteit ook als high impact crime gecategoriseerd kan worden, verkennen we in 2025 of " +
      "burgemeesters in voorkomende gevallen ook huisbezoek afleggen bij slachtoffers. Ons doel is om dit " +
      "mogelijk te maken eind 2025.",
    outputs: [
      "Afspraken maken met politie over richtlijnen voor het bezoeken van slachtoffers door bestuurders.",
      "Afspraken eenheidsbreed onder de aandacht brengen (mbv netwerk digitaal politiewerk)."
    ],
    beoogdeResultaten: [
      {
        tekst:
          "In 2025 worden er minimaal 10 huisbezoeken afgelegd aan slachtoffers van online criminaliteit.",
        indicator: "huisbezoeken"
      }
    ],
    aandachtspunten: [],
    baten: ["baat-5"],
    voorganger: null,
    herkomst: bijlage(11)
  }
]

/**
 * Jaarplan 2025 in its encoded form.
 *
 * @since 0.1.0
 * @category data
 */
export const jaarplan2025: typeof Jaarplan.Jaarplan.Encoded = {
  jaar: 2025,
  titel: "Jaarplan 2025",
  datum: "2025-03-10",
  documentStatus: "Definitief",
  situatie: [
    "We weten dat digitale onveiligheid zich moeilijk laat vertalen in eenduidige cijfers. De reden hiervoor is " +
      "tweeledig. Ten eerste, is er een hoog dark number omdat er onder slachtoffers veel schaamte is om " +
      "aangifte te doen. Per delictsvorm zijn er grote verschillen in aangiftebereidheid. Uit de " +
      "veiligheidsmonitor 2023 blijkt dat gemiddeld 16,9% van de slachtoffers aangifte doet bij de politie. 40% " +
      "meldt het elders (bank, fraudehelpdesk, etc). Ten tweede, zijn de politiecijfers lastig uit de systemen " +
      "te halen. Registraties moeten (nog) handmatig worden gelabeld voordat deze als (een vorm van) online " +
      "criminaliteit uit het systeem komen.",
    "Desalniettemin zijn de cijfers over 2024 alarmerend. Aan- en verkoopfraude maakte in 2024 de meeste " +
      "slachtoffers in Midden-Nederland: ruim 5,500 mensen deden hiervan aangifte, goed voor ruim 1,3 miljoen " +
      "euro. Beleggingsfraude is het delict dat het meeste schade veroorzaakte in onze eenheid: het schadebedrag " +
      "is 5,6 miljoen euro bij 284 slachtoffers. Bankhelpdeskfraude volgt daarna als delict met de meeste " +
      "schade: voor 4,3 miljoen euro bij ruim 1,100 slachtoffers. Met alleen het noemen van deze drie " +
      "delictsvormen, is er al meer dan 10 miljoen schade bij ruim 6,800 slachtoffers. Bijgevoegd het volledige " +
      "overzicht van 2024.",
    "Over het geheel bekeken, blijkt uit de politiecijfers dat er in een afname was van -42% op cybercrime. Deze " +
      "sterke daling is (deels) te verklaren door een wijziging in de maatschappelijke klassen van de politie. " +
      "In het huidige beeld worden cybercrime en online fraude apart geregistreerd, terwijl dat daarvoor nog " +
      "niet gebeurde. Daarom moet zeer terughoudend de vergelijking worden gemaakt met die van voorgaande " +
      "jaren. Fraude (zowel online als offline) daarentegen is gestegen met +9%, waarvan de gedigitaliseerde " +
      "criminaliteit met +12% is toegenomen."
  ],
  // The six evaluation points of the reflection talks (introduction; bijlage 2 gives them in full) that
  // shaped the actions of 2025.
  focus: [
    "Actiestand wordt gewaardeerd, maar wordt het scherpe gesprek voldoende gevoerd?",
    "Informatiepositie van het lokale bestuur moet beter.",
    "Vakmanschap vergroten, ook bij professionals buiten het veiligheidsdomein",
    "Meer communiceren",
    "Urgentie voor het probleem bij bestuurders blijft (soms) achter",
    "Wat is de voortgang?"
  ],
  // Jaarplan 2025 introduces the doelen with their title only.
  batenToelichting: [
    { baat: "baat-1", tekst: "Integraal sturen vindt plaats op basis van informatiebeeld." },
    { baat: "baat-2", tekst: "Slachtoffers hebben een hogere meldings- en aangiftebereidheid." },
    { baat: "baat-3", tekst: "Onze professionals zijn bewust en bekwaam t.a.v. DV&CC." },
    { baat: "baat-4", tekst: "Effectiever (voorkomen en) aanpakken van daders." },
    { baat: "baat-5", tekst: "Onze inwoners weten beter hoe ze hun slachtofferkans kunnen verkleinen." }
  ],
  acties: acties2025,
  herkomst: { document: DOCUMENT, sectie: "Memo Jaarplan 2025 (10 maart 2025) met bijlagen 1 tot en met 3" }
}
