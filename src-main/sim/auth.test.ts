import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_COACH_ID, UNCOACHED_ATHLETE_ID } from './constants'
import { basicAuth, client, startTestSim } from './testHarness'
import type { SimHandle } from './types'

describe('authentication and access, as intervals.icu answers them', () => {
  let sim: SimHandle
  beforeAll(async () => {
    sim = await startTestSim()
  })
  afterAll(() => sim.close())

  it('answers 401 Unauthorized without credentials or with an empty password', async () => {
    const none = await client(sim, null).get('/athlete/0')
    expect(none.status).toBe(401)
    expect(none.body).toEqual({ status: 401, error: 'Unauthorized' })
    const empty = await client(sim, basicAuth('')).get('/athlete/0')
    expect(empty.status).toBe(401)
  })

  it('answers 403 Access denied for a wrong key, a wrong user name or a Bearer token', async () => {
    for (const authorization of [basicAuth('not-the-key'), basicAuth(sim.apiKey, 'athlete'), `Bearer ${sim.apiKey}`]) {
      const res = await client(sim, authorization).get('/athlete/0')
      expect(res.status).toBe(403)
      expect(res.body).toEqual({ status: 403, error: 'Access denied' })
    }
  })

  it('answers 500 with the decoder message for a badly encoded Basic header', async () => {
    const res = await client(sim, 'Basic abc').get('/athlete/0')
    expect(res.status).toBe(500)
    expect(res.body).toMatchObject({ status: 500, error: expect.stringContaining('ending byte') })
  })

  it('treats athlete id 0 as the coach behind the key', async () => {
    const res = await client(sim).get('/athlete/0')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id: DEMO_COACH_ID, timezone: 'Europe/London', custom_items: [] })
    expect((res.body as { sportSettings: unknown[] }).sportSettings.length).toBeGreaterThan(0)
  })

  it('refuses an athlete the coach does not coach, existing or not', async () => {
    for (const id of [UNCOACHED_ATHLETE_ID, 'i123']) {
      const res = await client(sim).get(`/athlete/${id}/wellness?oldest=2026-03-01&newest=2026-03-02`)
      expect(res.status, id).toBe(403)
      expect(res.body).toEqual({ status: 403, error: 'Access denied' })
    }
  })

  it('lets the coach read a read-only athlete but not write to their calendar', async () => {
    const readOnly = sim.state.coached.find((a) => a.athlete.icu_permission === 'READ')
    expect(readOnly).toBeDefined()
    const api = client(sim)
    expect((await api.get(`/athlete/${readOnly?.id}/events?oldest=2026-03-01`)).status).toBe(200)
    const before = readOnly?.events.length
    const write = await api.post(`/athlete/${readOnly?.id}/events`, { category: 'NOTE', start_date_local: '2026-03-12', name: 'x' })
    expect(write.status).toBe(403)
    expect(readOnly?.events.length).toBe(before)
  })

  it('answers unknown routes with Spring’s 404 page and wrong methods with 405', async () => {
    const res = await client(sim).get('/athlete/0/no-such-thing')
    expect(res.status).toBe(404)
    expect(res.body).toMatchObject({ status: 404, error: 'Not Found', path: '/api/v1/athlete/0/no-such-thing' })
    expect(typeof (res.body as { timestamp: unknown }).timestamp).toBe('string')
    const wrongMethod = await client(sim).del('/athletes')
    expect(wrongMethod.status).toBe(405)
  })

  it('answers 422 with Spring’s message when a required parameter is missing', async () => {
    const res = await client(sim).get('/athlete/0/activities')
    expect(res.status).toBe(422)
    expect(res.body).toEqual({
      status: 422,
      error: "Required request parameter 'oldest' for method parameter type String is not present",
    })
  })
})
