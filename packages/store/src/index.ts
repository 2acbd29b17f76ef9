/**
 * @since 0.1.0
 */
export * as Database from "./Database.ts"
export * as Migrations from "./Migrations.ts"
export * as ProgramStore from "./ProgramStore.ts"
