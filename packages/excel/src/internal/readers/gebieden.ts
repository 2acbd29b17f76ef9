/**
 * The Gebieden sheet: per gemeente its police district and basisteam and its inhabitants on a peildatum
 * (only a beheerder imports it).
 */
import { readDatum, readInteger } from "../../Values.ts"
import type { MakeReader, RowCells, Workbook } from "../row.ts"

export const gebieden: MakeReader = (workbook: Workbook) => ({
  read: (row: RowCells) => {
    const code = row.gemeente("gemeente")
    const district = row.text("district")
    const basisteam = row.text("basisteam")
    const inwoners = row.read("inwoners", (cell) => {
      const reading = readInteger(cell)
      return reading._tag === "ok" && reading.value === 0
        ? { _tag: "invalid", code: "nul-inwoners", expected: "een aantal inwoners groter dan 0" }
        : reading
    })
    const peildatum = row.read("peildatum", readDatum)
    if (inwoners != null && peildatum === undefined) {
      row.problem(
        row.mapping("peildatum") ?? row.mapping("inwoners"),
        { _tag: "empty" },
        "peildatum-ontbreekt",
        "de peildatum van het aantal inwoners",
        "het aantal inwoners heeft geen peildatum; vul de peildatum in."
      )
    }
    if (code != null) row.inScope("gemeente", { niveau: "gemeente", code })
    if (row.failed(code, district, basisteam, inwoners, peildatum) || code == null) return
    workbook.pending.gebieden.push({
      sheet: row.sheet,
      row: row.number,
      record: {
        gemeente: code,
        ...(district == null ? {} : { district }),
        ...(basisteam == null ? {} : { basisteam }),
        ...(inwoners == null ? {} : { inwoners }),
        ...(peildatum == null ? {} : { peildatum })
      }
    })
  }
})
