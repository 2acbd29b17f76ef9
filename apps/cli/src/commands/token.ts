/**
 * `dvcc token create|list|revoke`: the API tokens. A token is printed once, when it is created; the
 * database keeps only its hash.
 */
import { Access } from "@dvcc/core"
import { Tokens } from "@dvcc/store"
import { Console, Effect, Option } from "effect"
import { Argument, CliError, Command, Flag } from "effect/cli"
import { columns, moment } from "../Columns.ts"
import { loadProgram, withStore } from "../ProgramData.ts"

const withTokens = <A, E>(body: (tokens: Tokens.Tokens["Service"]) => Effect.Effect<A, E>) =>
  withStore(Effect.flatMap(Tokens.Tokens, body).pipe(Effect.provide(Tokens.Tokens.layer)))

/** The tokens as an aligned table, oldest first; never the tokens themselves. */
export const formatTokens = (tokens: ReadonlyArray<Tokens.TokenInfo>): string => {
  if (tokens.length === 0) return "Er zijn nog geen tokens: maak er een met dvcc token create."
  return columns([
    ["id", "naam", "rol", "scope", "aangemaakt (UTC)", "ingetrokken"],
    ...tokens.map((t) => [
      t.id,
      t.naam,
      t.rol,
      t.scope === null ? "-" : Access.scopeLabel(t.scope),
      moment(t.aangemaakt),
      t.ingetrokken === null ? "-" : moment(t.ingetrokken)
    ])
  ])
}

const role = Flag.Literals("role", Access.Rol.literals).pipe(
  Flag.withDescription(
    "beheerder (alles, als enige ook de indeling en inwonertallen), programma (alles lezen; plannen, metingen en imports schrijven), district (activiteiten en imports voor de gemeenten van zijn district) of gemeente (eigen registraties en informatiebeeld lezen, eigen activiteiten vastleggen, ook met een werkmap met alleen het blad Activiteiten)"
  )
)
const scope = Flag.String("scope").pipe(
  Flag.withDescription(
    "Voor district en gemeente: een CBS-code (GM0344) of de id van een district dat de regio kent"
  ),
  Flag.optional
)
const name = Flag.String("name").pipe(Flag.withDescription("Waarvoor of voor wie het token is"))

const create = Command.make(
  "create",
  { role, scope, name },
  Effect.fn("token create")(function* (flags) {
    // The scope is checked against the region, so a new database gets the bundled data first.
    const { regio } = yield* loadProgram
    const created = yield* withTokens((tokens) =>
      tokens
        .create(
          {
            naam: flags.name,
            rol: flags.role,
            scope: Option.match(flags.scope, { onNone: () => null, onSome: Access.parseScope })
          },
          "cli"
        )
        .pipe(
          // A role without its scope, or a scope the region does not know: the command was used wrongly.
          Effect.catchTag("InvalidToken", (e) =>
            Effect.fail(new CliError.UserError({ cause: e, userMessage: e.message }))
          )
        )
    )
    yield* Console.log(
      [
        `Token ${created.info.id} (${created.info.naam}, ${created.info.rol}${created.info.scope === null ? "" : ` ${Access.scopeLabel(created.info.scope)}`}) aangemaakt.`,
        "Bewaar het nu: het wordt niet nog eens getoond.",
        "",
        created.token
      ].join("\n")
    )
    // A known district may hold no gemeente yet (they were moved out): say so now, not when its first
    // requests come back empty.
    const { scope } = created.info
    if (scope?.niveau === "district") {
      const visibility = Access.visibility(created.info, regio.gemeenten)
      if (visibility.kind === "gemeenten" && visibility.gemeenten.length === 0)
        yield* Console.error(
          `Let op: district ${scope.id} heeft nu geen gemeenten (zet ze met een Gebieden-blad of PATCH /api/v1/gebieden/{code}); tot dan ziet dit token alleen de regionale cijfers en kan het niets importeren.`
        )
    }
  })
).pipe(
  Command.withDescription(
    "Maak een API-token; het token wordt één keer getoond, de database bewaart alleen een hash"
  ),
  Command.withExamples([
    {
      command: "dvcc token create --role programma --name programmabureau",
      description: "Een token voor het programmabureau"
    },
    {
      command: "dvcc token create --role gemeente --scope GM0344 --name utrecht",
      description: "Een token voor één gemeente"
    },
    {
      command: "dvcc token create --role district --scope district-noord --name district-noord",
      description: "Een token voor een district: activiteiten en imports voor zijn gemeenten"
    }
  ])
)

const list = Command.make(
  "list",
  {},
  Effect.fn("token list")(function* () {
    yield* Console.log(formatTokens(yield* withTokens((tokens) => tokens.list)))
  })
).pipe(
  Command.withDescription(
    "Toon de tokens: id, naam, rol, scope en wanneer ze zijn aangemaakt of ingetrokken"
  ),
  Command.withExamples([{ command: "dvcc token list", description: "Alle tokens, de oudste eerst" }])
)

const id = Argument.String("id").pipe(Argument.withDescription("De id van het token (zie dvcc token list)"))

const revoke = Command.make(
  "revoke",
  { id },
  Effect.fn("token revoke")(function* (input) {
    const revoked = yield* withTokens((tokens) => tokens.revoke(input.id, "cli"))
    yield* Console.log(`Token ${revoked.id} (${revoked.naam}) is ingetrokken: het geeft geen toegang meer.`)
  })
).pipe(
  Command.withDescription("Trek een token in: het geeft daarna geen toegang meer"),
  Command.withExamples([{ command: "dvcc token revoke 3f2a9c1e0b4d", description: "Een token intrekken" }])
)

export const token = Command.make("token").pipe(
  Command.withDescription("Beheer de API-tokens van dvcc serve"),
  Command.withExamples([
    { command: "dvcc token create --role programma --name programmabureau", description: "Een token maken" },
    { command: "dvcc token list", description: "De tokens bekijken" }
  ]),
  Command.withSubcommands([create, list, revoke])
)
