import type { AthleteThresholds, ParsedWorkout } from '../../workouts/types'

/** What intervals.icu builds a workout file from: the event's name and sport, its parsed text and the athlete's thresholds. */
export interface WorkoutExportInput extends AthleteThresholds {
  name: string
  description?: string
  /** intervals.icu activity type: Ride, VirtualRide, Run, Swim, … */
  sport: string
  parsed: ParsedWorkout
}
