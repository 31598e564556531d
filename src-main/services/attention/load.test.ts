import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RosterRow } from '../../contract/schemas'
import { IcuHttp } from '../../icu/http'
import { RateLimiter } from '../../icu/limiter'
import { silentLogger } from '../../log'
import type { SimChat } from '../../sim/chats'
import { startTestSim } from '../../sim/testHarness'
import type { SimHandle } from '../../sim/types'
import { loadAttention } from './load'

// One refresh of attention data read from the simulator, with each athlete's calendar, activities,
// wellness and the coach's chats written by hand, so every value below is worked out from them.

let sim: SimHandle
let http: IcuHttp
beforeEach(async () => {
  sim = await startTestSim({ athletes: 3 })
  http = new IcuHttp({
    baseUrl: sim.url,
    apiKey: () => sim.apiKey,
    limiter: new RateLimiter({ perSecond: 100, burst: 100, maxInFlight: 4 }),
    log: silentLogger,
    timeoutMs: 5000,
    maxAttempts: 1,
  })
})
afterEach(() => sim.close())

// Tuesday 10 March 2026: this week starts on Monday the 9th, four weeks back is Monday 9 February.
const TODAY = '2026-03-10'

function row(id: string, over: Partial<RosterRow> = {}): RosterRow {
  return {
    id,
    name: `Athlete ${id}`,
    avatarUrl: null,
    sports: ['Ride'],
    timezone: 'UTC',
    today: TODAY,
    fitness: 52,
    fatigue: 61,
    form: -9,
    fitnessDate: TODAY,
    rampRate: 4.5,
    weekLoadDone: 0,
    weekTimeDone: 0,
    lastActiveWeek: null,
    tags: [],
    notes: '',
    permission: 'WRITE',
    isSelf: false,
    ...over,
  }
}

const query = (path: RegExp) => {
  const r = sim.requests.find((x) => path.test(x.path))
  return r ? Object.fromEntries(new URLSearchParams(r.query)) : null
}

/** Maya's weeks as written below: two planned workouts, races, days off, three activities, two wellness days. */
function writeMaya(): void {
  const maya = sim.state.athlete('i100001')!
  maya.events = [
    { id: 11, category: 'WORKOUT', start_date_local: '2026-03-03T00:00:00', name: 'Threshold', type: 'Ride', icu_training_load: 80, moving_time: 3600 },
    { id: 12, category: 'WORKOUT', start_date_local: '2026-03-04T00:00:00', name: '' },
    { id: 13, category: 'RACE_A', start_date_local: '2026-05-01T00:00:00', name: 'Spring Classic' },
    { id: 14, category: 'RACE_A', start_date_local: '2026-04-01T00:00:00', name: '' },
    { id: 15, category: 'RACE_A', start_date_local: '2026-03-09T00:00:00', name: 'Yesterday’s race' },
    { id: 16, category: 'RACE_A', start_date_local: `${TODAY}T00:00:00`, name: 'Today’s race' },
    { id: 17, category: 'SICK', start_date_local: '2026-03-06T00:00:00', end_date_local: '2026-03-08T00:00:00', name: 'Flu' },
    { id: 18, category: 'INJURED', start_date_local: '2026-03-01T00:00:00' },
  ] as never
  maya.activities = [
    { id: 'i9001', icu_athlete_id: 'i100001', start_date_local: '2026-03-03T07:00:00', type: 'Ride', name: 'Threshold ride', icu_training_load: 75, moving_time: 3500, paired_event_id: 11, compliance: 94, coach_tick: 2, icu_chat_id: 7001, source: 'GARMIN_CONNECT' },
    { id: 'i9002', icu_athlete_id: 'i100001', start_date_local: '2026-03-05T08:00:00', type: 'Run', name: '', moving_time: 1800, source: 'OAUTH_CLIENT' },
    { id: 'i9003', icu_athlete_id: 'i100001', start_date_local: '2026-03-07T08:00:00', type: 'Ride', name: 'From Strava', source: 'STRAVA' },
  ] as never
  maya.wellness = [
    { id: '2026-02-02', hrv: 99, restingHR: 99 },
    { id: '2026-03-08', hrv: 61, restingHR: 48 },
    { id: '2026-03-09', restingHR: 50 },
  ] as never
}

