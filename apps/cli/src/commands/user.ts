/**
 * `dvcc user create|list|disable|reset`: the personal accounts of the web application. A new account gets a
 * one-time link to set its password, or takes it from standard input with `--password-stdin` (for
 * scripts); the database keeps only a scrypt hash. Disabling an account ends its sessions at once; a reset
 * gives a new one-time link, and the old password and the sessions end.
 */
import { text } from "node:stream/consumers"
import { Access } from "@dvcc/core"
import { Users } from "@dvcc/store"
import { Console, Effect, Option } from "effect"
import { Argument, CliError, Command, Flag } from "effect/cli"
import { columns, moment } from "../Columns.ts"
import { loadProgram, withStore } from "../ProgramData.ts"

const withUsers = <A, E>(body: (users: Users.Users["Service"]) => Effect.Effect<A, E>) =>
  withStore(Effect.flatMap(Users.Users, body).pipe(Effect.provide(Users.Users.layer)))

/** The accounts as an aligned table, oldest first; never a password or link. */
export const formatUsers = (users: ReadonlyArray<Users.UserInfo>): string => {
  if (users.length === 0) return "Er zijn nog geen accounts: maak er een met dvcc user create."
  return columns([
    ["e-mailadres", "rol", "scope", "wachtwoord", "aangemaakt (UTC)", "uitgeschakeld"],
    ...users.map((u) => [
      u.email,
      u.rol,
      u.scope === null ? "-" : Access.scopeLabel(u.scope),
      u.wachtwoord ? "ingesteld" : "nog niet",
      moment(u.aangemaakt),
      u.uitgeschakeld === null ? "-" : moment(u.uitgeschakeld)
    ])
  ])
}

const email = Flag.String("email").pipe(Flag.withDescription("Het e-mailadres waarmee de gebruiker inlogt"))
const role = Flag.Literals("role", Access.Rol.literals).pipe(
  Flag.withDescription("beheerder, programma, district of gemeente: dezelfde rollen als de API-tokens")
)
const scope = Flag.String("scope").pipe(
  Flag.withDescription(
    "Voor district en gemeente: een CBS-code (GM0344) of de id van een district dat de regio kent"
  ),
  Flag.optional
)
const url = Flag.String("url").pipe(
  Flag.withDescription("Het adres waarop dvcc serve te bereiken is, voor de link"),
  Flag.withDefault("http://127.0.0.1:8787")
)
const passwordStdin = Flag.Boolean("password-stdin").pipe(
  Flag.withDescription(
    "Lees het wachtwoord van standaardinvoer (de eerste regel) in plaats van een link te maken"
  ),
  Flag.withDefault(false)
)

/** The first line of standard input, read up to a bound. */
const readPassword = Effect.promise(() => text(process.stdin)).pipe(
  Effect.map((input) => input.slice(0, 4096).split(/\r?\n/)[0] ?? "")
)

/** The lines that hand a one-time link to the person who passes it on. */
export const linkMessage = (kop: string, base: string, link: string, verloopt: string): string =>
  [
    kop,
    `Stuur deze link naar de gebruiker om een wachtwoord in te stellen (één keer te gebruiken, geldig tot ${moment(verloopt)} UTC):`,
    "",
    `${base.replace(/\/+$/, "")}/wachtwoord/${link}`
  ].join("\n")

const userError = (e: { readonly message: string }) =>
  Effect.fail(new CliError.UserError({ cause: e, userMessage: e.message }))

