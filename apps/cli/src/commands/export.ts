import { existsSync } from "node:fs"
import { join } from "node:path"
import { Getal, Periode } from "@dvcc/core"
import type { Export as ExportModule } from "@dvcc/excel"
import { Console, Effect, Option } from "effect"
import { Argument, CliError, Command, Flag } from "effect/cli"
import * as Peiling from "../Peiling.ts"
import { loadProgram } from "../ProgramData.ts"
import { formatSize } from "./backup.ts"

const out = Flag.String("out").pipe(Flag.withDescription("Het Excel-bestand (.xlsx) dat wordt geschreven"))

const force = Flag.Boolean("force").pipe(
  Flag.withDescription("Overschrijf het bestand als het al bestaat"),
  Flag.withDefault(false)
)

/** The Excel code (and exceljs) is loaded when an export runs, not on every start of `dvcc`. */
const excel = Effect.promise(() => import("@dvcc/excel")).pipe(Effect.map((m) => m.Export))

const usage = (userMessage: string) => new CliError.UserError({ cause: undefined, userMessage })

const number = { format: (n: number) => Getal.format(n, 0) }

const written = (what: string, file: string, bytes: number) =>
  Console.log(`${what} geschreven naar ${file} (${formatSize(bytes)}).`)

const template = Command.make(
  "template",
  { out, force },
  Effect.fn("export template")(function* (flags) {
    const Export = yield* excel
    const dataset = yield* loadProgram
    const bytes = yield* Export.write(
      Export.templateWorkbook(dataset.regio, dataset.indicatoren),
      flags.out,
      flags
    )
    yield* written(
      `Leeg invulbestand (bladen ${Export.templateSheets.join(", ")}; keuzelijsten met de ${dataset.regio.gemeenten.length} gemeenten van regio ${dataset.regio.naam})`,
      flags.out,
      bytes
    )
  })
).pipe(
  Command.withDescription(
    "Schrijf een leeg invulbestand voor een district: alle bladen met kolomkoppen, instructies en keuzelijsten"
  ),
  Command.withExamples([
    { command: "dvcc export template --out district.xlsx", description: "Een leeg invulbestand" }
  ])
)

const kpi = Command.make(
  "kpi",
  {
    jaar: Flag.Int("jaar").pipe(Flag.withDescription("Het jaarplan, bijvoorbeeld 2026")),
    asOf: Peiling.asOf,
    out,
    force
  },
  Effect.fn("export kpi")(function* (flags) {
    const Export = yield* excel
    const dataset = yield* loadProgram
    yield* Peiling.jaarplan(dataset, flags.jaar)
    const peildatum = yield* Peiling.peildatum(flags.asOf)
    const workbook = Export.kpiWorkbook({ dataset, jaar: flags.jaar, peildatum })
    const bytes = yield* Export.write(workbook, flags.out, flags)
    const indicatoren = dataset.indicatoren.filter((i) => i.jaar === flags.jaar).length
    yield* written(
      `KPI-dashboard jaarplan ${flags.jaar} (peildatum ${Periode.datumLabel(peildatum)}, ${indicatoren} indicatoren)`,
      flags.out,
      bytes
    )
  })
).pipe(
  Command.withDescription(
    "Schrijf het KPI-dashboard: per indicator onder doel en baat de basis, het streven, de laatste waarde, de status en de uitleg"
  ),
  Command.withExamples([
    { command: "dvcc export kpi --jaar 2026 --out kpi-2026.xlsx", description: "Het dashboard van vandaag" },
    {
      command: "dvcc export kpi --jaar 2025 --as-of 2025-12-31 --out terugblik-2025.xlsx",
      description: "De stand op 31 december 2025"
    }
  ])
)

