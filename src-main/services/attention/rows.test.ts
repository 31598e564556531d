import { describe, expect, it } from 'vitest'
import type { RosterRow } from '../../contract/schemas'
import type { AttentionLoad, LoadedAthlete } from './load'
import { DEFAULT_SETTINGS, type AthleteAttentionData } from './rules'
import { attentionRows, nextRace } from './service'

const TODAY = '2026-03-10'

function data(over: Partial<AthleteAttentionData> = {}): AthleteAttentionData {
  return { today: TODAY, form: null, rampRate: null, fitness: 60, fatigue: 70, workouts: [], races: [], activities: [], daysOff: [], wellness: null, unread: [], loadedFrom: '2026-02-09', ...over }
}

function loaded(name: string, d: AthleteAttentionData | null, error: string | null = null): LoadedAthlete {
  const row = { id: `id-${name}`, name, timezone: 'Europe/London', today: TODAY, form: d?.form ?? null } as RosterRow
  return { row, data: d, error }
}

describe('the Needs attention rows', () => {
  it('put the athletes who need the coach most first, then everyone else by name', () => {
    const settings = structuredClone(DEFAULT_SETTINGS)
    for (const rule of Object.values(settings.rules)) rule.on = false
    settings.rules.form.on = true
    const load: AttentionLoad = {
      athletes: [
        loaded('Dan', data({ form: -5 })),
        loaded('Ben', data({ form: -35 })),
        loaded('Eve', null, 'You have no access to this athlete.'),
        loaded('Cara', data({ form: -45 })),
        loaded('Abe', data({ form: -31, races: [{ date: '2026-03-11', name: 'Crit' }] })),
      ],
      chatOf: new Map(),
      requests: 0,
    }
    const rows = attentionRows(load, settings)
    // Form -45 is more than 10 below -30: a high flag, which weighs double.
    expect(rows.map((r) => [r.name, r.flags.map((f) => f.severity)])).toEqual([
      ['Cara', ['high']],
      ['Abe', ['medium']],
      ['Ben', ['medium']],
      ['Dan', []],
      ['Eve', []],
    ])
    expect(rows[1]).toEqual({
      athleteId: 'id-Abe',
      name: 'Abe',
      timezone: 'Europe/London',
      today: TODAY,
      form: -31,
      flags: [{ rule: 'form', reason: 'Form -31, below -30', severity: 'medium' }],
      nextRace: { date: '2026-03-11', name: 'Crit', daysToGo: 1, form: -2 },
      error: null,
    })
    expect(rows[4]).toMatchObject({ flags: [], nextRace: null, error: 'You have no access to this athlete.' })
  })
})

describe('form on the day of the next A race', () => {
  it('is fitness minus fatigue, each carried a day on: 60 and 70 become 58.6 and 60.7, so form -2', () => {
    // 60 × e^(-1/42) = 58.59 and 70 × e^(-1/7) = 60.68.
    expect(nextRace(data({ races: [{ date: '2026-03-11', name: 'Crit' }] }))).toEqual({ date: '2026-03-11', name: 'Crit', daysToGo: 1, form: -2 })
  })

  it('is today’s form on race day', () => {
    expect(nextRace(data({ fitness: 60.4, fatigue: 70, races: [{ date: TODAY, name: 'Crit' }] }))).toEqual({ date: TODAY, name: 'Crit', daysToGo: 0, form: -10 })
  })

  it('counts the planned load of the days before: 100 the day before the race lifts fatigue more than fitness', () => {
    // Fitness 60 × 0.97647 + 100 × 0.02353 = 60.94, fatigue 70 × 0.86688 + 100 × 0.13312 = 74, form -13.
    const workouts = [{ id: 1, date: '2026-03-11', name: 'Openers', type: 'Ride', load: 100, secs: 3600 }]
    expect(nextRace(data({ workouts, races: [{ date: '2026-03-11', name: 'Crit' }] }))?.form).toBe(-13)
  })

  it('is unknown without today’s fitness or fatigue, and there is none without a race', () => {
    const races = [{ date: '2026-03-20', name: 'Crit' }]
    expect(nextRace(data({ fatigue: null, races }))).toEqual({ date: '2026-03-20', name: 'Crit', daysToGo: 10, form: null })
    expect(nextRace(data({ fitness: null, races }))?.form).toBeNull()
    expect(nextRace(data())).toBeNull()
  })
})
