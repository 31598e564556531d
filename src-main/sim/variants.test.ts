import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_PROFILE } from './profile'
import { client, startTestSim } from './testHarness'
import type { CalendarEvent, SimHandle } from './types'

// Each reading of the event axes of the profile, over loopback HTTP, checked on the stored state.

describe('the simulator’s readings of what the documentation leaves open', () => {
  let sim: SimHandle
  let api: ReturnType<typeof client>
  const athlete = 'i100001'
  const bulk = `/athlete/${athlete}/events/bulk?upsertOnUid=true&updatePlanApplied=false`
  beforeAll(async () => {
    sim = await startTestSim()
    api = client(sim)
  })
  beforeEach(() => {
    sim.setProfile(DEFAULT_PROFILE)
    sim.clearFaults()
    const a = sim.state.athlete(athlete)
    if (a) a.events = []
  })
  afterAll(() => sim.close())

  const stored = (): CalendarEvent[] => sim.state.athlete(athlete)?.events ?? []
  const storedById = (id: number | null | undefined): CalendarEvent | undefined => stored().find((e) => e.id === id)
  const note = (date: string, extra: Partial<CalendarEvent> = {}) => ({ category: 'NOTE', name: 'note', start_date_local: date, ...extra })
  async function ok<T>(res: Promise<{ status: number; body: unknown }>): Promise<T> {
    const answer = await res
    expect(answer.status).toBe(200)
    return answer.body as T
  }

  describe('uid', () => {
    it('kept: the client’s uid is stored, echoed and matched', async () => {
      const created = await ok<CalendarEvent>(api.post(`/athlete/${athlete}/events?upsertOnUid=true`, note('2026-03-12', { uid: 'client-1' })))
      expect(created.uid).toBe('client-1')
      const again = await ok<CalendarEvent>(api.post(`/athlete/${athlete}/events?upsertOnUid=true`, note('2026-03-12', { uid: 'client-1', name: 'v2' })))
      expect(again.id).toBe(created.id)
      expect(stored()).toHaveLength(1)
      expect(stored()[0]).toMatchObject({ uid: 'client-1', name: 'v2' })
      expect((await ok<CalendarEvent>(api.get(`/athlete/${athlete}/events/${created.id}`))).uid).toBe('client-1')
    })

    it('notEchoed: the uid is stored and matched, and no answer that returns events carries it', async () => {
      sim.setProfile({ uid: 'notEchoed' })
      const answers: CalendarEvent[] = []
      const one = await ok<CalendarEvent>(api.post(`/athlete/${athlete}/events?upsertOnUid=true`, note('2026-03-12', { uid: 'client-1' })))
      answers.push(one)
      answers.push(...(await ok<CalendarEvent[]>(api.post(bulk, [note('2026-03-13', { uid: 'client-2' })]))))
      answers.push(await ok<CalendarEvent>(api.put(`/athlete/${athlete}/events/${one.id}`, { name: 'renamed', uid: 'client-1' })))
      answers.push(...(await ok<CalendarEvent[]>(api.put(`/athlete/${athlete}/events?oldest=2026-03-12&newest=2026-03-13`, { hide_from_athlete: true }))))
      answers.push(...(await ok<CalendarEvent[]>(api.get(`/athlete/${athlete}/events?oldest=2026-03-01&newest=2026-03-31`))))
      answers.push(await ok<CalendarEvent>(api.get(`/athlete/${athlete}/events/${one.id}`)))
      answers.push(...(await ok<CalendarEvent[]>(api.post(`/athlete/${athlete}/duplicate-events`, { eventIds: [one.id], numCopies: 1, weeksBetween: 1 }))))
      expect(answers).toHaveLength(9)
      for (const answer of answers) expect(answer).not.toHaveProperty('uid')
      // Stored all the same, and matched by a repeated create.
      expect(storedById(one.id)?.uid).toBe('client-1')
      const again = await ok<CalendarEvent>(api.post(`/athlete/${athlete}/events?upsertOnUid=true`, note('2026-03-12', { uid: 'client-1', name: 'v3' })))
      expect(again.id).toBe(one.id)
      expect(stored().filter((e) => e.uid === 'client-1')).toHaveLength(1)
      expect(storedById(one.id)?.name).toBe('v3')
    })

    it('replaced: the client’s uid is ignored, so a repeated create with upsertOnUid duplicates', async () => {
      sim.setProfile({ uid: 'replaced' })
      const first = await ok<CalendarEvent>(api.post(`/athlete/${athlete}/events?upsertOnUid=true`, note('2026-03-12', { uid: 'client-1' })))
      expect(first.uid).toMatch(/^[0-9a-f-]{36}$/)
      const second = await ok<CalendarEvent>(api.post(`/athlete/${athlete}/events?upsertOnUid=true`, note('2026-03-12', { uid: 'client-1' })))
      expect(second.id).not.toBe(first.id)
      const [rowAnswer] = await ok<CalendarEvent[]>(api.post(bulk, [note('2026-03-13', { uid: 'client-1' })]))
      expect(rowAnswer.uid).not.toBe('client-1')
      expect(stored()).toHaveLength(3)
      expect(stored().some((e) => e.uid === 'client-1')).toBe(false)
      // A PUT cannot set it either; the server's own uid still matches.
      await ok(api.put(`/athlete/${athlete}/events/${first.id}`, { uid: 'client-1' }))
      expect(storedById(first.id)?.uid).toBe(first.uid)
      const byServerUid = await ok<CalendarEvent>(api.post(`/athlete/${athlete}/events?upsertOnUid=true`, note('2026-03-12', { uid: first.uid, name: 'v2' })))
      expect(byServerUid.id).toBe(first.id)
      expect(storedById(first.id)?.name).toBe('v2')
    })
  })

  describe('bulkUpdate', () => {
    const workout = {
      category: 'WORKOUT',
      type: 'Ride',
      name: 'Tempo',
      start_date_local: '2026-03-14',
      description: '- 1h 80%',
      color: 'red',
      tags: ['build'],
      uid: 'w-1',
      end_date_local: '2026-03-14T18:00:00',
    }

    it('merge: a matching row changes only the fields it sends', async () => {
      const [created] = await ok<CalendarEvent[]>(api.post(bulk, [workout]))
      await ok(api.post(bulk, [{ category: 'WORKOUT', start_date_local: '2026-03-14', uid: 'w-1', name: 'Tempo long' }]))
      expect(stored()).toHaveLength(1)
      expect(storedById(created.id)).toMatchObject({ name: 'Tempo long', color: 'red', tags: ['build'], description: '- 1h 80%', type: 'Ride' })
      expect(storedById(created.id)?.icu_training_load).toBe(created.icu_training_load)
    })

    it('replace: a matching row clears every writable field it leaves out and parses the text again', async () => {
      sim.setProfile({ bulkUpdate: 'replace' })
      const [created] = await ok<CalendarEvent[]>(api.post(bulk, [workout]))
      expect(created.icu_training_load).toBeGreaterThan(0)
      const [answer] = await ok<CalendarEvent[]>(
        api.post(bulk, [{ category: 'WORKOUT', type: 'Ride', start_date_local: '2026-03-15', uid: 'w-1', name: 'Tempo long' }]),
      )
      const after = storedById(created.id)
      expect(stored()).toHaveLength(1)
      expect(answer.id).toBe(created.id)
      expect(after).toMatchObject({
        id: created.id,
        uid: 'w-1',
        athlete_id: athlete,
        created_by_id: sim.coachId,
        name: 'Tempo long',
        color: null,
        tags: null,
        description: null,
        start_date_local: '2026-03-15T00:00:00',
        end_date_local: '2026-03-16T00:00:00',
        icu_training_load: 0,
      })
      expect(after?.workout_doc).toEqual({ steps: [], duration: 0 })
      // A row with text gets it parsed as on create.
      await ok(api.post(bulk, [{ category: 'WORKOUT', type: 'Ride', start_date_local: '2026-03-15', uid: 'w-1', description: '- 30m 90%' }]))
      expect(storedById(created.id)).toMatchObject({ name: null, moving_time: 1800 })
      expect(storedById(created.id)?.icu_training_load).toBeGreaterThan(0)
    })

    it('replace applies to events/bulk only: a PUT by id still changes only what it sends', async () => {
      sim.setProfile({ bulkUpdate: 'replace' })
      const [created] = await ok<CalendarEvent[]>(api.post(bulk, [workout]))
      await ok(api.put(`/athlete/${athlete}/events/${created.id}`, { name: 'Renamed' }))
      expect(storedById(created.id)).toMatchObject({ name: 'Renamed', color: 'red', description: '- 1h 80%' })
    })
  })

  describe('target', () => {
    const target = (extra: Partial<CalendarEvent> = {}) => ({
      category: 'TARGET',
      type: 'Ride',
      name: 'Week target',
      start_date_local: '2026-03-16',
      load_target: 300,
      ...extra,
    })
    const targets = () => stored().filter((e) => e.category === 'TARGET')

    it('byDate: a TARGET row whose uid matches nothing updates the target of that day and type', async () => {
      const own = await ok<CalendarEvent>(api.post(`/athlete/${athlete}/events`, target({ uid: 'athlete-own' })))
      const [answer] = await ok<CalendarEvent[]>(api.post(bulk, [target({ uid: 'plan-target', load_target: 450, start_date_local: '2026-03-16T00:00:00' })]))
      expect(answer.id).toBe(own.id)
      expect(targets()).toHaveLength(1)
      expect(storedById(own.id)).toMatchObject({ load_target: 450, uid: 'athlete-own' })
      // Another type on the same day, or another day, is a new target.
      await ok(api.post(bulk, [target({ uid: 'run-target', type: 'Run' }), target({ uid: 'next-week', start_date_local: '2026-03-23' })]))
      expect(targets()).toHaveLength(3)
      // POST /events with upsertOnUid=true follows the same rule; without it, a target is added.
      const single = await ok<CalendarEvent>(api.post(`/athlete/${athlete}/events?upsertOnUid=true`, target({ load_target: 500 })))
      expect(single.id).toBe(own.id)
      expect(storedById(own.id)?.load_target).toBe(500)
      await ok(api.post(`/athlete/${athlete}/events`, target({ load_target: 600 })))
      expect(targets()).toHaveLength(4)
    })

    it('none: a TARGET row is created beside the athlete’s own target', async () => {
      sim.setProfile({ target: 'none' })
      const own = await ok<CalendarEvent>(api.post(`/athlete/${athlete}/events`, target({ uid: 'athlete-own' })))
      const [answer] = await ok<CalendarEvent[]>(api.post(bulk, [target({ uid: 'plan-target', load_target: 450 })]))
      expect(answer.id).not.toBe(own.id)
      expect(targets()).toHaveLength(2)
      expect(storedById(own.id)?.load_target).toBe(300)
      await ok(api.post(`/athlete/${athlete}/events?upsertOnUid=true`, target({ load_target: 500 })))
      expect(targets()).toHaveLength(3)
    })
  })

  describe('rangePut', () => {
    async function calendar() {
      const post = (body: unknown) => ok<CalendarEvent>(api.post(`/athlete/${athlete}/events`, body))
      return {
        // Starts before the range and runs into it.
        longHoliday: await post({ category: 'HOLIDAY', start_date_local: '2026-03-10', end_date_local: '2026-03-14T00:00:00' }),
        // Ends at midnight as the range begins: it does not overlap.
        dayBefore: await post(note('2026-03-11')),
        inside: await post(note('2026-03-12')),
        after: await post(note('2026-03-14')),
      }
    }
    const hidden = () => stored().filter((e) => e.hide_from_athlete).map((e) => e.id).sort()
    const range = `/athlete/${athlete}/events?oldest=2026-03-12&newest=2026-03-13`

    it('byStart: changes the events that start inside the range', async () => {
      const e = await calendar()
      const answer = await ok<CalendarEvent[]>(api.put(range, { hide_from_athlete: true }))
      expect(answer.map((a) => a.id)).toEqual([e.inside.id])
      expect(hidden()).toEqual([e.inside.id])
    })

    it('overlapping: changes every event that overlaps the range, multi-day ones that began before it too', async () => {
      sim.setProfile({ rangePut: 'overlapping' })
      const e = await calendar()
      const answer = await ok<CalendarEvent[]>(api.put(range, { hide_from_athlete: true, name: 'not applied' }))
      expect(answer.map((a) => a.id)).toEqual([e.longHoliday.id, e.inside.id])
      expect(hidden()).toEqual([e.longHoliday.id, e.inside.id].sort())
      expect(stored().some((s) => s.name === 'not applied')).toBe(false)
    })
  })

  describe('retryAfter', () => {
    it('an injected 429 sends its own Retry-After under either reading', async () => {
      for (const retryAfter of ['sent', 'absent'] as const) {
        sim.setProfile({ retryAfter })
        sim.addFault({ path: `/api/v1/athlete/${athlete}`, status: 429, retryAfter: 3600, times: 1 })
        sim.addFault({ path: `/api/v1/athlete/${athlete}`, status: 429, times: 1 })
        const long = await api.get(`/athlete/${athlete}`)
        expect(long.status).toBe(429)
        expect(long.headers.get('retry-after')).toBe('3600')
        const none = await api.get(`/athlete/${athlete}`)
        expect(none.status).toBe(429)
        expect(none.headers.get('retry-after')).toBeNull()
      }
    })

    it.each([
      ['sent', '1'],
      ['absent', null],
    ] as const)('%s: the rate limiter’s 429 carries Retry-After %s', async (retryAfter, header) => {
      const limited = await startTestSim({ rateLimit: { perSecond: 0.001, burst: 1 }, profile: { retryAfter } })
      try {
        const limitedApi = client(limited)
        expect((await limitedApi.get('/athlete/0')).status).toBe(200)
        const refused = await limitedApi.get('/athlete/0')
        expect(refused.status).toBe(429)
        expect(refused.headers.get('retry-after')).toBe(header)
      } finally {
        await limited.close()
      }
    })
  })
})
