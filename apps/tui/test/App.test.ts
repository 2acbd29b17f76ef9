import { assert, describe, it } from "@effect/vitest"
import { keys, model, renderApp } from "./render.ts"

const lines = (frame: string) => frame.split("\n")

/** The frame as running text, for sentences Ink wraps over lines. */
const prose = (frame: string) => frame.replace(/\s+/g, " ")

describe("the dashboard opens on Voortgang", () => {
  it("shows the DIN tree with a status badge in words, a bar and the figures, and the keys", async () => {
    const app = renderApp()
    await app.press()
    const frame = app.frame()
    assert.include(frame, "DVCC-dashboard · Jaarplan 2025 · peildatum 31 december 2025")
    assert.include(frame, "[Voortgang]")
    assert.match(frame, /›▾\[achter\] +Strategisch doel: Voorkomen slachtoffer- en daderschap/)
    assert.match(frame, /\[behaald\] +bestuurlijke-rapportages +█+ 12 \/ 5 bestuurlijke rapportag/)
    assert.match(frame, /\[geen data\] cyberoefendriehoek-deelname/)
    assert.include(frame, "q stoppen")
    // the explanation of the selected row, under the tree
    assert.include(
      frame,
      "achter (6 van 15 gemeten) door campagnemateriaal, riec-casus-per-district; baten: 2 achter, 1 op koers"
    )

    for (const line of lines(frame)) assert.isAtMost(line.length, 120, line)
    app.unmount()
  })

  it("moves with j/k and the arrows, and explains the selected indicator", async () => {
    const app = renderApp()
    await app.press("j", "j", keys.down, "k")
    assert.match(app.frame(), /›\s+\[volgt\] +aangiftebereidheid/)
    assert.include(app.frame(), "In 2027 is de aangifte- en meldingsbereidheid gestegen naar 20%")
    await app.press(keys.down)
    assert.match(app.frame(), /›\s+\[achter\] +campagnemateriaal/)
    await app.press(keys.up)
    assert.match(app.frame(), /›\s+\[volgt\] +aangiftebereidheid/)
    app.unmount()
  })

  it("folds a doel with enter and unfolds it again", async () => {
    const app = renderApp()
    await app.press(keys.enter)
    assert.match(app.frame(), /›▸\[achter\] +Strategisch doel: Voorkomen/)
    assert.notMatch(app.frame(), /\[achter\] +campagnemateriaal/)
    assert.notInclude(app.frame(), "Doel 2:")
    assert.include(app.frame(), "Strategisch doel: Kundiger organisaties")
    await app.press(keys.enter)
    assert.match(app.frame(), /\[achter\] +campagnemateriaal/)
    app.unmount()
  })

  it("switches the jaarplan with y", async () => {
    const app = renderApp()
    await app.press("y")
    assert.include(app.frame(), "Jaarplan 2026")
    assert.include(app.frame(), "werkwijze-informatiebeeld")
    await app.press("y")
    assert.include(app.frame(), "Jaarplan 2025")
    app.unmount()
  })

  it("searches with /, narrows the tree, and esc clears the search", async () => {
    const app = renderApp()
    await app.press("/", "k", "e", "n", "n", "i", "s")
    assert.include(app.frame(), "Zoeken: kennis")
    assert.match(app.frame(), /\[behaald\] +kennisbijeenkomsten/)
    assert.notMatch(app.frame(), /\[achter\] +campagnemateriaal/)
    // while searching, letters are typed, not keys: q does not quit
    await app.press(keys.enter)
    assert.include(app.frame(), "Zoeken: kennis  (esc wist)")
    await app.press(keys.escape)
    assert.notInclude(app.frame(), "Zoeken:")
    assert.match(app.frame(), /\[achter\] +campagnemateriaal/)
    app.unmount()
  })

  it("reloads with r and says so", async () => {
    let loads = 0
    const app = renderApp(undefined, {
      reload: () => {
        loads++
        return Promise.resolve(model)
      }
    })
    await app.press("r")
    assert.strictEqual(loads, 1)
    assert.include(app.frame(), "Herladen.")
    app.unmount()
  })

  it("shows why a reload failed", async () => {
    const app = renderApp(undefined, { reload: () => Promise.resolve("Herladen mislukt: database weg") })
    await app.press("r")
    assert.include(app.frame(), "Herladen mislukt: database weg")
    app.unmount()
  })

  it("shows a long reason on lines of its own, within the width, and keeps the tabs whole", async () => {
    const reason =
      "Herladen mislukt: De API op http://127.0.0.1:8787 is niet bereikbaar (verbinding geweigerd). Klopt het adres bij --api, en draait daar `dvcc serve`?"
    const size = { columns: 80, rows: 24 }
    const app = renderApp(size, { reload: () => Promise.resolve(reason) })
    await app.press("r")
    const lines = app.frame().split("\n")
    assert.strictEqual(lines[1]?.trimEnd(), "[Voortgang] Acties  Gebied  Informatiebeeld")
    assert.include(lines.slice(2, 4).join(" "), "niet bereikbaar (verbinding geweigerd)")
    assert.include(app.frame(), "q stoppen")
    assert.isAtMost(lines.length, size.rows)
    for (const line of lines) assert.isAtMost(line.length, size.columns, line)
    app.unmount()
  })

  it("opens the help with ? and closes it with esc", async () => {
    const app = renderApp()
    await app.press("?")
    assert.include(app.frame(), "Toetsen")
    assert.include(app.frame(), "ander jaarplan")
    assert.include(app.frame(), "?/esc help sluiten")
    await app.press(keys.escape)
    assert.notInclude(app.frame(), "Toetsen")
    app.unmount()
  })
})

