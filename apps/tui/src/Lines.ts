/**
 * The content of the detail views and panels as lines of text with a tone, computed without drawing: the
 * Indicator detail, the informatiebeeld of an area, an actie. Components draw a window of these lines.
 *
 * @since 0.1.0
 */
import {
  Bron,
  Din,
  type Geography,
  Getal,
  Indicator,
  Jaarplan,
  Money,
  Periode,
  type Progress,
  Registration,
  Rollup
} from "@dvcc/core"
import * as Model from "./Model.ts"
import * as Table from "./Table.ts"
import { badge, bar, sparkline, truncate, wrap } from "./Text.ts"

/**
 * A line and how it is drawn: a heading, dimmed, or in a status's colour. Never meaning by colour alone.
 *
 * @since 0.1.0
 * @category models
 */
export interface Line {
  readonly text: string
  readonly tone?: "kop" | "zacht" | Progress.Status
}

const kop = (text: string): Line => ({ text, tone: "kop" })
const zacht = (text: string): Line => ({ text, tone: "zacht" })
const gewoon = (text: string): Line => ({ text })
const leeg: Line = { text: "" }

const bullet = (text: string, width: number): Array<Line> =>
  wrap(text, width - 4).map((t, i) => ({ text: `${i === 0 ? "  - " : "    "}${t}` }))

const wrapped = (text: string, width: number, indent = "", tone?: Line["tone"]): Array<Line> =>
  wrap(text, width - indent.length).map((t) =>
    tone === undefined ? { text: indent + t } : { text: indent + t, tone }
  )

/**
 * The Indicator detail: the agreement, its status, the path from baseline to target, the measurement
 * history as a bar chart with a sparkline, and the sources.
 *
 * @since 0.1.0
 * @category formatting
 */
export const indicatorLines = (model: Model.Model, jaar: number, id: string, width: number): Array<Line> => {
  const indicator = Model.indicatorVan(model, jaar, id)
  const progress = model.perJaar.get(jaar)?.progress.find((p) => p.indicator === id)
  if (indicator === undefined || progress === undefined) {
    return [gewoon(`Indicator ${id} staat niet in jaarplan ${jaar}. Druk op y voor een ander jaar of esc.`)]
  }
  const baat = Din.baat(model.dataset.program, jaar, indicator.baat)
  const out: Array<Line> = []
  out.push(
    kop(`${indicator.id} — jaarplan ${jaar}, ${baat === undefined ? indicator.baat : Rollup.baatTitel(baat)}`)
  )
  out.push(...wrapped(indicator.tekst, width))
  out.push(leeg)
  const f = Model.fractie(indicator, progress.cijfers)
  out.push({
    text: `Status ${badge(progress.status)}  ${f === null ? "" : `${bar(f, Math.min(20, Math.max(8, width - 50)))} `}${Model.stand(indicator, progress.cijfers)}`,
    tone: progress.status
  })
  out.push(...wrapped(progress.uitleg, width, "  "))
  if (progress.standOp !== null) {
    out.push(...wrapped(`Stand op ${Periode.datumLabel(progress.standOp)}`, width, "  ", "zacht"))
  }
  if (progress.signaal !== null) {
    out.push(
      ...wrapped(
        `Signaal ${badge(progress.signaal.status)}: ${progress.signaal.uitleg}`,
        width,
        "  ",
        "zacht"
      )
    )
  }
  out.push(leeg)
  out.push(kop("Pad naar het doel"))
  const metingen = Model.geschiedenis(model, indicator)
  for (const line of Model.pad(indicator, progress, metingen)) out.push(...wrapped(line, width, "  "))
  out.push(leeg)
  out.push(...metingLines(indicator, metingen, width))
  out.push(leeg)
  out.push(kop("Bronnen"))
  out.push(
    ...wrapped(
      `Officiële bron: ${Bron.bronLabel[indicator.bron]}${indicator.verwachtOp === null ? "" : ` (verwacht ${Periode.maandLabel(indicator.verwachtOp)})`}`,
      width,
      "  "
    )
  )
  const ritme = { maand: "elke maand", kwartaal: "elk kwartaal", jaar: "elk jaar" }[
    Indicator.ritme(indicator)
  ]
  const lag = Indicator.vertraging(indicator)
  out.push(
    ...wrapped(
      `Gegevens ${ritme}, verwacht ${lag === 0 ? "aan het einde van de periode" : `${lag} ${lag === 1 ? "maand" : "maanden"} na de periode`}`,
      width,
      "  "
    )
  )
  out.push(...wrapped(`Afspraak: ${Bron.herkomstLabel(indicator.herkomst)}`, width, "  "))
  for (const id of progress.activiteiten ?? []) {
    const a = model.dataset.activiteiten.find((x) => x.id === id)
    if (a !== undefined) {
      out.push(
        ...wrapped(
          `Activiteit ${Periode.datumLabel(a.datum)}: ${a.omschrijving ?? a.id} (activiteitenregister)`,
          width,
          "  "
        )
      )
    }
  }
  for (const m of metingen) {
    out.push(...wrapped(`Meting ${Periode.label(m.periode)}: ${Bron.herkomstLabel(m.herkomst)}`, width, "  "))
    if (m.herkomst.citaat !== undefined)
      out.push(...wrapped(`“${m.herkomst.citaat}”`, width, "    ", "zacht"))
    if (m.toelichting !== undefined) out.push(...wrapped(m.toelichting, width, "    ", "zacht"))
  }
  const plan = model.dataset.jaarplannen.find((p) => p.jaar === jaar)
  const acties = indicator.acties.flatMap((n) => plan?.acties.filter((a) => a.nummer === n) ?? [])
  if (acties.length > 0) {
    out.push(leeg)
    out.push(kop("Acties"))
    for (const a of acties) out.push(...wrapped(`${a.nummer}. ${a.titel}`, width, "  "))
  }
  return out
}

