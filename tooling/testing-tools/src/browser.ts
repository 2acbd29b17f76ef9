/// <reference lib="dom" />
/**
 * What the browser tests check on every page, in one place: axe-core's serious and critical violations,
 * and whether the page is wider than its viewport.
 *
 * ```ts
 * assert.deepStrictEqual(await seriousViolations(page), [])
 * assert.isFalse(await overflowsViewport(page))
 * ```
 */
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import type { Browser, Page } from "playwright-core"

/** A violation axe-core reports, with the first element it names. */
export interface Violation {
  readonly id: string
  readonly impact: string | null
  readonly target: string
}

let axeSource: string | undefined

/**
 * axe-core's serious and critical violations of WCAG 2.1 A/AA and its best practices on the page. axe is
 * run through the debugger (`page.evaluate`), so a Content-Security-Policy without scripts does not stop it.
 */
export const seriousViolations = async (page: Page): Promise<ReadonlyArray<Violation>> => {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8")
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const { axe } = globalThis as unknown as {
      axe: {
        run: (
          context: unknown,
          options: unknown
        ) => Promise<{
          violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }>
        }>
      }
    }
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }
    })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      target: JSON.stringify(v.nodes[0]?.target)
    }))
  })
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical")
}

/** Whether the page scrolls sideways: wider than the viewport it is shown in. */
export const overflowsViewport = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)

/**
 * The suite's one Chromium: a package's vitest `globalSetup` starts it (`startSharedChromium`) and every
 * test file connects to it (`openChromium`), instead of each file starting a browser of its own. Without
 * the set-up (one file run alone) a file starts its own.
 */
export const sharedChromiumKey = "dvccChromiumEndpoint"

declare module "vitest" {
  export interface ProvidedContext {
    readonly dvccChromiumEndpoint: string | undefined
  }
}

/** Starts the shared browser for a vitest `globalSetup`; returns how to stop it. */
export const startSharedChromium = async (
  program: string | undefined,
  args: ReadonlyArray<string>,
  provide: (key: typeof sharedChromiumKey, endpoint: string | undefined) => void
): Promise<() => Promise<void>> => {
  if (program === undefined) {
    provide(sharedChromiumKey, undefined)
    return async () => {}
  }
  const { chromium } = await import("playwright-core")
  const server = await chromium.launchServer({ executablePath: program, args: [...args] })
  provide(sharedChromiumKey, server.wsEndpoint())
  return () => server.close()
}

/** The shared browser when the suite started one, else a browser of this file's own. */
export const openChromium = async (program: string, args: ReadonlyArray<string>): Promise<Browser> => {
  const { inject } = await import("vitest")
  const { chromium } = await import("playwright-core")
  const endpoint = inject(sharedChromiumKey)
  return endpoint === undefined
    ? chromium.launch({ executablePath: program, args: [...args] })
    : chromium.connect(endpoint)
}
