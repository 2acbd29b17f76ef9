/**
 * One endpoint, described once: its method and path, the action of the role matrix it needs, and the
 * Schemas of its path, query, body and response. The same description guards the route, decodes the
 * input, encodes the output and becomes the endpoint's part of `/openapi.json`.
 *
 * @since 0.1.0
 */
import type { Access } from "@dvcc/core"
import type { ProgramStore } from "@dvcc/store"
import { Cause, Effect, Exit, Schema, SchemaIssue } from "effect"
import type { Context, Handler, MiddlewareHandler } from "hono"
import type { Env, Services } from "./Env.ts"
import { isBusyDatabase } from "./middleware/problem/index.ts"
import { requires } from "./middleware/scope/index.ts"
import * as Problem from "./Problem.ts"

type Codec = Schema.Top & { readonly DecodingServices: never; readonly EncodingServices: never }

/**
 * @since 0.1.0
 * @category models
 */
export interface Endpoint<
  P extends Codec = Codec,
  Q extends Codec = Codec,
  B extends Codec = Codec,
  R extends Codec = Codec
> {
  readonly method: "get" | "post" | "patch" | "delete"
  /** Hono's form, relative to the group: `/:id`. */
  readonly path: string
  readonly summary: string
  readonly description?: string
  /** `null`: no token needed. */
  readonly actie: Access.Actie | null
  readonly params?: P
  readonly query?: Q
  readonly body?: B
  /** A file upload (`multipart/form-data`, field `bestand`) instead of a JSON body. */
  readonly upload?: { readonly field: string; readonly description: string }
  /**
   * The response is a file, not JSON: the handler returns `Download`. The first type is the default; a
   * handler that answers in another of them (a PDF instead of HTML) names it in `Download.contentType`.
   */
  readonly download?: { readonly contentTypes: readonly [string, ...Array<string>] }
  /**
   * Keep the encoded answers of this `GET` endpoint in memory while the database's version (its highest
   * audit id) does not change, per token and URL. The function returns what else the answer depends on
   * (the date of today, when the endpoint defaults to it). A kept answer carries an `ETag` of the version,
   * and `If-None-Match` with it is answered 304. Only for endpoints whose answer follows from the
   * database, the token, the URL and that key.
   */
  readonly cache?: (c: Context<Env>) => string
  readonly response: R
  readonly status?: 200 | 201 | 204
  /** With status 201: the path of what was created, sent as `Location`. */
  location?(created: R["Type"]): string
  /** The problems this endpoint may answer with, besides 401/403/429 of every protected endpoint. */
  readonly problems?: ReadonlyArray<Problem.Kind>
}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make = <
  P extends Codec = never,
  Q extends Codec = never,
  B extends Codec = never,
  R extends Codec = Codec
>(
  endpoint: Endpoint<P, Q, B, R>
): Endpoint<P, Q, B, R> => endpoint

/**
 * A group of endpoints under one path prefix, joined into the app with `app.route`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Group {
  readonly prefix: string
  readonly tag: string
  /** One sentence for the documentation. */
  readonly description: string
  readonly endpoints: ReadonlyArray<Endpoint>
}

/**
 * An integer in a path or query string.
 *
 * @since 0.1.0
 * @category schemas
 */
export const IntFromString = Schema.FiniteFromString.pipe(Schema.check(Schema.isInt())).annotate({
  description: "geheel getal"
})

/**
 * A file to send: its bytes, the name it should be saved under and, when not the endpoint's first, its
 * content type (one of the endpoint's `download.contentTypes`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const Download = Schema.Struct({
  bytes: Schema.Uint8Array,
  filename: Schema.String,
  contentType: Schema.optionalKey(Schema.String)
})

/**
 * What a handler gets: the decoded input, the principal and the source to audit writes with.
 *
 * @since 0.1.0
 * @category models
 */
export interface Input<P, Q, B> {
  readonly params: P
  readonly query: Q
  readonly body: B
  /** The uploaded file of an `upload` endpoint. */
  readonly file: { readonly bytes: Uint8Array; readonly name: string } | undefined
  readonly principal: Env["Variables"]["principal"]
  readonly source: ProgramStore.Source
  readonly requestId: string
}

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

const typeNames: Record<string, string> = {
  string: "tekst",
  number: "een getal",
  boolean: "true of false",
  object: "een object",
  array: "een lijst",
  null: "null"
}

/**
 * The core Schemas write their own checks in Dutch; the few built-in messages of `effect` (missing key,
 * wrong type, bounds) are translated here, so every field message a client gets is Dutch.
 */
