export { vitestConfig as default } from "@dvcc/vitest-config"
