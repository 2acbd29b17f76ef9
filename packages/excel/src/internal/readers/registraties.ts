/**
 * The Registraties sheet: police figures, one row per periode, gebied and delict. A row repeating the key
 * of an earlier one (on any sheet of the workbook) is a `dubbel` problem naming it; after the last sheet,
 * a period that stands apart from the rest is a warning.
 */
import { type Geography, Periode, Registration } from "@dvcc/core"
import { labelLists } from "../../Contract.ts"
import { readInteger, readMoney } from "../../Values.ts"
import type { MakeReader, RowCells, Workbook } from "../row.ts"

/**
 * The keys of the registrations read so far (periode, gebied, delict), each with where it was first read.
 * A key is one number, not a string per row (that would be most of the heap that lives through a
 * 200,000-row import): the periode's id (in order of first appearance) times the number of gebied–delict
 * pairs, plus the gebied's index among every area the region can name (each gemeente, basisteam and
 * district, and the regio) times the number of delict types, plus the delict's index. The counts are the
 * region's and the delict list's, so the key holds for a region of any size; it stays an exact integer
 * while periodes × areas × delicts is below 2^53 (a million rows over a million areas of 50 delict types
 * is 5·10^13).
 */
class RegistrationKeys {
  private readonly periodes = new Map<string, number>()
  private readonly gebieden = new Map<string, number>()
  private readonly delicten = new Map<string, number>()
  private readonly seen = new Map<number, number>()
  constructor(regio: Geography.Regio) {
    const gebieden = [
      "regio",
      ...regio.districten.map((d) => `district:${d.id}`),
      ...regio.basisteams.map((b) => `basisteam:${b.id}`),
      ...regio.gemeenten.map((g) => g.code as string)
    ]
    for (const key of gebieden) if (!this.gebieden.has(key)) this.gebieden.set(key, this.gebieden.size)
    for (const { value } of labelLists.delict) this.delicten.set(value, this.delicten.size)
  }
  /** The key of a row whose gebied the region names and whose delict the list holds (as the readers check). */
  key(periode: Periode.Periode, gebied: Geography.Gebied, delict: string): number {
    const area =
      gebied.niveau === "gemeente"
        ? gebied.code
        : gebied.niveau === "regio"
          ? "regio"
          : `${gebied.niveau}:${gebied.id}`
    const a = this.gebieden.get(area)
    const d = this.delicten.get(delict)
    if (a === undefined || d === undefined) throw new Error(`geen sleutel voor ${area} en ${delict}`)
    let p = this.periodes.get(periode)
    if (p === undefined) {
      p = this.periodes.size
      this.periodes.set(periode, p)
    }
    return (p * this.gebieden.size + a) * this.delicten.size + d
  }
  get(key: number): number | undefined {
    return this.seen.get(key)
  }
  set(key: number, at: number): void {
    this.seen.set(key, at)
  }
}

/** A sheet index and row number in one number (a sheet has at most 1,048,576 rows). */
const perSheet = 2_000_000

export const registraties: MakeReader = (workbook: Workbook) => {
  const keys = new RegistrationKeys(workbook.regio)
  // Rows per period, for the warning about a period that stands apart (core `Registration.losstaandePerioden`).
  const perPeriode = new Map<Periode.Periode, number>()
  let firstSheet: string | undefined

  const read = (row: RowCells) => {
    const periode = row.read("periode", row.periode)
    const where = row.gebied("gebied")
    const delict = row.label("delict")
    const aangiften = row.read("aangiften", readInteger)
    const meldingen = row.read("meldingen", readInteger)
    const slachtoffers = row.read("slachtoffers", readInteger)
    const schade = row.read("schade", readMoney)
    if (
      row.reasons === undefined &&
      aangiften === undefined &&
      meldingen === undefined &&
      slachtoffers === undefined &&
      schade === undefined
    ) {
      const mapping =
        row.mapping("aangiften") ??
        row.mapping("meldingen") ??
        row.mapping("slachtoffers") ??
        row.mapping("schade")
      row.problem(
        mapping,
        { _tag: "empty" },
        "geen-aantal",
        "minstens één aantal of de schade",
        "geen enkel aantal of schadebedrag ingevuld; vul er minstens één in."
      )
    }
    if (where != null) row.inScope("gebied", where)
    if (row.failed(periode, where, delict) || periode == null || where == null || delict == null) return
    const key = keys.key(periode, where, delict)
    const earlier = keys.get(key)
    if (earlier !== undefined) {
      row.problem(
        row.mapping("periode"),
        row.cell("periode"),
        "dubbel",
        "één rij per periode, gemeente en delict",
        `dezelfde periode, gemeente en delict als ${workbook.sheetRefs[Math.floor(earlier / perSheet)]}!A${earlier % perSheet}.`
      )
      return
    }
    keys.set(key, row.sheetIndex * perSheet + row.number)
    perPeriode.set(periode, (perPeriode.get(periode) ?? 0) + 1)
    firstSheet ??= row.sheet
    workbook.pending.registraties.push({
      sheet: row.sheet,
      row: row.number,
      record: {
        periode,
        gebied: where,
        delict: delict as Registration.Delict,
        aangiften: aangiften ?? null,
        meldingen: meldingen ?? null,
        slachtoffers: slachtoffers ?? null,
        schade: schade ?? null,
        herkomst: Registration.importHerkomst
      }
    })
  }

  const finish = () => {
    const sheet = firstSheet ?? "Registraties"
    const standaard = Registration.standaardPeriode(perPeriode)
    for (const apart of Registration.losstaandePerioden(perPeriode)) {
      const rijen = apart.rijen === 1 ? "1 registratie" : `${apart.rijen} registraties`
      workbook.warnings.push({
        sheet,
        code: "periode-losstaand",
        message: `Blad ${sheet}: ${Periode.label(apart.periode)} heeft ${rijen}, tegen ${apart.beste} in de best gevulde periode: die staat los van de rest. Controleer of de periode goed is ingevuld; een informatiebeeld zonder gekozen periode toont ${standaard === undefined ? "de laatste goed gevulde periode" : Periode.label(standaard)}.`
      })
    }
  }

  return { read, finish }
}
