/**
 * The OpenAPI document is usable by a client nobody here writes by hand: openapi-typescript generates
 * types from it, a small client type-checks against them (and a wrong use does not), and Redocly's
 * linter accepts the document.
 */
import { execFile } from "node:child_process"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { assert, describe, it } from "@effect/vitest"
import { groups, openApi } from "../src/App.ts"

const run = promisify(execFile)
const bin = (name: string) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url))

const client = `
import type { components, paths } from "./schema.ts"

type Voortgang = paths["/api/v1/voortgang"]["get"]["responses"]["200"]["content"]["application/json"]
type Query = NonNullable<paths["/api/v1/voortgang"]["get"]["parameters"]["query"]>
type Actie = components["schemas"]["Actie"]
type Problem = components["schemas"]["Problem"]

const base = "http://127.0.0.1:8787"

export const voortgang = async (token: string, query: Query): Promise<Voortgang> => {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === "string"))
  const response = await fetch(\`\${base}/api/v1/voortgang?\${params}\`, { headers: { authorization: \`Bearer \${token}\` } })
  if (!response.ok) throw new Error(((await response.json()) as Problem).title)
  return (await response.json()) as Voortgang
}

export const statussen = (v: Voortgang): Array<string> =>
  v.jaren.flatMap((jaar) => jaar.indicatoren.map((p) => \`\${jaar.jaar} \${p.indicator}: \${p.status}\`))

export const nieuweActie = (token: string, actie: Actie) =>
  fetch(\`\${base}/api/v1/acties\`, {
    method: "POST",
    headers: { authorization: \`Bearer \${token}\`, "content-type": "application/json" },
    body: JSON.stringify(actie)
  })

// Conditional requests and the report's two file types are in the document too.
type VoortgangParameters = paths["/api/v1/voortgang"]["get"]["parameters"]
export const alsGewijzigd: NonNullable<VoortgangParameters["header"]> = { "If-None-Match": '"12-abc"' }
export const nietGewijzigd: paths["/api/v1/voortgang"]["get"]["responses"]["304"]["headers"]["ETag"] = '"12-abc"'
type Rapport = paths["/api/v1/reports/informatiebeeld/{gemeente}"]["get"]["responses"]["200"]["content"]
export const pdf: Rapport["application/pdf"] = "%PDF-1.7"
export const kpi: paths["/api/v1/exports/{kind}"]["get"]["responses"]["200"]["content"]["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = ""

export const wijziging: paths["/api/v1/acties/{id}"]["patch"]["requestBody"]["content"]["application/json"] = {
  basedOn: 3,
  titel: "Nieuwe titel"
}
`

const wrong = `
import type { paths } from "./schema.ts"
type Voortgang = paths["/api/v1/voortgang"]["get"]["responses"]["200"]["content"]["application/json"]
export const jaar = (v: Voortgang): string => v.jaren[0]?.jaar ?? ""
`

const tsconfig = {
  compilerOptions: {
    strict: true,
    noEmit: true,
    target: "es2022",
    module: "nodenext",
    moduleResolution: "nodenext",
    allowImportingTsExtensions: true,
    lib: ["es2022", "dom", "dom.iterable"],
    types: [],
    skipLibCheck: true
  },
  include: ["*.ts"]
}

