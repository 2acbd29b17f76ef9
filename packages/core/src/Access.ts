/**
 * Who may do what: the four roles of the API tokens (`beheerder`, `programma`, `district`, `gemeente`),
 * the actions they may take, and the gemeenten a scoped principal may see in detail. Pure rules: the API
 * guards its routes with `allows`, the store narrows its queries with `gemeentenInScope`.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { CbsCode, type Regio } from "./Geography.ts"

/**
 * @since 0.1.0
 * @category models
 */
export const Rol = Schema.Literals(["beheerder", "programma", "district", "gemeente"]).annotate({
  identifier: "Rol"
})

/**
 * @since 0.1.0
 * @category models
 */
export type Rol = typeof Rol.Type

/**
 * What a `district` or `gemeente` token is limited to: one gemeente (CBS code) or one district (its id).
 *
 * @since 0.1.0
 * @category models
 */
export const Scope = Schema.Union([
  Schema.Struct({ niveau: Schema.Literal("gemeente"), code: CbsCode }),
  Schema.Struct({ niveau: Schema.Literal("district"), id: Schema.NonEmptyString })
]).annotate({ identifier: "Scope" })

/**
 * @since 0.1.0
 * @category models
 */
export type Scope = typeof Scope.Type

/**
 * Reads a scope as people write it on the command line: `GM0344` is a gemeente, anything else a district.
 *
 * @since 0.1.0
 * @category constructors
 */
export const parseScope = (text: string): Scope =>
  /^GM\d{4}$/.test(text) ? { niveau: "gemeente", code: text as CbsCode } : { niveau: "district", id: text }

/**
 * The scope as people write it: `GM0344` or the district id.
 *
 * @since 0.1.0
 * @category formatting
 */
export const scopeLabel = (scope: Scope): string => (scope.niveau === "gemeente" ? scope.code : scope.id)

/**
 * Everything the API lets someone do, one name per kind of request.
 *
 * @since 0.1.0
 * @category models
 */
export const Actie = Schema.Literals([
  "programma:lezen",
  "programma:schrijven",
  "metingen:schrijven",
  "audit:lezen",
  "activiteiten:lezen",
  "activiteiten:schrijven",
  "registraties:lezen",
  "gebieden:lezen",
  "gebieden:schrijven",
  "informatiebeeld:lezen",
  "imports:lezen",
  "imports:schrijven",
  "tokens:beheren"
])

/**
 * @since 0.1.0
 * @category models
 */
export type Actie = typeof Actie.Type

/**
 * The role × action matrix. `programma:lezen` covers the DIN, the year plans, actions, indicators and the
 * computed progress: the regional aggregates every role may read. District and gemeente actions on
 * detailed data are further narrowed to their scope by `gemeentenInScope`.
 *
 * @since 0.1.0
 * @category rules
 */
export const matrix: Record<Rol, ReadonlyArray<Actie>> = {
  beheerder: Actie.literals,
  programma: [
    "programma:lezen",
    "programma:schrijven",
    "metingen:schrijven",
    "audit:lezen",
    "activiteiten:lezen",
    "registraties:lezen",
    "gebieden:lezen",
    "informatiebeeld:lezen",
    "imports:lezen",
    "imports:schrijven"
  ],
  district: [
    "programma:lezen",
    "activiteiten:lezen",
    "activiteiten:schrijven",
    "registraties:lezen",
    "gebieden:lezen",
    "informatiebeeld:lezen",
    "imports:lezen",
    "imports:schrijven"
  ],
  gemeente: ["programma:lezen", "activiteiten:lezen", "gebieden:lezen", "informatiebeeld:lezen"]
}

/**
 * Who is asking: the token's id and name (never the token itself), its role and, for `district` and
 * `gemeente`, its scope.
 *
 * @since 0.1.0
 * @category models
 */
export const Principal = Schema.Struct({
  tokenId: Schema.NonEmptyString,
  naam: Schema.NonEmptyString,
  rol: Rol,
  scope: Schema.NullOr(Scope)
})
  .check(
    Schema.makeFilter((p) => {
      const scoped = p.rol === "district" || p.rol === "gemeente"
      if (scoped && p.scope === null) return `een ${p.rol}-token heeft een scope nodig`
      if (!scoped && p.scope !== null) return `een ${p.rol}-token heeft geen scope`
      if (p.rol === "gemeente" && p.scope?.niveau === "district")
        return "een gemeente-token heeft een gemeente (GM….) als scope"
      if (p.rol === "district" && p.scope?.niveau === "gemeente")
        return "een district-token heeft een district als scope"
      return true
    })
  )
  .annotate({ identifier: "Principal" })

/**
 * @since 0.1.0
 * @category models
 */
export type Principal = typeof Principal.Type

/**
 * Whether `principal` may take `actie` at all (scope aside).
 *
 * @since 0.1.0
 * @category rules
 */
export const allows = (principal: Pick<Principal, "rol">, actie: Actie): boolean =>
  matrix[principal.rol].includes(actie)

/**
 * The gemeenten whose detail `principal` may see: `"alle"` for the region-wide roles, else the CBS codes
 * of its gemeente or of the gemeenten of its district (empty when the scope names nothing in the region).
 *
 * @since 0.1.0
 * @category rules
 */
export const gemeentenInScope = (
  principal: Pick<Principal, "rol" | "scope">,
  regio: Regio
): "alle" | ReadonlyArray<CbsCode> => {
  const { scope } = principal
  if (scope === null) return principal.rol === "beheerder" || principal.rol === "programma" ? "alle" : []
  if (scope.niveau === "gemeente")
    return regio.gemeenten.some((g) => g.code === scope.code) ? [scope.code] : []
  return regio.gemeenten.filter((g) => g.district === scope.id).map((g) => g.code)
}

/**
 * Whether `principal` may see the detail of gemeente `code`.
 *
 * @since 0.1.0
 * @category rules
 */
export const maySeeGemeente = (
  principal: Pick<Principal, "rol" | "scope">,
  regio: Regio,
  code: string
): boolean => {
  const scope = gemeentenInScope(principal, regio)
  return scope === "alle" || scope.some((c) => c === code)
}

/**
 * Whether the principal sees aggregates only (small numbers are suppressed for them).
 *
 * @since 0.1.0
 * @category rules
 */
export const isLocalAudience = (principal: Pick<Principal, "rol">): boolean =>
  principal.rol === "district" || principal.rol === "gemeente"
