import type { Din } from "@dvcc/core"
import { assert, describe, it } from "@effect/vitest"
import { commandFor, commandsFor } from "../src/Keys.ts"
import { listingFor } from "../src/Listing.ts"
import { type Command, footerKeys, initial, type Listing, reduce, tabs } from "../src/Navigation.ts"
import { model } from "./render.ts"

const jaren = [2025, 2026]
const list = (count: number): Listing => ({
  count,
  open: (i) => ({ _tag: "Detail", detail: { _tag: "Indicator", id: `i${i}` } })
})
const baten = ["baat-1", "baat-2", "baat-3", "baat-4", "baat-5"].map((id) => id as Din.BaatId)
const run = (commands: ReadonlyArray<Command>, listing = list(5)) =>
  commands.reduce((state, command) => reduce(state, command, listing, jaren, baten).state, initial(2025))

describe("keys", () => {
  it.each([
    ["j", {}, "Down"],
    ["k", {}, "Up"],
    ["", { downArrow: true }, "Down"],
    ["", { upArrow: true }, "Up"],
    ["", { return: true }, "Open"],
    ["", { escape: true }, "Back"],
    ["", { backspace: true }, "Back"],
    ["", { tab: true }, "NextTab"],
    ["", { tab: true, shift: true }, "PreviousTab"],
    ["/", {}, "Search"],
    ["y", {}, "NextYear"],
    ["b", {}, "NextBaat"],
    ["r", {}, "Reload"],
    ["?", {}, "Help"],
    ["q", {}, "Quit"],
    ["c", { ctrl: true }, "Quit"]
  ] as const)("%j %j means %s", (input, key, tag) => {
    assert.strictEqual(commandFor(input, key, false)?._tag, tag)
  })

  it("types letters into the search instead of acting on them", () => {
    assert.deepStrictEqual(commandFor("q", {}, true), { _tag: "Type", text: "q" })
    assert.deepStrictEqual(commandFor("", { return: true }, true), { _tag: "EndSearch" })
    assert.deepStrictEqual(commandFor("", { escape: true }, true), { _tag: "CancelSearch" })
    assert.deepStrictEqual(commandFor("", { backspace: true }, true), { _tag: "Erase" })
  })

  it("reads several keys that arrive at once one by one", () => {
    assert.deepStrictEqual(
      commandsFor("jj\r", {}, false).map((c) => c._tag),
      ["Down", "Down", "Open"]
    )
    assert.deepStrictEqual(
      commandsFor("/ab\rq", {}, false).map((c) => c._tag),
      ["Search", "Type", "Type", "EndSearch", "Quit"]
    )
  })
})

