/**
 * Small district workbooks for the import tests: police registrations of 2025-Q1 for the gemeenten named,
 * uploaded as `multipart/form-data` the way a client would.
 */
import { Contract, Voorbeeld } from "@dvcc/excel"

/** A Registraties sheet with one phishing row per gemeente (name or CBS code), and `meldingen` as given. */
export const registraties = (gemeenten: ReadonlyArray<string>, meldingen = 7): Promise<Buffer> =>
  Voorbeeld.contractWorkbook([
    {
      sheet: Contract.registraties,
      rows: gemeenten.map((gebied) => ({
        periode: "2025-Q1",
        gebied,
        delict: Contract.labelOf("delict", "phishing"),
        aangiften: 11,
        meldingen
      }))
    }
  ])

/** The upload of a workbook: the `bestand` field the endpoint reads. */
export const upload = (bytes: Uint8Array, name = "district.xlsx"): FormData => {
  const form = new FormData()
  form.set("bestand", new File([new Uint8Array(bytes)], name))
  return form
}
