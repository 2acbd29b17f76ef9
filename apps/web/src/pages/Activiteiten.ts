/**
 * Activiteiten: the activity register with filters (soort, periode, and gemeente for a reader who sees
 * several), a form to add and correct an activity of one's own gemeente, including a bespreking in de
 * driehoek (which informatiebeeld, who took part, the afspraken), and the follow-up view of open afspraken
 * with an "Afgerond" button each. Everything works without JavaScript: an extra afspraak row is a submit
 * button that shows the form again with one more row.
 *
 * The same store queries as `/api/v1/activiteiten`, with the visibility of `Access` over the region's
 * gemeenten: a gemeente's reader sees and writes its own gemeente's activities only, checked by the store
 * on the stored record; another gemeente's activity is "not found", the same as one that does not exist.
 */
import { randomBytes } from "node:crypto"
import { Access, Activity, Bespreking, Periode } from "@dvcc/core"
import { Html } from "@dvcc/report"
import { Activities, Gebieden, type Sessions, Users } from "@dvcc/store"
import { Effect, Result, Schema, SchemaIssue } from "effect"
import { type Context, Hono } from "hono"
import { bodyLimit } from "hono/body-limit"
import { signedIn, toegang } from "../internal/Pagina.ts"
import { csrfField, errorSummary, page } from "../Layout.ts"
import type { Forms, Services, WebEnv } from "../Web.ts"

const { esc } = Html

/** The services this page needs beyond the sign-in's. */
export type PageServices = Services | Activities.Activities | Gebieden.Gebieden

type Run = <A, E>(effect: Effect.Effect<A, E, PageServices>) => Promise<A>

interface Fout {
  readonly veld: string
  readonly tekst: string
}

/** The most afspraak rows a form shows; more is refused by the schema's bound. */
const maxRijen = Bespreking.limits.afspraken
/** Empty afspraak rows a new form offers. */
const legeRijen = 3
const maxOmschrijving = 500

const soorten = Activity.ActiviteitSoort.literals
const doelgroepen = Activity.Doelgroep.literals

const decodeDatum = Schema.decodeUnknownResult(Periode.Datum)
const decodeActivity = Schema.decodeUnknownResult(Activity.Activity)
const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

/** What the reader may see and do, and the gemeenten they may choose. */
interface Reader {
  readonly session: Sessions.Session
  readonly visibility: Access.Visibility
  readonly gemeenten: ReadonlyArray<{ readonly code: string; readonly naam: string }>
  readonly naam: (code: string | null) => string
  readonly schrijft: boolean
}

const readerOf = (session: Sessions.Session) =>
  Effect.gen(function* () {
    const rows = yield* (yield* Gebieden.Gebieden).list()
    const all = rows.map((r) => r.gemeente)
    const visibility = Access.visibility(session.principal, all)
    const gemeenten = all
      .filter((g) => Access.sees(visibility, g.code))
      .map((g) => ({ code: g.code as string, naam: g.naam }))
      .sort((a, b) => a.naam.localeCompare(b.naam, "nl"))
    const names = new Map(all.map((g) => [g.code as string, g.naam]))
    return {
      session,
      visibility,
      gemeenten,
      naam: (code: string | null) => (code === null ? "regio" : (names.get(code) ?? code)),
      schrijft:
        Access.allows(session.principal, "activiteiten:schrijven") &&
        Access.mayWrite(session.principal, "activiteiten")
    } satisfies Reader
  })

/** The form's fields as typed: what is shown again when something is wrong. */
interface Invoer {
  readonly datum: string
  readonly gemeente: string
  readonly soort: string
  readonly omschrijving: string
  readonly bereik: string
  readonly doelgroep: string
  readonly informatiebeeld: string
  readonly deelnemers: string
  readonly afspraken: ReadonlyArray<AfspraakInvoer>
  readonly versie?: string
}

interface AfspraakInvoer {
  readonly id: string
  readonly wat: string
  readonly wie: string
  readonly uiterlijk: string
  readonly afgerond: boolean
  readonly afgerondOp: string
}

const legeAfspraak: AfspraakInvoer = {
  id: "",
  wat: "",
  wie: "",
  uiterlijk: "",
  afgerond: false,
  afgerondOp: ""
}

