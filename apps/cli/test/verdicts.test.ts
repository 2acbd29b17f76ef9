/**
 * One verdict everywhere: the status of every indicator and every roll-up (programme, strategisch doel,
 * doel) as each output shows it — `dvcc status` as text and JSON, the terugblik, the KPI workbook, the
 * dashboard snapshot and `GET /api/v1/voortgang` — for several peildata, and with each output's default
 * peildatum, equals the one `Status.make` computes. Each output is read back from what it writes, not from
 * the functions behind it.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { App } from "@dvcc/api"
import { type Dataset, Periode, Progress, Rollup, Status } from "@dvcc/core"
import { Contract, Export, Voorbeeld } from "@dvcc/excel"
import { dataset as bundled } from "@dvcc/midden-nederland"
import { Jaarplan } from "@dvcc/report"
import { type Database, ProgramStore, Tokens } from "@dvcc/store"
import { Frame, Model } from "@dvcc/tui"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Effect, ManagedRuntime, Schema } from "effect"
import ExcelJS from "exceljs"
import { renderStatusReport } from "../src/StatusReport.ts"
import { dvcc, folder, initialised } from "./dvcc.ts"

const dir = folder()
const db = join(dir, "dvcc.sqlite")
const location: Database.Location = { _tag: "Sqlite", file: db }

/** Activities that feed KPIs (one in a gemeente without a known basisteam), and a quarter of content. */
const activiteiten: Dataset.Dataset["activiteiten"] = [
  ...["2026-01-08", "2026-01-15", "2026-01-29"].map((datum, i) => ({
    id: `kb-${i + 1}`,
    datum: datum as Periode.Datum,
    gemeente: "GM0344" as Dataset.Dataset["activiteiten"][number]["gemeente"],
    soort: "kennisbijeenkomst" as const,
    omschrijving: `Leerlijn sessie ${i + 1}`
  })),
  {
    id: "cs-1",
    datum: "2026-02-10" as Periode.Datum,
    gemeente: null,
    soort: "contentsuggestie",
    omschrijving: "Contentsuggesties Q1"
  },
  {
    id: "ib-1",
    datum: "2025-05-12" as Periode.Datum,
    gemeente: "GM0307" as Dataset.Dataset["activiteiten"][number]["gemeente"],
    soort: "informatiebeeld-besproken-in-driehoek"
  },
  { id: "hb-1", datum: "2025-06-01" as Periode.Datum, gemeente: null, soort: "huisbezoek" }
]

const peildata = ["2025-12-31", "2026-02-15", "2026-12-01"] as unknown as ReadonlyArray<Periode.Datum>
const jaren = [2025, 2026]

const runtime = ManagedRuntime.make(App.services(location))
let dataset: Dataset.Dataset
let token: string
let app: ReturnType<typeof App.createApp>

beforeAll(async () => {
  token = await runtime.runPromise(
    Effect.gen(function* () {
      yield* (yield* ProgramStore.ProgramStore).seed(
        { ...bundled, activiteiten },
        { actor: "test", source: "test" }
      )
      const created = yield* (yield* Tokens.Tokens).create(
        { naam: "test", rol: "programma", scope: null },
        "test"
      )
      return created.token
    })
  )
  // The dataset as the database gives it back: what every output reads.
  dataset = await runtime.runPromise(Effect.flatMap(ProgramStore.ProgramStore, (s) => s.load))
  app = App.createApp({ runtime, options: { log: () => {}, report: () => {} } })
}, 120_000)
afterAll(() => runtime.dispose())

/** A verdict as outputs show it: the status label, and for a roll-up how much of it is measured. */
type Shown = ReadonlyArray<string>

/** The verdicts of one year in the order every output lists them: programme, then per doel its baten and indicators. */
const expected = (year: Status.YearStatus): Shown => {
  const node = (n: { status: Progress.Status; gemeten: number; totaal: number }) =>
    `${Progress.statusLabel[n.status]} (${n.gemeten} van ${n.totaal} gemeten)`
  const out = [`programma ${node(year.programma)}`]
  for (const doel of year.programma.doelen) {
    out.push(`doel ${node(doel)}`)
    for (const baat of doel.baten) {
      out.push(`baat ${node(baat)}`)
      for (const p of year.indicatoren.filter((x) => x.baat === baat.baat))
        out.push(`${p.indicator} ${Progress.statusLabel[p.status]}`)
    }
  }
  return out
}

const coverage = (text: string): string => {
  const match = /^([a-z ]+?) \((\d+) van (\d+) gemeten\)/.exec(text.trim())
  return match === null ? `? ${text.slice(0, 40)}` : `${match[1]} (${match[2]} van ${match[3]} gemeten)`
}

// ---------------------------------------------------------------------------------------------------------
// Reading each output back
// ---------------------------------------------------------------------------------------------------------

