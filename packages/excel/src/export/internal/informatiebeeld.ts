/**
 * The local information picture of a gemeente as a workbook, from core `Informatiebeeld.make`, with the
 * region's figures beside it for comparison. For a gemeente audience (`publiek`) every cell and derived
 * figure is core's `Suppression.publicatie`: one pattern over every workbook, report and API answer, so
 * that the workbooks of `--all` together give no hidden count back.
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

const toon = (cel: Suppression.Cel, schaal = 1): Waarde =>
  cel === null ? onbekend : Suppression.isOnderdrukt(cel) ? cel.weergave : cel / schaal

/** A derived figure: its value, the hidden mark of the cell it derives from, or empty when unknown. */
const afgeleid = (cel: Suppression.Cel): Waarde | null =>
  cel === null ? null : Suppression.isOnderdrukt(cel) ? cel.weergave : cel

const rangTekst = (rang: Informatiebeeld.Rang | Suppression.Onderdrukt | null): Waarde | null =>
  rang === null ? null : "onderdrukt" in rang ? rang.weergave : `${rang.positie} van ${rang.van}`

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
 * The publication for a gemeente audience over all of the input's registrations (not a narrowed part: the
 * pattern must be the one every other output shows), or `null` for the internal version.
 *
 * @since 0.2.0
 * @category constructors
 */
export const publicatieVan = (input: InformatiebeeldInput): Suppression.Publicatie | null =>
  input.publiek
    ? Suppression.publicatie({
        regio: input.regio,
        registraties: input.registraties,
        reeksbreuken: input.reeksbreuken
      })
    : null

/**
 * Why the public workbook of `input.periode` cannot be made, or `undefined` (see
 * `Suppression.nietGepubliceerd`).
 *
 * @since 0.2.0
 * @category constructors
 */
export const nietGepubliceerd = (input: InformatiebeeldInput): string | undefined => {
  const publicatie = publicatieVan(input)
  return publicatie === null ? undefined : Suppression.nietGepubliceerd(publicatie, input.periode)
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
  const publicatie = publicatieVan(input)
  return input.regio.gemeenten.map((gemeente) => ({
    gemeente,
    workbook: informatiebeeldWorkbook(narrowed, gemeente, regio, publicatie)
  }))
}

/**
 * The informatiebeeld workbook of `gemeente`: a sheet `Informatiebeeld` with per delict the counts, damage,
 * per 10.000 inhabitants, share, changes and rank, the region's figures beside them, and a totaal row; a
 * sheet `Toelichting` with the notes, what is missing, the sources and (for `publiek`) the small-number
 * rule. `regio` is the region's own picture (`regioBeeld`) and `publicatie` the pattern over all registrations
 * (`publicatieVan`), passed in so `--all` computes them once from the whole input.
 *
 * @since 0.1.0
 * @category constructors
 */
export const informatiebeeldWorkbook = (
  input: InformatiebeeldInput,
  gemeente: Geography.Gemeente,
  regio: Informatiebeeld.Informatiebeeld = regioBeeld(relevant(input)),
  publicatie: Suppression.Publicatie | null = publicatieVan(input)
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
      `${gemeente.code} ${gemeente.naam}, ${inwoners}; ter vergelijking de ${Periode.label(input.periode)}-cijfers van regio ${input.regio.naam}${
        regio.dekking === null
          ? ""
          : ` uit ${regio.dekking.gemeenten} van ${regio.dekking.van} gemeenten (de som van de gemeenten met registraties: minstens het cijfer van de regio, geen totaal)`
      }.`,
      `Veranderingen ten opzichte van ${Periode.label(beeld.vorigePeriode)} en ${Periode.label(beeld.jaarEerder)}. Leeg of "onbekend": niet geregistreerd, niet 0.`,
      input.publiek
        ? "Voor publicatie aan de gemeente: aantallen kleiner dan 5 zijn afgeschermd (zie het blad Toelichting)."
        : "Niet voor publicatie: kleine aantallen zijn niet afgeschermd."
    ],
    columns
  )

  // public: a fixed order, since an order by size would say how a hidden row compares with the others
  const rijen: ReadonlyArray<Suppression.Rij> =
    publicatie === null ? [...beeld.delicten.map((d) => d.delict), "totaal"] : Suppression.rijVolgorde(beeld)
  const regioBevat = (rij: Suppression.Rij) =>
    rij === "totaal" || regio.delicten.some((r) => r.delict === rij)

  rijen.forEach((rij, i) => {
    const k = (maat: Informatiebeeld.Maat) => Suppression.kengetal(beeld, rij, maat, publicatie)
    const r = (maat: Informatiebeeld.Maat): Suppression.Cel =>
      regioBevat(rij) ? Suppression.kengetal(regio, rij, maat, publicatie).waarde : null
    const slachtoffers = k("slachtoffers")
    const row = addRow(
      sheet,
      [
        rij === "totaal" ? "Totaal" : RegistrationModule.delictLabel(rij),
        toon(k("aangiften").waarde),
        toon(k("meldingen").waarde),
        toon(slachtoffers.waarde),
        toon(k("schade").waarde, 100),
        afgeleid(slachtoffers.perTienduizend),
        regioBevat(rij)
          ? afgeleid(Suppression.kengetal(regio, rij, "slachtoffers", publicatie).perTienduizend)
          : null,
        afgeleid(slachtoffers.aandeelRegio),
        afgeleid(slachtoffers.tovVorige.procent),
        afgeleid(slachtoffers.tovJaarEerder.procent),
        rangTekst(Suppression.rang(beeld, rij, publicatie)),
        toon(r("aangiften")),
        toon(r("slachtoffers")),
        toon(r("schade"), 100)
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
  if (regio.dekking !== null)
    addRow(
      toelichting,
      [
        "Regio onvolledig",
        Informatiebeeld.dekkingZin(input.regio, regio.naam, Periode.label(input.periode), regio.dekking)
      ],
      toelichtingColumns
    )
  const opmerkingen = Suppression.opmerkingen(beeld, publicatie)
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
