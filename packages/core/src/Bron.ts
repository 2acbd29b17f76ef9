/**
 * Where a number comes from: the kind of source, and the document and section it was read from.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * The kinds of source the programme's monitoring agreements name.
 *
 * @since 0.1.0
 * @category models
 */
export const Bron = Schema.Literals([
  "veiligheidsmonitor",
  "cbs",
  "politieregistratie",
  "programma-administratie",
  "activiteitenregister"
]).annotate({ identifier: "Bron" })

/**
 * @since 0.1.0
 * @category models
 */
export type Bron = typeof Bron.Type

/**
 * @since 0.1.0
 * @category formatting
 */
export const bronLabel: Record<Bron, string> = {
  veiligheidsmonitor: "Veiligheidsmonitor",
  cbs: "CBS",
  politieregistratie: "politieregistratie",
  "programma-administratie": "programma-administratie",
  activiteitenregister: "activiteitenregister"
}

/**
 * Provenance of a record: the document and section it was taken from, optionally the words themselves.
 *
 * @since 0.1.0
 * @category models
 */
export const Herkomst = Schema.Struct({
  document: Schema.NonEmptyString,
  sectie: Schema.NonEmptyString,
  citaat: Schema.optionalKey(Schema.String)
}).annotate({ identifier: "Herkomst" })

/**
 * @since 0.1.0
 * @category models
 */
export type Herkomst = typeof Herkomst.Type

/**
 * `jaarplan 2026, bijlage 2 (doel 3)`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const herkomstLabel = (herkomst: Herkomst): string => `${herkomst.document}, ${herkomst.sectie}`
