import { flattenSteps } from './parse'
import { stepDurationSecs } from './load'
import type { AthleteThresholds, ParsedWorkout, Step, Target } from './types'
import { HR_ZONES_PCT_LTHR, PACE_ZONES_PCT_THRESHOLD, POWER_ZONES_PCT_FTP, thresholdShare, zoneEdges } from './zones'

// The shape of a workout over time, for the editor's graph: each step as a block whose height is its
// intensity (a share of the athlete's threshold in the step's own kind) and whose colour is its zone.

export interface ProfileBlock {
  line: number
  startSecs: number
  secs: number
  /** Intensity at the start and end of the block (equal unless a ramp); null when it cannot be known. */
  from: number | null
  to: number | null
  /** 1..7 from the default zone table of the step's kind; 0 for free ride or no target. */
  zoneFrom: number
  zoneTo: number
  kind: 'power' | 'hr' | 'pace' | 'none'
  ramp: boolean
  /** False when the time is a guess: a distance step without a pace, or a lap-press step. */
  timed: boolean
  /** What the step says, for a tooltip: "5m 105%", with its cue. */
  label: string
}

/** Assumed speeds for drawing distance steps when the athlete's threshold pace is unknown, in m/s. */
const DRAWING_SPEED: Array<[RegExp, number]> = [
  [/swim/i, 1.0],
  [/run|walk|hike/i, 3.0],
  [/ride|bike/i, 8.0],
]
const LAP_PRESS_DRAWING_SECS = 120

type Table = ReadonlyArray<readonly [number, number]>
const TABLES: Record<Target['kind'], Table> = { power: POWER_ZONES_PCT_FTP, hr: HR_ZONES_PCT_LTHR, pace: PACE_ZONES_PCT_THRESHOLD }

/** The zone a share of threshold falls in, by the upper edges of the default table. */
export function zoneOf(kind: Target['kind'], share: number): number {
  const table = TABLES[kind]
  // Rounded: 0.55 × 100 is 55.00000000000001, which would draw a step at Z1's top edge in Z2.
  const pct = Math.round(share * 1e8) / 1e6
  // The last zone has no upper edge that counts: everything above the one before it falls in it.
  const z = table.slice(0, -1).findIndex(([, high]) => pct <= high)
  return z < 0 ? table.length : z + 1
}

function point(target: Target, athlete: AthleteThresholds, at: 'start' | 'end' | 'mid'): { share: number | null; zone: number } {
  if (target.units === 'zone') {
    // A zone target is drawn at the middle of its zone; a ramp between zones at the middle of each end's zone.
    const z = at === 'start' ? target.start : at === 'end' ? (target.end ?? target.start) : undefined
    const edges = zoneEdges(TABLES[target.kind], z ?? target.start, z ?? target.end)
    return { share: (edges.low + edges.high) / 200, zone: z ?? Math.round((target.start + (target.end ?? target.start)) / 2) }
  }
  const share = thresholdShare(target, athlete, at) ?? null
  return { share, zone: share === null ? 0 : zoneOf(target.kind, share) }
}

function drawingSecs(step: Step, athlete: AthleteThresholds, sport: string | undefined): { secs: number; timed: boolean } {
  const secs = stepDurationSecs(step, athlete)
  if (secs !== undefined && secs > 0) return { secs, timed: true }
  if (step.distanceMeters !== undefined) {
    const speed = DRAWING_SPEED.find(([re]) => re.test(sport ?? ''))?.[1] ?? 3.0
    return { secs: step.distanceMeters / speed, timed: false }
  }
  return { secs: LAP_PRESS_DRAWING_SECS, timed: false }
}

export function workoutProfile(parsed: ParsedWorkout, athlete: AthleteThresholds = {}, sport?: string, describe: (s: Step) => string = () => ''): ProfileBlock[] {
  const blocks: ProfileBlock[] = []
  let at = 0
  for (const step of flattenSteps(parsed)) {
    if (step.durationSecs === undefined && step.distanceMeters === undefined && !step.lapPress) continue
    const { secs, timed } = drawingSecs(step, athlete, sport)
    const base = { line: step.line, startSecs: at, secs, timed, label: describe(step) }
    if (!step.target || step.freeride) {
      blocks.push({ ...base, from: null, to: null, zoneFrom: 0, zoneTo: 0, kind: 'none', ramp: false })
    } else {
      const ramp = Boolean(step.ramp && step.target.end !== undefined)
      const a = point(step.target, athlete, ramp ? 'start' : 'mid')
      const b = ramp ? point(step.target, athlete, 'end') : a
      blocks.push({ ...base, from: a.share, to: b.share, zoneFrom: a.zone, zoneTo: b.zone, kind: step.target.kind, ramp })
    }
    at += secs
  }
  return blocks
}
