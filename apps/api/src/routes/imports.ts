/**
 * `/api/v1/imports`: upload an xlsx workbook (police registrations, activities, measurements, geography)
 * with `?dryRun=true` to get the report of `dvcc import --json` without writing, or for real; list the
 * imports; undo one. A `district` token sees only imports that touched no other gemeente's rows; it cannot
 * import yet, because the importer does not narrow its rows to a scope.
 */
import { Import } from "@dvcc/excel"
import { Imports } from "@dvcc/store"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import * as Endpoint from "../Endpoint.ts"
import type { Env } from "../Env.ts"
import * as Problem from "../Problem.ts"
import { storeScope } from "./Scope.ts"

const Sheet = Schema.Struct({
  name: Schema.String,
  kind: Schema.NullOr(Schema.String),
  rows: Schema.Int,
  accepted: Schema.Int,
  unchanged: Schema.Int,
  rejected: Schema.Int,
  skipped: Schema.Int
}).annotate({ identifier: "ImportBlad" })

const Rapport = Schema.Struct({
  file: Schema.String,
  sha256: Schema.String,
  status: Schema.Literals(["imported", "unchanged", "dry-run", "rejected"]),
  dryRun: Schema.Boolean,
  importId: Schema.NullOr(Schema.String),
  sheets: Schema.Array(Sheet),
  problems: Schema.Array(
    Schema.Struct({
      sheet: Schema.String,
      cell: Schema.optionalKey(Schema.NullOr(Schema.String)),
      message: Schema.String
    })
  ),
  problemCount: Schema.Int,
  warnings: Schema.Array(Schema.Unknown),
  rejectedFile: Schema.NullOr(Schema.String)
}).annotate({ identifier: "ImportRapport", description: "Het rapport van dvcc import --json" })

const ImportInfo = Schema.Struct({
  id: Schema.String,
  sha256: Schema.optional(Schema.String),
  file: Schema.optional(Schema.String),
  sheet: Schema.optional(Schema.String),
  at: Schema.String,
  actor: Schema.String,
  inserted: Schema.Int,
  updated: Schema.Int,
  unchanged: Schema.Int,
  undoneAt: Schema.optional(Schema.String)
}).annotate({ identifier: "ImportInfo" })

const upload = Endpoint.make({
  method: "post",
  path: "/",
  summary: "Importeer een xlsx-werkmap; met dryRun=true alleen het rapport, zonder iets te schrijven",
  actie: "imports:schrijven",
  query: Schema.Struct({
    dryRun: Schema.optionalKey(Schema.Literals(["true", "false"])),
    acceptValid: Schema.optionalKey(Schema.Literals(["true", "false"]))
  }),
  upload: { field: "bestand", description: "De werkmap (.xlsx)" },
  response: Rapport,
  problems: ["validatie", "te-groot", "verkeerd-mediatype"]
})

const lijst = Endpoint.make({
  method: "get",
  path: "/",
  summary: "De imports, de oudste eerst (binnen de scope van het token)",
  actie: "imports:lezen",
  response: Schema.Array(ImportInfo)
})

const undo = Endpoint.make({
  method: "delete",
  path: "/:id",
  summary: "Maak een import ongedaan (id of sha256); geweigerd als latere wijzigingen erop voortbouwen",
  actie: "imports:schrijven",
  params: Schema.Struct({ id: Schema.NonEmptyString }),
  response: Schema.Struct({ id: Schema.String, removed: Schema.Int, restored: Schema.Int }).annotate({
    identifier: "UndoRapport"
  }),
  problems: ["niet-gevonden", "conflict"]
})

const regionWide = (rol: string) =>
  rol === "beheerder" || rol === "programma"
    ? Effect.void
    : Effect.fail(
        Problem.make(
          "geen-toegang",
          `Een token met rol ${rol} kan nog niet importeren: de import beperkt zich nog niet tot de gemeenten van het token.`
        )
      )

export const app = new Hono<Env>()

app.post(
  upload.path,
  ...Endpoint.handle(upload, ({ query, file, principal }) =>
    Effect.gen(function* () {
      yield* regionWide(principal.rol)
      if (file === undefined) return yield* Problem.make("validatie", "Er is geen bestand meegestuurd.")
      const report = yield* Import.run(file, {
        actor: `token ${principal.tokenId}`,
        dryRun: query.dryRun === "true",
        acceptValid: query.acceptValid === "true"
      })
      return Import.toJson(report)
    })
  )
)

app.get(
  lijst.path,
  ...Endpoint.handle(lijst, ({ principal }) =>
    Effect.gen(function* () {
      const scope = yield* storeScope(principal)
      return yield* (yield* Imports.Imports).listFor(scope)
    })
  )
)

app.delete(
  undo.path,
  ...Endpoint.handle(undo, ({ params, principal }) =>
    Effect.gen(function* () {
      yield* regionWide(principal.rol)
      return yield* (yield* Imports.Imports).undo(params.id, `token ${principal.tokenId}`)
    })
  )
)

export const group: Endpoint.Group = {
  prefix: "/api/v1/imports",
  tag: "imports",
  description: "Werkmappen importeren (eerst als proef), de imports bekijken en ongedaan maken.",
  endpoints: [upload, lijst, undo]
}
