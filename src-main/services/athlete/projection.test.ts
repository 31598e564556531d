import { describe, expect, it } from 'vitest'
import { projectFitness, projectionAfter } from './fitness'

describe('fitness projected over the planned workouts', () => {
  it('decays fitness and fatigue with nothing planned, so form rises towards zero from below', () => {
    const days = projectFitness({ date: '2026-03-10', ctl: 60, atl: 80 }, [], '2026-03-17')
    expect(days.map((d) => d.date)).toEqual(['2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15', '2026-03-16', '2026-03-17'])
    expect(days[0]!.ctl).toBeCloseTo(60 * Math.exp(-1 / 42), 1)
    expect(days[6]!.atl).toBeCloseTo(80 * Math.exp(-1), 1)
    expect(days[6]!.form!).toBeGreaterThan(20)
  })

  it('adds each day’s planned load (two workouts on one day add up) and ignores days outside the projection', () => {
    const planned = [
      { date: '2026-03-09T00:00:00', load: 500 },
      { date: '2026-03-11T00:00:00', load: 60 },
      { date: '2026-03-11T00:00:00', load: 40 },
      { date: '2026-03-20T00:00:00', load: 500 },
    ]
    const [first, second] = projectFitness({ date: '2026-03-10', ctl: 50, atl: 50 }, planned, '2026-03-12')
    const keep = Math.exp(-1 / 42)
    expect(first!.ctl).toBeCloseTo(50 * keep + 100 * (1 - keep), 1)
    expect(first!.form).toBeCloseTo(first!.ctl! - first!.atl!, 0)
    expect(second!.ctl).toBeLessThan(first!.ctl!)
  })

  it('starts after the last day with fitness known, and is empty when there is none or the range ends there', () => {
    const days = [
      { date: '2026-03-09', ctl: 40, atl: 45, form: -5 },
      { date: '2026-03-10', ctl: 41, atl: 47, form: -6 },
      { date: '2026-03-11', ctl: null, atl: null, form: null },
    ]
    expect(projectionAfter(days, [], '2026-03-12').map((d) => d.date)).toEqual(['2026-03-11', '2026-03-12'])
    expect(projectionAfter(days.slice(0, 2), [], '2026-03-10')).toEqual([])
    expect(projectionAfter([{ date: '2026-03-09', ctl: null, atl: null, form: null }], [], '2026-03-12')).toEqual([])
  })
})

describe('fitness projected, worked by hand', () => {
  it('raises fatigue by a seventh-day share of the load: 50 with 100 planned is 50 × 0.8669 + 100 × 0.1331 = 56.7', () => {
    const [first] = projectFitness({ date: '2026-03-10', ctl: 50, atl: 50 }, [{ date: '2026-03-11', load: 100 }], '2026-03-11')
    // Fitness 50 × 0.97647 + 100 × 0.02353 = 51.18; form 51.18 - 56.66 = -5.5.
    expect(first).toEqual({ date: '2026-03-11', ctl: 51.2, atl: 56.7, form: -5.5 })
  })

  it('starts from the last day with both fitness and fatigue known', () => {
    const days = [
      { date: '2026-03-09', ctl: 40, atl: 45, form: -5 },
      { date: '2026-03-10', ctl: 41, atl: null, form: null },
      { date: '2026-03-11', ctl: null, atl: 47, form: null },
    ]
    expect(projectionAfter(days, [], '2026-03-11').map((d) => d.date)).toEqual(['2026-03-10', '2026-03-11'])
  })
})
