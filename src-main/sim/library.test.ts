import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeZwo } from './downloadWriters'
import { parseWorkout } from '../workouts/parse'
import { libraryOf } from './library/store'
import { client, startTestSim } from './testHarness'
import type { CalendarEvent, SimHandle } from './types'

type Json = Record<string, unknown>

describe('the workout library endpoints', () => {
  let sim: SimHandle
  let api: ReturnType<typeof client>
  beforeEach(async () => {
    sim = await startTestSim()
    api = client(sim)
  })
  afterEach(() => sim.close())

  it('lists the coach’s seeded folders and plan with their workouts as children', async () => {
    const res = await api.get(`/athlete/${sim.coachId}/folders`)
    expect(res.status).toBe(200)
    const folders = res.body as Json[]
    expect(folders.map((f) => [f.name, f.type])).toEqual([
      ['Bike – key sessions', 'FOLDER'],
      ['Run – key sessions', 'FOLDER'],
      ['Swim sets', 'FOLDER'],
      ['Base build – 4 weeks', 'PLAN'],
    ])
    const plan = folders[3]!
    const days = (plan.children as Json[]).map((w) => w.day)
    expect(days).toEqual([...days].sort((a, b) => Number(a) - Number(b)))
    expect(plan.num_workouts).toBe(12)
    const sst = (folders[0]!.children as Json[]).find((w) => w.name === 'Sweet spot 3x12')!
    expect(sst.moving_time).toBe(15 * 60 + 3 * 17 * 60 + 10 * 60)
    expect(sst.icu_training_load).toBeGreaterThan(50)
    expect((sst.workout_doc as { steps: unknown[] }).steps).toHaveLength(3)
  })

  it('creates a folder and a workout from text, parsing it as the server does', async () => {
    const folder = (await api.post(`/athlete/${sim.coachId}/folders`, { name: 'Mine' })).body as Json
    const res = await api.post(`/athlete/${sim.coachId}/workouts`, { name: '4x4', type: 'Ride', folder_id: folder.id, description: '4x\n- 4m 110%\n- 4m 55%' })
    expect(res.status).toBe(200)
    const w = res.body as Json
    expect(w).toMatchObject({ folder_id: folder.id, moving_time: 32 * 60 })
    expect((await api.get(`/athlete/${sim.coachId}/workouts/${String(w.id)}`)).body).toMatchObject({ name: '4x4' })
    expect(libraryOf(sim.state, sim.state.coach).workouts.some((x) => x.id === w.id)).toBe(true)
  })

  it('converts a .zwo file sent as file_contents into the text description', async () => {
    const zwo = writeZwo({ name: 'Z', sport: 'Ride', parsed: parseWorkout('- 10m ramp 50%-75%\n\n3x\n- 2m 105%\n- 1m 55%') })
    const w = (await api.post(`/athlete/${sim.coachId}/workouts`, { file_contents: zwo, filename: 'z.zwo' })).body as Json
    expect(w.name).toBe('Z')
    expect(w.description).toBe('- 10m ramp 50%-75%\n\n3x\n- 2m 105%\n- 1m 55%')
    expect(w.moving_time).toBe(19 * 60)
  })

  it('refuses bad bodies with 422 and unknown ids with 404, and writes nothing', async () => {
    const before = libraryOf(sim.state, sim.state.coach).workouts.length
    expect((await api.post(`/athlete/${sim.coachId}/workouts`, { description: '- 1m 50%' })).status).toBe(422)
    expect((await api.post(`/athlete/${sim.coachId}/workouts`, { name: 'x', folder_id: 1 })).status).toBe(422)
    expect((await api.post(`/athlete/${sim.coachId}/workouts`, { name: 'x', file_contents: 'junk', filename: 'x.zwo' })).status).toBe(422)
    expect((await api.post(`/athlete/${sim.coachId}/workouts/bulk`, [{ name: 'ok' }, { name: '' }])).status).toBe(422)
    expect((await api.get(`/athlete/${sim.coachId}/workouts/1`)).status).toBe(404)
    expect((await api.get(`/athlete/i999999/folders`)).status).toBe(403)
    expect(libraryOf(sim.state, sim.state.coach).workouts.length).toBe(before)
  })

  it('deletes a folder with its workouts', async () => {
    const folders = (await api.get(`/athlete/${sim.coachId}/folders`)).body as Json[]
    expect((await api.del(`/athlete/${sim.coachId}/folders/${String(folders[2]!.id)}`)).status).toBe(200)
    const left = (await api.get(`/athlete/${sim.coachId}/workouts`)).body as Json[]
    expect(left.some((w) => w.folder_id === folders[2]!.id)).toBe(false)
  })
})

describe('events carry the structure the server parses from their text', () => {
  let sim: SimHandle
  let api: ReturnType<typeof client>
  beforeEach(async () => {
    sim = await startTestSim()
    api = client(sim)
  })
  afterEach(() => sim.close())
  const athlete = 'i100001'

  it('fills workout_doc, time and load for a workout, and leaves prose at zero load', async () => {
    const day = { category: 'WORKOUT', type: 'Ride', start_date_local: '2026-03-20T00:00:00' }
    const planned = (await api.post(`/athlete/${athlete}/events`, { ...day, name: 'W', description: '- 1h 100%' })).body as CalendarEvent
    expect(planned).toMatchObject({ moving_time: 3600, icu_training_load: 100 })
    expect((planned.workout_doc as unknown as { steps: unknown[] }).steps).toEqual([{ duration: 3600, power: { value: 100, units: '%ftp' } }])
    const prose = (await api.post(`/athlete/${athlete}/events`, { ...day, name: 'P', description: 'Ride easy with friends' })).body as CalendarEvent
    expect(prose).toMatchObject({ icu_training_load: 0, workout_doc: { steps: [] } })
  })

  it('re-parses on an edit of the text, and keeps the structure on a move', async () => {
    const made = (await api.post(`/athlete/${athlete}/events`, { category: 'WORKOUT', type: 'Ride', name: 'W', start_date_local: '2026-03-20', description: '- 30m 50%' })).body as CalendarEvent
    const edited = (await api.put(`/athlete/${athlete}/events/${made.id}`, { description: '- 1h 100%' })).body as CalendarEvent
    expect(edited.moving_time).toBe(3600)
    const moved = (await api.put(`/athlete/${athlete}/events/${made.id}`, { start_date_local: '2026-03-21T00:00:00' })).body as CalendarEvent
    expect(moved.icu_training_load).toBe(100)
  })

  it('creates a workout event from an .mrc file', async () => {
    const mrc = '[COURSE HEADER]\nFILE NAME = Steady\nMINUTES PERCENT\n[END COURSE HEADER]\n[COURSE DATA]\n0 75\n60 75\n[END COURSE DATA]'
    const e = (await api.post(`/athlete/${athlete}/events`, { category: 'WORKOUT', start_date_local: '2026-03-20', file_contents: mrc, filename: 'steady.mrc' })).body as CalendarEvent
    expect(e).toMatchObject({ name: 'Steady', type: 'Ride', description: '- 1h 75%', moving_time: 3600, icu_training_load: 56 })
  })
})
