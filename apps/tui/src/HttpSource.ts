/**
 * The dashboard's data through the HTTP API (`dvcc serve`) instead of the embedded database: one
 * `GET /api/v1/dataset` with a bearer token, decoded with the core `Dataset` schema, so the dashboard
 * checks what it is sent as strictly as what it reads from its own database. Every failure becomes a
 * `SourceError` whose Dutch message says what to do.
 *
 * @since 0.1.0
 */
import { Dataset } from "@dvcc/core"
import { Duration, Effect, Redacted, Schema } from "effect"
import { type Source, SourceError } from "./Source.ts"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** Where the API runs: `https://dvcc.example.nl` (the part before `/api/v1`). */
  readonly url: string
  /** The API token (from `DVCC_TOKEN`, never a command-line flag). */
  readonly token: Redacted.Redacted<string>
  /** How long one load may take; 10 seconds by default. */
  readonly timeout?: Duration.Input
  /** The `fetch` to use; the global one by default (tests pass the app's `request`). */
  readonly fetch?: (url: string, init: RequestInit) => Promise<Response>
}

/**
 * The URL of the dataset endpoint under the API's address.
 *
 * @since 0.1.0
 * @category formatting
 */
export const datasetUrl = (url: string): string => `${url.replace(/\/+$/, "")}/api/v1/dataset`

/** The reason a request did not reach the server, from Node's fetch error (`cause.code`). */
const unreachableReason = (cause: unknown): string => {
  const inner = typeof cause === "object" && cause !== null && "cause" in cause ? cause.cause : undefined
  const code =
    typeof inner === "object" && inner !== null && "code" in inner && typeof inner.code === "string"
      ? inner.code
      : undefined
  switch (code) {
    case "ECONNREFUSED":
      return "verbinding geweigerd"
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "onbekende servernaam"
    case "ECONNRESET":
      return "verbinding verbroken"
    default:
      return (
        code ??
        (inner instanceof Error ? inner.message : cause instanceof Error ? cause.message : String(cause))
      )
  }
}

/** The `detail` of a problem+json answer, when there is one. */
const problemDetail = (response: Response): Effect.Effect<string | undefined> =>
  Effect.promise(() =>
    response.json().then(
      (body: unknown) =>
        typeof body === "object" && body !== null && "detail" in body && typeof body.detail === "string"
          ? body.detail
          : undefined,
      () => undefined
    )
  )

const refusal = (base: string, status: number, detail: string | undefined): string => {
  const because = detail === undefined ? "" : ` (${detail})`
  switch (status) {
    case 401:
      return `De API op ${base} weigert het token in DVCC_TOKEN: het is onbekend of ingetrokken${because}. Maak een nieuw token met \`dvcc token create\` en zet het in DVCC_TOKEN.`
    case 403:
      return `Het token in DVCC_TOKEN mag de hele programmadata niet lezen${because}. Het dashboard via de API vraagt een token met rol programma of beheerder.`
    case 404:
      return `Op ${base} draait geen dvcc-API met /api/v1/dataset (404). Klopt het adres bij --api?`
    default:
      return `De API op ${base} antwoordde met status ${status}${because}.`
  }
}

/**
 * A source that reads the programme from the API at `options.url`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options): Source => {
  const base = options.url.replace(/\/+$/, "")
  const url = datasetUrl(base)
  const timeout = Duration.fromInputUnsafe(options.timeout ?? "10 seconds")
  const request = options.fetch ?? ((input: string, init: RequestInit) => fetch(input, init))
  const load = Effect.gen(function* () {
    const response = yield* Effect.tryPromise({
      try: (signal) =>
        request(url, {
          headers: { authorization: `Bearer ${Redacted.value(options.token)}`, accept: "application/json" },
          signal
        }),
      catch: (cause) =>
        new SourceError({
          message: `De API op ${base} is niet bereikbaar (${unreachableReason(cause)}). Klopt het adres bij --api, en draait daar \`dvcc serve\`?`
        })
    })
    if (!response.ok) {
      return yield* new SourceError({
        message: refusal(base, response.status, yield* problemDetail(response))
      })
    }
    const json = yield* Effect.tryPromise({
      try: () => response.json() as Promise<unknown>,
      catch: () => new SourceError({ message: `De API op ${base} stuurde geen JSON terug.` })
    })
    return yield* Schema.decodeUnknownEffect(Dataset.Dataset)(json).pipe(
      Effect.mapError(
        (error) =>
          new SourceError({
            message: `De API op ${base} stuurde geen geldige programmadata: ${error.message.split("\n").slice(0, 3).join(" ")}`
          })
      )
    )
  }).pipe(
    Effect.timeoutOrElse({
      duration: timeout,
      orElse: () =>
        Effect.fail(
          new SourceError({
            message: `De API op ${base} antwoordde niet binnen ${String(Duration.toMillis(timeout) / 1000).replace(".", ",")} s. Kijk of de server werkt en probeer het opnieuw.`
          })
        )
    })
  )
  return { naam: `API ${base}`, load }
}