const fromActivity = (a: Activity.Activity, versie: number): Invoer => ({
  datum: a.datum,
  gemeente: a.gemeente ?? "",
  soort: a.soort,
  omschrijving: a.omschrijving ?? "",
  bereik: a.bereik === undefined ? "" : String(a.bereik),
  doelgroep: a.doelgroep ?? "",
  informatiebeeld: a.bespreking?.informatiebeeld ?? "",
  deelnemers: a.bespreking?.deelnemers.join("\n") ?? "",
  afspraken: [
    ...(a.bespreking?.afspraken ?? []).map((x) => ({
      id: x.id,
      wat: x.wat,
      wie: x.wie,
      uiterlijk: x.uiterlijk ?? "",
      afgerond: x.status === "afgerond",
      afgerondOp: x.afgerondOp ?? ""
    })),
    legeAfspraak
  ],
  versie: String(versie)
})

const leeg = (gemeente: string, soort: string): Invoer => ({
  datum: "",
  gemeente,
  soort,
  omschrijving: "",
  bereik: "",
  doelgroep: "",
  informatiebeeld: "",
  deelnemers: "",
  afspraken: Array.from({ length: legeRijen }, () => legeAfspraak)
})

/** The form's fields, bounded: at most `maxRijen` afspraak rows are read. */
const invoerOf = (fields: Record<string, string>): Invoer => {
  const f = (key: string, max = 1000) => (fields[key] ?? "").slice(0, max)
  const rijen = Math.min(Math.max(Number.parseInt(f("rijen", 3), 10) || 0, 0), maxRijen)
  return {
    datum: f("datum", 20).trim(),
    gemeente: f("gemeente", 20),
    soort: f("soort", 60),
    omschrijving: f("omschrijving", maxOmschrijving + 1),
    bereik: f("bereik", 20).trim(),
    doelgroep: f("doelgroep", 30),
    informatiebeeld: f("informatiebeeld", 30).trim(),
    deelnemers: f("deelnemers", 3000),
    afspraken: Array.from({ length: rijen }, (_, i) => ({
      id: f(`afspraak-${i}-id`, 10),
      wat: f(`afspraak-${i}-wat`, Bespreking.limits.wat + 1),
      wie: f(`afspraak-${i}-wie`, Bespreking.limits.wie + 1),
      uiterlijk: f(`afspraak-${i}-uiterlijk`, 20).trim(),
      afgerond: fields[`afspraak-${i}-afgerond`] === "ja",
      afgerondOp: f(`afspraak-${i}-afgerondOp`, 20)
    })),
    ...(fields.versie === undefined ? {} : { versie: f("versie", 20) })
  }
}

const isEmpty = (a: AfspraakInvoer) => a.wat.trim() === "" && a.wie.trim() === "" && a.uiterlijk === ""

/** The field of the form a schema issue is about. */
const veldOf = (path: ReadonlyArray<unknown>): string => {
  const [first, second, third, fourth] = path.map((p) =>
    String(typeof p === "object" && p !== null && "key" in p ? (p as { key: unknown }).key : p)
  )
  if (first !== "bespreking") return first ?? "datum"
  if (second === "afspraken" && third !== undefined)
    return `afspraak-${third}-${fourth === "wie" || fourth === "uiterlijk" ? fourth : "wat"}`
  return second === "deelnemers" ? "deelnemers" : "informatiebeeld"
}

/**
 * The activity the form describes, or the problems at their fields. `id` and `basis` are those of the
 * activity being corrected; a new one gets the id an import would give it.
 */
