/**
 * The one `dvcc` command; later issues add their subcommands here.
 */
import { Console, Layer, Option } from "effect"
import { type CliError, CliOutput, Command, type HelpDoc } from "effect/cli"
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

/** The Dutch of a parse error of the command line (effect/cli writes English). */
const inDutch = (error: CliError.CliError): string => {
  const suggesties = (list: ReadonlyArray<string>) =>
    list.length === 0
      ? ""
      : `; bedoelt u ${list.map((x) => (x.startsWith("-") ? x : `'${x}'`)).join(" of ")}?`
  const verwacht = (expected: string) =>
    expected
      .replace(/^Expected:?\s*/, "")
      .replace(/^a string representing a finite number$/, "een getal")
      .replace(/^integer$/, "een geheel getal")
  switch (error._tag) {
    case "MissingOption":
      return `de optie --${error.option} ontbreekt`
    case "MissingArgument":
      return `${error.argument} ontbreekt`
    case "UnrecognizedOption":
      return `onbekende optie ${error.option}${suggesties(error.suggestions)}`
    case "UnknownSubcommand":
      return `onbekende opdracht '${error.subcommand}'${suggesties(error.suggestions)}`
    case "UnexpectedArgument":
      return `onverwacht ${error.arguments.length === 1 ? "argument" : "argumenten"}: ${error.arguments.join(", ")}`
    case "InvalidValue": {
      const naam = error.kind === "argument" ? `<${error.option}>` : `--${error.option}`
      return error.value.length === 0
        ? `${naam} heeft een waarde nodig (verwacht: ${verwacht(error.expected)})`
        : `ongeldige waarde voor ${naam}: "${error.value}" (verwacht: ${verwacht(error.expected)})`
    }
    default:
      return error.message
  }
}

/** The built-in flags and the help's section titles, in Dutch. */
const globaleOpties: Record<string, string> = {
  help: "Toon deze hulp",
  version: "Toon de versie",
  wizard: "Vul de opdracht stap voor stap in",
  completions: "Schrijf het script voor het aanvullen in de shell",
  "log-level": "Het laagste logniveau dat wordt getoond"
}

const kopjes: ReadonlyArray<readonly [string, string]> = [
  ["DESCRIPTION", "OMSCHRIJVING"],
  ["USAGE", "GEBRUIK"],
  ["ARGUMENTS", "ARGUMENTEN"],
  ["INHERITED FLAGS", "GEDEELDE OPTIES"],
  ["GLOBAL FLAGS", "ALGEMENE OPTIES"],
  ["FLAGS", "OPTIES"],
  ["SUBCOMMANDS", "OPDRACHTEN"],
  ["EXAMPLES", "VOORBEELDEN"]
]

const dutchHelp = (doc: HelpDoc.HelpDoc): HelpDoc.HelpDoc => ({
  ...doc,
  usage: doc.usage.replace("[flags]", "[opties]"),
  ...(doc.globalFlags === undefined
    ? {}
    : {
        globalFlags: doc.globalFlags.map((flag) => {
          const text = globaleOpties[flag.name]
          return text === undefined ? flag : { ...flag, description: Option.some(text) }
        })
      })
})

/** The default formatter, with the help and the errors in Dutch. */
const formatter = (colors: boolean): CliOutput.Formatter => {
  const base = CliOutput.defaultFormatter({ colors })
  return {
    ...base,
    formatHelpDoc: (doc) => {
      let text = base.formatHelpDoc(dutchHelp(doc))
      for (const [english, dutch] of kopjes)
        text = text.replace(
          new RegExp(`^((?:\\x1b\\[[0-9;]*m)*)${english}((?:\\x1b\\[[0-9;]*m)*)$`, "gm"),
          `$1${dutch}$2`
        )
      return text
    },
    formatErrors: (errors) => errors.map(inDutch).join("\n")
  }
}

/** A wrong flag or value gets a short Dutch message and a pointer to the help, not the whole help text. */
export const presenter = Layer.merge(
  CliOutput.layer(formatter(process.stdout.isTTY === true && process.env.NO_COLOR === undefined)),
  CliOutput.layerPresenter({
    present: (event) =>
      event._tag === "InvalidInvocation"
        ? Console.error(
            [
              ...event.errors.map((e) => `${event.commandPath.join(" ")}: ${inDutch(e)}`),
              `Zie: ${event.commandPath.join(" ")} --help`
            ].join("\n")
          )
        : CliOutput.defaultPresenter.present(event)
  })
)
