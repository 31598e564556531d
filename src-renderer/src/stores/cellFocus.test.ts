import { describe, expect, it } from 'vitest'
import type { CalendarRow } from '@contract'
import { directionOf, nextCell, nextEventIndex, selectionShape, startCell } from './cellFocus'
import { daysFrom, rectangle } from './calendarModel'

const ids = ['ann', 'bob', 'cid']
const twoWeeks = daysFrom('2026-11-30', 14)
// A month of December 2026: Monday 30 November to Sunday 3 January.
const month = daysFrom('2026-11-30', 35)

describe('arrows in the grid across athletes', () => {
  it('left and right move a day, up and down an athlete, keeping the day', () => {
    const at = { athleteId: 'bob', date: '2026-12-02' }
    expect(nextCell('athletes', at, 'left', ids, twoWeeks)).toEqual({ athleteId: 'bob', date: '2026-12-01' })
    expect(nextCell('athletes', at, 'right', ids, twoWeeks)).toEqual({ athleteId: 'bob', date: '2026-12-03' })
    expect(nextCell('athletes', at, 'up', ids, twoWeeks)).toEqual({ athleteId: 'ann', date: '2026-12-02' })
    expect(nextCell('athletes', at, 'down', ids, twoWeeks)).toEqual({ athleteId: 'cid', date: '2026-12-02' })
  })

  it('crosses from Sunday to Monday of the next week shown', () => {
    expect(nextCell('athletes', { athleteId: 'ann', date: '2026-12-06' }, 'right', ids, twoWeeks).date).toBe('2026-12-07')
  })

  it('stays on the edge: first and last day, first and last athlete', () => {
    expect(nextCell('athletes', { athleteId: 'ann', date: '2026-11-30' }, 'left', ids, twoWeeks)).toEqual({ athleteId: 'ann', date: '2026-11-30' })
    expect(nextCell('athletes', { athleteId: 'ann', date: '2026-12-13' }, 'right', ids, twoWeeks)).toEqual({ athleteId: 'ann', date: '2026-12-13' })
    expect(nextCell('athletes', { athleteId: 'ann', date: '2026-12-01' }, 'up', ids, twoWeeks).athleteId).toBe('ann')
    expect(nextCell('athletes', { athleteId: 'cid', date: '2026-12-01' }, 'down', ids, twoWeeks).athleteId).toBe('cid')
  })

  it('a focus on an athlete no longer shown lands on the first athlete', () => {
    expect(nextCell('athletes', { athleteId: 'gone', date: '2026-12-01' }, 'down', ids, twoWeeks)).toEqual({ athleteId: 'ann', date: '2026-12-01' })
  })
})

describe('arrows in one athlete month', () => {
  it('up and down move a week, left and right a day across week rows', () => {
    const at = { athleteId: 'ann', date: '2026-12-09' }
    expect(nextCell('month', at, 'up', ids, month).date).toBe('2026-12-02')
    expect(nextCell('month', at, 'down', ids, month).date).toBe('2026-12-16')
    expect(nextCell('month', { athleteId: 'ann', date: '2026-12-13' }, 'right', ids, month).date).toBe('2026-12-14')
    expect(nextCell('month', { athleteId: 'ann', date: '2026-12-14' }, 'left', ids, month).date).toBe('2026-12-13')
  })

  it('does not leave the weeks shown', () => {
    expect(nextCell('month', { athleteId: 'ann', date: '2026-12-02' }, 'up', ids, month).date).toBe('2026-12-02')
    expect(nextCell('month', { athleteId: 'ann', date: '2026-12-30' }, 'down', ids, month).date).toBe('2026-12-30')
    expect(nextCell('month', { athleteId: 'ann', date: '2027-01-03' }, 'right', ids, month).date).toBe('2027-01-03')
  })
})

