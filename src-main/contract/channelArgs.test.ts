import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { contract } from './schemas'
import { formatRefusal, sportFamily } from './exports'
import { splitChannel } from './channels'
import { readOnlyAccess } from './roster'

// What the window may ask of the calendar, the exports, the workouts, the session and attention, and the sentence the coach
// reads when it asks for something that cannot be.

const problem = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value)
  return r.success ? null : r.error.issues.map((i) => i.message).join(' | ')
}
const ev = (eventId: number) => ({ athleteId: 'i1', eventId })

describe('a bulk action’s selection', () => {
  const plan = contract['calendar:planBulk'].args
  const hide = { kind: 'hide' }

  it('needs at least one event or one row of days', () => {
    expect(problem(plan, { selection: {}, action: hide })).toBe('Select at least one event first.')
    expect(problem(plan, { selection: { events: [ev(1)] }, action: hide })).toBeNull()
    expect(problem(plan, { selection: { ranges: [{ athleteId: 'i1', oldest: '2026-12-01', newest: '2026-12-07' }] }, action: hide })).toBeNull()
  })

  it('takes an event named twice as one', () => {
    const parsed = plan.parse({ selection: { events: [ev(1), ev(1), ev(2)] }, action: hide })
    expect(parsed.selection.events).toEqual([ev(1), ev(2)])
  })

  it('refuses a shift of no days, and one beyond a year', () => {
    const shift = (days: number) => problem(plan, { selection: { events: [ev(1)] }, action: { kind: 'shift', days } })
    expect(shift(0)).toBe('Shift by at least one day.')
    expect(shift(-1)).toBeNull()
    expect(shift(366)).toBeNull()
    expect(shift(367)).toBe('Shifts are limited to a year either way.')
  })
})

describe('the calendar’s rows', () => {
  const range = contract['calendar:range'].args
  it('span up to sixteen weeks, oldest first', () => {
    expect(problem(range, { athleteIds: ['i1'], oldest: '2026-11-30', newest: '2027-03-21' })).toBeNull()
    expect(problem(range, { athleteIds: ['i1'], oldest: '2026-11-30', newest: '2027-03-22' })).toMatch(/spans at most 112 days/)
    expect(problem(range, { athleteIds: ['i1'], oldest: '2026-12-07', newest: '2026-11-30' })).toMatch(/ends on or after its start/)
  })
})

describe('an export', () => {
  const save = contract['exports:saveMany'].args
  it('needs at least one workout, and a row of at most a year', () => {
    const sel = (selection: unknown) => problem(save, { exportId: '9b2f4c1e-7a3d-4e8b-9c6f-1a2b3c4d5e6f', selection, format: 'zwo', layout: 'folders' })
    expect(sel({})).toBe('Select at least one workout first.')
    expect(sel({ events: [ev(1)] })).toBeNull()
    expect(sel({ ranges: [{ athleteId: 'i1', oldest: '2026-01-01', newest: '2026-12-31' }] })).toBeNull()
    expect(sel({ ranges: [{ athleteId: 'i1', oldest: '2026-01-01', newest: '2027-01-01' }] })).toBeNull()
    expect(sel({ ranges: [{ athleteId: 'i1', oldest: '2026-01-01', newest: '2027-01-02' }] })).toContain('Export at most 366 days at a time.')
  })

  it.each([
    ['Ride', 'ride'],
    ['VirtualRide', 'ride'],
    ['GravelRide', 'ride'],
    ['EBikeRide', 'ride'],
    ['Cycling', 'ride'],
    ['Run', 'run'],
    ['TrailRun', 'run'],
    ['Swim', 'swim'],
    ['OpenWaterSwim', 'swim'],
    ['Rowing', 'other'],
    ['WeightTraining', 'other'],
  ])('counts %s among the %s workouts', (sport, family) => {
    expect(sportFamily(sport)).toBe(family)
  })

  it('is refused in a format that cannot carry the sport, naming the sport and the way out', () => {
    expect(formatRefusal('zwo', 'Swim')).toBe('Not written: .zwo files (Zwift) carry rides and runs only, and this is a Swim workout. Export it as .fit instead.')
    expect(formatRefusal('erg', 'Run')).toBe('Not written: .erg files (watts on an indoor trainer) carry rides only, and this is a Run workout. Export it as .fit instead.')
    expect(formatRefusal('mrc', 'Rowing')).toBe('Not written: .mrc files (% of FTP on an indoor trainer) carry rides only, and this is a Rowing workout. Export it as .fit instead.')
  })

  it('is written where the format carries the sport, a workout with no sport being a ride', () => {
    expect(formatRefusal('zwo', 'Run')).toBeNull()
    expect(formatRefusal('zwo', 'VirtualRide')).toBeNull()
    expect(formatRefusal('erg', null)).toBeNull()
    expect(formatRefusal('mrc', '')).toBeNull()
    for (const sport of ['Swim', 'Rowing', 'Run', 'Ride']) expect(formatRefusal('fit', sport)).toBeNull()
  })
})

