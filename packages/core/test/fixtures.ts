import { Schema } from "effect"
import { Geography, Indicator, Measurement } from "../src/index.ts"

/** A small region: three districts known, four gemeenten. */
export const regio: Geography.Regio = Schema.decodeUnknownSync(Geography.Regio)({
  naam: "Testregio",
  districten: [
    { id: "noord", naam: "Noord" },
    { id: "midden", naam: "Midden" },
    { id: "zuid", naam: "Zuid" }
  ],
  basisteams: [],
  gemeenten: [
    {
      code: "GM0001",
      naam: "Aadorp",
      provincie: "Utrecht",
      district: "noord",
      basisteam: null,
      inwoners: []
    },
    {
      code: "GM0002",
      naam: "Beedorp",
      provincie: "Utrecht",
      district: "midden",
      basisteam: null,
      inwoners: []
    },
    {
      code: "GM0003",
      naam: "Ceedorp",
      provincie: "Utrecht",
      district: "zuid",
      basisteam: null,
      inwoners: []
    },
    { code: "GM0004", naam: "Deedorp", provincie: "Utrecht", district: "zuid", basisteam: null, inwoners: [] }
  ],
  herkomst: { document: "test", sectie: "fixture" }
})

const herkomst = { document: "test", sectie: "fixture" }

export const indicator = (fields: Record<string, unknown>): Indicator.Indicator =>
  Schema.decodeUnknownSync(Indicator.Indicator)({
    id: "test",
    jaar: 2025,
    baat: "baat-3",
    tekst: "Test-indicator",
    eenheid: "kennisbijeenkomsten",
    richting: "hoger",
    schaal: "regio",
    bron: "programma-administratie",
    verwachtOp: null,
    acties: [],
    voorganger: null,
    herkomst,
    ...fields
  })

let counter = 0

export const meting = (fields: Record<string, unknown>): Measurement.Measurement =>
  Schema.decodeUnknownSync(Measurement.Measurement)({
    id: `m${counter++}`,
    indicator: "test",
    jaar: 2025,
    gebied: { niveau: "regio" },
    bron: "programma-administratie",
    vastgelegdOp: "2025-01-01",
    herkomst,
    ...fields
  })
