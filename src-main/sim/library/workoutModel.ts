import { unprocessable } from '../errors'
import type { SimAthlete } from '../types'
import { applyDerived, withWorkoutFile } from '../workoutText'
import type { SimFolder, SimLibrary, SimWorkout } from './store'

// Library workouts and folders as the API writes them: checked bodies, server-side ids, and the same text
// parsing as calendar events (workout_doc, moving_time and load derived from the description).

const WORKOUT_FIELDS = ['name', 'description', 'type', 'indoor', 'color', 'folder_id', 'day', 'days', 'hide_from_athlete', 'target', 'tags', 'sub_type', 'workout_doc', 'moving_time', 'icu_training_load', 'distance'] as const
const FOLDER_FIELDS = ['name', 'description', 'type', 'start_date_local', 'visibility', 'duration_weeks', 'activity_types', 'rollout_weeks'] as const

function object(body: unknown, what: string): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw unprocessable(`Expected a ${what} object`)
  return body as Record<string, unknown>
}

function pick<K extends string>(raw: Record<string, unknown>, keys: readonly K[]): Partial<Record<K, unknown>> {
  const out: Partial<Record<K, unknown>> = {}
  for (const k of keys) if (raw[k] !== undefined) out[k] = raw[k]
  return out
}

function checkTypes(input: Record<string, unknown>, strings: string[], numbers: string[]): void {
  for (const k of strings) if (input[k] != null && typeof input[k] !== 'string') throw unprocessable(`Invalid value for ${k}: expected string`)
  for (const k of numbers) if (input[k] != null && typeof input[k] !== 'number') throw unprocessable(`Invalid value for ${k}: expected number`)
}

/** A WorkoutEx body: text in `description`, or a .zwo/.mrc/.erg file in `file_contents` + `filename`. */
export function readWorkoutInput(body: unknown, library: SimLibrary, full: boolean): SimWorkout {
  const input = pick(object(withWorkoutFile(body), 'workout'), WORKOUT_FIELDS) as Record<string, unknown>
  checkTypes(input, ['name', 'description', 'type'], ['folder_id', 'day', 'moving_time'])
  if (full && (typeof input.name !== 'string' || input.name.trim() === '')) throw unprocessable('name is required')
  if (input.folder_id != null && !library.folders.some((f) => f.id === input.folder_id)) {
    throw unprocessable(`Folder ${String(input.folder_id)} not found`)
  }
  return input as SimWorkout
}

export function createWorkout(library: SimLibrary, athlete: SimAthlete, input: SimWorkout, updated: string): SimWorkout {
  const workout: SimWorkout = {
    id: library.nextWorkoutId++,
    athlete_id: athlete.id,
    folder_id: null,
    day: null,
    type: 'Ride',
    description: '',
    indoor: false,
    hide_from_athlete: false,
    target: 'AUTO',
    tags: null,
    ...input,
    updated,
  }
  applyDerived(workout, input, athlete, true)
  library.workouts.push(workout)
  return workout
}

export function patchWorkout(workout: SimWorkout, input: SimWorkout, athlete: SimAthlete, updated: string): void {
  Object.assign(workout, input, { updated })
  if (input.description !== undefined && !input.workout_doc) workout.workout_doc = null
  applyDerived(workout, input, athlete)
}

export function readFolderInput(body: unknown, full: boolean): SimFolder {
  const input = pick(object(body, 'folder'), FOLDER_FIELDS) as Record<string, unknown>
  checkTypes(input, ['name', 'description', 'start_date_local'], ['duration_weeks'])
  if (full && (typeof input.name !== 'string' || input.name.trim() === '')) throw unprocessable('name is required')
  if (input.type != null && input.type !== 'FOLDER' && input.type !== 'PLAN') throw unprocessable(`Invalid folder type: ${String(input.type)}`)
  return input as SimFolder
}

export function createFolder(library: SimLibrary, athlete: SimAthlete, input: SimFolder): SimFolder {
  const folder: SimFolder = {
    id: library.nextFolderId++,
    athlete_id: athlete.id,
    type: 'FOLDER',
    description: null,
    visibility: 'PRIVATE',
    start_date_local: null,
    read_only_workouts: false,
    canEdit: true,
    sharedWithCount: 0,
    ...input,
  }
  library.folders.push(folder)
  return folder
}
