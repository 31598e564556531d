import { resolveAthlete } from '../auth'
import { localDateTimeIn, todayIn } from '../dates'
import { rangeBound } from '../eventModel'
import { int, list, localDate, requiredLocalDate } from '../params'
import { pathParam, type Route, type RouteContext } from '../router'
import { publicActivity } from '../strava'
import type { Activity, Wellness } from '../types'

/**
 * `fields` keeps only the listed keys and, as on the live API, also drops null values, which is
 * what makes it worth using for large lists.
 */
export function pickFields<T extends object>(items: T[], fields: string[]): Array<Partial<T>> {
  if (fields.length === 0) return items
  return items.map((item) => {
    const out: Record<string, unknown> = {}
    for (const f of fields) {
      const value = (item as Record<string, unknown>)[f]
      if (value !== null && value !== undefined) out[f] = value
    }
    return out as Partial<T>
  })
}

function listActivities(ctx: RouteContext): Array<Partial<Activity>> {
  const athlete = resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'read')
  const oldest = rangeBound(requiredLocalDate(ctx.query, 'oldest'), false) ?? ''
  const newestText = localDate(ctx.query, 'newest')
  const timezone = athlete.athlete.timezone ?? 'UTC'
  const newest = newestText ? (rangeBound(newestText, true) ?? '') : localDateTimeIn(timezone, ctx.now())
  const limit = int(ctx.query, 'limit')
  const inRange = athlete.activities
    .filter((a) => {
      const start = a.start_date_local ?? ''
      return start >= oldest && start <= newest
    })
    .reverse()
  const limited = limit !== undefined && limit >= 0 ? inRange.slice(0, limit) : inRange
  return pickFields(limited.map(publicActivity), list(ctx.query, 'fields'))
}

function activitiesByIds(ctx: RouteContext): Activity[] {
  const athlete = resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'read')
  const ids = pathParam(ctx, 'ids').split(',').map((s) => s.trim())
  // Missing ids are skipped, as the live endpoint does.
  return ids.flatMap((id) => athlete.activities.filter((a) => a.id === id)).map(publicActivity)
}

function listWellness(ctx: RouteContext): Array<Partial<Wellness>> {
  const athlete = resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'read')
  const oldest = localDate(ctx.query, 'oldest')?.slice(0, 10) ?? '0000-01-01'
  const newest = localDate(ctx.query, 'newest')?.slice(0, 10) ?? todayIn(athlete.athlete.timezone ?? 'UTC', ctx.now())
  const records = athlete.wellness.filter((w) => (w.id ?? '') >= oldest && (w.id ?? '') <= newest)
  return pickFields(records, list(ctx.query, 'fields'))
}

export const activityRoutes: Route[] = [
  { method: 'GET', pattern: '/athlete/:id/activities', handler: listActivities },
  { method: 'GET', pattern: '/athlete/:id/activities/:ids', handler: activitiesByIds },
  { method: 'GET', pattern: '/athlete/:id/wellness', handler: listWellness },
]
