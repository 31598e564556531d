import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { CalendarRow } from '../../contract/calendar'
import { IcuHttp } from '../../icu/http'
import { RateLimiter } from '../../icu/limiter'
import type { Event } from '../../icu/types'
import { silentLogger } from '../../log'
import { startSim, type SimHandle } from '../../sim'
import type { Activity, CalendarEvent } from '../../sim/types'
import type { ServiceDeps } from '../deps'
import { CalendarLoader, weeksCovering } from './load'

/**
 * The calendar's weeks by athlete against the simulator, on calendars laid out by hand: what is
 * asked (the simulator's request log), what is cached, and the rows the window gets. 1 March 2027
 * is a Monday.
 */
const A = 'i100001'
const B = 'i100002'
const W1 = '2027-03-01'
const W2 = '2027-03-08'
const W3 = '2027-03-15'

let sim: SimHandle
let session: { generation: number; http: () => IcuHttp }
let today: string | null
let loader: CalendarLoader
const NOW = new Date('2027-03-03T08:00:00Z')
let clock = NOW

beforeAll(async () => {
  sim = await startSim({ athletes: 2, rateLimit: false })
  const http = new IcuHttp({ baseUrl: sim.url, apiKey: () => sim.apiKey, limiter: new RateLimiter({ perSecond: 1000, burst: 1000, maxInFlight: 8 }), log: silentLogger, timeoutMs: 2_000, maxAttempts: 1 })
  session = { generation: 0, http: () => http }
})
afterAll(() => sim.close())
beforeEach(() => {
  sim.clearFaults()
  sim.setLatency(0)
  for (const id of [A, B]) {
    sim.state.athlete(id)!.events = []
    sim.state.athlete(id)!.activities = []
  }
  today = null
  clock = NOW
  loader = new CalendarLoader({ session: session as unknown as ServiceDeps['session'], now: () => clock }, () => today)
  sim.resetRequests()
})

let nextId = 1000
function put(athleteId: string, day: string, extra: Partial<CalendarEvent> = {}): CalendarEvent {
  const e: CalendarEvent = { id: nextId++, category: 'WORKOUT', name: `E${day}`, type: 'Ride', start_date_local: `${day}T00:00:00`, ...extra }
  sim.state.athlete(athleteId)!.events.push(e)
  return e
}
function did(athleteId: string, day: string, extra: Partial<Activity> = {}): Activity {
  const a: Activity = { id: `a${nextId++}`, type: 'Ride', name: `Ride ${day}`, start_date_local: `${day}T07:00:00`, moving_time: 3600, icu_training_load: 50, ...extra }
  sim.state.athlete(athleteId)!.activities.push(a)
  return a
}
const asked = () => sim.requests.map((r) => `${r.path.split('/').at(-1)} ${r.path.split('/')[4]} ${decodeURIComponent(r.query).replace(/&fields=.*/, '')}`)
const rows = (ids: string[], oldest: string, newest: string, opts: Parameters<CalendarLoader['rows']>[3] = {}) => loader.rows(ids, oldest, newest, opts)
const names = (row: CalendarRow) => row.events.map((e) => e.name)

