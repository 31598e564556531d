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

// Each rule's whole flag at and around its limits, for an athlete in London whose today is Tuesday
// 10 March 2026: last week is 2–8 March, and four weeks back is Monday 9 February.
describe('each flag at its limits', () => {
  const london = (over: Partial<AthleteAttentionData> = {}) => athlete('Europe/London', over)
  const flags = (data: AthleteAttentionData, rules: AttentionRules) => evaluate(data, rules)
  const named = (date: string, name: string): PlannedWorkout => ({ ...workout(date), name })

  it('missed workouts: names the first three with their dates, and is high at twice the count', () => {
    const four = ['2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09'].map((d, i) => named(d, 'ABCD'[i]!))
    expect(flags(london({ workouts: four }), only('missedWorkouts'))).toEqual([
      { rule: 'missedWorkouts', reason: '4 planned workouts missed in the last 7 days: A (6 Mar), B (7 Mar), C (8 Mar)…', severity: 'high' },
    ])
    expect(flags(london({ workouts: four.slice(0, 3) }), only('missedWorkouts'))).toEqual([
      { rule: 'missedWorkouts', reason: '3 planned workouts missed in the last 7 days: A (6 Mar), B (7 Mar), C (8 Mar)', severity: 'medium' },
    ])
    const yesterday = [named('2026-03-09', 'Swim'), named('2026-03-09', 'Run')]
    expect(flags(london({ workouts: yesterday }), only('missedWorkouts', { days: 1, count: 1 }))).toEqual([
      { rule: 'missedWorkouts', reason: '2 planned workouts missed in the last 1 day: Swim (9 Mar), Run (9 Mar)', severity: 'high' },
    ])
  })

  it('missed workouts: the window starts `days` days before today, that day included', () => {
    const edge = [named('2026-03-02', 'Too old'), named('2026-03-03', 'Tempo')]
    expect(flags(london({ workouts: edge }), only('missedWorkouts', { count: 1 }))).toEqual([
      { rule: 'missedWorkouts', reason: '1 planned workout missed in the last 7 days: Tempo (3 Mar)', severity: 'medium' },
    ])
  })

  it.each([
    { done: 70, flag: null },
    { done: 130, flag: null },
    { done: 69, flag: { reason: 'Last week 69% of the planned load (69 of 100), outside 70–130%', severity: 'medium' } },
    { done: 35, flag: { reason: 'Last week 35% of the planned load (35 of 100), outside 70–130%', severity: 'medium' } },
    { done: 34, flag: { reason: 'Last week 34% of the planned load (34 of 100), outside 70–130%', severity: 'high' } },
    { done: 195, flag: { reason: 'Last week 195% of the planned load (195 of 100), outside 70–130%', severity: 'medium' } },
    { done: 196, flag: { reason: 'Last week 196% of the planned load (196 of 100), outside 70–130%', severity: 'high' } },
  ])('compliance: $done done of 100 planned (high below half the lower limit or above 1.5 × the upper)', ({ done: d, flag }) => {
    const data = london({ workouts: [workout('2026-03-03', 100)], activities: [done('2026-03-05', d)] })
    expect(flags(data, only('compliance'))).toEqual(flag ? [{ rule: 'compliance', ...flag }] : [])
  })

  it('compliance: counts Monday to Sunday of last week only', () => {
    const data = london({
      workouts: [workout('2026-02-23', 500), workout('2026-03-02', 100), workout('2026-03-09', 500)],
      activities: [done('2026-03-01', 500), done('2026-03-08', 50.4), done('2026-03-09', 500)],
    })
    expect(flags(data, only('compliance'))).toEqual([{ rule: 'compliance', reason: 'Last week 50% of the planned load (50 of 100), outside 70–130%', severity: 'medium' }])
  })

  it('compliance: says nothing of a week that was not loaded in full', () => {
    const data = { workouts: [workout('2026-03-03', 100)], activities: [done('2026-03-05', 10)] }
    expect(flags(london({ ...data, loadedFrom: '2026-03-03' }), only('compliance'))).toEqual([])
    expect(flags(london({ ...data, loadedFrom: '2026-03-02' }), only('compliance')).map((f) => f.severity)).toEqual(['high'])
  })

  it.each([
    { rampRate: 12, severity: 'medium' },
    { rampRate: 12.04, severity: 'high' },
  ])('ramp rate $rampRate against 8 is $severity (high above 1.5 × the limit)', ({ rampRate, severity }) => {
    expect(flags(london({ rampRate }), only('rampRate'))).toEqual([{ rule: 'rampRate', reason: `Fitness rising ${rampRate.toFixed(1)} a week, above 8`, severity }])
  })

  it.each([
    { form: -40, severity: 'medium' },
    { form: -40.4, severity: 'high' },
  ])('form $form against -30 is $severity (high more than 10 below)', ({ form, severity }) => {
    expect(flags(london({ form }), only('form'))).toEqual([{ rule: 'form', reason: 'Form -40, below -30', severity }])
  })

  describe('wellness against the athlete’s own normal', () => {
    const day = (back: number, hrv: number | null, restingHR: number | null = 48): WellnessReading => ({ date: addDays('2026-03-10', -back), hrv, restingHR })
    /** Seven mornings at HRV 80 and resting HR 48 in the four weeks before the last one (8 to 14 days back). */
    const usual = [8, 9, 10, 11, 12, 13, 14].map((b) => day(b, 80))
    const wellnessFlags = (readings: WellnessReading[], limits: Partial<AttentionRules['wellnessBaseline']> = {}) => flags(london({ wellness: readings }), only('wellnessBaseline', limits))

    it('takes the normal from seven readings of 7 to 35 days back, leaving out the rest', () => {
      // Readings 7 and 36 days back, and days without HRV, are not part of the normal of 80.
      const around = [day(7, 10), day(36, 10), day(20, null, 48), day(21, null, 48)]
      expect(wellnessFlags([...usual, ...around, day(2, 60), day(1, 60), day(0, 60)])).toEqual([
        { rule: 'wellnessBaseline', reason: 'HRV 60 vs a usual 80 (25% lower), 3 days running', severity: 'medium' },
      ])
      // Six readings are too few to know the normal; the one 35 days back makes seven.
      expect(wellnessFlags([...usual.slice(1), day(2, 60), day(1, 60), day(0, 60)])).toEqual([])
      expect(wellnessFlags([...usual.slice(1), day(35, 80), day(2, 60), day(1, 60), day(0, 60)])).toHaveLength(1)
    })

    it('flags HRV only below the drop, every one of the last days', () => {
      // 15% below 80 is 68.
      expect(wellnessFlags([...usual, day(2, 68), day(1, 60), day(0, 60)])).toEqual([])
      expect(wellnessFlags([...usual, day(2, 60), day(0, 60)])).toEqual([])
    })

    it('looks only at the last `days` days up to today, in date order', () => {
      // Out of order as sent: the last three by date are 62, 60 and 58; the one four days back is usual.
      const recent = [day(0, 58), day(1, 60), day(2, 62), day(3, 80)]
      expect(wellnessFlags([...usual, ...recent])).toEqual([{ rule: 'wellnessBaseline', reason: 'HRV 58 vs a usual 80 (28% lower), 3 days running', severity: 'medium' }])
      // Five days back is before the window; tomorrow is after it.
      expect(wellnessFlags([...usual, day(5, 50), day(1, 60), day(0, 60)])).toEqual([])
      expect(wellnessFlags([...usual, day(2, 60), day(1, 60), day(-1, 60)])).toEqual([])
    })

    it('flags resting HR only above the rise, every one of the last days', () => {
      expect(wellnessFlags([...usual, day(2, 80, 53), day(1, 80, 53), day(0, 80, 53)])).toEqual([])
      expect(wellnessFlags([...usual, day(2, 80, 54), day(1, 80, 52), day(0, 80, 54)])).toEqual([])
      // Two high mornings of three, the third not measured, are not three days running.
      expect(wellnessFlags([...usual, day(2, 80, 60), day(1, 80, null), day(0, 80, 60)])).toEqual([])
      expect(wellnessFlags([...usual, day(2, 80, 54), day(1, 80, 54), day(0, 80, 55)])).toEqual([
        { rule: 'wellnessBaseline', reason: 'Resting HR 55 vs a usual 48 bpm, 3 days running', severity: 'medium' },
      ])
    })

    it('is high when both are off, and says today for a one-day limit', () => {
      expect(wellnessFlags([...usual, day(0, 60, 60)], { days: 1 })).toEqual([
        { rule: 'wellnessBaseline', reason: 'HRV 60 vs a usual 80 (25% lower) and resting HR 60 vs a usual 48 bpm, today', severity: 'high' },
      ])
    })
  })

  it.each([
    { last: '2026-03-06', reason: 'No activity for 4 days (last 6 Mar)', severity: 'medium' },
    { last: '2026-03-03', reason: 'No activity for 7 days (last 3 Mar)', severity: 'medium' },
    { last: '2026-03-02', reason: 'No activity for 8 days (last 2 Mar)', severity: 'high' },
  ])('inactive since $last, limit 4 days: $severity at twice the limit', ({ last, reason, severity }) => {
    // The last day is the latest, whatever the order of the list.
    const activities = [done('2026-02-20'), done(last), done('2026-02-15')]
    expect(flags(london({ activities }), only('inactive'))).toEqual([{ rule: 'inactive', reason, severity }])
  })

  it('inactive with nothing loaded is high and says since when', () => {
    expect(flags(london(), only('inactive'))).toEqual([{ rule: 'inactive', reason: 'No activity since 9 Feb', severity: 'high' }])
  })

  describe('sick or injured', () => {
    const off = (start: string, end: string, name = '', category: 'SICK' | 'INJURED' = 'SICK') => ({ category, start: `${start}T00:00:00`, end: end ? `${end}T00:00:00` : '', name })

    it('counts a day off that ends after the window starts; the end is the next midnight', () => {
      // Three days back is 7 March: a day off ending at the start of the 7th is over.
      expect(flags(london({ daysOff: [off('2026-03-06', '2026-03-07', 'Flu')] }), only('sickOrInjured'))).toEqual([])
      expect(flags(london({ daysOff: [off('2026-03-07', '2026-03-08', 'Flu')] }), only('sickOrInjured'))).toEqual([{ rule: 'sickOrInjured', reason: 'Sick from 7 Mar: Flu', severity: 'high' }])
      // Without an end it is the one day.
      expect(flags(london({ daysOff: [off('2026-03-06', '')] }), only('sickOrInjured'))).toEqual([])
      expect(flags(london({ daysOff: [off('2026-03-07', '')] }), only('sickOrInjured'))).toEqual([{ rule: 'sickOrInjured', reason: 'Sick from 7 Mar', severity: 'high' }])
    })

    it('names the latest, and leaves out a name that only repeats the category', () => {
      const daysOff = [off('2026-03-04', '2026-03-09', 'Knee', 'INJURED'), off('2026-03-08', '2026-03-09', 'sick')]
      expect(flags(london({ daysOff }), only('sickOrInjured'))).toEqual([{ rule: 'sickOrInjured', reason: 'Sick from 8 Mar', severity: 'high' }])
    })
  })

  it('unread comments are a medium flag', () => {
    const unread = [{ activityId: 'i1', activityName: 'Tempo Run', count: 1 }]
    expect(flags(london({ unread }), only('unreadComment'))).toEqual([{ rule: 'unreadComment', reason: '1 unread comment from the athlete on “Tempo Run”', severity: 'medium' }])
  })

  it('puts high flags before medium ones, keeping the rules’ order otherwise', () => {
    const rules = structuredClone(DEFAULT_SETTINGS.rules)
    const data = london({ rampRate: 10, form: -35, unread: [{ activityId: 'i1', activityName: 'Tempo Run', count: 1 }], wellness: null })
    expect(evaluate(data, rules).map((f) => [f.rule, f.severity])).toEqual([
      ['inactive', 'high'],
      ['rampRate', 'medium'],
      ['form', 'medium'],
      ['unreadComment', 'medium'],
    ])
  })
})
