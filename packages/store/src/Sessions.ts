/**
 * Sessions of the web application, kept in the database so that several `serve` processes share them:
 * a new random id at every sign-in (only its SHA-256 is stored), an idle and an absolute expiry, a CSRF
 * token per session, and sign-out deleting it. Failed sign-ins are counted per account and per address in
 * the database; past the limit a sign-in is refused without checking the password, whether or not the
 * account exists, and a refusal never says which of the two was wrong. Every sign-in, failed sign-in and
 * sign-out is an audit row (entity `sessions`, keyed by the account's id, actor `user:<email>`) with the
 * address it came from and never a password or session id; an address tried without an account is not
 * written down (it may be a password typed in the wrong field), nor an attempt refused by the limit.
 *
 * @since 0.1.0
 */
import { randomBytes } from "node:crypto"
import type { Access } from "@dvcc/core"
import { Context, DateTime, Effect, Layer, Option } from "effect"
import { SqlClient } from "effect/sql"
import { auditChange } from "./internal/audit.ts"
import { migrated, StoreError, toStoreError } from "./internal/errors.ts"
import { hash } from "./Tokens.ts"
import {
  actorOf,
  fromRow,
  normalizeEmail,
  principalOf,
  type Row,
  type UserInfo,
  verifyPassword
} from "./Users.ts"

/**
 * How long sessions last and how many failed sign-ins are allowed.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** A session unused this long ends (default 30 minutes). */
  readonly idleMs?: number
  /** A session ends this long after sign-in, used or not (default 12 hours). */
  readonly absoluteMs?: number
  /** Failed sign-ins per account within `windowMs` before further attempts are refused (default 5). */
  readonly perAccount?: number
  /** Failed sign-ins per address within `windowMs` (default 50: an office shares one address). */
  readonly perAddress?: number
  /** The window of the limits (default 15 minutes). */
  readonly windowMs?: number
}

/**
 * A signed-in session as a request sees it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Session {
  readonly user: UserInfo
  readonly principal: Access.Principal
  /** The token every form that changes something must carry. */
  readonly csrf: string
  /** When its last use was written down (`seen_at`, ms since the epoch): at most a minute behind. */
  readonly seenAt: number
  /** When it ends unless it is used again (ms since the epoch): the earlier of the idle and absolute expiry. */
  readonly expiresAt: number
}

/**
 * What a sign-in came to: a new session id (for the cookie only), refused (wrong address or password,
 * one answer for both), or limited (too many failures; also one answer whether or not the account exists).
 *
 * @since 0.1.0
 * @category models
 */
export type SignIn =
  | { readonly _tag: "SignedIn"; readonly id: string; readonly session: Session }
  | { readonly _tag: "Refused" }
  | { readonly _tag: "Limited" }

/**
 * @since 0.1.0
 * @category services
 */
export class Sessions extends Context.Service<
  Sessions,
  {
    /** Checks the password; on success a new session (the `previous` one, if any, is ended). */
    readonly signIn: (attempt: {
      readonly email: string
      readonly password: string
      readonly address: string
      readonly previous?: string | undefined
    }) => Effect.Effect<SignIn, StoreError>
    /** The session of an id, when it has not expired and its account is not disabled; marks it used. */
    readonly verify: (id: string) => Effect.Effect<Option.Option<Session>, StoreError>
    /** Ends a session on the server. */
    readonly signOut: (id: string) => Effect.Effect<void, StoreError>
  }
