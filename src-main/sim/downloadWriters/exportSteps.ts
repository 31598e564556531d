// One reading of an activity type as a sport, shared with the export rules of the contract.
export { sportFamily, type SportFamily } from '../../contract/exports'
import type { AthleteThresholds, Step, Target } from '../../workouts/types'
import type { WorkoutExportInput } from './input'
import { stepDurationSecs } from '../../workouts/load'
import {
  HR_ZONES_PCT_LTHR,
  PACE_ZONES_PCT_THRESHOLD,
  POWER_ZONES_PCT_FTP,
  hrShareOfLthr,
  paceShareOfThreshold,
  powerShare,
  type TargetPoint,
} from '../../workouts/zones'

// What the trainer formats (.zwo, .mrc, .erg) have in common: every step needs a time, and every target becomes
// one number on one scale (share of FTP, or share of threshold speed for Zwift runs).

export type WorkoutExportErrorCode = 'EMPTY' | 'NEEDS_FTP' | 'NEEDS_THRESHOLD_PACE' | 'UNTIMED_STEP'

export class WorkoutExportError extends Error {
  override readonly name = 'WorkoutExportError'
  constructor(
    readonly code: WorkoutExportErrorCode,
    message: string,
  ) {
    super(message)
  }
}


export function requireSteps(input: WorkoutExportInput, format: string): void {
  const hasStep = input.parsed.items.some((i) => i.type === 'step' || (i.type === 'repeat' && i.steps.length > 0 && i.reps > 0))
  if (!hasStep) {
    throw new WorkoutExportError('EMPTY', `"${input.name}" has no steps, so there is nothing to put in a ${format} file.`)
  }
}

/** A step's length in seconds for formats that only know time; distance steps are converted with a pace. */
export function timedSecs(step: Step, athlete: AthleteThresholds, format: string): number {
  const secs = stepDurationSecs(step, athlete)
  if (secs !== undefined && secs > 0) return Math.round(secs)
  const what = step.distanceMeters !== undefined ? `is ${formatMetres(step.distanceMeters)} long` : 'ends on a lap press'
  const fix =
    step.distanceMeters !== undefined
      ? "Set the athlete's threshold pace, give it a pace target, or export .fit instead."
      : 'Export .fit instead.'
  throw new WorkoutExportError('UNTIMED_STEP', `The step on line ${step.line} ${what}, but ${format} files need times. ${fix}`)
}

function formatMetres(m: number): string {
  return m >= 1000 ? `${Math.round(m / 10) / 100} km` : `${Math.round(m)} m`
}

type Scale = 'ftp' | 'threshold-speed'

/**
 * A target as one number on a trainer scale. A heart-rate or pace step in a cycling file (or a power or
 * heart-rate step in a Zwift run) is carried over zone for zone: 80% of the way through HR Z3 becomes 80% of
 * the way through power Z3. Returns undefined when the athlete's numbers are missing.
 */
export function shareOnScale(target: Target, athlete: AthleteThresholds, scale: Scale, point: TargetPoint): number | undefined {
  if (scale === 'ftp' && target.kind === 'power') return powerShare(target, athlete, point)
  if (scale === 'threshold-speed' && target.kind === 'pace') return paceShareOfThreshold(target, athlete, point)
  const [own, table] =
    target.kind === 'power'
      ? [powerShare(target, athlete, point), POWER_ZONES_PCT_FTP]
      : target.kind === 'hr'
        ? [hrShareOfLthr(target, athlete, point), HR_ZONES_PCT_LTHR]
        : [paceShareOfThreshold(target, athlete, point), PACE_ZONES_PCT_THRESHOLD]
  if (own === undefined) return undefined
  const to = scale === 'ftp' ? POWER_ZONES_PCT_FTP : PACE_ZONES_PCT_THRESHOLD
  return mapAcrossZones(own * 100, table, to) / 100
}

type ZoneTable = ReadonlyArray<readonly [number, number]>

function edges(table: ZoneTable): number[] {
  const [first] = table
  return first ? [first[0], ...table.map((z) => z[1])] : []
}

/** Piecewise linear from one table's zone edges onto the other's: a value a third into Z3 lands a third into Z3. */
function mapAcrossZones(value: number, from: ZoneTable, to: ZoneTable): number {
  const toEdges = edges(to)
  const points = edges(from).flatMap((x, k) => {
    const y = toEdges[k]
    return y === undefined ? [] : [{ x, y }]
  })
  const [first] = points
  const last = points.at(-1)
  // Both are the default zone tables, never empty; without edges there is nothing to map across.
  if (!first || !last) return value
  if (value <= first.x) return (value / first.x) * first.y
  for (const [k, high] of points.entries()) {
    const low = points[k - 1]
    if (low && value <= high.x) return low.y + ((value - low.x) / (high.x - low.x)) * (high.y - low.y)
  }
  return (value / last.x) * last.y
}

/** Why a target could not be placed on the scale, phrased for the coach. */
export function missingNumberError(target: Target, scale: Scale, format: string, line: number): WorkoutExportError {
  if (scale === 'threshold-speed' || target.kind === 'pace') {
    return new WorkoutExportError(
      'NEEDS_THRESHOLD_PACE',
      `The step on line ${line} needs the athlete's threshold pace for a ${format} file. Set it in the athlete's sport settings.`,
    )
  }
  const number = target.kind === 'hr' ? 'LTHR' : 'FTP'
  return new WorkoutExportError(
    'NEEDS_FTP',
    `The step on line ${line} needs the athlete's ${number} for a ${format} file. Set it in the athlete's sport settings.`,
  )
}

export interface TrainerStep {
  line: number
  secs: number
  /** Share of the scale at the start and the end of the step; undefined for free ride or untargeted steps. */
  start?: number
  end?: number
  ramp: boolean
  cadence?: number
  text?: string
}

export function toTrainerStep(step: Step, athlete: AthleteThresholds, scale: Scale, format: string): TrainerStep {
  const out: TrainerStep = { line: step.line, secs: timedSecs(step, athlete, format), ramp: false }
  if (step.text) out.text = step.text
  if (step.cadence) out.cadence = Math.round(((step.cadence.start + (step.cadence.end ?? step.cadence.start)) / 2) * 10) / 10
  if (!step.target || step.freeride) return out
  const isRamp = Boolean(step.ramp && step.target.end !== undefined)
  const start = shareOnScale(step.target, athlete, scale, isRamp ? 'start' : 'mid')
  const end = isRamp ? shareOnScale(step.target, athlete, scale, 'end') : start
  if (start === undefined || end === undefined) throw missingNumberError(step.target, scale, format, step.line)
  return { ...out, start, end, ramp: isRamp }
}
