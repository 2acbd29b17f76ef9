/**
 * How `dvcc` starts node: the published bin (its `#!` line) and the `dvcc` script of the root package.json
 * (`pnpm dvcc`, `npm start`) pass the same node flags, among them the bounded young generation that keeps a
 * 200,000-row import under 400 MB (docs/performance.md), and the bin runs when executed directly.
 */
import { execFile } from "node:child_process"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { assert, describe, it } from "@effect/vitest"
import { initialised } from "./dvcc.ts"

const bin = fileURLToPath(new URL("../src/bin.ts", import.meta.url))
const root = fileURLToPath(new URL("../../../package.json", import.meta.url))

describe("the dvcc command", () => {
  it("the bin and the dvcc script start node with the same flags, bounding the young generation", () => {
    const shebang = readFileSync(bin, "utf8").split("\n")[0] ?? ""
    const match = /^#!\/usr\/bin\/env -S node((?: --[\w-]+=\S+)*)$/.exec(shebang)
    assert.isNotNull(match, shebang)
    const flags = (match?.[1] ?? "").trim()
    assert.match(flags, /--max-semi-space-size=\d+/)
    const script = (JSON.parse(readFileSync(root, "utf8")) as { scripts: Record<string, string> }).scripts
      .dvcc
    assert.strictEqual(script, `node ${flags} apps/cli/src/bin.ts`)
  })

  it("runs when the bin is executed itself, as an installed package's link runs it", async () => {
    const { stdout } = await promisify(execFile)(bin, ["--help"], { env: { ...process.env, NO_COLOR: "1" } })
    assert.include(stdout, "dvcc")
  }, 30_000)

  it("dvcc serve refuses a lock timeout that is not a number of seconds, saying so in Dutch", async () => {
    const db = await initialised()
    const { DATABASE_URL: _postgres, ...environment } = process.env
    const failed = await promisify(execFile)(process.execPath, [bin, "--db", db, "serve", "--port", "0"], {
      env: { ...environment, NO_COLOR: "1", DVCC_LOCK_TIMEOUT: "vijf" },
      timeout: 20_000
    }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error
    )
    assert.isDefined(failed)
    assert.notStrictEqual(failed?.code, 0)
    assert.include(
      failed?.stderr,
      'DVCC_LOCK_TIMEOUT moet een aantal seconden zijn (0 of meer, 0 is geen grens), niet "vijf"'
    )
  }, 30_000)
})
