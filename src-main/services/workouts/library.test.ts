import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MemorySecretStore } from '../../secrets/memory'
import { silentLogger } from '../../log'
import { startSim, type SimHandle } from '../../sim'
import { libraryOf, type SimLibrary } from '../../sim/library/store'
import { SessionService } from '../session'
import { LibraryService, athleteThresholds, libWorkout } from './library'

// The library service over loopback to the simulator's library of the coach.
const NOW = new Date('2026-12-03T09:30:00.000Z')
let sim: SimHandle
let session: SessionService
let library: LibraryService
let simLibrary: SimLibrary
const deps = () => ({ session, now: () => NOW })

beforeEach(async () => {
  sim = await startSim({ rateLimit: false })
  session = new SessionService({
    keychain: new MemorySecretStore(),
    baseUrl: sim.url,
    log: silentLogger,
    limiter: { perSecond: 100, burst: 100, maxInFlight: 8 },
    startDemo: () => Promise.reject(new Error('no demo')),
    onChange: () => {},
  })
  await session.connect(sim.coachId, sim.apiKey, 'memory')
  library = new LibraryService(deps())
  simLibrary = libraryOf(sim.state, sim.state.coach)
  sim.resetRequests()
})
afterEach(async () => {
  await session.dispose()
  await sim.close()
})

const folderReads = () => sim.requests.filter((r) => r.method === 'GET' && r.path === `/api/v1/athlete/${sim.coachId}/folders`).length

