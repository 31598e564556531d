import { resolveAthlete } from '../auth'
import { unprocessable } from '../errors'
import { FileBody } from '../fileBody'
import { requiredLocalDate, required } from '../params'
import { intParam, pathParam, type Route, type RouteContext } from '../router'
import { findEvent } from './eventStore'
import { WORKOUT_EXTS, isWorkoutExt, workoutFile, workoutsZip, type WorkoutExt } from '../workoutFiles'

/** GET /athlete/{id}/events/{eventId}/download{ext}: one planned workout as a file. */
function downloadOne(ext: WorkoutExt) {
  return (ctx: RouteContext): FileBody => {
    const athlete = resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'read')
    const event = findEvent(athlete, intParam(ctx, 'eventId'))
    const file = workoutFile(athlete, event, ext, ctx.now())
    return new FileBody(file.bytes, file.contentType, file.fileName)
  }
}

/** GET /athlete/{id}/workouts.zip?ext&oldest&newest: the range's workouts in one zip. */
function downloadZip(ctx: RouteContext): FileBody {
  const athlete = resolveAthlete(ctx.state, pathParam(ctx, 'id'), 'read')
  const ext = required(ctx.query, 'ext').replace(/^\./, '').toLowerCase()
  if (!isWorkoutExt(ext)) throw unprocessable(`Unsupported ext [${ext}]`)
  const oldest = requiredLocalDate(ctx.query, 'oldest')
  const newest = requiredLocalDate(ctx.query, 'newest')
  return new FileBody(workoutsZip(athlete, ext, oldest, newest, ctx.now(), ctx.profile.zip), 'application/zip', 'workouts.zip')
}

export const downloadRoutes: Route[] = [
  ...WORKOUT_EXTS.map((ext): Route => ({ method: 'GET', pattern: `/athlete/:id/events/:eventId/download.${ext}`, handler: downloadOne(ext) })),
  { method: 'GET', pattern: '/athlete/:id/workouts.zip', handler: downloadZip },
]