describe('one refresh of attention data', () => {
  it('reads the last four weeks and this one, twelve weeks ahead for A races, and five weeks of wellness', async () => {
    sim.resetRequests()
    const load = await loadAttention(http, sim.coachId, [row('i100001')], true)
    expect(query(/\/events$/)).toEqual({ oldest: '2026-02-09', newest: '2026-06-02', category: 'WORKOUT,SICK,INJURED,RACE_A' })
    expect(query(/\/activities$/)).toEqual({
      oldest: '2026-02-09',
      newest: '2026-03-10T23:59:59',
      fields: 'id,start_date_local,type,name,icu_training_load,moving_time,paired_event_id,compliance,coach_tick,icu_chat_id,source',
    })
    expect(query(/\/wellness$/)).toEqual({ oldest: '2026-02-03', newest: '2026-03-10', fields: 'id,hrv,restingHR' })
    expect(sim.requests.filter((r) => r.path.endsWith('/chats')).map((r) => r.path)).toEqual([`/api/v1/athlete/${sim.coachId}/chats`])
    expect(sim.requests).toHaveLength(4)
    expect(load.requests).toBe(4)
    expect(load.athletes[0]!.data!.loadedFrom).toBe('2026-02-09')
  })

  it('sends no wellness read when the wellness rule is off, and keeps wellness unknown rather than empty', async () => {
    sim.resetRequests()
    const load = await loadAttention(http, sim.coachId, [row('i100001'), row('i100002')], false)
    expect(sim.requests.filter((r) => r.path.endsWith('/wellness'))).toHaveLength(0)
    expect(load.requests).toBe(5)
    expect(load.athletes.map((a) => a.data!.wellness)).toEqual([null, null])
  })

  it('turns the calendar, activities and wellness into what the rules read, with a name for what has none', async () => {
    writeMaya()
    const [maya] = (await loadAttention(http, sim.coachId, [row('i100001')], true)).athletes
    expect(maya!.error).toBeNull()
    expect(maya!.data).toEqual({
      today: TODAY,
      form: -9,
      rampRate: 4.5,
      fitness: 52,
      fatigue: 61,
      workouts: [
        { id: 11, date: '2026-03-03', name: 'Threshold', type: 'Ride', load: 80, secs: 3600 },
        { id: 12, date: '2026-03-04', name: 'Workout', type: null, load: null, secs: null },
      ],
      // From today on, soonest first; yesterday's has been raced.
      races: [
        { date: TODAY, name: 'Today’s race' },
        { date: '2026-04-01', name: 'A race' },
        { date: '2026-05-01', name: 'Spring Classic' },
      ],
      daysOff: [
        { category: 'INJURED', start: '2026-03-01T00:00:00', end: '', name: '' },
        { category: 'SICK', start: '2026-03-06T00:00:00', end: '2026-03-08T00:00:00', name: 'Flu' },
      ],
      // The simulator lists activities newest first, as intervals.icu does.
      activities: [
        { id: 'i9003', start: '2026-03-07T08:00:00', type: 'Other', name: 'Activity', load: null, secs: null, pairedEventId: null, compliance: null, coachTick: null, chatId: null, stub: true },
        { id: 'i9002', start: '2026-03-05T08:00:00', type: 'Run', name: 'Run', load: null, secs: 1800, pairedEventId: null, compliance: null, coachTick: null, chatId: null, stub: false },
        { id: 'i9001', start: '2026-03-03T07:00:00', type: 'Ride', name: 'Threshold ride', load: 75, secs: 3500, pairedEventId: 11, compliance: 94, coachTick: 2, chatId: 7001, stub: false },
      ],
      wellness: [
        { date: '2026-03-08', hrv: 61, restingHR: 48 },
        { date: '2026-03-09', hrv: null, restingHR: 50 },
      ],
      unread: [],
      loadedFrom: '2026-02-09',
    })
  })

  it('skips entries the API sends without an id or as null', async () => {
    writeMaya()
    sim.addFault({ method: 'GET', path: '/api/v1/athlete/i100001/activities', status: 200, body: [null, { name: 'no id' }, { id: 'i9010', start_date_local: '2026-03-08T09:00:00', type: 'Swim' }] })
    sim.addFault({ method: 'GET', path: '/api/v1/athlete/i100001/wellness', status: 200, body: [null, { hrv: 40 }, { id: 20260308, hrv: 41 }, { id: '2026-03-09', hrv: 42 }] })
    sim.addFault({ method: 'GET', path: '/api/v1/athlete/i100001/events', status: 200, body: [null, { id: 21, category: 'WORKOUT', start_date_local: '2026-03-02T00:00:00', name: 'Easy' }, { category: 'SICK' }, { category: 'RACE_A' }] })
    const [maya] = (await loadAttention(http, sim.coachId, [row('i100001')], true)).athletes
    expect(maya!.data!.activities.map((a) => [a.id, a.name])).toEqual([['i9010', 'Swim']])
    expect(maya!.data!.wellness).toEqual([{ date: '2026-03-09', hrv: 42, restingHR: null }])
    expect(maya!.data!.workouts).toEqual([{ id: 21, date: '2026-03-02', name: 'Easy', type: null, load: null, secs: null }])
    // A day off without dates is kept (no rule counts it); a race without a date is not ahead.
    expect(maya!.data!.daysOff).toEqual([{ category: 'SICK', start: '', end: '', name: '' }])
    expect(maya!.data!.races).toEqual([])
  })

  it('reads an empty answer as nothing planned, done or measured', async () => {
    for (const kind of ['events', 'activities', 'wellness']) sim.addFault({ method: 'GET', path: `/api/v1/athlete/i100001/${kind}`, status: 200, body: null })
    const [maya] = (await loadAttention(http, sim.coachId, [row('i100001')], true)).athletes
    expect(maya!.data).toMatchObject({ workouts: [], races: [], daysOff: [], activities: [], wellness: [] })
  })

  it('gives an athlete whose reads fail the reason, and still loads the others', async () => {
    writeMaya()
    sim.addFault({ method: 'GET', path: '/api/v1/athlete/i100002/activities', status: 403 })
    sim.addFault({ method: 'GET', path: '/api/v1/athlete/i100003/events', status: 200, body: { not: 'a list' } })
    const load = await loadAttention(http, sim.coachId, [row('i100001'), row('i100002'), row('i100003')], false)
    expect(load.athletes.map((a) => [a.row.id, a.error])).toEqual([
      ['i100001', null],
      ['i100002', 'You have no access to this athlete.'],
      ['i100003', 'Could not load this athlete.'],
    ])
    expect(load.athletes.map((a) => a.data === null)).toEqual([false, true, true])
  })
})

