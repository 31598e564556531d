import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Channel } from '../../contract/channels'
import type { ActivityDetail, ActivityRow, ActivityStreams, AthleteProfile, FitnessSeries, ResultOf, SportSettingsView, WellnessDay } from '../../contract/schemas'
import { profilesFor, VARIANTS, type ProfileAxis } from '../../sim/profile'
import { coreHarness, type CoreHarness } from '../../testing/core'
import { STRAVA_STREAMS } from './streams'
import { addDays, athleteToday } from '../dates'

let h: CoreHarness
beforeAll(async () => {
  h = await coreHarness()
  await h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey })
})
afterAll(() => h.close())
beforeEach(() => h.sim.resetRequests())

async function ok<C extends Channel>(channel: C, args: unknown): Promise<ResultOf<C>> {
  const r = await h.core.invoke(channel, args)
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`)
  return r.value as ResultOf<C>
}

async function fails(channel: Channel, args: unknown) {
  const r = await h.core.invoke(channel, args)
  if (r.ok) throw new Error(`${channel} succeeded`)
  return r.error
}

const paths = () => h.sim.requests.map((r) => `${r.method} ${r.path.replace('/api/v1', '')}`)
const CYCLIST = 'i100001'

function longRide(): string {
  const rides = h.sim.state.athlete(CYCLIST)!.activities.filter((a) => a.type === 'Ride')
  return rides.reduce((a, b) => ((b.moving_time ?? 0) > (a.moving_time ?? 0) ? b : a)).id!
}

describe('athlete header', () => {
  it("has sports with zones, the coach's tags and notes, and fitness, fatigue and form on the athlete's today, in two requests", async () => {
    await ok('roster:list', {})
    h.sim.resetRequests()
    const p: AthleteProfile = await ok('athlete:get', { athleteId: CYCLIST })
    expect(p.tags).toEqual(h.sim.state.athlete(CYCLIST)!.tags)
    expect(p.notes).toBe(h.sim.state.athlete(CYCLIST)!.notes)
    expect(h.sim.requests).toHaveLength(2)
    expect(p.today).toBe(athleteToday(p.timezone, new Date()))
    const w = h.sim.state.athlete(CYCLIST)!.wellness.find((d) => d.id === p.today)!
    expect(p.fitness).toBeCloseTo(w.ctl!, 1)
    expect(p.form).toBeCloseTo(w.ctl! - w.atl!, 0)
    const ride = p.sports.find((s) => s.types.includes('Ride'))!
    expect(ride.ftp).toBeGreaterThan(100)
    expect(ride.powerZones.length).toBe(ride.powerZoneNames.length)
    expect(p.sports.find((s) => s.types.includes('Run'))!.thresholdPace).toBeGreaterThan(2)
    expect(p.canEdit).toBe(true)
  })
})

describe('activities list', () => {
  it('asks for only the shown fields and carries compliance for planned sessions', async () => {
    const today = athleteToday('UTC', new Date())
    const rows: ActivityRow[] = await ok('athlete:activities', { athleteId: CYCLIST, oldest: addDays(today, -30), newest: today })
    expect(h.sim.requests[0].query).toContain('fields=')
    expect(rows.length).toBeGreaterThan(10)
    expect(rows.some((r) => r.pairedEventId !== null && r.compliance !== null)).toBe(true)
    expect(rows.every((r) => r.pairedEventId !== null || r.compliance === null)).toBe(true)
  })

  it('shows Strava imports as stubs rather than failing', async () => {
    const today = athleteToday('UTC', new Date())
    const rows: ActivityRow[] = await ok('athlete:activities', { athleteId: 'i100012', oldest: addDays(today, -110), newest: today })
    const stub = rows.find((r) => r.stub)!
    expect(stub).toMatchObject({ type: 'Strava', name: 'Imported from Strava', source: 'STRAVA' })
  })
})

describe('one activity', () => {
  it('has a summary, intervals and zone times, and streams decimated to the points asked for', async () => {
    const id = longRide()
    const [d, s] = await Promise.all([
      ok('athlete:activity', { activityId: id }) as Promise<ActivityDetail>,
      ok('athlete:streams', { activityId: id, maxPoints: 1200 }) as Promise<ActivityStreams>,
    ])
    expect(d.intervals.length).toBeGreaterThan(2)
    expect(d.intervals.some((i) => i.kind === 'WORK')).toBe(true)
    expect(s.totalSamples).toBe(h.sim.state.athlete(CYCLIST)!.activities.find((a) => a.id === id)!.moving_time)
    expect(s.decimated).toBe(true)
    expect(s.series.map((x) => x.key)).toEqual(['watts', 'heartrate', 'cadence', 'velocity_smooth', 'altitude'])
    for (const series of s.series) expect(series.x.length).toBeLessThanOrEqual(1200)
    expect(s.zones.power.reduce((a, z) => a + z.secs, 0)).toBeCloseTo(s.totalSamples, -1)
    expect(s.zones.power[0].name).toBe('Active Recovery')
    expect(s.zones.hr.length).toBeGreaterThan(3)
  })

  it('costs no request when reopened or zoomed (kept in main)', async () => {
    const id = longRide()
    await ok('athlete:activity', { activityId: id })
    await ok('athlete:streams', { activityId: id })
    h.sim.resetRequests()
    await ok('athlete:activity', { activityId: id })
    const zoom: ActivityStreams = await ok('athlete:streams', { activityId: id, fromSecs: 600, toSecs: 1199 })
    expect(h.sim.requests).toHaveLength(0)
    expect(zoom.decimated).toBe(false)
    expect(zoom.series[0].x).toHaveLength(600)
  })

  it('saves the coach edits back with PUT /activity and shows them on reopening', async () => {
    const id = longRide()
    const saved: ActivityDetail = await ok('athlete:updateActivity', {
      activityId: id,
      changes: { name: 'Long ride with the club', rpe: 6, feel: 2, tags: ['club', 'base'], description: 'Windy' },
    })
    expect(paths()).toContain(`PUT /activity/${id}`)
    expect(saved).toMatchObject({ name: 'Long ride with the club', rpe: 6, feel: 2, tags: ['club', 'base'], description: 'Windy' })
    expect(saved.intervals.length).toBeGreaterThan(2)
    expect(h.sim.state.athlete(CYCLIST)!.activities.find((a) => a.id === id)).toMatchObject({ name: 'Long ride with the club', icu_rpe: 6 })
    h.sim.resetRequests()
    expect((await ok('athlete:activity', { activityId: id })).name).toBe('Long ride with the club')
    expect(h.sim.requests).toHaveLength(0)
  })

  it('says a Strava import cannot be changed, without sending the change', async () => {
    const stub = h.sim.state.athlete('i100012')!.activities.find((a) => a.source === 'STRAVA')!
    const d: ActivityDetail = await ok('athlete:activity', { activityId: stub.id })
    expect(d.editable).toBe(false)
    expect(d.readOnlyReason).toContain('Strava')
    const e = await fails('athlete:updateActivity', { activityId: stub.id, changes: { name: 'x' } })
    expect(e.code).toBe('CONFLICT')
    expect(e.message).toContain('Strava')
    expect(h.sim.requests.filter((r) => r.method === 'PUT')).toHaveLength(0)
  })

  describe.each(profilesFor(['stravaStreams']).map((p, i) => ({ ...p, i })))('a Strava import under $name', ({ profile, i }) => {
    beforeEach(() => h.sim.setProfile(profile))
    afterAll(() => h.sim.setProfile({ stravaStreams: 'stub' }))

    it('has no chart and says Strava keeps its streams, instead of an error', async () => {
      // A different import per profile, since main keeps the streams it has read.
      const stub = h.sim.state.athlete('i100012')!.activities.filter((a) => a.source === 'STRAVA')[i]!
      const s: ActivityStreams = await ok('athlete:streams', { activityId: stub.id! })
      expect(s).toMatchObject({ series: [], totalSamples: 0, unavailable: STRAVA_STREAMS })
      // The streams request was made and answered as this profile says; the page still shows the reason.
      const asked = h.sim.requests.find((r) => r.path === `/api/v1/activity/${stub.id}/streams`)
      expect(asked?.status).toBe(profile.stravaStreams === 'unprocessable' ? 422 : 200)
      // A recorded activity still has its streams under the same profile.
      const recorded: ActivityStreams = await ok('athlete:streams', { activityId: longRide() })
      expect(recorded.unavailable).toBeNull()
      expect(recorded.series.length).toBeGreaterThan(0)
    })
  })

  it('gives the full-resolution streams as CSV with a safe file name', async () => {
    const id = longRide()
    const { fileName, csv } = await ok('athlete:streamsCsv', { activityId: id })
    expect(fileName).toMatch(/\.csv$/)
    expect(fileName).not.toMatch(/[/\\]/)
    const lines = csv.trim().split('\n')
    expect(lines[0]).toBe('time,watts,heartrate,cadence,velocity_smooth,altitude,distance')
    expect(lines.length - 1).toBe(h.sim.state.athlete(CYCLIST)!.activities.find((a) => a.id === id)!.moving_time)
  })
})

describe('fitness', () => {
  it('gives CTL/ATL/form per day and load done vs planned per week, in three requests', async () => {
    const today = athleteToday('UTC', new Date())
    const f: FitnessSeries = await ok('athlete:fitness', { athleteId: CYCLIST, oldest: addDays(today, -55), newest: addDays(today, 14) })
    expect(h.sim.requests).toHaveLength(3)
    expect(f.days).toHaveLength(70)
    const known = f.days.filter((d) => d.ctl !== null)
    expect(known.length).toBeGreaterThan(50)
    for (const d of known) expect(d.form).toBeCloseTo(d.ctl! - d.atl!, 0)
    expect(f.weeks.length).toBeGreaterThanOrEqual(10)
    expect(f.weeks.some((w) => w.done > 0 && w.planned > 0)).toBe(true)
    // Weeks ahead have a plan and nothing done yet.
    expect(f.weeks.at(-1)!.done).toBe(0)
    expect(f.weeks.at(-1)!.planned).toBeGreaterThan(0)
  })
})

describe('wellness', () => {
  const athlete = 'i100002'

  it('lists the range and edits one day', async () => {
    const today = athleteToday('UTC', new Date())
    const days: WellnessDay[] = await ok('athlete:wellness', { athleteId: athlete, oldest: addDays(today, -13), newest: addDays(today, -1) })
    expect(days).toHaveLength(13)
    const date = days[3].date
    const saved: WellnessDay = await ok('athlete:updateWellness', { athleteId: athlete, date, values: { restingHr: 41, sleepSecs: 27_000, mood: 2 } })
    expect(saved).toMatchObject({ date, restingHr: 41, sleepSecs: 27_000, mood: 2 })
    expect(h.sim.state.athlete(athlete)!.wellness.find((w) => w.id === date)).toMatchObject({ restingHR: 41, sleepSecs: 27_000, mood: 2 })
  })

  it('sends exactly the values given, in the API names, and leaves the rest of the day as it was', async () => {
    const day = h.sim.state.athlete(athlete)!.wellness.at(-9)!
    day.sleepSecs = 30_123
    h.sim.resetRequests()
    await ok('athlete:updateWellness', { athleteId: athlete, date: day.id!, values: { restingHr: 44, mood: 2 } })
    const put = h.sim.requests.filter((r) => r.method === 'PUT')
    expect(put.map((r) => r.path)).toEqual([`/api/v1/athlete/${athlete}/wellness/${day.id}`])
    expect(put[0]!.body).toEqual({ restingHR: 44, mood: 2 })
    expect(day).toMatchObject({ restingHR: 44, mood: 2, sleepSecs: 30_123 })
  })

  it('edits several days in one request', async () => {
    const dates = h.sim.state.athlete(athlete)!.wellness.slice(-8, -5).map((w) => w.id!)
    const r = await ok('athlete:updateWellnessBulk', { athleteId: athlete, days: dates.map((date) => ({ date, values: { soreness: 3, comments: 'camp' } })) })
    expect(r.updated).toEqual(dates)
    expect(paths()).toEqual([`PUT /athlete/${athlete}/wellness-bulk`])
    expect(h.sim.state.athlete(athlete)!.wellness.filter((w) => dates.includes(w.id!)).every((w) => w.soreness === 3 && w.comments === 'camp')).toBe(true)
  })

  it('exports the range as CSV', async () => {
    const { fileName, csv } = await ok('athlete:wellnessCsv', { athleteId: athlete, oldest: '2026-01-01', newest: '2026-01-07' })
    expect(fileName).toMatch(/^wellness .*\.csv$/)
    expect(csv.split('\n')[0]).toContain('restingHR')
  })
})

describe('edits that are refused with a clear message before any request', () => {
  const ride = () => h.sim.state.athlete(CYCLIST)!.sportSettings.find((s) => s.types?.includes('Ride'))!.id!
  const swim = () => h.sim.state.athlete(CYCLIST)!.sportSettings.find((s) => s.types?.includes('Swim'))!.id!
  const settings = (changes: unknown, settingsId = ride()) => ({ athleteId: CYCLIST, settingsId, recalcHrZones: false, changes })
  const day = (values: unknown, date = '2026-01-10') => ({ athleteId: CYCLIST, date, values })

  const cases: [string, Channel, () => unknown, string][] = [
    ['a negative FTP', 'athlete:updateSportSettings', () => settings({ ftp: -250 }), 'FTP must be a whole number of watts between 30 and 2000.'],
    ['power zones out of order', 'athlete:updateSportSettings', () => settings({ powerZones: [55, 75, 70, 105, 999] }), 'Power zones must increase: zone 3 (70%) is not above zone 2 (75%).'],
    ['an HR zone out of range', 'athlete:updateSportSettings', () => settings({ hrZones: [120, 140, 400] }), 'HR zone bounds must be between 40 and 250 bpm.'],
    ['LTHR above max HR', 'athlete:updateSportSettings', () => settings({ lthr: 200, maxHr: 190 }), 'LTHR must be below max HR.'],
    ['the top HR zone above the max HR sent with it', 'athlete:updateSportSettings', () => settings({ hrZones: [120, 140, 200], maxHr: 190 }), 'The top HR zone cannot end above max HR.'],
    ['a swim threshold typed in seconds', 'athlete:updateSportSettings', () => settings({ thresholdPace: 7.5 }, swim()), 'That swim threshold is faster than the world record: it is stored as a speed in m/s.'],
    ['a resting HR out of range', 'athlete:updateWellness', () => day({ restingHr: 400 }), 'Resting HR must be between 20 and 150 bpm.'],
    ['a mood off the scale', 'athlete:updateWellness', () => day({ mood: 9 }), 'Mood is a whole number from 1 to 4.'],
    ['a wellness day in the far future', 'athlete:updateWellness', () => day({ hrv: 60 }, '2999-01-01'), 'Wellness is for days that have happened: that date is in the future.'],
    ['a weight in a bulk edit', 'athlete:updateWellnessBulk', () => ({ athleteId: CYCLIST, days: [{ date: '2026-01-10', values: { weight: 3 } }] }), 'Weight must be between 20 and 300 kg.'],
  ]

  for (const [what, channel, args, message] of cases) {
    it(`${what}: INVALID_INPUT, "${message}"`, async () => {
      await ok('athlete:get', { athleteId: CYCLIST })
      h.sim.resetRequests()
      expect(await fails(channel, args())).toEqual({ code: 'INVALID_INPUT', message })
      expect(h.sim.requests).toHaveLength(0)
    })
  }

  it('refuses HR zones whose top is above the max HR already stored, naming both, and sends nothing', async () => {
    const p: AthleteProfile = await ok('athlete:get', { athleteId: CYCLIST })
    const ride = p.sports.find((s) => s.types.includes('Ride') && s.maxHr !== null)
    expect(ride?.maxHr).toBeLessThan(240)
    const top = (ride?.maxHr ?? 0) + 5
    h.sim.resetRequests()
    expect(await fails('athlete:updateSportSettings', settings({ hrZones: [120, 140, top] }, ride?.id))).toEqual({
      code: 'INVALID_INPUT',
      message: `The top HR zone ends at ${top} bpm, above max HR (${ride?.maxHr} bpm).`,
    })
    expect(h.sim.requests).toHaveLength(0)
  })
})

describe('sport settings', () => {
  it('saves a new FTP with the recalcHrZones choice and returns the saved record', async () => {
    const p: AthleteProfile = await ok('athlete:get', { athleteId: CYCLIST })
    const ride = p.sports.find((s) => s.types.includes('Ride'))!
    h.sim.resetRequests()
    const saved: SportSettingsView = await ok('athlete:updateSportSettings', {
      athleteId: CYCLIST,
      settingsId: ride.id,
      recalcHrZones: true,
      changes: { ftp: (ride.ftp ?? 200) + 7, lthr: (ride.lthr ?? 160) + 2 },
    })
    expect(h.sim.requests.map((r) => r.query)).toEqual(['recalcHrZones=true'])
    expect(saved.ftp).toBe((ride.ftp ?? 200) + 7)
    expect(saved.hrZones[0]).toBeGreaterThan(ride.hrZones[0])
    expect(h.sim.state.athlete(CYCLIST)!.sportSettings.find((s) => s.id === ride.id)!.ftp).toBe(saved.ftp)
  })
})

// No axis of the profile is about manual activities, but the suite runs under every reading anyway.
describe.each(profilesFor(Object.keys(VARIANTS) as ProfileAxis[]))('manual activities under $name', ({ profile }) => {
  let outer: CoreHarness
  beforeAll(async () => {
    outer = h
    h = await coreHarness({ sim: { profile } })
    await h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey })
  })
  afterAll(async () => {
    await h.close()
    h = outer
  })

  it('logs several in one request, and sending them again does not duplicate', async () => {
    const athlete = 'i100005'
    const rows = [
      { externalId: 'f3a1c2d4-0001', date: '2026-01-12', type: 'WeightTraining', name: 'Gym', movingSecs: 2700, rpe: 6 },
      { externalId: 'f3a1c2d4-0002', date: '2026-01-13', startTime: '07:30', type: 'Run', name: 'Treadmill', movingSecs: 1800, distanceM: 6000 },
    ]
    const before = h.sim.state.athlete(athlete)!.activities.length
    const first = await ok('athlete:logManual', { athleteId: athlete, activities: rows })
    const posts = () => h.sim.requests.filter((r) => r.method === 'POST')
    expect(posts()).toHaveLength(1)
    // Sending again finds both already there and sends nothing, whatever the server's upsert does.
    const again = await ok('athlete:logManual', { athleteId: athlete, activities: rows })
    expect(posts()).toHaveLength(1)
    expect(again.map((a) => a.id)).toEqual(first.map((a) => a.id))
    expect(first.map((a) => a.externalId)).toEqual(['f3a1c2d4-0001', 'f3a1c2d4-0002'])
    expect(h.sim.state.athlete(athlete)!.activities).toHaveLength(before + 2)
    expect(h.sim.state.athlete(athlete)!.activities.find((a) => a.name === 'Treadmill')).toMatchObject({ start_date_local: '2026-01-13T07:30:00', distance: 6000 })
    // One more row beside the two already saved: only it is sent.
    const third = { externalId: 'f3a1c2d4-0003', date: '2026-01-13', type: 'Yoga', name: 'Yoga', movingSecs: 3600 }
    const all = await ok('athlete:logManual', { athleteId: athlete, activities: [...rows, third] })
    expect(all.map((a) => a.externalId)).toEqual(['f3a1c2d4-0001', 'f3a1c2d4-0002', 'f3a1c2d4-0003'])
    expect(h.sim.state.athlete(athlete)!.activities).toHaveLength(before + 3)
  })
})
