import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { CalendarRow } from '@contract'
import { useCalendarStore } from './calendar'

// The store lent to one athlete's month and given back, and the keyboard's rectangle selection,
// against a stand-in bridge that answers every range at once with the events the test set.

let ranges: { athleteIds: string[]; oldest: string; newest: string }[] = []
const ev = (id: number, date: string) => ({ id, date, endDate: null, name: `e${id}` }) as unknown as CalendarRow['events'][number]
const EVENTS: Record<string, CalendarRow['events']> = {
  ann: [ev(1, '2026-12-01'), ev(2, '2026-12-03'), ev(3, '2026-12-08')],
  bob: [ev(4, '2026-12-02'), ev(5, '2026-12-05')],
}

beforeEach(() => {
  ranges = []
  setActivePinia(createPinia())
  window.coachDesk = {
    events: { 'calendar:row': () => () => {}, 'bulk:progress': () => () => {} },
    calendar: {
      range: async (args: { athleteIds: string[]; oldest: string; newest: string }) => {
        ranges.push(args)
        return { ok: true, value: args.athleteIds.map((athleteId) => ({ athleteId, oldest: args.oldest, newest: args.newest, events: EVENTS[athleteId] ?? [], activities: [], error: null })) }
      },
    },
  } as never
})

describe("one athlete's month through the calendar store", () => {
  it('asks for the month’s weeks for that athlete alone, then gives the grid back its athletes, weeks and range without a selection', async () => {
    const cal = useCalendarStore()
    await cal.setWeeks(4)
    await cal.show(['ann', 'bob'], '2026-11-16')
    cal.selectDay('2026-12-02', false)
    const giveBack = cal.borrow()
    expect(cal.selectionCount).toBe(0)
    await cal.showWeeks(['ann'], '2026-11-30', 5)
    expect(ranges.at(-1)).toMatchObject({ athleteIds: ['ann'], oldest: '2026-11-30', newest: '2027-01-03' })
    expect(Object.keys(cal.rows)).toEqual(['ann'])
    cal.selectDay('2026-12-03', false)
    expect(cal.selectionCount).toBe(1)

    giveBack()
    expect(cal.selectionCount).toBe(0)
    expect([cal.athleteIds, cal.start, cal.weeks]).toEqual([['ann', 'bob'], '2026-11-16', 4])
    expect(cal.end).toBe('2026-12-13')
  })
})

describe('Shift+arrows', () => {
  it('select exactly the rectangle from the anchor, replacing what was selected, and keep the anchor', async () => {
    const cal = useCalendarStore()
    await cal.show(['ann', 'bob'], '2026-11-30')
    cal.selectDay('2026-12-08', false)
    cal.selectRectangle({ athleteId: 'ann', date: '2026-12-02' }, { athleteId: 'bob', date: '2026-12-05' })
    expect([...cal.selected].sort()).toEqual(['ann:2', 'bob:4', 'bob:5'])
    // Shrinking back towards the anchor drops what is no longer inside.
    cal.selectRectangle({ athleteId: 'ann', date: '2026-12-02' }, { athleteId: 'ann', date: '2026-12-03' })
    expect(cal.selected).toEqual(['ann:2'])
    expect(cal.anchor).toEqual({ athleteId: 'ann', date: '2026-12-02' })
  })
})
