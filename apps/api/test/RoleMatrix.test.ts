/**
 * Every role × every endpoint over HTTP, on SQLite and on PostgreSQL: allowed (anything but 401/403),
 * 403 for a role without the action, 401 without a token or with a revoked one. The expected table is
 * written out here from the words, not derived from the matrix in core. Then role × what the
 * regional outputs say: a KPI counted from the activity register names, for a district or gemeente
 * reader, only its own activities.
 */

import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Access, Activity, type Geography } from "@dvcc/core"
import { Contract, Export, Voorbeeld } from "@dvcc/excel"
import { dataset } from "@dvcc/midden-nederland"
import { Activities, Users } from "@dvcc/store"
import { Web } from "@dvcc/web"
import { afterAll, assert, beforeAll, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { type Fixture, onSqliteAndPostgres, type Role } from "./fixture.ts"
import { json } from "./json.ts"
import { registraties, upload } from "./workbooks.ts"

const reads = ["beheerder", "programma", "district", "gemeente"] as const
const planWriters = ["beheerder", "programma"] as const

const actie = {
  id: "matrix-actie",
  jaar: 2026,
  nummer: 91,
  titel: "Matrix",
  coordinatie: [],
  inSamenwerkingMet: [],
  status: null,
  doel: "Testen",
  outputs: [],
  beoogdeResultaten: [],
  aandachtspunten: [],
  baten: ["baat-1"],
  voorganger: null,
  herkomst: { document: "test", sectie: "test" }
}

interface Cell {
  readonly method: string
  readonly path: string
  readonly body?: unknown
  /** A file upload (`multipart/form-data`) instead of a JSON body. */
  readonly form?: () => Promise<FormData>
  readonly allowed: ReadonlyArray<Role>
}

const cells: ReadonlyArray<Cell> = [
  { method: "GET", path: "/api/v1/programma", allowed: reads },
  { method: "GET", path: "/api/v1/jaarplannen", allowed: reads },
  { method: "GET", path: "/api/v1/jaarplannen/2026", allowed: reads },
  {
    method: "POST",
    path: "/api/v1/jaarplannen",
    body: { jaar: 2040, titel: "x", datum: "2039-12-01", documentStatus: "concept" },
    allowed: planWriters
  },
  { method: "GET", path: "/api/v1/acties?jaar=2026", allowed: reads },
  { method: "GET", path: "/api/v1/acties/lokaal-informatiebeeld", allowed: reads },
  { method: "POST", path: "/api/v1/acties", body: actie, allowed: planWriters },
  {
    method: "PATCH",
    path: "/api/v1/acties/lokaal-informatiebeeld?jaar=2026",
    body: { basedOn: 99 },
    allowed: planWriters
  },
  {
    method: "DELETE",
    path: "/api/v1/acties/lokaal-informatiebeeld?jaar=2026&basedOn=99",
    allowed: planWriters
  },
  { method: "GET", path: "/api/v1/indicatoren?asOf=2025-12-31", allowed: reads },
  { method: "GET", path: "/api/v1/indicatoren/kennisbijeenkomsten", allowed: reads },
  {
    method: "PATCH",
    path: "/api/v1/indicatoren/kennisbijeenkomsten?jaar=2026",
    body: { basedOn: 99 },
    allowed: planWriters
  },
  { method: "GET", path: "/api/v1/voortgang", allowed: reads },
  {
    method: "POST",
    path: "/api/v1/metingen",
    body: { id: "bestaat-niet" },
    allowed: planWriters
  },
  { method: "GET", path: "/api/v1/activiteiten", allowed: reads },
  { method: "GET", path: "/api/v1/activiteiten/bestaat-niet", allowed: reads },
  {
    method: "POST",
    path: "/api/v1/activiteiten",
    // Empty (a 400): the role decides here; the scope of scoped writes is tested in Access.test.ts.
    body: [],
    allowed: ["beheerder", "district", "gemeente"]
  },
  {
    method: "PATCH",
    path: "/api/v1/activiteiten/bestaat-niet",
    body: { basedOn: 1 },
    allowed: ["beheerder", "district", "gemeente"]
  },
  { method: "GET", path: "/api/v1/gebieden", allowed: reads },
  { method: "PATCH", path: "/api/v1/gebieden/GM0344", body: { basedOn: 99 }, allowed: ["beheerder"] },
  { method: "GET", path: "/api/v1/exports/jaarplan?jaar=2026", allowed: reads },
  { method: "GET", path: "/api/v1/exports/kpi?jaar=2026&asOf=2026-02-15", allowed: reads },
  { method: "GET", path: "/api/v1/informatiebeeld/regio?periode=2024", allowed: reads },
  // The gemeente token's own gemeente; the district token's district does not hold it.
  {
    method: "GET",
    path: "/api/v1/reports/informatiebeeld/GM0344?periode=2024",
    allowed: ["beheerder", "programma", "gemeente"]
  },
  {
    method: "GET",
    path: "/api/v1/registraties?periode=2024",
    allowed: reads
  },
  { method: "GET", path: "/api/v1/imports", allowed: reads },
  // A dry run: the role decides here; what each role may import (sheets and rows) is tested below and in
  // Access.test.ts.
  {
    method: "POST",
    path: "/api/v1/imports?dryRun=true",
    form: async () => upload(await registraties(["GM0344"])),
    allowed: reads
  },
  {
    method: "DELETE",
    path: "/api/v1/imports/bestaat-niet",
    allowed: reads
  },
  { method: "GET", path: "/api/v1/audit?entity=dataset&id=seed", allowed: planWriters },
  // The whole dataset holds every gemeente's real counts: only the roles that read everything.
  { method: "GET", path: "/api/v1/dataset", allowed: planWriters }
]

const matrixSuite = (fixture: () => Promise<Fixture>) => {
  let f: Fixture
  beforeAll(async () => {
    f = await fixture()
  }, 60_000)
  afterAll(() => f?.dispose())

  for (const cell of cells) {
    it(`${cell.method} ${cell.path}`, async () => {
      const send = async (as: Role | "ingetrokken" | undefined) =>
        f.request(cell.path, {
          method: cell.method,
          as,
          ...(cell.body === undefined ? {} : { json: cell.body }),
          ...(cell.form === undefined ? {} : { body: await cell.form() })
        })
      for (const role of ["beheerder", "programma", "district", "gemeente"] as const) {
        const { status } = await send(role)
        if (cell.allowed.includes(role)) {
          assert.notInclude([401, 403], status, `${role} mag dit`)
          assert.isBelow(status, 500, `${role}: geen interne fout`)
        } else assert.strictEqual(status, 403, `${role} mag dit niet`)
      }
      assert.strictEqual((await send(undefined)).status, 401)
      assert.strictEqual((await send("ingetrokken")).status, 401)
      assert.deepStrictEqual(f.errors, [])
    })
  }

  it("role × kind of data: which sheets each role may import (the rest is geen-recht)", async () => {
    const sheets = {
      activiteiten: {
        sheet: Contract.activiteiten,
        rows: [{ datum: "2026-04-01", gemeente: "Utrecht", soort: "Kennisbijeenkomst" }]
      },
      registraties: {
        sheet: Contract.registraties,
        rows: [{ periode: "2025-Q1", gebied: "Utrecht", delict: "Phishing", aangiften: 11 }]
      },
      metingen: {
        sheet: Contract.metingen,
        rows: [{ indicator: "huisbezoeken", periode: "2025-Q2", gebied: "Utrecht", waarde: 2 }]
      },
      gebieden: {
        sheet: Contract.gebieden,
        rows: [{ gemeente: "Utrecht", inwoners: 370_000, peildatum: "2025-01-01" }]
      }
    } as const
    // Written out from the issue: the geography is the beheerder's; a gemeente imports activities only.
    const refused: Record<Role, ReadonlyArray<keyof typeof sheets>> = {
      beheerder: [],
      programma: ["gebieden"],
      district: ["gebieden"],
      gemeente: ["registraties", "metingen", "gebieden"]
    }
    for (const [kind, content] of Object.entries(sheets)) {
      const bytes = await Voorbeeld.contractWorkbook([content])
      for (const role of ["beheerder", "programma", "district", "gemeente"] as const) {
        const report = await json(
          await f.request("/api/v1/imports?dryRun=true", { method: "POST", as: role, body: upload(bytes) })
        )
        const codes = report.problems.map((p: { code: string }) => p.code)
        assert.strictEqual(
          codes.includes("geen-recht"),
          refused[role].includes(kind as keyof typeof sheets),
          `${role} × ${kind}: ${JSON.stringify(report.problems)}`
        )
      }
    }
    assert.deepStrictEqual(f.errors, [])
  }, 60_000)

  it("role × programme workbook: only beheerder and programma import it; the others are told why", async () => {
    const workbook = Export.programmaWorkbook(dataset)
    if (workbook === undefined) throw new Error("no programme workbook")
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    for (const role of ["beheerder", "programma", "district", "gemeente"] as const) {
      const response = await f.request("/api/v1/imports?dryRun=true", {
        method: "POST",
        as: role,
        body: upload(bytes, "programma.xlsx")
      })
      const report = await json(response)
      const codes = report.problems.map((p: { code: string }) => p.code)
      if (role === "beheerder" || role === "programma") {
        assert.strictEqual(report.status, "dry-run", `${role}: ${JSON.stringify(report.problems)}`)
      } else {
        assert.deepStrictEqual(codes, ["geen-recht"], role)
        assert.include(report.problems[0].message, "alleen de rollen beheerder en programma")
      }
    }
    const refused = await f.request("/api/v1/imports", {
      method: "POST",
      as: "district",
      body: upload(bytes, "programma.xlsx")
    })
    assert.strictEqual(refused.status, 422)
    assert.include((await json(refused)).velden[0].melding, "alleen de rollen beheerder en programma")
    assert.deepStrictEqual(f.errors, [])
  }, 60_000)

  it("district × imports: imports and undoes for its own gemeenten only", async () => {
    const post = async (as: Role, gemeenten: ReadonlyArray<string>, meldingen: number) =>
      f.request("/api/v1/imports", {
        method: "POST",
        as,
        body: upload(await registraties(gemeenten, meldingen))
      })
    const undo = (as: Role, id: string) => f.request(`/api/v1/imports/${id}`, { method: "DELETE", as })
    const rows = async () =>
      (await json(await f.request("/api/v1/registraties?periode=2025-Q1", { as: "programma" }))).length
    // Amersfoort (GM0307) into the district token's district.
    const [amersfoort] = (await json(await f.request("/api/v1/gebieden", { as: "programma" }))).filter(
      (g: { gemeente: { code: string } }) => g.gemeente.code === "GM0307"
    )
    const moved = await f.request("/api/v1/gebieden/GM0307", {
      method: "PATCH",
      as: "beheerder",
      json: { basedOn: amersfoort.versie, district: "district-noord" }
    })
    assert.strictEqual(moved.status, 200, JSON.stringify(await json(moved.clone())))
    const before = await rows()

    // Another gemeente's row next to its own: the whole workbook is refused, nothing is written.
    const mixed = await post("district", ["GM0307", "Zeist"], 8)
    const refused = await json(mixed)
    assert.strictEqual(mixed.status, 422, JSON.stringify(refused))
    assert.strictEqual(mixed.headers.get("content-type"), "application/problem+json; charset=utf-8")
    assert.deepStrictEqual(
      refused.velden.map((v: { pad: string }) => v.pad),
      ["Registraties!B3"]
    )
    assert.include(refused.velden[0].melding, "Zeist")
    assert.include(refused.detail, "er is niets geschreven")
    assert.strictEqual(await rows(), before)

    // Its own gemeente's geography is the region's to change, not the district's.
    const geography = await Voorbeeld.contractWorkbook([
      { sheet: Contract.gebieden, rows: [{ gemeente: "Amersfoort", district: "Eigen district" }] }
    ])
    const regrouped = await json(
      await f.request("/api/v1/imports?dryRun=true", {
        method: "POST",
        as: "district",
        body: upload(geography)
      })
    )
    assert.strictEqual(regrouped.status, "rejected")
    assert.deepStrictEqual(
      regrouped.problems.map((p: { code: string; cell: string }) => [p.code, p.cell]),
      [["geen-recht", "Gebieden!A2"]]
    )

    // Its own gemeente: imported, listed for it, and undone by it.
    const own = await json(await post("district", ["Amersfoort"], 9))
    assert.strictEqual(own.status, "imported", JSON.stringify(own.problems))
    assert.strictEqual(await rows(), before + 1)
    const listed = await json(await f.request("/api/v1/imports", { as: "district" }))
    assert.include(
      listed.map((i: { id: string }) => i.id),
      own.importId
    )

    // The programme's import about another gemeente: not there for the district token.
    const other = await json(await post("programma", ["Zeist"], 10))
    assert.strictEqual(other.status, "imported", JSON.stringify(other.problems))
    assert.strictEqual((await undo("district", other.importId)).status, 404)
    assert.strictEqual((await undo("district", other.sha256)).status, 404)
    // A gemeente token cannot see the district's import of Amersfoort.
    assert.strictEqual((await undo("gemeente", own.importId)).status, 404)
    // One about the region only: visible to the district token, but not its to undo.
    const regional = await json(await post("programma", ["regio"], 11))
    assert.strictEqual(regional.status, "imported", JSON.stringify(regional.problems))
    assert.strictEqual((await undo("district", regional.importId)).status, 403)
    assert.strictEqual((await undo("programma", regional.importId)).status, 200)

    // By the start of its sha256, as `dvcc import undo` takes it.
    const undone = await undo("district", own.sha256.slice(0, 12))
    assert.strictEqual(undone.status, 200, JSON.stringify(await json(undone.clone())))
    assert.strictEqual((await json(undone)).removed, 1)
    assert.strictEqual((await undo("programma", other.importId)).status, 200)
    assert.strictEqual(await rows(), before)
    assert.deepStrictEqual(f.errors, [])
  }, 60_000)
}

onSqliteAndPostgres("the role matrix", "api_matrix", matrixSuite)

/**
 * The activities of the attack: another gemeente's (Zeist, in neither token's scope) with distinctive
 * descriptions and dates, and one of each token's own gemeente (Utrecht for the gemeente token, Amersfoort
 * in the district token's district).
 */
const activiteit = (id: string, datum: string, gemeente: string, soort: string, omschrijving: string) =>
  Schema.decodeUnknownSync(Activity.Activity)({ id, datum, gemeente, soort, omschrijving })
const geheim = [
  activiteit(
    "act-2026-01-14-GM0355-geheim",
    "2026-01-14",
    "GM0355",
    "kennisbijeenkomst",
    "Sessie Zeist-Oost"
  ),
  // Counted per gemeente (communicatie-uiting-per-gemeente): the register's measurement of Zeist.
  activiteit(
    "act-2025-05-20-GM0355-uiting",
    "2025-05-20",
    "GM0355",
    "communicatie-uiting",
    "Uiting Zeist-Oost"
  ),
  activiteit(
    "act-2025-03-12-GM0355-driehoek",
    "2025-03-12",
    "GM0355",
    "informatiebeeld-besproken-in-driehoek",
    "Driehoek Zeist vertrouwelijk"
  )
]
const eigen = {
  gemeente: activiteit(
    "act-2026-01-20-GM0344-eigen",
    "2026-01-20",
    "GM0344",
    "kennisbijeenkomst",
    "Utrechtse leerlijn"
  ),
  district: activiteit(
    "act-2026-01-22-GM0307-eigen",
    "2026-01-22",
    "GM0307",
    "kennisbijeenkomst",
    "Amersfoortse avond"
  )
}
/** What of another gemeente's activities may reach no district or gemeente reader. */
const verboden = [
  "Zeist-Oost",
  "Driehoek Zeist",
  "act-2026-01-14-GM0355",
  "act-2025-03-12-GM0355",
  "14 januari 2026",
  "12 maart 2025"
]

const registerSuite = (fixture: () => Promise<Fixture>) => {
  let f: Fixture
  const wachtwoord = "een lange zin als wachtwoord"
  const sessions = new Map<Role, string>()

  /** Signs in as the user of `rol` through the web forms and returns the session cookie. */
  const signIn = async (email: string) => {
    const form = await f.request("/inloggen")
    const csrfCookie =
      form.headers
        .getSetCookie()
        .find((c) => c.startsWith(`${Web.csrfCookie}=`))
        ?.split(";")[0] ?? ""
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? ""
    const signedIn = await f.request("/inloggen", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
      body: new URLSearchParams({ _csrf: csrf, email, wachtwoord }).toString()
    })
    assert.strictEqual(signedIn.status, 303)
    return (
      signedIn.headers
        .getSetCookie()
        .find((c) => c.startsWith(`${Web.sessionCookie}=`))
        ?.split(";")[0] ?? ""
    )
  }

  beforeAll(async () => {
    f = await fixture()
    // Amersfoort into the district token's district.
    const [amersfoort] = (await json(await f.request("/api/v1/gebieden", { as: "programma" }))).filter(
      (g: { gemeente: { code: string } }) => g.gemeente.code === "GM0307"
    )
    const moved = await f.request("/api/v1/gebieden/GM0307", {
      method: "PATCH",
      as: "beheerder",
      json: { basedOn: amersfoort.versie, district: "district-noord" }
    })
    assert.strictEqual(moved.status, 200)
    // Zeist into a basisteam, so that its driehoek discussion counts for a unit and is named.
    const [zeist] = (await json(await f.request("/api/v1/gebieden", { as: "programma" }))).filter(
      (g: { gemeente: { code: string } }) => g.gemeente.code === "GM0355"
    )
    const team = await f.request("/api/v1/gebieden/GM0355", {
      method: "PATCH",
      as: "beheerder",
      json: { basedOn: zeist.versie, basisteam: "basisteam-heuvelrug" }
    })
    assert.strictEqual(team.status, 200)
    const scopes: Record<Role, Access.Scope | null> = {
      beheerder: null,
      programma: null,
      district: Access.parseScope("district-noord"),
      gemeente: { niveau: "gemeente", code: "GM0344" as Geography.CbsCode }
    }
    await f.runtime.runPromise(
      Effect.gen(function* () {
        yield* (yield* Activities.Activities).record([...geheim, eigen.gemeente, eigen.district], {
          importId: "test-register-scope",
          actor: "test"
        })
        const users = yield* Users.Users
        for (const [rol, scope] of Object.entries(scopes))
          yield* users.create(
            { email: `${rol}@dvcc.test`, rol: rol as Role, scope, password: wachtwoord },
            "test"
          )
      })
    )
    for (const rol of reads) sessions.set(rol, await signIn(`${rol}@dvcc.test`))
  }, 60_000)
  afterAll(() => f?.dispose())

  /** Every output that shows the KPIs, as text, read as `as`. */
  const outputs = async (as: Role) => {
    const text = async (path: string) => {
      const response = await f.request(path, { as })
      assert.strictEqual(response.status, 200, `${as} ${path}`)
      return response.text()
    }
    const kpi = await f.request("/api/v1/exports/kpi?jaar=2026&asOf=2026-02-15", { as })
    assert.strictEqual(kpi.status, 200)
    const file = join(mkdtempSync(join(tmpdir(), "dvcc-kpi-")), "kpi.xlsx")
    writeFileSync(file, new Uint8Array(await kpi.arrayBuffer()))
    const workbook = await Export.load(file)
    const cells: Array<string> = []
    workbook.eachSheet((sheet) => sheet.eachRow((row) => cells.push(JSON.stringify(row.values))))
    const page = await f.request("/voortgang?peildatum=2026-02-15", {
      headers: { cookie: sessions.get(as) ?? "" }
    })
    assert.strictEqual(page.status, 200)
    return {
      voortgang2026: await text("/api/v1/voortgang?asOf=2026-02-15"),
      voortgang2025: await text("/api/v1/voortgang?asOf=2025-12-31&jaar=2025"),
      indicatoren: await text("/api/v1/indicatoren?asOf=2026-02-15&jaar=2026"),
      kennisbijeenkomsten: await text("/api/v1/indicatoren/kennisbijeenkomsten?jaar=2026&asOf=2026-02-15"),
      driehoek: await text("/api/v1/indicatoren/informatiebeeld-driehoek?jaar=2025&asOf=2025-12-31"),
      kpi: cells.join("\n"),
      web: await page.text()
    }
  }

  it("the programme reads the activities' names in every output", async () => {
    const seen = await outputs("programma")
    for (const [output, body] of Object.entries(seen)) {
      if (output !== "driehoek" && output !== "voortgang2025")
        assert.include(body, "Sessie Zeist-Oost", output)
    }
    assert.include(seen.driehoek, "Driehoek Zeist vertrouwelijk")
    // The register's measurement of Zeist is listed by id (`…:GM0355`).
    assert.include(seen.voortgang2025, ":GM0355")
  }, 60_000)

  for (const as of ["gemeente", "district"] as const) {
    it(`a ${as} token reads another gemeente's activities nowhere, with the same verdicts`, async () => {
      const seen = await outputs(as)
      for (const [output, body] of Object.entries(seen)) {
        for (const leak of verboden) assert.notInclude(body, leak, `${as}: ${output} toont ${leak}`)
        // Nor that Zeist has a measurement: the ids of measurements about it are not listed.
        assert.notInclude(body, ":GM0355", `${as}: ${output} noemt een meting over Zeist`)
      }
      // Its own gemeente's activity is named; the other scoped reader's is not.
      const other = as === "gemeente" ? eigen.district : eigen.gemeente
      assert.include(seen.kennisbijeenkomsten, eigen[as].omschrijving ?? "")
      for (const body of Object.values(seen)) assert.notInclude(body, other.omschrijving ?? "")
      assert.include(seen.kennisbijeenkomsten, "en nog 2 activiteiten in andere gemeenten")
      // The count and the verdicts are the programme's.
      const verdicts = (report: string) =>
        JSON.parse(report).jaren.map(
          (j: { programma: unknown; indicatoren: ReadonlyArray<Record<string, unknown>> }) => ({
            programma: JSON.stringify(j.programma),
            indicatoren: j.indicatoren.map((p) => [
              p.indicator,
              p.status,
              JSON.stringify(p.cijfers),
              // The measurements about a gemeente are listed only to those who may see it.
              (p.metingen as ReadonlyArray<string>).filter((id) => !/:GM\d{4}$/.test(id))
            ])
          })
        )
      const programma = await outputs("programma")
      for (const key of ["voortgang2026", "voortgang2025"] as const)
        assert.deepStrictEqual(verdicts(seen[key]), verdicts(programma[key]), key)
      const detail = JSON.parse(seen.kennisbijeenkomsten).voortgang
      assert.deepStrictEqual(detail.cijfers, JSON.parse(programma.kennisbijeenkomsten).voortgang.cijfers)
      assert.deepStrictEqual(detail.activiteiten, [eigen[as].id])
      assert.strictEqual(detail.andereActiviteiten, 2)
      assert.deepStrictEqual(f.errors, [])
    }, 60_000)
  }
}

onSqliteAndPostgres("role × the register's counts", "api_register", registerSuite)
