/**
 * A streaming reader of the xlsx parts the contract needs, for large files: the sheets in workbook order
 * (with their visibility), the shared strings, the number formats of the cell styles (only to tell dates
 * and percentages), and each sheet's rows as `Cell`s, inflated and parsed one chunk at a time. It reads
 * only cell values, which exceljs's streaming reader turns into full row and cell objects with styles:
 * several times faster and with a flat heap. Merged cells are filled in as exceljs does for a workbook it
 * loads whole.
 *
 * The zip was checked by `checkWorkbook` before (declared sizes, ratios, dimensions); inflating stops
 * when an entry grows past what its header declared, so a lying header cannot exhaust memory either.
 */
import { StringDecoder } from "node:string_decoder"
import { createInflateRaw, inflateRawSync } from "node:zlib"
import { type Cell, dateOfSerial } from "../Values.ts"
import { centralDirectory, columnNumber, type Entry, maxColumns, maxRows } from "./fileCheck.ts"

export interface StreamRow {
  readonly number: number
  readonly cells: ReadonlyArray<Cell>
}

export interface StreamSheet {
  readonly name: string
  readonly hidden: boolean
  /** The rows in order, merged cells filled with their area's value; once started, `merges` holds the areas. */
  readonly rows: AsyncIterable<StreamRow>
  /** The merge areas (`A4:A5`), known once the first row has been asked for. */
  readonly merges: Array<string>
}

/** The part is broken or not what its zip header said. */
export class XlsxError extends Error {}

const emptyCell: Cell = { _tag: "empty" }

/** Built-in number formats that matter: dates, times and percentages (the ids exceljs knows). */
const builtinFormats: Record<number, string> = {
  9: "0%",
  10: "0.00%",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0"
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }

/**
 * Characters XML 1.0 does not allow, raw or as a reference (`&#1;`): exceljs's parser refuses a workbook
 * that has them, so this reader refuses it too (two readers, one verdict).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const illegalXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/
const isXmlChar = (code: number): boolean =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  (code >= 0x10000 && code <= 0x10ffff)

/** `xml` of part `name`, refused when it holds a character XML does not allow. */
const legal = (xml: string, name: string): string => {
  if (illegalXml.test(xml)) throw new XlsxError(`onderdeel ${name} bevat een teken dat XML niet toestaat`)
  return xml
}

/**
 * XML text with its line ends normalized as an XML parser does (a raw `\r\n` or `\r` is `\n`; `&#13;`
 * stays a carriage return), its entities (`&amp;`, `&#233;`, `&#xE9;`) and OOXML's `_x000D_` escapes
 * resolved.
 */
export const unescapeXml = (raw: string): string => {
  const text = raw.indexOf("\r") < 0 ? raw : raw.replace(/\r\n?/g, "\n")
  const plain =
    text.indexOf("&") < 0
      ? text
      : text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
          if (!name.startsWith("#")) return entities[name] ?? whole
          const code = name.startsWith("#x") ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1))
          if (!isXmlChar(code))
            throw new XlsxError(`de verwijzing ${whole} is een teken dat XML niet toestaat`)
          return String.fromCodePoint(code)
        })
  return plain.indexOf("_x") < 0
    ? plain
    : plain.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
}

const attribute = (attributes: string, name: string): string | undefined => {
  const at = attributes.indexOf(` ${name}="`)
  const found = at >= 0 ? at : attributes.indexOf(`\t${name}="`)
  if (found < 0) return undefined
  const start = found + name.length + 3
  return attributes.slice(start, attributes.indexOf('"', start))
}

/** The text of every `<t>` in an element, leaving out phonetic runs (`<rPh>`). */
const textOf = (xml: string): string => {
  const withoutPhonetic =
    xml.indexOf("rPh") < 0 ? xml : xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, "")
  let text = ""
  for (const m of withoutPhonetic.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g))
    text += m[1] ?? ""
  return unescapeXml(text)
}

const isDateFormat = (format: string): boolean => /[dmy]/i.test(format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ""))
const isPercentFormat = (format: string): boolean => format.replace(/"[^"]*"|\\./g, "").includes("%")

/** What a style's number format makes of a number. */
const numberKind = { plain: 0, date: 1, percent: 2 } as const
type NumberKind = (typeof numberKind)[keyof typeof numberKind]

const kindOfFormat = (format: string | undefined): NumberKind =>
  format === undefined
    ? numberKind.plain
    : isPercentFormat(format)
      ? numberKind.percent
      : isDateFormat(format)
        ? numberKind.date
        : numberKind.plain

