/**
 * One Chromium for the whole web suite: the browser test files connect to it (`openChromium`) instead of
 * each starting its own.
 */
import { Pdf } from "@dvcc/report"
import { chromium, findTool } from "@dvcc/testing-tools"
import { startSharedChromium } from "@dvcc/testing-tools/browser"
import type { TestProject } from "vitest/node"

export default ({ provide }: TestProject) =>
  startSharedChromium(findTool(chromium), Pdf.chromiumArgs(), (key, endpoint) => provide(key, endpoint))
