import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { IcuHttp } from '../../icu/http'
import { RateLimiter } from '../../icu/limiter'
import { silentLogger } from '../../log'
import { startSim, type SimHandle } from '../../sim'
import type { CalendarEvent } from '../../sim/types'
import type { ServiceDeps } from '../deps'
import { CalendarLoader } from './load'
import type { Op } from './ops'
import { eventsAround, eventsToPlan } from './planReads'

/**
 * What a bulk plan reads before its preview, against the simulator: which requests go out (its request
 * log) and which events come back. 1 March 2027 is a Monday.
 */
const A = 'i100001'
const B = 'i100002'

let sim: SimHandle
let http: IcuHttp
let loader: CalendarLoader
const session = { generation: 0, http: () => http }

beforeAll(async () => {
  sim = await startSim({ athletes: 2, rateLimit: false })
  http = new IcuHttp({ baseUrl: sim.url, apiKey: () => sim.apiKey, limiter: new RateLimiter({ perSecond: 1000, burst: 1000, maxInFlight: 8 }), log: silentLogger, timeoutMs: 2_000, maxAttempts: 1 })
})
afterAll(() => sim.close())
beforeEach(() => {
  sim.clearFaults()
  for (const id of [A, B]) sim.state.athlete(id)!.events = []
  loader = new CalendarLoader({ session: session as unknown as ServiceDeps['session'], now: () => new Date('2027-03-03T08:00:00Z') }, () => null)
  sim.resetRequests()
})

let nextId = 5000
function put(athleteId: string, day: string, extra: Partial<CalendarEvent> = {}): CalendarEvent {
  const e: CalendarEvent = { id: nextId++, category: 'WORKOUT', name: `E${day}`, type: 'Ride', start_date_local: `${day}T00:00:00`, ...extra }
  sim.state.athlete(athleteId)!.events.push(e)
  return e
}
/** Each request as "what athlete query", e.g. "events i100001 oldest=...&newest=...". */
const asked = () => sim.requests.map((r) => `${r.path.split('/').slice(5).join('/') || r.path.split('/').at(-1)} ${r.path.split('/')[4]} ${decodeURIComponent(r.query)}`.trim())
const ids = (events: { id?: number | null }[] | undefined) => (events ?? []).map((e) => e.id).sort()
const plan = (athletes: string[], refs: { athleteId: string; eventId: number }[], ranges: { athleteId: string; oldest: string; newest: string }[], signal = new AbortController().signal) =>
  eventsToPlan(http, loader, athletes, refs, ranges, signal)

