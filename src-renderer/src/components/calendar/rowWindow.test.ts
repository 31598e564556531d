import { describe, expect, it } from 'vitest'
import { capped, FIRST_GUESS_PX, rowTop, rowWindow } from './rowWindow'

const ids = Array.from({ length: 200 }, (_, i) => `i${100001 + i}`)

describe('rowWindow', () => {
  it('renders every row when all of them fit the window and its margin', () => {
    expect(rowWindow(ids.slice(0, 12), new Map(), 0, 670)).toEqual({ start: 0, end: 12, padTop: 0, padBottom: 0 })
  })

  it('renders the rows in view and a margin either side (here a screen) of 200, padding the rest', () => {
    const measured = new Map(ids.map((id) => [id, 50]))
    const w = rowWindow(ids, measured, 5000, 500)
    // In view: rows 100 to 109; a screen (10 rows) either side.
    expect(w).toEqual({ start: 90, end: 120, padTop: 90 * 50, padBottom: 80 * 50 })
    expect(w.padTop + (w.end - w.start) * 50 + w.padBottom).toBe(200 * 50)
  })

  it('uses measured heights and counts rows never drawn as the average measured', () => {
    const measured = new Map([
      [ids[0]!, 100],
      [ids[1]!, 60],
    ])
    const w = rowWindow(ids, measured, 0, 150, { overscanPx: 0 })
    // 100 + 60 covers the 150 px in view.
    expect(w).toMatchObject({ start: 0, end: 2, padTop: 0 })
    expect(w.padBottom).toBe(198 * 80)
    expect(rowWindow(ids, new Map(), 0, FIRST_GUESS_PX, { overscanPx: 0 })).toMatchObject({ start: 0, end: 1 })
  })

  it('starts from the height the last calendar measured', () => {
    expect(rowWindow(ids, new Map(), 0, 500, { overscanPx: 0, firstGuessPx: 100 })).toMatchObject({ start: 0, end: 5, padBottom: 195 * 100 })
  })

  it('shows the last row when scrolled past the end of a list that got shorter', () => {
    const w = rowWindow(ids.slice(0, 3), new Map(), 10_000, 500, { overscanPx: 0 })
    expect(w).toMatchObject({ start: 2, end: 3, padBottom: 0 })
  })

  it('renders nothing for no athletes', () => {
    expect(rowWindow([], new Map(), 0, 500)).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 })
  })

  it('puts a row not drawn yet where the window would draw it: measured rows above it, the rest at the average', () => {
    const measured = new Map([[ids[0]!, 40], [ids[1]!, 72]])
    // Rows 2..9 not measured: each counts as the average, 56 rounded to the 16 px step (64).
    expect(rowTop(ids, measured, 10)).toBe(40 + 72 + 8 * 64)
    expect(rowTop(ids, new Map(), 3)).toBe(3 * FIRST_GUESS_PX)
    expect(rowTop(ids, new Map(), 3, 30)).toBe(90)
    const w = rowWindow(ids, measured, rowTop(ids, measured, 10), 100, { overscanPx: 0 })
    expect(w.start).toBe(10)
  })

  it('cuts a window to its first rows and keeps the space of those cut below', () => {
    const measured = new Map(ids.map((id) => [id, 50]))
    const w = rowWindow(ids, measured, 5000, 500)
    const c = capped(w, 4, ids, measured)
    expect(c).toEqual({ start: 90, end: 94, padTop: 90 * 50, padBottom: (80 + 26) * 50 })
    expect(c.padTop + (c.end - c.start) * 50 + c.padBottom).toBe(200 * 50)
    expect(capped(w, 30, ids, measured)).toBe(w)
    expect(capped(w, Number.POSITIVE_INFINITY, ids, measured)).toBe(w)
  })
})
