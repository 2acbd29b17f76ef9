/**
 * `dvcc dashboard --api URL`: the dashboard reads the programme through the HTTP API, with the token from
 * DVCC_TOKEN; here against the real app, in-process and served by `dvcc serve`.
 */
import { execFile, spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { App } from "@dvcc/api"
import { Measurement } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { Gebieden, ProgramStore, Tokens } from "@dvcc/store"
import { HttpSource } from "@dvcc/tui"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Effect, ManagedRuntime, Redacted, Schema } from "effect"
import { dvcc, folder, listening } from "./dvcc.ts"

const bin = fileURLToPath(new URL("../src/bin.ts", import.meta.url))
const { DATABASE_URL: _postgres, DVCC_TOKEN: _token, ...environment } = process.env

describe("the dashboard's HttpSource against the app", () => {
  const runtime = ManagedRuntime.make(App.services({ _tag: "Sqlite", file: join(folder(), "dvcc.sqlite") }))
  const app = App.createApp({ runtime, options: { log: () => {} } })
  const request = (url: string, init: RequestInit) => Promise.resolve(app.request(url, init))
  let tokens: { readonly programma: string; readonly district: string } = { programma: "", district: "" }

  beforeAll(async () => {
    tokens = await runtime.runPromise(
      Effect.gen(function* () {
        yield* (yield* ProgramStore.ProgramStore).seed(dataset, { actor: "test", source: "cli" })
        // A district token names a district the region knows.
        yield* (yield* Gebieden.Gebieden).record(
          [{ gemeente: "GM0307" as never, district: "district-noord" }],
          {
            importId: "gebieden",
            actor: "test"
          }
        )
        const t = yield* Tokens.Tokens
        const programma = yield* t.create({ naam: "dashboard", rol: "programma", scope: null }, "test")
        const district = yield* t.create(
          { naam: "noord", rol: "district", scope: { niveau: "district", id: "district-noord" } },
          "test"
        )
        return { programma: programma.token, district: district.token }
      })
    )
  }, 60_000)
  afterAll(() => runtime.dispose())

  const source = (token: string) =>
    HttpSource.make({ url: "http://dvcc.test", token: Redacted.make(token), fetch: request })

  it("reads the whole programme with a programma token, and a reload sees a new measurement", async () => {
    const first = await Effect.runPromise(source(tokens.programma).load)
    assert.deepStrictEqual(
      first,
      await runtime.runPromise(Effect.flatMap(ProgramStore.ProgramStore, (s) => s.load))
    )
    assert.strictEqual(first.metingen.length, dataset.metingen.length)
    const [meting] = dataset.metingen
    if (meting === undefined) throw new Error("the bundled data has no measurements")
    const posted = await app.request("/api/v1/metingen", {
      method: "POST",
      headers: { authorization: `Bearer ${tokens.programma}`, "content-type": "application/json" },
      body: JSON.stringify({ ...Schema.encodeSync(Measurement.Measurement)(meting), id: "herladen-test" })
    })
    assert.strictEqual(posted.status, 200, await posted.clone().text())
    const reloaded = await Effect.runPromise(source(tokens.programma).load)
    assert.include(
      reloaded.metingen.map((m) => m.id),
      "herladen-test"
    )
  })

  it("refuses a district token (403) and an unknown one (401) with a Dutch message", async () => {
    const district = await Effect.runPromise(Effect.flip(source(tokens.district).load))
    assert.include(district.message, "mag de hele programmadata niet lezen")
    assert.include(district.message, "rol district")
    const unknown = await Effect.runPromise(Effect.flip(source("dvcc_onbekend").load))
    assert.include(unknown.message, "weigert het token in DVCC_TOKEN")
  })
})

/** `dvcc` with DVCC_TOKEN (or without it) and a database path that nothing should create. */
const dashboard = async (token: string | undefined, ...args: Array<string>) => {
  const unused = join(folder(), "niet-gebruikt.sqlite")
  const env = {
    ...environment,
    NO_COLOR: "1",
    DVCC_DB: unused,
    ...(token === undefined ? {} : { DVCC_TOKEN: token })
  }
  const result = await promisify(execFile)(process.execPath, [bin, "dashboard", ...args], { env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr
    })
  )
  return { ...result, databaseCreated: existsSync(unused) }
}

describe("dvcc dashboard --api", () => {
  it("prints the Voortgang snapshot read through dvcc serve, with the API in the header", async () => {
    const db = join(folder(), "dvcc.sqlite")
    assert.strictEqual((await dvcc("init", "--db", db)).code, 0)
    const made = await dvcc("--db", db, "token", "create", "--role", "programma", "--name", "dashboard")
    const token = made.stdout.trim().split("\n").at(-1) ?? ""
    const scoped = await dvcc(
      "--db",
      db,
      "token",
      "create",
      "--role",
      "gemeente",
      "--scope",
      "GM0344",
      "--name",
      "utrecht"
    )
    const gemeenteToken = scoped.stdout.trim().split("\n").at(-1) ?? ""
    const child = spawn(process.execPath, [bin, "--db", db, "serve", "--port", "0"], {
      env: { ...environment, NO_COLOR: "1" },
      stdio: ["ignore", "ignore", "pipe"]
    })
    const exited = new Promise((resolve) => child.once("exit", resolve))
    try {
      const url = await listening(child)
      const ok = await dashboard(token, "--api", url, "--as-of", "2025-12-31")
      assert.strictEqual(ok.code, 0, ok.stderr)
      assert.include(ok.stdout, `DVCC-dashboard · Jaarplan 2025 · peildatum 31 december 2025 · API ${url}`)
      assert.include(ok.stdout, "[Voortgang]")
      assert.match(ok.stdout, /\[behaald\] +kennisbijeenkomsten/)
      assert.include(ok.stdout, "15 kennisbijeenkomsten in 2025, gemiddeld 1,25 per maand")
      assert.isFalse(ok.databaseCreated, "--api reads no database")

      const district = await dashboard(gemeenteToken, "--api", url)
      assert.strictEqual(district.code, 1)
      assert.include(district.stderr, "mag de hele programmadata niet lezen")
      assert.include(district.stderr, "rol programma of beheerder")
      assert.notInclude(district.stderr, "    at ")
    } finally {
      child.kill("SIGTERM")
      await exited
    }
  }, 180_000)

  it("without DVCC_TOKEN says how to make one and set it, and exits 1", async () => {
    const { code, stdout, stderr, databaseCreated } = await dashboard(
      undefined,
      "--api",
      "http://127.0.0.1:8787"
    )
    assert.strictEqual(code, 1)
    assert.strictEqual(stdout, "")
    assert.include(stderr, "Geen API-token")
    assert.include(stderr, "dvcc token create")
    assert.include(stderr, "DVCC_TOKEN")
    assert.notInclude(stderr, "    at ")
    assert.isFalse(databaseCreated)
    // an empty variable is no token either
    assert.include((await dashboard("", "--api", "http://127.0.0.1:8787")).stderr, "Geen API-token")
  })

  it("refuses an address that is not http(s) as a usage error (exit 2)", async () => {
    const { code, stderr } = await dashboard("x", "--api", "ftp://dvcc.example.nl")
    assert.strictEqual(code, 2)
    assert.include(stderr, "http- of https-adres")
  })
})
