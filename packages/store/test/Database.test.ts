import { assert, describe, it } from "@effect/vitest"
import { Redacted } from "effect"
import { Database } from "../src/index.ts"

describe("Database.describe", () => {
  it("names a SQLite file as it is", () => {
    assert.strictEqual(Database.describe({ _tag: "Sqlite", file: "/data/dvcc.sqlite" }), "/data/dvcc.sqlite")
  })

  it("never shows a PostgreSQL password, in the user part or as a parameter", () => {
    const shown = [
      "postgresql://dvcc:geheim@db.example/dvcc",
      "postgresql:///dvcc?host=/run/pg&user=dvcc&password=geheim"
    ].map((url) => Database.describe({ _tag: "Postgres", url: Redacted.make(url) }))
    for (const text of shown) assert.notInclude(text, "geheim")
    assert.include(shown[0], "db.example/dvcc")
  })
})
