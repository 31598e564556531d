import { describe, expect, it } from 'vitest'
import type { CalActivity, CalEvent, CalendarRow } from '@contract'
import { compliance, covers, daysFrom, mondayOf, parseKey, rectangle, rowOutcomes, sameData, weekTotals } from './calendarModel'

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

describe('calendar model at its edges', () => {
  it('reads a key back by its last colon', () => {
    expect(parseKey('i1:42')).toEqual({ athleteId: 'i1', eventId: 42 })
    expect(parseKey('a:b:7')).toEqual({ athleteId: 'a:b', eventId: 7 })
  })

  it('a one-day event covers its day only, a span from its first to its last day', () => {
    expect(covers(e(1, '2026-12-01'), '2026-12-01')).toBe(true)
    expect(covers(e(1, '2026-12-01'), '2026-12-02')).toBe(false)
    const span = e(2, '2026-12-01', { endDate: '2026-12-03' })
    expect(['2026-11-30', '2026-12-03', '2026-12-04'].map((d) => covers(span, d))).toEqual([false, true, false])
  })

  it('selects nothing when a corner’s athlete is not shown, and one day from the same corner', () => {
    const rows = [row('a', [e(1, '2026-12-01'), e(2, '2026-12-02')])]
    expect(rectangle(rows, ['a'], { athleteId: 'gone', date: '2026-12-01' }, { athleteId: 'a', date: '2026-12-02' })).toEqual([])
    expect(rectangle(rows, ['a'], { athleteId: 'a', date: '2026-12-01' }, { athleteId: 'gone', date: '2026-12-02' })).toEqual([])
    expect(rectangle(rows, ['a'], { athleteId: 'a', date: '2026-12-02' }, { athleteId: 'a', date: '2026-12-02' })).toEqual(['a:2'])
    // A weekday box of one column: the same weekday in each week.
    const weeks = [row('a', [e(3, '2026-12-01'), e(4, '2026-12-08'), e(5, '2026-12-09')])]
    expect(rectangle(weeks, ['a'], { athleteId: 'a', date: '2026-12-08' }, { athleteId: 'a', date: '2026-12-01' }, 'weeks')).toEqual(['a:3', 'a:4'])
  })

  it('totals nothing for a row not loaded, and counts a workout without load or time as zero', () => {
    expect(weekTotals(undefined, '2026-11-30', '2026-12-09')).toEqual({ plannedLoad: 0, plannedSecs: 0, doneLoad: 0, doneSecs: 0, missed: 0 })
    const r = row('a', [e(1, '2026-12-01', { load: null, movingSecs: null }), e(2, '2026-12-02', { load: 10.6 })], [act('x', '2026-12-06', { load: null, movingSecs: null }), act('y', '2026-11-29', { load: 99 }), act('z', '2026-12-07', { load: 99 })])
    expect(weekTotals(r, '2026-11-30', '2026-11-30')).toEqual({ plannedLoad: 11, plannedSecs: 3600, doneLoad: 0, doneSecs: 0, missed: 0 })
  })

  it('has no compliance without a done activity', () => {
    expect(compliance(e(1, '2026-12-01'), undefined)).toBeNull()
    expect(compliance(e(1, '2026-12-01', { load: 100 }), act('a', '2026-12-01', { load: 100, pairedEventId: 1 }))).toEqual({ pct: 100, band: 'good' })
  })

  it('reads a row not loaded as nothing planned or done', () => {
    const o = rowOutcomes(undefined, '2026-12-07')
    expect([o.outcomes.size, o.doneFor.size, o.unplanned, o.lateFor.size]).toEqual([0, 0, [], 0])
  })

  it('keeps the first of two activities intervals.icu paired with one event, and shows the second on its day', () => {
    const r = row('a', [e(1, '2026-12-01', { category: 'RACE_A' })], [act('first', '2026-12-01', { pairedEventId: 1 }), act('second', '2026-12-01', { pairedEventId: 1 })])
    const o = rowOutcomes(r, '2026-12-07')
    expect(o.doneFor.get(1)?.id).toBe('first')
    expect(o.unplanned).toEqual([])
  })

  it('compares answers deeply, telling null, numbers and objects apart', () => {
    expect(sameData(null, null)).toBe(true)
    expect(sameData(null, {})).toBe(false)
    expect(sameData({}, null)).toBe(false)
    expect(sameData(1, 1)).toBe(true)
    expect(sameData(1, 2)).toBe(false)
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(sameData({ a: 1 }, { b: 1 })).toBe(false)
    expect(sameData([1, [2]], [1, [2]])).toBe(true)
    expect(sameData([1, [2]], [1, [3]])).toBe(false)
    expect(sameData([1], [1, 2])).toBe(false)
    expect(sameData({ 0: 1 }, [1])).toBe(false)
  })
})

describe('calendar model: what lies outside a box or a comparison', () => {
  it('a weekday box leaves out the weekend days between its dates', () => {
    // Wednesday 2 to Friday 11 December: Saturday 5 and Sunday 6 are between the dates but not the weekdays.
    const weeks = [row('a', [e(1, '2026-12-05'), e(2, '2026-12-06'), e(3, '2026-12-10')])]
    expect(rectangle(weeks, ['a'], { athleteId: 'a', date: '2026-12-02' }, { athleteId: 'a', date: '2026-12-11' }, 'weeks')).toEqual(['a:3'])
  })

  it('an object is never the same as a number, whichever comes first', () => {
    expect(sameData({}, 1)).toBe(false)
    expect(sameData(1, {})).toBe(false)
    expect(sameData([], 'x')).toBe(false)
  })
})