describe('unread comments from the chats list', () => {
  function chat(id: number, activityId: string, athleteId: string, unread: number, name = ''): SimChat {
    const messages = Array.from({ length: unread }, (_, i) => ({ id: id * 100 + i, athlete_id: athleteId, name: 'Athlete', content: `note ${i}`, created: '2026-03-09T10:00:00Z' }))
    return { id, activityId, athleteId, name, messages, lastSeen: new Map() }
  }

  it('counts each activity chat against the athlete who owns the activity, named as the activity is', async () => {
    writeMaya()
    sim.state.athlete('i100002')!.activities = []
    sim.state.chats.clear()
    for (const c of [
      chat(7001, 'i9001', 'i100001', 2, 'Threshold ride'),
      // Not in the activities loaded: the chat's own name, or a plain word.
      chat(7005, 'i9099', 'i100001', 1, 'Old ride'),
      chat(7006, 'i9098', 'i100001', 1),
      // Read already: known, not counted.
      chat(7008, 'i9004', 'i100002', 0, 'Read'),
      // An athlete not in the list: nobody to count it against.
      chat(7009, 'i9005', 'i100003', 4, 'Elsewhere'),
    ]) sim.state.chats.set(c.id, c)
    const load = await loadAttention(http, sim.coachId, [row('i100001'), row('i100002')], false)
    const [maya, jamal] = load.athletes
    expect(maya!.data!.unread).toEqual([
      { activityId: 'i9001', activityName: 'Threshold ride', count: 2 },
      { activityId: 'i9099', activityName: 'Old ride', count: 1 },
      { activityId: 'i9098', activityName: 'an activity', count: 1 },
    ])
    expect(jamal!.data!.unread).toEqual([])
    expect([...load.chatOf].sort()).toEqual([
      ['i9001', 7001],
      ['i9004', 7008],
      ['i9005', 7009],
      ['i9098', 7006],
      ['i9099', 7005],
    ])
  })

  it('finds the owner by the activity when the chat names no athlete of the list, and skips chats it cannot place', async () => {
    writeMaya()
    sim.addFault({
      method: 'GET',
      path: `/api/v1/athlete/${sim.coachId}/chats`,
      status: 200,
      body: [
        null,
        { id: 1, type: 'PRIVATE', activity_id: 'i9001', athlete_id: 'i100001', new_message_count: 5 },
        { id: 2, type: 'ACTIVITY', activity_id: null, athlete_id: 'i100001', new_message_count: 3 },
        { id: '3', type: 'ACTIVITY', activity_id: 'i9002', athlete_id: 'i100001', new_message_count: 1 },
        { id: 4, type: 'ACTIVITY', activity_id: 'i9002', athlete_id: 'i100001', new_message_count: 1, name: 'Chat name' },
        { id: 7, type: 'ACTIVITY', activity_id: 'i9003', athlete_id: 'i100777', new_message_count: 1 },
        { id: 8, type: 'ACTIVITY', activity_id: 'i9006', athlete_id: 'i100001', new_message_count: -1 },
        { id: 9, type: 'ACTIVITY', activity_id: 'i9007', athlete_id: 'i100001', new_message_count: 'two' },
        { id: 10, type: 'ACTIVITY', activity_id: 'i9008', athlete_id: 'i100002', new_message_count: 3 },
      ],
    })
    sim.addFault({ method: 'GET', path: '/api/v1/athlete/i100002/events', status: 404 })
    const load = await loadAttention(http, sim.coachId, [row('i100001'), row('i100002')], false)
    expect(load.athletes[0]!.data!.unread).toEqual([
      // The activity's own name wins over the chat's, and an unnamed run is called by its sport.
      { activityId: 'i9002', activityName: 'Run', count: 1 },
      { activityId: 'i9003', activityName: 'Activity', count: 1 },
    ])
    // The athlete whose reads failed has no data to add to.
    expect(load.athletes[1]!.data).toBeNull()
    expect(load.chatOf.get('i9001')).toBe(7001)
    expect(load.chatOf.get('i9002')).toBe(4)
    expect(load.chatOf.get('i9008')).toBe(10)
    expect(load.chatOf.has('i9006')).toBe(true)
    expect(load.chatOf.size).toBe(6)
  })

  it('still loads every athlete when the chats cannot be read, with no unread comments', async () => {
    writeMaya()
    sim.addFault({ method: 'GET', path: `/api/v1/athlete/${sim.coachId}/chats`, status: 403 })
    const load = await loadAttention(http, sim.coachId, [row('i100001')], false)
    expect(load.athletes[0]!.error).toBeNull()
    expect(load.athletes[0]!.data!.unread).toEqual([])
    expect([...load.chatOf]).toEqual([['i9001', 7001]])
  })
})

