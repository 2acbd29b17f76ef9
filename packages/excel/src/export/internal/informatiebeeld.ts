/**
 * The local information picture of a gemeente as a workbook, from core `Informatiebeeld.make`, with the
 * region's figures beside it for comparison. For a gemeente audience (`publiek`) the small-number rule of
 * core `Suppression` hides small counts and what would give them away.
 */
import {
  Bron,
  type Geography,
  Getal,
  Informatiebeeld,
  Periode,
  type Registration,
  Registration as RegistrationModule,
  Suppression
} from "@dvcc/core"
import type ExcelJS from "exceljs"
import { addRow, type Column, formats, newWorkbook, table } from "./sheet.ts"

export interface InformatiebeeldInput {
  readonly regio: Geography.Regio
  readonly registraties: ReadonlyArray<Registration.Registration>
  readonly reeksbreuken: ReadonlyArray<Registration.Reeksbreuk>
  readonly periode: Periode.Periode
  /** For a gemeente audience: apply the small-number rule. */
  readonly publiek: boolean
}

const verandering = '+#,##0.0"%";-#,##0.0"%";0.0"%"'

const columns: ReadonlyArray<Column> = [
  { header: "Delict", width: 24 },
  { header: "Aangiften", width: 11, numFmt: formats.geheel },
  { header: "Meldingen", width: 11, numFmt: formats.geheel },
  { header: "Slachtoffers", width: 12, numFmt: formats.geheel },
  { header: "Schade (€)", width: 14, numFmt: formats.euro },
  { header: "Slachtoffers per 10.000 inwoners", width: 14, numFmt: "#,##0.0" },
  { header: "Regio: slachtoffers per 10.000 inwoners", width: 14, numFmt: "#,##0.0" },
  { header: "Aandeel in regio (slachtoffers)", width: 14, numFmt: formats.procent },
  { header: "Slachtoffers t.o.v. vorige periode", width: 13, numFmt: verandering },
  { header: "Slachtoffers t.o.v. jaar eerder", width: 13, numFmt: verandering },
  { header: "Rang in regio", width: 12 },
  { header: "Regio: aangiften", width: 11, numFmt: formats.geheel },
  { header: "Regio: slachtoffers", width: 12, numFmt: formats.geheel },
  { header: "Regio: schade (€)", width: 15, numFmt: formats.euro }
]

/** The Informatiebeeld sheet's headers, in order. */
export const informatiebeeldHeaders: ReadonlyArray<string> = columns.map((c) => c.header)

/** What a cell of the table shows: a number, a suppressed mark (`< 5`, `×`), or `onbekend`. */
type Waarde = number | string

const onbekend = "onbekend"

type Regel = Pick<Informatiebeeld.Delictbeeld, "aangiften" | "meldingen" | "slachtoffers" | "schade" | "rang">

interface Tabel {
  readonly labels: ReadonlyArray<string>
  /** Rows of the delicten, then the totaal. */
  readonly rijen: ReadonlyArray<Regel>
  /** Per maat, the cells of every row as published. */
  readonly cellen: Readonly<Record<Informatiebeeld.Maat, ReadonlyArray<Suppression.Cel>>>
}

/**
 * The delict rows and the totaal with the small-number rule applied per figure (each column with its
 * totaal is one published sum); damage is hidden with the victims it belongs to.
 */
const publiceer = (rijen: ReadonlyArray<Regel>, publiek: boolean): Tabel["cellen"] => {
  const opties: Suppression.Opties = { publiek: publiek ? "gemeente" : "programma" }
  const kolom = (maat: Informatiebeeld.Maat, extra: Partial<Suppression.Opties> = {}) => {
    const waarden = rijen.map((r) => r[maat].waarde as number | null)
    const delen = waarden.slice(0, -1)
    const totaal = waarden.at(-1) ?? null
    const uit = Suppression.onderdrukDelen(delen, totaal, { ...opties, ...extra })
    return [...uit.delen, uit.totaal]
  }
  const slachtoffers = kolom("slachtoffers")
  const gekoppeld = slachtoffers.flatMap((c, i) => (Suppression.isOnderdrukt(c) ? [i] : []))
  return {
    aangiften: kolom("aangiften"),
    meldingen: kolom("meldingen"),
    slachtoffers,
    schade: kolom("schade", { aantallen: false, gekoppeld })
  }
}

const geenVerandering: Informatiebeeld.Verandering = {
  basis: null,
  absoluut: null,
  procent: null,
  reeksbreuk: false,
  redenen: []
}

const onbekendGetal = {
  waarde: null,
  perTienduizend: null,
  aandeelRegio: null,
  tovVorige: geenVerandering,
  tovJaarEerder: geenVerandering
}

const onbekendeRegel: Regel = {
  aangiften: onbekendGetal,
  meldingen: onbekendGetal,
  slachtoffers: onbekendGetal,
  schade: onbekendGetal,
  rang: null
}