describe('loading weeks', () => {
  it('asks once per athlete for the weeks not cached, then serves them from the cache', async () => {
    put(A, '2027-03-02', { name: 'Tue' })
    put(A, '2027-03-09', { name: 'Next Tue' })
    put(A, '2027-03-16', { name: 'Out of range' })
    did(A, '2027-03-02')
    const [row] = await rows([A], W1, '2027-03-14')
    expect(asked()).toEqual([`events ${A} oldest=2027-03-01&newest=2027-03-14`, `activities ${A} oldest=2027-03-01&newest=2027-03-14T23:59:59`])
    expect(names(row!)).toEqual(['Tue', 'Next Tue'])
    expect(row!.activities.map((a) => a.date)).toEqual(['2027-03-02'])
    expect(row!).toMatchObject({ athleteId: A, oldest: W1, newest: '2027-03-14', error: null, loadedAt: NOW.toISOString() })
    sim.resetRequests()
    const [again] = await rows([A], '2027-03-02', '2027-03-09')
    expect(sim.requests).toEqual([])
    // Only the days asked for are in the row.
    expect(names(again!)).toEqual(['Tue', 'Next Tue'])
  })

  it('says a row was loaded when its oldest week was', async () => {
    await rows([A], W2, '2027-03-14')
    clock = new Date('2027-03-03T09:00:00Z')
    await rows([A], W1, '2027-03-07')
    clock = new Date('2027-03-03T10:00:00Z')
    await rows([A], W3, '2027-03-21')
    const [row] = await rows([A], W1, '2027-03-21')
    expect(row!.loadedAt).toBe('2027-03-03T08:00:00.000Z')
    const [later] = await rows([A], W1, '2027-03-07')
    expect(later!.loadedAt).toBe('2027-03-03T09:00:00.000Z')
  })

  it('asks again for weeks whose load failed', async () => {
    put(A, '2027-03-02', { name: 'Tue' })
    sim.addFault({ method: 'GET', status: 500, times: 2 })
    const [failed] = await rows([A], W1, '2027-03-07')
    expect(failed!.error?.code).toBe('SERVER')
    const [row] = await rows([A], W1, '2027-03-07')
    expect(names(row!)).toEqual(['Tue'])
  })

  it('asks for each run of consecutive weeks not cached, and only those', async () => {
    await rows([A], W2, '2027-03-14')
    sim.resetRequests()
    await rows([A], W1, '2027-03-28')
    expect(asked().filter((q) => q.startsWith('events'))).toEqual([`events ${A} oldest=2027-03-01&newest=2027-03-07`, `events ${A} oldest=2027-03-15&newest=2027-03-28`])
  })

  it('refuses a range that ends before it starts', async () => {
    await expect(rows([A], W2, W1)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'The end of the range is before its start.' })
    // A range of one day is fine.
    await expect(rows([A], W1, W1)).resolves.toHaveLength(1)
  })

  it('shows an activity on its day and marks the event it was paired with as done; one without an id is left out', async () => {
    const e = put(A, '2027-03-02')
    put(A, '2027-03-03')
    const a = did(A, '2027-03-02', { paired_event_id: e.id })
    did(A, '2027-03-10')
    did(A, '2027-03-04', { id: '' })
    const [row] = await rows([A], W1, '2027-03-07')
    expect(row!.events.map((x) => [x.id, x.doneActivityId])).toEqual([
      [e.id, a.id],
      [e.id! + 1, null],
    ])
    expect(row!.activities.map((x) => [x.id, x.pairedEventId])).toEqual([[a.id, e.id]])
  })

  it('shows an event of several days once, with its last day, in every range it overlaps', async () => {
    put(A, '2027-03-06', { name: 'Camp', category: 'HOLIDAY', end_date_local: '2027-03-10T00:00:00' })
    put(A, '2027-02-20', { name: 'Long before', category: 'NOTE', end_date_local: '2027-02-21T00:00:00' })
    const [wk1] = await rows([A], W1, '2027-03-07')
    const [wk2] = await rows([A], W2, '2027-03-14')
    expect(wk2!.events.map((e) => [e.name, e.date, e.endDate])).toEqual([['Camp', '2027-03-06', '2027-03-09']])
    expect(names(wk1!)).toEqual(['Camp'])
    const [both] = await rows([A], '2027-03-07', '2027-03-08')
    expect(names(both!)).toEqual(['Camp'])
    // Its last day is inside a range that starts on it.
    const [last] = await rows([A], '2027-03-09', '2027-03-09')
    expect(names(last!)).toEqual(['Camp'])
    const [after] = await rows([A], '2027-03-10', '2027-03-10')
    expect(names(after!)).toEqual([])
  })

  it('keeps an event that started before the weeks asked with their first week', async () => {
    put(A, '2027-02-25', { name: 'Camp', category: 'HOLIDAY', end_date_local: '2027-03-03T00:00:00' })
    await rows([A], W1, '2027-03-14')
    expect(loader.cachedEvents(A, W1, '2027-03-07')!.map((e) => e.name)).toEqual(['Camp'])
    expect(loader.cachedEvents(A, W2, '2027-03-14')).toEqual([])
  })

  it('gives each athlete their own row, as it arrives', async () => {
    put(A, '2027-03-02', { name: 'Mine' })
    put(B, '2027-03-02', { name: 'Theirs' })
    const seen: string[] = []
    const out = await rows([A, B], W1, '2027-03-07', { onRow: (r) => seen.push(r.athleteId) })
    expect(out.map((r) => [r.athleteId, names(r)])).toEqual([
      [A, ['Mine']],
      [B, ['Theirs']],
    ])
    expect(seen.sort()).toEqual([A, B])
  })
})

