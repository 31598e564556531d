import { describe, expect, it } from 'vitest'
import type { CalActivity, CalEvent, CalendarRow } from '@contract'
import { compliance, covers, daysFrom, mondayOf, rectangle, rowOutcomes, weekTotals } from './calendarModel'

function e(id: number, date: string, extra: Partial<CalEvent> = {}): CalEvent {
  return { id, uid: null, athleteId: 'x', category: 'WORKOUT', date, endDate: null, name: `E${id}`, description: '', type: 'Ride', movingSecs: 3600, load: 60, hidden: false, locked: false, doneActivityId: null, ...extra }
}
const act = (id: string, date: string, extra: Partial<CalActivity> = {}): CalActivity => ({ id, athleteId: 'a', date, type: 'Ride', name: id, movingSecs: 1800, load: 30, pairedEventId: null, ...extra })
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
      act('x', '2026-12-01', { type: 'Run' }),
    ])
    expect(weekTotals(r, '2026-11-30', '2026-11-30')).toEqual({ plannedLoad: 100, plannedSecs: 7200, doneLoad: 30, doneSecs: 1800, missed: 0 })
  })

  it('counts the week’s workouts missed by the athlete’s today, not the note, not those still due, not next week’s', () => {
    const r = row('a', [e(1, '2026-11-30'), e(2, '2026-12-02'), e(3, '2026-12-04'), e(4, '2026-12-01', { category: 'NOTE' }), e(5, '2026-12-07')], [
      act('x', '2026-12-02', { pairedEventId: 2 }),
    ])
    // Thursday: Monday's ride was missed, Wednesday's done, Friday's still ahead.
    expect(weekTotals(r, '2026-11-30', '2026-12-03').missed).toBe(1)
    // The week after: Friday's is missed too; next week's Monday is not counted in this week.
    expect(weekTotals(r, '2026-11-30', '2026-12-09').missed).toBe(2)
  })

  it.each([
    [60, 60, 'good'],
    [60, 20, 'poor'],
    [60, 45, 'fair'],
    [60, 80, 'fair'],
    [60, 95, 'poor'],
  ])('compliance of planned %s vs done %s is %s', (planned, done, band) => {
    const c = compliance(e(1, '2026-12-01', { load: planned }), act('a', '2026-12-01', { movingSecs: 1, load: done, pairedEventId: 1 }))
    expect(c?.band).toBe(band)
  })

  it('reads a row: the done activity of each workout, the ones without a plan, and one done a day late', () => {
    const tue = e(1, '2026-12-01')
    const wed = e(2, '2026-12-02', { type: 'Run' })
    const thu = e(3, '2026-12-03')
    const race = e(4, '2026-12-05', { category: 'RACE_B' })
    const r = row('a', [tue, wed, thu, race], [
      act('paired', '2026-12-01', { pairedEventId: 1 }),
      act('sameDay', '2026-12-02', { type: 'TrailRun' }),
      act('late', '2026-12-04'),
      act('raced', '2026-12-05', { pairedEventId: 4 }),
      act('swim', '2026-12-05', { type: 'Swim' }),
      act('elsewhere', '2026-12-06', { pairedEventId: 777 }),
    ])
    const o = rowOutcomes(r, '2026-12-07')
    expect([...o.doneFor].map(([id, a]) => [id, a.id]).sort()).toEqual([[1, 'paired'], [2, 'sameDay'], [3, 'late'], [4, 'raced']])
    expect(o.unplanned.map((a) => a.id)).toEqual(['late', 'swim', 'elsewhere'])
    expect(o.lateFor.get('late')?.id).toBe(3)
    expect([...o.outcomes.values()].every((x) => x.state === 'done')).toBe(true)
    expect(rowOutcomes(row('a', [thu]), '2026-12-07').outcomes.get(3)?.state).toBe('missed')
  })
})