describe('a week template', () => {
  it('is saved from a week that starts on a Monday', () => {
    const save = contract['workouts:saveWeekTemplate'].args
    expect(problem(save, { athleteId: 'i1', weekStart: '2026-11-30', name: 'Base week' })).toBeNull()
    expect(problem(save, { athleteId: 'i1', weekStart: '2026-12-01', name: 'Base week' })).toBe('A week starts on a Monday.')
    expect(problem(save, { athleteId: 'i1', weekStart: '2026-12-06', name: 'Base week' })).toBe('A week starts on a Monday.')
  })
})

describe('connecting', () => {
  const test = contract['session:testConnection'].args
  it('forgives spaces around the athlete id and a capital I', () => {
    expect(test.parse({ athleteId: '  I12345 ', apiKey: 'abcdefgh' }).athleteId).toBe('i12345')
    expect(test.parse({ athleteId: '12345', apiKey: 'abcdefgh' }).athleteId).toBe('12345')
  })
  it('still refuses what is not an athlete id once forgiven', () => {
    expect(problem(test, { athleteId: 'Ix12', apiKey: 'abcdefgh' })).toMatch(/looks like i12345/)
    expect(problem(test, { athleteId: 'I', apiKey: 'abcdefgh' })).toMatch(/looks like i12345/)
  })
})

describe('attention settings and comments', () => {
  it('need the compliance band’s lower limit below its upper', () => {
    const save = contract['attention:saveSettings'].args
    const rules = (min: number, max: number) => ({
      missedWorkouts: { on: true, days: 7, count: 2 },
      compliance: { on: true, min, max },
      rampRate: { on: true, max: 8 },
      form: { on: true, min: -30 },
      wellnessBaseline: { on: true, days: 3, hrvDropPct: 20, restingHrRise: 5 },
      inactive: { on: true, days: 5 },
      sickOrInjured: { on: true, days: 7 },
      unreadComment: { on: true },
    })
    const band = (min: number, max: number) => problem(save, { settings: { rules: rules(min, max), notifications: true } })
    expect(band(60, 150)).toBeNull()
    expect(band(99, 100)).toBeNull()
    expect(band(100, 100)).toBe('The lower limit must be below the upper.')
    expect(band(120, 100)).toBe('The lower limit must be below the upper.')
  })

  it('send a comment without the spaces around it, and refuse one that is only spaces', () => {
    const send = contract['attention:addComment'].args
    expect(send.parse({ activityId: 'i99', content: '  Well done.  ' }).content).toBe('Well done.')
    expect(problem(send, { activityId: 'i99', content: '   ' })).toBe('Write something first.')
  })
})

describe('a saved group of athletes', () => {
  const save = contract['groups:save'].args

  it('is named as typed, without the spaces around the name and with runs of spaces made one', () => {
    expect(save.parse({ name: '  Tuesday \t  swimmers ', athleteIds: ['i1'] }).name).toBe('Tuesday swimmers')
    expect(save.parse({ name: 'Ironman squad', athleteIds: ['i1'] }).name).toBe('Ironman squad')
  })

  it('needs a name that is more than spaces, and at least one athlete, each once', () => {
    expect(problem(save, { name: '   ', athleteIds: ['i1'] })).toBe('Give the group a name.')
    expect(problem(save, { name: 'Squad', athleteIds: [] })).toBe('Pick at least one athlete first.')
    expect(save.parse({ name: 'Squad', athleteIds: ['i1', 'i2', 'i1'] }).athleteIds).toEqual(['i1', 'i2'])
  })

  it('is deleted only by the id it was saved under', () => {
    const del = contract['groups:delete'].args
    expect(problem(del, { groupId: 'Squad' })).toBe('That is not a saved group.')
    expect(problem(del, { groupId: '0b6f1c1e-8a47-4d1e-9a55-2c1b7d3e9f00' })).toBeNull()
  })
})

describe('the rules shared by main and the window', () => {
  it('make an athlete read-only when the coach may only look, never the coach’s own row', () => {
    expect(readOnlyAccess({ isSelf: false, permission: 'READ' })).toBe(true)
    expect(readOnlyAccess({ isSelf: false, permission: 'NONE' })).toBe(true)
    expect(readOnlyAccess({ isSelf: false, permission: 'WRITE' })).toBe(false)
    expect(readOnlyAccess({ isSelf: false, permission: null })).toBe(false)
    expect(readOnlyAccess({ isSelf: true, permission: 'READ' })).toBe(false)
  })

  it('split a channel into its domain and verb at the first colon', () => {
    expect(splitChannel('calendar:planBulk')).toEqual(['calendar', 'planBulk'])
    expect(splitChannel('a:b:c')).toEqual(['a', 'b:c'])
  })
})
