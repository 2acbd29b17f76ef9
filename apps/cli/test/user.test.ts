import { spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { assert, describe, it } from "@effect/vitest"
import { dvcc, initialised } from "./dvcc.ts"

const bin = fileURLToPath(new URL("../src/bin.ts", import.meta.url))

describe("dvcc user", () => {
  it("creates an account with a one-time link on the given address, lists it and disables it", async () => {
    const db = await initialised()
    const created = await dvcc(
      "--db",
      db,
      "user",
      "create",
      "--email",
      "adviseur@amersfoort.nl",
      "--role",
      "gemeente",
      "--scope",
      "GM0307",
      "--url",
      "https://dvcc.example.nl/"
    )
    assert.strictEqual(created.code, 0, created.stderr)
    assert.match(created.stdout, /^https:\/\/dvcc\.example\.nl\/wachtwoord\/[\w-]{43}$/m)
    assert.include(created.stdout, "adviseur@amersfoort.nl (gemeente GM0307)")

    const standard = await dvcc("--db", db, "user", "create", "--email", "b@dvcc.test", "--role", "programma")
    assert.match(standard.stdout, /^http:\/\/127\.0\.0\.1:8787\/wachtwoord\/[\w-]{43}$/m)

    const list = await dvcc("--db", db, "user", "list")
    assert.strictEqual(list.code, 0)
    assert.match(list.stdout, /adviseur@amersfoort\.nl\s+gemeente\s+GM0307\s+nog niet/)

    const disabled = await dvcc("--db", db, "user", "disable", "adviseur@amersfoort.nl")
    assert.strictEqual(disabled.code, 0, disabled.stderr)
    assert.include(disabled.stdout, "uitgeschakeld")
    const reset = await dvcc("--db", db, "user", "reset", "--email", "B@dvcc.test", "--url", "https://x.nl")
    assert.strictEqual(reset.code, 0, reset.stderr)
    assert.include(reset.stdout, "sessies zijn beëindigd")
    const link = /^https:\/\/x\.nl\/wachtwoord\/([\w-]{43})$/m.exec(reset.stdout)?.[1]
    assert.isDefined(link)
    assert.notInclude(standard.stdout, link ?? "", "a new link, not the first one")
    const resetDisabled = await dvcc("--db", db, "user", "reset", "--email", "adviseur@amersfoort.nl")
    assert.notStrictEqual(resetDisabled.code, 0)
    assert.include(resetDisabled.stderr, "uitgeschakeld")
    const resetUnknown = await dvcc("--db", db, "user", "reset", "--email", "niemand@dvcc.test")
    assert.notStrictEqual(resetUnknown.code, 0)
    assert.include(resetUnknown.stderr, "Er is geen account met e-mailadres niemand@dvcc.test")
    const unknown = await dvcc("--db", db, "user", "disable", "niemand@dvcc.test")
    assert.notStrictEqual(unknown.code, 0)
    assert.include(unknown.stderr, "Er is geen account met e-mailadres niemand@dvcc.test")
  }, 180_000)

  it("takes a password from standard input, and refuses a gemeente account without scope", async () => {
    const db = await initialised()
    const { DATABASE_URL: _postgres, ...env } = process.env
    const run = (input: string, ...args: Array<string>) =>
      spawnSync(process.execPath, [bin, "--db", db, ...args], {
        input,
        encoding: "utf8",
        env: { ...env, NO_COLOR: "1" }
      })
    const created = run(
      "een lange zin als wachtwoord\n",
      "user",
      "create",
      "--email",
      "p@dvcc.test",
      "--role",
      "programma",
      "--password-stdin"
    )
    assert.strictEqual(created.status, 0, created.stderr)
    assert.notInclude(created.stdout, "wachtwoord/")
    assert.notInclude(created.stdout, "een lange zin")
    const short = run(
      "kort\n",
      "user",
      "create",
      "--email",
      "q@dvcc.test",
      "--role",
      "programma",
      "--password-stdin"
    )
    assert.notStrictEqual(short.status, 0)
    assert.include(short.stderr, "minstens 12 tekens")
    const noScope = run("", "user", "create", "--email", "g@dvcc.test", "--role", "gemeente")
    assert.notStrictEqual(noScope.status, 0)
    assert.include(noScope.stderr, "scope")
    assert.match(run("", "user", "list").stdout, /p@dvcc\.test\s+programma\s+-\s+ingesteld/)
  }, 180_000)
})
