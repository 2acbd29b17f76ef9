/**
 * `@dvcc/core` as another RVS tool consumes it: built with tsup, packed with pnpm, installed with npm
 * into a plain Node ESM project outside the workspace (effect comes from the registry), and used there.
 */
import { execFileSync } from "node:child_process"
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const core = resolve(import.meta.dirname, "..")
const repo = resolve(core, "../..")
/** The repo-local pnpm when setup has run, so the test also works without the toolchain on PATH. */
const pnpm = existsSync(join(repo, ".toolchain/bin/pnpm")) ? join(repo, ".toolchain/bin/pnpm") : "pnpm"

/** Runs a command and returns its stdout; a failure throws with the command and all of its output. */
const run = (command: string, args: ReadonlyArray<string>, cwd: string): string => {
  try {
    return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string }
    const output = `${stdout ?? ""}${stderr ?? ""}`.trim()
    throw new Error(`${[command, ...args].join(" ")} (in ${cwd}) failed:\n${output || String(error)}`, {
      cause: error
    })
  }
}

const consumerScript = `
import { Schema } from "effect"
import { Geography, Indicator, Measurement, Periode, Progress } from "@dvcc/core"

const herkomst = { document: "pack-test", sectie: "fixture" }
const indicator = Schema.decodeUnknownSync(Indicator.Indicator)({
  id: "kennisbijeenkomsten",
  jaar: 2025,
  baat: "baat-1",
  tekst: "Gemiddeld één kennisbijeenkomst per maand",
  regel: { soort: "gemiddeld-per-maand", perMaand: 1, periode: "2025" },
  eenheid: "kennisbijeenkomsten",
  richting: "hoger",
  schaal: "regio",
  bron: "programma-administratie",
  verwachtOp: null,
  acties: [],
  voorganger: null,
  herkomst
})
const meting = Schema.decodeUnknownSync(Measurement.Measurement)({
  id: "kennisbijeenkomsten-2025",
  indicator: "kennisbijeenkomsten",
  jaar: 2025,
  periode: "2025",
  gebied: { niveau: "regio" },
  waarde: 15,
  bron: "programma-administratie",
  vastgelegdOp: "2025-12-31",
  herkomst
})
const regio = Schema.decodeUnknownSync(Geography.Regio)({
  naam: "Midden-Nederland",
  districten: [],
  basisteams: [],
  gemeenten: [],
  herkomst
})
const peildatum = Schema.decodeUnknownSync(Periode.Datum)("2025-12-31")
const progress = Progress.evaluate(indicator, [meting], { peildatum, regio })
console.log(JSON.stringify(progress))
`

/**
 * The README's "Evaluating your own programme" sample, as written there (so the README cannot rot), run on
 * the second programme of examples/; then one of that programme's indicators evaluated on its own.
 */
const readmeSample = (): { readonly code: string; readonly prints: ReadonlyArray<string> } => {
  const readme = readFileSync(join(core, "README.md"), "utf8")
  const found =
    /<!-- pack-test: programma\.mjs[^>]*-->\n```js\n([\s\S]*?)\n```\n\nIt prints, among others:\n\n```\n([\s\S]*?)\n```/.exec(
      readme
    )
  if (found === null) throw new Error("README.md has no pack-test sample (programma.mjs) with what it prints")
  return { code: found[1] ?? "", prints: (found[2] ?? "").split("\n") }
}

const indicatorScript = `
const { Progress } = await import("@dvcc/core")
const indicator = dataset.indicatoren.find((i) => i.id === "afpakzaken")
const metingen = dataset.metingen.filter((m) => m.indicator === indicator.id && m.jaar === indicator.jaar)
const progress = Progress.evaluate(indicator, metingen, { peildatum, regio: dataset.regio })
console.log(JSON.stringify({ indicator: indicator.id, baat: indicator.baat, ...progress }))
`

/** The same script as a TypeScript consumer writes it, naming the types `@dvcc/core` declares. */
const typedConsumerScript = `${consumerScript}
const typed: Progress.Progress = progress
const status: Progress.Status = typed.status
const agreement: Indicator.Indicator = indicator
const metingen: ReadonlyArray<Measurement.Measurement> = [meting]
const regioType: Geography.Regio = regio
const dag: Periode.Datum = peildatum
console.log(status, agreement.id, metingen.length, regioType.naam, dag)
`

const consumerTsconfig = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2022", "DOM"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: []
  },
  files: ["evaluate.ts"]
}

