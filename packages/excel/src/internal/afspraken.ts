/**
 * The bespreking in de driehoek in the Activiteiten sheet, as a gemeente's advisor fills it in: the
 * columns Informatiebeeld (the period), Deelnemers driehoek (separated by ";" or one per line) and
 * Afspraken (one afspraak per line):
 *
 *   a1: Voorlichting senioren over phishing; gemeente; uiterlijk 1-3-2026
 *   Cijfers helpdeskfraude uitzoeken; politie basisteam; afgerond 10-1-2026
 *
 * Each line is `wat; wie`, optionally `uiterlijk <datum>` (or a bare date) and `afgerond <datum>`; the
 * `aN:` in front keeps the afspraak's id (an export writes it), a line without one gets the next free id.
 */
import { Bespreking, type Periode } from "@dvcc/core"
import { Result, Schema, SchemaIssue } from "effect"
import { parseDatum } from "../Values.ts"

const decode = Schema.decodeUnknownResult(Bespreking.Bespreking)
const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

const dag = (d: string): string => `${Number(d.slice(8, 10))}-${Number(d.slice(5, 7))}-${d.slice(0, 4)}`

/** The deelnemers of a cell: separated by ";" or new lines, blanks dropped. */
export const parseDeelnemers = (text: string): Array<string> =>
  text
    .split(/[;\n]/)
    .map((d) => d.trim())
    .filter((d) => d !== "")

/** The afspraken of a cell, or what is wrong with a line, in Dutch. */
export const parseAfspraken = (text: string): Result.Result<Array<Bespreking.Afspraak>, string> => {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "")
  const parsed: Array<{ id?: string; wat: string; wie: string; uiterlijk?: string; afgerondOp?: string }> = []
  for (const [n, line] of lines.entries()) {
    const where = `afspraak ${n + 1} ("${line.length > 40 ? `${line.slice(0, 40)}…` : line}")`
    const idMatch = /^(a[1-9]\d{0,2})\s*:\s*/i.exec(line)
    const rest = idMatch === null ? line : line.slice(idMatch[0].length)
    const [wat = "", wie = "", ...extra] = rest.split(";").map((p) => p.trim())
    if (wat === "" || wie === "")
      return Result.fail(`${where}: schrijf "wat; wie", bijvoorbeeld "Voorlichting senioren; gemeente".`)
    const afspraak: (typeof parsed)[number] = {
      ...(idMatch === null ? {} : { id: (idMatch[1] as string).toLowerCase() }),
      wat,
      wie
    }
    for (const part of extra) {
      if (part === "") continue
      const m = /^(uiterlijk|afgerond(?:\s+op)?)?\s*(.+)$/i.exec(part)
      const datum = parseDatum(m?.[2] ?? "")
      if (datum === undefined)
        return Result.fail(
          `${where}: "${part}" is geen datum; schrijf "uiterlijk 1-3-2026" of "afgerond 10-1-2026".`
        )
      if (m?.[1]?.toLowerCase().startsWith("afgerond") === true) afspraak.afgerondOp = datum
      else afspraak.uiterlijk = datum
    }
    parsed.push(afspraak)
  }
  const given = parsed.flatMap((a) => (a.id === undefined ? [] : [{ id: a.id }]))
  let nieuw = 0
  return Result.succeed(
    parsed.map(
      (a): Bespreking.Afspraak => ({
        id: a.id ?? Bespreking.nextId(given, nieuw++),
        wat: a.wat,
        wie: a.wie,
        ...(a.uiterlijk === undefined ? {} : { uiterlijk: a.uiterlijk as Periode.Datum }),
        status: a.afgerondOp === undefined ? "open" : "afgerond",
        ...(a.afgerondOp === undefined ? {} : { afgerondOp: a.afgerondOp as Periode.Datum })
      })
    )
  )
}

/** The bespreking, checked against its bounds, or the first problem in Dutch. */
export const checked = (bespreking: unknown): Result.Result<Bespreking.Bespreking, string> => {
  const r = decode(bespreking)
  if (Result.isSuccess(r)) return Result.succeed(r.success)
  const [first] = formatter(r.failure.issue).issues
  return Result.fail(first?.message ?? "de bespreking is ongeldig")
}

/** The afspraken as the Afspraken cell writes them (a ";" inside a text becomes ","). */
export const formatAfspraken = (afspraken: ReadonlyArray<Bespreking.Afspraak>): string =>
  afspraken
    .map((a) =>
      [
        `${a.id}: ${a.wat.replaceAll(";", ",")}`,
        a.wie.replaceAll(";", ","),
        ...(a.uiterlijk === undefined ? [] : [`uiterlijk ${dag(a.uiterlijk)}`]),
        ...(a.afgerondOp === undefined ? [] : [`afgerond ${dag(a.afgerondOp)}`])
      ].join("; ")
    )
    .join("\n")

/** The deelnemers as the Deelnemers driehoek cell writes them. */
export const formatDeelnemers = (deelnemers: ReadonlyArray<string>): string =>
  deelnemers.map((d) => d.replaceAll(";", ",")).join("; ")
