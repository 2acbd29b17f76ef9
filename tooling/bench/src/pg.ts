/**
 * Raw node-postgres (`pg`) for the store benchmark's PostgreSQL floor.
 */
import pg from "pg"

export type PgClient = pg.Client
export type PgQuery = pg.QueryConfig

/** A connected client for `url`. */
export const connect = async (url: string): Promise<PgClient> => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  return client
}
