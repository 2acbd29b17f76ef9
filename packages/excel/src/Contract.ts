/**
 * The district workbook contract, as data: the sheet kinds, their columns in order, which columns are
 * required and what each holds, and the label lists with the variants people write. The importer reads
 * workbooks by it and the exporter (template, `export data`) writes them by it, so a file written by one is
 * read back by the other.
 *
 * @since 0.1.0
 */
import { type Activity, Bron, Geography, type Registration } from "@dvcc/core"

/**
 * What a column holds:
 * - `date`: a calendar date (a real Excel date, `3-2-2025`, `03/02/2025` or `2025-02-03`; day first)
 * - `periode`: a year `2025`, quarter `2025-Q1`, month `2025-03` or `maart 2025`
 * - `integer`: a whole number ≥ 0 (`1.234`, numbers stored as text too)
 * - `money`: an amount in euros (`€ 1.300.000`, `1.234,56`), stored in cents
 * - `number`: a number ≥ 0 (`16,9`); `16,9%`, or `0,169` in a percentage-formatted cell, reads as 16,9
 * - `gemeente`: a gemeente of the region by name or CBS code (`Utrecht`, `GM0344`)
 * - `eenheid`: like `gemeente`, or the region (`regio`, `Midden-Nederland`) or a district (`district Noord`)
 * - `label`: one of a documented label list (see `Column.labels`)
 * - `text`: free text
 *
 * @since 0.1.0
 * @category models
 */
export type ColumnType =
  | "date"
  | "periode"
  | "integer"
  | "money"
  | "number"
  | "gemeente"
  | "eenheid"
  | "label"
  | "text"

/**
 * The label lists: which documented values a `label` column accepts.
 *
 * @since 0.1.0
 * @category models
 */
export type LabelListName = "activiteitSoort" | "doelgroep" | "delict" | "bron"

/**
 * One column of a sheet kind.
 *
 * @since 0.1.0
 * @category models
 */
export interface Column {
  /** The field of the record this column fills. */
  readonly field: string
  /** The header as the template writes it. */
  readonly header: string
  /** Other headers people write for it; matched like the header (case, accents, spaces ignored). */
  readonly aliases: ReadonlyArray<string>
  readonly type: ColumnType
  readonly required: boolean
  /** For a `label` column: the list it takes its values from. */
  readonly labels?: LabelListName | undefined
  /** The Excel number format the template and exports give the column. */
  readonly numFmt?: string | undefined
  /** Column width in characters, for the template and exports. */
  readonly width: number
  /** Dutch explanation for the instructions sheet and the docs. */
  readonly uitleg: string
}

/**
 * The four kinds of sheet.
 *
 * @since 0.1.0
 * @category models
 */
export type SheetKind = "activiteiten" | "registraties" | "metingen" | "gebieden"

/**
 * One kind of sheet: its canonical name, its columns in template order, and its rules.
 *
 * @since 0.1.0
 * @category models
 */
export interface Sheet {
  readonly kind: SheetKind
  /** The sheet name the template writes; a sheet whose name starts with it (any case) is of this kind. */
  readonly name: string
  readonly columns: ReadonlyArray<Column>
  /** Fields of which at least one must be present as a column and filled in each row (empty = none). */
  readonly atLeastOne: ReadonlyArray<string>
  /** Dutch explanation of what a row is. */
  readonly uitleg: string
}

/**
 * The Excel number formats of the contract.
 *
 * @since 0.1.0
 * @category constants
 */
export const numFmt = {
  date: "dd-mm-yyyy",
  integer: "#,##0",
  money: '"€" #,##0.00',
  number: "#,##0.0##",
  percentage: "0.0%"
} as const

const column = (
  field: string,
  header: string,
  type: ColumnType,
  options: {
    readonly required?: boolean
    readonly aliases?: ReadonlyArray<string>
    readonly labels?: LabelListName
    readonly width?: number
    readonly uitleg: string
  }
): Column => ({
  field,
  header,
  aliases: options.aliases ?? [],
  type,
  required: options.required ?? false,
  labels: options.labels,
  numFmt:
    type === "date"
      ? numFmt.date
      : type === "integer"
        ? numFmt.integer
        : type === "money"
          ? numFmt.money
          : type === "number"
            ? numFmt.number
            : undefined,
  width: options.width ?? (type === "text" ? 40 : type === "label" || type === "gemeente" ? 28 : 14),
  uitleg: options.uitleg
})

