#!/usr/bin/env -S node --max-semi-space-size=8
// The node flag bounds V8's young generation (semi-spaces of 8 MB instead of up to 64 MB): a 200,000-row
// import then peaks under 400 MB (docs/performance.md). It works only at start-up, so the `#!` line (the
// published bin) and the `dvcc` script of the root package.json (`pnpm dvcc`, `npm start`) both pass it.
// Node keeps compiled code (and stripped TypeScript) on disk between runs: the modules that every dvcc
// command loads then start about twice as fast. It must be on before they are imported.
import { enableCompileCache } from "node:module"

enableCompileCache()
// `pnpm dvcc` runs the script in the repository root; relative paths (--out, --db, FILE) mean the folder the
// user typed the command in, which pnpm passes as INIT_CWD.
if (process.env.npm_lifecycle_event === "dvcc" && process.env.INIT_CWD !== undefined) {
  process.chdir(process.env.INIT_CWD)
}
await import("./Main.ts")
