import type { AthleteThresholds, ParsedWorkout, Step } from './types'
import { flattenSteps } from './parse'
import { paceSpeed, thresholdShare } from './zones'

export interface LoadEstimate {
  /** Planned time in seconds, including distance steps whose speed could be estimated. */
  durationSecs: number
  /** Training load in TSS-like points: hours × IF² × 100. */
  load: number
  /** Intensity in percent of threshold (intervals.icu's `icu_intensity` scale), from the normalised IF. */
  intensity: number
}

/**
 * A TSS-style estimate of a planned workout. Each step's intensity factor is its target as a share of the
 * athlete's threshold in the same kind (FTP for power, LTHR for heart rate, threshold speed for pace); the
 * workout's IF is the fourth-power mean over time, as normalised power is. Steps with no target (free ride,
 * text only) count for time but add no load, as intervals.icu charts them with no power.
 */
export function estimateLoad(parsed: ParsedWorkout, athlete: AthleteThresholds = {}): LoadEstimate {
  let secs = 0
  let weightedFourth = 0
  for (const step of flattenSteps(parsed)) {
    const stepSecs = stepDurationSecs(step, athlete)
    if (stepSecs === undefined || stepSecs <= 0) continue
    secs += stepSecs
    weightedFourth += stepSecs * meanFourthPower(step, athlete)
  }
  if (secs === 0) return { durationSecs: 0, load: 0, intensity: 0 }
  const intensityFactor = Math.pow(weightedFourth / secs, 0.25)
  return {
    durationSecs: Math.round(secs),
    load: Math.round((secs / 3600) * intensityFactor * intensityFactor * 100),
    intensity: Math.round(intensityFactor * 1000) / 10,
  }
}

/** The time a step takes; distance steps need a speed from a pace target or from the threshold pace. */
export function stepDurationSecs(step: Step, athlete: AthleteThresholds): number | undefined {
  if (step.durationSecs !== undefined) return step.durationSecs
  if (step.distanceMeters === undefined) return undefined
  const speed = estimatedSpeed(step, athlete)
  return speed ? step.distanceMeters / speed : undefined
}

function estimatedSpeed(step: Step, athlete: AthleteThresholds): number | undefined {
  if (step.target?.kind === 'pace') {
    const speed = paceSpeed(step.target, athlete)
    if (speed) return speed
  }
  if (!athlete.thresholdPaceMps) return undefined
  // Without a pace target, a heart-rate or power share of threshold is the best guess at a share of threshold speed.
  const share = step.target ? thresholdShare(step.target, athlete) : undefined
  return athlete.thresholdPaceMps * (share ?? 0.75)
}

/** The time-average of IF⁴ over a step: exact for a linear ramp, the range middle otherwise. */
function meanFourthPower(step: Step, athlete: AthleteThresholds): number {
  if (!step.target || step.freeride) return 0
  if (step.ramp && step.target.end !== undefined) {
    const a = thresholdShare(step.target, athlete, 'start')
    const b = thresholdShare(step.target, athlete, 'end')
    if (a === undefined || b === undefined) return 0
    if (Math.abs(b - a) < 1e-9) return a ** 4
    return (b ** 5 - a ** 5) / (5 * (b - a))
  }
  const share = thresholdShare(step.target, athlete)
  return share === undefined ? 0 : share ** 4
}