/**
 * Activiteiten: one row per activity of the activity register.
 *
 * @since 0.1.0
 * @category contract
 */
export const activiteiten: Sheet = {
  kind: "activiteiten",
  name: "Activiteiten",
  uitleg: "Eén rij per activiteit: wanneer, waar, wat, bij welke actie, voor wie en hoeveel mensen bereikt.",
  atLeastOne: [],
  columns: [
    column("datum", "Datum", "date", {
      required: true,
      uitleg: "Datum van de activiteit, bijvoorbeeld 3-2-2025."
    }),
    column("gemeente", "Gemeente", "gemeente", {
      required: true,
      uitleg: "Gemeente in de regio: naam of CBS-code (GM0344)."
    }),
    column("soort", "Activiteit", "label", {
      required: true,
      aliases: ["Soort activiteit", "Soort", "Type activiteit"],
      labels: "activiteitSoort",
      width: 36,
      uitleg: "Soort activiteit uit de lijst (kennisbijeenkomst, Echt-Nep-bijeenkomst, …)."
    }),
    column("actie", "Actie", "integer", {
      aliases: ["Actienummer", "Actie nr", "Actie nummer"],
      width: 10,
      uitleg: "Nummer van de actie uit het jaarplan."
    }),
    column("doelgroep", "Doelgroep", "label", {
      labels: "doelgroep",
      width: 18,
      uitleg: "Doelgroep uit de lijst (jeugd, senioren, MKB, …)."
    }),
    column("bereik", "Bereik", "integer", {
      aliases: ["Aantal bereikt", "Aantal deelnemers", "Deelnemers", "Bereikt"],
      uitleg: "Aantal bereikte mensen; leeg als het niet bekend is (niet 0)."
    }),
    column("omschrijving", "Omschrijving", "text", {
      aliases: ["Toelichting", "Beschrijving", "Opmerking"],
      width: 50,
      uitleg: "Vrije tekst."
    }),
    column("informatiebeeld", "Informatiebeeld", "periode", {
      aliases: ["Besproken informatiebeeld"],
      width: 16,
      uitleg:
        "Alleen bij ‘informatiebeeld besproken in de driehoek’: de periode van het besproken informatiebeeld, bijvoorbeeld 2025-Q4."
    }),
    column("deelnemers", "Deelnemers driehoek", "text", {
      aliases: ["Deelnemers bespreking"],
      width: 36,
      uitleg:
        "Alleen bij een bespreking in de driehoek: wie er deelnamen, gescheiden door ; (burgemeester; politie basisteam; OM)."
    }),
    column("afspraken", "Afspraken", "text", {
      width: 60,
      uitleg:
        "Alleen bij een bespreking in de driehoek: één afspraak per regel (Alt+Enter), als ‘wat; wie’ met eventueel ‘; uiterlijk 1-3-2026’ en ‘; afgerond 10-1-2026’. Een export zet ‘a1:’ ervoor: laat dat staan, zo blijft het dezelfde afspraak."
    })
  ]
}

/**
 * Registraties: police figures per period, area and delict.
 *
 * @since 0.1.0
 * @category contract
 */
