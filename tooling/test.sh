#!/usr/bin/env bash
# Lints, typechecks and tests every workspace package with turbo, then adds up the vitest reports.
# Run it as `npm test` (tooling/run.sh sets up the toolchain and puts it on PATH first). Turbo's own output
# comes first; the last line is always the totals, `N passed, N failed`. The exit status is non-zero when
# a lint, typecheck or test task failed, a test failed, or a package with a test script wrote no report.
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export TURBO_TELEMETRY_DISABLED=1

# Reports of an earlier run must not count: turbo writes them again, or restores them from its cache.
rm -f packages/*/.vitest/report.json apps/*/.vitest/report.json tooling/*/.vitest/report.json

turbo_exit=0
pnpm exec turbo run lint typecheck test --continue --log-order=grouped || turbo_exit=$?

exec node tooling/test-summary.ts --turbo-exit "$turbo_exit"
