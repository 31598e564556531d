import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { coreHarness, type CoreHarness } from '../testing/core'
import type { AthleteProfile, FitnessSeries, RosterList, WeekDetail } from '../contract/schemas'
import { silentLogger } from '../log'
import { MemorySecretStore } from '../secrets/memory'
import { startSim, type SimHandle, type SimOptions } from '../sim'
import { RosterCache, rosterHandlers, weekDetails } from './roster'
import { SessionService } from './session'
import { athleteToday, mondayOf } from './dates'

let h: CoreHarness | null = null
afterEach(async () => {
  await h?.close()
  h = null
})

async function connected(sim: SimOptions = {}) {
  h = await coreHarness({ sim })
  await h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey })
  h.sim.resetRequests()
  return h
}

describe('roster', () => {
  it('lists every coached athlete plus the coach in two requests', async () => {
    const h = await connected()
    const r = await h.core.invoke('roster:list', {})
    expect(r.ok).toBe(true)
    const list = (r as { value: RosterList }).value
    expect(list.source).toBe('athletes')
    expect(list.athletes).toHaveLength(13)
    expect(list.athletes.filter((a) => a.isSelf)).toHaveLength(1)
    expect(h.sim.requests.map((q) => q.path.replace(/i\d+/, 'ID'))).toEqual(['/api/v1/athletes', '/api/v1/athlete/ID/athlete-summary'])
    const trained = list.athletes.filter((a) => !a.isSelf)
    expect(trained.every((a) => a.fitness !== null && a.fitness > 5)).toBe(true)
    for (const a of trained) expect(a.form).toBeCloseTo(a.fitness! - a.fatigue!, 0)
    expect(new Set(trained.flatMap((a) => a.sports)).size).toBeGreaterThanOrEqual(3)
    expect(new Set(trained.map((a) => a.timezone)).size).toBeGreaterThanOrEqual(4)
    expect(trained.some((a) => a.tags.length > 0)).toBe(true)
  })

  it('costs the same two requests for fifty athletes', async () => {
    const h = await connected({ athletes: 50 })
    const r = await h.core.invoke('roster:list', {})
    expect((r as { value: RosterList }).value.athletes).toHaveLength(51)
    expect(h.sim.requests).toHaveLength(2)
  })

  it('falls back to athlete-summary alone when /athletes answers 404', async () => {
    const h = await connected({ athletesEndpoint: false })
    const r = await h.core.invoke('roster:list', {})
    const list = (r as { value: RosterList }).value
    expect(list.source).toBe('athlete-summary')
    expect(list.athletes.length).toBe(13)
    expect(list.athletes.every((a) => a.name.length > 0)).toBe(true)
    expect(h.sim.requests.map((q) => q.status)).toEqual([404, 200, 200])
    // The summary has no timezones: the coach's stands in, not UTC.
    expect(list.athletes.every((a) => a.timezone === h.sim.state.coach.athlete.timezone)).toBe(true)
  })

  it("computes each athlete's today in the athlete's own timezone", async () => {
    // 23:30 UTC on Thursday 26 November 2026: already Friday east of London, still Thursday west of it.
    // Each date worked out by hand from the zone's offset that day (no daylight saving change is near).
    const now = new Date('2026-11-26T23:30:00Z')
    h = await coreHarness({ core: { now: () => now } })
    await h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey })
    const list = ((await h.core.invoke('roster:list', {})) as { value: RosterList }).value
    const todays = Object.fromEntries(list.athletes.map((a) => [a.name, a.today]))
    expect(todays).toEqual({
      'Dana Reyes': '2026-11-26', // Europe/London, UTC+0: 23:30
      'Maya Chen': '2026-11-26', // America/Los_Angeles, UTC-8: 15:30
      'Jamal Okafor': '2026-11-26', // America/New_York, UTC-5: 18:30
      'Lena Fischer': '2026-11-27', // Europe/Berlin, UTC+1: 00:30
      'Tom Gallagher': '2026-11-27', // Australia/Sydney, UTC+11 (summer time): 10:30
      'Yuki Tanaka': '2026-11-27', // Asia/Tokyo, UTC+9: 08:30
      'Aroha Ngata': '2026-11-27', // Pacific/Auckland, UTC+13 (summer time): 12:30
      'Oliver Hughes': '2026-11-26', // Europe/London, UTC+0: 23:30
      'Lucía Martín': '2026-11-27', // Europe/Madrid, UTC+1: 00:30
      'David Kowalski': '2026-11-26', // America/Chicago, UTC-6: 17:30
      'Sofia Rossi': '2026-11-26', // America/Denver, UTC-7: 16:30
      'Pierre Lambert': '2026-11-27', // Europe/Paris, UTC+1: 00:30
      'Ana Souza': '2026-11-26', // America/Sao_Paulo, UTC-3: 20:30
    })
  })

  it('fills in planned load and the last activity per athlete, one event per athlete', async () => {
    const h = await connected()
    const list = ((await h.core.invoke('roster:list', {})) as { value: RosterList }).value
    const ids = list.athletes.filter((a) => !a.isSelf).map((a) => a.id)
    const r = await h.core.invoke('roster:weekDetails', { athleteIds: ids })
    expect(r.ok).toBe(true)
    const details = (r as { value: { athleteId: string; plannedCount: number; lastActivity: unknown }[] }).value
    expect(details.map((d) => d.athleteId)).toEqual(ids)
    expect(details.some((d) => d.plannedCount > 0)).toBe(true)
    expect(details.filter((d) => d.lastActivity !== null).length).toBeGreaterThan(ids.length / 2)
    expect(h.events.filter((e) => e.event === 'roster:detail')).toHaveLength(ids.length)
  })
})

