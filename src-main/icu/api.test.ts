import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../log'
import { profilesFor, startSim, type SimHandle } from '../sim'
import * as api from './api'
import { IcuHttp } from './http'
import { RateLimiter } from './limiter'

// Each endpoint function against the simulator: the request intervals.icu receives (method, path,
// query, body) and, for writes, what the server holds afterwards.

function clientOf(sim: SimHandle): IcuHttp {
  return new IcuHttp({
    baseUrl: sim.url,
    apiKey: () => sim.apiKey,
    limiter: new RateLimiter({ perSecond: 1000, burst: 1000, maxInFlight: 4 }),
    log: silentLogger,
    timeoutMs: 5000,
    backoffBaseMs: 5,
  })
}

/** The last request the server received, its query as a plain object. */
function lastRequest(sim: SimHandle) {
  const r = sim.requests.at(-1)!
  return { method: r.method, path: r.path, query: Object.fromEntries(new URLSearchParams(r.query)), body: r.body }
}

describe('reads', () => {
  let sim: SimHandle
  let http: IcuHttp
  beforeAll(async () => {
    sim = await startSim({ rateLimit: false })
    http = clientOf(sim)
  })
  afterAll(() => sim.close())
  beforeEach(() => {
    sim.clearFaults()
    sim.resetRequests()
  })

  it('the roster is GET /athletes: the coach and every coached athlete', async () => {
    const roster = await api.listAthletes(http)
    expect(lastRequest(sim)).toMatchObject({ method: 'GET', path: '/api/v1/athletes' })
    expect(lastRequest(sim).query).toEqual({})
    expect(roster?.map((a) => a.id)).toEqual(['i100000', ...Array.from({ length: 12 }, (_, i) => `i1000${String(i + 1).padStart(2, '0')}`)])
  })

  it('the weekly summary sends its tags as one comma-separated value, and no tags parameter without tags', async () => {
    await api.athleteSummary(http, sim.coachId, { start: '2026-11-02', end: '2026-11-29', tags: ['squad', 'ironman'] })
    expect(lastRequest(sim)).toMatchObject({
      path: '/api/v1/athlete/i100000/athlete-summary',
      query: { start: '2026-11-02', end: '2026-11-29', tags: 'squad,ironman' },
    })
    await api.athleteSummary(http, sim.coachId, { start: '2026-11-02', end: '2026-11-29', tags: [] })
    expect(lastRequest(sim).query).toEqual({ start: '2026-11-02', end: '2026-11-29' })
    await api.athleteSummary(http, sim.coachId, {})
    expect(lastRequest(sim).query).toEqual({})
  })

  it('activities: the range, the newest N and the fields asked for go in the query', async () => {
    const rows = await api.listActivities(http, 'i100001', { oldest: '2026-11-01', newest: '2026-11-30', limit: 3, fields: ['id', 'type'] })
    expect(lastRequest(sim)).toMatchObject({
      method: 'GET',
      path: '/api/v1/athlete/i100001/activities',
      query: { oldest: '2026-11-01', newest: '2026-11-30', limit: '3', fields: 'id,type' },
    })
    expect(rows).toHaveLength(3)
    for (const row of rows ?? []) expect(Object.keys(row).sort()).toEqual(['id', 'type'])
    await api.listActivities(http, 'i100001', { oldest: '2026-11-01' })
    expect(lastRequest(sim).query).toEqual({ oldest: '2026-11-01' })
  })

  it('wellness: the range and the fields asked for go in the query', async () => {
    const days = await api.listWellness(http, 'i100001', { oldest: '2026-11-01', newest: '2026-11-03', fields: ['id', 'weight'] })
    expect(lastRequest(sim)).toMatchObject({ path: '/api/v1/athlete/i100001/wellness', query: { oldest: '2026-11-01', newest: '2026-11-03', fields: 'id,weight' } })
    expect(days?.map((d) => d.id)).toEqual(['2026-11-01', '2026-11-02', '2026-11-03'])
    await api.listWellness(http, 'i100001', { oldest: '2026-11-01', newest: '2026-11-03' })
    expect(lastRequest(sim).query).toEqual({ oldest: '2026-11-01', newest: '2026-11-03' })
  })

  it('events: the categories asked for go as one comma-separated value, and only those come back', async () => {
    const oldest = '2026-01-01'
    const newest = '2027-12-31'
    const some = await api.listEvents(http, 'i100001', { oldest, newest, category: ['NOTE', 'RACE_A'] })
    expect(lastRequest(sim)).toMatchObject({ path: '/api/v1/athlete/i100001/events', query: { oldest, newest, category: 'NOTE,RACE_A' } })
    const held = sim.state.athlete('i100001')!.events.filter((e) => e.category === 'NOTE' || e.category === 'RACE_A')
    expect(some?.map((e) => e.id).sort()).toEqual(held.map((e) => e.id).sort())
    await api.listEvents(http, 'i100001', { oldest, newest })
    expect(lastRequest(sim).query).toEqual({ oldest, newest })
  })

  it('one event by its id', async () => {
    const held = sim.state.athlete('i100001')!.events[0]!
    const event = await api.getEvent(http, 'i100001', held.id!)
    expect(lastRequest(sim)).toMatchObject({ method: 'GET', path: `/api/v1/athlete/i100001/events/${held.id}` })
    expect(event).toMatchObject({ id: held.id, name: held.name })
  })

  it('an activity with its intervals only when asked, and its streams by type', async () => {
    const held = sim.state.athlete('i100001')!.activities.at(-1)!
    await api.getActivity(http, held.id!)
    expect(lastRequest(sim)).toMatchObject({ method: 'GET', path: `/api/v1/activity/${held.id}` })
    expect(lastRequest(sim).query).toEqual({})
    const withIntervals = await api.getActivity(http, held.id!, { intervals: true })
    expect(lastRequest(sim).query).toEqual({ intervals: 'true' })
    expect(withIntervals.id).toBe(held.id)
    const streams = await api.getActivityStreams(http, held.id!, ['time', 'watts'])
    expect(lastRequest(sim)).toMatchObject({ path: `/api/v1/activity/${held.id}/streams`, query: { types: 'time,watts' } })
    expect(streams?.map((s) => s.type).sort()).toEqual(['time', 'watts'])
  })

  it('the wellness CSV is read as text, the header first', async () => {
    const csv = await api.getWellnessCsv(http, 'i100001', { oldest: '2026-11-01', newest: '2026-11-02' })
    expect(lastRequest(sim)).toMatchObject({ path: '/api/v1/athlete/i100001/wellness.csv', query: { oldest: '2026-11-01', newest: '2026-11-02' } })
    const lines = csv.trim().split('\n')
    expect(lines[0]).toMatch(/^id,/)
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['2026-11-01', '2026-11-02'])
  })

  it('sport settings: one row per sport, as the server holds them', async () => {
    const rows = await api.listSportSettings(http, 'i100001')
    expect(lastRequest(sim)).toMatchObject({ method: 'GET', path: '/api/v1/athlete/i100001/sport-settings' })
    expect(rows?.map((s) => s.id)).toEqual(sim.state.athlete('i100001')!.sportSettings.map((s) => s.id))
  })

  it('an id that needs encoding is encoded in the path, not read as more of it', async () => {
    // The server reads one athlete id it does not know, not the events route of athlete i1.
    await expect(api.getAthlete(http, 'i1/events')).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(lastRequest(sim).path).toBe('/api/v1/athlete/i1%2Fevents')
  })
})

