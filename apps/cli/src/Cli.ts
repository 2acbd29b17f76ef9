/**
 * The one `dvcc` command; later issues add their subcommands here.
 */
import { Console } from "effect"
import { CliOutput, Command } from "effect/cli"
import { backup } from "./commands/backup.ts"
import { dashboard } from "./commands/dashboard.ts"
import { exportCommand } from "./commands/export.ts"
import { importCommand } from "./commands/import.ts"
import { informatiebeeld } from "./commands/informatiebeeld.ts"
import { init } from "./commands/init.ts"
import { report } from "./commands/report.ts"
import { restore } from "./commands/restore.ts"
import { serve } from "./commands/serve.ts"
import { status } from "./commands/status.ts"
import { token } from "./commands/token.ts"
import { user } from "./commands/user.ts"
import { root } from "./Root.ts"

export const dvcc = root.pipe(
  Command.withSubcommands([
    init,
    status,
    dashboard,
    informatiebeeld,
    backup,
    restore,
    importCommand,
    serve,
    token,
    user,
    exportCommand,
    report
  ])
)

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
