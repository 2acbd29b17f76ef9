import { chmodSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { findTool, suiteMode, tmux } from "../src/index.ts"

describe("findTool", () => {
  it("finds an executable program on PATH and ignores a file that is not executable", () => {
    const withIt = mkdtempSync(join(tmpdir(), "tools-"))
    const notExecutable = mkdtempSync(join(tmpdir(), "tools-"))
    writeFileSync(join(notExecutable, "tmux"), "")
    writeFileSync(join(withIt, "tmux"), "#!/bin/sh\n")
    chmodSync(join(withIt, "tmux"), 0o755)
    expect(findTool(tmux, [notExecutable, withIt].join(":"))).toBe(join(withIt, "tmux"))
    expect(findTool(tmux, notExecutable)).toBeUndefined()
  })
})

describe("suiteMode", () => {
  it("runs with the tool, fails without it on CI and skips without it elsewhere", () => {
    expect(suiteMode(true, true)).toBe("run")
    expect(suiteMode(true, false)).toBe("run")
    expect(suiteMode(false, true)).toBe("fail")
    expect(suiteMode(false, false)).toBe("skip")
  })
})
