import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { client, startTestSim } from './testHarness'
import type { SimHandle } from './types'

describe('fault injection and the request log', () => {
  let sim: SimHandle
  beforeAll(async () => {
    sim = await startTestSim()
  })
  beforeEach(() => {
    sim.clearFaults()
    sim.resetRequests()
    sim.setLatency(0)
  })
  afterAll(() => sim.close())

  it('answers the injected status for the given number of matching requests, then the real handler', async () => {
    sim.addFault({ path: '/api/v1/athlete/0', status: 503, retryAfter: 2, times: 2 })
    const api = client(sim)
    const first = await api.get('/athlete/0')
    expect(first.status).toBe(503)
    expect(first.body).toEqual({ status: 503, error: 'Service Unavailable' })
    expect(first.headers.get('retry-after')).toBe('2')
    expect((await api.get('/athlete/0')).status).toBe(503)
    expect((await api.get('/athlete/0')).status).toBe(200)
  })

  it('matches by method and RegExp path, and sends a custom body', async () => {
    sim.addFault({ method: 'POST', path: /\/events$/, status: 422, body: { status: 422, error: 'boom' } })
    const api = client(sim)
    const athlete = sim.state.coached[0].id
    expect((await api.get(`/athlete/${athlete}/events`)).status).toBe(200)
    const post = await api.post(`/athlete/${athlete}/events`, { category: 'NOTE', start_date_local: '2026-03-12' })
    expect(post).toMatchObject({ status: 422, body: { status: 422, error: 'boom' } })
  })

  it('uses the first matching rule in the order added', async () => {
    sim.addFault({ path: '/api/v1/athlete/0', status: 500, times: 1 })
    sim.addFault({ path: '/api/v1/athlete/0', status: 502, times: 1 })
    const api = client(sim)
    expect((await api.get('/athlete/0')).status).toBe(500)
    expect((await api.get('/athlete/0')).status).toBe(502)
  })

  it('drops the connection without an answer', async () => {
    sim.addFault({ path: '/api/v1/athlete/0', drop: true, times: 1 })
    await expect(client(sim).get('/athlete/0')).rejects.toThrow()
    expect(sim.requests[0]).toMatchObject({ method: 'GET', path: '/api/v1/athlete/0', status: 0 })
    expect((await client(sim).get('/athlete/0')).status).toBe(200)
  })

  it('delays an answer long enough to trip a client timeout', async () => {
    sim.addFault({ path: '/api/v1/athlete/0', delayMs: 400, times: 1 })
    await expect(client(sim).get('/athlete/0', { signal: AbortSignal.timeout(100) })).rejects.toThrow()
    const started = Date.now()
    expect((await client(sim).get('/athlete/0')).status).toBe(200)
    expect(Date.now() - started).toBeLessThan(300)
  })

  it('adds the configured latency to every response', async () => {
    sim.setLatency(150)
    const started = Date.now()
    await client(sim).get('/athlete/0')
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
  })

  it('logs every request in order with its status and query', async () => {
    const api = client(sim)
    await api.get('/athlete/0')
    await api.get('/athlete/0/activities?oldest=2026-03-01&limit=2')
    await api.get('/nope')
    expect(sim.requests.map((r) => [r.method, r.path, r.query, r.status])).toEqual([
      ['GET', '/api/v1/athlete/0', '', 200],
      ['GET', '/api/v1/athlete/0/activities', 'oldest=2026-03-01&limit=2', 200],
      ['GET', '/api/v1/nope', '', 404],
    ])
    sim.resetRequests()
    expect(sim.requests).toHaveLength(0)
  })
})
