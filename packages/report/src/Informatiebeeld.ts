/**
 * The informatiebeeld report: the local picture of online crime for a gemeente (or a district or the
 * regio) in a period, as one self-contained HTML file laid out for A4 and for screen. Every number comes
 * from core `Informatiebeeld.make`; the public version shows the cells of core's `Suppression.publicatie`,
 * one pattern over every report of the set, the API and the exports together.
 *
 * @since 0.1.0
 */
import {
  Activity,
  type Dataset,
  Geography,
  Getal,
  Informatiebeeld,
  Money,
  Periode,
  Registration,
  Suppression
} from "@dvcc/core"
import { Effect } from "effect"
import type { TopLevelSpec } from "vega-lite"
import { svg } from "./internal/Chart.ts"
import { alinea, document, esc, kop2, kop3, lijst, tabel } from "./internal/Html.ts"
import {
  aantal,
  afgeleidHtml,
  capitalize,
  celHtml,
  formatVan,
  isZichtbaar,
  naamMetDekking,
  perTienduizend
} from "./internal/Opmaak.ts"

/**
 * The data a report is made from: the region, the police registrations with their breaks in series, and
 * the activity register.
 *
 * @since 0.1.0
 * @category models
 */
export interface Gegevens {
  readonly regio: Geography.Regio
  readonly registraties: ReadonlyArray<Registration.Registration>
  readonly reeksbreuken: ReadonlyArray<Registration.Reeksbreuk>
  readonly activiteiten: ReadonlyArray<Activity.Activity>
  /** The programme whose activity register the report counts, named in its sources line. */
  readonly programma?: string
}

/**
 * The data of a report from the programme's dataset (as `ProgramStore.load` gives it).
 *
 * @since 0.1.0
 * @category constructors
 */
export const gegevensVan = (dataset: Dataset.Dataset): Gegevens => ({
  regio: dataset.regio,
  registraties: dataset.registraties,
  reeksbreuken: dataset.reeksbreuken,
  activiteiten: dataset.activiteiten,
  programma: dataset.program.naam
})

/**
 * A file name people recognise, ASCII only: `utrecht-2025-Q3.html`, or with a prefix and another
 * extension `informatiebeeld-utrecht-2025-Q3.pdf`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const bestandsnaam = (
  naam: string,
  periode: Periode.Periode,
  opties: { readonly extensie?: string; readonly voorvoegsel?: string } = {}
): string =>
  `${opties.voorvoegsel ?? ""}${naam
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")}-${periode}.${opties.extensie ?? "html"}`

/**
 * The thresholds of the conversation topics for the driehoek.
 *
 * @since 0.1.0
 * @category models
 */
export interface Drempels {
  /** A delict type rising more than this percentage against the same period a year earlier is a topic. */
  readonly stijgingProcent: number
  /** … when it has at least this many aangiften or slachtoffers now (small numbers jump easily). */
  readonly minimumAantal: number
  /** A rate per 10.000 inhabitants this many times the region's is high. */
  readonly perInwonerFactor: number
}

/**
 * @since 0.1.0
 * @category constants
 */
export const standaardDrempels: Drempels = { stijgingProcent: 25, minimumAantal: 10, perInwonerFactor: 1.25 }

/**
 * @since 0.1.0
 * @category models
 */
export interface Opties {
  readonly periode: Periode.Periode
  /** The version for the gemeente: the small-number rule applies and is stated. */
  readonly publiek: boolean
  /** Small-number threshold; default `Suppression.standaardDrempel`. */
  readonly drempel?: number
  /** The date the report is made. */
  readonly gemaakt: Periode.Datum
  /** The date of the data (the last import), shown with the sources on every page. */
  readonly standGegevens: Periode.Datum
  readonly drempels?: Drempels
  /** Link target of "overzicht" on a gemeente's page (`--all`). */
  readonly overzicht?: string
}

/** Activity types that are an intervention towards inhabitants or entrepreneurs. */
const interventies: ReadonlyArray<Activity.Activity["soort"]> = [
  "kennisbijeenkomst",
  "echt-nep-bijeenkomst",
  "actiedag-activiteit",
  "huisbezoek",
  "communicatie-uiting",
  "bakfiets-inzet",
  "train-de-trainer",
  "ciso-bijeenkomst",
  "contentsuggestie"
]

type Tellende = "aangiften" | "meldingen" | "slachtoffers"
const tellende: ReadonlyArray<Tellende> = ["aangiften", "meldingen", "slachtoffers"]
type Basis = "tovVorige" | "tovJaarEerder"
type Rij = Registration.Delict | "totaal"

/**
 * The published cells of an informatiebeeld: for the public version every count through core's
 * small-number rule (the delict rows and their totaal, in the period and in both comparison periods), the
 * damage hidden with a hidden number of victims. For the internal version every cell as computed.
 */
interface Afscherming {
  readonly huidig: (rij: Rij, maat: Informatiebeeld.Maat) => Suppression.Cel
  readonly basis: (soort: Basis, rij: Rij, maat: Informatiebeeld.Maat) => Suppression.Cel
}

