import type { WeekTemplate } from '../../contract/workouts'
import type { Event } from '../../icu/types'
import { addDays, daysBetween } from '../dates'
import { num } from '../decode'

// A week of one athlete's calendar as a reusable template, and back. Pure: reading the week and writing the
// events are the service's job. Every category is kept (notes, races, targets, holidays), with each event's
// day in the week and its length in days.

/** What a template keeps of each event: enough to make it again on another calendar. */
export interface StoredEvent {
  day: number
  days: number
  category: string
  name: string
  type: string | null
  description: string
  indoor: boolean
  moving_time: number | null
  icu_training_load: number | null
  hide_from_athlete: boolean
  athlete_cannot_edit: boolean
  load_target: number | null
  time_target: number | null
  distance_target: number | null
}

export interface StoredTemplate {
  version: 1
  id: string
  name: string
  sourceAthleteId: string
  sourceName: string
  weekStart: string
  createdAt: string
  events: StoredEvent[]
}

/** Categories a template never copies: they are the fitness model's, not the coach's plan. */
const SKIPPED = new Set(['SET_EFTP', 'SET_FITNESS', 'FITNESS_DAYS', 'SEASON_START', 'PLAN'])

/** The length in days of an event; intervals.icu ends single-day events at the next midnight. */
function lengthInDays(e: Event): number {
  const start = (e.start_date_local ?? '').slice(0, 10)
  const end = e.end_date_local ?? ''
  if (!end) return 1
  const exclusive = end.length <= 10 || end.slice(11, 19) === '00:00:00'
  return Math.max(1, daysBetween(start, end.slice(0, 10)) + (exclusive ? 0 : 1))
}

export function templateFromWeek(
  meta: { id: string; name: string; sourceAthleteId: string; sourceName: string; weekStart: string; createdAt: string },
  events: Event[],
): StoredTemplate {
  const weekEnd = addDays(meta.weekStart, 6)
  const inWeek = events.filter((e) => {
    const day = (e.start_date_local ?? '').slice(0, 10)
    return day >= meta.weekStart && day <= weekEnd && !SKIPPED.has(e.category ?? '')
  })
  return {
    version: 1,
    ...meta,
    events: inWeek
      .sort((a, b) => (a.start_date_local ?? '').localeCompare(b.start_date_local ?? '') || (a.id ?? 0) - (b.id ?? 0))
      .map((e) => ({
        day: daysBetween(meta.weekStart, (e.start_date_local ?? '').slice(0, 10)),
        days: lengthInDays(e),
        category: e.category ?? 'NOTE',
        name: e.name ?? '',
        type: e.type ?? null,
        description: e.description ?? '',
        indoor: e.indoor === true,
        moving_time: num(e.moving_time),
        icu_training_load: num(e.icu_training_load),
        hide_from_athlete: e.hide_from_athlete === true,
        athlete_cannot_edit: e.athlete_cannot_edit === true,
        load_target: num(e.load_target),
        time_target: num(e.time_target),
        distance_target: num(e.distance_target),
      })),
  }
}

/**
 * The template's events from `start` (its day 0). Workouts carry only their text so each athlete's own
 * settings give their time and load; other events keep the time the coach gave them.
 */
export function eventsFromTemplate(t: StoredTemplate, start: string): Event[] {
  return t.events.map((s) => {
    const date = addDays(start, s.day)
    const e: Event = {
      category: s.category as Event['category'],
      name: s.name,
      description: s.description,
      start_date_local: `${date}T00:00:00`,
      end_date_local: `${addDays(date, s.days)}T00:00:00`,
      hide_from_athlete: s.hide_from_athlete,
      athlete_cannot_edit: s.athlete_cannot_edit,
    }
    if (s.type) e.type = s.type
    if (s.category === 'WORKOUT') e.indoor = s.indoor
    else if (s.moving_time !== null) e.moving_time = s.moving_time
    if (s.load_target !== null) e.load_target = s.load_target
    if (s.time_target !== null) e.time_target = s.time_target
    if (s.distance_target !== null) e.distance_target = s.distance_target
    return e
  })
}

/** The template as the renderer lists it. */
export function templateSummary(t: StoredTemplate): WeekTemplate {
  return {
    id: t.id,
    name: t.name,
    sourceAthleteId: t.sourceAthleteId,
    sourceName: t.sourceName,
    weekStart: t.weekStart,
    createdAt: t.createdAt,
    events: t.events.map((e) => ({
      day: e.day,
      days: e.days,
      category: e.category,
      name: e.name,
      sport: e.type,
      movingSecs: e.moving_time,
      load: e.icu_training_load,
    })),
  }
}
