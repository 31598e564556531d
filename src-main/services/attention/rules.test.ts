import { describe, expect, it } from 'vitest'
import type { AttentionRules, RuleId } from '../../contract/attention'
import { addDays, athleteToday, mondayOf } from '../dates'
import { DEFAULT_SETTINGS, attentionScore, evaluate, missedWorkouts, type AthleteAttentionData, type DoneActivity, type PlannedWorkout, type WellnessReading } from './rules'

// 2026-03-10T20:00Z is already Wednesday 11 March in Auckland and still Tuesday 10 March in Los Angeles.
const NOW = new Date('2026-03-10T20:00:00Z')
const ZONES = ['Pacific/Auckland', 'America/Los_Angeles', 'Europe/London'] as const

function athlete(timezone: string, over: Partial<AthleteAttentionData> = {}): AthleteAttentionData {
  const today = athleteToday(timezone, NOW)
  return { today, form: -5, rampRate: 3, fitness: 50, fatigue: 55, races: [], workouts: [], activities: [], daysOff: [], wellness: [], unread: [], loadedFrom: addDays(mondayOf(today), -28), ...over }
}

let nextId = 1
function workout(date: string, load = 60, type = 'Ride'): PlannedWorkout {
  return { id: nextId++, date, name: `Workout ${date}`, type, load, secs: 3600 }
}
function done(date: string, load = 60, pairedEventId: number | null = null, type = 'Ride'): DoneActivity {
  return { id: `i${nextId++}`, start: `${date}T07:00:00`, type, name: 'Morning Ride', load, secs: 3600, pairedEventId, compliance: null, coachTick: null, chatId: null, stub: false }
}
/** Every day from 35 days back to today at the given values, the last `recentDays` at others. */
function wellness(today: string, usual: [number, number], recent: [number | null, number | null], recentDays: number): WellnessReading[] {
  return Array.from({ length: 36 }, (_, i) => {
    const date = addDays(today, i - 35)
    const isRecent = i >= 36 - recentDays
    const [hrv, restingHR] = isRecent ? recent : usual
    return { date, hrv, restingHR }
  })
}
/** Only one rule on, at its default limits (or the ones given). */
function only<K extends RuleId>(id: K, limits: Partial<AttentionRules[K]> = {}): AttentionRules {
  const rules = structuredClone(DEFAULT_SETTINGS.rules)
  for (const key of Object.keys(rules) as RuleId[]) rules[key].on = false
  Object.assign(rules[id], limits, { on: true })
  return rules
}
const flagged = (data: AthleteAttentionData, rules: AttentionRules) => evaluate(data, rules).map((f) => f.reason)

