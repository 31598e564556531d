import { describe, expect, it } from 'vitest'
import type { ActivityRow } from '@contract'
import { complianceBand, daysBefore, filterActivities, intensityFraction, sportsOf, totals } from './athleteView'
import { draftProblem, toManual, type ManualDraft } from './manualLog'

const row = (id: string, type: string, load: number): ActivityRow => ({
  id, date: '2026-03-01T08:00:00', type, name: id, movingSecs: 3600, distanceM: 30_000, load, intensity: 75, avgWatts: null,
  normWatts: null, avgHr: null, rpe: null, compliance: null, pairedEventId: null, source: null, stub: false,
})

describe('activity list view', () => {
  const rows = [row('a', 'Ride', 80), row('b', 'VirtualRide', 60), row('c', 'Run', 50), row('d', 'TrailRun', 40), row('e', 'Swim', 30)]

  it('groups virtual and trail sessions with their sport for the filter', () => {
    expect(sportsOf(rows)).toEqual(['Ride', 'Run', 'Swim'])
    expect(filterActivities(rows, 'Ride').map((r) => r.id)).toEqual(['a', 'b'])
    expect(filterActivities(rows, 'Run').map((r) => r.id)).toEqual(['c', 'd'])
    expect(filterActivities(rows, null)).toHaveLength(5)
  })

  it('totals what is shown', () => {
    expect(totals(filterActivities(rows, 'Ride'))).toEqual({ count: 2, secs: 7200, metres: 60_000, load: 140 })
  })

  it('bands compliance around 100% of the plan', () => {
    expect(complianceBand(100)).toBe('good')
    expect(complianceBand(82)).toBe('good')
    expect(complianceBand(135)).toBe('fair')
    expect(complianceBand(40)).toBe('poor')
    expect(complianceBand(null)).toBe('none')
  })

  it('reads intensity as a percent or a fraction', () => {
    expect(intensityFraction(75.3)).toBeCloseTo(0.753)
    expect(intensityFraction(0.82)).toBe(0.82)
    expect(intensityFraction(null)).toBeNull()
  })
})

describe('manual activity drafts', () => {
  const base: ManualDraft = {
    externalId: '5f0c5a2e-1d4b-4f0e-9f59-6a1c2b3d4e5f', date: '2026-03-01', startTime: '18:30', type: 'WeightTraining',
    name: ' Gym ', minutes: '45', distanceKm: '', load: '', rpe: '6',
  }

  it('becomes the contract row, leaving blank fields out', () => {
    expect(toManual(base)).toEqual({ externalId: base.externalId, date: '2026-03-01', startTime: '18:30', type: 'WeightTraining', name: 'Gym', movingSecs: 2700, rpe: 6 })
    expect(toManual({ ...base, distanceKm: '10,5' }).distanceM).toBe(10_500)
  })

  it('names the first problem and its row', () => {
    expect(draftProblem([base])).toBeNull()
    expect(draftProblem([base, { ...base, minutes: '' }])).toBe('Row 2: Give the duration in minutes.')
    expect(draftProblem([{ ...base, rpe: '11' }])).toBe('RPE is a whole number from 1 to 10.')
  })
})


describe('the activity list at its edges', () => {
  it('counts a session without time, distance or load as nothing of those', () => {
    const bare = { ...row('x', 'Ride', 0), movingSecs: null, distanceM: null, load: null }
    expect(totals([bare, row('y', 'Ride', 10)])).toEqual({ count: 2, secs: 3600, metres: 30_000, load: 10 })
    expect(totals([])).toEqual({ count: 0, secs: 0, metres: 0, load: 0 })
  })

  it('reads 3 as a fraction and anything above as a percent', () => {
    expect(intensityFraction(3)).toBe(3)
    expect(intensityFraction(3.5)).toBeCloseTo(0.035)
  })

  it('starts a range the given number of days before a date', () => {
    expect(daysBefore('2026-03-01', 27)).toBe('2026-02-02')
    expect(daysBefore('2026-03-01', -21)).toBe('2026-03-22')
  })
})
