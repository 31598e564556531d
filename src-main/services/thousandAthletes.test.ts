import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CalendarRow } from '../contract/calendar'
import { chunksOf, MAX_DETAIL_ATHLETES, MAX_RANGE_ATHLETES } from '../contract/limits'
import type { RosterList, WeekDetail } from '../contract/schemas'
import { coreHarness, ok, type CoreHarness } from '../testing/core'
import { addDays, maxDate, mondayOf } from './dates'

// A club of a thousand coached athletes, end to end through the core: the roster in two requests,
// every athlete's details and calendar row through calls no longer than the contract takes, sent
// in chunks side by side as the window sends them. Nothing rejected, nothing silently dropped.

const ATHLETES = 1000
let h: CoreHarness
let roster: RosterList

beforeAll(async () => {
  h = await coreHarness({ sim: { athletes: ATHLETES, rateLimit: false }, core: { limiter: { perSecond: 5000, burst: 5000, maxInFlight: 16 } } })
  await ok(h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey }))
  h.sim.resetRequests()
  roster = await ok<RosterList>(h.core.invoke('roster:list', {}))
}, 120_000)
afterAll(() => h?.close())

const coached = () => roster.athletes.filter((a) => !a.isSelf).map((a) => a.id)

describe(`a roster of ${ATHLETES} athletes`, () => {
  it('lists every athlete in two requests', () => {
    expect(roster.athletes).toHaveLength(ATHLETES + 1)
    expect(h.sim.requests).toHaveLength(2)
  })

  it('gets every athlete’s week details, two requests each, in chunks of at most 500', async () => {
    h.sim.resetRequests()
    const ids = coached()
    const chunks = chunksOf(ids, MAX_DETAIL_ATHLETES)
    expect(chunks).toHaveLength(2)
    const details = (await Promise.all(chunks.map((athleteIds) => ok<WeekDetail[]>(h.core.invoke('roster:weekDetails', { athleteIds }))))).flat()
    expect(details.map((d) => d.athleteId)).toEqual(ids)
    expect(details.filter((d) => d.error !== null)).toEqual([])
    expect(h.sim.requests).toHaveLength(2 * ATHLETES)
    expect(h.sim.requests.every((r) => r.status === 200)).toBe(true)
  }, 120_000)

  it('refuses one call longer than the contract takes with a clear error, and sends nothing', async () => {
    h.sim.resetRequests()
    const r = await h.core.invoke('calendar:range', { athleteIds: coached().slice(0, MAX_RANGE_ATHLETES + 1), oldest: '2026-01-05', newest: '2026-01-11' })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(h.sim.requests).toHaveLength(0)
  })

  it('shows every athlete’s calendar row, one request each for a week ahead, in chunks of at most 200', async () => {
    h.sim.resetRequests()
    const ids = coached()
    const monday = addDays(mondayOf(maxDate(roster.athletes.map((a) => a.today))), 7)
    const chunks = chunksOf(ids, MAX_RANGE_ATHLETES)
    expect(chunks).toHaveLength(5)
    const rows = (
      await Promise.all(chunks.map((athleteIds) => ok<CalendarRow[]>(h.core.invoke('calendar:range', { athleteIds, oldest: monday, newest: addDays(monday, 6) }))))
    ).flat()
    expect(rows.map((r) => r.athleteId)).toEqual(ids)
    expect(rows.filter((r) => r.error !== null)).toEqual([])
    expect(h.sim.requests).toHaveLength(ATHLETES)
    expect(h.events.filter((e) => e.event === 'calendar:row').length).toBeGreaterThanOrEqual(ATHLETES)
    // Rows hold what the server holds for that week.
    const sample = ids[777]!
    const server = h.sim.state.athlete(sample)!.events.filter((e) => {
      const d = (e.start_date_local ?? '').slice(0, 10)
      return d >= monday && d <= addDays(monday, 6)
    })
    expect(rows[777]!.events.map((e) => e.id).sort()).toEqual(server.map((e) => e.id).sort())
  }, 120_000)
})
