// The readings of the event axes of the profile (see ../profile.ts): what the live API may do with
// a client's uid, with a TARGET row that matches no uid, and with the range PUT's selection.
import { overlaps } from '../eventModel'
import type { RouteContext } from '../router'
import type { CalendarEvent, EventInput, SimAthlete } from '../types'
import { startsWithin } from './eventStore'

/**
 * An event as an answer carries it. Under uid=notEchoed the uid is stored and matched but left out
 * of every answer; a copy is answered so the stored event keeps it.
 */
export function answerEvent(ctx: RouteContext, event: CalendarEvent): CalendarEvent {
  if (ctx.profile.uid !== 'notEchoed') return event
  const copy = { ...event }
  delete copy.uid
  return copy
}

export function answerEvents(ctx: RouteContext, events: CalendarEvent[]): CalendarEvent[] {
  return events.map((e) => answerEvent(ctx, e))
}

/** The write as stored: under uid=replaced the server never takes a client's uid, on create or update. */
export function storedInput(ctx: RouteContext, input: EventInput): EventInput {
  return ctx.profile.uid === 'replaced' && input.uid !== undefined ? withoutUid(input) : input
}

/**
 * The existing event an upsertOnUid write updates. By uid first; under target=byDate a TARGET
 * whose uid matches nothing then updates the athlete's TARGET that starts the same day with the
 * same type (the document's rule for events/bulk; the simulator plays it on POST /events too).
 * A target matched by date keeps its own uid.
 */
export function matchOnUid(ctx: RouteContext, athlete: SimAthlete, input: EventInput): { existing?: CalendarEvent; byDate: boolean } {
  const byUid = input.uid ? athlete.events.find((e) => e.uid === input.uid) : undefined
  if (byUid) return { existing: byUid, byDate: false }
  if (ctx.profile.target !== 'byDate' || input.category !== 'TARGET') return { byDate: false }
  const day = (input.start_date_local ?? '').slice(0, 10)
  const type = input.type ?? null
  const target = athlete.events.find(
    (e) => e.category === 'TARGET' && (e.start_date_local ?? '').slice(0, 10) === day && (e.type ?? null) === type,
  )
  return target ? { existing: target, byDate: true } : { byDate: false }
}

/** What a range PUT changes: events starting inside (byStart) or every event overlapping the range. */
export function inRangePut(ctx: RouteContext, event: CalendarEvent, from: string, to: string): boolean {
  return ctx.profile.rangePut === 'overlapping' ? overlaps(event, from, to) : startsWithin(event, from, to)
}

export function withoutUid(input: EventInput): EventInput {
  const copy = { ...input }
  delete copy.uid
  return copy
}
