/**
 * @since 0.1.0
 */
export * as Backup from "./Backup.ts"
export * as Database from "./Database.ts"
export * as Imports from "./Imports.ts"
export * as Migrations from "./Migrations.ts"
export * as ProgramStore from "./ProgramStore.ts"
export * as Registrations from "./Registrations.ts"
