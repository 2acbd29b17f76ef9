/**
 * Fictitious data for the export tests: registrations for every gemeente of the bundled region, with
 * small counts on purpose, so the small-number rule has work to do.
 */
import {
  Activity,
  type Dataset,
  type Geography,
  type Indicator,
  type Measurement,
  Money,
  Periode,
  Registration
} from "@dvcc/core"
import { dataset, regio } from "@dvcc/midden-nederland"
import ExcelJS from "exceljs"

const herkomst = { document: "fictieve testdata", sectie: "export-tests" }

/** Deterministic pseudo-random numbers (mulberry32). */
export const prng = (seed: number) => {
  let a = seed >>> 0
  return (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/**
 * Quarterly registrations for every gemeente and delict from 2024-Q1 to 2025-Q4. Utrecht (GM0344) has
 * 3 slachtoffers of ransomware in 2025-Q3: a count the small-number rule must hide.
 */
export const registraties = (seed = 1): Array<Registration.Registration> => {
  const random = prng(seed)
  const rows: Array<Registration.Registration> = []
  for (const jaar of [2024, 2025]) {
    for (const q of [1, 2, 3, 4] as const) {
      for (const g of regio.gemeenten) {
        for (const delict of Registration.Delict.literals) {
          const klein = delict === "ransomware" || delict === "sextortion"
          const slachtoffers = klein ? Math.floor(random() * 4) : 5 + Math.floor(random() * 60)
          const utrechtRansomware = g.code === "GM0344" && delict === "ransomware" && jaar === 2025 && q === 3
          rows.push({
            periode: Periode.kwartaal(jaar, q),
            gebied: { niveau: "gemeente", code: g.code },
            delict,
            aangiften: utrechtRansomware ? 12 : slachtoffers + Math.floor(random() * 10),
            meldingen: utrechtRansomware ? 20 : slachtoffers * 2 + Math.floor(random() * 20),
            slachtoffers: utrechtRansomware ? 3 : slachtoffers,
            schade: Money.euros(Math.round(random() * 250_000) / 10),
            herkomst
          })
        }
      }
    }
  }
  return rows
}

/** The bundled dataset with the fictitious registrations. */
export const datasetMetRegistraties = () => ({ ...dataset, registraties: registraties() })

export const utrecht = regio.gemeenten.find((g) => g.code === "GM0344") as Geography.Gemeente

/** Writes and reads back a workbook, as a user's file would be read. */
export const reload = async (workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> => {
  const copy = new ExcelJS.Workbook()
  await copy.xlsx.load(await workbook.xlsx.writeBuffer())
  return copy
}

/** The values of a sheet's rows from `from` on, as arrays (index 0 is column A). */
export const rowsOf = (sheet: ExcelJS.Worksheet, from = 1): Array<Array<ExcelJS.CellValue>> => {
  const rows: Array<Array<ExcelJS.CellValue>> = []
  for (let r = from; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    const values: Array<ExcelJS.CellValue> = []
    for (let c = 1; c <= sheet.columnCount; c++) values.push(row.getCell(c).value)
    rows.push(values)
  }
  return rows
}

/** The row number of the header row: the first row that starts with `headers`. */
export const headerRow = (sheet: ExcelJS.Worksheet, ...headers: ReadonlyArray<string>): number => {
  for (let r = 1; r <= sheet.rowCount; r++) {
    if (headers.every((h, i) => sheet.getCell(r, i + 1).value === h)) return r
  }
  throw new Error(`no header row starting with ${headers.join(", ")} in ${sheet.name}`)
}

/**
 * A dataset with a few hundred records of every kind (fictitious): the bundled programme and region with
 * three districts and six basisteams, two inhabitants counts per gemeente, 300 activities, the
 * registrations above (all 2025 quarters) and 300 measurements of indicators without milestones.
 */
export const bigDataset = (): Dataset.Dataset => {
  const random = prng(7)
  const districten = [
    { id: "noord", naam: "Noord" },
    { id: "midden", naam: "Midden" },
    { id: "zuid", naam: "Zuid" }
  ]
  const basisteams = districten.flatMap((d) => [
    { id: `${d.id}-a`, naam: `${d.naam} A`, district: d.id },
    { id: `${d.id}-b`, naam: `${d.naam} B`, district: d.id }
  ])
  const gemeenten = regio.gemeenten.map((g, i) => {
    const team = basisteams[i % basisteams.length] as (typeof basisteams)[number]
    return {
      ...g,
      district: team.district,
      basisteam: team.id,
      inwoners: [
        { aantal: 5_000 + Math.floor(random() * 300_000), peildatum: "2024-01-01" as Periode.Datum },
        { aantal: 5_000 + Math.floor(random() * 300_000), peildatum: "2025-01-01" as Periode.Datum }
      ]
    }
  })
  const bigRegio: Geography.Regio = { ...regio, districten, basisteams, gemeenten }
  const soorten = Activity.ActiviteitSoort.literals
  const doelgroepen = Activity.Doelgroep.literals
  const activiteiten: Array<Activity.Activity> = Array.from({ length: 300 }, (_, i) => {
    const g = gemeenten[i % gemeenten.length] as (typeof gemeenten)[number]
    const month = 1 + (i % 12)
    return {
      id: `act-${i}`,
      datum: Periode.datum(2025, month, 1 + (i % 28)),
      gemeente: g.code,
      soort: soorten[i % soorten.length] as Activity.ActiviteitSoort,
      ...(i % 3 === 0 ? {} : { actie: 1 + (i % 10) }),
      ...(i % 4 === 0
        ? {}
        : { doelgroep: doelgroepen[i % doelgroepen.length] as Activity.Activity["doelgroep"] & string }),
      ...(i % 5 === 0 ? {} : { bereik: Math.floor(random() * 400) }),
      ...(i % 2 === 0 ? { omschrijving: `Fictieve activiteit ${i} in ${g.naam}` } : {})
    }
  })
  const telbaar = dataset.indicatoren.filter((i) => i.regel.soort !== "mijlpalen" && i.eenheid !== "%")
  const metingen: Array<Measurement.Measurement> = Array.from({ length: 300 }, (_, i) => {
    const indicator = telbaar[i % telbaar.length] as Indicator.Indicator
    const g = gemeenten[Math.floor(i / telbaar.length) % gemeenten.length] as (typeof gemeenten)[number]
    return {
      id: `m-big-${i}`,
      indicator: indicator.id,
      jaar: indicator.jaar,
      periode: Periode.maand(indicator.jaar, 1 + (i % 12)),
      gebied: i % 7 === 0 ? { niveau: "regio" } : { niveau: "gemeente", code: g.code },
      waarde: Math.floor(random() * 50),
      bron: "programma-administratie",
      ...(i % 3 === 0 ? { toelichting: `Fictieve meting ${i}` } : {}),
      vastgelegdOp: "2025-12-01" as Periode.Datum,
      herkomst
    }
  })
  return {
    ...dataset,
    regio: bigRegio,
    activiteiten,
    metingen,
    registraties: registraties(3)
      .filter((r) => Periode.jaarVan(r.periode) === 2025)
      .slice(0, 600)
  }
}
