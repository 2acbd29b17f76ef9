/**
 * Graceful shutdown of the real `dvcc serve` process: a request in flight when SIGTERM arrives (a workbook
 * upload whose body is still being sent) is answered in full, a new connection after SIGTERM is refused,
 * and the process then exits 0.
 */
import { spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { request } from "node:http"
import { connect } from "node:net"
import { fileURLToPath } from "node:url"
import { assert, describe, it } from "@effect/vitest"
import { dvcc, initialised } from "./dvcc.ts"

const bin = fileURLToPath(new URL("../src/bin.ts", import.meta.url))
const workbook = readFileSync(
  fileURLToPath(new URL("../../../examples/voorbeeld-district.xlsx", import.meta.url))
)
const { DATABASE_URL: _postgres, ...environment } = process.env

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Whether a new TCP connection to `port` on loopback is accepted or refused. */
const tryConnect = (port: number) =>
  new Promise<"accepted" | "refused">((resolve) => {
    const socket = connect({ host: "127.0.0.1", port })
    socket.once("connect", () => {
      socket.destroy()
      resolve("accepted")
    })
    socket.once("error", () => resolve("refused"))
  })

/** A multipart/form-data body with the workbook in the field `bestand`. */
const multipart = (bytes: Buffer) => {
  const boundary = "dvcc-test-grens"
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="bestand"; filename="voorbeeld-district.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  return { body: Buffer.concat([head, bytes, tail]), type: `multipart/form-data; boundary=${boundary}` }
}

describe("dvcc serve on SIGTERM", () => {
  it("finishes the request in flight with 200, refuses new connections and exits 0", async () => {
    const db = await initialised()
    // The example holds a Gebieden sheet: only a beheerder imports it.
    const created = await dvcc("--db", db, "token", "create", "--role", "beheerder", "--name", "test")
    assert.strictEqual(created.code, 0, created.stderr)
    const token = created.stdout.trim().split("\n").at(-1) ?? ""
    const child = spawn(process.execPath, [bin, "--db", db, "serve", "--port", "0"], {
      env: { ...environment, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let err = ""
    const said = (text: string) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (err.includes(text)) resolve()
        }
        child.stderr.on("data", check)
        child.once("exit", (code) => reject(new Error(`dvcc serve stopte (${code}): ${err}`)))
        check()
      })
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString()
    })
    child.stdout.resume()
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve))
    try {
      await said("luistert op")
      const port = Number(/luistert op http:\/\/[\d.]+:(\d+)/.exec(err)?.[1])
      assert.isAbove(port, 0, err)

      // The slow request: headers and half the workbook now, the rest after SIGTERM.
      const { body, type } = multipart(workbook)
      const half = Math.floor(body.length / 2)
      const upload = request({
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/api/v1/imports?dryRun=true",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": type,
          "content-length": String(body.length)
        }
      })
      const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
        upload.once("response", (response) => {
          let text = ""
          response.setEncoding("utf8")
          response.on("data", (chunk: string) => {
            text += chunk
          })
          response.once("end", () => resolve({ status: response.statusCode ?? 0, text }))
        })
        upload.once("error", reject)
      })
      upload.write(body.subarray(0, half))
      await sleep(500)

      child.kill("SIGTERM")
      await said("lopende verzoeken worden afgemaakt")
      // The listening socket closes at once; the upload's connection stays open.
      let after: "accepted" | "refused" = "accepted"
      for (let i = 0; i < 40 && after === "accepted"; i++) {
        after = await tryConnect(port)
        if (after === "accepted") await sleep(50)
      }
      assert.strictEqual(after, "refused", "na SIGTERM geen nieuwe verbindingen")
      assert.notInclude(err, "gestopt.", "de server wacht op het lopende verzoek")

      upload.end(body.subarray(half))
      const { status, text } = await answered
      assert.strictEqual(status, 200, text)
      const report = JSON.parse(text) as { status: string; importId: string | null }
      assert.strictEqual(report.status, "dry-run")
      assert.isNull(report.importId)
    } finally {
      child.kill("SIGTERM")
    }
    const code = await exited
    assert.include(err, "gestopt.")
    assert.strictEqual(code, 0, err)
  }, 180_000)
})
