import { execFileSync } from "node:child_process"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describeWithTool, tmux } from "@dvcc/testing-tools"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { dvcc, folder } from "./dvcc.ts"

describe("dvcc dashboard without a terminal", () => {
  it("prints a snapshot of the Voortgang screen and exits 0", async () => {
    const { code, stdout, stderr } = await dvcc("dashboard", "--as-of", "2025-12-31")
    assert.strictEqual(code, 0, stderr)
    assert.include(stdout, "DVCC-dashboard · Jaarplan 2025 · peildatum 31 december 2025")
    assert.include(stdout, "[Voortgang]")
    assert.match(stdout, /\[behaald\] +kennisbijeenkomsten/)
    assert.include(stdout, "15 kennisbijeenkomsten in 2025, gemiddeld 1,25 per maand")
    assert.notInclude(stdout, "\u001b[")
  })

  it("opens on the jaarplan asked for, and refuses one that does not exist with exit 2", async () => {
    const ok = await dvcc("dashboard", "--jaar", "2026", "--as-of", "2026-06-30")
    assert.strictEqual(ok.code, 0, ok.stderr)
    assert.include(ok.stdout, "Jaarplan 2026")
    assert.include(ok.stdout, "werkwijze-informatiebeeld")
    const wrong = await dvcc("dashboard", "--jaar", "2030")
    assert.strictEqual(wrong.code, 2)
    assert.include(wrong.stderr, "Geen jaarplan 2030; er zijn jaarplannen voor 2025 en 2026.")
    assert.notInclude(wrong.stderr, "    at ")
  })
})

const bin = fileURLToPath(new URL("../src/bin.ts", import.meta.url))

