import type { Athlete, SportSettings } from '../types'
import type { AthleteSpec } from './roster'

const POWER_ZONES = [55, 75, 90, 105, 120, 150, 999]
const POWER_ZONE_NAMES = ['Active Recovery', 'Endurance', 'Tempo', 'Threshold', 'VO2 Max', 'Anaerobic', 'Neuromuscular']
const HR_ZONE_FRACTIONS = [0.81, 0.89, 0.93, 0.99, 1.02, 1.06]
const HR_ZONE_NAMES = ['Recovery', 'Aerobic', 'Tempo', 'SubThreshold', 'SuperThreshold', 'Aerobic Capacity', 'Anaerobic']
/** Pace zones are % of threshold pace (speed), upper bounds. */
const RUN_PACE_ZONES = [77.5, 87.7, 94.3, 100, 103.4, 111.5, 999]
const SWIM_PACE_ZONES = [80, 90, 95, 100, 105, 999]
const PACE_ZONE_NAMES = ['Zone 1', 'Zone 2', 'Zone 3', 'Zone 4', 'Zone 5a', 'Zone 5b', 'Zone 5c']

export function buildAthlete(spec: AthleteSpec, now: Date): Athlete {
  const name = `${spec.firstname} ${spec.lastname}`
  const lastSeen = new Date(now.getTime() - (spec.index % 5) * 3_600_000 * 7)
  return {
    id: spec.id,
    name,
    firstname: spec.firstname,
    lastname: spec.lastname,
    profile_medium: null,
    email: emailOf(spec),
    sex: spec.sex,
    city: spec.city,
    state: null,
    country: spec.country,
    timezone: spec.timezone,
    locale: 'en',
    measurement_preference: 'meters',
    weight_pref_lb: false,
    fahrenheit: false,
    visibility: 'PRIVATE',
    status: 'ACTIVE',
    icu_last_seen: lastSeen.toISOString(),
    icu_activated: '2021-02-01T09:00:00Z',
    icu_coach: spec.relation === 'self',
    icu_permission: spec.permission,
    icu_weight: spec.weight,
    weight: spec.weight,
    icu_resting_hr: spec.restingHr,
    icu_date_of_birth: spec.dateOfBirth,
    plan: spec.relation === 'self' ? 'SUPPORTER' : 'FREE',
    bio: null,
    website: null,
    training_plan_id: null,
    training_plan_start_date: null,
    training_availability: null,
  }
}

export function emailOf(spec: AthleteSpec): string {
  const local = `${spec.firstname}.${spec.lastname}`
    .normalize('NFD')
    .replace(/[^A-Za-z.]/g, '')
    .toLowerCase()
  return `${local}@example.com`
}

/** Ride, Run, Swim and Other records, like a new intervals.icu account, tuned to the athlete. */
export function buildSportSettings(spec: AthleteSpec, firstId: number): SportSettings[] {
  const hrZones = [...HR_ZONE_FRACTIONS.map((f) => Math.round(f * spec.lthr)), spec.maxHr]
  const common = {
    athlete_id: spec.id,
    lthr: spec.lthr,
    max_hr: spec.maxHr,
    hr_zones: hrZones,
    hr_zone_names: HR_ZONE_NAMES,
    hr_load_type: 'HRSS',
    warmup_time: 600,
    cooldown_time: 600,
  } satisfies SportSettings
  const ride: SportSettings = {
    ...common,
    id: firstId,
    types: ['Ride', 'VirtualRide', 'MountainBikeRide', 'GravelRide', 'TrackRide'],
    ftp: spec.ftp,
    indoor_ftp: Math.round((spec.ftp * 0.96) / 5) * 5,
    w_prime: Math.round(spec.weight * 270),
    p_max: Math.round(spec.ftp * 3.4),
    power_zones: POWER_ZONES,
    power_zone_names: POWER_ZONE_NAMES,
    sweet_spot_min: 84,
    sweet_spot_max: 97,
    threshold_pace: null,
    pace_units: null,
    pace_zones: null,
    load_order: 'POWER_HR_PACE',
    workout_order: 'POWER_HR_PACE',
  }
  const run: SportSettings = {
    ...common,
    id: firstId + 1,
    types: ['Run', 'VirtualRun', 'TrailRun'],
    lthr: spec.lthr + 4,
    ftp: null,
    threshold_pace: spec.runThreshold,
    pace_units: 'MINS_KM',
    pace_zones: RUN_PACE_ZONES,
    pace_zone_names: PACE_ZONE_NAMES,
    pace_load_type: 'RUN',
    gap_model: 'STRAVA_RUN',
    load_order: 'PACE_HR_POWER',
    workout_order: 'PACE_HR_POWER',
  }
  const swim: SportSettings = {
    ...common,
    id: firstId + 2,
    types: ['Swim', 'OpenWaterSwim'],
    lthr: spec.lthr - 8,
    ftp: null,
    threshold_pace: spec.swimThreshold,
    pace_units: 'SECS_100M',
    pace_zones: SWIM_PACE_ZONES,
    pace_zone_names: PACE_ZONE_NAMES.slice(0, SWIM_PACE_ZONES.length),
    pace_load_type: 'SWIM',
    load_order: 'PACE_HR_POWER',
    workout_order: 'PACE_HR_POWER',
  }
  const other: SportSettings = { ...common, id: firstId + 3, types: ['Other'], other: true }
  return [ride, run, swim, other]
}