/** `dvcc status` text: badge lines, their continuation lines joined; signal lines are not verdicts. */
const fromStatusText = (text: string, jaar: number): Shown => {
  const section = text
    .split(/^(?=Jaarplan \d{4} — peildatum)/m)
    .find((s) => s.startsWith(`Jaarplan ${jaar} `))
  assert.isDefined(section, `Jaarplan ${jaar} in the status text`)
  const entries: Array<{ badge: string; text: string }> = []
  for (const line of (section ?? "").split("\n")) {
    const badge = /^\s*\[([a-z ]+)\]\s+(.*)$/.exec(line)
    if (badge !== null && !(badge[2] ?? "").startsWith("Signaal uit")) {
      entries.push({ badge: badge[1] ?? "", text: badge[2] ?? "" })
    } else if (entries.length > 0 && badge === null) {
      const last = entries[entries.length - 1] as { badge: string; text: string }
      last.text += ` ${line.trim()}`
    }
  }
  return entries.map((e) => {
    const gemeten = /\((\d+) van (\d+) gemeten\)/.exec(e.text)
    if (e.text.startsWith("Programma "))
      return `programma ${e.badge} (${gemeten?.[1]} van ${gemeten?.[2]} gemeten)`
    if (e.text.startsWith("Strategisch doel: "))
      return `doel ${e.badge} (${gemeten?.[1]} van ${gemeten?.[2]} gemeten)`
    if (/^Doel \d: /.test(e.text)) return `baat ${e.badge} (${gemeten?.[1]} van ${gemeten?.[2]} gemeten)`
    return `${e.text.split(":")[0]} ${e.badge}`
  })
}

/** The JSON of `dvcc status --json` and of the API: the report itself. */
const fromReport = (json: unknown, jaar: number): Shown => {
  const report = Schema.decodeUnknownSync(Status.StatusReport)(json)
  const year = report.jaren.find((j) => j.jaar === jaar)
  assert.isDefined(year)
  return expected(year as Status.YearStatus)
}

/** The terugblik in Markdown: the programme and doelen paragraphs, per doel its status line and table. */
const fromTerugblik = (md: string, year: Status.YearStatus): Shown => {
  const lines = md.split("\n")
  const out: Array<string> = []
  const programma = lines.find((l) => l.includes("Programma als geheel: "))
  out.push(`programma ${coverage((programma ?? "").split("Programma als geheel: ")[1] ?? "")}`)
  const doelen = new Map<string, string>()
  for (const l of lines) {
    const m = /^Strategisch doel: (.+?): ([a-z ]+ \(\d+ van \d+ gemeten\))/.exec(l)
    if (m !== null) doelen.set(m[1] ?? "", coverage(m[2] ?? ""))
  }
  const baten = new Map<string, { status: string; rows: Array<string> }>()
  let current: { status: string; rows: Array<string> } | undefined
  for (const l of lines) {
    const kop = /^## Doel (\d): /.exec(l)
    if (kop !== null) {
      current = { status: "", rows: [] }
      baten.set(kop[1] ?? "", current)
    } else if (current !== undefined && l.startsWith("Status: ")) {
      current.status = coverage(l.slice("Status: ".length))
    } else if (current !== undefined && l.startsWith("| ") && !/^\| (Monitoringsafspraak|---)/.test(l)) {
      const cells = l.split(" | ")
      current.rows.push(cells[2] ?? "")
    }
  }
  for (const doel of year.programma.doelen) {
    out.push(`doel ${doelen.get(doel.naam) ?? "?"}`)
    for (const baat of doel.baten) {
      const nummer = bundled.program.strategieperioden[0].baten.find((b) => b.id === baat.baat)?.nummer ?? 0
      const shown = baten.get(`${nummer}`)
      out.push(`baat ${shown?.status ?? "?"}`)
      const own = year.indicatoren.filter((x) => x.baat === baat.baat)
      for (const [i, p] of own.entries()) out.push(`${p.indicator} ${shown?.rows[i] ?? "?"}`)
    }
  }
  return out
}

const cellText = (cell: ExcelJS.Cell): string => String(cell.value ?? "")