export const dutch = (message: string): string => {
  const [head = message, got] = message.split(/, got /)
  const rules: ReadonlyArray<readonly [RegExp, (m: RegExpMatchArray) => string]> = [
    [/^Missing key$/, () => "ontbreekt"],
    [/^Expected a value with a length of at least 1$/, () => "mag niet leeg zijn"],
    [/^Expected a value with a length of at least (\S+)$/, (m) => `moet minstens ${m[1]} tekens lang zijn`],
    [/^Expected an integer$/, () => "moet een geheel getal zijn"],
    [/^Expected a finite number$/, () => "moet een eindig getal zijn"],
    [/^Expected a value greater than or equal to (\S+)$/, (m) => `moet minstens ${m[1]} zijn`],
    [/^Expected a value greater than (\S+)$/, (m) => `moet groter zijn dan ${m[1]}`],
    [/^Expected a value less than or equal to (\S+)$/, (m) => `mag hoogstens ${m[1]} zijn`],
    [/^Expected a value between (\S+) and (\S+)$/, (m) => `moet tussen ${m[1]} en ${m[2]} liggen`],
    [/^Expected (string|number|boolean|object|array|null)$/, (m) => `moet ${typeNames[m[1] ?? ""]} zijn`],
    [/^Expected (\w+)$/, (m) => `is geen geldige waarde voor ${m[1]}`],
    [/^Expected no excess property$|^Unexpected key/, () => "onbekend veld"]
  ]
  for (const [pattern, translate] of rules) {
    const match = head.match(pattern)
    if (match !== null) return got === undefined ? translate(match) : `${translate(match)} (gevonden: ${got})`
  }
  return message
}

/** The refused fields of a decoding failure: `acties.0.titel` and why. */
export const fields = (issue: SchemaIssue.Issue, prefix: string): Array<typeof Problem.Veld.Type> =>
  formatter(issue).issues.map((i) => ({
    pad: [prefix, ...(i.path ?? []).map((p) => String(typeof p === "object" ? p.key : p))]
      .filter((s) => s !== "")
      .join("."),
    melding: dutch(i.message)
  }))

const decode = <S extends Codec>(schema: S | undefined, input: unknown, where: string) =>
  schema === undefined
    ? Effect.succeed(undefined as S["Type"])
    : Schema.decodeUnknownEffect(schema)(input, { errors: "all" }).pipe(
        Effect.mapError((error) =>
          Problem.make(
            "validatie",
            `De ${where === "body" ? "gegevens kloppen" : `${where} klopt`} niet.`,
            fields(error.issue, where === "body" ? "" : where)
          )
        )
      )

/**
 * Turns what a handler failed with into a problem: the store's tagged errors by tag, anything else a 500.
 *
 * @since 0.1.0
 * @category errors
 */
export const toProblem = (
  error: unknown
):
  | {
      readonly kind: Problem.Kind
      readonly detail: string
      readonly velden?: ReadonlyArray<typeof Problem.Veld.Type>
    }
  | undefined => {
  if (typeof error !== "object" || error === null || !("_tag" in error)) return undefined
  const message = "message" in error && typeof error.message === "string" ? error.message : ""
  switch (error._tag) {
    case "ApiProblem": {
      const p = error as Problem.ApiProblem
      return {
        kind: p.kind as Problem.Kind,
        detail: p.detail,
        ...(p.velden === undefined ? {} : { velden: p.velden })
      }
    }
    case "Conflict":
    case "ImportAlreadyUndone":
    case "ImportDependedOn":
      return { kind: "conflict", detail: message }
    case "UnreadableWorkbook":
      return { kind: "validatie", detail: message }
    // The store did not take the workbook: busy (try again), or it refused a row the report could not
    // know of (checked again on the locked rows); nothing was written either way.
    case "ImportFailed":
      return isBusyDatabase(error)
        ? {
            kind: "niet-beschikbaar",
            detail:
              "De database is bezet (een andere schrijfopdracht, zoals een grote import, loopt nog); er is niets geïmporteerd. Probeer het over 5 s opnieuw."
          }
        : { kind: "validatie", detail: message }
    case "NotFound":
    case "TokenNotFound":
    case "ImportNotFound":
      return { kind: "niet-gevonden", detail: message }
    case "Refused":
    case "InvalidToken":
      return { kind: "validatie", detail: message }
    // What the dataset check of core refuses in a record, at its fields.
    case "Invalid": {
      const { issues } = error as ProgramStore.Invalid
      return {
        kind: "validatie",
        detail: message,
        velden: issues.map((i) => ({ pad: i.path, melding: i.issue }))
      }
    }
    default:
      return undefined
  }
}

/** FNV-1a, 32 bits, in base 36: short and stable, not a secret. */
const hash = (text: string): string => {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(36)
}

const matches = (header: string | undefined, etag: string): boolean =>
  (header ?? "").split(",").some((tag) => {
    const t = tag.trim()
    return t === "*" || t === etag || t === `W/${etag}`
  })

/**
 * The guard and handler of an endpoint, to spread after its route: `group.get(e.path, ...handle(e, …))`.
 * The handler runs one Effect against the app's services, decoding the input and encoding the output
 * with the endpoint's Schemas.
 *
 * @since 0.1.0
 * @category handlers
 */