const metingLines = (
  indicator: Indicator.Indicator,
  metingen: ReadonlyArray<{ periode: Periode.Periode; waarde: number; bron: Bron.Bron; jaar: number }>,
  width: number
): Array<Line> => {
  if (metingen.length === 0) return [kop("Metingen"), zacht("  Nog geen metingen vastgelegd.")]
  const regel = indicator.regel
  const target =
    regel.soort === "traject" ? regel.doel.waarde : regel.soort === "minimum-aantal" ? regel.minimum : 0
  const max = Math.max(target, ...metingen.map((m) => m.waarde))
  // a trajectory's baseline and target frame the measurements, so the chart shows the path too
  const punten = [
    ...(regel.soort === "traject"
      ? [
          {
            label: `basis ${Periode.label(regel.basis.periode)}`,
            waarde: regel.basis.waarde,
            bron: "",
            pad: true
          }
        ]
      : []),
    ...metingen.map((m) => ({
      label: Periode.label(m.periode),
      waarde: m.waarde,
      bron: `${Bron.bronLabel[m.bron]}${m.jaar === indicator.jaar ? "" : ` (jaarplan ${m.jaar})`}`,
      pad: false
    })),
    ...(regel.soort === "traject"
      ? [
          {
            label: `doel ${Periode.label(regel.doel.periode)}`,
            waarde: regel.doel.waarde,
            bron: "",
            pad: true
          }
        ]
      : [])
  ]
  const labels = punten.map((p) => p.label)
  const labelWidth = Math.max(...labels.map((l) => l.length))
  const values = punten.map((p) => Model.waarde(indicator, p.waarde))
  const valueWidth = Math.max(...values.map((v) => v.length))
  const barWidth = Math.max(5, Math.min(30, width - labelWidth - valueWidth - 24))
  return [
    kop(`Metingen ${metingen.length > 1 ? sparkline(metingen.map((m) => m.waarde)) : ""}`.trimEnd()),
    ...punten.map((p, i) => {
      const text = truncate(
        `  ${(labels[i] ?? "").padEnd(labelWidth)}  ${bar(max > 0 ? p.waarde / max : 0, barWidth)}  ${(values[i] ?? "").padEnd(valueWidth)}  ${p.bron}`.trimEnd(),
        width
      )
      return p.pad ? zacht(text) : gewoon(text)
    })
  ]
}

/**
 * The informatiebeeld of an area: the table of delict types (as wide as fits), or a clear sentence when the
 * area has no registrations yet, then the notes and sources.
 *
 * @since 0.1.0
 * @category formatting
 */
