/**
 * Beheer (beheerder only, `tokens:beheren`): the accounts of the web application (list, create with a
 * one-time link, disable, reset) and the API tokens (list, create with the token shown once, revoke). The
 * same store calls as `dvcc user` and `dvcc token`, so the same checks: a role and scope that do not go
 * together or a scope the region does not know are refused, the message naming the known ones. Every
 * change names the signed-in beheerder in the audit log (`user:<email>`).
 */
import { Access } from "@dvcc/core"
import { Html } from "@dvcc/report"
import { Tokens, Users } from "@dvcc/store"
import { Effect } from "effect"
import { type Context, Hono } from "hono"
import { forbidden, input, select } from "../internal/fields.ts"
import { overHttps } from "../internal/proxy.ts"
import { csrfField, errorSummary, page } from "../Layout.ts"
import type { Forms, Services, WebEnv } from "../Web.ts"

const { esc } = Html

type Run = <A, E>(effect: Effect.Effect<A, E, Services>) => Promise<A>

type Session = NonNullable<WebEnv["Variables"]["session"]>

const rollen = Access.Rol.literals.map((r) => [r, r] as const)

const moment = (iso: string | null): string => (iso === null ? "-" : iso.slice(0, 16).replace("T", " "))

/** The address the one-time link starts with: as the browser reached this server. */
const base = (c: Context): string => {
  const url = new URL(c.req.url)
  return `${overHttps(c) ? "https:" : url.protocol}//${url.host}`
}

interface Melding {
  readonly ok?: string
  /** The field the error is about and its message. */
  readonly fout?: { readonly veld: string; readonly tekst: string }
  /** What was typed in the form with the error. */
  readonly invoer?: Record<string, string>
}

