import { resolveAthlete } from '../auth'
import { parseLocal, todayIn } from '../dates'
import { notFound, unprocessable } from '../errors'
import { list, localDate } from '../params'
import { pathParam, type Route, type RouteContext } from '../router'
import { TextBody } from '../textBody'
import type { SimAthlete, Wellness } from '../types'

// Fields a client may write. The fitness model (ctl, atl, rampRate, loads, sportInfo) is the
// server's own; sending it changes nothing, as on the live API.
const NUMBER_FIELDS = [
  'weight', 'restingHR', 'hrv', 'hrvSDNN', 'kcalConsumed', 'sleepSecs', 'sleepScore', 'sleepQuality',
  'avgSleepingHR', 'soreness', 'fatigue', 'stress', 'mood', 'motivation', 'injury', 'spO2', 'systolic',
  'diastolic', 'hydration', 'hydrationVolume', 'readiness', 'baevskySI', 'bloodGlucose', 'lactate',
  'bodyFat', 'abdomen', 'vo2max', 'steps', 'respiration', 'carbohydrates', 'protein', 'fatTotal',
] as const
const CSV_COLUMNS = ['id', 'ctl', 'atl', 'rampRate', 'ctlLoad', ...NUMBER_FIELDS, 'comments', 'locked'] as const

function day(date: string): string {
  const parsed = parseLocal(date)
  if (!parsed || parsed.slice(11) !== '00:00:00' || date.length !== 10) throw unprocessable(`Text '${date}' could not be parsed at index 0`)
  return date
}

/** Only the fields sent are changed; a day with no record yet gets one. */
function applyPatch(athlete: SimAthlete, date: string, body: unknown, now: Date): Wellness {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw unprocessable('Expected a wellness object')
  const raw = body as Record<string, unknown>
  const patch: Wellness = {}
  for (const key of NUMBER_FIELDS) {
    if (!(key in raw)) continue
    const v = raw[key]
    if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) throw unprocessable(`${key} must be a number`)
    patch[key] = v as number | null
  }
  if ('comments' in raw) {
    if (raw.comments !== null && typeof raw.comments !== 'string') throw unprocessable('comments must be a string')
    patch.comments = raw.comments as string | null
  }
  if (typeof raw.locked === 'boolean') patch.locked = raw.locked
  let record = athlete.wellness.find((w) => w.id === date)
  if (!record) {
    record = { id: date, ctl: null, atl: null, rampRate: null, ctlLoad: null, atlLoad: null, sportInfo: null, locked: false }
    const at = athlete.wellness.findIndex((w) => (w.id ?? '') > date)
    athlete.wellness.splice(at < 0 ? athlete.wellness.length : at, 0, record)
  }
  Object.assign(record, patch, { updated: now.toISOString() })
  return record
}

function getDay(ctx: RouteContext): Wellness {
  const athlete = resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'read')
  const date = day(pathParam(ctx, 'date'))
  const record = athlete.wellness.find((w) => w.id === date)
  if (!record) throw notFound(`Wellness ${date} not found`)
  return record
}

function putDay(ctx: RouteContext): Wellness {
  const athlete = resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'write')
  return applyPatch(athlete, day(pathParam(ctx, 'date')), ctx.body(), ctx.now())
}

/** PUT /wellness with the date as the record's id. */
function putById(ctx: RouteContext): Wellness {
  const athlete = resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'write')
  const body = ctx.body() as { id?: unknown } | null
  if (typeof body?.id !== 'string') throw unprocessable('id (the date) is required')
  return applyPatch(athlete, day(body.id), body, ctx.now())
}

/** All rows are checked before any is written, so a bad row changes nothing. */
function putBulk(ctx: RouteContext): undefined {
  const athlete = resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'write')
  const rows = ctx.body()
  if (!Array.isArray(rows)) throw unprocessable('Expected a list of wellness records')
  const dated = rows.map((r: unknown) => {
    const id = (r as { id?: unknown } | null)?.id
    if (typeof id !== 'string') throw unprocessable('id (the date) is required')
    return { date: day(id), row: r }
  })
  const copy = structuredClone(athlete.wellness)
  const scratch = { ...athlete, wellness: copy }
  for (const { date, row } of dated) applyPatch(scratch, date, row, ctx.now())
  athlete.wellness = copy
  return undefined
}

function csv(ctx: RouteContext): TextBody {
  const athlete = resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'read')
  const oldest = localDate(ctx.query, 'oldest')?.slice(0, 10) ?? '0000-01-01'
  const newest = localDate(ctx.query, 'newest')?.slice(0, 10) ?? todayIn(athlete.athlete.timezone ?? 'UTC', ctx.now())
  const wanted = list(ctx.query, 'cols')
  const cols = wanted.length ? ['id', ...wanted.filter((c) => c !== 'id')] : [...CSV_COLUMNS]
  const rows = athlete.wellness.filter((w) => (w.id ?? '') >= oldest && (w.id ?? '') <= newest)
  const cell = (v: unknown): string => {
    if (v === null || v === undefined) return ''
    const s = String(v)
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  const lines = [cols.join(','), ...rows.map((w) => cols.map((c) => cell((w as Record<string, unknown>)[c])).join(','))]
  return new TextBody(`${lines.join('\n')}\n`)
}

export const wellnessRoutes: Route[] = [
  { method: 'GET', pattern: '/athlete/:id/wellness.csv', handler: csv },
  { method: 'PUT', pattern: '/athlete/:id/wellness-bulk', handler: putBulk },
  { method: 'PUT', pattern: '/athlete/:id/wellness', handler: putById },
  { method: 'GET', pattern: '/athlete/:id/wellness/:date', handler: getDay },
  { method: 'PUT', pattern: '/athlete/:id/wellness/:date', handler: putDay },
]
