import { defineConfig } from "vitest/config"

/** One test set-up for every package: a console report and a JSON report that tooling/test.sh adds up. */
export const vitestConfig = defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "json"],
    outputFile: { json: ".vitest/report.json" },
    testTimeout: 30_000
  }
})
