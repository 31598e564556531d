import type { WorkoutStepMesg } from '@garmin/fitsdk'
import type { AthleteThresholds, Step, Target } from '../../workouts/types'
import {
  HR_ZONES_PCT_LTHR,
  LTHR_SHARE_OF_MAX_HR,
  PACE_ZONES_PCT_THRESHOLD,
  POWER_ZONES_PCT_FTP,
  mmpShareOfFtp,
  paceSpeed,
  zoneEdges,
} from '../../workouts/zones'

// FIT workout_step targets. Custom values follow the FIT profile: power 0–1000 is % of FTP and above 1000 is
// watts + 1000; heart rate 0–100 is % of max HR and above 100 is bpm + 100; speed is in mm/s. With the
// athlete's numbers the file carries absolute watts/bpm/speed; without them it falls back to what the device
// can work out itself (% FTP, % max HR, its own zones), and otherwise leaves the step open.

/** How wide the band around a fixed target is, in percent of the target (intervals.icu's own defaults). */
export interface RangeWidths {
  power: number
  hr: number
  pace: number
}

export const DEFAULT_RANGE_WIDTHS: RangeWidths = { power: 2.5, hr: 1.5, pace: 2.5 }

const POWER_WATTS_OFFSET = 1000
const HR_BPM_OFFSET = 100
const FIT_HR_ZONES = 5
const FIT_SPEED_ZONES = 10

export type FitTargetFields = Pick<
  WorkoutStepMesg,
  'targetType' | 'targetValue' | 'customTargetValueLow' | 'customTargetValueHigh'
>

export interface FitTarget {
  fields: FitTargetFields
  /** Set when the target could not be carried: the step is open and the device shows this instead. */
  note?: string
}

interface Band {
  low: number
  high: number
}

/** A fixed value becomes a band so the device does not alarm at every watt; ranges and ramps keep their ends. */
function band(target: Target, toUnit: (v: number) => number, widthPct: number): Band {
  const a = toUnit(target.start)
  if (target.end !== undefined) {
    const b = toUnit(target.end)
    return { low: Math.min(a, b), high: Math.max(a, b) }
  }
  return { low: a * (1 - widthPct / 200), high: a * (1 + widthPct / 200) }
}

function custom(targetType: 'power' | 'heartRate' | 'speed', b: Band, offset = 0, scale = 1): FitTarget {
  return {
    fields: {
      targetType,
      targetValue: 0,
      customTargetValueLow: Math.round(b.low * scale) + offset,
      customTargetValueHigh: Math.round(b.high * scale) + offset,
    },
  }
}

function zone(targetType: 'power' | 'heartRate' | 'speed', value: number): FitTarget {
  return { fields: { targetType, targetValue: value, customTargetValueLow: 0, customTargetValueHigh: 0 } }
}

