import type { Thresholds, WorkoutPreview } from '../../contract/workouts'
import { estimateLoad, flattenSteps, formatStep, parseWorkout, workoutProfile } from '../../workouts'
import { stepDurationSecs } from '../../workouts/load'

// The editor's live view of a workout: what intervals.icu will make of the text (steps, time, load), where it
// will not read it as meant, and the shape to draw. Pure, so it answers within a keystroke.

/** More blocks than this are not drawn one by one (a 100x repeat of 30/30s still fits). */
const MAX_BLOCKS = 2_000

const NEEDS: Record<string, string> = { power: 'FTP', hr: 'LTHR', pace: 'threshold pace' }

export function previewWorkout(text: string, sport: string, thresholds: Thresholds = {}): WorkoutPreview {
  const parsed = parseWorkout(text, { sport })
  const counted = flattenSteps(parsed).filter((s) => s.durationSecs !== undefined || s.distanceMeters !== undefined)
  const estimate = estimateLoad(parsed, thresholds)
  const blocks = workoutProfile(parsed, thresholds, sport, (s) => formatStep(s).slice(2)).slice(0, MAX_BLOCKS)
  const needs = new Set<string>()
  for (const b of blocks) if (b.kind !== 'none' && b.from === null) needs.add(NEEDS[b.kind]!)
  if (counted.some((s) => s.distanceMeters !== undefined && stepDurationSecs(s, thresholds) === undefined)) needs.add('threshold pace')
  // With no counted step intervals.icu keeps the text as prose: no structure and zero load, which is what the
  // estimate of a text without a timed step gives too.
  return {
    blocks,
    durationSecs: Math.max(estimate.durationSecs, parsed.totalSecs),
    totalMeters: parsed.totalMeters,
    load: estimate.load,
    intensity: estimate.intensity,
    issues: parsed.issues,
    steps: counted.length,
    needs: [...needs],
    guessedTime: blocks.some((b) => !b.timed),
  }
}