describe.each(profilesFor(['uid', 'bulkUpdate', 'rangePut']))('writes under $name', ({ profile }) => {
  let sim: SimHandle
  let http: IcuHttp
  beforeAll(async () => {
    sim = await startSim({ rateLimit: false, profile })
    http = clientOf(sim)
  })
  afterAll(() => sim.close())
  beforeEach(() => {
    sim.clearFaults()
    sim.resetRequests()
  })
  const eventsOf = (id: string) => sim.state.athlete(id)!.events

  it('a create on uid is a POST with upsertOnUid, and is sent again after a 503 without making two', async () => {
    sim.addFault({ method: 'POST', path: '/api/v1/athlete/i100002/events', status: 503, times: 1 })
    const uid = 'c0ffee00-0000-4000-8000-000000000001'
    await api.createEventOnUid(http, 'i100002', { uid, category: 'NOTE', start_date_local: '2026-12-20T00:00:00', name: 'Rest well' })
    expect(sim.requests.map((r) => [r.method, r.status])).toEqual([
      ['POST', 503],
      ['POST', 200],
    ])
    expect(lastRequest(sim)).toMatchObject({ path: '/api/v1/athlete/i100002/events', query: { upsertOnUid: 'true' } })
    expect(eventsOf('i100002').filter((e) => e.name === 'Rest well')).toHaveLength(1)
  })

  it('an update is a PUT of the fields sent, and the server keeps the rest', async () => {
    const held = eventsOf('i100002').find((e) => e.category === 'WORKOUT')!
    const description = held.description
    await api.updateEvent(http, 'i100002', held.id!, { name: 'Renamed by the coach' })
    expect(lastRequest(sim)).toMatchObject({ method: 'PUT', path: `/api/v1/athlete/i100002/events/${held.id}`, body: { name: 'Renamed by the coach' } })
    expect(eventsOf('i100002').find((e) => e.id === held.id)).toMatchObject({ name: 'Renamed by the coach', description })
  })

  it('hiding a range is one PUT over the range: events starting inside are hidden, those after it are not', async () => {
    const events = eventsOf('i100003')
    const day = events.find((e) => e.category === 'WORKOUT')!.start_date_local!.slice(0, 10)
    const starts = (e: (typeof events)[number]) => e.start_date_local!.slice(0, 10)
    const later = events.filter((e) => starts(e) > day)
    const laterHidden = later.map((e) => e.hide_from_athlete)
    await api.updateEventFlagsInRange(http, 'i100003', { oldest: day, newest: day }, { hide_from_athlete: true })
    expect(lastRequest(sim)).toMatchObject({ method: 'PUT', path: '/api/v1/athlete/i100003/events', query: { oldest: day, newest: day }, body: { hide_from_athlete: true } })
    const inside = eventsOf('i100003').filter((e) => starts(e) === day)
    expect(inside.length).toBeGreaterThan(0)
    for (const e of inside) expect(e.hide_from_athlete).toBe(true)
    expect(later.map((e) => e.hide_from_athlete)).toEqual(laterHidden)
  })

  it('a bulk create sends upsertOnUid and updatePlanApplied=false, and the server holds every row', async () => {
    const rows = [1, 2].map((n) => ({ uid: `c0ffee00-0000-4000-8000-00000000010${n}`, category: 'NOTE', start_date_local: `2026-12-2${n}T00:00:00`, name: `Bulk note ${n}` }))
    await api.createEventsBulk(http, 'i100004', rows)
    expect(lastRequest(sim)).toMatchObject({ method: 'POST', path: '/api/v1/athlete/i100004/events/bulk', query: { upsertOnUid: 'true', updatePlanApplied: 'false' } })
    expect(eventsOf('i100004').filter((e) => e.name?.startsWith('Bulk note')).map((e) => e.name).sort()).toEqual(['Bulk note 1', 'Bulk note 2'])
  })

  it('a bulk delete sends the ids as {id} rows, and those events are gone', async () => {
    const [a, b, kept] = eventsOf('i100005')
    await api.deleteEventsBulk(http, 'i100005', [a!.id!, b!.id!])
    expect(lastRequest(sim)).toMatchObject({ method: 'PUT', path: '/api/v1/athlete/i100005/events/bulk-delete', body: [{ id: a!.id }, { id: b!.id }] })
    expect(eventsOf('i100005').map((e) => e.id)).not.toContain(a!.id)
    expect(eventsOf('i100005').map((e) => e.id)).not.toContain(b!.id)
    expect(eventsOf('i100005').map((e) => e.id)).toContain(kept!.id)
  })
})