/** The parts of an xlsx, read from its bytes. */
export class XlsxFile {
  readonly #bytes: Buffer
  readonly #entries: Map<string, Entry>
  constructor(bytes: Buffer) {
    const entries = centralDirectory(bytes)
    if (entries === undefined) throw new XlsxError("het zip-archief is onvolledig")
    this.#bytes = bytes
    this.#entries = new Map(entries.map((e) => [e.name, e]))
  }

  #data(entry: Entry): Buffer {
    const p = entry.localOffset
    if (p + 30 > this.#bytes.length || this.#bytes.readUInt32LE(p) !== 0x04034b50)
      throw new XlsxError(`onderdeel ${entry.name} ontbreekt`)
    const start = p + 30 + this.#bytes.readUInt16LE(p + 26) + this.#bytes.readUInt16LE(p + 28)
    return this.#bytes.subarray(start, start + entry.compressed)
  }

  /** A small part as text (workbook, relationships, styles, shared strings), or `undefined` when absent. */
  text(name: string): string | undefined {
    const entry = this.#entries.get(name)
    if (entry === undefined) return undefined
    const data = this.#data(entry)
    if (entry.method === 0) return legal(data.toString("utf8"), name)
    if (entry.method !== 8) throw new XlsxError(`onderdeel ${name} is op een onbekende manier ingepakt`)
    return legal(
      inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressed, 1) }).toString("utf8"),
      name
    )
  }

  /** A large part as text chunks, inflated as they are read. */
  async *chunks(name: string): AsyncGenerator<string> {
    const entry = this.#entries.get(name)
    if (entry === undefined) throw new XlsxError(`onderdeel ${name} ontbreekt`)
    const data = this.#data(entry)
    const decoder = new StringDecoder("utf8")
    if (entry.method === 0) {
      for (let at = 0; at < data.length; at += 256 * 1024)
        yield legal(decoder.write(data.subarray(at, at + 256 * 1024)), name)
      return
    }
    if (entry.method !== 8) throw new XlsxError(`onderdeel ${name} is op een onbekende manier ingepakt`)
    const inflate = createInflateRaw({ chunkSize: 128 * 1024 })
    inflate.end(data)
    let total = 0
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      total += chunk.length
      if (total > entry.uncompressed) {
        inflate.destroy()
        throw new XlsxError(`onderdeel ${name} pakt uit tot meer dan het zip-archief opgeeft`)
      }
      yield legal(decoder.write(chunk), name)
    }
    yield legal(decoder.end(), name)
  }

  /** The worksheets in workbook order, with the part that holds each. */
  sheets(): ReadonlyArray<{ readonly name: string; readonly hidden: boolean; readonly part: string }> {
    const workbook = this.text("xl/workbook.xml") ?? ""
    const rels = this.text("xl/_rels/workbook.xml.rels") ?? ""
    const targets = new Map<string, string>()
    for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
      const attributes = m[1] ?? ""
      const id = attribute(attributes, "Id")
      const target = attribute(attributes, "Target")
      if (id === undefined || target === undefined) continue
      const path = unescapeXml(target)
      targets.set(id, path.startsWith("/") ? path.slice(1) : `xl/${path.replace(/^\.\//, "")}`)
    }
    const sheets: Array<{ name: string; hidden: boolean; part: string }> = []
    const names = new Set<string>()
    for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
      const attributes = m[1] ?? ""
      const name = unescapeXml(attribute(attributes, "name") ?? "")
      // Excel compares sheet names without case; exceljs refuses a workbook with two of one name.
      const key = name.toLowerCase()
      if (names.has(key)) throw new XlsxError(`twee werkbladen heten ${name}`)
      names.add(key)
      const id = /\s(?:\w+:)?id="([^"]*)"/.exec(attributes)?.[1]
      // A workbook without relationships: the conventional part name.
      const part =
        (id === undefined ? undefined : targets.get(id)) ?? `xl/worksheets/sheet${sheets.length + 1}.xml`
      if (part === undefined || !this.#entries.has(part)) continue
      const state = attribute(attributes, "state")
      sheets.push({ name, hidden: state === "hidden" || state === "veryHidden", part })
    }
    return sheets
  }

  date1904(): boolean {
    const pr = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(this.text("xl/workbook.xml") ?? "")?.[1] ?? ""
    const value = attribute(pr, "date1904")
    return value === "1" || value === "true"
  }

  sharedStrings(): ReadonlyArray<string> {
    const xml = this.text("xl/sharedStrings.xml")
    if (xml === undefined) return []
    const strings: Array<string> = []
    for (const m of xml.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g))
      strings.push(m[1] === undefined ? "" : textOf(m[1]))
    return strings
  }

  /** What each cell style (`s`) makes of a number: plain, date or percentage. */
  numberKinds(): ReadonlyArray<NumberKind> {
    const xml = this.text("xl/styles.xml")
    if (xml === undefined) return []
    const formats = new Map<number, string>()
    for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)>/g)) {
      const id = attribute(m[1] ?? "", "numFmtId")
      const code = attribute(m[1] ?? "", "formatCode")
      if (id !== undefined && code !== undefined) formats.set(Number(id), unescapeXml(code))
    }
    const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? ""
    const kinds: Array<NumberKind> = []
    for (const m of cellXfs.matchAll(/<(?:\w+:)?xf\b([^>]*)>/g)) {
      const id = Number(attribute(m[1] ?? "", "numFmtId") ?? 0)
      kinds.push(kindOfFormat(formats.get(id) ?? builtinFormats[id]))
    }
    return kinds
  }
}