describe("the Indicator detail", () => {
  it("opens with enter: path from baseline to target, the history as a chart, the sources; esc goes back", async () => {
    const app = renderApp()
    await app.press("j", "j", keys.enter)
    const frame = app.frame()
    assert.include(frame, "aangiftebereidheid — jaarplan 2025, Doel 2:")
    assert.include(frame, "Status [volgt]")
    assert.include(frame, "basis 2023: 16,9% → doel 2027: 20% (hoger is beter)")
    assert.match(frame, /basis 2023 +█+░* +16,9%/)
    assert.match(frame, /2024 +█+░* +18% +CBS/)
    assert.match(frame, /doel 2027 +█+ +20%/)
    assert.include(frame, "Officiële bron: Veiligheidsmonitor (verwacht december 2027)")
    assert.include(frame, "esc terug")
    await app.press(keys.escape)
    assert.include(app.frame(), "[Voortgang]")
    assert.notInclude(app.frame(), "Pad naar het doel")
    app.unmount()
  })

  it("goes back with backspace too, and scrolls with j", async () => {
    const app = renderApp({ columns: 100, rows: 16 })
    await app.press("j", "j", keys.enter)
    assert.include(app.frame(), "aangiftebereidheid — jaarplan 2025")
    await app.press("j", "j", "j")
    assert.notInclude(app.frame(), "aangiftebereidheid — jaarplan 2025")
    await app.press("G")
    const end = app.frame()
    assert.include(end, "4. Aangiftebereidheid verhogen")
    // scrolling stops at the end: one step up shows one line more at the top at once
    await app.press("j", "j", "k")
    assert.notStrictEqual(app.frame(), end)
    assert.notInclude(app.frame(), "4. Aangiftebereidheid verhogen")
    await app.press(keys.backspace)
    assert.include(app.frame(), "enter openen/inklappen")
    app.unmount()
  })
})

describe("the Acties board", () => {
  it("shows the acties by status with the selected one in full, and filters on a baat with b", async () => {
    const app = renderApp()
    await app.press(keys.tab)
    let frame = app.frame()
    assert.include(frame, "[Acties]")
    assert.include(frame, "Jaarplan 2025 · 11 acties · filter: alle baten")
    assert.include(frame, "Op te starten (3)")
    assert.include(frame, "Lopend (5)")
    assert.include(frame, "Doorlopend (3)")
    assert.include(frame, "Status: op te starten")
    await app.press("b")
    frame = app.frame()
    assert.include(frame, "filter: baat 1: Integraal sturen")
    assert.include(frame, "2 acties")
    await app.press("j")
    assert.include(app.frame(), "1. Lokaal informatiebeeld aanleveren voor de lokale driehoeken")
    app.unmount()
  })

  it("lists the acties grouped by status on a narrow terminal, and says 2026 gives no status", async () => {
    const app = renderApp({ columns: 80, rows: 24 })
    await app.press(keys.tab, "y")
    assert.include(app.frame(), "Status onbekend (10)")
    assert.include(app.frame(), "Het jaarplan 2026 noemt geen status per actie.")
    app.unmount()
  })
})

