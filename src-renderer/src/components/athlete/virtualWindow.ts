// Virtual scrolling of a fixed-row-height list: only the rows in view (plus a few either side) are
// rendered, so a list of several thousand activities scrolls as smoothly as one of twenty.

export interface RowWindow {
  /** First and one-past-last row index to render. */
  start: number
  end: number
  /** Space above and below the rendered rows, in px, so the scrollbar keeps its true size. */
  padTop: number
  padBottom: number
}

export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan = 6): RowWindow {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 }
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight)
  const shown = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1
  const start = Math.max(0, Math.min(count - 1, first - overscan))
  const end = Math.min(count, first + shown + overscan)
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight }
}
