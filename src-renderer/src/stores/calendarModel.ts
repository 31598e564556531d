import type { CalActivity, CalEvent, CalendarRow, ComplianceBand, WorkoutOutcome } from '@contract'

// Pure calendar logic for the renderer: days, selection geometry, totals, compliance.
import { addDays, weekday, workoutCompliance, workoutOutcomes } from '@contract'
export { addDays, daysFrom, mondayOf } from '@contract'

export const eventKey = (athleteId: string, eventId: number): string => `${athleteId}:${eventId}`

export function parseKey(key: string): { athleteId: string; eventId: number } {
  const i = key.lastIndexOf(':')
  return { athleteId: key.slice(0, i), eventId: Number(key.slice(i + 1)) }
}

/** Does the event cover this day (multi-day holidays and injuries span their days)? */
export function covers(e: CalEvent, day: string): boolean {
  return e.date === day || (e.endDate !== null && e.date <= day && day <= e.endDate)
}

/**
 * Shift-click: every event in the rectangle between the anchor and the clicked event, across the
 * athletes between the two rows (in display order) and the days between the two dates.
 */
export function rectangle(
  rows: CalendarRow[],
  order: string[],
  anchor: { athleteId: string; date: string },
  target: { athleteId: string; date: string },
  shape: RectangleShape = 'dates',
): string[] {
  const a = order.indexOf(anchor.athleteId)
  const b = order.indexOf(target.athleteId)
  if (a < 0 || b < 0) return []
  const athletes = new Set(order.slice(Math.min(a, b), Math.max(a, b) + 1))
  const [from, to] = anchor.date <= target.date ? [anchor.date, target.date] : [target.date, anchor.date]
  return rows
    .filter((r) => athletes.has(r.athleteId))
    .flatMap((r) => r.events.filter((e) => e.date >= from && e.date <= to && (shape === 'dates' || inWeekdays(e.date, anchor.date, target.date))).map((e) => eventKey(r.athleteId, e.id)))
}

/**
 * What lies between two corners: every date from one to the other (days in a line), or only the
 * weekdays between theirs in each week (weeks laid out as rows: the box the coach sees).
 */
export type RectangleShape = 'dates' | 'weeks'

function inWeekdays(date: string, a: string, b: string): boolean {
  const [lo, hi] = weekday(a) <= weekday(b) ? [weekday(a), weekday(b)] : [weekday(b), weekday(a)]
  return weekday(date) >= lo && weekday(date) <= hi
}

export interface WeekTotals {
  plannedLoad: number
  plannedSecs: number
  doneLoad: number
  doneSecs: number
  /** Planned workouts of the week missed by the athlete's today. */
  missed: number
}

/** The week from `monday`, on the athlete's `today` (their timezone) for what was missed. */
export function weekTotals(row: CalendarRow | undefined, monday: string, today: string): WeekTotals {
  const sunday = addDays(monday, 6)
  const inWeek = (d: string) => d >= monday && d <= sunday
  const planned = (row?.events ?? []).filter((e) => e.category === 'WORKOUT' && inWeek(e.date))
  const done = (row?.activities ?? []).filter((a) => inWeek(a.date))
  const outcomes = workoutOutcomes(row?.events ?? [], row?.activities ?? [], today)
  return {
    plannedLoad: Math.round(planned.reduce((s, e) => s + (e.load ?? 0), 0)),
    plannedSecs: planned.reduce((s, e) => s + (e.movingSecs ?? 0), 0),
    doneLoad: Math.round(done.reduce((s, a) => s + (a.load ?? 0), 0)),
    doneSecs: done.reduce((s, a) => s + (a.movingSecs ?? 0), 0),
    missed: planned.filter((e) => outcomes.get(e.id)?.state === 'missed').length,
  }
}

/** How well a done activity matched its planned event, in the bands of contract/outcome. */
export function compliance(e: CalEvent, a: CalActivity | undefined): { pct: number; band: ComplianceBand } | null {
  return a ? workoutCompliance(e, a) : null
}

/** What became of one athlete's plan in the calendar's range, on their own today. */
export interface RowOutcomes {
  /** Each planned workout: done, due or missed. */
  outcomes: Map<number, WorkoutOutcome>
  /** The activity that carried out a planned event: paired by intervals.icu, or matched by the rule. */
  doneFor: Map<number, CalActivity>
  /** Activities no plan of their own day accounts for: each gets a chip of its own. */
  unplanned: CalActivity[]
  /** An unplanned activity taken as the day before's workout, done a day late: that workout. */
  lateFor: Map<string, CalEvent>
}

export function rowOutcomes(row: CalendarRow | undefined, today: string): RowOutcomes {
  const events = row?.events ?? []
  const activities = row?.activities ?? []
  const outcomes = workoutOutcomes(events, activities, today)
  const byId = new Map(activities.map((a) => [a.id, a]))
  const eventIds = new Set(events.map((e) => e.id))
  const doneFor = new Map<number, CalActivity>()
  // A race or any event intervals.icu paired an activity with shows what was done, as a workout does.
  for (const a of activities) if (a.pairedEventId !== null && eventIds.has(a.pairedEventId) && !doneFor.has(a.pairedEventId)) doneFor.set(a.pairedEventId, a)
  const lateFor = new Map<string, CalEvent>()
  for (const e of events) {
    const o = outcomes.get(e.id)
    if (o?.state !== 'done' || o.how === 'paired') continue
    doneFor.set(e.id, byId.get(o.activityId)!)
    if (o.how === 'nextDay') lateFor.set(o.activityId, e)
  }
  const onItsDay = new Set([...doneFor.values()].filter((a) => !lateFor.has(a.id)).map((a) => a.id))
  // An activity paired with an event outside the range (or since deleted) still shows on its day.
  const paired = (a: CalActivity) => a.pairedEventId !== null && eventIds.has(a.pairedEventId)
  const unplanned = activities.filter((a) => !paired(a) && !onItsDay.has(a.id))
  return { outcomes, doneFor, unplanned, lateFor }
}

export const CATEGORY_LABEL: Record<string, string> = {
  WORKOUT: 'Workout',
  NOTE: 'Note',
  RACE_A: 'A race',
  RACE_B: 'B race',
  RACE_C: 'C race',
  TARGET: 'Target',
  HOLIDAY: 'Holiday',
  SICK: 'Sick',
  INJURED: 'Injured',
  PLAN: 'Plan',
}

/**
 * Do two answers carry the same data? Rows come twice (as each arrives, then in the range's
 * answer) as distinct objects; a row whose data did not change is not replaced, so it is not
 * drawn again.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bs = b as unknown[]
    return a.length === bs.length && a.every((x, i) => sameData(x, bs[i]))
  }
  const ao = a as Record<string, unknown>
  const bo = b as Record<string, unknown>
  const keys = Object.keys(ao)
  return keys.length === Object.keys(bo).length && keys.every((k) => sameData(ao[k], bo[k]))
}
