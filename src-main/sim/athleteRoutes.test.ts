import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { normalisedPower } from './streams/intervals'
import { basicAuth, client, startTestSim } from './testHarness'
import type { Activity, SimHandle, SportSettings, Wellness } from './types'

let sim: SimHandle
beforeAll(async () => {
  sim = await startTestSim()
})
afterAll(() => sim.close())

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
type Stream = { type: string; data: number[] }

function longestRide(): Activity {
  const rides = [...sim.state.athletes.values()].flatMap((a) => a.activities).filter((a) => a.type === 'Ride' && a.source !== 'STRAVA')
  return rides.reduce((a, b) => ((b.moving_time ?? 0) > (a.moving_time ?? 0) ? b : a))
}

describe('streams', () => {
  it('are 1 Hz samples that agree with the activity: duration, average power, average HR, distance', async () => {
    const ride = longestRide()
    expect(ride.moving_time).toBeGreaterThan(3 * 3600)
    const res = await client(sim).get(`/activity/${ride.id}/streams?types=time,watts,heartrate,distance,altitude,cadence`)
    const streams = res.body as Stream[]
    const get = (t: string) => streams.find((s) => s.type === t)!.data
    expect(get('time')).toHaveLength(ride.moving_time!)
    expect(mean(get('watts'))).toBeCloseTo(ride.icu_average_watts!, 0)
    expect(Math.abs(normalisedPower(get('watts'))! - ride.icu_weighted_avg_watts!)).toBeLessThan(ride.icu_weighted_avg_watts! * 0.1)
    expect(Math.abs(mean(get('heartrate')) - ride.average_heartrate!)).toBeLessThan(1)
    expect(Math.max(...get('heartrate'))).toBeLessThanOrEqual(ride.athlete_max_hr!)
    expect(get('distance').at(-1)).toBeCloseTo(ride.distance!, -1)
    expect(get('cadence').every((c, i) => (get('watts')[i] === 0 ? c === 0 : c > 40))).toBe(true)
  })

  it('are the same on every request (generated from the activity, not stored)', async () => {
    const ride = longestRide()
    const a = (await client(sim).get(`/activity/${ride.id}/streams?types=watts`)).body
    const b = (await client(sim).get(`/activity/${ride.id}/streams?types=fixed_watts`)).body as Stream[]
    expect(b[0].type).toBe('watts')
    expect(b).toEqual(a)
  })

  it('leave out types the activity does not have, and answer CSV with a header row', async () => {
    const swim = [...sim.state.athletes.values()].flatMap((a) => a.activities).find((a) => a.type === 'Swim')!
    const json = (await client(sim).get(`/activity/${swim.id}/streams?types=watts,heartrate`)).body as Stream[]
    expect(json.map((s) => s.type)).toEqual(['heartrate'])
    const res = await fetch(`${sim.url}/api/v1/activity/${swim.id}/streams.csv?types=time,heartrate`, {
      headers: { Authorization: basicAuth(sim.apiKey) },
    })
    expect(res.headers.get('content-type')).toContain('text/csv')
    const lines = (await res.text()).trim().split('\n')
    expect(lines[0]).toBe('time,heartrate')
    expect(lines).toHaveLength(swim.moving_time! + 1)
  })
})

