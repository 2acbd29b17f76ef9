/**
 * The root of the `dvcc` command and the flags every subcommand shares.
 */
import { Command, Flag } from "effect/cli"

export const root = Command.make("dvcc").pipe(
  Command.withSharedFlags({
    db: Flag.String("db").pipe(
      Flag.withDescription("SQLite-databasebestand (standaard $DVCC_DB of ~/.local/share/dvcc/dvcc.sqlite)"),
      Flag.optional
    )
  }),
  Command.withDescription(
    "Sturen op data in het programma Digitale Veiligheid en Cybercrime (Midden-Nederland)"
  )
)
