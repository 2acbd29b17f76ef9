/**
 * What a file is, before any of it is inflated: an xlsx, or something people mistake for one (an old .xls,
 * an .ods, a CSV, a PDF, a password-protected workbook, an empty or truncated file), and whether the zip's
 * own central directory promises more than we are willing to inflate (a zip bomb) or a sheet claims more
 * columns than Excel has.
 */
import { inflateRawSync, constants as zlibConstants } from "node:zlib"

/**
 * Limits a workbook must stay within: what an upload may cost is bounded before anything is inflated (the
 * sizes its zip declares) and while it is read (rows, cells, text), so that the worst workbook that passes
 * costs no more than the benchmark's 200,000-row file (docs/performance.md). The numbers are in
 * docs/workbooks.md.
 */
export interface Limits {
  /** Largest file accepted, in bytes. */
  readonly maxBytes: number
  /** Largest total of the zip's uncompressed entries, in bytes. */
  readonly maxUncompressedBytes: number
  /** Largest ratio uncompressed / compressed of any entry over `ratioFloorBytes`. */
  readonly maxRatio: number
  /** Largest uncompressed shared-strings part, in bytes: it is held in memory whole. */
  readonly maxSharedStringsBytes: number
  /** Largest uncompressed total of a workbook loaded whole by exceljs; above it the file streams. */
  readonly maxWholeLoadBytes: number
  /** Most data rows (below the header rows) of all sheets together. */
  readonly maxRows: number
  /** Most cells with a value of all sheets together. */
  readonly maxCells: number
  /** Longest text of one free-text field (Omschrijving, Toelichting, …), in characters. */
  readonly maxTextLength: number
  /** Most characters of free text of all rows together. */
  readonly maxTotalText: number
}

export const defaultLimits: Limits = {
  maxBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxRatio: 100,
  maxSharedStringsBytes: 32 * 1024 * 1024,
  maxWholeLoadBytes: 4 * 1024 * 1024,
  maxRows: 200_000,
  maxCells: 1_500_000,
  maxTextLength: 1_000,
  maxTotalText: 10_000_000
}

/** Entries this small are bounded by their size: a ratio says nothing about a styles part of 2 KB. */
const ratioFloorBytes = 1024 * 1024

/** Excel's own limit on the text of one cell. */
export const maxCellText = 32_767

/** A limit the workbook passed while it was read (rows, cells, text): the whole workbook is refused. */
export class LimitExceeded extends Error {
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.code = code
  }
}

/** Excel's own limits. */
export const maxColumns = 16_384
export const maxRows = 1_048_576

/** Why a file cannot be read as an xlsx, with the Dutch explanation. */
export interface Refusal {
  readonly code: string
  readonly message: string
}

export interface Entry {
  readonly name: string
  readonly method: number
  readonly flags: number
  readonly compressed: number
  readonly uncompressed: number
  readonly localOffset: number
}

const saveAs = "Open het in Excel of LibreOffice en sla het op als Excel-werkmap (.xlsx)."

const startsWith = (bytes: Uint8Array, signature: ReadonlyArray<number>) =>
  signature.every((b, i) => bytes[i] === b)

const utf16 = (text: string) => Buffer.from(text, "utf16le")

