import type { Placement, PlacementChoice, PlacementWarning, PlannedAlready } from '../../contract/calendar'
import type { Event } from '../../icu/types'
import { unlikelyDates } from '../../contract/unlikelyDates'
import { addDays, coachDate } from '../dates'
import { previewWorkout } from './preview'

// New events (an assigned workout, a week template, a library drop) meet the calendar they land on. Pure: the
// reads are the caller's. Per athlete and day it lists what is already planned, applies the coach's choice
// (add alongside, replace the workouts on those days, or skip days that already have one) and says what
// deserves a second look before anything is written.

export interface NewEvent {
  athleteId: string
  event: Event
}

export interface AthleteFacts {
  name: string
  /** The athlete's own today, in their timezone. */
  today: string
  /** Sports the athlete has settings for; null when they could not be read (no warning then). */
  sports: string[] | null
  /** Sports the athlete did in recent weeks, most time first (empty: nothing to go by). */
  recentSports: string[]
}

export interface Placed {
  creates: NewEvent[]
  /** Existing workouts to delete (replace): through the same preview, report and undo. */
  deletes: NewEvent[]
  skipped: { athleteId: string; eventId: number | null; reason: string }[]
  placement: Placement
}

/** Days an athlete is not training: a workout planned on one of them is worth a word. */
const DAY_OFF: Record<string, string> = { HOLIDAY: 'on holiday', SICK: 'sick', INJURED: 'injured' }

const dayOf = (e: Event): string => (e.start_date_local ?? '').slice(0, 10)

/** The last day an event covers: intervals.icu ends a day's events at the next midnight. */
function lastDayOf(e: Event): string {
  const start = dayOf(e)
  const end = e.end_date_local ?? ''
  if (!end) return start
  const exclusive = end.length <= 10 || end.slice(11, 19) === '00:00:00'
  const last = exclusive ? addDays(end.slice(0, 10), -1) : end.slice(0, 10)
  return last < start ? start : last
}

const covers = (e: Event, day: string): boolean => dayOf(e) <= day && day <= lastDayOf(e)
const isWorkout = (e: Event): boolean => e.category === 'WORKOUT'

/** A virtual ride is still a ride, a trail run a run: what matters is the kind of training. */
export function sportFamily(type: string): string {
  const t = type.replace(/^Virtual/, '')
  for (const family of ['Ride', 'Run', 'Swim', 'Ski', 'Row']) if (t.endsWith(family) || t.startsWith(family)) return family
  return t
}


export function placeNewEvents(input: {
  creates: NewEvent[]
  /** Each athlete's events as intervals.icu has them now, over the days the new events land on. */
  existing: Map<string, Event[]>
  athletes: Map<string, AthleteFacts>
  choice: PlacementChoice
}): Placed {
  const { creates, existing, athletes, choice } = input
  const placed: Placed = { creates: [], deletes: [], skipped: [], placement: { choice, existing: [], warnings: [] } }
  const nameOf = (id: string) => athletes.get(id)?.name ?? id

  for (const athleteId of unique(creates.map((c) => c.athleteId))) {
    const mine = creates.filter((c) => c.athleteId === athleteId)
    const theirs = (existing.get(athleteId) ?? []).filter((e) => e.id !== undefined && dayOf(e))
    const days = unique(mine.map((c) => dayOf(c.event))).sort()
    placed.placement.existing.push(...plannedAlready(athleteId, days, theirs))

    // Days that get a new workout: those are the days whose existing workouts a replace removes.
    const workoutDays = new Set(mine.filter((c) => isWorkout(c.event)).map((c) => dayOf(c.event)))
    for (const c of mine) {
      const day = dayOf(c.event)
      const there = theirs.filter((e) => isWorkout(e) && dayOf(e) === day)
      if (choice === 'skip' && isWorkout(c.event) && there.length) {
        placed.skipped.push({ athleteId, eventId: null, reason: `“${c.event.name ?? 'Workout'}” not added: ${nameOf(athleteId)} already has “${there[0]!.name ?? 'a workout'}” on ${coachDate(day)}.` })
      } else placed.creates.push(c)
    }
    if (choice === 'replace') {
      for (const e of theirs) if (isWorkout(e) && workoutDays.has(dayOf(e))) placed.deletes.push({ athleteId, event: e })
    }
    placed.placement.warnings.push(...athleteWarnings(athleteId, athletes.get(athleteId), mine, theirs))
  }
  placed.placement.warnings.push(...proseWarnings(creates))
  return placed
}