/** The tags of a sheet's XML, with the namespace prefix its `<sheetData>` has (usually none). */
interface Tags {
  readonly row: string
  readonly rowEnd: string
  readonly c: string
  readonly cEnd: string
  readonly v: string
  readonly vEnd: string
  readonly f: string
  readonly is: string
  readonly isEnd: string
}

const tagsWith = (prefix: string): Tags => ({
  row: `<${prefix}row`,
  rowEnd: `</${prefix}row>`,
  c: `<${prefix}c`,
  cEnd: `</${prefix}c>`,
  v: `<${prefix}v`,
  vEnd: `</${prefix}v>`,
  f: `<${prefix}f`,
  is: `<${prefix}is>`,
  isEnd: `</${prefix}is>`
})

/** An element found by `findElement`: its attributes, its content (none when self-closing), where it ends. */
interface Element {
  readonly attributes: string
  readonly inner: string | undefined
  readonly end: number
}

/**
 * The next element `<name …>…</name>` or `<name …/>` in `xml` from `from`, or `undefined` when there is
 * none or it is not complete yet. Found with `indexOf`: a regular expression's match arrays were a third
 * of what a large import allocated.
 */
const findElement = (xml: string, open: string, close: string, from: number): Element | undefined => {
  let at = xml.indexOf(open, from)
  while (at >= 0) {
    const next = xml.charCodeAt(at + open.length)
    // `<c ` and `<c>`, not `<col`.
    if (next === 32 || next === 62 || next === 47 || next === 9 || next === 10 || next === 13) break
    at = xml.indexOf(open, at + open.length)
  }
  if (at < 0) return undefined
  const tagEnd = xml.indexOf(">", at)
  if (tagEnd < 0) return undefined
  const attributes = xml.slice(at + open.length, tagEnd)
  if (xml.charCodeAt(tagEnd - 1) === 47) return { attributes, inner: undefined, end: tagEnd + 1 }
  const closeAt = xml.indexOf(close, tagEnd)
  if (closeAt < 0) return undefined
  return { attributes, inner: xml.slice(tagEnd + 1, closeAt), end: closeAt + close.length }
}

/** The text between `open…>` and `close` in `xml`, or `undefined`. */
const contentOf = (xml: string, open: string, close: string): string | undefined => {
  const at = xml.indexOf(open)
  if (at < 0) return undefined
  const start = xml.indexOf(">", at)
  const end = start < 0 ? -1 : xml.indexOf(close, start)
  return end < 0 ? undefined : xml.slice(start + 1, end)
}

/** The column of a cell from its `r` attribute (`r="AB12"` → 28), or 0 when it has none. */
const columnOfCell = (attributes: string): number => {
  const at = attributes.indexOf(' r="')
  if (at < 0) return 0
  let column = 0
  for (let i = at + 4; i < attributes.length; i++) {
    const code = attributes.charCodeAt(i)
    if (code < 65 || code > 90) break
    column = column * 26 + code - 64
  }
  return column
}

const mergePattern = /<(?:\w+:)?mergeCell\b[^>]*?\sref="([^"]+)"/g