const getalVan = (ib: Informatiebeeld.Informatiebeeld, rij: Rij): Informatiebeeld.Totaal =>
  rij === "totaal" ? ib.totaal : (ib.delicten.find((d) => d.delict === rij) ?? ib.totaal)

const afscherm = (
  ib: Informatiebeeld.Informatiebeeld,
  publicatie: Suppression.Publicatie | null
): Afscherming => {
  const gepubliceerd = Suppression.informatiebeeld(ib, publicatie)
  const opRij = (rijen: ReadonlyArray<Suppression.GepubliceerdeRij>) => new Map(rijen.map((r) => [r.rij, r]))
  const huidig = opRij(gepubliceerd.periode)
  const vorige = opRij(gepubliceerd.vorigePeriode)
  const jaarEerder = opRij(gepubliceerd.jaarEerder)
  return {
    huidig: (rij, maat) => huidig.get(rij)?.[maat] ?? null,
    basis: (soort, rij, maat) => (soort === "tovVorige" ? vorige : jaarEerder).get(rij)?.[maat] ?? null
  }
}

// ---------------------------------------------------------------------------------------------------------
// formatting
// ---------------------------------------------------------------------------------------------------------

/** Damage in whole euros: cents would suggest a precision the registrations do not have. */
const bedrag = (n: number): string => Money.formatKort(Money.cents(Math.round(n / 100) * 100))
const teken = (n: number): string => (n > 0 ? "+" : n < 0 ? "−" : "±")
const metTeken = (n: number, format: (n: number) => string): string => `${teken(n)}${format(Math.abs(n))}`

const formatVoor = (maat: Informatiebeeld.Maat): ((n: number) => string) =>
  maat === "schade" ? bedrag : aantal

/** `+12 (+8,5%)` against a base, or why not. */
const verschilTekst = (
  ib: Informatiebeeld.Informatiebeeld,
  a: Afscherming,
  rij: Rij,
  maat: Informatiebeeld.Maat,
  soort: Basis
): string => {
  const huidig = a.huidig(rij, maat)
  const basis = a.basis(soort, rij, maat)
  if (Suppression.isOnderdrukt(huidig) || Suppression.isOnderdrukt(basis)) return "afgeschermd"
  const v = getalVan(ib, rij)[maat][soort]
  if (v.absoluut === null || v.basis === null) return "niet te vergelijken"
  const format = formatVoor(maat)
  const procent = v.procent === null ? "" : ` (${metTeken(v.procent, (n) => `${Getal.format(n, 1)}%`)})`
  return `${metTeken(v.absoluut, format)}${procent}${v.reeksbreuk ? " (reeksbreuk)" : ""}`
}

// ---------------------------------------------------------------------------------------------------------
// the model of a report
// ---------------------------------------------------------------------------------------------------------

/**
 * A topic for the driehoek: a title, the explanation with the numbers behind it, and the rule that raised it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Gespreksonderwerp {
  readonly titel: string
  readonly uitleg: string
  readonly regel: string
}

/**
 * Everything a gemeente's report shows, computed once: the informatiebeelden of the area, its district and
 * the regio, the trend, the activities, the topics, and the published cells.
 *
 * @since 0.1.0
 * @category models
 */
export interface Rapport {
  readonly gebied: Geography.Gebied
  readonly beeld: Informatiebeeld.Informatiebeeld
  readonly district: Informatiebeeld.Informatiebeeld | null
  readonly regio: Informatiebeeld.Informatiebeeld
  readonly trend: ReadonlyArray<Informatiebeeld.Informatiebeeld>
  readonly activiteiten: ReadonlyArray<Activity.Activity>
  readonly activiteitenJaar: ReadonlyArray<Activity.Activity>
  readonly onderwerpen: ReadonlyArray<Gespreksonderwerp>
  readonly nietBeoordeeld: ReadonlyArray<string>
  readonly publiek: boolean
  readonly drempel: number
  /** The publication whose cells the public version shows; `null` for the internal version. */
  readonly publicatie: Suppression.Publicatie | null
  /** The programme whose activity register the report counts (`Gegevens.programma`). */
  readonly programma?: string
}

/**
 * The publication of the public version (`opties.publiek`), else `null`: one pattern over the whole data
 * set, computed once per set of registrations.
 *
 * @since 0.2.0
 * @category constructors
 */
export const publicatieVan = (
  gegevens: Gegevens,
  opties: Pick<Opties, "publiek" | "drempel">
): Suppression.Publicatie | null =>
  opties.publiek
    ? Suppression.publicatie({
        regio: gegevens.regio,
        registraties: gegevens.registraties,
        reeksbreuken: gegevens.reeksbreuken,
        ...(opties.drempel === undefined ? {} : { drempel: opties.drempel })
      })
    : null

/**
 * Why the public version of `opties.periode` cannot be made, or `undefined` when it can (see
 * `Suppression.nietGepubliceerd`).
 *
 * @since 0.2.0
 * @category constructors
 */
export const nietGepubliceerd = (gegevens: Gegevens, opties: Opties): string | undefined => {
  const publicatie = publicatieVan(gegevens, opties)
  return publicatie === null ? undefined : Suppression.nietGepubliceerd(publicatie, opties.periode)
}