/** The KPI workbook: the programme in the subtitle, the doel sheets' summary rows, the Indicatoren sheet. */
const fromKpi = (workbook: ExcelJS.Workbook, year: Status.YearStatus): Shown => {
  const sheet = workbook.getWorksheet("Indicatoren") as ExcelJS.Worksheet
  const status = new Map<string, string>()
  let programma = "?"
  sheet.eachRow((row) => {
    const first = cellText(row.getCell(1))
    if (first.startsWith("Programma: ")) programma = coverage(first.slice("Programma: ".length))
    const id = cellText(row.getCell(Export.kpiHeaders.indexOf("Indicator") + 1))
    if (id !== "" && id !== "Indicator")
      status.set(id, cellText(row.getCell(Export.kpiHeaders.indexOf("Status") + 1)))
  })
  const out = [`programma ${programma}`]
  year.programma.doelen.forEach((doel, d) => {
    const doelSheet = workbook.worksheets[d + 1] as ExcelJS.Worksheet
    const summary = new Map<string, string>()
    doelSheet.eachRow((row) => {
      const soort = cellText(row.getCell(1))
      // The summary rows come first; the table's header row below repeats "Strategisch doel".
      if ((soort === "Strategisch doel" || /^Doel \d$/.test(soort)) && !summary.has(soort))
        summary.set(
          soort,
          `${cellText(row.getCell(3))} ${coverage(cellText(row.getCell(4))).replace(/^[a-z ]+ /, "")}`
        )
    })
    out.push(`doel ${summary.get("Strategisch doel") ?? "?"}`)
    for (const baat of doel.baten) {
      const nummer = bundled.program.strategieperioden[0].baten.find((b) => b.id === baat.baat)?.nummer ?? 0
      out.push(`baat ${summary.get(`Doel ${nummer}`) ?? "?"}`)
      for (const p of year.indicatoren.filter((x) => x.baat === baat.baat))
        out.push(`${p.indicator} ${status.get(p.indicator) ?? "?"}`)
    }
  })
  return out
}

/** The dashboard snapshot: the programme line, then a badge line per row with its explanation under it. */
const fromSnapshot = (text: string): Shown => {
  const out: Array<string> = []
  let pending: string | undefined
  for (const line of text.split("\n")) {
    const programma = /^Programma \[([a-z ]+)\] (.*)$/.exec(line)
    if (programma !== null) out.push(`programma ${coverage(programma[2] ?? "")}`)
    const row = /^( {0,4})\[([a-z ]+)\]\s+(\S+(?: \d:)?)/.exec(line)
    if (row !== null) {
      const [, indent, badge, name] = row
      if (indent === "    ") out.push(`${name} ${badge}`)
      else pending = indent === "" ? "doel" : "baat"
    } else if (pending !== undefined && line.startsWith(" ".repeat(18))) {
      out.push(`${pending} ${coverage(line)}`)
      pending = undefined
    }
  }
  return out
}

const apiReport = async (query: string) => {
  const response = await app.request(`/api/v1/voortgang?${query}`, {
    headers: { authorization: `Bearer ${token}` }
  })
  assert.strictEqual(response.status, 200)
  return response.json()
}

const reloadKpi = async (workbook: ExcelJS.Workbook) => {
  const copy = new ExcelJS.Workbook()
  await copy.xlsx.load((await workbook.xlsx.writeBuffer()) as ArrayBuffer)
  return copy
}

// ---------------------------------------------------------------------------------------------------------

