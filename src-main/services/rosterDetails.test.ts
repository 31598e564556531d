import { afterEach, describe, expect, it } from 'vitest'
import type { CalendarRow } from '../contract/calendar'
import type { RosterList, WeekDetail } from '../contract/schemas'
import { coreHarness, ok, type CoreHarness } from '../testing/core'
import { addDays, mondayOf } from './dates'

// The roster's week details are background work: the coach's view goes first, and leaving the
// roster cancels what is not sent. Real HTTP against the simulator, with the app's real limiter.

let h: CoreHarness
afterEach(() => h?.close())

async function connected(athletes: number, latencyMs: number, limiter: { perSecond: number; burst: number; maxInFlight: number }) {
  h = await coreHarness({ sim: { athletes, latencyMs, rateLimit: false }, core: { limiter } })
  await ok(h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey }))
  const roster = await ok<RosterList>(h.core.invoke('roster:list', {}))
  h.sim.resetRequests()
  return roster.athletes.filter((a) => !a.isSelf)
}

/** The roster's detail requests: this week's workouts, or the single last activity. */
const isDetail = (r: { query: string }) => r.query.includes('category=WORKOUT') || r.query.includes('limit=1')

describe('roster week details', () => {
  it('yield to a calendar opened while they load: it starts at once with the burst, and goes before them', async () => {
    const athletes = await connected(30, 40, { perSecond: 10, burst: 10, maxInFlight: 6 })
    const details = h.core.invoke('roster:weekDetails', { athleteIds: athletes.map((a) => a.id) })
    await new Promise((r) => setTimeout(r, 600))
    expect(h.sim.requests.filter(isDetail).length).toBeGreaterThan(0)
    const ids = athletes.slice(0, 10).map((a) => a.id)
    // Two weeks gone by: one events and one activities request per athlete.
    const from = addDays(mondayOf(athletes[0]!.today), -21)
    const asked = Date.now()
    const rows = await ok<CalendarRow[]>(h.core.invoke('calendar:range', { athleteIds: ids, oldest: from, newest: addDays(from, 13) }))
    expect(rows.every((r) => r.error === null)).toBe(true)
    const log = h.sim.requests
    const calendar = log.filter((r) => !isDetail(r))
    expect(calendar).toHaveLength(20)
    // Background work left all but one token of the burst: eight calendar requests go out at once,
    // where behind the details (first come, first served, an empty bucket) they would take a second.
    expect(calendar[7]!.at - asked).toBeLessThan(500)
    const between = log.slice(log.indexOf(calendar[0]!), log.indexOf(calendar.at(-1)!)).filter(isDetail).length
    expect(between).toBeLessThanOrEqual(2)
    const all = await ok<WeekDetail[]>(details)
    expect(all).toHaveLength(30)
    expect(all.every((d) => d.error === null)).toBe(true)
  })

  it('are cancelled when the coach leaves the roster: nothing more is sent', async () => {
    const athletes = await connected(30, 30, { perSecond: 10, burst: 10, maxInFlight: 6 })
    const details = h.core.invoke('roster:weekDetails', { athleteIds: athletes.map((a) => a.id) })
    // Leave once some details are in, however busy the machine.
    const arrived = () => h.events.filter((e) => e.event === 'roster:detail').length
    for (let waited = 0; arrived() === 0 && waited < 15_000; waited += 20) await new Promise((r) => setTimeout(r, 20))
    expect(await ok(h.core.invoke('roster:cancelDetails', {}))).toEqual({ cancelled: 1 })
    const answer = await details
    expect(answer).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    // Requests already on the wire may still reach the log; after that nothing more is sent.
    await new Promise((r) => setTimeout(r, 200))
    const sentAtCancel = h.sim.requests.length
    await new Promise((r) => setTimeout(r, 600))
    expect(h.sim.requests.length).toBe(sentAtCancel)
    expect(sentAtCancel).toBeLessThan(60)
    // The details that arrived before were reported; the rest were not asked.
    const reported = h.events.filter((e) => e.event === 'roster:detail').length
    expect(reported).toBeGreaterThan(0)
    expect(reported).toBeLessThan(30)
    expect(await ok(h.core.invoke('roster:cancelDetails', {}))).toEqual({ cancelled: 0 })
  })
})