export const registraties: Sheet = {
  kind: "registraties",
  name: "Registraties",
  uitleg:
    "Eén rij per periode, gemeente en delict: politiecijfers. Vul minstens één van aangiften, meldingen, slachtoffers of schade in; leeg betekent onbekend, niet 0.",
  atLeastOne: ["aangiften", "meldingen", "slachtoffers", "schade"],
  columns: [
    column("periode", "Periode", "periode", {
      required: true,
      uitleg: "Jaar (2025), kwartaal (2025-Q1), maand (2025-03 of maart 2025)."
    }),
    column("gebied", "Gemeente", "eenheid", {
      required: true,
      aliases: ["Eenheid", "Gebied"],
      uitleg:
        "Gemeente in de regio (naam of CBS-code); of regio / district <naam> voor cijfers over een groter gebied."
    }),
    column("delict", "Delict", "label", {
      required: true,
      aliases: ["Delicttype", "Soort delict", "Misdrijf"],
      labels: "delict",
      width: 26,
      uitleg: "Delict uit de lijst (phishing, aan- en verkoopfraude, …)."
    }),
    column("aangiften", "Aangiften", "integer", {
      aliases: ["Aantal aangiften"],
      uitleg: "Aantal aangiften."
    }),
    column("meldingen", "Meldingen", "integer", {
      aliases: ["Aantal meldingen"],
      uitleg: "Aantal meldingen."
    }),
    column("slachtoffers", "Slachtoffers", "integer", {
      aliases: ["Aantal slachtoffers"],
      uitleg: "Aantal slachtoffers."
    }),
    column("schade", "Schade (€)", "money", {
      aliases: ["Schade", "Schade (EUR)", "Schade in euro", "Schadebedrag"],
      width: 18,
      uitleg: "Schade in euro's, bijvoorbeeld € 1.300.000 of 1.234,56."
    })
  ]
}

/**
 * Metingen: measurements of the year plans' indicators.
 *
 * @since 0.1.0
 * @category contract
 */
export const metingen: Sheet = {
  kind: "metingen",
  name: "Metingen",
  uitleg:
    "Eén rij per meting van een indicator: welke indicator, over welke periode en welk gebied, de waarde en de bron.",
  atLeastOne: [],
  columns: [
    column("indicator", "Indicator", "text", {
      required: true,
      aliases: ["Indicator id", "Indicatornummer"],
      width: 14,
      uitleg: "Id van de indicator uit het jaarplan (keuzelijst)."
    }),
    column("periode", "Periode", "periode", {
      required: true,
      uitleg: "Jaar (2025), kwartaal (2025-Q1), maand (2025-03 of maart 2025)."
    }),
    column("gebied", "Eenheid", "eenheid", {
      aliases: ["Gebied", "Gemeente"],
      uitleg: "regio, district <naam>, of een gemeente (naam of CBS-code); leeg betekent de regio."
    }),
    column("waarde", "Waarde", "number", {
      required: true,
      uitleg: "De gemeten waarde; een percentage als 16,9% (of 0,169 in een cel met percentage-opmaak)."
    }),
    column("bron", "Bron", "label", {
      labels: "bron",
      width: 24,
      uitleg:
        "Bron uit de lijst (Veiligheidsmonitor, CBS, politieregistratie, programma-administratie, activiteitenregister); leeg betekent programma-administratie (activiteitenregister bij een afspraak die activiteiten telt)."
    }),
    column("toelichting", "Toelichting", "text", {
      aliases: ["Omschrijving", "Opmerking"],
      width: 50,
      uitleg: "Vrije tekst."
    }),
    column("mijlpaal", "Mijlpaal", "text", {
      width: 16,
      uitleg:
        "Alleen bij een indicator met mijlpalen: de id van de mijlpaal die deze rij meet (1 = bereikt, 0 = niet); leeg bij andere indicatoren."
    }),
    column("peildatum", "Peildatum", "date", {
      aliases: ["Stand op"],
      uitleg:
        "Alleen bij een tussenstand: de datum waarop de waarde gold, vóór het einde van de periode (bijvoorbeeld 30-9-2025 bij een stand van 2025 tot oktober); leeg betekent de hele periode."
    })
  ]
}

/**
 * Gebieden: the geography the bundled data leaves unknown, with inhabitants per peildatum.
 *
 * @since 0.1.0
 * @category contract
 */
