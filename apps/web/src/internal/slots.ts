/**
 * How many imports run at once in this process, shared by the API's `POST /api/v1/imports` and the web
 * page's upload: one import's memory is bounded by the workbook limits (docs/performance.md), and two at
 * once fit a 1 GB heap, whichever way they came in.
 */

/**
 * A counter of running imports with its bound.
 *
 * @since 0.1.0
 * @category models
 */
export interface Slots {
  readonly max: number
  running: number
}

/**
 * The one counter of this process.
 *
 * @since 0.1.0
 * @category models
 */
export const importSlots: Slots = { max: 2, running: 0 }

/**
 * Runs `body` in a slot, or answers `busy` when all are taken.
 *
 * @since 0.1.0
 * @category combinators
 */
export const inSlot = async <A>(
  slots: Slots,
  busy: () => A | Promise<A>,
  body: () => Promise<A>
): Promise<A> => {
  if (slots.running >= slots.max) return busy()
  slots.running++
  try {
    return await body()
  } finally {
    slots.running--
  }
}
