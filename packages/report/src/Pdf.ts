/**
 * PDF through Debian's Chromium driven by playwright-core: one browser for many documents (a process keeps
 * one printer), with a bounded pool of pages and a bounded queue, never a downloaded browser.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer, ManagedRuntime, Schema, Semaphore } from "effect"
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
 * Every page of the printer is busy and its queue is full: try again later.
 *
 * @since 0.1.0
 * @category errors
 */
export class PdfBusy extends Schema.TaggedError<PdfBusy>()("PdfBusy", {
  message: Schema.String
}) {}

/**
 * How much one printer does at once: `pages` documents printed at the same time in its one browser, and at
 * most `queue` more waiting for a page; beyond that `pdf` fails at once with `PdfBusy`.
 *
 * @since 0.1.0
 * @category models
 */
export interface PoolOptions {
  readonly pages?: number | undefined
  readonly queue?: number | undefined
}

/**
 * The printer's defaults: two pages at once (a report prints in about a second; Chromium's memory grows
 * with every open page) and eight waiting.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultPool = { pages: 2, queue: 8 } as const

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
    readonly pdf: (html: string) => Effect.Effect<Uint8Array, PdfError | PdfBusy>
  }
>()("@dvcc/report/Printer") {
  /**
   * One browser for the layer's lifetime, started on the first document (again after it crashed) and
   * closed when the layer is released, printing at most `pages` documents at once with `queue` waiting.
   *
   * @since 0.1.0
   * @category layers
   */
  static readonly layer = (executablePath: string = chromiumPad, options: PoolOptions = {}) =>
    Layer.effect(
      Printer,
      Effect.gen(function* () {
        const pages = Math.max(1, options.pages ?? defaultPool.pages)
        const queue = Math.max(0, options.queue ?? defaultPool.queue)
        const permits = yield* Semaphore.make(pages)
        let launched: Promise<Browser> | undefined
        const browser = Effect.tryPromise({
          try: () => {
            if (launched === undefined) {
              const starting = chromium.launch({ executablePath, args: [...chromiumArgs()] })
              launched = starting
              starting.then(
                (b) =>
                  b.on("disconnected", () => {
                    if (launched === starting) launched = undefined
                  }),
                () => {
                  if (launched === starting) launched = undefined
                }
              )
            }
            return launched
          },
          catch: (cause) =>
            new PdfError({
              message: `Chromium (${executablePath}) start niet: ${String(cause).split("\n")[0]}`
            })
        })
        yield* Effect.addFinalizer(() =>
          Effect.promise(async () => {
            const running = await launched?.catch(() => undefined)
            launched = undefined
            await running?.close()
          })
        )
        const print = (html: string) =>
          Effect.acquireUseRelease(
            Effect.flatMap(browser, (b) =>
              Effect.tryPromise({
                try: () => b.newPage(),
                catch: (cause) => new PdfError({ message: `Chromium opent geen pagina: ${String(cause)}` })
              })
            ),
            (page) =>
              Effect.tryPromise({
                try: async () => {
                  await page.setContent(html, { waitUntil: "load" })
                  return await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true })
                },
                catch: (cause) =>
                  new PdfError({ message: `PDF maken mislukt: ${String(cause).split("\n")[0]}` })
              }),
            (page) => Effect.promise(() => page.close().catch(() => undefined))
          )
        let admitted = 0
        const pdf = (html: string): Effect.Effect<Uint8Array, PdfError | PdfBusy> =>
          Effect.suspend((): Effect.Effect<Uint8Array, PdfError | PdfBusy> => {
            if (admitted >= pages + queue) {
              return Effect.fail(
                new PdfBusy({
                  message: `Er worden al ${pages} PDF's gemaakt en ${queue} wachten; probeer het zo opnieuw.`
                })
              )
            }
            admitted++
            return permits
              .withPermits(1)(print(html))
              .pipe(Effect.ensuring(Effect.sync(() => admitted--)))
          })
        return Printer.of({ pdf })
      })
    )
}

let gedeeld: ManagedRuntime.ManagedRuntime<Printer, never> | undefined

/**
 * The process's one printer (`Printer.layer()` with the default pool), started on the first PDF and kept
 * for the process: every part of a process that prints (the web application, the API) shares one Chromium.
 *
 * @since 0.2.0
 * @category constructors
 */
export const gedeeldePrinter = (): Effect.Effect<Context.Context<Printer>> => {
  gedeeld ??= ManagedRuntime.make(Printer.layer() as Layer.Layer<Printer>)
  return gedeeld.contextEffect
}
