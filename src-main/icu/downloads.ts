import type { IcuHttp } from './http'

// The workout file endpoints (paths relative to /api/v1). They answer bytes, not JSON.

export type WorkoutExt = 'zwo' | 'mrc' | 'erg' | 'fit'
type Opts = { signal?: AbortSignal }

/** GET /athlete/{id}/events/{eventId}/download{ext}: one planned workout, built with the athlete's settings. */
export function downloadEventFile(http: IcuHttp, athleteId: string, eventId: number, ext: WorkoutExt, o: Opts = {}): Promise<Uint8Array> {
  return http.request({ path: `/athlete/${encodeURIComponent(athleteId)}/events/${eventId}/download.${ext}`, binary: true, signal: o.signal })
}

/**
 * GET /athlete/{id}/workouts.zip: every planned workout in [oldest, newest] (inclusive, local dates)
 * in one zip, so a week of one athlete costs one request whatever the number of workouts.
 */
export function downloadWorkoutsZip(
  http: IcuHttp,
  athleteId: string,
  q: { ext: WorkoutExt; oldest: string; newest: string },
  o: Opts = {},
): Promise<Uint8Array> {
  return http.request({ path: `/athlete/${encodeURIComponent(athleteId)}/workouts.zip`, query: q, binary: true, signal: o.signal })
}
