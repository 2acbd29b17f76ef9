/**
 * PDF reports share one Chromium per `serve` process with a bounded pool of pages and a queue: many
 * requests at once neither start a browser each nor wait without end; past the queue they get a 503 with
 * `Retry-After`.
 */
import { execFileSync } from "node:child_process"
import { chromium, describeWithTool } from "@dvcc/testing-tools"
import { afterAll, assert, beforeAll, it } from "@effect/vitest"
import { type Fixture, makeFixture } from "./fixture.ts"

let f: Fixture
beforeAll(async () => {
  f = await makeFixture()
}, 60_000)
afterAll(() => f.dispose())

/** The Chromium browsers this process started (its direct children). */
const browsers = (): number =>
  execFileSync("ps", ["-o", "comm=", "--ppid", String(process.pid)], { encoding: "utf8" })
    .split("\n")
    .filter((name) => /chrom/i.test(name)).length

const pdf = () =>
  f.request("/api/v1/reports/informatiebeeld/GM0344?periode=2026-Q1&format=pdf", { as: "programma" })

describeWithTool(chromium, "PDF reports over HTTP", () => {
  it("keeps one browser for every request, and answers past the queue with 503 and Retry-After", {
    timeout: 120_000
  }, async () => {
    assert.strictEqual((await pdf()).status, 200)
    assert.strictEqual((await pdf()).status, 200)
    // The browser stays for the next request.
    assert.strictEqual(browsers(), 1)
    const responses = await Promise.all(Array.from({ length: 16 }, pdf))
    assert.strictEqual(browsers(), 1)
    const ok = responses.filter((r) => r.status === 200)
    const busy = responses.filter((r) => r.status === 503)
    assert.strictEqual(ok.length + busy.length, 16)
    assert.isAtLeast(ok.length, 2)
    assert.isAtLeast(busy.length, 1)
    const problem = (await busy[0]?.json()) as { readonly type: string; readonly detail: string }
    assert.strictEqual(problem.type, "urn:dvcc:probleem:niet-beschikbaar")
    assert.match(problem.detail, /PDF/)
    assert.match(busy[0]?.headers.get("retry-after") ?? "", /^\d+$/)
    for (const r of ok)
      assert.strictEqual(new TextDecoder().decode(new Uint8Array(await r.arrayBuffer()).slice(0, 4)), "%PDF")
  })
})
