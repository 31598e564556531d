import { resolveAthlete } from '../auth'
import { localToUtc, parseLocal } from '../dates'
import { unprocessable } from '../errors'
import { pathParam, type Route, type RouteContext } from '../router'
import type { SimState } from '../state'
import type { Activity, SimAthlete } from '../types'

/** Ids for activities created at run time, clear of every seeded id. */
const FIRST_MANUAL_ID = 99_000_001
const nextIds = new WeakMap<SimState, number>()

function allocateId(state: SimState): string {
  const id = nextIds.get(state) ?? FIRST_MANUAL_ID
  nextIds.set(state, id + 1)
  return `i${id}`
}

const NUMBER_FIELDS = ['moving_time', 'elapsed_time', 'distance', 'icu_training_load', 'average_heartrate', 'total_elevation_gain'] as const
const TEXT_FIELDS = ['name', 'description', 'external_id'] as const

/** Checks one body; `start_date_local` and `type` are what the live endpoint cannot do without. */
function readManual(body: unknown): Activity {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw unprocessable('Expected an activity object')
  const raw = body as Record<string, unknown>
  const start = typeof raw.start_date_local === 'string' ? parseLocal(raw.start_date_local) : null
  if (!start) throw unprocessable('start_date_local is required')
  if (typeof raw.type !== 'string' || raw.type === '') throw unprocessable('type is required')
  const out: Activity = { start_date_local: start, type: raw.type as Activity['type'] }
  for (const f of NUMBER_FIELDS) {
    if (!(f in raw) || raw[f] === null) continue
    if (typeof raw[f] !== 'number' || !Number.isFinite(raw[f]) || (raw[f] as number) < 0) throw unprocessable(`Invalid ${f}`)
    out[f] = raw[f] as number
  }
  for (const f of TEXT_FIELDS) {
    if (!(f in raw) || raw[f] === null) continue
    if (typeof raw[f] !== 'string') throw unprocessable(`${f} must be a string`)
    out[f] = raw[f] as string
  }
  for (const f of ['icu_rpe', 'feel'] as const) {
    if (raw[f] === undefined || raw[f] === null) continue
    if (typeof raw[f] !== 'number' || !Number.isInteger(raw[f])) throw unprocessable(`Invalid ${f}`)
    out[f] = raw[f] as number
  }
  return out
}

function create(ctx: RouteContext, athlete: SimAthlete, input: Activity): Activity {
  const tz = athlete.athlete.timezone ?? 'UTC'
  const moving = input.moving_time ?? 0
  const activity: Activity = {
    id: allocateId(ctx.state),
    icu_athlete_id: athlete.id,
    timezone: tz,
    start_date: localToUtc(input.start_date_local ?? '', tz),
    name: input.name ?? `Manual ${input.type}`,
    description: null,
    elapsed_time: moving,
    source: 'MANUAL',
    stream_types: [],
    tags: null,
    paired_event_id: null,
    compliance: null,
    external_id: null,
    ...input,
  }
  if (activity.icu_rpe != null) activity.session_rpe = Math.round((activity.icu_rpe * moving) / 60)
  const at = athlete.activities.findIndex((a) => (a.start_date_local ?? '') > (activity.start_date_local ?? ''))
  athlete.activities.splice(at < 0 ? athlete.activities.length : at, 0, activity)
  return activity
}

/** The bulk endpoint upserts on external_id: the same row sent twice updates, never duplicates. */
function upsert(ctx: RouteContext, athlete: SimAthlete, input: Activity): Activity {
  const existing = input.external_id ? athlete.activities.find((a) => a.external_id === input.external_id) : undefined
  if (!existing) return create(ctx, athlete, input)
  const moved = existing.start_date_local !== input.start_date_local
  Object.assign(existing, input)
  if (moved) {
    athlete.activities.splice(athlete.activities.indexOf(existing), 1)
    const at = athlete.activities.findIndex((a) => (a.start_date_local ?? '') > (existing.start_date_local ?? ''))
    athlete.activities.splice(at < 0 ? athlete.activities.length : at, 0, existing)
  }
  return existing
}

function createOne(ctx: RouteContext): Activity {
  const athlete = resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'write')
  return create(ctx, athlete, readManual(ctx.body()))
}

/** Every row is checked before any is written, so one bad row changes nothing. */
function createBulk(ctx: RouteContext): Activity[] {
  const athlete = resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'write')
  const body = ctx.body()
  if (!Array.isArray(body)) throw unprocessable('Expected a list of activities')
  const inputs = body.map(readManual)
  return inputs.map((input) => upsert(ctx, athlete, input))
}

export const manualActivityRoutes: Route[] = [
  { method: 'POST', pattern: '/athlete/:id/activities/manual/bulk', handler: createBulk },
  { method: 'POST', pattern: '/athlete/:id/activities/manual', handler: createOne },
]