describe('dates', () => {
  it('gives different todays for Auckland and Los Angeles at the same instant', () => {
    const instant = new Date('2026-11-26T20:00:00Z')
    expect(athleteToday('Pacific/Auckland', instant)).toBe('2026-11-27')
    expect(athleteToday('America/Los_Angeles', instant)).toBe('2026-11-26')
    expect(athleteToday('Not/AZone', instant)).toBe('2026-11-26')
    expect(mondayOf('2026-11-29')).toBe('2026-11-23')
    expect(mondayOf('2026-11-23')).toBe('2026-11-23')
  })
})

describe('roster cache', () => {
  it('is reused within a quarter of an hour and loaded again after, so each today stays current', async () => {
    let now = new Date('2026-11-26T23:50:00Z')
    h = await coreHarness({ core: { now: () => now } })
    await h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey })
    const first = ((await h.core.invoke('roster:list', {})) as { value: RosterList }).value
    h.sim.resetRequests()
    now = new Date('2026-11-26T23:55:00Z')
    await h.core.invoke('roster:list', {})
    expect(h.sim.requests).toHaveLength(0)
    now = new Date('2026-11-27T00:10:00Z')
    const later = ((await h.core.invoke('roster:list', {})) as { value: RosterList }).value
    expect(h.sim.requests).toHaveLength(2)
    const london = (l: RosterList) => l.athletes.find((a) => a.timezone === 'Europe/London')!.today
    expect([london(first), london(later)]).toEqual(['2026-11-26', '2026-11-27'])
  })
})

