import type { ActivityRow, AthleteProfile } from '../contract/schemas'
import { getAthlete, listActivities } from '../icu/api'
import type { Activity, SportSettings, WithSportSettings } from '../icu/types'
import { athleteToday } from './dates'
import { num, personName, strings } from './decode'
import type { HandlersFor, ServiceDeps } from './deps'

type AthleteDeps = Pick<ServiceDeps, 'session' | 'now'>

export function athleteHandlers(deps: ServiceDeps): HandlersFor<'athlete:get' | 'athlete:activities'> {
  return {
    'athlete:get': ({ athleteId }) => athleteProfile(deps, athleteId),
    'athlete:activities': (q) => athleteActivities(deps, q),
  }
}

export async function athleteProfile(deps: AthleteDeps, athleteId: string, signal?: AbortSignal): Promise<AthleteProfile> {
  const a: WithSportSettings = await getAthlete(deps.session.http(), athleteId, { signal })
  const timezone = a.timezone || 'UTC'
  const extra = a as WithSportSettings & { icu_tags?: unknown; icu_notes?: unknown }
  return {
    id: a.id ?? athleteId,
    name: personName(a, athleteId),
    avatarUrl: a.profile_medium ?? null,
    timezone,
    today: athleteToday(timezone, deps.now()),
    city: a.city ?? null,
    country: a.country ?? null,
    sex: a.sex ?? null,
    weight: num(a.icu_weight ?? a.weight),
    restingHr: num(a.icu_resting_hr),
    tags: strings(extra.icu_tags),
    notes: typeof extra.icu_notes === 'string' ? extra.icu_notes : '',
    sports: (a.sportSettings ?? []).filter(Boolean).map(sportSummary),
  }
}

function sportSummary(s: SportSettings) {
  return {
    types: (s.types ?? []).filter((t): t is NonNullable<typeof t> => typeof t === 'string') as string[],
    ftp: num(s.ftp),
    indoorFtp: num(s.indoor_ftp),
    lthr: num(s.lthr),
    maxHr: num(s.max_hr),
    thresholdPace: num(s.threshold_pace),
    paceUnits: s.pace_units ?? null,
  }
}

/** Only the columns the list shows travel (`fields`), newest first. */
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
]

export async function athleteActivities(
  deps: AthleteDeps,
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

function activityRow(a: Activity): ActivityRow {
  return {
    id: String(a.id),
    date: a.start_date_local ?? '',
    type: a.type ?? 'Other',
    name: a.name ?? '',
    movingSecs: num(a.moving_time),
    distanceM: num(a.distance),
    load: num(a.icu_training_load),
    intensity: num(a.icu_intensity),
    avgWatts: num(a.icu_average_watts),
    normWatts: num(a.icu_weighted_avg_watts),
    avgHr: num(a.average_heartrate),
    rpe: num(a.icu_rpe),
  }
}