export function describeTarget(target: Target): string {
  const value = target.end === undefined ? `${target.start}` : `${target.start}-${target.end}`
  switch (target.units) {
    case '%ftp':
      return `${value}%`
    case 'w':
      return `${value}w`
    case '%mmp':
      return `${value}% MMP ${Math.round((target.kind === 'power' ? (target.mmpSecs ?? 0) : 0) / 60)}m`
    case '%hr':
      return `${value}% HR`
    case '%lthr':
      return `${value}% LTHR`
    case 'bpm':
      return `${value}bpm`
    case '%pace':
      return `${value}% Pace`
    case 'zone': {
      const zones = target.end === undefined ? `Z${target.start}` : `Z${target.start}-Z${target.end}`
      return target.kind === 'power' ? zones : `${zones} ${target.kind === 'hr' ? 'HR' : 'Pace'}`
    }
    default: {
      const secs = (s: number): string => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`
      const pace = target.end === undefined ? secs(target.start) : `${secs(target.start)}-${secs(target.end)}`
      return `${pace}/${target.units.replace('secs_per_', '')} Pace`
    }
  }
}

function powerTarget(target: Extract<Target, { kind: 'power' }>, athlete: AthleteThresholds, w: RangeWidths): FitTarget {
  const ftp = athlete.ftp
  if (target.units === 'w') return custom('power', band(target, (v) => v, w.power), POWER_WATTS_OFFSET)
  if (target.units === 'zone') {
    if (!ftp && target.end === undefined) return zone('power', target.start)
    const edges = zoneEdges(POWER_ZONES_PCT_FTP, target.start, target.end)
    return ftp
      ? custom('power', { low: (edges.low * ftp) / 100, high: (edges.high * ftp) / 100 }, POWER_WATTS_OFFSET)
      : custom('power', edges)
  }
  const pctOfFtp = target.units === '%mmp' ? (v: number) => v * mmpShareOfFtp(target.mmpSecs ?? 300) : (v: number) => v
  if (ftp) return custom('power', band(target, (v) => (pctOfFtp(v) * ftp) / 100, w.power), POWER_WATTS_OFFSET)
  return custom('power', band(target, pctOfFtp, w.power))
}

function hrTarget(target: Extract<Target, { kind: 'hr' }>, athlete: AthleteThresholds, w: RangeWidths): FitTarget {
  const lthr = athlete.lthr
  const pctOfMax = (b: Band): Band => ({ low: Math.min(b.low, 100), high: Math.min(b.high, 100) })
  switch (target.units) {
    case 'bpm':
      return custom('heartRate', band(target, (v) => v, w.hr), HR_BPM_OFFSET)
    case '%hr':
      return custom('heartRate', pctOfMax(band(target, (v) => v, w.hr)))
    case '%lthr':
      if (lthr) return custom('heartRate', band(target, (v) => (v * lthr) / 100, w.hr), HR_BPM_OFFSET)
      return custom('heartRate', pctOfMax(band(target, (v) => v * LTHR_SHARE_OF_MAX_HR, w.hr)))
    case 'zone': {
      const edges = zoneEdges(HR_ZONES_PCT_LTHR, target.start, target.end)
      if (lthr) return custom('heartRate', { low: (edges.low * lthr) / 100, high: (edges.high * lthr) / 100 }, HR_BPM_OFFSET)
      if (target.end === undefined && target.start <= FIT_HR_ZONES) return zone('heartRate', target.start)
      return custom('heartRate', pctOfMax({ low: edges.low * LTHR_SHARE_OF_MAX_HR, high: edges.high * LTHR_SHARE_OF_MAX_HR }))
    }
  }
}

function paceTarget(target: Extract<Target, { kind: 'pace' }>, athlete: AthleteThresholds, w: RangeWidths): FitTarget {
  const threshold = athlete.thresholdPaceMps
  if (target.units === 'zone') {
    if (threshold) {
      const edges = zoneEdges(PACE_ZONES_PCT_THRESHOLD, target.start, target.end)
      return custom('speed', { low: (edges.low * threshold) / 100, high: (edges.high * threshold) / 100 }, 0, 1000)
    }
    if (target.end === undefined && target.start <= FIT_SPEED_ZONES) return zone('speed', target.start)
  }
  const speedAt = (v: number): number | undefined => paceSpeed({ ...target, start: v, end: undefined }, athlete, 'start')
  if (speedAt(target.start) === undefined) {
    return { fields: { targetType: 'open' }, note: `${describeTarget(target)} (set the athlete's threshold pace to carry it)` }
  }
  return custom('speed', band(target, (v) => speedAt(v) ?? 0, w.pace), 0, 1000)
}

export function fitTarget(target: Target, athlete: AthleteThresholds, widths: RangeWidths = DEFAULT_RANGE_WIDTHS): FitTarget {
  if (target.kind === 'power') return powerTarget(target, athlete, widths)
  if (target.kind === 'hr') return hrTarget(target, athlete, widths)
  return paceTarget(target, athlete, widths)
}

/** Cadence goes in the primary target when the step has no other, and in the secondary one otherwise. */
export function cadenceFields(step: Step, primaryTaken: boolean): Partial<WorkoutStepMesg> {
  if (!step.cadence) return {}
  const low = Math.round(step.cadence.start)
  const high = Math.round(step.cadence.end ?? step.cadence.start)
  return primaryTaken
    ? {
        secondaryTargetType: 'cadence',
        secondaryTargetValue: 0,
        secondaryCustomTargetValueLow: low,
        secondaryCustomTargetValueHigh: high,
      }
    : { targetType: 'cadence', targetValue: 0, customTargetValueLow: low, customTargetValueHigh: high }
}