const validate = (
  invoer: Invoer,
  reader: Reader,
  vandaag: Periode.Datum,
  basis?: Activity.Activity
): Result.Result<Activity.Activity, ReadonlyArray<Fout>> => {
  const fouten: Array<Fout> = []
  const datum = decodeDatum(invoer.datum)
  if (invoer.datum === "") fouten.push({ veld: "datum", tekst: "Vul de datum in, bijvoorbeeld 2025-12-15." })
  else if (Result.isFailure(datum))
    fouten.push({
      veld: "datum",
      tekst: `Vul een bestaande datum in als JJJJ-MM-DD; "${invoer.datum}" is dat niet.`
    })
  if (!reader.gemeenten.some((g) => g.code === invoer.gemeente))
    fouten.push({ veld: "gemeente", tekst: "Kies een van uw gemeenten." })
  const soort = soorten.find((s) => s === invoer.soort)
  if (soort === undefined) fouten.push({ veld: "soort", tekst: "Kies de soort activiteit." })
  if (invoer.omschrijving.length > maxOmschrijving)
    fouten.push({ veld: "omschrijving", tekst: `De omschrijving is langer dan ${maxOmschrijving} tekens.` })
  if (invoer.bereik !== "" && !/^\d{1,7}$/.test(invoer.bereik))
    fouten.push({
      veld: "bereik",
      tekst: "Vul het bereik in als een heel getal (0 of meer), of laat het leeg."
    })
  const doelgroep = doelgroepen.find((d) => d === invoer.doelgroep)
  if (invoer.doelgroep !== "" && doelgroep === undefined)
    fouten.push({ veld: "doelgroep", tekst: "Kies een doelgroep uit de lijst, of geen." })

  const deelnemers = invoer.deelnemers
    .split(/\r?\n/)
    .map((d) => d.trim())
    .filter((d) => d !== "")
  const afspraken = invoer.afspraken.map((a, i) => ({ a, i })).filter(({ a }) => !isEmpty(a))
  const driehoek = soort === Bespreking.soort
  let bespreking: Bespreking.Bespreking | undefined
  if (!driehoek && (invoer.informatiebeeld !== "" || deelnemers.length > 0 || afspraken.length > 0)) {
    fouten.push({
      veld: "soort",
      tekst:
        "Een bespreking (informatiebeeld, deelnemers, afspraken) hoort alleen bij de soort ‘informatiebeeld besproken in de driehoek’: kies die soort of maak die velden leeg."
    })
  }
  if (driehoek) {
    const periode = invoer.informatiebeeld === "" ? undefined : Periode.parse(invoer.informatiebeeld)
    if (periode === undefined)
      fouten.push({
        veld: "informatiebeeld",
        tekst:
          invoer.informatiebeeld === ""
            ? "Vul in welk informatiebeeld is besproken, bijvoorbeeld 2025-Q4."
            : `Vul het informatiebeeld in als kwartaal (2025-Q4), maand (2025-10) of jaar (2025); "${invoer.informatiebeeld}" is dat niet.`
      })
    for (const { a, i } of afspraken) {
      if (a.wat.trim() === "")
        fouten.push({ veld: `afspraak-${i}-wat`, tekst: `Afspraak ${i + 1}: vul in wat er is afgesproken.` })
      if (a.wie.trim() === "")
        fouten.push({
          veld: `afspraak-${i}-wie`,
          tekst: `Afspraak ${i + 1}: vul in wie de afspraak uitvoert.`
        })
      if (a.uiterlijk !== "" && Result.isFailure(decodeDatum(a.uiterlijk)))
        fouten.push({
          veld: `afspraak-${i}-uiterlijk`,
          tekst: `Afspraak ${i + 1}: vul ‘uiterlijk’ in als JJJJ-MM-DD, of laat het leeg.`
        })
    }
    const kept = basis?.bespreking?.afspraken ?? []
    let nieuw = 0
    bespreking = {
      informatiebeeld: (periode ?? "2000") as Periode.Periode,
      deelnemers,
      afspraken: afspraken.map(({ a }) => {
        const known = kept.find((k) => k.id === a.id)
        const id = known?.id ?? Bespreking.nextId(kept, nieuw++)
        const afgerondOp = known?.afgerondOp ?? (a.afgerond ? vandaag : undefined)
        return {
          id,
          wat: a.wat.trim(),
          wie: a.wie.trim(),
          ...(a.uiterlijk === "" ? {} : { uiterlijk: a.uiterlijk as Periode.Datum }),
          status: a.afgerond ? ("afgerond" as const) : ("open" as const),
          ...(a.afgerond && afgerondOp !== undefined ? { afgerondOp } : {})
        }
      })
    }
  }
  if (fouten.length > 0) return Result.fail(fouten)
  const candidate = {
    id: basis?.id ?? "?",
    datum: invoer.datum,
    gemeente: invoer.gemeente,
    soort,
    ...(basis?.actie === undefined ? {} : { actie: basis.actie }),
    ...(doelgroep === undefined ? {} : { doelgroep }),
    ...(invoer.bereik === "" ? {} : { bereik: Number(invoer.bereik) }),
    ...(invoer.omschrijving.trim() === "" ? {} : { omschrijving: invoer.omschrijving.trim() }),
    ...(bespreking === undefined ? {} : { bespreking })
  }
  const decoded = decodeActivity(candidate, { errors: "all" })
  if (Result.isFailure(decoded))
    return Result.fail(
      formatter(decoded.failure.issue).issues.map((i) => ({ veld: veldOf(i.path ?? []), tekst: i.message }))
    )
  const activity = decoded.success
  return Result.succeed(basis === undefined ? { ...activity, id: Activities.activityId(activity) } : activity)
}

// rendering

const invalid = (fouten: ReadonlyArray<Fout>, veld: string) =>
  fouten.some((f) => f.veld === veld) ? ' aria-invalid="true"' : ""

const foutVan = (fouten: ReadonlyArray<Fout>, veld: string) =>
  fouten
    .filter((f) => f.veld === veld)
    .map((f) => `<p class="utrecht-form-field-error-message" id="${esc(veld)}-fout">${esc(f.tekst)}</p>`)
    .join("")

