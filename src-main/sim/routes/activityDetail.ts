import { resolveAthlete } from '../auth'
import { accessDenied, notFound, unprocessable } from '../errors'
import { bool, list } from '../params'
import { pathParam, type Route, type RouteContext } from '../router'
import { publicActivity } from '../strava'
import { analyse, type StreamSet } from '../streams'
import { TextBody } from '../textBody'
import type { Activity, SimAthlete } from '../types'

/** Activities are addressed by id alone; the owner must still be the coach or a coached athlete. */
export function findOwned(ctx: RouteContext, access: 'read' | 'write'): { owner: SimAthlete; activity: Activity } {
  const id = pathParam(ctx, 'activityId')
  for (const athlete of ctx.state.athletes.values()) {
    const activity = athlete.activities.find((a) => a.id === id)
    if (!activity) continue
    if (athlete.relation === 'stranger') throw accessDenied()
    return { owner: resolveAthlete(ctx.state, athlete.id, access), activity }
  }
  throw notFound(`Activity ${id} not found`)
}

function getActivity(ctx: RouteContext): Activity {
  const { owner, activity } = findOwned(ctx, 'read')
  const shown = publicActivity(activity)
  if (shown !== activity || !bool(ctx.query, 'intervals')) return shown
  const { intervals, groups } = analyse(owner, activity)
  return { ...activity, icu_intervals: intervals, icu_groups: groups } as Activity
}

function getIntervals(ctx: RouteContext): unknown {
  const { owner, activity } = findOwned(ctx, 'read')
  if (activity.source === 'STRAVA') return { id: activity.id, analyzed: null, icu_intervals: null, icu_groups: null }
  const { intervals, groups } = analyse(owner, activity)
  return { id: activity.id, analyzed: activity.start_date, icu_intervals: intervals, icu_groups: groups }
}

// What a coach may change on an activity; anything else in the body is ignored, as Jackson does.
const TEXT_FIELDS = ['name', 'description'] as const
const FLAG_FIELDS = ['commute', 'trainer', 'race'] as const

function updateActivity(ctx: RouteContext): Activity {
  const { activity } = findOwned(ctx, 'write')
  // Assumed wording: the spec says only that Strava-sourced activities cannot be updated.
  if (activity.source === 'STRAVA') throw unprocessable('Cannot update STRAVA activities')
  const body = ctx.body()
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw unprocessable('Expected an activity object')
  const raw = body as Record<string, unknown>
  for (const key of TEXT_FIELDS) {
    if (!(key in raw)) continue
    if (raw[key] !== null && typeof raw[key] !== 'string') throw unprocessable(`${key} must be a string`)
    activity[key] = raw[key] as string | null
  }
  for (const key of FLAG_FIELDS) if (typeof raw[key] === 'boolean') activity[key] = raw[key] as boolean
  if ('icu_rpe' in raw) {
    activity.icu_rpe = scale(raw.icu_rpe, 1, 10, 'icu_rpe')
    activity.session_rpe = activity.icu_rpe === null ? null : Math.round((activity.icu_rpe * (activity.moving_time ?? 0)) / 60)
  }
  if ('feel' in raw) activity.feel = scale(raw.feel, 1, 5, 'feel')
  // The coach's tick (Activity.coach_tick, int32): which of the coach's ticks marks the activity; 0 clears it.
  if ('coach_tick' in raw) {
    const tick = raw.coach_tick
    if (tick !== null && (typeof tick !== 'number' || !Number.isInteger(tick) || tick < 0 || tick > 2_147_483_647)) throw unprocessable('coach_tick must be an integer')
    activity.coach_tick = tick === 0 ? null : (tick as number | null)
  }
  if ('tags' in raw) {
    const tags = raw.tags
    if (tags !== null && !(Array.isArray(tags) && tags.every((t) => typeof t === 'string'))) throw unprocessable('tags must be a list of strings')
    activity.tags = tags as string[] | null
  }
  return activity
}

function scale(v: unknown, min: number, max: number, name: string): number | null {
  if (v === null) return null
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw unprocessable(`${name} must be between ${min} and ${max}`)
  return v
}

/** `types` picks streams; `fixed_watts` comes back as `watts`. No `types` sends every stream. */
function selectStreams(ctx: RouteContext): { owner: SimAthlete; activity: Activity; picked: [string, number[]][] } {
  const { owner, activity } = findOwned(ctx, 'read')
  if (activity.source === 'STRAVA') {
    // The profile's stravaStreams axis: an empty list (stub) or a refusal (unprocessable); wording assumed.
    if (ctx.profile.stravaStreams === 'unprocessable') throw unprocessable('STRAVA activities are not available via the API')
    return { owner, activity, picked: [] }
  }
  const { streams } = analyse(owner, activity)
  const wanted = list(ctx.query, 'types').map((t) => (t === 'fixed_watts' ? 'watts' : t))
  const names = wanted.length ? [...new Set(wanted)] : Object.keys(streams)
  return { owner, activity, picked: names.flatMap((n): Array<[string, number[]]> => {
      const data = (streams as StreamSet)[n]
      return data ? [[n, data]] : []
    }),
  }
}

function getStreams(ctx: RouteContext): unknown[] {
  return selectStreams(ctx).picked.map(([type, data]) => ({
    type,
    name: null,
    data,
    data2: null,
    valueTypeIsArray: false,
    anomalies: null,
    custom: false,
    allNull: false,
  }))
}

function getStreamsCsv(ctx: RouteContext): TextBody {
  const { picked } = selectStreams(ctx)
  const n = Math.max(0, ...picked.map(([, d]) => d.length))
  const lines = [picked.map(([t]) => t).join(',')]
  for (let i = 0; i < n; i++) lines.push(picked.map(([, d]) => d[i] ?? '').join(','))
  return new TextBody(`${lines.join('\n')}\n`)
}

export const activityDetailRoutes: Route[] = [
  { method: 'GET', pattern: '/activity/:activityId', handler: getActivity },
  { method: 'PUT', pattern: '/activity/:activityId', handler: updateActivity },
  { method: 'GET', pattern: '/activity/:activityId/intervals', handler: getIntervals },
  { method: 'GET', pattern: '/activity/:activityId/streams', handler: getStreams },
  { method: 'GET', pattern: '/activity/:activityId/streams.csv', handler: getStreamsCsv },
]
