#!/usr/bin/env node
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Effect, Layer } from "effect"
import { Command } from "effect/cli"
import { dvcc, presenter, version } from "./Cli.ts"

const setExitCode = (code: number) =>
  Effect.sync(() => {
    process.exitCode = code
  })

// Exit codes: 0 done, 1 the work failed, 2 the command was used wrongly (flags, values).
Command.run(dvcc, { version }).pipe(
  Effect.catchTags({
    ShowHelp: (error) => setExitCode(error.errors.length > 0 ? 2 : 0),
    UserError: () => setExitCode(2)
  }),
  Effect.catch((error) =>
    Effect.sync(() => process.stderr.write(`dvcc: ${error.message}\n`)).pipe(Effect.andThen(setExitCode(1)))
  ),
  Effect.provide(Layer.mergeAll(NodeServices.layer, presenter)),
  NodeRuntime.runMain({ disableErrorReporting: true })
)
