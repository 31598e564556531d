import { describe, expect, it } from 'vitest'
import type { SummaryWithCats } from '../icu/types'
import { activeWeeks, fitnessOnToday } from './rosterFitness'

// Worked by hand: 50 * e^(-3/42) = 46.553, 70 * e^(-3/7) = 45.601, form 0.952;
// 50 * e^(-10/42) = 39.406, 70 * e^(-10/7) = 16.776, form 22.631.
const weeks = [
  { monday: '2026-11-09', fitness: 44, fatigue: 52 },
  { monday: '2026-11-16', fitness: 50, fatigue: 70 },
]

describe("the roster's fitness on the athlete's today", () => {
  it('decays the summary numbers from the last activity to today: 42 days for fitness, 7 for fatigue', () => {
    expect(fitnessOnToday(weeks, '2026-11-20T07:30:00', '2026-11-23')).toEqual({ fitness: 46.6, fatigue: 45.6, form: 1, fitnessDate: '2026-11-23' })
    expect(fitnessOnToday(weeks, '2026-11-20', '2026-11-30')).toEqual({ fitness: 39.4, fatigue: 16.8, form: 22.6, fitnessDate: '2026-11-30' })
  })

  it('takes the week the last activity was in, not the latest week', () => {
    expect(fitnessOnToday(weeks, '2026-11-12', '2026-11-15')).toEqual({
      fitness: Math.round(44 * Math.exp(-3 / 42) * 10) / 10,
      fatigue: Math.round(52 * Math.exp(-3 / 7) * 10) / 10,
      form: Math.round((44 * Math.exp(-3 / 42) - 52 * Math.exp(-3 / 7)) * 10) / 10,
      fitnessDate: '2026-11-15',
    })
  })

  it('keeps the numbers as they are when the last activity is today', () => {
    expect(fitnessOnToday(weeks, '2026-11-18T18:00:00', '2026-11-18')).toEqual({ fitness: 50, fatigue: 70, form: -20, fitnessDate: '2026-11-18' })
  })

  it('says nothing when the summary has no numbers for that week (an activity newer than the summary) or the activity is after today', () => {
    expect(fitnessOnToday(weeks, '2026-11-24', '2026-11-25')).toBeNull()
    expect(fitnessOnToday(weeks, '2026-11-20', '2026-11-19')).toBeNull()
    expect(fitnessOnToday([], '2026-11-20', '2026-11-23')).toBeNull()
  })

  it('keeps only the weeks with an activity and both numbers', () => {
    const rows: SummaryWithCats[] = [
      { date: '2026-11-02', count: 0, fitness: 40, fatigue: 30 },
      { date: '2026-11-09', count: 2, fitness: 44, fatigue: 52 },
      { date: '2026-11-16', count: 1, fitness: undefined, fatigue: 70 },
      { date: '2026-11-23', count: 3, fitness: 48, fatigue: undefined },
      { date: '2026-11-30T00:00:00', count: 1, fitness: 47, fatigue: 40 },
    ]
    expect(activeWeeks(rows)).toEqual([
      { monday: '2026-11-09', fitness: 44, fatigue: 52 },
      { monday: '2026-11-30', fitness: 47, fatigue: 40 },
    ])
  })
})