/** Reads the workbook's sheets as rows of cells, streaming each sheet's XML. */
export const readXlsx = (bytes: Buffer): ReadonlyArray<StreamSheet> => {
  const file = new XlsxFile(bytes)
  const date1904 = file.date1904()
  let shared: ReadonlyArray<string> | undefined
  let kinds: ReadonlyArray<NumberKind> | undefined
  const sharedString = (index: number): string => {
    shared ??= file.sharedStrings()
    return shared[index] ?? ""
  }
  const kindOf = (style: string | undefined): NumberKind => {
    if (style === undefined) return numberKind.plain
    kinds ??= file.numberKinds()
    return kinds[Number(style)] ?? numberKind.plain
  }
  const numberCell = (value: number, style: string | undefined): Cell => {
    const kind = kindOf(style)
    return kind === numberKind.date
      ? { _tag: "date", value: dateOfSerial(value, date1904) }
      : { _tag: "number", value, percent: kind === numberKind.percent }
  }

  const cellOf = (attributes: string, inner: string | undefined, tags: Tags): Cell => {
    if (inner === undefined || inner === "") return emptyCell
    const type = attribute(attributes, "t")
    const v = contentOf(inner, tags.v, tags.vEnd)
    if (type === "inlineStr") {
      const is = contentOf(inner, tags.is, tags.isEnd)
      const text = is === undefined ? (v === undefined ? "" : unescapeXml(v)) : textOf(is)
      return text === "" ? emptyCell : { _tag: "text", value: text }
    }
    if (v === undefined) {
      return inner.includes(tags.f) ? { _tag: "error", value: "formule zonder berekende waarde" } : emptyCell
    }
    switch (type) {
      case "s": {
        const text = sharedString(Number(v))
        return text === "" ? emptyCell : { _tag: "text", value: text }
      }
      case "str": {
        const text = unescapeXml(v)
        return text === "" ? emptyCell : { _tag: "text", value: text }
      }
      case "b":
        return { _tag: "text", value: v === "1" || v === "true" ? "WAAR" : "ONWAAR" }
      case "e":
        return { _tag: "error", value: unescapeXml(v) }
      case "d": {
        const date = new Date(v)
        return Number.isNaN(date.getTime()) ? emptyCell : { _tag: "date", value: date }
      }
      default: {
        const value = Number(v)
        return Number.isNaN(value)
          ? { _tag: "text", value: unescapeXml(v) }
          : numberCell(value, attribute(attributes, "s"))
      }
    }
  }

  const cellsOf = (xml: string | undefined, tags: Tags): Array<Cell> => {
    const cells: Array<Cell> = []
    if (xml === undefined) return cells
    let column = 0
    for (
      let element = findElement(xml, tags.c, tags.cEnd, 0);
      element !== undefined;
      element = findElement(xml, tags.c, tags.cEnd, element.end)
    ) {
      const at = columnOfCell(element.attributes)
      column = at === 0 ? column + 1 : at
      if (column > maxColumns) continue
      const cell = cellOf(element.attributes, element.inner, tags)
      if (cell._tag === "empty") continue
      while (cells.length < column - 1) cells.push(emptyCell)
      cells[column - 1] = cell
    }
    return cells
  }

  /**
   * The merge areas of a sheet. They are listed after its rows, and a merged cell's value is in its first
   * cell only: the sheet is inflated once beforehand to find them (no rows are parsed), so that the rows can
   * be read with their merged cells filled in, as exceljs does when it loads a workbook whole.
   */
  const mergesOf = async (part: string): Promise<ReadonlyArray<string>> => {
    let carry = ""
    let tail: string | undefined
    for await (const chunk of file.chunks(part)) {
      if (tail !== undefined) {
        // What follows the rows (merge areas, validations) is small; a runaway tail is not kept.
        if (tail.length < 8 * 1024 * 1024) tail += chunk
        continue
      }
      const text = carry + chunk
      const end = sheetDataEnd(text)
      if (end >= 0) tail = text.slice(end)
      else carry = text.slice(-32)
    }
    return [...(tail ?? "").matchAll(mergePattern)].map((m) => m[1] ?? "").slice(0, 100_000)
  }

  return file.sheets().map(({ name, hidden, part }) => {
    const merges: Array<string> = []
    return {
      name,
      hidden,
      merges,
      rows: (async function* () {
        merges.push(...(await mergesOf(part)))
        const areas = merges
          .map(areaOf)
          .filter((a) => a !== undefined)
          .sort((a, b) => a.top - b.top)
        let nextArea = 0
        let active: Array<{ readonly area: Area; readonly value: Cell }> = []
        /** Fills the merged cells of row `number` with their area's value (the first cell's). */
        const fill = (number: number, cells: Array<Cell>) => {
          for (; nextArea < areas.length && (areas[nextArea] as Area).top <= number; nextArea++) {
            const area = areas[nextArea] as Area
            if (area.top === number) active.push({ area, value: cells[area.left - 1] ?? emptyCell })
          }
          if (active.length === 0) return
          active = active.filter((a) => a.area.bottom >= number)
          for (const { area, value } of active) {
            if (value._tag === "empty") continue
            for (let c = area.left; c <= area.right; c++) {
              if (c === area.left && number === area.top) continue
              while (cells.length < c - 1) cells.push(emptyCell)
              cells[c - 1] = value
            }
          }
        }
        let pending = ""
        let state: "before" | "rows" | "after" = "before"
        let number = 0
        let tags = tagsWith("")
        for await (const chunk of file.chunks(part)) {
          if (state === "after") continue
          pending += chunk
          if (state === "before") {
            const start = /<(\w+:)?sheetData\b/.exec(pending)
            if (start === null) {
              // Keep only a tail long enough to hold a split `<sheetData` tag.
              if (pending.length > 1024 * 1024) pending = pending.slice(-64)
              continue
            }
            state = "rows"
            tags = tagsWith(start[1] ?? "")
            pending = pending.slice(start.index)
          }
          const end = sheetDataEnd(pending)
          // Parse the rows that are whole; keep the rest for the next chunk.
          const region = end >= 0 ? pending.slice(0, end) : pending
          let consumed = 0
          for (
            let element = findElement(region, tags.row, tags.rowEnd, 0);
            element !== undefined;
            element = findElement(region, tags.row, tags.rowEnd, element.end)
          ) {
            const r = attribute(element.attributes, "r")
            const previous = number
            number = r === undefined ? number + 1 : Number(r)
            consumed = element.end
            // Rows left out of the XML inside a merge area still show its value.
            for (let missing = previous + 1; active.length > 0 && missing < number; missing++) {
              const cells: Array<Cell> = []
              fill(missing, cells)
              if (cells.length > 0) yield { number: missing, cells }
            }
            const cells = cellsOf(element.inner, tags)
            if (areas.length > 0) fill(number, cells)
            // Like exceljs, a row without values is no row.
            if (cells.length > 0) yield { number, cells }
          }
          if (end >= 0) {
            state = "after"
            pending = ""
          } else pending = pending.slice(consumed)
        }
        if (state === "rows") throw new XlsxError(`werkblad ${name} is onvolledig`)
        for (let missing = number + 1; active.length > 0 && missing <= maxRows; missing++) {
          const cells: Array<Cell> = []
          fill(missing, cells)
          if (cells.length > 0) yield { number: missing, cells }
        }
      })()
    }
  })
}