export const informatiebeeldLines = (
  model: Model.Model,
  keuze: Geography.Gebied,
  width: number
): Array<Line> => {
  if (model.periode === null) {
    return [gewoon("Er zijn nog geen registraties vastgelegd: er is nog geen informatiebeeld.")]
  }
  const beeld = Model.informatiebeeld(model.dataset, keuze, model.periode)
  const out: Array<Line> = []
  out.push(kop(`Informatiebeeld ${Table.titel(beeld)} — ${Periode.label(beeld.periode)}`))
  out.push(
    gewoon(
      `Inwoners: ${beeld.inwoners === null ? "onbekend" : Getal.format(beeld.inwoners)}  ·  vergeleken met ${Periode.label(beeld.vorigePeriode)}${beeld.jaarEerder === beeld.vorigePeriode ? "" : ` en ${Periode.label(beeld.jaarEerder)}`}`
    )
  )
  out.push(leeg)
  const top = (b: typeof beeld, titel: string): Array<Line> =>
    b.topDelicten.length === 0
      ? []
      : [
          kop(titel),
          ...b.topDelicten.map((d, i) => {
            const rij = b.delicten.find((x) => x.delict === d)
            return gewoon(
              `  ${i + 1}. ${Registration.delictLabel(d)}${rij?.slachtoffers.waarde == null ? "" : ` — ${Getal.formatMetKwalificatie(rij.slachtoffers.waarde, rij.slachtoffers.kwalificatie)} slachtoffers`}${rij?.schade.waarde == null ? "" : `, schade ${Money.formatKort(rij.schade.waarde)}`}`
            )
          })
        ]
  if (beeld.delicten.length === 0) {
    out.push(
      ...wrapped(
        Table.geenRegistraties(beeld, model.dataset.regio, Table.alleenRegionaal(model.dataset.registraties)),
        width,
        "",
        "aandacht"
      )
    )
    if (keuze.niveau !== "regio") {
      const regio = Model.informatiebeeld(model.dataset, { niveau: "regio" }, model.periode)
      if (regio.delicten.length > 0) {
        out.push(leeg)
        out.push(
          ...top(
            regio,
            `Ter vergelijking, ${regio.naam} in ${Periode.label(regio.periode)}: meeste slachtoffers`
          )
        )
      }
    }
  } else {
    const eigen = top(beeld, "Meeste slachtoffers")
    if (eigen.length > 0) out.push(...eigen, leeg)
    for (const t of Table.tabelRegels(beeld, width)) out.push(gewoon(t))
    out.push(zacht(`${Table.nietBekend} = niet bekend of niet te berekenen; * = over een reeksbreuk heen`))
  }
  if (beeld.opmerkingen.length > 0) {
    out.push(leeg)
    out.push(kop("Opmerkingen"))
    for (const o of beeld.opmerkingen) out.push(...bullet(o, width))
  }
  if (beeld.herkomst.length > 0) {
    out.push(leeg)
    out.push(kop("Bronnen"))
    for (const bron of Table.bronnen(beeld)) out.push(...bullet(bron, width))
  }
  return out
}

/**
 * The panel under the Acties board: the selected actie in full.
 *
 * @since 0.1.0
 * @category formatting
 */
export const actieLines = (model: Model.Model, item: Model.ActieItem, width: number): Array<Line> => {
  const { actie } = item
  const baten = actie.baten
    .map((id) => Din.baat(model.dataset.program, actie.jaar, id))
    .map((b) => (b === undefined ? "" : `baat ${b.nummer}`))
    .join(", ")
  return [
    kop(truncate(`${actie.nummer}. ${actie.titel}`, width)),
    gewoon(
      truncate(
        `Status: ${Jaarplan.statusLabel(actie.status)}  ·  ${baten}  ·  coördinatie: ${actie.coordinatie.join(", ") || "onbekend"}`,
        width
      )
    ),
    ...wrapped(actie.doel, width, "", "zacht"),
    ...(actie.beoogdeResultaten.length === 0
      ? []
      : [gewoon("Beoogd:"), ...actie.beoogdeResultaten.flatMap((r) => wrapped(`- ${r.tekst}`, width, "  "))])
  ]
}