function plannedAlready(athleteId: string, days: string[], theirs: Event[]): PlannedAlready[] {
  return days
    .map((date) => ({
      athleteId,
      date,
      events: theirs
        .filter((e) => covers(e, date))
        .map((e) => ({ id: e.id!, category: e.category ?? 'NOTE', name: e.name ?? '', type: e.type ?? null })),
    }))
    .filter((d) => d.events.length > 0)
}

/** What deserves a second look for one athlete: a sport without settings, days off, unlikely dates. */
export function athleteWarnings(athleteId: string, facts: AthleteFacts | undefined, mine: NewEvent[], theirs: Event[]): PlacementWarning[] {
  const name = facts?.name ?? athleteId
  const warnings: PlacementWarning[] = []
  const warn = (kind: PlacementWarning['kind'], message: string, needsConfirm = false) => warnings.push({ athleteId, kind, message, needsConfirm })
  const workouts = mine.filter((c) => isWorkout(c.event))

  if (facts?.sports) {
    const missing = unique(workouts.map((c) => c.event.type ?? '').filter((t) => t && !facts.sports!.includes(t)))
    for (const sport of missing) {
      warn('noSportSettings', `${name} has no ${sport} settings in intervals.icu: it cannot work out time and load for this ${sport} workout.`)
    }
  }
  if (facts?.recentSports.length) {
    const done = new Set(facts.recentSports.map(sportFamily))
    const unusual = unique(workouts.map((c) => sportFamily(c.event.type ?? '')).filter((f) => f && !done.has(f)))
    for (const family of unusual) {
      const n = workouts.filter((c) => sportFamily(c.event.type ?? '') === family).length
      const what = n === 1 ? `this ${family} workout` : `these ${n} ${family} workouts`
      warn('notTheirSport', `${name} has done no ${family} training lately (${facts.recentSports.slice(0, 3).join(', ')}): ${n === 1 ? 'is' : 'are'} ${what} meant for them?`)
    }
  }
  for (const [category, words] of Object.entries(DAY_OFF)) {
    const offDays = unique(workouts.map((c) => dayOf(c.event)).filter((d) => theirs.some((e) => e.category === category && covers(e, d)))).sort()
    if (offDays.length) warn('dayOff', `${name} is marked ${words} on ${offDays.map(coachDate).join(', ')}.`)
  }
  if (facts) {
    for (const u of unlikelyDates(mine.map((c) => dayOf(c.event)), facts.today, name)) warn(u.kind, u.message, true)
  }
  return warnings
}

/** A workout with no step intervals.icu can count is saved as text: no structure, zero load. */
function proseWarnings(creates: NewEvent[]): PlacementWarning[] {
  const seen = new Set<string>()
  const warnings: PlacementWarning[] = []
  for (const { event } of creates) {
    if (!isWorkout(event)) continue
    const key = `${event.name}\u0000${event.type}\u0000${event.description}`
    if (seen.has(key)) continue
    seen.add(key)
    if (previewWorkout(event.description ?? '', event.type ?? 'Ride').steps === 0) {
      warnings.push({
        athleteId: null,
        kind: 'prose',
        message: `“${event.name ?? 'Workout'}” has no steps intervals.icu can read: it would be saved as text, with no time or load.`,
        needsConfirm: false,
      })
    }
  }
  return warnings
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)]
}
