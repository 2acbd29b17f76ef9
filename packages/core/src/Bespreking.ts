/**
 * A bespreking in de driehoek: an activity of soort `informatiebeeld-besproken-in-driehoek` that says which
 * informatiebeeld (period) was discussed, who took part, and the afspraken made (what, who, by when), each
 * open or afgerond. It closes the loop picture → bespreking → afspraken → KPI: the activity is counted by
 * the KPI that counts its soort, and its open afspraken are followed up.
 *
 * Every text and list is bounded; a decoding error names the field in Dutch.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Datum, Periode } from "./Periode.ts"

/** A trimmed, non-empty text of at most `max` characters, refused with a message naming `veld`. */
const tekst = (veld: string, max: number) =>
  Schema.String.pipe(
    Schema.check(
      Schema.makeFilter((s: string) =>
        s.trim() === ""
          ? `${veld} is leeg`
          : s.length > max
            ? `${veld} is langer dan ${max} tekens (${s.length})`
            : s !== s.trim()
              ? `${veld} begint of eindigt met spaties`
              : true
      )
    )
  ).annotate({ description: `${veld}, 1 tot ${max} tekens` })

/**
 * The most deelnemers and afspraken one bespreking holds, and the longest texts.
 *
 * @since 0.1.0
 * @category models
 */
export const limits = {
  deelnemers: 20,
  deelnemer: 100,
  afspraken: 50,
  wat: 500,
  wie: 200
} as const

/**
 * The id of an afspraak within its bespreking: `a1`, `a2`, … It stays with the afspraak through every
 * correction, so that it can be marked afgerond later; a new afspraak gets one past the highest (`nextId`).
 *
 * @since 0.1.0
 * @category models
 */
export const AfspraakId = Schema.String.pipe(
  Schema.check(
    Schema.makeFilter(
      (s: string) => /^a[1-9][0-9]{0,2}$/.test(s) || `"${s.slice(0, 20)}" is geen afspraak-id (a1, a2, …)`
    )
  )
).annotate({ identifier: "AfspraakId", description: "a1, a2, … within the bespreking" })

/**
 * @since 0.1.0
 * @category models
 */
export const AfspraakStatus = Schema.Literals(["open", "afgerond"]).annotate({ identifier: "AfspraakStatus" })

/**
 * @since 0.1.0
 * @category models
 */
export type AfspraakStatus = typeof AfspraakStatus.Type

/**
 * One afspraak: what (`wat`), who does it (`wie`), by when (`uiterlijk`, optional), and whether it is
 * done: `afgerond` with the date (`afgerondOp`), else `open` without one.
 *
 * @since 0.1.0
 * @category models
 */
export const Afspraak = Schema.Struct({
  id: AfspraakId,
  wat: tekst("wat (de afspraak)", limits.wat),
  wie: tekst("wie (wie de afspraak uitvoert)", limits.wie),
  uiterlijk: Schema.optionalKey(Datum),
  status: AfspraakStatus,
  afgerondOp: Schema.optionalKey(Datum)
})
  .check(
    Schema.makeFilter((a) =>
      a.status === "afgerond" && a.afgerondOp === undefined
        ? { path: ["afgerondOp"], issue: `afspraak ${a.id} is afgerond maar afgerondOp ontbreekt` }
        : a.status === "open" && a.afgerondOp !== undefined
          ? { path: ["afgerondOp"], issue: `afspraak ${a.id} is open en heeft toch een datum afgerondOp` }
          : true
    )
  )
  .annotate({ identifier: "Afspraak" })

/**
 * @since 0.1.0
 * @category models
 */
export type Afspraak = typeof Afspraak.Type

/**
 * The bespreking of one informatiebeeld in de driehoek.
 *
 * @since 0.1.0
 * @category models
 */
