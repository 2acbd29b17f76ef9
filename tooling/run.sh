#!/usr/bin/env bash
# Runs a command with the repo-local toolchain (.toolchain/bin) first on PATH, after set-up.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$repo/tooling/setup.sh"
export PATH="$repo/.toolchain/bin:$PATH"
cd "$repo"
exec "$@"
