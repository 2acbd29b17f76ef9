/**
 * `describePostgres`: a vitest suite that needs PostgreSQL. Runs when PostgreSQL is there; without it, fails
 * on CI (`CI=true`, where .ci/run installs it) and is skipped elsewhere with a warning printed once.
 */
import { describe, it } from "vitest"
import { type Availability, postgresAvailability } from "./find.ts"

export type PostgresSuiteMode = "run" | "fail" | "skip"

/** What `describePostgres` does: run when available, else fail on CI, else skip. */
export const postgresSuiteMode = (availability: Availability, ci: boolean): PostgresSuiteMode =>
  availability.available ? "run" : ci ? "fail" : "skip"

const warnedKey = Symbol.for("@dvcc/testing-postgres/warned")

const warnOnce = (message: string): void => {
  const store = globalThis as { [warnedKey]?: boolean }
  if (store[warnedKey] === true) return
  store[warnedKey] = true
  console.warn(message)
}

/** Like `describe`, for suites that start a cluster with `startPostgres`. */
export const describePostgres = (name: string, fn: () => void): void => {
  const availability = postgresAvailability()
  const mode = postgresSuiteMode(availability, process.env.CI === "true")
  const reason = availability.available ? "" : availability.reason
  switch (mode) {
    case "run":
      describe(name, fn)
      return
    case "fail":
      describe(name, () => {
        it("needs PostgreSQL", () => {
          throw new Error(
            `PostgreSQL is missing (${reason}), and with CI=true the PostgreSQL tests must run: ` +
              "install the Debian package postgresql (.ci/run lists it in debian_packages)"
          )
        })
      })
      return
    case "skip":
      warnOnce(
        `PostgreSQL not found (${reason}): skipping "${name}" and the other PostgreSQL tests; ` +
          "install postgresql to run them (Debian: apt-get install postgresql)"
      )
      describe.skip(name, fn)
      return
  }
}
