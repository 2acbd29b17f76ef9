/**
 * The `dvcc` program: runs the command line, reports failures and sets the exit code.
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Cause, Console, Effect, Exit, Layer, Runtime } from "effect"
import { Command } from "effect/cli"
import { dvcc, presenter, version } from "./Cli.ts"
import { printable, printableConsole } from "./Terminal.ts"

const setExitCode = (code: number) =>
  Effect.sync(() => {
    process.exitCode = code
  })

// The flag is declared in Root.ts (so it shows in the help and parses everywhere); failures are reported
// here, outside the commands, so the raw arguments are what is left to read.
const verbose = process.argv.includes("--verbose")

// SIGTERM is how a service manager stops `dvcc serve`: a command that then shuts down cleanly exits 0.
// Ctrl-C (SIGINT) keeps the shell's convention of 130.
let terminated = false
process.once("SIGTERM", () => {
  terminated = true
})

// Exit codes: 0 done, 1 the work failed, 2 the command was used wrongly (flags, values).
Command.run(dvcc, { version }).pipe(
  Effect.catchTags({
    ShowHelp: (error) => setExitCode(error.errors.length > 0 ? 2 : 0),
    UserError: () => setExitCode(2)
  }),
  Effect.catchCause((cause) =>
    Effect.sync(() => {
      const error = Cause.squash(cause)
      const message = error instanceof Error ? error.message : String(error)
      process.stderr.write(`dvcc: ${printable(message)}\n`)
      if (verbose) process.stderr.write(`${printable(Cause.pretty(cause))}\n`)
    }).pipe(Effect.andThen(setExitCode(1)))
  ),
  Effect.provide(Layer.mergeAll(NodeServices.layer, presenter)),
  // Every line the commands print goes through `printable` (Terminal.ts).
  Effect.provideService(Console.Console, printableConsole(globalThis.console)),
  NodeRuntime.runMain({
    disableErrorReporting: true,
    teardown: (exit, onExit) =>
      terminated && Exit.isFailure(exit) && Cause.hasInterruptsOnly(exit.cause)
        ? onExit(0)
        : Runtime.defaultTeardown(exit, onExit)
  })
)