/** Type errors as tsc prints them, or "" when the project compiles. */
const typeErrors = (cwd: string): string => {
  const tsc = join(core, "node_modules/typescript/bin/tsc")
  try {
    execFileSync(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd, encoding: "utf8", stdio: "pipe" })
    return ""
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string }
    return `${stdout ?? ""}${stderr ?? ""}`.trim() || String(error)
  }
}

describe("the packed @dvcc/core", () => {
  let work = ""
  let tarball = ""
  let consumer = ""

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "dvcc-pack-"))
    run(pnpm, ["--filter", "@dvcc/core", "build"], repo)
    run(pnpm, ["pack", "--pack-destination", work], core)
    const packed = readdirSync(work).filter((file) => file.endsWith(".tgz"))
    expect(packed).toHaveLength(1)
    tarball = join(work, packed[0] ?? "")

    consumer = join(work, "consumer")
    mkdirSync(consumer)
    writeFileSync(
      join(consumer, "package.json"),
      `${JSON.stringify({ name: "consumer", version: "0.0.0", private: true, type: "module" }, null, 2)}\n`
    )
    run("npm", ["install", "--no-audit", "--no-fund", "--silent", tarball], consumer)
    writeFileSync(join(consumer, "evaluate.mjs"), consumerScript)
    writeFileSync(join(consumer, "programma.mjs"), `${readmeSample().code}\n${indicatorScript}`)
    copyFileSync(
      join(repo, "examples/ondermijning-voorbeeld.json"),
      join(consumer, "ondermijning-voorbeeld.json")
    )
    writeFileSync(join(consumer, "evaluate.ts"), typedConsumerScript)
    writeFileSync(join(consumer, "tsconfig.json"), `${JSON.stringify(consumerTsconfig, null, 2)}\n`)
  }, 240_000)

  afterAll(() => {
    if (work !== "") rmSync(work, { recursive: true, force: true })
  })

  it("contains the built ESM and declarations, not the sources", () => {
    const files = run("tar", ["-tzf", tarball], work)
      .split("\n")
      .filter((line) => line !== "")
    expect(files).toContain("package/dist/index.js")
    expect(files).toContain("package/dist/index.d.ts")
    expect(files).toContain("package/package.json")
    expect(files.filter((file) => file.startsWith("package/src/"))).toEqual([])
  })

  it("depends on effect only, and exports the build", () => {
    const manifest = JSON.parse(
      readFileSync(join(consumer, "node_modules/@dvcc/core/package.json"), "utf8")
    ) as Record<string, unknown>
    expect(Object.keys(manifest.dependencies ?? {})).toEqual(["effect"])
    expect(manifest.exports).toEqual({ ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } })
    expect(existsSync(join(consumer, "node_modules/effect/package.json"))).toBe(true)
  })

  it("evaluates an indicator in a plain Node ESM project", () => {
    const output = run(process.execPath, ["evaluate.mjs"], consumer).trim().split("\n")
    const progress = JSON.parse(output[output.length - 1] ?? "null") as { status: string; uitleg: string }
    expect(progress.status).toBe("behaald")
    expect(progress.uitleg).toContain("15")
  })

  it("evaluates another programme from its JSON, as the README shows", () => {
    const output = run(process.execPath, ["programma.mjs"], consumer).trim().split("\n")
    // What the README says it prints, it prints.
    for (const line of readmeSample().prints) expect(output).toContain(line)
    expect(output).toContain("Aanpak Ondermijning (voorbeeld), jaarplan 2025: achter")
    expect(output).toContain("Samen met partners en inwoners ondermijning voorkomen: achter")
    expect(output).toContain("  Jongeren zijn weerbaar tegen criminele ronselaars: achter")
    expect(output).toContain("  Het bestuur krijgt een actueel beeld van ondermijning: behaald")
    expect(output).toContain("bestuurlijke-rapportages: 7 rapportages in 2025 (doel minimaal 6) — behaald")
    const progress = JSON.parse(output[output.length - 1] ?? "null") as Record<string, unknown>
    expect(progress).toMatchObject({ indicator: "afpakzaken", baat: "afpakken", status: "behaald" })
    expect(progress.uitleg).toBe("23 zaken in 2025 tegen 20 in 2024: +15% (doel +10%, minimaal 22) — behaald")
  })

  it("declares the schemas and their types for a TypeScript consumer", () => {
    expect(typeErrors(consumer)).toBe("")
  })
})
