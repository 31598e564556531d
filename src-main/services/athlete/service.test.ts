import { afterEach, describe, expect, it } from 'vitest'
import type { Channel } from '../../contract/channels'
import type { ActivityDetail, ActivityRow, ActivityStreams, AthleteProfile, ResultOf } from '../../contract/schemas'
import { FIXED_NOW } from '../../sim/testHarness'
import { coreHarness, type CoreHarness } from '../../testing/core'

// The athlete pages' reads against the simulator: what each asks intervals.icu, what is kept in
// main so that reopening costs nothing, and how answers written by hand (through the simulator's
// injected answers) are shown. The clock is fixed at 10 March 2026, 20:00 UTC.

let h: CoreHarness | null = null
afterEach(async () => {
  await h?.close()
  h = null
})

async function connected(): Promise<CoreHarness> {
  h = await coreHarness({ sim: { now: () => FIXED_NOW }, core: { now: () => FIXED_NOW } })
  await h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey })
  h.sim.resetRequests()
  return h
}

async function ok<C extends Channel>(channel: C, args: unknown): Promise<ResultOf<C>> {
  const r = await h!.core.invoke(channel, args)
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`)
  return r.value as ResultOf<C>
}
async function fails(channel: Channel, args: unknown): Promise<{ code: string; message: string }> {
  const r = await h!.core.invoke(channel, args)
  if (r.ok) throw new Error(`${channel} succeeded`)
  return r.error
}

const asked = () => h!.sim.requests.map((r) => `${r.method} ${r.path.replace('/api/v1', '')}`)
const queryOf = (path: string) => Object.fromEntries(new URLSearchParams(h!.sim.requests.find((r) => r.path === `/api/v1${path}`)?.query ?? ''))
const rides = (athleteId = 'i100001') => h!.sim.state.athlete(athleteId)!.activities.filter((a) => a.type === 'Ride' && a.source !== 'STRAVA').map((a) => a.id!)

describe('the athlete header', () => {
  it('comes from the athlete’s own record when the roster does not hold them: tags, notes and access included', async () => {
    await connected()
    h!.sim.addFault({
      method: 'GET',
      path: '/api/v1/athlete/i100099',
      status: 200,
      body: {
        id: 'i100099',
        firstname: 'Ana',
        lastname: 'Silva',
        city: 'Porto',
        country: 'Portugal',
        sex: 'F',
        weight: 58.5,
        icu_resting_hr: 44,
        icu_tags: ['masters', 7],
        icu_notes: 'Knee',
        icu_permission: 'READ',
        sportSettings: [{ id: 9, types: ['Run'], threshold_pace: 4.5 }, null],
      },
    })
    h!.sim.addFault({ method: 'GET', path: '/api/v1/athlete/i100099/wellness', status: 200, body: [{ id: '2026-03-09', ctl: 40, atl: 45 }, null, { id: '2026-03-10', ctl: 41.26, atl: 47.04 }] })
    const p: AthleteProfile = await ok('athlete:get', { athleteId: 'i100099' })
    // Without a timezone the athlete's today is UTC's; the requests asked a day either side of it.
    expect(queryOf('/athlete/i100099/wellness')).toEqual({ oldest: '2026-03-09', newest: '2026-03-11', fields: 'id,ctl,atl' })
    const none = { indoorFtp: null, wPrime: null, lthr: null, maxHr: null, ftp: null, paceUnits: null, powerZones: [], powerZoneNames: [], hrZones: [], hrZoneNames: [], paceZones: [], paceZoneNames: [] }
    expect(p).toEqual({
      id: 'i100099',
      name: 'Ana Silva',
      avatarUrl: null,
      timezone: 'UTC',
      today: '2026-03-10',
      city: 'Porto',
      country: 'Portugal',
      sex: 'F',
      weight: 58.5,
      restingHr: 44,
      tags: ['masters'],
      notes: 'Knee',
      // 41.26 - 47.04 = -5.78.
      fitness: 41.3,
      fatigue: 47,
      form: -5.8,
      canEdit: false,
      sports: [{ ...none, id: 9, types: ['Run'], thresholdPace: 4.5 }],
    })
  })

  it('has no fitness without a record for the athlete’s own today, and takes intervals.icu’s weight first', async () => {
    await connected()
    h!.sim.addFault({ method: 'GET', path: '/api/v1/athlete/i100098', status: 200, body: { timezone: 'Pacific/Auckland', name: 'Kiri', icu_weight: 57, weight: 58.5, icu_notes: 3 } })
    // 20:00 UTC on the 10th is already the 11th in Auckland.
    h!.sim.addFault({ method: 'GET', path: '/api/v1/athlete/i100098/wellness', status: 200, body: [{ id: '2026-03-10', ctl: 40, atl: 45 }] })
    const p: AthleteProfile = await ok('athlete:get', { athleteId: 'i100098' })
    expect(p).toMatchObject({ id: 'i100098', name: 'Kiri', today: '2026-03-11', weight: 57, fitness: null, fatigue: null, form: null, notes: '', tags: [], canEdit: true, sports: [] })
  })

  it('says whether the coach may change a roster athlete, from the roster', async () => {
    await connected()
    expect((await ok('athlete:get', { athleteId: 'i100011' })).canEdit).toBe(false)
    expect((await ok('athlete:get', { athleteId: 'i100001' })).canEdit).toBe(true)
  })
})

describe('the activities list', () => {
  it('asks for the shown fields up to the end of the last day, and as many as the coach asked', async () => {
    await connected()
    await ok('athlete:activities', { athleteId: 'i100001', oldest: '2026-02-01', newest: '2026-03-01', limit: 5 })
    expect(queryOf('/athlete/i100001/activities')).toEqual({
      oldest: '2026-02-01',
      newest: '2026-03-01T23:59:59',
      limit: '5',
      fields: 'id,start_date_local,type,name,moving_time,distance,icu_training_load,icu_intensity,icu_average_watts,icu_weighted_avg_watts,average_heartrate,icu_rpe,compliance,paired_event_id,source',
    })
    h!.sim.resetRequests()
    await ok('athlete:activities', { athleteId: 'i100001', oldest: '2026-02-01' })
    expect(Object.keys(queryOf('/athlete/i100001/activities')).sort()).toEqual(['fields', 'oldest'])
  })

  it('leaves out entries without an id', async () => {
    await connected()
    h!.sim.addFault({ method: 'GET', path: '/api/v1/athlete/i100001/activities', status: 200, body: [null, { name: 'no id' }, { id: 7, name: 'numeric id' }, { id: 'i5', name: 'Kept', type: 'Run' }] })
    const rows: ActivityRow[] = await ok('athlete:activities', { athleteId: 'i100001', oldest: '2026-02-01' })
    expect(rows.map((r) => [r.id, r.name])).toEqual([['i5', 'Kept']])
  })
})

describe('one activity, kept in main', () => {
  it('is read once for two views asking together, and again only after a reconnect', async () => {
    await connected()
    const [id] = rides()
    await Promise.all([ok('athlete:activity', { activityId: id }), ok('athlete:activity', { activityId: id })])
    expect(asked().filter((p) => p === `GET /activity/${id}`)).toHaveLength(1)
    await ok('athlete:activity', { activityId: id })
    expect(asked().filter((p) => p === `GET /activity/${id}`)).toHaveLength(1)
    await h!.core.invoke('session:connect', { athleteId: h!.sim.coachId, apiKey: h!.sim.apiKey })
    h!.sim.resetRequests()
    await ok('athlete:activity', { activityId: id })
    expect(asked()).toContain(`GET /activity/${id}`)
  })

  it('keeps the last hundred opened', async () => {
    await connected()
    const ids = ['i100001', 'i100002'].flatMap((a) => h!.sim.state.athlete(a)!.activities.map((x) => x.id!)).slice(0, 101)
    expect(ids).toHaveLength(101)
    for (const id of ids.slice(0, 100)) await ok('athlete:activity', { activityId: id })
    h!.sim.resetRequests()
    await ok('athlete:activity', { activityId: ids[0] })
    expect(asked().filter((p) => p.startsWith('GET /activity/'))).toHaveLength(0)
    await ok('athlete:activity', { activityId: ids[100] })
    // The hundred-and-first pushes out the one opened longest ago (the first was opened first).
    h!.sim.resetRequests()
    await ok('athlete:activity', { activityId: ids[0] })
    expect(asked()).toEqual([`GET /activity/${ids[0]}`])
  })

  it('does not keep a failure, and says when an answer is no activity', async () => {
    await connected()
    const [id] = rides()
    h!.sim.addFault({ method: 'GET', path: `/api/v1/activity/${id}`, status: 404, times: 1 })
    expect((await fails('athlete:activity', { activityId: id })).code).toBe('NOT_FOUND')
    expect((await ok('athlete:activity', { activityId: id })).id).toBe(id)
    h!.sim.addFault({ method: 'GET', path: '/api/v1/activity/i424242', status: 200, body: { name: 'no id' } })
    expect(await fails('athlete:activity', { activityId: 'i424242' })).toEqual({ code: 'NOT_FOUND', message: 'That activity is not on intervals.icu any more.' })
  })

  it('reads the athlete’s sport settings once for the zones, none after the header loaded them, and none for a Strava stub', async () => {
    await connected()
    const [a, b] = rides()
    await ok('athlete:activity', { activityId: a })
    await ok('athlete:activity', { activityId: b })
    expect(asked()).toEqual([`GET /activity/${a}`, 'GET /athlete/i100001/sport-settings', `GET /activity/${b}`])

    await ok('athlete:get', { athleteId: 'i100002' })
    const run = h!.sim.state.athlete('i100002')!.activities.at(-1)!.id!
    h!.sim.resetRequests()
    await ok('athlete:activity', { activityId: run })
    expect(asked()).toEqual([`GET /activity/${run}`])

    const stub = h!.sim.state.athlete('i100012')!.activities.find((x) => x.source === 'STRAVA')!.id!
    h!.sim.resetRequests()
    await ok('athlete:activity', { activityId: stub })
    expect(asked()).toEqual([`GET /activity/${stub}`])
  })

  it('still opens when the sport settings cannot be read, with the zones the activity carries', async () => {
    await connected()
    const [id] = rides()
    h!.sim.addFault({ method: 'GET', path: '/api/v1/athlete/i100001/sport-settings', status: 403 })
    const d: ActivityDetail = await ok('athlete:activity', { activityId: id })
    expect(d.id).toBe(id)
    expect(d.zones.power.map((z) => z.name)).toEqual(d.zones.power.map((_, i) => `Zone ${i + 1}`))
  })

  it('sends only the fields changed, in the API’s names, and keeps the intervals shown', async () => {
    await connected()
    const [id] = rides()
    const before: ActivityDetail = await ok('athlete:activity', { activityId: id })
    h!.sim.resetRequests()
    const saved: ActivityDetail = await ok('athlete:updateActivity', { activityId: id, changes: { rpe: 7 } })
    expect(h!.sim.requests.map((r) => [r.method, r.body])).toEqual([['PUT', { icu_rpe: 7 }]])
    expect(h!.sim.state.athlete('i100001')!.activities.find((a) => a.id === id)!.icu_rpe).toBe(7)
    expect(saved.rpe).toBe(7)
    expect(saved.intervals).toEqual(before.intervals)
    expect(saved.zones).toEqual(before.zones)
    h!.sim.resetRequests()
    await ok('athlete:updateActivity', { activityId: id, changes: { name: 'Club ride', description: 'Windy', feel: 3, tags: ['club'] } })
    expect(h!.sim.requests.map((r) => r.body)).toEqual([{ name: 'Club ride', description: 'Windy', feel: 3, tags: ['club'] }])
    h!.sim.resetRequests()
    expect(await ok('athlete:activity', { activityId: id })).toMatchObject({ name: 'Club ride', rpe: 7, feel: 3 })
    expect(h!.sim.requests).toHaveLength(0)
  })
})

describe('streams, kept in main', () => {
  it('keeps the six last opened, the one reopened counting as the latest', async () => {
    await connected()
    const ids = rides().slice(0, 8)
    for (const id of ids.slice(0, 6)) await ok('athlete:streams', { activityId: id })
    await ok('athlete:streams', { activityId: ids[0] })
    await ok('athlete:streams', { activityId: ids[6] })
    h!.sim.resetRequests()
    await ok('athlete:streams', { activityId: ids[0] })
    expect(asked().filter((p) => p.endsWith('/streams'))).toEqual([])
    await ok('athlete:streams', { activityId: ids[1] })
    expect(asked().filter((p) => p.endsWith('/streams'))).toEqual([`GET /activity/${ids[1]}/streams`])
  })

  it('passes on a failed read of a recorded activity’s streams, and reads again next time', async () => {
    await connected()
    const [id] = rides()
    h!.sim.addFault({ method: 'GET', path: `/api/v1/activity/${id}/streams`, status: 404, times: 1 })
    expect((await fails('athlete:streams', { activityId: id })).code).toBe('NOT_FOUND')
    const s: ActivityStreams = await ok('athlete:streams', { activityId: id })
    expect(s.series.length).toBeGreaterThan(0)
  })

  it('gives the same window again for the same question, and another for another', async () => {
    await connected()
    const [id] = rides()
    const whole: ActivityStreams = await ok('athlete:streams', { activityId: id, maxPoints: 300 })
    const zoomed: ActivityStreams = await ok('athlete:streams', { activityId: id, fromSecs: 60, toSecs: 119 })
    expect(zoomed).toMatchObject({ fromSecs: 60, toSecs: 119, windowSamples: 60, decimated: false })
    expect(await ok('athlete:streams', { activityId: id, maxPoints: 300 })).toEqual(whole)
    expect(whole.series[0]!.x).toHaveLength(300)
  })

  it('counts time in zones with the athlete’s zones, and shows none for a sport without settings', async () => {
    await connected()
    const [id] = rides()
    const s: ActivityStreams = await ok('athlete:streams', { activityId: id })
    const settings = h!.sim.state.athlete('i100001')!.sportSettings.find((x) => x.types?.includes('Ride'))!
    expect(s.zones.power.map((z) => z.name)).toEqual(settings.power_zone_names!.slice(0, s.zones.power.length))
    expect(s.zones.hr.map((z) => z.upper)).toEqual([...settings.hr_zones!.slice(0, -1), null])

    const yoga = { ...h!.sim.state.athlete('i100001')!.activities.find((a) => a.id === id)!, id: 'i777001', type: 'Yoga' }
    h!.sim.state.athlete('i100001')!.activities.push(yoga)
    h!.sim.addFault({ method: 'GET', path: '/api/v1/activity/i777001/streams', status: 200, body: [{ type: 'time', data: [0, 1] }, { type: 'heartrate', data: [100, 110] }] })
    expect((await ok('athlete:streams', { activityId: 'i777001' })).zones).toEqual({ power: [], hr: [] })
  })

  it('names the CSV for the day, the activity and its id', async () => {
    await connected()
    const [id] = rides()
    const activity = h!.sim.state.athlete('i100001')!.activities.find((a) => a.id === id)!
    activity.name = 'Hill repeats'
    const { fileName } = await ok('athlete:streamsCsv', { activityId: id })
    expect(fileName).toBe(`${activity.start_date_local!.slice(0, 10)} Hill repeats ${id}.csv`)
  })
})

describe('fitness and wellness reads', () => {
  it('asks for fitness, done and planned load over the range, with the categories that carry load', async () => {
    await connected()
    await ok('athlete:fitness', { athleteId: 'i100001', oldest: '2026-02-01', newest: '2026-03-15' })
    expect(queryOf('/athlete/i100001/wellness')).toEqual({ oldest: '2026-02-01', newest: '2026-03-15', fields: 'id,ctl,atl' })
    expect(queryOf('/athlete/i100001/activities')).toEqual({ oldest: '2026-02-01', newest: '2026-03-15T23:59:59', fields: 'start_date_local,icu_training_load,moving_time' })
    expect(queryOf('/athlete/i100001/events')).toEqual({ oldest: '2026-02-01', newest: '2026-03-15', category: 'WORKOUT,RACE_A,RACE_B,RACE_C' })
  })

  it('works fitness, weeks and the projection out of answers written by hand', async () => {
    await connected()
    h!.sim.addFault({ method: 'GET', path: '/api/v1/athlete/i100001/wellness', status: 200, body: [null, { ctl: 1 }, { id: '2026-03-09', ctl: 50, atl: 60 }, { id: '2026-03-10', ctl: 51, atl: 58 }] })
    // Entries without a start date have no day to count on, and break nothing.
    h!.sim.addFault({ method: 'GET', path: '/api/v1/athlete/i100001/activities', status: 200, body: [{ start_date_local: '2026-03-09T07:00:00', icu_training_load: 80, moving_time: 3600 }, {}, null, { start_date_local: 'soon', icu_training_load: 5 }] })
    h!.sim.addFault({ method: 'GET', path: '/api/v1/athlete/i100001/events', status: 200, body: [{ start_date_local: '2026-03-11T00:00:00', icu_training_load: 100 }, { icu_training_load: 50 }, null] })
    const f = await ok('athlete:fitness', { athleteId: 'i100001', oldest: '2026-03-09', newest: '2026-03-11' })
    expect(f.days).toEqual([
      { date: '2026-03-09', ctl: 50, atl: 60, form: -10 },
      { date: '2026-03-10', ctl: 51, atl: 58, form: -7 },
      { date: '2026-03-11', ctl: null, atl: null, form: null },
    ])
    // 51 × e^(-1/42) + 100 × (1 - e^(-1/42)) = 52.2; 58 × e^(-1/7) + 100 × (1 - e^(-1/7)) = 63.6.
    expect(f.projection).toEqual([{ date: '2026-03-11', ctl: 52.2, atl: 63.6, form: -11.4 }])
    expect(f.weeks).toEqual([{ monday: '2026-03-09', done: 80, planned: 100, doneSecs: 3600, compliance: 80 }])
  })

  it('lists wellness days with a date only, and names the CSV for the athlete and the range', async () => {
    await connected()
    h!.sim.addFault({ method: 'GET', path: '/api/v1/athlete/i100002/wellness', status: 200, body: [null, { hrv: 50 }, { id: '2026-03-09', hrv: 61 }] })
    const days = await ok('athlete:wellness', { athleteId: 'i100002', oldest: '2026-03-01', newest: '2026-03-09' })
    expect(days.map((d) => [d.date, d.hrv])).toEqual([['2026-03-09', 61]])
    expect(queryOf('/athlete/i100002/wellness')).toEqual({ oldest: '2026-03-01', newest: '2026-03-09' })
    const { fileName } = await ok('athlete:wellnessCsv', { athleteId: 'i100002', oldest: '2026-01-01', newest: '2026-01-07' })
    expect(fileName).toBe('wellness i100002 2026-01-01 to 2026-01-07.csv')
  })
})

describe('edits of wellness days', () => {
  it('saves one day with the values given, and several in one request that answers with the dates sent', async () => {
    await connected()
    const saved = await ok('athlete:updateWellness', { athleteId: 'i100002', date: '2026-03-05', values: { restingHr: 44, comments: 'Tired' } })
    expect(h!.sim.requests.map((r) => [r.method, r.path, r.body])).toEqual([['PUT', '/api/v1/athlete/i100002/wellness/2026-03-05', { restingHR: 44, comments: 'Tired' }]])
    expect(saved).toMatchObject({ date: '2026-03-05', restingHr: 44, comments: 'Tired' })
    h!.sim.resetRequests()
    const bulk = await ok('athlete:updateWellnessBulk', {
      athleteId: 'i100002',
      days: [
        { date: '2026-03-06', values: { soreness: 3 } },
        { date: '2026-03-07', values: { mood: 2, hrv: 55 } },
      ],
    })
    expect(bulk).toEqual({ updated: ['2026-03-06', '2026-03-07'] })
    expect(h!.sim.requests.map((r) => r.body)).toEqual([
      [
        { id: '2026-03-06', soreness: 3 },
        { id: '2026-03-07', mood: 2, hrv: 55 },
      ],
    ])
    expect(h!.sim.state.athlete('i100002')!.wellness.find((w) => w.id === '2026-03-07')).toMatchObject({ mood: 2, hrv: 55 })
  })
})

describe('a Strava import’s streams', () => {
  it('has no chart and the reason, whether the streams read answers empty or fails', async () => {
    await connected()
    const [first, second] = h!.sim.state.athlete('i100012')!.activities.filter((a) => a.source === 'STRAVA')
    h!.sim.addFault({ method: 'GET', path: `/api/v1/activity/${second!.id}/streams`, status: 422 })
    for (const stub of [first!, second!]) {
      const s: ActivityStreams = await ok('athlete:streams', { activityId: stub.id })
      expect(s).toEqual({
        activityId: stub.id,
        type: 'Strava',
        totalSamples: 0,
        fromSecs: 0,
        toSecs: 0,
        windowSamples: 0,
        decimated: false,
        smoothSecs: 0,
        series: [],
        zones: { power: [], hr: [] },
        unavailable: "Strava keeps this activity's streams from the API: intervals.icu may not pass on data imported from Strava. Upload the original file to intervals.icu to see its chart.",
      })
    }
  })
})

describe('sport settings changes', () => {
  it('checks the next change against the values just saved, still knows the other sports, and refuses a record that is gone', async () => {
    await connected()
    const p: AthleteProfile = await ok('athlete:get', { athleteId: 'i100001' })
    const ride = p.sports.find((s) => s.types.includes('Ride'))!
    const run = p.sports.find((s) => s.types.includes('Run'))!
    const change = (settingsId: number, changes: unknown) => ({ athleteId: 'i100001', settingsId, recalcHrZones: false, changes })
    await ok('athlete:updateSportSettings', change(ride.id, { lthr: 160, maxHr: 180 }))
    h!.sim.resetRequests()
    expect(await fails('athlete:updateSportSettings', change(ride.id, { lthr: 185 }))).toEqual({ code: 'INVALID_INPUT', message: 'LTHR (185 bpm) must be below max HR (180 bpm).' })
    expect(h!.sim.requests).toHaveLength(0)
    expect((await ok('athlete:updateSportSettings', change(run.id, { thresholdPace: 4 }))).thresholdPace).toBe(4)
    expect(h!.sim.state.athlete('i100001')!.sportSettings.find((s) => s.id === run.id)!.threshold_pace).toBe(4)
    expect(await fails('athlete:updateSportSettings', change(424242, { ftp: 250 }))).toEqual({ code: 'NOT_FOUND', message: 'Those sport settings are not on intervals.icu any more. Reload the athlete.' })
  })
})

describe('manual activities', () => {
  it('looks for earlier attempts over the rows’ days, and takes only its own external ids as one', async () => {
    await connected()
    const athlete = h!.sim.state.athlete('i100005')!
    // Another application's activity with the same reference, but not Coach Desk's prefix.
    athlete.activities.push({ ...athlete.activities.at(-1)!, id: 'i888001', external_id: 'f3a1c2d4-0009', start_date_local: '2026-01-20T09:00:00' })
    const rows = [
      { externalId: 'f3a1c2d4-0009', date: '2026-01-20', type: 'Yoga', name: 'Yoga', movingSecs: 3600 },
      { externalId: 'f3a1c2d4-0008', date: '2026-01-18', type: 'Run', name: 'Jog', movingSecs: 1800 },
    ]
    const logged = await ok('athlete:logManual', { athleteId: 'i100005', activities: rows })
    expect(queryOf('/athlete/i100005/activities')).toEqual({ oldest: '2026-01-18', newest: '2026-01-20T23:59:59', fields: 'id,external_id,name,start_date_local' })
    expect(h!.sim.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
    expect(logged.map((l) => [l.externalId, l.name, l.date])).toEqual([
      ['f3a1c2d4-0009', 'Yoga', '2026-01-20T09:00:00'],
      ['f3a1c2d4-0008', 'Jog', '2026-01-18T09:00:00'],
    ])
    expect(logged.map((l) => l.id)).not.toContain('i888001')
    expect(athlete.activities.filter((a) => a.external_id === 'coach-desk-f3a1c2d4-0009')).toHaveLength(1)
    // Sent again, both are found and nothing is sent.
    h!.sim.resetRequests()
    const again = await ok('athlete:logManual', { athleteId: 'i100005', activities: rows })
    expect(again).toEqual(logged)
    expect(h!.sim.requests.map((r) => r.method)).toEqual(['GET'])
  })
})