describe("one verdict in every output", () => {
  it("on several peildata, every indicator and roll-up reads the same in all outputs", async () => {
    for (const peildatum of peildata) {
      const report = Status.make(dataset, peildatum, jaren)
      const json = await dvcc("--db", db, "status", "--json", "--as-of", peildatum)
      assert.strictEqual(json.code, 0, json.stderr)
      const api = await apiReport(`asOf=${peildatum}`)
      const text = renderStatusReport(dataset, report, 120)
      const model = Model.make(dataset, peildatum, "test")
      for (const jaar of jaren) {
        const year = report.jaren.find((j) => j.jaar === jaar) as Status.YearStatus
        const want = expected(year)
        const at = `${jaar} on ${peildatum}`
        assert.deepStrictEqual(fromStatusText(text, jaar), want, `status text ${at}`)
        assert.deepStrictEqual(fromReport(JSON.parse(json.stdout), jaar), want, `status --json ${at}`)
        assert.deepStrictEqual(fromReport(api, jaar), want, `API ${at}`)
        const md = Jaarplan.markdown(Jaarplan.terugblik(dataset, jaar, peildatum))
        assert.deepStrictEqual(fromTerugblik(md, year), want, `terugblik ${at}`)
        const kpi = await reloadKpi(Export.kpiWorkbook({ dataset, jaar, peildatum }))
        assert.deepStrictEqual(fromKpi(kpi, year), want, `KPI workbook ${at}`)
        assert.deepStrictEqual(fromSnapshot(Frame.snapshot(model, jaar, 140)), want, `dashboard ${at}`)
      }
    }
  }, 300_000)

  it("with each output's default peildatum, all review the same date, say it in their first line, and agree", async () => {
    const kpiFile = join(dir, "kpi-2025.xlsx")
    const [text, json, terugblik, kpi, dashboard] = await Promise.all([
      dvcc("--db", db, "status", "--jaar", "2025"),
      dvcc("--db", db, "status", "--json", "--jaar", "2025"),
      dvcc("--db", db, "report", "terugblik", "--jaar", "2025"),
      dvcc("--db", db, "export", "kpi", "--jaar", "2025", "--out", kpiFile),
      dvcc("--db", db, "dashboard", "--jaar", "2025")
    ])
    for (const run of [text, json, terugblik, kpi, dashboard]) assert.strictEqual(run.code, 0, run.stderr)
    const api = (await apiReport("jaar=2025")) as { peildatum: Periode.Datum }
    // The one default, whatever day this runs: every output names the date the API defaults to.
    const peildatum = api.peildatum
    const label = `peildatum ${Periode.datumLabel(peildatum)}`
    assert.strictEqual(JSON.parse(json.stdout).peildatum, peildatum)
    assert.include(text.stdout.split("\n")[0], label)
    assert.include(terugblik.stdout.split("\n")[0], label)
    assert.include(dashboard.stdout.split("\n")[0], label)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(readFileSync(kpiFile) as unknown as ArrayBuffer)
    const kpiSheet = workbook.getWorksheet("Indicatoren") as ExcelJS.Worksheet
    assert.include(cellText(kpiSheet.getCell(1, 1)), label)

    const year = Status.ofYear(dataset, 2025, peildatum)
    const want = expected(year)
    assert.deepStrictEqual(fromReport(api, 2025), want, "API")
    assert.deepStrictEqual(fromReport(JSON.parse(json.stdout), 2025), want, "status --json")
    assert.deepStrictEqual(fromStatusText(text.stdout, 2025), want, "status text")
    assert.deepStrictEqual(fromTerugblik(terugblik.stdout, year), want, "terugblik")
    assert.deepStrictEqual(fromKpi(workbook, year), want, "KPI workbook")
    assert.deepStrictEqual(fromSnapshot(dashboard.stdout), want, "dashboard")
    // Names the year plans use, in every output.
    for (const out of [text.stdout, terugblik.stdout, dashboard.stdout]) {
      assert.include(out, "Strategisch doel: ")
      assert.include(out, "Doel 3: ")
      assert.notMatch(out, /Baat \d/)
    }
    assert.strictEqual(Rollup.baatTitel({ nummer: 3, naam: "x" }), "Doel 3: x")
  }, 300_000)
})

describe("a KPI fed by the activity register", () => {
  it("three kennisbijeenkomsten imported on the Activiteiten sheet change the KPI and are named; undo takes them back", async () => {
    const own = await initialised()
    const file = join(folder(), "kennis.xlsx")
    writeFileSync(
      file,
      await Voorbeeld.contractWorkbook([
        {
          sheet: Contract.activiteiten,
          rows: [
            {
              datum: "8-1-2026",
              gemeente: "Utrecht",
              soort: "Kennisbijeenkomst",
              omschrijving: "Leerlijn online jeugd"
            },
            {
              datum: "15-1-2026",
              gemeente: "Amersfoort",
              soort: "Kennisbijeenkomst",
              omschrijving: "Integraal communiceren"
            },
            {
              datum: "29-1-2026",
              gemeente: "Nieuwegein",
              soort: "Kennisbijeenkomst",
              omschrijving: "Informatiegestuurd werken"
            }
          ]
        }
      ])
    )
    const kpi = async () => {
      const run = await dvcc("--db", own, "status", "--json", "--jaar", "2026", "--as-of", "2026-02-15")
      assert.strictEqual(run.code, 0, run.stderr)
      const report = Schema.decodeUnknownSync(Status.StatusReport)(JSON.parse(run.stdout))
      return report.jaren[0]?.indicatoren.find((p) => p.indicator === "kennisbijeenkomsten")
    }
    const before = await kpi()
    assert.strictEqual(before?.status, "volgt")
    assert.include(before?.uitleg ?? "", "nog geen meting vastgelegd")

    const imported = await dvcc("import", file, "--db", own)
    assert.strictEqual(imported.code, 0, `${imported.stdout}\n${imported.stderr}`)
    const importId = /Ongedaan maken: dvcc import undo (\S+)/.exec(imported.stdout)?.[1]
    assert.isDefined(importId)
    const after = await kpi()
    assert.strictEqual(after?.status, "op-koers")
    assert.include(after?.uitleg ?? "", "3 kennisbijeenkomsten in 2026")
    for (const naam of ["Leerlijn online jeugd", "Integraal communiceren", "Informatiegestuurd werken"])
      assert.include(after?.uitleg ?? "", naam)
    assert.lengthOf(after?.activiteiten ?? [], 3)

    const undone = await dvcc("import", "undo", importId ?? "", "--db", own)
    assert.strictEqual(undone.code, 0, undone.stderr)
    const back = await kpi()
    assert.strictEqual(back?.status, "volgt")
    assert.deepStrictEqual(back, before)
  }, 300_000)
})
