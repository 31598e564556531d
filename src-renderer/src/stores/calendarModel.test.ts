import { describe, expect, it } from 'vitest'
import type { CalEvent, CalendarRow } from '@contract'
import { compliance, covers, daysFrom, mondayOf, rectangle, weekTotals } from './calendarModel'

function e(id: number, date: string, extra: Partial<CalEvent> = {}): CalEvent {
  return { id, uid: null, athleteId: 'x', category: 'WORKOUT', date, endDate: null, name: `E${id}`, description: '', type: 'Ride', movingSecs: 3600, load: 60, hidden: false, locked: false, doneActivityId: null, ...extra }
}
const row = (athleteId: string, events: CalEvent[], activities: CalendarRow['activities'] = []): CalendarRow => ({ athleteId, oldest: '', newest: '', events, activities, error: null })

describe('calendar model', () => {
  it('lays out days from a Monday', () => {
    expect(mondayOf('2026-11-26')).toBe('2026-11-23')
    expect(daysFrom('2026-11-30', 3)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02'])
  })

  it('lets multi-day events cover each of their days', () => {
    const holiday = e(1, '2026-12-01', { category: 'HOLIDAY', endDate: '2026-12-03' })
    expect(['2026-11-30', '2026-12-01', '2026-12-03', '2026-12-04'].map((d) => covers(holiday, d))).toEqual([false, true, true, false])
  })

  it('selects the rectangle between two events across athletes and days', () => {
    const rows = [
      row('a', [e(1, '2026-12-01'), e(2, '2026-12-05')]),
      row('b', [e(3, '2026-12-02'), e(4, '2026-12-09')]),
      row('c', [e(5, '2026-12-03')]),
    ]
    const keys = rectangle(rows, ['a', 'b', 'c'], { athleteId: 'c', date: '2026-12-03' }, { athleteId: 'a', date: '2026-12-01' })
    expect(keys.sort()).toEqual(['a:1', 'b:3', 'c:5'])
  })

  it('totals planned workouts and done activities for the week', () => {
    const r = row('a', [e(1, '2026-11-30'), e(2, '2026-12-06', { load: 40 }), e(3, '2026-12-07'), e(4, '2026-12-01', { category: 'NOTE', load: 99 })], [
      { id: 'x', athleteId: 'a', date: '2026-12-01', type: 'Ride', name: '', movingSecs: 1800, load: 30, pairedEventId: null },
    ])
    expect(weekTotals(r, '2026-11-30')).toEqual({ plannedLoad: 100, plannedSecs: 7200, doneLoad: 30, doneSecs: 1800 })
  })

  it.each([
    [60, 60, 'good'],
    [60, 20, 'missed'],
    [60, 45, 'under'],
    [60, 80, 'over'],
  ])('compliance of planned %s vs done %s is %s', (planned, done, band) => {
    const c = compliance(e(1, '2026-12-01', { load: planned }), { id: 'a', athleteId: 'x', date: '2026-12-01', type: 'Ride', name: '', movingSecs: 1, load: done, pairedEventId: 1 })
    expect(c?.band).toBe(band)
  })
})