/** The refusal for a file that is not an xlsx, or `undefined` when it looks like one (checked further). */
export const checkWorkbook = (bytes: Buffer, limits: Limits = defaultLimits): Refusal | undefined => {
  if (bytes.length === 0) {
    return { code: "leeg-bestand", message: `Het bestand is leeg (0 bytes). ${saveAs}` }
  }
  if (bytes.length > limits.maxBytes) return tooLarge(bytes.length, limits)
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (bytes.includes(utf16("EncryptedPackage")) || bytes.includes(utf16("EncryptionInfo"))) {
      return {
        code: "wachtwoord",
        message:
          "Het bestand is een met een wachtwoord beveiligde werkmap; dvcc kan die niet lezen. Open het in Excel, haal het wachtwoord weg (Bestand > Info > Werkmap beveiligen) en sla het op als Excel-werkmap (.xlsx)."
      }
    }
    return {
      code: "xls",
      message: `Het bestand is een oude Excel-werkmap (.xls, Excel 97-2003). ${saveAs}`
    }
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    return {
      code: "pdf",
      message: `Het bestand is een PDF, geen werkmap. Lever de cijfers aan als Excel-werkmap (.xlsx).`
    }
  }
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
      return { code: "leeg-bestand", message: `Het bestand is een leeg zip-archief, geen werkmap. ${saveAs}` }
    }
    const head = bytes.subarray(0, 4096).toString("utf8")
    if (/^\s*<(?:\?xml|html|!doctype)/i.test(head)) {
      return {
        code: "xml",
        message: `Het bestand is een XML- of HTML-bestand, geen Excel-werkmap. ${saveAs}`
      }
    }
    if (isText(bytes.subarray(0, 4096))) {
      return {
        code: "csv",
        message: `Het bestand is platte tekst (CSV of tekst), geen Excel-werkmap. Open het in Excel of LibreOffice en sla het op als Excel-werkmap (.xlsx).`
      }
    }
    return { code: "onbekend-formaat", message: `Het bestand is geen Excel-werkmap. ${saveAs}` }
  }
  const entries = centralDirectory(bytes)
  if (entries === undefined) {
    return {
      code: "afgebroken",
      message: `Het bestand is onvolledig of beschadigd (het zip-archief eindigt te vroeg). Sla het opnieuw op als Excel-werkmap (.xlsx) en probeer het nog eens.`
    }
  }
  const names = new Set(entries.map((e) => e.name))
  if (
    names.has("mimetype") &&
    !names.has("xl/workbook.xml") &&
    (names.has("content.xml") ||
      bytes.includes(Buffer.from("application/vnd.oasis.opendocument.spreadsheet")))
  ) {
    return { code: "ods", message: `Het bestand is een OpenDocument-werkblad (.ods). ${saveAs}` }
  }
  if (!names.has("xl/workbook.xml")) {
    const what = names.has("word/document.xml")
      ? "een Word-document"
      : names.has("ppt/presentation.xml")
        ? "een PowerPoint-presentatie"
        : names.has("mimetype")
          ? "een OpenDocument-bestand"
          : "een zip-archief"
    return { code: "geen-xlsx", message: `Het bestand is ${what}, geen Excel-werkmap. ${saveAs}` }
  }
  if (entries.some((e) => (e.flags & 1) === 1)) {
    return {
      code: "wachtwoord",
      message: "Het bestand is versleuteld; haal de beveiliging weg en sla het op als Excel-werkmap (.xlsx)."
    }
  }
  let total = 0
  for (const entry of entries) {
    total += entry.uncompressed
    const ratio = entry.uncompressed / Math.max(1, entry.compressed)
    if (
      entry.uncompressed === 0xffffffff ||
      (entry.uncompressed > ratioFloorBytes && ratio > limits.maxRatio)
    ) {
      return zipBomb(entry.name)
    }
    if (entry.name === "xl/sharedStrings.xml" && entry.uncompressed > limits.maxSharedStringsBytes)
      return zipBomb(`${entry.name}, ${megabytes(entry.uncompressed)} MB tekst`)
  }
  if (total > limits.maxUncompressedBytes) {
    return {
      code: "te-groot",
      message: `Het bestand pakt uit tot ${megabytes(total)} MB; de grens is ${megabytes(limits.maxUncompressedBytes)} MB. Het is geweigerd zonder het uit te pakken: splits de gegevens over meer werkmappen.`
    }
  }
  for (const entry of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue
    const claim = sheetClaim(bytes, entry)
    if (claim !== undefined) return claim
  }
  return undefined
}

/** The total the zip's entries declare uncompressed, in bytes (checked against the limits before). */
export const uncompressedSize = (bytes: Buffer): number =>
  (centralDirectory(bytes) ?? []).reduce((n, e) => n + e.uncompressed, 0)

/** The refusal of a file of `size` bytes over the limit. */
export const tooLarge = (size: number, limits: Limits): Refusal => ({
  code: "te-groot",
  message: `Het bestand is ${megabytes(size)} MB; de grens is ${megabytes(limits.maxBytes)} MB. Splits het over meer werkmappen of verhoog de grens (--max-mb).`
})