describe('weeks after the athlete’s today', () => {
  it('cost no activities request, and ask for activities once they have begun', async () => {
    today = '2027-03-05'
    await rows([A], W2, '2027-03-21')
    expect(asked()).toEqual([`events ${A} oldest=2027-03-08&newest=2027-03-21`])
    sim.resetRequests()
    await rows([A], W2, '2027-03-21')
    expect(sim.requests).toEqual([])
    // Today moves into the second week: that week's activities are asked; the third's still not.
    today = '2027-03-09'
    await rows([A], W2, '2027-03-21')
    expect(asked()).toEqual([`events ${A} oldest=2027-03-08&newest=2027-03-14`, `activities ${A} oldest=2027-03-08&newest=2027-03-14T23:59:59`])
  })

  it('a week holding today asks for activities, as does a week starting on today', async () => {
    today = '2027-03-08'
    await rows([A], W1, '2027-03-07')
    await rows([A], W2, '2027-03-14')
    expect(asked().filter((q) => q.startsWith('activities'))).toHaveLength(2)
  })
})

describe('asking while weeks are on their way', () => {
  it('a second view of weeks already asked for waits for them instead of asking again', async () => {
    put(A, '2027-03-02', { name: 'Tue' })
    sim.setLatency(100)
    const [first, second] = await Promise.all([rows([A], W1, '2027-03-07'), rows([A], W1, '2027-03-07')])
    expect(asked().filter((q) => q.startsWith('events'))).toHaveLength(1)
    expect([names(first![0]!), names(second![0]!)]).toEqual([['Tue'], ['Tue']])
  })

  it('an answer that predates a write to the athlete is not cached: the week is asked again', async () => {
    put(A, '2027-03-02', { name: 'Old' })
    sim.setLatency(150)
    const pending = rows([A], W1, '2027-03-07')
    await new Promise((r) => setTimeout(r, 50))
    sim.state.athlete(A)!.events[0]!.name = 'New'
    loader.patch(A, [], [])
    const [row] = await pending
    expect(names(row!)).toEqual(['New'])
    expect(asked().filter((q) => q.startsWith('events'))).toHaveLength(2)
  })

  it('an answer on its way when the account changes is not cached', async () => {
    put(A, '2027-03-02', { name: 'Old account' })
    sim.setLatency(150)
    const pending = rows([A], W1, '2027-03-07')
    await new Promise((r) => setTimeout(r, 50))
    session.generation++
    sim.setLatency(0)
    sim.state.athlete(A)!.events[0]!.name = 'New account'
    const [now] = await rows([A], W1, '2027-03-07')
    await pending
    expect(names(now!)).toEqual(['New account'])
    sim.resetRequests()
    const [later] = await rows([A], W1, '2027-03-07')
    expect(sim.requests).toEqual([])
    expect(names(later!)).toEqual(['New account'])
  })
})

describe('refreshing', () => {
  it('asks again for the athletes refreshed only', async () => {
    await rows([A, B], W1, '2027-03-07')
    sim.resetRequests()
    await rows([A], W1, '2027-03-07', { refresh: true })
    expect(asked().map((q) => q.split(' ')[1])).toEqual([A, A])
    sim.resetRequests()
    await rows([A, B], W1, '2027-03-07')
    expect(sim.requests).toEqual([])
  })

  it('that fails keeps the last good row, saying when it was loaded and why the refresh failed', async () => {
    put(A, '2027-03-02', { name: 'Kept' })
    put(A, '2027-03-09', { name: 'Next' })
    await rows([A], W1, '2027-03-14')
    sim.addFault({ method: 'GET', status: 500 })
    const [row] = await rows([A], W1, '2027-03-14', { refresh: true })
    expect(names(row!)).toEqual(['Kept', 'Next'])
    expect(row!.stale).toEqual({ code: 'SERVER', message: 'intervals.icu had a problem (error 500). Try again shortly.' })
    expect(row!.loadedAt).toBe(NOW.toISOString())
    expect(row!.error).toBeNull()
  })

  it('that fails with nothing loaded before is an error row, not an empty calendar', async () => {
    sim.addFault({ method: 'GET', status: 404 })
    const [row] = await rows([A], W1, '2027-03-07', { refresh: true })
    expect(row).toEqual({ athleteId: A, oldest: W1, newest: '2027-03-07', events: [], activities: [], error: { code: 'NOT_FOUND', message: 'intervals.icu could not find that. It may have been deleted.' } })
    // Part of the range loaded is not a last good row either.
    sim.clearFaults()
    await rows([A], W1, '2027-03-07')
    sim.addFault({ method: 'GET', status: 404 })
    const [part] = await rows([A], W1, '2027-03-14', { refresh: true })
    expect(part!.error?.code).toBe('NOT_FOUND')
    expect(part!.stale).toBeUndefined()
  })

  it('a cancelled load is no row at all', async () => {
    sim.setLatency(300)
    const abort = new AbortController()
    const pending = rows([A], W1, '2027-03-07', { signal: abort.signal })
    setTimeout(() => abort.abort(), 50)
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' })
  })
})

