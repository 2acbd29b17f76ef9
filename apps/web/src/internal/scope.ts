/**
 * What a signed-in principal may see in detail (`Access.Visibility`), over the region's gemeenten as the
 * database groups them now, as the API's routes compute it for a token (apps/api/src/routes/Scope.ts): the
 * rule is `Access.visibility`, this only feeds it the geography.
 */
import { Access } from "@dvcc/core"
import { Gebieden } from "@dvcc/store"
import { Effect } from "effect"

export const storeScope = (principal: Access.Principal) =>
  Effect.gen(function* () {
    if (principal.scope === null) return Access.visibility(principal, [])
    const gemeenten = (yield* (yield* Gebieden.Gebieden).list()).map((r) => r.gemeente)
    return Access.visibility(principal, gemeenten)
  })
