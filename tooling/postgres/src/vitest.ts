/**
 * `describePostgres`: a vitest suite that needs PostgreSQL. Runs when PostgreSQL is there; without it, fails
 * on CI (`CI=true`, where .ci/run installs it) and is skipped elsewhere with a warning printed once.
 */
import { describeWithTool, postgresql } from "@dvcc/testing-tools"
import { postgresAvailability } from "./find.ts"

/** Like `describe`, for suites that start a cluster with `startPostgres`. */
export const describePostgres = (name: string, fn: () => void): void => {
  const availability = postgresAvailability()
  describeWithTool(
    postgresql,
    name,
    () => fn(),
    // Found in Debian's folders or $PG_BIN, not only on PATH: `startPostgres` finds it the same way.
    availability.available ? { program: "postgres" } : { reason: availability.reason }
  )
}
