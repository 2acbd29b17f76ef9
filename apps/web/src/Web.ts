/**
 * The web application as a Hono app, mounted at `/` by the API app: sign-in with a personal account, the
 * one-time link to set a password, sign-out, and the pages. Sessions live in the database (`Sessions`);
 * the cookie is `HttpOnly`, `SameSite=Lax`, and `Secure` when the request came over HTTPS (directly, or
 * through a reverse proxy that says so with `X-Forwarded-Proto: https`). Every form that changes something
 * carries a CSRF token; the Content-Security-Policy allows no script at all and nothing from elsewhere.
 * A session cookie never authorises `/api/v1`: the API reads only bearer tokens.
 *
 * @since 0.1.0
 */
import { randomBytes, timingSafeEqual } from "node:crypto"
import type { Dataset } from "@dvcc/core"
import type {
  Activities,
  Gebieden,
  Imports,
  Measurements,
  Plans,
  ProgramStore,
  Registrations,
  Tokens
} from "@dvcc/store"
import { ProgramStore as ProgramStoreService, Sessions, Users } from "@dvcc/store"
import { Effect, type ManagedRuntime, Option } from "effect"
import type { SqlClient } from "effect/sql"
import { type Context, Hono, type MiddlewareHandler } from "hono"
import { bodyLimit } from "hono/body-limit"
import { deleteCookie, getCookie, setCookie } from "hono/cookie"
import { signedIn } from "./internal/Pagina.ts"
import { clientAddress, overHttps } from "./internal/proxy.ts"
import { importSlots, type Slots } from "./internal/slots.ts"
import { page, rapportStylesheet, stylesheet, stylesheetPath } from "./Layout.ts"
import * as Acties from "./pages/Acties.ts"
import * as Activiteiten from "./pages/Activiteiten.ts"
import * as Beheer from "./pages/Beheer.ts"
import * as Gebied from "./pages/Gebieden.ts"
import * as Import from "./pages/Import.ts"
import * as Indicator from "./pages/Indicator.ts"
import * as Informatiebeeld from "./pages/Informatiebeeld.ts"
import * as Metingen from "./pages/Metingen.ts"
import * as SetPassword from "./pages/SetPassword.ts"
import * as SignIn from "./pages/SignIn.ts"
import * as Voortgang from "./pages/Voortgang.ts"

export { importSlots } from "./internal/slots.ts"

/**
 * The services the pages use.
 *
 * @since 0.1.0
 * @category models
 */
export type Services =
  | Users.Users
  | Sessions.Sessions
  | ProgramStore.ProgramStore
  | Plans.Plans
  | Imports.Imports
  | Gebieden.Gebieden
  | Tokens.Tokens
  | Activities.Activities
  | Measurements.Measurements
  | Registrations.Registrations
  | SqlClient.SqlClient

/**
 * @since 0.1.0
 * @category models
 */
export interface WebConfig {
  readonly runtime: ManagedRuntime.ManagedRuntime<Services, unknown>
  /**
   * The address a sign-in comes from, for the limit per address. The default is the connection's peer;
   * behind a reverse proxy that is the proxy, so give one that reads the proxy's header instead.
   */
  readonly address?: (c: Context) => string
  /**
   * Behind a reverse proxy: read the client's address from `X-Forwarded-For` (its right-most entry, the
   * one the proxy appended) instead of the socket (`dvcc serve --trust-proxy`, `DVCC_TRUST_PROXY=1`).
   */
  readonly trustProxy?: boolean
  /** Largest uploaded workbook in bytes (default 50 MB, as `POST /api/v1/imports`). */
  readonly maxUploadBytes?: number
  /** The imports running at once, shared with the API (default: the process's one counter). */
  readonly importSlots?: Slots
  /** How the Informatiebeeld page prints a PDF; the default is the process's one Chromium (`Pdf.gedeeldePrinter`). */
  readonly printen?: Informatiebeeld.Printen
  /**
   * The database's version, read after the request arrived (the API's `ProgramCache.reader`): every
   * change is audited and raises it. With it, a verified session is kept under the version it was
   * checked at, so a sign-out, a disabled account or a reset (all audited, in any `serve` process) ends it
   * on the next request, while a page view costs no session query. Without it every request checks the
   * session in the database.
   */
  readonly version?: () => Promise<string>
}