// The reports of `--all` share the regio's and districts' pictures: each is computed once per data set.
const beelden = new WeakMap<Gegevens, Map<string, Informatiebeeld.Informatiebeeld>>()
const perPeriode = new WeakMap<
  Gegevens,
  ReadonlyMap<Periode.Periode, ReadonlyArray<Registration.Registration>>
>()

const overlapt = (a: Periode.Periode, b: Periode.Periode): boolean =>
  Periode.begin(a) <= Periode.einde(b) && Periode.begin(b) <= Periode.einde(a)

/**
 * The registrations `Informatiebeeld.make` can read for `periode`: those of a period that overlaps it, the
 * previous period or the same period a year earlier. `make` looks nothing else up, so its result is the
 * same as over all registrations, while each of the many pictures of `--all` indexes a fraction of them.
 */
const registratiesVoor = (
  gegevens: Gegevens,
  periode: Periode.Periode
): ReadonlyArray<Registration.Registration> => {
  let index = perPeriode.get(gegevens)
  if (index === undefined) {
    const opgebouwd = new Map<Periode.Periode, Array<Registration.Registration>>()
    for (const r of gegevens.registraties) {
      const rijen = opgebouwd.get(r.periode)
      if (rijen === undefined) opgebouwd.set(r.periode, [r])
      else rijen.push(r)
    }
    index = opgebouwd
    perPeriode.set(gegevens, index)
  }
  const perioden = [periode, Periode.vorige(periode), Periode.jaarEerder(periode)]
  return [...index].flatMap(([p, rijen]) => (perioden.some((q) => overlapt(p, q)) ? rijen : []))
}

/**
 * Core's informatiebeeld of an area in a period, computed once per data set.
 *
 * @since 0.1.0
 * @category constructors
 */
export const maakBeeld = (
  gegevens: Gegevens,
  gebied: Geography.Gebied,
  periode: Periode.Periode
): Informatiebeeld.Informatiebeeld => {
  let cache = beelden.get(gegevens)
  if (cache === undefined) {
    cache = new Map()
    beelden.set(gegevens, cache)
  }
  const key = `${JSON.stringify(gebied)}/${periode}`
  let beeld = cache.get(key)
  if (beeld === undefined) {
    beeld = Informatiebeeld.make({
      regio: gegevens.regio,
      registraties: registratiesVoor(gegevens, periode),
      reeksbreuken: gegevens.reeksbreuken,
      gebied,
      periode
    })
    cache.set(key, beeld)
  }
  return beeld
}

/** The area's last eight periods of the same length as `periode`, oldest first. */
const trendPerioden = (periode: Periode.Periode): ReadonlyArray<Periode.Periode> =>
  Array.from({ length: 8 }, (_, i) => Periode.verschuif(periode, i - 7))

/**
 * Computes what the report of `gebied` in `opties.periode` shows.
 *
 * @since 0.1.0
 * @category constructors
 */
export const rapport = (gegevens: Gegevens, gebied: Geography.Gebied, opties: Opties): Rapport => {
  const { periode } = opties
  const beeld = maakBeeld(gegevens, gebied, periode)
  const gemeente =
    gebied.niveau === "gemeente" ? gegevens.regio.gemeenten.find((g) => g.code === gebied.code) : undefined
  const district =
    gemeente?.district === null || gemeente?.district === undefined
      ? null
      : maakBeeld(gegevens, { niveau: "district", id: gemeente.district }, periode)
  const regio = gebied.niveau === "regio" ? beeld : maakBeeld(gegevens, Geography.regio, periode)
  const trend = trendPerioden(periode).map((p) => (p === periode ? beeld : maakBeeld(gegevens, gebied, p)))
  const codes = new Set<string>(beeld.gemeenten)
  const inGebied = (a: Activity.Activity) => a.gemeente !== null && codes.has(a.gemeente)
  const jaar = Periode.jaar(Periode.jaarVan(periode))
  const activiteiten = gegevens.activiteiten.filter(
    (a) => inGebied(a) && Periode.bevatDatum(periode, a.datum)
  )
  const activiteitenJaar = gegevens.activiteiten.filter(
    (a) => inGebied(a) && Periode.bevatDatum(jaar, a.datum) && a.datum <= Periode.einde(periode)
  )
  const drempel = opties.drempel ?? Suppression.standaardDrempel
  const basis = {
    gebied,
    beeld,
    district,
    regio,
    trend,
    activiteiten,
    activiteitenJaar,
    publiek: opties.publiek,
    drempel,
    publicatie: publicatieVan(gegevens, opties),
    ...(gegevens.programma === undefined ? {} : { programma: gegevens.programma })
  }
  const { onderwerpen, nietBeoordeeld } = gespreksonderwerpen(basis, opties.drempels ?? standaardDrempels)
  return { ...basis, onderwerpen, nietBeoordeeld }
}

const afschermingVan = (r: Pick<Rapport, "publicatie">, ib: Informatiebeeld.Informatiebeeld) =>
  afscherm(ib, r.publicatie)

