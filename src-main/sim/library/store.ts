import type { components } from '../../icu/generated/openapi'
import type { SimState } from '../state'
import type { SimAthlete, Wire } from '../types'
import { seedLibrary } from './seed'

// Each athlete's workout library (folders, plans and their workouts). Kept beside the state rather than in it,
// and built the first time it is used, so the rest of the simulator does not pay for it.

export type SimFolder = Wire<Omit<components['schemas']['Folder'], 'children'>>
export type SimWorkout = Wire<components['schemas']['Workout']>

export interface SimLibrary {
  folders: SimFolder[]
  workouts: SimWorkout[]
  nextFolderId: number
  nextWorkoutId: number
}

const libraries = new WeakMap<SimState, Map<string, SimLibrary>>()

/** The library of an athlete the caller may see; the coach's is seeded with folders and a plan. */
export function libraryOf(state: SimState, athlete: SimAthlete): SimLibrary {
  let byAthlete = libraries.get(state)
  if (!byAthlete) libraries.set(state, (byAthlete = new Map()))
  let library = byAthlete.get(athlete.id)
  if (!library) {
    // Ids are unique across athletes, as on the live service.
    const offset = byAthlete.size * 100_000
    library = { folders: [], workouts: [], nextFolderId: 7_001 + offset, nextWorkoutId: 520_001 + offset }
    if (athlete.id === state.coachId) seedLibrary(library, athlete)
    byAthlete.set(athlete.id, library)
  }
  return library
}

/** A folder as GET /folders answers it: with its workouts as children, in plan order. */
export function folderWithChildren(library: SimLibrary, folder: SimFolder): Record<string, unknown> {
  const children = library.workouts
    .filter((w) => w.folder_id === folder.id)
    .sort((a, b) => (a.day ?? 0) - (b.day ?? 0) || (a.id ?? 0) - (b.id ?? 0))
  return { ...folder, children, num_workouts: children.length }
}
