/**
 * What a principal may see in detail (`Access.Visibility`), from the role and scope of its token over the
 * region's gemeenten as the database groups them now: a district token follows its district's gemeenten.
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
