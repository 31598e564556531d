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
      let started = -1
      const t0 = Date.now()
      void limiter.acquire().then(() => (started = Date.now() - t0))
      // One wake-up, when the pause ends.
      await vi.advanceTimersToNextTimerAsync()
      expect(started).toBe(60_000)
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

// The same rules on a fake clock, to the millisecond: each start time below is worked out by hand from
// the bucket (burst tokens, refilled at perSecond) and the cap on requests in flight.
describe('RateLimiter on a fake clock', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  /** Asks for `n` turns now; returns the clock time at which each started, in the order asked. */
  function startAt(limiter: RateLimiter, n: number, priority: 'view' | 'background' = 'view', hold = false): { starts: (number | null)[]; releases: (() => void)[] } {
    const t0 = Date.now()
    const starts: (number | null)[] = Array.from({ length: n }, () => null)
    const releases: (() => void)[] = []
    for (let i = 0; i < n; i++) {
      void limiter.acquire(undefined, priority).then((release) => {
        starts[i] = Date.now() - t0
        if (hold) releases.push(release)
        else release()
      })
    }
    return { starts, releases }
  }

  it('starts the burst at once, then one request per 1/perSecond', async () => {
    vi.useFakeTimers()
    const limiter = new RateLimiter({ perSecond: 10, burst: 3, maxInFlight: 100 })
    const { starts } = startAt(limiter, 6)
    await vi.advanceTimersByTimeAsync(1000)
    expect(starts).toEqual([0, 0, 0, 100, 200, 300])
  })

  it('refills up to the burst only, however long the queue was idle', async () => {
    vi.useFakeTimers()
    const limiter = new RateLimiter({ perSecond: 10, burst: 3, maxInFlight: 100 })
    await vi.advanceTimersByTimeAsync(10_000)
    const { starts } = startAt(limiter, 5)
    await vi.advanceTimersByTimeAsync(1000)
    expect(starts).toEqual([0, 0, 0, 100, 200])
  })

  it('a part-refilled token is counted: half a token left waits only for the other half', async () => {
    vi.useFakeTimers()
    const limiter = new RateLimiter({ perSecond: 4, burst: 1, maxInFlight: 100 })
    startAt(limiter, 1)
    await vi.advanceTimersByTimeAsync(125)
    // 125 ms at 4/s is half a token; the next whole one is 125 ms away.
    const { starts } = startAt(limiter, 1)
    await vi.advanceTimersByTimeAsync(1000)
    expect(starts).toEqual([125])
  })

  it('a released turn lets the next waiting request start at once; a second release of the same turn frees nothing', async () => {
    vi.useFakeTimers()
    const limiter = new RateLimiter({ perSecond: 1000, burst: 1000, maxInFlight: 1 })
    const { starts, releases } = startAt(limiter, 3, 'view', true)
    await vi.advanceTimersByTimeAsync(50)
    expect(starts).toEqual([0, null, null])
    expect(limiter.active).toBe(1)
    expect(limiter.pending).toBe(2)
    releases[0]!()
    releases[0]!()
    await vi.advanceTimersByTimeAsync(10)
    expect(starts).toEqual([0, 50, null])
    expect(limiter.active).toBe(1)
    expect(limiter.pending).toBe(1)
  })

  it('a pause holds the queue for exactly its length, then the refilled tokens go', async () => {
    vi.useFakeTimers()
    const limiter = new RateLimiter({ perSecond: 10, burst: 2, maxInFlight: 100 })
    expect(limiter.pause(500)).toBe(500)
    await vi.advanceTimersByTimeAsync(200)
    expect(limiter.pausedForMs).toBe(300)
    const { starts } = startAt(limiter, 3)
    await vi.advanceTimersByTimeAsync(1000)
    // Back at 500 ms with the bucket full again (2 tokens), then 10/s.
    expect(starts).toEqual([300, 300, 400])
    expect(limiter.pausedForMs).toBe(0)
  })

  it('a pause empties the bucket: what was left of the burst is not sent into the server’s limit', async () => {
    vi.useFakeTimers()
    const limiter = new RateLimiter({ perSecond: 10, burst: 5, maxInFlight: 100 })
    limiter.pause(1)
    const { starts } = startAt(limiter, 2)
    await vi.advanceTimersByTimeAsync(1000)
    // The bucket refills from the moment of the 429: a token at 100 ms, the next at 200.
    expect(starts).toEqual([100, 200])
  })

  it('a shorter pause does not cut a longer one short; a negative one holds nothing', async () => {
    vi.useFakeTimers()
    // A clock from 0, as a monotonic one may be: the wake-up is at the pause's end, not that end plus the time.
    const t0 = Date.now()
    const limiter = new RateLimiter({ perSecond: 1000, burst: 1000, maxInFlight: 100, now: () => Date.now() - t0 })
    limiter.pause(400)
    expect(limiter.pause(100)).toBe(100)
    expect(limiter.pausedForMs).toBe(400)
    expect(limiter.pause(-50)).toBe(0)
    expect(limiter.pausedForMs).toBe(400)
    // The earlier wake-ups find the queue still held and wake it again when the longest pause ends.
    const { starts } = startAt(limiter, 1)
    await vi.advanceTimersByTimeAsync(1000)
    expect(starts).toEqual([400])
  })

  it('a backoff delay lasts its length; a negative one ends at once', async () => {
    vi.useFakeTimers()
    const limiter = new RateLimiter({ perSecond: 1000, burst: 1000, maxInFlight: 1 })
    let ended = -1
    void limiter.delay(300).then(() => (ended = Date.now()))
    const t0 = Date.now()
    expect(limiter.waiting).toBe(1)
    await vi.advanceTimersByTimeAsync(299)
    expect(ended).toBe(-1)
    await vi.advanceTimersByTimeAsync(1)
    expect(ended - t0).toBe(300)
    expect(limiter.waiting).toBe(0)
    let now = false
    void limiter.delay(-10).then(() => (now = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(now).toBe(true)
  })

  it('a delay already cancelled is refused before it waits, and a finished delay is not cancelled later', async () => {
    vi.useFakeTimers()
    const limiter = new RateLimiter({ perSecond: 1000, burst: 1000, maxInFlight: 1 })
    const ctrl = new AbortController()
    ctrl.abort()
    const outcomes: unknown[] = []
    limiter.delay(100, ctrl.signal).then(() => outcomes.push('waited'), (e: unknown) => outcomes.push(e))
    limiter.acquire(ctrl.signal).then(() => outcomes.push('started'), (e: unknown) => outcomes.push(e))
    expect(limiter.waiting).toBe(0)
    await vi.advanceTimersByTimeAsync(200)
    expect(outcomes).toEqual([
      expect.objectContaining({ code: 'CANCELLED', message: 'The request was cancelled.' }),
      expect.objectContaining({ code: 'CANCELLED', message: 'The request was cancelled.' }),
    ])
    const live = new AbortController()
    const done = limiter.delay(100, live.signal)
    await vi.advanceTimersByTimeAsync(100)
    await expect(done).resolves.toBeUndefined()
    live.abort()
    expect(limiter.cancelWaiting()).toBe(0)
  })

  it('a request that started is not cancelled by its signal later, and its turn still counts', async () => {
    vi.useFakeTimers()
    const limiter = new RateLimiter({ perSecond: 1000, burst: 1000, maxInFlight: 1 })
    const ctrl = new AbortController()
    const release = await limiter.acquire(ctrl.signal)
    ctrl.abort()
    const next = startAt(limiter, 1)
    await vi.advanceTimersByTimeAsync(10)
    expect(next.starts).toEqual([null])
    release()
    await vi.advanceTimersByTimeAsync(1)
    expect(next.starts).toEqual([10])
  })

  it('a cancelled waiter leaves the others in their places', async () => {
    vi.useFakeTimers()
    const limiter = new RateLimiter({ perSecond: 10, burst: 1, maxInFlight: 100 })
    startAt(limiter, 1)
    const order: string[] = []
    const ctrl = new AbortController()
    const a = limiter.acquire().then(() => order.push('a'))
    const b = limiter.acquire(ctrl.signal).then(
      () => order.push('b'),
      () => order.push('b cancelled'),
    )
    const c = limiter.acquire().then(() => order.push('c'))
    ctrl.abort()
    await vi.advanceTimersByTimeAsync(300)
    await Promise.all([a, b, c])
    expect(order).toEqual(['b cancelled', 'a', 'c'])
    // Nothing waits any more, so no timer is left to wake the queue.
    expect(vi.getTimerCount()).toBe(0)
  })

  it('waits for its token with one wake-up at the whole millisecond it is there, not by polling', async () => {
    vi.useFakeTimers()
    const limiter = new RateLimiter({ perSecond: 3, burst: 1, maxInFlight: 100 })
    startAt(limiter, 1)
    const { starts } = startAt(limiter, 1)
    // A token every 333.3 ms: the one timer set fires at 334.
    await vi.advanceTimersToNextTimerAsync()
    expect(starts).toEqual([334])
  })

  it('after stop waiting, a new request that must wait for a token still starts when it is there', async () => {
    vi.useFakeTimers()
    const limiter = new RateLimiter({ perSecond: 10, burst: 1, maxInFlight: 100 })
    startAt(limiter, 1)
    const dropped = limiter.acquire()
    dropped.catch(() => {})
    await vi.advanceTimersByTimeAsync(0)
    expect(limiter.cancelWaiting()).toBe(1)
    // Stop waiting leaves no timer behind.
    expect(vi.getTimerCount()).toBe(0)
    const { starts } = startAt(limiter, 1)
    await vi.advanceTimersByTimeAsync(500)
    expect(starts).toEqual([100])
  })

  describe('background work', () => {
    it('by default leaves all but one token of the burst: it starts at the sustained rate, even from a full bucket', async () => {
      vi.useFakeTimers()
      const limiter = new RateLimiter({ perSecond: 10, burst: 4, maxInFlight: 100 })
      const { starts } = startAt(limiter, 3, 'background')
      await vi.advanceTimersByTimeAsync(1000)
      // 4 tokens: the first leaves 3 (the reserve); each later one waits for a token over the reserve.
      expect(starts).toEqual([0, 100, 200])
    })

    it('by default leaves one slot in flight for the view', async () => {
      vi.useFakeTimers()
      const limiter = new RateLimiter({ perSecond: 1000, burst: 1000, maxInFlight: 3, backgroundReserve: { tokens: 0, slots: 1 } })
      const { starts } = startAt(limiter, 3, 'background', true)
      await vi.advanceTimersByTimeAsync(100)
      expect(starts).toEqual([0, 0, null])
      expect(limiter.active).toBe(2)
    })

    it('takes a reserve as configured, kept within what leaves it a token and a slot', async () => {
      vi.useFakeTimers()
      const tight = new RateLimiter({ perSecond: 10, burst: 4, maxInFlight: 100, backgroundReserve: { tokens: 2, slots: 0 } })
      const a = startAt(tight, 3, 'background')
      await vi.advanceTimersByTimeAsync(1000)
      expect(a.starts).toEqual([0, 0, 100])
      // Asking to keep more than the burst keeps burst - 1; more slots than there are keeps all but one.
      const greedy = new RateLimiter({ perSecond: 10, burst: 3, maxInFlight: 2, backgroundReserve: { tokens: 9, slots: 9 } })
      const b = startAt(greedy, 2, 'background')
      await vi.advanceTimersByTimeAsync(1000)
      expect(b.starts).toEqual([0, 100])
      const none = new RateLimiter({ perSecond: 10, burst: 3, maxInFlight: 2, backgroundReserve: { tokens: -5, slots: -5 } })
      const c = startAt(none, 4, 'background')
      await vi.advanceTimersByTimeAsync(1000)
      expect(c.starts).toEqual([0, 0, 0, 100])
    })

    it('a view request waiting for a token is woken when its token is there, not when background work’s would be', async () => {
      vi.useFakeTimers()
      const limiter = new RateLimiter({ perSecond: 10, burst: 5, maxInFlight: 100 })
      startAt(limiter, 5)
      await vi.advanceTimersByTimeAsync(0)
      // The bucket is empty: background work needs 5 tokens (500 ms), the view 1 (100 ms).
      const bg = startAt(limiter, 1, 'background')
      await vi.advanceTimersByTimeAsync(0)
      const view = startAt(limiter, 1)
      await vi.advanceTimersByTimeAsync(0)
      // One timer, for the earlier of the two wake-ups.
      expect(vi.getTimerCount()).toBe(1)
      await vi.advanceTimersByTimeAsync(2000)
      expect(view.starts).toEqual([100])
      // After the view's token, 1 token at 100 ms; 5 are there 400 ms later.
      expect(bg.starts).toEqual([600])
    })
  })
})
