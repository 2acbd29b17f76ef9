import { vitestConfig } from "@dvcc/vitest-config"
import { defineConfig, mergeConfig } from "vitest/config"

// The browser tests share one Chromium (test/globalSetup.ts).
export default mergeConfig(vitestConfig, defineConfig({ test: { globalSetup: ["test/globalSetup.ts"] } }))
