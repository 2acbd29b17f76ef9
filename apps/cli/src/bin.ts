#!/usr/bin/env node
// Node keeps compiled code (and stripped TypeScript) on disk between runs: the modules that every dvcc
// command loads then start about twice as fast. It must be on before they are imported.
import { enableCompileCache } from "node:module"

enableCompileCache()
await import("./Main.ts")