describe('fitness, fatigue and form that agree', () => {
  it('are the same numbers for the same day on the athlete header and the fitness chart', async () => {
    const h = await connected()
    const list = ((await h.core.invoke('roster:list', {})) as { value: RosterList }).value
    for (const a of list.athletes.filter((x) => !x.isSelf).slice(0, 4)) {
      const profile = ((await h.core.invoke('athlete:get', { athleteId: a.id })) as { value: AthleteProfile }).value
      const chart = ((await h.core.invoke('athlete:fitness', { athleteId: a.id, oldest: mondayOf(a.today), newest: a.today })) as { value: FitnessSeries }).value
      const point = chart.days.find((x) => x.date === a.today)!
      expect(profile.today).toBe(a.today)
      expect(profile.fitness).not.toBeNull()
      expect([point.ctl, point.atl, point.form]).toEqual([profile.fitness, profile.fatigue, profile.form])
    }
  })

  it("agree between the roster's week details and the athlete header, for the athlete's today, at two requests per athlete", async () => {
    const h = await connected()
    const list = ((await h.core.invoke('roster:list', {})) as { value: RosterList }).value
    const athletes = list.athletes.filter((x) => !x.isSelf)
    h.sim.resetRequests()
    const details = ((await h.core.invoke('roster:weekDetails', { athleteIds: athletes.map((a) => a.id) })) as { value: WeekDetail[] }).value
    expect(h.sim.requests).toHaveLength(2 * athletes.length)
    let compared = 0
    let moved = 0
    for (const a of athletes) {
      const d = details.find((x) => x.athleteId === a.id)!
      if (!d.lastActivity) continue
      const profile = ((await h.core.invoke('athlete:get', { athleteId: a.id })) as { value: AthleteProfile }).value
      expect(d.fitnessDate).toBe(profile.today)
      // Within rounding: the simulator keeps two decimals of each day's numbers.
      expect(Math.abs(d.fitness! - profile.fitness!)).toBeLessThanOrEqual(0.1 + 1e-9)
      expect(Math.abs(d.fatigue! - profile.fatigue!)).toBeLessThanOrEqual(0.1 + 1e-9)
      expect(Math.abs(d.form! - profile.form!)).toBeLessThanOrEqual(0.1 + 1e-9)
      if (d.fatigue !== a.fatigue) moved++
      compared++
    }
    expect(compared).toBeGreaterThan(athletes.length / 2)
    // Some athletes' summary numbers were as of an activity days ago: theirs moved to today.
    expect(moved).toBeGreaterThan(0)
  })
})

