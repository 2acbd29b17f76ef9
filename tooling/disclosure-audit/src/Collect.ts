/**
 * What an audience can obtain, collected from the real outputs: the API app (`app.request` with the
 * audience's token), the report set of `dvcc report informatiebeeld --all --publiek` (the real render
 * functions) and the Excel workbooks of `dvcc export informatiebeeld --all --publiek`. Every cell an
 * output shows is recorded with the interval its text allows; a derived figure is turned back into the
 * cell it derives from (a change gives its base, a share the region's total), as a careful reader would.
 */
import { Geography, Periode, Registration } from "@dvcc/core"
import { Export } from "@dvcc/excel"
import { Overzicht, Informatiebeeld as Rapport } from "@dvcc/report"
import { Effect } from "effect"
import type ExcelJS from "exceljs"

export type Maat = "aangiften" | "meldingen" | "slachtoffers" | "schade"
export const maten: ReadonlyArray<Maat> = ["aangiften", "meldingen", "slachtoffers", "schade"]
export type Rij = Registration.Delict | "totaal"

export const gebiedKey = (g: Geography.Gebied): string =>
  g.niveau === "regio" ? "regio" : g.niveau === "gemeente" ? `gemeente:${g.code}` : `${g.niveau}:${g.id}`

export const sleutel = (gebied: Geography.Gebied | string, periode: string, rij: Rij, maat: Maat): string =>
  `${typeof gebied === "string" ? gebied : gebiedKey(gebied)}|${periode}|${rij}|${maat}`

/** Everything an audience has seen, over all its outputs. */
export interface Zicht {
  /** Cells shown as a number, with the interval the shown text allows (exact for counts). */
  readonly getoond: Map<string, readonly [number, number]>
  /** Cells shown as `< threshold`. */
  readonly klein: Set<string>
  /** Cells shown hidden (either mark). */
  readonly verborgen: Set<string>
  /** Where a cell was first shown, for the message of a finding. */
  readonly bron: Map<string, string>
  /** Findings while collecting: a derived figure beside a hidden cell, a number shown where a mark was. */
  readonly fouten: Array<string>
  /** Ranks shown: the area, period and row they rank. */
  readonly rangen: Array<{
    readonly gebied: string
    readonly periode: string
    readonly rij: Rij
    readonly bron: string
  }>
}

export const leegZicht = (): Zicht => ({
  getoond: new Map(),
  klein: new Set(),
  verborgen: new Set(),
  bron: new Map(),
  fouten: [],
  rangen: []
})

export const samen = (...zichten: ReadonlyArray<Zicht>): Zicht => {
  const z = leegZicht()
  for (const x of zichten) {
    for (const [k, v] of x.getoond) toon(z, k, v, x.bron.get(k) ?? "?")
    for (const k of x.klein) z.klein.add(k)
    for (const k of x.verborgen) z.verborgen.add(k)
    z.fouten.push(...x.fouten)
    z.rangen.push(...x.rangen)
  }
  return z
}

export const toon = (z: Zicht, key: string, waarde: readonly [number, number], bron: string): void => {
  const oud = z.getoond.get(key)
  const nieuw: readonly [number, number] =
    oud === undefined ? waarde : [Math.max(oud[0], waarde[0]), Math.min(oud[1], waarde[1])]
  z.getoond.set(key, nieuw)
  if (!z.bron.has(key)) z.bron.set(key, bron)
}

type Cel = number | null | { readonly onderdrukt: true; readonly weergave: string }

const cel = (z: Zicht, key: string, c: Cel | undefined, bron: string): void => {
  if (c === null || c === undefined) return
  if (typeof c === "number") toon(z, key, [c, c], bron)
  else {
    z.verborgen.add(key)
    if (c.weergave.startsWith("<")) z.klein.add(key)
  }
}

// ---------------------------------------------------------------------------------------------------------
// the API
// ---------------------------------------------------------------------------------------------------------

