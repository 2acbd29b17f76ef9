/**
 * The attacks of issue 14, each on a region built for it and through the outputs it used: each recovered a
 * hidden count or damage exactly before the publication was protected as a whole.
 */
import { Periode } from "@dvcc/core"
import { assert, describe, it } from "vitest"
import { type Api, start } from "../src/Api.ts"
import { audit } from "../src/Audit.ts"
import { samen, viaApi, viaExcel, viaRapporten, type Zicht } from "../src/Collect.ts"
import { type Cijfer, datasetVan, delicten, kwartalen, regio } from "../src/Region.ts"

/** Every gemeente, delict and quarter with large counts; `zet` changes the cells an attack needs. */
const regioMet = (zet: ReadonlyArray<Partial<Cijfer> & Pick<Cijfer, "gemeente" | "delict" | "kwartaal">>) =>
  regio.gemeenten.flatMap((g, gi) =>
    delicten.flatMap((delict, di) =>
      kwartalen.map((kwartaal, ki): Cijfer => {
        const basis = 20 + ((gi * 7 + di * 5 + ki * 3) % 17)
        const eigen = zet.find((z) => z.gemeente === g.code && z.delict === delict && z.kwartaal === kwartaal)
        const slachtoffers = eigen?.slachtoffers ?? basis
        return {
          gemeente: g.code,
          delict,
          kwartaal,
          aangiften: basis + 2,
          meldingen: basis + 4,
          slachtoffers,
          schade: slachtoffers * 150_000,
          perMaand: false,
          ...eigen
        }
      })
    )
  )

const apiPerioden = [
  ...Periode.maandenIn("2025" as Periode.Periode),
  ...kwartalen,
  "2025"
] as ReadonlyArray<string>

const check = async (cijfers: ReadonlyArray<Cijfer>, zicht: Zicht) => {
  const dataset = datasetVan(cijfers)
  const uitslag = await audit(dataset, zicht)
  assert.isAbove(uitslag.gecontroleerd + uitslag.bevindingen.length, 0, "the attack checked nothing")
  assert.deepStrictEqual(uitslag.bevindingen.slice(0, 10), [])
}

const metApi = async <A>(cijfers: ReadonlyArray<Cijfer>, scope: string, werk: (api: Api) => Promise<A>) => {
  const api = await start(datasetVan(cijfers), [scope])
  try {
    return await werk(api)
  } finally {
    await api.dispose()
  }
}

describe("the attacks of issue 14", () => {
  it("across the hierarchy: basisteam minus a visible gemeente does not give the other gemeente's count", async () => {
    // team A: Aastad 5 and Beedorp 3 victims of phishing, so the basisteam shows 8
    const cijfers = regioMet([
      { gemeente: "GM9001", delict: "phishing", kwartaal: "2025-Q3" as Periode.Periode, slachtoffers: 5 },
      { gemeente: "GM9002", delict: "phishing", kwartaal: "2025-Q3" as Periode.Periode, slachtoffers: 3 }
    ])
    const zicht = await metApi(cijfers, "noord", (api) => viaApi(api.als("noord"), regio, ["2025-Q3"]))
    await check(cijfers, zicht)
  })

  it("across documents published together: the overview's secondary cell and a gemeente's own report", async () => {
    // Geehout has one or two victims of everything in the quarter: its totaal is small
    const klein = delicten.map((delict) => ({
      gemeente: "GM9007",
      delict,
      kwartaal: "2025-Q3" as Periode.Periode,
      slachtoffers: 1,
      aangiften: 1,
      meldingen: 2
    }))
    const cijfers = regioMet(klein)
    const dataset = datasetVan(cijfers)
    await check(cijfers, await viaRapporten(dataset, ["2025-Q3" as Periode.Periode]))
  }, 60_000)

  it("across time: the year minus the visible quarters does not give the hidden quarter", async () => {
    const cijfers = regioMet([
      { gemeente: "GM9003", delict: "hacken", kwartaal: "2025-Q3" as Periode.Periode, slachtoffers: 2 }
    ])
    const zicht = await metApi(cijfers, "noord", (api) => viaApi(api.als("noord"), regio, apiPerioden))
    await check(cijfers, zicht)
  }, 60_000)

  it("across endpoints: /registraties shows no cell the informatiebeeld hides, so no linked damage follows", async () => {
    const cijfers = regioMet([
      { gemeente: "GM9003", delict: "hacken", kwartaal: "2025-Q3" as Periode.Periode, slachtoffers: 2 }
    ])
    const zicht = await metApi(cijfers, "noord", (api) => viaApi(api.als("noord"), regio, ["2025-Q3"]))
    await check(cijfers, zicht)
  })

  it("through derived figures: no rank, share, rate or change beside a hidden count gives it back", async () => {
    const cijfers = regioMet([
      { gemeente: "GM9002", delict: "phishing", kwartaal: "2025-Q3" as Periode.Periode, slachtoffers: 2 },
      { gemeente: "GM9005", delict: "hacken", kwartaal: "2025-Q2" as Periode.Periode, slachtoffers: 3 }
    ])
    const dataset = datasetVan(cijfers)
    const zicht = samen(
      viaExcel(dataset, ["2025-Q3" as Periode.Periode]),
      await viaRapporten(dataset, ["2025-Q3" as Periode.Periode])
    )
    await check(cijfers, zicht)
  }, 60_000)

  it("from a partial regio: the regio (summed from the known gemeenten) minus the district does not give the one known gemeente outside it", async () => {
    // only noord's gemeenten and Eeburg (zuid) have registrations; Eeburg's hacken is small
    const cijfers = regioMet([
      { gemeente: "GM9005", delict: "hacken", kwartaal: "2025-Q3" as Periode.Periode, slachtoffers: 2 }
    ]).filter((c) => c.gemeente !== "GM9006" && c.gemeente !== "GM9007")
    const dataset = datasetVan(cijfers)
    const zicht = await metApi(cijfers, "noord", (api) => viaApi(api.als("noord"), regio, ["2025-Q3"]))
    await check(cijfers, samen(zicht, await viaRapporten(dataset, ["2025-Q3" as Periode.Periode])))
  }, 60_000)
})
