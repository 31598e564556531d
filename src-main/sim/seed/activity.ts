import type { Rng } from '../random'
import type { Activity } from '../types'
import type { SessionType } from './plan'
import type { AthleteSpec } from './roster'

/** What the athlete actually did, before ids, pairing and fitness are known. */
export interface Performed {
  type: SessionType
  startLocal: string
  startUtc: string
  movingTime: number
  intensity: number
  trainingLoad: number
}

const ZWIFT_WORLDS = ['Watopia', 'Makuri Islands', 'London', 'Innsbruck', 'France', 'Yorkshire']
const STREAMS: Record<SessionType, string[]> = {
  Ride: ['time', 'watts', 'cadence', 'heartrate', 'distance', 'altitude', 'latlng', 'velocity_smooth', 'temp'],
  VirtualRide: ['time', 'watts', 'cadence', 'heartrate', 'distance', 'altitude', 'velocity_smooth'],
  Run: ['time', 'heartrate', 'cadence', 'distance', 'altitude', 'latlng', 'velocity_smooth', 'temp'],
  Swim: ['time', 'heartrate', 'distance', 'velocity_smooth'],
}
const BIKE_COMPUTERS: Record<AthleteSpec['source'], string> = {
  GARMIN_CONNECT: 'Garmin Edge 840',
  WAHOO: 'Wahoo ELEMNT BOLT',
  COROS: 'COROS DURA',
  UPLOAD: 'Hammerhead Karoo 2',
}
const WATCHES: Record<AthleteSpec['source'], string> = {
  GARMIN_CONNECT: 'Garmin Forerunner 965',
  WAHOO: 'Apple Watch Ultra',
  COROS: 'COROS PACE 3',
  UPLOAD: 'Garmin Forerunner 265',
}

/** Share of moving time per zone (Z1..Z7) for an effort of the given intensity. */
function zoneShares(intensity: number): number[] {
  if (intensity < 0.62) return [0.7, 0.25, 0.05, 0, 0, 0, 0]
  if (intensity < 0.75) return [0.25, 0.55, 0.15, 0.05, 0, 0, 0]
  if (intensity < 0.85) return [0.2, 0.3, 0.25, 0.2, 0.05, 0, 0]
  return [0.25, 0.2, 0.12, 0.2, 0.12, 0.08, 0.03]
}

function split(total: number, shares: number[]): number[] {
  return shares.map((s) => Math.round(total * s))
}

function timeOfDayName(startLocal: string, sport: string): string {
  const hour = Number(startLocal.slice(11, 13))
  const part = hour < 11 ? 'Morning' : hour < 14 ? 'Lunch' : hour < 18 ? 'Afternoon' : 'Evening'
  return `${part} ${sport}`
}

