import { resolveAthlete, type Access } from '../auth'
import { notFound, unprocessable } from '../errors'
import { createFolder, createWorkout, patchWorkout, readFolderInput, readWorkoutInput } from '../library/workoutModel'
import { folderWithChildren, libraryOf, type SimFolder, type SimLibrary, type SimWorkout } from '../library/store'
import { intParam, pathParam, type Route, type RouteContext } from '../router'
import type { SimAthlete } from '../types'

// The workout library: GET/POST /folders, PUT/DELETE /folders/{id}, GET/POST /workouts, POST /workouts/bulk,
// GET/PUT/DELETE /workouts/{id}. There is no GET on /folders/{id}/workouts on the live API (405); the library
// is listed with GET /folders (children included) or GET /workouts.

function open(ctx: RouteContext, access: Access): { athlete: SimAthlete; library: SimLibrary } {
  const athlete = resolveAthlete(ctx.state, pathParam(ctx, 'id'), access)
  return { athlete, library: libraryOf(ctx.state, athlete) }
}

function findFolder(library: SimLibrary, id: number): SimFolder {
  const folder = library.folders.find((f) => f.id === id)
  if (!folder) throw notFound(`Folder ${id} not found`)
  return folder
}

function findWorkout(library: SimLibrary, id: number): SimWorkout {
  const workout = library.workouts.find((w) => w.id === id)
  if (!workout) throw notFound(`Workout ${id} not found`)
  return workout
}

function createMany(ctx: RouteContext): SimWorkout[] {
  const { athlete, library } = open(ctx, 'write')
  const body = ctx.body()
  if (!Array.isArray(body)) throw unprocessable('Expected a JSON array')
  // Every row is checked before any is written, so a bad row changes nothing.
  const inputs = body.map((row) => readWorkoutInput(row, library, true))
  return inputs.map((input) => createWorkout(library, athlete, input, ctx.now().toISOString()))
}

export const libraryRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/athlete/:id/folders',
    handler: (ctx) => {
      const { library } = open(ctx, 'read')
      return library.folders.map((f) => folderWithChildren(library, f))
    },
  },
  {
    method: 'POST',
    pattern: '/athlete/:id/folders',
    handler: (ctx) => {
      const { athlete, library } = open(ctx, 'write')
      return folderWithChildren(library, createFolder(library, athlete, readFolderInput(ctx.body(), true)))
    },
  },
  {
    method: 'PUT',
    pattern: '/athlete/:id/folders/:folderId',
    handler: (ctx) => {
      const { library } = open(ctx, 'write')
      const folder = findFolder(library, intParam(ctx, 'folderId'))
      Object.assign(folder, readFolderInput(ctx.body(), false))
      return folderWithChildren(library, folder)
    },
  },
  {
    method: 'DELETE',
    pattern: '/athlete/:id/folders/:folderId',
    handler: (ctx) => {
      const { library } = open(ctx, 'write')
      const folder = findFolder(library, intParam(ctx, 'folderId'))
      // Deleting a folder deletes its workouts too.
      library.workouts = library.workouts.filter((w) => w.folder_id !== folder.id)
      library.folders = library.folders.filter((f) => f !== folder)
      return {}
    },
  },
  { method: 'GET', pattern: '/athlete/:id/workouts', handler: (ctx) => open(ctx, 'read').library.workouts },
  {
    method: 'POST',
    pattern: '/athlete/:id/workouts',
    handler: (ctx) => {
      const { athlete, library } = open(ctx, 'write')
      return createWorkout(library, athlete, readWorkoutInput(ctx.body(), library, true), ctx.now().toISOString())
    },
  },
  { method: 'POST', pattern: '/athlete/:id/workouts/bulk', handler: createMany },
  {
    method: 'GET',
    pattern: '/athlete/:id/workouts/:workoutId',
    handler: (ctx) => findWorkout(open(ctx, 'read').library, intParam(ctx, 'workoutId')),
  },
  {
    method: 'PUT',
    pattern: '/athlete/:id/workouts/:workoutId',
    handler: (ctx) => {
      const { athlete, library } = open(ctx, 'write')
      const workout = findWorkout(library, intParam(ctx, 'workoutId'))
      patchWorkout(workout, readWorkoutInput(ctx.body(), library, false), athlete, ctx.now().toISOString())
      return workout
    },
  },
  {
    method: 'DELETE',
    pattern: '/athlete/:id/workouts/:workoutId',
    handler: (ctx) => {
      const { library } = open(ctx, 'write')
      const workout = findWorkout(library, intParam(ctx, 'workoutId'))
      library.workouts = library.workouts.filter((w) => w !== workout)
      return [workout.id]
    },
  },
]
