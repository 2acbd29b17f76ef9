/**
 * API tokens: created with a name, a role and (for `district` and `gemeente`) a scope; the token itself is
 * shown once and only its SHA-256 is stored, so a copy of the database does not hand out access.
 * Verifying a token gives the `Principal` the API works for; a revoked token no longer verifies.
 *
 * @since 0.1.0
 */
import { createHash, randomBytes } from "node:crypto"
import { Access } from "@dvcc/core"
import { Context, DateTime, Effect, Layer, Option, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { auditChange } from "./internal/audit.ts"
import { migrated, StoreError, toStoreError } from "./internal/errors.ts"
import { unknownScope } from "./internal/scopes.ts"

/**
 * No token has this id.
 *
 * @since 0.1.0
 * @category errors
 */
export class TokenNotFound extends Schema.TaggedError<TokenNotFound>()("TokenNotFound", {
  id: Schema.String
}) {
  override get message() {
    return `Er is geen token met id ${this.id}: zie dvcc token list.`
  }
}

/**
 * A role and scope that do not go together, or a scope that names no gemeente or district of the region.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidToken extends Schema.TaggedError<InvalidToken>()("InvalidToken", {
  reason: Schema.String
}) {
  override get message() {
    return `Het token kan niet worden aangemaakt: ${this.reason}.`
  }
}

/**
 * A token as listed: never the token itself.
 *
 * @since 0.1.0
 * @category models
 */
export const TokenInfo = Schema.Struct({
  id: Schema.NonEmptyString,
  naam: Schema.NonEmptyString,
  rol: Access.Rol,
  scope: Schema.NullOr(Access.Scope),
  aangemaakt: Schema.String,
  ingetrokken: Schema.NullOr(Schema.String)
}).annotate({ identifier: "TokenInfo" })

/**
 * @since 0.1.0
 * @category models
 */
export type TokenInfo = typeof TokenInfo.Type

/**
 * What to create.
 *
 * @since 0.1.0
 * @category models
 */
export interface NewToken {
  readonly naam: string
  readonly rol: Access.Rol
  readonly scope: Access.Scope | null
}

/**
 * The SHA-256 of a token, hex: what the database keeps.
 *
 * @since 0.1.0
 * @category hashing
 */
export const hash = (token: string): string => createHash("sha256").update(token).digest("hex")

const Row = Schema.Struct({
  id: Schema.String,
  naam: Schema.String,
  rol: Schema.String,
  scope: Schema.NullOr(Schema.String),
  created_at: Schema.String,
  revoked_at: Schema.NullOr(Schema.String)
})

const decodeInfo = Schema.decodeUnknownEffect(TokenInfo)

const fromRow = (row: typeof Row.Type) =>
  decodeInfo({
    id: row.id,
    naam: row.naam,
    rol: row.rol,
    scope: row.scope === null ? null : JSON.parse(row.scope),
    aangemaakt: row.created_at,
    ingetrokken: row.revoked_at
  })

/**
 * @since 0.1.0
 * @category services
 */
export class Tokens extends Context.Service<
  Tokens,
  {
    /** Creates a token; the token is in the result once and nowhere else. Audited. */
    readonly create: (
      token: NewToken,
      actor: string
    ) => Effect.Effect<{ readonly info: TokenInfo; readonly token: string }, StoreError | InvalidToken>
    /** The principal of a valid, unrevoked token; `None` for anything else. */
    readonly verify: (token: string) => Effect.Effect<Option.Option<Access.Principal>, StoreError>
    /** All tokens, oldest first, revoked ones included. */
    readonly list: Effect.Effect<ReadonlyArray<TokenInfo>, StoreError>
    /** Revokes a token; revoking it again changes nothing. Audited. */
    readonly revoke: (id: string, actor: string) => Effect.Effect<TokenInfo, StoreError | TokenNotFound>
  }
>()("@dvcc/store/Tokens") {
  /**
   * Migrates the database on first use, then serves the tokens.
   *
   * @since 0.1.0
   * @category layers
   */
  static readonly layer = Layer.effect(
    Tokens,
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      yield* migrated
      const now = Effect.map(DateTime.now, DateTime.formatIso)
      const decodePrincipal = Schema.decodeUnknownEffect(Access.Principal)

      const audit = auditChange(sql, "tokens")

      const byId = (id: string) =>
        Effect.flatMap(
          sql<
            typeof Row.Type
          >`SELECT id, naam, rol, scope, created_at, revoked_at FROM tokens WHERE id = ${id}`,
          (rows) =>
            rows[0] === undefined ? Effect.succeed(Option.none()) : Effect.map(fromRow(rows[0]), Option.some)
        )

      const create = (token: NewToken, actor: string) =>
        Effect.gen(function* () {
          const principal = yield* decodePrincipal({ tokenId: "nieuw", ...token }).pipe(
            Effect.mapError((issue) => new InvalidToken({ reason: issue.message }))
          )
          if (principal.scope !== null) {
            // A scope must name a gemeente or district of the region now, not one that may appear later.
            const why = yield* unknownScope(sql, principal.scope)
            if (why !== undefined) return yield* new InvalidToken({ reason: why })
          }
          const id = randomBytes(6).toString("hex")
          // 256 bits from the operating system: a hash of it cannot be reversed, so SHA-256 suffices.
          const secret = `dvcc_${randomBytes(32).toString("base64url")}`
          const at = yield* now
          yield* sql`INSERT INTO tokens ${sql.insert({
            id,
            naam: principal.naam,
            rol: principal.rol,
            scope: principal.scope === null ? null : JSON.stringify(principal.scope),
            hash: hash(secret),
            created_at: at,
            revoked_at: null
          })}`
          const info: TokenInfo = {
            id,
            naam: principal.naam,
            rol: principal.rol,
            scope: principal.scope,
            aangemaakt: at,
            ingetrokken: null
          }
          yield* audit(id, "insert", null, info, actor)
          return { info, token: secret }
        }).pipe(
          sql.withTransaction,
          Effect.mapError((cause) =>
            cause._tag === "InvalidToken"
              ? cause
              : toStoreError(cause, "Het token kon niet worden opgeslagen")
          )
        )

      const verify = (token: string) =>
        Effect.gen(function* () {
          const rows = yield* sql<
            typeof Row.Type
          >`SELECT id, naam, rol, scope, created_at, revoked_at FROM tokens WHERE hash = ${hash(token)} AND revoked_at IS NULL`
          const row = rows[0]
          if (row === undefined) return Option.none<Access.Principal>()
          const info = yield* fromRow(row)
          return Option.some<Access.Principal>({
            tokenId: info.id,
            naam: info.naam,
            rol: info.rol,
            scope: info.scope
          })
        }).pipe(Effect.mapError((cause) => toStoreError(cause, "Het token kon niet worden gecontroleerd")))

      const list = Effect.flatMap(
        sql<
          typeof Row.Type
        >`SELECT id, naam, rol, scope, created_at, revoked_at FROM tokens ORDER BY created_at, id`,
        (rows) => Effect.forEach(rows, fromRow)
      ).pipe(Effect.mapError((cause) => toStoreError(cause, "De tokens konden niet worden gelezen")))

      const revoke = (id: string, actor: string) =>
        Effect.gen(function* () {
          const found = yield* byId(id)
          if (Option.isNone(found)) return yield* new TokenNotFound({ id })
          if (found.value.ingetrokken !== null) return found.value
          const at = yield* now
          yield* sql`UPDATE tokens SET revoked_at = ${at} WHERE id = ${id}`
          const after = { ...found.value, ingetrokken: at }
          yield* audit(id, "update", found.value, after, actor)
          return after
        }).pipe(
          sql.withTransaction,
          Effect.mapError((cause) =>
            cause._tag === "TokenNotFound"
              ? cause
              : toStoreError(cause, "Het token kon niet worden ingetrokken")
          )
        )

      return Tokens.of({ create, verify, list, revoke })
    })
  )
}

export { StoreError }
