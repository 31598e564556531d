import type { ManualActivity } from '../../contract/schemas'
import { createManualActivities, listActivities } from '../../icu/api'
import type { Activity } from '../../icu/types'
import type { ServiceDeps } from '../deps'

/** Marks the rows Coach Desk created, so they are recognisable on intervals.icu. */
export const EXTERNAL_ID_PREFIX = 'coach-desk-'

type Logged = { externalId: string; id: string; name: string; date: string }

/**
 * Each row carries an external_id made when the coach started it. intervals.icu upserts on it only
 * for the same OAuth application, so before sending, one read over the rows' days finds the rows an
 * earlier attempt already created; only the others are sent, in one request. Sending again after a
 * failure therefore never duplicates.
 */
export async function logManual(deps: Pick<ServiceDeps, 'session'>, athleteId: string, rows: ManualActivity[]): Promise<Logged[]> {
  const http = deps.session.http()
  const dates = rows.map((r) => r.date).sort()
  const existing = await listActivities(http, athleteId, {
    oldest: dates[0]!,
    newest: `${dates.at(-1)!}T23:59:59`,
    fields: ['id', 'external_id', 'name', 'start_date_local'],
  })
  const already = new Map(logged(existing ?? []).map((l) => [l.externalId, l]))
  const fresh = rows.filter((r) => !already.has(r.externalId))
  const saved = fresh.length ? logged((await createManualActivities(http, athleteId, fresh.map(manualBody))) ?? []) : []
  const byId = new Map([...already, ...saved.map((l) => [l.externalId, l] as const)])
  return rows.flatMap((r) => byId.get(r.externalId) ?? [])
}

function logged(activities: Activity[]): Logged[] {
  return activities.flatMap((a) => {
    const ext = a?.external_id ?? ''
    if (!a?.id || !ext.startsWith(EXTERNAL_ID_PREFIX)) return []
    return [{ externalId: ext.slice(EXTERNAL_ID_PREFIX.length), id: String(a.id), name: a.name ?? '', date: a.start_date_local ?? '' }]
  })
}

export function manualBody(r: ManualActivity): Record<string, unknown> {
  return {
    external_id: `${EXTERNAL_ID_PREFIX}${r.externalId}`,
    start_date_local: `${r.date}T${r.startTime ?? '09:00'}:00`,
    type: r.type,
    name: r.name,
    moving_time: r.movingSecs,
    elapsed_time: r.movingSecs,
    ...(r.distanceM !== undefined ? { distance: r.distanceM } : {}),
    ...(r.load !== undefined ? { icu_training_load: r.load } : {}),
    ...(r.rpe !== undefined ? { icu_rpe: r.rpe } : {}),
    ...(r.description !== undefined ? { description: r.description } : {}),
  }
}
