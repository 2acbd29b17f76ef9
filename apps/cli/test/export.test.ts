import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { Export } from "@dvcc/excel"
import { assert, describe, it } from "@effect/vitest"
import { dvcc, folder } from "./dvcc.ts"

const noTrace = (output: { stdout: string; stderr: string }) =>
  assert.notInclude(output.stderr + output.stdout, "    at ")

// Every case runs the real binary, several times for some; a busy machine makes a run take seconds.
const slow = { timeout: 120_000 }

describe("dvcc export", () => {
  it("template writes the empty workbook and never overwrites a file without --force", slow, async () => {
    const file = join(folder(), "district.xlsx")
    const first = await dvcc("export", "template", "--out", file)
    assert.strictEqual(first.code, 0, first.stderr)
    assert.include(first.stdout, `geschreven naar ${file}`)
    const workbook = await Export.load(file)
    assert.deepStrictEqual(
      workbook.worksheets.map((s) => s.name),
      [...Export.templateSheets, "Lijsten"]
    )
    const before = readFileSync(file)
    const again = await dvcc("export", "template", "--out", file)
    assert.strictEqual(again.code, 1)
    assert.include(again.stderr, "bestaat al")
    assert.include(again.stderr, "--force")
    noTrace(again)
    assert.deepStrictEqual(readFileSync(file), before)
    const forced = await dvcc("export", "template", "--out", file, "--force")
    assert.strictEqual(forced.code, 0, forced.stderr)
  })

  it("kpi writes the dashboard of a year on the --as-of date", slow, async () => {
    const file = join(folder(), "kpi.xlsx")
    const { code, stdout, stderr } = await dvcc(
      "export",
      "kpi",
      "--jaar",
      "2025",
      "--as-of",
      "2025-12-31",
      "--out",
      file
    )
    assert.strictEqual(code, 0, stderr)
    assert.include(stdout, "peildatum 31 december 2025")
    const sheet = (await Export.load(file)).getWorksheet("Indicatoren")
    const values = JSON.stringify(sheet?.getSheetValues())
    assert.include(values, "15 kennisbijeenkomsten in 2025, gemiddeld 1,25 per maand (doel 1) — behaald")
  })

  it("informatiebeeld writes one gemeente, or every gemeente with --all", slow, async () => {
    const dir = folder()
    const one = await dvcc(
      "export",
      "informatiebeeld",
      "utrecht",
      "--periode",
      "2024",
      "--out",
      join(dir, "utrecht.xlsx"),
      "--publiek"
    )
    assert.strictEqual(one.code, 0, one.stderr)
    assert.include(one.stdout, "Informatiebeeld Utrecht 2024, kleine aantallen afgeschermd")
    const workbook = await Export.load(join(dir, "utrecht.xlsx"))
    assert.include(String(workbook.getWorksheet("Informatiebeeld")?.getCell("A1").value), "Utrecht")
    const all = await dvcc(
      "export",
      "informatiebeeld",
      "--all",
      "--periode",
      "2024",
      "--out-dir",
      join(dir, "alle")
    )
    assert.strictEqual(all.code, 0, all.stderr)
    assert.include(all.stdout, "38 informatiebeelden 2024")
    const files = readdirSync(join(dir, "alle"))
    assert.strictEqual(files.length, 38)
    assert.include(files, "informatiebeeld-GM0344-utrecht-2024.xlsx")
    const again = await dvcc(
      "export",
      "informatiebeeld",
      "--all",
      "--periode",
      "2024",
      "--out-dir",
      join(dir, "alle")
    )
    assert.strictEqual(again.code, 1)
    assert.include(again.stderr, "bestaat al")
  })

  it("data and jaarplan write their workbooks", slow, async () => {
    const dir = folder()
    const data = await dvcc("export", "data", "--out", join(dir, "data.xlsx"))
    assert.strictEqual(data.code, 0, data.stderr)
    assert.match(data.stdout, /importformaat \(\d+ activiteiten, \d+ registraties, \d+ metingen/)
    // the bundled data holds a milestone measurement, which the import format cannot carry: the user is told
    assert.include(data.stderr, "niet alles past in het importformaat")
    assert.isAbove(statSync(join(dir, "data.xlsx")).size, 1000)
    const plan = await dvcc("export", "jaarplan", "--jaar", "2026", "--out", join(dir, "plan.xlsx"))
    assert.strictEqual(plan.code, 0, plan.stderr)
    assert.include(plan.stdout, "Jaarplan 2026 (")
  })

  it.each([
    [
      ["export", "informatiebeeld", "Utrect", "--periode", "2025-Q3", "--out", "x.xlsx"],
      "Bedoelt u: GM0344 Utrecht"
    ],
    [["export", "informatiebeeld", "--periode", "2025-Q3", "--out", "x.xlsx"], "--all --out-dir"],
    [["export", "informatiebeeld", "--all", "--periode", "2025-Q3"], "--out-dir"],
    [["export", "informatiebeeld", "GM0344", "--periode", "2025-13", "--out", "x.xlsx"], "--periode"],
    [["export", "kpi", "--jaar", "2030", "--out", "x.xlsx"], "Geen jaarplan 2030"],
    [["export", "jaarplan", "--jaar", "2030", "--out", "x.xlsx"], "Geen jaarplan 2030"],
    [["export", "kpi", "--jaar", "2025"], "--out"]
  ])("refuses %j with exit 2 and a short Dutch message", slow, async (args, message) => {
    const output = await dvcc(...args)
    assert.strictEqual(output.code, 2, output.stdout)
    assert.include(output.stderr, message)
    noTrace(output)
    assert.isBelow((output.stderr + output.stdout).split("\n").length, 10)
  })
})