describe("the Gebied screen", () => {
  it("shows the five districts, the coverage agreements and every gemeente, with unknowns as onbekend", async () => {
    const app = renderApp()
    await app.press(keys.tab, keys.tab)
    const frame = app.frame()
    assert.include(frame, "[Gebied]")
    assert.include(frame, "District Flevoland: 6 gemeenten, 0 RIEC-casussen")
    assert.include(frame, "District Utrecht-Stad: 1 gemeente,")
    assert.include(frame, "District Oost-Utrecht: gemeenten onbekend, dus geen cijfers")
    assert.include(
      prose(frame),
      "Of Oost-Utrecht en West-Utrecht in 2025 een RIEC-casus hebben is niet te zien: welke gemeenten erbij horen is onbekend (25 van 38 gemeenten zonder district)."
    )
    assert.match(frame, /\[achter\] +riec-casus-per-district/)
    assert.match(frame, /›Almere +GM0034 +Flevoland +onbekend +onbekend +0 +0/)
    await app.press("/", "u", "t", "r")
    assert.include(app.frame(), "Utrecht ")
    assert.notInclude(app.frame(), "Almere")
    app.unmount()
  })
})

describe("the Informatiebeeld screen", () => {
  it("lists the region and the gemeenten; enter shows the regional picture with its top delict types", async () => {
    const app = renderApp()
    await app.press(keys.shiftTab)
    assert.include(app.frame(), "[Informatiebeeld]")
    assert.include(app.frame(), "Periode 2024 (de laatste met registraties)")
    assert.match(app.frame(), /›regio Midden-Nederland +3/)
    assert.match(app.frame(), /Utrecht +GM0344 +geen registraties/)
    await app.press(keys.enter)
    const frame = app.frame()
    assert.include(frame, "Informatiebeeld regio Midden-Nederland — 2024")
    assert.include(frame, "1. aan- en verkoopfraude — ruim 5.500 slachtoffers")
    assert.match(frame, /Delict +Slachtoffers +Per 10\.000/)
    assert.match(frame, /Totaal +meer dan 6\.884/)
    app.unmount()
  })

  it("says clearly when a gemeente has no registrations yet, and shows the region beside it", async () => {
    const app = renderApp()
    await app.press(keys.shiftTab, "/", "G", "M", "0", "3", "4", "4", keys.enter, keys.enter)
    const frame = app.frame()
    assert.include(frame, "Informatiebeeld Utrecht (GM0344) — 2024")
    assert.include(frame, "Voor Utrecht zijn nog geen registraties vastgelegd voor 2024")
    assert.include(prose(frame), "alleen cijfers voor de regio Midden-Nederland als geheel")
    assert.include(frame, "Ter vergelijking, regio Midden-Nederland in 2024")
    app.unmount()
  })
})

describe("size and colour", () => {
  it("still shows every screen below 80×24, with less detail", async () => {
    const app = renderApp({ columns: 60, rows: 16 })
    await app.press()
    const first = app.frame()
    assert.include(first, "[Voortgang]")
    assert.match(first, /\[achter\]/)
    assert.include(first, "q stoppen")
    assert.isAtMost(lines(first).length, 16)
    for (const line of lines(first)) assert.isAtMost(line.length, 60, line)
    for (const tab of ["[Acties]", "[Gebied]", "[Informatiebeeld]"]) {
      await app.press(keys.tab)
      assert.include(app.frame(), tab)
      assert.isAtMost(lines(app.frame()).length, 16)
    }
    app.unmount()
  })

  it("draws no colour codes without colours; the status is text either way", async () => {
    const plain = renderApp()
    await plain.press()
    assert.notInclude(plain.frame(), "\u001b[3")
    assert.match(plain.frame(), /\[achter\]/)
    plain.unmount()
  })
})

describe("q", () => {
  it("quits the app", async () => {
    const app = renderApp()
    await app.press("q")
    const before = app.frame()
    await app.press("j")
    // after quitting, keys change nothing any more
    assert.strictEqual(app.frame(), before)
    app.unmount()
  })
})
