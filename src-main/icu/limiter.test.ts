import { afterEach, describe, expect, it, vi } from 'vitest'
import { MAX_PAUSE_MS, RateLimiter } from './limiter'

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

  describe('priorities: the view first, background work yields', () => {
    it('starts view requests before background requests queued earlier', async () => {
      const limiter = new RateLimiter({ perSecond: 50, burst: 1, maxInFlight: 10 })
      const order: string[] = []
      const take = (name: string, priority: 'view' | 'background') =>
        limiter.acquire(undefined, priority).then((release) => {
          order.push(name)
          release()
        })
      const all = [1, 2, 3, 4].map((i) => take(`bg${i}`, 'background'))
      all.push(take('view1', 'view'), take('view2', 'view'))
      await Promise.all(all)
      // bg1 took the only token before the view asked; every later turn goes to the view first.
      expect(order).toEqual(['bg1', 'view1', 'view2', 'bg2', 'bg3', 'bg4'])
    })

    it('leaves the burst to the view: a view opened during background work starts at once', async () => {
      const limiter = new RateLimiter({ perSecond: 20, burst: 5, maxInFlight: 10 })
      const t0 = Date.now()
      const background = Array.from({ length: 20 }, () => limiter.acquire(undefined, 'background').then((release) => (release(), Date.now() - t0)))
      await new Promise((r) => setTimeout(r, 120))
      // Background work goes at the sustained rate, never in a burst: about one start per 50 ms.
      const bgStarted = 20 - limiter.pending
      const elapsed = Date.now() - t0
      expect(bgStarted).toBeLessThanOrEqual(2 + Math.floor((elapsed * 20) / 1000))
      const v0 = Date.now()
      const view = await Promise.all(Array.from({ length: 4 }, () => limiter.acquire().then((release) => (release(), Date.now() - v0))))
      // Four of the five burst tokens were kept: the view's four requests start without waiting for the rate.
      expect(Math.max(...view)).toBeLessThan(40)
      limiter.cancelWaiting()
      await Promise.allSettled(background)
    })

    it('keeps a slot in flight for the view', async () => {
      const limiter = new RateLimiter({ perSecond: 1000, burst: 1000, maxInFlight: 3 })
      const held: (() => void)[] = []
      const background = Array.from({ length: 5 }, () => limiter.acquire(undefined, 'background').then((release) => held.push(release)))
      await new Promise((r) => setTimeout(r, 20))
      expect(limiter.active).toBe(2)
      const release = await limiter.acquire()
      expect(limiter.active).toBe(3)
      release()
      for (const r of held.splice(0)) r()
      limiter.cancelWaiting()
      await Promise.allSettled(background)
    })

    it('stop waiting cancels queued background requests as well', async () => {
      const limiter = new RateLimiter({ perSecond: 1, burst: 1, maxInFlight: 1 })
      const first = await limiter.acquire()
      const queued = [limiter.acquire(undefined, 'background'), limiter.acquire()]
      expect(limiter.pending).toBe(2)
      expect(limiter.cancelWaiting()).toBe(2)
      for (const p of queued) await expect(p).rejects.toMatchObject({ code: 'CANCELLED' })
      first()
    })
  })

  describe('bounded, stoppable waiting', () => {
    afterEach(() => {
      vi.useRealTimers()
    })

    it('caps a long pause at a minute and lets the queue go then', async () => {
      vi.useFakeTimers()
      const limiter = new RateLimiter({ perSecond: 1000, burst: 1000, maxInFlight: 10, now: () => Date.now() })
      expect(limiter.pause(3_600_000)).toBe(MAX_PAUSE_MS)
      expect(limiter.pausedForMs).toBe(60_000)
      let started = false
      void limiter.acquire().then(() => (started = true))
      await vi.advanceTimersByTimeAsync(59_000)
      expect(started).toBe(false)
      await vi.advanceTimersByTimeAsync(1_100)
      expect(started).toBe(true)
      expect(limiter.pausedForMs).toBe(0)
    })

    it('caps a backoff delay too, and honours a smaller bound', async () => {
      vi.useFakeTimers()
      const limiter = new RateLimiter({ perSecond: 1000, burst: 1000, maxInFlight: 10, maxPauseMs: 5_000 })
      expect(limiter.pause(10_000)).toBe(5_000)
      let done = false
      void limiter.delay(3_600_000).then(() => (done = true))
      await vi.advanceTimersByTimeAsync(5_001)
      expect(done).toBe(true)
    })

    it('stop waiting cancels every queued and backing-off request, ends the pause, and spares those in flight', async () => {
      vi.useFakeTimers()
      const limiter = new RateLimiter({ perSecond: 1000, burst: 1000, maxInFlight: 1 })
      const inFlight = await limiter.acquire()
      limiter.pause(60_000)
      const queued = [limiter.acquire(), limiter.acquire()]
      const backingOff = limiter.delay(30_000)
      for (const p of [...queued, backingOff]) p.catch(() => {})
      expect(limiter.waiting).toBe(3)
      expect(limiter.cancelWaiting()).toBe(3)
      for (const p of [...queued, backingOff]) await expect(p).rejects.toMatchObject({ code: 'CANCELLED' })
      expect(limiter.waiting).toBe(0)
      expect(limiter.pausedForMs).toBe(0)
      expect(limiter.active).toBe(1)
      inFlight()
      // The queue works again at once.
      const next = limiter.acquire()
      await vi.advanceTimersByTimeAsync(1)
      await expect(next).resolves.toBeTypeOf('function')
    })

    it('a cancelled signal ends a backoff delay with CANCELLED', async () => {
      const limiter = new RateLimiter({ perSecond: 1000, burst: 1000, maxInFlight: 1 })
      const ctrl = new AbortController()
      const waiting = limiter.delay(10_000, ctrl.signal)
      ctrl.abort()
      await expect(waiting).rejects.toMatchObject({ code: 'CANCELLED' })
      expect(limiter.waiting).toBe(0)
    })
  })
})
