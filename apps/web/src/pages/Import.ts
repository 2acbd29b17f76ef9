/**
 * Import: upload a workbook, see the dry-run report with every problem at its sheet and cell, confirm,
 * see the result; the list of imports with undo. The same as `POST /api/v1/imports` and
 * `DELETE /api/v1/imports/{id}` for a token of the same role and scope: `Import.run` with the kinds of
 * data the role writes (`Access.writes`) and the gemeenten it sees (`Access.visibility`), undo only with
 * `Access.mayUndo`, the upload bounded in size and sharing the API's limit of imports at once. The
 * workbook that passed its dry run waits in memory for the confirmation (`internal/pending.ts`). The
 * import and the undo name the signed-in user in the audit log (`user:<email>`).
 */
import { Access, Getal } from "@dvcc/core"
import { Import } from "@dvcc/excel"
import { Html } from "@dvcc/report"
import { Gebieden, Imports, Users } from "@dvcc/store"
import { Effect } from "effect"
import { type Context, Hono } from "hono"
import { bodyLimit } from "hono/body-limit"
import { file, forbidden } from "../internal/fields.ts"
import { makePending } from "../internal/pending.ts"
import { inSlot, type Slots } from "../internal/slots.ts"
import { csrfField, errorSummary, page } from "../Layout.ts"
import type { Forms, Services, WebEnv } from "../Web.ts"

const { esc } = Html

type Run = <A, E>(effect: Effect.Effect<A, E, Services>) => Promise<A>

const bladNaam: Record<Access.Gegevens, string> = {
  activiteiten: "Activiteiten",
  registraties: "Registraties",
  metingen: "Metingen",
  gebieden: "Gebieden",
  programma: "Programma (de programmawerkmap)"
}

/** What this role and scope may import, in one sentence: the same rule as its token's. */
export const mayImport = (principal: Access.Principal): string => {
  const bladen = Access.writes[principal.rol].map((g) => bladNaam[g])
  const lijst =
    bladen.length === 1
      ? `alleen een blad ${bladen[0]}`
      : `de bladen ${bladen.slice(0, -1).join(", ")} en ${bladen.at(-1)}`
  const scope = principal.scope
  const rijen =
    scope === null
      ? "over elk gebied"
      : scope.niveau === "gemeente"
        ? `alleen over uw eigen gemeente (${scope.code})`
        : `alleen over de gemeenten van district ${scope.id}`
  const gebieden = Access.mayWrite(principal, "gebieden")
    ? ""
    : " Een blad Gebieden (de indeling en inwonertallen) importeert alleen een beheerder."
  return `U mag ${lijst} importeren, met rijen ${rijen}.${gebieden}`
}

/** `1 probleem`, `3 problemen`: Dutch plurals the core's `Getal.enkelvoud` does not know. */
const telling = (n: number, een: string, meer: string): string =>
  `${Getal.format(n, 0)} ${n === 1 ? een : meer}`

const problemen = (n: number) => telling(n, "probleem", "problemen")
const rijen = (n: number) => telling(n, "rij", "rijen")

const statusLabel = {
  imported: "Geïmporteerd",
  unchanged: "Niets nieuws: alles stond er al",
  "dry-run": "Gecontroleerd, nog niet geïmporteerd",
  rejected: "Afgekeurd: er is niets geïmporteerd"
} as const

const sheets = (report: Import.Report): string =>
  Html.tabel(
    "Bladen",
    [
      { kop: "Blad" },
      { kop: "Rijen", numeriek: true },
      { kop: report.dryRun ? "Nieuw of gewijzigd" : "Geschreven", numeriek: true },
      { kop: "Ongewijzigd", numeriek: true },
      { kop: "Afgekeurd", numeriek: true }
    ],
    report.sheets.map((s) => [
      esc(s.name),
      esc(Getal.format(s.rows, 0)),
      esc(Getal.format(s.accepted, 0)),
      esc(Getal.format(s.unchanged, 0)),
      esc(Getal.format(s.rejected, 0))
    ])
  )

