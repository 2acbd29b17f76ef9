/**
 * Who may do what: the four roles of the API tokens (`beheerder`, `programma`, `district`, `gemeente`),
 * the actions they may take, the kinds of data they may write, and what a principal may see in detail
 * (`Visibility`). Pure rules: the API guards its routes with `allows`, the store narrows its queries and
 * checks the records it changes with the principal's `visibility`, and an import or undo needs `mayWrite`
 * for every kind of data it changes.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { CbsCode, type District, type Gemeente, type Regio } from "./Geography.ts"

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

/** What the `district` and `gemeente` roles may do, each within its own gemeenten. */
const scopedActions: ReadonlyArray<Actie> = [
  "programma:lezen",
  "activiteiten:lezen",
  "activiteiten:schrijven",
  "registraties:lezen",
  "gebieden:lezen",
  "informatiebeeld:lezen",
  "imports:lezen",
  "imports:schrijven"
]

/**
 * The role × action matrix. `programma:lezen` covers the DIN, the year plans, actions, indicators and the
 * computed progress: the regional aggregates every role may read. District and gemeente actions on
 * detailed data are further narrowed to their `visibility`; what an import may write, by `mayWrite`.
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
  // On their own gemeenten only; what each may write differs (`writes`): a gemeente its own activities (a
  // driehoek discussion of the informatiebeeld among them), by request or by an Activiteiten-only workbook.
  district: scopedActions,
  gemeente: scopedActions
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
 * What a principal may see in detail, as every query needs it: `alles` (the region-wide roles, the CLI),
 * or only the rows about these gemeenten (may be empty: aggregates only). Rows about the region, a
 * district or a basisteam (aggregates) are visible to everyone. `Scope` is what a token names (a
 * gemeente or a district); its `Visibility` is what that comes to in the geography of today.
 *
 * @since 0.1.0
 * @category models
 */
export const Visibility = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("alles") }),
  Schema.Struct({ kind: Schema.Literal("gemeenten"), gemeenten: Schema.Array(CbsCode) })
]).annotate({ identifier: "Visibility" })

/**
 * @since 0.1.0
 * @category models
 */
export type Visibility = typeof Visibility.Type

/**
 * Every gemeente.
 *
 * @since 0.1.0
 * @category constructors
 */
export const everything: Visibility = { kind: "alles" }

/**
 * Only these gemeenten, checked as CBS codes (throws on a code that is none: visibilities come from
 * checked tokens or code, not from user input; decode user input with the `Visibility` schema).
 *
 * @since 0.1.0
 * @category constructors
 */
export const onlyGemeenten = (codes: Iterable<string>): Visibility => ({
  kind: "gemeenten",
  gemeenten: [...new Set(codes)].map((code) => Schema.decodeUnknownSync(CbsCode)(code))
})

/**
 * Whether `visibility` may see a row about `gemeente`; `null` (a row about the region, a district or a
 * basisteam) is always visible.
 *
 * @since 0.1.0
 * @category rules
 */
export const sees = (visibility: Visibility, gemeente: string | null | undefined): boolean =>
  visibility.kind === "alles" ||
  gemeente === null ||
  gemeente === undefined ||
  visibility.gemeenten.includes(gemeente as CbsCode)

/**
 * What `principal` may see in detail, over the region's gemeenten as they are grouped now: everything for
 * the region-wide roles, else its gemeente or the gemeenten of its district (none when its scope names
 * nothing in the region).
 *
 * @since 0.1.0
 * @category rules
 */
export const visibility = (
  principal: Pick<Principal, "rol" | "scope">,
  gemeenten: ReadonlyArray<Pick<Gemeente, "code" | "district">>
): Visibility => {
  const { scope } = principal
  if (scope === null)
    return principal.rol === "beheerder" || principal.rol === "programma"
      ? everything
      : { kind: "gemeenten", gemeenten: [] }
  if (scope.niveau === "gemeente")
    return {
      kind: "gemeenten",
      gemeenten: gemeenten.some((g) => g.code === scope.code) ? [scope.code] : []
    }
  return { kind: "gemeenten", gemeenten: gemeenten.filter((g) => g.district === scope.id).map((g) => g.code) }
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
): boolean => sees(visibility(principal, regio.gemeenten), code)