describe('the events a plan is made from', () => {
  it('asks one list per athlete over the days selected, a day wider on each side', async () => {
    const inside = put(A, '2027-03-03')
    const before = put(A, '2027-03-02')
    put(A, '2027-03-07')
    const theirs = put(B, '2027-03-10')
    const got = await plan([A, B], [], [
      { athleteId: A, oldest: '2027-03-03', newest: '2027-03-05' },
      { athleteId: B, oldest: '2027-03-10', newest: '2027-03-10' },
    ])
    expect(asked().sort()).toEqual([`events ${A} oldest=2027-03-02&newest=2027-03-06`, `events ${B} oldest=2027-03-09&newest=2027-03-11`])
    expect(ids(got.get(A))).toEqual(ids([inside, before]))
    expect(ids(got.get(B))).toEqual([theirs.id])
  })

  it('spans every range of an athlete, from the earliest day to the latest', async () => {
    await plan([A], [], [
      { athleteId: A, oldest: '2027-03-10', newest: '2027-03-11' },
      { athleteId: B, oldest: '2027-02-01', newest: '2027-02-02' },
      { athleteId: A, oldest: '2027-03-01', newest: '2027-03-02' },
    ])
    expect(asked()).toEqual([`events ${A} oldest=2027-02-28&newest=2027-03-12`])
  })

  it('asks nothing for an athlete with nothing selected, and gives them no events', async () => {
    put(A, '2027-03-03')
    const got = await plan([A], [{ athleteId: B, eventId: 1 }], [{ athleteId: B, oldest: '2027-03-03', newest: '2027-03-03' }])
    expect(got.get(A)).toEqual([])
    expect(sim.requests).toEqual([])
  })

  it('serves weeks the calendar has loaded from it, with no request, dating a selected event from it', async () => {
    const chip = put(A, '2027-03-09')
    const other = put(A, '2027-03-12')
    await loader.rows([A], '2027-03-01', '2027-03-14')
    sim.resetRequests()
    const got = await plan([A], [{ athleteId: A, eventId: chip.id! }], [{ athleteId: A, oldest: '2027-03-10', newest: '2027-03-10' }])
    expect(sim.requests).toEqual([])
    expect(ids(got.get(A))).toEqual(ids([chip, other]))
  })

  it('asks when one of the weeks is not loaded', async () => {
    await loader.rows([A], '2027-03-01', '2027-03-07')
    sim.resetRequests()
    await plan([A], [], [{ athleteId: A, oldest: '2027-03-06', newest: '2027-03-08' }])
    expect(asked()).toEqual([`events ${A} oldest=2027-03-05&newest=2027-03-09`])
  })

  it('looks up a selected event the calendar has not loaded once, and lists the days around it', async () => {
    const far = put(A, '2027-04-14', { end_date_local: '2027-04-16T00:00:00' })
    const got = await plan([A], [{ athleteId: A, eventId: far.id! }, { athleteId: A, eventId: far.id! }], [])
    expect(asked()).toEqual([`events/${far.id} ${A}`, `events ${A} oldest=2027-04-13&newest=2027-04-15`])
    expect(ids(got.get(A))).toEqual([far.id])
  })

  it('lists again (not from the loaded weeks) when a selected event had to be looked up', async () => {
    put(A, '2027-03-03')
    await loader.rows([A], '2027-03-01', '2027-03-07')
    const moved = put(A, '2027-03-04')
    sim.resetRequests()
    const got = await plan([A], [{ athleteId: A, eventId: moved.id! }], [{ athleteId: A, oldest: '2027-03-03', newest: '2027-03-03' }])
    expect(asked()).toEqual([`events/${moved.id} ${A}`, `events ${A} oldest=2027-03-02&newest=2027-03-05`])
    expect(ids(got.get(A))).toContain(moved.id)
  })

  it('skips a selected event deleted meanwhile, and asks nothing more when it was all there was', async () => {
    const got = await plan([A], [{ athleteId: A, eventId: 999_999 }], [])
    expect(asked()).toEqual([`events/999999 ${A}`])
    expect(got.get(A)).toEqual([])
  })

  it('fails on any other error of the look-up, and when the plan is cancelled', async () => {
    const e = put(A, '2027-04-14')
    sim.addFault({ method: 'GET', path: new RegExp(`/events/${e.id}$`), status: 500, times: 1 })
    await expect(plan([A], [{ athleteId: A, eventId: e.id! }], [])).rejects.toMatchObject({ code: 'SERVER' })
    const abort = new AbortController()
    abort.abort()
    await expect(plan([A], [{ athleteId: A, eventId: e.id! }], [], abort.signal)).rejects.toMatchObject({ code: 'CANCELLED' })
    await expect(plan([A], [], [{ athleteId: A, oldest: '2027-03-03', newest: '2027-03-03' }], abort.signal)).rejects.toMatchObject({ code: 'CANCELLED' })
  })
})

describe('the events around what a plan creates', () => {
  it('asks one list per athlete, a day wider than the days its creates land on', async () => {
    const mine = put(A, '2027-03-05')
    const create = (athleteId: string, day: string): Op => ({ kind: 'create', athleteId, event: { start_date_local: `${day}T00:00:00` } }) as Op
    const got = await eventsAround(http, [create(A, '2027-03-04'), create(B, '2027-03-20'), create(A, '2027-03-08')])
    expect(asked().sort()).toEqual([`events ${A} oldest=2027-03-03&newest=2027-03-09`, `events ${B} oldest=2027-03-19&newest=2027-03-21`])
    expect(ids(got.get(A))).toEqual([mine.id])
    expect(got.get(B)).toEqual([])
  })
})