// ---------------------------------------------------------------------------------------------------------
// topics for the driehoek
// ---------------------------------------------------------------------------------------------------------

const gespreksonderwerpen = (
  r: Omit<Rapport, "onderwerpen" | "nietBeoordeeld">,
  d: Drempels
): { onderwerpen: Array<Gespreksonderwerp>; nietBeoordeeld: Array<string> } => {
  const onderwerpen: Array<Gespreksonderwerp> = []
  const nietBeoordeeld: Array<string> = []
  const { beeld } = r
  const a = afschermingVan(r, beeld)
  const p = Periode.label(beeld.periode)
  const pj = Periode.label(beeld.jaarEerder)
  const jaar = Periode.jaarVan(beeld.periode)

  // 1. a delict type rising more than the threshold against the same period a year earlier
  for (const delict of beeld.delicten) {
    for (const maat of ["aangiften", "slachtoffers"] as const) {
      const nu = a.huidig(delict.delict, maat)
      const toen = a.basis("tovJaarEerder", delict.delict, maat)
      const v = delict[maat].tovJaarEerder
      if (!isZichtbaar(nu) || !isZichtbaar(toen) || v.procent === null) continue
      if (nu < d.minimumAantal || v.procent <= d.stijgingProcent) continue
      onderwerpen.push({
        titel: `${capitalize(Registration.delictLabel(delict.delict))}: ${maat} stijgen`,
        uitleg: `${aantal(nu)} ${maat} in ${p} tegen ${aantal(toen)} in ${pj}: ${metTeken(v.procent, (n) => `${Getal.format(n, 0)}%`)}.${v.reeksbreuk ? ` Let op: reeksbreuk (${v.redenen.join("; ")}).` : ""} Welke lokale aanpak past hierbij?`,
        regel: `Stijging van meer dan ${d.stijgingProcent}% ten opzichte van dezelfde periode een jaar eerder, bij minstens ${d.minimumAantal} ${maat}.`
      })
      break
    }
  }

  // 2. a high rate per inhabitant without an intervention this year
  const maatPerInwoner = "slachtoffers" as const
  const eigen = beeld.totaal[maatPerInwoner].perTienduizend
  const regioRate = r.regio.totaal[maatPerInwoner].perTienduizend
  if (r.gebied.niveau === "regio") {
    // the region is the yardstick itself
  } else if (
    eigen === null ||
    regioRate === null ||
    !isZichtbaar(a.huidig("totaal", maatPerInwoner)) ||
    // the region's rate with its known inhabitants gives its count: only beside a visible count
    !isZichtbaar(Suppression.kengetal(r.regio, "totaal", maatPerInwoner, r.publicatie).waarde)
  ) {
    const waarom =
      eigen === null || regioRate === null
        ? beeld.totaal[maatPerInwoner].waarde === null
          ? "het aantal is onbekend"
          : "het inwonertal is onbekend"
        : "het aantal is afgeschermd"
    nietBeoordeeld.push(`Slachtoffers per 10.000 inwoners tegenover de regio: niet te beoordelen, ${waarom}.`)
  } else if (regioRate > 0 && eigen >= regioRate * d.perInwonerFactor) {
    const gedaan = r.activiteitenJaar.filter((x) => interventies.includes(x.soort))
    if (gedaan.length === 0) {
      onderwerpen.push({
        titel: "Veel slachtoffers per inwoner, nog geen interventie dit jaar",
        uitleg: `${perTienduizend(eigen)} slachtoffers per 10.000 inwoners in ${p}, tegen ${perTienduizend(regioRate)} in de regio (${Getal.format(eigen / regioRate, 2)} keer zo veel). Het activiteitenregister heeft in ${jaar} nog geen voorlichting, bijeenkomst of andere interventie in ${beeld.naam}.`,
        regel: `Slachtoffers per 10.000 inwoners minstens ${Getal.format(d.perInwonerFactor, 2)} keer het regionale cijfer, zonder interventie in het activiteitenregister dit jaar.`
      })
    }
  }

  // 3. the total rising against the previous period
  for (const maat of ["aangiften", "slachtoffers"] as const) {
    const nu = a.huidig("totaal", maat)
    const toen = a.basis("tovVorige", "totaal", maat)
    const v = beeld.totaal[maat].tovVorige
    if (!isZichtbaar(nu) || !isZichtbaar(toen) || v.procent === null) continue
    if (nu < d.minimumAantal || v.procent <= d.stijgingProcent) continue
    onderwerpen.push({
      titel: `Totaal aantal ${maat} stijgt`,
      uitleg: `${aantal(nu)} ${maat} in ${p} tegen ${aantal(toen)} in ${Periode.label(beeld.vorigePeriode)}: ${metTeken(v.procent, (n) => `${Getal.format(n, 0)}%`)}.`,
      regel: `Stijging van meer dan ${d.stijgingProcent}% ten opzichte van de vorige periode, bij minstens ${d.minimumAantal} ${maat}.`
    })
    break
  }

  // 4. the picture not yet discussed in the driehoek this year
  if (r.gebied.niveau === "gemeente") {
    const besproken = r.activiteitenJaar.filter((x) => x.soort === "informatiebeeld-besproken-in-driehoek")
    if (besproken.length === 0) {
      onderwerpen.push({
        titel: "Informatiebeeld nog niet besproken in de driehoek",
        uitleg: `Het activiteitenregister heeft in ${jaar} tot en met ${Periode.datumLabel(Periode.einde(beeld.periode))} geen bespreking van het informatiebeeld in de driehoek van ${beeld.naam}. Dit beeld kan de aanleiding zijn.`,
        regel: "Geen activiteit “informatiebeeld besproken in driehoek” in het activiteitenregister dit jaar."
      })
    }
  }
  return { onderwerpen, nietBeoordeeld }
}

