/**
 * The one `dvcc` command; later issues add their subcommands here.
 */
import { Console } from "effect"
import { CliOutput, Command } from "effect/cli"
import { status } from "./commands/status.ts"

export const dvcc = Command.make("dvcc").pipe(
  Command.withDescription(
    "Sturen op data in het programma Digitale Veiligheid en Cybercrime (Midden-Nederland)"
  ),
  Command.withSubcommands([status])
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