describe('what the cache holds', () => {
  it('finds a cached event by id, for that athlete only', async () => {
    const e = put(A, '2027-03-02', { name: 'Tue' })
    put(B, '2027-03-02')
    await rows([A, B], W1, '2027-03-07')
    expect(loader.find(A, e.id!)).toMatchObject({ id: e.id, athleteId: A, name: 'Tue', date: '2027-03-02' })
    expect(loader.find(B, e.id!)).toBeNull()
    expect(loader.find(A, 1)).toBeNull()
  })

  it('gives the events of cached weeks as intervals.icu sent them, or null when a week is missing or the account changed', async () => {
    const camp = put(A, '2027-03-06', { name: 'Camp', end_date_local: '2027-03-10T00:00:00' })
    put(A, '2027-03-09', { name: 'Tue' })
    await rows([A], W1, '2027-03-14')
    expect(loader.cachedEvents(A, '2027-03-02', '2027-03-12')!.map((e) => e.name)).toEqual(['Camp', 'Tue'])
    expect(loader.cachedEvents(A, W1, '2027-03-15')).toBeNull()
    expect(loader.cachedEvents(B, W1, '2027-03-07')).toBeNull()
    expect(loader.cachedEvents(A, W1, W1)![0]).toEqual(camp)
    session.generation++
    expect(loader.cachedEvents(A, W1, '2027-03-07')).toBeNull()
  })

  it('takes in what a write answered: changed and created events on the weeks they overlap, removed ones gone, no request', async () => {
    const a = put(A, '2027-03-02', { name: 'Renamed later' })
    const b = put(A, '2027-03-03', { name: 'Deleted later' })
    put(B, '2027-03-02', { name: 'Other athlete' })
    await rows([A, B], W1, '2027-03-21')
    sim.resetRequests()
    const renamed = { ...a, name: 'Renamed' } as Event
    const created = { id: 5, name: 'Created camp', start_date_local: '2027-03-07T00:00:00', end_date_local: '2027-03-16T00:00:00' } as Event
    loader.patch(A, [renamed, created, { id: 6, name: 'No date' } as Event], [b.id!])
    const [row] = await rows([A], W1, '2027-03-21')
    expect(sim.requests).toEqual([])
    expect(row!.events.map((e) => e.name)).toEqual(['Renamed', 'Created camp'])
    expect(loader.cachedEvents(A, W3, '2027-03-21')!.map((e) => e.name)).toEqual(['Created camp'])
    const [other] = await rows([B], W1, '2027-03-07')
    expect(names(other!)).toEqual(['Other athlete'])
  })

  it('forgets an athlete’s weeks when told, so the next view asks again', async () => {
    await rows([A, B], W1, '2027-03-07')
    loader.invalidate([A])
    sim.resetRequests()
    await rows([A, B], W1, '2027-03-07')
    expect(asked().map((q) => q.split(' ')[1])).toEqual([A, A])
  })

  it('starts afresh for another account', async () => {
    await rows([A], W1, '2027-03-07')
    session.generation++
    sim.resetRequests()
    await rows([A], W1, '2027-03-07')
    expect(asked()).toHaveLength(2)
  })
})

describe('the weeks a range covers', () => {
  it('are the Mondays from the one on or before its start to its end', () => {
    expect(weeksCovering('2027-03-03', '2027-03-15')).toEqual([W1, W2, W3])
    expect(weeksCovering(W1, W1)).toEqual([W1])
    expect(weeksCovering('2027-03-07', '2027-03-07')).toEqual([W1])
  })
})

