/**
 * `/api/v1/imports`: upload an xlsx workbook (police registrations, activities, measurements, geography)
 * with `?dryRun=true` to get the report of `dvcc import --json` without writing, or for real; list the
 * imports; undo one. Each role imports only the kinds of data it may write (`Access.writes`: the Gebieden
 * sheet is the beheerder's, a gemeente imports Activiteiten only; any other sheet is a `geen-recht`
 * problem), a `district` or `gemeente` token only rows about its own gemeenten (any other row is a
 * `buiten-scope` problem), and nothing is written then. A scoped token sees only imports that touched no
 * other gemeente's rows; undoing needs the right to write everything the import changed.
 */
import { Access } from "@dvcc/core"
import { Import } from "@dvcc/excel"
import { Gebieden, Imports } from "@dvcc/store"
import { Web } from "@dvcc/web"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import * as Endpoint from "../Endpoint.ts"
import type { Env } from "../Env.ts"
import { concurrencyLimit } from "../middleware/limits/index.ts"
import * as Problem from "../Problem.ts"

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
      row: Schema.optionalKey(Schema.Int),
      column: Schema.optionalKey(Schema.String),
      value: Schema.optionalKey(Schema.String),
      expected: Schema.optionalKey(Schema.String),
      code: Schema.optionalKey(Schema.String).annotate({
        description: "Stabiele code van het probleem, zoals buiten-scope"
      }),
      message: Schema.String,
      suggestions: Schema.optionalKey(Schema.Array(Schema.String))
    }).annotate({ identifier: "ImportProbleem" })
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
  description:
    "Het antwoord is het rapport van `dvcc import --json`. Een werkmap met problemen wordt niet geïmporteerd: 422 met elke geweigerde cel in `velden` (bij `dryRun=true` het rapport met status `rejected` en de problemen in `problems`), tenzij `acceptValid=true`: dan worden de goede rijen geschreven en staan de problemen in het rapport. Alleen een beheerder importeert een blad Gebieden (indeling en inwoners); een gemeentetoken importeert alleen een blad Activiteiten. De programmawerkmap (`dvcc export programma`: DIN, jaarplannen, indicatoren) importeren alleen de rollen beheerder en programma; van een ander token is ze een probleem met code `geen-recht`. Elk ander blad is een probleem met code `geen-recht`. Een districts- of gemeentetoken importeert alleen rijen over zijn eigen gemeenten: een rij over een andere gemeente, de regio, een district of een basisteam is een probleem met code `buiten-scope`.",
  actie: "imports:schrijven",
  query: Schema.Struct({
    dryRun: Schema.optionalKey(Schema.Literals(["true", "false"])),
    acceptValid: Schema.optionalKey(Schema.Literals(["true", "false"]))
  }),
  upload: { field: "bestand", description: "De werkmap (.xlsx)" },
  response: Rapport,
  problems: ["validatie", "te-groot", "verkeerd-mediatype", "niet-beschikbaar"]
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
  description:
    "Ongedaan maken vraagt het recht om alles te wijzigen wat de import wijzigde: een districts- of gemeentetoken maakt alleen imports ongedaan die alleen rijen over zijn eigen gemeenten wijzigden, van soorten die het zelf importeert; een import met een blad Gebieden maakt alleen een beheerder ongedaan.",
  actie: "imports:schrijven",
  params: Schema.Struct({ id: Schema.NonEmptyString }),
  response: Schema.Struct({
    id: Schema.String,
    removed: Schema.Int,
    restored: Schema.Int,
    kept: Schema.Int.annotate({
      description: "Rijen die blijven staan omdat een latere import of een wijziging daarna ze ook heeft"
    })
  }).annotate({ identifier: "UndoRapport" }),
  problems: ["niet-gevonden", "conflict"]
})

/**
 * The import this token may undo. Undoing changes again everything the import changed, so it needs the
 * right to write all of it (`Access.mayUndo`): a scoped token only an import of rows about its own
 * gemeenten of kinds its role writes, the programme no import that changed the geography. An import a
 * scoped token cannot see (it changed another gemeente's rows) is not found.
 */
