import { describe, expect, it } from 'vitest'
import { countLabel, dayMonthLabel, dayMonthYearLabel, localIsoDate, weekdayShort } from './dateLabels'

describe('date labels', () => {
  it('reads the local date as written, whatever the timezone', () => {
    expect(weekdayShort('2026-12-07')).toBe('Mon')
    expect(dayMonthLabel('2026-12-07')).toBe('7 Dec')
    expect(dayMonthYearLabel('2026-12-07T23:30:00')).toBe('7 Dec 2026')
  })

  it('gives the same text as a formatter built per call', () => {
    for (const d of ['2026-01-01', '2026-02-28', '2027-06-15']) {
      const date = new Date(`${d}T00:00:00Z`)
      expect(dayMonthLabel(d)).toBe(date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }))
      expect(weekdayShort(d)).toBe(date.toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' }))
    }
    expect(countLabel(12345.6)).toBe((12345.6).toLocaleString())
    const now = new Date()
    expect(localIsoDate(now)).toBe(new Intl.DateTimeFormat('en-CA').format(now))
  })
})
