import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import { assert, describe, it } from "@effect/vitest"
import { dvcc, initialised, listening } from "./dvcc.ts"

const bin = fileURLToPath(new URL("../src/bin.ts", import.meta.url))
const { DATABASE_URL: _postgres, ...environment } = process.env

describe("dvcc serve", () => {
  it("serves the API: a token made with dvcc token reads the progress; SIGTERM stops it cleanly", async () => {
    const db = await initialised()
    const created = await dvcc("--db", db, "token", "create", "--role", "programma", "--name", "test")
    const token = created.stdout.trim().split("\n").at(-1) ?? ""
    const child = spawn(process.execPath, [bin, "--db", db, "serve", "--port", "0"], {
      env: { ...environment, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let out = ""
    let err = ""
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString()
    })
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString()
    })
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve))
    try {
      const url = await listening(child)
      const response = await fetch(`${url}/api/v1/voortgang?asOf=2025-12-31&jaar=2025`, {
        headers: { authorization: `Bearer ${token}` }
      })
      assert.strictEqual(response.status, 200)
      const body = (await response.json()) as { peildatum: string; jaren: Array<{ jaar: number }> }
      assert.strictEqual(body.peildatum, "2025-12-31")
      assert.deepStrictEqual(
        body.jaren.map((j) => j.jaar),
        [2025]
      )
      assert.strictEqual((await fetch(`${url}/api/v1/voortgang`)).status, 401)
    } finally {
      child.kill("SIGTERM")
    }
    const code = await exited
    assert.include(err, "gestopt.")
    // SIGTERM is the normal way to stop a service: after the clean shutdown the exit code is 0.
    assert.strictEqual(code, 0, err)
    // The request log: JSON lines with the token's id, never the token.
    const lines = out
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { status: number; pad: string })
    assert.deepStrictEqual(
      lines.map((l) => [l.pad, l.status]),
      [
        ["/api/v1/voortgang", 200],
        ["/api/v1/voortgang", 401]
      ]
    )
    assert.notInclude(out, token)
  }, 180_000)
})