export const gebieden: Sheet = {
  kind: "gebieden",
  name: "Gebieden",
  uitleg:
    "Eén rij per gemeente (en peildatum): district, basisteam en aantal inwoners op de peildatum. Eerdere inwonertallen blijven bewaard.",
  atLeastOne: [],
  columns: [
    column("gemeente", "Gemeente", "gemeente", {
      required: true,
      uitleg: "Gemeente in de regio: naam of CBS-code (GM0344)."
    }),
    column("district", "District", "text", { width: 20, uitleg: "Naam van het politiedistrict." }),
    column("basisteam", "Basisteam", "text", { width: 24, uitleg: "Naam van het basisteam." }),
    column("inwoners", "Inwoners", "integer", {
      aliases: ["Inwonertal", "Aantal inwoners"],
      uitleg: "Aantal inwoners op de peildatum."
    }),
    column("peildatum", "Peildatum", "date", {
      aliases: ["Datum"],
      uitleg: "Datum waarop het aantal inwoners geldt; nodig als Inwoners is ingevuld."
    })
  ]
}

/**
 * Every sheet kind, in template order.
 *
 * @since 0.1.0
 * @category contract
 */
export const sheets: ReadonlyArray<Sheet> = [activiteiten, registraties, metingen, gebieden]

/**
 * @since 0.1.0
 * @category contract
 */
export const sheet = (kind: SheetKind): Sheet => sheets.find((s) => s.kind === kind) as Sheet

/**
 * One documented value with the label users see and the variants they write.
 *
 * @since 0.1.0
 * @category models
 */
export interface Label<A extends string = string> {
  readonly value: A
  /** As the template's dropdowns and the exports write it. */
  readonly label: string
  /** Other ways people write it (matched like the label: case, accents, spaces and dashes ignored). */
  readonly variants: ReadonlyArray<string>
}

const entry = <A extends string>(value: A, label: string, ...variants: ReadonlyArray<string>): Label<A> => ({
  value,
  label,
  variants
})

/**
 * The activity types (core `Activity.ActiviteitSoort`).
 *
 * @since 0.1.0
 * @category labels
 */
export const activiteitSoorten: ReadonlyArray<Label<Activity.ActiviteitSoort>> = [
  entry("kennisbijeenkomst", "kennisbijeenkomst", "kennissessie", "voorlichtingsbijeenkomst", "voorlichting"),
  entry("echt-nep-bijeenkomst", "Echt-Nep-bijeenkomst", "Echt of Nep", "Echt-Nep", "Echt/Nep-bijeenkomst"),
  entry("actiedag-activiteit", "actiedag-activiteit", "actiedag", "activiteit actiedag"),
  entry("bestuurlijke-rapportage", "bestuurlijke rapportage", "rapportage bestuur", "bestuursrapportage"),
  entry("riec-casus", "RIEC-casus", "RIEC casus", "RIEC"),
  entry("huisbezoek", "huisbezoek", "huisbezoeken"),
  entry("communicatie-uiting", "communicatie-uiting", "communicatie", "campagne", "communicatie uiting"),
  entry(
    "informatiebeeld-besproken-in-driehoek",
    "informatiebeeld besproken in driehoek",
    "informatiebeeld driehoek",
    "informatiebeeld besproken in de driehoek",
    "informatiebeeld"
  ),
  entry("bakfiets-inzet", "bakfiets-inzet", "bakfiets", "inzet bakfiets", "cyberbakfiets"),
  entry("train-de-trainer", "train-de-trainer", "train de trainer", "TtT"),
  entry("ciso-bijeenkomst", "CISO-bijeenkomst", "CISO overleg", "CISO-overleg", "CISO"),
  entry("contentsuggestie", "contentsuggestie", "content suggestie"),
  entry("overig", "overig", "anders", "overige")
]

/**
 * The target groups (core `Activity.Doelgroep`).
 *
 * @since 0.1.0
 * @category labels
 */
export const doelgroepen: ReadonlyArray<Label<typeof Activity.Doelgroep.Type>> = [
  entry("jeugd", "jeugd", "jongeren", "scholieren", "kinderen"),
  entry("senioren", "senioren", "ouderen", "55-plussers", "65-plussers"),
  entry("mkb", "MKB", "ondernemers", "midden- en kleinbedrijf", "bedrijven"),
  entry("professionals", "professionals", "professional", "medewerkers"),
  entry("inwoners", "inwoners", "burgers", "bewoners"),
  entry("bestuurders", "bestuurders", "bestuur", "driehoek")
]

/**
 * The delict types (core `Registration.Delict`).
 *
 * @since 0.1.0
 * @category labels
 */
