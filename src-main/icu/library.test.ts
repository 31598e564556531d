import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../log'
import { startSim, type SimHandle } from '../sim'
import { libraryOf } from '../sim/library/store'
import { IcuHttp } from './http'
import { RateLimiter } from './limiter'
import { createFolder, createWorkout, getWorkout, listFolders, listWorkouts } from './library'
import { downloadEventFile, downloadWorkoutsZip } from './downloads'

// The library and workout-file endpoints against the simulator: the request it receives, and what it
// holds after a write.

let sim: SimHandle
let http: IcuHttp
beforeAll(async () => {
  sim = await startSim({ rateLimit: false })
  http = new IcuHttp({
    baseUrl: sim.url,
    apiKey: () => sim.apiKey,
    limiter: new RateLimiter({ perSecond: 1000, burst: 1000, maxInFlight: 4 }),
    log: silentLogger,
    timeoutMs: 5000,
    backoffBaseMs: 5,
  })
})
afterAll(() => sim.close())
beforeEach(() => {
  sim.clearFaults()
  sim.resetRequests()
})

const last = () => {
  const r = sim.requests.at(-1)!
  return { method: r.method, path: r.path, query: Object.fromEntries(new URLSearchParams(r.query)), body: r.body }
}
const library = () => libraryOf(sim.state, sim.state.coach)

describe('the workout library', () => {
  it('lists the coach’s folders and plans with their workouts', async () => {
    const folders = await listFolders(http, sim.coachId)
    expect(last()).toMatchObject({ method: 'GET', path: '/api/v1/athlete/i100000/folders' })
    expect(folders?.map((f) => f.name)).toEqual(library().folders.map((f) => f.name))
    expect(folders?.find((f) => f.type === 'PLAN')?.children?.length).toBeGreaterThan(0)
  })

  it('a new folder is a POST of its name, and the server holds it', async () => {
    const made = await createFolder(http, sim.coachId, { name: 'Threshold block', type: 'FOLDER' })
    expect(last()).toMatchObject({ method: 'POST', path: '/api/v1/athlete/i100000/folders', body: { name: 'Threshold block', type: 'FOLDER' } })
    expect(library().folders.find((f) => f.id === made.id)?.name).toBe('Threshold block')
  })

  it('a new workout is a POST, the server holds it, and it reads back by id and in the whole list', async () => {
    const folderId = library().folders[0]!.id!
    const made = await createWorkout(http, sim.coachId, { name: 'Over-unders 4x9', type: 'Ride', folder_id: folderId, description: '3x\n- 12m 90%\n- 4m 55%' })
    expect(last()).toMatchObject({ method: 'POST', path: '/api/v1/athlete/i100000/workouts', body: { name: 'Over-unders 4x9' } })
    expect(library().workouts.filter((w) => w.name === 'Over-unders 4x9').map((w) => w.id)).toEqual([made.id])
    const one = await getWorkout(http, sim.coachId, made.id!)
    expect(last()).toMatchObject({ method: 'GET', path: `/api/v1/athlete/i100000/workouts/${made.id}` })
    expect(one).toMatchObject({ id: made.id, name: 'Over-unders 4x9', folder_id: folderId })
    const all = await listWorkouts(http, sim.coachId)
    expect(last()).toMatchObject({ method: 'GET', path: '/api/v1/athlete/i100000/workouts' })
    expect(all?.map((w) => w.id)).toEqual(library().workouts.map((w) => w.id))
  })

  it('reaches an athlete id that needs encoding as one path segment', async () => {
    await expect(listFolders(http, 'i1/x')).rejects.toBeDefined()
    expect(last().path).toBe('/api/v1/athlete/i1%2Fx/folders')
  })
})

describe('workout files', () => {
  const workout = () => sim.state.athlete('i100001')!.events.find((e) => e.category === 'WORKOUT' && e.type === 'Ride')!
  const text = (b: Uint8Array) => new TextDecoder().decode(b)

  it('one planned workout as .zwo and as .fit: the bytes the server built for that format', async () => {
    const e = workout()
    const zwo = await downloadEventFile(http, 'i100001', e.id!, 'zwo')
    expect(last()).toMatchObject({ method: 'GET', path: `/api/v1/athlete/i100001/events/${e.id}/download.zwo` })
    expect(text(zwo)).toContain('<workout_file>')
    const fit = await downloadEventFile(http, 'i100001', e.id!, 'fit')
    expect(last().path).toBe(`/api/v1/athlete/i100001/events/${e.id}/download.fit`)
    // A FIT file says so at bytes 8 to 11.
    expect(text(fit.subarray(8, 12))).toBe('.FIT')
  })

  it('a range of workouts as one zip: the format and the dates go in the query', async () => {
    const day = workout().start_date_local!.slice(0, 10)
    const zip = await downloadWorkoutsZip(http, 'i100001', { ext: 'mrc', oldest: day, newest: day })
    expect(last()).toMatchObject({ method: 'GET', path: '/api/v1/athlete/i100001/workouts.zip', query: { ext: 'mrc', oldest: day, newest: day } })
    // A zip starts with its local file header's signature, PK\3\4.
    expect([...zip.subarray(0, 4)]).toEqual([0x50, 0x4b, 3, 4])
  })
})
