import { describe, expect, it } from 'vitest'
import type { SummaryWithCats } from '../icu/types'
import { canWrite, rosterRow } from './roster'

// One roster row from GET /athletes and the athlete-summary's weeks, with every number worked out by hand.
// 20:00 UTC on Thursday 26 November 2026 is already Friday 27 November in Auckland (UTC+13): that week's
// Monday is 23 November.
const NOW = new Date('2026-11-26T20:00:00Z')
const auckland = { id: 'i7', name: 'Aroha Ngata', timezone: 'Pacific/Auckland', icu_permission: 'WRITE' as const }

const weeks: SummaryWithCats[] = [
  {
    date: '2026-11-09',
    count: 3,
    fitness: 40,
    fatigue: 45,
    form: -5.5,
    rampRate: 2.345,
    byCategory: [
      { category: 'Ride', count: 2, moving_time: 7200, time: 8000 },
      { category: 'Run', count: 1, time: 3000 },
    ],
  },
  { date: '2026-11-16', count: 0, byCategory: [{ category: 'Swim', count: 0, moving_time: 9999 }] },
  {
    date: '2026-11-23',
    count: 1,
    fitness: 42.26,
    fatigue: 50.04,
    training_load: 87.6,
    time: 5400.4,
    byCategory: [{ category: 'Run', count: 1, moving_time: 5000 }, { count: 1, moving_time: 100_000 }],
  },
]

describe('a roster row', () => {
  it('takes the latest fitness and fatigue, works out form when the summary gives none, and totals this week', () => {
    expect(rosterRow({ ...auckland, icu_tags: ['elite', 3 as never], icu_notes: 'Open water' }, weeks, 'i1', NOW)).toEqual({
      id: 'i7',
      name: 'Aroha Ngata',
      avatarUrl: null,
      // Run: 3000 s (no moving time: its time) + 5000 s; Ride 7200 s; the Swim week had no activity.
      sports: ['Run', 'Ride'],
      timezone: 'Pacific/Auckland',
      today: '2026-11-27',
      fitness: 42.3,
      fatigue: 50,
      // 42.26 - 50.04 = -7.78
      form: -7.8,
      fitnessDate: null,
      rampRate: null,
      weekLoadDone: 88,
      weekTimeDone: 5400,
      lastActiveWeek: '2026-11-23',
      tags: ['elite'],
      notes: 'Open water',
      permission: 'WRITE',
      isSelf: false,
    })
  })

  it('takes the summary’s own form and ramp rate from the latest week with numbers, and this week’s moving time first', () => {
    const older = [weeks[0]!, { date: '2026-11-23', count: 0, moving_time: 1800, time: 2000, training_load: 20.4 }]
    expect(rosterRow(auckland, older, 'i1', NOW)).toMatchObject({
      fitness: 40,
      fatigue: 45,
      form: -5.5,
      rampRate: 2.3,
      weekLoadDone: 20,
      weekTimeDone: 1800,
      lastActiveWeek: '2026-11-09',
      sports: ['Ride', 'Run'],
    })
  })

  it('has no numbers, sports or week without a summary, and reads a missing zone as UTC', () => {
    expect(rosterRow({ id: 'i1', firstname: 'Dana', lastname: 'Reyes', profile_medium: 'https://x/a.png', icu_notes: 42 as never }, [], 'i1', NOW)).toEqual({
      id: 'i1',
      name: 'Dana Reyes',
      avatarUrl: 'https://x/a.png',
      sports: [],
      timezone: 'UTC',
      today: '2026-11-26',
      fitness: null,
      fatigue: null,
      form: null,
      fitnessDate: null,
      rampRate: null,
      weekLoadDone: 0,
      weekTimeDone: 0,
      lastActiveWeek: null,
      tags: [],
      notes: '',
      permission: null,
      isSelf: true,
    })
    expect(rosterRow({}, [], 'i1', NOW)).toMatchObject({ id: '', name: 'Unnamed athlete' })
  })

  it('shows no form when only one of fitness and fatigue is known', () => {
    expect(rosterRow(auckland, [{ date: '2026-11-23', count: 1, fitness: 30, form: 4 }], 'i1', NOW)).toMatchObject({ fitness: 30, fatigue: null, form: null })
  })
})

describe('who may change an athlete’s calendar', () => {
  it('is the coach themself, and athletes who gave WRITE access; READ and NONE only look', () => {
    expect(canWrite({ isSelf: true, permission: null })).toBe(true)
    expect(canWrite({ isSelf: false, permission: 'WRITE' })).toBe(true)
    expect(canWrite({ isSelf: false, permission: 'READ' })).toBe(false)
    expect(canWrite({ isSelf: false, permission: 'NONE' })).toBe(false)
  })
})