export const Bespreking = Schema.Struct({
  /** The period of the informatiebeeld that was discussed, e.g. `2025-Q4`. */
  informatiebeeld: Periode,
  /** Who took part: "burgemeester", "politie basisteam", "OM" … */
  deelnemers: Schema.Array(tekst("deelnemer", limits.deelnemer)).check(
    Schema.makeFilter(
      (d: ReadonlyArray<string>) =>
        d.length <= limits.deelnemers || `deelnemers: meer dan ${limits.deelnemers} (${d.length})`
    )
  ),
  afspraken: Schema.Array(Afspraak).check(
    Schema.makeFilter((afspraken: ReadonlyArray<{ readonly id: string }>) => {
      if (afspraken.length > limits.afspraken)
        return `afspraken: meer dan ${limits.afspraken} (${afspraken.length})`
      const seen = new Set<string>()
      for (const [i, a] of afspraken.entries()) {
        if (seen.has(a.id))
          return { path: [i, "id"], issue: `afspraak-id ${a.id} staat twee keer in de bespreking` }
        seen.add(a.id)
      }
      return true
    })
  )
}).annotate({ identifier: "Bespreking" })

/**
 * @since 0.1.0
 * @category models
 */
export type Bespreking = typeof Bespreking.Type

/**
 * The activity soort a bespreking belongs to.
 *
 * @since 0.1.0
 * @category models
 */
export const soort = "informatiebeeld-besproken-in-driehoek" as const

/**
 * The id for the next new afspraak of `afspraken` (`offset` more for the second, third … new one at once):
 * one past the highest, so that it is none of theirs.
 *
 * @since 0.1.0
 * @category constructors
 */
export const nextId = (afspraken: ReadonlyArray<{ readonly id: string }>, offset = 0): string => {
  const highest = afspraken.reduce((n, a) => Math.max(n, Number(a.id.slice(1)) || 0), 0)
  return `a${highest + 1 + offset}`
}

/**
 * The bespreking with afspraak `id` marked afgerond on `op`; `undefined` when it has no such afspraak.
 * An afspraak already afgerond keeps its date.
 *
 * @since 0.1.0
 * @category combinators
 */
export const afronden = (bespreking: Bespreking, id: string, op: Datum): Bespreking | undefined => {
  if (!bespreking.afspraken.some((a) => a.id === id)) return undefined
  return {
    ...bespreking,
    afspraken: bespreking.afspraken.map((a) =>
      a.id === id && a.status === "open" ? { ...a, status: "afgerond" as const, afgerondOp: op } : a
    )
  }
}

/**
 * Whether an open afspraak is te laat on `vandaag`: its `uiterlijk` has passed.
 *
 * @since 0.1.0
 * @category predicates
 */
export const teLaat = (afspraak: Afspraak, vandaag: Datum): boolean =>
  afspraak.status === "open" && afspraak.uiterlijk !== undefined && afspraak.uiterlijk < vandaag

/**
 * An open afspraak with the bespreking it belongs to.
 *
 * @since 0.1.0
 * @category models
 */
export interface OpenAfspraak {
  readonly activiteit: string
  readonly gemeente: string | null
  readonly datum: Datum
  readonly informatiebeeld: Periode
  readonly afspraak: Afspraak
  readonly teLaat: boolean
}

/**
 * The open afspraken of `activiteiten` on `vandaag`, the ones te laat first, then by uiterlijk (none last),
 * datum and id.
 *
 * @since 0.1.0
 * @category combinators
 */
export const open = (
  activiteiten: ReadonlyArray<{
    readonly id: string
    readonly gemeente: string | null
    readonly datum: Datum
    readonly bespreking?: Bespreking | undefined
  }>,
  vandaag: Datum
): ReadonlyArray<OpenAfspraak> => {
  const out: Array<OpenAfspraak> = []
  for (const a of activiteiten) {
    if (a.bespreking === undefined) continue
    for (const afspraak of a.bespreking.afspraken) {
      if (afspraak.status !== "open") continue
      out.push({
        activiteit: a.id,
        gemeente: a.gemeente,
        datum: a.datum,
        informatiebeeld: a.bespreking.informatiebeeld,
        afspraak,
        teLaat: teLaat(afspraak, vandaag)
      })
    }
  }
  const key = (o: OpenAfspraak) => o.afspraak.uiterlijk ?? "9999-12-31"
  return out.sort(
    (x, y) =>
      Number(y.teLaat) - Number(x.teLaat) ||
      key(x).localeCompare(key(y)) ||
      x.datum.localeCompare(y.datum) ||
      x.activiteit.localeCompare(y.activiteit) ||
      x.afspraak.id.localeCompare(y.afspraak.id, "en", { numeric: true })
  )
}
