/**
 * The tables that hold one JSON document per row under a one-column key, as imports and undo write them:
 * which columns are copied out of the document (for SQL filters and foreign keys), which gemeente a row is
 * about (for scopes), and what people call its rows.
 */

/** A table of documents: `name` (also the entity name in `import_changes` and the audit log), its key column. */
/** A stored document, parsed: the fields a table copies out are read with a cast. */
type Doc = Readonly<Record<string, unknown>>

export interface DocumentTable {
  readonly name: string
  readonly key: string
  /** The indexed copies of fields of an encoded document (not the key). */
  readonly columns: (document: Doc) => Record<string, string | number | null>
  /** The gemeente a row is about, `null` when it is about the region or a district or basisteam. */
  readonly gemeente: (document: Doc) => string | null
  /** Whether two stored data strings are the same record (for `unchanged`). */
  readonly same: (stored: string, next: string) => boolean
}

const equal = (a: string, b: string) => a === b

/** The gemeente of an encoded `Gebied`, or `null` for an aggregate area. */
type Gebied = { readonly niveau: string; readonly code?: string }

export const gemeenteOfGebied = (gebied: Gebied): string | null =>
  gebied.niveau === "gemeente" ? (gebied.code ?? null) : null

export const activiteiten: DocumentTable = {
  name: "activiteiten",
  key: "id",
  columns: (a) => ({ datum: a.datum as string, gemeente: (a.gemeente as string | null) ?? null }),
  gemeente: (a) => (a.gemeente as string | null) ?? null,
  same: equal
}

/**
 * A measurement recorded again on another day (`vastgelegdOp`) with the same figures is the same
 * measurement: re-importing a file leaves it unchanged.
 */
const withoutRecordingDate = (data: string): string => {
  const { vastgelegdOp: _, ...rest } = JSON.parse(data) as Record<string, unknown>
  return JSON.stringify(rest)
}

export const metingen: DocumentTable = {
  name: "metingen",
  key: "id",
  columns: (m) => ({
    jaar: m.jaar as number,
    indicator: m.indicator as string,
    periode: m.periode as string,
    waarde: m.waarde as number,
    gemeente: gemeenteOfGebied(m.gebied as Gebied)
  }),
  gemeente: (m) => gemeenteOfGebied(m.gebied as Gebied),
  same: (stored, next) => stored === next || withoutRecordingDate(stored) === withoutRecordingDate(next)
}

export const gemeenten: DocumentTable = {
  name: "gemeenten",
  key: "code",
  columns: () => ({}),
  gemeente: (g) => g.code as string,
  same: equal
}

/** The region's own document (name, districten, basisteams), under the key `regio`. */
export const regio: DocumentTable = {
  name: "regio",
  key: "id",
  columns: () => ({}),
  gemeente: () => null,
  same: equal
}

export const documentTables: ReadonlyArray<DocumentTable> = [activiteiten, metingen, gemeenten, regio]

/** What people call one and more rows of an entity. */
export const labels: Record<string, readonly [string, string]> = {
  registraties: ["registratie", "registraties"],
  activiteiten: ["activiteit", "activiteiten"],
  metingen: ["meting", "metingen"],
  gemeenten: ["gemeente", "gemeenten"],
  regio: ["regio-indeling", "regio-indelingen"],
  programma: ["programma (DIN)", "programma's (DIN)"],
  jaarplannen: ["jaarplan", "jaarplannen"],
  acties: ["actie", "acties"],
  indicatoren: ["indicator", "indicatoren"]
}

/** `3 activiteiten`, `1 meting`; `rij`/`rijen` for an unknown entity. */
export const counted = (entity: string | undefined, n: number, format: (n: number) => string = String) => {
  const [one, more] = (entity === undefined ? undefined : labels[entity]) ?? ["rij", "rijen"]
  return `${format(n)} ${n === 1 ? one : more}`
}
