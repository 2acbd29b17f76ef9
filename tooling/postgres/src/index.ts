/**
 * Throw-away PostgreSQL clusters for tests. See docs/development.md, "PostgreSQL in tests".
 *
 * ```ts
 * describePostgres("the store", () => {
 *   let pg: PostgresCluster
 *   beforeAll(async () => { pg = await startPostgres() }, 60_000)
 *   afterAll(() => pg.stop())
 *   it("…", async () => { … pg.url … })
 * })
 * ```
 */
export { type PostgresCluster, type StartPostgresOptions, startPostgres, superuser } from "./cluster.ts"
export { type Availability, findPostgres, type PostgresInstall, postgresAvailability } from "./find.ts"
export { describePostgres } from "./vitest.ts"
