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
})