export type Request = (path: string) => Promise<Response>

interface GepubliceerdeRij {
  readonly rij: Rij
  readonly aangiften: Cel
  readonly meldingen: Cel
  readonly slachtoffers: Cel
  readonly schade: Cel
}

/** The paths of the areas a token may ask for (it is refused the others, which adds nothing). */
export const gebiedPaden = (regio: Geography.Regio): ReadonlyArray<string> => [
  "regio",
  ...regio.districten.map((d) => d.id),
  ...regio.basisteams.map((b) => b.id),
  ...regio.gemeenten.map((g) => g.code)
]

/**
 * `GET /informatiebeeld/{gebied}` for every area and period, and `GET /registraties`: everything the token
 * gets (a refused request adds nothing).
 */
export const viaApi = async (
  request: Request,
  regio: Geography.Regio,
  perioden: ReadonlyArray<string>
): Promise<Zicht> => {
  const z = leegZicht()
  for (const pad of gebiedPaden(regio))
    for (const periode of perioden) {
      const response = await request(`/api/v1/informatiebeeld/${pad}?periode=${periode}`)
      if (response.status !== 200) continue
      const body = (await response.json()) as {
        readonly gebied: Geography.Gebied
        readonly periode: string
        readonly vorigePeriode: string
        readonly jaarEerder: string
        readonly gepubliceerd: Record<
          "periode" | "vorigePeriode" | "jaarEerder",
          ReadonlyArray<GepubliceerdeRij>
        >
        readonly volledig: unknown
      }
      const bron = `API informatiebeeld/${pad}?periode=${periode}`
      if (body.volledig !== null) z.fouten.push(`${bron}: het volledige beeld is meegegeven`)
      for (const [deel, p] of [
        ["periode", body.periode],
        ["vorigePeriode", body.vorigePeriode],
        ["jaarEerder", body.jaarEerder]
      ] as const)
        for (const rij of body.gepubliceerd[deel])
          for (const m of maten) cel(z, sleutel(body.gebied, p, rij.rij, m), rij[m], bron)
    }
  const response = await request("/api/v1/registraties")
  if (response.status === 200) {
    const rows = (await response.json()) as ReadonlyArray<{
      readonly periode: string
      readonly gebied: Geography.Gebied
      readonly delict: Registration.Delict
      readonly aangiften: Cel
      readonly meldingen: Cel
      readonly slachtoffers: Cel
      readonly schade: Cel
    }>
    for (const r of rows)
      for (const m of maten) cel(z, sleutel(r.gebied, r.periode, r.delict, m), r[m], "API registraties")
  }
  return z
}

// ---------------------------------------------------------------------------------------------------------
// the report set
// ---------------------------------------------------------------------------------------------------------

const tekst = (html: string): string =>
  html
    .replace(/<[^>]+>/g, "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&")
    .replaceAll("&nbsp;", " ")
    .trim()

