#!/usr/bin/env node
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
