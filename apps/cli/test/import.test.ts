import { join } from "node:path"
import { Periode, type Registration } from "@dvcc/core"
import { dataset } from "@dvcc/midden-nederland"
import { Database, Registrations } from "@dvcc/store"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { dvcc, folder } from "./dvcc.ts"

const code = dataset.regio.gemeenten[0]?.code
if (code === undefined) throw new Error("no gemeente in the bundled data")

/** `count` registrations of January 2030, `aangiften` shifted by `variant`. */
const rows = (count: number, variant: number): Array<Registration.Registration> =>
  Array.from({ length: count }, (_, i) => ({
    periode: Periode.maand(2030, i + 1),
    gebied: { niveau: "gemeente", code },
    delict: "phishing",
    aangiften: i + variant,
    meldingen: null,
    slachtoffers: i,
    schade: null,
    herkomst: { document: "politie.xlsx", sectie: "blad 2030" }
  }))

const sha = "3f2a9c1e".repeat(8)

/** Records an import through the store, as an import command would. */
const record = (
  file: string,
  batch: ReadonlyArray<Registration.Registration>,
  importId: string,
  sha256: string
) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const registrations = yield* Registrations.Registrations
      return yield* registrations.record(batch, { importId, sha256, file: "politie.xlsx", actor: "test" })
    }).pipe(
      Effect.provide(
        Registrations.Registrations.layer.pipe(Layer.provideMerge(Database.layer({ _tag: "Sqlite", file })))
      )
    )
  )

describe("dvcc import", () => {
  it("lists imports, keeps what a later import holds, refuses to undo a change changed since", async () => {
    const db = join(folder(), "dvcc.sqlite")
    await record(db, rows(6, 0), "eerste", sha)
    await record(db, rows(8, 100), "tweede", "9".repeat(64))
    await record(db, rows(2, 200), "derde", "8".repeat(64))

    const list = await dvcc("import", "list", "--db", db)
    assert.strictEqual(list.code, 0, list.stderr)
    const lines = list.stdout.trim().split("\n")
    assert.lengthOf(lines, 4)
    assert.match(
      lines[0] ?? "",
      /^id +sha256 +bestand +datum \(UTC\) +nieuw +gewijzigd +ongewijzigd +ongedaan$/
    )
    assert.match(
      lines[1] ?? "",
      /^eerste +3f2a9c1e3f2a +politie\.xlsx +\d{4}-\d\d-\d\d \d\d:\d\d +6 +0 +0 +-$/
    )
    assert.match(lines[2] ?? "", /^tweede +999999999999 +politie\.xlsx +.* +2 +6 +0 +-$/)
    assert.match(lines[3] ?? "", /^derde +888888888888 +politie\.xlsx +.* +0 +2 +0 +-$/)

    // Undoing tweede would put back values that derde changed since.
    const refused = await dvcc("import", "undo", "tweede", "--db", db)
    assert.strictEqual(refused.code, 1)
    assert.strictEqual(
      refused.stderr.trim(),
      "dvcc: Import tweede kan niet ongedaan worden gemaakt: 2 registraties zijn daarna gewijzigd door import derde; maak die eerst ongedaan. Er is niets gewijzigd."
    )

    // Undoing eerste takes nothing away that tweede and derde still bring.
    const bySha = await dvcc("import", "undo", "3f2a9c1e", "--db", db)
    assert.strictEqual(bySha.code, 0, bySha.stderr)
    assert.include(
      bySha.stdout,
      "Import eerste ongedaan gemaakt: 0 registraties verwijderd, 0 teruggezet, 6 behouden (ook in een latere import of daarna gewijzigd)."
    )
    const undoneDerde = await dvcc("import", "undo", "derde", "--db", db)
    assert.include(
      undoneDerde.stdout,
      "Import derde ongedaan gemaakt: 0 registraties verwijderd, 2 teruggezet."
    )
    const undone = await dvcc("import", "undo", "tweede", "--db", db)
    assert.strictEqual(undone.code, 0, undone.stderr)
    assert.include(undone.stdout, "Import tweede ongedaan gemaakt: 8 registraties verwijderd, 0 teruggezet.")

    const after = await dvcc("import", "list", "--db", db)
    assert.match(after.stdout, /\neerste .* \d{4}-\d\d-\d\d \d\d:\d\d\n/)

    const again = await dvcc("import", "undo", "eerste", "--db", db)
    assert.strictEqual(again.code, 1)
    assert.include(again.stderr, "Import eerste is al ongedaan gemaakt")
    const unknown = await dvcc("import", "undo", "onbekend", "--db", db)
    assert.strictEqual(unknown.code, 1)
    assert.strictEqual(
      unknown.stderr.trim(),
      "dvcc: Er is geen import met id of sha256 onbekend: zie dvcc import list."
    )
  }, 60_000)
})
