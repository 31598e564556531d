import { createRng, deriveSeed, type Rng } from '../random'
import type { Activity } from '../types'
import type { Segment } from './segments'

/** The per-second samples of one activity, keyed by the API's stream type names. */
export type StreamSet = Record<string, number[]>

export interface AthleteNumbers {
  ftp: number
  lthr: number
  maxHr: number
  restingHr: number
  /** Threshold speed in m/s for the activity's sport (runs and swims). */
  thresholdSpeed: number
}

/** A stable seed per activity, so the same activity always gives the same samples. */
export function activitySeed(id: string): number {
  let h = 0
  for (let i = 0; i < id.length; i++) h = (Math.imul(h, 31) + id.charCodeAt(i)) >>> 0
  return deriveSeed(h, 7)
}

/**
 * 1 Hz streams that agree with the activity's summary: one sample per second of moving time, the
 * mean power equal to the recorded average, the mean heart rate equal to the recorded average, the
 * last distance equal to the recorded distance and the climbing close to the recorded elevation gain.
 */
export function generateStreams(activity: Activity, segments: Segment[], who: AthleteNumbers): StreamSet {
  const rng = createRng(activitySeed(String(activity.id)))
  const n = segments.reduce((a, s) => a + s.secs, 0)
  const type = activity.type ?? 'Ride'
  const rides = type === 'Ride' || type === 'VirtualRide'
  const outdoor = type === 'Ride' || type === 'Run'
  const frac = fractions(segments, n)
  const climbing = flags(segments, n, (s) => s.climb)
  const working = flags(segments, n, (s) => s.work)

  const out: StreamSet = { time: Array.from({ length: n }, (_, i) => i) }
  let effort: number[]
  if (rides) {
    const watts = ridePower(frac, working, outdoor, who.ftp, rng)
    scaleTo(watts, activity.icu_average_watts ?? null, 0)
    out.watts = watts
    effort = ema(watts.map((w) => w / Math.max(1, who.ftp)), 20)
    const rideEffort = effort
    out.cadence = watts.map((w, i) => {
      // effort is the moving average of these watts, one value per sample.
      const e = rideEffort[i]
      return w === 0 || e === undefined ? 0 : Math.round(87 + 8 * (e - 0.7) - (climbing[i] ? 9 : 0) + rng.normal(0, 2.5))
    })
  } else {
    effort = ema(frac.map((f) => f * rng.float(0.97, 1.03)), 8)
    const base = type === 'Swim' ? 28 : 170
    const gain = type === 'Swim' ? 6 : 12
    out.cadence = effort.map((e) => Math.round(base + gain * (e - 0.8) + rng.normal(0, 1.5)))
  }
  out.heartrate = heartRate(effort, activity, who, rng)
  const speed = speedOf(type, effort, climbing, who, rng)
  scaleSum(speed, activity.distance ?? null)
  out.velocity_smooth = speed.map(round2)
  out.distance = cumulative(speed).map((d) => Math.round(d * 10) / 10)
  if (type !== 'Swim') out.altitude = altitude(out.distance, climbing, activity.total_elevation_gain ?? 0, outdoor, rng)
  if (outdoor) out.temp = temperature(n, rng)
  return out
}

function fractions(segments: Segment[], n: number): number[] {
  const out = new Array<number>(n)
  let i = 0
  for (const s of segments) {
    for (let k = 0; k < s.secs; k++) out[i++] = s.from + ((s.to - s.from) * k) / Math.max(1, s.secs - 1)
  }
  return out
}

function flags(segments: Segment[], n: number, pick: (s: Segment) => boolean): boolean[] {
  const out = new Array<boolean>(n)
  let i = 0
  for (const s of segments) for (let k = 0; k < s.secs; k++) out[i++] = pick(s)
  return out
}

/** Noise that wanders (AR(1)) rather than jitters, and outdoor coasting that drops to zero. */
function ridePower(frac: number[], working: boolean[], outdoor: boolean, ftp: number, rng: Rng): number[] {
  const sd = outdoor ? 0.05 : 0.025
  let wander = 0
  let coast = 0
  return frac.map((f, i) => {
    wander = 0.93 * wander + rng.normal(0, sd)
    if (outdoor && !working[i] && coast === 0 && rng.chance(0.006)) coast = rng.int(3, 20)
    if (coast > 0) {
      coast--
      return 0
    }
    return Math.max(0, Math.round(ftp * f * (1 + wander)))
  })
}

