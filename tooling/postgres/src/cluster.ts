/**
 * A throw-away PostgreSQL cluster: `initdb` in a temporary folder, a server that listens only on a unix
 * socket in that folder, and a database. `stop()` stops the server and removes the folder; when the process
 * exits without calling it, an exit handler does the same, and a small watchdog shell does it within a
 * second when the process was killed (SIGKILL, a crash).
 */
import { execFile, spawn } from "node:child_process"
import { existsSync, readFileSync, rmSync } from "node:fs"
import { chown, mkdtemp, readFile, rm } from "node:fs/promises"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type RunAs, resolvePostgres } from "./find.ts"

export interface StartPostgresOptions {
  /** The database to create (default `dvcc_test`). */
  readonly database?: string
  /** More server settings, passed as `-c name=value`. */
  readonly settings?: Readonly<Record<string, string>>
  /** Per step (initdb, start, createdb), in milliseconds (default 60 000). */
  readonly timeoutMs?: number
}

export interface PostgresCluster {
  /**
   * `postgresql:///<database>?host=<socketDir>&port=<port>&user=dvcc`: for node-postgres, `@effect/sql-pg`
   * and psql. (Not `postgresql://dvcc@/…`: `new URL` rejects a user without a host, so `@effect/sql-pg` does.)
   */
  readonly url: string
  /** The folder of the server's socket (`.s.PGSQL.<port>`); also holds `data/` and `server.log`. */
  readonly socketDir: string
  /** Only names the socket: the server has no TCP listener. */
  readonly port: number
  /** Stops the server (`pg_ctl stop -m immediate`) and removes the folder. Safe to call twice. */
  stop(): Promise<void>
}

/** The superuser `initdb` creates; trust authentication, so no password. */
export const superuser = "dvcc"

/** Settings for speed: nothing here has to survive a crash. */
const fastSettings: Readonly<Record<string, string>> = {
  fsync: "off",
  synchronous_commit: "off",
  full_page_writes: "off",
  wal_level: "minimal",
  max_wal_senders: "0",
  max_connections: "50",
  shared_buffers: "32MB",
  log_min_messages: "warning"
}

