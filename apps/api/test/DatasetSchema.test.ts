/**
 * The dataset's JSON Schema is published twice: as docs/dataset.schema.json in the repository and under
 * `components.schemas` of /openapi.json. The file is what the code generates (regenerate it with
 * `DVCC_UPDATE_SCHEMA=1 pnpm --filter @dvcc/api exec vitest run test/DatasetSchema.test.ts`, then
 * `pnpm format`).
 */
import { readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { assert, describe, it } from "@effect/vitest"
import { openApi } from "../src/App.ts"
import { datasetSchema } from "../src/OpenApi.ts"

const file = fileURLToPath(new URL("../../../docs/dataset.schema.json", import.meta.url))
const generated = `${JSON.stringify(datasetSchema(), null, 2)}\n`

describe("the dataset's JSON Schema", () => {
  it("docs/dataset.schema.json is what the Dataset schema generates", () => {
    if (process.env.DVCC_UPDATE_SCHEMA === "1") writeFileSync(file, generated)
    // Compared as JSON: `pnpm format` may lay the file out differently.
    assert.deepStrictEqual(
      JSON.parse(readFileSync(file, "utf8")),
      JSON.parse(generated),
      "docs/dataset.schema.json is out of date: regenerate it (see the top of this test)"
    )
  })

  it("names what a programme file holds, with the DIN's ids and the indicator rules", () => {
    const schema = datasetSchema() as {
      $ref: string
      $defs: Record<string, { required?: Array<string>; anyOf?: Array<unknown>; oneOf?: Array<unknown> }>
    }
    assert.strictEqual(schema.$ref, "#/$defs/Dataset")
    assert.includeMembers(schema.$defs.Dataset?.required ?? [], [
      "program",
      "regio",
      "jaarplannen",
      "indicatoren"
    ])
    assert.includeMembers(schema.$defs.Program?.required ?? [], ["naam", "regio", "strategieperioden"])
    for (const name of ["BaatId", "DoelId", "Din", "Indicator", "Regel", "Measurement"]) {
      assert.isDefined(schema.$defs[name], name)
    }
    assert.strictEqual((schema.$defs.Regel?.anyOf ?? schema.$defs.Regel?.oneOf ?? []).length, 7)
  })

  it("is in /openapi.json under components.schemas, the same definitions", () => {
    const document = openApi as { components: { schemas: Record<string, unknown> } }
    const defs = (datasetSchema() as { $defs: Record<string, unknown> }).$defs
    // OpenAPI refers to its components where the file refers to its $defs.
    const asOpenApi = (value: unknown) =>
      JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/')) as unknown
    for (const name of ["Dataset", "Program", "Din", "Indicator"]) {
      assert.deepStrictEqual(document.components.schemas[name], asOpenApi(defs[name]), name)
    }
  })
})