describe("the OpenAPI document", () => {
  it("describes every endpoint, with shared component schemas whose references all resolve", () => {
    const paths = openApi.paths as Record<string, Record<string, unknown>>
    const count = Object.values(paths).reduce((n, methods) => n + Object.keys(methods).length, 0)
    assert.strictEqual(
      count,
      groups.reduce((n, g) => n + g.endpoints.length, 0)
    )
    assert.strictEqual(openApi.openapi, "3.1.0")
    const schemas = (openApi.components as { schemas: Record<string, unknown> }).schemas
    for (const name of ["Progress", "Actie", "Indicator", "Measurement", "StatusReport", "Problem"])
      assert.property(schemas, name)
    for (const [, ref] of JSON.stringify(openApi).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g))
      assert.property(schemas, decodeURIComponent(ref ?? ""))
  })

  it("describes the 304 of a conditional GET and the file types of a download, as the app answers them", async () => {
    const { makeFixture } = await import("./fixture.ts")
    const f = await makeFixture()
    const paths = openApi.paths as Record<
      string,
      Record<string, { responses: Record<string, unknown>; parameters: Array<{ name: string }> }>
    >
    for (const path of ["/api/v1/voortgang", "/api/v1/informatiebeeld/{gebied}"]) {
      const get = paths[path]?.get
      assert.property(get?.responses, "304", path)
      assert.include(get?.parameters.map((p) => p.name) ?? [], "If-None-Match", path)
    }
    const first = await f.request("/api/v1/voortgang?jaar=2026", { as: "programma" })
    const etag = first.headers.get("etag") ?? ""
    const again = await f.request("/api/v1/voortgang?jaar=2026", {
      as: "programma",
      headers: { "if-none-match": etag }
    })
    assert.strictEqual(again.status, 304)
    // Not promised where it is not answered.
    assert.notProperty(paths["/api/v1/acties"]?.get?.responses, "304")

    const content = (path: string) =>
      Object.keys(
        (paths[path]?.get?.responses["200"] as { content?: Record<string, unknown> })?.content ?? {}
      )
    assert.sameMembers(content("/api/v1/reports/informatiebeeld/{gemeente}"), [
      "text/html; charset=utf-8",
      "application/pdf"
    ])
    const kpi = await f.request("/api/v1/exports/kpi?jaar=2026&asOf=2026-06-30", { as: "programma" })
    assert.strictEqual(kpi.status, 200)
    assert.deepStrictEqual(content("/api/v1/exports/{kind}"), [kpi.headers.get("content-type")])
    const html = await f.request("/api/v1/reports/informatiebeeld/GM0344?periode=2024", { as: "programma" })
    assert.include(content("/api/v1/reports/informatiebeeld/{gemeente}"), html.headers.get("content-type"))
    await f.dispose()
  }, 60_000)

  it("generates TypeScript types that a client type-checks against, and that refuse a wrong use", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dvcc-openapi-"))
    writeFileSync(join(dir, "openapi.json"), JSON.stringify(openApi))
    await run(bin("openapi-typescript"), [join(dir, "openapi.json"), "-o", join(dir, "schema.ts")])
    assert.include(readFileSync(join(dir, "schema.ts"), "utf8"), '"/api/v1/voortgang"')
    writeFileSync(join(dir, "client.ts"), client)
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(tsconfig))
    const ok = await run(bin("tsc"), ["-p", dir]).then(
      () => "",
      (e: { stdout: string }) => e.stdout
    )
    assert.strictEqual(ok, "")
    writeFileSync(join(dir, "wrong.ts"), wrong)
    const failed = await run(bin("tsc"), ["-p", dir]).then(
      () => "",
      (e: { stdout: string }) => e.stdout
    )
    assert.include(failed, "wrong.ts")
    assert.include(failed, "not assignable to type 'string'")
  }, 60_000)

  it("passes redocly lint", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dvcc-openapi-"))
    writeFileSync(join(dir, "openapi.json"), JSON.stringify(openApi, null, 2))
    const result = await run(bin("redocly"), ["lint", join(dir, "openapi.json"), "--format", "summary"], {
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" }
    }).then(
      (r) => ({ code: 0, output: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, output: e.stdout + e.stderr })
    )
    assert.strictEqual(result.code, 0, result.output)
  }, 60_000)
})

describe("/docs", () => {
  it("is one HTML page from the package itself: no script, nothing loaded from elsewhere", async () => {
    const { makeFixture } = await import("./fixture.ts")
    const f = await makeFixture()
    const response = await f.request("/docs")
    assert.strictEqual(response.status, 200)
    assert.include(response.headers.get("content-security-policy") ?? "", "default-src 'none'")
    const html = await response.text()
    assert.include(html, '<html lang="nl">')
    assert.include(html, "/api/v1/voortgang")
    // Every type a response may have, not only the first: the report as HTML or PDF, a 304 of a GET.
    assert.include(html, "application/pdf")
    assert.include(html, "<td>304</td>")
    assert.notMatch(html, /<script|<link|src="http/)
    await f.dispose()
  })
})
