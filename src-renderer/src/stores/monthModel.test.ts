import { describe, expect, it } from 'vitest'
import { addMonths, isMonth, monthOf, monthWeeks } from './monthModel'

describe("one athlete's month", () => {
  it('starts on the Monday of the week holding the first and ends with the week holding the last', () => {
    // 1 December 2026 is a Tuesday, 31 December a Thursday: 30 Nov to 3 Jan, five weeks.
    expect(monthWeeks('2026-12')).toEqual({ start: '2026-11-30', weeks: 5 })
    // February 2027 starts on a Monday and has 28 days: exactly four weeks.
    expect(monthWeeks('2027-02')).toEqual({ start: '2027-02-01', weeks: 4 })
    // August 2027 starts on a Sunday and ends on a Tuesday: six weeks.
    expect(monthWeeks('2027-08')).toEqual({ start: '2027-07-26', weeks: 6 })
    // A leap February: 29 days from a Thursday.
    expect(monthWeeks('2024-02')).toEqual({ start: '2024-01-29', weeks: 5 })
  })

  it('steps months across years', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01')
    expect(addMonths('2027-01', -1)).toBe('2026-12')
    expect(addMonths('2026-05', -17)).toBe('2024-12')
    expect(monthOf('2026-12-31')).toBe('2026-12')
  })

  it('takes only a real month from the address bar', () => {
    expect(['2026-12', '2026-13', '2026-1', 'x', 202612, undefined].map(isMonth)).toEqual([true, false, false, false, false, false])
  })
})

describe('months at their edges', () => {
  it('steps from January back and from December forward, and by whole years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12')
    expect(addMonths('2026-12', 12)).toBe('2027-12')
    expect(addMonths('2026-10', 0)).toBe('2026-10')
  })

  it('takes October to December and refuses month zero or trailing text', () => {
    expect(['2026-10', '2026-11', '2026-00', '2026-12x', 'x2026-12', '20261-12'].map(isMonth)).toEqual([true, true, false, false, false, false])
  })

  it('a month ending on a Sunday needs no row of the next month', () => {
    // May 2026: Friday 1 to Sunday 31, from Monday 27 April: five weeks.
    expect(monthWeeks('2026-05')).toEqual({ start: '2026-04-27', weeks: 5 })
    // March 2026: Sunday 1 to Tuesday 31, from Monday 23 February: six weeks.
    expect(monthWeeks('2026-03')).toEqual({ start: '2026-02-23', weeks: 6 })
  })
})

describe('a month from the address bar', () => {
  it('is refused when the parameter is repeated (a list), even of one valid month', () => {
    expect(isMonth(['2026-12'])).toBe(false)
  })
})