describe('the coach’s library', () => {
  it('is read with one request and kept until asked again, or until the account changes', async () => {
    const first = await library.list()
    expect(first.fetchedAt).toBe('2026-12-03T09:30:00.000Z')
    expect(first.folders.map((f) => f.name)).toEqual(simLibrary.folders.map((f) => f.name))
    expect(await library.list()).toBe(first)
    expect(folderReads()).toBe(1)
    await library.list(true)
    expect(folderReads()).toBe(2)
    await session.connect(sim.coachId, sim.apiKey, 'memory')
    await library.list()
    expect(folderReads()).toBe(3)
  })

  it('shows a plan as a plan, fills what intervals.icu leaves out, and leaves out entries without an id', async () => {
    simLibrary.folders.push({ id: 9001, name: null, type: 'PLAN', description: null }, { id: null, name: 'No id' })
    simLibrary.workouts.push(
      { id: 9101, folder_id: 9001, name: null, type: null, description: null, day: null, indoor: null },
      { id: null, folder_id: 9001, name: 'No id either' },
    )
    const lib = await library.list()
    expect(lib.folders.map((f) => f.name)).not.toContain('No id')
    expect(lib.folders.find((f) => f.id === 9001)).toEqual({
      id: 9001,
      name: 'Folder',
      kind: 'PLAN',
      description: '',
      workouts: [{ id: 9101, folderId: 9001, name: 'Workout', sport: 'Ride', description: '', movingSecs: null, load: null, day: null, indoor: false }],
    })
    expect(lib.folders.filter((f) => f.kind === 'FOLDER').length).toBe(simLibrary.folders.filter((f) => f.type !== 'PLAN' && f.id).length)
  })

  it('reads a workout as the library holds it now', async () => {
    const w = simLibrary.workouts.find((x) => x.name === 'Sweet spot 3x12')!
    w.description = '- 3x12m 90%'
    expect(await library.get(w.id!)).toMatchObject({ id: w.id, name: 'Sweet spot 3x12', description: '- 3x12m 90%', folderId: w.folder_id })
  })

  it('saves text into a folder: indoor when the sport is virtual unless said otherwise, and reads the library again after', async () => {
    await library.list()
    const folderId = simLibrary.folders[0]!.id!
    const virtual = await library.save({ kind: 'text', name: 'Zwift VO2', sport: 'VirtualRide', description: '- 5x3m 120%' }, { id: folderId })
    const outside = await library.save({ kind: 'text', name: 'Road tempo', sport: 'Ride', description: '- 2x20m 85%' }, { id: folderId })
    const trainer = await library.save({ kind: 'text', name: 'Trainer tempo', sport: 'Ride', description: '- 2x20m 85%', indoor: true }, { id: folderId })
    const stored = (id: number) => simLibrary.workouts.find((x) => x.id === id)!
    expect(stored(virtual.id)).toMatchObject({ name: 'Zwift VO2', type: 'VirtualRide', description: '- 5x3m 120%', indoor: true, folder_id: folderId })
    expect(stored(outside.id)).toMatchObject({ name: 'Road tempo', type: 'Ride', indoor: false, folder_id: folderId })
    expect(stored(trainer.id)).toMatchObject({ indoor: true })
    expect(virtual).toMatchObject({ name: 'Zwift VO2', sport: 'VirtualRide', folderId, indoor: true })
    await library.list()
    expect(folderReads()).toBe(2)
  })

  it('saves into a new folder it makes first', async () => {
    const saved = await library.save({ kind: 'text', name: 'Hill repeats', sport: 'Run', description: '- 6x2m Z5 Pace' }, { newName: 'Spring block' })
    const folder = simLibrary.folders.find((f) => f.name === 'Spring block')!
    expect(folder).toMatchObject({ type: 'FOLDER' })
    expect(saved.folderId).toBe(folder.id)
    expect(simLibrary.workouts.filter((w) => w.folder_id === folder.id).map((w) => w.name)).toEqual(['Hill repeats'])
  })

  it('saves a planned workout from an athlete’s calendar with its own text, and refuses anything but a workout', async () => {
    const athlete = sim.state.coached.find((a) => a.athlete.icu_permission === 'WRITE')!
    const event = athlete.events.find((e) => e.category === 'WORKOUT')!
    Object.assign(event, { name: 'Threshold 2x20', type: 'VirtualRide', description: '- 2x20m 95%', indoor: null })
    const saved = await library.save({ kind: 'event', athleteId: athlete.id, eventId: event.id! }, { id: simLibrary.folders[0]!.id! })
    expect(simLibrary.workouts.find((w) => w.id === saved.id)).toMatchObject({ name: 'Threshold 2x20', type: 'VirtualRide', description: '- 2x20m 95%', indoor: false })

    const bare = athlete.events.filter((e) => e.category === 'WORKOUT')[1]!
    Object.assign(bare, { name: null, type: null, description: null, indoor: true })
    const saved2 = await library.save({ kind: 'event', athleteId: athlete.id, eventId: bare.id! }, { id: simLibrary.folders[0]!.id! })
    expect(simLibrary.workouts.find((w) => w.id === saved2.id)).toMatchObject({ name: 'Workout', type: 'Ride', description: '', indoor: true })

    const note = athlete.events.find((e) => e.category === 'NOTE') ?? athlete.events.find((e) => e.category !== 'WORKOUT')!
    const before = simLibrary.workouts.length
    await expect(library.save({ kind: 'event', athleteId: athlete.id, eventId: note.id! }, { newName: 'Never made' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Only workouts can be saved to the library.',
    })
    expect(simLibrary.workouts.length).toBe(before)
    expect(simLibrary.folders.map((f) => f.name)).not.toContain('Never made')
  })

  it('says so when intervals.icu answers a new folder without its id, and saves no workout', async () => {
    const before = simLibrary.workouts.length
    sim.addFault({ method: 'POST', path: `/api/v1/athlete/${sim.coachId}/folders`, status: 200, body: { name: 'Spring block' } })
    await expect(library.save({ kind: 'text', name: 'Hill repeats', sport: 'Run', description: '- 6x2m Z5 Pace' }, { newName: 'Spring block' })).rejects.toMatchObject({
      code: 'SERVER',
      message: 'intervals.icu did not answer with the new folder.',
    })
    expect(simLibrary.workouts.length).toBe(before)
  })
})

describe('an athlete’s thresholds per sport', () => {
  it('gives FTP, LTHR, max HR and threshold pace for each group of sports, skipping what is not there', async () => {
    const athlete = sim.state.coached[0]!
    athlete.sportSettings = [
      { types: ['Ride', 'VirtualRide'], ftp: 250, lthr: 165, max_hr: 190, threshold_pace: null },
      { types: ['Run'], ftp: null, lthr: 170, max_hr: null, threshold_pace: 4.2 },
      // A null entry and a type that is not a name: the API's schema allows neither, a tolerant reader skips both.
      null as never,
      { types: ['Swim', 7 as never], ftp: null, lthr: null, max_hr: null, threshold_pace: 1.4 },
    ]
    expect(await athleteThresholds(deps(), athlete.id)).toEqual([
      { types: ['Ride', 'VirtualRide'], ftp: 250, lthr: 165, maxHr: 190, thresholdPaceMps: null },
      { types: ['Run'], ftp: null, lthr: 170, maxHr: null, thresholdPaceMps: 4.2 },
      { types: ['Swim'], ftp: null, lthr: null, maxHr: null, thresholdPaceMps: 1.4 },
    ])
    athlete.sportSettings = []
    expect(await athleteThresholds(deps(), athlete.id)).toEqual([])
  })
})

describe('a library workout as the window shows it', () => {
  it('fills every field intervals.icu left out, and keeps those it gave', () => {
    expect(libWorkout({})).toEqual({ id: 0, folderId: null, name: 'Workout', sport: 'Ride', description: '', movingSecs: null, load: null, day: null, indoor: false })
    expect(
      libWorkout({ id: 5, folder_id: 7, name: 'Long run', type: 'Run', description: '- 90m Z2 HR', moving_time: 5400, icu_training_load: 80, day: 3, indoor: true }),
    ).toEqual({ id: 5, folderId: 7, name: 'Long run', sport: 'Run', description: '- 90m Z2 HR', movingSecs: 5400, load: 80, day: 3, indoor: true })
  })
})
