import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { CalendarRow } from '@contract'
import { useCalendarStore } from './calendar'

// The ranges the calendar asks for at each density, against a stand-in bridge that records them.

let asked: { oldest: string; newest: string; athleteIds: string[] }[] = []

beforeEach(() => {
  asked = []
  localStorage.clear()
  setActivePinia(createPinia())
  window.coachDesk = {
    events: { 'calendar:row': () => () => {}, 'bulk:progress': () => () => {} },
    calendar: {
      range: (args: { oldest: string; newest: string; athleteIds: string[] }) => {
        asked.push(args)
        const rows: CalendarRow[] = args.athleteIds.map((athleteId) => ({ athleteId, oldest: args.oldest, newest: args.newest, events: [], activities: [], error: null }))
        return Promise.resolve({ ok: true, value: rows })
      },
    },
  } as never
})

describe('calendar densities', () => {
  it('asks twelve weeks in one range per call, and keeps twelve while moving a week', async () => {
    const cal = useCalendarStore()
    await cal.show(['i1', 'i2'], '2026-12-09')
    await cal.setWeeks(12)
    expect(asked.at(-1)).toEqual({ athleteIds: ['i1', 'i2'], oldest: '2026-12-07', newest: '2027-02-28', refresh: false })
    await cal.move(1)
    expect(cal.weeks).toBe(12)
    expect(asked.at(-1)).toMatchObject({ oldest: '2026-12-14', newest: '2027-03-07' })
    expect(asked).toHaveLength(3)
  })

  it("opens an overview's week alone, or four weeks from it", async () => {
    const cal = useCalendarStore()
    await cal.show(['i1'], '2026-12-07')
    await cal.setWeeks(12)
    await cal.openWeek('2027-01-18', 1)
    expect([cal.weeks, cal.start, cal.end]).toEqual([1, '2027-01-18', '2027-01-24'])
    expect(asked.at(-1)).toMatchObject({ oldest: '2027-01-18', newest: '2027-01-24' })
    await cal.openWeek('2027-01-25', 4)
    expect([cal.weeks, cal.start, cal.end]).toEqual([4, '2027-01-25', '2027-02-21'])
  })
})

describe('the density after a restart', () => {
  it('opens at the density last chosen, or at the four weeks opened from the overview', async () => {
    expect(useCalendarStore().weeks).toBe(2)
    await useCalendarStore().setWeeks(12)
    // A restart: a new window, a new store, the same computer.
    setActivePinia(createPinia())
    expect(useCalendarStore().weeks).toBe(12)
    await useCalendarStore().openWeek('2027-01-25', 4)
    setActivePinia(createPinia())
    expect(useCalendarStore().weeks).toBe(4)
  })

  it("keeps the grid's density, not the span of an athlete's month", async () => {
    const cal = useCalendarStore()
    await cal.setWeeks(1)
    const giveBack = cal.borrow()
    await cal.showWeeks(['i1'], '2026-11-30', 5)
    giveBack()
    setActivePinia(createPinia())
    expect(useCalendarStore().weeks).toBe(1)
  })

  it('falls back to two weeks for a kept value it does not know', () => {
    for (const kept of ['{"weeks":5}', '{"weeks":"4"}', '{not json', 'null']) {
      localStorage.setItem('coachDesk.calendar', kept)
      setActivePinia(createPinia())
      expect(useCalendarStore().weeks, kept).toBe(2)
    }
  })
})
