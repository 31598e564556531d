import { createServer } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { silentLogger } from '../log'
import { profilesFor, startSim, type SimHandle } from '../sim'
import { getAthlete, listActivities } from './api'
import { IcuHttp, type RetryNotice } from './http'
import { RateLimiter } from './limiter'

// Waiting for intervals.icu is bounded, visible and stoppable; a network that answers nothing is
// reported in seconds. Real HTTP against the simulator.

function client(baseUrl: string, apiKey: string, limiter: RateLimiter, notices: RetryNotice[] = []) {
  return new IcuHttp({ baseUrl, apiKey: () => apiKey, limiter, log: silentLogger, timeoutMs: 5000, backoffBaseMs: 20, onRetry: (n) => notices.push(n) })
}

describe('a 429 with Retry-After: 3600', () => {
  let sim: SimHandle
  beforeAll(async () => {
    sim = await startSim({ rateLimit: false })
  })
  afterEach(() => {
    sim.clearFaults()
    sim.resetRequests()
  })
  afterAll(() => sim.close())
  const path = () => `/api/v1/athlete/${sim.coachId}`

  it('holds the queue for the bound, not an hour, and the request then completes', async () => {
    sim.addFault({ path: path(), status: 429, retryAfter: 3600, times: 1 })
    const notices: RetryNotice[] = []
    const limiter = new RateLimiter({ perSecond: 100, burst: 100, maxInFlight: 4, maxPauseMs: 400 })
    const started = Date.now()
    const athlete = await getAthlete(client(sim.url, sim.apiKey, limiter, notices), sim.coachId)
    expect(athlete.id).toBe(sim.coachId)
    expect(Date.now() - started).toBeLessThan(3000)
    expect(notices).toEqual([{ attempt: 1, delayMs: 400, reason: 'RATE_LIMITED', retryAfterMs: 3_600_000 }])
    expect(sim.requests.map((r) => r.status)).toEqual([429, 200])
  })

  it('with the default bound pauses for a minute, and stop waiting cancels what is queued without sending it', async () => {
    sim.addFault({ path: path(), status: 429, retryAfter: 3600, times: 1 })
    const notices: RetryNotice[] = []
    const limiter = new RateLimiter({ perSecond: 100, burst: 100, maxInFlight: 4 })
    const http = client(sim.url, sim.apiKey, limiter, notices)
    const first = getAthlete(http, sim.coachId)
    first.catch(() => {})
    while (notices.length === 0) await new Promise((r) => setTimeout(r, 10))
    expect(notices[0]).toMatchObject({ delayMs: 60_000, retryAfterMs: 3_600_000 })
    expect(limiter.pausedForMs).toBeGreaterThan(59_000)
    expect(limiter.pausedForMs).toBeLessThanOrEqual(60_000)
    // More work arrives during the pause and queues behind it.
    const later = listActivities(http, sim.coachId, { oldest: '2026-01-01' })
    later.catch(() => {})
    await new Promise((r) => setTimeout(r, 50))
    expect(limiter.waiting).toBe(2)
    expect(limiter.cancelWaiting()).toBe(2)
    await expect(first).rejects.toMatchObject({ code: 'CANCELLED' })
    await expect(later).rejects.toMatchObject({ code: 'CANCELLED' })
    await new Promise((r) => setTimeout(r, 100))
    // Only the refused request reached the server.
    expect(sim.requests.map((r) => r.status)).toEqual([429])
    expect(limiter.pausedForMs).toBe(0)
    await expect(getAthlete(http, sim.coachId)).resolves.toMatchObject({ id: sim.coachId })
  })
})

describe.each(profilesFor(['retryAfter']))('the client under $name', ({ profile }) => {
  let sim: SimHandle
  beforeAll(async () => {
    sim = await startSim({ rateLimit: { perSecond: 10, burst: 10 }, profile })
  })
  afterAll(() => sim.close())

  it('rides out the rate limit: every request completes once, each wait is bounded and says why', async () => {
    const notices: RetryNotice[] = []
    // Looser than the server, so it draws 429s.
    const http = client(sim.url, sim.apiKey, new RateLimiter({ perSecond: 100, burst: 30, maxInFlight: 10 }), notices)
    const results = await Promise.all(Array.from({ length: 25 }, () => listActivities(http, sim.coachId, { oldest: '2026-11-01', limit: 1 })))
    expect(results.every((r) => Array.isArray(r))).toBe(true)
    expect(sim.requests.filter((r) => r.status === 200)).toHaveLength(25)
    const limited = notices.filter((n) => n.reason === 'RATE_LIMITED')
    expect(limited.length).toBeGreaterThan(0)
    for (const n of limited) {
      expect(n.delayMs).toBeLessThanOrEqual(60_000)
      if (profile.retryAfter === 'sent') expect(n).toMatchObject({ retryAfterMs: 1000, delayMs: 1000 })
      else expect(n.retryAfterMs).toBeUndefined()
    }
  })
})

describe('an unreachable intervals.icu', () => {
  it('connection refused fails as NETWORK within seconds, after at most one quick retry', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as { port: number }).port
        probe.close(() => resolve(p))
      })
    })
    const notices: RetryNotice[] = []
    const http = new IcuHttp({
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: () => 'key-12345678',
      limiter: new RateLimiter({ perSecond: 100, burst: 100, maxInFlight: 4 }),
      log: silentLogger,
      onRetry: (n) => notices.push(n),
    })
    const started = Date.now()
    await expect(http.request({ path: '/athlete/0' })).rejects.toMatchObject({ code: 'NETWORK' })
    expect(Date.now() - started).toBeLessThan(2000)
    expect(http.requestCount).toBe(2)
    expect(notices).toEqual([])
  })

  it('a name that does not resolve fails as NETWORK within seconds', async () => {
    const http = new IcuHttp({
      baseUrl: 'http://coach-desk-no-such-host.invalid',
      apiKey: () => 'key-12345678',
      limiter: new RateLimiter({ perSecond: 100, burst: 100, maxInFlight: 4 }),
      log: silentLogger,
    })
    const started = Date.now()
    await expect(http.request({ path: '/athlete/0' })).rejects.toMatchObject({ code: 'NETWORK' })
    expect(Date.now() - started).toBeLessThan(5000)
    expect(http.requestCount).toBeLessThanOrEqual(2)
  })
})
