import { afterEach, describe, expect, it } from 'vitest'
import type { BulkPlan, BulkReport, CalendarRow } from '../../contract/calendar'
import type { RosterList } from '../../contract/schemas'
import { profilesFor, type SimOptions } from '../../sim'
import { coreHarness, ok, type CoreHarness } from '../../testing/core'
import { addDays, athleteToday, maxDate, mondayOf } from '../dates'

// What the calendar costs in requests: each pinned here, against the simulator's request log.

let h: CoreHarness
afterEach(() => h?.close())

async function connected(sim: SimOptions = {}, now?: () => Date): Promise<RosterList> {
  h = await coreHarness({ sim, core: now ? { now } : {} })
  await ok(h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey }))
  return ok<RosterList>(h.core.invoke('roster:list', {}))
}

const writers = (roster: RosterList, n: number) => roster.athletes.filter((a) => !a.isSelf && a.permission === 'WRITE').slice(0, n)
/** The Monday after every athlete's today: wholly ahead for each of them. */
const aheadOfAll = (roster: RosterList) => addDays(mondayOf(maxDate(roster.athletes.map((a) => a.today))), 7)
const range = (athleteIds: string[], oldest: string, weeks: number) =>
  ok<CalendarRow[]>(h.core.invoke('calendar:range', { athleteIds, oldest, newest: addDays(oldest, weeks * 7 - 1) }))
const athleteOf = (path: string) => /athlete\/(i\d+)\//.exec(path)?.[1]
const kinds = () => h.sim.requests.map((r) => `${r.method} ${r.path.split('/').at(-1)}`)

describe('weeks after the athlete’s today', () => {
  it('cost one events request per athlete: no activities request, since nothing can be done there yet', async () => {
    const roster = await connected({ athletes: 8 })
    const ids = writers(roster, 6).map((a) => a.id)
    h.sim.resetRequests()
    const rows = await range(ids, aheadOfAll(roster), 2)
    expect(h.sim.requests).toHaveLength(ids.length)
    expect(kinds().every((k) => k === 'GET events')).toBe(true)
    expect(new Set(h.sim.requests.map((r) => athleteOf(r.path)))).toEqual(new Set(ids))
    expect(rows.every((r) => r.error === null && r.activities.length === 0)).toBe(true)
    expect(rows.some((r) => r.events.length > 0)).toBe(true)
  })

  it('still ask for activities in a week that holds the athlete’s today', async () => {
    const roster = await connected({ athletes: 4 })
    const a = writers(roster, 1)[0]!
    h.sim.resetRequests()
    await range([a.id], mondayOf(a.today), 1)
    expect(kinds().sort()).toEqual(['GET activities', 'GET events'])
  })

  it('ask for activities once such a week has begun, though it was loaded while ahead', async () => {
    let clock = Date.now()
    const roster = await connected({ athletes: 4 }, () => new Date(clock))
    const a = writers(roster, 1)[0]!
    const next = addDays(mondayOf(a.today), 7)
    h.sim.resetRequests()
    await range([a.id], next, 1)
    expect(kinds()).toEqual(['GET events'])
    // A week later the athlete's today lies in that week: what was done there must be asked.
    clock += 7 * 86_400_000
    expect(athleteToday(a.timezone, new Date(clock)) >= next).toBe(true)
    h.sim.resetRequests()
    await range([a.id], next, 1)
    expect(kinds().sort()).toEqual(['GET activities', 'GET events'])
    h.sim.resetRequests()
    await range([a.id], next, 1)
    expect(h.sim.requests).toHaveLength(0)
  })
})

