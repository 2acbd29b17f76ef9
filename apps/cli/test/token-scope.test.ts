import { assert, describe, it } from "@effect/vitest"
import { dvcc, initialised } from "./dvcc.ts"

describe("dvcc token create with a scope", () => {
  it("warns when the scope holds no gemeente of the region, and not when it does", async () => {
    const db = await initialised()
    const create = (...args: Array<string>) => dvcc("--db", db, "token", "create", ...args, "--name", "test")

    const utrecht = await create("--role", "gemeente", "--scope", "GM0344")
    assert.strictEqual(utrecht.code, 0, utrecht.stderr)
    assert.strictEqual(utrecht.stderr, "")

    const nergens = await create("--role", "gemeente", "--scope", "GM9999")
    assert.strictEqual(nergens.code, 0, nergens.stderr)
    assert.include(nergens.stderr, "GM9999 is geen gemeente van regio Midden-Nederland")
    // The token is still printed, once, as the last line.
    assert.match(nergens.stdout.trim().split("\n").at(-1) ?? "", /^dvcc_/)

    // The bundled data has no districts yet: a district token sees the aggregates until gemeenten are put in it.
    const noord = await create("--role", "district", "--scope", "district-noord")
    assert.strictEqual(noord.code, 0, noord.stderr)
    assert.include(noord.stderr, "district district-noord heeft nog geen gemeenten")
  }, 60_000)
})