const toon = (cel: Suppression.Cel, schaal = 1): Waarde =>
  cel === null ? onbekend : Suppression.isOnderdrukt(cel) ? cel.weergave : cel / schaal

/** A figure derived from a count is shown only where the count itself is shown. */
const afgeleid = (cel: Suppression.Cel, waarde: number | null): Waarde | null =>
  Suppression.isOnderdrukt(cel) ? cel.weergave : waarde

/** A change is shown only when its base is not a small count: the percentage would give the base away. */
const wijziging = (cel: Suppression.Cel, v: Informatiebeeld.Verandering, publiek: boolean): Waarde | null => {
  if (Suppression.isOnderdrukt(cel)) return cel.weergave
  if (publiek && v.basis !== null && v.basis < Suppression.standaardDrempel) return "×"
  return v.procent
}

const rangTekst = (rang: Informatiebeeld.Rang | null): string | null =>
  rang === null ? null : `${rang.positie} van ${rang.van}`

/**
 * The input with only the registrations a picture of `input.periode` can read: those overlapping the
 * period, the previous period or the same period a year earlier. `make` indexes every registration it is
 * given, so for `--all` this turns 38 passes over all history into 38 passes over a few periods.
 *
 * @since 0.1.0
 * @category rules
 */
export const relevant = (input: InformatiebeeldInput): InformatiebeeldInput => {
  const perioden = [input.periode, Periode.vorige(input.periode), Periode.jaarEerder(input.periode)].map(
    (p) => [Periode.begin(p), Periode.einde(p)] as const
  )
  const cache = new Map<string, boolean>()
  const telt = (p: Periode.Periode): boolean => {
    let result = cache.get(p)
    if (result === undefined) {
      const van = Periode.begin(p)
      const tot = Periode.einde(p)
      result = perioden.some(([begin, einde]) => van <= einde && begin <= tot)
      cache.set(p, result)
    }
    return result
  }
  return { ...input, registraties: input.registraties.filter((r) => telt(r.periode)) }
}

/**
 * The picture of the region, computed once and shared by every gemeente's workbook.
 *
 * @since 0.1.0
 * @category constructors
 */
export const regioBeeld = (input: InformatiebeeldInput): Informatiebeeld.Informatiebeeld =>
  Informatiebeeld.make({
    regio: input.regio,
    registraties: input.registraties,
    reeksbreuken: input.reeksbreuken,
    gebied: { niveau: "regio" },
    periode: input.periode
  })

/**
 * The workbook of every gemeente of the region (`--all`), in the region's order: the registrations are
 * narrowed and the region's picture computed once for all of them.
 *
 * @since 0.1.0
 * @category constructors
 */
export const informatiebeeldWorkbooks = (
  input: InformatiebeeldInput
): Array<{ readonly gemeente: Geography.Gemeente; readonly workbook: ExcelJS.Workbook }> => {
  const narrowed = relevant(input)
  const regio = regioBeeld(narrowed)
  return input.regio.gemeenten.map((gemeente) => ({
    gemeente,
    workbook: informatiebeeldWorkbook(narrowed, gemeente, regio)
  }))
}

/**
 * The informatiebeeld workbook of `gemeente`: a sheet `Informatiebeeld` with per delict the counts, damage,
 * per 10.000 inhabitants, share, changes and rank, the region's figures beside them, and a totaal row; a
 * sheet `Toelichting` with the notes, what is missing, the sources and (for `publiek`) the small-number
 * rule. `regio` is the region's own picture (`regioBeeld`), passed in so `--all` computes it once.
 *
 * @since 0.1.0
 * @category constructors
 */
