/**
 * Dutch notation of the reports' numbers and published cells.
 */
import { Getal, Suppression } from "@dvcc/core"
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

/** A figure derived from a published cell (per 10.000, a change): `afgeschermd` with a hidden cell. */
export const afgeleidHtml = (cel: Suppression.Cel, format: (n: number) => string, onbekend = ""): string =>
  cel === null ? `onbekend${onbekend}` : Suppression.isOnderdrukt(cel) ? "afgeschermd" : esc(format(cel))

/** A cell whose number may be shown. */
export const isZichtbaar = (cel: Suppression.Cel): cel is number => typeof cel === "number"

/** `phishing` → `Phishing`. */
export const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)