// ---------------------------------------------------------------------------------------------------------
// rendering
// ---------------------------------------------------------------------------------------------------------

const periodeOmschrijving = (periode: Periode.Periode): string =>
  `${Periode.label(periode)} (${Periode.datumLabel(Periode.begin(periode))} – ${Periode.datumLabel(Periode.einde(periode))})`

const maatKop: Record<Informatiebeeld.Maat, string> = {
  aangiften: "Aangiften",
  meldingen: "Meldingen",
  slachtoffers: "Slachtoffers",
  schade: "Schade"
}

const kengetallen = (r: Rapport, a: Afscherming): string => {
  const { beeld } = r
  const kaarten = Informatiebeeld.maten.map((maat) => {
    const cel = a.huidig("totaal", maat)
    return `<li class="kengetal"><p class="naam">${maatKop[maat]}</p><p class="waarde" data-kengetal="${maat}">${celHtml(cel, formatVan(beeld, formatVoor(maat)))}</p><p class="verschil">t.o.v. ${esc(Periode.label(beeld.vorigePeriode))}: ${esc(verschilTekst(beeld, a, "totaal", maat, "tovVorige"))}</p><p class="verschil">t.o.v. ${esc(Periode.label(beeld.jaarEerder))}: ${esc(verschilTekst(beeld, a, "totaal", maat, "tovJaarEerder"))}</p></li>`
  })
  return `<section aria-labelledby="kerncijfers">${kop2("Kerncijfers", "kerncijfers")}<ul class="kengetallen">${kaarten.join("")}</ul></section>`
}

const trendSectie = (r: Rapport): Effect.Effect<string> =>
  Effect.gen(function* () {
    const rijen = r.trend.map((ib) => {
      const cellen = tellende.map((m) => Suppression.kengetal(ib, "totaal", m, r.publicatie).waarde)
      return { periode: Periode.label(ib.periode), cellen, beeld: ib }
    })
    const eenheid =
      Periode.granulariteit(r.beeld.periode) === "kwartaal"
        ? "kwartalen"
        : Periode.granulariteit(r.beeld.periode) === "jaar"
          ? "jaren"
          : "maanden"
    // a hidden or unknown figure is a gap in its line, not a line drawn past it
    const waarden = rijen.flatMap((rij) =>
      tellende.map((maat, i) => {
        const cel = rij.cellen[i] ?? null
        return { periode: rij.periode, maat: maatKop[maat], aantal: isZichtbaar(cel) ? cel : null }
      })
    )
    const titel = `Ontwikkeling over de laatste acht ${eenheid}`
    const spec: TopLevelSpec = {
      width: 620,
      height: 170,
      data: { values: waarden },
      mark: { type: "line", point: true, strokeWidth: 2, invalid: "break-paths-show-domains" },
      encoding: {
        x: {
          field: "periode",
          type: "ordinal",
          sort: rijen.map((x) => x.periode),
          scale: { domain: rijen.map((x) => x.periode) },
          axis: { title: null, labelAngle: 0 }
        },
        y: { field: "aantal", type: "quantitative", axis: { title: null, format: ",d", tickCount: 5 } },
        // the same colour and dash for a figure in every report, whichever figures are known
        color: {
          field: "maat",
          type: "nominal",
          title: null,
          scale: { domain: tellende.map((m) => maatKop[m]), range: ["#24578f", "#b35c00", "#2e7d4f"] }
        },
        strokeDash: {
          field: "maat",
          type: "nominal",
          title: null,
          scale: {
            domain: tellende.map((m) => maatKop[m]),
            range: [
              [1, 0],
              [6, 3],
              [2, 2]
            ]
          }
        }
      }
    }
    const grafiek = !waarden.some((w) => w.aantal !== null)
      ? alinea("Geen bekende cijfers in deze periodes: er is geen grafiek te tekenen.", "klein")
      : yield* svg(
          spec,
          `Lijngrafiek: aangiften, meldingen en slachtoffers per periode van ${rijen[0]?.periode} tot en met ${rijen.at(-1)?.periode}; de cijfers staan in de tabel hieronder.`
        )
    const tabelHtml = tabel(
      `Aangiften, meldingen en slachtoffers per periode, ${r.beeld.naam}`,
      [{ kop: "Cijfer" }, ...rijen.map((rij) => ({ kop: rij.periode, numeriek: true }))],
      tellende.map((maat, i) => [
        maatKop[maat],
        ...rijen.map((rij) => celHtml(rij.cellen[i] ?? null, formatVan(rij.beeld, aantal)))
      ]),
      { id: "trendtabel" }
    )
    return `<section aria-labelledby="trend">${kop2(titel, "trend")}<figure class="grafiek">${grafiek}<figcaption>${r.publiek ? "Een afgeschermd of onbekend cijfer is een onderbreking in de lijn; de tabel eronder geeft alle cijfers." : "Een periode zonder (volledige) registraties is een onderbreking in de lijn en staat als “onbekend” in de tabel."}</figcaption></figure>${tabelHtml}</section>`
  })

