import { assert, describe, it } from "@effect/vitest"
import { dvcc, initialised } from "./dvcc.ts"

describe("dvcc token", () => {
  it("creates a token printed once, lists it without the token and revokes it", async () => {
    const db = await initialised()
    const created = await dvcc(
      "--db",
      db,
      "token",
      "create",
      "--role",
      "gemeente",
      "--scope",
      "GM0344",
      "--name",
      "utrecht"
    )
    assert.strictEqual(created.code, 0, created.stderr)
    const token = created.stdout.trim().split("\n").at(-1) ?? ""
    assert.match(token, /^dvcc_[\w-]{43}$/)
    assert.include(created.stdout, "niet nog eens getoond")
    const id = /Token (\w+) \(utrecht, gemeente GM0344\)/.exec(created.stdout)?.[1] ?? ""
    assert.notStrictEqual(id, "")

    const list = await dvcc("--db", db, "token", "list")
    assert.strictEqual(list.code, 0)
    assert.include(list.stdout, id)
    assert.include(list.stdout, "GM0344")
    assert.notInclude(list.stdout, token)

    const revoked = await dvcc("--db", db, "token", "revoke", id)
    assert.strictEqual(revoked.code, 0)
    assert.include(revoked.stdout, "ingetrokken")
    assert.notMatch((await dvcc("--db", db, "token", "list")).stdout, new RegExp(`${id}.*  -$`, "m"))
  }, 180_000)

  it("refuses a gemeente token without scope, an unknown role and an unknown id with a Dutch message", async () => {
    const db = await initialised()
    const noScope = await dvcc("--db", db, "token", "create", "--role", "gemeente", "--name", "x")
    assert.strictEqual(noScope.code, 2)
    assert.include(noScope.stderr, "heeft een scope nodig")
    const role = await dvcc("--db", db, "token", "create", "--role", "koning", "--name", "x")
    assert.strictEqual(role.code, 2)
    const unknown = await dvcc("--db", db, "token", "revoke", "bestaat-niet")
    assert.strictEqual(unknown.code, 1)
    assert.include(unknown.stderr, "Er is geen token met id bestaat-niet")
  }, 180_000)
})
