/**
 * Regenerates `examples/voorbeeld-district.xlsx`, the example district workbook with fictitious data
 * ("fictieve voorbeelddata"): `node examples/voorbeeld-district.ts` from the repository root.
 */
import { writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { workbook } from "../packages/excel/src/Voorbeeld.ts"
import { dataset } from "../packages/midden-nederland/src/index.ts"

const target = fileURLToPath(new URL("./voorbeeld-district.xlsx", import.meta.url))
writeFileSync(target, await workbook(dataset.regio))
process.stdout.write(`${target}\n`)
