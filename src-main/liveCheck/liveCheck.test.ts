import { afterEach, describe, expect, it } from 'vitest'
import { athleteToday } from '../contract/localDates'
import { silentLogger } from '../log'
import { parseProfile, profilesFor, VARIANTS, type ProfileAxis } from '../sim/profile'
import { startSim } from '../sim/server'
import type { CalendarEvent, SimHandle } from '../sim/types'
import { probeWeek } from './probePlan'
import { profileOf } from './reading'
import { runLiveCheck, type LiveCheckOptions } from './runLiveCheck'

// check:live cannot reach intervals.icu here, so its detection is checked against the simulator
// under every reading: for each, it must name that reading, and leave the calendar as it was.

// Ana Souza: a coached athlete with WRITE access whose older runs are Strava imports.
const ATHLETE = 'i100012'
const AXES = Object.keys(VARIANTS) as ProfileAxis[]

let sim: SimHandle | null = null
afterEach(async () => {
  await sim?.close()
  sim = null
})

async function start(profile = {}): Promise<SimHandle> {
  // The live limit, sped up so a run stays short; the burst probe still goes past it.
  sim = await startSim({ rateLimit: { perSecond: 40, burst: 20 }, profile })
  return sim
}

async function post(s: SimHandle, body: unknown): Promise<CalendarEvent> {
  const res = await fetch(`${s.url}/api/v1/athlete/${ATHLETE}/events?upsertOnUid=false`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(`API_KEY:${s.apiKey}`).toString('base64')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(res.status).toBe(200)
  return (await res.json()) as CalendarEvent
}

const calendarOf = (s: SimHandle): CalendarEvent[] => structuredClone(s.state.athlete(ATHLETE)?.events ?? [])

function options(s: SimHandle, extra: Partial<LiveCheckOptions> = {}): LiveCheckOptions {
  return {
    baseUrl: s.url,
    apiKey: () => s.apiKey,
    athleteId: ATHLETE,
    today: athleteToday('America/Sao_Paulo', new Date()),
    log: silentLogger,
    confirm: async () => true,
    ...extra,
  }
}

describe.each(profilesFor(AXES))('check:live against the simulator under $name', ({ profile }) => {
  it('names the reading the simulator plays for every axis, and leaves the calendar exactly as it was', async () => {
    const s = await start(profile)
    const before = calendarOf(s)
    const report = await runLiveCheck(options(s))
    const named = Object.fromEntries(report.results.map((r) => [r.axis, r.reading]))
    expect(named).toEqual(profile)
    expect(parseProfile(profileOf(report.results))).toEqual(profile)
    expect(report.cleanup).toMatchObject({ left: [], errors: [] })
    expect(calendarOf(s)).toEqual(before)
  })
})

describe('check:live', () => {
  it('writes nothing when the maintainer says no, and shows every write first', async () => {
    const s = await start()
    let shown: string[] = []
    const report = await runLiveCheck(
      options(s, {
        confirm: async (plan) => {
          shown = plan
          return false
        },
      }),
    )
    expect(report.ran).toBe(false)
    expect(s.requests.filter((r) => r.method !== 'GET')).toEqual([])
    const b = report.plan.bodies
    for (const body of [b.uidNote, b.bulkNote, b.ownTarget, b.targetRow, b.longNote, b.dayNote, b.convertible, b.prose]) {
      expect(shown.some((line) => line.includes(JSON.stringify(body)))).toBe(true)
    }
  })

  it('removes what it created when a probe fails midway, and says which probe', async () => {
    const s = await start()
    const before = calendarOf(s)
    // The range PUT is refused after its two events were created; one delete fails once.
    s.addFault({ method: 'PUT', path: `/api/v1/athlete/${ATHLETE}/events`, status: 422 })
    s.addFault({ method: 'DELETE', path: /\/events\/\d+$/, status: 500, times: 1 })
    const report = await runLiveCheck(options(s))
    const rangePut = report.results.find((r) => r.axis === 'rangePut')
    expect(rangePut).toMatchObject({ reading: 'unknown' })
    expect(rangePut?.why).toMatch(/the probe failed/)
    expect(report.results.find((r) => r.axis === 'uid')).toMatchObject({ reading: 'kept' })
    expect(report.cleanup).toMatchObject({ left: [], errors: [] })
    expect(calendarOf(s)).toEqual(before)
    expect(profileOf(report.results)).not.toHaveProperty('rangePut')
  })

  it('finds a probe event whose answer was lost, and deletes it too', async () => {
    const s = await start()
    const before = calendarOf(s)
    const report = await runLiveCheck(
      options(s, {
        // A create that landed on the service while its answer never reached the check.
        confirm: async (plan) => {
          const week = plan[0].match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? ''
          await post(s, { category: 'NOTE', name: 'Coach Desk probe – delete me (lost answer)', start_date_local: `${week}T00:00:00` })
          return true
        },
      }),
    )
    expect(report.cleanup).toMatchObject({ left: [], errors: [] })
    expect(calendarOf(s)).toEqual(before)
  })

  it('leaves a far-future week that holds real events alone and takes the next one', async () => {
    const s = await start()
    const today = athleteToday('America/Sao_Paulo', new Date())
    const first = probeWeek(today)
    const real = await post(s, { category: 'NOTE', name: 'Race week', start_date_local: `${first[3]}T00:00:00` })
    const before = calendarOf(s)
    const report = await runLiveCheck(options(s, { today }))
    expect(report.plan.week[0]).toBe(probeWeek(today, 1)[0])
    expect(calendarOf(s)).toEqual(before)
    expect(s.state.athlete(ATHLETE)?.events.find((e) => e.id === real.id)).toMatchObject({ name: 'Race week', hide_from_athlete: false })
  })
})
