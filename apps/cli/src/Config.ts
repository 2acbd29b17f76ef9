/**
 * The one place the `dvcc` command reads its environment: where the database is, and whether it may be
 * used there.
 *
 * Order: `--db FILE`, then `DATABASE_URL` (PostgreSQL), then `DVCC_DB`, then
 * `$XDG_DATA_HOME/dvcc/dvcc.sqlite`, else `~/.local/share/dvcc/dvcc.sqlite`. Only the default is created on
 * first use: a file named with `--db` or `DVCC_DB` must exist (`dvcc init` creates it), so that a typo is
 * an error instead of a new, freshly seeded database.
 */
import { accessSync, constants, existsSync, statSync } from "node:fs"
import { homedir } from "node:os"
import { dirname, join } from "node:path"
import type { Database } from "@dvcc/store"
import { Config, Effect, Option, Redacted, Schema } from "effect"

/** An empty variable counts as unset, as shells and service files leave them. */
const setting = <A>(config: Config.Config<A>, isEmpty: (a: A) => boolean) =>
  Config.option(config).pipe(Config.map(Option.filter((a: A) => !isEmpty(a))))

/**
 * The database the flags and environment name cannot be used as it is: it does not exist (and was named
 * explicitly) or dvcc may not write it. The message says what to do.
 */
export class DatabaseUnusable extends Schema.TaggedError<DatabaseUnusable>()("DatabaseUnusable", {
  message: Schema.String
}) {}

const writable = (path: string): boolean => {
  try {
    accessSync(path, constants.W_OK)
    return true
  } catch {
    return false
  }
}

/** Refuses a SQLite file that was named but does not exist, or that dvcc may not write. */
const usable = (file: string, named: string | undefined, mayNotExist: boolean) =>
  Effect.suspend(() => {
    if (file === ":memory:") return Effect.void
    if (!existsSync(file)) {
      if (named === undefined || mayNotExist) return Effect.void
      return Effect.fail(
        new DatabaseUnusable({
          message: `Database ${file} (${named}) bestaat niet. Controleer het pad; een nieuwe database maakt u met dvcc init --db ${file}.`
        })
      )
    }
    // SQLite writes beside the file too (its WAL journal), also when dvcc only reads.
    if (statSync(file).isFile() && (!writable(file) || !writable(dirname(file)))) {
      return Effect.fail(
        new DatabaseUnusable({
          message: `Database ${file} is alleen-lezen voor deze gebruiker: dvcc schrijft erin, ook als het alleen leest (bijwerken van het schema, het WAL-journaal naast het bestand). Geef schrijfrecht op het bestand en de map ${dirname(file)} (chmod u+w), of werk op een kopie met --db KOPIE.`
        })
      )
    }
    return Effect.void
  })

/**
 * Where the database is. `mayNotExist`: the command creates it at a named path (`dvcc init`,
 * `dvcc restore`) or says itself that it is missing (`dvcc backup`).
 */
export const databaseLocation = (
  dbFlag: Option.Option<string>,
  options: { readonly mayNotExist?: boolean } = {}
): Effect.Effect<Database.Location, Config.ConfigError | DatabaseUnusable> =>
  Effect.gen(function* () {
    const mayNotExist = options.mayNotExist === true
    if (Option.isSome(dbFlag)) {
      yield* usable(dbFlag.value, "--db", mayNotExist)
      return { _tag: "Sqlite", file: dbFlag.value } as const
    }
    const url = yield* setting(Config.Redacted("DATABASE_URL"), (r) => Redacted.value(r) === "")
    if (Option.isSome(url)) return { _tag: "Postgres", url: url.value } as const
    const file = yield* setting(Config.String("DVCC_DB"), (s) => s === "")
    if (Option.isSome(file)) {
      yield* usable(file.value, "DVCC_DB", mayNotExist)
      return { _tag: "Sqlite", file: file.value } as const
    }
    const dataHome = yield* setting(Config.String("XDG_DATA_HOME"), (s) => s === "")
    const fallback = join(
      Option.getOrElse(dataHome, () => join(homedir(), ".local", "share")),
      "dvcc",
      "dvcc.sqlite"
    )
    yield* usable(fallback, undefined, true)
    return { _tag: "Sqlite", file: fallback } as const
  })