const describedBy = (fouten: ReadonlyArray<Fout>, veld: string, hint?: string) => {
  const ids = [
    ...(hint === undefined ? [] : [hint]),
    ...(fouten.some((f) => f.veld === veld) ? [`${veld}-fout`] : [])
  ]
  return ids.length === 0 ? "" : ` aria-describedby="${esc(ids.join(" "))}"`
}

const veld = (
  fouten: ReadonlyArray<Fout>,
  id: string,
  label: string,
  control: (attrs: string) => string,
  hint?: string
) =>
  `<div class="utrecht-form-field"><label class="utrecht-form-label" for="${esc(id)}">${esc(label)}</label>${hint === undefined ? "" : `<p class="utrecht-form-field-description" id="${esc(id)}-hint">${esc(hint)}</p>`}${foutVan(fouten, id)}${control(` id="${esc(id)}" name="${esc(id)}"${invalid(fouten, id)}${describedBy(fouten, id, hint === undefined ? undefined : `${id}-hint`)}`)}</div>`

const input =
  (type: string, waarde: string, extra = "") =>
  (attrs: string) =>
    `<input class="utrecht-textbox" type="${type}"${attrs} value="${esc(waarde)}"${extra}>`

const select = (opties: ReadonlyArray<readonly [string, string]>, waarde: string) => (attrs: string) =>
  `<select class="utrecht-textbox"${attrs}>${opties.map(([v, l]) => `<option value="${esc(v)}"${v === waarde ? " selected" : ""}>${esc(l)}</option>`).join("")}</select>`

const soortOpties = (leegLabel?: string): ReadonlyArray<readonly [string, string]> => [
  ...(leegLabel === undefined ? [] : [["", leegLabel] as const]),
  ...soorten.map((s) => [s, Activity.soortLabel[s]] as const)
]

const formulier = (
  reader: Reader,
  invoer: Invoer,
  fouten: ReadonlyArray<Fout>,
  actie: string,
  titel: string
): string => {
  const rijen = invoer.afspraken
  const afspraakRij = (a: AfspraakInvoer, i: number) => `<fieldset class="afspraak">
<legend>Afspraak ${i + 1}${a.id === "" ? "" : ` (${esc(a.id)})`}</legend>
<input type="hidden" name="afspraak-${i}-id" value="${esc(a.id)}"><input type="hidden" name="afspraak-${i}-afgerondOp" value="${esc(a.afgerondOp)}">
${veld(fouten, `afspraak-${i}-wat`, "Wat is afgesproken", input("text", a.wat, ` maxlength="${Bespreking.limits.wat}"`))}
${veld(fouten, `afspraak-${i}-wie`, "Wie voert het uit", input("text", a.wie, ` maxlength="${Bespreking.limits.wie}"`))}
${veld(fouten, `afspraak-${i}-uiterlijk`, "Uiterlijk (datum, mag leeg)", input("date", a.uiterlijk))}
<div class="utrecht-form-field"><input type="checkbox" id="afspraak-${i}-afgerond" name="afspraak-${i}-afgerond" value="ja"${a.afgerond ? " checked" : ""}> <label class="utrecht-form-label" for="afspraak-${i}-afgerond">Afgerond${a.afgerondOp === "" ? "" : ` op ${esc(Periode.datumLabel(a.afgerondOp as Periode.Datum))}`}</label></div>
</fieldset>`
  return `<h1 class="utrecht-heading-1">${esc(titel)}</h1>
${errorSummary(fouten)}
<form method="post" action="${esc(actie)}" novalidate>
${csrfField(reader.session.csrf)}
<input type="hidden" name="rijen" value="${rijen.length}">
${invoer.versie === undefined ? "" : `<input type="hidden" name="versie" value="${esc(invoer.versie)}">`}
${veld(fouten, "datum", "Datum", input("date", invoer.datum, " required"), "De dag van de activiteit of van de driehoek.")}
${veld(
  fouten,
  "gemeente",
  "Gemeente",
  select(
    reader.gemeenten.map((g) => [g.code, g.naam] as const),
    invoer.gemeente
  )
)}
${veld(fouten, "soort", "Soort activiteit", select(soortOpties(), invoer.soort))}
${veld(fouten, "omschrijving", "Omschrijving (mag leeg)", input("text", invoer.omschrijving, ` maxlength="${maxOmschrijving}"`))}
${veld(fouten, "doelgroep", "Doelgroep (mag leeg)", select([["", "geen"], ...doelgroepen.map((d) => [d, d] as const)], invoer.doelgroep))}
${veld(fouten, "bereik", "Bereik: aantal bereikte mensen (leeg als het niet bekend is)", input("text", invoer.bereik, ' inputmode="numeric"'))}
<fieldset class="bespreking">
<legend>Bespreking in de driehoek (alleen bij soort ‘informatiebeeld besproken in de driehoek’)</legend>
${veld(fouten, "informatiebeeld", "Besproken informatiebeeld (periode)", input("text", invoer.informatiebeeld, ' maxlength="20"'), "Het kwartaal, de maand of het jaar van het informatiebeeld, bijvoorbeeld 2025-Q4.")}
${veld(fouten, "deelnemers", "Deelnemers", (attrs) => `<textarea class="utrecht-textbox" rows="4"${attrs}>${esc(invoer.deelnemers)}</textarea>`, `Eén per regel, bijvoorbeeld burgemeester, politie basisteam, OM (hoogstens ${Bespreking.limits.deelnemers}).`)}
${rijen.map(afspraakRij).join("\n")}
${rijen.length < maxRijen ? '<button type="submit" name="knop" value="afspraak" class="utrecht-button utrecht-button--secondary-action">Afspraak toevoegen</button>' : ""}
</fieldset>
<p><button type="submit" id="opslaan" name="knop" value="opslaan" class="utrecht-button utrecht-button--primary-action">Opslaan</button></p>
</form>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/activiteiten">Terug naar de activiteiten</a></p>`
}

