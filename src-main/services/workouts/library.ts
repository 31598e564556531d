import type { LibFolder, LibWorkout, Library, SportThresholds } from '../../contract/workouts'
import { AppError } from '../../contract/errors'
import { getAthlete, getEvent } from '../../icu/api'
import { createFolder, createWorkout, getWorkout, listFolders, type Folder, type Workout } from '../../icu/library'
import { num } from '../decode'
import type { ServiceDeps } from '../deps'

// The coach's intervals.icu workout library, read with one request (GET /folders carries every folder's
// workouts) and kept until the coach saves to it or asks again. It belongs to the coach's own athlete id.

type Deps = Pick<ServiceDeps, 'session' | 'now'>

export function libWorkout(w: Workout): LibWorkout {
  return {
    id: w.id ?? 0,
    folderId: num(w.folder_id),
    name: w.name ?? 'Workout',
    sport: w.type ?? 'Ride',
    description: w.description ?? '',
    movingSecs: num(w.moving_time),
    load: num(w.icu_training_load),
    day: num(w.day),
    indoor: w.indoor === true,
  }
}

function libFolder(f: Folder): LibFolder {
  return {
    id: f.id ?? 0,
    name: f.name ?? 'Folder',
    kind: f.type === 'PLAN' ? 'PLAN' : 'FOLDER',
    description: f.description ?? '',
    workouts: (f.children ?? []).filter((w): w is Workout => !!w && typeof w.id === 'number').map(libWorkout),
  }
}

export type SaveSource =
  | { kind: 'text'; name: string; sport: string; description: string; indoor?: boolean }
  | { kind: 'event'; athleteId: string; eventId: number }

export class LibraryService {
  private cache: { generation: number; library: Library } | null = null

  constructor(private readonly deps: Deps) {}

  async list(refresh = false): Promise<Library> {
    const generation = this.deps.session.generation
    if (refresh || !this.cache || this.cache.generation !== generation) {
      const folders = (await listFolders(this.deps.session.http(), this.deps.session.coachId())) ?? []
      const library = {
        folders: folders.filter((f): f is Folder => !!f && typeof f.id === 'number').map(libFolder),
        fetchedAt: this.deps.now().toISOString(),
      }
      this.cache = { generation, library }
    }
    return this.cache.library
  }

  /** One workout as the library has it now (its text may have changed since the list was read). */
  async get(workoutId: number): Promise<LibWorkout> {
    return libWorkout(await getWorkout(this.deps.session.http(), this.deps.session.coachId(), workoutId))
  }

  async save(source: SaveSource, folder: { id: number } | { newName: string }): Promise<LibWorkout> {
    const http = this.deps.session.http()
    const coachId = this.deps.session.coachId()
    const body = await this.bodyOf(source)
    const folderId = 'id' in folder ? folder.id : requireId((await createFolder(http, coachId, { name: folder.newName, type: 'FOLDER' })).id)
    const saved = await createWorkout(http, coachId, { ...body, folder_id: folderId })
    this.cache = null
    return libWorkout(saved)
  }

  private async bodyOf(source: SaveSource): Promise<Record<string, unknown>> {
    if (source.kind === 'text') {
      return { name: source.name, type: source.sport, description: source.description, indoor: source.indoor ?? source.sport.startsWith('Virtual') }
    }
    const e = await getEvent(this.deps.session.http(), source.athleteId, source.eventId)
    if (e.category !== 'WORKOUT') throw new AppError('INVALID_INPUT', 'Only workouts can be saved to the library.')
    return { name: e.name ?? 'Workout', type: e.type ?? 'Ride', description: e.description ?? '', indoor: e.indoor === true }
  }
}

/** Each sport's numbers that turn relative targets into load: FTP, LTHR, max HR and threshold pace (m/s). */
export async function athleteThresholds(deps: Deps, athleteId: string): Promise<SportThresholds[]> {
  const a = await getAthlete(deps.session.http(), athleteId)
  return (a.sportSettings ?? []).filter(Boolean).map((s) => ({
    types: (s.types ?? []).filter((t): t is NonNullable<typeof t> => typeof t === 'string') as string[],
    ftp: num(s.ftp),
    lthr: num(s.lthr),
    maxHr: num(s.max_hr),
    thresholdPaceMps: num(s.threshold_pace),
  }))
}

function requireId(id: number | undefined): number {
  if (typeof id !== 'number') throw new AppError('SERVER', 'intervals.icu did not answer with the new folder.')
  return id
}
