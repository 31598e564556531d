import type { AssignWhen } from '../../contract/workouts'
import type { Event } from '../../icu/types'
import { addDays, athleteToday, mondayOf } from '../dates'

// Putting one workout on many calendars. Each athlete's date is worked out in the athlete's own timezone:
// "Tuesday of next week" or "tomorrow" is the athlete's, not the coach's, which matters on a Sunday evening in
// London for an athlete already in Monday in Auckland.

export interface AthleteClock {
  id: string
  timezone: string
}

export function assignDate(when: AssignWhen, athlete: AthleteClock, now: Date): string {
  if (when.kind === 'date') return when.date
  const today = athleteToday(athlete.timezone, now)
  if (when.kind === 'fromToday') return addDays(today, when.days)
  return addDays(mondayOf(today), when.weekOffset * 7 + when.weekday)
}

/** The Monday of each athlete's current week plus `weekOffset` weeks, in the athlete's timezone. */
export function weekStartFor(weekOffset: number, athlete: AthleteClock, now: Date): string {
  return addDays(mondayOf(athleteToday(athlete.timezone, now)), weekOffset * 7)
}

export interface WorkoutToAssign {
  name: string
  sport: string
  description: string
  indoor?: boolean
}

/**
 * A planned WORKOUT event on one day. Only the text is sent: intervals.icu parses it into workout_doc, time and
 * load with the athlete's own settings.
 */
export function workoutEvent(w: WorkoutToAssign, date: string): Event {
  return {
    category: 'WORKOUT',
    name: w.name,
    type: w.sport,
    description: w.description,
    indoor: w.indoor ?? w.sport.startsWith('Virtual'),
    start_date_local: `${date}T00:00:00`,
  }
}

export function describeWhen(when: AssignWhen): string {
  if (when.kind === 'date') return when.date
  if (when.kind === 'fromToday') {
    if (when.days === 0) return 'today'
    if (when.days === 1) return 'tomorrow'
    if (when.days === -1) return 'yesterday'
    return when.days > 0 ? `in ${when.days} days` : `${-when.days} days ago`
  }
  const day = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][when.weekday]
  return `${day} ${weekWords(when.weekOffset)}`
}

/** A week counted from each athlete's current one, as the coach says it (the contract allows a year either way). */
export function weekWords(weekOffset: number): string {
  if (weekOffset === 0) return 'this week'
  if (weekOffset === 1) return 'next week'
  if (weekOffset === -1) return 'last week'
  return weekOffset > 0 ? `in ${weekOffset} weeks` : `${-weekOffset} weeks ago`
}