function heartRate(effort: number[], activity: Activity, who: AthleteNumbers, rng: Rng): number[] {
  const n = effort.length
  const swimFactor = activity.type === 'Swim' ? 0.92 : 1
  let hr = who.restingHr + 25
  const raw = effort.map((e, i) => {
    // Cardiac drift: the same effort costs a few beats more late in a long session.
    const drift = 0.035 * who.lthr * (i / Math.max(1, n)) * Math.min(1, n / 7200)
    const target = who.lthr * (0.55 + 0.43 * e) * swimFactor + drift
    const tau = target > hr ? 25 : 45
    hr += (target - hr) / tau
    return hr + rng.normal(0, 0.8)
  })
  const avg = activity.average_heartrate ?? null
  const shift = avg === null || n === 0 ? 0 : avg - raw.reduce((a, b) => a + b, 0) / n
  return raw.map((h) => Math.round(Math.min(who.maxHr, Math.max(who.restingHr, h + shift))))
}

function speedOf(type: string, effort: number[], climbing: boolean[], who: AthleteNumbers, rng: Rng): number[] {
  if (type === 'Run' || type === 'Swim') {
    return effort.map((e, i) => {
      // A swim slows at each wall; a run slows on hills.
      const wall = type === 'Swim' && i % 40 < 4 ? 0.6 : 1
      const hill = climbing[i] ? 0.82 : 1
      return Math.max(0.3, who.thresholdSpeed * e * wall * hill * (1 + rng.normal(0, 0.015)))
    })
  }
  return effort.map((e, i) => Math.max(1.5, ((22 + 16 * (e - 0.55)) / 3.6) * (climbing[i] ? 0.55 : 1) * (1 + rng.normal(0, 0.01))))
}

/**
 * Rolling terrain as a function of distance, plus a steady rise during each climb. The terrain is
 * scaled so the total climbing lands near the recorded elevation gain.
 */
function altitude(distance: number[], climbing: boolean[], gain: number, outdoor: boolean, rng: Rng): number[] {
  const waves = [2000, 7000, 19000].map((len) => ({ len, phase: rng.float(0, Math.PI * 2) }))
  const base = rng.float(40, 600)
  const terrain = distance.map((d) => waves.reduce((a, w) => a + Math.sin((d / w.len) * Math.PI * 2 + w.phase), 0))
  const hills = new Array<number>(distance.length).fill(0)
  let height = 0
  distance.forEach((d, i) => {
    const before = distance[i - 1]
    if (before === undefined) return
    const step = d - before
    // Up at about 4% while climbing, back down afterwards so the ride ends near its start.
    height = climbing[i] ? height + step * 0.04 : Math.max(0, height - step * 0.02)
    hills[i] = height
  })
  const target = Math.max(outdoor ? 20 : 10, gain)
  const climbGain = positiveGain(hills)
  const terrainGain = positiveGain(terrain)
  const amp = terrainGain > 0 ? Math.max(0, target - climbGain) / terrainGain : 0
  // hills has a value (0 on the flat) for every distance sample, as terrain does.
  return terrain.map((t, i) => Math.round((base + amp * t + (hills[i] ?? 0)) * 10) / 10)
}

function temperature(n: number, rng: Rng): number[] {
  const start = rng.float(9, 22)
  return Array.from({ length: n }, (_, i) => Math.round(start + 3 * Math.sin(i / 5000)))
}

function positiveGain(values: number[]): number {
  let g = 0
  values.forEach((v, i) => {
    const before = values[i - 1]
    if (before !== undefined && v > before) g += v - before
  })
  return g
}

function ema(values: number[], tau: number): number[] {
  let v = values[0] ?? 0
  return values.map((x) => (v += (x - v) / tau))
}

function cumulative(values: number[]): number[] {
  let sum = 0
  return values.map((v) => (sum += v))
}

/** Multiplies so the mean equals `target` (rounding to whole numbers afterwards). */
function scaleTo(values: number[], target: number | null, digits: number): void {
  if (target === null || values.length === 0) return
  const mean = values.reduce((a, b) => a + b, 0) / values.length
  if (mean <= 0) return
  const k = target / mean
  const p = 10 ** digits
  values.forEach((v, i) => (values[i] = Math.round(v * k * p) / p))
}

function scaleSum(values: number[], total: number | null): void {
  if (total === null || values.length === 0) return
  const sum = values.reduce((a, b) => a + b, 0)
  if (sum <= 0) return
  values.forEach((v, i) => (values[i] = v * (total / sum)))
}

function round2(n: number): number {
  return Math.round(n * 100) / 100
}
