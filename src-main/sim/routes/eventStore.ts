import { randomUUID } from 'node:crypto'
import { notFound } from '../errors'
import { createEvent, patchEvent, replaceEvent, type NewEventMeta } from '../eventModel'
import type { RouteContext } from '../router'
import type { CalendarEvent, EventInput, SimAthlete } from '../types'
import { applyDerived } from '../workoutText'

export function findEvent(athlete: SimAthlete, id: number): CalendarEvent {
  const event = athlete.events.find((e) => e.id === id)
  if (!event) throw notFound(`Event ${id} not found`)
  return event
}

export function removeEvents(athlete: SimAthlete, doomed: Set<CalendarEvent>): number {
  const before = athlete.events.length
  athlete.events = athlete.events.filter((e) => !doomed.has(e))
  return before - athlete.events.length
}

/** Server-side fields for an event created now, on behalf of the coach. */
export function newEventMeta(ctx: RouteContext, athlete: SimAthlete): NewEventMeta {
  return {
    id: ctx.state.allocateEventId(),
    uid: randomUUID(),
    athleteId: athlete.id,
    createdBy: ctx.state.coachId,
    updated: ctx.now().toISOString(),
  }
}

/** Calendar order: by start, then by id. */
export function byStart(a: CalendarEvent, b: CalendarEvent): number {
  const sa = a.start_date_local ?? ''
  const sb = b.start_date_local ?? ''
  return sa < sb ? -1 : sa > sb ? 1 : (a.id ?? 0) - (b.id ?? 0)
}

export function startsWithin(event: CalendarEvent, from: string, to: string | null): boolean {
  const start = event.start_date_local ?? ''
  return start >= from && (to === null || start <= to)
}

/**
 * Updates the matched event (merging the fields sent, or replacing it with them), or creates one;
 * either way the workout text is parsed again.
 */
export function upsertEvent(
  ctx: RouteContext,
  athlete: SimAthlete,
  input: EventInput,
  existing: CalendarEvent | undefined,
  update: 'merge' | 'replace' = 'merge',
): CalendarEvent {
  if (existing && update === 'replace') {
    replaceEvent(existing, input, ctx.now().toISOString())
    applyDerived(existing, input, athlete, true)
    return existing
  }
  if (existing) {
    patchEvent(existing, input, ctx.now().toISOString())
    applyDerived(existing, input, athlete)
    return existing
  }
  const event = createEvent(input, newEventMeta(ctx, athlete))
  applyDerived(event, input, athlete, true)
  athlete.events.push(event)
  return event
}