const undoable = (
  imports: Imports.Imports["Service"],
  principal: Access.Principal,
  visibility: Access.Visibility,
  reference: string
) =>
  Effect.gen(function* () {
    const visible = yield* imports.listFor(visibility)
    const hash = reference.toLowerCase()
    const bySha = /^[0-9a-f]{8,64}$/.test(hash)
      ? visible.filter((i) => i.sha256?.toLowerCase().startsWith(hash) === true)
      : []
    const open = bySha.filter((i) => i.undoneAt === undefined)
    const byId = visible.find((i) => i.id === reference)
    if (byId === undefined && open.length > 1)
      return yield* Problem.make(
        "conflict",
        `Meerdere imports hebben sha256 ${reference} (${open.map((i) => i.id).join(", ")}): noem de id.`
      )
    const target = byId ?? open[0] ?? bySha.at(-1)
    if (target === undefined)
      return yield* Problem.make(
        "niet-gevonden",
        `Er is geen import ${reference} binnen de scope van dit token.`
      )
    if (!Access.mayUndo(principal, visibility, yield* imports.touched(target.id)))
      return yield* Problem.make(
        "geen-toegang",
        `Import ${target.id} wijzigde gegevens die een token met rol ${principal.rol} niet mag wijzigen (${visibility.kind === "alles" ? "de indeling en inwonertallen" : "buiten zijn gemeenten of van een soort die het niet importeert"}); alleen wie dat alles mag wijzigen, maakt haar ongedaan.`
      )
    return target.id
  })

export const app = new Hono<Env>()

/**
 * Imports at once in this process. An import's memory is bounded by the workbook limits (the worst one that
 * passes them peaks under 400 MB with the process, docs/performance.md); two at once fit a 1 GB heap.
 */
const importSlots = concurrencyLimit({
  max: Web.importSlots.max,
  what: "imports",
  retryAfterSeconds: 10,
  // One count with the web app's upload page: two imports at once in this process, whichever way.
  slots: Web.importSlots
})

app.post(
  upload.path,
  importSlots,
  ...Endpoint.handle(upload, ({ query, file, principal }) =>
    Effect.gen(function* () {
      if (file === undefined) return yield* Problem.make("validatie", "Er is geen bestand meegestuurd.")
      const scope = yield* Gebieden.visibilityOf(principal)
      const report = yield* Import.run(file, {
        actor: `token ${principal.tokenId}`,
        // A scoped token writes rows about its own gemeenten only, and each role only the kinds of data it
        // may write by any route: the geography is the beheerder's, a gemeente writes its activities only.
        scope,
        writes: Access.writes[principal.rol],
        dryRun: query.dryRun === "true",
        acceptValid: query.acceptValid === "true"
      })
      // Nothing written because of the problems: a validation error naming every refused cell. A dry run
      // answers with its report, which is what it was asked for.
      if (report.status === "rejected" && report.importId === null && !report.dryRun)
        return yield* Problem.make(
          "validatie",
          `${report.file} is niet geïmporteerd: ${report.problemCount === 1 ? "1 probleem" : `${report.problemCount} problemen`}, er is niets geschreven. Verbeter de cellen in velden (de eerste ${report.problems.length}), of stuur de werkmap met acceptValid=true om de goede rijen te schrijven.`,
          report.problems.map((p) => ({ pad: p.cell ?? p.sheet, melding: p.message }))
        )
      return Import.toJson(report)
    })
  )
)

app.get(
  lijst.path,
  ...Endpoint.handle(lijst, ({ principal }) =>
    Effect.gen(function* () {
      const scope = yield* Gebieden.visibilityOf(principal)
      return yield* (yield* Imports.Imports).listFor(scope)
    })
  )
)

app.delete(
  undo.path,
  ...Endpoint.handle(undo, ({ params, principal }) =>
    Effect.gen(function* () {
      const imports = yield* Imports.Imports
      const id = yield* undoable(imports, principal, yield* Gebieden.visibilityOf(principal), params.id)
      return yield* imports.undo(id, `token ${principal.tokenId}`)
    })
  )
)

export const group: Endpoint.Group = {
  prefix: "/api/v1/imports",
  tag: "imports",
  description: "Werkmappen importeren (eerst als proef), de imports bekijken en ongedaan maken.",
  endpoints: [upload, lijst, undo]
}