export function buildActivity(id: string, p: Performed, spec: AthleteSpec, rng: Rng): Activity {
  const { type, movingTime: secs, intensity } = p
  const outdoor = type === 'Ride' || type === 'Run'
  const hrFactor = type === 'Swim' ? 0.92 : 1
  const avgHr = Math.round(spec.lthr * (0.55 + 0.43 * intensity) * hrFactor * rng.float(0.98, 1.02))
  const maxHr = Math.min(spec.maxHr, avgHr + Math.round(10 + 25 * intensity * rng.float(0.6, 1.1)))
  const speed = speedOf(type, intensity, spec, rng)
  const distance = Math.round(speed * secs)
  const km = distance / 1000
  const elevation = type === 'Swim' ? 0 : Math.round(km * (outdoor ? rng.float(4, 14) : rng.float(0, 6)))
  const rides = type === 'Ride' || type === 'VirtualRide'
  const ftp = type === 'VirtualRide' ? Math.round((spec.ftp * 0.96) / 5) * 5 : spec.ftp
  const np = rides ? Math.round(intensity * ftp) : null
  const avgWatts = np === null ? null : Math.round(np * (outdoor ? rng.float(0.84, 0.93) : rng.float(0.95, 0.99)))
  const rpe = rng.chance(0.3) ? null : Math.max(1, Math.min(10, Math.round(intensity * 9 - 1 + rng.float(-1, 1))))
  const hrZoneTimes = split(secs, zoneShares(intensity))
  // Cycling: about one kcal per kJ of work. Running and swimming: by body weight and distance.
  const calories =
    rides && avgWatts !== null ? Math.round((avgWatts * secs) / 1000) : Math.round(spec.weight * (type === 'Swim' ? 2.5 : 1) * km)
  const virtual = type === 'VirtualRide'
  return {
    id,
    start_date_local: p.startLocal,
    start_date: p.startUtc,
    timezone: spec.timezone,
    type,
    name: virtual ? `Zwift - ${rng.pick(ZWIFT_WORLDS)}` : timeOfDayName(p.startLocal, type),
    description: null,
    moving_time: secs,
    elapsed_time: secs + (outdoor ? Math.round(secs * rng.float(0.02, 0.12)) : rng.int(0, 60)),
    icu_recording_time: secs,
    distance,
    icu_distance: distance,
    total_elevation_gain: elevation,
    average_speed: round3(speed),
    max_speed: round3(speed * (outdoor ? rng.float(1.4, 2.1) : rng.float(1.1, 1.3))),
    icu_training_load: p.trainingLoad,
    icu_intensity: Math.round(intensity * 1000) / 10,
    has_heartrate: true,
    average_heartrate: avgHr,
    max_heartrate: maxHr,
    athlete_max_hr: spec.maxHr,
    lthr: spec.lthr,
    icu_resting_hr: spec.restingHr,
    icu_weight: spec.weight,
    icu_average_watts: avgWatts,
    icu_weighted_avg_watts: np,
    device_watts: rides,
    icu_ftp: rides ? ftp : null,
    icu_joules: avgWatts === null ? null : avgWatts * secs,
    average_cadence: cadenceOf(type, rng),
    calories,
    trainer: virtual,
    commute: false,
    race: false,
    icu_rpe: rpe,
    session_rpe: rpe === null ? null : Math.round((rpe * secs) / 60),
    feel: rng.chance(0.4) ? null : rng.int(1, 4),
    icu_hr_zone_times: hrZoneTimes,
    icu_zone_times: rides ? powerZoneTimes(secs, intensity) : null,
    power_load: rides ? p.trainingLoad : null,
    hr_load: Math.round(p.trainingLoad * rng.float(0.85, 1.05)),
    pace_load: type === 'Run' || type === 'Swim' ? p.trainingLoad : null,
    source: virtual ? 'ZWIFT' : spec.source,
    device_name: virtual ? 'Zwift' : type === 'Ride' ? BIKE_COMPUTERS[spec.source] : WATCHES[spec.source],
    external_id: null,
    stream_types: STREAMS[type],
    tags: null,
    icu_athlete_id: spec.id,
    paired_event_id: null,
    compliance: null,
    coach_tick: null,
    icu_atl: null,
    icu_ctl: null,
  }
}

function powerZoneTimes(secs: number, intensity: number): Array<{ id: string; secs: number }> {
  const zones = split(secs, zoneShares(intensity)).map((s, i) => ({ id: `Z${i + 1}`, secs: s }))
  return [...zones, { id: 'SS', secs: Math.round(secs * (intensity > 0.78 ? 0.25 : 0.03)) }]
}

function speedOf(type: SessionType, intensity: number, spec: AthleteSpec, rng: Rng): number {
  switch (type) {
    case 'Run':
      return spec.runThreshold * Math.min(1.05, Math.max(0.68, intensity + 0.05)) * rng.float(0.97, 1.03)
    case 'Swim':
      return spec.swimThreshold * Math.min(1.05, Math.max(0.75, intensity)) * rng.float(0.97, 1.02)
    case 'VirtualRide':
      return ((24 + 18 * (intensity - 0.55)) / 3.6) * rng.float(0.95, 1.08)
    default:
      return ((22 + 16 * (intensity - 0.55)) / 3.6) * rng.float(0.9, 1.1)
  }
}

function cadenceOf(type: SessionType, rng: Rng): number {
  if (type === 'Run') return round3(rng.float(164, 182))
  if (type === 'Swim') return round3(rng.float(26, 34))
  return round3(rng.float(82, 95))
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000
}
