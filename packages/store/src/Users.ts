/**
 * Personal accounts for the web application, beside the API tokens (which stay for machines): an e-mail
 * address with the same role and scope as a token, checked the same way. A new account gets a one-time
 * link to set its password (only the link's SHA-256 is stored, and it expires), or a password at once;
 * passwords are kept as scrypt hashes. Disabling an account ends its sessions.
 *
 * @since 0.1.0
 */
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto"
import { Access } from "@dvcc/core"
import { Context, DateTime, Effect, Layer, Option, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { auditChange } from "./internal/audit.ts"
import { migrated, StoreError, toStoreError } from "./internal/errors.ts"
import { unknownScope } from "./internal/scopes.ts"
import { hash } from "./Tokens.ts"

/**
 * An account as listed: never its password or link.
 *
 * @since 0.1.0
 * @category models
 */
export const UserInfo = Schema.Struct({
  id: Schema.NonEmptyString,
  email: Schema.NonEmptyString,
  rol: Access.Rol,
  scope: Schema.NullOr(Access.Scope),
  wachtwoord: Schema.Boolean,
  aangemaakt: Schema.String,
  uitgeschakeld: Schema.NullOr(Schema.String)
}).annotate({ identifier: "UserInfo" })

/**
 * @since 0.1.0
 * @category models
 */
export type UserInfo = typeof UserInfo.Type

/**
 * A role and scope that do not go together, an address that is not one, an address already in use, or a
 * password that is too short or too long.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidUser extends Schema.TaggedError<InvalidUser>()("InvalidUser", {
  reason: Schema.String
}) {
  override get message() {
    return `Het account kan niet worden aangemaakt of gewijzigd: ${this.reason}.`
  }
}

/**
 * No account has this e-mail address.
 *
 * @since 0.1.0
 * @category errors
 */
export class UserNotFound extends Schema.TaggedError<UserNotFound>()("UserNotFound", {
  email: Schema.String
}) {
  override get message() {
    return `Er is geen account met e-mailadres ${this.email}: zie dvcc user list.`
  }
}

/**
 * The link to set a password is unknown, used or expired.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidLink extends Schema.TaggedError<InvalidLink>()("InvalidLink", {}) {
  override get message() {
    return "Deze link is ongeldig of verlopen: vraag de beheerder om een nieuwe (dvcc user create of reset)."
  }
}

/**
 * What to create.
 *
 * @since 0.1.0
 * @category models
 */
export interface NewUser {
  readonly email: string
  readonly rol: Access.Rol
  readonly scope: Access.Scope | null
  /** Set the password at once (`--password-stdin`); without it the result holds a one-time link. */
  readonly password?: string
}

/**
 * The shortest and longest password accepted: long enough to resist guessing, bounded so that hashing
 * cannot be made to take long.
 *
 * @since 0.1.0
 * @category rules
 */
export const passwordLength = { min: 12, max: 256 } as const

/**
 * How long a one-time link to set a password stays valid.
 *
 * @since 0.1.0
 * @category rules
 */
export const linkValidForMs = 7 * 24 * 60 * 60 * 1000

// N = 2^15, r = 8: about 32 MiB and some tens of milliseconds per hash, as OWASP advises for scrypt.
const params = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } satisfies ScryptOptions
const keyLength = 32

const derive = (password: string, salt: Buffer, options: ScryptOptions) =>
  Effect.callback<Buffer, StoreError>((resume) => {
    scrypt(password.normalize("NFC"), salt, keyLength, options, (error, key) =>
      resume(
        error === null
          ? Effect.succeed(key)
          : Effect.fail(toStoreError(error, "Het wachtwoord kon niet worden verwerkt"))
      )
    )
  })

/**
 * The scrypt hash of a password as stored: `scrypt$N$r$p$salt$key` (base64url).
 *
 * @since 0.1.0
 * @category hashing
 */
