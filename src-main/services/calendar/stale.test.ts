import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CalendarRow } from '../../contract/calendar'
import type { RosterList } from '../../contract/schemas'
import { coreHarness, ok, type CoreHarness } from '../../testing/core'
import { addDays, athleteToday, mondayOf } from '../dates'

// A refresh that fails keeps the last good data, marked stale with the time it was loaded, instead of an
// empty row that reads as "nothing planned".

describe('a failed refresh of the calendar', () => {
  let h: CoreHarness
  let clock = new Date('2026-12-03T09:41:00Z')
  beforeEach(async () => {
    clock = new Date('2026-12-03T09:41:00Z')
    h = await coreHarness({ core: { now: () => clock } })
    await ok(h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey }))
  })
  afterEach(() => h.close())

  it('keeps each row’s events, says when they were loaded and why the refresh failed; a later refresh clears it', async () => {
    const roster = await ok<RosterList>(h.core.invoke('roster:list', {}))
    const ids = roster.athletes.filter((a) => !a.isSelf).slice(0, 3).map((a) => a.id)
    const oldest = mondayOf(athleteToday('Europe/London', new Date()))
    const range = { athleteIds: ids, oldest, newest: addDays(oldest, 13) }
    const first = await ok<CalendarRow[]>(h.core.invoke('calendar:range', range))
    expect(first.every((r) => r.loadedAt === '2026-12-03T09:41:00.000Z' && !r.stale)).toBe(true)
    expect(first.some((r) => r.events.length > 0)).toBe(true)

    clock = new Date('2026-12-03T10:05:00Z')
    h.sim.addFault({ method: 'GET', path: /\/events$/, status: 403, body: { status: 403, error: 'Access denied' } })
    const failed = await ok<CalendarRow[]>(h.core.invoke('calendar:range', { ...range, refresh: true }))
    for (const [i, row] of failed.entries()) {
      expect(row.error).toBeNull()
      expect(row.stale).toMatchObject({ code: 'FORBIDDEN' })
      expect(row.loadedAt).toBe('2026-12-03T09:41:00.000Z')
      expect(row.events.map((e) => e.id)).toEqual(first[i]!.events.map((e) => e.id))
    }

    h.sim.clearFaults()
    const back = await ok<CalendarRow[]>(h.core.invoke('calendar:range', { ...range, refresh: true }))
    expect(back.every((r) => !r.stale && r.loadedAt === '2026-12-03T10:05:00.000Z')).toBe(true)
  })

  it('with nothing loaded before, a failure is an error row, not an empty calendar', async () => {
    const roster = await ok<RosterList>(h.core.invoke('roster:list', {}))
    const id = roster.athletes.find((a) => !a.isSelf)!.id
    h.sim.addFault({ method: 'GET', path: /\/events$/, status: 403, body: { status: 403, error: 'Access denied' } })
    const [row] = await ok<CalendarRow[]>(h.core.invoke('calendar:range', { athleteIds: [id], oldest: '2026-11-30', newest: '2026-12-13' }))
    expect(row!.error).toMatchObject({ code: 'FORBIDDEN' })
    expect(row!.stale ?? null).toBeNull()
  })
})