export const app = (run: Run, forms: Forms) => {
  const beheer = new Hono<WebEnv>()
  const allowed = (c: Context<WebEnv>) => {
    const s = c.get("session")
    return s !== undefined && Access.allows(s.principal, "tokens:beheren") ? s : undefined
  }
  const refused = (c: Context<WebEnv>) =>
    c.html(page("Geen toegang", Html.alinea(forbidden), { session: c.get("session") }), 403)

  const show = async (
    c: Context<WebEnv>,
    s: Session,
    melding: Melding = {},
    status: 200 | 400 | 404 = 200
  ) => {
    const { users, tokens } = await run(
      Effect.all({
        users: Effect.flatMap(Users.Users, (u) => u.list),
        tokens: Effect.flatMap(Tokens.Tokens, (t) => t.list)
      })
    )
    const invoer = melding.invoer ?? {}
    const fout = (veld: string) => (melding.fout?.veld === veld ? melding.fout.tekst : undefined)
    const knop = (action: string, naam: string, waarde: string, tekst: string, wie: string) =>
      `<form method="post" action="${action}">${csrfField(s.csrf)}<input type="hidden" name="${naam}" value="${esc(waarde)}"><button type="submit" class="utrecht-button utrecht-button--secondary-action">${esc(tekst)}<span class="verborgen"> (${esc(wie)})</span></button></form>`
    const accounts = Html.tabel(
      "Accounts",
      [
        { kop: "E-mailadres" },
        { kop: "Rol" },
        { kop: "Scope" },
        { kop: "Wachtwoord" },
        { kop: "Aangemaakt (UTC)" },
        { kop: "Uitgeschakeld" },
        { kop: "Acties" }
      ],
      users.map((u) => [
        esc(u.email),
        esc(u.rol),
        esc(u.scope === null ? "-" : Access.scopeLabel(u.scope)),
        u.wachtwoord ? "ingesteld" : "nog niet",
        esc(moment(u.aangemaakt)),
        esc(moment(u.uitgeschakeld)),
        u.uitgeschakeld === null
          ? `${knop("/beheer/accounts/reset", "email", u.email, "Nieuwe link", u.email)}${knop("/beheer/accounts/uitschakelen", "email", u.email, "Schakel uit", u.email)}`
          : "-"
      ])
    )
    const tokenTabel = Html.tabel(
      "API-tokens",
      [
        { kop: "Id" },
        { kop: "Naam" },
        { kop: "Rol" },
        { kop: "Scope" },
        { kop: "Aangemaakt (UTC)" },
        { kop: "Ingetrokken" },
        { kop: "Acties" }
      ],
      tokens.map((t) => [
        esc(t.id),
        esc(t.naam),
        esc(t.rol),
        esc(t.scope === null ? "-" : Access.scopeLabel(t.scope)),
        esc(moment(t.aangemaakt)),
        esc(moment(t.ingetrokken)),
        t.ingetrokken === null ? knop("/beheer/tokens/intrekken", "id", t.id, "Trek in", t.naam) : "-"
      ])
    )
    const scopeHint = "Alleen voor district en gemeente: een CBS-code (GM0307) of de id van een district."
    return c.html(
      page(
        melding.fout === undefined ? "Beheer" : "Fout: beheer",
        `<h1 class="utrecht-heading-1">Beheer</h1>
${melding.ok ?? ""}
${errorSummary(melding.fout === undefined ? [] : [melding.fout])}
<section aria-labelledby="accounts">
${Html.kop2("Accounts", "accounts")}
${users.length === 0 ? Html.alinea("Er zijn nog geen accounts.") : accounts}
${Html.kop3("Nieuw account")}
<form method="post" action="/beheer/accounts" novalidate>
${csrfField(s.csrf)}
${input({ id: "email", label: "E-mailadres", type: "email", waarde: invoer.email, fout: fout("email") })}
${select({ id: "rol", label: "Rol", opties: rollen, waarde: invoer.rol ?? "gemeente", fout: fout("rol") })}
${input({ id: "scope", label: "Scope", hint: scopeHint, required: false, waarde: invoer.scope, fout: fout("scope") })}
<button type="submit" class="utrecht-button utrecht-button--primary-action">Maak account</button>
</form>
</section>
<section aria-labelledby="tokens">
${Html.kop2("API-tokens", "tokens")}
${Html.alinea("Tokens zijn voor programma's die de API gebruiken (/api/v1), niet voor mensen.")}
${tokens.length === 0 ? Html.alinea("Er zijn nog geen tokens.") : tokenTabel}
${Html.kop3("Nieuw token")}
<form method="post" action="/beheer/tokens" novalidate>
${csrfField(s.csrf)}
${input({ id: "naam", label: "Naam", waarde: invoer.naam, fout: fout("naam") })}
${select({ id: "tokenrol", label: "Rol", opties: rollen, waarde: invoer.tokenrol ?? "gemeente", fout: fout("tokenrol") })}
${input({ id: "tokenscope", label: "Scope", hint: scopeHint, required: false, waarde: invoer.tokenscope, fout: fout("tokenscope") })}
<button type="submit" class="utrecht-button utrecht-button--primary-action">Maak token</button>
</form>
</section>`,
        { session: s, actief: "/beheer" }
      ),
      status
    )
  }

  const ok = (html: string) => `<div class="utrecht-alert utrecht-alert--ok" role="status">${html}</div>`
  const rolOf = (text: string | undefined) => Access.Rol.literals.find((r) => r === text)
  const scopeOf = (text: string | undefined) => {
    const trimmed = (text ?? "").trim().slice(0, 100)
    return trimmed === "" ? null : Access.parseScope(trimmed)
  }

  /** A POST of this page: the beheerder's session and the checked form, or the answer to give. */
  const post =
    (body: (c: Context<WebEnv>, s: Session, fields: Record<string, string>) => Promise<Response>) =>
    async (c: Context<WebEnv>) => {
      const s = allowed(c)
      if (s === undefined) return refused(c)
      const fields = await forms.read(c)
      if (fields instanceof Response) return fields
      return body(c, s, fields)
    }

  beheer.get("/", async (c) => {
    const s = allowed(c)
    if (s === undefined) return refused(c)
    return show(c, s)
  })

  beheer.post(
    "/accounts",
    forms.limit,
    post(async (c, s, fields) => {
      const invoer = { email: fields.email ?? "", rol: fields.rol ?? "", scope: fields.scope ?? "" }
      const rol = rolOf(fields.rol)
      if (rol === undefined) return show(c, s, { fout: { veld: "rol", tekst: "Kies een rol." }, invoer }, 400)
      const result = await run(
        Effect.flatMap(Users.Users, (users) =>
          users.create(
            { email: invoer.email.slice(0, 254), rol, scope: scopeOf(fields.scope) },
            Users.actorOf(s.user)
          )
        ).pipe(
          Effect.map((created) => ({ _tag: "Ok", ...created }) as const),
          Effect.catchTag("InvalidUser", (e) => Effect.succeed({ _tag: "Fout", tekst: e.message } as const))
        )
      )
      if (result._tag === "Fout")
        return show(
          c,
          s,
          {
            fout: { veld: /e-mailadres/.test(result.tekst) ? "email" : "scope", tekst: result.tekst },
            invoer
          },
          400
        )
      const link = `${base(c)}/wachtwoord/${result.link ?? ""}`
      return show(c, s, {
        ok: ok(
          `${Html.alinea(esc(`Account ${result.info.email} is aangemaakt. Stuur deze link naar de gebruiker om een wachtwoord in te stellen (één keer te gebruiken, geldig tot ${moment(result.verloopt)} UTC). De link wordt niet nog eens getoond.`))}<code class="geheim" id="link">${esc(link)}</code>`
        )
      })
    })
  )

  beheer.post(
    "/accounts/uitschakelen",
    forms.limit,
    post(async (c, s, fields) => {
      const result = await run(
        Effect.flatMap(Users.Users, (users) =>
          users.disable((fields.email ?? "").slice(0, 254), Users.actorOf(s.user))
        ).pipe(
          Effect.map((info) => ({ _tag: "Ok", info }) as const),
          Effect.catchTag("UserNotFound", (e) => Effect.succeed({ _tag: "Fout", tekst: e.message } as const))
        )
      )
      if (result._tag === "Fout") return show(c, s, { fout: { veld: "accounts", tekst: result.tekst } }, 404)
      return show(c, s, {
        ok: ok(
          Html.alinea(esc(`Account ${result.info.email} is uitgeschakeld; de sessies ervan zijn beëindigd.`))
        )
      })
    })
  )

  beheer.post(
    "/accounts/reset",
    forms.limit,
    post(async (c, s, fields) => {
      const result = await run(
        Effect.flatMap(Users.Users, (users) =>
          users.reset((fields.email ?? "").slice(0, 254), Users.actorOf(s.user))
        ).pipe(
          Effect.map((done) => ({ _tag: "Ok", ...done }) as const),
          Effect.catchTags({
            UserNotFound: (e) => Effect.succeed({ _tag: "Fout", tekst: e.message } as const),
            InvalidUser: (e) => Effect.succeed({ _tag: "Fout", tekst: e.message } as const)
          })
        )
      )
      if (result._tag === "Fout") return show(c, s, { fout: { veld: "accounts", tekst: result.tekst } }, 400)
      const link = `${base(c)}/wachtwoord/${result.link}`
      return show(c, s, {
        ok: ok(
          `${Html.alinea(esc(`Account ${result.info.email}: het oude wachtwoord werkt niet meer en de sessies zijn beëindigd. Stuur deze link naar de gebruiker (één keer te gebruiken, geldig tot ${moment(result.verloopt)} UTC):`))}<code class="geheim" id="link">${esc(link)}</code>`
        )
      })
    })
  )

  beheer.post(
    "/tokens",
    forms.limit,
    post(async (c, s, fields) => {
      const invoer = {
        naam: fields.naam ?? "",
        tokenrol: fields.tokenrol ?? "",
        tokenscope: fields.tokenscope ?? ""
      }
      const rol = rolOf(fields.tokenrol)
      if (rol === undefined)
        return show(c, s, { fout: { veld: "tokenrol", tekst: "Kies een rol." }, invoer }, 400)
      const naam = invoer.naam.trim().slice(0, 100)
      if (naam === "")
        return show(c, s, { fout: { veld: "naam", tekst: "Geef het token een naam." }, invoer }, 400)
      const result = await run(
        Effect.flatMap(Tokens.Tokens, (tokens) =>
          tokens.create({ naam, rol, scope: scopeOf(fields.tokenscope) }, Users.actorOf(s.user))
        ).pipe(
          Effect.map((created) => ({ _tag: "Ok", ...created }) as const),
          Effect.catchTag("InvalidToken", (e) => Effect.succeed({ _tag: "Fout", tekst: e.message } as const))
        )
      )
      if (result._tag === "Fout")
        return show(c, s, { fout: { veld: "tokenscope", tekst: result.tekst }, invoer }, 400)
      return show(c, s, {
        ok: ok(
          `${Html.alinea(esc(`Token ${result.info.id} (${result.info.naam}) is aangemaakt. Kopieer het nu: het wordt niet nog eens getoond.`))}<code class="geheim" id="token">${esc(result.token)}</code>`
        )
      })
    })
  )

  beheer.post(
    "/tokens/intrekken",
    forms.limit,
    post(async (c, s, fields) => {
      const result = await run(
        Effect.flatMap(Tokens.Tokens, (tokens) =>
          tokens.revoke((fields.id ?? "").slice(0, 100), Users.actorOf(s.user))
        ).pipe(
          Effect.map((info) => ({ _tag: "Ok", info }) as const),
          Effect.catchTag("TokenNotFound", (e) => Effect.succeed({ _tag: "Fout", tekst: e.message } as const))
        )
      )
      if (result._tag === "Fout") return show(c, s, { fout: { veld: "tokens", tekst: result.tekst } }, 404)
      return show(c, s, {
        ok: ok(Html.alinea(esc(`Token ${result.info.id} (${result.info.naam}) is ingetrokken.`)))
      })
    })
  )
  return beheer
}
