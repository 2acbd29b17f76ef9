import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Migrations } from "@dvcc/store"
import { assert, describe, it } from "@effect/vitest"
import { beforeAll } from "vitest"
import { dvcc, folder } from "./dvcc.ts"

const statusJson = async (db: string) => {
  const result = await dvcc("--db", db, "status", "--json", "--as-of", "2025-12-31")
  assert.strictEqual(result.code, 0, result.stderr)
  return JSON.parse(result.stdout) as unknown
}

/** A refusal: non-zero, a short message on stderr, no stack trace. */
const assertRefused = (result: { code: number; stdout: string; stderr: string }, message: string) => {
  assert.notStrictEqual(result.code, 0)
  assert.include(result.stderr, message)
  assert.notInclude(result.stderr + result.stdout, "    at ")
  assert.isBelow(result.stderr.trim().split("\n").length, 4)
}

describe("dvcc backup and dvcc restore", () => {
  const dir = folder()
  const original = join(dir, "dvcc.sqlite")
  const copy = join(dir, "backup.sqlite")

  beforeAll(async () => {
    const init = await dvcc("init", "--db", original)
    assert.strictEqual(init.code, 0, init.stderr)
  }, 60_000)

  it("backs up, restores into a new database, and status reads the same there", async () => {
    const backup = await dvcc("backup", "--db", original, "--out", copy)
    assert.strictEqual(backup.code, 0, backup.stderr)
    assert.match(
      backup.stdout,
      new RegExp(`geschreven naar ${copy}: \\d+ kB \\([\\d.]+ bytes\\), schemaversie ${Migrations.latest}`)
    )
    assert.match(backup.stdout, /Records per tabel:\n {2}programma +1\n/)
    assert.match(backup.stdout, / {2}gemeenten +38\n/)

    const restored = join(folder(), "elders", "dvcc.sqlite")
    const restore = await dvcc("restore", copy, "--db", restored)
    assert.strictEqual(restore.code, 0, restore.stderr)
    assert.include(
      restore.stdout,
      `Backup ${copy} teruggezet in database ${restored} (schemaversie ${Migrations.latest}).`
    )
    const [before, after] = await Promise.all([statusJson(original), statusJson(restored)])
    assert.deepStrictEqual(after, before)

    // The restored database holds data now: replacing it takes --force.
    assertRefused(await dvcc("restore", copy, "--db", restored), `Database ${restored} bevat al data`)
    const forced = await dvcc("restore", copy, "--db", restored, "--force")
    assert.strictEqual(forced.code, 0, forced.stderr)
    assert.include(forced.stdout, `teruggezet in database ${restored}`)
  }, 120_000)

  it("refuses to overwrite an existing backup without --force", async () => {
    const out = join(folder(), "backup.sqlite")
    writeFileSync(out, "an older backup")
    const refused = await dvcc("backup", "--db", original, "--out", out)
    assertRefused(refused, `${out} bestaat al`)
    assert.include(refused.stderr, "--force")
    assert.strictEqual(readFileSync(out, "utf8"), "an older backup")

    const forced = await dvcc("backup", "--db", original, "--out", out, "--force")
    assert.strictEqual(forced.code, 0, forced.stderr)
    assert.include(forced.stdout, `geschreven naar ${out}`)
  }, 60_000)

  it("refuses a file that is not a backup and leaves the database alone", async () => {
    const garbage = join(folder(), "garbage.sqlite")
    writeFileSync(garbage, "this is not a database")
    const target = join(folder(), "dvcc.sqlite")
    assertRefused(await dvcc("restore", garbage, "--db", target, "--force"), "het is geen SQLite-database")
    assert.isFalse(existsSync(target))
    assert.deepStrictEqual(readdirSync(join(target, "..")), [])
  }, 60_000)

  it("asks for --out and for the file, with a pointer to the help", async () => {
    const backup = await dvcc("backup", "--db", original)
    assert.strictEqual(backup.code, 2)
    assert.include(backup.stderr, "--out")
    assert.include(backup.stderr, "Zie: dvcc backup --help")
    const restore = await dvcc("restore", "--db", original)
    assert.strictEqual(restore.code, 2)
    assert.include(restore.stderr, "Zie: dvcc restore --help")
  }, 60_000)
})
