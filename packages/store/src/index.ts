/**
 * @since 0.1.0
 */
export * as Activities from "./Activities.ts"
export * as Backup from "./Backup.ts"
export * as Database from "./Database.ts"
export * as Gebieden from "./Gebieden.ts"
export * as Imports from "./Imports.ts"
export * as Measurements from "./Measurements.ts"
export * as Migrations from "./Migrations.ts"
export * as Plans from "./Plans.ts"
export * as ProgramStore from "./ProgramStore.ts"
export * as Provenance from "./Provenance.ts"
export * as Registrations from "./Registrations.ts"
export * as Scope from "./Scope.ts"
export * as Sessions from "./Sessions.ts"
export * as Tokens from "./Tokens.ts"
export * as Users from "./Users.ts"
