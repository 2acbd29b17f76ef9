/**
 * @since 0.1.0
 */
export * as Chart from "./Chart.ts"
export * as Dekking from "./Dekking.ts"
export * as Html from "./Html.ts"
export * as Informatiebeeld from "./Informatiebeeld.ts"
export * as Jaarplan from "./Jaarplan.ts"
export * as Overzicht from "./Overzicht.ts"
export * as Pdf from "./Pdf.ts"