export const delicten: ReadonlyArray<Label<Registration.Delict>> = [
  entry(
    "aan-en-verkoopfraude",
    "aan- en verkoopfraude",
    "aan en verkoop fraude",
    "marktplaatsfraude",
    "verkoopfraude"
  ),
  entry("beleggingsfraude", "beleggingsfraude", "investeringsfraude"),
  entry("bankhelpdeskfraude", "bankhelpdeskfraude", "bankhelpdesk fraude", "spoofing", "helpdeskfraude"),
  entry("phishing", "phishing", "fishing", "hengelen"),
  entry(
    "vriend-in-nood-fraude",
    "vriend-in-nood-fraude",
    "vriend in nood",
    "WhatsApp-fraude",
    "whatsappfraude"
  ),
  entry("identiteitsfraude", "identiteitsfraude", "ID-fraude", "identiteitsdiefstal"),
  entry("hacken", "hacken", "hacking", "computervredebreuk"),
  entry("ransomware", "ransomware", "gijzelsoftware"),
  entry("sextortion", "sextortion", "sekstortie", "seksuele afpersing"),
  entry("datingfraude", "datingfraude", "romancefraude", "romance scam", "liefdesfraude"),
  entry("cyberafpersing", "cyberafpersing", "afpersing", "digitale afpersing"),
  entry("overig", "overig", "anders", "overige")
]

/**
 * The sources (core `Bron.Bron`).
 *
 * @since 0.1.0
 * @category labels
 */
export const bronnen: ReadonlyArray<Label<Bron.Bron>> = [
  entry("veiligheidsmonitor", Bron.bronLabel.veiligheidsmonitor, "VM", "veiligheids monitor"),
  entry("cbs", Bron.bronLabel.cbs, "Centraal Bureau voor de Statistiek"),
  entry("politieregistratie", Bron.bronLabel.politieregistratie, "politie", "politiecijfers", "BVH"),
  entry(
    "programma-administratie",
    Bron.bronLabel["programma-administratie"],
    "programma",
    "eigen administratie",
    "administratie"
  ),
  entry("activiteitenregister", Bron.bronLabel.activiteitenregister)
]

/**
 * The label lists by name.
 *
 * @since 0.1.0
 * @category labels
 */
export const labelLists: { readonly [K in LabelListName]: ReadonlyArray<Label> } = {
  activiteitSoort: activiteitSoorten,
  doelgroep: doelgroepen,
  delict: delicten,
  bron: bronnen
}

/**
 * The label users see for a canonical value (`riec-casus` → `RIEC-casus`); the value itself when the list
 * does not hold it. Exports write these; the importer reads them back.
 *
 * @since 0.1.0
 * @category labels
 */
export const labelOf = (list: LabelListName, value: string): string =>
  labelLists[list].find((l) => l.value === value)?.label ?? value

/**
 * The comparison key of a header or label: lowercase, without accents, and without spaces, dashes and
 * other punctuation (`Echt-Nep-bijeenkomst`, `echt nep bijeenkomst` and `EchtNep  Bijeenkomst` are one).
 *
 * @since 0.1.0
 * @category matching
 */
export const matchKey = (text: string): string =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "")

const labelIndex = new Map<LabelListName, Map<string, string>>()

/**
 * The canonical value a user's label stands for, or `undefined` when it matches no label or variant.
 *
 * @since 0.1.0
 * @category matching
 */
export const canonicalOf = (list: LabelListName, text: string): string | undefined => {
  let index = labelIndex.get(list)
  if (index === undefined) {
    index = new Map()
    for (const l of labelLists[list]) {
      for (const written of [l.value, l.label, ...l.variants]) index.set(matchKey(written), l.value)
    }
    labelIndex.set(list, index)
  }
  return index.get(matchKey(text))
}

/**
 * The column of a sheet kind a header names (by its header or an alias), or `undefined`.
 *
 * @since 0.1.0
 * @category matching
 */
export const columnFor = (kind: SheetKind, header: string): Column | undefined => {
  const key = matchKey(header)
  if (key === "") return undefined
  return sheet(kind).columns.find(
    (c) => matchKey(c.header) === key || c.aliases.some((a) => matchKey(a) === key)
  )
}