const delictSectie = (
  r: Rapport,
  a: Afscherming
): Effect.Effect<{ readonly figuur: string; readonly tabel: string }> =>
  Effect.gen(function* () {
    const { beeld } = r
    // public: the top among the visible rows only, so which rows are missing says nothing of their size
    const top = (
      r.publicatie === null
        ? beeld.topDelicten
        : Suppression.rijVolgorde(beeld).flatMap((d) => (d === "totaal" ? [] : [d]))
    )
      .flatMap((d) => {
        const cel = a.huidig(d, "slachtoffers")
        return isZichtbaar(cel)
          ? [{ delict: capitalize(Registration.delictLabel(d)), slachtoffers: cel }]
          : []
      })
      .sort((x, y) => (r.publicatie === null ? 0 : y.slachtoffers - x.slachtoffers))
      .slice(0, Informatiebeeld.aantalTop)
    const spec: TopLevelSpec = {
      width: 190,
      height: { step: 20 },
      data: { values: top },
      mark: { type: "bar", color: "#24578f" },
      encoding: {
        y: { field: "delict", type: "nominal", sort: null, axis: { title: null, labelLimit: 200 } },
        x: {
          field: "slachtoffers",
          type: "quantitative",
          axis: { title: "slachtoffers", format: ",d", tickCount: 4 }
        }
      }
    }
    const grafiek =
      top.length === 0
        ? alinea(
            beeld.delicten.length === 0
              ? "Geen registraties in deze periode."
              : "Geen delicttypen met een bekend (of niet afgeschermd) aantal slachtoffers.",
            "klein"
          )
        : yield* svg(
            spec,
            `Staafdiagram: slachtoffers per delicttype, de ${top.length} delicttypen met de meeste slachtoffers; de cijfers staan in de tabel.`
          )
    // public: a fixed order, since an order by size would say how a hidden row compares with the others
    const rijen: ReadonlyArray<Rij> =
      r.publicatie === null
        ? [...beeld.delicten.map((d) => d.delict), "totaal"]
        : Suppression.rijVolgorde(beeld)
    const tabelHtml = tabel(
      `Delicttypen in ${beeld.naam}, ${Periode.label(beeld.periode)}${r.publicatie === null ? ", meeste slachtoffers eerst" : ""}`,
      [
        { kop: "Delicttype" },
        ...Informatiebeeld.maten.map((m) => ({ kop: maatKop[m], numeriek: true })),
        { kop: `Slachtoffers t.o.v. ${Periode.label(beeld.jaarEerder)}`, numeriek: true }
      ],
      beeld.delicten.length === 0
        ? []
        : rijen.map((rij) => [
            rij === "totaal" ? "Totaal" : esc(capitalize(Registration.delictLabel(rij))),
            ...Informatiebeeld.maten.map((m) => celHtml(a.huidig(rij, m), formatVan(beeld, formatVoor(m)))),
            esc(verschilTekst(beeld, a, rij, "slachtoffers", "tovJaarEerder"))
          ]),
      { totaalRij: true, id: "delicten" }
    )
    return {
      figuur: `<section aria-labelledby="top">${kop2("Meeste slachtoffers", "top")}${
        top.length === 0
          ? grafiek
          : `<figure class="grafiek">${grafiek}<figcaption>Slachtoffers per delicttype, ${esc(Periode.label(beeld.periode))}; alle cijfers in de tabel “Delicttypen”.</figcaption></figure>`
      }</section>`,
      tabel: `<section aria-labelledby="delicttypen">${kop2("Delicttypen", "delicttypen")}${tabelHtml}</section>`
    }
  })

const activiteitenSectie = (r: Rapport): string => {
  const { beeld } = r
  const items = [...r.activiteiten]
    .sort((x, y) => x.datum.localeCompare(y.datum))
    .map((x) => {
      const delen = [
        `<strong>${esc(Periode.datumLabel(x.datum))}</strong>: ${esc(Activity.soortLabel[x.soort])}`,
        x.omschrijving === undefined ? "" : ` — ${esc(x.omschrijving)}`,
        x.doelgroep === undefined ? "" : ` (doelgroep ${esc(x.doelgroep)})`,
        x.bereik === undefined ? "" : `, bereik ${esc(aantal(x.bereik))}`
      ]
      return delen.join("")
    })
  const inhoud =
    items.length === 0
      ? alinea(
          `Het activiteitenregister heeft geen activiteiten in ${esc(beeld.naam)} in ${esc(Periode.label(beeld.periode))}.`
        )
      : lijst(items)
  return `<section aria-labelledby="activiteiten">${kop2("Activiteiten in deze periode", "activiteiten")}${inhoud}${alinea(`In ${Periode.jaarVan(beeld.periode)} tot en met deze periode: ${Getal.aantal(r.activiteitenJaar.length, "activiteiten", 0)} in het register.`, "klein")}</section>`
}

