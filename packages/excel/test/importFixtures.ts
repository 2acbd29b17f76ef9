/**
 * What the import tests share: workbooks built with exceljs, a fresh SQLite database holding the bundled
 * programme data, and the importer run against it.
 */
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { crc32, deflateRawSync } from "node:zlib"
import { dataset } from "@dvcc/midden-nederland"
import { Activities, Database, Gebieden, Measurements, ProgramStore, Registrations } from "@dvcc/store"
import { Effect, Layer } from "effect"
import ExcelJS from "exceljs"
import { Import } from "../src/index.ts"

/** A new temporary folder. */
export const folder = (): string => mkdtempSync(join(tmpdir(), "dvcc-excel-import-"))

export type Rows = ReadonlyArray<ReadonlyArray<unknown>>

/** An xlsx with one sheet per entry; `style` may change each sheet before it is written. */
export const workbook = async (
  sheets: Record<string, Rows>,
  style?: (worksheet: ExcelJS.Worksheet) => void
): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook()
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name)
    for (const row of rows) ws.addRow([...row])
    style?.(ws)
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** The layers the importer needs, on the SQLite database `file`. */
export const storeLayer = (file: string) =>
  Layer.mergeAll(
    Registrations.Registrations.layer,
    Activities.Activities.layer,
    Measurements.Measurements.layer,
    Gebieden.Gebieden.layer
  ).pipe(Layer.provideMerge(Database.layer({ _tag: "Sqlite", file })))

/** A new database filled with the bundled programme data. */
export const freshDatabase = async (): Promise<string> => {
  const file = join(folder(), "dvcc.sqlite")
  await Effect.runPromise(
    Effect.gen(function* () {
      const store = yield* ProgramStore.ProgramStore
      yield* store.seed(dataset, { actor: "test", source: "test" })
    }).pipe(Effect.provide(storeLayer(file)))
  )
  return file
}

/** Runs `effect` against database `file`. */
export const onDatabase = <A, E>(
  file: string,
  effect: Effect.Effect<
    A,
    E,
    | Registrations.Registrations
    | Activities.Activities
    | Measurements.Measurements
    | Gebieden.Gebieden
    | ProgramStore.ProgramStore
    | import("effect/sql").SqlClient.SqlClient
  >
) => Effect.runPromise(effect.pipe(Effect.provide(storeLayer(file))))

/** Imports `bytes` (named `name`) into database `file`. */
export const importBytes = (
  file: string,
  bytes: Buffer,
  options: Partial<Import.Options> = {},
  name = "district.xlsx"
) => onDatabase(file, Import.run({ bytes, name }, { actor: "test", ...options }))

/** The failure of an import that cannot read its file. */
export const refusal = (
  file: string,
  bytes: Buffer,
  options: Partial<Import.Options> = {},
  name = "district.xlsx"
) =>
  onDatabase(
    file,
    Import.run({ bytes, name }, { actor: "test", ...options }).pipe(
      Effect.flip,
      Effect.map((error) => ({
        tag: error._tag,
        code: "code" in error ? error.code : "",
        message: error.message
      }))
    )
  )

/** The registraties header as the template writes it. */
export const registratiesHeader = [
  "Periode",
  "Gemeente",
  "Delict",
  "Aangiften",
  "Meldingen",
  "Slachtoffers",
  "Schade (€)"
] as const

/**
 * A zip written by hand, for files exceljs would never write (a zip bomb, a sheet claiming a million
 * columns, an .ods). Entries are deflated.
 */
export const zip = (entries: ReadonlyArray<{ readonly name: string; readonly data: Buffer }>): Buffer => {
  const locals: Array<Buffer> = []
  const centrals: Array<Buffer> = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    const compressed = deflateRawSync(entry.data)
    const crc = crc32(entry.data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(compressed.length, 18)
    local.writeUInt32LE(entry.data.length, 22)
    local.writeUInt16LE(name.length, 26)
    locals.push(local, name, compressed)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(compressed.length, 20)
    central.writeUInt32LE(entry.data.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)
    offset += 30 + name.length + compressed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** The minimal parts of an xlsx around one sheet's XML. */
export const xlsxWithSheet = (sheetXml: string): Buffer =>
  zip([
    {
      name: "[Content_Types].xml",
      data: Buffer.from(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
      )
    },
    {
      name: "xl/workbook.xml",
      data: Buffer.from(
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Registraties" sheetId="1" r:id="rId1"/></sheets></workbook>'
      )
    },
    { name: "xl/worksheets/sheet1.xml", data: Buffer.from(sheetXml) }
  ])
