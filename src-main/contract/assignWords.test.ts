import { describe, expect, it } from 'vitest'
import { describeWhen, weekWords } from './workouts'

// The words the assign preview shows and the journal keeps as the plan's title, from main and the window alike.
describe('when an assignment lands, as the coach says it', () => {
  it('names a fixed date as it is, and days from today in words', () => {
    expect(describeWhen({ kind: 'date', date: '2026-04-01' })).toBe('2026-04-01')
    expect(describeWhen({ kind: 'fromToday', days: 0 })).toBe('today')
    expect(describeWhen({ kind: 'fromToday', days: 1 })).toBe('tomorrow')
    expect(describeWhen({ kind: 'fromToday', days: 2 })).toBe('in 2 days')
    expect(describeWhen({ kind: 'fromToday', days: -1 })).toBe('yesterday')
    expect(describeWhen({ kind: 'fromToday', days: -3 })).toBe('3 days ago')
  })

  it('names each weekday, and weeks before and after this one', () => {
    expect(describeWhen({ kind: 'weekday', weekOffset: 0, weekday: 0 })).toBe('Monday this week')
    expect(describeWhen({ kind: 'weekday', weekOffset: -1, weekday: 6 })).toBe('Sunday last week')
    expect(describeWhen({ kind: 'weekday', weekOffset: 3, weekday: 3 })).toBe('Thursday in 3 weeks')
    expect(describeWhen({ kind: 'weekday', weekOffset: -2, weekday: 4 })).toBe('Friday 2 weeks ago')
    expect(describeWhen({ kind: 'weekday', weekOffset: 1, weekday: 2 })).toBe('Wednesday next week')
    expect(describeWhen({ kind: 'weekday', weekOffset: 1, weekday: 5 })).toBe('Saturday next week')
    expect([0, 1, -1, 2, -2].map(weekWords)).toEqual(['this week', 'next week', 'last week', 'in 2 weeks', '2 weeks ago'])
  })
})
