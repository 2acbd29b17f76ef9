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
import type { Page } from "playwright-core"

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
