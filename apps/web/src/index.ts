/**
 * @since 0.1.0
 */
export * as Web from "./Web.ts"
