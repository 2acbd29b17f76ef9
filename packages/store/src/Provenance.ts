/**
 * Where imported rows come from, and what a bulk `record` did: shared by every repository that imports
 * rows (registrations, activities, measurements, geography). Each row keeps the import that last changed
 * it (`RowProvenance`); each import is one row of `imports` and one audit entry.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * Where a batch of rows comes from. `rowOf` turns the index of a row in the batch into the row number
 * people know (a spreadsheet row); without it rows are numbered from 1.
 *
 * @since 0.1.0
 * @category models
 */
export interface Provenance {
  readonly importId: string
  readonly file?: string | undefined
  readonly sheet?: string | undefined
  readonly rowOf?: ((index: number) => number) | undefined
  /** The SHA-256 of the imported file (hex), by which the import can be undone too. */
  readonly sha256?: string | undefined
  /** Who imported: goes into the audit entry. */
  readonly actor: string
}

/**
 * The provenance kept with each row: the import that last changed it, and where in that import it was.
 *
 * @since 0.1.0
 * @category models
 */
export const RowProvenance = Schema.Struct({
  importId: Schema.String,
  file: Schema.optionalKey(Schema.String),
  sheet: Schema.optionalKey(Schema.String),
  row: Schema.Int
}).annotate({ identifier: "RowProvenance" })

/**
 * @since 0.1.0
 * @category models
 */
export type RowProvenance = typeof RowProvenance.Type

/**
 * What a `record` did, in rows.
 *
 * @since 0.1.0
 * @category models
 */
export interface RecordReport {
  readonly inserted: number
  readonly updated: number
  readonly unchanged: number
}

/**
 * The provenance of one row, decoded from a stored `source` column; `undefined` for rows written
 * otherwise (the bundled seed, the CLI, an API request).
 *
 * @since 0.1.0
 * @category getters
 */
export const fromSource: (source: string) => RowProvenance | undefined = (() => {
  const decode = Schema.decodeUnknownOption(Schema.fromJsonString(RowProvenance))
  return (source: string) => {
    const decoded = decode(source)
    return decoded._tag === "Some" ? decoded.value : undefined
  }
})()