describeWithTool(tmux, "dvcc dashboard in a terminal (tmux)", (program) => {
  const socket = `dvcc-test-${process.pid}-${Date.now()}`
  const dir = folder()
  const session = "dashboard"
  const run = (...args: Array<string>) =>
    execFileSync(program, ["-L", socket, "-f", "/dev/null", ...args], { encoding: "utf8" })
  const pane = () => run("capture-pane", "-p", "-t", session)
  const paneFlag = (name: string) => run("display-message", "-p", "-t", session, `#{${name}}`).trim()

  const waitFor = async (check: (screen: string) => boolean, what: string, timeout = 30_000) => {
    const until = Date.now() + timeout
    let screen = ""
    while (Date.now() < until) {
      screen = pane()
      if (check(screen)) return screen
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error(`waited ${timeout} ms for ${what}; the pane shows:\n${screen}`)
  }
  const press = async (key: string, then: (screen: string) => boolean, what: string) => {
    run("send-keys", "-t", session, key)
    return waitFor(then, what)
  }

  beforeAll(() => {
    const script = join(dir, "start.sh")
    // after the dashboard: its exit code and the terminal modes a shell needs (echo, line editing)
    writeFileSync(
      script,
      [
        "#!/bin/sh",
        `export DVCC_DB='${join(dir, "dvcc.sqlite")}' NO_COLOR=1 TERM=xterm-256color`,
        `'${process.execPath}' '${bin}' init > /dev/null`,
        `'${process.execPath}' '${bin}' dashboard --as-of 2025-12-31`,
        'echo "DVCC-EXIT=$?"',
        "stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e echo | sed 's/^/TTY-/'",
        "echo TTY-CHECKED",
        "sleep 600"
      ].join("\n"),
      { mode: 0o755 }
    )
    run("new-session", "-d", "-s", session, "-x", "120", "-y", "40", script)
  })

  afterAll(() => {
    try {
      run("kill-server")
    } catch {
      // already gone
    }
  })

  it("shows every screen a person can reach by keyboard, and q restores the terminal", {
    timeout: 120_000
  }, async () => {
    let screen = await waitFor(
      (s) => s.includes("[Voortgang]") && s.includes("q stoppen"),
      "the first screen",
      60_000
    )
    assert.include(screen, "DVCC-dashboard · Jaarplan 2025 · peildatum 31 december 2025")
    assert.match(screen, /›▾\[achter\] +Strategisch doel: Voorkomen slachtoffer- en daderschap/)
    assert.match(screen, /\[behaald\] +bestuurlijke-rapportages +█+ 12 \/ 5/)
    assert.strictEqual(paneFlag("alternate_on"), "1")
    // NO_COLOR: no colour codes on the terminal, the status in words
    const coloured = run("capture-pane", "-p", "-e", "-t", session)
    const foreground = new RegExp(`${String.fromCharCode(27)}\\[(3[0-7]|9[0-7]|38;)`)
    assert.notMatch(coloured, foreground)
    screen = await press("r", (s) => s.includes("Herladen."), "the reload")

    screen = await press("j", (s) => /›▾\s+\[achter\] +Doel 2:/.test(s), "the cursor on baat 2")
    screen = await press(
      "Down",
      (s) => /›\s+\[volgt\] +aangiftebereidheid/.test(s),
      "the cursor on aangiftebereidheid"
    )
    screen = await press("Enter", (s) => s.includes("Pad naar het doel"), "the Indicator detail")
    assert.include(screen, "aangiftebereidheid — jaarplan 2025, Doel 2:")
    assert.include(screen, "basis 2023: 16,9% → doel 2027: 20%")
    assert.match(screen, /2024 +█+░* +18% +CBS/)
    assert.include(screen, "Officiële bron: Veiligheidsmonitor")
    screen = await press("Escape", (s) => s.includes("enter openen/inklappen"), "back on Voortgang")

    screen = await press("y", (s) => s.includes("Jaarplan 2026"), "jaarplan 2026")
    assert.include(screen, "werkwijze-informatiebeeld")
    screen = await press("y", (s) => s.includes("Jaarplan 2025 ·"), "jaarplan 2025 again")

    screen = await press("Tab", (s) => s.includes("[Acties]"), "the Acties board")
    assert.include(screen, "Op te starten (3)")
    assert.include(screen, "Lopend (5)")
    screen = await press("b", (s) => s.includes("filter: baat 1"), "the baat filter")

    screen = await press("Tab", (s) => s.includes("[Gebied]"), "the Gebied screen")
    assert.include(screen, "District Oost-Utrecht: gemeenten onbekend, dus geen cijfers")
    assert.match(screen, /Almere +GM0034 +Flevoland/)

    screen = await press("Tab", (s) => s.includes("[Informatiebeeld]"), "the Informatiebeeld screen")
    assert.match(screen, /›regio Midden-Nederland +3/)
    screen = await press("/", (s) => s.includes("Zoeken:"), "the search line")
    for (const letter of "Utrecht") run("send-keys", "-t", session, "-l", letter)
    screen = await waitFor((s) => s.includes("Zoeken: Utrecht"), "the typed search")
    screen = await press("Enter", (s) => s.includes("(esc wist)"), "the search kept")
    screen = await press(
      "Enter",
      (s) => s.includes("Informatiebeeld Utrecht (GM0344)"),
      "Utrecht's informatiebeeld"
    )
    assert.include(screen, "Voor Utrecht zijn nog geen registraties vastgelegd voor 2024")
    screen = await press("BSpace", (s) => s.includes("Registraties"), "back on the list")

    screen = await press("?", (s) => s.includes("Toetsen"), "the help")
    screen = await press("Escape", (s) => !s.includes("Toetsen"), "the help closed")

    run("resize-window", "-t", session, "-x", "80", "-y", "24")
    screen = await waitFor(
      (s) =>
        s.split("\n").every((l) => l.length <= 80) &&
        s.includes("[Informatiebeeld]") &&
        s.includes("q stoppen") &&
        s.includes("DVCC-dashboard"),
      "the dashboard redrawn at 80×24"
    )
    assert.match(screen, /Utrecht +GM0344 +geen registraties/)
    screen = await press("Tab", (s) => s.includes("[Voortgang]"), "Voortgang at 80×24")
    assert.match(screen, /\[achter\]/)

    screen = await press("q", (s) => s.includes("TTY-CHECKED"), "the dashboard to quit")
    assert.include(screen, "DVCC-EXIT=0")
    assert.notInclude(screen, "[Voortgang]")
    assert.include(screen, "TTY-icanon")
    assert.include(screen, "TTY-echo")
    assert.strictEqual(paneFlag("alternate_on"), "0")
    assert.strictEqual(paneFlag("cursor_flag"), "1")
  })
})
