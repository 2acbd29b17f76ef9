/**
 * Errors as RFC 9457 `application/problem+json`: a stable `type` per kind of problem, a Dutch `title`,
 * the HTTP status, a `detail` a person can act on and, for validation, the fields that were refused.
 * Never a stack trace or SQL: a failure the API did not foresee becomes a 500 with only the request id.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * The kinds of problem, each with its status and Dutch title.
 *
 * @since 0.1.0
 * @category models
 */
export const kinds = {
  "ongeldig-verzoek": { status: 400, title: "Ongeldig verzoek" },
  "niet-aangemeld": { status: 401, title: "Niet aangemeld" },
  "geen-toegang": { status: 403, title: "Geen toegang" },
  "niet-gevonden": { status: 404, title: "Niet gevonden" },
  conflict: { status: 409, title: "Intussen gewijzigd" },
  "te-groot": { status: 413, title: "Verzoek te groot" },
  "verkeerd-mediatype": { status: 415, title: "Verkeerd mediatype" },
  validatie: { status: 422, title: "Ongeldige invoer" },
  "te-veel-verzoeken": { status: 429, title: "Te veel verzoeken" },
  "interne-fout": { status: 500, title: "Interne fout" },
  "niet-beschikbaar": { status: 503, title: "Niet beschikbaar" }
} as const satisfies Record<string, { readonly status: number; readonly title: string }>

/**
 * @since 0.1.0
 * @category models
 */
export type Kind = keyof typeof kinds

/**
 * The stable `type` of a kind: a URN, so it never depends on where the API runs.
 *
 * @since 0.1.0
 * @category constructors
 */
export const typeOf = (kind: Kind): string => `urn:dvcc:probleem:${kind}`

/**
 * One refused field: where (`acties.0.titel`) and why.
 *
 * @since 0.1.0
 * @category models
 */
export const Veld = Schema.Struct({ pad: Schema.String, melding: Schema.String }).annotate({
  identifier: "Veld"
})

/**
 * @since 0.1.0
 * @category models
 */
export const Problem = Schema.Struct({
  type: Schema.String,
  title: Schema.String,
  status: Schema.Int,
  detail: Schema.optionalKey(Schema.String),
  instance: Schema.optionalKey(Schema.String),
  requestId: Schema.optionalKey(Schema.String),
  velden: Schema.optionalKey(Schema.Array(Veld))
}).annotate({ identifier: "Problem", description: "RFC 9457 problem details" })

/**
 * @since 0.1.0
 * @category models
 */
export type Problem = typeof Problem.Type

/**
 * A problem the handlers and middleware raise; `respond` turns it into a response.
 *
 * @since 0.1.0
 * @category errors
 */
export class ApiProblem extends Schema.TaggedError<ApiProblem>()("ApiProblem", {
  kind: Schema.String,
  detail: Schema.String,
  velden: Schema.optionalKey(Schema.Array(Veld))
}) {}

/**
 * @since 0.1.0
 * @category constructors
 */
export const make = (kind: Kind, detail: string, velden?: ReadonlyArray<typeof Veld.Type>): ApiProblem =>
  new ApiProblem(velden === undefined ? { kind, detail } : { kind, detail, velden })

/**
 * The response for a problem.
 *
 * @since 0.1.0
 * @category constructors
 */
export const respond = (
  kind: Kind,
  detail: string,
  extra: {
    readonly requestId?: string | undefined
    readonly instance?: string | undefined
    readonly velden?: ReadonlyArray<typeof Veld.Type> | undefined
  } = {}
): Response => {
  const { status, title } = kinds[kind]
  const body: Problem = {
    type: typeOf(kind),
    title,
    status,
    detail,
    ...(extra.instance === undefined ? {} : { instance: extra.instance }),
    ...(extra.requestId === undefined ? {} : { requestId: extra.requestId }),
    ...(extra.velden === undefined ? {} : { velden: extra.velden })
  }
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json; charset=utf-8" }
  })
}
