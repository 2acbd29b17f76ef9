/**
 * What the tests of the pages that write share: workbooks in the contract's layout, and a multipart
 * upload with the browser client's cookies and CSRF token.
 */
import { Contract, Voorbeeld } from "@dvcc/excel"
import type { client } from "./fixture.ts"

/** An Activiteiten sheet with one row per gemeente (by name). */
export const activiteiten = (gemeenten: ReadonlyArray<string>, suffix = "") =>
  Voorbeeld.contractWorkbook([
    {
      sheet: Contract.activiteiten,
      rows: gemeenten.map((gemeente, i) => ({
        datum: `2026-04-0${i + 1}`,
        gemeente,
        soort: Contract.labelOf("activiteitSoort", "kennisbijeenkomst"),
        omschrijving: `werkmap ${gemeente} ${i}${suffix}`
      }))
    }
  ])

/** A Gebieden sheet: the beheerder's alone. */
export const gebieden = () =>
  Voorbeeld.contractWorkbook([
    { sheet: Contract.gebieden, rows: [{ gemeente: "Amersfoort", district: "Eigen district" }] }
  ])

/** Posts `bytes` as the form of `/import` does. */
export const upload = async (
  browser: ReturnType<typeof client>,
  bytes: Uint8Array,
  name = "werkmap.xlsx",
  csrf?: string
) => {
  const form = new FormData()
  form.set("_csrf", csrf ?? (await browser.csrfOf("/import")))
  form.set("bestand", new File([bytes as Uint8Array<ArrayBuffer>], name))
  return browser.request("/import", { method: "POST", body: form })
}

/** A Metingen sheet with one measurement of `indicator` for the region. */
export const metingen = (indicator: string, waarde: number) =>
  Voorbeeld.contractWorkbook([
    { sheet: Contract.metingen, rows: [{ indicator, periode: "2026-Q2", gebied: "regio", waarde, bron: "" }] }
  ])
