import { Access } from "@dvcc/core"
import { assert, it } from "@effect/vitest"
import { Effect, Layer, Option } from "effect"
import { SqlClient } from "effect/sql"
import { TestClock } from "effect/testing"
import { Sessions, Users } from "../src/index.ts"
import { type Fresh, onEachDatabase, seeded } from "./databases.ts"

const password = "correct paard batterij"

const userSuite = (fresh: Fresh) => {
  const withAccounts = <A, E>(
    body: (
      users: Users.Users["Service"],
      sessions: Sessions.Sessions["Service"]
    ) => Effect.Effect<A, E, SqlClient.SqlClient>,
    options: Sessions.Options = {}
  ) =>
    Effect.flatMap(Effect.all([Users.Users, Sessions.Sessions]), ([users, sessions]) =>
      body(users, sessions)
    ).pipe(
      Effect.provide(seeded(fresh, Layer.mergeAll(Users.Users.layer, Sessions.Sessions.layerWith(options))))
    )

  const signIn = (
    sessions: Sessions.Sessions["Service"],
    email: string,
    secret: string,
    address = "10.0.0.1"
  ) => sessions.signIn({ email, password: secret, address })

  it.effect("a new account signs in only after its one-time link set a password; the link works once", () =>
    withAccounts((users, sessions) =>
      Effect.gen(function* () {
        const created = yield* users.create(
          { email: "Adviseur@Amersfoort.nl", rol: "gemeente", scope: Access.parseScope("GM0307") },
          "test"
        )
        assert.strictEqual(created.info.email, "adviseur@amersfoort.nl")
        assert.isFalse(created.info.wachtwoord)
        const link = created.link ?? ""
        assert.match(link, /^[\w-]{43}$/)
        assert.strictEqual((yield* signIn(sessions, "adviseur@amersfoort.nl", password))._tag, "Refused")
        const weak = yield* Effect.flip(users.setPassword(link, "kort"))
        assert.strictEqual(weak._tag, "InvalidUser")
        yield* users.setPassword(link, password)
        assert.isFalse(yield* users.checkLink(link))
        assert.strictEqual((yield* Effect.flip(users.setPassword(link, `${password}!`)))._tag, "InvalidLink")

        const sql = yield* SqlClient.SqlClient
        const stored = JSON.stringify(yield* sql.unsafe("SELECT * FROM users"))
        assert.notInclude(stored, password)
        assert.include(stored, "scrypt$")
        assert.notInclude(JSON.stringify(yield* sql.unsafe("SELECT before, after FROM audit")), password)

        const result = yield* signIn(sessions, "ADVISEUR@amersfoort.nl ", password)
        assert.strictEqual(result._tag, "SignedIn")
        if (result._tag !== "SignedIn") return
        assert.deepStrictEqual(result.session.principal, {
          tokenId: `gebruiker-${created.info.id}`,
          naam: "adviseur@amersfoort.nl",
          rol: "gemeente",
          scope: { niveau: "gemeente", code: "GM0307" as never }
        })
        assert.notInclude(JSON.stringify(yield* sql.unsafe("SELECT * FROM sessions")), result.id)
        const verified = yield* sessions.verify(result.id)
        assert.strictEqual(Option.getOrUndefined(verified)?.user.email, "adviseur@amersfoort.nl")
        assert.strictEqual(Option.getOrUndefined(verified)?.csrf, result.session.csrf)
      })
    )
  )

  it.effect("refuses a role and scope that do not go together, an unknown scope and a second account", () =>
    withAccounts((users) =>
      Effect.gen(function* () {
        for (const wrong of [
          { email: "a@b.nl", rol: "gemeente" as const, scope: null },
          { email: "a@b.nl", rol: "beheerder" as const, scope: Access.parseScope("GM0344") },
          { email: "a@b.nl", rol: "gemeente" as const, scope: Access.parseScope("GM9999") },
          { email: "geen adres", rol: "programma" as const, scope: null }
        ]) {
          const error = yield* Effect.flip(users.create(wrong, "test"))
          assert.strictEqual(error._tag, "InvalidUser", JSON.stringify(wrong))
        }
        yield* users.create({ email: "a@b.nl", rol: "programma", scope: null, password }, "test")
        const twice = yield* Effect.flip(
          users.create({ email: "A@b.nl", rol: "programma", scope: null }, "test")
        )
        assert.include(twice.message, "al een account")
        assert.deepStrictEqual(
          (yield* users.list).map((u) => [u.email, u.wachtwoord]),
          [["a@b.nl", true]]
        )
      })
    )
  )

  it.effect("a wrong password and an unknown address get the same answer", () =>
    withAccounts((users, sessions) =>
      Effect.gen(function* () {
        yield* users.create({ email: "p@b.nl", rol: "programma", scope: null, password }, "test")
        assert.deepStrictEqual(yield* signIn(sessions, "p@b.nl", "fout wachtwoord!"), { _tag: "Refused" })
        assert.deepStrictEqual(yield* signIn(sessions, "niemand@b.nl", password), { _tag: "Refused" })
      })
    )
  )

  it.effect(
    "limits failed sign-ins per account and per address, existing or not, and forgets them later",
    () =>
      withAccounts(
        (users, sessions) =>
          Effect.gen(function* () {
            yield* users.create({ email: "p@b.nl", rol: "programma", scope: null, password }, "test")
            for (let i = 0; i < 3; i++) yield* signIn(sessions, "p@b.nl", "fout wachtwoord!", `10.0.0.${i}`)
            // Past the limit even the right password is refused without being checked.
            assert.strictEqual((yield* signIn(sessions, "p@b.nl", password, "10.0.0.9"))._tag, "Limited")
            for (let i = 0; i < 3; i++) yield* signIn(sessions, "niemand@b.nl", "x", `10.0.1.${i}`)
            assert.strictEqual((yield* signIn(sessions, "niemand@b.nl", "x", "10.0.1.9"))._tag, "Limited")
            // Per address: five failures from one address on different accounts.
            for (let i = 0; i < 5; i++) yield* signIn(sessions, `x${i}@b.nl`, "x", "10.9.9.9")
            yield* users.create({ email: "q@b.nl", rol: "programma", scope: null, password }, "test")
            assert.strictEqual((yield* signIn(sessions, "q@b.nl", password, "10.9.9.9"))._tag, "Limited")
            assert.strictEqual((yield* signIn(sessions, "q@b.nl", password, "10.9.9.8"))._tag, "SignedIn")
            yield* TestClock.adjust("16 minutes")
            assert.strictEqual((yield* signIn(sessions, "p@b.nl", password, "10.0.0.9"))._tag, "SignedIn")
          }),
        { perAccount: 3, perAddress: 5 }
      )
  )

  it.effect(
    "a session ends when idle, after its absolute time, at sign-out and when the account is disabled",
    () =>
      withAccounts(
        (users, sessions) =>
          Effect.gen(function* () {
            yield* users.create({ email: "p@b.nl", rol: "programma", scope: null, password }, "test")
            const session = () =>
              Effect.map(signIn(sessions, "p@b.nl", password), (r) => (r._tag === "SignedIn" ? r.id : ""))
            const alive = (id: string) => Effect.map(sessions.verify(id), Option.isSome)

            const idle = yield* session()
            yield* TestClock.adjust("11 minutes")
            assert.isFalse(yield* alive(idle))

            const used = yield* session()
            for (let i = 0; i < 5; i++) {
              yield* TestClock.adjust("8 minutes")
              assert.isTrue(yield* alive(used), `still in use after ${(i + 1) * 8} minutes`)
            }
            yield* TestClock.adjust("8 minutes")
            assert.isFalse(yield* alive(used), "past the absolute limit")

            const out = yield* session()
            yield* sessions.signOut(out)
            assert.isFalse(yield* alive(out))

            const previous = yield* session()
            const next = yield* sessions.signIn({ email: "p@b.nl", password, address: "x", previous })
            assert.isFalse(yield* alive(previous), "signing in again ends the previous session")
            assert.isTrue(next._tag === "SignedIn" && (yield* alive(next.id)))

            const a = yield* session()
            yield* users.disable("P@b.nl", "test")
            assert.isFalse(yield* alive(a))
            assert.strictEqual((yield* signIn(sessions, "p@b.nl", password))._tag, "Refused")
            assert.strictEqual(
              (yield* Effect.flip(users.disable("niemand@b.nl", "test")))._tag,
              "UserNotFound"
            )
          }),
        { idleMs: 10 * 60 * 1000, absoluteMs: 45 * 60 * 1000 }
      )
  )

  it.effect("a one-time link expires", () =>
    withAccounts((users) =>
      Effect.gen(function* () {
        const { link } = yield* users.create({ email: "p@b.nl", rol: "programma", scope: null }, "test")
        assert.isTrue(yield* users.checkLink(link ?? ""))
        yield* TestClock.adjust("8 days")
        assert.isFalse(yield* users.checkLink(link ?? ""))
        assert.strictEqual((yield* Effect.flip(users.setPassword(link ?? "", password)))._tag, "InvalidLink")
      })
    )
  )

  it.effect("a reset gives a new link, ends the sessions and the old password and the earlier link", () =>
    withAccounts((users, sessions) =>
      Effect.gen(function* () {
        const first = yield* users.create({ email: "p@b.nl", rol: "programma", scope: null }, "test")
        yield* users.setPassword(first.link ?? "", password)
        const signedIn = yield* signIn(sessions, "p@b.nl", password)
        const id = signedIn._tag === "SignedIn" ? signedIn.id : ""
        const earlier = yield* users.reset("p@b.nl", "test")
        const reset = yield* users.reset("P@B.nl", "user:beheer@b.nl")
        assert.isFalse(reset.info.wachtwoord)
        assert.isFalse(yield* Effect.map(sessions.verify(id), Option.isSome), "the session ended")
        assert.strictEqual((yield* signIn(sessions, "p@b.nl", password))._tag, "Refused", "old password")
        assert.isFalse(yield* users.checkLink(earlier.link), "the earlier link no longer works")
        assert.isTrue(yield* users.checkLink(reset.link))
        yield* users.setPassword(reset.link, `${password} nieuw`)
        assert.strictEqual((yield* signIn(sessions, "p@b.nl", `${password} nieuw`))._tag, "SignedIn")

        const sql = yield* SqlClient.SqlClient
        const rows = yield* sql<{
          readonly actor: string
          readonly after: string
        }>`SELECT actor, after FROM audit WHERE entity = 'users' ORDER BY id`
        assert.isTrue(
          rows.some((r) => r.actor === "user:beheer@b.nl"),
          "the reset names who did it"
        )
        assert.notInclude(JSON.stringify(rows), reset.link)
        assert.strictEqual((yield* Effect.flip(users.reset("niemand@b.nl", "test")))._tag, "UserNotFound")
        yield* users.disable("p@b.nl", "test")
        assert.strictEqual((yield* Effect.flip(users.reset("p@b.nl", "test")))._tag, "InvalidUser")
      })
    )
  )

  it.effect("sign-in, failed sign-in and sign-out are audited with the address, never a secret", () =>
    withAccounts((users, sessions) =>
      Effect.gen(function* () {
        yield* users.create({ email: "p@b.nl", rol: "programma", scope: null, password }, "test")
        yield* signIn(sessions, "p@b.nl", "het verkeerde wachtwoord", "10.4.4.4")
        yield* signIn(sessions, "niemand@b.nl", "ook verkeerd", "10.4.4.4")
        const result = yield* signIn(sessions, "p@b.nl", password, "10.4.4.5")
        const id = result._tag === "SignedIn" ? result.id : ""
        yield* sessions.signOut(id)
        const sql = yield* SqlClient.SqlClient
        const rows = yield* sql<{
          readonly actor: string
          readonly after: string
        }>`SELECT actor, after FROM audit WHERE entity = 'sessions' ORDER BY id`
        assert.deepStrictEqual(
          rows.map((r) => [r.actor, JSON.parse(r.after)]),
          [
            ["user:p@b.nl", { gebeurtenis: "inloggen mislukt", email: "p@b.nl", adres: "10.4.4.4" }],
            ["user:p@b.nl", { gebeurtenis: "ingelogd", email: "p@b.nl", adres: "10.4.4.5" }],
            ["user:p@b.nl", { gebeurtenis: "uitgelogd", email: "p@b.nl" }]
          ]
        )
        const all = JSON.stringify(
          yield* sql.unsafe("SELECT actor, entity_key, before, after, source FROM audit")
        )
        for (const secret of [password, "het verkeerde wachtwoord", "ook verkeerd", "niemand@b.nl", id])
          assert.notInclude(all, secret)
      })
    )
  )
}

onEachDatabase("Users", userSuite)
