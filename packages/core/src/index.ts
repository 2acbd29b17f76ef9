/**
 * @since 0.1.0
 */
export * as Activity from "./Activity.ts"
export * as Bron from "./Bron.ts"
export * as Dataset from "./Dataset.ts"
export * as Din from "./Din.ts"
export * as Geography from "./Geography.ts"
export * as Getal from "./Getal.ts"
export * as Indicator from "./Indicator.ts"
export * as Informatiebeeld from "./Informatiebeeld.ts"
export * as Jaarplan from "./Jaarplan.ts"
export * as Measurement from "./Measurement.ts"
export * as Money from "./Money.ts"
export * as Percentage from "./Percentage.ts"
export * as Periode from "./Periode.ts"
export * as Progress from "./Progress.ts"
export * as Registration from "./Registration.ts"
export * as Rollup from "./Rollup.ts"
