import type { ActivityChanges, ActivityDetail, IntervalRow, SportSettingsView, ZoneTimes } from '../../contract/schemas'
import { AppError } from '../../contract/errors'
import { getActivity, updateActivity } from '../../icu/api'
import type { Activity, Interval } from '../../icu/types'
import { num, strings } from '../decode'
import type { ServiceDeps } from '../deps'
import type { SettingsCache } from './profile'
import { powerBounds, zoneBars, zonesFromApi } from './zones'

type Deps = Pick<ServiceDeps, 'session'>

export const STRAVA_READ_ONLY =
  "Imported from Strava: Strava's terms keep its data out of the API, so intervals.icu shows only this stub and will not change it. Edit it on Strava, or upload the original file to intervals.icu."

const MAX_CACHED = 100

/**
 * Activities the coach has opened, kept in main: reopening one costs no request. Entries are
 * promises so two views asking at once share one request; a failure is not kept.
 */
export class ActivityDetails {
  private generation = -1
  private entries = new Map<string, Promise<ActivityDetail>>()

  constructor(
    private readonly deps: Deps,
    private readonly settings: SettingsCache,
  ) {}

  get(activityId: string): Promise<ActivityDetail> {
    this.sync()
    const hit = this.entries.get(activityId)
    if (hit) return hit
    const p = this.load(activityId)
    this.entries.set(activityId, p)
    p.catch(() => this.entries.delete(activityId))
    if (this.entries.size > MAX_CACHED) this.entries.delete(this.entries.keys().next().value as string)
    return p
  }

  /** PUT /activity/{id} with only the changed fields; Strava imports are refused before any request. */
  async update(activityId: string, changes: ActivityChanges): Promise<ActivityDetail> {
    const before = await this.get(activityId)
    if (!before.editable) throw new AppError('CONFLICT', before.readOnlyReason ?? 'This activity cannot be changed.')
    const patch: Record<string, unknown> = {}
    if (changes.name !== undefined) patch.name = changes.name
    if (changes.description !== undefined) patch.description = changes.description
    if (changes.rpe !== undefined) patch.icu_rpe = changes.rpe
    if (changes.feel !== undefined) patch.feel = changes.feel
    if (changes.tags !== undefined) patch.tags = changes.tags
    const saved = await updateActivity(this.deps.session.http(), activityId, patch)
    // The answer has no intervals; keep the ones already shown, which an edit of these fields cannot change.
    const after = { ...(await this.map(saved)), intervals: before.intervals, zones: before.zones }
    this.entries.set(activityId, Promise.resolve(after))
    return after
  }

  private async load(activityId: string): Promise<ActivityDetail> {
    const a = await getActivity(this.deps.session.http(), activityId, { intervals: true })
    if (!a || typeof a.id !== 'string') throw new AppError('NOT_FOUND', 'That activity is not on intervals.icu any more.')
    return this.map(a)
  }

  private async map(a: Activity): Promise<ActivityDetail> {
    const athleteId = a.icu_athlete_id ?? ''
    const stub = a.source === 'STRAVA'
    const settings = !stub && athleteId && a.type ? await this.settings.forType(athleteId, a.type).catch(() => null) : null
    return activityDetail(a, settings, stub)
  }

  private sync(): void {
    if (this.generation !== this.deps.session.generation) {
      this.generation = this.deps.session.generation
      this.entries.clear()
    }
  }
}

export function activityDetail(a: Activity, settings: SportSettingsView | null, stub = a.source === 'STRAVA'): ActivityDetail {
  return {
    id: String(a.id),
    athleteId: a.icu_athlete_id ?? '',
    date: a.start_date_local ?? '',
    type: a.type ?? (stub ? 'Strava' : 'Other'),
    name: a.name ?? (stub ? 'Imported from Strava' : ''),
    description: a.description ?? '',
    source: a.source ?? null,
    editable: !stub,
    readOnlyReason: stub ? STRAVA_READ_ONLY : null,
    movingSecs: num(a.moving_time),
    elapsedSecs: num(a.elapsed_time),
    distanceM: num(a.distance),
    elevationM: num(a.total_elevation_gain),
    load: num(a.icu_training_load),
    intensity: num(a.icu_intensity),
    avgWatts: num(a.icu_average_watts),
    normWatts: num(a.icu_weighted_avg_watts),
    ftp: num(a.icu_ftp),
    avgHr: num(a.average_heartrate),
    maxHr: num(a.max_heartrate),
    avgCadence: num(a.average_cadence),
    avgSpeed: num(a.average_speed),
    calories: num(a.calories),
    rpe: num(a.icu_rpe),
    feel: num(a.feel),
    tags: strings(a.tags),
    compliance: a.paired_event_id ? num(a.compliance) : null,
    pairedEventId: num(a.paired_event_id),
    device: a.device_name ?? null,
    trainer: a.trainer === true,
    streamTypes: stub ? [] : strings(a.stream_types),
    intervals: ((a as Activity & { icu_intervals?: Interval[] | null }).icu_intervals ?? []).filter(Boolean).map(intervalRow),
    zones: apiZones(a, settings),
  }
}

function intervalRow(i: Interval): IntervalRow {
  const start = num(i.start_time) ?? num(i.start_index) ?? 0
  const end = num(i.end_time) ?? (num(i.end_index) ?? start) + 1
  return {
    id: num(i.id) ?? 0,
    kind: i.type === 'WORK' || i.type === 'RECOVERY' ? i.type : 'OTHER',
    label: i.label ?? (i.type === 'WORK' ? 'Work' : 'Recovery'),
    startSecs: start,
    endSecs: end,
    movingSecs: num(i.moving_time),
    distanceM: num(i.distance),
    avgWatts: num(i.average_watts),
    normWatts: num(i.weighted_average_watts),
    maxWatts: num(i.max_watts),
    avgHr: num(i.average_heartrate),
    maxHr: num(i.max_heartrate),
    avgCadence: num(i.average_cadence),
    avgSpeed: num(i.average_speed),
    zone: num(i.zone),
    intensity: num(i.intensity),
  }
}

/** The activity's own zones (those in force on the day) when it has them, else the athlete's current ones. */
function apiZones(a: Activity, s: SportSettingsView | null): ZoneTimes {
  const secs = zonesFromApi(a.icu_zone_times, a.icu_hr_zone_times)
  const ftp = num(a.icu_ftp) ?? s?.ftp ?? null
  const powerPct = a.icu_power_zones?.length ? a.icu_power_zones : (s?.powerZones ?? [])
  const hrZones = a.icu_hr_zones?.length ? a.icu_hr_zones : (s?.hrZones ?? [])
  const power = ftp && secs.power.length ? zoneBars(secs.power, powerBounds(powerPct, ftp).slice(0, secs.power.length), s?.powerZoneNames ?? []) : []
  const hr = secs.hr.length ? zoneBars(secs.hr, hrZones.slice(0, secs.hr.length), s?.hrZoneNames ?? []) : []
  return { power, hr }
}
