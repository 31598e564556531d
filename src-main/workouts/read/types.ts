import type { WorkoutItem } from '../types'

/** A workout read from a trainer file, before it becomes intervals.icu text. */
export interface ReadWorkout {
  name: string | null
  description: string | null
  /** intervals.icu activity type: Ride or Run (from Zwift's sportType), Ride for ERG courses. */
  sport: string
  items: WorkoutItem[]
  /** What could not be carried over exactly, for the coach to check in the preview. */
  notes: string[]
}

export class WorkoutFileError extends Error {
  override readonly name = 'WorkoutFileError'
}
