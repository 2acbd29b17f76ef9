/**
 * The Metingen sheet: measurements of the year plans' indicators, one per indicator, periode and gebied. An
 * indicator is found by its id in any spelling; its year is the periode's, else the nearest earlier year
 * of that indicator.
 */
import { Geography } from "@dvcc/core"
import { matchKey } from "../../Contract.ts"
import { closest, display, type Reading, readDatum, readNumber } from "../../Values.ts"
import type { MakeReader, RowCells, Workbook } from "../row.ts"

export const metingen: MakeReader = (workbook: Workbook) => {
  const { dataset } = workbook
  const indicatorIds = new Map<string, Array<number>>()
  for (const indicator of dataset.indicatoren) {
    const key = matchKey(indicator.id)
    indicatorIds.set(key, [...(indicatorIds.get(key) ?? []), indicator.jaar])
  }
  const indicatorCandidates = [...new Set(dataset.indicatoren.map((i) => i.id))].map((id) => ({
    label: id,
    spellings: [id]
  }))

  const read = (row: RowCells) => {
    const indicator = row.read("indicator", (cell): Reading<string> => ({ _tag: "ok", value: display(cell) }))
    const periode = row.read("periode", row.periode)
    const where = row.gebied("gebied")
    const waarde = row.read("waarde", readNumber)
    const bron = row.label("bron")
    const toelichting = row.text("toelichting")
    const mijlpaal = row.text("mijlpaal")
    const peildatum = row.read("peildatum", readDatum)
    if (where !== null) row.inScope("gebied", where ?? Geography.regio)
    if (
      row.failed(indicator, periode, where, waarde, bron, peildatum) ||
      indicator == null ||
      periode == null ||
      waarde == null
    )
      return
    const jaren = indicatorIds.get(matchKey(indicator))
    const canonical = dataset.indicatoren.find((i) => matchKey(i.id) === matchKey(indicator))?.id
    if (jaren === undefined || canonical === undefined) {
      const suggestions = workbook.suggest("indicator", indicator, () =>
        closest(indicator, indicatorCandidates)
      )
      row.problem(
        row.mapping("indicator"),
        row.cell("indicator"),
        "onbekende-indicator",
        "de id van een indicator uit een jaarplan",
        `"${indicator}" is geen indicator van een jaarplan; bedoelt u ${suggestions.join(", ")}?`,
        suggestions
      )
      return
    }
    const year = Number(periode.slice(0, 4))
    const jaar = jaren.includes(year) ? year : Math.max(...jaren.filter((j) => j <= year), Math.min(...jaren))
    // What the dataset refuses when it is read back (core's Dataset check): refused at its cell here,
    // so that an import cannot leave a dataset nobody can load.
    const eenheid = dataset.indicatoren.find((i) => i.id === canonical && i.jaar === jaar)?.eenheid
    if (eenheid === "%" && waarde > 100) {
      row.problem(
        row.mapping("waarde"),
        row.cell("waarde"),
        "geen-percentage",
        "een percentage van 0 tot en met 100",
        `${waarde} is geen percentage: indicator ${canonical} telt in procenten, vul 0 tot en met 100 in.`
      )
      return
    }
    const regel = dataset.indicatoren.find((i) => i.id === canonical && i.jaar === jaar)?.regel
    const mijlpalen = regel?.soort === "mijlpalen" ? regel.mijlpalen.map((m) => m.id) : []
    if (mijlpaal != null && !mijlpalen.includes(mijlpaal)) {
      row.problem(
        row.mapping("mijlpaal"),
        row.cell("mijlpaal"),
        "onbekende-mijlpaal",
        mijlpalen.length === 0
          ? "leeg: deze indicator heeft geen mijlpalen"
          : `een van ${mijlpalen.join(", ")}`,
        mijlpalen.length === 0
          ? `indicator ${canonical} heeft geen mijlpalen: laat Mijlpaal leeg.`
          : `"${mijlpaal}" is geen mijlpaal van indicator ${canonical}; kies uit ${mijlpalen.join(", ")}.`
      )
      return
    }
    workbook.pending.metingen.push({
      sheet: row.sheet,
      row: row.number,
      record: {
        indicator: canonical,
        jaar,
        periode,
        gebied: where ?? { niveau: "regio" },
        waarde,
        // Empty is the programme's own records: for a KPI counted from the register, the register.
        bron:
          bron ??
          (dataset.indicatoren.find((i) => i.id === canonical && i.jaar === jaar)?.bron ===
          "activiteitenregister"
            ? "activiteitenregister"
            : "programma-administratie"),
        ...(mijlpaal == null ? {} : { mijlpaal }),
        ...(peildatum == null ? {} : { peildatum }),
        ...(toelichting == null ? {} : { toelichting })
      }
    })
  }

  return { read }
}
