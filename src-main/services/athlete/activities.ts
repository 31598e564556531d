import type { ActivityRow } from '../../contract/schemas'
import { listActivities } from '../../icu/api'
import type { Activity } from '../../icu/types'
import { num } from '../decode'
import type { ServiceDeps } from '../deps'

/**
 * Only the columns the list shows travel (`fields`, which also drops nulls): about a quarter of the
 * bytes of full activities, which matters for a few years of training (see `npm run bench`).
 */
export const ACTIVITY_LIST_FIELDS = [
  'id',
  'start_date_local',
  'type',
  'name',
  'moving_time',
  'distance',
  'icu_training_load',
  'icu_intensity',
  'icu_average_watts',
  'icu_weighted_avg_watts',
  'average_heartrate',
  'icu_rpe',
  'compliance',
  'paired_event_id',
  'source',
]

export async function athleteActivities(
  deps: Pick<ServiceDeps, 'session'>,
  q: { athleteId: string; oldest: string; newest?: string; limit?: number },
  signal?: AbortSignal,
): Promise<ActivityRow[]> {
  const list = await listActivities(
    deps.session.http(),
    q.athleteId,
    { oldest: q.oldest, newest: q.newest ? `${q.newest}T23:59:59` : undefined, limit: q.limit, fields: ACTIVITY_LIST_FIELDS },
    { signal },
  )
  return (list ?? []).filter((a): a is Activity => !!a && typeof a.id === 'string').map(activityRow)
}

export function activityRow(a: Activity): ActivityRow {
  const stub = a.source === 'STRAVA' && !a.type
  return {
    id: String(a.id),
    date: a.start_date_local ?? '',
    type: a.type ?? (stub ? 'Strava' : 'Other'),
    name: a.name ?? (stub ? 'Imported from Strava' : ''),
    movingSecs: num(a.moving_time),
    distanceM: num(a.distance),
    load: num(a.icu_training_load),
    intensity: num(a.icu_intensity),
    avgWatts: num(a.icu_average_watts),
    normWatts: num(a.icu_weighted_avg_watts),
    avgHr: num(a.average_heartrate),
    rpe: num(a.icu_rpe),
    compliance: a.paired_event_id ? num(a.compliance) : null,
    pairedEventId: num(a.paired_event_id),
    source: a.source ?? null,
    stub,
  }
}
