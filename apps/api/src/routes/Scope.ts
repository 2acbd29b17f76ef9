/**
 * The store scope of a principal: which gemeenten it may see in detail, from the role and scope of its
 * token (`Access.gemeentenInScope`) over the region's gemeenten as the database holds them now.
 */
import { Access, type Geography } from "@dvcc/core"
import { Gebieden, Scope } from "@dvcc/store"
import { Effect } from "effect"

export const storeScope = (principal: Access.Principal) =>
  Effect.gen(function* () {
    if (principal.scope === null && (principal.rol === "beheerder" || principal.rol === "programma"))
      return Scope.alles
    const gemeenten = (yield* (yield* Gebieden.Gebieden).list()).map((r) => r.gemeente)
    const regio = { naam: "", districten: [], basisteams: [], gemeenten } as unknown as Geography.Regio
    const codes = Access.gemeentenInScope(principal, regio)
    return codes === "alle" ? Scope.alles : Scope.gemeenten(codes)
  })