/** The tables of a document: caption or id, header cells, body rows of cell texts. */
const tabellen = (
  html: string
): ReadonlyArray<{
  readonly id: string
  readonly bijschrift: string
  readonly kop: ReadonlyArray<string>
  readonly rijen: ReadonlyArray<ReadonlyArray<string>>
}> =>
  [...html.matchAll(/<table class="utrecht-table"(?: id="([^"]*)")?>([\s\S]*?)<\/table>/g)].map((m) => {
    const inhoud = m[2] ?? ""
    const [kopDeel = "", body = ""] = inhoud.split("<tbody")
    return {
      id: m[1] ?? "",
      bijschrift: tekst(inhoud.match(/<caption[^>]*>([\s\S]*?)<\/caption>/)?.[1] ?? ""),
      kop: [...kopDeel.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((c) => tekst(c[1] ?? "")),
      rijen: [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((rij) =>
        [...(rij[1] ?? "").matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => tekst(c[1] ?? ""))
      )
    }
  })

/** A number as the reports print it: `1.234`, `€ 1.234`, `€ 5,6 mln`; with the half-unit its rounding hides. */
const getal = (s: string, maat: Maat): readonly [number, number] | undefined => {
  const t = s.replace(/\s/g, "")
  const mln = t.endsWith("mln")
  const kaal = t.replace("€", "").replace("mln", "").replaceAll(".", "").replace(",", ".")
  if (!/^-?\d+(\.\d+)?$/.test(kaal)) return undefined
  const n = Number(kaal)
  if (maat !== "schade") return [n, n]
  if (mln) return [(n - 0.05) * 1e8, (n + 0.05) * 1e8]
  return [n * 100 - 50, n * 100 + 50]
}

/** `+12 (+8,5%)`, `−3`, `±0` → the absolute change. */
const verschil = (s: string, maat: Maat): readonly [number, number] | undefined => {
  const m = s.match(/^([+−±])([^ (]+)/)
  if (m === null) return undefined
  const g = getal(m[2] ?? "", maat)
  if (g === undefined) return undefined
  const teken = m[1] === "−" ? -1 : m[1] === "+" ? 1 : 0
  return teken === -1 ? [-g[1], -g[0]] : teken === 0 ? [0, 0] : g
}

const isMerk = (s: string) => s.startsWith("<") || s === "×"

interface Pagina {
  readonly gebied: Geography.Gebied
  readonly periode: Periode.Periode
  readonly html: string
  readonly naam: string
}

/** Reads one page of the report set into `z`. */
export const leesRapport = (z: Zicht, regio: Geography.Regio, pagina: Pagina): void => {
  const { gebied, periode, html } = pagina
  const bron = `rapport ${pagina.naam} ${periode}`
  const delictVan = new Map<string, Rij>([
    ...Registration.Delict.literals.map((d) => [capitalize(Registration.delictLabel(d)), d] as const),
    ["Totaal", "totaal"]
  ])
  const gebiedVan = new Map<string, Geography.Gebied>()
  for (const g of [
    Geography.regio,
    ...regio.districten.map((d): Geography.Gebied => ({ niveau: "district", id: d.id })),
    ...regio.basisteams.map((b): Geography.Gebied => ({ niveau: "basisteam", id: b.id })),
    ...regio.gemeenten.map((g): Geography.Gebied => ({ niveau: "gemeente", code: g.code }))
  ]) {
    const label = Geography.gebiedLabel(regio, g)
    gebiedVan.set(label, g)
    gebiedVan.set(capitalize(label), g)
  }
  const periodeVan = new Map<string, string>()
  for (let i = -12; i <= 12; i++) {
    const p = Periode.verschuif(periode, i)
    periodeVan.set(Periode.label(p), p)
  }
  const zet = (g: Geography.Gebied, p: string, rij: Rij, maat: Maat, s: string): void => {
    const key = sleutel(g, p, rij, maat)
    if (isMerk(s)) {
      z.verborgen.add(key)
      if (s.startsWith("<")) z.klein.add(key)
      return
    }
    const w = getal(s, maat)
    if (w !== undefined) toon(z, key, w, bron)
  }
  /** A change beside a shown cell gives its base back: base = current − change. */
  const basis = (g: Geography.Gebied, p: string, basisPeriode: string, rij: Rij, maat: Maat, s: string) => {
    const huidig = z.getoond.get(sleutel(g, p, rij, maat))
    const d = verschil(s, maat)
    if (d === undefined) return
    if (huidig === undefined) {
      z.fouten.push(`${bron}: verandering ${s} naast een niet getoond ${maat} (${rij})`)
      return
    }
    toon(
      z,
      sleutel(g, basisPeriode, rij, maat),
      [huidig[0] - d[1], huidig[1] - d[0]],
      `${bron} (verandering)`
    )
  }

  // the key figures with their changes
  for (const maat of maten) {
    const m = html.match(
      new RegExp(
        `data-kengetal="${maat}">([\\s\\S]*?)</p><p class="verschil">t\\.o\\.v\\. ([^:]*): ([^<]*)</p><p class="verschil">t\\.o\\.v\\. ([^:]*): ([^<]*)</p>`
      )
    )
    if (m === null) continue
    zet(gebied, periode, "totaal", maat, tekst(m[1] ?? ""))
    for (const [label, wat] of [
      [m[2], m[3]],
      [m[4], m[5]]
    ]) {
      const p = periodeVan.get(tekst(label ?? ""))
      if (p !== undefined) basis(gebied, periode, p, "totaal", maat, tekst(wat ?? ""))
    }
  }
  for (const t of tabellen(html)) {
    if (t.id === "delicten") {
      for (const rij of t.rijen) {
        const r = delictVan.get(rij[0] ?? "")
        if (r === undefined) continue
        maten.forEach((maat, i) => {
          zet(gebied, periode, r, maat, rij[i + 1] ?? "")
        })
        basis(gebied, periode, Periode.jaarEerder(periode), r, "slachtoffers", rij[5] ?? "")
      }
    } else if (t.id === "trendtabel") {
      for (const rij of t.rijen) {
        const maat = (rij[0] ?? "").toLowerCase() as Maat
        if (!maten.includes(maat)) continue
        rij.slice(1).forEach((s, i) => {
          const p = periodeVan.get(t.kop[i + 1] ?? "")
          if (p !== undefined) zet(gebied, p, "totaal", maat, s)
        })
      }
    } else if (
      t.id === "vergelijking-tabel" ||
      t.id === "districten-tabel" ||
      t.id === "gemeenten-tabel" ||
      t.bijschrift.startsWith("Aangiften en slachtoffers,")
    ) {
      for (const rij of t.rijen) {
        const g = gebiedVan.get(rij[0] ?? "")
        if (g === undefined) continue
        const kolommen = [
          ["aangiften", rij[1], rij[2]],
          ["slachtoffers", rij[3], rij[4]]
        ] as const
        for (const [maat, waarde = "", per = ""] of kolommen) {
          zet(g, periode, "totaal", maat, waarde)
          const getoond = z.getoond.has(sleutel(g, periode, "totaal", maat))
          if (!getoond && /^\d/.test(per))
            z.fouten.push(`${bron}: ${maat} per 10.000 van ${rij[0]} getoond bij een afgeschermd aantal`)
        }
      }
    }
  }
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

/**
 * The public report set of every period in `perioden`: each gemeente's report and the overview (the
 * regio's report with the district and gemeente tables), as `dvcc report informatiebeeld --all --publiek`
 * writes them.
 */
export const viaRapporten = async (
  gegevens: Rapport.Gegevens,
  perioden: ReadonlyArray<Periode.Periode>
): Promise<Zicht> => {
  const z = leegZicht()
  const { regio } = gegevens
  for (const periode of perioden) {
    const opties: Rapport.Opties = {
      periode,
      publiek: true,
      gemaakt: "2026-01-15" as Periode.Datum,
      standGegevens: "2026-01-10" as Periode.Datum
    }
    for (const g of regio.gemeenten) {
      const gebied: Geography.Gebied = { niveau: "gemeente", code: g.code }
      const html = await Effect.runPromise(Rapport.renderInformatiebeeld(gegevens, gebied, opties))
      leesRapport(z, regio, { gebied, periode, html, naam: g.naam })
    }
    const html = await Effect.runPromise(Overzicht.renderOverzicht(gegevens, opties, new Map()))
    leesRapport(z, regio, { gebied: Geography.regio, periode, html, naam: "overzicht" })
  }
  return z
}

// ---------------------------------------------------------------------------------------------------------
// the Excel workbooks
// ---------------------------------------------------------------------------------------------------------

const waardeVan = (c: ExcelJS.CellValue): number | string | null =>
  typeof c === "number" || typeof c === "string" ? c : null

/**
 * The workbooks of `dvcc export informatiebeeld --all --publiek` for every period in `perioden`, read cell
 * by cell; a change or share beside a shown count gives its base or the region's total back.
 */
export const viaExcel = (
  input: Omit<Export.InformatiebeeldInput, "periode" | "publiek">,
  perioden: ReadonlyArray<Periode.Periode>
): Zicht => {
  const z = leegZicht()
  const delictVan = new Map<string, Rij>([
    ...Registration.Delict.literals.map((d) => [Registration.delictLabel(d), d] as const),
    ["Totaal", "totaal"]
  ])
  for (const periode of perioden) {
    for (const { gemeente, workbook } of Export.informatiebeeldWorkbooks({
      ...input,
      periode,
      publiek: true
    })) {
      const sheet = workbook.getWorksheet("Informatiebeeld")
      if (sheet === undefined) continue
      const gebied: Geography.Gebied = { niveau: "gemeente", code: gemeente.code }
      const bron = `Excel ${gemeente.naam} ${periode}`
      sheet.eachRow((row) => {
        const label = waardeVan(row.getCell(1).value)
        const rij = typeof label === "string" ? delictVan.get(label) : undefined
        if (rij === undefined) return
        const v = (c: number) => waardeVan(row.getCell(c).value)
        const zet = (g: Geography.Gebied, p: string, maat: Maat, w: number | string | null, schaal = 1) => {
          if (w === null || w === "onbekend") return
          const key = sleutel(g, p, rij, maat)
          if (typeof w === "string") {
            if (isMerk(w)) {
              z.verborgen.add(key)
              if (w.startsWith("<")) z.klein.add(key)
            }
            return
          }
          const n = Math.round(w * schaal)
          toon(z, key, [n, n], bron)
        }
        zet(gebied, periode, "aangiften", v(2))
        zet(gebied, periode, "meldingen", v(3))
        zet(gebied, periode, "slachtoffers", v(4))
        zet(gebied, periode, "schade", v(5), 100)
        zet(Geography.regio, periode, "aangiften", v(12))
        zet(Geography.regio, periode, "slachtoffers", v(13))
        zet(Geography.regio, periode, "schade", v(14), 100)
        const slachtoffers = z.getoond.get(sleutel(gebied, periode, rij, "slachtoffers"))
        const afgeleid = (c: number, wat: string) => {
          const w = v(c)
          if (typeof w === "number" && slachtoffers === undefined)
            z.fouten.push(`${bron}: ${wat} (${rij}) getoond bij afgeschermde slachtoffers`)
          return typeof w === "number" && slachtoffers !== undefined ? w : undefined
        }
        afgeleid(6, "per 10.000")
        const aandeel = afgeleid(8, "aandeel in de regio")
        if (aandeel !== undefined && aandeel > 0 && slachtoffers !== undefined) {
          const totaal = Math.round((slachtoffers[0] * 100) / aandeel)
          toon(
            z,
            sleutel(Geography.regio, periode, rij, "slachtoffers"),
            [totaal, totaal],
            `${bron} (aandeel)`
          )
        }
        for (const [c, basis] of [
          [9, Periode.vorige(periode)],
          [10, Periode.jaarEerder(periode)]
        ] as const) {
          const procent = afgeleid(c, "verandering")
          if (procent !== undefined && slachtoffers !== undefined) {
            const b = Math.round(slachtoffers[0] / (1 + procent / 100))
            toon(z, sleutel(gebied, basis, rij, "slachtoffers"), [b, b], `${bron} (verandering)`)
          }
        }
        const rang = v(11)
        if (typeof rang === "string" && /^\d+ van \d+$/.test(rang))
          z.rangen.push({ gebied: gebiedKey(gebied), periode, rij, bron })
      })
    }
  }
  return z
}
