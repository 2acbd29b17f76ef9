/**
 * PDF through Debian's Chromium driven by playwright-core: one browser for many documents, never a
 * downloaded browser.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer, Schema } from "effect"
import { type Browser, chromium } from "playwright-core"

/**
 * The Chromium the reports are printed with.
 *
 * @since 0.1.0
 * @category constants
 */
export const chromiumPad = "/usr/bin/chromium"

/**
 * Flags for a headless Chromium in a container or CI: `--no-sandbox` only when running as root.
 *
 * @since 0.1.0
 * @category constants
 */
export const chromiumArgs = (): ReadonlyArray<string> => [
  ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run"
]

/**
 * Chromium could not be started or could not print.
 *
 * @since 0.1.0
 * @category errors
 */
export class PdfError extends Schema.TaggedError<PdfError>()("PdfError", {
  message: Schema.String
}) {}

/**
 * A running Chromium that prints HTML to PDF.
 *
 * @since 0.1.0
 * @category services
 */
export class Printer extends Context.Service<
  Printer,
  {
    /** The PDF of a self-contained HTML document, A4 with the document's own page margins. */
    readonly pdf: (html: string) => Effect.Effect<Uint8Array, PdfError>
  }
>()("@dvcc/report/Printer") {
  /**
   * One browser for the layer's lifetime, closed when the layer is released.
   *
   * @since 0.1.0
   * @category layers
   */
  static readonly layer = (executablePath: string = chromiumPad) =>
    Layer.effect(
      Printer,
      Effect.gen(function* () {
        const browser: Browser = yield* Effect.acquireRelease(
          Effect.tryPromise({
            try: () => chromium.launch({ executablePath, args: [...chromiumArgs()] }),
            catch: (cause) =>
              new PdfError({
                message: `Chromium (${executablePath}) start niet: ${String(cause).split("\n")[0]}`
              })
          }),
          (b) => Effect.promise(() => b.close())
        )
        const pdf = (html: string) =>
          Effect.acquireUseRelease(
            Effect.tryPromise({
              try: () => browser.newPage(),
              catch: (cause) => new PdfError({ message: `Chromium opent geen pagina: ${String(cause)}` })
            }),
            (page) =>
              Effect.tryPromise({
                try: async () => {
                  await page.setContent(html, { waitUntil: "load" })
                  return await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true })
                },
                catch: (cause) =>
                  new PdfError({ message: `PDF maken mislukt: ${String(cause).split("\n")[0]}` })
              }),
            (page) => Effect.promise(() => page.close())
          )
        return Printer.of({ pdf })
      })
    )
}
