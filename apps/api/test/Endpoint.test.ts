/**
 * Every tagged error a handler can fail with becomes a problem with a 4xx or 503, never the 500 of a bug:
 * the store's and the importer's refusals by their tag, a busy database (also inside a failed import) as
 * 503.
 */
import { Import } from "@dvcc/excel"
import { Imports, Plans, ProgramStore, Tokens } from "@dvcc/store"
import { assert, describe, it } from "@effect/vitest"
import { SqlError } from "effect/sql"
import { LockTimeoutError, StatementTimeoutError } from "effect/sql/SqlError"
import { toProblem } from "../src/Endpoint.ts"
import { isBusyDatabase } from "../src/middleware/problem/index.ts"

const busySql = (reason: "lock" | "statement") =>
  new SqlError.SqlError({
    reason:
      reason === "lock"
        ? new LockTimeoutError({
            cause: new Error("canceling statement due to lock timeout"),
            message: "",
            operation: "query"
          })
        : new StatementTimeoutError({
            cause: new Error("canceling statement due to statement timeout"),
            message: "",
            operation: "query"
          })
  })

describe("toProblem", () => {
  it("maps every tagged error of the store and the importer to its kind", () => {
    const cases: ReadonlyArray<readonly [unknown, string]> = [
      [new ProgramStore.Conflict({ entity: "Activiteit", key: "a", expected: 1, actual: 2 }), "conflict"],
      [new ProgramStore.NotFound({ entity: "Activiteit", key: "a" }), "niet-gevonden"],
      [new Imports.ImportNotFound({ reference: "x" }), "niet-gevonden"],
      [new Imports.ImportAlreadyUndone({ id: "x", undoneAt: "2026-01-01" }), "conflict"],
      [new Tokens.TokenNotFound({ id: "t" }), "niet-gevonden"],
      [new Tokens.InvalidToken({ reason: "onbekende rol" }), "validatie"],
      [new Plans.Refused({ entity: "Actie", key: "a", reason: "bestaat al" }), "validatie"],
      [new Import.UnreadableWorkbook({ file: "a.xlsx", code: "beschadigd", reason: "kapot" }), "validatie"],
      [new Import.ImportFailed({ file: "a.xlsx", reason: "rij 3: deze activiteit kan niet" }), "validatie"]
    ]
    for (const [error, kind] of cases)
      assert.strictEqual(toProblem(error)?.kind, kind, (error as { _tag: string })._tag)
  })

  it("an import the store failed because the database was busy is a 503, not a refusal", () => {
    for (const reason of ["lock", "statement"] as const) {
      const storeError = new ProgramStore.StoreError({ message: "bezet", cause: busySql(reason) })
      const problem = toProblem(
        new Import.ImportFailed({ file: "a.xlsx", reason: "bezet", cause: storeError })
      )
      assert.strictEqual(problem?.kind, "niet-beschikbaar", reason)
      assert.isTrue(isBusyDatabase(storeError), reason)
    }
  })
})
