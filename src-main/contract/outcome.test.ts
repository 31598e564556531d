import { describe, expect, it } from 'vitest'
import { athleteToday } from './localDates'
import {
  complianceBand,
  compliancePct,
  missedWorkoutsOf,
  sportGroup,
  workoutCompliance,
  workoutOutcomes,
  type DoneForOutcome,
  type PlannedForOutcome,
} from './outcome'

let nextId = 1
function planned(date: string, over: Partial<PlannedForOutcome> = {}): PlannedForOutcome {
  return { id: nextId++, category: 'WORKOUT', date, endDate: null, type: 'Ride', ...over }
}
function activity(date: string, over: Partial<DoneForOutcome> = {}): DoneForOutcome {
  return { id: `i${nextId++}`, date, type: 'Ride', pairedEventId: null, ...over }
}
const stateOf = (w: PlannedForOutcome, acts: DoneForOutcome[], today: string, others: PlannedForOutcome[] = []) =>
  workoutOutcomes([w, ...others], acts, today).get(w.id)

describe('missed workouts', () => {
  const today = '2026-03-11'

  it('a past workout with nothing done is missed; today’s and tomorrow’s are only due', () => {
    const past = planned('2026-03-10')
    const now = planned(today)
    const ahead = planned('2026-03-12')
    const out = workoutOutcomes([past, now, ahead], [], today)
    expect([past, now, ahead].map((w) => out.get(w.id)?.state)).toEqual(['missed', 'due', 'due'])
  })

  it('is decided on the athlete’s own today: a workout of 10 March is missed in Auckland, not yet in Los Angeles', () => {
    const instant = new Date('2026-03-10T20:00:00Z')
    const w = planned('2026-03-10')
    expect(stateOf(w, [], athleteToday('Pacific/Auckland', instant))?.state).toBe('missed')
    expect(stateOf(w, [], athleteToday('America/Los_Angeles', instant))?.state).toBe('due')
  })

  it('a note, a race, a target or a day off is never missed, and has no outcome at all', () => {
    const others = ['NOTE', 'RACE_A', 'TARGET', 'HOLIDAY', 'SICK'].map((category) => planned('2026-03-01', { category }))
    const out = workoutOutcomes(others, [], today)
    expect(out.size).toBe(0)
    expect(missedWorkoutsOf(others, [], today)).toEqual([])
  })

  it('a workout paired by intervals.icu is done, whatever day the activity was on', () => {
    const w = planned('2026-03-08')
    const a = activity('2026-03-10', { pairedEventId: w.id, type: 'Run' })
    expect(stateOf(w, [a], today)).toEqual({ state: 'done', activityId: a.id, how: 'paired' })
  })

  it('an unpaired activity of the same sport family on the day counts (a planned Ride done on Zwift); another sport does not', () => {
    const w = planned('2026-03-09')
    expect(stateOf(w, [activity('2026-03-09', { type: 'VirtualRide' })], today)?.state).toBe('done')
    expect(stateOf(w, [activity('2026-03-09', { type: 'Run' })], today)?.state).toBe('missed')
  })

  it('an activity paired to another event counts for that one only', () => {
    const morning = planned('2026-03-09')
    const evening = planned('2026-03-09')
    const a = activity('2026-03-09', { pairedEventId: morning.id })
    const out = workoutOutcomes([morning, evening], [a], today)
    expect(out.get(morning.id)?.state).toBe('done')
    expect(out.get(evening.id)?.state).toBe('missed')
    // Paired with an event the list does not hold (outside the range loaded): still not this workout's.
    expect(stateOf(evening, [activity('2026-03-09', { pairedEventId: 999_999 })], today)?.state).toBe('missed')
  })

  it('one activity meets one workout: two rides planned on a day and one done leaves one missed', () => {
    const out = workoutOutcomes([planned('2026-03-09'), planned('2026-03-09')], [activity('2026-03-09')], today)
    expect([...out.values()].map((o) => o.state).sort()).toEqual(['done', 'missed'])
  })

  describe('done the day after', () => {
    it('an unpaired activity of its sport the next day counts for it', () => {
      const w = planned('2026-03-08')
      const a = activity('2026-03-09')
      expect(stateOf(w, [a], today)).toEqual({ state: 'done', activityId: a.id, how: 'nextDay' })
    })

    it('not when that activity is the next day’s own workout of the same sport', () => {
      const sunday = planned('2026-03-08')
      const monday = planned('2026-03-09')
      const out = workoutOutcomes([sunday, monday], [activity('2026-03-09')], today)
      expect(out.get(monday.id)).toMatchObject({ state: 'done', how: 'sameDay' })
      expect(out.get(sunday.id)?.state).toBe('missed')
    })

    it('not two days later, and not another sport', () => {
      const w = planned('2026-03-07')
      expect(stateOf(w, [activity('2026-03-09')], today)?.state).toBe('missed')
      expect(stateOf(w, [activity('2026-03-08', { type: 'Swim' })], today)?.state).toBe('missed')
    })

    it('a paired activity the next day stays with the workout it is paired to', () => {
      const sunday = planned('2026-03-08')
      const other = planned('2026-03-09', { type: 'Run' })
      expect(stateOf(sunday, [activity('2026-03-09', { pairedEventId: other.id })], today, [other])?.state).toBe('missed')
    })

    it('yesterday’s workout shows missed until it is done today, then done', () => {
      const w = planned('2026-03-10')
      expect(stateOf(w, [], today)?.state).toBe('missed')
      expect(stateOf(w, [activity(today)], today)?.state).toBe('done')
    })
  })

  describe('a multi-day workout (a camp planned as one event over three days)', () => {
    const camp = () => planned('2026-03-06', { endDate: '2026-03-08' })

    it('is due until its last day has passed', () => {
      expect(stateOf(camp(), [], '2026-03-07')?.state).toBe('due')
      expect(stateOf(camp(), [], '2026-03-08')?.state).toBe('due')
      expect(stateOf(camp(), [], '2026-03-09')?.state).toBe('missed')
    })

    it('is done by an activity on any of its days, or the day after its last', () => {
      expect(stateOf(camp(), [activity('2026-03-07')], today)?.state).toBe('done')
      expect(stateOf(camp(), [activity('2026-03-09')], today)).toMatchObject({ how: 'nextDay' })
      expect(stateOf(camp(), [activity('2026-03-05')], today)?.state).toBe('missed')
    })

    it('a multi-day note is never missed', () => {
      expect(stateOf(planned('2026-03-01', { category: 'NOTE', endDate: '2026-03-04' }), [], today)).toBeUndefined()
    })
  })

  it('a workout without a sport is met by any activity on its day', () => {
    expect(stateOf(planned('2026-03-09', { type: null }), [activity('2026-03-09', { type: 'WeightTraining' })], today)?.state).toBe('done')
  })

  it('an entry without a category is a workout, and can be missed', () => {
    const w = planned('2026-03-09', { category: undefined })
    expect(stateOf(w, [], today)).toEqual({ state: 'missed' })
  })

  it('an end date before the start is read as a one-day workout', () => {
    const w = planned('2026-03-09', { endDate: '2026-03-07' })
    expect(stateOf(w, [activity('2026-03-08')], today)?.state).toBe('missed')
    expect(stateOf(w, [activity('2026-03-10')], today)).toMatchObject({ state: 'done', how: 'nextDay' })
  })

  it('of two rides planned the same day and one done, the one entered first is done, in whatever order they come', () => {
    const first = planned('2026-03-09')
    const second = planned('2026-03-09')
    const a = activity('2026-03-09')
    const out = workoutOutcomes([second, first], [a], today)
    expect(out.get(first.id)).toEqual({ state: 'done', activityId: a.id, how: 'sameDay' })
    expect(out.get(second.id)).toEqual({ state: 'missed' })
  })

  it('an activity on the last day of a camp goes to the camp, which began earlier, before a workout planned that day', () => {
    const day = planned('2026-03-08')
    const camp = planned('2026-03-06', { endDate: '2026-03-08' })
    const a = activity('2026-03-08')
    const out = workoutOutcomes([day, camp], [a], today)
    expect(out.get(camp.id)).toMatchObject({ state: 'done', activityId: a.id })
    expect(out.get(day.id)).toEqual({ state: 'missed' })
  })

  it('a workout paired to an activity on another day leaves the activity on its own day to the next workout', () => {
    const w = planned('2026-03-09')
    const other = planned('2026-03-09')
    const paired = activity('2026-03-10', { pairedEventId: w.id })
    const sameDay = activity('2026-03-09')
    const out = workoutOutcomes([w, other], [paired, sameDay], today)
    expect(out.get(w.id)).toEqual({ state: 'done', activityId: paired.id, how: 'paired' })
    expect(out.get(other.id)).toEqual({ state: 'done', activityId: sameDay.id, how: 'sameDay' })
  })

  it('two activities paired to one workout: the first listed is the one shown, and the other meets nothing else', () => {
    const w = planned('2026-03-09')
    const other = planned('2026-03-09')
    const a = activity('2026-03-09', { pairedEventId: w.id })
    const b = activity('2026-03-09', { pairedEventId: w.id })
    const out = workoutOutcomes([w, other], [a, b], today)
    expect(out.get(w.id)).toEqual({ state: 'done', activityId: a.id, how: 'paired' })
    expect(out.get(other.id)).toEqual({ state: 'missed' })
  })

  it('lists the missed ones in date order', () => {
    const late = planned('2026-03-10')
    const early = planned('2026-03-02')
    expect(missedWorkoutsOf([late, planned('2026-03-05'), early], [activity('2026-03-05')], today).map((w) => w.id)).toEqual([early.id, late.id])
  })
})

