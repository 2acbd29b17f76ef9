import { type Dataset, type Geography, Informatiebeeld, Periode, Registration } from "@dvcc/core"
import { Table } from "@dvcc/tui"
import { Console, Effect, Option, Schema } from "effect"
import { Argument, CliError, Command, Flag } from "effect/cli"
import { vandaag } from "../Peiling.ts"
import { loadProgram } from "../ProgramData.ts"

const gemeente = Argument.String("gemeente").pipe(
  Argument.withDescription(
    "CBS-code (GM0344) of naam (Utrecht) van de gemeente, of 'regio' voor de hele regio"
  )
)

const periode = Flag.String("periode").pipe(
  Flag.withDescription(
    "Periode: jaar (2025), kwartaal (2025-Q3, Q3 2025, 3e kwartaal 2025) of maand (2025-09, september 2025); standaard de laatste periode met voldoende registraties"
  ),
  Flag.withSchema(Periode.FromText),
  Flag.optional
)

const json = Flag.Boolean("json").pipe(
  Flag.withDescription("Schrijf JSON (het Informatiebeeld-schema) in plaats van een tabel"),
  Flag.withDefault(false)
)

const distance = (a: string, b: string): number => {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return row[b.length] ?? 0
}

/** The gemeenten whose name or code is close to what was typed, closest first. */
export const closeMatches = (regio: Geography.Regio, typed: string): ReadonlyArray<Geography.Gemeente> => {
  const t = typed.trim().toLowerCase()
  return regio.gemeenten
    .map((g) => {
      const naam = g.naam.toLowerCase()
      const score = Math.min(
        distance(t, naam),
        distance(t, g.code.toLowerCase()),
        naam.startsWith(t) || naam.includes(t) ? 1 : Number.POSITIVE_INFINITY
      )
      return { g, score }
    })
    .filter(({ score }) => score <= Math.max(2, Math.floor(t.length / 3)))
    .sort((a, b) => a.score - b.score || a.g.naam.localeCompare(b.g.naam, "nl"))
    .slice(0, 3)
    .map(({ g }) => g)
}

const findGebied = (dataset: Dataset.Dataset, typed: string): Geography.Gebied | undefined => {
  const t = typed.trim().toLowerCase()
  if (t === "regio" || t === dataset.regio.naam.toLowerCase()) return { niveau: "regio" }
  const found = dataset.regio.gemeenten.find((g) => g.code.toLowerCase() === t || g.naam.toLowerCase() === t)
  return found === undefined ? undefined : { niveau: "gemeente", code: found.code }
}

export const informatiebeeld = Command.make(
  "informatiebeeld",
  { gemeente, periode, json },
  Effect.fn("informatiebeeld")(function* (flags) {
    const dataset = yield* loadProgram
    const gebied = findGebied(dataset, flags.gemeente)
    if (gebied === undefined) {
      const close = closeMatches(dataset.regio, flags.gemeente)
      return yield* new CliError.UserError({
        cause: undefined,
        userMessage:
          `Onbekende gemeente "${flags.gemeente}" in de regio ${dataset.regio.naam}.` +
          (close.length === 0
            ? " Geef een CBS-code (GM0344) of de naam van een gemeente, of 'regio'."
            : ` Bedoelt u ${close.map((g) => `${g.naam} (${g.code})`).join(", ")}?`)
      })
    }
    const gekozen = Option.isSome(flags.periode)
      ? flags.periode.value
      : (Registration.standaardPeriode(Registration.dekkingPerPeriode(dataset.registraties)) ??
        Periode.jaar(Number((yield* vandaag).slice(0, 4))))
    const beeld = Informatiebeeld.make({
      regio: dataset.regio,
      registraties: dataset.registraties,
      reeksbreuken: dataset.reeksbreuken,
      gebied,
      periode: gekozen
    })
    yield* Console.log(
      flags.json
        ? JSON.stringify(Schema.encodeSync(Informatiebeeld.Informatiebeeld)(beeld), null, 2)
        : // a partial regio or district says so before any figure, not only among the notes
          `${beeld.dekking === null ? "" : `Onvolledig: cijfers uit ${beeld.dekking.gemeenten} van ${beeld.dekking.van} gemeenten; elk cijfer is hun som, dus minstens het werkelijke, geen totaal (zie Opmerkingen).\n`}${Table.renderInformatiebeeld(
            beeld,
            dataset.regio,
            Table.alleenRegionaal(dataset.registraties),
            Math.max(60, process.stdout.columns ?? 120)
          )}`
    )
  })
).pipe(
  Command.withDescription(
    "Toon het informatiebeeld van een gemeente: delicttypen, slachtoffers, schade, verandering, per 10.000 inwoners en rang"
  ),
  Command.withExamples([
    {
      command: "dvcc informatiebeeld GM0344 --periode 2025-Q3",
      description: "Utrecht in het derde kwartaal van 2025"
    },
    { command: "dvcc informatiebeeld regio --periode 2024 --json", description: "De regio in 2024 als JSON" }
  ])
)