describe('arrows in the four-week grid, a month per athlete', () => {
  // Four weeks from Monday 30 November: the last line is Monday 21 to Sunday 27 December.
  const fourWeeks = daysFrom('2026-11-30', 28)

  it('left and right move a day and cross from Sunday to the next line, up and down a week', () => {
    const at = { athleteId: 'bob', date: '2026-12-09' }
    expect(nextCell('athleteMonths', at, 'up', ids, fourWeeks)).toEqual({ athleteId: 'bob', date: '2026-12-02' })
    expect(nextCell('athleteMonths', at, 'down', ids, fourWeeks)).toEqual({ athleteId: 'bob', date: '2026-12-16' })
    expect(nextCell('athleteMonths', { athleteId: 'bob', date: '2026-12-06' }, 'right', ids, fourWeeks)).toEqual({ athleteId: 'bob', date: '2026-12-07' })
    expect(nextCell('athleteMonths', { athleteId: 'bob', date: '2026-12-07' }, 'left', ids, fourWeeks)).toEqual({ athleteId: 'bob', date: '2026-12-06' })
  })

  it("down from an athlete's last week goes to the next athlete's first week, on the same weekday; up the other way", () => {
    expect(nextCell('athleteMonths', { athleteId: 'ann', date: '2026-12-23' }, 'down', ids, fourWeeks)).toEqual({ athleteId: 'bob', date: '2026-12-02' })
    expect(nextCell('athleteMonths', { athleteId: 'bob', date: '2026-12-02' }, 'up', ids, fourWeeks)).toEqual({ athleteId: 'ann', date: '2026-12-23' })
    expect(nextCell('athleteMonths', { athleteId: 'bob', date: '2026-11-30' }, 'up', ids, fourWeeks)).toEqual({ athleteId: 'ann', date: '2026-12-21' })
  })

  it('stays on the first and last athlete, and left and right do not wrap to another athlete', () => {
    expect(nextCell('athleteMonths', { athleteId: 'ann', date: '2026-12-03' }, 'up', ids, fourWeeks)).toEqual({ athleteId: 'ann', date: '2026-12-03' })
    expect(nextCell('athleteMonths', { athleteId: 'cid', date: '2026-12-24' }, 'down', ids, fourWeeks)).toEqual({ athleteId: 'cid', date: '2026-12-24' })
    expect(nextCell('athleteMonths', { athleteId: 'bob', date: '2026-12-27' }, 'right', ids, fourWeeks)).toEqual({ athleteId: 'bob', date: '2026-12-27' })
    expect(nextCell('athleteMonths', { athleteId: 'bob', date: '2026-11-30' }, 'left', ids, fourWeeks)).toEqual({ athleteId: 'bob', date: '2026-11-30' })
  })

  it('with Shift (one athlete selection) up and down stop at the athlete edges', () => {
    const keep = { keepAthlete: true }
    expect(nextCell('athleteMonths', { athleteId: 'ann', date: '2026-12-23' }, 'down', ids, fourWeeks, keep)).toEqual({ athleteId: 'ann', date: '2026-12-23' })
    expect(nextCell('athleteMonths', { athleteId: 'bob', date: '2026-12-02' }, 'up', ids, fourWeeks, keep)).toEqual({ athleteId: 'bob', date: '2026-12-02' })
    expect(nextCell('athleteMonths', { athleteId: 'bob', date: '2026-12-02' }, 'down', ids, fourWeeks, keep)).toEqual({ athleteId: 'bob', date: '2026-12-09' })
    // The grid across athletes ignores it: Shift+Down there goes on to the next athlete.
    expect(nextCell('athletes', { athleteId: 'ann', date: '2026-12-02' }, 'down', ids, fourWeeks, keep).athleteId).toBe('bob')
  })

  it('a focus on an athlete no longer shown lands on the first athlete', () => {
    expect(nextCell('athleteMonths', { athleteId: 'gone', date: '2026-12-09' }, 'down', ids, fourWeeks)).toEqual({ athleteId: 'ann', date: '2026-12-09' })
  })
})

describe('keys and the starting cell', () => {
  it('reads only the four arrows', () => {
    expect(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'a'].map(directionOf)).toEqual(['left', 'right', 'up', 'down', null, null])
  })

  it('starts on the first athlete today, or the first day when today is not shown', () => {
    expect(startCell(null, ids, twoWeeks, '2026-12-03')).toEqual({ athleteId: 'ann', date: '2026-12-03' })
    expect(startCell(null, ids, twoWeeks, '2027-03-01')).toEqual({ athleteId: 'ann', date: '2026-11-30' })
    expect(startCell(null, [], twoWeeks, '2026-12-03')).toBeNull()
  })

  it('keeps a cell still shown, and the athlete when only the weeks changed', () => {
    expect(startCell({ athleteId: 'cid', date: '2026-12-05' }, ids, twoWeeks, '2026-12-03')).toEqual({ athleteId: 'cid', date: '2026-12-05' })
    expect(startCell({ athleteId: 'cid', date: '2026-10-05' }, ids, twoWeeks, '2026-12-03')).toEqual({ athleteId: 'cid', date: '2026-12-03' })
  })
})

