import { resolveAthlete } from '../auth'
import { missingParam, notFound, unprocessable } from '../errors'
import { bool, optional } from '../params'
import { pathParam, type Route, type RouteContext } from '../router'
import type { SportSettings } from '../types'

const NUMBER_FIELDS = ['ftp', 'indoor_ftp', 'w_prime', 'p_max', 'lthr', 'max_hr', 'threshold_pace', 'sweet_spot_min', 'sweet_spot_max'] as const
const ZONE_FIELDS = ['power_zones', 'hr_zones', 'pace_zones'] as const

/** Swim threshold is a speed in m/s; nobody swims 100 m faster than this, so larger means seconds were sent. */
const MAX_SWIM_SPEED = 2.5

/**
 * PUT /athlete/{athleteId}/sport-settings/{id}?recalcHrZones=...: only the fields sent change. The
 * live API refuses the call without recalcHrZones. With true, a new LTHR or max HR moves the HR
 * zones with it (each zone keeps its share of LTHR, the top zone ends at max HR) unless the body
 * sets hr_zones itself; with false the zones stay as they were.
 */
function updateSettings(ctx: RouteContext): SportSettings {
  const athlete = resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'write')
  if (optional(ctx.query, 'recalcHrZones') === undefined) throw missingParam('recalcHrZones', 'boolean')
  const recalc = bool(ctx.query, 'recalcHrZones')
  const key = pathParam(ctx, 'settingsId')
  const settings = athlete.sportSettings.find((s) => String(s.id) === key || (s.types ?? []).some((t) => t === key))
  if (!settings) throw notFound(`Sport settings ${key} not found`)
  const body = ctx.body()
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw unprocessable('Expected a sport settings object')
  const raw = body as Record<string, unknown>
  const patch: SportSettings = {}
  for (const f of NUMBER_FIELDS) {
    if (!(f in raw)) continue
    const v = raw[f]
    if (v !== null && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) throw unprocessable(`Invalid ${f}`)
    patch[f] = v as number | null
  }
  for (const f of ZONE_FIELDS) {
    if (!(f in raw)) continue
    const v = raw[f]
    if (v !== null && !(Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x)))) throw unprocessable(`Invalid ${f}`)
    patch[f] = v as number[] | null
  }
  const swim = (settings.types ?? []).includes('Swim')
  if (swim && typeof patch.threshold_pace === 'number' && patch.threshold_pace > MAX_SWIM_SPEED) throw unprocessable('Invalid threshold pace')
  const oldLthr = settings.lthr ?? null
  const hrChanged = ('lthr' in patch && patch.lthr !== oldLthr) || ('max_hr' in patch && patch.max_hr !== settings.max_hr)
  Object.assign(settings, patch, { updated: ctx.now().toISOString() })
  if (recalc && hrChanged && !('hr_zones' in patch)) settings.hr_zones = recalculatedHrZones(settings.hr_zones ?? [], oldLthr, settings.lthr ?? null, settings.max_hr ?? null)
  return settings
}

function recalculatedHrZones(zones: number[], oldLthr: number | null, lthr: number | null, maxHr: number | null): number[] {
  const top = zones.at(-1)
  if (top === undefined || !oldLthr || !lthr) return zones
  const scaled = zones.slice(0, -1).map((z) => Math.round((z / oldLthr) * lthr))
  return [...scaled, maxHr ?? Math.round((top / oldLthr) * lthr)]
}

export const sportSettingsRoutes: Route[] = [{ method: 'PUT', pattern: '/athlete/:id/sport-settings/:settingsId', handler: updateSettings }]