/** Sessions verified under one version of the database, each until it must be checked again. */
interface Verified {
  readonly stamp: string
  readonly sessions: Map<string, { readonly session: Sessions.Session; readonly until: number }>
}

/** At most this many verified sessions are kept (more are checked in the database each time). */
const maxVerified = 1000

/**
 * The programme as the request's version of the database has it.
 *
 * @since 0.1.0
 * @category models
 */
export type Program = (c: Context<WebEnv>) => Promise<Dataset.Dataset>

/**
 * What the pages that change something use: the bounded form body and its CSRF check.
 *
 * @since 0.1.0
 * @category models
 */
export interface Forms {
  /** Bounds a form's body before it is read (16 KB). */
  readonly limit: MiddlewareHandler<WebEnv>
  /** The form's text fields when its CSRF token is right, else the 403 page to answer with. */
  readonly read: (c: Context<WebEnv>) => Promise<Record<string, string> | Response>
  /** The same for a `multipart/form-data` upload: its text fields and the file of field `name`. */
  readonly readUpload: (
    c: Context<WebEnv>,
    name: string
  ) => Promise<{ readonly fields: Record<string, string>; readonly file: File | undefined } | Response>
}

/**
 * The Hono environment of the web app.
 *
 * @since 0.1.0
 * @category models
 */
export interface WebEnv {
  readonly Variables: {
    session: Sessions.Session | undefined
    sessionId: string | undefined
    /** The database's version this request's session was checked under (with `WebConfig.version`). */
    stamp: string | undefined
  }
}

/**
 * The cookie that holds the session id.
 *
 * @since 0.1.0
 * @category models
 */
export const sessionCookie = "dvcc_sessie"

/**
 * The cookie that holds the CSRF token of the forms shown before sign-in.
 *
 * @since 0.1.0
 * @category models
 */
export const csrfCookie = "dvcc_csrf"

/**
 * The policy of every page: no script, no frame, nothing from another origin.
 *
 * @since 0.1.0
 * @category models
 */
export const contentSecurityPolicy =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

const cookieOptions = (c: Context) =>
  ({ httpOnly: true, sameSite: "Lax", secure: overHttps(c), path: "/" }) as const

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * @since 0.1.0
 * @category constructors
 */
