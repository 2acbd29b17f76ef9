/**
 * How the account and token lists are printed: aligned columns, and times as people read them.
 */

/** `2026-11-25 16:59`: an ISO time as people read it (UTC). */
export const moment = (iso: string): string => iso.slice(0, 16).replace("T", " ")

/** Rows as left-aligned columns two spaces apart, the first row the header. */
export const columns = (rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? []
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join("  ")
        .trimEnd()
    )
    .join("\n")
}