const vergelijkingSectie = (r: Rapport): string => {
  const rij = (naam: string, ib: Informatiebeeld.Informatiebeeld | null, waarom: string) => {
    if (ib === null) return [esc(naam), "onbekend", "onbekend", "onbekend", "onbekend"]
    const aangiften = Suppression.kengetal(ib, "totaal", "aangiften", r.publicatie)
    const slachtoffers = Suppression.kengetal(ib, "totaal", "slachtoffers", r.publicatie)
    return [
      esc(naamMetDekking(naam, ib)),
      celHtml(aangiften.waarde, formatVan(ib, aantal)),
      afgeleidHtml(aangiften.perTienduizend, perTienduizend, waarom),
      celHtml(slachtoffers.waarde, formatVan(ib, aantal)),
      afgeleidHtml(slachtoffers.perTienduizend, perTienduizend, waarom)
    ]
  }
  const inwonersOnbekend = (ib: Informatiebeeld.Informatiebeeld | null) => ib !== null && ib.inwoners === null
  const districtNaam = r.district === null ? "district (onbekend)" : r.district.naam
  const rijen = [
    ...(r.gebied.niveau === "regio" ? [] : [rij(r.beeld.naam, r.beeld, "")]),
    ...(r.gebied.niveau === "gemeente" ? [rij(districtNaam, r.district, "")] : []),
    rij(r.regio.naam, r.regio, "")
  ]
  const toelichting: Array<string> = []
  if (r.gebied.niveau === "gemeente" && r.district === null)
    toelichting.push(
      `Het district van ${esc(r.beeld.naam)} is onbekend in de gegevens: geen vergelijking met het district.`
    )
  if ([r.beeld, r.district, r.regio].some((ib) => ib !== null && ib.dekking !== null))
    toelichting.push(
      "Een gebied “uit N van M gemeenten” telt alleen de gemeenten met registraties over deze periode: het cijfer is minstens zo hoog, geen totaal, en heeft geen cijfer per 10.000 inwoners."
    )
  if ([r.beeld, r.district, r.regio].some(inwonersOnbekend))
    toelichting.push(
      "Het inwonertal is (voor een deel van de gemeenten) onbekend: het aantal per 10.000 inwoners is dan onbekend en niet geschat."
    )
  return `<section aria-labelledby="vergelijking">${kop2("Vergelijking per 10.000 inwoners", "vergelijking")}${tabel(
    `Aangiften en slachtoffers, ${Periode.label(r.beeld.periode)}, absoluut en per 10.000 inwoners`,
    [
      { kop: "Gebied" },
      { kop: "Aangiften", numeriek: true },
      { kop: "Aangiften per 10.000", numeriek: true },
      { kop: "Slachtoffers", numeriek: true },
      { kop: "Slachtoffers per 10.000", numeriek: true }
    ],
    rijen,
    { id: "vergelijking-tabel" }
  )}${toelichting.map((t) => alinea(t, "klein")).join("")}</section>`
}

const onderwerpenSectie = (r: Rapport): string => {
  const items = r.onderwerpen.map(
    (o) =>
      `<div class="suggestie">${kop3(o.titel)}<p class="utrecht-paragraph">${esc(o.uitleg)}</p><p class="utrecht-paragraph klein">Waarom dit onderwerp: ${esc(o.regel)}</p></div>`
  )
  const geen = alinea("Geen van de regels geeft voor deze periode een onderwerp; zie de cijfers hierboven.")
  const niet =
    r.nietBeoordeeld.length === 0
      ? ""
      : alinea(`Niet beoordeeld: ${r.nietBeoordeeld.map(esc).join(" ")}`, "klein")
  return `<section aria-labelledby="driehoek">${kop2("Gespreksonderwerpen voor de driehoek", "driehoek")}${alinea("Suggesties volgens vaste regels, elk met de cijfers waarop ze rusten. Ze zijn een startpunt voor het gesprek, geen conclusie.", "klein")}${items.length === 0 ? geen : items.join("")}${niet}</section>`
}

/**
 * The sources and dates line of a report, as plain text: at the foot of every printed page.
 *
 * @since 0.1.0
 * @category rendering
 */