export const createWeb = (config: WebConfig) => {
  const { runtime } = config
  const address = config.address ?? clientAddress(config.trustProxy === true)
  const run = <A, E>(effect: Effect.Effect<A, E, Services>) => runtime.runPromise(effect)
  const app = new Hono<WebEnv>()

  const verifySession = (id: string) =>
    run(Effect.flatMap(Sessions.Sessions, (sessions) => sessions.verify(id))).then(Option.getOrUndefined)
  let verified: Verified = { stamp: "", sessions: new Map() }
  /**
   * The session of `id`: kept under the database's version it was checked at, and only until its last use
   * is a minute old (so `seen_at` is still written once a minute and the idle expiry holds) or it expires.
   */
  const sessionOf = async (c: Context<WebEnv>, id: string): Promise<Sessions.Session | undefined> => {
    if (config.version === undefined) return verifySession(id)
    const stamp = await config.version()
    c.set("stamp", stamp)
    const now = Date.now()
    if (verified.stamp === stamp) {
      const known = verified.sessions.get(id)
      if (known !== undefined && now < known.until) return known.session
    }
    const session = await verifySession(id)
    if (verified.stamp !== stamp) verified = { stamp, sessions: new Map() }
    if (session === undefined) verified.sessions.delete(id)
    else if (verified.sessions.size < maxVerified || verified.sessions.has(id))
      verified.sessions.set(id, { session, until: Math.min(session.seenAt + 60_000, session.expiresAt) })
    return session
  }

  let loaded: { readonly stamp: string; readonly dataset: Dataset.Dataset } | undefined
  /**
   * The programme, kept under the database's version this request's session was checked at (the store's
   * `load` would read the version once more). Loaded after that version was read, so never older.
   */
  const program: Program = async (c) => {
    const stamp = c.get("stamp")
    if (stamp !== undefined && loaded?.stamp === stamp) return loaded.dataset
    const dataset = await run(Effect.flatMap(ProgramStoreService.ProgramStore, (store) => store.load))
    if (stamp !== undefined) loaded = { stamp, dataset }
    return dataset
  }

  app.use(async (c, next) => {
    const id = getCookie(c, sessionCookie)
    const session = id === undefined || id.length > 100 ? undefined : await sessionOf(c, id)
    c.set("sessionId", session === undefined ? undefined : id)
    c.set("session", session)
    // Set before the page is made, so that they go out with it: set afterwards, Hono would copy the
    // response made (encoding the page's text once more) on every request.
    const assets = c.req.path.startsWith("/assets/")
    c.header("content-security-policy", contentSecurityPolicy)
    // Pages show who is signed in and what they may see: never from a shared cache.
    if (!assets) c.header("cache-control", "no-store")
    await next()
    // A response the handler made itself, rather than with `c.html` or `c.body`, gets them here.
    const { headers } = c.res
    if (headers.get("content-security-policy") === null)
      c.header("content-security-policy", contentSecurityPolicy)
    if (!assets && headers.get("cache-control") === null) c.header("cache-control", "no-store")
  })

  /** The CSRF token the forms of this request carry: the session's, or before sign-in the cookie's. */
  const csrfToken = (c: Context<WebEnv>): string => {
    const session = c.get("session")
    if (session !== undefined) return session.csrf
    const known = getCookie(c, csrfCookie)
    if (known !== undefined && /^[\w-]{43}$/.test(known)) return known
    const fresh = randomBytes(32).toString("base64url")
    setCookie(c, csrfCookie, fresh, cookieOptions(c))
    return fresh
  }

  // A form is small: bound what is read before it is parsed, then refuse it without the right token.
  const form = bodyLimit({
    maxSize: 16 * 1024,
    onError: (c) =>
      c.html(page("Te groot", '<p class="utrecht-paragraph">Het formulier is te groot.</p>'), 413)
  })
  const checked = (
    c: Context<WebEnv>,
    body: Record<string, unknown>
  ):
    | { readonly fields: Record<string, string>; readonly file: (name: string) => File | undefined }
    | Response => {
    const fields: Record<string, string> = {}
    for (const [key, value] of Object.entries(body)) if (typeof value === "string") fields[key] = value
    const session = c.get("session")
    const expected = session?.csrf ?? getCookie(c, csrfCookie)
    if (expected === undefined || fields._csrf === undefined || !same(fields._csrf, expected))
      return c.html(
        page(
          "Formulier verlopen",
          `<h1 class="utrecht-heading-1">Formulier verlopen</h1><p class="utrecht-paragraph">Dit formulier kon niet worden gecontroleerd. Ga terug, laad de pagina opnieuw en probeer het nog eens.</p>`,
          { session }
        ),
        403
      )
    return {
      fields,
      file: (name) => {
        const part = body[name]
        return part instanceof File ? part : undefined
      }
    }
  }
  const readForm = async (c: Context<WebEnv>): Promise<Record<string, string> | Response> => {
    const result = checked(c, await c.req.parseBody())
    return result instanceof Response ? result : result.fields
  }
  const forms: Forms = {
    limit: form,
    read: readForm,
    readUpload: async (c, name) => {
      const body = await c.req.parseBody().catch(() => undefined)
      if (body === undefined)
        return c.html(
          page("Fout", '<p class="utrecht-paragraph">Het formulier kon niet worden gelezen.</p>', {
            session: c.get("session")
          }),
          400
        )
      const result = checked(c, body)
      return result instanceof Response ? result : { fields: result.fields, file: result.file(name) }
    }
  }

  app.get(stylesheetPath, (c) => {
    c.header("cache-control", "public, max-age=3600")
    return c.body(stylesheet(), 200, { "content-type": "text/css; charset=utf-8" })
  })

  app.get(Informatiebeeld.rapportStylesheetPath, (c) => {
    c.header("cache-control", "public, max-age=3600")
    return c.body(rapportStylesheet(), 200, { "content-type": "text/css; charset=utf-8" })
  })

  app.get("/", (c) => c.redirect(c.get("session") === undefined ? "/inloggen" : "/voortgang", 303))

  app.get("/inloggen", (c) =>
    c.get("session") === undefined
      ? c.html(SignIn.render({ csrf: csrfToken(c), gezet: c.req.query("wachtwoord") === "gezet" }))
      : c.redirect("/voortgang", 303)
  )

  app.post("/inloggen", form, async (c) => {
    const fields = await readForm(c)
    if (fields instanceof Response) return fields
    const email = (fields.email ?? "").slice(0, 254)
    const password = (fields.wachtwoord ?? "").slice(0, 1024)
    if (email.trim() === "" || password === "")
      return c.html(SignIn.render({ csrf: csrfToken(c), email, fout: "leeg" }), 400)
    const result = await run(
      Effect.flatMap(Sessions.Sessions, (sessions) =>
        sessions.signIn({ email, password, address: address(c), previous: getCookie(c, sessionCookie) })
      )
    )
    if (result._tag === "SignedIn") {
      setCookie(c, sessionCookie, result.id, cookieOptions(c))
      deleteCookie(c, csrfCookie, { path: "/" })
      return c.redirect("/voortgang", 303)
    }
    const status = result._tag === "Limited" ? 429 : 401
    return c.html(
      SignIn.render({ csrf: csrfToken(c), email, fout: result._tag === "Limited" ? "limiet" : "onjuist" }),
      status
    )
  })

  app.post("/uitloggen", form, async (c) => {
    const fields = await readForm(c)
    if (fields instanceof Response) return fields
    const id = c.get("sessionId")
    if (id !== undefined) await run(Effect.flatMap(Sessions.Sessions, (sessions) => sessions.signOut(id)))
    deleteCookie(c, sessionCookie, { path: "/" })
    return c.redirect("/inloggen", 303)
  })

  app.get("/wachtwoord/:link", async (c) => {
    const link = c.req.param("link")
    const valid = await run(Effect.flatMap(Users.Users, (users) => users.checkLink(link)))
    return c.html(SetPassword.render({ csrf: csrfToken(c), link, valid }), valid ? 200 : 404)
  })

  app.post("/wachtwoord/:link", form, async (c) => {
    const fields = await readForm(c)
    if (fields instanceof Response) return fields
    const link = c.req.param("link")
    const password = (fields.wachtwoord ?? "").slice(0, 1024)
    if (password !== fields.herhaling)
      return c.html(SetPassword.render({ csrf: csrfToken(c), link, valid: true, fout: "verschillend" }), 400)
    const result = await run(
      Effect.flatMap(Users.Users, (users) => users.setPassword(link, password)).pipe(
        Effect.map(() => "gezet" as const),
        Effect.catchTags({
          InvalidLink: () => Effect.succeed("link" as const),
          InvalidUser: (e) => Effect.succeed(e.reason)
        })
      )
    )
    if (result === "gezet") return c.redirect("/inloggen?wachtwoord=gezet", 303)
    if (result === "link") return c.html(SetPassword.render({ csrf: csrfToken(c), link, valid: false }), 404)
    return c.html(SetPassword.render({ csrf: csrfToken(c), link, valid: true, fout: result }), 400)
  })

  // Every page below needs a session; without one, the sign-in page.
  for (const path of [
    "/voortgang",
    "/indicatoren",
    "/indicatoren/*",
    "/acties",
    "/gebieden",
    "/gebieden/*",
    "/informatiebeeld",
    "/informatiebeeld/*",
    "/metingen",
    "/import",
    "/import/*",
    "/beheer",
    "/beheer/*"
  ])
    app.use(path, signedIn)
  app.route("/voortgang", Voortgang.app(run, program))
  app.route("/metingen", Metingen.app(run, forms))
  app.route(
    "/import",
    Import.app(run, forms, {
      maxUploadBytes: config.maxUploadBytes ?? 50 * 1024 * 1024,
      slots: config.importSlots ?? importSlots
    })
  )
  app.route("/beheer", Beheer.app(run, forms))
  app.route("/activiteiten", Activiteiten.app(run, forms))
  app.route("/indicatoren", Indicator.app(run))
  app.route("/acties", Acties.app(run))
  app.route("/gebieden", Gebied.app(run))
  app.route("/informatiebeeld", Informatiebeeld.app(run, config.printen, program))
  return app
}
