import { addDays, addSecondsLocal, isDateOnly, parseLocal } from './dates'
import { unprocessable } from './errors'
import type { CalendarEvent, EventCategory, EventInput } from './types'

export const EVENT_CATEGORIES: readonly EventCategory[] = [
  'WORKOUT', 'RACE_A', 'RACE_B', 'RACE_C', 'NOTE', 'PLAN', 'HOLIDAY', 'SICK', 'INJURED',
  'SET_EFTP', 'FITNESS_DAYS', 'SEASON_START', 'TARGET', 'SET_FITNESS',
]

// Every Event field, null when unset, as the live API answers. Listing them all also gives the
// set of keys a client may write; anything else in a request body is ignored, as Jackson does.
const EVENT_TEMPLATE: Required<CalendarEvent> = {
  id: null, start_date_local: null, icu_training_load: null, icu_atl: null, icu_ctl: null, type: null,
  carbs_used: null, ss_p_max: null, ss_w_prime: null, ss_cp: null, calendar_id: null, uid: null,
  athlete_id: null, category: null, end_date_local: null, name: null, description: null, indoor: false,
  color: null, moving_time: null, icu_ftp: null, w_prime: null, p_max: null, atl_days: null,
  ctl_days: null, updated: null, not_on_fitness_chart: false, show_as_note: false,
  show_on_ctl_line: false, for_week: false, target: null, joules: null, joules_above_ftp: null,
  workout_doc: null, push_errors: null, athlete_cannot_edit: false, hide_from_athlete: false,
  structure_read_only: false, created_by_id: null, shared_event_id: null, entered: false,
  carbs_per_hour: null, sub_type: null, distance: null, tags: null, attachments: null,
  oauth_client_id: null, external_id: null, load_target: null, time_target: null,
  distance_target: null, training_availability: null, max_training_time: null,
  can_train_sports: null, plan_athlete_id: null, plan_folder_id: null, plan_workout_id: null,
  plan_applied: null, icu_intensity: null, strain_score: null,
}

/** Fields only the server sets. */
const SERVER_FIELDS = new Set(['id', 'athlete_id', 'created_by_id', 'updated', 'push_errors', 'oauth_client_id', 'entered'])
const WRITABLE = Object.keys(EVENT_TEMPLATE).filter((k) => !SERVER_FIELDS.has(k)) as Array<keyof CalendarEvent>
const BOOLEAN_FIELDS = [
  'indoor', 'hide_from_athlete', 'athlete_cannot_edit', 'structure_read_only',
  'not_on_fitness_chart', 'show_as_note', 'show_on_ctl_line', 'for_week',
] as const
const STRING_FIELDS = ['name', 'description', 'type', 'uid', 'external_id', 'color'] as const
const NUMBER_FIELDS = [
  'moving_time', 'icu_training_load', 'distance', 'icu_intensity', 'load_target', 'time_target', 'distance_target',
] as const

export interface NewEventMeta {
  id: number
  uid: string
  athleteId: string
  createdBy: string
  updated: string
}

/** Single-day events end at the next midnight, as the live server stores them. */
export function nextMidnight(startLocal: string): string {
  return `${addDays(startLocal.slice(0, 10), 1)}T00:00:00`
}

/** Checks and normalises a request body for one event. `full` means a create, which needs the core fields. */
export function readEventInput(body: unknown, full: boolean): EventInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw unprocessable('Expected an event object')
  }
  const raw = body as Record<string, unknown>
  const input: Record<string, unknown> = {}
  for (const key of WRITABLE) if (key in raw) input[key] = raw[key]
  if (full && (input.category === undefined || input.category === null)) throw unprocessable('category is required')
  if (input.category !== undefined && !EVENT_CATEGORIES.includes(input.category as EventCategory)) {
    throw unprocessable(`Invalid category: ${String(input.category)}`)
  }
  if (full && (input.start_date_local === undefined || input.start_date_local === null)) {
    throw unprocessable('start_date_local is required')
  }
  for (const key of ['start_date_local', 'end_date_local'] as const) {
    const value = input[key]
    if (value === undefined || value === null) continue
    const parsed = typeof value === 'string' ? parseLocal(value) : null
    if (!parsed) throw unprocessable(`Text '${String(value)}' could not be parsed for ${key}`)
    input[key] = parsed
  }
  checkTypes(input, BOOLEAN_FIELDS, 'boolean')
  checkTypes(input, STRING_FIELDS, 'string')
  checkTypes(input, NUMBER_FIELDS, 'number')
  return input as EventInput
}

