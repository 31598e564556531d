// Which athlete rows of the calendar to render: those in view and a screenful either side. Rows
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

/** A row's height before it was ever drawn: one chip and the week totals. */
export const FIRST_GUESS_PX = 56

export function rowWindow(
  ids: readonly string[],
  measured: ReadonlyMap<string, number>,
  scrollTop: number,
  viewportPx: number,
  overscanPx = viewportPx,
): RowWindow {
  if (!ids.length) return { start: 0, end: 0, padTop: 0, padBottom: 0 }
  let sum = 0
  for (const h of measured.values()) sum += h
  const guess = measured.size ? sum / measured.size : FIRST_GUESS_PX
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