const informatiebeeld = Command.make(
  "informatiebeeld",
  {
    gemeente: Argument.String("gemeente").pipe(
      Argument.withDescription("De gemeente: CBS-code (GM0344) of naam (Utrecht)"),
      Argument.optional
    ),
    periode: Flag.String("periode").pipe(
      Flag.withDescription("De periode: 2025, 2025-Q3 of 2025-07"),
      Flag.withSchema(Periode.FromText)
    ),
    all: Flag.Boolean("all").pipe(
      Flag.withDescription("Eén werkmap per gemeente van de regio (met --out-dir)"),
      Flag.withDefault(false)
    ),
    out: Flag.String("out").pipe(
      Flag.withDescription("Het Excel-bestand (.xlsx) voor één gemeente"),
      Flag.optional
    ),
    outDir: Flag.String("out-dir").pipe(
      Flag.withDescription("De map voor de werkmappen van --all"),
      Flag.optional
    ),
    publiek: Flag.Boolean("publiek").pipe(
      Flag.withDescription(
        "Voor publicatie aan de gemeente: aantallen onder 5 afgeschermd (en wat ze zou verraden)"
      ),
      Flag.withDefault(false)
    ),
    force
  },
  Effect.fn("export informatiebeeld")(function* (flags) {
    if (flags.all === Option.isSome(flags.gemeente)) {
      return yield* usage(
        "Geef één gemeente (dvcc export informatiebeeld GM0344 --out ...) of --all --out-dir MAP."
      )
    }
    const Export = yield* excel
    const dataset = yield* loadProgram
    const input: ExportModule.InformatiebeeldInput = {
      regio: dataset.regio,
      registraties: dataset.registraties,
      reeksbreuken: dataset.reeksbreuken,
      periode: flags.periode,
      publiek: flags.publiek
    }
    const geweigerd = Export.nietGepubliceerd(input)
    if (geweigerd !== undefined) return yield* usage(geweigerd)
    const publiek = flags.publiek ? ", kleine aantallen afgeschermd" : ""
    if (Option.isSome(flags.gemeente)) {
      if (Option.isNone(flags.out))
        return yield* usage("Geef met --out het bestand voor het informatiebeeld.")
      const lookup = Export.findGemeente(dataset.regio, flags.gemeente.value)
      if (lookup._tag === "NotFound") {
        return yield* usage(
          `Gemeente "${flags.gemeente.value}" hoort niet bij regio ${dataset.regio.naam}. Bedoelt u: ${Export.describeGemeenten(lookup.closest)}?`
        )
      }
      const bytes = yield* Export.write(
        Export.informatiebeeldWorkbook(input, lookup.gemeente),
        flags.out.value,
        flags
      )
      return yield* written(
        `Informatiebeeld ${lookup.gemeente.naam} ${Periode.label(flags.periode)}${publiek}`,
        flags.out.value,
        bytes
      )
    }
    if (Option.isNone(flags.outDir))
      return yield* usage("Geef met --out-dir de map voor de werkmappen van --all.")
    const dir = flags.outDir.value
    const files = dataset.regio.gemeenten.map((g) => ({
      gemeente: g,
      file: join(dir, Export.informatiebeeldBestand(g, flags.periode))
    }))
    // Refuse before writing anything, so a run never leaves half a set of new and old files.
    const existing = flags.force ? [] : files.filter((f) => existsSync(f.file))
    if (existing.length > 0) {
      return yield* new Export.FileExists({
        file: `${existing[0]?.file}${existing.length > 1 ? ` (en ${existing.length - 1} andere)` : ""}`
      })
    }
    let total = 0
    for (const { gemeente, workbook } of Export.informatiebeeldWorkbooks(input)) {
      total += yield* Export.write(
        workbook,
        join(dir, Export.informatiebeeldBestand(gemeente, flags.periode)),
        flags
      )
    }
    yield* Console.log(
      `${files.length} informatiebeelden ${Periode.label(flags.periode)}${publiek} geschreven naar ${dir} (${formatSize(total)}).`
    )
  })
).pipe(
  Command.withDescription(
    "Schrijf het informatiebeeld van een gemeente (of van elke gemeente) met de regio ter vergelijking"
  ),
  Command.withExamples([
    {
      command: "dvcc export informatiebeeld GM0344 --periode 2025-Q3 --out utrecht-2025-Q3.xlsx",
      description: "Het informatiebeeld van Utrecht over het derde kwartaal"
    },
    {
      command: "dvcc export informatiebeeld --all --periode 2025-Q3 --out-dir informatiebeelden --publiek",
      description: "Eén werkmap per gemeente, voor publicatie"
    }
  ])
)

