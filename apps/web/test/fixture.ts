/**
 * The web app on a fresh SQLite database with the bundled data and one account per role, and a small
 * browser-like client that keeps cookies, for the HTTP tests.
 */
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Access, type Dataset } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import {
  Activities,
  Database,
  Gebieden,
  Imports,
  Measurements,
  Plans,
  ProgramStore,
  Registrations,
  Sessions,
  Tokens,
  Users
} from "@dvcc/store"
import { Effect, Layer, ManagedRuntime } from "effect"
import { SqlClient } from "effect/sql"
import { createWeb, type WebConfig } from "../src/Web.ts"

export const password = "een lange zin als wachtwoord"

/** The database's version as `dvcc serve` reads it (`ProgramCache.current` of the API). */
export const databaseVersion = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const rows = yield* sql<{ readonly n: number | string | null }>`SELECT n FROM db_version WHERE id = 1`
  return String(rows[0]?.n ?? 0)
})

export const accounts = {
  beheerder: { email: "beheer@dvcc.test", rol: "beheerder", scope: null },
  programma: { email: "bureau@dvcc.test", rol: "programma", scope: null },
  gemeente: { email: "adviseur@amersfoort.nl", rol: "gemeente", scope: Access.parseScope("GM0307") }
} as const

export const makeWeb = async (
  options: Sessions.Options = {},
  extra: {
    /** The data to seed instead of the bundled data set. */
    readonly dataset?: Dataset.Dataset
    readonly printen?: WebConfig["printen"]
  } = {}
) => {
  const location: Database.Location = {
    _tag: "Sqlite",
    file: join(mkdtempSync(join(tmpdir(), "dvcc-web-")), "dvcc.sqlite")
  }
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(
      Users.Users.layer,
      Sessions.Sessions.layerWith(options),
      Tokens.Tokens.layer,
      Plans.Plans.layer,
      Imports.Imports.layer,
      Gebieden.Gebieden.layer,
      Activities.Activities.layer,
      Measurements.Measurements.layer,
      Registrations.Registrations.layer
    ).pipe(Layer.provideMerge(Database.layer(location)))
  )
  await runtime.runPromise(
    Effect.gen(function* () {
      yield* (yield* ProgramStore.ProgramStore).seed(extra.dataset ?? dataset, {
        actor: "test",
        source: "cli"
      })
      const users = yield* Users.Users
      for (const account of Object.values(accounts)) yield* users.create({ ...account, password }, "test")
    })
  )
  let address = "10.0.0.1"
  const app = createWeb({
    runtime,
    version: () => runtime.runPromise(databaseVersion),
    address: () => address,
    ...(extra.printen === undefined ? {} : { printen: extra.printen })
  })
  return {
    app,
    runtime,
    location,
    setAddress: (next: string) => {
      address = next
    },
    dispose: () => runtime.dispose()
  }
}

/** A client that keeps the cookies the app sets, as a browser does (no redirects followed). */
export const client = (app: {
  readonly request: (path: string, init?: RequestInit) => Response | Promise<Response>
}) => {
  const jar = new Map<string, string>()
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers)
    if (jar.size > 0) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "))
    const response = await app.request(path, { ...init, headers })
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";")
      const [name, ...value] = (pair ?? "").split("=")
      if (name === undefined) continue
      if (/max-age=0/i.test(cookie) || value.join("=") === "") jar.delete(name)
      else jar.set(name, value.join("="))
    }
    return response
  }
  /** The CSRF token of the form on `path`. */
  const csrfOf = async (path: string) => {
    const html = await (await request(path)).text()
    return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? ""
  }
  const post = (path: string, fields: Record<string, string>, extra: Record<string, string> = {}) =>
    request(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...extra },
      body: new URLSearchParams(fields).toString()
    })
  const signIn = async (email: string, secret = password) =>
    post("/inloggen", { _csrf: await csrfOf("/inloggen"), email, wachtwoord: secret })
  return { request, post, csrfOf, signIn, jar }
}
