/**
 * Reads a workbook in a worker thread (`worker: true`), so that reading (the sheet XML, the contract's
 * checks) and writing (SQLite, on the main thread) overlap: the main thread asks for the next batch before
 * it writes the one it has. Not the default: since the streaming reader got cheap, the overlap saves less
 * time than the second heap and the copied batches cost in memory (docs/performance.md). Runs as the worker
 * itself (when `workerData` is set) and gives the main thread `inWorker`.
 */
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads"
import type { Dataset } from "@dvcc/core"
import { LimitExceeded } from "./fileCheck.ts"
import { type Batch, type ParseOptions, type ParseResult, parseWorkbook } from "./parse.ts"

interface Start {
  readonly bytes: Uint8Array
  readonly dataset: Dataset.Dataset
  readonly options: Omit<ParseOptions, "onProgress">
}

type Message =
  | { readonly type: "step"; readonly step: IteratorResult<Batch, ParseResult> }
  | { readonly type: "progress"; readonly rows: number; readonly sheet: string }
  | { readonly type: "error"; readonly message: string; readonly limit?: string | undefined }

if (
  !isMainThread &&
  parentPort !== null &&
  (workerData as { readonly parseWorker?: Start } | null)?.parseWorker
) {
  const port = parentPort
  const start = (workerData as { readonly parseWorker: Start }).parseWorker
  const parser = parseWorkbook(
    Buffer.from(start.bytes.buffer, start.bytes.byteOffset, start.bytes.byteLength),
    { dataset: start.dataset },
    {
      ...start.options,
      onProgress: (rows, sheet) => port.postMessage({ type: "progress", rows, sheet } satisfies Message)
    }
  )
  port.on("message", () => {
    parser.next().then(
      (step) => {
        port.postMessage({ type: "step", step } satisfies Message)
        if (step.done === true) port.close()
      },
      (error: unknown) =>
        port.postMessage({
          type: "error",
          message: error instanceof Error ? error.message : String(error),
          limit: error instanceof LimitExceeded ? error.code : undefined
        } satisfies Message)
    )
  })
}

/** The batches of `parseWorkbook`, read in a worker thread one batch ahead of the caller. */
export const inWorker = (
  bytes: Buffer,
  dataset: Dataset.Dataset,
  options: ParseOptions
): {
  readonly next: () => Promise<IteratorResult<Batch, ParseResult>>
  readonly terminate: () => Promise<unknown>
} => {
  const { onProgress, ...rest } = options
  const worker = new Worker(new URL(import.meta.url), {
    // Reading allocates short-lived strings and cells per row: a small young generation keeps the heap small.
    resourceLimits: { maxYoungGenerationSizeMb: 16 },
    workerData: { parseWorker: { bytes: new Uint8Array(bytes), dataset, options: rest } satisfies Start }
  })
  // The worker never keeps the process alive: a failed import exits without waiting for it.
  worker.unref()
  const waiting: Array<{
    readonly resolve: (step: IteratorResult<Batch, ParseResult>) => void
    readonly reject: (error: Error) => void
  }> = []
  let failure: Error | undefined
  const fail = (error: Error) => {
    failure = error
    for (const w of waiting.splice(0)) w.reject(error)
  }
  worker.on("message", (message: Message) => {
    if (message.type === "progress") onProgress?.(message.rows, message.sheet)
    else if (message.type === "error")
      fail(
        message.limit === undefined
          ? new Error(message.message)
          : new LimitExceeded(message.limit, message.message)
      )
    else waiting.shift()?.resolve(message.step)
  })
  worker.on("error", fail)
  worker.on("exit", (code) => {
    if (waiting.length > 0) fail(new Error(`de leesdraad stopte onverwacht (code ${code})`))
  })
  const request = (): Promise<IteratorResult<Batch, ParseResult>> =>
    failure !== undefined
      ? Promise.reject(failure)
      : new Promise((resolve, reject) => {
          waiting.push({ resolve, reject })
          worker.postMessage("next")
        })
  let ahead: Promise<IteratorResult<Batch, ParseResult>> | undefined = request()
  // Keep a rejected read-ahead from counting as unhandled: it is rethrown when asked for.
  ahead.catch(() => undefined)
  return {
    next: () => {
      const current = ahead ?? request()
      ahead = undefined
      return current.then((step) => {
        if (step.done !== true) {
          ahead = request()
          ahead.catch(() => undefined)
        }
        return step
      })
    },
    terminate: () => worker.terminate()
  }
}
