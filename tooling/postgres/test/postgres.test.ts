import { spawn } from "node:child_process"
import { existsSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import pg from "pg"
import { afterEach, describe, expect, it, vi } from "vitest"
import { describePostgres, findPostgres, postgresAvailability, startPostgres } from "../src/index.ts"

/** A zombie counts as gone: PID 1 of a container may take a while to reap the server. */
const isAlive = (pid: number): boolean => {
  if (existsSync("/proc/self/stat")) {
    if (!existsSync(`/proc/${pid}/stat`)) return false
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z"
  }
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"
  }
}

const waitFor = async (condition: () => boolean, ms: number): Promise<boolean> => {
  for (const deadline = Date.now() + ms; Date.now() < deadline; ) {
    if (condition()) return true
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return condition()
}

describe("finding PostgreSQL", () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it("honours PG_BIN, and nothing else then", () => {
    vi.stubEnv("DVCC_NO_POSTGRES", "")
    vi.stubEnv("PG_BIN", "/nonexistent")
    expect(findPostgres()).toBeUndefined()
    expect(postgresAvailability()).toEqual({
      available: false,
      reason: "PG_BIN=/nonexistent has no initdb, pg_ctl, postgres, createdb"
    })
  })

  it("pretends there is none with DVCC_NO_POSTGRES=1", () => {
    vi.stubEnv("DVCC_NO_POSTGRES", "1")
    expect(findPostgres()).toBeUndefined()
    expect(postgresAvailability()).toEqual({ available: false, reason: "DVCC_NO_POSTGRES is set" })
  })

  it("finds the folder of a PG_BIN that has the programs", () => {
    const found = findPostgres()
    if (found === undefined) return
    vi.stubEnv("PG_BIN", found.bin)
    expect(findPostgres()).toEqual({ bin: found.bin })
  })
})

describePostgres("a throw-away cluster", () => {
  it("starts, takes connections on its unix socket only, stops and removes its folder", async () => {
    const cluster = await startPostgres()
    const { socketDir, port, url } = cluster
    try {
      expect(url).toBe(`postgresql:///dvcc_test?host=${socketDir}&port=${port}&user=dvcc`)
      // @effect/sql-pg parses the url with `new URL`, which rejects `postgresql://dvcc@/…`
      expect(new URL(url).searchParams.get("host")).toBe(socketDir)
      expect(existsSync(join(socketDir, `.s.PGSQL.${port}`))).toBe(true)
      if (process.getuid?.() === 0) expect(statSync(join(socketDir, "data")).uid).not.toBe(0)

      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        expect((await client.query("select 1 as one")).rows).toEqual([{ one: 1 }])
        const settings = await client.query<{ name: string; setting: string }>(
          "select name, setting from pg_settings where name in ('listen_addresses', 'fsync', 'server_encoding', 'lc_collate') order by name"
        )
        expect(settings.rows).toEqual([
          { name: "fsync", setting: "off" },
          { name: "lc_collate", setting: "C" },
          { name: "listen_addresses", setting: "" },
          { name: "server_encoding", setting: "UTF8" }
        ])
        expect((await client.query("select current_user, current_database()")).rows).toEqual([
          { current_user: "dvcc", current_database: "dvcc_test" }
        ])
        await client.query("create table indicator (id text primary key, waarde numeric not null)")
        await client.query("insert into indicator values ($1, $2), ($3, $4)", ["a", 1.5, "b", 2])
        const rows = await client.query("select id, waarde::float8 as waarde from indicator order by id")
        expect(rows.rows).toEqual([
          { id: "a", waarde: 1.5 },
          { id: "b", waarde: 2 }
        ])
      } finally {
        await client.end()
      }
    } finally {
      await cluster.stop()
    }
    expect(existsSync(socketDir)).toBe(false)
    await cluster.stop()
  })

  it("runs clusters side by side", async () => {
    const clusters = await Promise.all([startPostgres(), startPostgres({ database: "other" })])
    try {
      const [a, b] = clusters
      expect(a?.socketDir).not.toBe(b?.socketDir)
      for (const cluster of clusters) {
        const client = new pg.Client({ connectionString: cluster.url })
        await client.connect()
        expect((await client.query("select current_database() as db")).rows).toHaveLength(1)
        await client.end()
      }
    } finally {
      await Promise.all(clusters.map((cluster) => cluster.stop()))
    }
  })

  const leak = (how: "exit" | "wait") =>
    new Promise<{ child: ReturnType<typeof spawn>; socketDir: string; pid: number }>((resolve, reject) => {
      const child = spawn(process.execPath, [join(import.meta.dirname, "fixtures", "leak.ts"), how], {
        stdio: ["ignore", "pipe", "inherit"]
      })
      let output = ""
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString()
        const line = output.split("\n")[0]
        if (output.includes("\n") && line !== undefined) resolve({ child, ...JSON.parse(line) })
      })
      child.on("error", reject)
      child.on("exit", (code) => {
        if (!output.includes("\n")) reject(new Error(`leak.ts exited with ${code} before starting`))
      })
    })

  it.concurrent("stops the server and removes the folder when the process exits without stop()", async ({
    expect
  }) => {
    const { child, socketDir, pid } = await leak("exit")
    await new Promise((resolve) => child.once("exit", resolve))
    expect(isAlive(pid)).toBe(false)
    expect(existsSync(socketDir)).toBe(false)
  })

  it.concurrent("stops the server and removes the folder when the process is killed", async ({ expect }) => {
    const { child, socketDir, pid } = await leak("wait")
    expect(isAlive(pid)).toBe(true)
    child.kill("SIGKILL")
    expect(await waitFor(() => !isAlive(pid) && !existsSync(socketDir), 10_000)).toBe(true)
  })
})
