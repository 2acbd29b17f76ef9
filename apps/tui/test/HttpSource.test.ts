import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { Dataset } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Effect, Redacted, Schema } from "effect"
import * as HttpSource from "../src/HttpSource.ts"

type Handler = (request: IncomingMessage, response: ServerResponse) => void

/** A server whose answer each test sets, standing in for an API that misbehaves. */
let answer: Handler = (_request, response) => response.end()
let seen: Array<string | undefined> = []
const server = createServer((request, response) => {
  seen.push(request.headers.authorization)
  answer(request, response)
})
let base = ""

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const problem =
  (status: number, detail: string): Handler =>
  (_request, response) => {
    response.writeHead(status, { "content-type": "application/problem+json" })
    response.end(JSON.stringify({ type: "urn:dvcc:probleem:x", title: "x", status, detail }))
  }

const json =
  (body: unknown): Handler =>
  (_request, response) => {
    response.writeHead(200, { "content-type": "application/json" })
    response.end(typeof body === "string" ? body : JSON.stringify(body))
  }

const failure = (options: Partial<HttpSource.Options> = {}) =>
  HttpSource.make({ url: base, token: Redacted.make("geheim"), ...options }).load.pipe(
    Effect.flip,
    Effect.map((error) => error.message)
  )

describe("the dashboard's data through the API", () => {
  it.effect("asks /api/v1/dataset with the bearer token and decodes the Dataset", () =>
    Effect.gen(function* () {
      seen = []
      answer = json(Schema.encodeSync(Dataset.Dataset)(dataset))
      const source = HttpSource.make({ url: `${base}/`, token: Redacted.make("geheim") })
      assert.strictEqual(source.naam, `API ${base}`)
      const loaded = yield* source.load
      assert.deepStrictEqual(loaded, dataset)
      assert.deepStrictEqual(seen, ["Bearer geheim"])
    })
  )

  it.effect("says in Dutch what to do when the server refuses or sends something else", () =>
    Effect.gen(function* () {
      answer = problem(401, "Het token is onbekend of ingetrokken.")
      const refused = yield* failure()
      assert.include(refused, "weigert het token in DVCC_TOKEN")
      assert.include(refused, "dvcc token create")

      answer = problem(403, "Een token met rol district mag de hele programmadata niet lezen.")
      const forbidden = yield* failure()
      assert.include(forbidden, "mag de hele programmadata niet lezen")
      assert.include(forbidden, "rol programma of beheerder")

      answer = problem(404, "Niet gevonden.")
      assert.include(yield* failure(), "geen dvcc-API met /api/v1/dataset (404)")

      answer = problem(500, "Er ging iets mis.")
      assert.include(yield* failure(), "antwoordde met status 500 (Er ging iets mis.)")

      answer = json("<html>geen json</html>")
      assert.include(yield* failure(), "stuurde geen JSON terug")

      // JSON, but not a dataset: a measurement of an indicator that does not exist
      const encoded = Schema.encodeSync(Dataset.Dataset)(dataset)
      answer = json({ ...encoded, metingen: [{ ...encoded.metingen[0], indicator: "bestaat-niet" }] })
      const invalid = yield* failure()
      assert.include(invalid, "stuurde geen geldige programmadata")
      assert.include(invalid, "bestaat-niet")
    })
  )

  it.live("gives up after the timeout, and says so when nothing listens", () =>
    Effect.gen(function* () {
      answer = () => {
        // never answers
      }
      const slow = yield* failure({ timeout: "200 millis" })
      assert.include(slow, "antwoordde niet binnen 0,2 s")

      const closed = createServer()
      yield* Effect.promise(() => new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve)))
      const port = (closed.address() as AddressInfo).port
      yield* Effect.promise(() => new Promise((resolve) => closed.close(resolve)))
      const unreachable = yield* failure({ url: `http://127.0.0.1:${port}` })
      assert.include(unreachable, "is niet bereikbaar (verbinding geweigerd)")
      assert.include(unreachable, "dvcc serve")
    })
  )
})
