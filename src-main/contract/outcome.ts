// What became of the plan, as a coach reads it afterwards: a planned workout done, still due or
// missed, and how close what was done came to what was planned. One set of rules for the calendar,
// the athlete's pages and the attention flags, so a workout missed in one view is missed in all.

import { addDays } from './localDates'

/** As much of a planned calendar entry as the rules read (a CalEvent fits it). */
export interface PlannedForOutcome {
  id: number
  /** Only a WORKOUT can be missed: notes, races, targets and days off never are. Absent: a workout. */
  category?: string
  /** The athlete's local date. */
  date: string
  /** The last day of a multi-day event (inclusive); null or absent for a one-day event. */
  endDate?: string | null
  type: string | null
}

/** As much of a done activity as the rules read (a CalActivity fits it). */
export interface DoneForOutcome {
  id: string
  /** The athlete's local date the activity started on. */
  date: string
  type: string
  /** The planned event intervals.icu matched it to (paired_event_id). */
  pairedEventId: number | null
}

/**
 * How a workout counts as done: paired by intervals.icu (on whatever day), an unpaired activity of
 * its sport on its day, or one on the day after that no workout of that day claims.
 */
export type DoneHow = 'paired' | 'sameDay' | 'nextDay'

export type WorkoutOutcome =
  | { state: 'done'; activityId: string; how: DoneHow }
  /** Its last day is before the athlete's today and nothing was done for it. */
  | { state: 'missed' }
  /** Today or ahead, nothing done yet: today is not over, so today's workout is not missed. */
  | { state: 'due' }

/** Ride, Run and Swim families: a planned Ride done on Zwift (VirtualRide) or a TrailRun for a Run counts. */
export function sportGroup(type: string): string {
  if (/Ride/.test(type)) return 'Ride'
  if (/Run/.test(type)) return 'Run'
  if (/Swim/.test(type)) return 'Swim'
  return type
}

const isWorkout = (e: PlannedForOutcome): boolean => (e.category ?? 'WORKOUT') === 'WORKOUT'
const lastDay = (e: PlannedForOutcome): string => (e.endDate && e.endDate > e.date ? e.endDate : e.date)
/** A workout without a sport is met by any activity. */
const sameSport = (e: PlannedForOutcome, a: DoneForOutcome): boolean => !e.type || sportGroup(a.type) === sportGroup(e.type)

/**
 * Every planned workout's outcome on the athlete's `today` (from their own timezone), by event id.
 *
 * An activity counts for one workout only. First what intervals.icu paired (an activity paired to
 * an event not in the list is that event's and counts for no other); then unpaired activities of the
 * workout's sport on its days; then, for what is still open, one on the day after. Same-day matches
 * go first, so an activity the next day that is that day's own workout is not taken for the day
 * before. The day after counts because athletes move a session by a day more than any other
 * change, and intervals.icu only pairs an activity with a workout of its own day: without it such a
 * workout would show as missed although it was done.
 */
export function workoutOutcomes(planned: readonly PlannedForOutcome[], activities: readonly DoneForOutcome[], today: string): Map<number, WorkoutOutcome> {
  const workouts = planned.filter(isWorkout).sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id)
  const done = new Map<number, WorkoutOutcome>()
  const ids = new Set(workouts.map((w) => w.id))
  for (const a of activities) {
    if (a.pairedEventId === null || done.has(a.pairedEventId)) continue
    if (ids.has(a.pairedEventId)) done.set(a.pairedEventId, { state: 'done', activityId: a.id, how: 'paired' })
  }
  const free = activities.filter((a) => a.pairedEventId === null)
  const used = new Set<string>()
  const match = (how: DoneHow, fits: (w: PlannedForOutcome, a: DoneForOutcome) => boolean) => {
    for (const w of workouts) {
      if (done.has(w.id)) continue
      const a = free.find((x) => !used.has(x.id) && sameSport(w, x) && fits(w, x))
      if (!a) continue
      used.add(a.id)
      done.set(w.id, { state: 'done', activityId: a.id, how })
    }
  }
  match('sameDay', (w, a) => a.date >= w.date && a.date <= lastDay(w))
  match('nextDay', (w, a) => a.date === addDays(lastDay(w), 1))
  const out = new Map<number, WorkoutOutcome>()
  for (const w of workouts) out.set(w.id, done.get(w.id) ?? (lastDay(w) < today ? { state: 'missed' } : { state: 'due' }))
  return out
}

/** The planned workouts that were missed, in date order. */
export function missedWorkoutsOf<T extends PlannedForOutcome>(planned: readonly T[], activities: readonly DoneForOutcome[], today: string): T[] {
  const outcomes = workoutOutcomes(planned, activities, today)
  return planned.filter((e) => outcomes.get(e.id)?.state === 'missed').sort((a, b) => a.date.localeCompare(b.date))
}

/**
 * Compliance bands, as intervals.icu colours them: done within 20% of the plan (either way) is
 * green, 20 to 50% off amber, further off red.
 */
export const COMPLIANCE_BANDS = { goodWithinPct: 20, fairWithinPct: 50 } as const
export type ComplianceBand = 'good' | 'fair' | 'poor'

/** The band of a compliance percentage (done as a % of planned), on the rounded value shown. */
export function complianceBand(pct: number): ComplianceBand {
  const off = Math.abs(Math.round(pct) - 100)
  if (off <= COMPLIANCE_BANDS.goodWithinPct) return 'good'
  if (off <= COMPLIANCE_BANDS.fairWithinPct) return 'fair'
  return 'poor'
}

/** What each band means, for a legend. */
export const COMPLIANCE_BAND_LABEL: Record<ComplianceBand, string> = {
  good: `within ${COMPLIANCE_BANDS.goodWithinPct}% of the plan`,
  fair: `${COMPLIANCE_BANDS.goodWithinPct}–${COMPLIANCE_BANDS.fairWithinPct}% off the plan`,
  poor: `more than ${COMPLIANCE_BANDS.fairWithinPct}% off the plan`,
}

/** Done as a whole % of planned; null when nothing was planned or nothing is known of what was done. */
export function compliancePct(done: number | null, planned: number | null): number | null {
  if (done === null || planned === null || planned <= 0) return null
  return Math.round((done / planned) * 100)
}

/**
 * How well one done activity matched its planned workout: load against load, or time against time
 * when the plan has no load (a workout written as prose).
 */
export function workoutCompliance(
  plan: { load: number | null; movingSecs: number | null },
  done: { load: number | null; movingSecs: number | null },
): { pct: number; band: ComplianceBand } | null {
  const pct = plan.load ? compliancePct(done.load, plan.load) : compliancePct(done.movingSecs, plan.movingSecs)
  return pct === null ? null : { pct, band: complianceBand(pct) }
}