export const handle = <P extends Codec, Q extends Codec, B extends Codec, R extends Codec, E>(
  endpoint: Endpoint<P, Q, B, R>,
  body: (input: Input<P["Type"], Q["Type"], B["Type"]>) => Effect.Effect<R["Type"], E, Services>
): [MiddlewareHandler<Env>, Handler<Env>] => {
  const guard: MiddlewareHandler<Env> =
    endpoint.actie === null ? async (_c, next) => await next() : requires(endpoint.actie)
  const { cache } = endpoint
  let kept: { readonly stamp: string; readonly bodies: Map<string, string> } = {
    stamp: "",
    bodies: new Map()
  }
  const handler = async (c: Context<Env>) => {
    const requestId = c.get("requestId")
    // A cached answer: the same token, URL and extra key at the same database version.
    const stamp = c.get("stamp")
    let key: string | undefined
    let etag: string | undefined
    if (cache !== undefined && stamp !== undefined && endpoint.method === "get") {
      key = `${c.get("principal")?.tokenId ?? ""} ${c.req.url} ${cache(c)}`
      etag = `"${stamp}-${hash(key)}"`
      const headers = { "content-type": "application/json", etag }
      if (kept.stamp === stamp) {
        const text = kept.bodies.get(key)
        if (text !== undefined) {
          if (matches(c.req.header("if-none-match"), etag)) return c.body(null, 304, { etag })
          return c.body(text, 200, headers)
        }
      }
    }
    let json: unknown
    if (endpoint.body !== undefined) {
      try {
        json = await c.req.json()
      } catch {
        return Problem.respond("ongeldig-verzoek", "De body is geen geldige JSON.", { requestId })
      }
    }
    let file: { readonly bytes: Uint8Array; readonly name: string } | undefined
    if (endpoint.upload !== undefined) {
      const form = await c.req.parseBody().catch(() => undefined)
      const part = form?.[endpoint.upload.field]
      if (!(part instanceof File)) {
        return Problem.respond(
          "validatie",
          `Stuur het bestand als multipart/form-data in het veld "${endpoint.upload.field}".`,
          { requestId, velden: [{ pad: endpoint.upload.field, melding: "ontbreekt" }] }
        )
      }
      file = { bytes: new Uint8Array(await part.arrayBuffer()), name: part.name }
    }
    const principal = c.get("principal")
    let location: string | undefined
    const program = Effect.gen(function* () {
      const params = yield* decode(endpoint.params, c.req.param(), "pad")
      const query = yield* decode(endpoint.query, c.req.query(), "query")
      const decodedBody = yield* decode(endpoint.body, json, "body")
      const result = yield* body({
        params,
        query,
        body: decodedBody,
        file,
        principal,
        source: {
          actor: principal === undefined ? "anoniem" : `token ${principal.tokenId}`,
          source: `api ${requestId}`
        },
        requestId
      })
      if (endpoint.location !== undefined) location = endpoint.location(result)
      return endpoint.download === undefined
        ? yield* Schema.encodeUnknownEffect(endpoint.response)(result)
        : result
    })
    const exit = await c.get("runtime").runPromiseExit(program, { signal: c.req.raw.signal })
    if (Exit.isSuccess(exit)) {
      if (endpoint.status === 204) return c.body(null, 204)
      if (endpoint.download !== undefined) {
        const file = exit.value as typeof Download.Type
        const ascii = file.filename.replace(/[^\w.-]/g, "_")
        const type = file.contentType ?? endpoint.download.contentTypes[0]
        // The OpenAPI document lists the types; a handler may not answer with another.
        if (!endpoint.download.contentTypes.includes(type))
          throw new Error(`${type} is not a download type of ${endpoint.method} ${endpoint.path}`)
        return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
          "content-type": type,
          "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`
        })
      }
      if (key === undefined || etag === undefined || stamp === undefined)
        return c.json(
          exit.value as object,
          endpoint.status ?? 200,
          location === undefined ? {} : { location: encodeURI(location) }
        )
      const text = JSON.stringify(exit.value)
      if (kept.stamp !== stamp) kept = { stamp, bodies: new Map() }
      if (kept.bodies.size >= 256) kept.bodies.clear()
      kept.bodies.set(key, text)
      if (matches(c.req.header("if-none-match"), etag)) return c.body(null, 304, { etag })
      return c.body(text, 200, { "content-type": "application/json", etag })
    }
    const failure = exit.cause.reasons.find(Cause.isFailReason)
    const problem = failure === undefined ? undefined : toProblem(failure.error)
    if (problem !== undefined) {
      const response = Problem.respond(problem.kind, problem.detail, {
        requestId,
        velden: problem.velden,
        instance: c.req.path
      })
      // Busy now, not broken: every 503 says when to try again.
      if (response.status === 503) response.headers.set("retry-after", "5")
      return response
    }
    // The failure itself goes along, so the error handler can tell a busy database from a bug.
    throw new Error(Cause.pretty(exit.cause), { cause: Cause.squash(exit.cause) })
  }
  return [guard, handler]
}
