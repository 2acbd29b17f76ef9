/**
 * Jaarplan 2026 (memo of 4 November 2025, status "Eindversie") with its ten actions from bijlage 1.
 *
 * The extracted text lists actie 2 before actie 1 and puts actie 3's Doel after actie 1; the actions are
 * reassembled here in their numbered order. The plan gives no statuses, so `status` is `null`. An action
 * that continues a 2025 action keeps its id and names it as `voorganger`; a successor with a new id
 * (actie 7) names the 2025 action it follows. Transcription choices as in `Jaarplan2025.ts`.
 *
 * @since 0.1.0
 */
import type { Jaarplan } from "@dvcc/core"

type Actie = typeof Jaarplan.Actie.Encoded

const DOCUMENT = "Jaarplan 2026"
const bijlage = (nummer: number) => ({ document: DOCUMENT, sectie: `Bijlage 1 Acties 2026, actie ${nummer}` })
const DVCC = "bestuurlijke werkgroep DVCC"
const uit2025 = (id: string) => ({ jaar: 2025, id })

/**
 * The ten actions of 2026.
 *
 * @since 0.1.0
 * @category data
 */
export const acties2026: ReadonlyArray<Actie> = [
  {
    id: "lokaal-informatiebeeld",
    jaar: 2026,
    nummer: 1,
    titel: "Periodiek aanleveren van een lokaal informatiebeeld online criminaliteit",
    coordinatie: ["politie"],
    inSamenwerkingMet: ["bestuursondersteuning politie"],
    status: null,
    doel:
      "Om te komen tot concrete (samenwerkings)afspraken op strategisch niveau, stellen we periodiek een " +
      "informatieproduct online criminaliteit beschikbaar voor gemeenten in Midden-Nederland.",
    outputs: [
      "In 2025 is in pilotvorm door de basisteamdriehoeken van de burgemeesters uit de bestuurlijke werkgroep " +
        "gebruik gemaakt van een informatiebeeld online criminaliteit. Op basis van de evaluatie van de pilot " +
        "wordt een advies geschreven hoe het informatieproduct kan voorzien in de informatiebehoefte die " +
        "gemeenten hebben en op welk niveau dit informatieproduct zou moeten landen.",
      "De politie levert periodiek een eenheid breed cyberbeeld en lokale informatiebeelden op voor alle " +
        "gemeenten in Midden-Nederland.",
      "In de ambtelijke werkgroepen wordt het beeld (in combinatie met het lokale infobeeld) toegelicht en " +
        "besproken. Op basis daarvan komen de ambtelijke werkgroepen DVCC tot actiepunten voor de lokale " +
        "aanpak. Indien nodig worden de districtelijke uitvoeringsplannen aangescherpt."
    ],
    beoogdeResultaten: [],
    aandachtspunten: [
      "Iedere gemeente / basisteam heeft een eigen wens met betrekking tot informatiedeling en het bespreken van " +
        "cijfers. Belangrijk om ruimte te geven voor eigen invulling hierin.",
      "Het schrijven van een informatieproduct kost veel capaciteit van de politieorganisatie. Lokaal (al dan " +
        "niet samen met de politie) tot actie komen op basis van dit informatiebeeld, is daarom gewenst."
    ],
    baten: ["baat-1"],
    voorganger: uit2025("lokaal-informatiebeeld"),
    herkomst: bijlage(1)
  },
  {
    id: "strategisch-informatiebeeld",
    jaar: 2026,
    nummer: 2,
    titel: "Toewerken naar een integrale informatiepositie op online criminaliteit",
    coordinatie: ["Bestuurlijke werkgroep DVCC"],
    inSamenwerkingMet: [],
    status: null,
    doel:
      "Om gerichter te kunnen sturen op lange termijn doelstellingen is een strategisch informatieproduct " +
      "noodzakelijk. Daarom ontwikkelen we, samen met partners, een structureel informatieproduct.",
    outputs: [
      "In contact komen met partners die informatie kunnen aanleveren voor het strategisch informatiebeeld. We " +
        "bouwen voort op de (landelijke) samenwerking welke door NH Veilig is gestart.",
      "Zodra er een duidelijker beeld is van de output van het informatieproduct, zal deze worden getoetst aan " +
        "de informatiebehoefte (ambtelijk en bestuurlijk) in de regio."
    ],
    beoogdeResultaten: [],
    aandachtspunten: [
      "Deze actie is onderdeel van ‘project 2: integrale informatiepositie’.",
      "Op initiatief van NH Veilig wordt al (landelijk) nagedacht hoe een integraal strategisch informatiebeeld " +
        "vorm zou moeten krijgen. De kennis, ervaringen en het netwerk kunnen wij voor de uitwerking in onze " +
        "regio gebruiken.",
      "Hoe het intern datasysteem vorm krijgt, is afhankelijk van de besluitvorming binnen Stuurgroep RVS."
    ],
    baten: ["baat-1"],
    voorganger: uit2025("strategisch-informatiebeeld"),
    herkomst: bijlage(2)
  },
  {
    id: "communiceren",
    jaar: 2026,
    nummer: 3,
    titel: "Lokaal en regionaal communiceren",
    coordinatie: [DVCC],
    inSamenwerkingMet: [],
    status: null,
    doel:
      "Digitale misdaad is vaak onzichtbaar. Daarom gaan wij, als lokale partners, samen één verhaal vertellen. " +
      "Dit schept duidelijkheid, herkenning en vertrouwen. Eén verhaal maakt digitale misdaad zichtbaar, " +
      "bespreekbaar en beter te bestrijden.",
    outputs: [
      "Het communicatiebord online criminaliteit wordt binnen de regio geïmplementeerd.",
      "We organiseren periodiek korte (online) werksessies voor OOV en communicatieadviseurs samen. Tijdens " +
        "deze bijeenkomst delen we de planning voor dat kwartaal, lokale fenomenen en doen we contentsuggesties.",
      "We verkennen hoe we op dit thema landelijk samen kunnen werken met het vergroten van kennis bij inwoners " +
        "over bellen naar de politie indien zij slachtoffer zijn geworden van online criminaliteit " +
        "(PrioDigi/Digitale meldkamer)."
    ],
    beoogdeResultaten: [],
    aandachtspunten: [
      "Organisaties hebben zelf een volle contentkalender en afspraken over wanneer wel/niet communiceren. Dit " +
        "heeft invloed op wat er vanuit de regio gecommuniceerd kan worden.",
      "Het is zoeken naar de behoefte van de organisaties: geen standaard teksten, maar wel een duidelijke " +
        "aanzet/suggestie voor inhoud."
    ],
    baten: ["baat-2", "baat-5"],
    voorganger: uit2025("communiceren"),
    herkomst: bijlage(3)
  },
  {
    id: "aangiftebereidheid",
    jaar: 2026,
    nummer: 4,
    titel: "Aangiftebereidheid verhogen",
    coordinatie: [DVCC],
    inSamenwerkingMet: [],
    status: null,
    doel:
      "In 2025-2026 werken we aan het verhogen van de aangiftebereidheid voor online criminaliteit, omdat dit " +
      "leidt tot een grotere pakkans en een betere informatiepositie van het lokale bestuur. In 2023 was de " +
      "(gemiddelde) aangifte- en meldingsbereidheid voor online criminaliteit 16% (Veiligheidsmonitor). In de " +
      "Veiligheidsmonitor 2027 willen we dat de aangifte- en meldingsbereidheid gestegen is naar 20%. Dit doen " +
      "we door middel van (lokale en regionale) voorlichtings- en communicatiecampagnes.",
    outputs: [
      "Het vergroten van de kennis van inwoners over de rol van de politie als zij in aanraking gekomen zijn met " +
        "online criminaliteit (centrale boodschap: bel de politie als je aanraking bent gekomen met online " +
        "criminaliteit)."
    ],
    beoogdeResultaten: [
      {
        tekst:
          "In de Veiligheidsmonitor 2027 willen we dat de aangifte- en meldingsbereidheid gestegen is naar 20%.",
        indicator: "aangiftebereidheid"
      }
    ],
    aandachtspunten: [
      "Er wordt onderzoek gedaan door Cyberweerbaar NL naar de slachtofferbehoefte van mensen die in aanraking " +
        "zijn gekomen met online criminaliteit. De uitkomsten van dit onderzoek zullen relevant zijn voor dit " +
        "actiepunt, want het doen van aangifte is wellicht niet hun eerste behoefte."
    ],
    baten: ["baat-2"],
    voorganger: uit2025("aangiftebereidheid"),
    herkomst: bijlage(4)
  },
  {
    id: "bestuurlijke-aanpak",
    jaar: 2026,
    nummer: 5,
    titel: "De bestuurlijke aanpak tegen online criminaliteit borgen in de regio Midden-Nederland",
    coordinatie: ["politie"],
    inSamenwerkingMet: ["Team bestuurlijke aanpak (politie Midden-Nederland)"],
    status: null,
    doel:
      "De bestuurlijke aanpak van online criminaliteit borgen binnen reguliere werkzaamheden van de " +
      "verschillende organisaties.",
    outputs: [
      "Blijven inzetten op het vergroten van kennis omtrent dit onderwerp.",
      "We komen met een advies hoe deze aanpak te borgen binnen de politie in Midden-Nederland.",
      "We delen de ervaringen die we in Midden-Nederland hebben opgedaan met de rest van het land."
    ],
    beoogdeResultaten: [],
    aandachtspunten: [
      "Er is capaciteit nodig bij team bestuurlijke aanpak om hier op de lange termijn focus op te kunnen " +
        "houden en in door te kunnen ontwikkelen.",
      "Er is koud water vrees bij gemeenten voor deze nieuwe aanpak. Daarom is het van belang dat bestuurlijke " +
        "rapportages op een ‘warme’ manier landen."
    ],
    baten: ["baat-3", "baat-4"],
    voorganger: uit2025("bestuurlijke-aanpak"),
    herkomst: bijlage(5)
  },
  {
    id: "kennisuitwisseling",
    jaar: 2026,
    nummer: 6,
    titel: "Kennisuitwisseling organiseren en faciliteren",
    coordinatie: [DVCC],
    inSamenwerkingMet: [],
    status: null,
    doel:
      "Het vakmanschap van collega’s (binnen en buiten het veiligheidsdomein) moet blijvend worden vergroot, " +
      "zodat doordacht digitale misdaad kan worden aangepakt. We verkennen hoe we de kennis van het lokale " +
      "bestuur en politiek kunnen vergroten, gebruikmakend van bestaande gremia.",
    outputs: [
      "We gaan lokaal het gesprek aan over wat er speelt en bieden handelingsperspectief. Enerzijds hoe " +
        "gemeenten inwoners kunnen bereiken met de juiste interventies, anderzijds welke (lokale) partners " +
        "(intern) te betrekken.",
      "We zullen minimaal 12 kennisbijeenkomsten organiseren. Samen met ons netwerk bepalen we de thema’s " +
        "waarop de kennisuitwisseling zal plaatsvinden, inhakend op de actualiteit.",
      "We zoeken naar kansen hoe we, gebruikmakend van bestaande gremia, de kennis van het lokale bestuur en " +
        "politiek kunnen vergroten.",
      "CISO-netwerk Midden-Nederland: een netwerk van betrokken CISO’s die elkaar, indien nodig, weten te " +
        "vinden; faciliteren van kennisdeling tussen CISO’s in de regio; borgen van het netwerk in bestaande " +
        "structuren."
    ],
    beoogdeResultaten: [
      { tekst: "We zullen minimaal 12 kennisbijeenkomsten organiseren.", indicator: "kennisbijeenkomsten" }
    ],
    aandachtspunten: [
      "Volle agenda’s verkleinen aanwezigheid bij kennisbijeenkomsten. Belangrijk om het laagdrempelig en " +
        "makkelijk toegankelijk te houden."
    ],
    baten: ["baat-3"],
    voorganger: uit2025("kennisuitwisseling"),
    herkomst: bijlage(6)
  },
  {
    // Successor of the cyberoefendriehoek of 2025 (held in March 2025): the preparation for a digital
    // disruption it opened continues with a new scope, so it gets a new id.
    id: "digitale-verstoring",
    jaar: 2026,
    nummer: 7,
    titel: "Voorbereiden op (de impact van) een langdurige digitale verstoring",
    coordinatie: ["Veiligheidsregio’s Midden-Nederland"],
    inSamenwerkingMet: [],
    status: null,
    doel:
      "Het verbeteren van de voorbereiding op cyberincidenten door bij te dragen aan inzicht in het speelveld, " +
      "de taken en verantwoordelijkheden binnen de geldende crisisstructuren.",
    outputs: [
      "Samen met de Veiligheidsregio’s inventariseren we de behoefte ten aanzien van de voorbereiding op " +
        "(langdurige) cyberincidenten. Op basis van deze inventarisatie komen we tot een concreet plan hoe " +
        "hierin te voorzien."
    ],
    beoogdeResultaten: [],
    aandachtspunten: [
      "Er is specifieke kennis vereist bij Bureau RVS, als dit op de lange termijn een thema is wat binnen het " +
        "samenwerkingsverband moet worden opgepakt."
    ],
    baten: ["baat-3"],
    voorganger: uit2025("cyberoefendriehoek"),
    herkomst: bijlage(7)
  },
  {
    // Continues 2025 actie 9 (interventies uitrollen), now as advice on choosing interventions.
    id: "interventies",
    jaar: 2026,
    nummer: 8,
    titel:
      "Adviseren van gemeenten over het doordacht inzetten van interventies die de digitale weerbaarheid van " +
      "inwoners vergroten",
    coordinatie: [DVCC],
    inSamenwerkingMet: [],
    status: null,
    doel:
      "Gemeenten adviseren en ondersteunen bij het bewust en onderbouwd kiezen van interventies die de digitale " +
      "weerbaarheid van inwoners versterken. In de advisering en ondersteuning ligt de nadruk op het bieden van " +
      "handelingsperspectief, het vergroten van lokaal eigenaarschap en het stimuleren van " +
      "domeinoverstijgende samenwerking binnen gemeenten.",
    outputs: [
      "We gaan lokaal het gesprek aan over wat er speelt en bieden handelingsperspectief. Enerzijds hoe " +
        "gemeenten inwoners kunnen bereiken met passende interventies, anderzijds welke partners binnen de " +
        "gemeente betrokken moeten worden en hoe zij gezamenlijk eigenaarschap kunnen nemen.",
      "We voeren met politie en gemeenten het gesprek over de vraag hoe nazorg op online criminaliteit " +
        "vormgegeven kan worden."
    ],
    beoogdeResultaten: [],
    aandachtspunten: [
      "Er is weinig capaciteit en geld beschikbaar om structureel en doordacht een lokaal " +
        "interventie/weerbaarheidsprogramma in te richten."
    ],
    baten: ["baat-4", "baat-5"],
    voorganger: uit2025("interventies"),
    herkomst: bijlage(8)
  },
  {
    // Continues 2025 actie 8 (verbinding met andere (veiligheids)thema's, with the RIEC).
    id: "domeinoverstijgende-aanpak",
    jaar: 2026,
    nummer: 9,
    titel: "Domein overstijgende aanpak en publiek-private samenwerking lokaal en regionaal vergroten",
    coordinatie: [
      DVCC,
      "met betrekking tot het RIEC Midden-Nederland: bestuurlijke werkgroep DVCC en bestuurlijke werkgroep GOC"
    ],
    inSamenwerkingMet: [],
    status: null,
    doel:
      "We versterken de (lokale) samenwerking in de aanpak van online criminaliteit. Ten eerste richten we ons " +
      "op domein overstijgende samenwerking binnen de gemeentelijke organisatie, zodat iedere professional een " +
      "actieve en betekenisvolle rol vervult binnen deze gezamenlijke opgave. Ten tweede zetten we in op " +
      "(lokale) publiek-private samenwerking, zodat kennis en informatie wordt gedeeld die leiden tot het " +
      "gezamenlijk uitvoeren van interventies.",
    outputs: [
      "We leveren een inhoudelijke bijdrage aan het plan van aanpak voor de structurele inbedding van de aanpak " +
        "van online criminaliteit binnen het reguliere werk van het RIEC Midden-Nederland.",
      "Minimaal vijf RIEC-casussen hebben in 2026 betrekking op online criminaliteit.",
      "We ontwikkelen een factsheet met een overzicht van lokale partners die betrokken kunnen worden bij de " +
        "aanpak van digitale onveiligheid, inclusief voorbeelden van succesvolle samenwerkingen uit de regio.",
      "We adviseren en ondersteunen gemeenten bij het voeren van domeinoverstijgende gesprekken: wie zijn de " +
        "interne en externe partners, wat is ieders rol en verantwoordelijkheid, en hoe kan samenwerking worden " +
        "geborgd?"
    ],
    beoogdeResultaten: [
      {
        tekst: "Minimaal vijf RIEC-casussen hebben in 2026 betrekking op online criminaliteit.",
        indicator: "riec-casussen-online"
      }
    ],
    aandachtspunten: [
      "Belangrijk om te focussen op de (lokale) samenwerking die er al is en deze uit te bouwen, in plaats van " +
        "nieuwe samenwerkingen aan te gaan."
    ],
    baten: ["baat-4", "baat-5"],
    voorganger: uit2025("domeinoverstijgende-aanpak"),
    herkomst: bijlage(9)
  },
  {
    id: "actiedag-echtnietvandaag",
    jaar: 2026,
    nummer: 10,
    titel: "Organiseren en aanjagen van een vervolg op de actiedag #EchtNietVandaag",
    coordinatie: [DVCC],
    inSamenwerkingMet: ["Digitaal District (politie)", "PVO", "RIEC-MN"],
    status: null,
    doel:
      "Het organiseren en regionaal aanjagen van de actiedag #EchtNietVandaag 2027 om: de digitale " +
      "weerbaarheid van inwoners en ondernemers in Midden-Nederland te vergroten d.m.v. interventies die " +
      "effectief en doordacht worden ingezet, passend bij de doelgroepen en aansluitend bij wat er lokaal " +
      "speelt; zichtbaar te maken dat lokale overheden en private en maatschappelijke partners zich samen " +
      "inzetten tegen digitale criminaliteit; een impuls te geven aan het in kaart brengen, verwerken en " +
      "activeren van het lokale publiek-private netwerk rondom cyberweerbaarheid.",
    outputs: [
      "Het aanzetten van lokale publiek-private netwerken om mee te doen met de actiedag, met aandacht voor " +
        "passende interventies (aansluitend op actie 8).",
      "Het opleveren en beschikbaar stellen van de Echt Niet Vandaag toolkit, bestaande uit oproepbrieven, " +
        "inspiratiekaarten voor doordachte interventies en communicatiemiddelen, waarbij gemeenten en partners " +
        "het hele jaar door toegerust worden om interventies op cyberweerbaarheid te organiseren.",
      "Het binden en betrekken van regionale partners, voortbouwend op de resultaten en het netwerk van de " +
        "actiedag in 2025 (aansluitend op actie 9).",
      "Vorming van een sterke kerngroep met doelgroep aanjagers staan die stevig in de netwerken van " +
        "gemeenten, politie, bedrijfsleven, onderwijs, en maatschappelijke partners verankerd zijn.",
      "Regionale en lokale media-aandacht voor online criminaliteit en cyberweerbaarheid, inclusief aandacht " +
        "voor aangiftebereidheid."
    ],
    beoogdeResultaten: [
      {
        tekst:
          "Een regionale actiedag met minimaal 100 onderbouwde en doelgroepgerichte activiteiten gericht op " +
          "cyberweerbaarheid, uitgevoerd door publieke en private organisaties die gezamenlijk " +
          "verantwoordelijkheid nemen voor het vergroten van de digitale weerbaarheid van inwoners in " +
          "Midden-Nederland.",
        indicator: "actiedag-activiteiten"
      }
    ],
    aandachtspunten: [
      "Uit de procesevaluatie van kernteam #EchtNietVandaag 2025 bleek dat niet elke partner uit het kernteam " +
        "een rol voor zichzelf weggelegd ziet om een vervolg te geven aan #EchtNietVandaag. De organisatie van " +
        "#EchtNietVandaag zal dus een andere vorm moeten krijgen.",
      "Kwaliteit moet even zwaar wegen als de kwantiteit van interventies: er moet (meer) worden gestuurd op " +
        "een onderbouwde keuze voor interventies."
    ],
    baten: ["baat-5"],
    voorganger: uit2025("actiedag-echtnietvandaag"),
    herkomst: bijlage(10)
  }
]

