import type { AthleteThresholds, PaceUnits, Target } from './types'

// Default zone tables, used when a workout names a zone (Z2, Z3 HR, Z2 Pace) and the writers must turn it into
// numbers. Each table lists a zone's low and high edge, in percent:
// - power: % of FTP, intervals.icu's default power zones (upper edges 55, 75, 90, 105, 120, 150, max);
//   Z1 starts at 45% and Z7 is capped at 200% so that single-value formats get a sensible middle.
// - heart rate: % of LTHR, Friel's cycling zones as intervals.icu offers them (upper edges 81, 89, 93, 99, 102,
//   106, max); Z7 is capped at 110%.
// - pace: % of threshold pace as a speed (so faster is higher), intervals.icu's default pace zones (upper edges
//   77.5, 87.7, 94.3, 100, 103.4, 111.5, max); Z7 is capped at 120%.
// They are defaults: the athlete's own zones on intervals.icu may differ, and files intervals.icu itself builds
// (events?ext=…&resolve=true) use those.

type ZoneTable = ReadonlyArray<readonly [low: number, high: number]>

export const POWER_ZONES_PCT_FTP: ZoneTable = [
  [45, 55],
  [56, 75],
  [76, 90],
  [91, 105],
  [106, 120],
  [121, 150],
  [151, 200],
]

export const HR_ZONES_PCT_LTHR: ZoneTable = [
  [70, 81],
  [82, 89],
  [90, 93],
  [94, 99],
  [100, 102],
  [103, 106],
  [107, 110],
]

export const PACE_ZONES_PCT_THRESHOLD: ZoneTable = [
  [70, 77.5],
  [77.6, 87.7],
  [87.8, 94.3],
  [94.4, 100],
  [100.1, 103.4],
  [103.5, 111.5],
  [111.6, 120],
]

/** LTHR is commonly about 90% of maximum heart rate; used only when the athlete's maximum is unknown. */
export const LTHR_SHARE_OF_MAX_HR = 0.9

/** A zone range as percent of the table's reference: for Z2-Z3 power, 56..90. */
export function zoneEdges(table: ZoneTable, from: number, to = from): { low: number; high: number } {
  // Clamped into the table, whose zones are never empty (each table above lists seven), so the zone exists.
  const zone = (z: number): readonly [number, number] => table[Math.min(Math.max(Math.round(z), 1), table.length) - 1]!
  return { low: zone(Math.min(from, to))[0], high: zone(Math.max(from, to))[1] }
}

export const METRES_PER_PACE_UNIT: Record<Exclude<PaceUnits, '%pace' | 'zone'>, number> = {
  secs_per_km: 1000,
  secs_per_mi: 1609.344,
  secs_per_100m: 100,
  secs_per_100y: 91.44,
  secs_per_500m: 500,
  secs_per_400m: 400,
  secs_per_250m: 250,
}

/** A point of a target (its start, its end, or the middle of a zone) as a plain number. */
export type TargetPoint = 'start' | 'end' | 'mid'

function pointOf(target: Target, point: TargetPoint): number {
  const end = target.end ?? target.start
  if (point === 'start') return target.start
  if (point === 'end') return end
  return (target.start + end) / 2
}

/** The middle of a zone target; for a single zone, its middle; for a zone range, the middle of the whole span. */
function zoneMidPct(table: ZoneTable, target: Target): number {
  const { low, high } = zoneEdges(table, target.start, target.end)
  return (low + high) / 2
}

/**
 * A rough mean-maximal power as a share of FTP, from the two-parameter critical power model with a W′ of
 * 80 seconds' worth of FTP (20 kJ at 250 W). Efforts under two minutes are held at the two-minute value so a
 * file never asks for more than most riders can do; the athlete's own MMP curve on intervals.icu is better.
 */
export function mmpShareOfFtp(secs: number): number {
  return 1 + 80 / Math.max(secs, 120)
}

/** A power target at one point as a share of FTP (0.75 for 75%), or undefined when the numbers are missing. */
export function powerShare(target: Target, athlete: AthleteThresholds, point: TargetPoint = 'mid'): number | undefined {
  if (target.kind !== 'power') return undefined
  switch (target.units) {
    case '%ftp':
      return pointOf(target, point) / 100
    case 'w':
      return athlete.ftp ? pointOf(target, point) / athlete.ftp : undefined
    case 'zone':
      return point === 'mid'
        ? zoneMidPct(POWER_ZONES_PCT_FTP, target) / 100
        : zoneMidPct(POWER_ZONES_PCT_FTP, { ...target, start: pointOf(target, point), end: undefined }) / 100
    case '%mmp':
      return (pointOf(target, point) / 100) * mmpShareOfFtp(target.mmpSecs ?? 300)
  }
}

/** A heart-rate target at one point as a share of LTHR. */
export function hrShareOfLthr(target: Target, athlete: AthleteThresholds, point: TargetPoint = 'mid'): number | undefined {
  if (target.kind !== 'hr') return undefined
  const value = pointOf(target, point)
  switch (target.units) {
    case '%lthr':
      return value / 100
    case 'bpm':
      return athlete.lthr ? value / athlete.lthr : undefined
    case 'zone':
      return zoneMidPct(HR_ZONES_PCT_LTHR, point === 'mid' ? target : { ...target, start: value, end: undefined }) / 100
    case '%hr':
      if (athlete.maxHr && athlete.lthr) return ((value / 100) * athlete.maxHr) / athlete.lthr
      return value / 100 / LTHR_SHARE_OF_MAX_HR
  }
}

/** A pace target at one point as a share of threshold speed (1.05 is 5% faster than threshold). */
export function paceShareOfThreshold(
  target: Target,
  athlete: AthleteThresholds,
  point: TargetPoint = 'mid',
): number | undefined {
  if (target.kind !== 'pace') return undefined
  const value = pointOf(target, point)
  if (target.units === '%pace') return value / 100
  if (target.units === 'zone') {
    return zoneMidPct(PACE_ZONES_PCT_THRESHOLD, point === 'mid' ? target : { ...target, start: value, end: undefined }) / 100
  }
  const speed = paceToSpeed(value, target.units)
  return athlete.thresholdPaceMps ? speed / athlete.thresholdPaceMps : undefined
}

/** Seconds per distance unit to metres per second. */
export function paceToSpeed(secs: number, units: keyof typeof METRES_PER_PACE_UNIT): number {
  return secs > 0 ? METRES_PER_PACE_UNIT[units] / secs : 0
}

/** A pace target at one point as a speed in m/s, when it can be known. */
export function paceSpeed(target: Target, athlete: AthleteThresholds, point: TargetPoint = 'mid'): number | undefined {
  if (target.kind !== 'pace') return undefined
  if (target.units !== '%pace' && target.units !== 'zone') return paceToSpeed(pointOf(target, point), target.units)
  const share = paceShareOfThreshold(target, athlete, point)
  return share !== undefined && athlete.thresholdPaceMps ? share * athlete.thresholdPaceMps : undefined
}

/** Any target as a share of the athlete's threshold in its own kind: the intensity factor of a step. */
export function thresholdShare(target: Target, athlete: AthleteThresholds, point: TargetPoint = 'mid'): number | undefined {
  if (target.kind === 'power') return powerShare(target, athlete, point)
  if (target.kind === 'hr') return hrShareOfLthr(target, athlete, point)
  return paceShareOfThreshold(target, athlete, point)
}
