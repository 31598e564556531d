import { nextTick } from 'vue'

// Calendar rows reach the window in bursts: main answers a cached calendar, or a network chunk of
// the event stream carries dozens of rows, all in one task. Applied at once, every row's first
// draw lands in that task (hundreds of ms at 200 athletes). Queued instead, they are applied a
// few at a time, each slice drawn before the next, and the work yields to the browser whenever a
// slice has used its budget, so the coach sees rows appear and the window keeps answering.

/** Time one task may spend applying and drawing rows before it yields. */
export const SLICE_BUDGET_MS = 24
/** Rows applied between two checks of the budget. */
const SLICE_ROWS = 4

export interface RowArrivals<R> {
  /** Queues rows (a later one for the same key replaces the earlier), each tagged with its view. */
  push(rows: R[], view: number): void
  /** Resolves once every queued row was applied or dropped. */
  settled(): Promise<void>
}

/**
 * `apply` takes the rows of one slice; `current()` names the view shown now, and rows queued for
 * another view are dropped. `yieldTask` hands the main thread back (a new task).
 */
export function rowArrivals<R>(
  keyOf: (row: R) => string,
  apply: (rows: R[]) => void,
  current: () => number,
  yieldTask: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
  now: () => number = () => performance.now(),
): RowArrivals<R> {
  const waiting = new Map<string, { row: R; view: number }>()
  let running: Promise<void> | null = null

  async function drain(): Promise<void> {
    try {
      while (waiting.size) {
        // Rows of the same burst pile up meanwhile, and the browser may draw what came before.
        await yieldTask()
        const t0 = now()
        while (waiting.size && now() - t0 < SLICE_BUDGET_MS) {
          const slice: R[] = []
          for (const [key, { row, view }] of waiting) {
            waiting.delete(key)
            if (view === current()) slice.push(row)
            if (slice.length === SLICE_ROWS) break
          }
          if (slice.length) apply(slice)
          // The rows' components draw now, within this task, and count against its budget.
          await nextTick()
        }
      }
    } finally {
      running = null
    }
  }

  return {
    push(rows, view) {
      for (const row of rows) {
        const key = keyOf(row)
        // A row queued again goes to the back: the map keeps insertion order.
        waiting.delete(key)
        waiting.set(key, { row, view })
      }
      if (waiting.size) running ??= drain()
    },
    settled: () => running ?? Promise.resolve(),
  }
}
