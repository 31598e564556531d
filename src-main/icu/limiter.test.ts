import { describe, expect, it } from 'vitest'
import { RateLimiter } from './limiter'

async function startTimes(limiter: RateLimiter, n: number, holdMs = 0): Promise<number[]> {
  const t0 = Date.now()
  return Promise.all(
    Array.from({ length: n }, async () => {
      const release = await limiter.acquire()
      const at = Date.now() - t0
      setTimeout(release, holdMs)
      return at
    }),
  )
}

describe('RateLimiter', () => {
  it('lets a burst through at once, then holds to the sustained rate', async () => {
    const limiter = new RateLimiter({ perSecond: 20, burst: 5, maxInFlight: 100 })
    const times = (await startTimes(limiter, 10)).sort((a, b) => a - b)
    expect(times[4]).toBeLessThan(120)
    // Five more at 20/s need about 250 ms.
    expect(times[9]).toBeGreaterThanOrEqual(200)
  })

  it('never has more requests in flight than allowed', async () => {
    const limiter = new RateLimiter({ perSecond: 1000, burst: 1000, maxInFlight: 3 })
    let peak = 0
    await Promise.all(
      Array.from({ length: 12 }, async () => {
        const release = await limiter.acquire()
        peak = Math.max(peak, limiter.active)
        await new Promise((r) => setTimeout(r, 10))
        release()
      }),
    )
    expect(peak).toBe(3)
  })

  it('pauses the whole queue after a 429', async () => {
    const limiter = new RateLimiter({ perSecond: 1000, burst: 1000, maxInFlight: 10 })
    limiter.pause(300)
    const times = await startTimes(limiter, 3)
    for (const t of times) expect(t).toBeGreaterThanOrEqual(280)
  })

  it('drops a cancelled waiter from the queue with CANCELLED', async () => {
    const limiter = new RateLimiter({ perSecond: 1, burst: 1, maxInFlight: 1 })
    const first = await limiter.acquire()
    const ctrl = new AbortController()
    const waiting = limiter.acquire(ctrl.signal)
    expect(limiter.pending).toBe(1)
    ctrl.abort()
    await expect(waiting).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(limiter.pending).toBe(0)
    first()
  })
})
