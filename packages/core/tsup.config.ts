import { defineConfig } from "tsup"

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  // Declarations come from tsc (tsconfig.build.json): a bundled .d.ts loses the values of names that are both a Schema and its type.
  dts: false,
  clean: true,
  sourcemap: true,
  target: "es2022"
})