describe('the rectangle Shift+arrows select', () => {
  const ev = (id: number, date: string) => ({ id, date }) as CalendarRow['events'][number]
  const rows = [
    { athleteId: 'ann', events: [ev(1, '2026-12-01'), ev(2, '2026-12-04'), ev(3, '2026-12-09')] },
    { athleteId: 'bob', events: [ev(4, '2026-12-02'), ev(5, '2026-12-06')] },
    { athleteId: 'cid', events: [ev(6, '2026-12-03')] },
  ] as CalendarRow[]

  it('in the grid: the athletes between anchor and focus and the days between, whichever way it was drawn', () => {
    const keys = rectangle(rows, ids, { athleteId: 'bob', date: '2026-12-05' }, { athleteId: 'ann', date: '2026-12-02' })
    expect(keys.sort()).toEqual(['ann:2', 'bob:4'])
  })

  it('in the four-week grid: the box of weekdays between the corners, in each week between', () => {
    // Anchor Wednesday 2 December, corner Friday 11 December: Wed to Fri of both weeks, not Monday 7 or Tuesday 1.
    const more = [{ athleteId: 'ann', events: [ev(1, '2026-12-01'), ev(2, '2026-12-04'), ev(3, '2026-12-09'), ev(7, '2026-12-07'), ev(8, '2026-12-11'), ev(9, '2026-12-12')] }] as CalendarRow[]
    expect(rectangle(more, ['ann'], { athleteId: 'ann', date: '2026-12-02' }, { athleteId: 'ann', date: '2026-12-11' }, 'weeks').sort()).toEqual(['ann:2', 'ann:3', 'ann:8'])
    // Drawn the other way (Friday of the first week to Wednesday of the second) it is the same box.
    expect(rectangle(more, ['ann'], { athleteId: 'ann', date: '2026-12-04' }, { athleteId: 'ann', date: '2026-12-09' }, 'weeks').sort()).toEqual(['ann:2', 'ann:3'])
    // The same corners as dates in a line take every day between.
    expect(rectangle(more, ['ann'], { athleteId: 'ann', date: '2026-12-02' }, { athleteId: 'ann', date: '2026-12-11' }).sort()).toEqual(['ann:2', 'ann:3', 'ann:7', 'ann:8'])
  })

  it("in one athlete's month, as in four weeks: the box of weekdays drawn, not every date between", () => {
    // Anchor Tuesday 1 December, corner Wednesday 9 December: Tue and Wed of both weeks, not Friday 4 December.
    const corners = [{ athleteId: 'ann', date: '2026-12-01' }, { athleteId: 'ann', date: '2026-12-09' }] as const
    expect(selectionShape('month')).toBe(selectionShape('athleteMonths'))
    expect(rectangle(rows, ['ann'], ...corners, selectionShape('month')).sort()).toEqual(['ann:1', 'ann:3'])
    // The grid across athletes takes every date between the same corners.
    expect(rectangle(rows, ['ann'], ...corners, selectionShape('athletes')).sort()).toEqual(['ann:1', 'ann:2', 'ann:3'])
  })
})

