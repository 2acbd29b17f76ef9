/**
 * The real API app on a fresh SQLite database with a data set, and a request function per token: the
 * district token of one district, the gemeente token of one gemeente.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { App } from "@dvcc/api"
import { Access, type Dataset } from "@dvcc/core"
import { ProgramStore, Tokens } from "@dvcc/store"
import { Effect, ManagedRuntime } from "effect"
import type { Request } from "./Collect.ts"

export interface Api {
  /** A request with the token of a scope: a district id, or a gemeente's CBS code. */
  readonly als: (scope: string) => Request
  readonly dispose: () => Promise<void>
}

export const start = async (dataset: Dataset.Dataset, scopes: ReadonlyArray<string>): Promise<Api> => {
  const dir = mkdtempSync(join(tmpdir(), "dvcc-audit-"))
  const runtime = ManagedRuntime.make(App.services({ _tag: "Sqlite", file: join(dir, "dvcc.sqlite") }))
  const tokens = await runtime.runPromise(
    Effect.gen(function* () {
      yield* (yield* ProgramStore.ProgramStore).seed(dataset, { actor: "audit", source: "cli" })
      const t = yield* Tokens.Tokens
      const uit = new Map<string, string>()
      for (const scope of scopes) {
        const parsed = Access.parseScope(scope)
        const created = yield* t.create(
          {
            naam: `audit-${scope}`,
            rol: parsed.niveau === "gemeente" ? "gemeente" : "district",
            scope: parsed
          },
          "audit"
        )
        uit.set(scope, created.token)
      }
      return uit
    })
  )
  const app = App.createApp({ runtime, options: { log: () => {}, report: () => {} } })
  return {
    als: (scope) => (path) =>
      Promise.resolve(app.request(path, { headers: { authorization: `Bearer ${tokens.get(scope) ?? ""}` } })),
    dispose: async () => {
      await runtime.dispose()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