const megabytes = (n: number) => (n / 1024 / 1024).toFixed(1).replace(".", ",")

const zipBomb = (name: string): Refusal => ({
  code: "zip-bom",
  message: `Het bestand pakt uit tot veel meer dan een werkmap kan bevatten (${name}); het is geweigerd zonder het uit te pakken. Sla de werkmap opnieuw op als Excel-werkmap (.xlsx).`
})

const isText = (head: Buffer): boolean => {
  let printable = 0
  for (const byte of head) {
    if (byte === 0) return false
    if (byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) printable++
  }
  return printable / Math.max(1, head.length) > 0.95
}

/** The entries of the zip's central directory, or `undefined` when it is missing or cut off. */
export const centralDirectory = (bytes: Buffer): ReadonlyArray<Entry> | undefined => {
  const floor = Math.max(0, bytes.length - 65_557)
  let eocd = -1
  for (let i = bytes.length - 22; i >= floor; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return undefined
  const count = bytes.readUInt16LE(eocd + 10)
  const size = bytes.readUInt32LE(eocd + 12)
  const offset = bytes.readUInt32LE(eocd + 16)
  if (offset + size > eocd) return undefined
  const entries: Array<Entry> = []
  let p = offset
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) return undefined
    const nameLength = bytes.readUInt16LE(p + 28)
    const extraLength = bytes.readUInt16LE(p + 30)
    const commentLength = bytes.readUInt16LE(p + 32)
    entries.push({
      flags: bytes.readUInt16LE(p + 8),
      method: bytes.readUInt16LE(p + 10),
      compressed: bytes.readUInt32LE(p + 20),
      uncompressed: bytes.readUInt32LE(p + 24),
      localOffset: bytes.readUInt32LE(p + 42),
      name: bytes.toString("utf8", p + 46, p + 46 + nameLength)
    })
    p += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** Refuses a sheet whose dimension or column definitions claim more than Excel's grid: read from its start only. */
const sheetClaim = (bytes: Buffer, entry: Entry): Refusal | undefined => {
  const p = entry.localOffset
  if (p + 30 > bytes.length || bytes.readUInt32LE(p) !== 0x04034b50) return undefined
  const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28)
  const data = bytes.subarray(start, start + Math.min(entry.compressed, 64 * 1024))
  let head: string
  try {
    head =
      entry.method === 0
        ? data.toString("utf8")
        : inflateRawSync(data, {
            finishFlush: zlibConstants.Z_SYNC_FLUSH,
            maxOutputLength: 256 * 1024
          }).toString("utf8")
  } catch {
    return undefined
  }
  const sheetData = head.indexOf("<sheetData")
  const before = sheetData < 0 ? head : head.slice(0, sheetData)
  const dimension = /<(?:\w+:)?dimension\s+ref="([A-Z]+)?(\d+)?(?::([A-Z]+)(\d+))?"/.exec(before)
  const columns = Math.max(
    columnNumber(dimension?.[1] ?? "A"),
    columnNumber(dimension?.[3] ?? "A"),
    ...[...before.matchAll(/<(?:\w+:)?col\s[^>]*max="(\d+)"/g)].map((m) => Number(m[1]))
  )
  const rows = Number(dimension?.[4] ?? 0)
  if (columns > maxColumns || rows > maxRows) {
    return {
      code: "te-veel-kolommen",
      message: `Een werkblad (${entry.name}) zegt ${columns > maxColumns ? `${columns} kolommen` : `${rows} rijen`} te hebben, meer dan Excel toestaat; het is geweigerd zonder het te lezen. Sla de werkmap opnieuw op als Excel-werkmap (.xlsx).`
    }
  }
  return undefined
}

/** `A` → 1, `XFD` → 16384. */
export const columnNumber = (letters: string): number => {
  let n = 0
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n
}

/** 1 → `A`, 16384 → `XFD`. */
export const columnLetters = (n: number): string => {
  let s = ""
  let rest = n
  while (rest > 0) {
    const r = (rest - 1) % 26
    s = String.fromCharCode(65 + r) + s
    rest = Math.floor((rest - 1) / 26)
  }
  return s
}
