/**
 * The audit over generated regions: for a district token and a gemeente token, each together with the
 * public report set and workbooks of every quarter (which every audience also holds), no hidden count
 * below 5 is pinned closer than 0 … 4 and no hidden damage of few victims closer than 20%.
 */
import { Periode } from "@dvcc/core"
import fc from "fast-check"
import { assert, describe, it } from "vitest"
import { start } from "../src/Api.ts"
import { audit } from "../src/Audit.ts"
import { samen, viaApi, viaExcel, viaRapporten } from "../src/Collect.ts"
import { cijfers, datasetVan, kwartalen, regio } from "../src/Region.ts"

const apiPerioden = [...Periode.maandenIn("2025" as Periode.Periode), ...kwartalen, "2025"]

describe("generated regions", () => {
  it("hold for a district token and a gemeente token, each with the public set", async () => {
    await fc.assert(
      fc.asyncProperty(cijfers, async (gegenereerd) => {
        const dataset = datasetVan(gegenereerd)
        const publiek = samen(await viaRapporten(dataset, kwartalen), viaExcel(dataset, kwartalen))
        const api = await start(dataset, ["noord", "GM9002"])
        try {
          for (const scope of ["noord", "GM9002"]) {
            const zicht = samen(publiek, await viaApi(api.als(scope), regio, apiPerioden))
            const uitslag = await audit(dataset, zicht)
            assert.isAbove(uitslag.gecontroleerd, 0)
            assert.deepStrictEqual(uitslag.bevindingen.slice(0, 10), [], scope)
          }
        } finally {
          await api.dispose()
        }
      }),
      { numRuns: 2, endOnFailure: true }
    )
  }, 600_000)
})
