import { resolveAthlete } from '../auth'
import { addDays } from '../dates'
import { createEvent, rangeBound, readEventInput } from '../eventModel'
import { missingParam, notFound, unprocessable } from '../errors'
import { bool, list, optional, requiredBool, requiredLocalDate } from '../params'
import { pathParam, type Route, type RouteContext } from '../router'
import type { CalendarEvent, EventInput, SimAthlete } from '../types'
import { withWorkoutFile } from '../workoutText'
import { byStart, findEvent, newEventMeta, removeEvents, startsWithin, upsertEvent } from './eventStore'
import { answerEvents, inRangePut, matchOnUid, storedInput, withoutUid } from './eventVariants'

function arrayBody(ctx: RouteContext): unknown[] {
  const body = ctx.body()
  if (!Array.isArray(body)) throw unprocessable('Expected a JSON array')
  return body
}

/**
 * POST /athlete/{id}/events/bulk. `upsert` matches on external_id, otherwise `upsertOnUid` on uid
 * (and a TARGET on its day and type, see matchOnUid). A matched event is merged with the row or
 * replaced by it, as the profile's bulkUpdate says. Every row is checked before any is written, so
 * a bad row changes nothing.
 */
function createMany(ctx: RouteContext): CalendarEvent[] {
  const athlete = resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'write')
  const upsert = bool(ctx.query, 'upsert')
  // The spec marks both required on this endpoint.
  const upsertOnUid = requiredBool(ctx.query, 'upsertOnUid')
  requiredBool(ctx.query, 'updatePlanApplied')
  const inputs = arrayBody(ctx).map((row) => readEventInput(withWorkoutFile(row), true))
  const written = inputs.map((input) => {
    const { existing, byDate } = matchExisting(ctx, athlete, input, upsert, upsertOnUid)
    const stored = byDate ? withoutUid(input) : storedInput(ctx, input)
    return upsertEvent(ctx, athlete, stored, existing, ctx.profile.bulkUpdate)
  })
  return answerEvents(ctx, written)
}

function matchExisting(
  ctx: RouteContext,
  athlete: SimAthlete,
  input: EventInput,
  upsert: boolean,
  upsertOnUid: boolean,
): { existing?: CalendarEvent; byDate: boolean } {
  // The live API ignores upsertOnUid when upsert=true.
  if (upsert) return { existing: input.external_id ? athlete.events.find((e) => e.external_id === input.external_id) : undefined, byDate: false }
  return upsertOnUid ? matchOnUid(ctx, athlete, input) : { byDate: false }
}

/** Inclusive range from two required query dates. */
function startRange(ctx: RouteContext): { from: string; to: string } {
  const from = rangeBound(requiredLocalDate(ctx.query, 'oldest'), false) ?? ''
  const to = rangeBound(requiredLocalDate(ctx.query, 'newest'), true) ?? ''
  return { from, to }
}

/**
 * PUT /athlete/{id}/events?oldest&newest. Only hide_from_athlete and athlete_cannot_edit are
 * applied; everything else in the body is ignored, as on the live API. Which events it changes is
 * the profile's rangePut.
 */
function updateRange(ctx: RouteContext): CalendarEvent[] {
  const athlete = resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'write')
  const { from, to } = startRange(ctx)
  const body = ctx.body()
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw unprocessable('Expected an event object')
  const raw = body as Record<string, unknown>
  const flags: Partial<Record<'hide_from_athlete' | 'athlete_cannot_edit', boolean>> = {}
  for (const key of ['hide_from_athlete', 'athlete_cannot_edit'] as const) {
    if (raw[key] === undefined || raw[key] === null) continue
    if (typeof raw[key] !== 'boolean') throw unprocessable(`Invalid value for ${key}: expected boolean`)
    flags[key] = raw[key]
  }
  const updated = ctx.now().toISOString()
  const touched = athlete.events.filter((e) => inRangePut(ctx, e, from, to)).sort(byStart)
  for (const event of touched) {
    Object.assign(event, flags)
    event.updated = updated
  }
  return answerEvents(ctx, touched)
}

