/**
 * `GET /api/v1/programma`: the DIN tree of the programme.
 */
import { Din } from "@dvcc/core"
import { ProgramStore } from "@dvcc/store"
import { Effect } from "effect"
import { Hono } from "hono"
import * as Endpoint from "../Endpoint.ts"
import type { Env } from "../Env.ts"

const lees = Endpoint.make({
  method: "get",
  path: "/",
  summary: "Het programma: ambitie, doelen, baten, inspanningen en netwerk (de DIN)",
  actie: "programma:lezen",
  response: Din.Program
})

export const app = new Hono<Env>()

app.get(
  lees.path,
  ...Endpoint.handle(lees, () =>
    Effect.map(
      Effect.flatMap(ProgramStore.ProgramStore, (s) => s.load),
      (d) => d.program
    )
  )
)

export const group: Endpoint.Group = {
  prefix: "/api/v1/programma",
  tag: "programma",
  description: "Het programma: de DIN.",
  endpoints: [lees]
}