>()("@dvcc/store/Sessions") {
  /**
   * Sessions with the given limits.
   *
   * @since 0.1.0
   * @category layers
   */
  static readonly layerWith = (options: Options = {}) =>
    Layer.effect(
      Sessions,
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* migrated
        const idleMs = options.idleMs ?? 30 * 60 * 1000
        const absoluteMs = options.absoluteMs ?? 12 * 60 * 60 * 1000
        const perAccount = options.perAccount ?? 5
        const perAddress = options.perAddress ?? 50
        const windowMs = options.windowMs ?? 15 * 60 * 1000
        const iso = (ms: number) => new Date(ms).toISOString()
        const nowMs = Effect.map(DateTime.now, DateTime.toEpochMillis)
        const audit = auditChange(sql, "sessions")
        const event = (
          user: { readonly id: string; readonly email: string } | undefined,
          gebeurtenis: "ingelogd" | "inloggen mislukt" | "uitgelogd",
          address: string | undefined
        ) =>
          audit(
            user?.id ?? "onbekend",
            "insert",
            null,
            {
              gebeurtenis,
              ...(user === undefined ? {} : { email: user.email }),
              ...(address === undefined ? {} : { adres: address })
            },
            user === undefined ? "anoniem" : actorOf(user)
          )

        const failures = (subject: string, since: string) =>
          Effect.map(
            sql<{
              readonly n: number | string
            }>`SELECT COUNT(*) AS n FROM sign_in_failures WHERE subject = ${subject} AND at > ${since}`,
            (rows) => Number(rows[0]?.n ?? 0)
          )

        const signIn = (attempt: {
          readonly email: string
          readonly password: string
          readonly address: string
          readonly previous?: string | undefined
        }) =>
          Effect.gen(function* () {
            if (attempt.previous !== undefined)
              yield* sql`DELETE FROM sessions WHERE hash = ${hash(attempt.previous)}`
            const email = normalizeEmail(attempt.email).slice(0, 254)
            const account = `account:${email}`
            const address = `adres:${attempt.address.slice(0, 100)}`
            const now = yield* nowMs
            const since = iso(now - windowMs)
            // Old failures no longer count: forget them, so the table stays small.
            yield* sql`DELETE FROM sign_in_failures WHERE at <= ${since}`
            if (
              (yield* failures(account, since)) >= perAccount ||
              (yield* failures(address, since)) >= perAddress
            )
              return { _tag: "Limited" } as const
            const [row] = yield* sql<typeof Row.Type>`SELECT * FROM users WHERE email = ${email}`
            const matches = yield* verifyPassword(attempt.password, row?.password ?? null)
            if (row === undefined || !matches || row.disabled_at !== null) {
              yield* sql`INSERT INTO sign_in_failures ${sql.insert([
                { subject: account, at: iso(now) },
                { subject: address, at: iso(now) }
              ])}`
              if (row !== undefined) yield* event(row, "inloggen mislukt", attempt.address.slice(0, 100))
              return { _tag: "Refused" } as const
            }
            yield* sql`DELETE FROM sign_in_failures WHERE subject = ${account}`
            const id = randomBytes(32).toString("base64url")
            const csrf = randomBytes(32).toString("base64url")
            yield* sql`INSERT INTO sessions ${sql.insert({
              hash: hash(id),
              user_id: row.id,
              csrf,
              created_at: iso(now),
              seen_at: iso(now)
            })}`
            const user = yield* fromRow(row)
            yield* event(user, "ingelogd", attempt.address.slice(0, 100))
            const session: Session = {
              user,
              principal: principalOf(user),
              csrf,
              seenAt: now,
              expiresAt: now + Math.min(idleMs, absoluteMs)
            }
            return { _tag: "SignedIn", id, session } as const
          }).pipe(Effect.mapError((cause) => toStoreError(cause, "Inloggen is mislukt", attempt.password)))

        const verify = (id: string) =>
          Effect.gen(function* () {
            if (id.length > 100) return Option.none<Session>()
            const now = yield* nowMs
            const [row] = yield* sql<
              typeof Row.Type & {
                readonly csrf: string
                readonly seen_at: string
                readonly session_created_at: string
              }
            >`SELECT u.*, s.csrf, s.seen_at, s.created_at AS session_created_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.hash = ${hash(id)} AND s.seen_at > ${iso(now - idleMs)} AND s.created_at > ${iso(now - absoluteMs)} AND u.disabled_at IS NULL`
            if (row === undefined) return Option.none<Session>()
            // One write a minute at most: reading a page should not mean writing the database each time.
            const stale = Date.parse(row.seen_at) < now - 60_000
            if (stale) yield* sql`UPDATE sessions SET seen_at = ${iso(now)} WHERE hash = ${hash(id)}`
            const seenAt = stale ? now : Date.parse(row.seen_at)
            const user = yield* fromRow(row)
            return Option.some<Session>({
              user,
              principal: principalOf(user),
              csrf: row.csrf,
              seenAt,
              expiresAt: Math.min(seenAt + idleMs, Date.parse(row.session_created_at) + absoluteMs)
            })
          }).pipe(Effect.mapError((cause) => toStoreError(cause, "De sessie kon niet worden gecontroleerd")))

        const signOut = (id: string) =>
          Effect.gen(function* () {
            const [user] = yield* sql<{
              readonly id: string
              readonly email: string
            }>`SELECT u.id, u.email FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.hash = ${hash(id)}`
            yield* sql`DELETE FROM sessions WHERE hash = ${hash(id)}`
            if (user !== undefined) yield* event(user, "uitgelogd", undefined)
          }).pipe(Effect.mapError((cause) => toStoreError(cause, "Uitloggen is mislukt")))

        return Sessions.of({ signIn, verify, signOut })
      })
    )

  /**
   * Sessions with the default limits.
   *
   * @since 0.1.0
   * @category layers
   */
  static readonly layer = Sessions.layerWith()
}

export { StoreError }