describe('other writes', () => {
  let sim: SimHandle
  let http: IcuHttp
  beforeAll(async () => {
    sim = await startSim({ rateLimit: false })
    http = clientOf(sim)
  })
  afterAll(() => sim.close())
  beforeEach(() => {
    sim.clearFaults()
    sim.resetRequests()
  })

  it('an activity update is a PUT of the fields sent', async () => {
    const held = sim.state.athlete('i100001')!.activities.at(-1)!
    await api.updateActivity(http, held.id!, { name: 'Hill repeats' })
    expect(lastRequest(sim)).toMatchObject({ method: 'PUT', path: `/api/v1/activity/${held.id}`, body: { name: 'Hill repeats' } })
    expect(held.name).toBe('Hill repeats')
  })

  it('one wellness day is a PUT on its date; several days are one PUT to wellness-bulk', async () => {
    // The server replaces its list on a bulk write: read it afresh each time.
    const weightOn = (date: string) => sim.state.athlete('i100001')!.wellness.find((d) => d.id === date)?.weight
    await api.updateWellness(http, 'i100001', '2026-11-05', { weight: 61.5 })
    expect(lastRequest(sim)).toMatchObject({ method: 'PUT', path: '/api/v1/athlete/i100001/wellness/2026-11-05', body: { weight: 61.5 } })
    expect(weightOn('2026-11-05')).toBe(61.5)
    await api.updateWellnessBulk(http, 'i100001', [
      { id: '2026-11-06', weight: 60.1 },
      { id: '2026-11-07', weight: 60.2 },
    ])
    expect(sim.requests.map((r) => `${r.method} ${r.path}`).at(-1)).toBe('PUT /api/v1/athlete/i100001/wellness-bulk')
    expect(['2026-11-06', '2026-11-07'].map(weightOn)).toEqual([60.1, 60.2])
  })

  it('sport settings are a PUT with recalcHrZones, and the server keeps the new value', async () => {
    const ride = sim.state.athlete('i100001')!.sportSettings[0]!
    await api.updateSportSettings(http, 'i100001', ride.id!, false, { ftp: 250 })
    expect(lastRequest(sim)).toMatchObject({ method: 'PUT', path: `/api/v1/athlete/i100001/sport-settings/${ride.id}`, query: { recalcHrZones: 'false' }, body: { ftp: 250 } })
    expect(sim.state.athlete('i100001')!.sportSettings[0]!.ftp).toBe(250)
  })

  it('manual activities are not sent a second time after a 502: the server could have saved them', async () => {
    sim.addFault({ method: 'POST', path: '/api/v1/athlete/i100002/activities/manual/bulk', status: 502, times: 1 })
    const row = { type: 'Run', name: 'Treadmill', start_date_local: '2026-11-20T07:00:00', moving_time: 1800, external_id: 'cd-1' }
    await expect(api.createManualActivities(http, 'i100002', [row])).rejects.toMatchObject({ code: 'SERVER' })
    expect(sim.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 502'])
    await api.createManualActivities(http, 'i100002', [row])
    expect(lastRequest(sim)).toMatchObject({ method: 'POST', path: '/api/v1/athlete/i100002/activities/manual/bulk', body: [row] })
    expect(sim.state.athlete('i100002')!.activities.filter((a) => a.name === 'Treadmill')).toHaveLength(1)
  })
})