describe('quick week switching', () => {
  it('never sends the same athlete and week twice: a week on its way is waited for, not asked again', async () => {
    const roster = await connected({ athletes: 6, latencyMs: 60 })
    const ids = writers(roster, 5).map((a) => a.id)
    const w = aheadOfAll(roster)
    h.sim.resetRequests()
    // Two weeks, then (before the answer) one week on: the shared week goes once.
    const [first, second] = await Promise.all([range(ids, w, 2), range(ids, addDays(w, 7), 2)])
    const events = h.sim.requests.filter((r) => r.path.endsWith('/events'))
    expect(events).toHaveLength(2 * ids.length)
    for (const id of ids) {
      const mine = events.map((r) => new URLSearchParams(r.query)).filter((_, i) => athleteOf(events[i]!.path) === id)
      const spans = mine.map((q) => [q.get('oldest')!, q.get('newest')!]).sort()
      expect(spans).toEqual([
        [w, addDays(w, 13)],
        [addDays(w, 14), addDays(w, 20)],
      ])
    }
    // Both views got whole rows: the shared week's events are in both.
    for (const id of ids) {
      const a = first.find((r) => r.athleteId === id)!
      const b = second.find((r) => r.athleteId === id)!
      const shared = (r: CalendarRow) => r.events.filter((e) => e.date >= addDays(w, 7) && e.date <= addDays(w, 13)).map((e) => e.id).sort()
      expect(shared(b)).toEqual(shared(a))
      const server = h.sim.state.athlete(id)!.events.filter((e) => {
        const d = (e.start_date_local ?? '').slice(0, 10)
        return d >= addDays(w, 7) && d <= addDays(w, 20)
      })
      expect(b.events.map((e) => e.id).sort()).toEqual(server.map((e) => e.id).sort())
    }
  })
})

describe.each(profilesFor(['rangePut']))('a bulk hide end to end under $name', ({ profile }) => {
  it('costs 2 requests per athlete in all, holidays inside the weeks too: one read and one range PUT, as previewed', async () => {
    const roster = await connected({ athletes: 8, profile })
    const ids = writers(roster, 6).map((a) => a.id)
    const w = aheadOfAll(roster)
    const loaded = await range(ids, w, 4)
    h.sim.resetRequests()
    const plan = await ok<BulkPlan>(
      h.core.invoke('calendar:planBulk', { selection: { ranges: ids.map((athleteId) => ({ athleteId, oldest: w, newest: addDays(w, 27) })) }, action: { kind: 'hide' } }),
    )
    expect(h.sim.requests).toHaveLength(0)
    const report = await ok<BulkReport>(h.core.invoke('calendar:applyBulk', { planId: plan.planId }))
    expect(report.failed).toBe(0)
    const applied = h.sim.requests.length
    const rows = await range(ids, w, 4)
    expect(h.sim.requests).toHaveLength(applied)
    expect(applied).toBe(plan.requests)
    expect(applied).toBe(2 * ids.length)
    // Some athlete's weeks hold an event of several days (a holiday) among those hidden.
    const multiDay = loaded.filter((r) => r.events.some((e) => e.endDate !== null && e.date >= w && !e.hidden)).map((r) => r.athleteId)
    expect(multiDay.length).toBeGreaterThan(0)
    for (const id of ids) {
      expect(h.sim.requests.filter((r) => athleteOf(r.path) === id).map((r) => `${r.method} ${r.path.split('/').at(-1)}`)).toEqual(['GET events', 'PUT events'])
    }
    // What the calendar shows is what intervals.icu now holds: every planned event hidden.
    expect(plan.changes.length).toBeGreaterThan(ids.length)
    for (const c of plan.changes) {
      const server = h.sim.state.athlete(c.athleteId)!.events.find((e) => e.id === c.eventId)!
      expect(server.hide_from_athlete).toBe(true)
      const shown = rows.find((r) => r.athleteId === c.athleteId)!.events.find((e) => e.id === c.eventId)!
      expect(shown.hidden).toBe(true)
    }
    // And nothing else changed: an event before the weeks (a holiday reaching into them too) keeps its flag.
    const before = new Map(loaded.flatMap((r) => r.events.filter((e) => e.date < w).map((e) => [e.id, e.hidden] as const)))
    for (const r of rows) for (const e of r.events.filter((x) => x.date < w)) expect(e.hidden).toBe(before.get(e.id))
  })
})
