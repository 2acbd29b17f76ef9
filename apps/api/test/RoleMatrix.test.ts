/**
 * Every role × every endpoint over HTTP, on SQLite and on PostgreSQL: allowed (anything but 401/403),
 * 403 for a role without the action, 401 without a token or with a revoked one. The expected table is
 * written out here from the words, not derived from the matrix in core.
 */

import { Database } from "@dvcc/store"
import { describePostgres, type PostgresCluster, startPostgres } from "@dvcc/testing-postgres"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import { SqlClient } from "effect/sql"
import { type Fixture, freshSqlite, makeFixture, type Role } from "./fixture.ts"

const reads = ["beheerder", "programma", "district", "gemeente"] as const
const planWriters = ["beheerder", "programma"] as const

const actie = {
  id: "matrix-actie",
  jaar: 2026,
  nummer: 91,
  titel: "Matrix",
  coordinatie: [],
  inSamenwerkingMet: [],
  status: null,
  doel: "Testen",
  outputs: [],
  beoogdeResultaten: [],
  aandachtspunten: [],
  baten: ["baat-1"],
  voorganger: null,
  herkomst: { document: "test", sectie: "test" }
}

interface Cell {
  readonly method: string
  readonly path: string
  readonly body?: unknown
  readonly allowed: ReadonlyArray<Role>
}

const cells: ReadonlyArray<Cell> = [
  { method: "GET", path: "/api/v1/programma", allowed: reads },
  { method: "GET", path: "/api/v1/jaarplannen", allowed: reads },
  { method: "GET", path: "/api/v1/jaarplannen/2026", allowed: reads },
  {
    method: "POST",
    path: "/api/v1/jaarplannen",
    body: { jaar: 2040, titel: "x", datum: "2039-12-01", documentStatus: "concept" },
    allowed: planWriters
  },
  { method: "GET", path: "/api/v1/acties?jaar=2026", allowed: reads },
  { method: "GET", path: "/api/v1/acties/lokaal-informatiebeeld", allowed: reads },
  { method: "POST", path: "/api/v1/acties", body: actie, allowed: planWriters },
  {
    method: "PATCH",
    path: "/api/v1/acties/lokaal-informatiebeeld?jaar=2026",
    body: { basedOn: 99 },
    allowed: planWriters
  },
  {
    method: "DELETE",
    path: "/api/v1/acties/lokaal-informatiebeeld?jaar=2026&basedOn=99",
    allowed: planWriters
  },
  { method: "GET", path: "/api/v1/indicatoren?asOf=2025-12-31", allowed: reads },
  { method: "GET", path: "/api/v1/indicatoren/kennisbijeenkomsten", allowed: reads },
  {
    method: "PATCH",
    path: "/api/v1/indicatoren/kennisbijeenkomsten?jaar=2026",
    body: { basedOn: 99 },
    allowed: planWriters
  },
  { method: "GET", path: "/api/v1/voortgang", allowed: reads },
  {
    method: "POST",
    path: "/api/v1/metingen",
    body: { id: "bestaat-niet" },
    allowed: planWriters
  },
  { method: "GET", path: "/api/v1/activiteiten", allowed: reads },
  { method: "GET", path: "/api/v1/activiteiten/bestaat-niet", allowed: reads },
  {
    method: "POST",
    path: "/api/v1/activiteiten",
    // Empty: the role decides here; the scope of a district's writes is tested in App.test.ts.
    body: [],
    allowed: ["beheerder", "district"]
  },
  {
    method: "PATCH",
    path: "/api/v1/activiteiten/bestaat-niet",
    body: { basedOn: 1 },
    allowed: ["beheerder", "district"]
  },
  { method: "GET", path: "/api/v1/gebieden", allowed: reads },
  { method: "PATCH", path: "/api/v1/gebieden/GM0344", body: { basedOn: 99 }, allowed: ["beheerder"] },
  { method: "GET", path: "/api/v1/exports/jaarplan?jaar=2026", allowed: reads },
  { method: "GET", path: "/api/v1/informatiebeeld/regio?periode=2024", allowed: reads },
  // The gemeente token's own gemeente; the district token's district does not hold it.
  {
    method: "GET",
    path: "/api/v1/reports/informatiebeeld/GM0344?periode=2024",
    allowed: ["beheerder", "programma", "gemeente"]
  },
  {
    method: "GET",
    path: "/api/v1/registraties?periode=2024",
    allowed: ["beheerder", "programma", "district"]
  },
  { method: "GET", path: "/api/v1/imports", allowed: ["beheerder", "programma", "district"] },
  { method: "DELETE", path: "/api/v1/imports/bestaat-niet", allowed: planWriters },
  { method: "GET", path: "/api/v1/audit?entity=dataset&id=seed", allowed: planWriters }
]

const matrixSuite = (fixture: () => Promise<Fixture>) => {
  let f: Fixture
  beforeAll(async () => {
    f = await fixture()
  }, 60_000)
  afterAll(() => f?.dispose())

  for (const cell of cells) {
    it(`${cell.method} ${cell.path}`, async () => {
      const send = (as: Role | "ingetrokken" | undefined) =>
        f.request(cell.path, {
          method: cell.method,
          as,
          ...(cell.body === undefined ? {} : { json: cell.body })
        })
      for (const role of ["beheerder", "programma", "district", "gemeente"] as const) {
        const { status } = await send(role)
        if (cell.allowed.includes(role)) {
          assert.notInclude([401, 403], status, `${role} mag dit`)
          assert.isBelow(status, 500, `${role}: geen interne fout`)
        } else assert.strictEqual(status, 403, `${role} mag dit niet`)
      }
      assert.strictEqual((await send(undefined)).status, 401)
      assert.strictEqual((await send("ingetrokken")).status, 401)
      assert.deepStrictEqual(f.errors, [])
    })
  }
}

describe("the role matrix on SQLite", () => matrixSuite(() => makeFixture({}, freshSqlite())))

describePostgres("the role matrix on PostgreSQL", () => {
  let cluster: PostgresCluster | undefined
  beforeAll(async () => {
    cluster = await startPostgres()
  }, 60_000)
  afterAll(() => cluster?.stop())
  matrixSuite(async () => {
    if (cluster === undefined) throw new Error("the PostgreSQL cluster did not start")
    const { url } = cluster
    await Effect.runPromise(
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* sql.unsafe("CREATE DATABASE api_matrix")
      }).pipe(Effect.provide(Database.client({ _tag: "Postgres", url: Redacted.make(url) })))
    )
    return makeFixture(
      {},
      { _tag: "Postgres", url: Redacted.make(url.replace("/dvcc_test?", "/api_matrix?")) }
    )
  })
})
