/**
 * Runs the `dvcc` binary as a user would, for the CLI tests: never on the user's database (DVCC_DB points
 * into a folder of this test run, created with `dvcc init` before the first command; DATABASE_URL is
 * dropped) and without colours.
 */
import { type ChildProcess, execFile } from "node:child_process"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"

const bin = fileURLToPath(new URL("../src/bin.ts", import.meta.url))

/** A new temporary folder for one test's files. */
export const folder = (): string => mkdtempSync(join(tmpdir(), "dvcc-cli-"))

const { DATABASE_URL: _postgres, ...environment } = process.env
const database = join(folder(), "dvcc.sqlite")

const run = async (args: ReadonlyArray<string>) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      env: { ...environment, NO_COLOR: "1", DVCC_DB: database }
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

// The tests' database is named with DVCC_DB, so it exists only after `dvcc init`, as a user's would.
let testDatabase: Promise<unknown> | undefined

/** Exit code and output of one `dvcc` run, on the test run's database (made with `dvcc init` first). */
export const dvcc = async (...args: Array<string>) => {
  testDatabase ??= run(["init"]).then((result) => {
    if (result.code !== 0) throw new Error(`dvcc init failed: ${result.stderr}`)
  })
  await testDatabase
  return run(args)
}

/** Resolves with the URL `dvcc serve` says it listens on. */
export const listening = (child: ChildProcess) =>
  new Promise<string>((resolve, reject) => {
    let err = ""
    child.stderr?.on("data", (chunk: Buffer) => {
      err += chunk.toString()
      const url = /luistert op (http:\/\/[\d.:]+)/.exec(err)?.[1]
      if (url !== undefined) resolve(url)
    })
    child.once("exit", (code) => reject(new Error(`dvcc serve stopte (${code}): ${err}`)))
  })

/** A new database at `file` (default: in a new folder), made with `dvcc init` as a user would. */
export const initialised = async (file: string = join(folder(), "dvcc.sqlite")): Promise<string> => {
  const result = await run(["init", "--db", file])
  if (result.code !== 0) throw new Error(`dvcc init --db ${file} failed: ${result.stderr}`)
  return file
}
