/**
 * The one `dvcc` command; later issues add their subcommands here.
 */
import { Console } from "effect"
import { CliOutput, Command } from "effect/cli"
import { backup } from "./commands/backup.ts"
import { importCommand } from "./commands/import.ts"
import { init } from "./commands/init.ts"
import { restore } from "./commands/restore.ts"
import { status } from "./commands/status.ts"
import { root } from "./Root.ts"

export const dvcc = root.pipe(Command.withSubcommands([init, status, backup, restore, importCommand]))

export const version = "0.1.0"

/** A wrong flag or value gets a short message and a pointer to the help, not the whole help text. */
export const presenter = CliOutput.layerPresenter({
  present: (event) =>
    event._tag === "InvalidInvocation"
      ? Console.error(
          [
            ...event.errors.map((e) => `${event.commandPath.join(" ")}: ${e.message}`),
            `Zie: ${event.commandPath.join(" ")} --help`
          ].join("\n")
        )
      : CliOutput.defaultPresenter.present(event)
})
