/**
 * The programme's own tables as a programme import writes them and undo takes them back: the programme
 * (its DIN per strategy period), the year plans, their acties and the indicatoren. Their `entity_key` in
 * `import_changes`: `programma`, the year (`2027`), and `jaar/id` (`2027/actie-3`; the year has no slash, so
 * the first one splits it).
 */
import { Effect } from "effect"
import type { SqlClient } from "effect/sql"

/** One such table: its name (also the entity of its changes), how a key becomes its key columns. */
export interface PlanTable {
  readonly name: "programma" | "jaarplannen" | "acties" | "indicatoren"
  readonly where: (key: string) => Record<string, string | number>
  /** The indexed copies of fields of an encoded document (not the key). */
  readonly columns: (document: Readonly<Record<string, unknown>>) => Record<string, string | number>
}

const jaarId = (key: string) => {
  const slash = key.indexOf("/")
  return { jaar: Number(key.slice(0, slash)), id: key.slice(slash + 1) }
}

export const planTables: ReadonlyArray<PlanTable> = [
  { name: "programma", where: () => ({ id: "programma" }), columns: () => ({}) },
  { name: "jaarplannen", where: (key) => ({ jaar: Number(key) }), columns: () => ({}) },
  { name: "acties", where: jaarId, columns: (d) => ({ nummer: d.nummer as number }) },
  { name: "indicatoren", where: jaarId, columns: (d) => ({ baat: d.baat as string }) }
]

/** The entities of a programme import, in the order undo must take them back (dependants first). */
export const planEntities: ReadonlyArray<string> = ["indicatoren", "acties", "jaarplannen", "programma"]

const whereOf = (sql: SqlClient.SqlClient, keys: Record<string, string | number>) =>
  sql.and(Object.entries(keys).map(([column, value]) => sql`${sql(column)} = ${value}`))

/** How undo reads, removes, restores and renames the rows of a plan table. */
export const planHandler = (sql: SqlClient.SqlClient, table: PlanTable) => ({
  stored: (keys: ReadonlyArray<string>) =>
    Effect.gen(function* () {
      const out = new Map<string, string>()
      for (const key of keys) {
        const rows = yield* sql<{
          readonly data: string
        }>`SELECT data FROM ${sql(table.name)} WHERE ${whereOf(sql, table.where(key))}`
        if (rows[0] !== undefined) out.set(key, rows[0].data)
      }
      return out
    }),
  remove: (keys: ReadonlyArray<string>) =>
    Effect.forEach(
      keys,
      (key) => sql`DELETE FROM ${sql(table.name)} WHERE ${whereOf(sql, table.where(key))}`,
      { discard: true }
    ),
  restore: (key: string, before: string, source: string) =>
    sql`UPDATE ${sql(table.name)} SET ${sql.update({
      ...table.columns(JSON.parse(before) as Record<string, unknown>),
      data: before,
      source
    })}, version = version + 1 WHERE ${whereOf(sql, table.where(key))}`,
  name: (key: string, source: string) =>
    sql`UPDATE ${sql(table.name)} SET source = ${source} WHERE ${whereOf(sql, table.where(key))}`
})
