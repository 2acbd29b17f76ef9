/**
 * The one place the `dvcc` command reads its environment: where the database is.
 *
 * Order: `--db FILE`, then `DATABASE_URL` (PostgreSQL), then `DVCC_DB`, then
 * `$XDG_DATA_HOME/dvcc/dvcc.sqlite`, else `~/.local/share/dvcc/dvcc.sqlite`.
 */
import { homedir } from "node:os"
import { join } from "node:path"
import type { Database } from "@dvcc/store"
import { Config, Effect, Option, Redacted } from "effect"

/** An empty variable counts as unset, as shells and service files leave them. */
const setting = <A>(config: Config.Config<A>, isEmpty: (a: A) => boolean) =>
  Config.option(config).pipe(Config.map(Option.filter((a: A) => !isEmpty(a))))

export const databaseLocation = (
  dbFlag: Option.Option<string>
): Effect.Effect<Database.Location, Config.ConfigError> =>
  Effect.gen(function* () {
    if (Option.isSome(dbFlag)) return { _tag: "Sqlite", file: dbFlag.value } as const
    const url = yield* setting(Config.Redacted("DATABASE_URL"), (r) => Redacted.value(r) === "")
    if (Option.isSome(url)) return { _tag: "Postgres", url: url.value } as const
    const file = yield* setting(Config.String("DVCC_DB"), (s) => s === "")
    if (Option.isSome(file)) return { _tag: "Sqlite", file: file.value } as const
    const dataHome = yield* setting(Config.String("XDG_DATA_HOME"), (s) => s === "")
    return {
      _tag: "Sqlite",
      file: join(
        Option.getOrElse(dataHome, () => join(homedir(), ".local", "share")),
        "dvcc",
        "dvcc.sqlite"
      )
    } as const
  })