/** Quotes a word for /bin/sh (pg_ctl passes `-o` through the shell, `su -c` too). */
export const shellQuote = (word: string): string =>
  /^[A-Za-z0-9_./=:@%+,-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`

/** Programs as the user the server runs as: as root, through runuser (or su) as `postgres`. */
const asServerUser = (
  runAs: RunAs,
  file: string,
  args: ReadonlyArray<string>
): [string, ReadonlyArray<string>] => {
  if (runAs.kind === "self") return [file, args]
  if (runAs.via.kind === "runuser") return [runAs.via.path, ["-u", "postgres", "--", file, ...args]]
  return [runAs.via.path, ["-s", "/bin/sh", "-c", [file, ...args].map(shellQuote).join(" "), "postgres"]]
}

/** The environment without PG* variables (PGHOST, PGDATA, … would steer the programs elsewhere). */
const cleanEnv = (): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("PG"))),
  LC_ALL: "C"
})

const run = (
  file: string,
  args: ReadonlyArray<string>,
  cwd: string,
  timeoutMs: number
): Promise<{ stdout: string; stderr: string }> =>
  new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { cwd, env: cleanEnv(), timeout: timeoutMs, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error === null) resolve({ stdout, stderr })
        else {
          const output = `${stdout}${stderr}`.trim()
          reject(
            new Error(`${[file, ...args].join(" ")} failed: ${error.message}${output ? `\n${output}` : ""}`)
          )
        }
      }
    )
  })

/** A port number that is free on 127.0.0.1 right now; the server only uses it in its socket's name. */
const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const fallback = () => resolve(49152 + Math.floor(Math.random() * 16000))
    const server = createServer()
    server.once("error", fallback)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : undefined
      server.close(() => (port === undefined ? fallback() : resolve(port)))
    })
  })

/** Whether a process runs; a zombie does not (PID 1 of a container may take a while to reap one). */
const isAlive = (pid: number): boolean => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z"
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" && existsSync("/proc/self/stat")) return false
  }
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"
  }
}

const sleepSync = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

const serverPid = (dataDir: string): number | undefined => {
  try {
    const pid = Number.parseInt(
      readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0] ?? "",
      10
    )
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

/**
 * Runs detached from this process: once this process is gone, stops the server (SIGQUIT is PostgreSQL's
 * immediate shutdown) and removes the folder. Killed by `stop()` and the exit handler.
 */
const watchdogScript = `
parent=$1 server=$2 dir=$3
alive() {
  if [ -r /proc/self/stat ]; then
    state=$(sed -n 's/.*) \\(.\\).*/\\1/p' "/proc/$1/stat" 2>/dev/null)
    [ -n "$state" ] && [ "$state" != Z ]
  else
    kill -0 "$1" 2>/dev/null
  fi
}
while alive "$parent"; do sleep 1; done
if [ "$server" != 0 ]; then
  kill -QUIT "$server" 2>/dev/null
  i=0
  while alive "$server" && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
  alive "$server" && kill -KILL "$server" 2>/dev/null
fi
rm -rf "$dir"
`

interface Live {
  readonly dir: string
  readonly dataDir: string
  pid: number | undefined
  watchdog: number | undefined
}

const live = new Set<Live>()
let exitHandlerInstalled = false

const killWatchdog = (cluster: Live): void => {
  if (cluster.watchdog === undefined) return
  try {
    process.kill(-cluster.watchdog, "SIGKILL")
  } catch {
    // already gone
  }
  cluster.watchdog = undefined
}

/** Synchronous, for the exit handler: SIGQUIT (immediate shutdown), wait up to 5 s, then remove. */
const stopSync = (cluster: Live): void => {
  const pid = cluster.pid ?? serverPid(cluster.dataDir)
  if (pid !== undefined) {
    try {
      process.kill(pid, "SIGQUIT")
      for (let waited = 0; waited < 5000 && isAlive(pid); waited += 20) sleepSync(20)
      if (isAlive(pid)) process.kill(pid, "SIGKILL")
    } catch {
      // already gone
    }
  }
  killWatchdog(cluster)
  rmSync(cluster.dir, { recursive: true, force: true })
}

const installExitHandler = (): void => {
  if (exitHandlerInstalled) return
  exitHandlerInstalled = true
  process.on("exit", () => {
    for (const cluster of live) {
      try {
        stopSync(cluster)
      } catch {
        // the watchdog tries again
      }
    }
    live.clear()
  })
}

const startWatchdog = (cluster: Live): void => {
  const child = spawn(
    "/bin/sh",
    [
      "-c",
      watchdogScript,
      "dvcc-postgres-watchdog",
      String(process.pid),
      String(cluster.pid ?? 0),
      cluster.dir
    ],
    {
      detached: true,
      stdio: "ignore"
    }
  )
  child.on("error", () => {})
  child.unref()
  cluster.watchdog = child.pid
}

const logTail = async (file: string): Promise<string> => {
  try {
    const lines = (await readFile(file, "utf8")).trimEnd().split("\n")
    return lines.length > 0 && lines[0] !== "" ? `\nserver.log:\n${lines.slice(-20).join("\n")}` : ""
  } catch {
    return ""
  }
}

/** The longest unix socket path Linux and macOS take (sun_path less its terminating NUL). */
const maxSocketPath = 103

/**
 * Starts a throw-away cluster: `initdb -A trust -U dvcc --encoding=UTF8 --locale=C` in a new temporary
 * folder, a server on a unix socket in that folder only (`listen_addresses=''`), fsync off, and the
 * database `dvcc_test`. Throws, with the reason, when PostgreSQL is not available (see `postgresAvailability`).
 */
export const startPostgres = async (options: StartPostgresOptions = {}): Promise<PostgresCluster> => {
  const resolved = resolvePostgres()
  if (!resolved.ok) throw new Error(`PostgreSQL is not available: ${resolved.reason}`)
  const { bin, runAs } = resolved
  const database = options.database ?? "dvcc_test"
  const timeoutMs = options.timeoutMs ?? 60_000
  const program = (name: string) => join(bin, name)

  const dir = await mkdtemp(join(tmpdir(), "dvcc-pg-"))
  const dataDir = join(dir, "data")
  const logFile = join(dir, "server.log")
  const cluster: Live = { dir, dataDir, pid: undefined, watchdog: undefined }
  live.add(cluster)
  installExitHandler()

  let stopping: Promise<void> | undefined
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      killWatchdog(cluster)
      if (existsSync(join(dataDir, "postmaster.pid"))) {
        const [file, args] = asServerUser(runAs, program("pg_ctl"), [
          "stop",
          "-D",
          dataDir,
          "-m",
          "immediate",
          "-w",
          "-s"
        ])
        try {
          await run(file, args, dir, timeoutMs)
        } catch {
          stopSync(cluster)
        }
      }
      await rm(dir, { recursive: true, force: true })
      live.delete(cluster)
    })()
    return stopping
  }

  try {
    if (runAs.kind === "postgres") await chown(dir, runAs.uid, runAs.gid)
    const port = await freePort()
    if (join(dir, `.s.PGSQL.${port}`).length > maxSocketPath) {
      throw new Error(
        `the socket path in ${dir} is too long for a unix socket; set TMPDIR to a shorter folder`
      )
    }
    const step = (name: string, args: ReadonlyArray<string>) => {
      const [file, fullArgs] = asServerUser(runAs, program(name), args)
      return run(file, fullArgs, dir, timeoutMs)
    }
    await step("initdb", [
      "-D",
      dataDir,
      "-A",
      "trust",
      "-U",
      superuser,
      "--encoding=UTF8",
      "--locale=C",
      "--no-sync",
      "--no-instructions"
    ])
    const settings = { ...fastSettings, ...options.settings }
    const serverOptions = [
      "-c",
      "listen_addresses=''",
      "-c",
      `unix_socket_directories=${shellQuote(dir)}`,
      "-k",
      shellQuote(dir),
      "-p",
      String(port),
      ...Object.entries(settings).flatMap(([name, value]) => ["-c", shellQuote(`${name}=${value}`)])
    ].join(" ")
    await step("pg_ctl", [
      "start",
      "-D",
      dataDir,
      "-l",
      logFile,
      "-w",
      "-t",
      String(Math.ceil(timeoutMs / 1000)),
      "-s",
      "-o",
      serverOptions
    ])
    cluster.pid = serverPid(dataDir)
    startWatchdog(cluster)
    await run(program("createdb"), ["-h", dir, "-p", String(port), "-U", superuser, database], dir, timeoutMs)
    const host = encodeURIComponent(dir).replaceAll("%2F", "/")
    return {
      url: `postgresql:///${encodeURIComponent(database)}?host=${host}&port=${port}&user=${superuser}`,
      socketDir: dir,
      port,
      stop
    }
  } catch (error) {
    const tail = await logTail(logFile)
    await stop().catch(() => {})
    throw new Error(`startPostgres: ${(error as Error).message}${tail}`, { cause: error })
  }
}
