import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DayWellness } from '../../contract/calendar'
import type { Wellness } from '../../icu/types'
import { coreHarness, ok, type CoreHarness } from '../../testing/core'
import { addDays } from '../dates'
import { baseline, checkInDate } from './wellness'

const w = (id: string, hrv: number | null): Wellness => ({ id, hrv }) as Wellness

describe('the check-in day and baseline rules', () => {
  it('takes each athlete’s own today, or the date the coach picked', () => {
    const now = new Date('2026-12-03T00:30:00Z')
    expect(checkInDate({ offsetDays: 0 }, 'America/Los_Angeles', now)).toBe('2026-12-02')
    expect(checkInDate({ offsetDays: 0 }, 'Europe/London', now)).toBe('2026-12-03')
    expect(checkInDate({ offsetDays: 1 }, 'Pacific/Auckland', now)).toBe('2026-12-04')
    expect(checkInDate({ date: '2026-11-20' }, 'Pacific/Auckland', now)).toBe('2026-11-20')
  })

  it('is the mean of the four weeks before the day, leaving out that day, gaps and older readings', () => {
    const rows = [w('2026-11-01', 99), w('2026-11-20', 50), w('2026-11-25', null), w('2026-11-30', 60), w('2026-12-01', 70), w('2026-12-02', 10)]
    expect(baseline(rows, '2026-12-02', (x) => x.hrv ?? null)).toBe(60)
    expect(baseline(rows.slice(3), '2026-12-02', (x) => x.hrv ?? null)).toBeNull()
  })

  it('takes the 28th day before and not the 29th, needs three readings above zero, and rounds to one decimal', () => {
    const hrv = (x: Wellness) => x.hrv ?? null
    // 28 days before 2026-12-29 is 2026-12-01.
    expect(baseline([w('2026-11-30', 1000), w('2026-12-01', 50), w('2026-12-10', 51), w('2026-12-20', 51)], '2026-12-29', hrv)).toBe(50.7)
    expect(baseline([w('2026-12-01', 50), w('2026-12-10', 0), w('2026-12-20', 51)], '2026-12-29', hrv)).toBeNull()
    expect(baseline([w('2026-12-01', 50), w('2026-12-10', -3), w('2026-12-20', 51), w('2026-12-21', 52)], '2026-12-29', hrv)).toBe(51)
    // A day after the check-in day is not part of it; a row without a date is skipped.
    expect(baseline([w('2026-12-28', 40), w('2026-12-27', 41), w('2026-12-30', 90), { hrv: 90 } as Wellness, w('2026-12-26', 42)], '2026-12-29', hrv)).toBe(41)
  })
})

describe('the check-in against the simulator', () => {
  let h: CoreHarness
  const NOW = new Date(`${new Date().toISOString().slice(0, 10)}T00:30:00Z`)
  beforeEach(async () => {
    h = await coreHarness({ core: { now: () => NOW } })
    await ok(h.core.invoke('session:connect', { athleteId: h.sim.coachId, apiKey: h.sim.apiKey }))
  })
  afterEach(() => h.close())

  it('reads each athlete’s own day with their baseline, one request each', async () => {
    const la = h.sim.state.coached.find((a) => a.athlete.timezone === 'America/Los_Angeles')!
    const london = h.sim.state.coached.find((a) => a.athlete.timezone === 'Europe/London')!
    h.sim.resetRequests()
    const rows = await ok<DayWellness[]>(h.core.invoke('calendar:dayWellness', { athleteIds: [la.id, london.id] }))
    expect(h.sim.requests.filter((r) => r.path.endsWith('/wellness'))).toHaveLength(2)
    const today = NOW.toISOString().slice(0, 10)
    expect(rows.map((r) => r.date)).toEqual([addDays(today, -1), today])
    const day = rows[0]!.date
    const seeded = la.wellness.find((x) => x.id === day)
    expect(rows[0]!.hrv).toBe(seeded?.hrv ?? null)
    const before = la.wellness.filter((x) => x.id! < day && x.id! >= addDays(day, -28) && x.hrv)
    const mean = Math.round((before.reduce((s, x) => s + x.hrv!, 0) / before.length) * 10) / 10
    expect(rows[0]!.hrvBaseline).toBe(before.length >= 3 ? mean : null)

    const picked = await ok<DayWellness[]>(h.core.invoke('calendar:dayWellness', { athleteIds: [la.id, london.id], date: addDays(today, -5) }))
    expect(picked.map((r) => r.date)).toEqual([addDays(today, -5), addDays(today, -5)])
  })

  it('shows each reading of the day as intervals.icu has it, with the baselines worked out by hand', async () => {
    const athlete = h.sim.state.coached.find((a) => a.athlete.timezone === 'Europe/London')!
    const today = NOW.toISOString().slice(0, 10)
    athlete.wellness = [
      { id: addDays(today, -3), hrv: 60, restingHR: 50 },
      { id: addDays(today, -2), hrv: 62, restingHR: 51 },
      { id: addDays(today, -1), hrv: 65, restingHR: 51 },
      { id: today, hrv: 48, restingHR: 58, sleepSecs: 25_200, sleepScore: 81, fatigue: 3, soreness: 2, mood: 1, comments: 'Legs heavy' },
    ]
    const [row] = await ok<DayWellness[]>(h.core.invoke('calendar:dayWellness', { athleteIds: [athlete.id] }))
    expect(row).toEqual({
      athleteId: athlete.id,
      date: today,
      sleepSecs: 25_200,
      sleepScore: 81,
      hrv: 48,
      restingHr: 58,
      // (60 + 62 + 65) / 3 = 62.33 and (50 + 51 + 51) / 3 = 50.67, to one decimal.
      hrvBaseline: 62.3,
      restingHrBaseline: 50.7,
      fatigue: 3,
      soreness: 2,
      mood: 1,
      comments: 'Legs heavy',
      error: null,
    })
    expect(h.sim.requests.filter((r) => r.path.endsWith('/wellness')).map((r) => r.query)).toEqual([`oldest=${addDays(today, -28)}&newest=${today}`])
  })

  it('a day with no reading is empty, and an athlete whose read fails says why while the others load', async () => {
    const [a, b] = h.sim.state.coached
    a!.wellness = []
    h.sim.addFault({ method: 'GET', path: `/api/v1/athlete/${b!.id}/wellness`, status: 403 })
    const today = NOW.toISOString().slice(0, 10)
    const rows = await ok<DayWellness[]>(h.core.invoke('calendar:dayWellness', { athleteIds: [a!.id, b!.id], date: today }))
    const empty = { sleepSecs: null, sleepScore: null, hrv: null, restingHr: null, hrvBaseline: null, restingHrBaseline: null, fatigue: null, soreness: null, mood: null, comments: null }
    expect(rows).toEqual([
      { athleteId: a!.id, date: today, ...empty, error: null },
      { athleteId: b!.id, date: today, ...empty, error: 'You have no access to this athlete.' },
    ])
  })
})