describe('one activity', () => {
  it('with intervals=true carries intervals that tile the activity and match the samples', async () => {
    const ride = longestRide()
    const plain = (await client(sim).get(`/activity/${ride.id}`)).body as Record<string, unknown>
    expect(plain.icu_intervals).toBeUndefined()
    const body = (await client(sim).get(`/activity/${ride.id}?intervals=true`)).body as { icu_intervals: Array<Record<string, number | string>> }
    const iv = body.icu_intervals
    expect(iv.length).toBeGreaterThan(2)
    expect(iv[0].start_time).toBe(0)
    expect(iv.at(-1)!.end_time).toBe(ride.moving_time)
    for (let i = 1; i < iv.length; i++) expect(iv[i].start_time).toBe(iv[i - 1].end_time)
    expect(iv.some((i) => i.type === 'WORK')).toBe(true)
    const watts = ((await client(sim).get(`/activity/${ride.id}/streams?types=watts`)).body as Stream[])[0].data
    const first = iv[1]
    expect(first.average_watts).toBe(Math.round(mean(watts.slice(first.start_time as number, first.end_time as number))))
  })

  it('PUT changes only the fields sent', async () => {
    const a = sim.state.athlete('i100002')!.activities.at(-1)!
    const before = { ...a }
    const res = await client(sim).put(`/activity/${a.id}`, { name: 'Hill reps', icu_rpe: 7, feel: 2, tags: ['hills'], id: 'i1' })
    expect(res.status).toBe(200)
    expect(a).toMatchObject({ id: before.id, name: 'Hill reps', icu_rpe: 7, feel: 2, tags: ['hills'], moving_time: before.moving_time })
    expect((await client(sim).put(`/activity/${a.id}`, { icu_rpe: 12 })).status).toBe(422)
  })

  it('Strava imports are stubs that cannot be changed', async () => {
    const strava = sim.state.athlete('i100012')!.activities.find((a) => a.source === 'STRAVA')!
    const got = (await client(sim).get(`/activity/${strava.id}`)).body as Record<string, unknown>
    expect(Object.keys(got).sort()).toEqual(['_note', 'icu_athlete_id', 'id', 'source', 'start_date_local'])
    const res = await client(sim).put(`/activity/${strava.id}`, { name: 'x' })
    expect(res.status).toBe(422)
    expect(strava.name).not.toBe('x')
  })

  it('streams of a Strava import are an empty list (stravaStreams=stub) or a 422 (stravaStreams=unprocessable)', async () => {
    const strava = sim.state.athlete('i100012')!.activities.find((a) => a.source === 'STRAVA')!
    const stub = await client(sim).get(`/activity/${strava.id}/streams?types=watts`)
    expect(stub).toMatchObject({ status: 200, body: [] })
    sim.setProfile({ stravaStreams: 'unprocessable' })
    try {
      const refused = await client(sim).get(`/activity/${strava.id}/streams?types=watts`)
      expect(refused.status).toBe(422)
      expect((refused.body as { error: string }).error).toMatch(/STRAVA/)
    } finally {
      sim.setProfile({ stravaStreams: 'stub' })
    }
  })
})

describe('wellness writes', () => {
  const athlete = 'i100003'

  it('PUT one day changes only the fields sent; GET that day returns it', async () => {
    const day = sim.state.athlete(athlete)!.wellness.at(-3)!
    const ctl = day.ctl
    const res = await client(sim).put(`/athlete/${athlete}/wellness/${day.id}`, { restingHR: 44, comments: 'slept badly', ctl: 1 })
    expect(res.body).toMatchObject({ id: day.id, restingHR: 44, comments: 'slept badly', ctl })
    expect(((await client(sim).get(`/athlete/${athlete}/wellness/${day.id}`)).body as Wellness).restingHR).toBe(44)
    expect((await client(sim).put(`/athlete/${athlete}/wellness/2026-02-30`, { hrv: 1 })).status).toBe(422)
  })

  it('bulk updates several days at once and refuses all of them if one row is bad', async () => {
    const days = sim.state.athlete(athlete)!.wellness.slice(-6, -4).map((w) => w.id!)
    const ok = await client(sim).put(`/athlete/${athlete}/wellness-bulk`, days.map((id) => ({ id, mood: 1 })))
    expect(ok.status).toBe(200)
    expect(sim.state.athlete(athlete)!.wellness.filter((w) => days.includes(w.id!)).map((w) => w.mood)).toEqual([1, 1])
    const bad = await client(sim).put(`/athlete/${athlete}/wellness-bulk`, [{ id: days[0], mood: 3 }, { id: 'soon', mood: 3 }])
    expect(bad.status).toBe(422)
    expect(sim.state.athlete(athlete)!.wellness.find((w) => w.id === days[0])!.mood).toBe(1)
  })

  it('exports CSV with the requested range', async () => {
    const res = await fetch(`${sim.url}/api/v1/athlete/${athlete}/wellness.csv?oldest=2026-03-01&newest=2026-03-03`, {
      headers: { Authorization: basicAuth(sim.apiKey) },
    })
    const lines = (await res.text()).trim().split('\n')
    expect(lines[0].startsWith('id,ctl,atl')).toBe(true)
    expect(lines.slice(1).map((l) => l.slice(0, 10))).toEqual(['2026-03-01', '2026-03-02', '2026-03-03'])
  })
})

