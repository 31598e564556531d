// Which athlete rows of the calendar to render: those in view and a margin either side. Rows
// differ in height (a day can hold several chips), so heights are measured as rows are drawn and
// rows not drawn yet count as the average of those measured.

export interface RowWindow {
  /** First and one-past-last row index to render. */
  start: number
  end: number
  /** Space above and below the rendered rows, in px, so the scrollbar keeps its true size. */
  padTop: number
  padBottom: number
}

import type { InjectionKey } from 'vue'

/** A row's height before any was drawn: one chip and the week totals. */
export const FIRST_GUESS_PX = 56
/** Rows not drawn yet count as the average drawn, rounded to this: the guess (and the space it
 * reserves above and below) changes seldom, not with every row measured. */
const GUESS_STEP_PX = 16

/** The average measured height, rounded to GUESS_STEP_PX. */
export function averageRowPx(measured: ReadonlyMap<string, number>): number {
  let sum = 0
  for (const h of measured.values()) sum += h
  return measured.size ? Math.max(GUESS_STEP_PX, Math.round(sum / measured.size / GUESS_STEP_PX) * GUESS_STEP_PX) : FIRST_GUESS_PX
}

/** How rows hand their element to the grid that measures them. */
export const ROW_SIZES: InjectionKey<{ observe(el: Element): void; unobserve(el: Element): void }> = Symbol('calendar row sizes')

/**
 * overscanPx: how far beyond the view to draw; firstGuessPx: a row's height before any was measured
 * (the grid passes what the last calendar it showed measured).
 */
export function rowWindow(
  ids: readonly string[],
  measured: ReadonlyMap<string, number>,
  scrollTop: number,
  viewportPx: number,
  { overscanPx = viewportPx, firstGuessPx = FIRST_GUESS_PX }: { overscanPx?: number; firstGuessPx?: number } = {},
): RowWindow {
  if (!ids.length) return { start: 0, end: 0, padTop: 0, padBottom: 0 }
  const guess = measured.size ? averageRowPx(measured) : firstGuessPx
  const top = Math.max(0, scrollTop - overscanPx)
  const bottom = Math.max(0, scrollTop) + Math.max(0, viewportPx) + overscanPx
  let y = 0
  let start = -1
  let end = ids.length
  let padTop = 0
  for (let i = 0; i < ids.length; i++) {
    const h = measured.get(ids[i]!) ?? guess
    if (start < 0 && y + h > top) {
      start = i
      padTop = y
    }
    if (start >= 0 && y >= bottom) {
      end = i
      break
    }
    y += h
  }
  if (start < 0) {
    // Scrolled past the end (the list got shorter): show the last rows.
    start = ids.length - 1
    padTop = y - (measured.get(ids[start]!) ?? guess)
  }
  let padBottom = 0
  for (let i = end; i < ids.length; i++) padBottom += measured.get(ids[i]!) ?? guess
  return { start, end, padTop, padBottom }
}

/** Where a row starts, in px from the top of the rows: to scroll a row not drawn yet into view. */
export function rowTop(ids: readonly string[], measured: ReadonlyMap<string, number>, index: number, firstGuessPx = FIRST_GUESS_PX): number {
  const guess = measured.size ? averageRowPx(measured) : firstGuessPx
  let y = 0
  for (let i = 0; i < Math.min(index, ids.length); i++) y += measured.get(ids[i]!) ?? guess
  return y
}

/** The window cut to its first `maxRows` rows; the space of the rows cut joins the space below. */
export function capped(win: RowWindow, maxRows: number, ids: readonly string[], measured: ReadonlyMap<string, number>, firstGuessPx = FIRST_GUESS_PX): RowWindow {
  if (win.end - win.start <= maxRows) return win
  const end = win.start + maxRows
  const guess = measured.size ? averageRowPx(measured) : firstGuessPx
  let cut = 0
  for (let i = end; i < win.end; i++) cut += measured.get(ids[i]!) ?? guess
  return { ...win, end, padBottom: win.padBottom + cut }
}