describe("navigation", () => {
  it("keeps the cursor within the list", () => {
    assert.strictEqual(run([{ _tag: "Up" }]).cursor.voortgang, 0)
    assert.strictEqual(run(Array(9).fill({ _tag: "Down" })).cursor.voortgang, 4)
    assert.strictEqual(run([{ _tag: "Last" }, { _tag: "PageUp" }]).cursor.voortgang, 0)
  })

  it("opens a detail with enter, scrolls it, and goes back with esc", () => {
    const open = run([{ _tag: "Down" }, { _tag: "Open" }])
    assert.deepStrictEqual(open.detail, { _tag: "Indicator", id: "i1" })
    const scrolled = reduce(open, { _tag: "Down" }, list(5), jaren).state
    assert.strictEqual(scrolled.scroll, 1)
    assert.strictEqual(scrolled.cursor.voortgang, 1)
    const back = reduce(scrolled, { _tag: "Back" }, list(5), jaren).state
    assert.isNull(back.detail)
    assert.strictEqual(back.cursor.voortgang, 1)
  })

  it("folds a doel or baat on enter", () => {
    const toggling: Listing = { count: 3, open: () => ({ _tag: "Toggle", key: "doel:x" }) }
    const folded = reduce(initial(2025), { _tag: "Open" }, toggling, jaren).state
    assert.deepStrictEqual(folded.collapsed, ["doel:x"])
    assert.deepStrictEqual(reduce(folded, { _tag: "Open" }, toggling, jaren).state.collapsed, [])
  })

  it("cycles the screens with tab both ways, closing a detail", () => {
    const seen = [initial(2025).tab]
    let state = run([{ _tag: "Open" }])
    for (let i = 0; i < tabs.length; i++) {
      state = reduce(state, { _tag: "NextTab" }, list(5), jaren).state
      assert.isNull(state.detail)
      seen.push(state.tab)
    }
    assert.deepStrictEqual(seen, ["voortgang", "acties", "gebied", "informatiebeeld", "voortgang"])
    assert.strictEqual(reduce(state, { _tag: "PreviousTab" }, list(5), jaren).state.tab, "informatiebeeld")
  })

  it("searches per screen: typing, erasing, keeping with enter, clearing with esc", () => {
    const typed = run([
      { _tag: "Search" },
      { _tag: "Type", text: "ab" },
      { _tag: "Type", text: "c" },
      { _tag: "Erase" }
    ])
    assert.strictEqual(typed.query.voortgang, "ab")
    assert.isTrue(typed.searching)
    const kept = reduce(typed, { _tag: "EndSearch" }, list(5), jaren).state
    assert.strictEqual(kept.query.voortgang, "ab")
    assert.isFalse(kept.searching)
    assert.strictEqual(reduce(kept, { _tag: "NextTab" }, list(5), jaren).state.query.acties, "")
    assert.strictEqual(reduce(kept, { _tag: "Back" }, list(5), jaren).state.query.voortgang, "")
    assert.strictEqual(reduce(typed, { _tag: "CancelSearch" }, list(5), jaren).state.query.voortgang, "")
  })

  it("switches the jaarplan round the years, and the baat filter round the baten on Acties only", () => {
    assert.strictEqual(run([{ _tag: "NextYear" }]).jaar, 2026)
    assert.strictEqual(run([{ _tag: "NextYear" }, { _tag: "NextYear" }]).jaar, 2025)
    assert.isNull(run([{ _tag: "NextBaat" }]).baat)
    const acties = run([{ _tag: "NextTab" }, { _tag: "NextBaat" }, { _tag: "NextBaat" }])
    assert.strictEqual(acties.baat, "baat-2")
    const round = Array<Command>(4).fill({ _tag: "NextBaat" })
    assert.isNull(run([{ _tag: "NextTab" }, { _tag: "NextBaat" }, { _tag: "NextBaat" }, ...round]).baat)
  })

  it("asks to quit on q and to reload on r, and help swallows other keys until closed", () => {
    assert.strictEqual(reduce(initial(2025), { _tag: "Quit" }, list(1), jaren).outcome, "quit")
    assert.strictEqual(reduce(initial(2025), { _tag: "Reload" }, list(1), jaren).outcome, "reload")
    const help = run([{ _tag: "Help" }, { _tag: "Down" }, { _tag: "NextTab" }])
    assert.isTrue(help.help)
    assert.strictEqual(help.tab, "voortgang")
    assert.isFalse(reduce(help, { _tag: "Back" }, list(1), jaren).state.help)
    assert.strictEqual(reduce(help, { _tag: "Quit" }, list(1), jaren).outcome, "quit")
  })

  it("always offers q and ? in the footer", () => {
    for (const state of [initial(2025), run([{ _tag: "Open" }]), run([{ _tag: "NextTab" }])]) {
      const shown = footerKeys(state).map(([key]) => key)
      assert.include(shown, "q")
      assert.include(shown, "?")
    }
  })

  it("property: after any keys, moving leaves the cursor on a row of the screen's real list", () => {
    const commands: ReadonlyArray<Command> = [
      { _tag: "Up" },
      { _tag: "Down" },
      { _tag: "PageDown" },
      { _tag: "PageUp" },
      { _tag: "Last" },
      { _tag: "Open" },
      { _tag: "Back" },
      { _tag: "NextTab" },
      { _tag: "PreviousTab" },
      { _tag: "NextYear" },
      { _tag: "NextBaat" },
      { _tag: "Search" },
      { _tag: "Type", text: "e" },
      { _tag: "Erase" },
      { _tag: "EndSearch" },
      { _tag: "CancelSearch" }
    ]
    // a seeded random walk (fast-check is not a dependency of this package): 200 runs of 60 keys
    let seed = 20_251_125
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
      return seed / 2_147_483_648
    }
    const moves = new Set(["Up", "Down", "PageDown", "PageUp", "Last"])
    for (let run = 0; run < 200; run++) {
      let state = initial(2025)
      for (let step = 0; step < 60; step++) {
        const command = commands[Math.floor(random() * commands.length)] ?? { _tag: "Down" }
        state = reduce(state, command, listingFor(model, state), model.jaren).state
        const cursor = state.cursor[state.tab]
        assert.isAtLeast(cursor, 0)
        assert.include(model.jaren, state.jaar)
        const count = listingFor(model, state).count
        if (moves.has(command._tag) && state.detail === null && count > 0) assert.isBelow(cursor, count)
      }
    }
  })
})
