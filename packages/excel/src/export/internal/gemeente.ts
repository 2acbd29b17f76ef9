/**
 * Finding a gemeente of the region by what a user typed (CBS code or name), with the closest valid ones
 * when nothing matches.
 */
import type { Geography } from "@dvcc/core"
import { matchKey } from "../../Contract.ts"
import { distance } from "../../Values.ts"

export type Lookup =
  | { readonly _tag: "Found"; readonly gemeente: Geography.Gemeente }
  | { readonly _tag: "NotFound"; readonly closest: ReadonlyArray<Geography.Gemeente> }

/**
 * The gemeente `text` names (code or name, case, accents and spaces ignored), or the three closest.
 *
 * @since 0.1.0
 * @category lookups
 */
export const findGemeente = (regio: Geography.Regio, text: string): Lookup => {
  const key = matchKey(text)
  const found = regio.gemeenten.find((g) => matchKey(g.code) === key || matchKey(g.naam) === key)
  if (found !== undefined) return { _tag: "Found", gemeente: found }
  const scored = regio.gemeenten.map((g) => ({
    g,
    score: Math.min(distance(key, matchKey(g.code)), distance(key, matchKey(g.naam)))
  }))
  scored.sort((a, b) => a.score - b.score || a.g.naam.localeCompare(b.g.naam, "nl"))
  return { _tag: "NotFound", closest: scored.slice(0, 3).map((s) => s.g) }
}

/** `GM0344 Utrecht, GM0345 Veenendaal`. */
export const describeGemeenten = (gemeenten: ReadonlyArray<Geography.Gemeente>): string =>
  gemeenten.map((g) => `${g.code} ${g.naam}`).join(", ")
