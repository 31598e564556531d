import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { contract } from './schemas'
import { notFarFuture } from './athleteActivity'
import { zoneOrderProblem } from './athleteSettings'

// What the window may change on one athlete (activities, sport settings, wellness), and the sentence
// the coach reads when a value cannot be.

const problem = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value)
  return r.success ? null : r.error.issues.map((i) => i.message).join(' | ')
}

describe('activities', () => {
  it('are listed over a range that starts on or before its end', () => {
    const list = contract['athlete:activities'].args
    expect(problem(list, { athleteId: 'i1', oldest: '2026-12-01', newest: '2026-12-01' })).toBeNull()
    expect(problem(list, { athleteId: 'i1', oldest: '2026-12-01' })).toBeNull()
    expect(problem(list, { athleteId: 'i1', oldest: '2026-12-02', newest: '2026-12-01' })).toBe('The start of the range must come before its end.')
  })

  it('are changed only when something is changed', () => {
    const update = contract['athlete:updateActivity'].args
    expect(problem(update, { activityId: 'i42', changes: {} })).toBe('Nothing to save.')
    expect(problem(update, { activityId: 'i42', changes: { rpe: null } })).toBeNull()
  })

  it('are logged for days up to tomorrow on the earliest clock: 38 hours past UTC’s now', () => {
    // At 12:00 UTC it is already 02:00 the next day at UTC+14, whose tomorrow ends 38 hours from now.
    const noon = new Date('2026-12-03T12:00:00Z')
    expect(notFarFuture('2026-12-05', noon)).toBe(true)
    expect(notFarFuture('2026-12-06', noon)).toBe(false)
    const morning = new Date('2026-12-03T09:59:00Z')
    expect(notFarFuture('2026-12-04', morning)).toBe(true)
    expect(notFarFuture('2026-12-05', morning)).toBe(false)
    expect(notFarFuture('2020-01-01', morning)).toBe(true)
  })

  it('are refused when logged well ahead of today', () => {
    const log = contract['athlete:logManual'].args
    const manual = (date: string) => ({ externalId: 'draft-0001', date, type: 'Run', name: 'Easy run', movingSecs: 1800 })
    expect(problem(log, { athleteId: 'i1', activities: [manual('2020-05-01')] })).toBeNull()
    expect(problem(log, { athleteId: 'i1', activities: [manual('2099-05-01')] })).toBe('An activity cannot be logged more than a day ahead.')
  })
})

describe('sport settings', () => {
  const update = contract['athlete:updateSportSettings'].args
  const changes = (c: object) => problem(update, { athleteId: 'i1', settingsId: 7, recalcHrZones: false, changes: c })

  it('name the first zone that does not rise above the one before', () => {
    expect(zoneOrderProblem([55, 75, 90], 'Power', '%')).toBeNull()
    expect(zoneOrderProblem([55], 'Power', '%')).toBeNull()
    expect(zoneOrderProblem([55, 75, 75, 60], 'Power', '%')).toBe('Power zones must increase: zone 3 (75%) is not above zone 2 (75%).')
    expect(zoneOrderProblem([140, 130], 'HR', ' bpm')).toBe('HR zones must increase: zone 2 (130 bpm) is not above zone 1 (140 bpm).')
    expect(changes({ powerZones: [55, 50, 90] })).toBe('Power zones must increase: zone 2 (50%) is not above zone 1 (55%).')
    expect(changes({ powerZones: [55, 75, 90] })).toBeNull()
  })

  it('are changed only when something is changed', () => {
    expect(changes({})).toBe('Nothing to save.')
  })

  it('keep LTHR below max HR when both are given', () => {
    expect(changes({ lthr: 169, maxHr: 170 })).toBeNull()
    expect(changes({ lthr: 170, maxHr: 170 })).toBe('LTHR must be below max HR.')
    expect(changes({ lthr: 180, maxHr: 170 })).toBe('LTHR must be below max HR.')
    expect(changes({ lthr: 180 })).toBeNull()
    expect(changes({ maxHr: 100 })).toBeNull()
  })

  it('keep the top heart-rate zone at or below max HR when both are given', () => {
    expect(changes({ hrZones: [130, 150, 185], maxHr: 185 })).toBeNull()
    expect(changes({ hrZones: [130, 150, 186], maxHr: 185 })).toBe('The top HR zone cannot end above max HR.')
    expect(changes({ hrZones: [130, 150, 200] })).toBeNull()
  })
})

describe('wellness', () => {
  const read = contract['athlete:wellness'].args
  const update = contract['athlete:updateWellness'].args
  const bulk = contract['athlete:updateWellnessBulk'].args

  it('is read over a range of at most three years, oldest first', () => {
    expect(problem(read, { athleteId: 'i1', oldest: '2024-01-01', newest: '2024-01-01' })).toBeNull()
    // 3 × 366 = 1098 days.
    expect(problem(read, { athleteId: 'i1', oldest: '2024-01-01', newest: '2027-01-03' })).toBeNull()
    expect(problem(read, { athleteId: 'i1', oldest: '2024-01-01', newest: '2027-01-04' })).toBe('Pick a range of at most three years.')
    expect(problem(read, { athleteId: 'i1', oldest: '2024-01-02', newest: '2024-01-01' })).toBe('The start of the range must come before its end.')
  })

  it('is changed for a day that has happened, since 1990, when something is changed', () => {
    expect(problem(update, { athleteId: 'i1', date: '1990-01-01', values: { weight: 70.5 } })).toBeNull()
    expect(problem(update, { athleteId: 'i1', date: '1989-12-31', values: { weight: 70 } })).toBe('That date is too far in the past.')
    expect(problem(update, { athleteId: 'i1', date: '2099-01-01', values: { weight: 70 } })).toBe('Wellness is for days that have happened: that date is in the future.')
    expect(problem(update, { athleteId: 'i1', date: '2026-01-01', values: {} })).toBe('Nothing to save.')
  })

  it('takes whole numbers where a person counts, and decimals where they weigh', () => {
    expect(problem(update, { athleteId: 'i1', date: '2026-01-01', values: { restingHr: 48.5 } })).toBe('Resting HR must be between 20 and 150 bpm.')
    expect(problem(update, { athleteId: 'i1', date: '2026-01-01', values: { hrv: 61.5, weight: 70.2, restingHr: 48 } })).toBeNull()
  })

  it('is changed in bulk only for different days', () => {
    const day = (date: string) => ({ date, values: { weight: 70 } })
    expect(problem(bulk, { athleteId: 'i1', days: [day('2026-01-01'), day('2026-01-02')] })).toBeNull()
    expect(problem(bulk, { athleteId: 'i1', days: [day('2026-01-01'), day('2026-01-02'), day('2026-01-01')] })).toBe('Each day can appear only once.')
  })
})