describe('arrows at the edges of what is shown', () => {
  const twoWeeks = daysFrom('2026-11-30', 14)
  const fourWeeks = daysFrom('2026-11-30', 28)

  it('stays put when no day is shown', () => {
    const at = { athleteId: 'ann', date: '2026-12-02' }
    for (const layout of ['athletes', 'month', 'athleteMonths'] as const) expect(nextCell(layout, at, 'down', ids, [])).toBe(at)
  })

  it('in the grid, brings a focus outside the days shown back inside, moving or not', () => {
    expect(nextCell('athletes', { athleteId: 'ann', date: '2026-11-20' }, 'right', ids, twoWeeks)).toEqual({ athleteId: 'ann', date: '2026-11-30' })
    expect(nextCell('athletes', { athleteId: 'ann', date: '2026-12-20' }, 'left', ids, twoWeeks)).toEqual({ athleteId: 'ann', date: '2026-12-13' })
    expect(nextCell('athletes', { athleteId: 'ann', date: '2026-12-20' }, 'down', ids, twoWeeks)).toEqual({ athleteId: 'bob', date: '2026-12-13' })
    expect(nextCell('athletes', { athleteId: 'gone', date: '2026-11-01' }, 'up', ids, twoWeeks)).toEqual({ athleteId: 'ann', date: '2026-11-30' })
    expect(nextCell('athletes', { athleteId: 'gone', date: '2026-12-01' }, 'up', [], twoWeeks)).toEqual({ athleteId: 'gone', date: '2026-12-01' })
  })

  it('in a month, left and right stop at the first and last day shown', () => {
    expect(nextCell('month', { athleteId: 'ann', date: '2026-11-30' }, 'left', ids, month).date).toBe('2026-11-30')
    expect(nextCell('month', { athleteId: 'ann', date: '2026-12-01' }, 'left', ids, month).date).toBe('2026-11-30')
    expect(nextCell('month', { athleteId: 'ann', date: '2026-12-27' }, 'down', ids, month).date).toBe('2027-01-03')
    expect(nextCell('month', { athleteId: 'ann', date: '2026-12-07' }, 'up', ids, month).date).toBe('2026-11-30')
  })

  it('in the four-week grid, a focus outside the days shown comes back to the nearest day first', () => {
    expect(nextCell('athleteMonths', { athleteId: 'bob', date: '2026-11-20' }, 'right', ids, fourWeeks)).toEqual({ athleteId: 'bob', date: '2026-12-01' })
    expect(nextCell('athleteMonths', { athleteId: 'bob', date: '2027-01-20' }, 'left', ids, fourWeeks)).toEqual({ athleteId: 'bob', date: '2026-12-26' })
    expect(nextCell('athleteMonths', { athleteId: 'bob', date: '2027-01-20' }, 'right', ids, fourWeeks)).toEqual({ athleteId: 'bob', date: '2026-12-27' })
    expect(nextCell('athleteMonths', { athleteId: 'gone', date: '2026-11-01' }, 'up', ids, fourWeeks)).toEqual({ athleteId: 'ann', date: '2026-11-30' })
    expect(nextCell('athleteMonths', { athleteId: 'gone', date: '2027-02-01' }, 'up', [], fourWeeks)).toEqual({ athleteId: 'gone', date: '2026-12-27' })
  })

  it('in the four-week grid, the last week’s Sunday goes down to the next athlete’s first Sunday', () => {
    expect(nextCell('athleteMonths', { athleteId: 'ann', date: '2026-12-27' }, 'down', ids, fourWeeks)).toEqual({ athleteId: 'bob', date: '2026-12-06' })
    expect(nextCell('athleteMonths', { athleteId: 'bob', date: '2026-12-06' }, 'up', ids, fourWeeks)).toEqual({ athleteId: 'ann', date: '2026-12-27' })
    expect(nextCell('athleteMonths', { athleteId: 'bob', date: '2026-12-13' }, 'up', ids, fourWeeks)).toEqual({ athleteId: 'bob', date: '2026-12-06' })
    expect(nextCell('athleteMonths', { athleteId: 'bob', date: '2026-12-20' }, 'down', ids, fourWeeks)).toEqual({ athleteId: 'bob', date: '2026-12-27' })
  })

  it('starts nowhere without days, and on the first athlete when the focused one left', () => {
    expect(startCell(null, ids, [], '2026-12-03')).toBeNull()
    expect(startCell({ athleteId: 'gone', date: '2026-12-05' }, ids, twoWeeks, null)).toEqual({ athleteId: 'ann', date: '2026-11-30' })
    expect(startCell({ athleteId: 'bob', date: '2026-12-05' }, ['ann'], twoWeeks, '2026-12-03')).toEqual({ athleteId: 'ann', date: '2026-12-03' })
  })
})

describe('Alt+Up and Alt+Down within the focused day', () => {
  it('go round the day (-1) and its events: down from the day to the first, up from the day to the last', () => {
    expect([-1, 0, 1, 2].map((i) => nextEventIndex(i, 3, 'down'))).toEqual([0, 1, 2, -1])
    expect([-1, 0, 1, 2].map((i) => nextEventIndex(i, 3, 'up'))).toEqual([2, -1, 0, 1])
  })

  it('keep the focus on a day without events', () => {
    expect(nextEventIndex(-1, 0, 'down')).toBe(-1)
    expect(nextEventIndex(-1, 0, 'up')).toBe(-1)
  })
})