const data = Command.make(
  "data",
  {
    jaar: Flag.Int("jaar").pipe(
      Flag.withDescription("Alleen dit jaar (activiteiten, registraties en metingen)"),
      Flag.optional
    ),
    out,
    force
  },
  Effect.fn("export data")(function* (flags) {
    const Export = yield* excel
    const dataset = yield* loadProgram
    const jaar = Option.getOrUndefined(flags.jaar)
    const { workbook, counts } = Export.dataWorkbook({ dataset, jaar })
    const bytes = yield* Export.write(workbook, flags.out, flags)
    const losses = Export.dataLosses({ dataset, jaar })
    if (losses.length > 0) {
      yield* Console.error(
        ["Let op, niet alles past in het importformaat:", ...losses.map((l) => `  - ${l}.`)].join("\n")
      )
    }
    yield* written(
      `Gegevens${jaar === undefined ? "" : ` van ${jaar}`} in het importformaat (${number.format(counts.activiteiten)} activiteiten, ${number.format(counts.registraties)} registraties, ${number.format(counts.metingen)} metingen, ${number.format(counts.gebieden)} gebiedsrijen)`,
      flags.out,
      bytes
    )
  })
).pipe(
  Command.withDescription(
    "Schrijf alle activiteiten, registraties, metingen en gebieden in het importformaat (backup, of overzetten naar een andere database)"
  ),
  Command.withExamples([
    { command: "dvcc export data --out alles.xlsx", description: "Alle gegevens" },
    { command: "dvcc export data --jaar 2025 --out 2025.xlsx", description: "Alleen 2025" }
  ])
)

const programma = Command.make(
  "programma",
  {
    periode: Flag.String("periode").pipe(
      Flag.withDescription("De strategieperiode, bijvoorbeeld 2023-2026 (standaard de laatste)"),
      Flag.optional
    ),
    out,
    force
  },
  Effect.fn("export programma")(function* (flags) {
    const Export = yield* excel
    const dataset = yield* loadProgram
    const perioden = Export.programmaPerioden(dataset.program)
    let looptijd: { readonly van: number; readonly tot: number } | undefined
    if (Option.isSome(flags.periode)) {
      const m = /^\s*(\d{4})\s*[-–/]\s*(\d{4})\s*$/.exec(flags.periode.value)
      if (m === null)
        return yield* usage(
          `--periode ${flags.periode.value}: schrijf de looptijd als 2023-2026 (de strategieperioden zijn ${perioden.join(", ")}).`
        )
      looptijd = { van: Number(m[1]), tot: Number(m[2]) }
    }
    const workbook = Export.programmaWorkbook(dataset, looptijd)
    if (workbook === undefined)
      return yield* usage(
        `Er is geen strategieperiode ${Option.getOrElse(flags.periode, () => "")} (de strategieperioden zijn ${perioden.join(", ")}).`
      )
    const bytes = yield* Export.write(workbook, flags.out, flags)
    yield* written(
      `Programmawerkmap ${looptijd === undefined ? perioden.at(-1) : `${looptijd.van}–${looptijd.tot}`} (DIN, jaarplannen met acties, indicatoren met hun regels; lees haar na bewerken in met dvcc import)`,
      flags.out,
      bytes
    )
  })
).pipe(
  Command.withDescription(
    "Schrijf het programma van een strategieperiode als werkmap om te bewerken: DIN, jaarplannen met acties, indicatoren met hun regels"
  ),
  Command.withExamples([
    {
      command: "dvcc export programma --out programma.xlsx",
      description: "De laatste strategieperiode; na bewerken: dvcc import programma.xlsx --dry-run"
    },
    {
      command: "dvcc export programma --periode 2023-2026 --out programma-2023-2026.xlsx",
      description: "Een bepaalde strategieperiode"
    }
  ])
)

const jaarplan = Command.make(
  "jaarplan",
  { jaar: Flag.Int("jaar").pipe(Flag.withDescription("Het jaarplan, bijvoorbeeld 2026")), out, force },
  Effect.fn("export jaarplan")(function* (flags) {
    const Export = yield* excel
    const dataset = yield* loadProgram
    const plan = yield* Peiling.jaarplan(dataset, flags.jaar)
    const bytes = yield* Export.write(Export.jaarplanWorkbook(dataset.program, plan), flags.out, flags)
    yield* written(`Jaarplan ${plan.jaar} (${plan.acties.length} acties)`, flags.out, bytes)
  })
).pipe(
  Command.withDescription("Schrijf de acties van een jaarplan met al hun velden"),
  Command.withExamples([
    {
      command: "dvcc export jaarplan --jaar 2026 --out jaarplan-2026.xlsx",
      description: "De acties van 2026"
    }
  ])
)

export const exportCommand = Command.make("export").pipe(
  Command.withDescription(
    "Schrijf Excel-werkmappen: invulbestand, KPI-dashboard, informatiebeeld, gegevens, jaarplan, programma"
  ),
  Command.withExamples([
    { command: "dvcc export template --out district.xlsx", description: "Een leeg invulbestand" },
    { command: "dvcc export kpi --jaar 2026 --out kpi.xlsx", description: "Het KPI-dashboard" }
  ]),
  Command.withSubcommands([template, kpi, informatiebeeld, data, jaarplan, programma])
)
