import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, todayIn, weekday } from './dates'
import { buildState } from './seed'
import { client, FIXED_NOW, startTestSim } from './testHarness'
import type { SimHandle, SummaryWithCats } from './types'

describe('the seeded demo data', () => {
  let sim: SimHandle
  beforeAll(async () => {
    sim = await startTestSim()
  })
  afterAll(() => sim.close())

  it('is the same for the same seed and clock, and different for another seed', () => {
    const a = buildState({ seed: 7, athletes: 12, now: FIXED_NOW })
    const b = buildState({ seed: 7, athletes: 12, now: FIXED_NOW })
    const c = buildState({ seed: 8, athletes: 12, now: FIXED_NOW })
    expect([...b.athletes.values()]).toEqual([...a.athletes.values()])
    expect(c.coached[0].activities).not.toEqual(a.coached[0].activities)
  })

  it('keeps the first athletes identical when the roster grows', () => {
    const small = buildState({ seed: 3, athletes: 12, now: FIXED_NOW })
    const large = buildState({ seed: 3, athletes: 50, now: FIXED_NOW })
    expect(large.coached).toHaveLength(50)
    expect(large.coached[4]).toEqual(small.coached[4])
    expect(new Set(large.coached.map((a) => a.athlete.name)).size).toBe(50)
  })

  it('has twelve coached athletes of mixed sports and timezones, one of them read-only', () => {
    const coached = sim.state.coached
    expect(coached).toHaveLength(12)
    expect(coached.map((a) => a.id)).toEqual(Array.from({ length: 12 }, (_, i) => `i${100001 + i}`))
    const types = new Set(coached.flatMap((a) => a.activities.map((x) => x.type)))
    expect([...types].sort()).toEqual(['Ride', 'Run', 'Swim', 'VirtualRide'])
    expect(new Set(coached.map((a) => a.profile))).toEqual(new Set(['cyclist', 'runner', 'triathlete', 'swimmer']))
    expect(new Set(coached.map((a) => a.athlete.timezone)).size).toBeGreaterThanOrEqual(8)
    expect(coached.filter((a) => a.athlete.icu_permission === 'READ')).toHaveLength(1)
  })

  it('gives 16 weeks of activities at 4 to 8 a week, in local time with a matching UTC start', () => {
    for (const a of sim.state.coached) {
      const perWeek = a.activities.length / 16
      expect(perWeek, a.id).toBeGreaterThanOrEqual(4)
      expect(perWeek, a.id).toBeLessThanOrEqual(8)
      const first = a.activities[0]
      expect(first.start_date_local).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/)
      expect(first.start_date).toMatch(/Z$/)
      expect(first.id).toMatch(/^i\d+$/)
    }
  })

  it('keeps wellness for every day, with fitness from the 42/7-day model in a plausible range', () => {
    for (const a of sim.state.coached) {
      const today = todayIn(a.athlete.timezone ?? 'UTC', FIXED_NOW)
      expect(a.wellness).toHaveLength(112)
      expect(a.wellness[111].id).toBe(today)
      expect(a.wellness[0].id).toBe(addDays(today, -111))
      const last = a.wellness[111]
      expect(last.ctl, a.id).toBeGreaterThan(20)
      expect(last.ctl, a.id).toBeLessThan(120)
      expect(last.rampRate).toBeCloseTo((last.ctl ?? 0) - (a.wellness[104].ctl ?? 0), 1)
    }
  })

  it('pairs done activities with the planned workouts of the last two weeks', () => {
    const athlete = sim.state.coached[0]
    const paired = athlete.activities.filter((x) => x.paired_event_id !== null)
    expect(paired.length).toBeGreaterThan(3)
    for (const activity of paired) {
      const event = athlete.events.find((e) => e.id === activity.paired_event_id)
      expect(event?.category).toBe('WORKOUT')
      expect(event?.start_date_local?.slice(0, 10)).toBe(activity.start_date_local?.slice(0, 10))
    }
    const workout = athlete.events.find((e) => e.category === 'WORKOUT')
    expect(workout?.description).toMatch(/^- |\n- /)
    expect(workout?.end_date_local).toBe(`${addDays(workout?.start_date_local ?? '', 1)}T00:00:00`)
  })

  it('lists the coach and the coached athletes with tags and notes on GET /athletes', async () => {
    const res = await client(sim).get('/athletes')
    const list = res.body as Array<{ id: string; icu_tags: string[]; icu_notes: string | null }>
    expect(res.status).toBe(200)
    expect(list).toHaveLength(13)
    expect(list[0].id).toBe(sim.coachId)
    expect(list.map((a) => a.id)).not.toContain('i999999')
    expect(list[1].icu_tags.length).toBeGreaterThan(0)
    expect(list[1].icu_notes).toBeTruthy()
  })

  it('answers 404 on GET /athletes when the endpoint is turned off, like an older server', async () => {
    const old = await startTestSim({ athletesEndpoint: false })
    try {
      const res = await client(old).get('/athletes')
      expect(res.status).toBe(404)
      expect(res.body).toMatchObject({ status: 404, error: 'Not Found', path: '/api/v1/athletes' })
    } finally {
      await old.close()
    }
  })

  it('summarises every athlete per Monday-based week, with form = fitness - fatigue', async () => {
    const res = await client(sim).get('/athlete/0/athlete-summary?start=2026-02-23&end=2026-03-10')
    const rows = res.body as SummaryWithCats[]
    expect(res.status).toBe(200)
    expect(rows).toHaveLength(13 * 3)
    expect(new Set(rows.map((r) => r.date))).toEqual(new Set(['2026-02-23', '2026-03-02', '2026-03-09']))
    for (const row of rows) {
      expect(weekday(row.date ?? '')).toBe(0)
      expect(row.form).toBeCloseTo((row.fitness ?? 0) - (row.fatigue ?? 0), 1)
    }
    const row = rows.find((r) => r.athlete_id === 'i100001' && r.date === '2026-03-02')
    const athlete = sim.state.athlete('i100001')
    const inWeek = (athlete?.activities ?? []).filter((a) => {
      const start = a.start_date_local ?? ''
      return start >= '2026-03-02' && start < '2026-03-09'
    })
    expect(row?.count).toBe(inWeek.length)
    expect(row?.training_load).toBe(inWeek.reduce((s, a) => s + (a.icu_training_load ?? 0), 0))
    expect(row?.byCategory?.reduce((s, c) => s + (c.count ?? 0), 0)).toBe(inWeek.length)
  })

  it('filters the summary by athlete tags', async () => {
    const res = await client(sim).get('/athlete/0/athlete-summary?tags=tri-squad')
    const ids = new Set((res.body as SummaryWithCats[]).map((r) => r.athlete_id))
    const expected = sim.state.coached.filter((a) => a.tags.includes('tri-squad')).map((a) => a.id)
    expect(expected.length).toBeGreaterThan(0)
    expect(ids).toEqual(new Set(expected))
  })
})