const problems = (report: Import.Report): string =>
  report.problems.length === 0
    ? ""
    : `${Html.kop2("Problemen", "problemen")}
${Html.alinea(
  esc(
    report.problemCount > report.problems.length
      ? `De eerste ${report.problems.length} van ${report.problemCount} problemen. Verbeter ze in de werkmap en upload haar opnieuw.`
      : `${problemen(report.problemCount)}. Verbeter ze in de werkmap en upload haar opnieuw.`
  )
)}
${Html.tabel(
  "Problemen per blad en cel",
  [{ kop: "Blad" }, { kop: "Cel" }, { kop: "Probleem" }],
  report.problems.map((p) => [
    esc(p.sheet),
    esc(p.cell?.split("!").at(-1) ?? "-"),
    `<span class="uitleg">${esc(p.message)}</span>`
  ])
)}`

/** The result of a check or an import. */
const reportHtml = (report: Import.Report): string =>
  `${Html.kop2(`${report.file}: ${statusLabel[report.status]}`, "rapport")}
${sheets(report)}
${problems(report)}`

export const app = (
  run: Run,
  forms: Forms,
  options: { readonly maxUploadBytes: number; readonly slots: Slots }
) => {
  const imports = new Hono<WebEnv>()
  const pending = makePending()
  const session = (c: Context<WebEnv>) => c.get("session")
  const refused = (c: Context<WebEnv>) =>
    c.html(page("Geen toegang", Html.alinea(forbidden), { session: session(c) }), 403)
  const allowed = (c: Context<WebEnv>) => {
    const s = session(c)
    return s !== undefined && Access.allows(s.principal, "imports:schrijven") ? s : undefined
  }

  const list = async (principal: Access.Principal, csrf: string) => {
    const rows = await run(
      Effect.flatMap(Gebieden.visibilityOf(principal), (scope) =>
        Effect.flatMap(Imports.Imports, (store) => store.listFor(scope))
      )
    )
    if (rows.length === 0)
      return `${Html.kop2("Eerdere imports", "imports")}${Html.alinea("Er zijn nog geen imports.")}`
    return `${Html.kop2("Eerdere imports", "imports")}
${Html.tabel(
  "Imports, de nieuwste eerst",
  [
    { kop: "Bestand" },
    { kop: "Wanneer (UTC)" },
    { kop: "Door" },
    { kop: "Nieuw", numeriek: true },
    { kop: "Gewijzigd", numeriek: true },
    { kop: "Ongedaan maken" }
  ],
  [...rows]
    .reverse()
    .map((i) => [
      esc(i.file ?? i.id),
      esc(i.at.slice(0, 16).replace("T", " ")),
      esc(i.actor),
      esc(Getal.format(i.inserted, 0)),
      esc(Getal.format(i.updated, 0)),
      i.undoneAt === undefined
        ? `<form method="post" action="/import/${esc(encodeURIComponent(i.id))}/ongedaan">${csrfField(csrf)}<button type="submit" class="utrecht-button utrecht-button--secondary-action">Maak ongedaan<span class="verborgen"> (${esc(i.file ?? i.id)})</span></button></form>`
        : esc(`ongedaan gemaakt ${i.undoneAt.slice(0, 16).replace("T", " ")}`)
    ])
)}`
  }

  const show = async (
    c: Context<WebEnv>,
    s: NonNullable<ReturnType<typeof session>>,
    body: { readonly melding?: string; readonly fout?: string; readonly inhoud?: string },
    status: 200 | 400 | 403 | 404 | 409 | 413 | 503 = 200
  ) =>
    c.html(
      page(
        body.fout === undefined ? "Importeren" : "Fout: importeren",
        `<h1 class="utrecht-heading-1">Importeren</h1>
${body.melding ?? ""}
${errorSummary(body.fout === undefined ? [] : [{ veld: "bestand", tekst: body.fout }])}
${body.inhoud ?? ""}
${Html.kop2("Een werkmap uploaden", "uploaden")}
${Html.alinea(esc(mayImport(s.principal)))}
${Html.alinea("Eerst wordt de werkmap alleen gecontroleerd: u ziet elk probleem met blad en cel, en importeert pas als u dat bevestigt.")}
<form method="post" action="/import" enctype="multipart/form-data">
${csrfField(s.csrf)}
${file({ id: "bestand", label: "Werkmap (.xlsx)", hint: `Hoogstens ${Getal.format(options.maxUploadBytes / (1024 * 1024), 0)} MB.`, accept: ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fout: body.fout })}
<button type="submit" class="utrecht-button utrecht-button--primary-action">Controleer</button>
</form>
${await list(s.principal, s.csrf)}`,
        { session: s, actief: "/import" }
      ),
      status
    )

  const busy = (c: Context<WebEnv>, s: NonNullable<ReturnType<typeof session>>) => async () => {
    c.header("retry-after", "10")
    return show(
      c,
      s,
      {
        fout: `Deze server verwerkt al ${options.slots.max} imports tegelijk; probeer het over 10 seconden opnieuw.`
      },
      503
    )
  }

  /** Runs the import (or its dry run) as this user; a workbook that cannot be read is a message. */
  const runImport = (
    s: NonNullable<ReturnType<typeof session>>,
    input: { readonly name: string; readonly bytes: Uint8Array },
    dryRun: boolean
  ) =>
    run(
      Effect.gen(function* () {
        const scope = yield* Gebieden.visibilityOf(s.principal)
        const report = yield* Import.run(input, {
          actor: Users.actorOf(s.user),
          scope,
          writes: Access.writes[s.principal.rol],
          dryRun
        })
        return { _tag: "Report", report } as const
      }).pipe(
        Effect.catchTags({
          UnreadableWorkbook: (e) => Effect.succeed({ _tag: "Fout", fout: e.message } as const),
          ImportFailed: (e) => Effect.succeed({ _tag: "Fout", fout: e.message } as const)
        })
      )
    )

  imports.get("/", async (c) => {
    const s = allowed(c)
    if (s === undefined) return refused(c)
    return show(c, s, {})
  })

  imports.post(
    "/",
    bodyLimit({
      maxSize: options.maxUploadBytes + 64 * 1024,
      onError: async (c) => {
        const s = allowed(c)
        if (s === undefined) return refused(c)
        return show(
          c,
          s,
          { fout: `De werkmap is groter dan ${Getal.format(options.maxUploadBytes / (1024 * 1024), 0)} MB.` },
          413
        )
      }
    }),
    async (c) => {
      const s = allowed(c)
      if (s === undefined) return refused(c)
      return inSlot(options.slots, busy(c, s), async () => {
        const form = await forms.readUpload(c, "bestand")
        if (form instanceof Response) return form
        if (form.file === undefined || form.file.size === 0)
          return show(c, s, { fout: "Kies een werkmap (.xlsx) om te uploaden." }, 400)
        const input = {
          name: form.file.name.slice(0, 200),
          bytes: new Uint8Array(await form.file.arrayBuffer())
        }
        const result = await runImport(s, input, true)
        if (result._tag === "Fout") return show(c, s, { fout: result.fout }, 400)
        const { report } = result
        if (report.problemCount > 0)
          return show(
            c,
            s,
            {
              fout: `${report.file} heeft ${problemen(report.problemCount)}: er is niets geïmporteerd. Zie de problemen per blad en cel hieronder.`,
              inhoud: reportHtml(report)
            },
            400
          )
        const id = pending.keep(s.user.id, { ...input, sha256: report.sha256 })
        const bevestig =
          id === undefined
            ? Html.alinea(
                "De werkmap is te groot om te bewaren tot u bevestigt: importeer haar met dvcc import of de API."
              )
            : `<form method="post" action="/import/bevestig">${csrfField(s.csrf)}<input type="hidden" name="id" value="${esc(id)}">${Html.alinea(`Er zijn geen problemen gevonden. Importeer ${esc(report.file)} nu, of upload een andere werkmap.`)}<button type="submit" class="utrecht-button utrecht-button--primary-action">Importeer</button></form>`
        return show(c, s, { inhoud: `${reportHtml(report)}\n${bevestig}` })
      })
    }
  )

  imports.post("/bevestig", forms.limit, async (c) => {
    const s = allowed(c)
    if (s === undefined) return refused(c)
    const fields = await forms.read(c)
    if (fields instanceof Response) return fields
    return inSlot(options.slots, busy(c, s), async () => {
      const kept = pending.take(s.user.id, (fields.id ?? "").slice(0, 100))
      if (kept === undefined)
        return show(
          c,
          s,
          {
            fout: "De gecontroleerde werkmap is niet meer bewaard (na een kwartier, of al geïmporteerd): upload haar opnieuw."
          },
          404
        )
      const result = await runImport(s, kept, false)
      if (result._tag === "Fout") return show(c, s, { fout: result.fout }, 400)
      const { report } = result
      const melding =
        report.status === "rejected"
          ? ""
          : `<div class="utrecht-alert utrecht-alert--ok" role="status">${Html.alinea(
              esc(
                report.status === "imported"
                  ? `${report.file} is geïmporteerd${report.importId === null ? "" : ` (import ${report.importId})`}.`
                  : `${report.file}: alles stond er al, er is niets gewijzigd.`
              )
            )}</div>`
      return show(
        c,
        s,
        {
          melding,
          ...(report.status === "rejected"
            ? {
                fout: `${report.file} is niet geïmporteerd: ${problemen(report.problemCount)}.`
              }
            : {}),
          inhoud: reportHtml(report)
        },
        report.status === "rejected" ? 400 : 200
      )
    })
  })

  imports.post("/:id/ongedaan", forms.limit, async (c) => {
    const s = allowed(c)
    if (s === undefined) return refused(c)
    const fields = await forms.read(c)
    if (fields instanceof Response) return fields
    const reference = c.req.param("id").slice(0, 100)
    const result = await run(
      Effect.gen(function* () {
        const store = yield* Imports.Imports
        const scope = yield* Gebieden.visibilityOf(s.principal)
        // An import outside the scope is not found, as for a token: its existence is not revealed.
        const target = (yield* store.listFor(scope)).find((i) => i.id === reference)
        if (target === undefined)
          return { _tag: "Fout", status: 404, fout: `Er is geen import ${reference}.` } as const
        if (!Access.mayUndo(s.principal, scope, yield* store.touched(target.id)))
          return {
            _tag: "Fout",
            status: 403,
            fout: `Import ${target.id} wijzigde gegevens die u met rol ${s.principal.rol} niet mag wijzigen; alleen wie dat alles mag wijzigen, maakt haar ongedaan.`
          } as const
        const undone = yield* store.undo(target.id, Users.actorOf(s.user))
        return { _tag: "Ongedaan", file: target.file ?? target.id, undone } as const
      }).pipe(
        Effect.catchTags({
          ImportNotFound: () =>
            Effect.succeed({ _tag: "Fout", status: 404, fout: `Er is geen import ${reference}.` } as const),
          ImportAlreadyUndone: (e) => Effect.succeed({ _tag: "Fout", status: 409, fout: e.message } as const),
          ImportDependedOn: (e) => Effect.succeed({ _tag: "Fout", status: 409, fout: e.message } as const)
        })
      )
    )
    if (result._tag === "Fout") return show(c, s, { fout: result.fout }, result.status)
    const { removed, restored, kept } = result.undone
    const delen = [
      `${rijen(removed)} verwijderd`,
      `${rijen(restored)} teruggezet`,
      ...(kept === 0
        ? []
        : [`${rijen(kept)} blijven staan omdat een latere import of wijziging ze ook heeft`])
    ]
    return show(c, s, {
      melding: `<div class="utrecht-alert utrecht-alert--ok" role="status">${Html.alinea(esc(`Import van ${result.file} is ongedaan gemaakt: ${delen.join(", ")}.`))}</div>`
    })
  })
  return imports
}