describe('sport families', () => {
  it.each([
    ['Ride', 'Ride'],
    ['VirtualRide', 'Ride'],
    ['GravelRide', 'Ride'],
    ['Run', 'Run'],
    ['TrailRun', 'Run'],
    ['Swim', 'Swim'],
    ['OpenWaterSwim', 'Swim'],
    ['WeightTraining', 'WeightTraining'],
  ])('%s is in the %s family', (type, family) => {
    expect(sportGroup(type)).toBe(family)
  })
})

describe('compliance bands', () => {
  it.each([
    [100, 'good'],
    [80, 'good'],
    [120, 'good'],
    [79, 'fair'],
    [121, 'fair'],
    [50, 'fair'],
    [150, 'fair'],
    [49, 'poor'],
    [151, 'poor'],
    [0, 'poor'],
    // The band of the whole % shown: 79.6% reads "80%" and is green.
    [79.6, 'good'],
  ])('%s%% of plan is %s', (pct, band) => {
    expect(complianceBand(pct)).toBe(band)
  })

  it('compares load with load, or time with time when the plan has no load', () => {
    expect(workoutCompliance({ load: 80, movingSecs: 3600 }, { load: 60, movingSecs: 3600 })).toEqual({ pct: 75, band: 'fair' })
    expect(workoutCompliance({ load: null, movingSecs: 3600 }, { load: 200, movingSecs: 1800 })).toEqual({ pct: 50, band: 'fair' })
    expect(workoutCompliance({ load: 80, movingSecs: 3600 }, { load: null, movingSecs: 3600 })).toBeNull()
    expect(workoutCompliance({ load: null, movingSecs: null }, { load: 50, movingSecs: 3600 })).toBeNull()
    // A plan of load 0 has no load to compare with: time is compared instead.
    expect(workoutCompliance({ load: 0, movingSecs: 3600 }, { load: 40, movingSecs: 4500 })).toEqual({ pct: 125, band: 'fair' })
    expect(workoutCompliance({ load: 50, movingSecs: 3600 }, { load: 50, movingSecs: 900 })).toEqual({ pct: 100, band: 'good' })
  })

  it('has no percentage without a plan', () => {
    expect(compliancePct(85, 100)).toBe(85)
    expect(compliancePct(85, 0)).toBeNull()
    expect(compliancePct(null, 100)).toBeNull()
    expect(compliancePct(85, null)).toBeNull()
    expect(compliancePct(85, -10)).toBeNull()
    expect(compliancePct(2, 3)).toBe(67)
  })
})
