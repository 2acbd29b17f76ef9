/**
 * Where a number comes from: the kind of source, and the document and section it was read from.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import type { Lijst } from "./Taxonomie.ts"

const bronTermen = [
  { code: "veiligheidsmonitor", label: "Veiligheidsmonitor" },
  { code: "cbs", label: "CBS" },
  { code: "politieregistratie", label: "politieregistratie" },
  { code: "programma-administratie", label: "programma-administratie" },
  { code: "activiteitenregister", label: "activiteitenregister" }
] as const

/**
 * The bundled list of the kinds of source (version `dvcc-1`), in the shape of every list
 * (`Taxonomie.Lijst`).
 *
 * @since 0.3.0
 * @category models
 */
export const bronnenlijst: Lijst = {
  naam: "bronnen",
  versie: "dvcc-1",
  termen: bronTermen,
  herkomst: { document: "dvcc", sectie: "gebundelde lijst van bronnen" }
}

/**
 * The kinds of source the programme's monitoring agreements name: the codes of `bronnenlijst`.
 *
 * @since 0.1.0
 * @category models
 */
export const Bron = Schema.Literals(bronTermen.map((t) => t.code)).annotate({ identifier: "Bron" })

/**
 * @since 0.1.0
 * @category models
 */
export type Bron = (typeof bronTermen)[number]["code"]

/**
 * The label of each kind of source, from `bronnenlijst`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const bronLabel: Record<Bron, string> = Object.fromEntries(
  bronTermen.map((t) => [t.code, t.label])
) as Record<Bron, string>

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
