/**
 * A database is created only where it was meant to be: `dvcc init` at a path given with `--db` or
 * `$DVCC_DB`, or the default (XDG) on first use. A mistyped `--db` is an error that says so, not a new
 * seeded database; a database dvcc may not write is a Dutch message saying what to do.
 */
import { execFile } from "node:child_process"
import { chmodSync, existsSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { assert, describe, it } from "@effect/vitest"
import { dvcc, folder } from "./dvcc.ts"

const bin = fileURLToPath(new URL("../src/bin.ts", import.meta.url))
const { DATABASE_URL: _postgres, DVCC_DB: _db, ...environment } = process.env

/** `dvcc` with only the environment given (no DVCC_DB of the test helper). */
const dvccWith = async (env: Record<string, string>, ...args: Array<string>) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      env: { ...environment, NO_COLOR: "1", ...env }
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe("which database", () => {
  it("refuses a --db that does not exist instead of creating it, and points to dvcc init", async () => {
    const typo = join(folder(), "dvcc.sqlit")
    const result = await dvcc("--db", typo, "status")
    assert.strictEqual(result.code, 1)
    assert.include(result.stderr, `Database ${typo} (--db) bestaat niet`)
    assert.include(result.stderr, `dvcc init --db ${typo}`)
    assert.isFalse(existsSync(typo))
    const created = await dvcc("init", "--db", typo)
    assert.strictEqual(created.code, 0, created.stderr)
    assert.strictEqual((await dvcc("--db", typo, "status")).code, 0)
  }, 60_000)

  it("refuses a $DVCC_DB that does not exist, and creates the default database on first use", async () => {
    const home = folder()
    const typo = join(home, "elders.sqlite")
    const result = await dvccWith({ DVCC_DB: typo, XDG_DATA_HOME: home }, "token", "list")
    assert.strictEqual(result.code, 1)
    assert.include(result.stderr, `Database ${typo} (DVCC_DB) bestaat niet`)
    assert.isFalse(existsSync(typo))
    const first = await dvccWith({ XDG_DATA_HOME: home }, "status")
    assert.strictEqual(first.code, 0, first.stderr)
    assert.isTrue(existsSync(join(home, "dvcc", "dvcc.sqlite")))
  }, 60_000)

  it("says in Dutch what to do with a database it may not write", async () => {
    const dir = folder()
    const file = join(dir, "dvcc.sqlite")
    assert.strictEqual((await dvcc("init", "--db", file)).code, 0)
    chmodSync(file, 0o444)
    chmodSync(dir, 0o555)
    try {
      // Root may write anyway: the check runs as an ordinary user there.
      const asUser = process.getuid?.() === 0 ? ["runuser", "-u", "nobody", "--"] : []
      const result = await new Promise<{ code: number; stderr: string }>((resolve) =>
        execFile(
          asUser[0] ?? process.execPath,
          [...asUser.slice(1), ...(asUser.length > 0 ? [process.execPath] : []), bin, "--db", file, "status"],
          { env: { ...environment, NO_COLOR: "1" } },
          (error, _stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code), stderr })
        )
      )
      assert.strictEqual(result.code, 1, result.stderr)
      assert.include(result.stderr, `Database ${file} is alleen-lezen`)
      assert.include(result.stderr, "schrijfrecht")
      assert.notMatch(result.stderr, /readonly|attempt to write/i)
    } finally {
      chmodSync(dir, 0o755)
      chmodSync(file, 0o644)
    }
  }, 60_000)
})