/**
 * Jaarplan 2026 in its encoded form.
 *
 * @since 0.1.0
 * @category data
 */
export const jaarplan2026: typeof Jaarplan.Jaarplan.Encoded = {
  jaar: 2026,
  titel: "Jaarplan 2026",
  datum: "2025-11-04",
  documentStatus: "Eindversie",
  situatie: [
    "Een van de keerzijden van digitalisering is de opkomst van cybercrime en gedigitaliseerde criminaliteit. " +
      "De digitale infrastructuur heeft de wereld verkleind tot binnen enkele klikken: daders kunnen online op " +
      "grote schaal slachtoffers maken. Dit vraagt om een fundamenteel andere aanpak van criminaliteit. " +
      "Geografische grenzen doen er steeds minder toe; online criminaliteit is grenzeloos en schaalbaar. Daders " +
      "opereren wereldwijd, waardoor samenwerking over eenheids- en landsgrenzen heen noodzakelijk is om hen te " +
      "stoppen. Tegelijkertijd speelt dit probleem ook dichtbij huis: slachtoffers én daders wonen in onze " +
      "dorpen en steden. Daarom is het niet alleen zaak om landelijk samen te werken, maar juist ook lokaal " +
      "digitale criminaliteit te voorkomen en te bestrijden.",
    "Tegelijkertijd blijft het lastig om grip te krijgen op de omvang van het probleem. We weten dat digitale " +
      "onveiligheid zich moeilijk laat vertalen in eenduidige cijfers. Dit komt onder meer door het hoge dark " +
      "number: veel slachtoffers doen geen aangifte, vaak uit schaamte of omdat ze niet weten waar ze " +
      "terechtkunnen. Per delictsvorm zijn er grote verschillen in aangiftebereidheid. Uit onderzoek van het CBS " +
      "blijkt dat in 2024 2,4 miljoen Nederlanders in aanraking zijn geweest met online criminaliteit. Slechts " +
      "17% van de slachtoffers heeft hiervan melding en aangifte gedaan bij de politie. 48% melde dit bij een " +
      "andere instantie, zoals de bank. Zonder volledig beeld kunnen veiligheidspartners hun rol minder goed " +
      "pakken, terwijl juist dat nodig is om inwoners en ondernemers digitaal veilig te houden.",
    "Online criminaliteit zal blijven toenemen en de verwevenheid met andere veiligheidsthema’s (zoals " +
      "ondermijning) wordt steeds groter. Europol (2025) stelt niet voor niets dat “the internet has become the " +
      "primary theatre for organised crime.” Criminele netwerken gebruiken (onze) digitale infrastructuur om " +
      "uiteenlopende vormen van georganiseerde criminaliteit ongezien te kunnen plegen: van cyberfraude en " +
      "ransomware tot witwassen. Het bezit van data zal voor de toekomst een steeds belangrijke rol spelen, het " +
      "is “a new currency of power – stolen, traded and exploited by criminal actors.” (Europol, 2025). Kortom, " +
      "digitale veiligheid kan niet langer worden gezien als op zichzelf staand thema; het moet worden " +
      "geïntegreerd in de visies en werkwijzen van andere (bestaande) thema’s en domeinen.",
    "Technologische ontwikkelingen zullen de komende jaren grote invloed hebben op online criminaliteit. Zo " +
      "wordt Kunstmatige Intelligentie (AI) steeds meer ingezet als hulpmiddel om online criminaliteit te " +
      "plegen, waardoor technische kennis is niet (meer) nodig om online criminaliteit te kunnen plegen " +
      "(Politie, 2024). Daarnaast wordt het door AI voor inwoners steeds moeilijker om echt van nep te " +
      "onderscheiden, wat een ondermijnend effect heeft op het vertrouwen in de samenleving. Ook de opkomst van " +
      "quantumtechnologie zal grote impact hebben in de toekomst. Enerzijds maakt deze ontwikkeling het " +
      "moeilijk data te beveiliging tegen kwaadwillenden, wat fundamentele veranderingen zal vragen van " +
      "informatiebeveiliging van inwoners, ondernemers en eigen organisaties. Anderzijds biedt quantum nieuwe " +
      "kansen: zo wordt bijvoorbeeld het detecteren van en anticiperen op bedreigingen nauwkeuriger en sneller.",
    "De complexiteit en verwevenheid van online criminaliteit vragen daarom niet alleen om landelijke " +
      "samenwerking, maar juist ook om lokale regie, domein overstijgend werken en handelingsbekwaamheid van " +
      "professionals. Alleen zo kunnen we inwoners beter beschermen, slachtoffers beter ondersteunen en daders " +
      "effectiever voorkomen en aanpakken."
  ],
  focus: [
    "2026 is het laatste jaar van de Regionale Veiligheidsstrategie. In 2026 zal de nieuwe veiligheidsstrategie " +
      "geschreven worden. We gaan ons voorbereiden op de mogelijke doorontwikkeling van het thema en het borgen " +
      "van de ingezette ontwikkelingen (zoals de werkwijze rondom informatiegestuurd werken, het CISO netwerk, " +
      "de samenwerking met het RIEC).",
    "Digitale weerbaarheid en veiligheid wordt steeds minder beschouwd als op zichzelf staand, maar " +
      "geïntegreerd in andere thema’s. Dit wil zeggen dat ook collega’s buiten OOV in toenemende mate de " +
      "verantwoordelijkheid pakken om online criminaliteit tegen te gaan. Daarnaast wordt (lokaal) ook private " +
      "partners steeds meer betrokken in de aanpak. Deze aanpak draagt bij aan het structureel verankeren van " +
      "digitale veiligheid binnen het reguliere werk van gemeenten en partners en zal daarom in 2026 extra " +
      "aandacht krijgen.",
    "Het voorzitterschap van de cyberburgemeesters komt naar onze regio in 2026; Burgemeester Weststeijn " +
      "(IJsselstein) zal deze rol in 2026 op zich nemen. Dit biedt een mooie kans om de kracht van het land te " +
      "gebruiken om regionaal zaken voor elkaar te krijgen."
  ],
  batenToelichting: [
    {
      baat: "baat-1",
      tekst:
        "We willen onze capaciteit gericht inzetten om slachtoffer- en daderschap te voorkomen en daders te " +
        "pakken. Daarvoor is data nodig die ons sturing geeft. Door het combineren van gemeentelijke data met " +
        "die van politie en OM kunnen de driehoeken gerichter optreden. Ook zetten we in op datadeling binnen " +
        "publiek-private samenwerking. Alleen door doordacht samen (te) werken houden wij onze inwoners digitaal " +
        "veilig."
    },
    {
      baat: "baat-2",
      tekst:
        "Partners vertrouwen erop dat aangifte doen van digitale misdaad bijdraagt aan het stoppen ervan. " +
        "Daarom stimuleren partners inwoners om altijd aangifte te doen als ze slachtoffer zijn van digitale " +
        "misdaad. Hoe gevoelig het mogelijk ook ligt."
    },
    {
      baat: "baat-3",
      tekst:
        "Alles digitaliseert. Daarom moeten professionals in én buiten het veiligheidsdomein weten hoe zij " +
        "doordacht bijdragen aan het stoppen van digitale misdaad. Ken de online leefwereld. Erken de " +
        "mogelijkheden. Herken de signalen en gevaren. Vergroot de impact: acteer samen."
    },
    {
      baat: "baat-4",
      tekst:
        "Het vrije spel van digitale misdaad moet stoppen. Daartoe moeten professionals weten hoe digitale " +
        "misdaad zich verweeft met hun werk. Ze werken samen om digitale misdaad te voorkomen en effectiever te " +
        "stoppen."
    },
    {
      baat: "baat-5",
      tekst:
        "Het vermogen en vertrouwen van onze inwoners staat op het spel. Het geven van handelingsperspectief is " +
        "nodig om hun vertrouwen en vermogen te beschermen. Dit doen we doelgericht en doordacht (met behulp " +
        "van data) door de verschillende doelgroepen te kennen en gericht in te spelen op hun online leefwereld."
    }
  ],
  acties: acties2026,
  herkomst: { document: DOCUMENT, sectie: "Memo Jaarplan 2026 (4 november 2025) met bijlagen 1 en 2" }
}
