/**
 * @since 0.1.0
 */
export * as Contract from "./Contract.ts"
export * as Export from "./export/Export.ts"
export * as Import from "./Import.ts"
export * as Values from "./Values.ts"
export * as Voorbeeld from "./Voorbeeld.ts"
