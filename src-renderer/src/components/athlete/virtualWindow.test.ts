import { describe, expect, it } from 'vitest'
import { visibleRows } from './virtualWindow'

describe('virtual rows', () => {
  it('renders only the rows in view plus a few either side, whatever the list length', () => {
    const w = visibleRows(0, 540, 36, 5000, 6)
    expect(w.start).toBe(0)
    expect(w.end).toBe(22) // 15 visible + 1 partly visible + 6 below
    expect(w.padTop).toBe(0)
    expect(w.padBottom).toBe((5000 - 22) * 36)
  })

  it('keeps the scroll height of the whole list in the padding', () => {
    const w = visibleRows(36 * 1000 + 10, 540, 36, 5000, 6)
    expect(w.start).toBe(994)
    expect(w.end).toBe(1022)
    expect(w.padTop + (w.end - w.start) * 36 + w.padBottom).toBe(5000 * 36)
  })

  it('stops at the end of the list and copes with an empty one', () => {
    const w = visibleRows(36 * 4990, 540, 36, 5000, 6)
    expect(w.end).toBe(5000)
    expect(w.padBottom).toBe(0)
    expect(visibleRows(0, 540, 36, 0)).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 })
  })
})
