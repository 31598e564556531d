import { describe, expect, it } from 'vitest'
import { exportSummary } from './exportSummary'

const rows = (n: number) => Array.from({ length: n }, () => ({}) as never)

describe('exportSummary', () => {
  it('calls it complete only when every planned workout has its file', () => {
    expect(exportSummary({ results: rows(70), written: 70, unchanged: 0, leftOut: 0, failed: 0, cancelled: false })).toEqual({ text: '70 workouts saved', complete: true })
  })

  it('says a shortfall as a shortfall: 30 of 70, and how many were not written', () => {
    const s = exportSummary({ results: rows(70), written: 30, unchanged: 0, leftOut: 40, failed: 0, cancelled: false })
    expect(s).toEqual({ text: '30 of 70 workouts saved; 40 not written', complete: false })
  })

  it('counts unchanged files as saved, and names failures apart from workouts left out', () => {
    expect(exportSummary({ results: rows(9), written: 7, unchanged: 7, leftOut: 1, failed: 1, cancelled: false }).text).toBe(
      '7 of 9 workouts saved (7 already there, unchanged); 2 not written (1 failed)',
    )
    expect(exportSummary({ results: rows(1), written: 1, unchanged: 0, leftOut: 0, failed: 0, cancelled: false }).text).toBe('1 workout saved')
  })

  it('a cancelled export is never complete', () => {
    const s = exportSummary({ results: rows(3), written: 3, unchanged: 0, leftOut: 0, failed: 0, cancelled: true })
    expect(s.complete).toBe(false)
    expect(s.text).toBe('3 of 3 workouts saved; cancelled')
  })
})
