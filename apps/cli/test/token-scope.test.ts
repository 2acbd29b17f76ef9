import { assert, describe, it } from "@effect/vitest"
import { dvcc, initialised } from "./dvcc.ts"

describe("dvcc token create with a scope", () => {
  it("refuses a scope the region does not know, naming the known ones, and accepts a known one", async () => {
    const db = await initialised()
    const create = (...args: Array<string>) => dvcc("--db", db, "token", "create", ...args, "--name", "test")

    const utrecht = await create("--role", "gemeente", "--scope", "GM0344")
    assert.strictEqual(utrecht.code, 0, utrecht.stderr)
    assert.strictEqual(utrecht.stderr, "")

    // Not kept until such a gemeente or district appears: refused, as a wrong value on the command line.
    const nergens = await create("--role", "gemeente", "--scope", "GM9999")
    assert.strictEqual(nergens.code, 2, nergens.stderr)
    assert.include(nergens.stderr, "GM9999 is geen gemeente van de regio")
    assert.include(nergens.stderr, "GM0344 (Utrecht)")
    assert.notMatch(nergens.stdout, /dvcc_/)

    // The bundled data knows the five police districts: another district scope is unknown, naming them.
    const noord = await create("--role", "district", "--scope", "bestaat-niet")
    assert.strictEqual(noord.code, 2, noord.stderr)
    assert.include(noord.stderr, "district bestaat-niet is onbekend")
    assert.include(noord.stderr, "utrecht-stad (Utrecht-Stad)")
    assert.notMatch(noord.stdout, /dvcc_/)
    const stad = await create("--role", "district", "--scope", "utrecht-stad")
    assert.strictEqual(stad.code, 0, stad.stderr)
    const list = await dvcc("--db", db, "token", "list")
    assert.notInclude(list.stdout, "GM9999")
    assert.notInclude(list.stdout, "bestaat-niet")
  }, 60_000)
})
