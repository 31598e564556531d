import type { components } from './generated/openapi'
import type { IcuHttp } from './http'

// The workout library endpoints (paths relative to /api/v1). A coach's library belongs to the coach's own
// athlete id; folders and plans come with their workouts as `children`.

export type Folder = components['schemas']['Folder']
export type Workout = components['schemas']['Workout']
type Opts = { signal?: AbortSignal }

const base = (athleteId: string) => `/athlete/${encodeURIComponent(athleteId)}`

/** GET /folders: every folder and plan with its workouts, in one request (there is no GET per folder). */
export function listFolders(http: IcuHttp, athleteId: string, o: Opts = {}): Promise<Folder[] | null> {
  return http.request({ path: `${base(athleteId)}/folders`, signal: o.signal })
}

export function createFolder(http: IcuHttp, athleteId: string, folder: { name: string; type?: 'FOLDER' | 'PLAN'; description?: string }, o: Opts = {}): Promise<Folder> {
  return http.request({ method: 'POST', path: `${base(athleteId)}/folders`, body: folder, signal: o.signal })
}

/** GET /workouts: the whole library flat, including workouts outside any folder. */
export function listWorkouts(http: IcuHttp, athleteId: string, o: Opts = {}): Promise<Workout[] | null> {
  return http.request({ path: `${base(athleteId)}/workouts`, signal: o.signal })
}

export function getWorkout(http: IcuHttp, athleteId: string, workoutId: number, o: Opts = {}): Promise<Workout> {
  return http.request({ path: `${base(athleteId)}/workouts/${workoutId}`, signal: o.signal })
}

/**
 * POST /workouts. Not retried after a network error: the library has no uid to upsert on, so a repeat could
 * save the workout twice.
 */
export function createWorkout(http: IcuHttp, athleteId: string, workout: Record<string, unknown>, o: Opts = {}): Promise<Workout> {
  return http.request({ method: 'POST', path: `${base(athleteId)}/workouts`, body: workout, signal: o.signal })
}
