import type { ManualActivity } from '../../contract/schemas'
import { createManualActivities } from '../../icu/api'
import type { ServiceDeps } from '../deps'

/** Marks the rows Coach Desk created, so they are recognisable on intervals.icu. */
export const EXTERNAL_ID_PREFIX = 'coach-desk-'

/**
 * One request for any number of rows. Each row carries an external_id made when the coach started
 * it, so the coach's "send again" after a failure can be matched to what intervals.icu already has.
 */
export async function logManual(
  deps: Pick<ServiceDeps, 'session'>,
  athleteId: string,
  rows: ManualActivity[],
): Promise<{ externalId: string; id: string; name: string; date: string }[]> {
  const saved = await createManualActivities(deps.session.http(), athleteId, rows.map(manualBody))
  return (saved ?? []).flatMap((a) => {
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
