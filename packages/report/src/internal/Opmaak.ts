/**
 * Dutch notation of the reports' numbers and published cells.
 */
import { Getal, type Informatiebeeld, Suppression } from "@dvcc/core"
import { esc } from "./Html.ts"

/** A count: `1.234`. */
export const aantal = (n: number): string => Getal.format(n, 0)

/** A rate per 10.000 inhabitants: `12,3`. */
export const perTienduizend = (n: number): string => Getal.format(n, 1)

/** A published cell as HTML: the number, `onbekend`, or the suppressed text marked as such. */
export const celHtml = (cel: Suppression.Cel, format: (n: number) => string): string =>
  cel === null
    ? "onbekend"
    : Suppression.isOnderdrukt(cel)
      ? `<span class="afgeschermd" title="${cel.reden === "klein-aantal" ? "afgeschermd: klein aantal" : "afgeschermd: zou een klein aantal verraden"}">${esc(cel.weergave)}</span>`
      : esc(format(cel))

/**
 * The format of a figure of `beeld`: as `format`, with `minstens` before it where the figure is the sum of
 * only the gemeenten with registrations (`beeld.dekking`), so it never reads as the area's total.
 */
export const formatVan =
  (beeld: Pick<Informatiebeeld.Informatiebeeld, "dekking">, format: (n: number) => string) =>
  (n: number): string =>
    beeld.dekking === null ? format(n) : `minstens ${format(n)}`

/** `regio Midden-Nederland (uit 6 van 38 gemeenten)` for a partial figure, else the name as it is. */
export const naamMetDekking = (
  naam: string,
  beeld: Pick<Informatiebeeld.Informatiebeeld, "dekking">
): string =>
  beeld.dekking === null
    ? naam
    : `${naam} (uit ${beeld.dekking.gemeenten} van ${beeld.dekking.van} gemeenten)`

/** A figure derived from a published cell (per 10.000, a change): `afgeschermd` with a hidden cell. */
export const afgeleidHtml = (cel: Suppression.Cel, format: (n: number) => string, onbekend = ""): string =>
  cel === null ? `onbekend${onbekend}` : Suppression.isOnderdrukt(cel) ? "afgeschermd" : esc(format(cel))

/** A cell whose number may be shown. */
export const isZichtbaar = (cel: Suppression.Cel): cel is number => typeof cel === "number"

/** `phishing` → `Phishing`. */
export const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)