export const informatiebeeldWorkbook = (
  input: InformatiebeeldInput,
  gemeente: Geography.Gemeente,
  regio: Informatiebeeld.Informatiebeeld = regioBeeld(relevant(input))
): ExcelJS.Workbook => {
  const beeld = Informatiebeeld.make({
    regio: input.regio,
    registraties: relevant(input).registraties,
    reeksbreuken: input.reeksbreuken,
    gebied: { niveau: "gemeente", code: gemeente.code },
    periode: input.periode
  })
  const workbook = newWorkbook(`Informatiebeeld ${beeld.naam} ${Periode.label(input.periode)}`)
  const sheet = workbook.addWorksheet("Informatiebeeld")
  const inwoners =
    beeld.inwoners === null
      ? "inwonertal onbekend"
      : `${Getal.format(beeld.inwoners, 0)} inwoners op ${Periode.datumLabel(beeld.peildatumInwoners)}`
  table(
    sheet,
    `Informatiebeeld online criminaliteit ${beeld.naam} — ${Periode.label(input.periode)}`,
    [
      `${gemeente.code} ${gemeente.naam}, ${inwoners}; ter vergelijking de ${Periode.label(input.periode)}-cijfers van regio ${input.regio.naam}.`,
      `Veranderingen ten opzichte van ${Periode.label(beeld.vorigePeriode)} en ${Periode.label(beeld.jaarEerder)}. Leeg of "onbekend": niet geregistreerd, niet 0.`,
      input.publiek
        ? "Voor publicatie aan de gemeente: aantallen kleiner dan 5 zijn afgeschermd (zie het blad Toelichting)."
        : "Niet voor publicatie: kleine aantallen zijn niet afgeschermd."
    ],
    columns
  )

  const rijen: Array<Regel> = [...beeld.delicten, beeld.totaal]
  const labels = [...beeld.delicten.map((d) => RegistrationModule.delictLabel(d.delict)), "Totaal"]
  const cellen = publiceer(rijen, input.publiek)
  const regioRijen: Array<Regel> = [
    ...beeld.delicten.map((d) => regio.delicten.find((r) => r.delict === d.delict) ?? onbekendeRegel),
    regio.totaal
  ]
  const regioCellen = publiceer(regioRijen, input.publiek)

  rijen.forEach((rij, i) => {
    const slachtoffers = cellen.slachtoffers[i] ?? null
    const regioRij = regioRijen[i]
    const row = addRow(
      sheet,
      [
        labels[i],
        toon(cellen.aangiften[i] ?? null),
        toon(cellen.meldingen[i] ?? null),
        toon(slachtoffers),
        toon(cellen.schade[i] ?? null, 100),
        afgeleid(slachtoffers, rij.slachtoffers.perTienduizend),
        regioRij === undefined
          ? null
          : afgeleid(regioCellen.slachtoffers[i] ?? null, regioRij.slachtoffers.perTienduizend),
        afgeleid(slachtoffers, rij.slachtoffers.aandeelRegio),
        wijziging(slachtoffers, rij.slachtoffers.tovVorige, input.publiek),
        wijziging(slachtoffers, rij.slachtoffers.tovJaarEerder, input.publiek),
        Suppression.isOnderdrukt(slachtoffers) ? slachtoffers.weergave : rangTekst(rij.rang),
        toon(regioCellen.aangiften[i] ?? null),
        toon(regioCellen.slachtoffers[i] ?? null),
        toon(regioCellen.schade[i] ?? null, 100)
      ],
      columns
    )
    for (let c = 2; c <= columns.length; c++) {
      const cell = row.getCell(c)
      if (typeof cell.value === "string") cell.alignment = { horizontal: "right", vertical: "top" }
    }
    if (i === rijen.length - 1) {
      for (let c = 1; c <= columns.length; c++) {
        const cell = row.getCell(c)
        cell.font = { bold: true }
        cell.border = { top: { style: "thin" } }
      }
    }
  })
  if (beeld.delicten.length === 0) {
    addRow(sheet, [`Geen registraties voor ${beeld.naam} in ${Periode.label(input.periode)}.`])
  }

  const toelichting = workbook.addWorksheet("Toelichting")
  const toelichtingColumns: ReadonlyArray<Column> = [
    { header: "Soort", width: 22, wrap: true },
    { header: "Toelichting", width: 120, wrap: true }
  ]
  table(toelichting, `Toelichting bij het informatiebeeld van ${beeld.naam}`, [], toelichtingColumns)
  if (input.publiek) addRow(toelichting, ["Kleine aantallen", Suppression.uitleg()], toelichtingColumns)
  const verborgen = new Set(
    beeld.delicten.flatMap((d, i) =>
      (["aangiften", "meldingen", "slachtoffers"] as const).some((m) =>
        Suppression.isOnderdrukt(cellen[m][i] ?? null)
      )
        ? [RegistrationModule.delictLabel(d.delict)]
        : []
    )
  )
  // A note that quotes a count as a bound would show a count the table hides.
  const opmerkingen = beeld.opmerkingen.filter(
    (o) => !(input.publiek && /grens/.test(o) && [...verborgen].some((d) => o.startsWith(`${d}:`)))
  )
  for (const opmerking of opmerkingen) addRow(toelichting, ["Opmerking", opmerking], toelichtingColumns)
  for (const h of beeld.herkomst) {
    addRow(
      toelichting,
      ["Bron", `${Bron.herkomstLabel(h)}${h.citaat === undefined ? "" : `: "${h.citaat}"`}`],
      toelichtingColumns
    )
  }
  return workbook
}

/**
 * The file name of a gemeente's workbook in `--all`: `informatiebeeld-GM0344-utrecht-2025-Q3.xlsx`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const informatiebeeldBestand = (gemeente: Geography.Gemeente, periode: Periode.Periode): string =>
  `informatiebeeld-${gemeente.code}-${gemeente.naam
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")}-${periode}.xlsx`
