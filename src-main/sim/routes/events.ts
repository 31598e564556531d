import { resolveAthlete } from '../auth'
import { addDays, todayIn } from '../dates'
import { overlaps, patchEvent, rangeBound, readEventInput } from '../eventModel'
import { bool, int, list, localDate } from '../params'
import { intParam, pathParam, type Route, type RouteContext } from '../router'
import type { CalendarEvent } from '../types'
import { applyDerived, withWorkoutFile } from '../workoutText'
import { byStart, findEvent, removeEvents, upsertEvent } from './eventStore'
import { answerEvent, answerEvents, matchOnUid, storedInput, withoutUid } from './eventVariants'

/**
 * GET /athlete/{id}/events. `oldest` defaults to today in the athlete's timezone and `newest`
 * (inclusive) to six days later; a multi-day event that overlaps the range is included.
 */
function listEvents(ctx: RouteContext): CalendarEvent[] {
  const athlete = resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'read')
  const oldestText = localDate(ctx.query, 'oldest') ?? todayIn(athlete.athlete.timezone ?? 'UTC', ctx.now())
  const newestText = localDate(ctx.query, 'newest') ?? addDays(oldestText, 6)
  const from = rangeBound(oldestText, false) ?? ''
  const to = rangeBound(newestText, true) ?? ''
  const categories = list(ctx.query, 'category')
  const limit = int(ctx.query, 'limit')
  const found = athlete.events
    .filter((e) => overlaps(e, from, to))
    .filter((e) => categories.length === 0 || categories.includes(e.category ?? ''))
    .sort(byStart)
  return answerEvents(ctx, limit !== undefined && limit >= 0 ? found.slice(0, limit) : found)
}

/**
 * POST /athlete/{id}/events. With upsertOnUid=true an event with the same uid (or, for a TARGET,
 * see matchOnUid) is updated in place, which is what makes retrying a create safe. The server
 * generates a uid when none is sent.
 */
function createOne(ctx: RouteContext): CalendarEvent {
  const athlete = resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'write')
  const upsertOnUid = bool(ctx.query, 'upsertOnUid')
  const input = readEventInput(withWorkoutFile(ctx.body()), true)
  const { existing, byDate } = upsertOnUid ? matchOnUid(ctx, athlete, input) : { existing: undefined, byDate: false }
  const stored = byDate ? withoutUid(input) : storedInput(ctx, input)
  return answerEvent(ctx, upsertEvent(ctx, athlete, stored, existing))
}

function updateOne(ctx: RouteContext): CalendarEvent {
  const athlete = resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'write')
  const event = findEvent(athlete, intParam(ctx, 'eventId'))
  const input = storedInput(ctx, readEventInput(ctx.body(), false))
  patchEvent(event, input, ctx.now().toISOString())
  applyDerived(event, input, athlete)
  return answerEvent(ctx, event)
}

function deleteOne(ctx: RouteContext): Record<string, never> {
  const athlete = resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'write')
  removeEvents(athlete, new Set([findEvent(athlete, intParam(ctx, 'eventId'))]))
  return {}
}

export const eventRoutes: Route[] = [
  { method: 'GET', pattern: '/athlete/:id/events', handler: listEvents },
  { method: 'POST', pattern: '/athlete/:id/events', handler: createOne },
  {
    method: 'GET',
    pattern: '/athlete/:id/events/:eventId',
    handler: (ctx) => answerEvent(ctx, findEvent(resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'read'), intParam(ctx, 'eventId'))),
  },
  { method: 'PUT', pattern: '/athlete/:id/events/:eventId', handler: updateOne },
  { method: 'DELETE', pattern: '/athlete/:id/events/:eventId', handler: deleteOne },
]