describe('sport settings PUT', () => {
  const athlete = 'i100001'
  const ride = () => sim.state.athlete(athlete)!.sportSettings.find((s) => s.types?.includes('Ride'))!

  it('needs recalcHrZones, like the live API', async () => {
    const res = await client(sim).put(`/athlete/${athlete}/sport-settings/${ride().id}`, { ftp: 300 })
    expect(res.status).toBe(422)
    expect((res.body as { error: string }).error).toContain('recalcHrZones')
  })

  it('with recalcHrZones=false keeps the HR zones; with true moves them with LTHR', async () => {
    const zones = [...(ride().hr_zones ?? [])]
    const lthr = ride().lthr!
    await client(sim).put(`/athlete/${athlete}/sport-settings/${ride().id}?recalcHrZones=false`, { ftp: 301, lthr: lthr + 10 })
    expect(ride()).toMatchObject({ ftp: 301, lthr: lthr + 10, hr_zones: zones })
    const res = await client(sim).put(`/athlete/${athlete}/sport-settings/Ride?recalcHrZones=true`, { lthr: lthr + 20 })
    const after = (res.body as SportSettings).hr_zones!
    expect(after[0]).toBeGreaterThan(zones[0])
    expect(after.at(-1)).toBe(ride().max_hr)
  })

  it('refuses a swim threshold sent as seconds', async () => {
    const swim = sim.state.athlete(athlete)!.sportSettings.find((s) => s.types?.includes('Swim'))!
    const res = await client(sim).put(`/athlete/${athlete}/sport-settings/${swim.id}?recalcHrZones=false`, { threshold_pace: 95 })
    expect(res).toMatchObject({ status: 422, body: { error: 'Invalid threshold pace' } })
  })
})

describe('manual activities', () => {
  const athlete = 'i100004'
  const row = (ext: string, name: string) => ({ external_id: ext, start_date_local: '2026-03-09T18:00:00', type: 'WeightTraining', name, moving_time: 2700 })

  it('bulk upserts on external_id: sending the same rows again never duplicates', async () => {
    const before = sim.state.athlete(athlete)!.activities.length
    const first = (await client(sim).post(`/athlete/${athlete}/activities/manual/bulk`, [row('cd-1', 'Gym'), row('cd-2', 'Core')])).body as Activity[]
    const again = (await client(sim).post(`/athlete/${athlete}/activities/manual/bulk`, [row('cd-1', 'Gym A'), row('cd-2', 'Core')])).body as Activity[]
    expect(again.map((a) => a.id)).toEqual(first.map((a) => a.id))
    const list = sim.state.athlete(athlete)!.activities
    expect(list).toHaveLength(before + 2)
    expect(list.find((a) => a.external_id === 'cd-1')).toMatchObject({ name: 'Gym A', source: 'MANUAL', moving_time: 2700 })
    const starts = list.map((a) => a.start_date_local ?? '')
    expect(starts).toEqual([...starts].sort())
  })

  it('single create needs a type and a start', async () => {
    expect((await client(sim).post(`/athlete/${athlete}/activities/manual`, { name: 'x' })).status).toBe(422)
    const ok = await client(sim).post(`/athlete/${athlete}/activities/manual`, { ...row('cd-3', 'Yoga'), type: 'Yoga' })
    expect(ok.body).toMatchObject({ type: 'Yoga', external_id: 'cd-3', icu_athlete_id: athlete })
  })
})
