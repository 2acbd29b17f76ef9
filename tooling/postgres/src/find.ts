/**
 * Finding a PostgreSQL installation, and the user to run its server as.
 *
 * Order: `$PG_BIN` when set (and nothing else then), the highest major in Debian's
 * `/usr/lib/postgresql/<major>/bin`, then the folders on `PATH`. `DVCC_NO_POSTGRES=1` pretends there is none.
 */
import { spawnSync } from "node:child_process"
import { accessSync, constants, readdirSync, statSync } from "node:fs"
import { delimiter, join } from "node:path"

/** A folder with the server programs `initdb`, `pg_ctl`, `postgres` and the client `createdb`. */
export interface PostgresInstall {
  readonly bin: string
}

/** How the server programs are run: as this process's user, or (as root) as the `postgres` system user. */
export type RunAs =
  | { readonly kind: "self" }
  | {
      readonly kind: "postgres"
      readonly uid: number
      readonly gid: number
      /** `runuser` (util-linux) when there is one, else `su`. */
      readonly via: { readonly kind: "runuser" | "su"; readonly path: string }
    }

export type Availability =
  | { readonly available: true }
  | { readonly available: false; readonly reason: string }

/** The programs a cluster needs, all in one folder. */
export const requiredPrograms = ["initdb", "pg_ctl", "postgres", "createdb"] as const

const debianRoot = "/usr/lib/postgresql"

const isExecutableFile = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK)
    return statSync(file).isFile()
  } catch {
    return false
  }
}

const hasPrograms = (dir: string): boolean =>
  requiredPrograms.every((program) => isExecutableFile(join(dir, program)))

/** Debian's `/usr/lib/postgresql/<major>/bin` folders, highest major first. */
export const debianBinDirs = (root: string = debianRoot): ReadonlyArray<string> => {
  let entries: ReadonlyArray<string>
  try {
    entries = readdirSync(root)
  } catch {
    return []
  }
  return entries
    .filter((entry) => /^\d+(\.\d+)?$/.test(entry))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
    .map((entry) => join(root, entry, "bin"))
}

const isSet = (value: string | undefined): value is string =>
  value !== undefined && value !== "" && value !== "0" && value.toLowerCase() !== "false"

type Located =
  | { readonly found: true; readonly bin: string }
  | { readonly found: false; readonly reason: string }

const locate = (env: NodeJS.ProcessEnv): Located => {
  if (isSet(env.DVCC_NO_POSTGRES)) return { found: false, reason: "DVCC_NO_POSTGRES is set" }
  const pgBin = env.PG_BIN
  if (pgBin !== undefined && pgBin !== "") {
    return hasPrograms(pgBin)
      ? { found: true, bin: pgBin }
      : { found: false, reason: `PG_BIN=${pgBin} has no ${requiredPrograms.join(", ")}` }
  }
  const candidates = [...debianBinDirs(), ...(env.PATH ?? "").split(delimiter).filter((dir) => dir !== "")]
  const bin = candidates.find(hasPrograms)
  return bin === undefined
    ? {
        found: false,
        reason: `no ${requiredPrograms.join(", ")} in ${debianRoot}/<major>/bin or on PATH (or set PG_BIN)`
      }
    : { found: true, bin }
}

/** The folder of PostgreSQL's programs, or undefined when there is no (usable) PostgreSQL. */
export const findPostgres = (): PostgresInstall | undefined => {
  const located = locate(process.env)
  return located.found ? { bin: located.bin } : undefined
}

const idOf = (flag: "-u" | "-g", user: string): number | undefined => {
  const result = spawnSync("id", [flag, user], { encoding: "utf8" })
  const id = Number.parseInt(result.stdout ?? "", 10)
  return result.status === 0 && Number.isInteger(id) ? id : undefined
}

const findProgram = (name: string, extraDirs: ReadonlyArray<string>): string | undefined =>
  [...(process.env.PATH ?? "").split(delimiter), ...extraDirs]
    .filter((dir) => dir !== "")
    .map((dir) => join(dir, name))
    .find(isExecutableFile)

type Resolved =
  | { readonly ok: true; readonly bin: string; readonly runAs: RunAs }
  | { readonly ok: false; readonly reason: string }

/**
 * The installation and the user to run it as. `initdb` and `postgres` refuse to run as root, so as root the
 * server runs as the `postgres` system user that Debian's package creates, through `runuser` or `su`.
 */
export const resolvePostgres = (): Resolved => {
  const located = locate(process.env)
  if (!located.found) return { ok: false, reason: located.reason }
  if (process.getuid?.() !== 0) return { ok: true, bin: located.bin, runAs: { kind: "self" } }
  const uid = idOf("-u", "postgres")
  const gid = idOf("-g", "postgres")
  if (uid === undefined || gid === undefined) {
    return {
      ok: false,
      reason: "running as root, which initdb refuses, and there is no postgres system user to run it as"
    }
  }
  const runuser = findProgram("runuser", ["/usr/sbin", "/sbin", "/usr/bin", "/bin"])
  const su = runuser === undefined ? findProgram("su", ["/usr/bin", "/bin"]) : undefined
  const via =
    runuser !== undefined
      ? ({ kind: "runuser", path: runuser } as const)
      : su !== undefined
        ? ({ kind: "su", path: su } as const)
        : undefined
  if (via === undefined) {
    return { ok: false, reason: "running as root and neither runuser nor su is there to run as postgres" }
  }
  return { ok: true, bin: located.bin, runAs: { kind: "postgres", uid, gid, via } }
}

/** Whether `startPostgres` can work here, and if not, why. */
export const postgresAvailability = (): Availability => {
  const resolved = resolvePostgres()
  return resolved.ok ? { available: true } : { available: false, reason: resolved.reason }
}