/**
 * Why a token's scope names nothing the region knows, naming what it does know; `undefined` when it
 * names one of its gemeenten (by CBS code) or districts (by id). A token for an unknown scope is refused,
 * not kept until such a gemeente or district appears.
 *
 * @since 0.1.0
 * @category rules
 */
export const unknownScope = (
  scope: Scope,
  regio: {
    readonly gemeenten: ReadonlyArray<Pick<Gemeente, "code" | "naam">>
    readonly districten: ReadonlyArray<District>
  }
): string | undefined => {
  if (scope.niveau === "gemeente") {
    if (regio.gemeenten.some((g) => g.code === scope.code)) return undefined
    return `${scope.code} is geen gemeente van de regio; bekende gemeenten: ${regio.gemeenten.map((g) => `${g.code} (${g.naam})`).join(", ")}`
  }
  if (regio.districten.some((d) => d.id === scope.id)) return undefined
  return regio.districten.length === 0
    ? `district ${scope.id} is onbekend: de regio kent nog geen districten (een beheerder zet ze met een Gebieden-blad of PATCH /api/v1/gebieden/{code})`
    : `district ${scope.id} is onbekend; bekende districten: ${regio.districten.map((d) => `${d.id} (${d.naam})`).join(", ")}`
}

/**
 * The kinds of data a write changes: what a workbook sheet or an import's changes are about.
 *
 * @since 0.1.0
 * @category models
 */
export const Gegevens = Schema.Literals([
  "activiteiten",
  "registraties",
  "metingen",
  "gebieden",
  "programma"
]).annotate({
  identifier: "Gegevens"
})

/**
 * @since 0.1.0
 * @category models
 */
export type Gegevens = typeof Gegevens.Type

/**
 * Which kinds of data each role may write, by any route (a request, an import, an undo). The geography
 * decides what district tokens see, so only the beheerder changes it; the programme itself (its DIN per
 * strategy period, year plans and indicators: the programme workbook) only the beheerder and the programme;
 * a gemeente records its own activities and nothing else.
 *
 * @since 0.1.0
 * @category rules
 */
export const writes: Record<Rol, ReadonlyArray<Gegevens>> = {
  beheerder: Gegevens.literals,
  programma: ["activiteiten", "registraties", "metingen", "programma"],
  district: ["activiteiten", "registraties", "metingen"],
  gemeente: ["activiteiten"]
}

/**
 * Whether `principal` may write data of kind `gegevens` (its scope aside).
 *
 * @since 0.1.0
 * @category rules
 */
export const mayWrite = (principal: Pick<Principal, "rol">, gegevens: Gegevens): boolean =>
  writes[principal.rol].includes(gegevens)

/**
 * Whether `principal`, seeing `visibility`, may undo an import that changed `changed` (each a kind of data
 * and the gemeente of the row, `null` for a row about the region, a district or a basisteam): undoing
 * changes all of them again, so it needs the right to write every one. A scoped principal writes rows about
 * its own gemeenten only, so it may undo only an import that changed such rows and nothing else.
 *
 * @since 0.1.0
 * @category rules
 */
export const mayUndo = (
  principal: Pick<Principal, "rol">,
  visibility: Visibility,
  changed: ReadonlyArray<{ readonly gegevens: Gegevens; readonly gemeente: string | null }>
): boolean => {
  if (!changed.every((c) => mayWrite(principal, c.gegevens))) return false
  if (visibility.kind === "alles") return true
  return (
    changed.length > 0 &&
    changed.every((c) => c.gemeente !== null && visibility.gemeenten.includes(c.gemeente as CbsCode))
  )
}

/**
 * Whether the principal sees aggregates only (small numbers are suppressed for them).
 *
 * @since 0.1.0
 * @category rules
 */
export const isLocalAudience = (principal: Pick<Principal, "rol">): boolean =>
  principal.rol === "district" || principal.rol === "gemeente"
