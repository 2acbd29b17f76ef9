/**
 * The Activiteiten sheet: the programme's activity register, one activity per row. A row of the soort
 * "informatiebeeld besproken in de driehoek" may carry the bespreking: the informatiebeeld discussed, the
 * participants and the agreements made.
 */
import { Bespreking } from "@dvcc/core"
import { Result } from "effect"
import { readDatum, readInteger, readText } from "../../Values.ts"
import * as Afspraken from "../afspraken.ts"
import type { MakeReader, RowCells, Workbook } from "../row.ts"

/**
 * The bespreking in de driehoek of an Activiteiten row: `undefined` when its columns are empty, `null`
 * after a problem at the cell (also when the soort is another).
 */
const besprekingOf = (row: RowCells, soort: string | null | undefined) => {
  const informatiebeeld = row.read("informatiebeeld", row.periode)
  const deelnemers = row.text("deelnemers")
  // One afspraak per line: the lines of a text cell are kept (readText makes one line of them).
  const afspraken = row.text("afspraken", (cell) =>
    cell._tag === "text" && /\n/.test(cell.value) ? { _tag: "ok", value: cell.value } : readText(cell)
  )
  if (informatiebeeld === null || deelnemers === null || afspraken === null) return null
  if (informatiebeeld === undefined && deelnemers === undefined && afspraken === undefined) return undefined
  const field =
    informatiebeeld !== undefined ? "informatiebeeld" : deelnemers !== undefined ? "deelnemers" : "afspraken"
  if (soort !== Bespreking.soort) {
    if (soort == null) return null
    row.problem(
      row.mapping(field),
      row.cell(field),
      "geen-bespreking",
      "een lege cel bij deze soort",
      "informatiebeeld, deelnemers en afspraken horen alleen bij de soort ‘informatiebeeld besproken in de driehoek’; kies die soort of maak deze cellen leeg."
    )
    return null
  }
  if (informatiebeeld === undefined) {
    row.problem(
      row.mapping("informatiebeeld"),
      row.cell("informatiebeeld"),
      "verplicht",
      "de periode van het besproken informatiebeeld",
      "is leeg; vul bij een bespreking in de driehoek in welk informatiebeeld is besproken, bijvoorbeeld 2025-Q4."
    )
    return null
  }
  const parsedAfspraken = afspraken === undefined ? Result.succeed([]) : Afspraken.parseAfspraken(afspraken)
  if (Result.isFailure(parsedAfspraken)) {
    row.problem(
      row.mapping("afspraken"),
      row.cell("afspraken"),
      "ongeldige-afspraak",
      "één afspraak per regel: wat; wie",
      `${parsedAfspraken.failure}`
    )
    return null
  }
  const result = Afspraken.checked({
    informatiebeeld,
    deelnemers: deelnemers === undefined ? [] : Afspraken.parseDeelnemers(deelnemers),
    afspraken: parsedAfspraken.success
  })
  if (Result.isFailure(result)) {
    const at = /deelnemer/.test(result.failure) ? "deelnemers" : "afspraken"
    row.problem(
      row.mapping(at),
      row.cell(at),
      "ongeldige-bespreking",
      "een bespreking binnen de grenzen",
      `${result.failure}.`
    )
    return null
  }
  return result.success
}

export const activiteiten: MakeReader = (workbook: Workbook) => ({
  read: (row: RowCells) => {
    const datum = row.read("datum", readDatum)
    const code = row.gemeente("gemeente")
    const soort = row.label("soort")
    const actie = row.read("actie", readInteger)
    const doelgroep = row.label("doelgroep")
    const bereik = row.read("bereik", readInteger)
    const omschrijving = row.text("omschrijving")
    const bespreking = besprekingOf(row, soort)
    if (code != null) row.inScope("gemeente", { niveau: "gemeente", code })
    if (
      row.failed(datum, code, soort, actie, doelgroep, bereik, bespreking) ||
      datum == null ||
      code == null ||
      soort == null
    )
      return
    workbook.pending.activiteiten.push({
      sheet: row.sheet,
      row: row.number,
      record: {
        datum,
        gemeente: code,
        soort,
        ...(actie == null ? {} : { actie }),
        ...(doelgroep == null ? {} : { doelgroep }),
        ...(bereik == null ? {} : { bereik }),
        ...(omschrijving == null ? {} : { omschrijving }),
        ...(bespreking == null ? {} : { bespreking })
      }
    })
  }
})