const create = Command.make(
  "create",
  { email, role, scope, url, passwordStdin },
  Effect.fn("user create")(function* (flags) {
    // The scope is checked against the region, so a new database gets the bundled data first.
    yield* loadProgram
    const password = flags.passwordStdin ? yield* readPassword : undefined
    const created = yield* withUsers((users) =>
      users
        .create(
          {
            email: flags.email,
            rol: flags.role,
            scope: Option.match(flags.scope, { onNone: () => null, onSome: Access.parseScope }),
            ...(password === undefined ? {} : { password })
          },
          "cli"
        )
        .pipe(Effect.catchTag("InvalidUser", userError))
    )
    const { info } = created
    const wie = `${info.email} (${info.rol}${info.scope === null ? "" : ` ${Access.scopeLabel(info.scope)}`})`
    if (created.link === null) {
      yield* Console.log(`Account ${wie} aangemaakt, met het opgegeven wachtwoord.`)
      return
    }
    yield* Console.log(
      linkMessage(`Account ${wie} aangemaakt.`, flags.url, created.link, created.verloopt ?? "")
    )
  })
).pipe(
  Command.withDescription(
    "Maak een account voor de webapplicatie, met een eenmalige link om het wachtwoord in te stellen"
  ),
  Command.withExamples([
    {
      command: "dvcc user create --email adviseur@amersfoort.nl --role gemeente --scope GM0307",
      description: "Een account voor een adviseur van één gemeente"
    },
    {
      command:
        "printf '%s\\n' \"$WACHTWOORD\" | dvcc user create --email bureau@example.nl --role programma --password-stdin",
      description: "Een account met een wachtwoord uit een script"
    }
  ])
)

const list = Command.make(
  "list",
  {},
  Effect.fn("user list")(function* () {
    yield* Console.log(formatUsers(yield* withUsers((users) => users.list)))
  })
).pipe(
  Command.withDescription(
    "Toon de accounts: e-mailadres, rol, scope, of het wachtwoord is ingesteld, en of ze zijn uitgeschakeld"
  ),
  Command.withExamples([{ command: "dvcc user list", description: "Alle accounts, de oudste eerst" }])
)

const address = Argument.String("email").pipe(Argument.withDescription("Het e-mailadres van het account"))

const disable = Command.make(
  "disable",
  { email: address },
  Effect.fn("user disable")(function* (input) {
    const disabled = yield* withUsers((users) =>
      users.disable(input.email, "cli").pipe(Effect.catchTag("UserNotFound", userError))
    )
    yield* Console.log(`Account ${disabled.email} is uitgeschakeld; de sessies ervan zijn beëindigd.`)
  })
).pipe(
  Command.withDescription("Schakel een account uit: inloggen kan niet meer en lopende sessies eindigen"),
  Command.withExamples([
    { command: "dvcc user disable adviseur@amersfoort.nl", description: "Een account uitschakelen" }
  ])
)

const reset = Command.make(
  "reset",
  { email, url },
  Effect.fn("user reset")(function* (flags) {
    const done = yield* withUsers((users) =>
      users
        .reset(flags.email, "cli")
        .pipe(Effect.catchTags({ UserNotFound: userError, InvalidUser: userError }))
    )
    yield* Console.log(
      linkMessage(
        `Account ${done.info.email}: het oude wachtwoord werkt niet meer en de sessies zijn beëindigd.`,
        flags.url,
        done.link,
        done.verloopt
      )
    )
  })
).pipe(
  Command.withDescription(
    "Geef een account een nieuwe eenmalige link: het oude wachtwoord en de lopende sessies vervallen"
  ),
  Command.withExamples([
    {
      command: "dvcc user reset --email adviseur@amersfoort.nl --url https://dvcc.example.nl",
      description: "Een nieuwe link voor wie het wachtwoord kwijt is"
    }
  ])
)

export const user = Command.make("user").pipe(
  Command.withDescription("Beheer de accounts van de webapplicatie (dvcc serve, op /)"),
  Command.withExamples([
    {
      command: "dvcc user create --email adviseur@amersfoort.nl --role gemeente --scope GM0307",
      description: "Een account maken"
    },
    { command: "dvcc user list", description: "De accounts bekijken" }
  ]),
  Command.withSubcommands([create, list, disable, reset])
)