describe.each(ZONES)('attention rules for an athlete in %s', (tz) => {
  const today = athleteToday(tz, NOW)

  it('flags nothing for an athlete with no data at all, except that nothing was done', () => {
    const empty = athlete(tz, { wellness: null })
    const rules = structuredClone(DEFAULT_SETTINGS.rules)
    expect(evaluate(empty, rules).map((f) => f.rule)).toEqual(['inactive'])
    expect(flagged(empty, only('inactive'))[0]).toMatch(/^No activity since /)
  })

  it.each([
    { name: 'two missed of three', planned: [-1, -2, -3], doneOn: [-3], missed: 2, flag: true },
    { name: 'one missed is under the count', planned: [-1, -2], doneOn: [-2], missed: 1, flag: false },
    { name: 'today’s workout is not missed yet', planned: [0, 0, -1], doneOn: [-1], missed: 0, flag: false },
    { name: 'older than the window', planned: [-9, -10, -11], doneOn: [], missed: 0, flag: false },
  ])('missed workouts: $name', ({ planned, doneOn, missed, flag }) => {
    const workouts = planned.map((d) => workout(addDays(today, d)))
    const activities = doneOn.map((d) => done(addDays(today, d)))
    const data = athlete(tz, { workouts, activities })
    expect(missedWorkouts(data, 7)).toHaveLength(missed)
    const reasons = flagged(data, only('missedWorkouts'))
    if (flag) expect(reasons).toEqual([expect.stringMatching(new RegExp(`^${missed} planned workouts missed in the last 7 days: `))])
    else expect(reasons).toEqual([])
  })

  it('counts a workout done when an activity is paired with it even on another day, or of the same sport that day', () => {
    const a = workout(addDays(today, -2))
    const b = workout(addDays(today, -3), 50, 'Run')
    const data = athlete(tz, { workouts: [a, b], activities: [done(addDays(today, -1), 60, a.id), done(addDays(today, -3), 40, null, 'TrailRun')] })
    expect(missedWorkouts(data, 7)).toEqual([])
  })

  it('takes the calendar’s rule: a ride done the day after is not missed, unless that ride was the next day’s own workout', () => {
    const moved = workout(addDays(today, -3))
    expect(missedWorkouts(athlete(tz, { workouts: [moved], activities: [done(addDays(today, -2))] }), 7)).toEqual([])
    const sunday = workout(addDays(today, -3))
    const monday = workout(addDays(today, -2))
    expect(missedWorkouts(athlete(tz, { workouts: [sunday, monday], activities: [done(addDays(today, -2))] }), 7)).toEqual([sunday])
  })

  it.each([
    { done: 50, planned: 100, flag: /^Last week 50% of the planned load \(50 of 100\), outside 70–130%$/ },
    { done: 140, planned: 100, flag: /^Last week 140% / },
    { done: 100, planned: 100, flag: null },
    { done: 30, planned: 0, flag: null },
  ])('weekly compliance: $done done of $planned planned', ({ done: d, planned: p, flag }) => {
    const lastMonday = addDays(mondayOf(today), -7)
    const data = athlete(tz, {
      workouts: p ? [workout(addDays(lastMonday, 1), p)] : [],
      activities: d ? [done(addDays(lastMonday, 2), d)] : [],
    })
    const reasons = flagged(data, only('compliance'))
    if (flag) expect(reasons).toEqual([expect.stringMatching(flag)])
    else expect(reasons).toEqual([])
  })

  it.each([
    { rampRate: 9.5, max: 8, flag: 'Fitness rising 9.5 a week, above 8' },
    { rampRate: 8, max: 8, flag: null },
    { rampRate: null, max: 8, flag: null },
  ])('ramp rate $rampRate against $max', ({ rampRate, max, flag }) => {
    expect(flagged(athlete(tz, { rampRate }), only('rampRate', { max }))).toEqual(flag ? [flag] : [])
  })

  it.each([
    { form: -34, min: -30, flag: 'Form -34, below -30' },
    { form: -30, min: -30, flag: null },
    { form: -12, min: -10, flag: 'Form -12, below -10' },
    { form: null, min: -30, flag: null },
  ])('form $form against $min', ({ form, min, flag }) => {
    expect(flagged(athlete(tz, { form }), only('form', { min }))).toEqual(flag ? [flag] : [])
  })

  it.each([
    { name: 'HRV 30% down for three days', usual: [80, 48], recent: [56, 48], days: 3, flag: /^HRV 56 vs a usual 80 \(30% lower\), 3 days running$/ },
    { name: 'resting HR up 8 bpm', usual: [80, 48], recent: [80, 56], days: 3, flag: /^Resting HR 56 vs a usual 48 bpm, 3 days running$/ },
    { name: 'both', usual: [80, 48], recent: [50, 58], days: 3, flag: /^HRV 50 .* and resting HR 58 / },
    { name: 'only two of three days off', usual: [80, 48], recent: [56, 48], days: 2, flag: null },
    { name: 'a missing reading today', usual: [80, 48], recent: [null, null], days: 3, flag: null },
    { name: 'within the band', usual: [80, 48], recent: [72, 51], days: 3, flag: null },
  ])('wellness off baseline: $name', ({ usual, recent, days, flag }) => {
    const data = athlete(tz, { wellness: wellness(today, usual as [number, number], recent as [number | null, number | null], days) })
    const reasons = flagged(data, only('wellnessBaseline'))
    if (flag) expect(reasons).toEqual([expect.stringMatching(flag)])
    else expect(reasons).toEqual([])
  })

  it('still sees three low mornings when this morning’s reading is not in yet', () => {
    const days = wellness(today, [80, 48], [56, 48], 4).slice(0, -1)
    expect(days.at(-1)!.date).toBe(addDays(today, -1))
    expect(flagged(athlete(tz, { wellness: days }), only('wellnessBaseline'))).toEqual([expect.stringMatching(/^HRV 56 vs a usual 80 .*3 days running$/)])
  })

  it('says nothing about wellness when none was read or too little to know the athlete’s normal', () => {
    expect(flagged(athlete(tz, { wellness: null }), only('wellnessBaseline'))).toEqual([])
    expect(flagged(athlete(tz, { wellness: [] }), only('wellnessBaseline'))).toEqual([])
    const short = wellness(today, [80, 48], [40, 60], 3).slice(-8)
    expect(flagged(athlete(tz, { wellness: short }), only('wellnessBaseline'))).toEqual([])
  })

  it.each([
    { last: -5, days: 4, flag: /^No activity for 5 days \(last / },
    { last: -3, days: 4, flag: null },
    { last: 0, days: 1, flag: null },
  ])('inactive: last activity $last days ago, limit $days', ({ last, days, flag }) => {
    const reasons = flagged(athlete(tz, { activities: [done(addDays(today, last))] }), only('inactive', { days }))
    if (flag) expect(reasons).toEqual([expect.stringMatching(flag)])
    else expect(reasons).toEqual([])
  })

  it.each([
    { start: -2, end: 3, category: 'INJURED' as const, name: 'Calf strain', flag: /^Injured from .*: Calf strain$/ },
    { start: 0, end: 1, category: 'SICK' as const, name: 'Sick', flag: /^Sick from [^:]*$/ },
    { start: -6, end: -5, category: 'SICK' as const, name: 'Flu', flag: null },
    { start: 2, end: 3, category: 'SICK' as const, name: 'Planned surgery', flag: null },
  ])('sick or injured: $category from day $start to $end', ({ start, end, category, name, flag }) => {
    const daysOff = [{ category, start: `${addDays(today, start)}T00:00:00`, end: `${addDays(today, end)}T00:00:00`, name }]
    const reasons = flagged(athlete(tz, { daysOff }), only('sickOrInjured'))
    if (flag) expect(reasons).toEqual([expect.stringMatching(flag)])
    else expect(reasons).toEqual([])
  })

  it('unread comments: one activity is named, several are counted', () => {
    const one = athlete(tz, { unread: [{ activityId: 'i1', activityName: 'Tempo Run', count: 2 }] })
    expect(flagged(one, only('unreadComment'))).toEqual(['2 unread comments from the athlete on “Tempo Run”'])
    const many = athlete(tz, { unread: [{ activityId: 'i1', activityName: 'A', count: 1 }, { activityId: 'i2', activityName: 'B', count: 1 }] })
    expect(flagged(many, only('unreadComment'))).toEqual(['2 unread comments from the athlete on 2 activities'])
    expect(flagged(athlete(tz), only('unreadComment'))).toEqual([])
  })
})

describe('one instant, each athlete’s own today', () => {
  it('a workout planned on 10 March is missed in Auckland (already the 11th) but not yet in Los Angeles', () => {
    const rules = only('missedWorkouts', { count: 1 })
    const plan = [workout('2026-03-10')]
    expect(evaluate(athlete('Pacific/Auckland', { workouts: plan }), rules).map((f) => f.rule)).toEqual(['missedWorkouts'])
    expect(evaluate(athlete('America/Los_Angeles', { workouts: plan }), rules)).toEqual([])
  })
})

describe('switching rules off and sorting', () => {
  it('a rule switched off never flags, and high flags weigh double', () => {
    const data = athlete('Europe/London', { form: -45, rampRate: 14 })
    const rules = structuredClone(DEFAULT_SETTINGS.rules)
    rules.inactive.on = false
    const flags = evaluate(data, rules)
    expect(flags.map((f) => f.rule).sort()).toEqual(['form', 'rampRate'])
    expect(attentionScore(flags)).toBe(4)
    rules.form.on = false
    expect(evaluate(data, rules).map((f) => f.rule)).toEqual(['rampRate'])
  })
})

describe('the next A race', () => {
  it('is the first one ahead, with form on the day projected over the planned workouts', async () => {
    const { nextRace } = await import('./service')
    const data = athlete('Europe/London', { fitness: 60, fatigue: 70, races: [{ date: '2026-03-24', name: 'City Marathon' }, { date: '2026-05-01', name: 'Later' }] })
    const rested = nextRace(data)!
    expect(rested).toMatchObject({ date: '2026-03-24', name: 'City Marathon', daysToGo: 14 })
    // Two weeks of rest: fatigue falls far faster than fitness, so form is well positive.
    expect(rested.form).toBeGreaterThan(15)
    const loaded = nextRace({ ...data, workouts: Array.from({ length: 13 }, (_, i) => workout(addDays('2026-03-10', i + 1), 120)) })!
    expect(loaded.form!).toBeLessThan(rested.form!)
    expect(nextRace({ ...data, fitness: null })).toMatchObject({ daysToGo: 14, form: null })
    expect(nextRace({ ...data, races: [] })).toBeNull()
  })
})