describe('a refresh the coach leaves', () => {
  // Vitest fails the run on a rejection nobody handles, such as a cancelled chats read left behind.
  it('cancelled before anything answers, fails once with CANCELLED and leaves no rejection unhandled', async () => {
    const stop = new AbortController()
    stop.abort()
    await expect(loadAttention(http, sim.coachId, [row('i100001'), row('i100002')], true, { signal: stop.signal })).rejects.toMatchObject({ code: 'CANCELLED' })
    await new Promise((r) => setTimeout(r, 50))
  })

  it('is cancelled as a whole when the athletes’ reads are cancelled, not shown as failed athletes', async () => {
    sim.addFault({ method: 'GET', path: /\/events$/, delayMs: 400 })
    const stop = new AbortController()
    const load = loadAttention(http, sim.coachId, [row('i100001')], false, { signal: stop.signal })
    await waitFor(() => sim.requests.some((r) => r.path.endsWith('/chats') && r.status === 200))
    await new Promise((r) => setTimeout(r, 100))
    stop.abort()
    await expect(load).rejects.toMatchObject({ code: 'CANCELLED' })
  })

  it('is cancelled as a whole when only the chats read is left', async () => {
    sim.addFault({ method: 'GET', path: /\/chats$/, delayMs: 400 })
    const stop = new AbortController()
    const load = loadAttention(http, sim.coachId, [row('i100001')], false, { signal: stop.signal })
    await waitFor(() => sim.requests.filter((r) => r.status === 200).length === 2)
    await new Promise((r) => setTimeout(r, 100))
    stop.abort()
    await expect(load).rejects.toMatchObject({ code: 'CANCELLED' })
  })
})

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10))
  if (!check()) throw new Error('waited in vain')
}
