import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSim, type SimHandle } from '../sim'
import { silentLogger } from '../log'
import { IcuHttp, type RetryNotice } from './http'
import { RateLimiter } from './limiter'
import { getAthlete, listActivities } from './api'

let sim: SimHandle
beforeAll(async () => {
  sim = await startSim({ rateLimit: { perSecond: 10, burst: 10 } })
})
afterAll(() => sim.close())
beforeEach(() => {
  sim.clearFaults()
  sim.resetRequests()
})

function client(opts: { key?: string | null; timeoutMs?: number; limiter?: RateLimiter; retries?: RetryNotice[] } = {}) {
  return new IcuHttp({
    baseUrl: sim.url,
    apiKey: () => (opts.key === undefined ? sim.apiKey : opts.key),
    limiter: opts.limiter ?? new RateLimiter({ perSecond: 100, burst: 100, maxInFlight: 8 }),
    log: silentLogger,
    timeoutMs: opts.timeoutMs ?? 5000,
    backoffBaseMs: 20,
    onRetry: (n) => opts.retries?.push(n),
  })
}

describe('IcuHttp against the simulator', () => {
  it('sends Basic auth as API_KEY:<key> and reads the athlete', async () => {
    const a = await getAthlete(client(), sim.coachId)
    expect(a.id).toBe(sim.coachId)
    expect(sim.requests.at(-1)).toMatchObject({ method: 'GET', status: 200 })
  })

  it('maps a wrong key to FORBIDDEN, an athlete the coach cannot see to FORBIDDEN, and no key to AUTH_MISSING', async () => {
    await expect(getAthlete(client({ key: 'not-the-key-000' }), sim.coachId)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(getAthlete(client(), 'i999999')).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'You have no access to this athlete.' })
    await expect(getAthlete(client({ key: null }), sim.coachId)).rejects.toMatchObject({ code: 'AUTH_MISSING' })
  })

  it('maps 401, 404 and 422 to their codes with the server message for 422', async () => {
    sim.addFault({ path: /\/athlete\/i100000$/, status: 401, body: { status: 401, error: 'Unauthorized' }, times: 1 })
    await expect(getAthlete(client(), sim.coachId)).rejects.toMatchObject({ code: 'AUTH_MISSING' })
    await expect(client().request({ path: '/no-such-route' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(client().request({ path: `/athlete/${sim.coachId}/activities` })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining("'oldest'"),
    })
  })

  it('rides out a 429 burst: the queue pauses, every request completes, none is lost', async () => {
    const retries: RetryNotice[] = []
    // A limiter looser than the server provokes 429s; each must be retried after Retry-After.
    const http = client({ limiter: new RateLimiter({ perSecond: 100, burst: 30, maxInFlight: 10 }), retries })
    const results = await Promise.all(
      Array.from({ length: 25 }, () => listActivities(http, sim.coachId, { oldest: '2026-11-01', limit: 1 })),
    )
    expect(results).toHaveLength(25)
    expect(results.every((r) => Array.isArray(r))).toBe(true)
    expect(sim.requests.filter((r) => r.status === 429).length).toBeGreaterThan(0)
    expect(retries.some((r) => r.reason === 'RATE_LIMITED' && r.delayMs >= 1000)).toBe(true)
    expect(sim.requests.filter((r) => r.status === 200)).toHaveLength(25)
  })

  it('retries a 5xx on GET with backoff, and gives up with SERVER after the last attempt', async () => {
    sim.addFault({ method: 'GET', status: 503, times: 2 })
    const a = await getAthlete(client(), sim.coachId)
    expect(a.id).toBe(sim.coachId)
    // 429s left over from the burst test above are not part of this story.
    expect(sim.requests.map((r) => r.status).filter((s) => s !== 429)).toEqual([503, 503, 200])
    sim.addFault({ method: 'GET', status: 500 })
    await expect(getAthlete(client(), sim.coachId)).rejects.toMatchObject({ code: 'SERVER' })
  })

  it('does not repeat a POST after a 5xx', async () => {
    sim.addFault({ method: 'POST', status: 502, times: 1 })
    await expect(
      client().request({ method: 'POST', path: `/athlete/${sim.coachId}/events`, body: { category: 'NOTE' } }),
    ).rejects.toMatchObject({ code: 'SERVER' })
    expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
  })

  it('times out an attempt that takes too long', async () => {
    sim.addFault({ method: 'GET', delayMs: 1500 })
    const started = Date.now()
    await expect(client({ timeoutMs: 200 }).request({ path: `/athlete/${sim.coachId}`, idempotent: false })).rejects.toMatchObject({
      code: 'TIMEOUT',
    })
    expect(Date.now() - started).toBeLessThan(1400)
  })

  it('maps a dropped connection to NETWORK', async () => {
    sim.addFault({ drop: true })
    await expect(client().request({ path: `/athlete/${sim.coachId}`, idempotent: false })).rejects.toMatchObject({ code: 'NETWORK' })
  })

  it('cancels an operation in flight and one still queued', async () => {
    sim.addFault({ method: 'GET', delayMs: 1000 })
    const limiter = new RateLimiter({ perSecond: 100, burst: 100, maxInFlight: 1 })
    const http = client({ limiter })
    const ctrl = new AbortController()
    const inFlight = getAthlete(http, sim.coachId, { signal: ctrl.signal })
    const queued = getAthlete(http, sim.coachId, { signal: ctrl.signal })
    setTimeout(() => ctrl.abort(), 100)
    await expect(inFlight).rejects.toMatchObject({ code: 'CANCELLED' })
    await expect(queued).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(limiter.active).toBe(0)
    expect(limiter.pending).toBe(0)
  })
})
