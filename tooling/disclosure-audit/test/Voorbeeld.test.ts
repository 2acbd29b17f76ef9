/**
 * The example workbook, imported as a user does (`dvcc init`, `dvcc import examples/voorbeeld-district.xlsx`
 * into a fresh database): the public report set and workbooks of 2025-Q3 together with a district token
 * give no hidden count back, and at most 25% of the cells that are not small themselves are hidden.
 */
import { execFileSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { type Dataset, type Periode, Suppression } from "@dvcc/core"
import { Database, ProgramStore } from "@dvcc/store"
import { Effect } from "effect"
import { afterAll, assert, beforeAll, describe, it } from "vitest"
import { start } from "../src/Api.ts"
import { audit } from "../src/Audit.ts"
import { samen, viaApi, viaExcel, viaRapporten } from "../src/Collect.ts"

const bin = fileURLToPath(new URL("../../../apps/cli/src/bin.ts", import.meta.url))
const werkboek = fileURLToPath(new URL("../../../examples/voorbeeld-district.xlsx", import.meta.url))

describe("the example workbook", () => {
  let dir: string
  let dataset: Dataset.Dataset
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "dvcc-audit-voorbeeld-"))
    const db = join(dir, "dvcc.sqlite")
    const dvcc = (...args: Array<string>) =>
      execFileSync(process.execPath, [bin, "--db", db, ...args], { env: { ...process.env, NO_COLOR: "1" } })
    dvcc("init")
    dvcc("import", werkboek)
    dataset = await Effect.runPromise(
      Effect.flatMap(ProgramStore.ProgramStore, (s) => s.load).pipe(
        Effect.provide(Database.layer({ _tag: "Sqlite", file: db }))
      )
    )
  }, 120_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it("hides at most 25% of the cells that are not small, and gives no hidden count back", async () => {
    const publicatie = Suppression.publicatie(dataset)
    const { groot, verborgen, klein, onbeschermd } = publicatie.verlies
    assert.isAbove(klein, 0)
    assert.strictEqual(onbeschermd, 0)
    assert.isAtMost(verborgen / groot, 0.25, `${verborgen} van ${groot}`)
    const periode = "2025-Q3" as Periode.Periode
    const district = dataset.regio.districten[0]?.id ?? ""
    const api = await start(dataset, [district])
    try {
      const zicht = samen(
        await viaRapporten(dataset, [periode]),
        viaExcel(dataset, [periode]),
        await viaApi(api.als(district), dataset.regio, publicatie.perioden)
      )
      const uitslag = await audit(dataset, zicht)
      assert.deepStrictEqual(uitslag.bevindingen.slice(0, 10), [])
      assert.isAtMost(uitslag.verlies.verborgen / uitslag.verlies.groot, 0.25)
      // the figures docs/disclosure.md quotes
      console.info(
        `voorbeeld-district: publicatie ${verborgen} van ${groot} niet-kleine cellen verborgen (${klein} klein); ` +
          `district + publieke set 2025-Q3: ${uitslag.verlies.verborgen} van ${uitslag.verlies.groot}, ${uitslag.gecontroleerd} verborgen cellen doorgerekend`
      )
    } finally {
      await api.dispose()
    }
  }, 300_000)
})
