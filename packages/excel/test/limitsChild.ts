/**
 * Imports one workbook (dry run) in a process of its own and prints what it cost: the limits tests measure
 * peak memory here, where no other test's heap counts.
 */
import { readFileSync } from "node:fs"
import { dataset } from "@dvcc/midden-nederland"
import { Effect } from "effect"
import { Import } from "../src/index.ts"

const [file = ""] = process.argv.slice(2)
const start = performance.now()
const dryRun = Import.run(
  { bytes: readFileSync(file), name: "district.xlsx" },
  { actor: "test", dataset, dryRun: true }
).pipe(
  Effect.match({
    onFailure: (error) => ({ refused: "code" in error ? error.code : error._tag }),
    onSuccess: (report) => ({ status: report.status })
  })
)
// A dry run given the dataset reads no database: the store's services are never asked for.
const outcome = await Effect.runPromise(dryRun as Effect.Effect<Effect.Success<typeof dryRun>>)
process.stdout.write(
  JSON.stringify({
    ...outcome,
    ms: performance.now() - start,
    maxRssMb: process.resourceUsage().maxRSS / 1024
  })
)
