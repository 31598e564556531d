import { nextTick, onBeforeUnmount, ref, type Ref } from 'vue'
import { SLICE_BUDGET_MS } from '../../stores/rowArrivals'

// The calendar's first draw, a few rows at a time: opening a calendar whose rows are all at hand
// would otherwise draw every row in view (each a few dozen cells and chips) in the task that
// opens it. The cap on rows drawn grows by a slice, each drawn before the next, and the work
// yields to the browser whenever a task has spent its budget, until no cap is left.

/** Rows drawn by the task that mounts the grid. */
export const FIRST_TASK_ROWS = 4

/** A cap on the rows drawn, growing from FIRST_TASK_ROWS until `enough` says the window is full. */
export function useDrawnCap(enough: (cap: number) => boolean): Ref<number> {
  const cap = ref(FIRST_TASK_ROWS)
  let stopped = false
  onBeforeUnmount(() => (stopped = true))
  async function grow() {
    while (!stopped && !enough(cap.value)) {
      await new Promise((resolve) => setTimeout(resolve, 0))
      const t0 = performance.now()
      while (!stopped && !enough(cap.value) && performance.now() - t0 < SLICE_BUDGET_MS) {
        cap.value += FIRST_TASK_ROWS
        // The new rows draw now, in this task, and count against its budget.
        await nextTick()
      }
    }
    if (!stopped) cap.value = Number.POSITIVE_INFINITY
  }
  void nextTick().then(grow)
  return cap
}