function checkTypes(input: Record<string, unknown>, keys: readonly string[], type: 'boolean' | 'string' | 'number'): void {
  for (const key of keys) {
    const value = input[key]
    if (value !== undefined && value !== null && typeof value !== type) {
      throw unprocessable(`Invalid value for ${key}: expected ${type}`)
    }
  }
}

export function createEvent(input: EventInput, meta: NewEventMeta): CalendarEvent {
  const event: CalendarEvent = { ...EVENT_TEMPLATE, ...definedOnly(input) }
  const start = event.start_date_local ?? `${meta.updated.slice(0, 10)}T00:00:00`
  event.id = meta.id
  event.uid = input.uid ?? meta.uid
  event.athlete_id = meta.athleteId
  event.created_by_id = meta.createdBy
  event.updated = meta.updated
  event.start_date_local = start
  event.end_date_local = validEnd(start, input.end_date_local)
  return event
}

/** Applies a partial update. Moving the start keeps the event's length unless a new end is sent. */
export function patchEvent(event: CalendarEvent, input: EventInput, updated: string): void {
  const oldStart = event.start_date_local ?? ''
  const oldEnd = event.end_date_local ?? nextMidnight(oldStart)
  Object.assign(event, definedOnly(input))
  if (input.description !== undefined && !('workout_doc' in input)) {
    // The stored structure no longer matches the text; the live server would re-parse it.
    event.workout_doc = null
  }
  const start = event.start_date_local ?? oldStart
  if (input.end_date_local === undefined && start !== oldStart) {
    event.end_date_local = addSecondsLocal(oldEnd, secondsBetween(oldStart, start))
  }
  event.end_date_local = validEnd(start, event.end_date_local)
  event.updated = updated
}

/**
 * Replaces an event with what a write sent (events/bulk under bulkUpdate=replace): every writable
 * field the write leaves out is cleared; id, athlete, creator and uid stay.
 */
export function replaceEvent(event: CalendarEvent, input: EventInput, updated: string): void {
  const uid = event.uid
  for (const key of WRITABLE) (event as Record<string, unknown>)[key] = EVENT_TEMPLATE[key]
  Object.assign(event, definedOnly(input))
  event.uid = uid
  const start = event.start_date_local ?? `${updated.slice(0, 10)}T00:00:00`
  event.start_date_local = start
  event.end_date_local = validEnd(start, event.end_date_local)
  event.updated = updated
}

function validEnd(start: string, end: string | null | undefined): string {
  if (!end || end <= start) return nextMidnight(start)
  return end
}

function secondsBetween(a: string, b: string): number {
  return (Date.parse(`${b}Z`) - Date.parse(`${a}Z`)) / 1000
}

function definedOnly(input: EventInput): EventInput {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as EventInput
}

/** Whether an event overlaps [from, to] (local date-times, inclusive): multi-day events count. */
export function overlaps(event: CalendarEvent, from: string, to: string): boolean {
  const start = event.start_date_local ?? ''
  const end = event.end_date_local ?? nextMidnight(start)
  return start <= to && end > from
}

/** Normalises a range bound: a bare date means the start (or, for `newest`, the end) of that day. */
export function rangeBound(text: string, endOfDay: boolean): string | null {
  const parsed = parseLocal(text)
  if (!parsed) return null
  return endOfDay && isDateOnly(text) ? `${text}T23:59:59` : parsed
}
