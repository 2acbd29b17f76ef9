/**
 * Preloaded (`node --import`) into the processes the dashboard benchmark starts: on exit, appends the
 * process's CPU time in milliseconds (user + system, from the start of the process) to the file named by
 * `DVCC_BENCH_CPU_FILE`. Wall time on an oversubscribed machine measures the other jobs; CPU time is what
 * the process itself costs.
 */
import { appendFileSync } from "node:fs"

const file = process.env.DVCC_BENCH_CPU_FILE
if (file !== undefined && file !== "") {
  process.on("exit", () => {
    const { user, system } = process.cpuUsage()
    appendFileSync(file, `${(user + system) / 1000}\n`)
  })
}