/**
 * DELETE /athlete/{id}/events?oldest&newest&category. `category` is required; without `newest`
 * every future event of those categories goes. Answers 200 with no body, as the spec says.
 */
function deleteRange(ctx: RouteContext): undefined {
  const athlete = resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'write')
  const from = rangeBound(requiredLocalDate(ctx.query, 'oldest'), false) ?? ''
  const categories = list(ctx.query, 'category')
  if (categories.length === 0) throw missingParam('category', 'list')
  const newest = optional(ctx.query, 'newest')
  const to = newest === undefined ? null : rangeBound(requiredLocalDate(ctx.query, 'newest'), true)
  const createdBy = optional(ctx.query, 'createdById')
  const doomed = athlete.events.filter(
    (e) => startsWithin(e, from, to) && categories.includes(e.category ?? '') && (!createdBy || e.created_by_id === createdBy),
  )
  removeEvents(athlete, new Set(doomed))
  return undefined
}

/** PUT /athlete/{id}/events/bulk-delete: by id or external_id (which wins); unknown ones are ignored. */
function bulkDelete(ctx: RouteContext): { eventsDeleted: number } {
  const athlete = resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'write')
  const doomed = new Set<CalendarEvent>()
  for (const row of arrayBody(ctx)) {
    if (typeof row !== 'object' || row === null) throw unprocessable('Expected objects with id or external_id')
    const { id, external_id: externalId } = row as { id?: unknown; external_id?: unknown }
    const match =
      typeof externalId === 'string' && externalId !== ''
        ? athlete.events.filter((e) => e.external_id === externalId)
        : athlete.events.filter((e) => e.id === (typeof id === 'string' ? Number(id) : id))
    for (const e of match) doomed.add(e)
  }
  return { eventsDeleted: removeEvents(athlete, doomed) }
}

/** POST /athlete/{id}/duplicate-events: copy k lands k x weeksBetween weeks after the original. */
function duplicate(ctx: RouteContext): CalendarEvent[] {
  const athlete = resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'write')
  const body = ctx.body() as { eventIds?: unknown; numCopies?: unknown; weeksBetween?: unknown } | null
  const ids = body?.eventIds
  if (!Array.isArray(ids) || ids.some((id) => !Number.isInteger(id))) throw unprocessable('eventIds must be a list of event ids')
  const numCopies = body?.numCopies ?? 1
  const weeksBetween = body?.weeksBetween ?? 1
  if (!Number.isInteger(numCopies) || (numCopies as number) < 1 || (numCopies as number) > 100) {
    throw unprocessable('numCopies must be between 1 and 100')
  }
  if (!Number.isInteger(weeksBetween) || (weeksBetween as number) < 0) throw unprocessable('weeksBetween must not be negative')
  const originals = ids.map((id: number) => findEvent(athlete, id))
  if (originals.length === 0) throw notFound('No events to duplicate')
  const copies: CalendarEvent[] = []
  for (const original of originals) {
    for (let k = 1; k <= (numCopies as number); k++) {
      const shift = k * (weeksBetween as number) * 7
      const start = original.start_date_local ?? ''
      const end = original.end_date_local
      const input: EventInput = {
        ...original,
        uid: undefined,
        external_id: null,
        start_date_local: `${addDays(start, shift)}${start.slice(10)}`,
        end_date_local: end ? `${addDays(end, shift)}${end.slice(10)}` : null,
      }
      const copy = createEvent(input, newEventMeta(ctx, athlete))
      athlete.events.push(copy)
      copies.push(copy)
    }
  }
  return answerEvents(ctx, copies)
}

export const bulkEventRoutes: Route[] = [
  { method: 'POST', pattern: '/athlete/:id/events/bulk', handler: createMany },
  { method: 'PUT', pattern: '/athlete/:id/events/bulk-delete', handler: bulkDelete },
  { method: 'PUT', pattern: '/athlete/:id/events', handler: updateRange },
  { method: 'DELETE', pattern: '/athlete/:id/events', handler: deleteRange },
  { method: 'POST', pattern: '/athlete/:id/duplicate-events', handler: duplicate },
]