/**
 * The sheet kind a sheet name stands for (`Registraties`, `registraties 2025`), or `undefined`.
 *
 * @since 0.1.0
 * @category matching
 */
export const kindOfName = (name: string): SheetKind | undefined => {
  const key = matchKey(name)
  return sheets.find((s) => key.startsWith(matchKey(s.name)))?.kind
}

/**
 * Names of sheets that explain the workbook rather than hold data (the template's `Instructies`): the
 * importer skips a sheet whose name starts with one of them (case, accents and spaces ignored), without a
 * warning.
 *
 * @since 0.1.0
 * @category models
 */
export const instructionSheetNames: ReadonlyArray<string> = [
  "Instructies",
  "Toelichting",
  "Uitleg",
  "Handleiding",
  "Lees mij"
]

/**
 * Whether a sheet of this name explains the workbook (see `instructionSheetNames`).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isInstructionSheet = (name: string): boolean => {
  const key = matchKey(name)
  return instructionSheetNames.some((n) => key.startsWith(matchKey(n).replace(/s$/, "")))
}

/**
 * How an area is written in a `gemeente` or `eenheid` column: the gemeente's name, `regio`,
 * `district <naam>` or `basisteam <naam>`. Exports write this; the importer reads it back (`gebiedOf`).
 *
 * @since 0.1.0
 * @category labels
 */
export const gebiedLabel = (regio: Geography.Regio, gebied: Geography.Gebied): string => {
  switch (gebied.niveau) {
    case "regio":
      return "regio"
    case "district":
      return `district ${regio.districten.find((d) => d.id === gebied.id)?.naam ?? gebied.id}`
    case "basisteam":
      return `basisteam ${regio.basisteams.find((b) => b.id === gebied.id)?.naam ?? gebied.id}`
    case "gemeente":
      return regio.gemeenten.find((g) => g.code === gebied.code)?.naam ?? gebied.code
  }
}

/**
 * The gemeente a name or CBS code (`Utrecht`, `GM0344`, `0344`) stands for in the region, or `undefined`.
 *
 * @since 0.1.0
 * @category matching
 */
export const gemeenteOf = (regio: Geography.Regio, text: string): Geography.Gemeente | undefined => {
  const key = matchKey(text)
  const code = /^(?:gm)?(\d{1,4})$/.exec(key)
  if (code !== null) {
    const wanted = `GM${(code[1] ?? "").padStart(4, "0")}`
    return regio.gemeenten.find((g) => g.code === wanted)
  }
  let index = gemeenteIndex.get(regio)
  if (index === undefined) {
    index = new Map()
    for (const g of regio.gemeenten) {
      index.set(matchKey(g.naam), g)
      index.set(matchKey(`gemeente ${g.naam}`), g)
    }
    gemeenteIndex.set(regio, index)
  }
  return index.get(key)
}

const gemeenteIndex = new WeakMap<Geography.Regio, Map<string, Geography.Gemeente>>()

/**
 * The area a `gebied`/`eenheid` cell names: `regio` (or the region's name), `district <naam of id>`,
 * `basisteam <naam of id>`, or a gemeente by name or CBS code; `undefined` when the region has no such unit.
 *
 * @since 0.1.0
 * @category matching
 */
export const gebiedOf = (regio: Geography.Regio, text: string): Geography.Gebied | undefined => {
  const key = matchKey(text)
  if (key === "regio" || key === matchKey(regio.naam) || key === matchKey(`regio ${regio.naam}`)) {
    return Geography.regio
  }
  for (const niveau of ["district", "basisteam"] as const) {
    if (key.startsWith(niveau) && key.length > niveau.length) {
      const rest = key.slice(niveau.length)
      const units = niveau === "district" ? regio.districten : regio.basisteams
      const unit = units.find((u) => matchKey(u.id) === rest || matchKey(u.naam) === rest)
      if (unit !== undefined) return { niveau, id: unit.id }
    }
  }
  const gemeente = gemeenteOf(regio, text)
  return gemeente === undefined ? undefined : { niveau: "gemeente", code: gemeente.code }
}
