import { afterEach, describe, expect, it } from 'vitest'
import { TokenBucket } from './rateLimit'
import { client, startTestSim } from './testHarness'
import type { SimHandle } from './types'

describe('TokenBucket', () => {
  it('allows a burst, then refills at the configured rate', () => {
    let t = 0
    const bucket = new TokenBucket(10, 3, () => t)
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false])
    t = 100 // 100 ms at 10/s is one token
    expect(bucket.take()).toBe(true)
    expect(bucket.take()).toBe(false)
    t = 10_000 // never more than the burst
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false])
  })
})

describe('the rate limit over HTTP', () => {
  let sim: SimHandle
  afterEach(() => sim.close())

  it('answers 429 with Retry-After past the burst, and recovers after a pause', async () => {
    // A slow refill keeps the count exact even when the 12 requests arrive spread out on a busy machine.
    sim = await startTestSim({ rateLimit: { perSecond: 1, burst: 5 } })
    const api = client(sim)
    const burst = await Promise.all(Array.from({ length: 12 }, () => api.get('/athlete/0')))
    const limited = burst.filter((r) => r.status === 429)
    expect(burst.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(5)
    expect(limited.length).toBeGreaterThanOrEqual(6)
    expect(limited[0].body).toEqual({ status: 429, error: 'Too Many Requests' })
    expect(limited[0].headers.get('retry-after')).toBe('1')
    await new Promise((r) => setTimeout(r, 1100))
    expect((await api.get('/athlete/0')).status).toBe(200)
  })

  it('does not apply a write the limiter refused', async () => {
    sim = await startTestSim({ rateLimit: { perSecond: 1, burst: 3 } })
    const api = client(sim)
    const athlete = sim.state.coached[0]
    const before = athlete.events.length
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        api.post(`/athlete/${athlete.id}/events`, { category: 'NOTE', start_date_local: '2026-03-12', name: `n${i}` }),
      ),
    )
    const created = results.filter((r) => r.status === 200).length
    expect(results.some((r) => r.status === 429)).toBe(true)
    expect(athlete.events.length).toBe(before + created)
  })

  it('can be turned off', async () => {
    sim = await startTestSim({ rateLimit: false })
    const api = client(sim)
    const results = await Promise.all(Array.from({ length: 40 }, () => api.get('/athlete/0')))
    expect(results.every((r) => r.status === 200)).toBe(true)
  })
})
