/** How bulk writes cut rows into statements: few statement texts serve every batch size. */

/**
 * Most rows in one INSERT. With 6 values a row that is 1,536 parameters: far below SQLite's limit of
 * 32,766 and PostgreSQL's 65,535. (On SQLite, 64 to 1,024 rows a statement measured the same; one row a
 * statement took twice as long.)
 */
export const rowsPerStatement = 256

const valuesPerRow = 8
const sqliteMaxVariables = 32_766
if (rowsPerStatement * valuesPerRow > sqliteMaxVariables) throw new Error("rowsPerStatement is too large")

/**
 * The sizes of the INSERTs for `n` rows: full statements of `rowsPerStatement`, the rest in powers of
 * two. The statement text depends only on its number of rows, so a few texts serve every batch size and
 * stay in the driver's prepared-statement cache.
 */
export const statementSizes = (n: number): ReadonlyArray<number> => {
  const sizes: Array<number> = []
  let rest = n
  while (rest >= rowsPerStatement) {
    sizes.push(rowsPerStatement)
    rest -= rowsPerStatement
  }
  for (let size = rowsPerStatement / 2; size >= 1; size /= 2) {
    if (rest >= size) {
      sizes.push(size)
      rest -= size
    }
  }
  return sizes
}

/** `items` cut into statements of `statementSizes`. */
export const inStatements = <A>(items: ReadonlyArray<A>): Array<Array<A>> => {
  const chunks: Array<Array<A>> = []
  let pos = 0
  for (const size of statementSizes(items.length)) {
    chunks.push(items.slice(pos, pos + size))
    pos += size
  }
  return chunks
}