describe('the roster as other services use it', () => {
  // The cache itself, over loopback to the simulator, at a fixed instant: 20:00 UTC on Thursday 26 November
  // 2026 is already Friday 27 November in Auckland.
  const NOW = new Date('2026-11-26T20:00:00Z')
  let sim: SimHandle
  let session: SessionService
  let cache: RosterCache
  beforeEach(async () => {
    sim = await startSim({ rateLimit: false, now: () => NOW })
    session = new SessionService({
      keychain: new MemorySecretStore(),
      baseUrl: sim.url,
      log: silentLogger,
      limiter: { perSecond: 100, burst: 100, maxInFlight: 8 },
      startDemo: () => Promise.reject(new Error('no demo')),
      onChange: () => {},
    })
    await session.connect(sim.coachId, sim.apiKey, 'memory')
    cache = new RosterCache({ session, now: () => NOW })
    sim.resetRequests()
  })
  afterEach(async () => {
    await session.dispose()
    await sim.close()
  })
  const aroha = () => sim.state.coached.find((a) => a.athlete.timezone === 'Pacific/Auckland')!

  it('knows no athlete’s today or active weeks before it is loaded, and sends nothing to say so', () => {
    expect(cache.todayOf(aroha().id)).toBeNull()
    expect(cache.activeWeeksOf(aroha().id)).toEqual([])
    expect(sim.requests).toEqual([])
  })

  it('gives each athlete’s today and active weeks once loaded, for this account only', async () => {
    await cache.get()
    expect(cache.todayOf(aroha().id)).toBe('2026-11-27')
    expect(cache.todayOf('i999999')).toBeNull()
    const weeks = cache.activeWeeksOf(aroha().id)
    expect(weeks.length).toBeGreaterThan(0)
    for (const w of weeks) expect(new Date(`${w.monday}T00:00:00Z`).getUTCDay()).toBe(1)
    expect(cache.activeWeeksOf('i999999')).toEqual([])

    await session.connect(sim.coachId, sim.apiKey, 'memory')
    expect(cache.todayOf(aroha().id)).toBeNull()
    expect(cache.activeWeeksOf(aroha().id)).toEqual([])
    sim.resetRequests()
    await cache.get()
    expect(sim.requests).toHaveLength(2)
  })

  it('gives rows in the order asked, loading once more for an athlete it does not know, then refusing', async () => {
    const ids = sim.state.coached.slice(0, 3).map((a) => a.id).reverse()
    expect((await cache.rows(ids)).map((r) => r.id)).toEqual(ids)
    expect(sim.requests).toHaveLength(2)
    await expect(cache.rows([ids[0]!, 'i999999'])).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Athlete i999999 is not on your roster.' })
    expect(sim.requests).toHaveLength(4)
  })

  it('gives this week’s plan and the last activity per athlete, and an error only for the athlete whose reads failed', async () => {
    const [a, b] = sim.state.coached.filter((x) => x.athlete.timezone === 'Pacific/Auckland' || x.athlete.timezone === 'Europe/Berlin')
    // Aroha's week is Monday 23 to Sunday 29 November; Lena's (Berlin, 21:00) still the same week.
    const monday = '2026-11-23'
    for (const x of [a!, b!]) x.events = x.events.filter((e) => (e.start_date_local ?? '').slice(0, 10) < monday || (e.start_date_local ?? '').slice(0, 10) > '2026-11-29')
    a!.events.push(
      { id: 880001, category: 'WORKOUT', name: 'Swim drills', type: 'Swim', start_date_local: '2026-11-24T00:00:00', icu_training_load: 40.4, moving_time: 3600 },
      { id: 880002, category: 'WORKOUT', name: 'Open water', type: 'Swim', start_date_local: '2026-11-28T00:00:00', icu_training_load: 30.3, moving_time: 1800.5 },
      { id: 880003, category: 'NOTE', name: 'Rest', start_date_local: '2026-11-25T00:00:00' },
    )
    a!.activities = [{ id: 'a1', start_date_local: '2026-11-27T06:30:00', type: null, name: null, icu_training_load: 55 }]
    sim.addFault({ path: `/api/v1/athlete/${b!.id}/events`, status: 403 })
    const seen: string[] = []
    const details = await weekDetails({ session, now: () => NOW, onDetail: (d) => seen.push(d.athleteId) }, [
      { id: a!.id, timezone: 'Pacific/Auckland' },
      { id: b!.id, timezone: 'Europe/Berlin' },
    ])
    expect(details[0]).toEqual({
      athleteId: a!.id,
      // 40.4 + 30.3 = 70.7; 3600 + 1800.5 = 5400.5
      plannedLoad: 71,
      plannedSecs: 5401,
      plannedCount: 2,
      lastActivity: { date: '2026-11-27', type: 'Other', name: '', load: 55 },
      error: null,
    })
    expect(details[1]).toEqual({ athleteId: b!.id, plannedLoad: 0, plannedSecs: 0, plannedCount: 0, lastActivity: null, error: 'You have no access to this athlete.' })
    expect(seen.sort()).toEqual([a!.id, b!.id].sort())
    const week = sim.requests.find((r) => r.path === `/api/v1/athlete/${a!.id}/events`)!
    expect(new URLSearchParams(week.query).get('oldest')).toBe('2026-11-23')
    expect(new URLSearchParams(week.query).get('newest')).toBe('2026-11-29')
    const last = sim.requests.find((r) => r.path === `/api/v1/athlete/${a!.id}/activities`)!
    // Eight weeks back from Aroha's today, up to the end of it.
    expect(new URLSearchParams(last.query).get('oldest')).toBe('2026-10-02')
    expect(new URLSearchParams(last.query).get('newest')).toBe('2026-11-27T23:59:59')
  })

  it('reads eight weeks of summary up to the latest today of any athlete, and lists the coach first, then by name', async () => {
    const list = await cache.get()
    expect(sim.requests.map((r) => r.path)).toEqual(['/api/v1/athletes', `/api/v1/athlete/${sim.coachId}/athlete-summary`])
    const q = new URLSearchParams(sim.requests[1]!.query)
    // The earliest today is 26 November (the Americas, London): its Monday is 23 November, eight weeks before
    // it 28 September. The latest is 27 November (Berlin eastwards).
    expect([q.get('start'), q.get('end')]).toEqual(['2026-09-28', '2026-11-27'])
    expect(list).toMatchObject({ source: 'athletes', fetchedAt: '2026-11-26T20:00:00.000Z' })
    expect(list.athletes[0]).toMatchObject({ id: sim.coachId, isSelf: true })
    const names = list.athletes.slice(1).map((a) => a.name)
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y)))
    expect(names[0]).toBe('Ana Souza')
  })

  it('without /athletes names athletes from the summary and gives them the coach’s zone, read in a third request', async () => {
    sim.state.coach.athlete.timezone = 'Asia/Tokyo'
    sim.addFault({ path: '/api/v1/athletes', status: 404 })
    const list = await cache.get()
    expect(sim.requests.map((r) => r.path)).toEqual(['/api/v1/athletes', `/api/v1/athlete/${sim.coachId}/athlete-summary`, `/api/v1/athlete/${sim.coachId}`])
    const q = new URLSearchParams(sim.requests[1]!.query)
    // No zone is known before the range is asked: UTC's today, 26 November, and a day either side bound it.
    expect([q.get('start'), q.get('end')]).toEqual(['2026-09-28', '2026-11-27'])
    expect(list.source).toBe('athlete-summary')
    expect(new Set(list.athletes.map((a) => a.timezone))).toEqual(new Set(['Asia/Tokyo']))
    expect(list.athletes.find((a) => a.id === aroha().id)).toMatchObject({ name: 'Aroha Ngata', today: '2026-11-27' })
  })

  it('passes on a refusal of the roster other than “not found”', async () => {
    sim.addFault({ path: '/api/v1/athletes', status: 403 })
    await expect(cache.get()).rejects.toMatchObject({ code: 'AUTH_INVALID' })
    expect(sim.requests).toHaveLength(1)
  })

  it('asks for a whole roster’s details on one signal without a warning about its many listeners, and reports each athlete', async () => {
    const warnings: Error[] = []
    const onWarning = (w: Error) => warnings.push(w)
    const emitted: { event: string; payload: unknown }[] = []
    const handlers = rosterHandlers({ session, now: () => NOW, log: silentLogger, dataDir: '', emit: (event, payload) => emitted.push({ event, payload }) }, cache)
    const ids = sim.state.coached.map((a) => a.id)
    process.on('warning', onWarning)
    try {
      const details = await handlers['roster:weekDetails']({ athleteIds: ids }, {})
      expect(details.map((d) => d.athleteId)).toEqual(ids)
      await new Promise((r) => setTimeout(r, 10))
    } finally {
      process.off('warning', onWarning)
    }
    expect(warnings.map((w) => w.name)).toEqual([])
    expect(emitted.map((e) => e.event)).toEqual(ids.map(() => 'roster:detail'))
    expect(new Set(emitted.map((e) => (e.payload as WeekDetail).athleteId))).toEqual(new Set(ids))
  })

  it('cancels the details still loading when the coach leaves, and says how many it cancelled', async () => {
    const handlers = rosterHandlers({ session, now: () => NOW, log: silentLogger, dataDir: '', emit: () => {} }, cache)
    await cache.get()
    sim.setLatency(300)
    const loading = handlers['roster:weekDetails']({ athleteIds: sim.state.coached.map((a) => a.id) }, {})
    await new Promise((r) => setTimeout(r, 50))
    expect(await handlers['roster:cancelDetails']({}, {})).toEqual({ cancelled: 1 })
    await expect(loading).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(await handlers['roster:cancelDetails']({}, {})).toEqual({ cancelled: 0 })
  })

  it('carries the summary’s fitness to the athlete’s today when the last activity is in an active week', async () => {
    const weeks = [{ monday: '2026-11-16', fitness: 50, fatigue: 70 }]
    const a = aroha()
    a.activities = [{ id: 'a2', start_date_local: '2026-11-20T07:00:00', type: 'Swim', name: 'Pool', icu_training_load: 40 }]
    const [d] = await weekDetails({ session, now: () => NOW }, [{ id: a.id, timezone: 'Pacific/Auckland', activeWeeks: weeks }])
    // From 20 to 27 November, 7 days: 50 e^(-7/42) = 42.32, 70 e^(-1) = 25.75, form 16.57.
    expect(d).toMatchObject({ fitness: 42.3, fatigue: 25.8, form: 16.6, fitnessDate: '2026-11-27', lastActivity: { type: 'Swim', name: 'Pool', load: 40 } })
  })
})
