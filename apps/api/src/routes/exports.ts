/**
 * `GET /api/v1/exports/{kind}`: the workbooks of `dvcc export` that hold regional aggregates only, as
 * downloads with a proper file name: `kpi` (the KPI dashboard of a year plan on a date), `jaarplan` (its
 * actions and indicators) and `invulbestand` (the empty template for the districts).
 */
import { Access, Periode } from "@dvcc/core"
import { Export } from "@dvcc/excel"
import { ProgramStore } from "@dvcc/store"
import { Effect, Option, Schema } from "effect"
import { Hono } from "hono"
import * as Endpoint from "../Endpoint.ts"
import type { Env } from "../Env.ts"
import * as Problem from "../Problem.ts"
import { jarenOf, today } from "./Services.ts"

const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

const download = Endpoint.make({
  method: "get",
  path: "/:kind",
  summary: "Een werkmap: kpi (?jaar&asOf), jaarplan (?jaar) of invulbestand",
  actie: "programma:lezen",
  params: Schema.Struct({ kind: Schema.Literals(["kpi", "jaarplan", "invulbestand"]) }),
  query: Schema.Struct({
    jaar: Schema.optionalKey(Endpoint.IntFromString),
    asOf: Schema.optionalKey(Periode.Datum)
  }),
  download: { contentTypes: [xlsx] },
  response: Endpoint.Download,
  problems: ["niet-gevonden", "validatie"]
})

export const app = new Hono<Env>()

app.get(
  download.path,
  ...Endpoint.handle(download, ({ params, query, principal }) =>
    Effect.gen(function* () {
      const dataset = yield* (yield* ProgramStore.ProgramStore).load
      if (params.kind === "invulbestand") {
        const bytes = yield* Export.toBytes(Export.templateWorkbook(dataset.regio, dataset.indicatoren))
        return { bytes, filename: "invulbestand-district.xlsx" }
      }
      const jaren = yield* jarenOf(dataset, query.jaar)
      const jaar = query.jaar ?? Math.max(...jaren)
      if (params.kind === "jaarplan") {
        const plan = Option.fromNullishOr(dataset.jaarplannen.find((p) => p.jaar === jaar))
        if (Option.isNone(plan)) return yield* Problem.make("niet-gevonden", `Geen jaarplan ${jaar}.`)
        const bytes = yield* Export.toBytes(Export.jaarplanWorkbook(dataset.program, plan.value))
        return { bytes, filename: `jaarplan-${jaar}.xlsx` }
      }
      const peildatum = query.asOf ?? (yield* today)
      const bytes = yield* Export.toBytes(
        Export.kpiWorkbook({
          dataset,
          jaar,
          peildatum,
          zicht: Access.visibility(principal, dataset.regio.gemeenten)
        })
      )
      return { bytes, filename: `kpi-${jaar}-${peildatum}.xlsx` }
    })
  )
)

export const group: Endpoint.Group = {
  prefix: "/api/v1/exports",
  tag: "exports",
  description: "Werkmappen met regionale cijfers om te downloaden.",
  endpoints: [download]
}