export const bronnen = (r: Rapport, opties: Opties): string => {
  const aangeleverd = `Politie ${r.regio.naam.replace(/^regio /, "")}, registraties aangeleverd op ${Periode.datumLabel(opties.standGegevens)}`
  const herkomst = [
    ...new Set(
      r.beeld.herkomst.map((h) =>
        h.document === Registration.importHerkomst.document && h.sectie === Registration.importHerkomst.sectie
          ? aangeleverd
          : `${h.document}, ${h.sectie}`
      )
    )
  ]
  const bron = herkomst.length === 0 ? "politieregistratie" : `politieregistratie (${herkomst.join("; ")})`
  return `${r.beeld.naam}, ${Periode.label(r.beeld.periode)}. Bronnen: ${bron}; activiteitenregister van ${r.programma === undefined ? "het programma" : `het programma ${r.programma}`}. Stand van de gegevens: ${Periode.datumLabel(opties.standGegevens)}. Gemaakt op ${Periode.datumLabel(opties.gemaakt)}.${r.publiek ? ` Kleine aantallen (minder dan ${r.drempel}) zijn afgeschermd.` : " Interne versie: niet verspreiden buiten het programma."}`
}

const toelichtingSectie = (r: Rapport): string => {
  const punten = [
    ...(r.publiek ? [esc(Suppression.uitleg(r.drempel))] : []),
    "Aangiften en meldingen zijn registraties van de politie; slachtoffers zijn de gedupeerden in die registraties; schade is het opgegeven bedrag. Een onbekend cijfer is onbekend, niet 0, en een som met een onbekend deel is onbekend.",
    ...Suppression.opmerkingen(r.beeld, r.publicatie).map((o) => esc(capitalize(o)))
  ]
  return `<section aria-labelledby="toelichting">${kop2("Toelichting bij de cijfers", "toelichting")}${lijst(punten)}</section>`
}

/** For an area of which only some gemeenten have registrations: which, at the top, before any figure. */
const dekkingSectie = (r: Rapport): string => {
  const { dekking } = r.beeld
  if (dekking === null) return ""
  const inwoners =
    dekking.inwoners !== null && dekking.inwonersVan !== null
      ? ` (${aantal(dekking.inwoners)} van ${aantal(dekking.inwonersVan)} inwoners)`
      : ""
  const zonder = dekking.van - dekking.gemeenten
  const tekst = `Cijfers uit ${dekking.gemeenten} van ${dekking.van} gemeenten${inwoners}: voor ${zonder === 1 ? "1 gemeente is" : `${zonder} gemeenten zijn`} geen registraties over ${Periode.label(r.beeld.periode)} vastgelegd. Elk cijfer hieronder is de som van de gemeenten met registraties, dus minstens het cijfer van ${r.beeld.naam}, geen totaal; welke gemeenten ontbreken staat in de toelichting.`
  return `<div class="dekking" role="note">${alinea(`<strong>Onvolledig.</strong> ${esc(tekst)}`)}</div>`
}

const kop = (r: Rapport, opties: Opties): string => {
  const soort =
    r.gebied.niveau === "gemeente"
      ? "Lokaal informatiebeeld online criminaliteit"
      : "Informatiebeeld online criminaliteit"
  const versie = r.publiek
    ? `<span class="label-publiek">Versie voor de gemeente</span>`
    : `<span class="label-publiek">Intern</span>`
  const terug =
    opties.overzicht === undefined
      ? ""
      : ` · <a class="utrecht-link" href="${esc(opties.overzicht)}">Naar het overzicht</a>`
  return `<header class="kop"><p class="soort">${soort}</p><h1 class="utrecht-heading-1">${esc(capitalize(r.beeld.naam))}${versie}</h1><p class="ondertitel">${esc(periodeOmschrijving(r.beeld.periode))} · ${esc(r.regio.naam.replace(/^regio /, ""))}${terug}</p></header>`
}

/**
 * The report as one self-contained HTML document: inline CSS (NL Design System) and SVG charts, no
 * scripts and no external resources; A4 pages in print with the sources and date on every page.
 *
 * @since 0.1.0
 * @category rendering
 */
export const renderRapport = (r: Rapport, opties: Opties, extra = ""): Effect.Effect<string> =>
  Effect.gen(function* () {
    const a = afschermingVan(r, r.beeld)
    const voet = bronnen(r, opties)
    const delicten = yield* delictSectie(r, a)
    const inhoud = [
      kop(r, opties),
      dekkingSectie(r),
      kengetallen(r, a),
      yield* trendSectie(r),
      `<div class="twee-kolommen">${delicten.figuur}${activiteitenSectie(r)}</div>`,
      delicten.tabel,
      vergelijkingSectie(r),
      onderwerpenSectie(r),
      extra,
      toelichtingSectie(r),
      `<div class="bron">${alinea(esc(voet))}</div>`
    ].join("\n")
    return document(`Informatiebeeld ${r.beeld.naam} ${Periode.label(r.beeld.periode)}`, inhoud, voet)
  })

/**
 * The informatiebeeld report of `gebied` in `opties.periode`, as one self-contained HTML file.
 *
 * @example
 * ```ts
 * import { renderInformatiebeeld } from "@dvcc/report"
 * const html = yield* renderInformatiebeeld(gegevens, { niveau: "gemeente", code }, {
 *   periode, publiek: true, gemaakt, standGegevens
 * })
 * ```
 *
 * @since 0.1.0
 * @category rendering
 */
export const renderInformatiebeeld = (
  gegevens: Gegevens,
  gebied: Geography.Gebied,
  opties: Opties
): Effect.Effect<string> => renderRapport(rapport(gegevens, gebied, opties), opties)
