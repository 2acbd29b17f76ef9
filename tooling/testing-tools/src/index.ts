/**
 * Tests that need a program of the system (LibreOffice, tmux, Chromium) use `describeWithTool`: the suite
 * runs when the program is there; without it, it fails on CI (`CI=true`, where .ci/run installs the
 * Debian package) and is skipped elsewhere with a warning printed once per program.
 *
 * ```ts
 * describeWithTool(libreOffice, "export kpi opened by LibreOffice", (soffice) => {
 *   it("…", () => convertWithLibreOffice(soffice, [file], { to: "xlsx", outDir }))
 * })
 * ```
 */
import { execFileSync } from "node:child_process"
import { accessSync, constants, mkdtempSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { delimiter, join } from "node:path"
import { describe, it } from "vitest"

/** A program a test suite needs, and the Debian package that brings it. */
export interface SystemTool {
  readonly name: string
  /** Names to look for on `PATH`, first found wins. */
  readonly programs: ReadonlyArray<string>
  readonly debianPackage: string
}

export const libreOffice: SystemTool = {
  name: "LibreOffice",
  programs: ["soffice", "libreoffice"],
  debianPackage: "libreoffice-calc-nogui"
}

export const tmux: SystemTool = { name: "tmux", programs: ["tmux"], debianPackage: "tmux" }

export const postgresql: SystemTool = {
  name: "PostgreSQL",
  programs: ["postgres"],
  debianPackage: "postgresql"
}

export const chromium: SystemTool = {
  name: "Chromium",
  programs: ["chromium", "chromium-browser"],
  debianPackage: "chromium"
}

const isExecutableFile = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK)
    return statSync(file).isFile()
  } catch {
    return false
  }
}

/** The path of the tool's program on `PATH`, or `undefined`. */
export const findTool = (tool: SystemTool, path: string = process.env.PATH ?? ""): string | undefined => {
  for (const dir of path.split(delimiter).filter((d) => d !== "")) {
    for (const program of tool.programs) {
      const file = join(dir, program)
      if (isExecutableFile(file)) return file
    }
  }
  return undefined
}

export type SuiteMode = "run" | "fail" | "skip"

/** Run when the tool is there, else fail on CI, else skip. */
export const suiteMode = (available: boolean, ci: boolean): SuiteMode =>
  available ? "run" : ci ? "fail" : "skip"

const warned = new Set<string>()

/** The program, or why it counts as missing. */
export type Found = { readonly program: string } | { readonly reason: string }

const onPath = (tool: SystemTool): Found => {
  const program = findTool(tool)
  return program === undefined ? { reason: `${tool.programs.join(" or ")} not on PATH` } : { program }
}

/**
 * Like `describe`, for a suite that needs `tool`; `fn` gets the program's path. `found` is given by a
 * caller that knows better than `PATH` where the tool lives (PostgreSQL looks in Debian's folders).
 */
export const describeWithTool = (
  tool: SystemTool,
  name: string,
  fn: (program: string) => void,
  found: Found = onPath(tool)
): void => {
  if ("program" in found) {
    describe(name, () => fn(found.program))
    return
  }
  if (suiteMode(false, process.env.CI === "true") === "fail") {
    describe(name, () => {
      it(`needs ${tool.name}`, () => {
        throw new Error(
          `${tool.name} is missing (${found.reason}), and with CI=true these tests must run: ` +
            `install the Debian package ${tool.debianPackage} (.ci/run lists it in debian_packages)`
        )
      })
    })
    return
  }
  if (!warned.has(tool.name)) {
    warned.add(tool.name)
    console.warn(
      `${tool.name} not found (${found.reason}): skipping "${name}" and the other ${tool.name} tests; ` +
        `install it to run them (Debian: apt-get install ${tool.debianPackage})`
    )
  }
  describe.skip(name, () => fn(""))
}

/**
 * Converts `files` with LibreOffice into `outDir` (`to` as `soffice --convert-to` takes it: `xlsx`,
 * `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1`, …), each call in a new
 * profile of its own: parallel calls sharing one profile wait on its lock or fail.
 */
export const convertWithLibreOffice = (
  soffice: string,
  files: ReadonlyArray<string>,
  options: { readonly to: string; readonly outDir: string; readonly infilter?: string | undefined }
): void => {
  const profile = mkdtempSync(join(tmpdir(), "dvcc-lo-profile-"))
  try {
    execFileSync(
      soffice,
      [
        "--headless",
        `-env:UserInstallation=file://${profile}`,
        ...(options.infilter === undefined ? [] : [`--infilter=${options.infilter}`]),
        "--convert-to",
        options.to,
        "--outdir",
        options.outDir,
        ...files
      ],
      { stdio: "pipe", timeout: 180_000 }
    )
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
}