export const hashPassword = (password: string) =>
  Effect.gen(function* () {
    const salt = randomBytes(16)
    const key = yield* derive(password, salt, params)
    return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString("base64url")}$${key.toString("base64url")}`
  })

// Checked when no account has the address, so that the answer takes as long as for a wrong password.
const absent = `scrypt$${params.N}$${params.r}$${params.p}$${Buffer.alloc(16).toString("base64url")}$${Buffer.alloc(keyLength).toString("base64url")}`

/**
 * Whether `password` is the one `stored` (a `hashPassword` result) was made from; `null` (no password
 * set yet) takes as long and never matches.
 *
 * @since 0.1.0
 * @category hashing
 */
export const verifyPassword = (password: string, stored: string | null) =>
  Effect.gen(function* () {
    const [scheme, n, r, p, salt, key] = (stored ?? absent).split("$")
    if (scheme !== "scrypt" || salt === undefined || key === undefined) return false
    const expected = Buffer.from(key, "base64url")
    const actual = yield* derive(password.slice(0, passwordLength.max), Buffer.from(salt, "base64url"), {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: params.maxmem
    })
    return stored !== null && actual.length === expected.length && timingSafeEqual(actual, expected)
  })

/**
 * The actor an audit row names for a change made by a signed-in person: `user:<email>`, beside
 * `token <id>` for the API's tokens and `cli` for the command line.
 *
 * @since 0.1.0
 * @category constructors
 */
export const actorOf = (user: Pick<UserInfo, "email">): string => `user:${user.email}`

/**
 * An address as it is compared: trimmed, lower case.
 *
 * @since 0.1.0
 * @category constructors
 */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase()

const emailPattern = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/

const passwordProblem = (password: string): string | undefined =>
  password.length < passwordLength.min
    ? `een wachtwoord heeft minstens ${passwordLength.min} tekens`
    : password.length > passwordLength.max
      ? `een wachtwoord heeft hoogstens ${passwordLength.max} tekens`
      : undefined

/**
 * The principal an account acts as: the same type the API's tokens give, so every rule of `Access` and
 * every store query treats both alike. `tokenId` names the account, never a secret.
 *
 * @since 0.1.0
 * @category constructors
 */
export const principalOf = (user: UserInfo): Access.Principal => ({
  tokenId: `gebruiker-${user.id}`,
  naam: user.email,
  rol: user.rol,
  scope: user.scope
})

/** A row of `users`, as the sessions read it too. */
export const Row = Schema.Struct({
  id: Schema.String,
  email: Schema.String,
  rol: Schema.String,
  scope: Schema.NullOr(Schema.String),
  password: Schema.NullOr(Schema.String),
  created_at: Schema.String,
  disabled_at: Schema.NullOr(Schema.String)
})

const decodeInfo = Schema.decodeUnknownEffect(UserInfo)

/**
 * The account of a row.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromRow = (row: typeof Row.Type) =>
  decodeInfo({
    id: row.id,
    email: row.email,
    rol: row.rol,
    scope: row.scope === null ? null : JSON.parse(row.scope),
    wachtwoord: row.password !== null,
    aangemaakt: row.created_at,
    uitgeschakeld: row.disabled_at
  })

/**
 * @since 0.1.0
 * @category services
 */
export class Users extends Context.Service<
  Users,
  {
    /** Creates an account; `link` is the one-time secret to set its password (none with `password`). Audited. */
    readonly create: (
      user: NewUser,
      actor: string
    ) => Effect.Effect<
      { readonly info: UserInfo; readonly link: string | null; readonly verloopt: string | null },
      StoreError | InvalidUser
    >
    /** Sets the password of the link's account and uses the link up. */
    readonly setPassword: (
      link: string,
      password: string
    ) => Effect.Effect<UserInfo, StoreError | InvalidLink | InvalidUser>
    /** Whether a link is valid now, for showing the form. */
    readonly checkLink: (link: string) => Effect.Effect<boolean, StoreError>
    /** All accounts, oldest first. */
    readonly list: Effect.Effect<ReadonlyArray<UserInfo>, StoreError>
    /** Disables an account and ends its sessions; again changes nothing. Audited. */
    readonly disable: (email: string, actor: string) => Effect.Effect<UserInfo, StoreError | UserNotFound>
    /**
     * A new one-time link for an account that is not disabled: its password no longer works, its sessions
     * and earlier links end. Audited (without the link).
     */
    readonly reset: (
      email: string,
      actor: string
    ) => Effect.Effect<
      { readonly info: UserInfo; readonly link: string; readonly verloopt: string },
      StoreError | UserNotFound | InvalidUser
    >
  }
>()("@dvcc/store/Users") {
  /**
   * Migrates the database on first use, then serves the accounts.
   *
   * @since 0.1.0
   * @category layers
   */
  static readonly layer = Layer.effect(
    Users,
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      yield* migrated
      const decodePrincipal = Schema.decodeUnknownEffect(Access.Principal)

      const audit = auditChange(sql, "users")

      const byEmail = (email: string) =>
        Effect.flatMap(
          sql<typeof Row.Type>`SELECT * FROM users WHERE email = ${normalizeEmail(email)}`,
          (rows) =>
            rows[0] === undefined ? Effect.succeed(Option.none()) : Effect.map(fromRow(rows[0]), Option.some)
        )

      const newLink = (id: string) =>
        Effect.gen(function* () {
          const link = randomBytes(32).toString("base64url")
          const verloopt = new Date(
            DateTime.toEpochMillis(yield* DateTime.now) + linkValidForMs
          ).toISOString()
          yield* sql`INSERT INTO user_links ${sql.insert({ hash: hash(link), user_id: id, expires_at: verloopt })}`
          return { link, verloopt }
        })

      const create = (user: NewUser, actor: string) =>
        Effect.gen(function* () {
          const email = normalizeEmail(user.email)
          if (!emailPattern.test(email) || email.length > 254)
            return yield* new InvalidUser({ reason: `${JSON.stringify(user.email)} is geen e-mailadres` })
          yield* decodePrincipal({ tokenId: "nieuw", naam: email, rol: user.rol, scope: user.scope }).pipe(
            Effect.mapError((issue) => new InvalidUser({ reason: issue.message }))
          )
          if (user.scope !== null) {
            const why = yield* unknownScope(sql, user.scope)
            if (why !== undefined) return yield* new InvalidUser({ reason: why })
          }
          if (Option.isSome(yield* byEmail(email)))
            return yield* new InvalidUser({ reason: `er is al een account met e-mailadres ${email}` })
          if (user.password !== undefined) {
            const why = passwordProblem(user.password)
            if (why !== undefined) return yield* new InvalidUser({ reason: why })
          }
          const id = randomBytes(6).toString("hex")
          const now = yield* DateTime.now
          const at = DateTime.formatIso(now)
          yield* sql`INSERT INTO users ${sql.insert({
            id,
            email,
            rol: user.rol,
            scope: user.scope === null ? null : JSON.stringify(user.scope),
            password: user.password === undefined ? null : yield* hashPassword(user.password),
            created_at: at,
            disabled_at: null
          })}`
          const info: UserInfo = {
            id,
            email,
            rol: user.rol,
            scope: user.scope,
            wachtwoord: user.password !== undefined,
            aangemaakt: at,
            uitgeschakeld: null
          }
          yield* audit(id, "insert", null, info, actor)
          if (user.password !== undefined) return { info, link: null, verloopt: null }
          return { info, ...(yield* newLink(id)) }
        }).pipe(
          sql.withTransaction,
          Effect.mapError((cause) =>
            cause._tag === "InvalidUser"
              ? cause
              : toStoreError(cause, "Het account kon niet worden opgeslagen")
          )
        )

      const validLink = (link: string) =>
        Effect.gen(function* () {
          if (link.length > 100) return undefined
          const at = DateTime.formatIso(yield* DateTime.now)
          const [row] = yield* sql<{
            readonly user_id: string
          }>`SELECT l.user_id FROM user_links l JOIN users u ON u.id = l.user_id WHERE l.hash = ${hash(link)} AND l.expires_at > ${at} AND u.disabled_at IS NULL`
          return row?.user_id
        })

      const checkLink = (link: string) =>
        validLink(link).pipe(
          Effect.map((id) => id !== undefined),
          Effect.mapError((cause) => toStoreError(cause, "De link kon niet worden gecontroleerd"))
        )

      const setPassword = (link: string, password: string) =>
        Effect.gen(function* () {
          const why = passwordProblem(password)
          if (why !== undefined) return yield* new InvalidUser({ reason: why })
          const id = yield* validLink(link)
          if (id === undefined) return yield* new InvalidLink()
          const stored = yield* hashPassword(password)
          yield* sql`UPDATE users SET password = ${stored} WHERE id = ${id}`
          yield* sql`DELETE FROM user_links WHERE user_id = ${id}`
          // A password set anew ends the sessions of the old one.
          yield* sql`DELETE FROM sessions WHERE user_id = ${id}`
          const [row] = yield* sql<typeof Row.Type>`SELECT * FROM users WHERE id = ${id}`
          const info = yield* fromRow(row as typeof Row.Type)
          yield* audit(id, "update", null, { id, wachtwoord: "gewijzigd" }, actorOf(info))
          return info
        }).pipe(
          sql.withTransaction,
          Effect.mapError((cause) =>
            cause._tag === "InvalidUser" || cause._tag === "InvalidLink"
              ? cause
              : toStoreError(cause, "Het wachtwoord kon niet worden opgeslagen", password)
          )
        )

      const list = Effect.flatMap(sql<typeof Row.Type>`SELECT * FROM users ORDER BY created_at, id`, (rows) =>
        Effect.forEach(rows, fromRow)
      ).pipe(Effect.mapError((cause) => toStoreError(cause, "De accounts konden niet worden gelezen")))

      const disable = (email: string, actor: string) =>
        Effect.gen(function* () {
          const found = yield* byEmail(email)
          if (Option.isNone(found)) return yield* new UserNotFound({ email })
          const before = found.value
          yield* sql`DELETE FROM sessions WHERE user_id = ${before.id}`
          yield* sql`DELETE FROM user_links WHERE user_id = ${before.id}`
          if (before.uitgeschakeld !== null) return before
          const at = DateTime.formatIso(yield* DateTime.now)
          yield* sql`UPDATE users SET disabled_at = ${at} WHERE id = ${before.id}`
          const after = { ...before, uitgeschakeld: at }
          yield* audit(before.id, "update", before, after, actor)
          return after
        }).pipe(
          sql.withTransaction,
          Effect.mapError((cause) =>
            cause._tag === "UserNotFound"
              ? cause
              : toStoreError(cause, "Het account kon niet worden uitgeschakeld")
          )
        )

      const reset = (email: string, actor: string) =>
        Effect.gen(function* () {
          const found = yield* byEmail(email)
          if (Option.isNone(found)) return yield* new UserNotFound({ email })
          const before = found.value
          if (before.uitgeschakeld !== null)
            return yield* new InvalidUser({ reason: `het account ${before.email} is uitgeschakeld` })
          yield* sql`DELETE FROM sessions WHERE user_id = ${before.id}`
          yield* sql`DELETE FROM user_links WHERE user_id = ${before.id}`
          yield* sql`UPDATE users SET password = NULL WHERE id = ${before.id}`
          const info = { ...before, wachtwoord: false }
          yield* audit(before.id, "update", before, { ...info, wachtwoord: "opnieuw in te stellen" }, actor)
          return { info, ...(yield* newLink(before.id)) }
        }).pipe(
          sql.withTransaction,
          Effect.mapError((cause) =>
            cause._tag === "UserNotFound" || cause._tag === "InvalidUser"
              ? cause
              : toStoreError(cause, "Er kon geen nieuwe link worden gemaakt")
          )
        )

      return Users.of({ create, setPassword, checkLink, list, disable, reset })
    })
  )
}

export { StoreError }