const besprekingCel = (a: Activity.Activity): string => {
  const b = a.bespreking
  if (b === undefined) return ""
  const open = b.afspraken.filter((x) => x.status === "open").length
  return esc(
    `Informatiebeeld ${Periode.label(b.informatiebeeld)}; ${b.deelnemers.length === 0 ? "deelnemers niet vastgelegd" : b.deelnemers.join(", ")}; ${b.afspraken.length} ${b.afspraken.length === 1 ? "afspraak" : "afspraken"}, ${open} open`
  )
}

const nietGevonden = (session: Sessions.Session) =>
  page(
    "Niet gevonden",
    `<h1 class="utrecht-heading-1">Niet gevonden</h1>${Html.alinea("Deze activiteit bestaat niet binnen uw gemeenten.")}<p class="utrecht-paragraph"><a class="utrecht-link" href="/activiteiten">Naar de activiteiten</a></p>`,
    { session, actief: "/activiteiten" }
  )

/**
 * @since 0.1.0
 * @category constructors
 */
export const app = (run: Run, forms: Forms) => {
  const activiteiten = new Hono<WebEnv>()

  // Every page needs a session that may read activities.
  activiteiten.use(signedIn, async (c, next) => {
    const check = toegang(c, "activiteiten:lezen")
    if ("weigering" in check) return check.weigering
    await next()
  })

  const form = bodyLimit({
    maxSize: 64 * 1024,
    onError: (c) => c.html(page("Te groot", Html.alinea("Het formulier is te groot.")), 413)
  })

  /** The posted fields, or the refusal of a form without the session's CSRF token. */
  const readForm = forms.read

  const source = (session: Sessions.Session) => ({ actor: Users.actorOf(session.user), source: "web" })

  activiteiten.get("/", async (c) => {
    const session = c.get("session") as Sessions.Session
    const soortQ = c.req.query("soort") ?? ""
    const periodeQ = (c.req.query("periode") ?? "").slice(0, 30).trim()
    const gemeenteQ = (c.req.query("gemeente") ?? "").slice(0, 20)
    const soort = soorten.find((s) => s === soortQ)
    const periode = periodeQ === "" ? undefined : Periode.parse(periodeQ)
    const fouten: Array<Fout> = []
    if (soortQ !== "" && soort === undefined)
      fouten.push({ veld: "soort", tekst: "Kies een soort uit de lijst." })
    if (periodeQ !== "" && periode === undefined)
      fouten.push({ veld: "periode", tekst: "Vul de periode in als 2025, 2025-Q4 of 2025-10." })
    const { reader, rows } = await run(
      Effect.gen(function* () {
        const reader = yield* readerOf(session)
        const gemeente = reader.gemeenten.find((g) => g.code === gemeenteQ)?.code
        const rows = yield* (yield* Activities.Activities).recorded(
          {
            ...(soort === undefined ? {} : { soort }),
            ...(periode === undefined ? {} : { periode }),
            ...(gemeente === undefined ? {} : { gemeente: gemeente as never })
          },
          reader.visibility
        )
        return { reader, rows }
      })
    )
    const filters = `<form method="get" action="/activiteiten" class="filters">
${errorSummary(fouten)}
${veld(fouten, "soort", "Soort", select(soortOpties("alle soorten"), soortQ))}
${veld(fouten, "periode", "Periode", input("text", periodeQ, ' maxlength="20"'), "Leeg voor alle; of 2025, 2025-Q4, 2025-10.")}
${reader.gemeenten.length > 1 ? veld([], "gemeente", "Gemeente", select([["", "alle gemeenten"], ...reader.gemeenten.map((g) => [g.code, g.naam] as const)], gemeenteQ)) : ""}
<button type="submit" class="utrecht-button utrecht-button--secondary-action">Toon</button>
</form>`
    const tabel =
      rows.length === 0
        ? Html.alinea("Er zijn geen activiteiten die bij deze keuze passen.")
        : Html.tabel(
            `Activiteiten (${rows.length})`,
            [
              { kop: "Datum" },
              { kop: "Gemeente" },
              { kop: "Soort" },
              { kop: "Omschrijving" },
              { kop: "Bereik", numeriek: true },
              { kop: "Bespreking" },
              { kop: "Wijzigen" }
            ],
            rows.map(({ activity: a }) => [
              esc(Periode.datumLabel(a.datum)),
              esc(reader.naam(a.gemeente)),
              esc(Activity.soortLabel[a.soort]),
              esc(a.omschrijving ?? ""),
              a.bereik === undefined ? "onbekend" : esc(String(a.bereik)),
              besprekingCel(a),
              reader.schrijft && a.gemeente !== null && Access.sees(reader.visibility, a.gemeente)
                ? `<a class="utrecht-link" href="/activiteiten/${esc(encodeURIComponent(a.id))}" aria-label="${esc(`Corrigeer ${Activity.soortLabel[a.soort]} van ${Periode.datumLabel(a.datum)}`)}">Corrigeer</a>`
                : ""
            ])
          )
    return c.html(
      page(
        fouten.length > 0 ? "Fout: activiteiten" : "Activiteiten",
        `<h1 class="utrecht-heading-1">Activiteiten</h1>
${c.req.query("vastgelegd") === undefined ? "" : `<div class="utrecht-alert utrecht-alert--ok" role="status">${Html.alinea("De activiteit is vastgelegd.")}</div>`}
${Html.alinea("Het activiteitenregister van uw gemeenten, met de besprekingen van het informatiebeeld in de driehoek.")}
<ul class="utrecht-unordered-list">${reader.schrijft ? '<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="/activiteiten/nieuw">Activiteit toevoegen</a></li><li class="utrecht-unordered-list__item"><a class="utrecht-link" href="/activiteiten/nieuw?soort=informatiebeeld-besproken-in-driehoek">Bespreking in de driehoek vastleggen</a></li>' : ""}<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="/activiteiten/afspraken">Open afspraken</a></li></ul>
${filters}
${tabel}`,
        { session, actief: "/activiteiten" }
      ),
      fouten.length > 0 ? 400 : 200
    )
  })

  const afsprakenPage = (reader: Reader, open: ReadonlyArray<Bespreking.OpenAfspraak>, melding?: string) => {
    const rijen = open.map((o) => [
      esc(reader.naam(o.gemeente)),
      esc(`${Periode.datumLabel(o.datum)} (informatiebeeld ${Periode.label(o.informatiebeeld)})`),
      esc(o.afspraak.wat),
      esc(o.afspraak.wie),
      o.afspraak.uiterlijk === undefined ? "geen datum" : esc(Periode.datumLabel(o.afspraak.uiterlijk)),
      o.teLaat ? '<span class="status">te laat</span>' : "open",
      reader.schrijft && o.gemeente !== null
        ? `<form method="post" action="/activiteiten/afspraken">${csrfField(reader.session.csrf)}<input type="hidden" name="activiteit" value="${esc(o.activiteit)}"><input type="hidden" name="afspraak" value="${esc(o.afspraak.id)}"><button type="submit" class="utrecht-button utrecht-button--secondary-action" aria-label="${esc(`Afgerond: ${o.afspraak.wat}`)}">Afgerond</button></form>`
        : ""
    ])
    return page(
      "Open afspraken",
      `<h1 class="utrecht-heading-1">Open afspraken</h1>
${melding === undefined ? "" : `<div class="utrecht-alert utrecht-alert--ok" role="status">${Html.alinea(esc(melding))}</div>`}
${Html.alinea("De afspraken uit de besprekingen in de driehoek die nog niet zijn afgerond; die van na hun datum ‘uiterlijk’ staan bovenaan als te laat.")}
${open.length === 0 ? Html.alinea("Er zijn geen open afspraken.") : Html.tabel(`Open afspraken (${open.length})`, [{ kop: "Gemeente" }, { kop: "Bespreking" }, { kop: "Wat" }, { kop: "Wie" }, { kop: "Uiterlijk" }, { kop: "Status" }, { kop: "Afronden" }], rijen)}
<p class="utrecht-paragraph"><a class="utrecht-link" href="/activiteiten">Naar de activiteiten</a></p>`,
      { session: reader.session, actief: "/activiteiten" }
    )
  }

  activiteiten.get("/afspraken", async (c) => {
    const session = c.get("session") as Sessions.Session
    const { reader, open } = await run(
      Effect.gen(function* () {
        const reader = yield* readerOf(session)
        const open = yield* (yield* Activities.Activities).openAfspraken(
          yield* Periode.vandaag,
          {},
          reader.visibility
        )
        return { reader, open }
      })
    )
    return c.html(
      afsprakenPage(reader, open, c.req.query("afgerond") === "1" ? "De afspraak is afgerond." : undefined)
    )
  })

  activiteiten.post("/afspraken", form, async (c) => {
    const fields = await readForm(c)
    if (fields instanceof Response) return fields
    const session = c.get("session") as Sessions.Session
    const id = (fields.activiteit ?? "").slice(0, 200)
    const afspraak = (fields.afspraak ?? "").slice(0, 10)
    const result = await run(
      Effect.gen(function* () {
        const reader = yield* readerOf(session)
        if (!reader.schrijft) return "geen-toegang" as const
        return yield* (yield* Activities.Activities)
          .afspraakAfronden(id, afspraak, yield* Periode.vandaag, source(session), reader.visibility)
          .pipe(
            Effect.as("afgerond" as const),
            Effect.catchTag("NotFound", () => Effect.succeed("niet-gevonden" as const)),
            Effect.catchTag("Conflict", () => Effect.succeed("niet-gevonden" as const))
          )
      })
    )
    if (result === "geen-toegang")
      return c.html(page("Geen toegang", Html.alinea("U mag geen afspraken afronden."), { session }), 403)
    if (result === "niet-gevonden") return c.html(nietGevonden(session), 404)
    return c.redirect("/activiteiten/afspraken?afgerond=1", 303)
  })

  const mayWrite = (reader: Reader, session: Sessions.Session) =>
    reader.schrijft
      ? undefined
      : page("Geen toegang", Html.alinea("U mag geen activiteiten vastleggen."), { session })

  activiteiten.get("/nieuw", async (c) => {
    const session = c.get("session") as Sessions.Session
    const reader = await run(readerOf(session))
    const refused = mayWrite(reader, session)
    if (refused !== undefined) return c.html(refused, 403)
    const soort = soorten.find((s) => s === c.req.query("soort")) ?? "kennisbijeenkomst"
    return c.html(
      page(
        "Activiteit toevoegen",
        formulier(
          reader,
          leeg(reader.gemeenten[0]?.code ?? "", soort),
          [],
          "/activiteiten/nieuw",
          "Activiteit toevoegen"
        ),
        {
          session,
          actief: "/activiteiten"
        }
      )
    )
  })

  /** Shows the form again: with one more afspraak row, or with the problems at their fields. */
  const again = (
    c: Context<WebEnv>,
    reader: Reader,
    invoer: Invoer,
    fouten: ReadonlyArray<Fout>,
    actie: string,
    titel: string
  ) =>
    c.html(
      page(
        fouten.length > 0 ? `Fout: ${titel.toLowerCase()}` : titel,
        formulier(reader, invoer, fouten, actie, titel),
        {
          session: reader.session,
          actief: "/activiteiten"
        }
      ),
      fouten.length > 0 ? 400 : 200
    )

  const withRow = (invoer: Invoer): Invoer => ({
    ...invoer,
    afspraken: invoer.afspraken.length < maxRijen ? [...invoer.afspraken, legeAfspraak] : invoer.afspraken
  })

  activiteiten.post("/nieuw", form, async (c) => {
    const fields = await readForm(c)
    if (fields instanceof Response) return fields
    const session = c.get("session") as Sessions.Session
    const invoer = invoerOf(fields)
    const titel = "Activiteit toevoegen"
    const { reader, vandaag } = await run(Effect.all({ reader: readerOf(session), vandaag: Periode.vandaag }))
    const refused = mayWrite(reader, session)
    if (refused !== undefined) return c.html(refused, 403)
    if (fields.knop === "afspraak") return again(c, reader, withRow(invoer), [], "/activiteiten/nieuw", titel)
    const checked = validate(invoer, reader, vandaag)
    if (Result.isFailure(checked))
      return again(c, reader, invoer, checked.failure, "/activiteiten/nieuw", titel)
    const activity = checked.success
    const outcome = await run(
      Effect.flatMap(Activities.Activities, (activities) =>
        activities.write(
          [{ activity }],
          { importId: `web-${randomBytes(8).toString("hex")}`, actor: source(session).actor },
          reader.visibility
        )
      ).pipe(
        Effect.map((r) => (r.inserted > 0 ? ("nieuw" as const) : ("bestaat" as const))),
        Effect.catchTags({
          Conflict: () => Effect.succeed("bestaat" as const),
          NotFound: () => Effect.succeed("bestaat" as const)
        })
      )
    )
    if (outcome === "bestaat")
      return again(
        c,
        reader,
        invoer,
        [
          {
            veld: "datum",
            tekst:
              "Er staat al een activiteit met deze datum, gemeente, soort en omschrijving in het register. Corrigeer die in de lijst, of geef deze een andere omschrijving."
          }
        ],
        "/activiteiten/nieuw",
        titel
      )
    return c.redirect(`/activiteiten?vastgelegd=${encodeURIComponent(activity.id)}`, 303)
  })

  activiteiten.get("/:id", async (c) => {
    const session = c.get("session") as Sessions.Session
    const id = c.req.param("id").slice(0, 200)
    const { reader, found } = await run(
      Effect.gen(function* () {
        const reader = yield* readerOf(session)
        const found = yield* (yield* Activities.Activities)
          .get(id, reader.visibility)
          .pipe(Effect.catchTag("NotFound", () => Effect.succeed(undefined)))
        return { reader, found }
      })
    )
    if (found === undefined || found.activity.gemeente === null) return c.html(nietGevonden(session), 404)
    const refused = mayWrite(reader, session)
    if (refused !== undefined) return c.html(refused, 403)
    return c.html(
      page(
        "Activiteit corrigeren",
        formulier(
          reader,
          fromActivity(found.activity, found.version),
          [],
          `/activiteiten/${encodeURIComponent(id)}`,
          "Activiteit corrigeren"
        ),
        {
          session,
          actief: "/activiteiten"
        }
      )
    )
  })

  activiteiten.post("/:id", form, async (c) => {
    const fields = await readForm(c)
    if (fields instanceof Response) return fields
    const session = c.get("session") as Sessions.Session
    const id = c.req.param("id").slice(0, 200)
    const actie = `/activiteiten/${encodeURIComponent(id)}`
    const titel = "Activiteit corrigeren"
    const invoer = invoerOf(fields)
    const { reader, found, vandaag } = await run(
      Effect.gen(function* () {
        const reader = yield* readerOf(session)
        const found = yield* (yield* Activities.Activities)
          .get(id, reader.visibility)
          .pipe(Effect.catchTag("NotFound", () => Effect.succeed(undefined)))
        return { reader, found, vandaag: yield* Periode.vandaag }
      })
    )
    if (found === undefined || found.activity.gemeente === null) return c.html(nietGevonden(session), 404)
    const refused = mayWrite(reader, session)
    if (refused !== undefined) return c.html(refused, 403)
    if (fields.knop === "afspraak") return again(c, reader, withRow(invoer), [], actie, titel)
    const checked = validate(invoer, reader, vandaag, found.activity)
    if (Result.isFailure(checked)) return again(c, reader, invoer, checked.failure, actie, titel)
    const basedOn = Number.parseInt(invoer.versie ?? "", 10)
    const outcome = await run(
      Effect.flatMap(Activities.Activities, (activities) =>
        activities.update(
          id,
          checked.success,
          Number.isFinite(basedOn) ? basedOn : -1,
          source(session),
          reader.visibility
        )
      ).pipe(
        Effect.as("ok" as const),
        Effect.catchTags({
          Conflict: () => Effect.succeed("conflict" as const),
          NotFound: () => Effect.succeed("niet-gevonden" as const),
          StoreError: (e) => Effect.succeed({ fout: e.message })
        })
      )
    )
    if (outcome === "niet-gevonden") return c.html(nietGevonden(session), 404)
    if (outcome === "conflict")
      return again(
        c,
        reader,
        fromActivity(found.activity, found.version),
        [
          {
            veld: "datum",
            tekst:
              "Iemand anders heeft deze activiteit intussen gewijzigd. Hieronder staat de nieuwe versie; breng uw correctie opnieuw aan."
          }
        ],
        actie,
        titel
      )
    if (outcome !== "ok")
      return again(c, reader, invoer, [{ veld: "gemeente", tekst: outcome.fout }], actie, titel)
    return c.redirect(`/activiteiten?vastgelegd=${encodeURIComponent(id)}`, 303)
  })

  return activiteiten
}
