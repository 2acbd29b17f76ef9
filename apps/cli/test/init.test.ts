/**
 * `dvcc init --programma FILE`: a database with a programme other than the bundled one. A bad file is
 * refused with the path of every field that is wrong, in Dutch, and creates nothing; a database holds one
 * programme, so a database that holds another is refused, naming it, and left as it was.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { assert, describe, it } from "@effect/vitest"
import { dvcc, folder } from "./dvcc.ts"

const example = fileURLToPath(new URL("../../../examples/ondermijning-voorbeeld.json", import.meta.url))
// biome-ignore lint/suspicious/noExplicitAny: the tests break the file on purpose, field by field
const programma = () => JSON.parse(readFileSync(example, "utf8")) as Record<string, any>

const write = (content: unknown): string => {
  const file = join(folder(), "programma.json")
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content))
  return file
}

describe("dvcc init --programma", () => {
  it("fills a new database with the file's programme; a second run changes nothing", async () => {
    const db = join(folder(), "ondermijning.sqlite")
    const first = await dvcc("init", "--db", db, "--programma", example)
    assert.strictEqual(first.code, 0, first.stderr)
    assert.match(
      first.stdout,
      /gevuld met het programma "Aanpak Ondermijning \(voorbeeld\)" \(Zilverdal-Lindewaard\): \d+ nieuw, 0 bijgewerkt/
    )
    const second = await dvcc("init", "--db", db, "--programma", example)
    assert.strictEqual(second.code, 0, second.stderr)
    assert.match(second.stdout, /al bijgewerkt: niets gewijzigd/)
  })

  it("accepts a file without measurements, registrations, series breaks or activities", async () => {
    const { metingen: _m, registraties: _r, reeksbreuken: _b, activiteiten: _a, ...rest } = programma()
    const db = join(folder(), "zonder-metingen.sqlite")
    const result = await dvcc("init", "--db", db, "--programma", write(rest))
    assert.strictEqual(result.code, 0, result.stderr)
    const status = await dvcc("--db", db, "status", "--json", "--as-of", "2026-03-31")
    const indicatoren = JSON.parse(status.stdout).jaren[0].indicatoren as Array<{ status: string }>
    assert.lengthOf(indicatoren, 8)
    // Nothing measured: every verdict waits for data.
    for (const p of indicatoren) assert.oneOf(p.status, ["geen-data", "volgt"])
  })

  it("refuses a file with wrong fields, naming each with its path in Dutch, and creates no database", async () => {
    const bad = programma()
    bad.program.strategieperioden[0].baten[2].doel = "bestaat-niet"
    delete bad.regio.gemeenten[0].naam
    bad.indicatoren[1].regel.minimum = "zes"
    const db = join(folder(), "fout.sqlite")
    const result = await dvcc("init", "--db", db, "--programma", write(bad))
    assert.strictEqual(result.code, 1)
    assert.include(result.stderr, "klopt niet (3 problemen); er is niets opgeslagen")
    assert.include(
      result.stderr,
      "program.strategieperioden.0.baten.2.doel: baat vastgoed-in-beeld: doel `bestaat-niet` bestaat niet"
    )
    assert.include(result.stderr, "regio.gemeenten.0.naam: ontbreekt")
    assert.include(result.stderr, "indicatoren.1.regel.minimum: moet een getal zijn")
    assert.isFalse(existsSync(db))
  })

  it("refuses a cross-reference to a baat of no DIN, naming the record", async () => {
    const bad = programma()
    bad.indicatoren[0].baat = "baat-1"
    const result = await dvcc("init", "--db", join(folder(), "x.sqlite"), "--programma", write(bad))
    assert.strictEqual(result.code, 1)
    assert.match(result.stderr, /indicatoren\.0\.baat: indicator 2025\/bibob-beleid: .*baat-1/)
  })

  it("refuses what is not JSON, or no file at all", async () => {
    const notJson = await dvcc("init", "--db", join(folder(), "x.sqlite"), "--programma", write("{ program:"))
    assert.strictEqual(notJson.code, 1)
    assert.include(notJson.stderr, "is geen geldige JSON")
    const missing = await dvcc(
      "init",
      "--db",
      join(folder(), "x.sqlite"),
      "--programma",
      "/bestaat/niet.json"
    )
    assert.strictEqual(missing.code, 1)
    assert.include(missing.stderr, "bestaat niet of is niet leesbaar")
  })

  it("refuses a database that holds another programme, naming it, and changes nothing", async () => {
    const db = join(folder(), "midden-nederland.sqlite")
    assert.strictEqual((await dvcc("init", "--db", db)).code, 0)
    const before = await dvcc("--db", db, "status", "--json", "--as-of", "2025-12-31")
    const result = await dvcc("init", "--db", db, "--programma", example)
    assert.strictEqual(result.code, 1)
    assert.include(
      result.stderr,
      'bevat al het programma "Digitale Veiligheid en Cybercrime" (Midden-Nederland); een database bevat één programma. Er is niets gewijzigd.'
    )
    const after = await dvcc("--db", db, "status", "--json", "--as-of", "2025-12-31")
    assert.strictEqual(after.stdout, before.stdout)

    // And the other way round: plain `dvcc init` does not pour the bundled programme into it.
    const other = join(folder(), "ondermijning.sqlite")
    assert.strictEqual((await dvcc("init", "--db", other, "--programma", example)).code, 0)
    const bundled = await dvcc("init", "--db", other)
    assert.strictEqual(bundled.code, 1)
    assert.include(
      bundled.stderr,
      'bevat al het programma "Aanpak Ondermijning (voorbeeld)" (Zilverdal-Lindewaard)'
    )
  })
})
