/**
 * The whole bundled dataset: encoded as transcribed, and decoded through core's `Dataset` schema when the
 * module loads, so data that breaks a rule or a cross-reference fails at import with the record and field.
 *
 * @since 0.1.0
 */
import { Dataset } from "@dvcc/core"
import { Schema } from "effect"
import { program as din } from "./Din.ts"
import { indicatoren as alleIndicatoren } from "./Indicatoren.ts"
import { jaarplan2025 } from "./Jaarplan2025.ts"
import { jaarplan2026 } from "./Jaarplan2026.ts"
import { metingen as alleMetingen } from "./Metingen.ts"
import { regio as midden } from "./Regio.ts"
import { reeksbreuken as alleReeksbreuken, registraties as alleRegistraties } from "./Registraties.ts"

/**
 * The raw data in the encoded form of core's `Dataset`; tests mutate copies of it to prove bad data is
 * refused.
 *
 * @since 0.1.0
 * @category data
 */
export const encodedDataset: typeof Dataset.Dataset.Encoded = {
  program: din,
  regio: midden,
  jaarplannen: [jaarplan2025, jaarplan2026],
  indicatoren: alleIndicatoren,
  metingen: alleMetingen,
  registraties: alleRegistraties,
  reeksbreuken: alleReeksbreuken,
  // The activity register starts empty; users fill it.
  activiteiten: []
}

/**
 * The decoded dataset of the Midden-Nederland programme.
 *
 * @since 0.1.0
 * @category data
 */
export const dataset: Dataset.Dataset = Schema.decodeUnknownSync(Dataset.Dataset)(encodedDataset)

/**
 * @since 0.1.0
 * @category data
 */
export const program = dataset.program

/**
 * @since 0.1.0
 * @category data
 */
export const regio = dataset.regio

/**
 * @since 0.1.0
 * @category data
 */
export const jaarplannen = dataset.jaarplannen

/**
 * @since 0.1.0
 * @category data
 */
export const indicatoren = dataset.indicatoren

/**
 * @since 0.1.0
 * @category data
 */
export const metingen = dataset.metingen

/**
 * @since 0.1.0
 * @category data
 */
export const registraties = dataset.registraties

/**
 * @since 0.1.0
 * @category data
 */
export const reeksbreuken = dataset.reeksbreuken
