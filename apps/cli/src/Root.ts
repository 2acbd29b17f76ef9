/**
 * The root of the `dvcc` command and the flags every subcommand shares.
 */
import { Command, Flag } from "effect/cli"

export const root = Command.make("dvcc").pipe(
  Command.withSharedFlags({
    db: Flag.String("db").pipe(
      Flag.withDescription("SQLite-databasebestand (standaard $DVCC_DB of ~/.local/share/dvcc/dvcc.sqlite)"),
      Flag.optional
    ),
    // Read by bin.ts, which reports failures: details (causes, stack) only when asked for.
    verbose: Flag.Boolean("verbose").pipe(
      Flag.withDescription("Toon bij een fout ook de details (oorzaken, stack trace)"),
      Flag.withDefault(false)
    )
  }),
  Command.withDescription(
    "Sturen op data in een programma van de Regionale Veiligheidsstrategie: het programma van de database (meegeleverd: Digitale Veiligheid en Cybercrime, Midden-Nederland)"
  )
)
