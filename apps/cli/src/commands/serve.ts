/**
 * `dvcc serve`: the HTTP API on a port, against the same database as the other commands (PostgreSQL when
 * DATABASE_URL is set). SIGTERM or Ctrl-C stops it gracefully: no new connections, requests in flight
 * finish, then the database is closed.
 */
import { Database, ProgramStore } from "@dvcc/store"
import { Config, Effect, ManagedRuntime } from "effect"
import { Command, Flag } from "effect/cli"
import { databaseLocation } from "../Config.ts"
import { seedBundled } from "../ProgramData.ts"
import { root } from "../Root.ts"

const port = Flag.Int("port").pipe(
  Flag.withDescription("Poort om op te luisteren (0: een vrije poort)"),
  Flag.withDefault(8787)
)
const host = Flag.String("host").pipe(
  Flag.withDescription("Adres om op te luisteren; standaard alleen deze computer"),
  Flag.withDefault("127.0.0.1")
)
const cors = Flag.String("cors-origin").pipe(
  Flag.withDescription(
    "Een herkomst die de API vanuit een browser mag aanroepen (herhaalbaar); standaard geen"
  ),
  Flag.atLeast(0)
)

const trustProxy = Flag.Boolean("trust-proxy").pipe(
  Flag.withDescription(
    "Achter een reverse proxy: lees het adres van de bezoeker uit X-Forwarded-For (voor de inloglimiet per adres); ook DVCC_TRUST_PROXY=1"
  ),
  Flag.withFallbackConfig(Config.Boolean("DVCC_TRUST_PROXY")),
  Flag.withDefault(false)
)

export const serve = Command.make(
  "serve",
  { port, host, cors, trustProxy },
  Effect.fn("serve")(function* (flags) {
    const { db } = yield* root
    const location = yield* databaseLocation(db)
    // Loaded here, not at the start of every dvcc command.
    const { App, Server } = yield* Effect.promise(() => import("@dvcc/api"))
    // How long a write on PostgreSQL waits for a lock, and a statement runs, before a 503 (seconds).
    const seconds = (name: string, fallback: number) =>
      Effect.flatMap(Config.String(name).pipe(Config.withDefault("")), (text) => {
        if (text.trim() === "") return Effect.succeed(fallback)
        const value = Number(text.trim().replace(",", "."))
        return Number.isFinite(value) && value >= 0
          ? Effect.succeed(value * 1000)
          : Effect.fail(
              new Error(`${name} moet een aantal seconden zijn (0 of meer, 0 is geen grens), niet "${text}".`)
            )
      })
    const timeouts = {
      lockMs: yield* seconds("DVCC_LOCK_TIMEOUT", App.defaultTimeouts.lockMs),
      statementMs: yield* seconds("DVCC_STATEMENT_TIMEOUT", App.defaultTimeouts.statementMs)
    }
    const listening = yield* Effect.acquireRelease(
      Effect.gen(function* () {
        const runtime = ManagedRuntime.make(App.services(location, timeouts))
        yield* Effect.promise(() =>
          runtime.runPromise(
            Effect.gen(function* () {
              const store = yield* ProgramStore.ProgramStore
              if (yield* store.isEmpty) yield* seedBundled
            })
          )
        )
        const app = App.createApp({
          runtime,
          options: {
            ...(flags.cors.length === 0 ? {} : { corsOrigins: flags.cors }),
            trustProxy: flags.trustProxy
          }
        })
        const server = yield* Effect.tryPromise({
          try: () => Server.listen(app, { port: flags.port, host: flags.host }),
          catch: (cause) =>
            new Error(
              `Kan niet luisteren op ${flags.host}:${flags.port}: ${cause instanceof Error ? cause.message : String(cause)}`
            )
        })
        return { server, runtime }
      }),
      ({ server, runtime }) =>
        Effect.gen(function* () {
          yield* Effect.sync(() =>
            process.stderr.write("dvcc serve: stoppen; lopende verzoeken worden afgemaakt…\n")
          )
          yield* Effect.promise(() => server.close())
          yield* Effect.promise(() => runtime.dispose())
          yield* Effect.sync(() => process.stderr.write("dvcc serve: gestopt.\n"))
        })
    )
    yield* Effect.sync(() =>
      process.stderr.write(
        `dvcc serve: luistert op ${listening.server.url} (database ${Database.describe(location)}); documentatie op ${listening.server.url}/docs\n`
      )
    )
    return yield* Effect.never
  }, Effect.scoped)
).pipe(
  Command.withDescription(
    "Start de HTTP-API (JSON onder /api/v1, documentatie op /docs); stop met Ctrl-C of SIGTERM"
  ),
  Command.withExamples([
    { command: "dvcc serve", description: "Op http://127.0.0.1:8787 met de standaarddatabase" },
    {
      command: "dvcc serve --port 9000 --host 0.0.0.0 --db /srv/dvcc.sqlite",
      description: "Voor het netwerk"
    },
    {
      command: "dvcc serve --trust-proxy --host 127.0.0.1",
      description: "Achter een reverse proxy op dezelfde machine (zie de README)"
    },
    {
      command: "DATABASE_URL=postgres://dvcc@db/dvcc dvcc serve",
      description: "Op een gedeelde PostgreSQL-database (meerdere processen kunnen die delen)"
    }
  ])
)
