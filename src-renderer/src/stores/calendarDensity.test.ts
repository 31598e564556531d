import { describe, expect, it } from 'vitest'
import type { CalActivity, CalEvent, CalendarRow } from '@contract'
import { chipVariant, mondaysFrom, weeklyLoad } from './calendarDensity'

function workout(id: number, date: string, load: number | null, extra: Partial<CalEvent> = {}): CalEvent {
  return { id, uid: null, athleteId: 'a', category: 'WORKOUT', date, endDate: null, name: `W${id}`, description: '', type: 'Ride', movingSecs: 3600, load, hidden: false, locked: false, doneActivityId: null, ...extra }
}
function activity(id: string, date: string, load: number | null): CalActivity {
  return { id, athleteId: 'a', date, type: 'Ride', name: '', movingSecs: 3600, load, pairedEventId: null }
}
const row = (events: CalEvent[], activities: CalActivity[]): CalendarRow => ({ athleteId: 'a', oldest: '', newest: '', events, activities, error: null })

describe('calendar density', () => {
  it('draws full chips for one week, compact for two, one line from four', () => {
    expect([1, 2, 4, 12].map((w) => chipVariant(w as 1 | 2 | 4 | 12))).toEqual(['full', 'compact', 'line', 'line'])
  })

  it('lists the Mondays of twelve weeks, across a year end', () => {
    const mondays = mondaysFrom('2026-12-07', 12)
    expect(mondays).toHaveLength(12)
    expect(mondays.slice(0, 5)).toEqual(['2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28', '2027-01-04'])
    expect(mondays.at(-1)).toBe('2027-02-22')
  })

  it('sums planned workouts and done activities per week, notes and other weeks left out', () => {
    const r = row(
      [workout(1, '2026-12-07', 50), workout(2, '2026-12-13', 30.4), workout(3, '2026-12-14', 80), workout(4, '2026-12-08', 99, { category: 'NOTE' }), workout(5, '2026-12-21', null)],
      [activity('i1', '2026-12-08', 45), activity('i2', '2026-12-15', 100), activity('i3', '2026-12-29', 10)],
    )
    const weeks = weeklyLoad(r, ['2026-12-07', '2026-12-14', '2026-12-21'], '2026-12-01')
    expect(weeks.map((w) => [w.monday, w.planned, w.done])).toEqual([
      ['2026-12-07', 80, 45],
      ['2026-12-14', 80, 100],
      ['2026-12-21', 0, 0],
    ])
  })

  it("counts each week's workouts missed by the athlete's today, none in the weeks ahead", () => {
    const r = row([workout(1, '2026-12-07', 50, { type: 'Run' }), workout(2, '2026-12-09', 40), workout(3, '2026-12-15', 60), workout(4, '2026-12-22', 60)], [activity('i1', '2026-12-09', 45)])
    expect(weeklyLoad(r, ['2026-12-07', '2026-12-14', '2026-12-21'], '2026-12-16').map((w) => w.missed)).toEqual([1, 1, 0])
  })

  it("scales bars to the athlete's largest week, planned or done", () => {
    const r = row([workout(1, '2026-12-07', 50), workout(2, '2026-12-14', 200)], [activity('i1', '2026-12-08', 100)])
    const weeks = weeklyLoad(r, ['2026-12-07', '2026-12-14'], '2026-12-01')
    expect(weeks.map((w) => [w.plannedShare, w.doneShare])).toEqual([
      [0.25, 0.5],
      [1, 0],
    ])
  })

  it('gives empty bars, not NaN, to an athlete with nothing planned or done or not loaded yet', () => {
    for (const r of [row([], []), undefined]) {
      expect(weeklyLoad(r, ['2026-12-07'], '2026-12-20')).toEqual([{ monday: '2026-12-07', planned: 0, done: 0, missed: 0, plannedShare: 0, doneShare: 0 }])
    }
  })
})

describe('calendar density at its edges', () => {
  it('lists no Monday for no weeks, and one for one', () => {
    expect(mondaysFrom('2026-12-07', 0)).toEqual([])
    expect(mondaysFrom('2026-12-07', 1)).toEqual(['2026-12-07'])
  })

  it("scales to the athlete's largest done week when done outweighs planned", () => {
    const r = row([workout(1, '2026-12-07', 40)], [activity('i1', '2026-12-14', 80)])
    expect(weeklyLoad(r, ['2026-12-07', '2026-12-14'], '2026-12-01').map((w) => [w.plannedShare, w.doneShare])).toEqual([
      [0.5, 0],
      [0, 1],
    ])
  })
})
