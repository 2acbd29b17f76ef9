/**
 * What holds for the whole `dvcc` command: help with an example on every subcommand, shell completion, and
 * failures that say what went wrong without a stack trace unless `--verbose` asks for it.
 */
import { join } from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { dvcc } from "./dvcc.ts"

const subcommands = [
  "init",
  "status",
  "dashboard",
  "informatiebeeld",
  "import",
  "export",
  "report",
  "serve",
  "token",
  "user",
  "backup",
  "restore"
]

describe("dvcc", () => {
  it("lists every subcommand, and each has a Dutch purpose and an example in its help", async () => {
    const top = await dvcc("--help")
    assert.strictEqual(top.code, 0)
    for (const name of subcommands) assert.match(top.stdout, new RegExp(`^  ${name}\\s+\\S`, "m"))
    const helps = await Promise.all(subcommands.map((name) => dvcc(name, "--help")))
    helps.forEach((help, i) => {
      assert.strictEqual(help.code, 0, subcommands[i])
      assert.include(help.stdout, "VOORBEELDEN", subcommands[i])
      assert.include(help.stdout, `dvcc ${subcommands[i]}`, subcommands[i])
    })
    // Twelve starts of dvcc at once: slow on a loaded two-core machine.
  }, 120_000)

  it("prints a completion script that knows the subcommands", async () => {
    const { code, stdout } = await dvcc("--completions", "bash")
    assert.strictEqual(code, 0)
    assert.include(stdout, "dashboard")
    assert.include(stdout, "informatiebeeld")
  })

  it("reports a failure in one line, and its details only with --verbose", async () => {
    // A database in a folder that cannot be made: /proc refuses new folders.
    const database = join("/proc", "dvcc-test", "dvcc.sqlite")
    const plain = await dvcc("init", "--db", database)
    assert.strictEqual(plain.code, 1)
    assert.match(plain.stderr, /^dvcc: De map voor database .* kon niet worden aangemaakt/)
    assert.notMatch(plain.stderr, /\n\s+at /)
    const verbose = await dvcc("init", "--db", database, "--verbose")
    assert.strictEqual(verbose.code, 1)
    assert.match(verbose.stderr, /\n\s+at /)
  })

  it("speaks Dutch in the help and when a flag is missing, unknown or has a wrong value", async () => {
    const help = await dvcc("report", "jaarplan", "--help")
    for (const english of ["Show help information", "Show version information", "USAGE", "FLAGS", "EXAMPLES"])
      assert.notInclude(help.stdout, english)
    assert.include(help.stdout, "Toon deze hulp")
    const missing = await dvcc("report", "jaarplan", "--out", "x.md")
    assert.strictEqual(missing.code, 2)
    assert.include(missing.stderr, "de optie --jaar ontbreekt")
    const invalid = await dvcc("report", "jaarplan", "--jaar", "twintig", "--out", "x.md")
    assert.strictEqual(invalid.code, 2)
    assert.include(invalid.stderr, 'ongeldige waarde voor --jaar: "twintig"')
    const unknown = await dvcc("status", "--jaarr", "2026")
    assert.strictEqual(unknown.code, 2)
    assert.include(unknown.stderr, "onbekende optie --jaarr")
    for (const result of [missing, invalid, unknown])
      assert.notMatch(result.stderr, /Missing|Invalid|Unrecognized|Expected|Did you mean/)
  }, 60_000)
})