/**
 * Where the rows end: the `</sheetData>` tag, or a `<sheetData/>` without rows; -1 when not in `text`.
 * Found with `indexOf` (a regular expression over every chunk cost 3% of a large import); the name cannot
 * occur in cell text as part of a tag, since `<` is escaped there.
 */
const sheetDataEnd = (text: string): number => {
  for (let at = text.indexOf("sheetData"); at >= 0; at = text.indexOf("sheetData", at + 9)) {
    const open = text.lastIndexOf("<", at)
    if (open < 0 || at - open > 32 || !/^<\/?(?:\w+:)?$/.test(text.slice(open, at))) continue
    if (text.charCodeAt(open + 1) === 47) return open
    const close = text.indexOf(">", at)
    if (close > 0 && text.charCodeAt(close - 1) === 47) return open
  }
  return -1
}

interface Area {
  readonly top: number
  readonly left: number
  readonly bottom: number
  readonly right: number
}

/** `A4:B5` as an area; `undefined` for what is none. */
const areaOf = (ref: string): Area | undefined => {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref.toUpperCase())
  if (m === null) return undefined
  const left = columnNumber(m[1] ?? "A")
  const top = Number(m[2])
  const right = Math.min(columnNumber(m[3] ?? m[1] ?? "A"), maxColumns)
  const bottom = Math.min(Number(m[4] ?? m[2]), maxRows)
  return right < left || bottom < top ? undefined : { top, left, bottom, right }
}
